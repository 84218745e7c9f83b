//! The Markdown and HTML reports: snapshots on the seeds, and what a hostile article must never
//! get into a rendered PR comment or page.
use assert_cmd::Command;

fn report(format: &str, path: &str) -> String {
    let out = Command::cargo_bin("factlint")
        .unwrap()
        .args(["check", path, "--format", format])
        .output()
        .unwrap();
    // Findings make the run fail (exit 1); anything else is a crash or a usage error.
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "factlint {format} {path}: {:?}\n{}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("the report is UTF-8")
}

#[test]
fn markdown_seeds() {
    insta::assert_snapshot!(report("markdown", "fixtures/seeds"));
}

#[test]
fn html_seeds() {
    insta::assert_snapshot!(report("html", "fixtures/seeds"));
}

#[test]
fn markdown_is_deterministic() {
    assert_eq!(
        report("markdown", "fixtures/stories"),
        report("markdown", "fixtures/stories")
    );
}

#[test]
fn html_is_deterministic() {
    assert_eq!(
        report("html", "fixtures/stories"),
        report("html", "fixtures/stories")
    );
}

/// Markup and escapes from fixtures/hostile that no report may carry raw.
const HOSTILE_RAW: [&str; 7] = [
    "<script",
    "<img",
    "<svg",
    "<iframe",
    "<b>",
    "</textarea",
    "\u{1b}",
];

#[test]
fn markdown_of_hostile_articles_carries_no_html() {
    let md = report("markdown", "fixtures/hostile");
    assert!(md.contains("person.name-variant"), "{md}");
    for raw in HOSTILE_RAW {
        assert!(!md.contains(raw), "raw {raw:?} in:\n{md}");
    }
    assert!(
        md.contains("Evening Post &lt;b&gt;bold&lt;/b&gt; &amp;"),
        "{md}"
    );
    // Each table row is one line with the columns it announces: nothing broke a row.
    for line in md.lines().filter(|l| l.starts_with('|')) {
        let cells = line.replace("\\|", "").matches('|').count();
        assert!(cells == 4 || cells == 5, "broken row: {line}");
    }
}

#[test]
fn markdown_tables_are_whole_on_every_story() {
    let md = report("markdown", "fixtures/stories");
    assert!(md.contains("figure.sum-mismatch"));
    let mut width = 0;
    for line in md.lines() {
        if line.starts_with('|') {
            let cells = line.replace("\\|", "").matches('|').count();
            if width == 0 {
                width = cells;
            }
            assert_eq!(cells, width, "row of another width: {line}");
        } else {
            width = 0;
        }
    }
}

#[test]
fn markdown_cuts_long_excerpts() {
    let md = report("markdown", "fixtures/stories");
    for line in md.lines().filter(|l| l.starts_with('|')) {
        for cell in line.split(" | ") {
            // Escapes may lengthen a cell; the text itself is cut at 160 characters.
            assert!(cell.chars().count() < 400, "long cell: {cell}");
        }
    }
}

/// Every `href`, `src` and CSS `url(` of a page, with what follows it.
fn hrefs_and_srcs(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    for attr in ["href=\"", "src=\"", "href='", "src='", "url("] {
        let mut rest = html;
        while let Some(i) = rest.find(attr) {
            rest = &rest[i + attr.len()..];
            out.push(format!(
                "{attr}{}",
                rest.chars().take(40).collect::<String>()
            ));
        }
    }
    out
}

#[test]
fn html_fetches_nothing_and_runs_nothing() {
    for path in ["fixtures/seeds", "fixtures/hostile", "fixtures/stories"] {
        let html = report("html", path);
        assert!(html.contains("Content-Security-Policy"), "{path}");
        assert!(html.contains("default-src 'none'"), "{path}");
        assert!(!html.contains("<script"), "{path}: a script");
        assert!(
            !html.contains("http://") && !html.contains("https://"),
            "{path}: a URL"
        );
        for a in hrefs_and_srcs(&html) {
            assert!(a.starts_with("href=\"#"), "{path}: {a}");
        }
    }
}

#[test]
fn html_of_hostile_articles_is_escaped() {
    let html = report("html", "fixtures/hostile");
    let body = &html[html.find("<body>").unwrap()..];
    for raw in HOSTILE_RAW.iter().chain(&["\u{7}"]) {
        assert!(!body.contains(raw), "raw {raw:?} in the page");
    }
    assert!(body.contains("Evening Post &lt;b&gt;bold&lt;/b&gt; &amp; &quot;quotes&quot;"));
    assert!(body.contains("&lt;iframe src=&quot;javascript:"));
    assert!(body.contains('\u{fffd}'), "control characters are replaced");
    // Only the page's own tags: every `<` opens one of them.
    let allowed = [
        "a",
        "blockquote",
        "body",
        "code",
        "div",
        "h1",
        "h2",
        "header",
        "html",
        "input",
        "label",
        "li",
        "main",
        "mark",
        "nav",
        "ol",
        "p",
        "section",
        "small",
        "span",
        "table",
        "tbody",
        "td",
        "th",
        "thead",
        "tr",
        "ul",
    ];
    for tag in body.split('<').skip(1) {
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        assert!(
            allowed.contains(&name.as_str()),
            "unexpected tag <{tag:.40}"
        );
    }
}
