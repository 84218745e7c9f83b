//! `--format html`: the desk chief's page, one self-contained file. Per story, a matrix of what
//! each source says of each disputed subject, then every finding with its excerpts.
//!
//! The page is opened from a mail or a shared folder, so it must neither fetch anything nor run
//! anything: the filters are pure CSS (checkboxes before `main`, sibling selectors), and the
//! Content-Security-Policy forbids every script, frame, image and connection. Article text is
//! hostile by assumption: every piece of it goes through [`esc`], never into a tag, an `href`
//! or an unescaped attribute. Ids and classes are built only from fingerprints (hex), numbers
//! and the crate's own rule and severity names.
use std::borrow::Cow;
use std::collections::BTreeMap;
use std::fmt::Write as _;

use super::{counts, place, source_name, story_of};
use crate::claims::{Finding, FindingReading};
use crate::run::Analysis;

/// The rule families a reader can filter on; a rule of another family is always shown.
pub(super) const FAMILIES: [&str; 4] = ["person", "date", "figure", "place"];
const SEVERITIES: [&str; 3] = ["error", "warning", "info"];

/// Characters of context on each side of a located text in an excerpt.
const CONTEXT: usize = 80;

/// One story as the pages show it: its articles in path order, then its findings (indices
/// into `an.findings`) in the analysis's order.
pub(super) struct StoryView<'a> {
    pub name: &'a str,
    pub articles: Vec<usize>,
    pub findings: Vec<usize>,
}

pub(super) fn stories(an: &Analysis) -> Vec<StoryView<'_>> {
    let mut map: BTreeMap<&str, StoryView> = BTreeMap::new();
    for (i, a) in an.articles.iter().enumerate() {
        map.entry(a.story.as_str())
            .or_insert_with(|| StoryView {
                name: &a.story,
                articles: vec![],
                findings: vec![],
            })
            .articles
            .push(i);
    }
    for (i, f) in an.findings.iter().enumerate() {
        let name = story_of(an, f);
        map.entry(name)
            .or_insert_with(|| StoryView {
                name,
                articles: vec![],
                findings: vec![],
            })
            .findings
            .push(i);
    }
    let mut out: Vec<StoryView> = map.into_values().collect();
    for s in &mut out {
        s.articles.sort_by(|&x, &y| {
            an.articles[x]
                .path
                .cmp(&an.articles[y].path)
                .then(x.cmp(&y))
        });
    }
    out
}

/// A character as a report may show it: control characters (bar newline and tab) and the
/// bidirectional overrides, which could make a quoted name read as another, become U+FFFD.
pub(super) fn clean_char(c: char) -> char {
    match c {
        '\n' | '\t' => c,
        '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => '\u{fffd}',
        c if c.is_control() => '\u{fffd}',
        c => c,
    }
}

/// At most `max` characters of `s`, ending in "…" when cut.
pub(super) fn cut(s: &str, max: usize) -> Cow<'_, str> {
    match s.char_indices().nth(max) {
        None => Cow::Borrowed(s),
        Some(_) => {
            let keep = s
                .char_indices()
                .nth(max.saturating_sub(1))
                .map_or(s.len(), |(i, _)| i);
            Cow::Owned(format!("{}…", s[..keep].trim_end()))
        }
    }
}

/// The subject of a finding as its message words it: the part before the first ": ".
pub(super) fn subject_words(message: &str) -> &str {
    message.split_once(": ").map_or(message, |(s, _)| s)
}

pub(super) fn family(rule: &str) -> &'static str {
    let fam = rule.split('.').next().unwrap_or("");
    FAMILIES
        .iter()
        .copied()
        .find(|&f| f == fam)
        .unwrap_or("other")
}

/// A located text with the words around it on its own line.
pub(super) struct Excerpt<'a> {
    pub before: &'a str,
    pub mark: &'a str,
    pub after: &'a str,
    pub clipped_start: bool,
    pub clipped_end: bool,
}

/// `context` characters on each side of `start..end`, kept to its line (a paragraph, in most
/// articles) and snapped to whole words when cut.
pub(super) fn excerpt(text: &str, start: usize, end: usize, context: usize) -> Excerpt<'_> {
    let floor = crate::text::floor_char_boundary;
    let start = floor(text, start);
    let end = floor(text, end.max(start));
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[end..].find('\n').map_or(text.len(), |i| end + i);
    let mut ws = text[line_start..start]
        .char_indices()
        .rev()
        .nth(context.saturating_sub(1))
        .map_or(line_start, |(i, _)| line_start + i);
    if ws > line_start {
        ws = text[ws..start].find(' ').map_or(ws, |i| ws + i + 1);
    }
    let mut we = text[end..line_end]
        .char_indices()
        .nth(context)
        .map_or(line_end, |(i, _)| end + i);
    if we < line_end {
        we = text[end..we].rfind(' ').map_or(we, |i| end + i);
    }
    Excerpt {
        before: &text[ws..start],
        mark: &text[start..end],
        after: &text[end..we],
        clipped_start: ws > line_start,
        clipped_end: we < line_end,
    }
}

/// Text for HTML, in an element or a quoted attribute alike.
fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    for c in s.chars() {
        match clean_char(c) {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The readings an article gives of a finding's subject (one, unless it contradicts itself).
fn readings_of(f: &Finding, article: usize) -> Vec<&FindingReading> {
    f.readings
        .iter()
        .filter(|r| r.articles.contains(&article))
        .collect()
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Unique anchors per finding: the fingerprint, with a suffix in the unlikely case that two
/// findings share one.
fn anchors(an: &Analysis) -> Vec<String> {
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    an.findings
        .iter()
        .map(|f| {
            let fp = f.fingerprint(story_of(an, f));
            let n = seen.entry(fp.clone()).or_insert(0);
            *n += 1;
            if *n == 1 {
                format!("f-{fp}")
            } else {
                format!("f-{fp}-{n}")
            }
        })
        .collect()
}

pub fn check(an: &Analysis) -> String {
    let anchors = anchors(an);
    let views = stories(an);
    let c = counts(&an.findings);

    let mut out = String::with_capacity(16 * 1024);
    out.push_str(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; \
         style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'\">\n\
         <meta name=\"referrer\" content=\"no-referrer\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>factlint: discrepancy report</title>\n<style>\n",
    );
    out.push_str(CSS);
    out.push_str(&filter_css());
    out.push_str("</style>\n</head>\n<body>\n");
    for f in FAMILIES.iter().chain(SEVERITIES.iter()) {
        let _ = writeln!(
            out,
            "<input type=\"checkbox\" class=\"toggle\" id=\"show-{f}\" checked aria-label=\"show {f}\">"
        );
    }

    // Header: what was read, what was found, the filters.
    out.push_str("<header>\n<h1>Discrepancy report</h1>\n<p class=\"summary\">");
    let story_count = views.iter().filter(|v| !v.articles.is_empty()).count();
    let _ = write!(
        out,
        "{} in {}",
        plural(an.articles.len(), "file", "files"),
        plural(story_count, "story", "stories")
    );
    if !an.skipped.is_empty() {
        let _ = write!(out, ", {} skipped", an.skipped.len());
    }
    let _ = write!(
        out,
        " · {}:",
        plural(an.findings.len(), "finding", "findings")
    );
    for (sev, n, words) in [
        ("error", c.error, plural(c.error, "error", "errors")),
        (
            "warning",
            c.warning,
            plural(c.warning, "warning", "warnings"),
        ),
        ("info", c.info, format!("{} info", c.info)),
    ] {
        let zero = if n == 0 { " zero" } else { "" };
        let _ = write!(out, " <span class=\"sev sev-{sev}{zero}\">{words}</span>");
    }
    out.push_str("</p>\n");
    out.push_str(
        "<nav class=\"filters\" aria-label=\"filters\">\n<span class=\"group\">Show</span>\n",
    );
    for fam in FAMILIES {
        let n = an.findings.iter().filter(|f| family(f.rule) == fam).count();
        let _ = writeln!(
            out,
            "<label for=\"show-{fam}\">{fam} <span class=\"n\">{n}</span></label>"
        );
    }
    out.push_str("<span class=\"sep\"></span>\n");
    for (sev, n) in SEVERITIES.iter().zip([c.error, c.warning, c.info]) {
        let _ = writeln!(
            out,
            "<label for=\"show-{sev}\" class=\"sev-{sev}\">{sev} <span class=\"n\">{n}</span></label>"
        );
    }
    out.push_str("</nav>\n</header>\n<main>\n");

    for (si, view) in views.iter().enumerate() {
        story_section(&mut out, an, view, si + 1, &anchors);
    }

    if !an.skipped.is_empty() {
        out.push_str("<section class=\"skipped\">\n<h2>Skipped files</h2>\n<ul>\n");
        for s in &an.skipped {
            let _ = writeln!(
                out,
                "<li><span class=\"path\">{}</span>: {}</li>",
                esc(&s.path),
                esc(&s.reason)
            );
        }
        out.push_str("</ul>\n</section>\n");
    }
    out.push_str("</main>\n</body>\n</html>\n");
    out
}

fn story_section(
    out: &mut String,
    an: &Analysis,
    view: &StoryView,
    number: usize,
    anchors: &[String],
) {
    let _ = write!(
        out,
        "<section class=\"story\" id=\"story-{number}\">\n<h2>{} <small>{} · {}</small></h2>\n",
        esc(view.name),
        plural(view.articles.len(), "source", "sources"),
        plural(view.findings.len(), "finding", "findings"),
    );
    if view.findings.is_empty() {
        out.push_str(
            "<p class=\"quiet\">No discrepancies between these sources.</p>\n</section>\n",
        );
        return;
    }

    let findings: Vec<(&Finding, &str)> = view
        .findings
        .iter()
        .filter_map(|&i| Some((an.findings.get(i)?, anchors.get(i)?.as_str())))
        .collect();
    if findings.iter().any(|(f, _)| !f.readings.is_empty()) {
        matrix(out, an, view, &findings);
    }

    out.push_str("<ol class=\"findings\">\n");
    for (f, anchor) in &findings {
        finding(out, an, f, anchor);
    }
    out.push_str("</ol>\n</section>\n");
}

/// Rows are disputed subjects, columns the story's sources; a cell is what that source says.
fn matrix(out: &mut String, an: &Analysis, view: &StoryView, findings: &[(&Finding, &str)]) {
    out.push_str(
        "<div class=\"matrix-wrap\">\n<table class=\"matrix\">\n<thead>\n<tr><th scope=\"col\">Subject</th>",
    );
    for &a in &view.articles {
        let art = &an.articles[a];
        let date = art
            .meta
            .date
            .map(|d| format!("<span class=\"date\">{}</span>", esc(&d.display())))
            .unwrap_or_default();
        let _ = write!(
            out,
            "<th scope=\"col\" title=\"{}\">{}{date}</th>",
            esc(&art.path),
            esc(&source_name(art))
        );
    }
    out.push_str("</tr>\n</thead>\n<tbody>\n");
    for (f, anchor) in findings.iter().filter(|(f, _)| !f.readings.is_empty()) {
        let _ = write!(
            out,
            "<tr class=\"fam-{} sev-{}\"><th scope=\"row\"><a href=\"#{anchor}\"><code>{}</code></a> \
             <span class=\"subject\">{}</span></th>",
            family(f.rule),
            f.severity.as_str(),
            esc(f.rule),
            esc(&cut(subject_words(&f.message), 140)),
        );
        for &a in &view.articles {
            let rs = readings_of(f, a);
            if rs.is_empty() {
                out.push_str("<td class=\"none\">—</td>");
                continue;
            }
            let class = if rs.iter().all(|r| r.majority) {
                "majority"
            } else {
                "outlier"
            };
            let text = rs
                .iter()
                .map(|r| esc(&cut(&r.value, 120)))
                .collect::<Vec<_>>()
                .join(" / ");
            match f.locations.iter().position(|l| l.article == a) {
                Some(li) => {
                    let _ = write!(
                        out,
                        "<td class=\"{class}\"><a href=\"#{anchor}-l{}\">{text}</a></td>",
                        li + 1
                    );
                }
                None => {
                    let _ = write!(out, "<td class=\"{class}\">{text}</td>");
                }
            }
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n</div>\n");
}

fn finding(out: &mut String, an: &Analysis, f: &Finding, anchor: &str) {
    let sev = f.severity.as_str();
    let _ = write!(
        out,
        "<li class=\"finding fam-{} sev-{sev}\" id=\"{anchor}\">\n\
         <p class=\"head\"><span class=\"badge sev-{sev}\">{sev}</span> <code>{}</code> \
         <a class=\"self\" href=\"#{anchor}\" title=\"link to this finding\">#</a></p>\n\
         <p class=\"message\">{}</p>\n",
        family(f.rule),
        esc(f.rule),
        esc(&f.message),
    );
    if let Some(help) = &f.help {
        let _ = writeln!(out, "<p class=\"help\">{}</p>", esc(help));
    }
    out.push_str("<ul class=\"locations\">\n");
    for (i, l) in f.locations.iter().enumerate() {
        let Some(art) = an.articles.get(l.article) else {
            continue;
        };
        let p = place(art, l.start, l.end);
        let class = location_class(f, l.article);
        let _ = write!(
            out,
            "<li id=\"{anchor}-l{}\" class=\"{class}\">\n<div class=\"where\"><span class=\"source\">{}</span> \
             <span class=\"path\">{}:{}</span> <span class=\"label\">{}</span></div>\n",
            i + 1,
            esc(&source_name(art)),
            esc(&p.path),
            p.line,
            esc(&l.label),
        );
        let x = excerpt(&art.text, l.start, l.end, CONTEXT);
        let _ = writeln!(
            out,
            "<blockquote>{}{}<mark>{}</mark>{}{}</blockquote>\n</li>",
            if x.clipped_start { "…" } else { "" },
            esc(x.before),
            esc(x.mark),
            esc(x.after),
            if x.clipped_end { "…" } else { "" },
        );
    }
    out.push_str("</ul>\n</li>\n");
}

/// How a location's article stands on the finding: with the majority, against it, or (inside
/// one article) neither.
fn location_class(f: &Finding, article: usize) -> &'static str {
    let rs = readings_of(f, article);
    if rs.is_empty() {
        "single"
    } else if rs.iter().all(|r| r.majority) {
        "majority"
    } else {
        "outlier"
    }
}

/// The filters: a checkbox per family and severity sits before `main`, so that an unchecked
/// one hides its findings and matrix rows with a sibling selector, no script needed.
fn filter_css() -> String {
    let mut hide = Vec::new();
    let mut css = String::new();
    for (kind, names) in [("fam", &FAMILIES[..]), ("sev", &SEVERITIES[..])] {
        for n in names {
            hide.push(format!("#show-{n}:not(:checked)~main .{kind}-{n}"));
            let _ = writeln!(
                css,
                "#show-{n}:not(:checked)~header label[for=show-{n}]{{opacity:.55;text-decoration:line-through;background:transparent}}\n\
                 #show-{n}:focus-visible~header label[for=show-{n}]{{outline:2px solid var(--focus);outline-offset:2px}}"
            );
        }
    }
    format!("{}{{display:none}}\n{css}", hide.join(",\n"))
}

const CSS: &str = r#":root{--fg:#1f2328;--muted:#59636e;--line:#d1d9e0;--bg:#fff;--panel:#f6f8fa;
--maj-bg:#e6f0fa;--maj-fg:#0b4a7d;--out-bg:#ffe3cc;--out-fg:#8a3300;--out-line:#e8772e;
--error:#b42318;--warning:#9a5b00;--info:#175cd3;--focus:#0969da;color-scheme:light}
*{box-sizing:border-box}
body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","DejaVu Sans",sans-serif;color:var(--fg);background:var(--bg)}
header{padding:20px 32px 14px;border-bottom:1px solid var(--line);background:var(--panel)}
h1{margin:0 0 4px;font-size:22px}
h2{font-size:18px;margin:0 0 12px;overflow-wrap:anywhere}
h2 small{font-size:13px;font-weight:normal;color:var(--muted);margin-left:8px}
main{padding:8px 32px 40px;max-width:1400px}
code,.path{font-family:ui-monospace,"SFMono-Regular","DejaVu Sans Mono",Menlo,Consolas,monospace;font-size:13px}
.summary{margin:0 0 10px;color:var(--muted)}
.sev{font-weight:600}
span.sev-error,label.sev-error{color:var(--error)}span.sev-warning,label.sev-warning{color:var(--warning)}span.sev-info,label.sev-info{color:var(--info)}
span.sev.zero{color:var(--muted);font-weight:normal}
.toggle{position:absolute;opacity:0;width:1px;height:1px;margin:0}
.filters{display:flex;flex-wrap:wrap;gap:6px;align-items:center;font-size:13px}
.filters .group{color:var(--muted);margin-right:4px}
.filters .sep{width:12px}
.filters label{cursor:pointer;user-select:none;border:1px solid var(--line);border-radius:999px;padding:2px 10px;background:var(--bg)}
.filters .n{color:var(--muted);font-variant-numeric:tabular-nums}
.story{margin-top:28px}
.quiet{color:var(--muted);margin:0}
.matrix-wrap{overflow-x:auto;margin-bottom:18px;border:1px solid var(--line);border-radius:6px}
table.matrix{border-collapse:collapse;width:100%;font-size:14px}
.matrix th,.matrix td{padding:7px 10px;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}
.matrix tbody tr:last-child>*{border-bottom:0}
.matrix thead th{background:var(--panel);font-weight:600;white-space:nowrap}
.matrix thead th .date{display:block;font-weight:normal;color:var(--muted);font-size:12px}
.matrix tbody th{font-weight:normal;min-width:220px;max-width:360px}
.matrix tbody th code{display:block;color:var(--muted);font-size:12px}
.matrix tbody th a{text-decoration:none}
.matrix td{min-width:120px}
.matrix td a{color:inherit;text-decoration:none;display:block}
.matrix td a:hover{text-decoration:underline}
.matrix td.majority{background:var(--maj-bg);color:var(--maj-fg)}
.matrix td.outlier{background:var(--out-bg);color:var(--out-fg);font-weight:600;box-shadow:inset 3px 0 0 var(--out-line)}
.matrix td.none{color:var(--muted);text-align:center}
ol.findings{list-style:none;margin:0;padding:0}
.finding{border:1px solid var(--line);border-radius:6px;padding:10px 14px;margin-bottom:12px}
.finding p{margin:0 0 6px}
.finding .head{display:flex;gap:8px;align-items:center}
.finding .self{margin-left:auto;color:var(--muted);text-decoration:none}
.badge{font-size:12px;font-weight:600;text-transform:uppercase;letter-spacing:.03em;border-radius:4px;padding:0 6px}
.badge.sev-error{background:var(--error);color:#fff}.badge.sev-warning{background:var(--warning);color:#fff}.badge.sev-info{background:var(--info);color:#fff}
.message{font-weight:600;overflow-wrap:anywhere}
.help{color:var(--muted);overflow-wrap:anywhere}
ul.locations{list-style:none;margin:8px 0 0;padding:0}
.locations li{padding:6px 10px;margin-top:6px;border-left:3px solid var(--line);background:var(--panel);border-radius:0 4px 4px 0}
.locations li.majority{border-left-color:#6a9fd4}
.locations li.outlier{border-left-color:var(--out-line)}
.locations li:target{outline:2px solid var(--focus);outline-offset:1px}
.where{font-size:13px;color:var(--muted);overflow-wrap:anywhere}
.where .source{font-weight:600;color:var(--fg)}
blockquote{margin:4px 0 0;overflow-wrap:anywhere;white-space:normal}
mark{background:#fff1a8;color:inherit;padding:0 2px;border-radius:2px}
.outlier mark{background:var(--out-bg);box-shadow:inset 0 -2px 0 var(--out-line)}
.majority mark{background:var(--maj-bg)}
.skipped{margin-top:28px;color:var(--muted)}
@media print{.filters{display:none}.finding{break-inside:avoid}}
"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_controls() {
        assert_eq!(
            esc("<a href='x'>\"&\u{7}\u{1b}[0m\u{202e}\n"),
            "&lt;a href=&#39;x&#39;&gt;&quot;&amp;\u{fffd}\u{fffd}[0m\u{fffd}\n"
        );
    }

    #[test]
    fn cuts_at_characters() {
        assert_eq!(cut("éééé", 4), "éééé");
        assert_eq!(cut("ééééé", 4), "ééé…");
        assert_eq!(cut("ab cd", 4), "ab…");
    }

    #[test]
    fn excerpts_stay_on_the_line_and_on_characters() {
        let text = "first line\nun été très chaud à Liège, dit Élise Dupont hier soir\nlast";
        let start = text.find("Élise").unwrap();
        let end = start + "Élise Dupont".len();
        let x = excerpt(text, start, end, 8);
        assert_eq!(x.mark, "Élise Dupont");
        assert_eq!(x.before, "dit ");
        assert_eq!(x.after, " hier");
        assert!(x.clipped_start && x.clipped_end);
        let whole = excerpt(text, start, end, 200);
        assert_eq!(whole.before, "un été très chaud à Liège, dit ");
        assert!(!whole.clipped_start && !whole.clipped_end);
        // Offsets inside a character or past the end do not panic.
        let odd = excerpt(text, start + 1, text.len() + 10, 5);
        assert_eq!(odd.mark, &text[start..]);
    }

    #[test]
    fn subjects_and_families() {
        assert_eq!(
            subject_words("date of the attack: sources disagree: «10:30»"),
            "date of the attack"
        );
        assert_eq!(subject_words("no colon"), "no colon");
        assert_eq!(family("figure.sum-mismatch"), "figure");
        assert_eq!(family("weird"), "other");
    }
}
