//! The machine-readable report formats (sarif, github, rdjson, junit, checkstyle) as CI
//! services read them: snapshots on the seeds, the SARIF schema, stable fingerprints, and
//! hostile article text that must not break any of them.
use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

const FORMATS: &[&str] = &[
    "sarif",
    "github",
    "rdjson",
    "junit",
    "checkstyle",
    "json",
    "human",
];
const MAJORITY: &str = "Amal El Fallah Seghrouchni";
const ODD: &str = "Amal Al-Fellah Sebbar";
/// The odd source's location: the name with the role written beside it.
const ODD_SPAN: &str =
    "Amal Al-Fellah Sebbar, ministre de la Transition numérique et de la Réforme de l’administration";
const RULE: &str = "person.role-conflict";

/// Runs `factlint check PATH --format FORMAT` and gives its exit code and stdout.
fn check(path: &Path, format: &str) -> (i32, String) {
    check_all(&[path], format)
}

fn check_all(paths: &[&Path], format: &str) -> (i32, String) {
    let out = Command::cargo_bin("factlint")
        .unwrap()
        .arg("check")
        .args(paths)
        .args(["--format", format, "--color", "never"])
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).expect("reports are UTF-8");
    (out.status.code().unwrap_or(-1), stdout)
}

fn seeds(format: &str) -> String {
    let (code, out) = check(Path::new("fixtures/seeds"), format);
    assert_eq!(code, 1, "the seeds have an error finding ({format})");
    for needle in [RULE, MAJORITY, ODD] {
        assert!(out.contains(needle), "{format} output names {needle}");
    }
    out
}

fn sarif_of(path: &Path) -> Value {
    let (code, out) = check(path, "sarif");
    assert!(
        code == 0 || code == 1,
        "sarif run on {} exits {code}",
        path.display()
    );
    serde_json::from_str(&out).expect("sarif output is JSON")
}

fn story_dirs() -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = fs::read_dir("fixtures/stories")
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    assert!(dirs.len() >= 8, "the story fixtures are there");
    dirs
}

fn results(sarif: &Value) -> &Vec<Value> {
    sarif["runs"][0]["results"].as_array().expect("results")
}

fn xml(text: &str) -> roxmltree::Document<'_> {
    roxmltree::Document::parse(text).unwrap_or_else(|e| panic!("not XML: {e}\n{text}"))
}

#[test]
fn seeds_sarif() {
    let out = seeds("sarif");
    let v: Value = serde_json::from_str(&out).unwrap();
    let run = &v["runs"][0];
    assert_eq!(run["columnKind"], "unicodeCodePoints");
    let r = &results(&v)[0];
    assert_eq!(r["ruleId"], RULE);
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    assert_eq!(rules[r["ruleIndex"].as_u64().unwrap() as usize]["id"], RULE);
    assert_eq!(
        r["locations"][0]["physicalLocation"]["region"]["snippet"]["text"],
        ODD_SPAN
    );
    // Each rule carries its `explain` text; the snapshot leaves those texts out, so that a
    // check's documentation can change without touching it.
    let mut v = v;
    for rule in v["runs"][0]["tool"]["driver"]["rules"]
        .as_array_mut()
        .unwrap()
    {
        let id = rule["id"].as_str().unwrap().to_string();
        let check = factlint::compare::find_check(&id).expect("a rule of factlint");
        assert_eq!(rule["fullDescription"]["text"], check.doc());
        assert_eq!(rule["help"]["markdown"], check.doc());
        assert_eq!(rule["shortDescription"]["text"], check.summary());
        for key in ["fullDescription", "help"] {
            rule[key] = serde_json::json!("[explain text]");
        }
    }
    insta::assert_snapshot!(serde_json::to_string_pretty(&v).unwrap());
}

#[test]
fn seeds_json() {
    let out = seeds("json");
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["findings"][0]["rule"], RULE);
    insta::assert_snapshot!(out);
}

#[test]
fn seeds_human() {
    let out = seeds("human");
    assert!(out.ends_with("1 finding: 1 error, 0 warnings, 0 info\n"));
    insta::assert_snapshot!(out);
}

#[test]
fn seeds_github() {
    let out = seeds("github");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 1, "one line for the one finding");
    assert!(lines[0].starts_with(
        "::error file=fixtures/seeds/000_a6b128aeba5815f7.txt,line=3,col=1,endLine=3,endColumn=95,title=person.role-conflict::"
    ));
    assert!(lines[0].contains("%0Aalso in fixtures/seeds/003_0b917e67affc4cb6.txt:9: "));
    insta::assert_snapshot!(out);
}

#[test]
fn seeds_rdjson() {
    let out = seeds("rdjson");
    let v: Value = serde_json::from_str(&out).unwrap();
    let d = &v["diagnostics"][0];
    assert_eq!(d["code"]["value"], RULE);
    assert_eq!(d["severity"], "ERROR");
    assert_eq!(d["related_locations"].as_array().unwrap().len(), 4);
    insta::assert_snapshot!(out);
}

#[test]
fn seeds_junit() {
    let out = seeds("junit");
    let doc = xml(&out);
    let cases: Vec<_> = doc
        .descendants()
        .filter(|n| n.has_tag_name("testcase"))
        .collect();
    assert_eq!(cases.len(), 5, "one test case per file, passing ones too");
    let failures: Vec<_> = doc
        .descendants()
        .filter(|n| n.has_tag_name("failure"))
        .collect();
    assert_eq!(failures.len(), 1);
    assert_eq!(failures[0].attribute("type"), Some(RULE));
    assert_eq!(
        failures[0].parent().unwrap().attribute("name"),
        Some("fixtures/seeds/000_a6b128aeba5815f7.txt")
    );
    assert!(failures[0]
        .text()
        .unwrap()
        .contains("fixtures/seeds/001_fdeebca318809bff.txt, line 103"));
    insta::assert_snapshot!(out);
}

#[test]
fn seeds_checkstyle() {
    let out = seeds("checkstyle");
    let doc = xml(&out);
    let files: Vec<_> = doc
        .descendants()
        .filter(|n| n.has_tag_name("file"))
        .collect();
    assert_eq!(files.len(), 5, "every file the contradiction involves");
    for f in &files {
        let e = f.children().find(|n| n.has_tag_name("error")).unwrap();
        assert_eq!(e.attribute("source"), Some("factlint.person.role-conflict"));
        assert_eq!(e.attribute("severity"), Some("error"));
    }
    insta::assert_snapshot!(out);
}

/// The schema lives in the shared folder beside the repository; a developer without it gets a
/// note, CI a failure.
fn sarif_schema() -> Option<Value> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/schemas/sarif-2.1.0.json");
    match fs::read_to_string(&path) {
        Ok(text) => Some(serde_json::from_str(&text).expect("the SARIF schema is JSON")),
        Err(e) => {
            assert!(
                std::env::var_os("CI").is_none(),
                "the SARIF 2.1.0 schema is missing at ../shared/schemas/sarif-2.1.0.json: {e}"
            );
            eprintln!("note: no SARIF schema at ../shared/schemas; schema validation skipped");
            None
        }
    }
}

fn uris(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::Object(m) => {
            if let Some(Value::String(u)) = m.get("artifactLocation").and_then(|a| a.get("uri")) {
                out.push(u.clone());
            }
            m.values().for_each(|x| uris(x, out));
        }
        Value::Array(a) => a.iter().for_each(|x| uris(x, out)),
        _ => {}
    }
}

fn located_articles(r: &Value) -> BTreeSet<u64> {
    r["locations"]
        .as_array()
        .into_iter()
        .chain(r["relatedLocations"].as_array())
        .flatten()
        .filter_map(|l| l["physicalLocation"]["artifactLocation"]["index"].as_u64())
        .collect()
}

/// SARIF for every fixture story validates against the 2.1.0 schema, names no absolute path,
/// fingerprints each result and locates every source of a cross-source finding.
#[test]
fn sarif_is_valid_and_complete_on_every_story() {
    let schema = sarif_schema();
    let validator = schema
        .as_ref()
        .map(|s| jsonschema::draft4::new(s).expect("the SARIF schema compiles"));
    let mut paths = vec![
        PathBuf::from("fixtures/seeds"),
        PathBuf::from("fixtures/hostile"),
    ];
    paths.extend(story_dirs());
    let mut cross_source = 0;
    for path in &paths {
        let v = sarif_of(path);
        if let Some(validator) = &validator {
            let errors: Vec<String> = validator
                .iter_errors(&v)
                .map(|e| format!("{} at {}", e, e.instance_path))
                .collect();
            assert!(errors.is_empty(), "{}: {errors:#?}", path.display());
            // The validator does reject what breaks the schema.
            let mut broken = v.clone();
            broken["runs"][0]["columnKind"] = "bytes".into();
            assert!(!validator.is_valid(&broken));
        }
        let mut all = Vec::new();
        uris(&v, &mut all);
        assert!(!all.is_empty(), "{} lists its articles", path.display());
        for u in &all {
            let before_slash = u.split('/').next().unwrap_or("");
            assert!(
                !u.starts_with('/') && !before_slash.contains(':') && !u.contains('\\'),
                "{}: uri {u} is absolute",
                path.display()
            );
        }
        let artifacts = v["runs"][0]["artifacts"].as_array().unwrap();
        for r in results(&v) {
            let fp = r["partialFingerprints"]["factlint/v1"]
                .as_str()
                .unwrap_or("");
            assert_eq!(fp.len(), 16, "{}: a fingerprint on {r}", path.display());
            let idx = r["ruleIndex"].as_u64().unwrap() as usize;
            assert_eq!(
                v["runs"][0]["tool"]["driver"]["rules"][idx]["id"],
                r["ruleId"]
            );
            for i in located_articles(r) {
                assert!((i as usize) < artifacts.len());
            }
            let readings = r["properties"]["readings"].as_array().unwrap();
            if readings.len() > 1 {
                cross_source += 1;
                let sources: usize = readings
                    .iter()
                    .map(|rd| rd["sources"].as_array().unwrap().len())
                    .sum();
                assert_eq!(
                    located_articles(r).len(),
                    sources,
                    "{}: every source of {} is located",
                    path.display(),
                    r["message"]["text"]
                );
            }
        }
    }
    assert!(cross_source >= 8, "the stories hold cross-source findings");
}

#[test]
fn seeds_sarif_locates_every_other_source() {
    let v = sarif_of(Path::new("fixtures/seeds"));
    let r = &results(&v)[0];
    let related: BTreeSet<&str> = r["relatedLocations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| {
            l["physicalLocation"]["artifactLocation"]["uri"]
                .as_str()
                .unwrap()
        })
        .collect();
    let expected: BTreeSet<&str> = [
        "fixtures/seeds/001_fdeebca318809bff.txt",
        "fixtures/seeds/002_8e88450882d5b82b.txt",
        "fixtures/seeds/003_0b917e67affc4cb6.txt",
        "fixtures/seeds/004_53a6fb2861aa7942.txt",
    ]
    .into_iter()
    .collect();
    assert_eq!(related, expected);
    let ids: BTreeSet<u64> = r["relatedLocations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["id"].as_u64().unwrap())
        .collect();
    assert_eq!(ids.len(), 4, "related locations have distinct ids");
}

fn fingerprints_and_lines(v: &Value) -> (Vec<String>, Vec<u64>) {
    results(v)
        .iter()
        .map(|r| {
            (
                r["partialFingerprints"]["factlint/v1"]
                    .as_str()
                    .unwrap()
                    .to_string(),
                r["locations"][0]["physicalLocation"]["region"]["startLine"]
                    .as_u64()
                    .unwrap(),
            )
        })
        .unzip()
}

/// Editing an article above a finding moves its line but keeps its fingerprint, so that code
/// scanning does not close and reopen the alert.
#[test]
fn fingerprints_survive_a_line_inserted_above() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("seeds");
    fs::create_dir_all(&dir).unwrap();
    for e in fs::read_dir("fixtures/seeds").unwrap().flatten() {
        if e.path().extension().is_some_and(|x| x == "txt") {
            fs::copy(e.path(), dir.join(e.file_name())).unwrap();
        }
    }
    let before = sarif_of(&dir);
    let (fp_before, lines_before) = fingerprints_and_lines(&before);
    assert_eq!(fp_before.len(), 1);
    // The temporary folder is outside the working directory: its URIs are bare file names.
    let mut all = Vec::new();
    uris(&before, &mut all);
    assert!(all.iter().all(|u| !u.contains('/') && u.ends_with(".txt")));
    for e in fs::read_dir(&dir).unwrap().flatten() {
        let text = fs::read_to_string(e.path()).unwrap();
        fs::write(e.path(), format!("\n{text}")).unwrap();
    }
    let after = sarif_of(&dir);
    let (fp_after, lines_after) = fingerprints_and_lines(&after);
    assert_eq!(fp_before, fp_after);
    assert_eq!(
        lines_after,
        lines_before.iter().map(|l| l + 1).collect::<Vec<_>>()
    );
}

/// Every format on a hostile story: each output parses and stays within its syntax. Gives the
/// text of the JUnit failures, as a reader sees it after unescaping.
fn hostile_outputs_hold(path: &Path) -> String {
    let mut junit_body = String::new();
    for format in FORMATS {
        let (code, out) = check(path, format);
        assert_eq!(code, 1, "{format}: the hostile story has a finding");
        assert!(out.contains("Marcheti"), "{format} names the odd reading");
        let filler = "repeated to make one very long line. Filler sentence";
        assert!(
            !out.contains(filler),
            "{format}: the 100 kB line is not dumped"
        );
        match *format {
            "sarif" | "rdjson" | "json" => {
                let _: Value = serde_json::from_str(&out).expect("JSON");
            }
            "human" => {
                let bad: Vec<char> = out
                    .chars()
                    .filter(|c| c.is_control() && *c != '\n')
                    .collect();
                assert!(bad.is_empty(), "human: raw control characters {bad:?}");
            }
            "junit" | "checkstyle" => {
                let bad: Vec<char> = out
                    .chars()
                    .filter(|c| c.is_control() && *c != '\n' && *c != '\t')
                    .collect();
                assert!(bad.is_empty(), "{format}: raw control characters {bad:?}");
                let doc = xml(&out);
                let root = doc.root_element().tag_name().name();
                if *format == "junit" {
                    assert_eq!(root, "testsuites");
                    junit_body = doc
                        .descendants()
                        .filter(|n| n.has_tag_name("failure"))
                        .filter_map(|n| n.text())
                        .collect();
                } else {
                    assert_eq!(root, "checkstyle");
                }
            }
            "github" => {
                let lines: Vec<&str> = out.lines().collect();
                assert_eq!(lines.len(), 1, "one finding, one line: {out}");
                assert!(lines[0].starts_with("::warning file="), "{out}");
                assert!(!out.contains('\r'));
            }
            _ => unreachable!(),
        }
    }
    junit_body
}

/// Articles with markup, control characters, `]]>`, quotes and a 100 kB line.
#[test]
fn hostile_articles_break_no_format() {
    let body = hostile_outputs_hold(Path::new("fixtures/hostile"));
    // The source name's markup and quotes read back as written.
    assert!(
        body.contains("(Evening Post <b>bold</b> & \"quotes\")"),
        "{body}"
    );
}

/// A source name made of what XML cannot hold: control characters become U+FFFD, a carriage
/// return survives as a reference, and the document still parses.
#[test]
fn control_characters_in_a_source_name_keep_the_xml_well_formed() {
    let tmp = tempfile::tempdir().unwrap();
    let story = tmp.path().join("museum-fire");
    fs::create_dir_all(&story).unwrap();
    for e in fs::read_dir("fixtures/hostile/museum-fire")
        .unwrap()
        .flatten()
    {
        let text = fs::read_to_string(e.path()).unwrap();
        let text = if e.file_name() == "evening-post.md" {
            let (_, rest) = text.split_once("\ndate:").unwrap();
            format!("---\nsource: \"Evening \\a\\b\\e[31m Post <b>\\r]]> &\"\ndate:{rest}")
        } else {
            text
        };
        fs::write(story.join(e.file_name()), text).unwrap();
    }
    let body = hostile_outputs_hold(tmp.path());
    assert!(
        body.contains("(Evening \u{fffd}\u{fffd}\u{fffd}[31m Post <b>\r]]> &)"),
        "{body}"
    );
}

/// A run with nothing to report and a path that does not exist (exit 2): every format says so
/// in its own terms, and the SARIF still validates.
#[test]
fn a_clean_run_with_a_skipped_path() {
    let paths = [
        Path::new("tests/fixtures/checks/date.conflict/no-flag"),
        Path::new("missing dir"),
    ];
    let run = |format| {
        let (code, out) = check_all(&paths, format);
        assert_eq!(
            code, 2,
            "{format}: nothing to report, but a path is missing"
        );
        out
    };
    let sarif: Value = serde_json::from_str(&run("sarif")).unwrap();
    if let Some(schema) = sarif_schema() {
        assert!(jsonschema::draft4::new(&schema).unwrap().is_valid(&sarif));
    }
    assert!(results(&sarif).is_empty());
    assert_eq!(
        sarif["runs"][0]["invocations"][0]["executionSuccessful"],
        false
    );
    let notes = sarif["runs"][0]["invocations"][0]["toolExecutionNotifications"]
        .as_array()
        .unwrap();
    assert_eq!(notes.len(), 1);
    assert_eq!(
        notes[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "missing%20dir"
    );
    assert_eq!(sarif["runs"][0]["artifacts"].as_array().unwrap().len(), 3);

    assert_eq!(run("github"), "");

    let rd: Value = serde_json::from_str(&run("rdjson")).unwrap();
    assert_eq!(rd["diagnostics"], serde_json::json!([]));
    assert!(rd.get("severity").is_none());

    let junit = run("junit");
    let doc = xml(&junit);
    let suite = doc
        .descendants()
        .find(|n| n.has_tag_name("testsuite"))
        .unwrap();
    assert_eq!(suite.attribute("tests"), Some("4"));
    assert_eq!(suite.attribute("failures"), Some("0"));
    assert_eq!(suite.attribute("skipped"), Some("1"));
    let skipped = doc
        .descendants()
        .find(|n| n.has_tag_name("skipped"))
        .unwrap();
    assert_eq!(
        skipped.parent().unwrap().attribute("name"),
        Some("missing dir")
    );

    let cs = run("checkstyle");
    let doc = xml(&cs);
    assert_eq!(doc.root_element().tag_name().name(), "checkstyle");
    assert_eq!(
        doc.descendants().filter(|n| n.has_tag_name("file")).count(),
        0
    );
}
