//! The command line as users run it.
use std::fs;
use std::path::Path;

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

fn factlint() -> Command {
    Command::cargo_bin("factlint").unwrap()
}

fn json_of(args: &[&str]) -> Value {
    let out = factlint().args(args).output().unwrap();
    serde_json::from_slice(&out.stdout).expect("stdout is JSON")
}

fn copy_seeds(to: &Path) {
    fs::create_dir_all(to).unwrap();
    for e in fs::read_dir("fixtures/seeds").unwrap().flatten() {
        if e.path().extension().is_some_and(|x| x == "txt") {
            fs::copy(e.path(), to.join(e.file_name())).unwrap();
        }
    }
}

#[test]
fn seeds_report_the_minister_with_every_source() {
    factlint()
        .args(["check", "fixtures/seeds", "--color", "never"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("person.role-conflict"))
        .stdout(predicate::str::contains("Amal Al-Fellah Sebbar"))
        .stdout(predicate::str::contains(
            "4 of 5 sources give «Amal El Fallah Seghrouchni»",
        ))
        .stdout(predicate::str::contains(
            "also in fixtures/seeds/003_0b917e67affc4cb6.txt",
        ))
        .stdout(predicate::str::contains("5 files read, 0 skipped"))
        .stdout(predicate::str::contains(
            "1 finding: 1 error, 0 warnings, 0 info",
        ));
}

#[test]
fn seeds_json_has_one_finding_whose_offsets_slice_the_files() {
    let v = json_of(&["check", "fixtures/seeds", "--format", "json"]);
    assert_eq!(v["version"], 1);
    assert_eq!(v["summary"]["files"], 5);
    assert_eq!(v["summary"]["findings"]["error"], 1);
    let findings = v["findings"].as_array().unwrap();
    assert_eq!(findings.len(), 1);
    let f = &findings[0];
    assert_eq!(f["rule"], "person.role-conflict");
    let locs = f["locations"].as_array().unwrap();
    let files: std::collections::BTreeSet<&str> =
        locs.iter().map(|l| l["path"].as_str().unwrap()).collect();
    assert_eq!(files.len(), 5, "every source's mention is located");
    assert!(
        locs[0]["text"]
            .as_str()
            .unwrap()
            .starts_with("Amal Al-Fellah Sebbar, ministre"),
        "the odd reading comes first, with its role: {}",
        locs[0]["text"]
    );
    for l in locs {
        let bytes = fs::read(l["path"].as_str().unwrap()).unwrap();
        let (s, e) = (
            l["start"].as_u64().unwrap() as usize,
            l["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(
            std::str::from_utf8(&bytes[s..e]).unwrap(),
            l["text"].as_str().unwrap()
        );
        assert!(l["line"].as_u64().unwrap() >= 1 && l["column"].as_u64().unwrap() >= 1);
    }
    let dated: Vec<&Value> = v["files"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| !f["date"].is_null())
        .collect();
    assert!(dated
        .iter()
        .any(|f| f["date"] == "2024-11-26" && f["source"] == "Hespress"));
    assert!(dated
        .iter()
        .any(|f| f["date"] == "2025-06" && f["source"] == "LeSiteinfo"));
}

#[test]
fn fail_on_sets_the_exit_code() {
    factlint()
        .args(["check", "fixtures/seeds", "--fail-on", "never"])
        .assert()
        .code(0);
    factlint()
        .args(["check", "fixtures/seeds", "--fail-on", "error"])
        .assert()
        .code(1);
    factlint()
        .args(["check", "tests/fixtures/checks/person.name-variant/no-flag"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("0 findings"));
    // A misspelt folder is an error, and the other paths are still checked.
    factlint()
        .args(["check", "fixtures/seeds", "fixtures/no-such-story"])
        .assert()
        .code(2)
        .stdout(predicate::str::contains("person.role-conflict"))
        .stderr(predicate::str::contains(
            "no-such-story: no such file or folder",
        ));
    factlint()
        .args(["check", "fixtures/seeds", "--fail-on", "sometimes"])
        .assert()
        .code(2);
}

#[test]
fn claims_json_gives_people_with_roles() {
    let v = json_of(&["claims", "fixtures/seeds", "--format", "json"]);
    let claims = v["claims"].as_array().unwrap();
    let minister = claims
        .iter()
        .find(|c| {
            c["path"]
                .as_str()
                .unwrap()
                .ends_with("003_0b917e67affc4cb6.txt")
                && c["text"] == "Amal El Fallah Seghrouchni"
        })
        .expect("the minister in 003");
    assert_eq!(minister["kind"], "person");
    assert!(minister["value"]["role"]
        .as_str()
        .unwrap()
        .contains("Transition numérique"));
    assert_eq!(minister["value"]["title"], "ministre déléguée");
    for key in [
        "path", "kind", "start", "end", "line", "column", "text", "subject", "value",
    ] {
        assert!(minister.get(key).is_some(), "claim has {key}");
    }
    // Nothing from the sidebars of 001 and 004.
    assert!(!claims
        .iter()
        .any(|c| c["text"] == "Benjamin Bouchouari" || c["text"] == "Mehdi Bensaid"));
}

/// Runs `factlint SUBCOMMAND fixtures/seeds --rules DIR` with one rule file written at `rel`.
fn with_rule_file(subcommand: &str, rel: &str, text: &str) -> assert_cmd::assert::Assert {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(rel);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(&path, text).unwrap();
    factlint()
        .args([subcommand, "fixtures/seeds", "--rules"])
        .arg(dir.path())
        .assert()
}

#[test]
fn a_broken_rule_file_points_at_its_line_and_column() {
    with_rule_file(
        "check",
        "fr/person.toml",
        "[person]\nhonorifics = [\"M.\"]\nnicknames = [\"x\"]\n",
    )
    .code(2)
    .stdout(predicate::str::is_empty())
    .stderr(predicate::str::contains("unknown field `nicknames`"))
    .stderr(predicate::str::contains("person.toml:3:1"));
}

#[test]
fn a_bad_regex_in_a_rule_file_is_reported_at_the_pattern() {
    with_rule_file(
        "check",
        "common/extra.toml",
        "[segment]\ntime_prefix = '^(\\d+'\n",
    )
    .code(2)
    .stderr(predicate::str::contains("invalid regular expression"))
    .stderr(predicate::str::contains("extra.toml:2:15"));
}

#[test]
fn a_malformed_day_in_a_date_table_is_reported_at_its_value() {
    with_rule_file(
        "check",
        "fr/extra.toml",
        "[dates]\nholidays = { \"fête\" = \"13-xx\" }\n",
    )
    .code(2)
    .stderr(predicate::str::contains("is not MM-DD"))
    .stderr(predicate::str::contains("extra.toml:2:24"));
}

#[test]
fn an_out_of_range_part_or_ordinal_is_reported_at_its_value() {
    with_rule_file(
        "check",
        "fr/extra.toml",
        "[dates]\nweek_parts = { \"fin\" = \"4-9\" }\n",
    )
    .code(2)
    .stderr(predicate::str::contains(
        "is not first-last day of the week",
    ))
    .stderr(predicate::str::contains("extra.toml:2:24"));
    with_rule_file(
        "check",
        "en/extra.toml",
        "[dates]\nordinals = { \"zeroth\" = 0 }\n",
    )
    .code(2)
    .stderr(predicate::str::contains("is not an ordinal"))
    .stderr(predicate::str::contains("extra.toml:2:14"));
}

#[test]
fn a_wrong_type_in_a_rule_file_is_a_diagnostic() {
    with_rule_file(
        "claims",
        "common/segment.toml",
        "[segment]\nprose_min_words = \"twelve\"\n",
    )
    .code(2)
    .stderr(predicate::str::contains("segment.toml:2:19"));
}

#[test]
fn non_utf8_and_binary_files_are_handled_and_the_others_still_checked() {
    let dir = tempfile::tempdir().unwrap();
    let story = dir.path().join("story");
    copy_seeds(&story);
    fs::write(
        story.join("latin1.txt"),
        b"Le ministre de la Sant\xe9, Karim Alami, a visit\xe9 l'h\xf4pital mardi.\n",
    )
    .unwrap();
    fs::write(story.join("image.txt"), b"\x89PNG\r\n\x1a\n\0\0\0IHDR").unwrap();
    fs::write(story.join("notes.csv"), "not,an,article\n").unwrap();
    let out = factlint()
        .args(["check", "--format", "json"])
        .arg(&story)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("latin1.txt: not valid UTF-8; read as Windows-1252"),
        "{stderr}"
    );
    assert!(stderr.contains("image.txt: binary file"), "{stderr}");
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["summary"]["files"], 6);
    let skipped: Vec<&Value> = v["files"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| !f["skipped"].is_null())
        .collect();
    assert_eq!(skipped.len(), 1);
    assert_eq!(
        v["findings"].as_array().unwrap().len(),
        1,
        "the seeds' finding is still there"
    );
    // Offsets in the Windows-1252 file are offsets into its bytes on disk.
    let claims = json_of(&[
        "claims",
        "--format",
        "json",
        story.join("latin1.txt").to_str().unwrap(),
    ]);
    let c = &claims["claims"][0];
    assert_eq!(c["text"], "Karim Alami");
    let bytes = fs::read(story.join("latin1.txt")).unwrap();
    let (s, e) = (
        c["start"].as_u64().unwrap() as usize,
        c["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&bytes[s..e], b"Karim Alami");
}

#[test]
fn each_folder_is_its_own_story() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir_all(dir.path().join("a")).unwrap();
    fs::create_dir_all(dir.path().join("b")).unwrap();
    fs::copy(
        "fixtures/seeds/000_a6b128aeba5815f7.txt",
        dir.path().join("a/one.txt"),
    )
    .unwrap();
    fs::copy(
        "fixtures/seeds/003_0b917e67affc4cb6.txt",
        dir.path().join("b/two.txt"),
    )
    .unwrap();
    // Two folders: never compared with each other.
    factlint().arg("check").arg(dir.path()).assert().code(0);
    // Files named one by one form one story.
    factlint()
        .arg("check")
        .arg(dir.path().join("a/one.txt"))
        .arg(dir.path().join("b/two.txt"))
        .assert()
        .code(1);
    // A front-matter story key joins articles wherever they lie.
    let body = |p: &str| fs::read_to_string(p).unwrap();
    fs::write(
        dir.path().join("a/one.txt"),
        body("fixtures/seeds/000_a6b128aeba5815f7.txt"),
    )
    .unwrap();
    fs::write(
        dir.path().join("a/one.md"),
        format!(
            "---\nstory: ia\n---\n{}",
            body("fixtures/seeds/000_a6b128aeba5815f7.txt")
        ),
    )
    .unwrap();
    fs::write(
        dir.path().join("b/two.md"),
        format!(
            "---\nstory: ia\n---\n{}",
            body("fixtures/seeds/003_0b917e67affc4cb6.txt")
        ),
    )
    .unwrap();
    factlint().arg("check").arg(dir.path()).assert().code(1);
}

#[test]
fn factlintignore_and_gitignore_are_honoured() {
    let dir = tempfile::tempdir().unwrap();
    copy_seeds(dir.path());
    fs::write(dir.path().join(".factlintignore"), "000_*.txt\n").unwrap();
    let v = json_of(&["check", "--format", "json", dir.path().to_str().unwrap()]);
    assert_eq!(v["summary"]["files"], 4);
    assert_eq!(v["findings"].as_array().unwrap().len(), 0);
    fs::remove_file(dir.path().join(".factlintignore")).unwrap();
    fs::write(dir.path().join(".gitignore"), "004_*.txt\n").unwrap();
    let v = json_of(&["check", "--format", "json", dir.path().to_str().unwrap()]);
    assert_eq!(v["summary"]["files"], 4);
}

#[test]
fn output_is_identical_for_any_thread_count() {
    let one = factlint()
        .args(["check", "fixtures", "--format", "json", "-j", "1"])
        .output()
        .unwrap();
    let two = factlint()
        .args(["check", "fixtures", "--format", "json", "-j", "2"])
        .output()
        .unwrap();
    let again = factlint()
        .args(["check", "fixtures", "--format", "json", "-j", "2"])
        .output()
        .unwrap();
    assert!(!one.stdout.is_empty());
    assert_eq!(one.stdout, two.stdout);
    assert_eq!(two.stdout, again.stdout);
}

#[test]
fn factlint_toml_sets_severities_and_disables_checks() {
    let dir = tempfile::tempdir().unwrap();
    copy_seeds(dir.path());
    fs::write(
        dir.path().join("factlint.toml"),
        "[severity]\n\"person.role-conflict\" = \"info\"\n",
    )
    .unwrap();
    factlint().arg("check").arg(dir.path()).assert().code(0);
    let v = json_of(&["check", "--format", "json", dir.path().to_str().unwrap()]);
    assert_eq!(v["summary"]["findings"]["info"], 1);
    fs::write(
        dir.path().join("factlint.toml"),
        "disable = [\"person.role-conflict\"]\n",
    )
    .unwrap();
    let v = json_of(&["check", "--format", "json", dir.path().to_str().unwrap()]);
    assert_eq!(v["findings"].as_array().unwrap().len(), 0);
    fs::write(
        dir.path().join("factlint.toml"),
        "disable = [\"person.no-such-check\"]\n",
    )
    .unwrap();
    factlint()
        .arg("check")
        .arg(dir.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("factlint.toml:1:12"));
}

#[test]
fn rules_and_explain_document_every_check() {
    let out = factlint().arg("rules").output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    for c in factlint::compare::CHECKS {
        assert!(text.contains(c.id));
        factlint()
            .args(["explain", c.id])
            .assert()
            .success()
            .stdout(predicate::str::contains("## What it does"));
    }
    factlint().args(["explain", "person.nope"]).assert().code(2);
}

#[test]
fn segments_shows_why_each_block_was_classed() {
    factlint()
        .args(["segments", "fixtures/seeds/002_8e88450882d5b82b.txt"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "ticker headline (time of day first)",
        ))
        .stdout(predicate::str::contains("furniture phrase"))
        .stdout(predicate::str::contains("prose in the main text"));
    factlint()
        .args([
            "segments",
            "--all-text",
            "fixtures/seeds/002_8e88450882d5b82b.txt",
        ])
        .assert()
        .success()
        .stdout(predicate::str::contains("furniture").not());
}

#[test]
fn claims_json_gives_dates_as_intervals() {
    let v = json_of(&["claims", "fixtures/seeds", "--format", "json"]);
    let claims = v["claims"].as_array().unwrap();
    let conference = claims
        .iter()
        .find(|c| c["kind"] == "date" && c["text"] == "les 1er et 2 juillet")
        .expect("the conference dates in 003");
    // 003 is dated 2025-06 by its dateline: the year is that of the coming July.
    assert_eq!(conference["value"]["from"], "2025-07-01");
    assert_eq!(conference["value"]["to"], "2025-07-02");
    assert_eq!(conference["value"]["granularity"], "day");
    assert_eq!(conference["value"]["role"], "event");
    let horizon = claims
        .iter()
        .find(|c| c["kind"] == "date" && c["text"] == "horizon 2030")
        .expect("a target year");
    assert_eq!(horizon["value"]["role"], "deadline");
    // Sidebar dates are not claims.
    assert!(!claims.iter().any(|c| c["text"]
        .as_str()
        .is_some_and(|t| t.contains("4 septembre 2025"))));
}

#[test]
fn an_undated_article_takes_last_year_from_its_story() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.md"),
        "---\ndate: 2026-05-15\nlang: fr\n---\nLa campagne a été lancée le 14 mai 2026.\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("b.txt"),
        "La campagne de l'an dernier avait permis de vacciner 4,1 millions de bovins. Elle \
         reprend cette semaine dans tout le pays.\n",
    )
    .unwrap();
    let path = dir.path().to_str().unwrap();
    let v = json_of(&["claims", path, "--format", "json", "--lang", "fr"]);
    let claims = v["claims"].as_array().unwrap();
    let last_year = claims
        .iter()
        .find(|c| c["text"] == "l'an dernier")
        .expect("a relative year");
    assert_eq!(last_year["value"]["from"], "2025-01-01");
    assert_eq!(last_year["value"]["granularity"], "year");
    // A relative day still needs the article's own date.
    let week = claims
        .iter()
        .find(|c| c["text"] == "cette semaine")
        .expect("a relative week");
    assert_eq!(week["value"]["from"], Value::Null);
}

#[test]
fn a_weekday_after_since_is_the_last_one() {
    let dir = tempfile::tempdir().unwrap();
    // Thursday 12 February 2026: "depuis lundi" is Monday 9, "since Monday" too.
    std::fs::write(
        dir.path().join("a.md"),
        "---\ndate: 2026-02-12\nlang: fr\n---\nLa cyberattaque qui frappe depuis lundi les \
         serveurs de la commune n'a rien d'exceptionnel.\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("b.md"),
        "---\ndate: 2026-02-12\nlang: en\n---\nThe town hall has been shut since Monday, \
         when the attack hit its servers.\n",
    )
    .unwrap();
    let path = dir.path().to_str().unwrap();
    let v = json_of(&["claims", path, "--format", "json"]);
    let claims = v["claims"].as_array().unwrap();
    for text in ["lundi", "Monday"] {
        let day = claims
            .iter()
            .find(|c| c["text"] == text)
            .expect("a weekday");
        assert_eq!(day["value"]["from"], "2026-02-09", "{text}");
    }
}

#[test]
fn colour_follows_the_flag_and_no_color() {
    let run = |args: &[&str], no_color: bool| {
        let mut c = factlint();
        c.args(["check", "fixtures/seeds"]).args(args);
        if no_color {
            c.env("NO_COLOR", "1");
        } else {
            c.env_remove("NO_COLOR");
        }
        let out = c.output().unwrap();
        (
            String::from_utf8_lossy(&out.stdout).into_owned(),
            out.stderr,
        )
    };
    let (always, err) = run(&["--color", "always"], false);
    assert!(always.contains("\u{1b}["), "always colours");
    assert!(
        err.is_empty(),
        "no progress bar when stderr is not a terminal"
    );
    let (never, _) = run(&["--color", "never"], false);
    assert!(!never.contains('\u{1b}'));
    // Not a terminal: auto means none, and NO_COLOR keeps it that way.
    let (auto, _) = run(&[], true);
    assert!(!auto.contains('\u{1b}'));
    assert_eq!(auto, never);
}

#[test]
fn article_control_characters_never_reach_the_terminal() {
    let out = factlint()
        .args(["check", "fixtures/hostile", "--color", "never"])
        .output()
        .unwrap();
    let s = String::from_utf8_lossy(&out.stdout);
    assert!(s.contains("Helena Marcheti"));
    assert!(
        !s.chars().any(|c| c.is_control() && c != '\n'),
        "an escape sequence from an article reached the output"
    );
}

#[test]
fn towns_behind_venues_and_bearings_are_places() {
    let dir = tempfile::tempdir().unwrap();
    let fr = dir.path().join("fr.txt");
    fs::write(
        &fr,
        "Le projet a été présenté jeudi au centre des congrès de Baie-Comeau. L'épicentre se situe à 40 km au sud-ouest de Luganville.\n",
    )
    .unwrap();
    let en = dir.path().join("en.txt");
    fs::write(
        &en,
        "The quake struck 40 km south-west of Luganville, and the port of Mombasa was closed.\n",
    )
    .unwrap();
    let places = |path: &Path, lang: &str| -> Vec<(String, String)> {
        let v = json_of(&[
            "claims",
            path.to_str().unwrap(),
            "--lang",
            lang,
            "--format",
            "json",
        ]);
        v["claims"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|c| c["kind"] == "place")
            .map(|c| {
                (
                    c["value"]["name"].as_str().unwrap().to_string(),
                    c["value"]["kind"].as_str().unwrap().to_string(),
                )
            })
            .collect()
    };
    let fr = places(&fr, "fr");
    assert!(
        fr.contains(&("Baie-Comeau".into(), "locality".into())),
        "{fr:?}"
    );
    assert!(
        fr.contains(&("Luganville".into(), "locality".into())),
        "{fr:?}"
    );
    let en = places(&en, "en");
    assert!(
        en.contains(&("Luganville".into(), "locality".into())),
        "{en:?}"
    );
    // A lowercase venue word needs words between it and the town: "port of Mombasa" names the
    // port only.
    assert!(
        !en.contains(&("Mombasa".into(), "locality".into())),
        "{en:?}"
    );
}

#[test]
fn clubs_and_elided_towns_are_not_people_and_venues_name_their_towns() {
    let dir = tempfile::tempdir().unwrap();
    let story = dir.path().join("story");
    fs::create_dir_all(&story).unwrap();
    fs::write(
        story.join("a.md"),
        "---\nlang: fr\ndate: 2025-08-30\n---\nL'Olympique de Tours a officialisé l'arrivée du milieu. \
         Le joueur a passé sa visite médicale lundi à Tours. Le lot 3, d'Édéa à Douala, s'étend \
         sur 51 km. L'hôpital régional de Sédhiou a été inauguré samedi.\n",
    )
    .unwrap();
    let out = factlint()
        .args(["claims", "--format", "json"])
        .arg(&story)
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let claims = v["claims"].as_array().unwrap();
    let of = |kind: &str| -> Vec<&str> {
        claims
            .iter()
            .filter(|c| c["kind"] == kind)
            .map(|c| c["text"].as_str().unwrap())
            .collect()
    };
    assert!(of("person").is_empty(), "people: {:?}", of("person"));
    let places = of("place");
    for town in ["Tours", "Sédhiou"] {
        assert!(places.contains(&town), "{town} in {places:?}");
    }
}
