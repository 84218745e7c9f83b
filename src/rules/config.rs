//! factlint.toml: a project's settings, found by walking up from the checked path as Vale finds
//! .vale.ini. It sets severities, turns checks off, adds rule folders and entity lexicons, and
//! lists the readings a newsroom has accepted.
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
    /// Readings a newsroom has decided on: a house-style spelling, a known difference.
    #[serde(default)]
    pub accept: Vec<Spanned<AcceptEntry>>,
}

/// `[[accept]]`: a finding is accepted (not reported) when its rule matches and every reading
/// it gives is among `readings`, or when its fingerprint is `fingerprint`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AcceptEntry {
    pub rule: Option<Spanned<String>>,
    #[serde(default)]
    pub readings: Vec<String>,
    pub fingerprint: Option<String>,
    /// Why: kept for the people who read the file.
    pub reason: Option<String>,
}

/// An accept entry as the run uses it.
#[derive(Debug, Clone, Default)]
pub struct Accept {
    pub rule: Option<String>,
    /// Readings, compared without case or accents.
    pub readings: Vec<String>,
    pub fingerprint: Option<String>,
}

fn loose(s: &str) -> String {
    crate::text::fold(s).to_lowercase()
}

/// Drops the findings that an accept entry covers.
pub fn accept(
    findings: &mut Vec<crate::claims::Finding>,
    accepts: &[Accept],
    story: impl Fn(&crate::claims::Finding) -> String,
) {
    if accepts.is_empty() {
        return;
    }
    findings.retain(|f| {
        !accepts.iter().any(|a| {
            if a.rule.as_deref().is_some_and(|r| r != f.rule) {
                return false;
            }
            if let Some(fp) = &a.fingerprint {
                return *fp == f.fingerprint(&story(f));
            }
            !f.readings.is_empty()
                && f.readings
                    .iter()
                    .all(|r| a.readings.iter().any(|x| *x == loose(&r.value)))
        })
    });
}

/// The settings that reach the run, paths made absolute against the config's folder.
#[derive(Debug, Default, Clone)]
pub struct Config {
    pub path: Option<PathBuf>,
    pub rule_dirs: Vec<PathBuf>,
    pub entity_files: Vec<PathBuf>,
    pub disabled: Vec<String>,
    pub severity: BTreeMap<String, Severity>,
    pub accept: Vec<Accept>,
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
            .with_help("keys: rules, entities, disable, [severity], [[accept]]")
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
        for entry in &file.accept {
            let e = entry.get_ref();
            if let Some(rule) = &e.rule {
                if !known_checks.contains(&rule.get_ref().as_str()) {
                    return Err(RuleError::at(
                        &origin,
                        &text,
                        Some(rule.span()),
                        format!("unknown check `{}`", rule.get_ref()),
                    )
                    .with_help("`factlint rules` lists the check ids"));
                }
            }
            if e.fingerprint.is_none() && e.readings.len() < 2 {
                return Err(RuleError::at(
                    &origin,
                    &text,
                    Some(entry.span()),
                    "an accept entry needs `readings` (two or more) or a `fingerprint`".into(),
                )
                .with_help(
                    "readings = [\"Amal El Fallah Seghrouchni\", \"Amal Al-Fellah Sebbar\"]",
                ));
            }
            cfg.accept.push(Accept {
                rule: e.rule.as_ref().map(|r| r.get_ref().clone()),
                readings: e.readings.iter().map(|r| loose(r)).collect(),
                fingerprint: e.fingerprint.clone(),
            });
        }
        Ok(cfg)
    }
}
