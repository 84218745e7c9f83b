//! `--format rdjson`: reviewdog's Diagnostic Format (a `DiagnosticResult` as JSON).
use serde_json::{json, Map, Value};

use super::sarif::{full_message, primary_and_related, source_suffix, spot, Spot};
use crate::claims::{Finding, Severity};
use crate::run::Analysis;

fn severity(s: Severity) -> &'static str {
    match s {
        Severity::Error => "ERROR",
        Severity::Warning => "WARNING",
        Severity::Info => "INFO",
    }
}

/// 1-based column in UTF-8 bytes of a text offset: reviewdog counts bytes, not characters.
fn byte_column(text: &str, offset: usize) -> usize {
    let offset = crate::text::floor_char_boundary(text, offset);
    let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    offset - line_start + 1
}

fn location(s: &Spot) -> Value {
    let text = &s.article.text;
    json!({
        "path": s.article.path,
        "range": {
            "start": {"line": s.line, "column": byte_column(text, s.loc.start)},
            "end": {"line": s.end_line, "column": byte_column(text, s.loc.end.max(s.loc.start))},
        },
    })
}

fn diagnostic(an: &Analysis, f: &Finding) -> Value {
    let (primary, related) = primary_and_related(f);
    let mut d = Map::new();
    d.insert("message".into(), json!(full_message(f)));
    if let Some(s) = primary.and_then(|l| spot(an, l)) {
        d.insert("location".into(), location(&s));
    }
    d.insert("severity".into(), json!(severity(f.severity)));
    d.insert("code".into(), json!({"value": f.rule}));
    let related: Vec<Value> = related
        .iter()
        .filter_map(|l| spot(an, l))
        .map(|s| {
            json!({
                "message": format!("{}{}", s.loc.label, source_suffix(s.article)),
                "location": location(&s),
            })
        })
        .collect();
    if !related.is_empty() {
        d.insert("related_locations".into(), Value::Array(related));
    }
    Value::Object(d)
}

pub fn check(an: &Analysis) -> String {
    let mut out = Map::new();
    out.insert("source".into(), json!({"name": "factlint"}));
    // The result's severity is its worst finding's; a clean run has none to state.
    if let Some(worst) = an.findings.iter().map(|f| f.severity).max() {
        out.insert("severity".into(), json!(severity(worst)));
    }
    out.insert(
        "diagnostics".into(),
        an.findings.iter().map(|f| diagnostic(an, f)).collect(),
    );
    serde_json::to_string_pretty(&Value::Object(out)).unwrap_or_default() + "\n"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_bytes() {
        assert_eq!(byte_column("x\na𐐀b", 2), 1);
        assert_eq!(byte_column("x\na𐐀b", 7), 6);
    }
}
