//! `--format sarif`: SARIF 2.1.0 for code-scanning services, one run with every check as a rule.
//!
//! Also home to the helpers the other machine formats share (github, rdjson, junit,
//! checkstyle): resolving a location to lines and columns, the primary/related split, the
//! message with its help, clipped excerpts and repository-relative paths.
use serde_json::{json, Map, Value};

use super::{source_name, story_of};
use crate::claims::{Finding, Location, Severity};
use crate::compare::CHECKS;
use crate::input::Article;
use crate::run::Analysis;

/// The base every artifact URI is relative to: code-scanning services map it to the checkout.
const SRCROOT: &str = "SRCROOT";

/// Longest excerpt a machine report quotes, in characters: a span can sit on a 100 kB line of
/// scraped text, and the report needs the mention, not the page.
pub(crate) const EXCERPT_CHARS: usize = 200;

/// A finding's location resolved against its article. Columns count characters; the end is
/// exclusive (the position just after the span), as SARIF and reviewdog expect.
pub(crate) struct Spot<'a> {
    pub article: &'a Article,
    pub loc: &'a Location,
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
}

impl Spot<'_> {
    /// The located text, clipped so that a runaway span cannot flood the report.
    pub fn excerpt(&self) -> String {
        clip(
            self.article
                .text
                .get(self.loc.start..self.loc.end)
                .unwrap_or(""),
            EXCERPT_CHARS,
        )
    }
}

pub(crate) fn spot<'a>(an: &'a Analysis, loc: &'a Location) -> Option<Spot<'a>> {
    let article = an.articles.get(loc.article)?;
    let (line, column) = article.line_col(loc.start);
    let (end_line, end_column) = article.line_col(loc.end.max(loc.start));
    Some(Spot {
        article,
        loc,
        line,
        column,
        end_line,
        end_column,
    })
}

/// The location a finding is reported at (its first primary, else its first location) and
/// every other location, in the finding's order.
pub(crate) fn primary_and_related(f: &Finding) -> (Option<&Location>, Vec<&Location>) {
    let primary = f
        .locations
        .iter()
        .position(|l| l.primary)
        .or(if f.locations.is_empty() {
            None
        } else {
            Some(0)
        });
    let related = f
        .locations
        .iter()
        .enumerate()
        .filter(|(i, _)| Some(*i) != primary)
        .map(|(_, l)| l)
        .collect();
    (primary.and_then(|i| f.locations.get(i)), related)
}

/// The finding's message followed by its help: formats with a single message field would
/// otherwise lose which reading the majority gives. Helps start in lower case ("check the
/// day: ..."), so they follow a semicolon.
pub(crate) fn full_message(f: &Finding) -> String {
    match f.help.as_deref().map(str::trim).filter(|h| !h.is_empty()) {
        Some(help) => format!("{}; {help}", f.message.trim_end().trim_end_matches('.')),
        None => f.message.clone(),
    }
}

/// " (Source)" for an article whose front matter names its outlet; nothing otherwise, since
/// the file name is already in the location.
pub(crate) fn source_suffix(a: &Article) -> String {
    a.meta
        .source
        .as_deref()
        .map_or_else(String::new, |s| format!(" ({s})"))
}

/// Cuts `s` after `max` characters, marking the cut with "…".
pub(crate) fn clip(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_string(),
    }
}

pub(crate) fn severity_word(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// A path as services that annotate a repository want it: relative, with forward slashes.
/// An absolute path under the current directory is made relative to it; any other absolute
/// path is reduced to its file name rather than leak the machine's layout.
pub(crate) fn relative_path(path: &str) -> String {
    let slashed = path.replace('\\', "/");
    let drive = slashed.as_bytes().get(1) == Some(&b':');
    let p = std::path::Path::new(path);
    let mut rel = if p.is_absolute() || slashed.starts_with('/') || drive {
        std::env::current_dir()
            .ok()
            .and_then(|cwd| {
                p.strip_prefix(&cwd)
                    .ok()
                    .map(|r| r.to_string_lossy().replace('\\', "/"))
            })
            .filter(|r| !r.is_empty())
            .unwrap_or_else(|| {
                slashed
                    .rsplit('/')
                    .find(|s| !s.is_empty())
                    .unwrap_or("article")
                    .to_string()
            })
    } else {
        slashed
    };
    while let Some(rest) = rel.strip_prefix("./") {
        rel = rest.to_string();
    }
    rel
}

/// A relative path as a URI reference: every byte outside the unreserved and sub-delimiter
/// characters is percent-encoded, `:` included so that no first segment reads as a scheme.
pub(crate) fn path_uri(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in relative_path(path).bytes() {
        if b.is_ascii_alphanumeric() || b"-._~!$&'()*+,;=@/".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// `person.role-conflict` → `PersonRoleConflict`: SARIF's rule name is an identifier.
fn rule_name(id: &str) -> String {
    id.split(['.', '-', '_'])
        .map(|w| {
            let mut cs = w.chars();
            cs.next()
                .map(|c| c.to_uppercase().chain(cs).collect::<String>())
                .unwrap_or_default()
        })
        .collect()
}

fn rules() -> Vec<Value> {
    CHECKS
        .iter()
        .map(|c| {
            let doc = c.doc();
            json!({
                "id": c.id,
                "name": rule_name(c.id),
                "shortDescription": {"text": c.summary()},
                "fullDescription": {"text": doc},
                "help": {"text": doc, "markdown": doc},
                "defaultConfiguration": {"level": severity_word(c.default_severity)},
            })
        })
        .collect()
}

fn artifact_location(a: &Article) -> Value {
    json!({"uri": path_uri(&a.path), "uriBaseId": SRCROOT})
}

fn physical(s: &Spot) -> Value {
    let mut artifact = artifact_location(s.article);
    // The article's position in `artifacts`, which lists the articles in order.
    artifact["index"] = json!(s.loc.article);
    json!({
        "artifactLocation": artifact,
        "region": {
            "startLine": s.line,
            "startColumn": s.column,
            "endLine": s.end_line,
            "endColumn": s.end_column,
            "snippet": {"text": s.excerpt()},
        },
    })
}

fn result(an: &Analysis, f: &Finding) -> Value {
    let story = story_of(an, f);
    let (primary, related) = primary_and_related(f);
    let mut r = Map::new();
    r.insert("ruleId".into(), json!(f.rule));
    if let Some(i) = CHECKS.iter().position(|c| c.id == f.rule) {
        r.insert("ruleIndex".into(), json!(i));
    }
    r.insert("level".into(), json!(severity_word(f.severity)));
    r.insert("message".into(), json!({"text": full_message(f)}));
    if let Some(s) = primary.and_then(|l| spot(an, l)) {
        r.insert(
            "locations".into(),
            json!([{"physicalLocation": physical(&s), "message": {"text": s.loc.label}}]),
        );
    }
    let related: Vec<Value> = related
        .iter()
        .filter_map(|l| spot(an, l))
        .enumerate()
        .map(|(i, s)| {
            json!({
                "id": i + 1,
                "physicalLocation": physical(&s),
                "message": {"text": format!("{}{}", s.loc.label, source_suffix(s.article))},
            })
        })
        .collect();
    if !related.is_empty() {
        r.insert("relatedLocations".into(), Value::Array(related));
    }
    r.insert(
        "partialFingerprints".into(),
        // The story as a relative path, so that "./x", "x" and an absolute path to it agree.
        json!({"factlint/v1": f.fingerprint(&relative_path(story))}),
    );
    let readings: Vec<Value> = f
        .readings
        .iter()
        .map(|rd| {
            let sources: Vec<String> = rd
                .articles
                .iter()
                .filter_map(|&a| an.articles.get(a).map(source_name))
                .collect();
            json!({"value": rd.value, "sources": sources, "majority": rd.majority})
        })
        .collect();
    r.insert(
        "properties".into(),
        json!({"story": story, "readings": readings}),
    );
    Value::Object(r)
}

/// Skipped files and run warnings, so that a scan that read nothing does not look clean.
fn notifications(an: &Analysis) -> Vec<Value> {
    let skipped = an.skipped.iter().map(|s| {
        json!({
            "level": "warning",
            "message": {"text": format!("skipped: {}", s.reason)},
            "locations": [{"physicalLocation": {
                "artifactLocation": {"uri": path_uri(&s.path), "uriBaseId": SRCROOT},
            }}],
        })
    });
    let warnings = an
        .warnings
        .iter()
        .map(|w| json!({"level": "warning", "message": {"text": w.to_string()}}));
    skipped.chain(warnings).collect()
}

pub fn check(an: &Analysis) -> String {
    let artifacts: Vec<Value> = an
        .articles
        .iter()
        .map(|a| json!({"location": artifact_location(a)}))
        .collect();
    let out = json!({
        "$schema": "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "factlint",
                "version": env!("CARGO_PKG_VERSION"),
                "rules": rules(),
            }},
            "invocations": [{
                // A path that does not exist fails the run (exit 2); other skips are notes.
                "executionSuccessful": !an.skipped.iter().any(|s| s.reason == crate::input::NOT_FOUND),
                "toolExecutionNotifications": notifications(an),
            }],
            "originalUriBaseIds": {SRCROOT: {"description": {
                "text": "The directory factlint was run from: every artifact URI is relative to it.",
            }}},
            "artifacts": artifacts,
            "columnKind": "unicodeCodePoints",
            "results": an.findings.iter().map(|f| result(an, f)).collect::<Vec<_>>(),
        }],
    });
    serde_json::to_string_pretty(&out).unwrap_or_default() + "\n"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_paths_stay_and_absolute_ones_lose_the_machine() {
        assert_eq!(relative_path("fixtures/a b.txt"), "fixtures/a b.txt");
        assert_eq!(relative_path("./fixtures/x.md"), "fixtures/x.md");
        assert_eq!(relative_path("dir\\x.md"), "dir/x.md");
        assert_eq!(relative_path("/nowhere/near/x.md"), "x.md");
        assert_eq!(relative_path("C:\\Users\\x\\y.md"), "y.md");
        let cwd = std::env::current_dir().unwrap();
        let inside = cwd.join("stories").join("a.md");
        assert_eq!(relative_path(&inside.to_string_lossy()), "stories/a.md");
    }

    #[test]
    fn uris_are_percent_encoded_references() {
        assert_eq!(path_uri("a b/c%d:e#f?.md"), "a%20b/c%25d%3Ae%23f%3F.md");
        assert_eq!(path_uri("été/x.md"), "%C3%A9t%C3%A9/x.md");
    }

    #[test]
    fn clip_cuts_on_a_character() {
        assert_eq!(clip("ééé", 2), "éé…");
        assert_eq!(clip("abc", 3), "abc");
    }

    #[test]
    fn rule_names_are_identifiers() {
        assert_eq!(rule_name("person.role-conflict"), "PersonRoleConflict");
    }
}
