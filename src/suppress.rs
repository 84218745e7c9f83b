//! Inline suppressions: `<!-- factlint-disable-next-line RULE -->`, `<!-- factlint-disable RULE
//! -->` … `<!-- factlint-enable RULE -->` in an article, and `factlint: {ignore: [RULE]}` in
//! its front matter. A finding is dropped when one of its mentions sits where its rule is
//! suppressed: an editor silences a finding from the article they are working on, whichever
//! source holds the odd reading. Suppressions that name an unknown rule are findings of their
//! own, and so, on request, are those that silenced nothing.
use std::sync::LazyLock;

use regex::Regex;

use crate::claims::{Finding, Location, Severity};
use crate::input::Article;

pub const UNKNOWN_RULE: &str = "factlint.unknown-rule";
pub const UNUSED: &str = "factlint.unused-suppression";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// The next line that is not blank.
    NextLine,
    /// From the comment to the matching enable comment, or to the end of the file.
    Range,
    /// The whole article (front matter).
    File,
}

/// One rule named by a suppression, with where it is written.
#[derive(Debug, Clone)]
pub struct Named {
    pub rule: String,
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Clone)]
pub struct Suppression {
    pub scope: Scope,
    /// The rules it silences; empty for every rule.
    pub rules: Vec<Named>,
    /// The comment (or front-matter key) itself, as byte offsets of the text.
    pub start: usize,
    pub end: usize,
    /// 1-based lines it covers, both ends included.
    pub first_line: usize,
    pub last_line: usize,
}

impl Suppression {
    fn covers(&self, rule: &str, line: usize) -> Option<usize> {
        if line < self.first_line || line > self.last_line {
            return None;
        }
        if self.rules.is_empty() {
            return Some(usize::MAX);
        }
        self.rules.iter().position(|n| n.rule == rule)
    }
}

static COMMENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"<!--\s*factlint-(disable-next-line|disable|enable)\b((?s:.)*?)-->")
        .expect("static regex")
});
static RULE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"[^\s,]+").expect("static regex"));

fn line_starts(text: &str) -> Vec<usize> {
    std::iter::once(0)
        .chain(text.match_indices('\n').map(|(i, _)| i + 1))
        .collect()
}

fn line_of(starts: &[usize], offset: usize) -> usize {
    starts.partition_point(|&s| s <= offset).max(1)
}

/// The suppressions written in an article: its comments, then its front-matter `ignore` list
/// (`ignore` as read from the front matter; `body_start` ends the front matter).
pub fn parse(text: &str, body_start: usize, ignore: &[String]) -> Vec<Suppression> {
    let starts = line_starts(text);
    let last = starts.len();
    let mut out = Vec::new();
    // Open ranges: index into `out`.
    let mut open: Vec<usize> = Vec::new();
    for m in COMMENT.captures_iter(text) {
        let (Some(all), Some(kind), Some(args)) = (m.get(0), m.get(1), m.get(2)) else {
            continue;
        };
        let rules: Vec<Named> = RULE
            .find_iter(args.as_str())
            .map(|r| Named {
                rule: r.as_str().to_string(),
                start: args.start() + r.start(),
                end: args.start() + r.end(),
            })
            .collect();
        let line = line_of(&starts, all.start());
        let end_line = line_of(&starts, all.end().saturating_sub(1).max(all.start()));
        match kind.as_str() {
            "disable-next-line" => {
                let target = (end_line + 1..=last)
                    .find(|&l| {
                        let s = starts[l - 1];
                        let e = starts.get(l).copied().unwrap_or(text.len());
                        !text[s..e].trim().is_empty()
                    })
                    .unwrap_or(last + 1);
                out.push(Suppression {
                    scope: Scope::NextLine,
                    rules,
                    start: all.start(),
                    end: all.end(),
                    first_line: target,
                    last_line: target,
                });
            }
            "disable" => {
                open.push(out.len());
                out.push(Suppression {
                    scope: Scope::Range,
                    rules,
                    start: all.start(),
                    end: all.end(),
                    first_line: line,
                    last_line: usize::MAX,
                });
            }
            _ => {
                // An enable with rules closes the ranges that name one of them; without, all.
                open.retain(|&i| {
                    let s = &mut out[i];
                    let closes = rules.is_empty()
                        || s.rules.is_empty()
                        || s.rules
                            .iter()
                            .any(|n| rules.iter().any(|r| r.rule == n.rule));
                    if closes {
                        s.last_line = line;
                    }
                    !closes
                });
            }
        }
    }
    if !ignore.is_empty() {
        let fm = &text[..body_start.min(text.len())];
        let mut from = 0;
        let rules = ignore
            .iter()
            .map(|r| {
                let at = fm[from..].find(r.as_str()).map(|i| from + i);
                let (start, end) = at.map_or((0, 0), |i| (i, i + r.len()));
                if at.is_some() {
                    from = end;
                }
                Named {
                    rule: r.clone(),
                    start,
                    end,
                }
            })
            .collect();
        let key = fm.find("factlint").unwrap_or(0);
        out.push(Suppression {
            scope: Scope::File,
            rules,
            start: key,
            end: key + if fm.len() >= key + 8 { 8 } else { 0 },
            first_line: 1,
            last_line: usize::MAX,
        });
    }
    out
}

/// Drops the findings that a suppression covers, then adds a finding for each suppression
/// that names an unknown rule and, with `report_unused`, for each that silenced nothing.
pub fn apply(
    findings: &mut Vec<Finding>,
    articles: &[Article],
    known: &[&str],
    report_unused: bool,
) {
    // used[article][suppression][rule slot]; slot usize::MAX (every rule) is kept as `any`.
    let mut used: Vec<Vec<(Vec<bool>, bool)>> = articles
        .iter()
        .map(|a| {
            a.suppressions
                .iter()
                .map(|s| (vec![false; s.rules.len()], false))
                .collect()
        })
        .collect();
    findings.retain(|f| {
        let mut silenced = false;
        for l in &f.locations {
            let Some(a) = articles.get(l.article) else {
                continue;
            };
            let line = a.line_col(l.start).0;
            for (si, s) in a.suppressions.iter().enumerate() {
                if let Some(slot) = s.covers(f.rule, line) {
                    silenced = true;
                    let u = &mut used[l.article][si];
                    match u.0.get_mut(slot) {
                        Some(b) => *b = true,
                        None => u.1 = true,
                    }
                }
            }
        }
        !silenced
    });
    for (ai, a) in articles.iter().enumerate() {
        for (si, s) in a.suppressions.iter().enumerate() {
            let (rules_used, any_used) = &used[ai][si];
            if s.rules.is_empty() && report_unused && !any_used {
                findings.push(meta_finding(
                    UNUSED,
                    ai,
                    s.start,
                    s.end,
                    "this suppression silences nothing".into(),
                    "remove it, or check that the finding it was for is still reported",
                ));
            }
            for (ri, n) in s.rules.iter().enumerate() {
                if !known.contains(&n.rule.as_str()) {
                    findings.push(meta_finding(
                        UNKNOWN_RULE,
                        ai,
                        n.start,
                        n.end,
                        format!("unknown rule `{}` in a suppression", n.rule),
                        "`factlint rules` lists the rule ids",
                    ));
                } else if report_unused && !rules_used[ri] {
                    findings.push(meta_finding(
                        UNUSED,
                        ai,
                        n.start,
                        n.end,
                        format!("the suppression of `{}` silences nothing", n.rule),
                        "remove it, or check that the finding it was for is still reported",
                    ));
                }
            }
        }
    }
}

fn meta_finding(
    rule: &'static str,
    article: usize,
    start: usize,
    end: usize,
    message: String,
    help: &str,
) -> Finding {
    Finding {
        rule,
        severity: Severity::Warning,
        subject: format!("{rule}:{start}"),
        message,
        help: Some(help.to_string()),
        locations: vec![Location {
            article,
            start,
            end,
            primary: true,
            label: "here".into(),
        }],
        readings: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn next_line_skips_blank_lines() {
        let t = "a\n<!-- factlint-disable-next-line person.name-variant -->\n\nname here\nafter\n";
        let s = parse(t, 0, &[]);
        assert_eq!(s.len(), 1);
        assert_eq!((s[0].first_line, s[0].last_line), (4, 4));
        assert_eq!(s[0].rules[0].rule, "person.name-variant");
        assert_eq!(
            &t[s[0].rules[0].start..s[0].rules[0].end],
            "person.name-variant"
        );
    }

    #[test]
    fn ranges_close_on_their_enable() {
        let t = "<!-- factlint-disable date.conflict, figure.conflict -->\nx\n<!-- factlint-enable date.conflict -->\ny\n";
        let s = parse(t, 0, &[]);
        assert_eq!(s.len(), 1);
        assert_eq!((s[0].first_line, s[0].last_line), (1, 3));
        assert_eq!(s[0].rules.len(), 2);
        assert!(s[0].covers("figure.conflict", 2).is_some());
        assert!(s[0].covers("figure.conflict", 4).is_none());
        assert!(s[0].covers("person.name-variant", 2).is_none());
    }

    #[test]
    fn an_unclosed_range_runs_to_the_end_and_no_rule_means_all() {
        let t = "x\n<!-- factlint-disable -->\ny\nz\n";
        let s = parse(t, 0, &[]);
        assert!(s[0].covers("anything", 4).is_some());
        assert!(s[0].covers("anything", 1).is_none());
    }

    #[test]
    fn front_matter_rules_point_at_their_text() {
        let t = "---\nfactlint: {ignore: [date.conflict]}\n---\nBody\n";
        let s = parse(t, 41, &["date.conflict".into()]);
        assert_eq!(s[0].scope, Scope::File);
        assert_eq!(&t[s[0].rules[0].start..s[0].rules[0].end], "date.conflict");
    }
}
