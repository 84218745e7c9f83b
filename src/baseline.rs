//! Baselines: `--write-baseline FILE` records the findings of a run, `--baseline FILE` reports
//! only the findings that are not in it. A finding is known by its fingerprint (rule, story,
//! subject and readings), never by its lines, so that editing an article around a known
//! finding does not bring it back.
use std::collections::BTreeSet;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::report::story_of;
use crate::run::Analysis;

#[derive(Serialize, Deserialize)]
struct File {
    version: u32,
    findings: Vec<Entry>,
}

#[derive(Serialize, Deserialize, PartialEq, Eq, PartialOrd, Ord)]
struct Entry {
    fingerprint: String,
    rule: String,
    story: String,
    // The rest is for the people who read the file; only the fingerprint is compared.
    #[serde(default)]
    message: String,
}

/// The baseline of a run, as JSON.
pub fn write(an: &Analysis) -> String {
    let mut findings: Vec<Entry> = an
        .findings
        .iter()
        .map(|f| {
            let story = story_of(an, f);
            Entry {
                fingerprint: f.fingerprint(story),
                rule: f.rule.to_string(),
                story: story.to_string(),
                message: f.message.clone(),
            }
        })
        .collect();
    findings.sort_by(|a, b| {
        (&a.rule, &a.story, &a.fingerprint).cmp(&(&b.rule, &b.story, &b.fingerprint))
    });
    findings.dedup_by(|a, b| a.fingerprint == b.fingerprint);
    let file = File {
        version: 1,
        findings,
    };
    serde_json::to_string_pretty(&file).unwrap_or_default() + "\n"
}

/// The fingerprints a baseline file holds.
pub fn read(path: &Path) -> miette::Result<BTreeSet<String>> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| miette::miette!("cannot read baseline {}: {e}", path.display()))?;
    let file: File = serde_json::from_str(&text).map_err(|e| {
        miette::miette!(
            help = "write one with --write-baseline FILE",
            "{}:{}:{}: not a factlint baseline: {e}",
            path.display(),
            e.line(),
            e.column()
        )
    })?;
    if file.version != 1 {
        return Err(miette::miette!(
            "{}: baseline version {} is not supported (expected 1)",
            path.display(),
            file.version
        ));
    }
    Ok(file.findings.into_iter().map(|e| e.fingerprint).collect())
}

/// Drops the findings the baseline knows.
pub fn filter(an: &mut Analysis, known: &BTreeSet<String>) {
    let keep: Vec<bool> = an
        .findings
        .iter()
        .map(|f| !known.contains(&f.fingerprint(story_of(an, f))))
        .collect();
    let mut keep = keep.into_iter();
    an.findings.retain(|_| keep.next().unwrap_or(true));
}
