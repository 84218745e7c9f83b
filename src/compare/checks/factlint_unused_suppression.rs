//! A suppression that silences nothing (with `--report-unused-suppressions`).
//!
//! ## What it does
//! Flags a `<!-- factlint-disable… -->` comment, or a rule in one, or a rule in a front
//! matter's `factlint: {ignore: [...]}` list, that covered no finding in this run. Once the
//! sources agree, the suppression is dead weight and would hide a new finding later.
//!
//! ## Example
//! `<!-- factlint-disable-next-line date.conflict -->` above a line where no date conflict is
//! found any more.
//!
//! The suppression pass makes these findings after every check has run (see `suppress`).
use crate::claims::{Finding, Severity};
use crate::compare::{CheckInfo, StoryCtx};

pub const CHECK: CheckInfo = CheckInfo {
    id: crate::suppress::UNUSED,
    default_severity: Severity::Warning,
    source: include_str!("factlint_unused_suppression.rs"),
    run,
};

// Suppressions are read per article and applied across the whole run, after the checks.
fn run(_: &StoryCtx) -> Vec<Finding> {
    Vec::new()
}
