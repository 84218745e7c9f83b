//! The editor's view: miette reports. A cross-source finding shows the odd reading in its own
//! file as the primary label, and every other source's mention as a related report with its
//! own snippet, so that each file involved is quoted.
use std::fmt;

use miette::{
    Diagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteError,
    MietteSpanContents, SourceCode, SourceSpan, SpanContents,
};

use super::counts;
use crate::claims::{Finding, Severity};
use crate::input::Article;
use crate::run::Analysis;

#[derive(Debug)]
struct Report {
    message: String,
    code: Option<String>,
    severity: miette::Severity,
    help: Option<String>,
    src: Excerpt,
    labels: Vec<LabeledSpan>,
    related: Vec<Report>,
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Report {}

impl Diagnostic for Report {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.code
            .as_ref()
            .map(|c| Box::new(c) as Box<dyn fmt::Display>)
    }
    fn severity(&self) -> Option<miette::Severity> {
        Some(self.severity)
    }
    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }
    fn source_code(&self) -> Option<&dyn SourceCode> {
        Some(&self.src)
    }
    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        Some(Box::new(self.labels.iter().cloned()))
    }
    fn related<'a>(&'a self) -> Option<Box<dyn Iterator<Item = &'a dyn Diagnostic> + 'a>> {
        if self.related.is_empty() {
            None
        } else {
            Some(Box::new(self.related.iter().map(|r| r as &dyn Diagnostic)))
        }
    }
}

/// How many bytes of a line to show on each side of a span: scraped articles often put a
/// whole paragraph on one line, and the editor needs the words around the mention, not the page.
const WINDOW: usize = 90;

/// An article's text that shows a window of the line around each span, with true line and
/// column numbers.
#[derive(Debug)]
struct Excerpt {
    name: String,
    text: String,
}

impl SourceCode for Excerpt {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        _before: usize,
        _after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let t = &self.text;
        let start = span.offset().min(t.len());
        let end = (start + span.len()).min(t.len());
        let line_start = t[..start].rfind('\n').map(|i| i + 1).unwrap_or(0);
        let line_end = t[end..].find('\n').map(|i| end + i).unwrap_or(t.len());
        let mut ws =
            crate::text::floor_char_boundary(t, start.saturating_sub(WINDOW).max(line_start));
        if ws > line_start {
            ws = t[ws..start].find(' ').map(|i| ws + i + 1).unwrap_or(ws);
        }
        let mut we = crate::text::floor_char_boundary(t, (end + WINDOW).min(line_end));
        if we < line_end {
            we = t[end..we].rfind(' ').map(|i| end + i).unwrap_or(we);
        }
        let line = t[..ws].matches('\n').count();
        let column = t[line_start..ws].chars().count();
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.clone(),
            &t.as_bytes()[ws..we],
            (ws, we - ws).into(),
            line,
            column,
            1,
        )))
    }
}

/// Control characters (escape sequences, carriage returns, bidirectional overrides) would let an
/// article repaint the editor's terminal or hide text: each becomes spaces of its own byte
/// length, so that every offset still points where it did.
fn terminal_safe(text: &str) -> String {
    let unsafe_char = |c: char| {
        (c.is_control() && c != '\n' && c != '\t')
            || ('\u{202a}'..='\u{202e}').contains(&c)
            || ('\u{2066}'..='\u{2069}').contains(&c)
    };
    if !text.chars().any(unsafe_char) {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if unsafe_char(c) {
            out.extend(std::iter::repeat_n(' ', c.len_utf8()));
        } else {
            out.push(c);
        }
    }
    out
}

fn level(s: Severity) -> miette::Severity {
    match s {
        Severity::Error => miette::Severity::Error,
        Severity::Warning => miette::Severity::Warning,
        Severity::Info => miette::Severity::Advice,
    }
}

fn to_report(f: &Finding, articles: &[Article]) -> Report {
    let mut order: Vec<usize> = Vec::new();
    for l in &f.locations {
        if !order.contains(&l.article) {
            order.push(l.article);
        }
    }
    let labels_for = |article: usize| -> Vec<LabeledSpan> {
        f.locations
            .iter()
            .filter(|l| l.article == article)
            .map(|l| {
                let span = (l.start, l.end.saturating_sub(l.start));
                if l.primary {
                    LabeledSpan::new_primary_with_span(Some(l.label.clone()), span)
                } else {
                    LabeledSpan::new_with_span(Some(l.label.clone()), span)
                }
            })
            .collect()
    };
    let src = |a: usize| Excerpt {
        name: articles[a].path.clone(),
        text: terminal_safe(&articles[a].text),
    };
    let first = order.first().copied().unwrap_or(0);
    let related = order
        .iter()
        .skip(1)
        .map(|&a| Report {
            message: format!("also in {}", articles[a].path),
            code: None,
            severity: miette::Severity::Advice,
            help: None,
            src: src(a),
            labels: labels_for(a),
            related: vec![],
        })
        .collect();
    Report {
        message: terminal_safe(&f.message),
        code: Some(f.rule.to_string()),
        severity: level(f.severity),
        help: f.help.as_deref().map(terminal_safe),
        src: src(first),
        labels: labels_for(first),
        related,
    }
}

pub fn handler(color: bool) -> GraphicalReportHandler {
    let theme = if color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    GraphicalReportHandler::new_themed(theme)
        .with_width(110)
        .with_context_lines(1)
}

/// Every finding as a miette report, then the summary line.
pub fn check(an: &Analysis, color: bool) -> String {
    let handler = handler(color);
    let mut out = String::new();
    for f in &an.findings {
        let report = to_report(f, &an.articles);
        let mut s = String::new();
        if handler.render_report(&mut s, &report).is_ok() {
            out.push_str(&s);
            out.push('\n');
        }
    }
    out.push_str(&summary(an));
    out
}

pub fn summary(an: &Analysis) -> String {
    let c = counts(&an.findings);
    let n = an.findings.len();
    format!(
        "{} file{} read, {} skipped, {} claims, {} finding{}: {} error{}, {} warning{}, {} info\n",
        an.articles.len(),
        if an.articles.len() == 1 { "" } else { "s" },
        an.skipped.len(),
        an.claim_count,
        n,
        if n == 1 { "" } else { "s" },
        c.error,
        if c.error == 1 { "" } else { "s" },
        c.warning,
        if c.warning == 1 { "" } else { "s" },
        c.info
    )
}

/// One line per claim: `path:line:col kind «text» subject value`.
pub fn claims(an: &Analysis) -> String {
    let mut out = String::new();
    for c in an.shown_claims() {
        let p = super::place(&an.articles[c.article], c.start, c.end);
        let value = serde_json::to_string(&c.value).unwrap_or_default();
        out.push_str(&format!(
            "{}:{}:{} {} «{}» subject={} {}\n",
            p.path, p.line, p.column, c.kind, p.text, c.subject, value
        ));
    }
    out
}
