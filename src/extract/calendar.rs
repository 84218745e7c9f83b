//! Calendar arithmetic for dates that name a day or a period by its place in a larger one: the
//! nth weekday of a month (moving holidays, "premier vendredi de juillet"), the nth full week of
//! a month or year, quarters, parts of a month, week or year, weekends, Easter, whole units
//! around a day.
use chrono::{Datelike, Duration, NaiveDate};

use crate::rules::dates::Holiday;

pub fn days_in_month(y: i32, m: u32) -> u32 {
    let next = if m == 12 {
        NaiveDate::from_ymd_opt(y + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(y, m + 1, 1)
    };
    next.and_then(|n| n.pred_opt())
        .map(|d| d.day())
        .unwrap_or(31)
}

pub fn month_interval(y: i32, m: u32) -> Option<(NaiveDate, NaiveDate)> {
    Some((
        NaiveDate::from_ymd_opt(y, m, 1)?,
        NaiveDate::from_ymd_opt(y, m, days_in_month(y, m))?,
    ))
}

/// The month `shift` months from the reference's.
pub fn shifted_month(r: NaiveDate, shift: i32) -> (i32, u32) {
    let total = r.year() * 12 + r.month0() as i32 + shift;
    (total.div_euclid(12), total.rem_euclid(12) as u32 + 1)
}

/// Easter Sunday (Gregorian computus).
pub fn easter(y: i32) -> Option<NaiveDate> {
    let a = y % 19;
    let b = y / 100;
    let c = y % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(y, month as u32, day as u32)
}

/// The nth weekday (1 = Monday) of a month; n = -1 is the last one.
pub fn nth_weekday(y: i32, m: u32, n: i32, wd: u32) -> Option<NaiveDate> {
    if n > 0 {
        let first = NaiveDate::from_ymd_opt(y, m, 1)?;
        let ahead = (wd + 7 - first.weekday().number_from_monday()) % 7;
        let day = first + Duration::days(ahead as i64 + 7 * (n as i64 - 1));
        (day.month() == m).then_some(day)
    } else if n == -1 {
        let last = NaiveDate::from_ymd_opt(y, m, days_in_month(y, m))?;
        let back = (last.weekday().number_from_monday() + 7 - wd) % 7;
        Some(last - Duration::days(back as i64))
    } else {
        None
    }
}

/// The nth full week (Monday to Sunday) inside [lo, hi]; n = -1 is the last one.
pub fn nth_week(lo: NaiveDate, hi: NaiveDate, n: i32) -> Option<(NaiveDate, NaiveDate)> {
    let (start, end) = if n > 0 {
        let ahead = (7 - lo.weekday().num_days_from_monday()) % 7;
        let start = lo + Duration::days(ahead as i64 + 7 * (n as i64 - 1));
        (start, start + Duration::days(6))
    } else if n == -1 {
        let back = (hi.weekday().num_days_from_monday() + 1) % 7;
        let end = hi - Duration::days(back as i64);
        (end - Duration::days(6), end)
    } else {
        return None;
    };
    (start >= lo && end <= hi).then_some((start, end))
}

/// The nth week (Monday to Sunday) of [lo, hi], counting the weeks that have most of their
/// days in it (the ISO rule for a year); n = -1 is the last one.
pub fn nth_week_by_most_days(
    lo: NaiveDate,
    hi: NaiveDate,
    n: i32,
) -> Option<(NaiveDate, NaiveDate)> {
    // A week has most of its days in the period when its Thursday is in it.
    let monday = |d: NaiveDate| d - Duration::days(d.weekday().num_days_from_monday() as i64);
    let start = if n > 0 {
        monday(lo + Duration::days(3)) + Duration::weeks(n as i64 - 1)
    } else if n == -1 {
        monday(hi - Duration::days(3))
    } else {
        return None;
    };
    let thursday = start + Duration::days(3);
    (thursday >= lo && thursday <= hi).then_some((start, start + Duration::days(6)))
}

/// The nth day of a month; n = -1 is the last one.
pub fn nth_day(y: i32, m: u32, n: i32) -> Option<NaiveDate> {
    let last = days_in_month(y, m);
    let day = if n == -1 {
        last
    } else {
        u32::try_from(n).ok()?
    };
    NaiveDate::from_ymd_opt(y, m, day).filter(|_| day <= last)
}

/// The nth quarter (months = 3) or half (months = 6) of a year; n = -1 is the last one.
pub fn nth_part_of_year(y: i32, n: i32, months: u32) -> Option<(NaiveDate, NaiveDate)> {
    let count = 12 / months as i32;
    let n = if n == -1 { count } else { n };
    if !(1..=count).contains(&n) {
        return None;
    }
    let first = (n as u32 - 1) * months + 1;
    let last = first + months - 1;
    Some((
        NaiveDate::from_ymd_opt(y, first, 1)?,
        NaiveDate::from_ymd_opt(y, last, days_in_month(y, last))?,
    ))
}

/// When a holiday falls in a year.
pub fn holiday_in(h: Holiday, y: i32) -> Option<NaiveDate> {
    match h {
        Holiday::Fixed(m, d) => NaiveDate::from_ymd_opt(y, m, d),
        Holiday::NthWeekday(m, n, wd, after) => {
            nth_weekday(y, m, n, wd).map(|d| d + Duration::days(after))
        }
        Holiday::Easter(off) => easter(y).map(|e| e + Duration::days(off)),
    }
}

/// Days `a` to `b` of a month ("fin mars": 21-31), the last cut to the month's end.
pub fn days_of_month(y: i32, m: u32, (a, b): (u32, u32)) -> Option<(NaiveDate, NaiveDate)> {
    let last = days_in_month(y, m);
    Some((
        NaiveDate::from_ymd_opt(y, m, a.clamp(1, last))?,
        NaiveDate::from_ymd_opt(y, m, b.clamp(a.min(last), last))?,
    ))
}

/// Months `a` to `b` of a year ("fin 2025": 11-12).
pub fn months_of_year(y: i32, (a, b): (u32, u32)) -> Option<(NaiveDate, NaiveDate)> {
    Some((month_interval(y, a)?.0, month_interval(y, b)?.1))
}

/// Days `a` to `b` (Monday = 1) of the week of `day` ("en fin de semaine": 4-7).
pub fn days_of_week(day: NaiveDate, (a, b): (u32, u32)) -> (NaiveDate, NaiveDate) {
    let monday = day - Duration::days(day.weekday().num_days_from_monday() as i64);
    (
        monday + Duration::days(a.clamp(1, 7) as i64 - 1),
        monday + Duration::days(b.clamp(1, 7) as i64 - 1),
    )
}

/// The weekend (Saturday and Sunday) of the week `shift` weeks from the one of `day`.
pub fn weekend(day: NaiveDate, shift: i64) -> (NaiveDate, NaiveDate) {
    let monday = day - Duration::days(day.weekday().num_days_from_monday() as i64);
    let sat = monday + Duration::weeks(shift) + Duration::days(5);
    (sat, sat + Duration::days(1))
}

/// The `n` whole units just before (dir -1) or after (dir 1) the one containing `r`
/// ("les 2 derniers mois", "the next 3 days").
pub fn units_around(r: NaiveDate, unit: &str, n: i64, dir: i32) -> Option<(NaiveDate, NaiveDate)> {
    if !(1..=1000).contains(&n) {
        return None;
    }
    match (unit, dir) {
        ("day", 1) => Some((r + Duration::days(1), r + Duration::days(n))),
        ("day", -1) => Some((r - Duration::days(n), r - Duration::days(1))),
        ("week", d) => {
            let monday = r - Duration::days(r.weekday().num_days_from_monday() as i64);
            if d == 1 {
                Some((
                    monday + Duration::weeks(1),
                    monday + Duration::weeks(n + 1) - Duration::days(1),
                ))
            } else {
                Some((monday - Duration::weeks(n), monday - Duration::days(1)))
            }
        }
        ("month", d) => {
            let (a, b) = if d == 1 {
                (1, n as i32)
            } else {
                (-(n as i32), -1)
            };
            let (y1, m1) = shifted_month(r, a);
            let (y2, m2) = shifted_month(r, b);
            Some((month_interval(y1, m1)?.0, month_interval(y2, m2)?.1))
        }
        ("year", d) => {
            let (a, b) = if d == 1 {
                (1, n as i32)
            } else {
                (-(n as i32), -1)
            };
            Some((
                NaiveDate::from_ymd_opt(r.year() + a, 1, 1)?,
                NaiveDate::from_ymd_opt(r.year() + b, 12, 31)?,
            ))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn moving_holidays() {
        // Thanksgiving: fourth Thursday of November; fête des mères: last Sunday of May.
        assert_eq!(
            holiday_in(Holiday::NthWeekday(11, 4, 4, 0), 2015),
            Some(d("2015-11-26"))
        );
        assert_eq!(
            holiday_in(Holiday::NthWeekday(5, -1, 7, 0), 2016),
            Some(d("2016-05-29"))
        );
        assert_eq!(easter(2024), Some(d("2024-03-31")));
        assert_eq!(easter(2025), Some(d("2025-04-20")));
        assert_eq!(holiday_in(Holiday::Easter(1), 2019), Some(d("2019-04-22")));
    }

    #[test]
    fn nth_weeks_are_full_weeks_inside_the_period() {
        assert_eq!(
            nth_week(d("2027-01-01"), d("2027-12-31"), 3),
            Some((d("2027-01-18"), d("2027-01-24")))
        );
        assert_eq!(
            nth_week(d("2014-10-01"), d("2014-10-31"), 1),
            Some((d("2014-10-06"), d("2014-10-12")))
        );
        assert_eq!(
            nth_week(d("2014-09-01"), d("2014-09-30"), -1),
            Some((d("2014-09-22"), d("2014-09-28")))
        );
    }

    #[test]
    fn weeks_by_most_days_follow_the_iso_rule() {
        let week = |lo: &str, hi: &str, n| nth_week_by_most_days(d(lo), d(hi), n);
        assert_eq!(
            week("2015-01-01", "2015-12-31", 1),
            Some((d("2014-12-29"), d("2015-01-04")))
        );
        assert_eq!(
            week("2017-01-01", "2017-12-31", 1),
            Some((d("2017-01-02"), d("2017-01-08")))
        );
        assert_eq!(
            week("2016-12-01", "2016-12-31", -1),
            Some((d("2016-12-26"), d("2017-01-01")))
        );
        assert_eq!(
            week("2018-01-01", "2018-01-31", 3),
            Some((d("2018-01-15"), d("2018-01-21")))
        );
        assert_eq!(week("2018-02-01", "2018-02-28", 5), None);
    }

    #[test]
    fn quarters_parts_and_spans() {
        assert_eq!(
            nth_part_of_year(2016, 3, 3),
            Some((d("2016-07-01"), d("2016-09-30")))
        );
        assert_eq!(nth_part_of_year(2016, 5, 3), None);
        assert_eq!(
            days_of_week(d("2013-02-12"), (4, 7)),
            (d("2013-02-14"), d("2013-02-17"))
        );
        assert_eq!(
            days_of_month(2025, 2, (21, 31)),
            Some((d("2025-02-21"), d("2025-02-28")))
        );
        assert_eq!(
            units_around(d("2013-02-12"), "week", 2, -1),
            Some((d("2013-01-28"), d("2013-02-10")))
        );
        assert_eq!(
            units_around(d("2013-02-12"), "month", 3, 1),
            Some((d("2013-03-01"), d("2013-05-31")))
        );
        assert_eq!(
            weekend(d("2016-11-07"), 0),
            (d("2016-11-12"), d("2016-11-13"))
        );
        assert_eq!(nth_day(2015, 10, -1), Some(d("2015-10-31")));
        assert_eq!(nth_weekday(2016, 7, 1, 5), Some(d("2016-07-01")));
    }
}
