//! `--format markdown`: the discrepancy report for a pull-request comment or a mail. Per story,
//! per finding, a table of what each source says.
//!
//! A PR comment renders Markdown with inline HTML, so article text (readings, excerpts, source
//! names, paths, messages) is escaped for both: no `|` or newline may break a table, no `<` may
//! open a tag, no `[`, `*` or backtick may turn quoted text into a link or markup.
use std::fmt::Write as _;

use super::html::{clean_char, cut, excerpt, stories};
use super::{counts, place, source_name};
use crate::claims::Finding;
use crate::run::Analysis;

/// Longest cell text, in characters: a reading or excerpt longer than that is cut.
const CELL: usize = 160;
/// Characters of context on each side of a located text in a location table.
const CONTEXT: usize = 60;

/// Text for a table cell or a heading: one line, no markup, no HTML. An underscore inside a
/// word cannot start emphasis, so file names such as `000_a6b1.txt` stay readable in a mail.
fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    let mut prev = ' ';
    let mut chars = s.chars().map(clean_char).peekable();
    while let Some(c) = chars.next() {
        match c {
            '\n' | '\t' => out.push(' '),
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '_' if prev.is_alphanumeric() && chars.peek().is_some_and(|n| n.is_alphanumeric()) => {
                out.push('_')
            }
            '|' | '\\' | '`' | '*' | '_' | '[' | ']' | '~' => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
        prev = c;
    }
    out
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

pub fn check(an: &Analysis) -> String {
    let c = counts(&an.findings);
    let views = stories(an);
    let mut out = String::from("# factlint: discrepancy report\n\n");
    let _ = write!(
        out,
        "{} in {}",
        plural(an.articles.len(), "file", "files"),
        plural(
            views.iter().filter(|v| !v.articles.is_empty()).count(),
            "story",
            "stories"
        )
    );
    if !an.skipped.is_empty() {
        let _ = write!(out, ", {} skipped", an.skipped.len());
    }
    let _ = writeln!(
        out,
        " · {}: {}, {}, {} info\n",
        plural(an.findings.len(), "finding", "findings"),
        plural(c.error, "error", "errors"),
        plural(c.warning, "warning", "warnings"),
        c.info
    );
    if an.findings.is_empty() {
        out.push_str("No discrepancies found.\n");
    }

    let mut quiet = Vec::new();
    for view in &views {
        if view.findings.is_empty() {
            quiet.push(esc(view.name));
            continue;
        }
        let _ = writeln!(out, "## {}\n", esc(view.name));
        for f in view.findings.iter().filter_map(|&i| an.findings.get(i)) {
            finding(&mut out, an, f, &view.articles);
        }
    }
    if !quiet.is_empty() && !an.findings.is_empty() {
        let _ = writeln!(out, "No discrepancies in: {}.\n", quiet.join(", "));
    }
    if !an.skipped.is_empty() {
        out.push_str("## Skipped files\n\n");
        for s in &an.skipped {
            let _ = writeln!(out, "- {}: {}", esc(&s.path), esc(&s.reason));
        }
        out.push('\n');
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

/// `path:line` of every location of `article` in the finding, the path said once.
fn where_in(an: &Analysis, f: &Finding, article: usize) -> String {
    let Some(art) = an.articles.get(article) else {
        return String::new();
    };
    let lines: Vec<String> = f
        .locations
        .iter()
        .filter(|l| l.article == article)
        .map(|l| place(art, l.start, l.end).line.to_string())
        .collect();
    format!("{}:{}", esc(&art.path), lines.join(", "))
}

fn finding(out: &mut String, an: &Analysis, f: &Finding, story_articles: &[usize]) {
    let _ = writeln!(
        out,
        "### {} `{}`: {}\n",
        f.severity.as_str(),
        f.rule,
        esc(&f.message)
    );
    if f.readings.is_empty() {
        out.push_str("| Source | What | Excerpt | Where |\n|---|---|---|---|\n");
        for l in &f.locations {
            let Some(art) = an.articles.get(l.article) else {
                continue;
            };
            let x = excerpt(&art.text, l.start, l.end, CONTEXT);
            let quote = format!(
                "{}{}**{}**{}{}",
                if x.clipped_start { "…" } else { "" },
                esc(x.before),
                esc(&cut(x.mark, CELL)),
                esc(x.after),
                if x.clipped_end { "…" } else { "" },
            );
            let p = place(art, l.start, l.end);
            let _ = writeln!(
                out,
                "| {} | {} | {} | {}:{} |",
                esc(&source_name(art)),
                esc(&cut(&l.label, CELL)),
                quote,
                esc(&p.path),
                p.line
            );
        }
    } else {
        let total = story_articles
            .iter()
            .filter(|&&a| f.readings.iter().any(|r| r.articles.contains(&a)))
            .count();
        out.push_str("| Source | Reading | Where |\n|---|---|---|\n");
        for &a in story_articles {
            let readings: Vec<String> = f
                .readings
                .iter()
                .filter(|r| r.articles.contains(&a))
                .map(|r| {
                    let value = esc(&cut(&r.value, CELL));
                    let n = r.articles.len();
                    if r.majority {
                        format!("**{value}** · majority, {n} of {total}")
                    } else if f.readings.iter().any(|r| r.majority) {
                        format!("{value} · ⚠ odd one out, {n} of {total}")
                    } else {
                        format!("{value} · ⚠ split, {n} of {total}")
                    }
                })
                .collect();
            if readings.is_empty() {
                continue;
            }
            let _ = writeln!(
                out,
                "| {} | {} | {} |",
                esc(&source_name(&an.articles[a])),
                readings.join("; "),
                where_in(an, f, a)
            );
        }
    }
    out.push('\n');
    if let Some(help) = &f.help {
        let _ = writeln!(out, "{}\n", esc(help));
    }
}
