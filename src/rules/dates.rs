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
    /// Calendar periods and days within them: the nth weekday, week, quarter or half, parts of a
    /// month, week or year ("fin mars", "en fin de semaine"), days shifted from a date ("le
    /// lendemain du 13 février").
    Period,
    /// A span that looks like a date but is not one ("sans lendemain"): it yields nothing and
    /// keeps shorter patterns off its words.
    NotDate,
    Season,
    /// What may stand between two dates that are the ends of one span ("@ jusqu'au @",
    /// "between @ and @"): run on the word before the first date, "@" for each date and the
    /// words between them, never on the text itself.
    RangeLink,
    /// A count of units before a date that moves it ("3 days after @", "two weeks from @"):
    /// run on the words before each date found, "@" for the date; groups `n`, `unit`, and
    /// `before` when it moves back.
    Offset,
}

/// When a holiday falls in a given year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Holiday {
    /// Month and day.
    Fixed(u32, u32),
    /// Month, nth weekday of it (-1: the last), weekday (1 = Monday), days after it.
    NthWeekday(u32, i32, u32, i64),
    /// Days after Easter Sunday (negative: before).
    Easter(i64),
}

impl Holiday {
    /// "12-25", "11/4/4" (fourth Thursday of November), "05/-1/7" (last Sunday of May),
    /// "11/4/4+1" (the day after the fourth Thursday), "easter+1".
    fn parse(s: &str) -> Option<Holiday> {
        if let Some(off) = s.strip_prefix("easter") {
            return Some(Holiday::Easter(if off.is_empty() {
                0
            } else {
                off.trim_start_matches('+').parse().ok()?
            }));
        }
        let h = if !s.contains('/') {
            let (m, d) = pair(s, '-')?;
            Holiday::Fixed(m, d)
        } else {
            let mut it = s.split('/');
            let (m, n, w) = (it.next()?, it.next()?, it.next()?);
            if it.next().is_some() {
                return None;
            }
            let (w, after) = w.split_once('+').unwrap_or((w, "0"));
            Holiday::NthWeekday(
                m.trim().parse().ok()?,
                n.trim().parse().ok()?,
                w.trim().parse().ok()?,
                after.trim().parse().ok()?,
            )
        };
        let valid = match h {
            Holiday::Fixed(m, d) => (1..=12).contains(&m) && (1..=31).contains(&d),
            Holiday::NthWeekday(m, n, w, after) => {
                (1..=12).contains(&m)
                    && (n == -1 || (1..=5).contains(&n))
                    && (1..=7).contains(&w)
                    && (0..=31).contains(&after)
            }
            Holiday::Easter(_) => true,
        };
        valid.then_some(h)
    }
}

/// How date words are looked up: folded, hyphens as spaces, one space between words
/// ("Vingt-et-un", "vingt et un"; "avant-hier", "avant hier"; "week-end", "week end").
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
            "season" => PatternKind::Season,
            "range_link" => PatternKind::RangeLink,
            "offset" => PatternKind::Offset,
            _ => return None,
        })
    }
}

impl DateRules {
    /// The regexes of the patterns of one kind ("range_link", "offset"), in rule order.
    pub fn regexes(&self, kind: PatternKind) -> Vec<&Regex> {
        self.patterns
            .iter()
            .filter(|p| p.kind == kind)
            .map(|p| &p.regex)
            .collect()
    }
}

/// "3-20" → (3, 20): the two numbers of a rule value around `sep`.
fn pair(v: &str, sep: char) -> Option<(u32, u32)> {
    let (a, b) = v.split_once(sep)?;
    Some((a.trim().parse().ok()?, b.trim().parse().ok()?))
}

/// A rule table keyed as date words are looked up (`date_key`).
fn folded_map<V: Clone>(m: &BTreeMap<String, V>) -> HashMap<String, V> {
    m.iter().map(|(k, v)| (date_key(k), v.clone())).collect()
}

/// A rule table keyed by `date_key`, with parsed values (checked when each file is read).
fn folded_pairs<T>(
    m: &BTreeMap<String, String>,
    parse: impl Fn(&str) -> Option<T>,
) -> HashMap<String, T> {
    m.iter()
        .filter_map(|(k, v)| Some((date_key(k), parse(v)?)))
        .collect()
}

/// A (month, day) of no particular year.
pub type MonthDay = (u32, u32);

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
    /// Units glued to their count ("1d") → unit.
    pub unit_abbreviations: HashMap<String, String>,
    pub next_words: Vec<String>,
    pub last_words: Vec<String>,
    pub this_words: Vec<String>,
    pub relative_days: HashMap<String, i64>,
    /// Holiday name → when it falls.
    pub holidays: HashMap<String, Holiday>,
    /// Season name → first and last (month, day).
    pub seasons: HashMap<String, (MonthDay, MonthDay)>,
    /// Part of a month → its first and last day ("fin" → 21-31).
    pub month_parts: HashMap<String, (u32, u32)>,
    /// Part of a year → its first and last month ("fin" → 11-12).
    pub year_parts: HashMap<String, (u32, u32)>,
    /// Part of a year named from now ("late next year") → its first and last month.
    pub relative_year_parts: HashMap<String, (u32, u32)>,
    /// Part of a week → its first and last day, Monday = 1 ("fin" → 4-7).
    pub week_parts: HashMap<String, (u32, u32)>,
    /// Ordinal word → value ("troisième" → 3, "dernier" → -1), for the nth day, weekday, week,
    /// quarter or half.
    pub ordinals: HashMap<String, i32>,
    /// Period word → "quarter" or "half" ("trimestre", "semestre", "Q").
    pub periods: HashMap<String, String>,
    /// Decade in words → its first year ("soixante-dix" → 1970).
    pub decades: HashMap<String, i32>,
    /// Word for a day counted from another → days ("lendemain" → 1).
    pub shift_days: HashMap<String, i64>,
    pub deadline_markers: Vec<String>,
    /// Words that may stand between a deadline marker and its date ("la fin de").
    pub deadline_bridges: Vec<String>,
    /// Articles before a date that modifies the noun after it ("the Oct. 28 by-election").
    pub attributive_articles: Vec<String>,
    /// An outlet's top-level domain → its locale, when the article states none ("uk" → "en-GB").
    pub locale_by_domain: HashMap<String, String>,
    /// Folded event noun → its class (the first noun of its line).
    pub event_class: HashMap<String, String>,
    pub event_regex: Option<Regex>,
    /// Every phase word, on folded text.
    pub phase_regex: Option<Regex>,
    /// Folded phase word → its group.
    pub phases: Vec<(String, usize)>,
    pub min_shared_words: usize,
    pub min_overlap: f64,
    pub short_min_shared_words: usize,
    pub short_min_overlap: f64,
    pub max_gap_days: i64,
    /// A date this many days or more from the event's, in a sentence that recalls an earlier
    /// event (a recall marker: a pluperfect, "previous"), is that earlier event's.
    pub recall_gap_days: i64,
    /// Folded words, matched whole in the sentence.
    pub recall_markers: Vec<String>,
    /// Folded words that make a date the period a figure is compared with ("contre 131,2
    /// millions au premier semestre 2024"): neither the event's date nor a slip of its year.
    pub comparison_markers: Vec<String>,
    pub same_kind_min_shared_words: usize,
    pub any_kind_min_shared_words: usize,
    /// How many content words before a date, in its clause, say what it dates.
    pub clause_words: usize,
    /// Two dates whose clauses share this many of those words date one event.
    pub clause_min_shared_words: usize,
    /// Weeks of a period counted from the one holding most of its first days.
    pub weeks_by_most_days: bool,
    /// Folded words opening a span up to now.
    pub since_words: Vec<String>,
    /// Lower-case words and word endings that tell a sentence's tense.
    pub past_words: Vec<String>,
    pub future_words: Vec<String>,
    pub past_suffixes: Vec<String>,
    pub future_suffixes: Vec<String>,
    pub tense_exceptions: Vec<String>,
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
        // Day and month pairs are plain strings in TOML: check them here, where the file is known.
        let within = |v: &str, lo: u32, hi: u32| {
            pair(v, '-').is_some_and(|(a, b)| lo <= a && a <= b && b <= hi)
        };
        let tables = [
            (
                "holidays",
                &d.holidays,
                "MM-DD, month/nth/weekday (\"11/4/4\", the last: \"05/-1/7\", a day after: \"11/4/4+1\") or easter±days",
            ),
            ("month_parts", &d.month_parts, "first-last day (1-31)"),
            ("year_parts", &d.year_parts, "first-last month (1-12)"),
            (
                "relative_year_parts",
                &d.relative_year_parts,
                "first-last month (1-12)",
            ),
            (
                "week_parts",
                &d.week_parts,
                "first-last day of the week (1-7)",
            ),
            ("seasons", &d.seasons, "MM-DD/MM-DD"),
        ];
        for (name, table, form) in tables {
            for (k, v) in table {
                let ok = match name {
                    "holidays" => Holiday::parse(v).is_some(),
                    "month_parts" => within(v, 1, 31),
                    "year_parts" | "relative_year_parts" => within(v, 1, 12),
                    "week_parts" => within(v, 1, 7),
                    _ => v
                        .split_once('/')
                        .is_some_and(|(a, b)| pair(a, '-').is_some() && pair(b, '-').is_some()),
                };
                if !ok {
                    return Err(RuleError::at_text(
                        src,
                        &format!("\"{v}\""),
                        format!("`{name}` entry \"{k}\" = \"{v}\" is not {form}"),
                    ));
                }
            }
        }
        // Numbers are typed by the schema; their range is checked here.
        let numbers = [
            (
                "ordinals",
                d.ordinals
                    .iter()
                    .find(|(_, n)| **n != -1 && !(1..=53).contains(*n)),
                "an ordinal from 1 to 53, or -1 for the last",
            ),
            (
                "decades",
                d.decades
                    .iter()
                    .find(|(_, y)| **y % 10 != 0 || !(1000..=2990).contains(*y)),
                "the first year of a decade (1970)",
            ),
        ];
        for (name, bad, form) in numbers {
            if let Some((k, v)) = bad {
                let at = src
                    .text
                    .find(&format!("\"{k}\" = {v}"))
                    .map(|i| i..i + k.len() + 5 + v.to_string().len());
                return Err(RuleError::at(
                    &src.origin,
                    &src.text,
                    at,
                    format!("`{name}` entry \"{k}\" = {v} is not {form}"),
                ));
            }
        }
        spec.weekdays.extend(d.weekdays.clone());
        spec.day_words.extend(d.day_words.clone());
        spec.number_words.extend(d.number_words.clone());
        spec.units.extend(d.units.clone());
        spec.unit_abbreviations.extend(d.unit_abbreviations.clone());
        spec.next_words.extend(d.next_words.clone());
        spec.last_words.extend(d.last_words.clone());
        spec.this_words.extend(d.this_words.clone());
        spec.relative_days.extend(d.relative_days.clone());
        spec.holidays.extend(d.holidays.clone());
        spec.seasons.extend(d.seasons.clone());
        spec.month_parts.extend(d.month_parts.clone());
        spec.year_parts.extend(d.year_parts.clone());
        spec.relative_year_parts
            .extend(d.relative_year_parts.clone());
        spec.week_parts.extend(d.week_parts.clone());
        spec.ordinals.extend(d.ordinals.clone());
        spec.periods.extend(d.periods.clone());
        spec.decades.extend(d.decades.clone());
        spec.shift_days.extend(d.shift_days.clone());
        spec.deadline_markers.extend(d.deadline_markers.clone());
        spec.deadline_bridges.extend(d.deadline_bridges.clone());
        spec.attributive_articles
            .extend(d.attributive_articles.clone());
        spec.locale_by_domain.extend(d.locale_by_domain.clone());
        spec.event_aliases.extend(d.event_aliases.clone());
        spec.phases.extend(d.phases.clone());
        spec.min_shared_words = d.min_shared_words.or(spec.min_shared_words);
        spec.min_overlap = d.min_overlap.or(spec.min_overlap);
        spec.short_min_shared_words = d.short_min_shared_words.or(spec.short_min_shared_words);
        spec.short_min_overlap = d.short_min_overlap.or(spec.short_min_overlap);
        spec.max_gap_days = d.max_gap_days.or(spec.max_gap_days);
        spec.recall_gap_days = d.recall_gap_days.or(spec.recall_gap_days);
        spec.recall_markers.extend(d.recall_markers.clone());
        spec.comparison_markers.extend(d.comparison_markers.clone());
        spec.same_kind_min_shared_words = d
            .same_kind_min_shared_words
            .or(spec.same_kind_min_shared_words);
        spec.any_kind_min_shared_words = d
            .any_kind_min_shared_words
            .or(spec.any_kind_min_shared_words);
        spec.clause_words = d.clause_words.or(spec.clause_words);
        spec.weeks_by_most_days = d.weeks_by_most_days.or(spec.weeks_by_most_days);
        spec.since_words.extend(d.since_words.clone());
        spec.past_words.extend(d.past_words.clone());
        spec.future_words.extend(d.future_words.clone());
        spec.past_suffixes.extend(d.past_suffixes.clone());
        spec.future_suffixes.extend(d.future_suffixes.clone());
        spec.tense_exceptions.extend(d.tense_exceptions.clone());
        spec.clause_min_shared_words = d.clause_min_shared_words.or(spec.clause_min_shared_words);
        patterns.extend(d.pattern.iter().cloned().map(|p| (*src, p)));
    }
    let mut out = DateRules {
        months: folded_map(months),
        weekdays: folded_map(&spec.weekdays),
        day_words: folded_map(&spec.day_words),
        number_words: folded_map(&spec.number_words),
        units: folded_map(&spec.units),
        unit_abbreviations: folded_map(&spec.unit_abbreviations),
        next_words: spec.next_words.iter().map(|w| date_key(w)).collect(),
        last_words: spec.last_words.iter().map(|w| date_key(w)).collect(),
        this_words: spec.this_words.iter().map(|w| date_key(w)).collect(),
        relative_days: folded_map(&spec.relative_days),
        holidays: folded_pairs(&spec.holidays, Holiday::parse),
        seasons: folded_pairs(&spec.seasons, |v| {
            let (a, b) = v.split_once('/')?;
            Some((pair(a, '-')?, pair(b, '-')?))
        }),
        month_parts: folded_pairs(&spec.month_parts, |v| pair(v, '-')),
        year_parts: folded_pairs(&spec.year_parts, |v| pair(v, '-')),
        relative_year_parts: folded_pairs(&spec.relative_year_parts, |v| pair(v, '-')),
        week_parts: folded_pairs(&spec.week_parts, |v| pair(v, '-')),
        ordinals: folded_map(&spec.ordinals),
        periods: folded_map(&spec.periods),
        decades: folded_map(&spec.decades),
        shift_days: folded_map(&spec.shift_days),
        deadline_markers: spec.deadline_markers.iter().map(|w| fold(w)).collect(),
        deadline_bridges: spec.deadline_bridges.iter().map(|w| fold(w)).collect(),
        attributive_articles: spec.attributive_articles.iter().map(|w| fold(w)).collect(),
        locale_by_domain: spec
            .locale_by_domain
            .iter()
            .map(|(k, v)| (k.trim_start_matches('.').to_lowercase(), v.clone()))
            .collect(),
        min_shared_words: spec.min_shared_words.unwrap_or(usize::MAX),
        min_overlap: spec.min_overlap.unwrap_or(1.0),
        short_min_shared_words: spec.short_min_shared_words.unwrap_or(usize::MAX),
        short_min_overlap: spec.short_min_overlap.unwrap_or(1.0),
        max_gap_days: spec.max_gap_days.unwrap_or(i64::MAX),
        recall_gap_days: spec.recall_gap_days.unwrap_or(i64::MAX),
        recall_markers: spec
            .recall_markers
            .iter()
            .map(|m| fold(m).to_lowercase())
            .collect(),
        comparison_markers: spec
            .comparison_markers
            .iter()
            .map(|m| fold(m).to_lowercase())
            .collect(),
        same_kind_min_shared_words: spec.same_kind_min_shared_words.unwrap_or(usize::MAX),
        any_kind_min_shared_words: spec.any_kind_min_shared_words.unwrap_or(usize::MAX),
        clause_words: spec.clause_words.unwrap_or(0),
        weeks_by_most_days: spec.weeks_by_most_days.unwrap_or(false),
        since_words: spec.since_words.iter().map(|w| fold(w)).collect(),
        past_words: spec.past_words.iter().map(|w| lower(w)).collect(),
        future_words: spec.future_words.iter().map(|w| lower(w)).collect(),
        past_suffixes: spec.past_suffixes.iter().map(|w| lower(w)).collect(),
        future_suffixes: spec.future_suffixes.iter().map(|w| lower(w)).collect(),
        tense_exceptions: spec.tense_exceptions.iter().map(|w| lower(w)).collect(),
        clause_min_shared_words: spec.clause_min_shared_words.unwrap_or(usize::MAX),
        ..Default::default()
    };
    for (i, group) in spec.phases.iter().enumerate() {
        out.phases.extend(group.iter().map(|w| (fold(w), i)));
    }
    if !out.phases.is_empty() {
        let folded: Vec<String> = out.phases.iter().map(|(w, _)| w.clone()).collect();
        out.phase_regex =
            Regex::new(&format!(r"(?-u:\b){}(?-u:\b)", alternation(folded.iter()))).ok();
    }
    let mut all_events = Vec::new();
    for line in &spec.event_aliases {
        let Some(first) = line.first() else { continue };
        for w in line {
            out.event_class.insert(fold(w), lower(first));
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
        .chain(spec.seasons.keys())
        .chain(spec.ordinals.keys())
        .chain(spec.decades.keys())
        .chain(spec.shift_days.keys())
        .collect();
    if !trigger_words.is_empty() {
        // Short words ("an", "mai") only as whole words, so the trigger stays selective.
        let (short, long): (Vec<&String>, Vec<&String>) =
            trigger_words.into_iter().partition(|w| {
                // ASCII word boundaries need ASCII edges ("été" goes with the long words).
                let ascii_edges = w.chars().next().is_some_and(|c| c.is_ascii_alphanumeric())
                    && w.chars().last().is_some_and(|c| c.is_ascii_alphanumeric());
                w.chars().count() <= 4 && ascii_edges
            });
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
            .replace("%UNIT_ABBR", &alternation(spec.unit_abbreviations.keys()))
            .replace("%UNIT", &alternation(spec.units.keys()))
            .replace("%NEXT", &alternation(spec.next_words.iter()))
            .replace("%LAST", &alternation(spec.last_words.iter()))
            .replace("%THIS", &alternation(spec.this_words.iter()))
            .replace("%RELDAY", &alternation(spec.relative_days.keys()))
            .replace("%HOLIDAY", &alternation(spec.holidays.keys()))
            .replace("%SEASON", &alternation(spec.seasons.keys()))
            .replace(
                "%ORD",
                &format!(
                    r"(?:\d{{1,2}}(?:er|re|e|ème|eme|st|nd|rd|th)|{})",
                    alternation(spec.ordinals.keys())
                ),
            )
            .replace("%PERIOD", &alternation(spec.periods.keys()))
            .replace("%DECADE", &alternation(spec.decades.keys()))
            .replace("%SHIFT", &alternation(spec.shift_days.keys()))
            .replace(
                "%PART",
                &alternation(
                    spec.month_parts
                        .keys()
                        .chain(spec.year_parts.keys())
                        .chain(spec.week_parts.keys()),
                ),
            )
    };
    for (src, p) in patterns {
        let kind = PatternKind::parse(p.kind.get_ref()).ok_or_else(|| {
            RuleError::at(&src.origin, &src.text, Some(p.kind.span()), format!("unknown date pattern kind `{}`", p.kind.get_ref()))
                .with_help("kinds: absolute, holiday, season, period, not_date, range_link, offset, relative_day, relative_weekday, relative_unit, relative_count, relative_month")
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
    out.set = regex::RegexSetBuilder::new(out.patterns.iter().map(|p| p.regex.as_str()))
        .dfa_size_limit(super::compiled::DFA_CACHE_BYTES)
        .build()
        .ok();
    Ok(out)
}
