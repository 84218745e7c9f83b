//! Dates: every date a sentence states, resolved to an inclusive interval with a granularity.
//!
//! The patterns are rules data (rules/<lang>/dates.toml). All of them run over a sentence; the
//! longest non-overlapping matches win. A match is then resolved: written days, months and years
//! directly; a missing year from the publication date (the nearest such day); relative
//! expressions ("hier", "jeudi prochain", "il y a trois jours", "last Tuesday") against the
//! publication date. A date after a deadline marker ("d'ici 2030", "by 2030") is a deadline, not
//! the day of an event. The subject is the event noun of the sentence closest to the date.
use chrono::{Datelike, Duration, NaiveDate, Weekday};
use std::hash::BuildHasher;

use crate::claims::{Claim, ClaimValue, DateDetail, DateValue, Granularity};
use crate::input::{Article, Precision};
use crate::rules::dates::{DateRules, PatternKind};
use crate::rules::{LangRules, Rules};
use crate::segment::Segmented;
use crate::text::fold;

pub fn extract(article: &Article, seg: &Segmented, rules: &Rules) -> Vec<Claim> {
    let lang = rules.lang(&article.meta.lang);
    // Relative days need a day; a missing year only needs the month ("date 2025-06").
    let year_reference = article
        .meta
        .date
        .filter(|d| d.precision != Precision::Year)
        .map(|d| d.date + Duration::days(14))
        .or(article.meta.story_date);
    let reference = article
        .meta
        .date
        .filter(|d| d.precision == Precision::Day)
        .map(|d| d.date);
    // English numeric dates read month first unless the locale says otherwise (en-GB, en-KE...).
    let locale = article
        .meta
        .locale
        .clone()
        .or_else(|| outlet_locale(article.meta.url.as_deref()?, &lang.dates));
    let us_order = lang.code == "en"
        && locale
            .as_deref()
            .is_none_or(|l| l.to_lowercase().ends_with("us"));
    let mut out = Vec::new();
    for s in &seg.sentences {
        let text = &article.text[s.start..s.end];
        let dates = sentence_dates(text, lang, reference, year_reference, us_order);
        // What the sentence says of its events, once for all its dates.
        if dates.is_empty() {
            continue;
        }
        let kinds = kinds_of(text, &lang.dates);
        let phases = phases_of(text, &lang.dates);
        let words = sentence_words(text, lang, rules.names.stem_length);
        for (ms, me, value) in dates {
            let subject = subject_of(text, ms, me, &lang.dates);
            let mut value = value;
            if article.meta.date.is_none() && article.meta.story_date.is_some() {
                if let (Some(lo), Some(hi)) = (value.detail.lo, value.detail.hi) {
                    value.detail.year_borrowed = true;
                    value.detail.md = Some(((lo.month(), lo.day()), (hi.month(), hi.day())));
                }
            }
            value.detail.context = context_of(&words, ms, me);
            value.detail.phases = phases.clone();
            value.detail.kinds = kinds.clone();
            out.push(Claim {
                article: article.id,
                kind: "date",
                start: s.start + ms,
                end: s.start + me,
                text: text[ms..me].to_string(),
                subject,
                value: ClaimValue::Date(value),
            });
        }
    }
    out
}

/// The locale of an outlet by its web address's country domain ("https://www.x.co.uk/..." is
/// en-GB): the outlet's convention for numeric dates when the article states no locale.
fn outlet_locale(url: &str, d: &DateRules) -> Option<String> {
    let rest = url.split("://").nth(1).unwrap_or(url);
    let host = rest.split(['/', '?', '#', ':']).next()?;
    let tld = host.rsplit('.').next()?.to_lowercase();
    d.locale_by_domain.get(&tld).cloned()
}

/// The first written date of a short text (a dateline), as a publication date.
pub fn first_date(text: &str, lang: &LangRules) -> Option<crate::input::PubDate> {
    sentence_dates(text, lang, None, None, false)
        .into_iter()
        .find_map(|(_, _, v)| {
            let lo = v.detail.lo?;
            let precision = match v.detail.granularity {
                Granularity::Day => Precision::Day,
                Granularity::Month | Granularity::Week => Precision::Month,
                Granularity::Year => Precision::Year,
            };
            Some(crate::input::PubDate {
                date: lo,
                precision,
            })
        })
}

/// Every date of a sentence: byte range in the sentence and value.
pub fn sentence_dates(
    text: &str,
    lang: &LangRules,
    reference: Option<NaiveDate>,
    year_reference: Option<NaiveDate>,
    us_order: bool,
) -> Vec<(usize, usize, DateValue)> {
    let d = &lang.dates;
    if d.trigger.as_ref().is_some_and(|t| !t.is_match(text)) {
        return Vec::new();
    }
    let mut found: Vec<(usize, usize, usize, regex::Captures)> = Vec::new();
    let matching: Vec<usize> = match &d.set {
        Some(set) => set.matches(text).into_iter().collect(),
        None => (0..d.patterns.len()).collect(),
    };
    for (pi, p) in matching.into_iter().map(|i| (i, &d.patterns[i])) {
        for caps in p.regex.captures_iter(text) {
            let m = caps.get(0).expect("group 0");
            let trimmed = m.as_str().trim();
            if trimmed.is_empty() {
                continue;
            }
            let start = m.start() + (m.as_str().len() - m.as_str().trim_start().len());
            found.push((start, start + trimmed.len(), pi, caps));
        }
    }
    // Longest first, then the earlier pattern; keep what does not overlap a kept match.
    found.sort_by(|a, b| {
        (b.1 - b.0)
            .cmp(&(a.1 - a.0))
            .then(a.2.cmp(&b.2))
            .then(a.0.cmp(&b.0))
    });
    let mut kept: Vec<(usize, usize, DateValue)> = Vec::new();
    for (s, e, pi, caps) in found {
        if kept.iter().any(|(ks, ke, _)| s < *ke && e > *ks) {
            continue;
        }
        let kind = d.patterns[pi].kind;
        let r = if kind == PatternKind::Absolute {
            year_reference.or(reference)
        } else {
            reference
        };
        let Some(mut v) = resolve(kind, &caps, d, r, us_order) else {
            continue;
        };
        v.detail.relative = kind != PatternKind::Absolute;
        v.role = role_of(&text[..s], &text[s..e], d);
        kept.push((s, e, v));
    }
    kept.sort_by_key(|k| k.0);
    kept
}

/// A date is a deadline when it opens with a deadline marker ("d'ici 2030") or the words before
/// it end with one, possibly followed by a bridge ("d'ici la fin de 2026", "by the end of 2030").
fn role_of(before: &str, matched: &str, d: &DateRules) -> &'static str {
    let matched = fold(matched);
    let before = fold(before);
    let before = before.trim_end();
    let ends_with_word = |text: &str, w: &str| {
        text.ends_with(w)
            && text[..text.len() - w.len()]
                .chars()
                .last()
                .is_none_or(|c| !c.is_alphanumeric())
    };
    let deadline = d.deadline_markers.iter().any(|m| {
        matched.starts_with(m.as_str())
            || ends_with_word(before, m)
            || d.deadline_bridges.iter().any(|b| {
                before
                    .strip_suffix(b.as_str())
                    .is_some_and(|rest| ends_with_word(rest.trim_end(), m))
            })
    });
    if deadline {
        "deadline"
    } else {
        "event"
    }
}

fn word_number(s: &str, table: &rustc_hash::FxHashMap<String, u32>) -> Option<u32> {
    let f = fold(s.trim());
    let digits: String = f.chars().take_while(|c| c.is_ascii_digit()).collect();
    if !digits.is_empty() {
        return digits.parse().ok();
    }
    table.get(&f).copied()
}

fn month_of(s: &str, d: &DateRules) -> Option<u32> {
    let f = fold(s.trim()).trim_end_matches('.').to_string();
    f.parse::<u32>()
        .ok()
        .filter(|m| (1..=12).contains(m))
        .or_else(|| d.months.get(&f).copied())
}

fn days_in_month(y: i32, m: u32) -> u32 {
    let next = if m == 12 {
        NaiveDate::from_ymd_opt(y + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(y, m + 1, 1)
    };
    next.and_then(|n| n.pred_opt())
        .map(|d| d.day())
        .unwrap_or(31)
}

fn weekday_num(w: Weekday) -> u32 {
    w.number_from_monday()
}

/// The year that puts month/day nearest the reference (within half a year).
fn nearest_year(reference: NaiveDate, m: u32, day: u32) -> i32 {
    let y = reference.year();
    let mut best = y;
    let mut best_gap = i64::MAX;
    for cand in [y - 1, y, y + 1] {
        if let Some(dt) = NaiveDate::from_ymd_opt(cand, m, day.min(days_in_month(cand, m))) {
            let gap = (dt - reference).num_days().abs();
            if gap < best_gap {
                best_gap = gap;
                best = cand;
            }
        }
    }
    best
}

fn iso(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

fn interval(lo: NaiveDate, hi: NaiveDate, g: Granularity) -> DateValue {
    DateValue {
        from: Some(iso(lo)),
        to: Some(iso(hi)),
        granularity: g.as_str(),
        role: "event",
        detail: DateDetail {
            granularity: g,
            lo: Some(lo),
            hi: Some(hi),
            year_written: true,
            ..Default::default()
        },
    }
}

fn month_interval(y: i32, m: u32) -> Option<(NaiveDate, NaiveDate)> {
    Some((
        NaiveDate::from_ymd_opt(y, m, 1)?,
        NaiveDate::from_ymd_opt(y, m, days_in_month(y, m))?,
    ))
}

fn resolve(
    kind: PatternKind,
    c: &regex::Captures,
    d: &DateRules,
    reference: Option<NaiveDate>,
    us_order: bool,
) -> Option<DateValue> {
    let g = |n: &str| c.name(n).map(|m| m.as_str());
    match kind {
        PatternKind::Absolute => absolute(c, d, reference, us_order),
        PatternKind::RelativeDay => {
            let off = *d.relative_days.get(
                &fold(g("rel")?)
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" "),
            )?;
            Some(relative_value(
                reference.map(|r| (r + Duration::days(off), r + Duration::days(off))),
                Granularity::Day,
                vec![],
            ))
        }
        PatternKind::RelativeWeekday => {
            let wtext = g("wd")?;
            let wd = *d.weekdays.get(fold(wtext).trim_end_matches('.'))?;
            let dir = g("dir").map(|s| direction(s, d));
            // A bare short form ("sat", "mer", "jeu") is a word before it is a weekday.
            if dir.is_none() && g("this").is_none() && wtext.chars().count() <= 4 {
                return None;
            }
            let Some(r) = reference else {
                return Some(relative_value(None, Granularity::Day, vec![]));
            };
            // "mardi de la semaine prochaine": that weekday in the next (or last, or this) week.
            if let Some(w) = c.name("week") {
                let f = fold(w.as_str());
                let shift = if f.starts_with("d'") {
                    1
                } else {
                    direction(w.as_str(), d)
                } as i64;
                let monday = r - Duration::days(r.weekday().num_days_from_monday() as i64);
                let day = monday + Duration::weeks(shift) + Duration::days(wd as i64 - 1);
                let mut v = relative_value(Some((day, day)), Granularity::Day, vec![]);
                v.detail.weekday = Some(wd);
                return Some(v);
            }
            let today = weekday_num(r.weekday());
            let ahead = (wd + 7 - today) % 7;
            let next = r + Duration::days(if ahead == 0 { 7 } else { ahead as i64 });
            let upcoming = r + Duration::days(ahead as i64);
            let back = (today + 7 - wd) % 7;
            let last = r - Duration::days(if back == 0 { 7 } else { back as i64 });
            let recent = r - Duration::days(back as i64);
            let (day, alts) = match dir {
                Some(1) => (next, vec![]),
                Some(-1) => (last, vec![]),
                _ => (upcoming, vec![(recent, recent)]),
            };
            let mut v = relative_value(Some((day, day)), Granularity::Day, alts);
            v.detail.weekday = Some(wd);
            Some(v)
        }
        PatternKind::RelativeUnit => {
            let unit = d.units.get(&fold(g("unit")?))?.as_str();
            let dir = match (g("dir"), g("this")) {
                (Some(s), _) => direction(s, d),
                (None, Some(_)) => 0,
                (None, None) => return None,
            };
            let Some(r) = reference else {
                return Some(relative_value(None, Granularity::Day, vec![]));
            };
            let (lo, hi, gran) = match unit {
                // A weekend is its Saturday and Sunday, compared at the week's grain: "ce
                // week-end" and "vendredi" of the same week are not at odds.
                "weekend" => {
                    let from_sat = (r.weekday().num_days_from_monday() as i64 + 2) % 7;
                    let this_sat = if from_sat <= 1 {
                        r - Duration::days(from_sat)
                    } else {
                        r + Duration::days(7 - from_sat)
                    };
                    let sat = if dir == -1 {
                        this_sat - Duration::weeks(1)
                    } else {
                        this_sat
                    };
                    let alts = if dir == 1 {
                        vec![(sat + Duration::weeks(1), sat + Duration::days(8))]
                    } else {
                        vec![]
                    };
                    return Some(relative_value(
                        Some((sat, sat + Duration::days(1))),
                        Granularity::Week,
                        alts,
                    ));
                }
                "week" => {
                    let monday = r - Duration::days(r.weekday().num_days_from_monday() as i64)
                        + Duration::weeks(dir as i64);
                    (monday, monday + Duration::days(6), Granularity::Week)
                }
                "month" => {
                    let total = r.year() * 12 + r.month0() as i32 + dir;
                    let (lo, hi) =
                        month_interval(total.div_euclid(12), total.rem_euclid(12) as u32 + 1)?;
                    (lo, hi, Granularity::Month)
                }
                "year" => {
                    let y = r.year() + dir;
                    (
                        NaiveDate::from_ymd_opt(y, 1, 1)?,
                        NaiveDate::from_ymd_opt(y, 12, 31)?,
                        Granularity::Year,
                    )
                }
                _ => return None,
            };
            Some(relative_value(Some((lo, hi)), gran, vec![]))
        }
        PatternKind::RelativeCount if g("dir").or(g("dir2")).is_some() => {
            // "les 3 prochains jours", "the last two weeks": whole units before or after the
            // current one.
            let n = word_number(g("n")?, &d.number_words)? as i64;
            let unit = d.units.get(&fold(g("unit").or(g("unit2"))?))?.as_str();
            let sign: i64 = if direction(g("dir").or(g("dir2"))?, d) == -1 {
                -1
            } else {
                1
            };
            let Some(r) = reference else {
                return Some(relative_value(None, Granularity::Day, vec![]));
            };
            if n <= 0 || n > 100 {
                return None;
            }
            let (lo, hi, gran) = match unit {
                "day" => {
                    let (a, b) = if sign < 0 {
                        (r - Duration::days(n), r - Duration::days(1))
                    } else {
                        (r + Duration::days(1), r + Duration::days(n))
                    };
                    (a, b, Granularity::Day)
                }
                "week" => {
                    let monday = r - Duration::days(r.weekday().num_days_from_monday() as i64);
                    let (a, b) = if sign < 0 {
                        (monday - Duration::weeks(n), monday - Duration::days(1))
                    } else {
                        (
                            monday + Duration::weeks(1),
                            monday + Duration::weeks(n + 1) - Duration::days(1),
                        )
                    };
                    (a, b, Granularity::Week)
                }
                "month" => {
                    let first = NaiveDate::from_ymd_opt(r.year(), r.month(), 1)?;
                    let (a, b) = if sign < 0 {
                        (
                            first.checked_sub_months(chrono::Months::new(n as u32))?,
                            first - Duration::days(1),
                        )
                    } else {
                        (
                            first.checked_add_months(chrono::Months::new(1))?,
                            first.checked_add_months(chrono::Months::new(n as u32 + 1))?
                                - Duration::days(1),
                        )
                    };
                    (a, b, Granularity::Month)
                }
                "year" => {
                    let y = r.year() as i64;
                    let (a, b) = if sign < 0 {
                        (y - n, y - 1)
                    } else {
                        (y + 1, y + n)
                    };
                    (
                        NaiveDate::from_ymd_opt(a as i32, 1, 1)?,
                        NaiveDate::from_ymd_opt(b as i32, 12, 31)?,
                        Granularity::Year,
                    )
                }
                _ => return None,
            };
            Some(relative_value(Some((lo, hi)), gran, vec![]))
        }
        PatternKind::RelativeCount => {
            let n = word_number(g("n")?, &d.number_words)? as i64;
            let unit = d.units.get(&fold(g("unit")?))?.as_str();
            let ago_word = g("ago").map(fold);
            let sign = match (ago_word.as_deref(), g("in")) {
                (Some("ago") | Some("il y a") | Some("before") | Some("earlier"), _) => -1,
                (Some(w), _) if w.starts_with("il") => -1,
                (Some(_), _) | (None, Some(_)) => 1,
                (None, None) => return None,
            };
            let deadline = ago_word
                .as_deref()
                .is_some_and(|w| w.starts_with("d'") || w.starts_with("d’"));
            let Some(r) = reference else {
                return Some(relative_value(None, Granularity::Day, vec![]));
            };
            let day = match unit {
                "day" => r + Duration::days(sign * n),
                "week" => r + Duration::weeks(sign * n),
                "month" => r
                    .checked_add_months(chrono::Months::new(n as u32))
                    .filter(|_| sign > 0)
                    .or_else(|| r.checked_sub_months(chrono::Months::new(n as u32)))?,
                "year" => NaiveDate::from_ymd_opt(
                    r.year() + (sign * n) as i32,
                    r.month(),
                    r.day().min(28),
                )?,
                _ => return None,
            };
            let mut v = relative_value(Some((day, day)), Granularity::Day, vec![]);
            if deadline {
                v.role = "deadline";
            }
            Some(v)
        }
        PatternKind::Holiday => {
            let key = fold(g("hol")?)
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            let (m, day) = *d.holidays.get(&key)?;
            let year = match (g("y").and_then(|y| y.parse::<i32>().ok()), reference) {
                (Some(y), _) => y,
                // Without a year, a holiday is its next occurrence.
                (None, Some(r)) => {
                    let this = NaiveDate::from_ymd_opt(r.year(), m, day)?;
                    if this >= r {
                        r.year()
                    } else {
                        r.year() + 1
                    }
                }
                (None, None) => return None,
            };
            let dt = NaiveDate::from_ymd_opt(year, m, day)?;
            Some(interval(dt, dt, Granularity::Day))
        }
        PatternKind::Season => {
            let key = fold(g("season")?);
            let ((m1, d1), (m2, d2)) = *d.seasons.get(&key)?;
            let wraps = (m2, d2) < (m1, d1); // winter runs into the next year
            let written = g("y").and_then(|y| y.parse::<i32>().ok());
            let year = match (written, reference) {
                (Some(y), _) => y,
                (None, Some(r)) => {
                    let dir = g("dir").map(|s| direction(s, d)).unwrap_or(0);
                    // The season of the reference's year that is current, or the one before or
                    // after it.
                    let start = |y: i32| NaiveDate::from_ymd_opt(y, m1, d1);
                    let mut y = r.year();
                    if start(y)? > r {
                        y -= 1;
                    }
                    let end = NaiveDate::from_ymd_opt(if wraps { y + 1 } else { y }, m2, d2)?;
                    match dir {
                        1 => y + 1,
                        -1 if r > end => y,
                        -1 => y - 1,
                        // "cet été": the one nearest the reference, past or coming.
                        _ => {
                            let dist = |y: i32| -> Option<i64> {
                                let lo = start(y)?;
                                let hi =
                                    NaiveDate::from_ymd_opt(if wraps { y + 1 } else { y }, m2, d2)?;
                                Some(if r < lo {
                                    (lo - r).num_days()
                                } else if r > hi {
                                    (r - hi).num_days()
                                } else {
                                    0
                                })
                            };
                            [y, y + 1]
                                .into_iter()
                                .min_by_key(|&y| dist(y).unwrap_or(i64::MAX))
                                .unwrap_or(y)
                        }
                    }
                }
                (None, None) => return Some(relative_value(None, Granularity::Month, vec![])),
            };
            let lo = NaiveDate::from_ymd_opt(year, m1, d1)?;
            let hi = NaiveDate::from_ymd_opt(if wraps { year + 1 } else { year }, m2, d2)?;
            let mut v = interval(lo, hi, Granularity::Month);
            v.detail.year_written = written.is_some();
            Some(v)
        }
        PatternKind::RelativeMonth => {
            let m = month_of(g("m").or(g("m2"))?, d)?;
            let dir = g("dir").map(|s| direction(s, d)).unwrap_or(0);
            let Some(r) = reference else {
                let last = days_in_month(2001, m);
                return Some(DateValue {
                    from: Some(format!("XXXX-{m:02}-01")),
                    to: Some(format!("XXXX-{m:02}-{last:02}")),
                    granularity: "month",
                    role: "event",
                    detail: DateDetail {
                        granularity: Granularity::Month,
                        md: Some(((m, 1), (m, last))),
                        ..Default::default()
                    },
                });
            };
            let written = g("y").and_then(|y| y.parse::<i32>().ok());
            let y = match dir {
                _ if written.is_some() => written?,
                1 => {
                    if m > r.month() {
                        r.year()
                    } else {
                        r.year() + 1
                    }
                }
                -1 => {
                    if m < r.month() {
                        r.year()
                    } else {
                        r.year() - 1
                    }
                }
                // "début janvier" written in late December is the coming January.
                _ if g("part").or(g("part2")).is_some() => {
                    let total = r.year() * 12 + r.month0() as i32;
                    let dist = |y: i32| (y * 12 + m as i32 - 1 - total).abs();
                    (r.year() - 1..=r.year() + 1)
                        .min_by_key(|&y| dist(y))
                        .unwrap_or(r.year())
                }
                _ => r.year(),
            };
            let (mut lo, mut hi) = month_interval(y, m)?;
            // "la première quinzaine d'avril": its first fourteen days, or the rest.
            if let Some(q) = g("qz") {
                let first = fold(q).starts_with(['p', '1']);
                lo = NaiveDate::from_ymd_opt(y, m, if first { 1 } else { 15 })?;
                hi = if first {
                    NaiveDate::from_ymd_opt(y, m, 14)?
                } else {
                    hi
                };
            }
            // "fin mars" is the last days of March, still compared at the month's grain.
            if let Some(&(a, b)) = g("part")
                .or(g("part2"))
                .and_then(|p| d.month_parts.get(&fold(p)))
            {
                lo = NaiveDate::from_ymd_opt(y, m, a.clamp(1, hi.day()))?;
                hi = NaiveDate::from_ymd_opt(y, m, b.clamp(a.min(hi.day()), hi.day()))?;
            }
            Some(relative_value(Some((lo, hi)), Granularity::Month, vec![]))
        }
    }
}

fn direction(s: &str, d: &DateRules) -> i32 {
    let f = fold(s);
    if d.next_words.contains(&f) {
        1
    } else if d.last_words.contains(&f) {
        -1
    } else {
        0
    }
}

fn relative_value(
    range: Option<(NaiveDate, NaiveDate)>,
    g: Granularity,
    alts: Vec<(NaiveDate, NaiveDate)>,
) -> DateValue {
    match range {
        Some((lo, hi)) => {
            let mut v = interval(lo, hi, g);
            v.detail.alternatives = alts;
            v
        }
        None => DateValue {
            from: None,
            to: None,
            granularity: g.as_str(),
            role: "event",
            detail: DateDetail {
                granularity: g,
                ..Default::default()
            },
        },
    }
}

fn absolute(
    c: &regex::Captures,
    d: &DateRules,
    reference: Option<NaiveDate>,
    us_order: bool,
) -> Option<DateValue> {
    let g = |n: &str| c.name(n).map(|m| m.as_str());
    let year = |n: &str| g(n).and_then(|y| y.parse::<i32>().ok());
    let weekday = g("wd").and_then(|w| d.weekdays.get(fold(w).trim_end_matches('.')).copied());
    // Numeric day and month in either order (English a/b).
    let (mut day, mut month) = (
        g("d").and_then(|s| word_number(s, &d.day_words)),
        g("m")
            .and_then(|s| month_of(s, d))
            .or_else(|| g("mn").and_then(|s| s.parse().ok())),
    );
    let mut ambiguous = false;
    if let (Some(a), Some(b)) = (
        g("a").and_then(|s| s.parse::<u32>().ok()),
        g("b").and_then(|s| s.parse::<u32>().ok()),
    ) {
        // The number over 12 is the day; otherwise the locale's order decides.
        let month_first = b > 12 || (a <= 12 && us_order);
        let (dd, mm) = if month_first { (b, a) } else { (a, b) };
        ambiguous = a <= 12 && b <= 12 && a != b;
        day = Some(dd);
        month = Some(mm);
    }
    // Ranges of days.
    if let (Some(d1), Some(d2)) = (
        g("d1").and_then(|s| word_number(s, &d.day_words)),
        g("d2").and_then(|s| word_number(s, &d.day_words)),
    ) {
        let m2 = g("m2").or(g("m1")).and_then(|s| month_of(s, d))?; // "Nov. 24-25": one month for both days
        let m1 = g("m1").and_then(|s| month_of(s, d)).unwrap_or(m2);
        if !(1..=31).contains(&d1) || !(1..=31).contains(&d2) {
            return None;
        }
        let y2 = year("y2").or_else(|| year("y1"));
        let (y1, y2, written) = match (y2, reference) {
            (Some(y), _) => (
                if m1 > m2 {
                    y - 1
                } else {
                    year("y1").unwrap_or(y)
                },
                y,
                true,
            ),
            (None, Some(r)) => {
                let y = nearest_year(r, m1, d1);
                (y, if m1 > m2 { y + 1 } else { y }, true)
            }
            (None, None) => {
                return Some(DateValue {
                    from: Some(format!("XXXX-{m1:02}-{d1:02}")),
                    to: Some(format!("XXXX-{m2:02}-{d2:02}")),
                    granularity: "day",
                    role: "event",
                    detail: DateDetail {
                        md: Some(((m1, d1), (m2, d2))),
                        ..Default::default()
                    },
                })
            }
        };
        let lo = NaiveDate::from_ymd_opt(y1, m1, d1)?;
        let hi = NaiveDate::from_ymd_opt(y2, m2, d2)?;
        if hi < lo {
            return None;
        }
        let mut v = interval(lo, hi, Granularity::Day);
        v.detail.year_written = written;
        return Some(v);
    }
    // A range of months ("de mars à mai 2025", "from January 2024 to June 2025"): the first
    // month takes the last one's year, or the year before when it comes later in the calendar.
    if let (Some(m1), Some(m2), Some(y2)) = (
        g("mr1").and_then(|s| month_of(s, d)),
        g("mr2").and_then(|s| month_of(s, d)),
        year("yr2").or_else(|| reference.map(|r| r.year())),
    ) {
        let y1 = year("yr1").unwrap_or(if m1 > m2 { y2 - 1 } else { y2 });
        let (lo, _) = month_interval(y1, m1)?;
        let (_, hi) = month_interval(y2, m2)?;
        if hi <= lo {
            return None;
        }
        let mut v = interval(lo, hi, Granularity::Month);
        v.detail.year_written = true;
        v.detail.stated_span = true;
        return Some(v);
    }
    // A range of years ("de 2019 à 2021", "2019-2021"); a later first year is not a range.
    if let (Some(ya), Some(yb)) = (year("ya").or(year("ya2")), year("yb").or(year("yb2"))) {
        if yb <= ya || yb - ya > 100 {
            return None;
        }
        let mut v = interval(
            NaiveDate::from_ymd_opt(ya, 1, 1)?,
            NaiveDate::from_ymd_opt(yb, 12, 31)?,
            Granularity::Year,
        );
        v.detail.year_written = true;
        v.detail.stated_span = true;
        return Some(v);
    }
    // A part of a year ("fin 2025", "en début d'année", "late 2024"), compared at the year's
    // grain: "début 2025" says too little to contradict "mars 2025".
    if let Some(&(m1, m2)) = g("ypart")
        .or(g("ypart2"))
        .and_then(|p| d.year_parts.get(&fold(p)))
    {
        let y = year("y")
            .or(year("yp"))
            .or_else(|| reference.map(|r| r.year()))?;
        let (lo, _) = month_interval(y, m1)?;
        let (_, hi) = month_interval(y, m2)?;
        let mut v = interval(lo, hi, Granularity::Year);
        v.detail.year_written = year("y").or(year("yp")).is_some();
        return Some(v);
    }
    // A quarter or a half of a year ("au troisième trimestre 2024", "Q3 2024", "H1 2025").
    if let (Some(n), Some(unit), Some(y)) = (
        g("qn").and_then(|s| {
            let f = fold(s);
            d.ordinals.get(&f).copied().or_else(|| {
                f.trim_end_matches(|c: char| !c.is_ascii_digit())
                    .parse()
                    .ok()
            })
        }),
        g("qu").and_then(|s| d.periods.get(&fold(s))),
        year("y"),
    ) {
        let months = match unit.as_str() {
            "quarter" if (1..=4).contains(&n) => 3,
            "half" if (1..=2).contains(&n) => 6,
            _ => return None,
        };
        let (lo, _) = month_interval(y, (n - 1) * months + 1)?;
        let (_, hi) = month_interval(y, n * months)?;
        let mut v = interval(lo, hi, Granularity::Month);
        v.detail.year_written = true;
        return Some(v);
    }
    // A century ("au XIXe siècle", "the 21st century").
    if let Some(n) = g("cent").and_then(|s| s.parse::<i32>().ok().or_else(|| roman(s))) {
        if !(1..=21).contains(&n) {
            return None;
        }
        let mut v = interval(
            NaiveDate::from_ymd_opt((n - 1) * 100, 1, 1)?,
            NaiveDate::from_ymd_opt(n * 100 - 1, 12, 31)?,
            Granularity::Year,
        );
        v.detail.year_written = true;
        return Some(v);
    }
    // "les années 70", "the '80s": a decade of the twentieth century.
    if let Some(dec) = g("decade2").and_then(|s| s.parse::<i32>().ok()) {
        let mut v = interval(
            NaiveDate::from_ymd_opt(1900 + dec, 1, 1)?,
            NaiveDate::from_ymd_opt(1909 + dec, 12, 31)?,
            Granularity::Year,
        );
        v.detail.year_written = true;
        return Some(v);
    }
    // A decade ("les années 1990", "the 1990s") is a ten-year interval.
    if let Some(dec) = g("decade").and_then(|s| s.parse::<i32>().ok()) {
        let mut v = interval(
            NaiveDate::from_ymd_opt(dec, 1, 1)?,
            NaiveDate::from_ymd_opt(dec + 9, 12, 31)?,
            Granularity::Year,
        );
        v.detail.year_written = true;
        return Some(v);
    }
    // Two-digit years: 74 is 1974, 14 is 2014.
    let y = year("y").or_else(|| {
        g("yy")
            .and_then(|s| s.parse::<i32>().ok())
            .map(|yy| if yy < 50 { 2000 + yy } else { 1900 + yy })
    });
    match (day, month, y) {
        (Some(dd), Some(mm), _) => {
            if !(1..=12).contains(&mm) || !(1..=31).contains(&dd) {
                return None;
            }
            let yy = y.or_else(|| reference.map(|r| nearest_year(r, mm, dd)));
            let limit = yy.map(|y| days_in_month(y, mm)).unwrap_or_else(|| {
                if mm == 2 {
                    29
                } else {
                    days_in_month(2001, mm)
                }
            });
            if dd > limit {
                let mut v = DateValue {
                    from: None,
                    to: None,
                    granularity: "day",
                    role: "event",
                    detail: DateDetail {
                        weekday,
                        ..Default::default()
                    },
                };
                v.detail.impossible = Some(match yy.filter(|_| y.is_some()) {
                    Some(year) => format!("{mm:02}/{year} has {limit} days"),
                    None => format!("that month has {limit} days"),
                });
                return Some(v);
            }
            match yy {
                Some(year) => {
                    let dt = NaiveDate::from_ymd_opt(year, mm, dd)?;
                    // "la semaine du 6 octobre": the week that day opens (a Sunday opens the
                    // next one).
                    if g("wk").is_some() {
                        let back = dt.weekday().num_days_from_monday() as i64;
                        let monday = if back == 6 {
                            dt + Duration::days(1)
                        } else {
                            dt - Duration::days(back)
                        };
                        let mut v = interval(monday, monday + Duration::days(6), Granularity::Week);
                        v.detail.year_written = y.is_some();
                        return Some(v);
                    }
                    let mut v = interval(dt, dt, Granularity::Day);
                    v.detail.weekday = weekday;
                    v.detail.ambiguous = ambiguous;
                    // A year inferred from a distant publication date is not trusted for weekdays.
                    v.detail.year_written =
                        y.is_some() || reference.is_some_and(|r| (dt - r).num_days().abs() <= 183);
                    Some(v)
                }
                None => Some(DateValue {
                    from: Some(format!("XXXX-{mm:02}-{dd:02}")),
                    to: Some(format!("XXXX-{mm:02}-{dd:02}")),
                    granularity: "day",
                    role: "event",
                    detail: DateDetail {
                        md: Some(((mm, dd), (mm, dd))),
                        weekday,
                        ambiguous,
                        ..Default::default()
                    },
                }),
            }
        }
        (None, Some(mm), Some(year)) => {
            let (lo, hi) = month_interval(year, mm)?;
            Some(interval(lo, hi, Granularity::Month))
        }
        (None, None, Some(year)) => Some(interval(
            NaiveDate::from_ymd_opt(year, 1, 1)?,
            NaiveDate::from_ymd_opt(year, 12, 31)?,
            Granularity::Year,
        )),
        _ => None,
    }
}

/// A small Roman numeral ("XIX" → 19).
fn roman(s: &str) -> Option<i32> {
    let value = |c: char| match c.to_ascii_uppercase() {
        'I' => Some(1),
        'V' => Some(5),
        'X' => Some(10),
        'L' => Some(50),
        _ => None,
    };
    let digits: Vec<i32> = s.chars().map(value).collect::<Option<_>>()?;
    let mut total = 0;
    for (i, v) in digits.iter().enumerate() {
        if digits.get(i + 1).is_some_and(|n| n > v) {
            total -= v;
        } else {
            total += v;
        }
    }
    (total > 0).then_some(total)
}

/// The event noun nearest the date in its sentence, as its class ("assises" → "conférence").
fn subject_of(text: &str, start: usize, end: usize, d: &DateRules) -> String {
    let Some(re) = &d.event_regex else {
        return String::new();
    };
    // Positions in the folded sentence: fold the text up to each end of the date.
    let (start, end) = (fold(&text[..start]).len(), fold(&text[..end]).len());
    let text = &fold(text);
    // "the Oct. 28 mayoral by-election": the date modifies the event noun a word or two after it.
    let before = text[..start].trim_end();
    let attributive = d.attributive_articles.iter().any(|a| {
        before.ends_with(a.as_str()) && before[..before.len() - a.len()].ends_with([' ', '(', ','])
            || before == a
    });
    if attributive {
        if let Some(m) = re
            .find_at(text, end)
            .filter(|m| text[end..m.start()].split_whitespace().count() <= 2)
        {
            if let Some(c) = event_kind(m.as_str(), d) {
                return c.clone();
            }
        }
    }
    re.find_iter(text)
        .filter(|m| m.end() <= start || m.start() >= end)
        .min_by_key(|m| {
            if m.end() <= start {
                start - m.end()
            } else {
                (m.start() - end) + 1
            }
        })
        .and_then(|m| event_kind(m.as_str(), d).cloned())
        .unwrap_or_default()
}

/// The kind of an event noun matched in folded text ("assises" → "conférence"), plural or not.
fn event_kind<'a>(matched: &str, d: &'a DateRules) -> Option<&'a String> {
    let f = matched.split_whitespace().collect::<Vec<_>>().join(" ");
    d.event_class
        .get(&f)
        .or_else(|| d.event_class.get(f.trim_end_matches(['s', 'x'])))
}

/// Every event kind a sentence names.
fn kinds_of(text: &str, d: &DateRules) -> Vec<String> {
    let Some(re) = &d.event_regex else {
        return Vec::new();
    };
    let folded = fold(text);
    let mut kinds: Vec<String> = re
        .find_iter(&folded)
        .filter_map(|m| event_kind(m.as_str(), d).cloned())
        .collect();
    kinds.sort();
    kinds.dedup();
    kinds
}

/// The stemmed content words of a sentence with the byte offset of their word: the words two
/// sources share when they date the same event, once per sentence for all its dates.
fn sentence_words(text: &str, lang: &LangRules, stem: usize) -> Vec<(usize, u64)> {
    let d = &lang.dates;
    let mut words = Vec::new();
    for (i, w) in crate::text::words(text) {
        for part in w.split(['\'', '’', '-']) {
            let f = crate::text::fold_cow(part);
            if f.len() < 3
                || f.chars().count() < 3
                || f.bytes().any(|c| c.is_ascii_digit())
                || lang.function_words.contains(f.as_ref())
                || d.months.contains_key(f.as_ref())
                || d.weekdays.contains_key(f.as_ref())
            {
                continue;
            }
            let stemmed: String = f.chars().take(stem).collect();
            words.push((i, rustc_hash::FxBuildHasher.hash_one(stemmed.as_str())));
        }
    }
    words
}

/// The words of a sentence outside one date's span, sorted and without repeats.
fn context_of(words: &[(usize, u64)], start: usize, end: usize) -> Vec<u64> {
    let mut out: Vec<u64> = words
        .iter()
        .filter(|(i, _)| *i < start || *i >= end)
        .map(|(_, w)| *w)
        .collect();
    out.sort();
    out.dedup();
    out
}

/// The phase groups a sentence names (opening, closing...).
fn phases_of(text: &str, d: &DateRules) -> Vec<usize> {
    let Some(re) = &d.phase_regex else {
        return Vec::new();
    };
    let folded = fold(text);
    let mut phases: Vec<usize> = re
        .find_iter(&folded)
        .flat_map(|m| {
            let w = m.as_str().split_whitespace().collect::<Vec<_>>().join(" ");
            d.phases
                .iter()
                .filter(move |(p, _)| *p == w)
                .map(|(_, g)| *g)
        })
        .collect();
    phases.sort_unstable();
    phases.dedup();
    phases
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outlet_domain_sets_the_numeric_order() {
        let rules = crate::rules::load(&[], &[]).unwrap();
        let d = &rules.lang("en").dates;
        assert_eq!(
            outlet_locale("https://www.example.co.uk/news/1", d).as_deref(),
            Some("en-GB")
        );
        assert_eq!(outlet_locale("https://news.example.com/a", d), None);
        assert_eq!(outlet_locale("example.com.au", d).as_deref(), Some("en-AU"));
    }

    fn dates(
        text: &str,
        lang: &str,
        reference: &str,
    ) -> Vec<(String, Option<String>, Option<String>, &'static str)> {
        let rules = crate::rules::load(&[], &[]).unwrap();
        let r = NaiveDate::parse_from_str(reference, "%Y-%m-%d").ok();
        sentence_dates(text, rules.lang(lang), r, r, lang == "en")
            .into_iter()
            .map(|(s, e, v)| (text[s..e].to_string(), v.from, v.to, v.role))
            .collect()
    }

    #[test]
    fn day_lists_and_ranges() {
        let d = dates(
            "Elle se tiendra les 1er et 2 juillet, puis du 3 au 5 mai 2026.",
            "fr",
            "2025-06-10",
        );
        assert_eq!(d[0].1.as_deref(), Some("2025-07-01"));
        assert_eq!(d[0].2.as_deref(), Some("2025-07-02"));
        assert_eq!(d[1].1.as_deref(), Some("2026-05-03"));
        let d = dates("The summit runs Nov. 10-12 in Nairobi.", "en", "2025-11-01");
        assert_eq!(
            (d[0].1.as_deref(), d[0].2.as_deref()),
            (Some("2025-11-10"), Some("2025-11-12"))
        );
    }

    #[test]
    fn relative_dates_resolve_against_the_publication_date() {
        let d = dates(
            "Il a parlé hier, et la conférence aura lieu juillet prochain.",
            "fr",
            "2025-06-10",
        );
        assert_eq!(d[0].1.as_deref(), Some("2025-06-09"));
        assert_eq!(
            (d[1].1.as_deref(), d[1].2.as_deref()),
            (Some("2025-07-01"), Some("2025-07-31"))
        );
        let d = dates(
            "She left two days ago, before last Tuesday's vote.",
            "en",
            "2025-06-12",
        );
        assert_eq!(d[0].1.as_deref(), Some("2025-06-10"));
        assert_eq!(d[1].1.as_deref(), Some("2025-06-10"));
    }

    /// (text, from, to) of each date of a sentence.
    fn spans(text: &str, lang: &str, reference: &str) -> Vec<(String, String, String)> {
        dates(text, lang, reference)
            .into_iter()
            .map(|(t, f, to, _)| (t, f.unwrap_or_default(), to.unwrap_or_default()))
            .collect()
    }

    #[test]
    fn periods_seasons_weekends_and_spans() {
        let one = |text: &str, lang: &str| {
            let d = spans(text, lang, "2025-06-11");
            assert_eq!(d.len(), 1, "{text}: {d:?}");
            (d[0].1.clone(), d[0].2.clone())
        };
        let p = |a: &str, b: &str| (a.to_string(), b.to_string());
        assert_eq!(
            one("Les ventes ont reculé au troisième trimestre 2024.", "fr"),
            p("2024-07-01", "2024-09-30")
        );
        assert_eq!(
            one("Exports fell in the first half of 2025.", "en"),
            p("2025-01-01", "2025-06-30")
        );
        assert_eq!(
            one("Q3 2024 profit doubled.", "en"),
            p("2024-07-01", "2024-09-30")
        );
        // Wednesday 11 June: this weekend is 14-15 June, last weekend 7-8 June.
        assert_eq!(
            one("Ce week-end, la ville accueille le marathon.", "fr"),
            p("2025-06-14", "2025-06-15")
        );
        assert_eq!(
            one("Last weekend the city hosted the marathon.", "en"),
            p("2025-06-07", "2025-06-08")
        );
        assert_eq!(
            one("Les travaux reprendront fin mars.", "fr"),
            p("2025-03-21", "2025-03-31")
        );
        assert_eq!(
            one("The festival is set for early July.", "en"),
            p("2025-07-01", "2025-07-10")
        );
        assert_eq!(
            one(
                "Au cours des trois derniers mois, les prix ont grimpé.",
                "fr"
            ),
            p("2025-03-01", "2025-05-31")
        );
        assert_eq!(
            one("The next two weeks will be hot.", "en"),
            p("2025-06-16", "2025-06-29")
        );
        // In June, "cet été" is the coming summer and "cet hiver" the winter just past.
        assert_eq!(
            one("Cet été, la ville accueille le festival.", "fr"),
            p("2025-06-21", "2025-09-22")
        );
        assert_eq!(
            one("This winter, prices soared.", "en"),
            p("2024-12-21", "2025-03-19")
        );
        assert_eq!(
            one("Last summer, fires ravaged the region.", "en"),
            p("2024-06-21", "2024-09-22")
        );
        assert_eq!(
            one(
                "Dans les années 70, la ville comptait dix mille habitants.",
                "fr"
            ),
            p("1970-01-01", "1979-12-31")
        );
        assert_eq!(
            one("Le chantier durera de janvier 2024 à juin 2025.", "fr"),
            p("2024-01-01", "2025-06-30")
        );
        assert_eq!(
            one("Between 2019 and 2021 the budget doubled.", "en"),
            p("2019-01-01", "2021-12-31")
        );
        assert_eq!(
            one("La semaine du 7 juillet, le salon ouvre ses portes.", "fr"),
            p("2025-07-07", "2025-07-13")
        );
        assert_eq!(
            one("En fin d'année, les ventes ont grimpé.", "fr"),
            p("2025-11-01", "2025-12-31")
        );
        assert_eq!(
            one("La première quinzaine d'avril a été chargée.", "fr"),
            p("2025-04-01", "2025-04-14")
        );
        assert_eq!(
            one("Sales rose in late 2024.", "en"),
            p("2024-09-01", "2024-12-31")
        );
        assert_eq!(
            one("Je reviendrai 2015/08/12.", "fr"),
            p("2015-08-12", "2015-08-12")
        );
        assert_eq!(
            one("Au XIXe siècle, la ville prospérait.", "fr"),
            p("1800-01-01", "1899-12-31")
        );
        assert_eq!(
            one("The range is 2014 to 2018.", "en"),
            p("2014-01-01", "2018-12-31")
        );
        assert_eq!(
            one("De mars à mai, la ville a fêté.", "fr"),
            p("2025-03-01", "2025-05-31")
        );
        // Look-alikes that are no dates.
        for (text, lang) in [
            ("La meilleure année a été 2024.", "fr"),
            ("Il a été dernier de la course.", "fr"),
            (
                "Ces dernières années 40 pour cent des emplois ont disparu.",
                "fr",
            ),
            ("The fall of the regime shocked many.", "en"),
            ("Scores were 2014 and 2018.", "en"),
            ("Temperatures stayed in the 40s all morning.", "en"),
        ] {
            assert!(spans(text, lang, "2025-06-11").is_empty(), "{text}");
        }
    }

    #[test]
    fn deadlines_are_kept_apart_from_events() {
        let d = dates(
            "Le projet sera livré d'ici la fin de 2026 ; la loi a été adoptée en 2024.",
            "fr",
            "2025-06-10",
        );
        assert_eq!((d[0].0.as_str(), d[0].3), ("fin de 2026", "deadline"));
        assert_eq!((d[1].0.as_str(), d[1].3), ("en 2024", "event"));
        let d = dates(
            "It was approved by parliament in 2024 and will open by the end of 2027.",
            "en",
            "2025-06-10",
        );
        assert_eq!(d[0].3, "event");
        assert_eq!(d[1].3, "deadline");
    }

    #[test]
    fn a_year_less_date_without_publication_date_keeps_xxxx() {
        let d = dates("Le 1er juillet, la session reprendra.", "fr", "");
        assert_eq!(d[0].1.as_deref(), Some("XXXX-07-01"));
    }
}
