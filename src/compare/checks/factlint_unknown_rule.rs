//! A suppression names a rule that does not exist.
//!
//! ## What it does
//! Flags each rule id in a `<!-- factlint-disable… -->` comment or in a front matter's
//! `factlint: {ignore: [...]}` list that is not a factlint rule. A misspelt id silences nothing,
//! so the finding it was meant for would come back unexplained.
//!
//! ## Example
//! `<!-- factlint-disable-next-line person.name-varient -->` → unknown rule
//! `person.name-varient`; `factlint rules` lists the ids.
//!
//! The suppression pass makes these findings after every check has run (see `suppress`).
use crate::claims::{Finding, Severity};
use crate::compare::{CheckInfo, StoryCtx};

pub const CHECK: CheckInfo = CheckInfo {
    id: crate::suppress::UNKNOWN_RULE,
    default_severity: Severity::Warning,
    source: include_str!("factlint_unknown_rule.rs"),
    run,
};

// Suppressions are read per article and applied across the whole run, after the checks.
fn run(_: &StoryCtx) -> Vec<Finding> {
    Vec::new()
}
