//! Date rules compiled: placeholders in the patterns (%MONTH, %DAY, %WEEKDAY...) expanded from
//! the language's word lists, each pattern compiled once, case-insensitively.
use std::collections::{BTreeMap, BTreeSet};

use rustc_hash::FxHashMap as HashMap;

use regex::Regex;

use super::{DatesSpec, RuleError, RuleFile, RuleSource};
use crate::text::{fold, lower};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PatternKind {
    Absolute,
    RelativeDay,
    RelativeWeekday,
    RelativeUnit,
    RelativeCount,
    RelativeMonth,
    Holiday,
    /// Calendar periods and days within them: the nth weekday, week or quarter, parts of a
    /// month ("fin mars"), weekends, days shifted from a date ("le lendemain du 13 février").
    Period,
    /// A span that looks like a date but is not one ("sans lendemain"): it yields nothing and
    /// keeps shorter patterns off its words.
    NotDate,
}

/// When a holiday falls in a given year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Holiday {
    /// Month and day.
    Fixed(u32, u32),
    /// Month, nth weekday of it (-1: the last), weekday (1 = Monday).
    NthWeekday(u32, i32, u32),
    /// Days after Easter Sunday (negative: before).
    Easter(i64),
}

impl Holiday {
    /// "12-25", "11/4/4" (fourth Thursday of November), "05/-1/7" (last Sunday of May),
    /// "easter+1".
    fn parse(s: &str) -> Option<Holiday> {
        if let Some(off) = s.strip_prefix("easter") {
            return Some(Holiday::Easter(if off.is_empty() {
                0
            } else {
                off.trim_start_matches('+').parse().ok()?
            }));
        }
        if !s.contains('/') {
            let (m, d) = s.split_once('-')?;
            return Some(Holiday::Fixed(m.parse().ok()?, d.parse().ok()?));
        }
        let mut it = s.split('/');
        let (m, n, w) = (it.next()?, it.next()?, it.next()?);
        Some(Holiday::NthWeekday(
            m.parse().ok()?,
            n.parse().ok()?,
            w.parse().ok()?,
        ))
    }
}

/// How date words are looked up: folded, hyphens as spaces, one space between words
/// ("Vingt-et-un", "vingt et un"; "avant-hier", "avant hier").
pub fn date_key(s: &str) -> String {
    fold(s.trim())
        .replace('-', " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

impl PatternKind {
    fn parse(s: &str) -> Option<PatternKind> {
        Some(match s {
            "absolute" => PatternKind::Absolute,
            "relative_day" => PatternKind::RelativeDay,
            "relative_weekday" => PatternKind::RelativeWeekday,
            "relative_unit" => PatternKind::RelativeUnit,
            "relative_count" => PatternKind::RelativeCount,
            "relative_month" => PatternKind::RelativeMonth,
            "holiday" => PatternKind::Holiday,
            "period" => PatternKind::Period,
            "not_date" => PatternKind::NotDate,
            _ => return None,
        })
    }
}

#[derive(Debug)]
pub struct DatePattern {
    pub kind: PatternKind,
    pub regex: Regex,
    pub example: String,
}

#[derive(Debug, Default)]
pub struct DateRules {
    /// Folded word → value.
    pub months: HashMap<String, u32>,
    pub weekdays: HashMap<String, u32>,
    pub day_words: HashMap<String, u32>,
    pub number_words: HashMap<String, u32>,
    pub units: HashMap<String, String>,
    pub next_words: Vec<String>,
    pub last_words: Vec<String>,
    pub this_words: Vec<String>,
    pub relative_days: HashMap<String, i64>,
    /// Holiday name (date_key) → when it falls.
    pub holidays: HashMap<String, Holiday>,
    pub ordinals: HashMap<String, i32>,
    pub decades: HashMap<String, i32>,
    pub shift_days: HashMap<String, i64>,
    /// Part word (date_key) → "start", "mid" or "end".
    pub parts: HashMap<String, String>,
    pub deadline_markers: Vec<String>,
    /// Words that may stand between a deadline marker and its date ("la fin de").
    pub deadline_bridges: Vec<String>,
    /// Articles before a date that modifies the noun after it ("the Oct. 28 by-election").
    pub attributive_articles: Vec<String>,
    /// Folded event noun → its class (the first noun of its line).
    pub event_class: HashMap<String, String>,
    pub event_regex: Option<Regex>,
    /// Folded phase word → its group.
    pub phases: Vec<(String, usize)>,
    pub min_shared_words: usize,
    pub min_overlap: f64,
    pub short_min_shared_words: usize,
    pub short_min_overlap: f64,
    pub max_gap_days: i64,
    pub same_kind_min_shared_words: usize,
    pub patterns: Vec<DatePattern>,
    /// Any digit or date word, without word boundaries, so that the fast engine runs it: a
    /// sentence it does not match has no date, and the patterns are not run on it.
    pub trigger: Option<Regex>,
    /// All patterns at once: which of them match a sentence at all, in one pass.
    pub set: Option<regex::RegexSet>,
}

/// Every spelling of the words, as written and folded, longest first, as one alternation.
fn alternation<'a>(words: impl Iterator<Item = &'a String>) -> String {
    let mut set: BTreeSet<String> = BTreeSet::new();
    for w in words {
        set.insert(lower(w));
        set.insert(fold(w));
    }
    // A hyphen or a space between the words of a date word, either way ("vingt-et-un").
    let set: BTreeSet<String> = set.into_iter().map(|w| w.replace('-', " ")).collect();
    let mut v: Vec<String> = set.into_iter().filter(|w| !w.is_empty()).collect();
    v.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    format!(
        "(?:{})",
        v.iter()
            .map(|w| crate::text::loose_literal(w).replace(r"\s+", r"[\s\-]+"))
            .collect::<Vec<_>>()
            .join("|")
    )
}

pub fn compile(
    files: &[&(&RuleSource, RuleFile)],
    months: &BTreeMap<String, u32>,
) -> Result<DateRules, RuleError> {
    let mut spec = DatesSpec::default();
    let mut patterns: Vec<(&RuleSource, super::DatePatternSpec)> = Vec::new();
    for (src, f) in files {
        let Some(d) = &f.dates else { continue };
        spec.weekdays.extend(d.weekdays.clone());
        spec.day_words.extend(d.day_words.clone());
        spec.number_words.extend(d.number_words.clone());
        spec.units.extend(d.units.clone());
        spec.next_words.extend(d.next_words.clone());
        spec.last_words.extend(d.last_words.clone());
        spec.this_words.extend(d.this_words.clone());
        spec.relative_days.extend(d.relative_days.clone());
        spec.holidays.extend(d.holidays.clone());
        spec.ordinals.extend(d.ordinals.clone());
        spec.decades.extend(d.decades.clone());
        spec.shift_days.extend(d.shift_days.clone());
        spec.parts.extend(d.parts.clone());
        spec.deadline_markers.extend(d.deadline_markers.clone());
        spec.deadline_bridges.extend(d.deadline_bridges.clone());
        spec.attributive_articles
            .extend(d.attributive_articles.clone());
        spec.event_aliases.extend(d.event_aliases.clone());
        spec.phases.extend(d.phases.clone());
        spec.min_shared_words = d.min_shared_words.or(spec.min_shared_words);
        spec.min_overlap = d.min_overlap.or(spec.min_overlap);
        spec.short_min_shared_words = d.short_min_shared_words.or(spec.short_min_shared_words);
        spec.short_min_overlap = d.short_min_overlap.or(spec.short_min_overlap);
        spec.max_gap_days = d.max_gap_days.or(spec.max_gap_days);
        spec.same_kind_min_shared_words = d
            .same_kind_min_shared_words
            .or(spec.same_kind_min_shared_words);
        patterns.extend(d.pattern.iter().cloned().map(|p| (*src, p)));
    }
    fn keyed<V: Clone>(m: &BTreeMap<String, V>) -> HashMap<String, V> {
        m.iter().map(|(k, v)| (date_key(k), v.clone())).collect()
    }
    let folded_map = keyed::<u32>;
    let mut out = DateRules {
        months: folded_map(months),
        weekdays: folded_map(&spec.weekdays),
        day_words: folded_map(&spec.day_words),
        number_words: folded_map(&spec.number_words),
        units: keyed(&spec.units),
        next_words: spec.next_words.iter().map(|w| date_key(w)).collect(),
        last_words: spec.last_words.iter().map(|w| date_key(w)).collect(),
        this_words: spec.this_words.iter().map(|w| date_key(w)).collect(),
        relative_days: keyed(&spec.relative_days),
        holidays: spec
            .holidays
            .iter()
            .filter_map(|(k, v)| Some((date_key(k), Holiday::parse(v)?)))
            .collect(),
        ordinals: keyed(&spec.ordinals),
        decades: keyed(&spec.decades),
        shift_days: keyed(&spec.shift_days),
        parts: keyed(&spec.parts),
        deadline_markers: spec.deadline_markers.iter().map(|w| fold(w)).collect(),
        deadline_bridges: spec.deadline_bridges.iter().map(|w| fold(w)).collect(),
        attributive_articles: spec.attributive_articles.iter().map(|w| fold(w)).collect(),
        min_shared_words: spec.min_shared_words.unwrap_or(usize::MAX),
        min_overlap: spec.min_overlap.unwrap_or(1.0),
        short_min_shared_words: spec.short_min_shared_words.unwrap_or(usize::MAX),
        short_min_overlap: spec.short_min_overlap.unwrap_or(1.0),
        max_gap_days: spec.max_gap_days.unwrap_or(i64::MAX),
        same_kind_min_shared_words: spec.same_kind_min_shared_words.unwrap_or(usize::MAX),
        ..Default::default()
    };
    for (i, group) in spec.phases.iter().enumerate() {
        out.phases.extend(group.iter().map(|w| (fold(w), i)));
    }
    let mut all_events = Vec::new();
    for line in &spec.event_aliases {
        let Some(first) = line.first() else { continue };
        for w in line {
            out.event_class.insert(fold(w), fold(first));
            all_events.push(w.clone());
        }
    }
    if !all_events.is_empty() {
        // Run on folded text, where every event noun is ASCII: ASCII boundaries keep it fast.
        let folded: Vec<String> = all_events.iter().map(|w| fold(w)).collect();
        out.event_regex = Regex::new(&format!(
            r"(?-u:\b){}(?:s|x)?(?-u:\b)",
            alternation(folded.iter())
        ))
        .ok();
    }
    let trigger_words: Vec<&String> = months
        .keys()
        .chain(spec.weekdays.keys())
        .chain(spec.relative_days.keys())
        .chain(spec.next_words.iter())
        .chain(spec.last_words.iter())
        .chain(spec.units.keys())
        .chain(spec.day_words.keys())
        .chain(spec.holidays.keys())
        .chain(spec.ordinals.keys())
        .chain(spec.decades.keys())
        .chain(spec.shift_days.keys())
        .collect();
    if !trigger_words.is_empty() {
        // Short words ("an", "mai") only as whole words, so the trigger stays selective.
        let (short, long): (Vec<&String>, Vec<&String>) = trigger_words
            .into_iter()
            .partition(|w| w.chars().count() <= 4);
        out.trigger = Regex::new(&format!(
            r"(?i)[0-9]|{}|(?-u:\b){}(?-u:\b)",
            alternation(long.into_iter()),
            alternation(short.into_iter())
        ))
        .ok();
    }
    let day = format!(
        r"(?:[0-3]?\d(?:er|re|e|ème|eme|st|nd|rd|th)?|{})",
        alternation(spec.day_words.keys())
    );
    let place = |s: &str| -> String {
        s.replace("%MONTH", &format!(r"{}\.?", alternation(months.keys())))
            .replace("%WEEKDAY", &alternation(spec.weekdays.keys()))
            .replace("%DAY", &day)
            .replace("%YEAR", r"(?:1[89]\d\d|2[01]\d\d)")
            .replace(
                "%NUM",
                &format!(r"(?:\d{{1,3}}|{})", alternation(spec.number_words.keys())),
            )
            .replace("%UNIT", &alternation(spec.units.keys()))
            .replace("%NEXT", &alternation(spec.next_words.iter()))
            .replace("%LAST", &alternation(spec.last_words.iter()))
            .replace("%THIS", &alternation(spec.this_words.iter()))
            .replace("%RELDAY", &alternation(spec.relative_days.keys()))
            .replace("%HOLIDAY", &alternation(spec.holidays.keys()))
            .replace(
                "%ORD",
                &format!(
                    r"(?:\d{{1,2}}(?:er|re|e|ème|eme|st|nd|rd|th)|{})",
                    alternation(spec.ordinals.keys())
                ),
            )
            .replace("%DECADE", &alternation(spec.decades.keys()))
            .replace("%SHIFT", &alternation(spec.shift_days.keys()))
            .replace("%PART", &alternation(spec.parts.keys()))
    };
    for (src, p) in patterns {
        let kind = PatternKind::parse(p.kind.get_ref()).ok_or_else(|| {
            RuleError::at(&src.origin, &src.text, Some(p.kind.span()), format!("unknown date pattern kind `{}`", p.kind.get_ref()))
                .with_help("kinds: absolute, holiday, period, not_date, relative_day, relative_weekday, relative_unit, relative_count, relative_month")
        })?;
        let expanded = place(p.regex.get_ref());
        if let Some(i) = expanded.find('%') {
            let name: String = expanded[i..]
                .chars()
                .take_while(|c| *c == '%' || c.is_alphanumeric() || *c == '_')
                .collect();
            return Err(RuleError::at(
                &src.origin,
                &src.text,
                Some(p.regex.span()),
                format!("unknown placeholder `{name}`"),
            ));
        }
        // Word boundaries at the edges of date words, all of which begin and end with an ASCII
        // letter or digit: ASCII boundaries mean the same there and let the fast engine run.
        let expanded = super::compiled::ascii_boundaries(&expanded);
        let regex = super::compiled::regex_at(src, p.regex.span(), &format!("(?i){expanded}"))?;
        out.patterns.push(DatePattern {
            kind,
            regex,
            example: p.example.clone(),
        });
    }
    out.set = regex::RegexSet::new(out.patterns.iter().map(|p| p.regex.as_str())).ok();
    Ok(out)
}
