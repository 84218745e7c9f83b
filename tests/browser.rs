//! The HTML report in a real headless Chromium: the page the desk chief opens shows the finding
//! and its odd reading, and a hostile article neither runs a script nor adds an element.
//!
//! Chromium is Debian's `chromium` (or `chromium-browser`) on PATH. Without it the tests skip,
//! so that `cargo test` works on a developer's machine; on CI (`CI` set) they fail instead.
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// A browser call that takes longer than this has hung.
const BROWSER_TIMEOUT: Duration = Duration::from_secs(60);

fn chromium() -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    ["chromium", "chromium-browser"].iter().find_map(|name| {
        std::env::split_paths(&path)
            .map(|dir| dir.join(name))
            .find(|p| p.is_file())
    })
}

/// The browser, or `None` after saying why the test is skipped.
fn browser_or_skip() -> Option<PathBuf> {
    let found = chromium();
    if found.is_none() {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI is set but chromium is not installed: `apt-get install chromium` (.ci/run does it)"
        );
        eprintln!("skipping: chromium not installed");
    }
    found
}

/// target/report-test, beside the target/tmp Cargo gives integration tests.
fn out_dir() -> PathBuf {
    let tmp = Path::new(env!("CARGO_TARGET_TMPDIR"));
    let dir = tmp.parent().unwrap_or(tmp).join("report-test");
    fs::create_dir_all(&dir).unwrap();
    dir
}

/// Writes the HTML report of `input` to `<out>/<name>.html`.
fn render(input: &Path, name: &str) -> PathBuf {
    let page = out_dir().join(format!("{name}.html"));
    let out = assert_cmd::Command::cargo_bin("factlint")
        .unwrap()
        .arg("check")
        .arg(input)
        .args(["--format", "html", "--output"])
        .arg(&page)
        .output()
        .unwrap();
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "factlint failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    page
}

fn file_url(path: &Path) -> String {
    let abs = fs::canonicalize(path).unwrap();
    let mut url = String::from("file://");
    for b in abs.to_string_lossy().bytes() {
        if b.is_ascii_alphanumeric() || b"/-._~".contains(&b) {
            url.push(char::from(b));
        } else {
            url.push_str(&format!("%{b:02X}"));
        }
    }
    url
}

/// Runs Chromium headless on `page` with `extra` flags, killing it after [`BROWSER_TIMEOUT`];
/// returns its standard output. Each call has its own profile, so tests can run in parallel.
fn browse(browser: &Path, page: &Path, tag: &str, extra: &[String]) -> String {
    let dir = out_dir();
    let stdout_path = dir.join(format!("{tag}.stdout"));
    let profile = dir.join(format!("profile-{tag}"));
    let mut child = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--no-first-run",
            "--disable-extensions",
            "--disable-background-networking",
            "--hide-scrollbars",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(extra)
        .arg(file_url(page))
        .stdin(Stdio::null())
        .stdout(fs::File::create(&stdout_path).unwrap())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + BROWSER_TIMEOUT;
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!(
                "chromium took more than {BROWSER_TIMEOUT:?} on {}",
                page.display()
            );
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    assert!(
        status.success(),
        "chromium failed on {}: {status}",
        page.display()
    );
    let _ = fs::remove_dir_all(&profile);
    fs::read_to_string(&stdout_path).unwrap()
}

/// The DOM after the page's scripts (if any) had time to run.
fn dump_dom(browser: &Path, page: &Path, tag: &str) -> String {
    browse(
        browser,
        page,
        tag,
        &["--virtual-time-budget=3000".into(), "--dump-dom".into()],
    )
}

fn screenshot(browser: &Path, page: &Path, tag: &str) -> PathBuf {
    let png = out_dir().join(format!("{tag}.png"));
    let _ = fs::remove_file(&png);
    browse(
        browser,
        page,
        &format!("{tag}-shot"),
        &[
            format!("--screenshot={}", png.display()),
            "--window-size=1280,900".into(),
        ],
    );
    png
}

/// A tag of serialised HTML with its attributes, and where its content starts.
#[derive(Debug)]
struct Tag {
    name: String,
    closing: bool,
    attrs: Vec<(String, String)>,
    end: usize,
}

impl Tag {
    fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
    fn has_class(&self, class: &str) -> bool {
        self.attr("class")
            .is_some_and(|c| c.split_whitespace().any(|x| x == class))
    }
}

/// The tags of a serialised DOM. In serialised text every `<` is escaped, so each raw `<`
/// opens a tag, a comment or the doctype; quoted attribute values may hold anything.
fn tags(html: &str) -> Vec<Tag> {
    let b = html.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(off) = html[i..].find('<') {
        i += off + 1;
        if html[i..].starts_with("!--") {
            i = html[i..].find("-->").map_or(b.len(), |e| i + e + 3);
            continue;
        }
        if html[i..].starts_with('!') {
            i = html[i..].find('>').map_or(b.len(), |e| i + e + 1);
            continue;
        }
        let closing = b.get(i) == Some(&b'/');
        if closing {
            i += 1;
        }
        let start = i;
        while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'-') {
            i += 1;
        }
        let name = html[start..i].to_ascii_lowercase();
        let mut attrs = Vec::new();
        loop {
            while i < b.len() && (b[i].is_ascii_whitespace() || b[i] == b'/') {
                i += 1;
            }
            if i >= b.len() || b[i] == b'>' {
                i += 1;
                break;
            }
            let a = i;
            while i < b.len() && !b[i].is_ascii_whitespace() && !b"=>/".contains(&b[i]) {
                i += 1;
            }
            let attr = html[a..i].to_ascii_lowercase();
            let mut value = String::new();
            if b.get(i) == Some(&b'=') {
                i += 1;
                match b.get(i) {
                    Some(&q @ (b'"' | b'\'')) => {
                        let e = html[i + 1..]
                            .find(char::from(q))
                            .map_or(b.len(), |e| i + 1 + e);
                        value = html[i + 1..e].to_string();
                        i = e + 1;
                    }
                    _ => {
                        let v = i;
                        while i < b.len() && !b[i].is_ascii_whitespace() && b[i] != b'>' {
                            i += 1;
                        }
                        value = html[v..i].to_string();
                    }
                }
            }
            attrs.push((attr, value));
        }
        let end = i.min(b.len());
        // Raw text: a style sheet's `<` is no tag.
        if !closing && (name == "style" || name == "script") {
            let close = format!("</{name}");
            i = html[end..].find(&close).map_or(b.len(), |e| end + e);
        }
        out.push(Tag {
            name,
            closing,
            attrs,
            end,
        });
        i = i.min(b.len());
    }
    out
}

/// The text of the element whose opening tag is `t`, tags stripped.
fn text_of(html: &str, t: &Tag) -> String {
    let rest = &html[t.end..];
    let close = format!("</{}", t.name);
    let inner = &rest[..rest.find(&close).unwrap_or(rest.len())];
    let mut text = String::new();
    let mut in_tag = false;
    for c in inner.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    text
}

fn title(dom: &str) -> String {
    let ts = tags(dom);
    ts.iter()
        .find(|t| t.name == "title" && !t.closing)
        .map(|t| text_of(dom, t))
        .unwrap_or_default()
}

/// Nothing an article wrote became markup: no scripts, frames, SVG or images, no event
/// handlers, no link anywhere but inside the page, and the title is the page's own.
fn assert_inert(dom: &str, what: &str) {
    assert_eq!(
        title(dom),
        "factlint: discrepancy report",
        "{what}: title changed"
    );
    assert!(!dom.contains("pwned</title>"), "{what}: a script ran");
    for t in tags(dom).iter().filter(|t| !t.closing) {
        assert!(
            !["script", "iframe", "svg", "img", "object", "embed", "textarea", "b", "frame"]
                .contains(&t.name.as_str()),
            "{what}: a <{}> element in the page",
            t.name
        );
        for (name, value) in &t.attrs {
            assert!(!name.starts_with("on"), "{what}: <{} {name}=…>", t.name);
            assert!(name != "src", "{what}: <{} src={value}>", t.name);
            if name == "href" {
                assert!(value.starts_with('#'), "{what}: href={value}");
            }
        }
    }
}

fn assert_screenshot(png: &Path) {
    let bytes = fs::read(png).unwrap_or_else(|e| panic!("no screenshot {}: {e}", png.display()));
    assert!(bytes.starts_with(b"\x89PNG\r\n\x1a\n"), "not a PNG");
    assert!(
        bytes.len() > 20_000,
        "a blank screenshot? {} bytes",
        bytes.len()
    );
}

#[test]
fn seeds_page_shows_the_odd_name() {
    let Some(browser) = browser_or_skip() else {
        return;
    };
    let page = render(Path::new("fixtures/seeds"), "seeds");
    let dom = dump_dom(&browser, &page, "seeds");
    assert_inert(&dom, "seeds");
    let ts = tags(&dom);

    let finding = ts
        .iter()
        .filter(|t| t.name == "li" && t.has_class("finding"))
        .map(|t| (t, text_of(&dom, t)))
        .find(|(_, text)| {
            text.contains("person.role-conflict") || text.contains("person.name-variant")
        });
    let (finding, text) = finding.expect("the minister's finding is in the page");
    assert!(text.contains("Amal Al-Fellah Sebbar"), "{text}");
    assert!(text.contains("Amal El Fallah Seghrouchni"), "{text}");
    let finding_id = finding.attr("id").expect("the finding has an anchor");

    let outliers: Vec<&Tag> = ts
        .iter()
        .filter(|t| t.name == "td" && t.has_class("outlier"))
        .collect();
    assert!(!outliers.is_empty(), "no outlier cell");
    for cell in &outliers {
        assert_eq!(text_of(&dom, cell).trim(), "Amal Al-Fellah Sebbar");
    }
    let majority: Vec<String> = ts
        .iter()
        .filter(|t| t.name == "td" && t.has_class("majority"))
        .map(|t| text_of(&dom, t))
        .collect();
    assert_eq!(majority.len(), 4, "{majority:?}");
    assert!(majority
        .iter()
        .all(|m| m.trim() == "Amal El Fallah Seghrouchni"));

    // The odd cell links to the odd mention, which sits in the finding.
    let link = ts
        .iter()
        .find(|t| t.name == "a" && t.end > outliers[0].end)
        .and_then(|t| t.attr("href"))
        .expect("the outlier cell links to its excerpt");
    let target = link.trim_start_matches('#');
    assert!(
        target.starts_with(finding_id),
        "{link} is not in {finding_id}"
    );
    let mention = ts
        .iter()
        .find(|t| t.attr("id") == Some(target))
        .expect("the link's target exists");
    assert!(text_of(&dom, mention).contains("Amal Al-Fellah Sebbar"));

    assert_screenshot(&screenshot(&browser, &page, "seeds"));
}

#[test]
fn hostile_page_is_inert() {
    let Some(browser) = browser_or_skip() else {
        return;
    };
    let page = render(Path::new("fixtures/hostile"), "hostile");
    let dom = dump_dom(&browser, &page, "hostile");
    assert_inert(&dom, "hostile");
    assert!(dom.contains("person.name-variant"));
    assert!(dom.contains("Evening Post &lt;b&gt;bold&lt;/b&gt; &amp; \"quotes\""));
    assert!(dom.contains("&lt;iframe src=\"javascript:alert('frame')\"&gt;"));
    assert!(dom.contains('\u{fffd}'), "control characters are replaced");
    assert_screenshot(&screenshot(&browser, &page, "hostile"));
}

/// The fixture's scripts sit away from the names, so this story puts each payload right
/// beside a mention, where the excerpt quotes it.
#[test]
fn payloads_beside_a_mention_stay_text() {
    let Some(browser) = browser_or_skip() else {
        return;
    };
    let story = out_dir().join("hostile-near").join("museum");
    fs::create_dir_all(&story).unwrap();
    // Each payload within the 80 characters an excerpt quotes after the name.
    let articles = [
        (
            "a.md",
            "Coastal <script>document.title='pwned-source'</script>",
            "<iframe src=\"javascript:parent.document.title='pwned-frame'\"></iframe> The city \
             museum caught fire on Monday night, the museum's director, Helena Marchetti, said. \
             <script>document.title='pwned'</script>",
        ),
        (
            "b.md",
            "Harbour Herald",
            "The city museum caught fire on Monday night, the museum's director, Helena \
             Marchetti, said. <img src=x onerror=\"document.title='pwned-img'\">",
        ),
        (
            "c.md",
            "Evening Post",
            "The city museum caught fire on Monday night, the museum's director, Helena \
             Marcheti, said. <svg onload=\"document.title='pwned-svg'\"></svg> \
             <a href=\"javascript:document.title='pwned-a'\" onclick=\"document.title='x'\">more</a>",
        ),
    ];
    for (file, source, body) in articles {
        let text = format!(
            "---\nsource: \"{}\"\ndate: 2025-06-03\nlang: en\n---\n# Museum fire\n\n{body}\n\n\
             Firefighters worked for six hours.\n",
            source.replace('"', "\\\"")
        );
        fs::write(story.join(file), text).unwrap();
    }
    let page = render(&story, "hostile-near");
    let html = fs::read_to_string(&page).unwrap();
    assert!(
        html.contains("person.name-variant"),
        "the story has its finding"
    );
    let dom = dump_dom(&browser, &page, "hostile-near");
    assert_inert(&dom, "hostile-near");
    assert!(dom.contains("&lt;script&gt;document.title='pwned'&lt;/script&gt;"));
    assert!(dom.contains("&lt;img src=x onerror=\"document.title='pwned-img'\"&gt;"));
    assert!(dom.contains("&lt;svg onload="));
    assert!(dom.contains("Coastal &lt;script&gt;"));
}

#[test]
fn the_tag_reader_sees_injected_markup() {
    let dom = "<html><head><title>x</title><style>a<b{}</style></head><body>\
               <p class=\"a b\">&lt;script&gt; one</p><img src=x onerror=\"a>b\">\
               <a href='javascript:x'>l</a><!-- <script> --></body></html>";
    let ts = tags(dom);
    let names: Vec<&str> = ts
        .iter()
        .filter(|t| !t.closing)
        .map(|t| t.name.as_str())
        .collect();
    assert_eq!(
        names,
        ["html", "head", "title", "style", "body", "p", "img", "a"]
    );
    let img = ts.iter().find(|t| t.name == "img").unwrap();
    assert_eq!(img.attr("onerror"), Some("a>b"));
    assert!(ts.iter().any(|t| t.has_class("b")));
    assert_eq!(title(dom), "x");
    assert!(std::panic::catch_unwind(|| assert_inert(dom, "bad")).is_err());
}
