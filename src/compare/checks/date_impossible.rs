//! A date that does not exist ("31 juin", "29 février 2025").
//!
//! ## What it does
//! Flags a written day past the end of its month: 31 in a 30-day month, 30 or 31 February, and
//! 29 February in a year that is not a leap year.
use crate::claims::{Finding, Location, Severity};
use crate::compare::{CheckInfo, StoryCtx};

pub const CHECK: CheckInfo = CheckInfo {
    id: "date.impossible",
    default_severity: Severity::Error,
    source: include_str!("date_impossible.rs"),
    run,
};

fn run(ctx: &StoryCtx) -> Vec<Finding> {
    ctx.claims
        .iter()
        .filter_map(|c| {
            let why = c.date()?.detail.impossible.clone()?;
            Some(Finding {
                rule: CHECK.id,
                severity: CHECK.default_severity,
                message: format!("«{}» does not exist: {why}", c.text),
                help: Some("check the day and the month".into()),
                locations: vec![Location {
                    article: c.article,
                    start: c.start,
                    end: c.end,
                    primary: true,
                    label: why,
                }],
                subject: format!("impossible:{}", c.text),
                readings: Vec::new(),
            })
        })
        .collect()
}
