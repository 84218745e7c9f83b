//! Rules as data: the TOML files under rules/ are parsed into typed structs, validated, merged
//! per language and compiled once per run. The defaults are embedded in the binary; `--rules
//! DIR` and factlint.toml add files or replace them by relative path (as Vale's StylesPath).
mod compiled;
pub mod config;
pub mod dates;
mod embedded;
pub mod figures;
pub mod numbers;
pub mod places;
mod schema;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use miette::{Diagnostic, NamedSource, SourceSpan};

pub use compiled::*;
pub use embedded::DEFAULT_RULES;
pub use schema::*;

/// A rule file or factlint.toml that cannot be used, pointing at the place in it.
#[derive(Debug, thiserror::Error, Diagnostic)]
#[error("{message}")]
#[diagnostic(code(factlint::rules))]
pub struct RuleError {
    pub message: String,
    #[source_code]
    pub src: NamedSource<String>,
    #[label("{label}")]
    pub span: Option<SourceSpan>,
    pub label: String,
    #[help]
    pub help: Option<String>,
}

impl RuleError {
    pub fn at(
        origin: &str,
        text: &str,
        span: Option<std::ops::Range<usize>>,
        message: String,
    ) -> Self {
        RuleError {
            label: "here".into(),
            span: span.map(|r| SourceSpan::from(r.start..r.end.max(r.start))),
            src: NamedSource::new(origin, text.to_string()),
            message,
            help: None,
        }
    }

    /// An error at the first place `needle` is written in a rule file (the whole file when it
    /// is not found).
    pub fn at_text(src: &RuleSource, needle: &str, message: String) -> Self {
        let span = src.text.find(needle).map(|i| i..i + needle.len());
        RuleError::at(&src.origin, &src.text, span, message)
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }
}

/// One rule file's text, with its path relative to a rules folder (`fr/person.toml`) and the
/// name to show in diagnostics.
#[derive(Debug, Clone)]
pub struct RuleSource {
    pub rel: String,
    pub origin: String,
    pub text: String,
}

/// The embedded defaults, then every `.toml` of each extra folder in order, later files
/// replacing earlier ones with the same relative path.
pub fn gather(extra_dirs: &[PathBuf]) -> Result<Vec<RuleSource>, RuleError> {
    let mut by_rel: BTreeMap<String, RuleSource> = BTreeMap::new();
    for (rel, text) in DEFAULT_RULES {
        by_rel.insert(
            rel.to_string(),
            RuleSource {
                rel: rel.to_string(),
                origin: format!("<embedded>/rules/{rel}"),
                text: text.to_string(),
            },
        );
    }
    for dir in extra_dirs {
        for src in read_dir_rules(dir)? {
            by_rel.insert(src.rel.clone(), src);
        }
    }
    Ok(by_rel.into_values().collect())
}

fn read_dir_rules(dir: &Path) -> Result<Vec<RuleSource>, RuleError> {
    let fail = |msg: String| RuleError::at(&dir.display().to_string(), "", None, msg);
    if !dir.is_dir() {
        return Err(fail(format!(
            "rules folder {} does not exist or is not a folder",
            dir.display()
        )));
    }
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let entries =
            std::fs::read_dir(&d).map_err(|e| fail(format!("cannot read {}: {e}", d.display())))?;
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "toml") {
                let text = std::fs::read_to_string(&path)
                    .map_err(|e| fail(format!("cannot read rule file {}: {e}", path.display())))?;
                let rel = path
                    .strip_prefix(dir)
                    .unwrap_or(&path)
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy().into_owned())
                    .collect::<Vec<_>>()
                    .join("/");
                out.push(RuleSource {
                    rel,
                    origin: path.display().to_string(),
                    text,
                });
            }
        }
    }
    out.sort_by(|a, b| a.rel.cmp(&b.rel));
    Ok(out)
}

/// Parses one rule file; a syntax error, unknown key or wrong type points at its place.
pub fn parse(src: &RuleSource) -> Result<RuleFile, RuleError> {
    toml::from_str::<RuleFile>(&src.text).map_err(|e| {
        RuleError::at(
            &src.origin,
            &src.text,
            e.span(),
            format!("invalid rule file: {}", e.message()),
        )
        .with_help("see the README's section on rule files for the keys each section takes")
    })
}

/// Gathers, parses, validates and compiles the rules: the one entry point of a run.
pub fn load(extra_dirs: &[PathBuf], extra_entities: &[PathBuf]) -> Result<Rules, RuleError> {
    let mut sources = gather(extra_dirs)?;
    for path in extra_entities {
        let text = std::fs::read_to_string(path).map_err(|e| {
            RuleError::at(
                &path.display().to_string(),
                "",
                None,
                format!("cannot read entity lexicon: {e}"),
            )
        })?;
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        sources.push(RuleSource {
            rel: format!("entities/{name}"),
            origin: path.display().to_string(),
            text,
        });
    }
    let parsed = sources
        .iter()
        .map(|s| parse(s).map(|f| (s, f)))
        .collect::<Result<Vec<_>, _>>()?;
    Rules::compile(&parsed)
}
