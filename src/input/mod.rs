//! Input: which files are articles, which story each belongs to, and their text and metadata.
//! Nothing here fails the run: a file that cannot be used becomes a `Skipped` with its reason.
mod decode;
mod frontmatter;
mod meta;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

pub use decode::{decode, Decoded, DiskMap};
pub use frontmatter::FrontMatter;
pub use meta::{detect_language, infer_dateline, Precision, PubDate};

use crate::rules::Rules;

pub const ARTICLE_EXTENSIONS: &[&str] = &["txt", "md", "markdown"];
pub const IGNORE_FILE: &str = ".factlintignore";
/// The reason given for a path on the command line that does not exist.
pub const NOT_FOUND: &str = "no such file or folder";
/// Files larger than this are not articles (a dump, a log): skipped with a warning.
pub const MAX_FILE_BYTES: u64 = 8 * 1024 * 1024;

#[derive(Debug, Clone, Default)]
pub struct Meta {
    pub title: Option<String>,
    pub source: Option<String>,
    pub date: Option<PubDate>,
    pub lang: String,
    pub url: Option<String>,
    pub locale: Option<String>,
    /// Checks this article's front matter turns off (`factlint: {ignore: [...]}`).
    pub ignore: Vec<String>,
    /// For an undated article, a date of its story's other articles: it settles missing years,
    /// never relative days.
    pub story_date: Option<NaiveDate>,
}

#[derive(Debug)]
pub struct Article {
    pub id: usize,
    /// The path as given on the command line joined with the path inside the folder.
    pub path: String,
    pub story: String,
    pub text: String,
    pub disk: DiskMap,
    /// Where the article text starts (after front matter).
    pub body_start: usize,
    pub meta: Meta,
    /// Inline and front-matter suppressions.
    pub suppressions: Vec<crate::suppress::Suppression>,
    /// Byte offsets where lines start, built on first use.
    pub line_index: std::sync::OnceLock<Vec<usize>>,
}

impl Article {
    /// Byte offset in the file as it is on disk.
    pub fn disk_offset(&self, text_offset: usize) -> usize {
        self.disk.map(text_offset)
    }

    /// 1-based line and character column of a byte offset of the text.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let index = self.line_index.get_or_init(|| {
            std::iter::once(0)
                .chain(self.text.match_indices('\n').map(|(i, _)| i + 1))
                .collect()
        });
        let offset = crate::text::floor_char_boundary(&self.text, offset);
        let line = index.partition_point(|&s| s <= offset).max(1);
        let col = self.text[index[line - 1]..offset].chars().count() + 1;
        (line, col)
    }
}

#[derive(Debug, Clone)]
pub struct Skipped {
    pub path: String,
    pub reason: String,
}

/// A file found on the command line or under a folder, with the story it belongs to.
#[derive(Debug, Clone)]
pub struct Found {
    pub path: PathBuf,
    pub display: String,
    pub story: String,
}

/// Every article file under the given paths. Folders are walked recursively, honouring
/// .gitignore and .factlintignore; each folder's own articles form a story, and files named one
/// by one form one story together.
pub fn discover(paths: &[PathBuf]) -> (Vec<Found>, Vec<Skipped>) {
    let mut found = Vec::new();
    let mut skipped = Vec::new();
    let mut loose: Vec<PathBuf> = Vec::new();
    for p in paths {
        if p.is_file() {
            loose.push(p.clone());
        } else if p.is_dir() {
            let mut builder = ignore::WalkBuilder::new(p);
            builder
                .require_git(false)
                .add_custom_ignore_filename(IGNORE_FILE)
                .sort_by_file_name(|a, b| a.cmp(b));
            for entry in builder.build() {
                match entry {
                    Ok(e) if e.file_type().is_some_and(|t| t.is_file()) => {
                        let path = e.into_path();
                        if is_article(&path) {
                            let story = path.parent().map(display_path).unwrap_or_default();
                            found.push(Found {
                                display: display_path(&path),
                                path,
                                story,
                            });
                        }
                    }
                    Ok(_) => {}
                    Err(err) => skipped.push(Skipped {
                        path: display_path(p),
                        reason: err.to_string(),
                    }),
                }
            }
        } else {
            skipped.push(Skipped {
                path: display_path(p),
                reason: NOT_FOUND.into(),
            });
        }
    }
    if !loose.is_empty() {
        let story = loose
            .iter()
            .map(|p| display_path(p))
            .collect::<Vec<_>>()
            .join("+");
        for p in loose {
            if is_article(&p) {
                found.push(Found {
                    display: display_path(&p),
                    path: p,
                    story: story.clone(),
                });
            } else {
                skipped.push(Skipped {
                    path: display_path(&p),
                    reason: format!(
                        "not an article (expected .{})",
                        ARTICLE_EXTENSIONS.join(", .")
                    ),
                });
            }
        }
    }
    found.sort_by(|a, b| a.display.cmp(&b.display));
    found.dedup_by(|a, b| a.display == b.display);
    (found, skipped)
}

fn is_article(p: &Path) -> bool {
    p.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| ARTICLE_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
}

fn display_path(p: &Path) -> String {
    let s = p.to_string_lossy().replace('\\', "/");
    s.strip_prefix("./").map(str::to_string).unwrap_or(s)
}

/// Options that shape how an article is read.
#[derive(Debug, Clone, Default)]
pub struct ReadOptions {
    pub reference_date: Option<NaiveDate>,
    pub lang: Option<String>,
}

/// Reads and decodes one file, parses its front matter and infers what it does not state.
/// Returns the article, or why it was skipped, and any warnings about it.
pub fn read_article(
    id: usize,
    found: &Found,
    rules: &Rules,
    opts: &ReadOptions,
) -> (Result<Article, Skipped>, Vec<String>) {
    let mut warnings = Vec::new();
    let skip = |reason: String| Skipped {
        path: found.display.clone(),
        reason,
    };
    let size = match std::fs::metadata(&found.path) {
        Ok(m) => m.len(),
        Err(e) => return (Err(skip(format!("cannot read: {e}"))), warnings),
    };
    if size > MAX_FILE_BYTES {
        return (
            Err(skip(format!(
                "{size} bytes, over the {MAX_FILE_BYTES}-byte limit for an article"
            ))),
            warnings,
        );
    }
    let bytes = match std::fs::read(&found.path) {
        Ok(b) => b,
        Err(e) => return (Err(skip(format!("cannot read: {e}"))), warnings),
    };
    let decoded = match decode(&bytes) {
        Ok(d) => d,
        Err(reason) => return (Err(skip(reason)), warnings),
    };
    if decoded.lossy {
        warnings.push(format!(
            "{}: not valid UTF-8; read as Windows-1252",
            found.display
        ));
    }
    let text = decoded.text;
    let (fm, body_start) = match frontmatter::split(&text) {
        Ok(x) => x,
        Err((line, msg)) => {
            warnings.push(format!(
                "{}:{line}: front matter ignored: {msg}",
                found.display
            ));
            (
                FrontMatter::default(),
                frontmatter::end_of(&text).unwrap_or(0),
            )
        }
    };
    let body = &text[body_start..];
    let lang = opts
        .lang
        .clone()
        .or_else(|| {
            fm.lang
                .clone()
                .map(|l| l.to_lowercase().chars().take(2).collect())
        })
        .unwrap_or_else(|| detect_language(body, rules));
    let lang_rules = rules.lang(&lang);
    let inferred = if fm.date.is_none() || fm.source.is_none() {
        infer_dateline(body, lang_rules)
    } else {
        None
    };
    let mut date = fm.date.as_deref().and_then(PubDate::parse);
    if fm.date.is_some() && date.is_none() {
        warnings.push(format!(
            "{}: front matter date {:?} is not YYYY-MM-DD",
            found.display,
            fm.date.clone().unwrap_or_default()
        ));
    }
    let mut source = fm.source.clone();
    if let Some((src, d)) = inferred {
        if source.is_none() {
            source = src;
        }
        if date.is_none() {
            date = d;
        }
    }
    if let Some(r) = opts.reference_date {
        date = Some(PubDate {
            date: r,
            precision: Precision::Day,
        });
    }
    let story = fm
        .story
        .clone()
        .map(|s| format!("story:{s}"))
        .unwrap_or_else(|| found.story.clone());
    let suppressions = crate::suppress::parse(&text, body_start, &fm.ignore);
    let article = Article {
        id,
        path: found.display.clone(),
        story,
        disk: decoded.map,
        body_start,
        meta: Meta {
            title: fm.title,
            source,
            date,
            lang: if rules.langs.contains_key(&lang) {
                lang
            } else {
                rules.lang(&lang).code.clone()
            },
            url: fm.url,
            locale: fm.locale,
            ignore: fm.ignore,
            story_date: None,
        },
        line_index: std::sync::OnceLock::new(),
        suppressions,
        text,
    };
    (Ok(article), warnings)
}

/// Groups article indices by story, in a stable order.
pub fn stories(articles: &[Article]) -> BTreeMap<String, Vec<usize>> {
    let mut out: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for a in articles {
        out.entry(a.story.clone()).or_default().push(a.id);
    }
    out
}
