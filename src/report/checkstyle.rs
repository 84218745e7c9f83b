//! `--format checkstyle`: Checkstyle XML, an error at every location of every finding, so that
//! each file a contradiction involves carries it.
use std::collections::BTreeMap;
use std::fmt::Write;

use super::junit::{xml_attr, XML_DECLARATION};
use super::sarif::{full_message, primary_and_related, spot};
use crate::run::Analysis;

struct Entry {
    line: usize,
    column: usize,
    severity: &'static str,
    message: String,
    rule: &'static str,
}

pub fn check(an: &Analysis) -> String {
    let mut files: BTreeMap<&str, Vec<Entry>> = BTreeMap::new();
    for f in &an.findings {
        let (primary, related) = primary_and_related(f);
        let Some(p) = primary.and_then(|l| spot(an, l)) else {
            continue;
        };
        let mut at = vec![(p.article, p.line, p.column, full_message(f))];
        for s in related.iter().filter_map(|l| spot(an, l)) {
            // A related mention is the same contradiction seen from another source: it names
            // this source's reading and points back at where the finding is reported.
            let message = format!(
                "{}: same finding as {}:{} ({}): {}",
                s.loc.label, p.article.path, p.line, f.rule, f.message
            );
            at.push((s.article, s.line, s.column, message));
        }
        for (a, line, column, message) in at {
            files.entry(a.path.as_str()).or_default().push(Entry {
                line,
                column,
                severity: f.severity.as_str(),
                message,
                rule: f.rule,
            });
        }
    }
    let mut out = format!("{XML_DECLARATION}<checkstyle version=\"4.3\">\n");
    for (path, mut entries) in files {
        entries.sort_by_key(|e| (e.line, e.column));
        let _ = writeln!(out, "  <file name=\"{}\">", xml_attr(path));
        for e in entries {
            let _ = writeln!(
                out,
                "    <error line=\"{}\" column=\"{}\" severity=\"{}\" message=\"{}\" source=\"factlint.{}\"/>",
                e.line,
                e.column,
                e.severity,
                xml_attr(&e.message),
                xml_attr(e.rule),
            );
        }
        let _ = writeln!(out, "  </file>");
    }
    out.push_str("</checkstyle>\n");
    out
}
