//! `--format json`: the machine-readable findings and claims (schemas in the README).
use serde::Serialize;

use super::{counts, place, Place};
use crate::claims::{Claim, Finding};
use crate::run::Analysis;

#[derive(Serialize)]
struct FileEntry<'a> {
    path: &'a str,
    source: Option<&'a str>,
    date: Option<String>,
    lang: Option<&'a str>,
    skipped: Option<&'a str>,
}

#[derive(Serialize)]
struct FindingEntry<'a> {
    rule: &'a str,
    severity: &'a str,
    message: &'a str,
    help: Option<&'a str>,
    locations: Vec<Place>,
}

fn files(an: &Analysis) -> Vec<FileEntry<'_>> {
    let mut files: Vec<FileEntry> = an
        .articles
        .iter()
        .map(|a| FileEntry {
            path: &a.path,
            source: a.meta.source.as_deref(),
            date: a.meta.date.map(|d| d.display()),
            lang: Some(&a.meta.lang),
            skipped: None,
        })
        .chain(an.skipped.iter().map(|s| FileEntry {
            path: &s.path,
            source: None,
            date: None,
            lang: None,
            skipped: Some(&s.reason),
        }))
        .collect();
    files.sort_by(|a, b| a.path.cmp(b.path));
    files
}

fn findings_entries<'a>(an: &'a Analysis, findings: &'a [Finding]) -> Vec<FindingEntry<'a>> {
    findings
        .iter()
        .map(|f| FindingEntry {
            rule: f.rule,
            severity: f.severity.as_str(),
            message: &f.message,
            help: f.help.as_deref(),
            locations: f
                .locations
                .iter()
                .map(|l| place(&an.articles[l.article], l.start, l.end))
                .collect(),
        })
        .collect()
}

#[derive(Serialize)]
struct Summary {
    files: usize,
    claims: usize,
    findings: super::Counts,
}

/// The findings document, typed so that a large run serialises without an intermediate tree.
#[derive(Serialize)]
struct CheckDoc<'a> {
    version: u32,
    summary: Summary,
    files: Vec<FileEntry<'a>>,
    findings: Vec<FindingEntry<'a>>,
}

pub fn check(an: &Analysis) -> String {
    let doc = CheckDoc {
        version: 1,
        summary: Summary {
            files: an.articles.len(),
            claims: an.claim_count,
            findings: counts(&an.findings),
        },
        files: files(an),
        findings: findings_entries(an, &an.findings),
    };
    serde_json::to_string_pretty(&doc).unwrap_or_default() + "\n"
}

#[derive(Serialize)]
struct ClaimEntry<'a> {
    path: String,
    kind: &'a str,
    start: usize,
    end: usize,
    line: usize,
    column: usize,
    text: String,
    subject: &'a str,
    value: &'a crate::claims::ClaimValue,
}

fn claim_entry<'a>(an: &'a Analysis, c: &'a Claim) -> ClaimEntry<'a> {
    let p = place(&an.articles[c.article], c.start, c.end);
    ClaimEntry {
        path: p.path,
        kind: c.kind,
        start: p.start,
        end: p.end,
        line: p.line,
        column: p.column,
        text: p.text,
        subject: &c.subject,
        value: &c.value,
    }
}

/// The claims document, serialised claim by claim as it is written.
struct ClaimsDoc<'a>(&'a Analysis);

struct ClaimList<'a>(&'a Analysis);

impl Serialize for ClaimList<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.shown_claims().map(|c| claim_entry(self.0, c)))
    }
}

impl Serialize for ClaimsDoc<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut m = s.serialize_map(Some(2))?;
        m.serialize_entry("version", &1)?;
        m.serialize_entry("claims", &ClaimList(self.0))?;
        m.end()
    }
}

/// Writes `{"version":1,"claims":[...]}` without building it in memory first.
pub fn write_claims(an: &Analysis, out: &mut impl std::io::Write) -> std::io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, &ClaimsDoc(an))?;
    out.write_all(b"\n")
}
