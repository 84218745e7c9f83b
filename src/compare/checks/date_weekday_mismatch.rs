//! A weekday that does not fall on the date it is written with.
//!
//! ## What it does
//! Inside one article, a date written with its weekday ("jeudi 14 mars 2025", "Tuesday, March
//! 4") is checked against the calendar. The year is the written one, or, when none is written,
//! the one the publication date puts the day in (only when that day lies within half a year
//! of the publication date).
//!
//! ## What it leaves alone
//! Weekdays whose year cannot be told, and a weekday that is not part of the date ("a confirmé
//! jeudi 38 cas").
use chrono::{Datelike, Weekday};

use crate::claims::{Finding, Location, Severity};
use crate::compare::{CheckInfo, StoryCtx};

pub const CHECK: CheckInfo = CheckInfo {
    id: "date.weekday-mismatch",
    default_severity: Severity::Warning,
    source: include_str!("date_weekday_mismatch.rs"),
    run,
};

fn name(w: Weekday) -> &'static str {
    match w {
        Weekday::Mon => "Monday",
        Weekday::Tue => "Tuesday",
        Weekday::Wed => "Wednesday",
        Weekday::Thu => "Thursday",
        Weekday::Fri => "Friday",
        Weekday::Sat => "Saturday",
        Weekday::Sun => "Sunday",
    }
}

/// A single day with a stated weekday that it does not fall on.
pub fn weekday_mismatch(det: &crate::claims::DateDetail) -> bool {
    match (det.weekday, det.lo, det.hi) {
        (Some(stated), Some(lo), Some(hi)) => {
            lo == hi
                && det.year_written
                && !det.ambiguous
                && lo.weekday().number_from_monday() != stated
        }
        _ => false,
    }
}

fn run(ctx: &StoryCtx) -> Vec<Finding> {
    let mut out = Vec::new();
    for c in &ctx.claims {
        let Some(d) = c.date() else { continue };
        let det = &d.detail;
        let (Some(stated), Some(lo)) = (det.weekday, det.lo) else {
            continue;
        };
        if !weekday_mismatch(det) {
            continue;
        }
        let actual = lo.weekday();
        let stated_name = Weekday::try_from((stated - 1) as u8)
            .map(name)
            .unwrap_or("?");
        out.push(Finding {
            rule: CHECK.id,
            severity: CHECK.default_severity,
            message: format!(
                "«{}»: {} is a {}, not a {}",
                c.text,
                lo.format("%-d %B %Y"),
                name(actual),
                stated_name
            ),
            help: Some(format!(
                "check the day: the {stated_name} of that week is another date"
            )),
            locations: vec![Location {
                article: c.article,
                start: c.start,
                end: c.end,
                primary: true,
                label: format!("{} is a {}", lo.format("%Y-%m-%d"), name(actual)),
            }],
            subject: format!("weekday:{}", lo),
            readings: Vec::new(),
        });
    }
    out
}
