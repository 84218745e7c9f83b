//! factlint.toml: a project's settings, found by walking up from the checked path as Vale finds
//! .vale.ini. It sets severities, turns checks off, and adds rule folders and entity lexicons.
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;

use super::RuleError;
use crate::claims::Severity;

pub const CONFIG_NAME: &str = "factlint.toml";

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConfigFile {
    /// Extra rule folders, relative to the config file; they add or replace rule files.
    #[serde(default)]
    pub rules: Vec<String>,
    /// Entity lexicon files, relative to the config file.
    #[serde(default)]
    pub entities: Vec<String>,
    /// Checks turned off.
    #[serde(default)]
    pub disable: Vec<Spanned<String>>,
    /// Severity per check id: "error", "warning", "info" or "off".
    #[serde(default)]
    pub severity: BTreeMap<String, Spanned<String>>,
}

/// The settings that reach the run, paths made absolute against the config's folder.
#[derive(Debug, Default, Clone)]
pub struct Config {
    pub path: Option<PathBuf>,
    pub rule_dirs: Vec<PathBuf>,
    pub entity_files: Vec<PathBuf>,
    pub disabled: Vec<String>,
    pub severity: BTreeMap<String, Severity>,
}

impl Config {
    /// The nearest factlint.toml at or above `start` (a file's folder or a folder).
    pub fn discover(start: &Path) -> Option<PathBuf> {
        let abs = std::fs::canonicalize(start).ok()?;
        let mut dir = if abs.is_dir() {
            abs
        } else {
            abs.parent()?.to_path_buf()
        };
        loop {
            let candidate = dir.join(CONFIG_NAME);
            if candidate.is_file() {
                return Some(candidate);
            }
            if !dir.pop() {
                return None;
            }
        }
    }

    pub fn load(path: &Path, known_checks: &[&str]) -> Result<Config, RuleError> {
        let origin = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|e| {
            RuleError::at(&origin, "", None, format!("cannot read {CONFIG_NAME}: {e}"))
        })?;
        let file: ConfigFile = toml::from_str(&text).map_err(|e| {
            RuleError::at(
                &origin,
                &text,
                e.span(),
                format!("invalid {CONFIG_NAME}: {}", e.message()),
            )
            .with_help("keys: rules, entities, disable, [severity]")
        })?;
        let base = path.parent().unwrap_or(Path::new("."));
        let unknown = |id: &Spanned<String>| {
            RuleError::at(
                &origin,
                &text,
                Some(id.span()),
                format!("unknown check `{}`", id.get_ref()),
            )
            .with_help("`factlint rules` lists the check ids")
        };
        let mut cfg = Config {
            path: Some(path.to_path_buf()),
            rule_dirs: file.rules.iter().map(|r| base.join(r)).collect(),
            entity_files: file.entities.iter().map(|r| base.join(r)).collect(),
            ..Default::default()
        };
        for id in &file.disable {
            if !known_checks.contains(&id.get_ref().as_str()) {
                return Err(unknown(id));
            }
            cfg.disabled.push(id.get_ref().clone());
        }
        for (id, level) in &file.severity {
            if !known_checks.contains(&id.as_str()) {
                let span = text.find(id.as_str()).map(|i| i..i + id.len());
                return Err(RuleError::at(
                    &origin,
                    &text,
                    span,
                    format!("unknown check `{id}`"),
                ));
            }
            match level.get_ref().as_str() {
                "off" => cfg.disabled.push(id.clone()),
                other => match Severity::parse(other) {
                    Some(s) => {
                        cfg.severity.insert(id.clone(), s);
                    }
                    None => {
                        return Err(RuleError::at(
                            &origin,
                            &text,
                            Some(level.span()),
                            format!("unknown severity `{other}`: use error, warning, info or off"),
                        ))
                    }
                },
            }
        }
        Ok(cfg)
    }
}
