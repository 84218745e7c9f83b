//! Reports: one module per output format. They read findings and claims and never reach back
//! into extraction.
pub mod checkstyle;
pub mod github;
pub mod html;
pub mod human;
pub mod json;
pub mod junit;
pub mod markdown;
pub mod rdjson;
pub mod sarif;

use crate::claims::{Finding, Severity};
use crate::input::Article;
use crate::run::Analysis;

/// The story (folder) a finding belongs to: that of its primary location.
pub fn story_of<'a>(an: &'a Analysis, f: &Finding) -> &'a str {
    f.locations
        .iter()
        .find(|l| l.primary)
        .or(f.locations.first())
        .and_then(|l| an.articles.get(l.article))
        .map_or("", |a| a.story.as_str())
}

/// The name a report gives an article: its source from front matter, else its file name.
pub fn source_name(a: &Article) -> String {
    a.meta.source.clone().unwrap_or_else(|| {
        std::path::Path::new(&a.path)
            .file_name()
            .map_or_else(|| a.path.clone(), |n| n.to_string_lossy().into_owned())
    })
}

/// A location resolved for output: path, 1-based line and column, byte offsets on disk.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Place {
    pub path: String,
    pub line: usize,
    pub column: usize,
    pub start: usize,
    pub end: usize,
    pub text: String,
}

pub fn place(a: &Article, start: usize, end: usize) -> Place {
    let (line, column) = a.line_col(start);
    Place {
        path: a.path.clone(),
        line,
        column,
        start: a.disk_offset(start),
        end: a.disk_offset(end),
        text: a.text.get(start..end).unwrap_or("").to_string(),
    }
}

#[derive(Debug, Clone, Copy, Default, serde::Serialize)]
pub struct Counts {
    pub error: usize,
    pub warning: usize,
    pub info: usize,
}

pub fn counts(findings: &[Finding]) -> Counts {
    let mut c = Counts::default();
    for f in findings {
        match f.severity {
            Severity::Error => c.error += 1,
            Severity::Warning => c.warning += 1,
            Severity::Info => c.info += 1,
        }
    }
    c
}

/// `--statistics`: findings per rule, most first, as ruff prints them.
pub fn statistics(findings: &[Finding]) -> String {
    let mut per: std::collections::BTreeMap<(&str, &str), usize> = Default::default();
    for f in findings {
        *per.entry((f.rule, f.severity.as_str())).or_default() += 1;
    }
    let mut rows: Vec<_> = per.into_iter().collect();
    rows.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let width = rows
        .iter()
        .map(|r| r.1.to_string().len())
        .max()
        .unwrap_or(1);
    let mut out = String::new();
    for ((rule, sev), n) in rows {
        out.push_str(&format!("{n:>width$}  {rule:<28} [{sev}]\n"));
    }
    let total = findings.len();
    out.push_str(&format!(
        "{total} finding{}\n",
        if total == 1 { "" } else { "s" }
    ));
    out
}
