//! `--format junit`: JUnit XML, one test case per file read, failing with each finding whose
//! primary location is in it. Also home to the XML escaping that checkstyle shares.
use std::collections::BTreeMap;
use std::fmt::Write;

use super::sarif::{full_message, primary_and_related, source_suffix, spot};
use crate::claims::Finding;
use crate::run::Analysis;

/// Replaces what XML 1.0 forbids (control characters other than tab, newline and carriage
/// return; U+FFFE and U+FFFF) with U+FFFD: a scraped article can hold a stray escape
/// sequence, and one such character makes the whole document unreadable.
fn allowed(c: char) -> char {
    match c {
        '\t' | '\n' | '\r' => c,
        c if c < ' ' || c == '\u{fffe}' || c == '\u{ffff}' => '\u{fffd}',
        c => c,
    }
}

fn escape(s: &str, attribute: bool) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars().map(allowed) {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // A parser turns a raw carriage return into a newline, and in an attribute any
            // whitespace into a space: references keep them as written.
            '\r' => out.push_str("&#13;"),
            '\n' if attribute => out.push_str("&#10;"),
            '\t' if attribute => out.push_str("&#9;"),
            c => out.push(c),
        }
    }
    out
}

/// Escapes text for an XML attribute value.
pub(crate) fn xml_attr(s: &str) -> String {
    escape(s, true)
}

/// Escapes text for XML element content.
pub(crate) fn xml_text(s: &str) -> String {
    escape(s, false)
}

pub(crate) const XML_DECLARATION: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

/// A failure's body: what the finding says and every location, primary first, with its line.
fn failure_body(an: &Analysis, f: &Finding) -> String {
    let (primary, related) = primary_and_related(f);
    let mut body = format!("{} {}: {}\n", f.severity.as_str(), f.rule, f.message);
    if let Some(h) = &f.help {
        let _ = writeln!(body, "help: {h}");
    }
    for (i, s) in primary
        .into_iter()
        .chain(related)
        .filter_map(|l| spot(an, l))
        .enumerate()
    {
        let _ = writeln!(
            body,
            "{} {}, line {}, column {}{}: {} \u{2014} \"{}\"",
            if i == 0 { "at" } else { "also in" },
            s.article.path,
            s.line,
            s.column,
            source_suffix(s.article),
            s.loc.label,
            s.excerpt(),
        );
    }
    body
}

enum Case<'a> {
    Read(Vec<&'a Finding>),
    Skipped(&'a str),
}

pub fn check(an: &Analysis) -> String {
    let mut cases: BTreeMap<&str, Case> = BTreeMap::new();
    for a in &an.articles {
        cases.insert(&a.path, Case::Read(Vec::new()));
    }
    for s in &an.skipped {
        cases
            .entry(&s.path)
            .or_insert(Case::Skipped(s.reason.as_str()));
    }
    // A finding with no location to stand at still fails the run: it gets a case of its own.
    let mut unplaced: Vec<&Finding> = Vec::new();
    for f in &an.findings {
        let at = primary_and_related(f)
            .0
            .and_then(|l| an.articles.get(l.article));
        match at.and_then(|a| cases.get_mut(a.path.as_str())) {
            Some(Case::Read(fs)) => fs.push(f),
            _ => unplaced.push(f),
        }
    }
    let mut body = String::new();
    let mut failing = 0;
    let mut skipped = 0;
    let mut case = |name: &str, findings: &[&Finding], skip: Option<&str>| {
        let name = xml_attr(name);
        if let Some(reason) = skip {
            skipped += 1;
            let _ = writeln!(
                body,
                "    <testcase classname=\"factlint\" name=\"{name}\">\n      <skipped message=\"{}\"/>\n    </testcase>",
                xml_attr(reason)
            );
        } else if findings.is_empty() {
            let _ = writeln!(
                body,
                "    <testcase classname=\"factlint\" name=\"{name}\"/>"
            );
        } else {
            failing += 1;
            let _ = writeln!(
                body,
                "    <testcase classname=\"factlint\" name=\"{name}\">"
            );
            for f in findings {
                let _ = writeln!(
                    body,
                    "      <failure type=\"{}\" message=\"{}\">{}</failure>",
                    xml_attr(f.rule),
                    xml_attr(&full_message(f)),
                    xml_text(&failure_body(an, f)),
                );
            }
            let _ = writeln!(body, "    </testcase>");
        }
    };
    for (path, c) in &cases {
        match c {
            Case::Read(fs) => case(path, fs, None),
            Case::Skipped(reason) => case(path, &[], Some(reason)),
        }
    }
    if !unplaced.is_empty() {
        case("(no location)", &unplaced, None);
    }
    let tests = cases.len() + usize::from(!unplaced.is_empty());
    // `failures` counts failing test cases, as JUnit readers expect, not findings.
    let counts =
        format!("tests=\"{tests}\" failures=\"{failing}\" errors=\"0\" skipped=\"{skipped}\"");
    format!(
        "{XML_DECLARATION}<testsuites name=\"factlint\" {counts}>\n  <testsuite name=\"factlint\" {counts}>\n{body}  </testsuite>\n</testsuites>\n"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_drops_what_xml_forbids() {
        assert_eq!(
            xml_attr("<a href=\"x\">&'\n\t\r"),
            "&lt;a href=&quot;x&quot;&gt;&amp;&apos;&#10;&#9;&#13;"
        );
        assert_eq!(xml_text("a\nb\tc\rd"), "a\nb\tc&#13;d");
        assert_eq!(
            xml_text("\u{7}\u{8}\u{1b}[31m\u{fffe}\u{ffff}]]>"),
            "\u{fffd}\u{fffd}\u{fffd}[31m\u{fffd}\u{fffd}]]&gt;"
        );
    }
}
