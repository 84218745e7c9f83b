//! When two date readings can both be true: their intervals overlap once both are widened to
//! the coarser granularity ("2022" and "24 mars 2022"; "juillet 2025" and "3 juillet 2025").
//! A date whose year is unknown is compared on month and day; a relative date with several
//! readings ("jeudi": last or next) is compatible when any reading is.
use chrono::{Datelike, Duration, NaiveDate};

use crate::claims::{DateDetail, Granularity};

fn widen(lo: NaiveDate, hi: NaiveDate, g: Granularity) -> (NaiveDate, NaiveDate) {
    match g {
        Granularity::Day => (lo, hi),
        Granularity::Week => (
            lo - Duration::days(lo.weekday().num_days_from_monday() as i64),
            hi + Duration::days(6 - hi.weekday().num_days_from_monday() as i64),
        ),
        Granularity::Month => (
            lo.with_day(1).unwrap_or(lo),
            NaiveDate::from_ymd_opt(
                hi.year() + i32::from(hi.month() == 12),
                hi.month() % 12 + 1,
                1,
            )
            .and_then(|d| d.pred_opt())
            .unwrap_or(hi),
        ),
        Granularity::Year => (
            NaiveDate::from_ymd_opt(lo.year(), 1, 1).unwrap_or(lo),
            NaiveDate::from_ymd_opt(hi.year(), 12, 31).unwrap_or(hi),
        ),
    }
}

/// The readings of a date as intervals, placing a year-less date in `year` (and the years
/// around it).
fn readings(d: &DateDetail, years: &[i32]) -> Vec<(NaiveDate, NaiveDate)> {
    if let (Some(lo), Some(hi), false) = (
        d.lo,
        d.hi,
        d.year_borrowed && d.granularity <= Granularity::Week,
    ) {
        let mut v = vec![(lo, hi)];
        v.extend(d.alternatives.iter().copied());
        return v;
    }
    let Some(((m1, d1), (m2, d2))) = d.md else {
        return vec![];
    };
    years
        .iter()
        .filter_map(|&y| {
            let lo = NaiveDate::from_ymd_opt(y, m1, d1)?;
            let hi = NaiveDate::from_ymd_opt(if m2 < m1 { y + 1 } else { y }, m2, d2)?;
            Some((lo, hi))
        })
        .collect()
}

/// Whether the date can be compared at all.
/// A relative date ("hier", "jeudi", "il y a trois jours") often dates the reporting rather
/// than the event, and leans on a publication date: too weak to contradict anything.
/// So can a period of more than a year that is not a stated span ("the 2000s", "au XIXe
/// siècle"): it sets a scene, it does not date an event.
pub fn comparable(d: &DateDetail) -> bool {
    let scene = match (d.lo, d.hi) {
        (Some(lo), Some(hi)) => !d.stated_span && (hi - lo).num_days() > 366,
        _ => false,
    };
    let borrowed_day = d.named_day && d.year_borrowed;
    !(d.ambiguous || d.impossible.is_some() || d.relative || borrowed_day || scene)
        && (d.lo.is_some() || d.md.is_some())
}

pub fn compatible(a: &DateDetail, b: &DateDetail) -> bool {
    if !comparable(a) || !comparable(b) {
        return true;
    }
    let g = a.granularity.max(b.granularity);
    let own = |d: &DateDetail| d.lo.filter(|_| !d.year_borrowed);
    let anchor = own(a)
        .or(own(b))
        .or(a.lo)
        .or(b.lo)
        .map(|d| d.year())
        .unwrap_or(2000);
    let years = [anchor - 1, anchor, anchor + 1];
    let ra = readings(a, &years);
    let rb = readings(b, &years);
    // Two stated ranges of days ("du 28 mai au 1er juin", "du 29 mai au 2 juin") must agree
    // end to end; overlapping is not agreeing.
    let is_range = |r: &[(NaiveDate, NaiveDate)]| r.first().is_some_and(|(lo, hi)| lo != hi);
    // A relative period ("les 3 prochains jours") is no stated span of an event.
    if g == Granularity::Day && is_range(&ra) && is_range(&rb) && !a.relative && !b.relative {
        return ra.iter().any(|x| rb.contains(x));
    }
    if a.stated_span && b.stated_span && a.granularity == b.granularity {
        return ra.iter().any(|x| rb.contains(x));
    }
    // A part of a month ("the end of March", "fin mars") against a day: the day must fall in
    // that part, give or take `PART_SLACK_DAYS`; "the end of March" is not 3 March.
    let part = |d: &DateDetail| {
        d.granularity == Granularity::Month
            && d.lo.zip(d.hi).is_some_and(|(lo, hi)| {
                lo.month() == hi.month() && (lo.day() > 1 || hi.day() < days_in(hi))
            })
    };
    let day = |d: &DateDetail| d.granularity == Granularity::Day;
    if (part(a) && day(b)) || (day(a) && part(b)) {
        let slack = chrono::Duration::days(PART_SLACK_DAYS);
        return ra.iter().any(|&(alo, ahi)| {
            rb.iter()
                .any(|&(blo, bhi)| alo - slack <= bhi && blo <= ahi + slack)
        });
    }
    ra.iter().any(|&(alo, ahi)| {
        let (alo, ahi) = widen(alo, ahi, g);
        rb.iter().any(|&(blo, bhi)| {
            let (blo, bhi) = widen(blo, bhi, g);
            alo <= bhi && blo <= ahi
        })
    })
}

/// How far outside a part of a month a day may fall and still be in it: parts are loose.
const PART_SLACK_DAYS: i64 = 5;

/// The last day of a date's month.
fn days_in(d: NaiveDate) -> u32 {
    let (y, m) = if d.month() == 12 {
        (d.year() + 1, 1)
    } else {
        (d.year(), d.month() + 1)
    };
    NaiveDate::from_ymd_opt(y, m, 1)
        .and_then(|n| n.pred_opt())
        .map_or(31, |l| l.day())
}

/// Days between two dates' intervals (0 when they overlap); None when a year is unknown.
pub fn gap_days(a: &DateDetail, b: &DateDetail) -> Option<i64> {
    let own = |d: &DateDetail| {
        if d.year_borrowed {
            None
        } else {
            d.lo.zip(d.hi)
        }
    };
    let ((alo, ahi), (blo, bhi)) = (own(a)?, own(b)?);
    Some(if ahi < blo {
        (blo - ahi).num_days()
    } else if bhi < alo {
        (alo - bhi).num_days()
    } else {
        0
    })
}

/// A short form for messages: "2025-07-01", "2025-07-01..2025-07-02", "07-01" when the year is unknown.
pub fn display(d: &DateDetail) -> String {
    match (d.lo, d.hi, d.md) {
        (Some(lo), Some(hi), _) => match d.granularity {
            Granularity::Year => lo.format("%Y").to_string(),
            Granularity::Month if lo.month() == hi.month() && lo.year() == hi.year() => {
                lo.format("%Y-%m").to_string()
            }
            _ if lo == hi => lo.format("%Y-%m-%d").to_string(),
            _ => format!("{}..{}", lo.format("%Y-%m-%d"), hi.format("%Y-%m-%d")),
        },
        (_, _, Some(((m1, d1), (m2, d2)))) if (m1, d1) == (m2, d2) => format!("{m1:02}-{d1:02}"),
        (_, _, Some(((m1, d1), (m2, d2)))) => format!("{m1:02}-{d1:02}..{m2:02}-{d2:02}"),
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32, g: Granularity) -> DateDetail {
        let dt = NaiveDate::from_ymd_opt(y, m, d).unwrap();
        let (lo, hi) = widen(dt, dt, g);
        DateDetail {
            granularity: g,
            lo: Some(lo),
            hi: Some(hi),
            ..Default::default()
        }
    }

    #[test]
    fn a_year_contains_its_days() {
        assert!(compatible(
            &day(2022, 1, 1, Granularity::Year),
            &day(2022, 3, 24, Granularity::Day)
        ));
        assert!(!compatible(
            &day(2021, 1, 1, Granularity::Year),
            &day(2022, 3, 24, Granularity::Day)
        ));
    }

    #[test]
    fn year_less_days_compare_on_month_and_day() {
        let md = DateDetail {
            md: Some(((7, 1), (7, 2))),
            ..Default::default()
        };
        assert!(compatible(&md, &day(2025, 7, 2, Granularity::Day)));
        assert!(!compatible(&md, &day(2025, 7, 3, Granularity::Day)));
    }
}
