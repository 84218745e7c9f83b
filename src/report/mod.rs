//! Reports: one module per output format. They read findings and claims and never reach back
//! into extraction.
pub mod human;
pub mod json;

use crate::claims::{Finding, Severity};
use crate::input::Article;

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
