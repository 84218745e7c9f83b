//! `--format github`: GitHub Actions workflow commands, one annotation line per finding.
use super::sarif::{full_message, primary_and_related, relative_path, spot};
use crate::claims::{Finding, Severity};
use crate::run::Analysis;

/// The command's data, escaped as the Actions toolkit does (`escapeData`): the runner decodes
/// exactly these, and a raw newline would end the command.
fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// A property value, escaped as the toolkit's `escapeProperty`: `:` and `,` delimit properties.
fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "notice",
    }
}

fn command(an: &Analysis, f: &Finding) -> String {
    let (primary, related) = primary_and_related(f);
    let mut props: Vec<(&str, String)> = Vec::new();
    if let Some(s) = primary.and_then(|l| spot(an, l)) {
        props.push(("file", relative_path(&s.article.path)));
        props.push(("line", s.line.to_string()));
        // GitHub takes columns only for a span on one line; its end column is the last
        // character's, not the one after it.
        if s.end_line == s.line {
            props.push(("col", s.column.to_string()));
            props.push(("endLine", s.end_line.to_string()));
            props.push((
                "endColumn",
                (s.end_column.max(s.column + 1) - 1).to_string(),
            ));
        } else {
            props.push(("endLine", s.end_line.to_string()));
        }
    }
    props.push(("title", f.rule.to_string()));
    let mut message = full_message(f);
    for s in related.iter().filter_map(|l| spot(an, l)) {
        message.push_str(&format!(
            "\nalso in {}:{}: {}",
            relative_path(&s.article.path),
            s.line,
            s.loc.label
        ));
    }
    let props: Vec<String> = props
        .iter()
        .map(|(k, v)| format!("{k}={}", escape_property(v)))
        .collect();
    format!(
        "::{} {}::{}",
        level(f.severity),
        props.join(","),
        escape_data(&message)
    )
}

pub fn check(an: &Analysis) -> String {
    an.findings.iter().map(|f| command(an, f) + "\n").collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_as_the_toolkit() {
        assert_eq!(escape_data("50% a:b,c\r\nd"), "50%25 a:b,c%0D%0Ad");
        assert_eq!(escape_property("50% a:b,c\r\nd"), "50%25 a%3Ab%2Cc%0D%0Ad");
    }
}
