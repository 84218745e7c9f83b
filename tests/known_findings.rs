//! Living with known findings: baselines, inline suppressions, front-matter ignores and
//! factlint.toml `accept` entries, run as a user runs them.
use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

fn factlint() -> Command {
    Command::cargo_bin("factlint").unwrap()
}

fn copy_tree(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for e in fs::read_dir(from).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() {
            copy_tree(&p, &to.join(e.file_name()));
        } else {
            fs::copy(&p, to.join(e.file_name())).unwrap();
        }
    }
}

fn articles(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(articles(&p));
        } else if p.extension().is_some_and(|x| x == "txt" || x == "md") {
            out.push(p);
        }
    }
    out.sort();
    out
}

/// The findings of a JSON run, with its exit code.
fn findings(args: &[&str]) -> (Vec<Value>, i32) {
    let out = factlint()
        .args(["check", "--format", "json", "--no-config"])
        .args(args)
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).expect("stdout is JSON");
    let f = v["findings"].as_array().cloned().unwrap_or_default();
    (f, out.status.code().unwrap_or(-1))
}

fn rules_of(f: &[Value]) -> Vec<String> {
    f.iter()
        .map(|x| x["rule"].as_str().unwrap_or("").to_string())
        .collect()
}

/// Inserts a line where the article's text begins (after its front matter, when it has one).
fn insert_line_at_top(path: &Path, line: &str) {
    let t = fs::read_to_string(path).unwrap();
    let at = t
        .strip_prefix("---\n")
        .and_then(|rest| rest.find("\n---\n"))
        .map_or(0, |i| 4 + i + 5);
    fs::write(path, format!("{}{line}\n{}", &t[..at], &t[at..])).unwrap();
}

#[test]
fn a_baseline_holds_when_lines_move_and_lets_a_new_discrepancy_through() {
    let tmp = tempfile::tempdir().unwrap();
    let stories = tmp.path().join("stories");
    copy_tree(Path::new("fixtures/stories"), &stories);
    let base = tmp.path().join("baseline.json");
    let s = stories.to_str().unwrap();
    let b = base.to_str().unwrap();

    let (all, code) = findings(&[s, "--write-baseline", b]);
    assert!(all.len() >= 20, "the stories have findings to record");
    assert_eq!(code, 1);
    let (left, code) = findings(&[s, "--baseline", b]);
    assert_eq!(left.len(), 0, "everything is in the baseline: {left:?}");
    assert_eq!(code, 0);

    for p in articles(&stories) {
        insert_line_at_top(&p, "Editor's note: this article has been updated.");
    }
    let (left, _) = findings(&[s, "--baseline", b]);
    assert_eq!(left.len(), 0, "lines moved, fingerprints held: {left:?}");
    let (moved, _) = findings(&[s]);
    assert_eq!(moved.len(), all.len());
    assert_ne!(
        moved[0]["locations"][0]["line"], all[0]["locations"][0]["line"],
        "the lines did move"
    );

    // One new discrepancy: one outlet now spells a commander's name another way.
    let odd = stories.join("en-bus-crash-salgaa/kenya-daily-mirror.txt");
    let t = fs::read_to_string(&odd).unwrap();
    assert!(t.contains("James Mugera"), "the fixture names him");
    fs::write(&odd, t.replace("Mugera", "Mugerra")).unwrap();
    let (left, code) = findings(&[s, "--baseline", b]);
    assert_eq!(left.len(), 1, "exactly the planted finding: {left:?}");
    assert_eq!(left[0]["rule"], "person.name-variant");
    assert!(left[0]["message"].as_str().unwrap().contains("Mugerra"));
    assert_eq!(code, 1);
}

#[test]
fn a_broken_baseline_is_a_clear_error() {
    let tmp = tempfile::tempdir().unwrap();
    let base = tmp.path().join("baseline.json");
    fs::write(&base, "{not json").unwrap();
    let out = factlint()
        .args(["check", "fixtures/seeds", "--baseline"])
        .arg(&base)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("not a factlint baseline"), "{err}");
    assert!(err.contains("baseline.json:1:"), "{err}");
}

fn seeds_with(edit: impl Fn(&str) -> String) -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    copy_tree(Path::new("fixtures/seeds"), tmp.path());
    let odd = tmp.path().join("000_a6b128aeba5815f7.txt");
    let t = fs::read_to_string(&odd).unwrap();
    fs::write(&odd, edit(&t)).unwrap();
    tmp
}

/// The seeds' odd article with a comment before its first line that names the minister.
fn comment_before_minister(comment: &str) -> tempfile::TempDir {
    seeds_with(|t| {
        let at = t.find("Amal Al-Fellah Sebbar, ministre").unwrap();
        let line = t[..at].rfind('\n').map_or(0, |i| i + 1);
        format!("{}{comment}\n\n{}", &t[..line], &t[line..])
    })
}

#[test]
fn disable_next_line_silences_the_finding_it_stands_above() {
    let (before, _) = findings(&["fixtures/seeds"]);
    assert_eq!(rules_of(&before), ["person.role-conflict"]);
    let tmp = comment_before_minister("<!-- factlint-disable-next-line person.role-conflict -->");
    let (after, code) = findings(&[tmp.path().to_str().unwrap()]);
    assert_eq!(after.len(), 0, "{after:?}");
    assert_eq!(code, 0);

    // Another rule's suppression leaves it, and is reported as unused on request.
    let tmp = comment_before_minister("<!-- factlint-disable-next-line date.conflict -->");
    let (after, _) = findings(&[tmp.path().to_str().unwrap()]);
    assert_eq!(rules_of(&after), ["person.role-conflict"]);
    let (after, _) = findings(&[tmp.path().to_str().unwrap(), "--report-unused-suppressions"]);
    let mut r = rules_of(&after);
    r.sort();
    assert_eq!(r, ["factlint.unused-suppression", "person.role-conflict"]);
}

#[test]
fn an_unknown_rule_in_a_suppression_is_reported_where_it_is_written() {
    let tmp = comment_before_minister("<!-- factlint-disable-next-line person.role-conflit -->");
    let (after, _) = findings(&[tmp.path().to_str().unwrap()]);
    let unknown: Vec<_> = after
        .iter()
        .filter(|f| f["rule"] == "factlint.unknown-rule")
        .collect();
    assert_eq!(unknown.len(), 1, "{after:?}");
    assert_eq!(unknown[0]["locations"][0]["text"], "person.role-conflit");
    assert!(rules_of(&after).contains(&"person.role-conflict".to_string()));
}

/// The seeds with the odd article's line about the minister between two comments.
fn minister_line_between(open: &str, close: &str) -> tempfile::TempDir {
    seeds_with(|t| {
        let at = t.find("Amal Al-Fellah Sebbar, ministre").unwrap();
        let line = t[..at].rfind('\n').map_or(0, |i| i + 1);
        let end = t[at..].find('\n').map_or(t.len(), |i| at + i + 1);
        format!(
            "{}{open}\n{}{close}\n{}",
            &t[..line],
            &t[line..end],
            &t[end..]
        )
    })
}

#[test]
fn a_disabled_range_ends_at_its_enable() {
    // `person` is not a rule id: nothing is silenced and the id is reported.
    let tmp = minister_line_between(
        "<!-- factlint-disable person -->",
        "<!-- factlint-enable -->",
    );
    let (after, _) = findings(&[tmp.path().to_str().unwrap()]);
    let mut r = rules_of(&after);
    r.sort();
    assert_eq!(r, ["factlint.unknown-rule", "person.role-conflict"]);

    let tmp = minister_line_between(
        "<!-- factlint-disable person.role-conflict -->",
        "<!-- factlint-enable person.role-conflict -->",
    );
    let (after, _) = findings(&[tmp.path().to_str().unwrap()]);
    assert_eq!(after.len(), 0, "{after:?}");
}

#[test]
fn front_matter_ignore_silences_and_checks_its_rule_ids() {
    let tmp = seeds_with(|t| {
        format!("---\nfactlint: {{ignore: [person.role-conflict, date.conflit]}}\n---\n{t}")
    });
    let (after, _) = findings(&[tmp.path().to_str().unwrap()]);
    assert_eq!(rules_of(&after), ["factlint.unknown-rule"], "{after:?}");
    assert_eq!(after[0]["locations"][0]["text"], "date.conflit");
}

#[test]
fn accepted_readings_in_the_config_are_not_reported() {
    let tmp = tempfile::tempdir().unwrap();
    copy_tree(Path::new("fixtures/seeds"), tmp.path());
    let dir = tmp.path().to_str().unwrap();
    let cfg = tmp.path().join("factlint.toml");
    fs::write(
        &cfg,
        "[[accept]]\nrule = \"person.role-conflict\"\nreadings = [\"Amal El Fallah Seghrouchni\", \"amal al-fellah sebbar\"]\nreason = \"house style\"\n",
    )
    .unwrap();
    // The config is found above the checked folder, so no --no-config here.
    let run = || {
        let out = factlint()
            .args(["check", "--format", "json", dir])
            .output()
            .unwrap();
        let v: Value = serde_json::from_slice(&out.stdout).unwrap();
        let f = v["findings"].as_array().cloned().unwrap_or_default();
        (f, out.status.code())
    };
    let (found, code) = run();
    assert_eq!(found.len(), 0, "{found:?}");
    assert_eq!(code, Some(0));

    // An accept entry for other readings leaves the finding.
    fs::write(
        &cfg,
        "[[accept]]\nreadings = [\"Amal El Fallah Seghrouchni\", \"Someone Else\"]\n",
    )
    .unwrap();
    let (found, _) = run();
    assert_eq!(found.len(), 1);

    // A broken entry is a diagnostic at its place in the file.
    fs::write(
        &cfg,
        "[[accept]]\nrule = \"person.nope\"\nreadings = [\"a\", \"b\"]\n",
    )
    .unwrap();
    let out = factlint()
        .args(["check", dir, "--color", "never"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("unknown check `person.nope`"), "{err}");
    assert!(err.contains("factlint.toml:2:"), "{err}");
}

#[test]
fn quiet_prints_only_the_count_and_statistics_count_per_rule() {
    let out = factlint()
        .args(["check", "fixtures/stories", "--quiet"])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let (all, _) = findings(&["fixtures/stories"]);
    assert_eq!(stdout, format!("{} findings\n", all.len()));
    assert!(out.stderr.is_empty());
    assert_eq!(out.status.code(), Some(1));

    let out = factlint()
        .args(["check", "fixtures/stories", "--statistics"])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let n = all
        .iter()
        .filter(|f| f["rule"] == "person.role-conflict")
        .count();
    assert!(n > 0);
    assert!(
        stdout
            .lines()
            .any(|l| l.split_whitespace().collect::<Vec<_>>()
                == [n.to_string().as_str(), "person.role-conflict", "[error]"]),
        "{stdout}"
    );
    assert!(stdout.ends_with(&format!("{} findings\n", all.len())));
}

#[test]
fn output_is_written_whole_to_the_named_file() {
    let tmp = tempfile::tempdir().unwrap();
    let out_file = tmp.path().join("report.json");
    factlint()
        .args(["check", "fixtures/seeds", "--format", "json", "-o"])
        .arg(&out_file)
        .assert()
        .code(1)
        .stdout("");
    let v: Value = serde_json::from_str(&fs::read_to_string(&out_file).unwrap()).unwrap();
    assert_eq!(v["findings"].as_array().unwrap().len(), 1);
    let left: Vec<_> = fs::read_dir(tmp.path()).unwrap().flatten().collect();
    assert_eq!(left.len(), 1, "no temporary file is left behind");
}
