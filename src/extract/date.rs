//! Dates: every date a sentence states, resolved to an inclusive interval with a granularity.
//!
//! The patterns are rules data (rules/<lang>/dates.toml). All of them run over a sentence; the
//! longest non-overlapping matches win. A match is then resolved: written days, months and years
//! directly; a missing year from the publication date (the nearest such day); relative
//! expressions ("hier", "jeudi prochain", "il y a trois jours", "last Tuesday") against the
//! publication date. A date after a deadline marker ("d'ici 2030", "by 2030") is a deadline, not
//! the day of an event. The subject is the event noun of the sentence closest to the date.
use chrono::{Datelike, Duration, NaiveDate, Weekday};

use super::calendar::{self, days_in_month, month_interval};
use crate::claims::{Claim, ClaimValue, DateDetail, DateValue, Granularity};
use crate::input::{Article, Precision};
use crate::rules::dates::{date_key, DateRules, PatternKind};
use crate::rules::{LangRules, Rules};
use crate::segment::Segmented;
use crate::text::fold;

pub fn extract(
    article: &Article,
    seg: &Segmented,
    rules: &Rules,
    sentences: &super::context::Sentences,
) -> Vec<Claim> {
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
    for (si, s) in seg.sentences.iter().enumerate() {
        let text = &article.text[s.start..s.end];
        let dates = sentence_dates(text, lang, reference, year_reference, us_order);
        // What the sentence says of its events, once for all its dates.
        if dates.is_empty() {
            continue;
        }
        let sentence = sentences.get(si);
        for (ms, me, value) in dates {
            let subject = sentence.subject(ms, me);
            let mut value = value;
            // A year the text writes is its own, whatever the publication date.
            if article.meta.date.is_none()
                && article.meta.story_date.is_some()
                && !has_year(&text[ms..me])
            {
                if let (Some(lo), Some(hi)) = (value.detail.lo, value.detail.hi) {
                    value.detail.year_borrowed = true;
                    value.detail.md = Some(((lo.month(), lo.day()), (hi.month(), hi.day())));
                }
            }
            if inline_dateline(&text[..ms], &text[me..]) {
                value.role = "publication";
            }
            value.detail.event = sentence.event(ms, me);
            out.push(Claim::in_sentence(
                article.id,
                s.start,
                text,
                (ms, me),
                "date",
                subject,
                ClaimValue::Date(value),
            ));
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
            // `end`: what a pattern needs after the date (punctuation, the end of the sentence, a
            // time of day) without being part of it.
            let stop = caps.name("end").map_or(m.end(), |e| e.start());
            // `date`: where the date begins when the pattern needs what comes before it.
            let begin = caps.name("date").map_or(m.start(), |b| b.start());
            let text_of = &text[begin..stop];
            let trimmed = text_of.trim();
            if trimmed.is_empty() {
                continue;
            }
            let start = begin + (text_of.len() - text_of.trim_start().len());
            // A date written in digits does not go on from a number before it ("01 02 03 04
            // 05", "1 200 000 12 mars"): that is a run of figures.
            let before = &text[..start];
            let figures = before.trim_end();
            let digit_led = trimmed.starts_with(|c: char| c.is_ascii_digit());
            if digit_led
                && figures.len() < before.len()
                && figures.ends_with(|c: char| c.is_ascii_digit())
            {
                continue;
            }
            // Nor is it the decimals of a number ("1.5 days", "2,5 jours").
            if digit_led
                && before
                    .strip_suffix(['.', ','])
                    .is_some_and(|b| b.ends_with(|c: char| c.is_ascii_digit()))
            {
                continue;
            }
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
    let mut kept: Vec<(usize, usize, Option<DateValue>, bool)> = Vec::new();
    let mut tense: Option<i32> = None;
    for (s, e, pi, caps) in found {
        if kept.iter().any(|(ks, ke, _, _)| s < *ke && e > *ks) {
            continue;
        }
        let kind = d.patterns[pi].kind;
        if matches!(kind, PatternKind::RangeLink | PatternKind::Offset) {
            continue;
        }
        if kind == PatternKind::NotDate {
            kept.push((s, e, None, false));
            continue;
        }
        // A written date whose year the text leaves out: the other end of a span may give it.
        let yearless = kind == PatternKind::Absolute
            && ["y", "yy", "y1", "y2", "decade", "dec2", "decw", "cent"]
                .iter()
                .all(|n| caps.name(n).is_none());
        // "l'an dernier" needs only the year, which an undated article takes from its story.
        let year_unit = kind == PatternKind::RelativeUnit
            && caps
                .name("unit")
                .or(caps.name("unit2"))
                .and_then(|u| d.units.get(&date_key(u.as_str())))
                .is_some_and(|u| u == "year");
        let r = if kind == PatternKind::Absolute {
            year_reference.or(reference)
        } else if year_unit {
            reference.or(year_reference)
        } else {
            reference
        };
        let v = if kind == PatternKind::Period {
            period(&caps, d, reference, year_reference.or(reference))
        } else {
            resolve(kind, &caps, d, r, us_order).map(|mut v| {
                v.detail.named_day = v.detail.lo.is_some() && named_day(kind, &caps, d);
                if kind != PatternKind::Absolute {
                    // Its year comes from the publication date, not from the text.
                    v.detail.year_written = false;
                }
                v.detail.relative = kind != PatternKind::Absolute && !v.detail.named_day;
                v
            })
        };
        let Some(mut v) = v else {
            continue;
        };
        // A weekday alone ("on Tuesday") is the coming one, the last one the other reading:
        // in a sentence told in the past, or after "since" ("qui frappe depuis lundi"), the
        // last one.
        let bare_weekday = kind == PatternKind::RelativeWeekday
            && ["dir", "this", "week", "plus"]
                .iter()
                .all(|n| caps.name(n).is_none());
        if bare_weekday && v.detail.alternatives.len() == 1 {
            let past =
                since(&text[..s], d) || *tense.get_or_insert_with(|| sentence_tense(text, d)) < 0;
            if let (true, Some(lo), Some(&(alo, ahi))) =
                (past, v.detail.lo, v.detail.alternatives.first())
            {
                let mut w = interval(alo, ahi, v.detail.granularity);
                w.detail = DateDetail {
                    lo: Some(alo),
                    hi: Some(ahi),
                    alternatives: vec![(lo, v.detail.hi.unwrap_or(lo))],
                    ..v.detail.clone()
                };
                v = w;
            }
        }
        if v.role != "deadline" {
            v.role = role_of(&text[..s], &text[s..e], d);
        }
        kept.push((s, e, Some(v), yearless));
    }
    kept.sort_by_key(|k| k.0);
    let kept: Vec<(usize, usize, DateValue, bool)> = kept
        .into_iter()
        .filter_map(|(s, e, v, y)| Some((s, e, v?, y)))
        .collect();
    let mut kept = offsets(text, kept, d);
    // "On July 13, 2014 and July 14": a date without its year after one with it in the same
    // sentence is in the year nearest that one, not the publication's.
    let mut anchor: Option<NaiveDate> = None;
    for (s, _, v, yearless) in &mut kept {
        match (*yearless, v.detail.lo) {
            (true, Some(lo)) => {
                if let Some(a) = anchor {
                    let day = if v.detail.granularity == Granularity::Day {
                        lo.day()
                    } else {
                        15
                    };
                    let y = nearest_year(a, lo.month(), day);
                    if y != lo.year() {
                        *v = with_year(v.clone(), y);
                    }
                }
            }
            // A bare year dates its own clause ("élu en 2021, qui a démissionné le 13 mai"); a
            // date a span runs from up to now ("Fermé depuis le 9 janvier 2023, le musée
            // rouvrira le 14 mars") leaves the others in the present.
            (false, Some(lo))
                if v.detail.year_written
                    && !v.detail.relative
                    && v.detail.granularity != Granularity::Year =>
            {
                anchor = (!since(&text[..*s], d)).then_some(lo);
            }
            _ => {}
        }
    }
    let mut out = join_spans(text, kept, d);
    // "retirés depuis 2024": a year a span runs from tells when a run of things began, too
    // loosely to contradict the year of one of them.
    for (s, e, v) in &mut out {
        let first = text[*s..*e]
            .split(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("");
        let opens = d.since_words.iter().any(|w| *w == fold(first));
        if v.detail.granularity == Granularity::Year && (opens || since(&text[..*s], d)) {
            v.detail.relative = true;
        }
    }
    // Beside another date, "hier" dates the telling ("a annoncé hier que la conférence aura lieu
    // le 3 juillet"), not the event.
    if out.len() > 1 {
        for (_, _, v) in &mut out {
            if v.detail.named_day {
                v.detail.relative = true;
            }
        }
    }
    out
}

/// A date moved by a count of units before it ("3 days after January 12th", "two weeks from
/// tomorrow"): the moved date, over the count's words and whatever date they held.
fn offsets(
    text: &str,
    mut dates: Vec<(usize, usize, DateValue, bool)>,
    d: &DateRules,
) -> Vec<(usize, usize, DateValue, bool)> {
    let patterns = d.regexes(PatternKind::Offset);
    if patterns.is_empty() {
        return dates;
    }
    let mut i = 0;
    while i < dates.len() {
        let s = dates[i].0;
        let from = crate::text::floor_char_boundary(text, s.saturating_sub(48));
        let probe = format!("{}@", &text[from..s]);
        let moved = patterns.iter().find_map(|p| {
            let c = p.captures(&probe)?;
            let n = word_number(c.name("n")?.as_str(), &d.number_words)?;
            let unit = d.units.get(&date_key(c.name("unit")?.as_str()))?;
            let n = if c.name("before").is_some() {
                -(n as i64)
            } else {
                n as i64
            };
            let v = &dates[i].2;
            let shift = |day: NaiveDate| -> Option<NaiveDate> {
                match unit.as_str() {
                    "day" => Some(day + Duration::days(n)),
                    "week" => Some(day + Duration::weeks(n)),
                    "month" | "year" => {
                        let months = if unit == "year" { 12 * n } else { n };
                        let m = chrono::Months::new(u32::try_from(months.unsigned_abs()).ok()?);
                        if months >= 0 {
                            day.checked_add_months(m)
                        } else {
                            day.checked_sub_months(m)
                        }
                    }
                    _ => None,
                }
            };
            let (lo, hi) = (shift(v.detail.lo?)?, shift(v.detail.hi?)?);
            let mut out = interval(lo, hi, v.detail.granularity);
            out.role = v.role;
            out.detail.relative = v.detail.relative;
            out.detail.year_written = v.detail.year_written;
            Some((from + c.name("n")?.start(), out))
        });
        match moved {
            Some((start, v)) => {
                // The count's words ("2 weeks before") are no date of their own.
                let mut k = 0;
                let mut this = i;
                dates.retain(|(ds, de, _, _)| {
                    let gone = k != i && *de > start && *ds < s;
                    if gone && k < i {
                        this -= 1;
                    }
                    k += 1;
                    !gone
                });
                dates[this].0 = start;
                dates[this].2 = v;
                i = this + 1;
            }
            None => i += 1,
        }
    }
    dates
}

/// Two dates linked as the ends of one span ("12 janvier 2016 - 22/01/2016", "from Jan 2019
/// to today", "entre aujourd'hui et demain"): the span from the first to the second, the two
/// dates kept as its bounds. An end without a year takes the other end's.
fn join_spans(
    text: &str,
    dates: Vec<(usize, usize, DateValue, bool)>,
    d: &DateRules,
) -> Vec<(usize, usize, DateValue)> {
    let links = d.regexes(PatternKind::RangeLink);
    let mut out = Vec::with_capacity(dates.len());
    let mut i = 0;
    while i < dates.len() {
        if let Some(next) = dates.get(i + 1) {
            let (s1, e1, a, a_free) = &dates[i];
            let (s2, e2, b, b_free) = next;
            let gap = &text[*e1..*s2];
            let word = text[..*s1].split_whitespace().last().unwrap_or("");
            let probe = format!("{word} @{gap}@");
            if gap.len() <= 24 && links.iter().any(|l| l.is_match(&probe)) {
                let (mut a, mut b) = (a.clone(), b.clone());
                // "de dimanche 2 novembre à lundi": a weekday alone after a day is the first
                // such weekday after it.
                if let (Some(wd), Some(alo)) = (weekday_of(text[*s2..*e2].trim(), d), a.detail.hi) {
                    if a.detail.granularity == Granularity::Day {
                        let ahead = (wd + 7 - weekday_num(alo.weekday())) % 7;
                        let day = alo + Duration::days(if ahead == 0 { 7 } else { ahead as i64 });
                        let mut nb = interval(day, day, Granularity::Day);
                        nb.detail.weekday = Some(wd);
                        nb.detail.relative = a.detail.relative;
                        nb.detail.year_written = a.detail.year_written;
                        nb.role = b.role;
                        b = nb;
                    }
                }
                // "5/1-5/7/2020", "January 3, 2017 - February 1st": the written year holds for
                // both ends, the earlier one in the year before when its day comes later.
                if *a_free && !*b_free && !b.detail.relative {
                    if let (Some(alo), Some(blo)) = (a.detail.lo, b.detail.lo) {
                        let later = (alo.month(), alo.day()) > (blo.month(), blo.day());
                        a = with_year(a, blo.year() - i32::from(later));
                    }
                } else if *b_free && !*a_free && !a.detail.relative {
                    if let (Some(ahi), Some(bhi)) = (a.detail.hi, b.detail.hi) {
                        let earlier = (bhi.month(), bhi.day()) < (ahi.month(), ahi.day());
                        b = with_year(b, ahi.year() + i32::from(earlier));
                    }
                }
                if let (Some(lo), Some(hi), Some(alo), Some(bhi)) =
                    (a.detail.lo, b.detail.hi, a.detail.hi, b.detail.lo)
                {
                    if lo < hi && alo < bhi {
                        let gran = a.detail.granularity.max(b.detail.granularity);
                        let mut v = interval(lo, hi, gran);
                        v.detail.stated_span = gran != Granularity::Day;
                        v.detail.relative = a.detail.relative || b.detail.relative;
                        v.detail.year_written = a.detail.year_written && b.detail.year_written;
                        v.role = a.role;
                        a.role = "bound";
                        b.role = "bound";
                        out.push((*s1, *e2, v));
                        out.push((*s1, *e1, a));
                        out.push((*s2, *e2, b));
                        i += 2;
                        continue;
                    }
                }
            }
        }
        let (s, e, v, _) = &dates[i];
        out.push((*s, *e, v.clone()));
        i += 1;
    }
    out
}

/// A date moved to another year, the same days of the year (a month's last day stays its last).
fn with_year(mut v: DateValue, year: i32) -> DateValue {
    let moved = |day: NaiveDate| {
        let last = day.day() == days_in_month(day.year(), day.month());
        let dd = if last {
            days_in_month(year, day.month())
        } else {
            day.day()
        };
        NaiveDate::from_ymd_opt(year, day.month(), dd)
    };
    if let (Some(lo), Some(hi)) = (v.detail.lo, v.detail.hi) {
        if lo.year() != hi.year() {
            return v;
        }
        if let (Some(lo), Some(hi)) = (moved(lo), moved(hi)) {
            v.detail.lo = Some(lo);
            v.detail.hi = Some(hi);
            v.from = Some(iso(lo));
            v.to = Some(iso(hi));
            v.detail.year_written = true;
        }
    }
    v
}

/// "Abidjan, 5 juin 2025 (AFP) - Le syndicat...": a place, the date and the agency or a dash
/// open the article; the date is the dispatch's, not an event's.
fn inline_dateline(before: &str, after: &str) -> bool {
    let place = before.trim_end();
    let Some(place) = place.strip_suffix(',') else {
        return false;
    };
    // "**APIA, 7 March 2026** —": Markdown emphasis around the dateline.
    let place = place.trim_start_matches(['*', '_']);
    let words: Vec<&str> = place.split_whitespace().collect();
    let after = after
        .trim_start()
        .trim_start_matches(['*', '_'])
        .trim_start();
    !words.is_empty()
        && words.len() <= 4
        && words[0].chars().next().is_some_and(char::is_uppercase)
        && (after.starts_with(['-', '–', '—'])
            || after.strip_prefix('(').is_some_and(|a| {
                a.split(')').next().is_some_and(|agency| {
                    (2..=12).contains(&agency.len())
                        && agency
                            .chars()
                            .all(|c| c.is_alphabetic() || c == '-' || c == ' ')
                })
            }))
}

/// Days whose year is unknown: "XXXX-07-01" to "XXXX-07-02".
fn yearless_days((m1, d1): (u32, u32), (m2, d2): (u32, u32)) -> DateValue {
    DateValue {
        from: Some(format!("XXXX-{m1:02}-{d1:02}")),
        to: Some(format!("XXXX-{m2:02}-{d2:02}")),
        granularity: "day",
        role: "event",
        detail: DateDetail {
            md: Some(((m1, d1), (m2, d2))),
            ..Default::default()
        },
    }
}

/// A month whose year is unknown: "XXXX-07-01" to "XXXX-07-31".
fn yearless_month(m: u32) -> DateValue {
    let mut v = yearless_days((m, 1), (m, days_in_month(2001, m)));
    v.granularity = "month";
    v.detail.granularity = Granularity::Month;
    v
}

/// Whether a date's text writes its year in four digits ("février 2022").
fn has_year(s: &str) -> bool {
    s.as_bytes()
        .windows(4)
        .any(|w| w.iter().all(u8::is_ascii_digit) && (w[0] == b'1' || w[0] == b'2'))
}

/// A day named from the publication date that an editor reads as that day: "hier", "yesterday",
/// "mardi dernier", "next Tuesday" (not "aujourd'hui", which also means nowadays, nor a bare
/// weekday, which may be the last or the next).
fn named_day(kind: PatternKind, c: &regex::Captures, d: &DateRules) -> bool {
    match kind {
        PatternKind::RelativeDay => c
            .name("rel")
            .and_then(|m| d.relative_days.get(&date_key(m.as_str())))
            .is_some_and(|&off| off != 0),
        PatternKind::RelativeWeekday => {
            c.name("dir").is_some() && c.name("week").is_none() && c.name("plus").is_none()
        }
        _ => false,
    }
}

/// Whether a sentence tells of the past (-1), of what is to come (1), or says neither or both
/// (0): its words and word endings in `past_words`, `future_words` and their suffixes.
fn sentence_tense(text: &str, d: &DateRules) -> i32 {
    let (mut past, mut future) = (false, false);
    let lower = crate::text::lower(text);
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
        .filter(|w| !w.is_empty())
        .collect();
    let ends = |w: &str, suffixes: &[String]| {
        w.chars().count() >= 5
            && !d.tense_exceptions.iter().any(|x| x == w)
            && suffixes.iter().any(|s| w.ends_with(s.as_str()))
    };
    for w in &words {
        past |= d.past_words.iter().any(|p| p == w) || ends(w, &d.past_suffixes);
        future |= d.future_words.iter().any(|f| f == w) || ends(w, &d.future_suffixes);
    }
    match (past, future) {
        (true, false) => -1,
        (false, true) => 1,
        _ => 0,
    }
}

/// The words before a date end with a word that opens a span up to now ("depuis", "since").
fn since(before: &str, d: &DateRules) -> bool {
    let before = fold(before);
    let words: Vec<&str> = before
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    // "depuis le 9 janvier": an article may stand between.
    words
        .iter()
        .rev()
        .take(2)
        .any(|w| d.since_words.iter().any(|s| s == w))
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
    let f = date_key(s);
    let digits: String = f.chars().take_while(|c| c.is_ascii_digit()).collect();
    if !digits.is_empty() {
        return digits.parse().ok();
    }
    table.get(&f).copied()
}

fn month_of(s: &str, d: &DateRules) -> Option<u32> {
    let f = date_key(s);
    let f = f.trim_end_matches('.');
    f.parse::<u32>()
        .ok()
        .filter(|m| (1..=12).contains(m))
        .or_else(|| d.months.get(f).copied())
}

fn weekday_of(s: &str, d: &DateRules) -> Option<u32> {
    d.weekdays.get(date_key(s).trim_end_matches('.')).copied()
}

fn ordinal_of(s: &str, d: &DateRules) -> Option<i32> {
    let f = date_key(s);
    let digits: String = f.chars().take_while(|c| c.is_ascii_digit()).collect();
    if !digits.is_empty() {
        return digits.parse().ok();
    }
    d.ordinals.get(&f).copied()
}

fn weekday_num(w: Weekday) -> u32 {
    w.number_from_monday()
}

/// The year that puts month/day nearest the reference (within half a year).
fn nearest_year(reference: NaiveDate, m: u32, day: u32) -> i32 {
    let y = reference.year();
    let mut best = y;
    let mut best_gap = i64::MAX;
    // 29 February falls in a leap year: the nearest one of the three, when there is one.
    let exists = |cand: i32| day <= days_in_month(cand, m);
    let any = [y - 1, y, y + 1].into_iter().any(exists);
    for cand in [y - 1, y, y + 1] {
        if any && !exists(cand) {
            continue;
        }
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
        PatternKind::Period
        | PatternKind::NotDate
        | PatternKind::RangeLink
        | PatternKind::Offset => None,
        PatternKind::RelativeDay => {
            let key = date_key(g("rel")?);
            let off = d
                .relative_days
                .get(&key)
                .or_else(|| d.shift_days.get(&key))
                .copied()?;
            Some(relative_value(
                reference.map(|r| (r + Duration::days(off), r + Duration::days(off))),
                Granularity::Day,
                vec![],
            ))
        }
        PatternKind::RelativeWeekday => {
            let wtext = g("wd")?;
            let wd = weekday_of(wtext, d)?;
            let dir = g("dir").map(|s| direction(s, d));
            // "lundi en huit", "mardi en quinze": that weekday one or two weeks on.
            let plus = g("plus").map(|p| {
                let n = word_number(p, &d.number_words).unwrap_or(8);
                if n >= 15 {
                    14
                } else {
                    7
                }
            });
            // A bare short form ("sat", "mer", "jeu") is a word before it is a weekday.
            if dir.is_none()
                && plus.is_none()
                && g("this").is_none()
                && g("week").is_none()
                && wtext.chars().count() <= 4
            {
                return None;
            }
            let Some(r) = reference else {
                return Some(relative_value(None, Granularity::Day, vec![]));
            };
            // "mardi de la semaine prochaine": that weekday in the next (or last, or this) week.
            if let Some(w) = c.name("week") {
                let f = date_key(w.as_str());
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
            let (day, alts) = match (dir, plus) {
                (_, Some(p)) => (upcoming + Duration::days(p), vec![]),
                (Some(1), _) => (next, vec![]),
                (Some(-1), _) => (last, vec![]),
                _ => (upcoming, vec![(recent, recent)]),
            };
            let mut v = relative_value(Some((day, day)), Granularity::Day, alts);
            v.detail.weekday = Some(wd);
            Some(v)
        }
        PatternKind::RelativeUnit => {
            let unit = d.units.get(&date_key(g("unit").or(g("unit2"))?))?.as_str();
            let dir = match (g("dir").or(g("dir2")), g("this")) {
                (Some(s), _) => direction(s, d),
                // "la semaine qui suit".
                (None, _) if g("fwd").is_some() => 1,
                (None, Some(_)) => 0,
                // "le week-end": the coming one.
                (None, None) if unit == "weekend" && g("art").is_some() => 0,
                (None, None) => return None,
            };
            let Some(r) = reference else {
                return Some(relative_value(None, Granularity::Day, vec![]));
            };
            // "les 3 derniers jours", "the next two weeks": whole units before or after.
            if let Some(n) = g("n") {
                let n = word_number(n, &d.number_words)? as i64;
                let (lo, hi) = calendar::units_around(r, unit, n, dir)?;
                let gran = match unit {
                    "day" => Granularity::Day,
                    "week" => Granularity::Week,
                    "month" => Granularity::Month,
                    _ => Granularity::Year,
                };
                return Some(relative_value(Some((lo, hi)), gran, vec![]));
            }
            let (lo, hi, gran) = match unit {
                // A weekend is its Saturday and Sunday, compared at the week's grain: "ce
                // week-end" and "vendredi" of the same week are not at odds. "Next weekend" may
                // also be the coming one.
                "weekend" => {
                    let (sat, sun) = calendar::weekend(r, dir as i64);
                    let alts = if dir == 1 {
                        vec![calendar::weekend(r, 0)]
                    } else {
                        vec![]
                    };
                    return Some(relative_value(Some((sat, sun)), Granularity::Week, alts));
                }
                "week" => {
                    let monday = r - Duration::days(r.weekday().num_days_from_monday() as i64)
                        + Duration::weeks(dir as i64);
                    (monday, monday + Duration::days(6), Granularity::Week)
                }
                "month" => {
                    let (y, m) = calendar::shifted_month(r, dir);
                    let (lo, hi) = month_interval(y, m)?;
                    (lo, hi, Granularity::Month)
                }
                "quarter" | "half" => {
                    let months = if unit == "quarter" { 3 } else { 6 };
                    let n = (r.month0() / months) as i32 + dir;
                    let per_year = 12 / months as i32;
                    let y = r.year() + n.div_euclid(per_year);
                    let (lo, hi) =
                        calendar::nth_part_of_year(y, n.rem_euclid(per_year) + 1, months)?;
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
        PatternKind::RelativeCount => {
            let n = match g("n").or(g("n2")) {
                Some(n) => word_number(n, &d.number_words)? as i64,
                None => 1,
            };
            let unit_key = date_key(g("unit").or(g("unit2"))?);
            let unit = d
                .units
                .get(&unit_key)
                .or_else(|| d.unit_abbreviations.get(&unit_key))?
                .as_str();
            // "in 1.5 days": the day it falls on, counted in days.
            let frac: f64 = match g("frac") {
                Some(f) => format!("0{f}").parse().ok()?,
                None => 0.0,
            };
            let ago_word = g("ago").map(date_key);
            let sign = match (ago_word.as_deref(), g("in"), g("fwd"), g("back")) {
                (_, _, Some(_), _) => 1,
                (_, _, _, Some(_)) => -1,
                (Some("ago") | Some("il y a") | Some("before") | Some("earlier"), ..) => -1,
                (Some(w), ..) if w.starts_with("il") => -1,
                (Some(_), ..) | (None, Some(_), ..) => 1,
                (None, None, ..) => return None,
            };
            let deadline = ago_word
                .as_deref()
                .is_some_and(|w| w.starts_with("d'") || w.starts_with("d’"));
            let Some(r) = reference else {
                return Some(relative_value(None, Granularity::Day, vec![]));
            };
            let per_day = match unit {
                "day" => 1.0,
                "week" => 7.0,
                _ if frac > 0.0 => return None,
                _ => 0.0,
            };
            if frac > 0.0 {
                let days = (sign as f64 * (n as f64 + frac) * per_day).floor() as i64;
                let day = r + Duration::days(days);
                return Some(relative_value(Some((day, day)), Granularity::Day, vec![]));
            }
            let day = match unit {
                "day" => r + Duration::days(sign * n),
                "week" => r + Duration::weeks(sign * n),
                "month" | "quarter" | "half" | "year" => {
                    let per = match unit {
                        "month" => 1,
                        "quarter" => 3,
                        "half" => 6,
                        _ => 12,
                    };
                    let months = chrono::Months::new(u32::try_from(n * per).ok()?);
                    if sign > 0 {
                        r.checked_add_months(months)?
                    } else {
                        r.checked_sub_months(months)?
                    }
                }
                _ => return None,
            };
            let mut v = relative_value(Some((day, day)), Granularity::Day, vec![]);
            if deadline {
                v.role = "deadline";
            }
            Some(v)
        }
        PatternKind::Holiday => {
            let h = *d.holidays.get(&date_key(g("hol")?))?;
            let dt = match (g("y").and_then(|y| y.parse::<i32>().ok()), reference) {
                (Some(y), _) => calendar::holiday_in(h, y)?,
                // "last Thanksgiving", "next Easter", "this Thanksgiving".
                (None, Some(r)) if g("hdir").is_some() => {
                    let this = calendar::holiday_in(h, r.year())?;
                    match direction(g("hdir")?, d) {
                        1 if this <= r => calendar::holiday_in(h, r.year() + 1)?,
                        -1 if this >= r => calendar::holiday_in(h, r.year() - 1)?,
                        _ => this,
                    }
                }
                // Without a year, a holiday is its next occurrence, unless one passed within
                // the last month: news tells of the Christmas just past ("worked through
                // Christmas", in a January article).
                (None, Some(r)) => {
                    let at = |y: i32| calendar::holiday_in(h, y);
                    let past = [r.year(), r.year() - 1]
                        .into_iter()
                        .filter_map(at)
                        .find(|d| *d <= r);
                    match past {
                        Some(d) if (r - d).num_days() <= 31 => d,
                        _ => [r.year(), r.year() + 1]
                            .into_iter()
                            .filter_map(at)
                            .find(|d| *d >= r)?,
                    }
                }
                (None, None) => return None,
            };
            Some(interval(dt, dt, Granularity::Day))
        }
        PatternKind::Season => {
            let key = date_key(g("season")?);
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
            let m = month_of(g("m").or(g("m2")).or(g("m3"))?, d)?;
            let dir = g("dir").or(g("dir2")).map(|s| direction(s, d)).unwrap_or(0);
            // A day of it ("le 31 décembre dernier", "le 3 juillet prochain"): the nearest such
            // day before or after the reference.
            let day = match g("d") {
                Some(s) => Some(word_number(s, &d.day_words)?),
                None => None,
            };
            let Some(r) = reference else {
                return match day {
                    Some(day) if day >= 1 && day <= days_in_month(2000, m) => {
                        Some(yearless_days((m, day), (m, day)))
                    }
                    Some(_) => None,
                    None => Some(yearless_month(m)),
                };
            };
            if let Some(day) = day {
                let later = (m, day) > (r.month(), r.day());
                let y = match dir {
                    1 if later => r.year(),
                    1 => r.year() + 1,
                    -1 if later => r.year() - 1,
                    _ => r.year(),
                };
                let date = NaiveDate::from_ymd_opt(y, m, day)?;
                return Some(relative_value(Some((date, date)), Granularity::Day, vec![]));
            }
            let y = match dir {
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
                _ => r.year(),
            };
            let (lo, hi) = month_interval(y, m)?;
            Some(relative_value(Some((lo, hi)), Granularity::Month, vec![]))
        }
    }
}

/// The direction words of a relative month ("ce mois", "le mois prochain", "next month"):
/// months from the reference's.
fn month_shift(s: &str, d: &DateRules) -> i32 {
    let key = date_key(s);
    let words: Vec<&str> = key.split(' ').collect();
    for (i, _) in words.iter().enumerate() {
        for j in (i + 1..=words.len()).rev() {
            let w = words[i..j].join(" ");
            if d.next_words.contains(&w) {
                return 1;
            }
            if d.last_words.contains(&w) {
                return -1;
            }
        }
    }
    0
}

/// Period patterns: a day or span placed within a month, week or year, or shifted from a date.
fn period(
    c: &regex::Captures,
    d: &DateRules,
    reference: Option<NaiveDate>,
    year_reference: Option<NaiveDate>,
) -> Option<DateValue> {
    let g = |n: &str| c.name(n).map(|m| m.as_str());
    let year = |n: &str| g(n).and_then(|y| y.parse::<i32>().ok());
    if let Some(first) = g("bd").or(g("bd1")).or(g("bd3")) {
        if let Some(wd) = g("wd") {
            return weekday_day(first, weekday_of(wd, d)?, d, reference);
        }
        return bare_days(first, g("bd2"), d, reference);
    }
    let mut relative = false;
    // The month the text names: written ("juillet 2016"), year-less ("juillet"), or relative
    // ("ce mois", "le mois prochain").
    let month = if let Some(m) = g("m").and_then(|m| month_of(m, d)) {
        match year("y") {
            Some(y) => Some((y, m)),
            None => {
                let r = year_reference?;
                Some((nearest_year(r, m, 15), m))
            }
        }
    } else if let Some(rm) = g("rmon") {
        relative = true;
        Some(calendar::shifted_month(reference?, month_shift(rm, d)))
    } else {
        None
    };
    let ord = g("ord").and_then(|o| ordinal_of(o, d));
    let (lo, hi, gran) = if let Some(shift) = g("shift") {
        // "le lendemain du 13 février": that date, a day on.
        let off = *d.shift_days.get(&date_key(shift))?;
        let (y, m) = month?;
        let day = word_number(g("d")?, &d.day_words)?;
        let dt = NaiveDate::from_ymd_opt(y, m, day)? + Duration::days(off);
        (dt, dt, Granularity::Day)
    } else if let (Some(d1), Some(d2)) = (g("d1"), g("d2")) {
        // "du 4 au 22 de ce mois".
        let (y, m) = month?;
        let a = NaiveDate::from_ymd_opt(y, m, word_number(d1, &d.day_words)?)?;
        let b = NaiveDate::from_ymd_opt(y, m, word_number(d2, &d.day_words)?)?;
        if b < a {
            return None;
        }
        (a, b, Granularity::Day)
    } else if let (Some(day), None) = (g("d"), ord) {
        let (y, m) = month?;
        let dt = NaiveDate::from_ymd_opt(y, m, word_number(day, &d.day_words)?)?;
        (dt, dt, Granularity::Day)
    } else if let (Some(wd), Some(n)) = (g("wd"), ord) {
        // "premier vendredi de juillet".
        let (y, m) = month?;
        let dt = calendar::nth_weekday(y, m, n, weekday_of(wd, d)?)?;
        (dt, dt, Granularity::Day)
    } else if let (Some(_), Some(n)) = (g("dj"), ord) {
        // "le 3e jour d'octobre", "le dernier jour d'octobre 2015".
        let (y, m) = month?;
        let dt = calendar::nth_day(y, m, n)?;
        (dt, dt, Granularity::Day)
    } else if let (Some(_), Some(n)) = (g("wk"), ord) {
        // "la première semaine d'octobre 2014", "la troisième semaine de 2027".
        // "the third week next year": a year named from the reference.
        let named_year = year("y2").or_else(|| {
            let dir = g("ydir")?;
            relative = true;
            Some(reference?.year() + direction(dir, d))
        });
        let (a, b) = match (month, named_year) {
            (Some((y, m)), _) => month_interval(y, m)?,
            (None, Some(y)) => (
                NaiveDate::from_ymd_opt(y, 1, 1)?,
                NaiveDate::from_ymd_opt(y, 12, 31)?,
            ),
            _ => return None,
        };
        let (a, b) = if d.weeks_by_most_days {
            calendar::nth_week_by_most_days(a, b, n)?
        } else {
            calendar::nth_week(a, b, n)?
        };
        (a, b, Granularity::Week)
    } else if let (Some(_), Some(n)) = (g("qz"), ord) {
        // "la première quinzaine d'avril": days 1-14 or 15 to the end.
        let (y, m) = month?;
        let (a, b) = month_interval(y, m)?;
        match n {
            1 => (a, a + Duration::days(13), Granularity::Month),
            2 | -1 => (a + Duration::days(14), b, Granularity::Month),
            _ => return None,
        }
    } else if let (Some(q), Some(n)) = (g("qu"), ord) {
        // "le troisième trimestre 2016".
        let months = match d.periods.get(&date_key(q))?.as_str() {
            "quarter" => 3,
            "half" => 6,
            _ => return None,
        };
        // "the first quarter of next year"; with no year, the publication's.
        let y = match (year("y"), g("ydir")) {
            (Some(y), _) => y,
            (None, Some(dir)) => {
                relative = true;
                reference?.year() + direction(dir, d)
            }
            (None, None) => {
                relative = true;
                year_reference?.year()
            }
        };
        let (a, b) = calendar::nth_part_of_year(y, n, months)?;
        (a, b, Granularity::Month)
    } else if let Some(p) = g("part") {
        // "en fin de semaine", "à la fin du mois", "en début d'année prochaine": a part of the
        // week, month or year of the reference, or of the one before or after it.
        let part = date_key(p);
        let unit = d.units.get(&date_key(g("unit")?))?.as_str();
        let shift = g("dir").map(|s| direction(s, d)).unwrap_or(0);
        match unit {
            "week" => {
                let r = reference? + Duration::weeks(shift as i64);
                relative = true;
                let (a, b) = calendar::days_of_week(r, *d.week_parts.get(&part)?);
                (a, b, Granularity::Week)
            }
            "month" => {
                let (y, m) = calendar::shifted_month(reference?, shift);
                relative = true;
                let (a, b) = calendar::days_of_month(y, m, *d.month_parts.get(&part)?)?;
                (a, b, Granularity::Month)
            }
            "year" => {
                // "en fin d'année" is the publication's year, as a year-less month is.
                let y = if shift == 0 {
                    year_reference?.year()
                } else {
                    relative = true;
                    reference?.year() + shift
                };
                let months = d
                    .relative_year_parts
                    .get(&part)
                    .or_else(|| d.year_parts.get(&part))?;
                let (a, b) = calendar::months_of_year(y, *months)?;
                (a, b, Granularity::Year)
            }
            _ => return None,
        }
    } else {
        return None;
    };
    let mut v = interval(lo, hi, gran);
    v.detail.relative = relative;
    Some(v)
}

/// Days of the month with no month named ("le 23", "du 13 au 18"): the next time the month has
/// them, from the reference on; the last time is the other reading.
fn bare_days(
    first: &str,
    last: Option<&str>,
    d: &DateRules,
    reference: Option<NaiveDate>,
) -> Option<DateValue> {
    let a = word_number(first, &d.day_words)?;
    let b = match last {
        Some(l) => word_number(l, &d.day_words)?,
        None => a,
    };
    if !(1..=31).contains(&a) || b < a || b > 31 {
        return None;
    }
    let Some(r) = reference else {
        return Some(relative_value(None, Granularity::Day, vec![]));
    };
    // The months from the reference's on (dir 1) or back (dir -1) that have both days.
    let span_in = |shift: i32| {
        let (y, m) = calendar::shifted_month(r, shift);
        let lo = NaiveDate::from_ymd_opt(y, m, a)?;
        Some((lo, NaiveDate::from_ymd_opt(y, m, b)?))
    };
    let next = (0..4).filter_map(span_in).find(|(lo, _)| *lo >= r)?;
    let alts: Vec<(NaiveDate, NaiveDate)> = (-3..=0)
        .rev()
        .filter_map(span_in)
        .find(|(lo, _)| *lo < r)
        .into_iter()
        .collect();
    let mut v = relative_value(Some(next), Granularity::Day, alts);
    v.detail.relative = true;
    v.detail.year_written = false;
    Some(v)
}

/// A weekday and a day of the month ("jeudi 15"): the last month where that day was that
/// weekday if it is within a month, else the next one where it is.
fn weekday_day(
    day: &str,
    wd: u32,
    d: &DateRules,
    reference: Option<NaiveDate>,
) -> Option<DateValue> {
    let n = word_number(day, &d.day_words)?;
    if !(1..=31).contains(&n) {
        return None;
    }
    let Some(r) = reference else {
        return Some(relative_value(None, Granularity::Day, vec![]));
    };
    let fits = |shift: i32| {
        let (y, m) = calendar::shifted_month(r, shift);
        NaiveDate::from_ymd_opt(y, m, n).filter(|dt| weekday_num(dt.weekday()) == wd)
    };
    let last = (-14..=0).rev().filter_map(fits).find(|dt| *dt < r);
    let next = (0..=14).filter_map(fits).find(|dt| *dt >= r);
    let (day, other) = match (last, next) {
        (Some(l), Some(nx)) if (r - l).num_days() <= 31 => (l, Some(nx)),
        (Some(l), Some(nx)) => (nx, Some(l)),
        (Some(l), None) => (l, None),
        (None, Some(nx)) => (nx, None),
        (None, None) => return None,
    };
    let alts = other.map(|o| (o, o)).into_iter().collect();
    let mut v = relative_value(Some((day, day)), Granularity::Day, alts);
    v.detail.relative = true;
    v.detail.year_written = false;
    v.detail.weekday = Some(wd);
    Some(v)
}

fn direction(s: &str, d: &DateRules) -> i32 {
    let f = date_key(s);
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
    let weekday = g("wd").and_then(|w| weekday_of(w, d));
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
            (None, None) => return Some(yearless_days((m1, d1), (m2, d2))),
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
    // A decade ("les années 1990", "les années 70", "the '80s", "the nineties") is a ten-year
    // interval; two digits are a decade of the twentieth century.
    let decade = g("decade")
        .and_then(|s| s.parse::<i32>().ok())
        .or_else(|| {
            g("dec2")
                .and_then(|s| s.parse::<i32>().ok())
                .map(|n| 1900 + n)
        })
        .or_else(|| g("decw").and_then(|s| d.decades.get(&date_key(s)).copied()));
    if let Some(dec) = decade {
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
    // Two months as the ends of a stated span ("de mai à juillet", "from May to Oct 2020"): a
    // year written at one end holds for the other, a later first month is in the year before.
    if let (Some(m1), Some(m2)) = (
        g("m1").and_then(|s| month_of(s, d)),
        g("m2").and_then(|s| month_of(s, d)),
    ) {
        let wraps = m2 < m1;
        let (y1, y2) = match (year("y1"), year("y2")) {
            (Some(a), Some(b)) => (a, b),
            (None, Some(b)) => (if wraps { b - 1 } else { b }, b),
            (Some(a), None) => (a, if wraps { a + 1 } else { a }),
            (None, None) => {
                // The span nearest the reference as a whole ("entre janvier et juin" in July
                // is this year's first half, not next year's).
                let r = reference?;
                let distance = |a: i32| -> Option<i64> {
                    let lo = month_interval(a, m1)?.0;
                    let hi = month_interval(if wraps { a + 1 } else { a }, m2)?.1;
                    Some(if r < lo {
                        (lo - r).num_days()
                    } else if r > hi {
                        (r - hi).num_days()
                    } else {
                        0
                    })
                };
                let a = [r.year() - 1, r.year(), r.year() + 1]
                    .into_iter()
                    .filter_map(|a| distance(a).map(|d| (d, a)))
                    .min()?
                    .1;
                (a, if wraps { a + 1 } else { a })
            }
        };
        let (lo, hi) = (month_interval(y1, m1)?.0, month_interval(y2, m2)?.1);
        if hi <= lo || y2 - y1 > 100 {
            return None;
        }
        let mut v = interval(lo, hi, Granularity::Month);
        v.detail.stated_span = true;
        return Some(v);
    }
    // Two years as the ends of a stated span ("de 2010 à 2018", "2019-2021", "from March 2010 to
    // 2018"); a later first year is not a span.
    if let (Some(y1), Some(y2)) = (year("y1"), year("y2")) {
        let (m1, m2) = (
            g("m1").and_then(|s| month_of(s, d)),
            g("m2").and_then(|s| month_of(s, d)),
        );
        let lo = NaiveDate::from_ymd_opt(y1, m1.unwrap_or(1), 1)?;
        let hi = match m2 {
            Some(m) => month_interval(y2, m)?.1,
            None => NaiveDate::from_ymd_opt(y2, 12, 31)?,
        };
        if hi <= lo || y2 - y1 > 100 || (y2 == y1 && m1.is_none() && m2.is_none()) {
            return None;
        }
        let g = if m1.is_some() {
            Granularity::Month
        } else {
            Granularity::Year
        };
        let mut v = interval(lo, hi, g);
        v.detail.stated_span = true;
        return Some(v);
    }
    // "2010-11" naming the months of a fiscal year or a season, a year and the next one's last
    // digits, is no month.
    if let (Some(mm), Some(yr), None) = (g("mn").and(month), y, day) {
        if mm as i32 == (yr + 1) % 100 {
            return None;
        }
    }
    // A part of a month or year ("fin mars", "late 2024"): its days or months in the rule tables.
    let part = g("part").or(g("part2")).map(date_key);
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
                None => {
                    let mut v = yearless_days((mm, dd), (mm, dd));
                    v.detail.weekday = weekday;
                    v.detail.ambiguous = ambiguous;
                    Some(v)
                }
            }
        }
        (None, Some(mm), Some(year)) => {
            let (lo, hi) = match &part {
                Some(p) => calendar::days_of_month(year, mm, *d.month_parts.get(p)?)?,
                None => month_interval(year, mm)?,
            };
            Some(interval(lo, hi, Granularity::Month))
        }
        // A month without a year ("en mars"): the one nearest the publication date.
        (None, Some(mm), None) => match reference {
            Some(r) => {
                let year = nearest_year(r, mm, 15);
                let (lo, hi) = match &part {
                    Some(p) => calendar::days_of_month(year, mm, *d.month_parts.get(p)?)?,
                    None => month_interval(year, mm)?,
                };
                let mut v = interval(lo, hi, Granularity::Month);
                v.detail.year_written = (lo - r).num_days().abs() <= 183;
                Some(v)
            }
            None => Some(yearless_month(mm)),
        },
        // A part of a year ("fin 2025") is compared at the year's grain: "début 2025" says too
        // little to contradict "mars 2025".
        (None, None, Some(year)) => {
            let (lo, hi) = match &part {
                Some(p) => calendar::months_of_year(year, *d.year_parts.get(p)?)?,
                None => (
                    NaiveDate::from_ymd_opt(year, 1, 1)?,
                    NaiveDate::from_ymd_opt(year, 12, 31)?,
                ),
            };
            Some(interval(lo, hi, Granularity::Year))
        }
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
    fn a_holiday_without_year_is_the_next_unless_one_just_passed() {
        let at = |reference: &str| {
            dates("The crews worked through Christmas.", "en", reference)[0]
                .1
                .clone()
        };
        assert_eq!(at("2026-01-05").as_deref(), Some("2025-12-25"));
        assert_eq!(at("2026-02-12").as_deref(), Some("2026-12-25"));
        assert_eq!(at("2026-12-20").as_deref(), Some("2026-12-25"));
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

    #[test]
    fn a_day_of_last_or_next_month_name_is_the_nearest_such_day() {
        let d = dates(
            "La convention est échue depuis le 31 décembre dernier ; le 5 mars dernier, \
             rien n'avait bougé, et le vote aura lieu le 3 mars prochain.",
            "fr",
            "2026-03-05",
        );
        let got: Vec<(&str, Option<&str>)> =
            d.iter().map(|x| (x.0.as_str(), x.1.as_deref())).collect();
        assert_eq!(
            got,
            vec![
                ("le 31 décembre dernier", Some("2025-12-31")),
                ("le 5 mars dernier", Some("2026-03-05")),
                ("le 3 mars prochain", Some("2027-03-03")),
            ]
        );
        // A range keeps its first day.
        let d = dates(
            "Le procès s'est tenu du 3 au 14 novembre dernier.",
            "fr",
            "2026-03-05",
        );
        assert_eq!(
            (d[0].0.as_str(), d[0].1.as_deref(), d[0].2.as_deref()),
            (
                "du 3 au 14 novembre dernier",
                Some("2025-11-03"),
                Some("2025-11-14")
            )
        );
        let d = dates("Le 31 décembre dernier, la convention a expiré.", "fr", "");
        assert_eq!(d[0].1.as_deref(), Some("XXXX-12-31"));
    }

    #[test]
    fn a_half_needs_its_year_a_quarter_does_not() {
        // "the first half" of a match is no period of the year.
        let d = spans("Mulgrew scored in the first half.", "en", "2026-05-31");
        assert!(d.is_empty(), "{d:?}");
        let d = spans("Profit fell in the first half of 2025.", "en", "2026-05-31");
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(d[0].1, "2025-01-01");
        let d = spans("Sales rose in the third quarter.", "en", "2026-11-02");
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(d[0].1, "2026-07-01");
    }

    #[test]
    fn a_weekday_with_a_time_or_a_day_in_words() {
        // "11:00" is a time, not the 11th.
        let d = spans("Rendez-vous mardi 11:00 au siège.", "fr", "2016-11-07");
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(d[0].0, "mardi");
        let d = spans("La paie tombe le vingt-cinq mardi.", "fr", "2016-11-07");
        assert_eq!(d[0].1, "2016-10-25");
    }

    #[test]
    fn a_weekday_of_a_named_week_or_with_its_day() {
        // 2016-11-07 is a Monday.
        let d = spans("We meet next week on Friday.", "en", "2016-11-07");
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(d[0].1, "2016-11-18");
        let d = spans("He left last week Sunday.", "en", "2016-11-07");
        assert_eq!(d[0].1, "2016-11-06");
        let d = spans("It opens on Friday the 25th.", "en", "2016-11-07");
        assert_eq!(
            (d[0].0.as_str(), d[0].1.as_str()),
            ("Friday the 25th", "2016-11-25")
        );
        // An ordinal word after "the" is no day: "Friday the first round".
        let d = spans("On Friday the first round ends.", "en", "2016-11-07");
        assert!(
            d.iter().all(|x| x.1 != "2016-11-01" && x.1 != "2016-12-01"),
            "{d:?}"
        );
    }

    #[test]
    fn counts_with_decimals_or_a_glued_unit() {
        let day = |t: &str| dates(t, "en", "2014-09-01")[0].1.clone();
        assert_eq!(day("Posted 1d ago").as_deref(), Some("2014-08-31"));
        assert_eq!(day("It opens in 2w").as_deref(), Some("2014-09-15"));
        assert_eq!(day("It lands in 1.5 days").as_deref(), Some("2014-09-02"));
        assert_eq!(day("It left 1.5 days ago").as_deref(), Some("2014-08-30"));
        // A fraction of a month has no day.
        assert!(dates("in 1.5 months", "en", "2014-09-01").is_empty());
    }

    /// (text, from, to) of each date of a sentence.
    #[test]
    fn counts_of_units_move_the_date_after_them() {
        let s = |t: &str| spans(t, "en", "2016-11-07");
        let one = |a: &str, f: &str, to: &str| vec![(a.to_string(), f.to_string(), to.to_string())];
        assert_eq!(
            s("It happened 3 days after January 12th."),
            one("3 days after January 12th", "2017-01-15", "2017-01-15")
        );
        assert_eq!(
            s("It happened 2 weeks before May 13 1999."),
            one("2 weeks before May 13 1999", "1999-04-29", "1999-04-29")
        );
        assert_eq!(
            s("It will happen 4 months from tomorrow."),
            one("4 months from tomorrow", "2017-03-08", "2017-03-08")
        );
    }

    #[test]
    fn a_weekday_alone_follows_the_tense_of_its_sentence() {
        let day = |t: &str, lang: &str| spans(t, lang, "2026-03-04")[0].1.clone();
        assert_eq!(day("The dam collapsed on Tuesday.", "en"), "2026-03-03");
        assert_eq!(
            day("The museum will reopen on Tuesday.", "en"),
            "2026-03-10"
        );
        assert_eq!(day("On Tuesday the museum reopens.", "en"), "2026-03-10");
        assert_eq!(day("La digue a cédé mardi.", "fr"), "2026-03-03");
        assert_eq!(day("Le musée rouvrira mardi.", "fr"), "2026-03-10");
    }

    #[test]
    fn weekdays_with_bare_days_years_before_months_and_fiscal_years() {
        let s = |t: &str| spans(t, "en", "2019-01-15");
        assert_eq!(
            s("Do you have any arrangement on Monday 21!"),
            vec![(
                "Monday 21".to_string(),
                "2019-01-21".to_string(),
                "2019-01-21".to_string()
            )]
        );
        assert_eq!(
            s("I went back to China in 2017 april."),
            vec![(
                "2017 april.".to_string(),
                "2017-04-01".to_string(),
                "2017-04-30".to_string()
            )]
        );
        // A count after a weekday, a name after a year, a fiscal year: no day, no month.
        assert!(s("On Friday 13 people were hurt.")
            .iter()
            .all(|(t, _, _)| t == "On Friday"));
        assert!(s("In 2016, May announced her plan.")
            .iter()
            .all(|(t, _, _)| t == "2016"));
        assert!(s("The 2011-12 budget was cut.").is_empty());
        assert_eq!(
            s("The first week of 2015 was cold."),
            vec![(
                "The first week of 2015".to_string(),
                "2014-12-29".to_string(),
                "2015-01-04".to_string()
            )]
        );
    }

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
            p("2025-07-01", "2025-07-15")
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
            p("2025-06-21", "2025-09-23")
        );
        assert_eq!(
            one("This winter, prices soared.", "en"),
            p("2024-12-21", "2025-03-20")
        );
        assert_eq!(
            one("Last summer, fires ravaged the region.", "en"),
            p("2024-06-21", "2024-09-23")
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
        // A bound between the marker and the date ("until at least", "jusqu'au moins").
        let d = dates(
            "It ditched on Thursday 16 April; flights are suspended until at least Monday 27 April.",
            "en",
            "2026-04-16",
        );
        assert_eq!((d[0].3, d[1].3), ("event", "deadline"));
    }

    #[test]
    fn periods_parts_and_moving_holidays() {
        let r = "2016-11-07";
        let one = |t: &str| {
            let d = dates(t, "fr", r);
            assert_eq!(d.len(), 1, "{t}: {d:?}");
            (d[0].1.clone().unwrap(), d[0].2.clone().unwrap())
        };
        let day = |s: &str| (s.to_string(), s.to_string());
        let span = |a: &str, b: &str| (a.to_string(), b.to_string());
        assert_eq!(
            one("le troisième trimestre 2016"),
            span("2016-07-01", "2016-09-30")
        );
        assert_eq!(
            one("la troisième semaine de 2027"),
            span("2027-01-18", "2027-01-24")
        );
        assert_eq!(one("premier vendredi de juillet"), day("2016-07-01"));
        assert_eq!(one("le lendemain du 13 février 2013"), day("2013-02-14"));
        assert_eq!(
            one("les années soixante-dix"),
            span("1970-01-01", "1979-12-31")
        );
        assert_eq!(
            one("En juillet 98, la France gagne."),
            span("1998-07-01", "1998-07-31")
        );
        assert_eq!(one("fête des mères 2016"), day("2016-05-29"));
        assert_eq!(one("lundi de Pâques 2019"), day("2019-04-22"));
        assert_eq!(one("ce week-end"), span("2016-11-12", "2016-11-13"));
        assert_eq!(one("Octobre 14, 8:00am"), day("2016-10-14"));
        assert_eq!(one("novembre 19-20"), span("2016-11-19", "2016-11-20"));
        assert_eq!(one("de 2010 à 2018"), span("2010-01-01", "2018-12-31"));
        assert_eq!(one("18 08 1978"), day("1978-08-18"));
    }

    #[test]
    fn english_periods_and_moving_holidays() {
        let one = |t: &str, r: &str| {
            let d = dates(t, "en", r);
            assert_eq!(d.len(), 1, "{t}: {d:?}");
            (d[0].1.clone().unwrap(), d[0].2.clone().unwrap())
        };
        let span = |a: &str, b: &str| (a.to_string(), b.to_string());
        assert_eq!(
            one("a cut in the first quarter of next year", "2025-11-20"),
            span("2026-01-01", "2026-03-31")
        );
        assert_eq!(
            one("Thanksgiving 2015", "2016-11-07"),
            span("2015-11-26", "2015-11-26")
        );
        assert_eq!(
            one("last Thanksgiving", "2013-02-12"),
            span("2012-11-22", "2012-11-22")
        );
        assert_eq!(
            one("the last week of september 2014", "2013-02-12"),
            span("2014-09-22", "2014-09-28")
        );
        assert_eq!(
            one("in the seventies", "2013-02-12"),
            span("1970-01-01", "1979-12-31")
        );
        assert_eq!(
            one("2016 Q3", "2013-02-12"),
            span("2016-07-01", "2016-09-30")
        );
    }

    #[test]
    fn counts_and_anaphora_are_not_dates() {
        let d = dates("En mars 15 personnes ont été blessées.", "fr", "2016-11-07");
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].0, "En mars");
        for t in [
            "Au lendemain de la guerre, tout change.",
            "Un amour sans lendemain.",
            "Ce jour-là, il pleuvait.",
            "La veille sanitaire est renforcée.",
            "Les années 40 % des cas.",
            "Il y a 18 08 1978 000 cas.",
        ] {
            assert!(dates(t, "fr", "2016-11-07").is_empty(), "{t}");
        }
    }

    #[test]
    fn linked_dates_make_one_span_and_keep_their_bounds() {
        let d = dates(
            "La guerre dura du 1 septembre 1939 au 2 septembre 1945.",
            "fr",
            "2016-11-07",
        );
        let got: Vec<(&str, &str, &str)> = d
            .iter()
            .map(|(_, f, t, r)| (f.as_deref().unwrap(), t.as_deref().unwrap(), *r))
            .collect();
        assert_eq!(
            got,
            vec![
                ("1939-09-01", "1945-09-02", "event"),
                ("1939-09-01", "1939-09-01", "bound"),
                ("1945-09-02", "1945-09-02", "bound"),
            ]
        );
        // The written year holds for the end that leaves it out.
        let first = |text: &str, lang: &str, reference: &str| {
            let d = dates(text, lang, reference);
            (d[0].1.clone(), d[0].2.clone())
        };
        let span = |a: &str, b: &str| (Some(a.to_string()), Some(b.to_string()));
        assert_eq!(
            first("He was away from 5/1-5/7/2020.", "en", "2019-03-01"),
            span("2020-05-01", "2020-05-07")
        );
        assert_eq!(
            first(
                "Between Jan 2019 and today, prices fell.",
                "en",
                "2020-04-26"
            ),
            span("2019-01-01", "2020-04-26")
        );
        // A weekday alone after a day is the first such weekday after it.
        assert_eq!(
            first(
                "Le vol a eu lieu dans la nuit de dimanche 2 novembre à lundi.",
                "fr",
                "2025-11-05"
            ),
            span("2025-11-02", "2025-11-03")
        );
        assert!(spans("Des chambres rénovées.", "fr", "2025-11-05").is_empty());
        // "to" needs "from": two dates that are not one span.
        let d = dates("It moved March 3 to March 10.", "en", "2020-04-26");
        assert!(d.iter().all(|x| x.3 != "bound"), "{d:?}");
    }

    #[test]
    fn a_year_written_in_the_sentence_holds_for_the_dates_after_it() {
        let d = spans(
            "It opened July 13th 2014 and closed July 14th.",
            "en",
            "2020-03-01",
        );
        assert_eq!(d[1].1, "2014-07-14");
        // The decimals of a number are no count of days: "1.5 days later" is read whole, not
        // as "5 days later"; a comma decimal is no count at all.
        let d = spans("It lasted 1.5 days later.", "en", "2020-03-01");
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(
            (d[0].0.as_str(), d[0].1.as_str()),
            ("1.5 days later", "2020-03-02")
        );
        assert!(spans("Il a duré 2,5 jours plus tard.", "fr", "2020-03-01").is_empty());
    }

    #[test]
    fn days_alone_and_figures_with_spaces() {
        let d = spans("Il reviendra le 23.", "fr", "2019-12-10");
        assert_eq!(d[0].1, "2019-12-23");
        let d = spans("Il reviendra le 3.", "fr", "2019-12-10");
        assert_eq!(d[0].1, "2020-01-03");
        let d = spans("Le salon se tient du 13 au 18.", "fr", "2013-02-12");
        assert_eq!(
            (d[0].1.as_str(), d[0].2.as_str()),
            ("2013-02-13", "2013-02-18")
        );
        let d = spans("Il est né le 20 02 14 à Lyon.", "fr", "2016-11-07");
        assert_eq!(d[0].1, "2014-02-20");
        // Tuesday 12 February 2013: the last Thursday 15th is too far back, the next is in August.
        let d = spans("Il viendra jeudi 15 à Paris.", "fr", "2013-02-12");
        assert_eq!(d[0].1, "2013-08-15");
        let d = spans("Il est venu jeudi 14, à Paris.", "fr", "2013-02-20");
        assert_eq!(d[0].1, "2013-02-14");
        let d = spans(
            "Le verdict est attendu dans la semaine.",
            "fr",
            "2013-02-12",
        );
        assert_eq!(
            (d[0].1.as_str(), d[0].2.as_str()),
            ("2013-02-11", "2013-02-17")
        );
        let d = spans("Il viendra jeudi 15 heures.", "fr", "2013-02-12");
        assert_eq!(d[0].0, "jeudi");
        for t in [
            "Il porte le 15 de France.",
            "Les enfants du 13 au 18 ans.",
            "Appelez le 01 02 03 04 05.",
            "Le score était de 3 1.",
            "Trois ans après la guerre, tout change.",
            "La planète Mars est rouge.",
        ] {
            assert!(spans(t, "fr", "2016-11-07").is_empty(), "{t}");
        }
    }

    #[test]
    fn a_year_less_date_without_publication_date_keeps_xxxx() {
        let d = dates("Le 1er juillet, la session reprendra.", "fr", "");
        assert_eq!(d[0].1.as_deref(), Some("XXXX-07-01"));
    }
}
