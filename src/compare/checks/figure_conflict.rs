//! One quantity is given two figures across sources.
//!
//! ## What it does
//! Finds the figures that different sources give for one quantity, and flags a source whose
//! figure cannot be true together with the one most sources give: their bands do not overlap.
//! A figure's band carries its qualifier and the precision it is written with: "plus de 600" is
//! anything above 600, "5,6 millions" is 5 550 000 to 5 650 000, "près de 3 000" a band around
//! 3 000. The help line gives the majority reading and counts; every source's mention is
//! located.
//!
//! ## How quantities are matched
//! Two figures are of one quantity when they count the same thing (the same counted noun,
//! singular or plural, or the same currency, or both are percentages), for the same target
//! year ("d'ici 2030") or none, and their sentences speak of one thing: the clauses that lead
//! to the figures share words, as dates' do (see `factlint explain date.conflict`). When both
//! sentences name places, or both name years, they must share one: a town's figure is not the
//! region's, and last year's is not this year's. Nor is a figure said "dans la région" the one
//! said "au niveau national" (rules: `scope_words`). Two figures three times apart or more,
//! unless one is the other's digits at another scale, are two wholes' when only one sentence
//! names a region or country ("Across the Copperbelt Province, mining companies employ about
//! 38,000 people" / "the mine employs about 2,300"), or when the two sentences name different
//! people (the mayor's two shelters, the minister's 23), or when one sentence tells a past year
//! and the other none. Twice apart or more is enough for a running total ("a total of 1,120 kg
//! since January") beside one haul ("412 kg"), and for a part of a list of three or more of
//! its unit ("Par division, ... 820 millions d'euros, ... 640 millions ... et 380 millions")
//! beside a whole. Three times apart or more, figures not slipped from each other are of one
//! thing only when words around both say so. A figure of two significant digits or
//! more, of one unit, meets its equals whatever their sentences ("€38 million"), and one digit
//! changed ("6,430 hectares" for "8,430") is matched in sentences of one event that share a
//! couple of words. A source is flagged only when its sentence matches most majority sources'
//! sentences itself (one is enough for a slip of one digit or of the scale), when at least two sources agree and
//! outnumber the odd ones, and when no majority source also gives the odd figure (then it is
//! another quantity of the story, a part beside its whole).
//!
//! A toll is of its state: "two people were killed" and "three people were confirmed dead"
//! count the dead (rules: `states` in rules/<lang>/numbers.toml), not the injured, and a story
//! has one count of its dead, so two tolls of one state are one quantity whatever else their
//! sentences say, unless their places or years are apart. And a figure that every source but
//! one gives alike, of a unit of its own, is one quantity with the one source's lone figure of
//! that unit when the two are less than twice apart and nothing in their sentences sets them
//! apart ("₱18.5 billion" in three sources, "₱21.4 billion" in the fourth); lengths are left
//! out of this (`distance_units`: "40 km south of Emerald" says where).
//!
//! ## What it leaves alone
//! "plus de 600" beside "612"; "5,6 millions" beside "5 600 000"; "cinq" beside "5"; a target
//! beside a result ("25 % d'ici 2026", "70 % à l'horizon 2030"); ordinals, scores and times;
//! figures without a counted noun; and anything in the page furniture. A count of some of the
//! things ("19 league goals") beside a count of them all ("more than 20 goals"), unless one is a
//! slip of the other ("174 long-finned pilot whales", "147 whales"). A figure is matched to the
//! figure of another source whose sentence it shares most words with: "All-in sustaining costs
//! were US$1,358 per ounce" meets "all-in sustaining costs ... US$1,385", not the "realized
//! price of US$3,560 an ounce" beside it.
use std::collections::{BTreeMap, BTreeSet};

use rustc_hash::FxHashMap as HashMap;

use crate::claims::{Claim, EventContext, Finding, Granularity, QuantityValue, Severity};
use crate::compare::{cross_source, events, find, CheckInfo, Reading, StoryCtx};
use crate::rules::places::PlaceKind;
use crate::rules::LangRules;
use crate::text::fold;

pub const CHECK: CheckInfo = CheckInfo {
    id: "figure.conflict",
    default_severity: Severity::Error,
    source: include_str!("figure_conflict.rs"),
    run,
};

fn value(c: &Claim) -> &QuantityValue {
    c.quantity().expect("quantity")
}

fn event(c: &Claim) -> &EventContext {
    &value(c).detail.event
}

/// What a figure counts: its counted noun (one key for "voix" and "votes", "mm" and
/// "millimetres"), its currency or "%". None for ordinals, figures without a unit, and
/// durations and ages (`skip_units`).
pub fn unit_of(v: &QuantityValue, lang: &LangRules) -> Option<String> {
    let rules = &lang.figures;
    if v.kind == "ordinal" {
        return None;
    }
    if let Some(c) = &v.detail.currency {
        return Some(c.clone());
    }
    if v.kind == "percent" {
        return Some("%".to_string());
    }
    if let Some(s) = &v.detail.state {
        return Some(s.clone());
    }
    let written = v.unit.as_deref().map(fold).unwrap_or_default();
    let key = v.detail.unit_key.as_deref()?;
    // "eight along the stretch": a word after a figure is not always what it counts.
    if rules.skip_units.contains(&written)
        || rules.skip_units.contains(key)
        || lang.function_words.contains(&written)
    {
        return None;
    }
    Some(
        rules
            .unit_aliases
            .get(&written)
            .or_else(|| rules.unit_aliases.get(key))
            .cloned()
            .unwrap_or_else(|| key.to_string()),
    )
}

/// The significant digits of a figure ("612" for £612m, "57" for 57 000) and its magnitude.
fn digits(x: f64) -> (String, i32) {
    let s = format!("{:.0}", (x.abs() * 1000.0).round());
    let trimmed = s.trim_end_matches('0');
    (trimmed.to_string(), s.len() as i32)
}

/// Two exact figures of one scale and length that differ in one digit ("8,430" and "6,430").
fn one_digit(a: &QuantityValue, b: &QuantityValue) -> bool {
    if a.qualifier != "exact" || b.qualifier != "exact" || a.amount == b.amount {
        return false;
    }
    let ((da, ma), (db, mb)) = (digits(a.amount), digits(b.amount));
    ma == mb
        && da.len() == db.len()
        && da.len() >= 2
        && da.chars().zip(db.chars()).filter(|(x, y)| x != y).count() == 1
}

/// Two exact or rounded figures whose digits are the same but swapped ("612", "621"; "57 000", "75 000")
/// or the same at another scale ("1 250 crore", "12 500 crore"; "1.2 million", "1.2 billion"):
/// a slip of the keyboard or of the scale word, far more often than two quantities.
fn slip(a: &QuantityValue, b: &QuantityValue) -> bool {
    // "An estimated 86,000" beside "around 68,000": a rounded figure slips as an exact one does.
    let plain = |q: &QuantityValue| matches!(q.qualifier, "exact" | "about");
    if !plain(a) || !plain(b) || a.amount == b.amount {
        return false;
    }
    let ((da, ma), (db, mb)) = (digits(a.amount), digits(b.amount));
    if da.len() < 2 || da.len() != db.len() {
        return false;
    }
    if da == db {
        // One place too many or too few ("4,860" for "48,600"), or a scale word swapped
        // ("million" for "billion"); "2.4 million" and "24" are two quantities.
        // A rounded figure is written at its own scale: "environ vingt-cinq kilomètres" is no
        // slip of "250 km".
        return a.qualifier == "exact"
            && b.qualifier == "exact"
            && matches!((ma - mb).abs(), 1 | 3);
    }
    permuted(a.amount, b.amount)
}

/// Two different figures of one magnitude written with the same digits in another order
/// ("68", "86"; "57 000", "75 000").
fn permuted(a: f64, b: f64) -> bool {
    let ((da, ma), (db, mb)) = (digits(a), digits(b));
    let sorted = |d: &str| {
        let mut v: Vec<char> = d.chars().collect();
        v.sort_unstable();
        v
    };
    a != b && da.len() >= 2 && ma == mb && sorted(&da) == sorted(&db)
}

/// An open band ("at least 68") beside its own figure's digits swapped ("86"): they overlap,
/// but the second is a slip of the first, not a count above it.
fn open_slip(a: &QuantityValue, b: &QuantityValue) -> bool {
    let open = |q: &QuantityValue| q.low.is_none() || q.high.is_none();
    (open(a) || open(b)) && permuted(a.amount, b.amount)
}

/// Two figures with the same digits at another scale ("150 000", "1,5 million"): a rate beside
/// an amount, when one of them is written as a rate.
/// How far apart a region's figure and another must be to be two wholes' figures.
const WIDE_RATIO: f64 = 3.0;

/// Two figures `ratio` times apart or more that are not slips of each other: swapped digits
/// ("14", "41") or the same digits at another scale ("1 240", "12 400") are one figure mistyped.
fn far_apart(a: &QuantityValue, b: &QuantityValue, ratio: f64) -> bool {
    let (x, y) = (a.amount.abs(), b.amount.abs());
    x.max(y) >= ratio * x.min(y) && !slip(a, b) && !scale_slip(a, b)
}

fn scale_slip(a: &QuantityValue, b: &QuantityValue) -> bool {
    a.amount != b.amount && digits(a.amount).0 == digits(b.amount).0
}

/// Whether a figure is given as a proposal, a demand or a forecast (`stance_words` a few
/// words before or after it): "a proposé une revalorisation de 8 %", "£590m forecast by
/// analysts".
fn stance(ctx: &StoryCtx, c: &Claim) -> bool {
    let (s, e) = value(c).detail.sentence;
    let text = &ctx.articles[c.article].text;
    let from = crate::text::floor_char_boundary(text, c.start.saturating_sub(STANCE_BEFORE).max(s));
    let to = crate::text::floor_char_boundary(text, (c.end + STANCE_AFTER).min(e));
    let folded = fold(text.get(from..to).unwrap_or(""));
    ctx.rules
        .lang(&ctx.articles[c.article].meta.lang)
        .figures
        .stance_words
        .iter()
        .any(|w| crate::text::contains_phrase(&folded, w))
}

/// The whole a figure's sentence says it is of (`scope_words`: "au niveau national", "in the
/// region"), when it names one level only.
fn scope_of(ctx: &StoryCtx, c: &Claim) -> Option<String> {
    let (s, e) = value(c).detail.sentence;
    let text = &ctx.articles[c.article].text;
    let folded = fold(text.get(s..e).unwrap_or(""));
    let mut levels: Vec<&str> = ctx
        .rules
        .lang(&ctx.articles[c.article].meta.lang)
        .figures
        .scope_words
        .iter()
        .filter(|(w, _)| crate::text::contains_phrase(&folded, w))
        .map(|(_, level)| level.as_str())
        .collect();
    levels.sort_unstable();
    levels.dedup();
    match levels.as_slice() {
        [one] => Some(one.to_string()),
        _ => None,
    }
}

/// The rate a figure is written as ("150 000 tonnes par an", "$12 a share"): the marker right
/// after it, folded, or "" for a plain amount.
fn rate_of(ctx: &StoryCtx, c: &Claim) -> String {
    let text = &ctx.articles[c.article].text;
    let after = text.get(c.end..).unwrap_or("");
    let after = &after[..after.char_indices().nth(32).map_or(after.len(), |(i, _)| i)];
    let after = fold(after.trim_start());
    let figures = &ctx.rules.lang(&ctx.articles[c.article].meta.lang).figures;
    let at = |from: usize| {
        figures
            .per_markers
            .iter()
            .find(|(m, _)| {
                after[from..].starts_with(m.as_str())
                    && !after[from + m.len()..].starts_with(|ch: char| ch.is_alphanumeric())
            })
            .map(|(_, per)| per.clone())
    };
    // The marker may follow what the noun is of: "120,000 barrels of crude oil a day".
    let of_phrase = || {
        let (first, _) = after.split_once(' ')?;
        if !figures.of_words.iter().any(|w| w == first) {
            return None;
        }
        let mut from = first.len() + 1;
        for _ in 0..3 {
            let next = after[from..].find(' ')? + from + 1;
            if let Some(per) = at(next) {
                return Some(per);
            }
            from = next;
        }
        None
    };
    at(0).or_else(of_phrase).unwrap_or_default()
}

/// The words a sentence must share with a majority one for a figure without its noun to be
/// located as that source's reading.
const UNNAMED_WORDS: usize = 2;

/// A figure without a counted noun, large enough to be compared by its digits ("an
/// attendance of 6,412"): small bare numbers are everywhere.
fn bare(v: &QuantityValue, lang: &LangRules) -> bool {
    let unitless = v
        .unit
        .as_deref()
        .is_none_or(|u| lang.function_words.contains(&fold(u)));
    v.kind == "cardinal" && unitless && v.amount >= 100.0
}

/// The band of a figure; an open end is unbounded.
fn band(v: &QuantityValue) -> (f64, f64) {
    (
        v.low.unwrap_or(f64::NEG_INFINITY),
        v.high.unwrap_or(f64::INFINITY),
    )
}

pub fn overlap(a: &QuantityValue, b: &QuantityValue) -> bool {
    let ((alo, ahi), (blo, bhi)) = (band(a), band(b));
    // A hair of tolerance for figures rounded in conversion ("1,2 milliard" and "1 200 millions").
    let scale = [alo, ahi, blo, bhi]
        .into_iter()
        .filter(|x| x.is_finite())
        .fold(0.0_f64, |m, x| m.max(x.abs()));
    let eps = 1e-9 * scale;
    alo <= bhi + eps && blo <= ahi + eps
}

/// Bytes before and after a figure where a stance word applies to it.
const STANCE_BEFORE: usize = 60;
const STANCE_AFTER: usize = 30;

/// How far apart two figures of one quantity may be, unless one is a slip of the scale.
const MAX_RATIO: f64 = 20.0;

/// The places and years a figure's sentence names, from the article's other claims.
struct Scene {
    places: Vec<String>,
    /// What the gazetteer puts those places in ("united kingdom" for "wales").
    within: Vec<String>,
    /// The sentence names a region or a country: its figure may be the whole's.
    wide: bool,
    /// The people the sentence names, by their names' keys.
    people: Vec<String>,
    years: Vec<i32>,
    /// The sentence names a day well before its article was published.
    past_day: bool,
    /// The sentence names a past year, written out ("In 2025, authorities seized...").
    past_year: bool,
    /// The sentence counts from a date on ("seized a total of 1,120 kg since January"): a
    /// running total.
    running: bool,
}

/// A sentence that names a day well before its article was published, when the other names
/// no year: a past event recalled ("le séisme du 17 décembre 2024, qui avait
/// fait 14 morts"), not this one.
fn recalled(x: &Scene, y: &Scene) -> bool {
    x.past_day && y.years.is_empty() && !y.past_day
}

fn scenes<'a>(ctx: &StoryCtx<'a>, figures: &[&'a Claim]) -> Vec<Scene> {
    // The place and date claims of each article, in text order, to look up by sentence.
    let mut by_article: BTreeMap<usize, Vec<&Claim>> = BTreeMap::new();
    for c in &ctx.claims {
        if c.place().is_some() || c.date().is_some() || c.person().is_some() {
            by_article.entry(c.article).or_default().push(c);
        }
    }
    for v in by_article.values_mut() {
        v.sort_by_key(|c| c.start);
    }
    figures
        .iter()
        .map(|f| {
            let (s, e) = value(f).detail.sentence;
            let mut scene = Scene {
                places: Vec::new(),
                within: Vec::new(),
                wide: false,
                people: Vec::new(),
                years: Vec::new(),
                past_day: false,
                past_year: false,
                running: false,
            };
            let article = &ctx.articles[f.article];
            let published = article.meta.date.map(|d| d.date);
            let gap = ctx.rules.lang(&article.meta.lang).dates.recall_gap_days;
            let since = &ctx.rules.lang(&article.meta.lang).dates.since_words;
            let folded = fold(article.text.get(s..e).unwrap_or(""));
            scene.running = since
                .iter()
                .any(|w| crate::text::contains_phrase(&folded, w));
            let Some(list) = by_article.get(&f.article) else {
                return scene;
            };
            let from = list.partition_point(|c| c.start < s);
            for c in list[from..].iter().take_while(|c| c.end <= e) {
                if let Some(p) = c.person() {
                    scene.people.push(fold(&p.name));
                }
                if let Some(p) = c.place().filter(|p| !p.detail.heading) {
                    scene.wide |= matches!(p.detail.kind, PlaceKind::Region | PlaceKind::Country)
                        && !p.detail.in_venue;
                    scene.places.push(p.detail.key.clone());
                    scene.within.extend(p.detail.within.iter().cloned());
                }
                if let Some(d) = c.date() {
                    // "La campagne de l'an dernier avait permis de vacciner 4,1 millions": a
                    // year named from the publication date, before it, is a past one too.
                    if let (Some(hi), Some(p)) =
                        (d.detail.hi, published.or(article.meta.story_date))
                    {
                        scene.past_day |= d.role != "deadline"
                            && !d.detail.year_written
                            && d.detail.granularity == Granularity::Year
                            && (p - hi).num_days() > gap;
                    }
                    if d.role != "deadline" && d.detail.year_written {
                        if let Some(lo) = d.detail.lo {
                            scene.years.push(chrono::Datelike::year(&lo));
                        }
                        if let (Some(hi), Some(p)) = (d.detail.hi, published) {
                            // Its year written out ("le 17 décembre 2024"), not inferred.
                            let year_in_text = c
                                .text
                                .as_bytes()
                                .windows(4)
                                .any(|w| w.iter().all(u8::is_ascii_digit));
                            scene.past_day |= d.detail.granularity == Granularity::Day
                                && year_in_text
                                && (p - hi).num_days() > gap;
                            scene.past_year |= d.detail.granularity == Granularity::Year
                                && (p - hi).num_days() > gap;
                        }
                    }
                }
            }
            scene
        })
        .collect()
}

fn run(ctx: &StoryCtx) -> Vec<Finding> {
    let rules_of = |c: &Claim| ctx.rules.lang(&ctx.articles[c.article].meta.lang);
    let figures: Vec<&Claim> = ctx
        .claims
        .iter()
        .copied()
        .filter(|c| {
            c.quantity()
                .is_some_and(|v| unit_of(v, rules_of(c)).is_some() || bare(v, rules_of(c)))
        })
        // "a devancé 185 autres candidats": the rest of a whole, not the whole.
        .filter(|c| {
            let others = &rules_of(c).figures.other_words;
            !fold(&c.text)
                .split(|ch: char| !ch.is_alphanumeric())
                .any(|w| others.contains(w))
        })
        .collect();
    let units: Vec<String> = figures
        .iter()
        .map(|c| unit_of(value(c), rules_of(c)).unwrap_or_default())
        .collect();
    // "578 personnes" may count the "587 travailleurs" of another source: a generic noun meets
    // the other units as a bare figure does.
    let generic: Vec<bool> = figures
        .iter()
        .zip(&units)
        .map(|(c, u)| rules_of(c).figures.generic_units.contains(u))
        .collect();
    let tolls: Vec<bool> = figures
        .iter()
        .zip(&units)
        .map(|(c, u)| rules_of(c).numbers.states.values().any(|s| s == u))
        .collect();
    let scenes = scenes(ctx, &figures);
    let rates: Vec<String> = figures.iter().map(|c| rate_of(ctx, c)).collect();
    let stances: Vec<bool> = figures.iter().map(|c| stance(ctx, c)).collect();
    // Once per sentence: a sentence holds several figures.
    let mut by_sentence: HashMap<(usize, (usize, usize)), Option<String>> = HashMap::default();
    let scopes: Vec<Option<String>> = figures
        .iter()
        .map(|c| {
            by_sentence
                .entry((c.article, value(c).detail.sentence))
                .or_insert_with(|| scope_of(ctx, c))
                .clone()
        })
        .collect();
    let disjoint = |a: &[String], b: &[String]| {
        !a.is_empty() && !b.is_empty() && !a.iter().any(|x| b.contains(x))
    };
    // Two sentences' places, none of which is or holds another ("Serra de Monchique",
    // "Monchique"; "Wales", "the UK").
    let apart = |x: &Scene, y: &Scene| {
        let (a, b) = (&x.places, &y.places);
        !a.is_empty()
            && !b.is_empty()
            && !a.iter().any(|p| {
                y.within.contains(p)
                    || b.iter().any(|q| {
                        let (ps, qs) = (format!(" {p} "), format!(" {q} "));
                        ps.contains(&qs) || qs.contains(&ps)
                    })
            })
            && !b.iter().any(|q| x.within.contains(q))
    };
    // Sentences that set two figures apart whatever their words: places neither of which
    // holds the other, an earlier event recalled, or years that differ.
    let told_apart = |i: usize, j: usize| {
        let (x, y) = (&scenes[i], &scenes[j]);
        apart(x, y)
            || recalled(x, y)
            || recalled(y, x)
            || (!x.years.is_empty()
                && !y.years.is_empty()
                && !x.years.iter().any(|v| y.years.contains(v)))
    };
    // Figures of a list of three or more of one unit in one sentence: parts of a whole ("Par
    // division, ... 820 millions d'euros, ... 640 millions ... et 380 millions").
    let mut per_sentence: HashMap<(usize, (usize, usize), &str), usize> = HashMap::default();
    for (c, u) in figures.iter().zip(&units) {
        *per_sentence
            .entry((c.article, value(c).detail.sentence, u.as_str()))
            .or_default() += 1;
    }
    let listed: Vec<bool> = figures
        .iter()
        .zip(&units)
        .map(|(c, u)| {
            !u.is_empty() && per_sentence[&(c.article, value(c).detail.sentence, u.as_str())] >= 3
        })
        .collect();
    let same_quantity = |i: usize, j: usize| {
        let (a, b) = (figures[i], figures[j]);
        // A bare figure ("an attendance of 6,412") may be any counted one of its size.
        let loose = units[i] != units[j] || units[i].is_empty();
        let unitless = |k: usize| units[k].is_empty() || generic[k];
        if (loose && !unitless(i) && !unitless(j))
            || (loose && (value(a).kind != "cardinal" || value(b).kind != "cardinal"))
            || value(a).anchor != value(b).anchor
            || stances[i] != stances[j]
            || matches!((&scopes[i], &scopes[j]), (Some(x), Some(y)) if x != y)
            || (rates[i] != rates[j]
                && ((!rates[i].is_empty() && !rates[j].is_empty())
                    || scale_slip(value(a), value(b))))
        {
            return false;
        }
        // "19 league goals" and "more than 20 goals": a count of some of the things is
        // another count, unless one figure is a slip of the other ("174 pilot whales", "147
        // whales").
        let (ma, mb) = (&value(a).detail.modifier, &value(b).detail.modifier);
        // One modifier inside the other says which the same way ("fuel-cell buses",
        // "hydrogen fuel-cell buses").
        let within = |x: &str, y: &str| {
            let ys: Vec<&str> = y.split([' ', '-']).collect();
            x.split([' ', '-']).all(|w| ys.contains(&w))
        };
        let nested = matches!((ma, mb), (Some(x), Some(y)) if within(x, y) || within(y, x));
        if ma != mb && !nested && !overlap(value(a), value(b)) && !slip(value(a), value(b)) {
            return false;
        }
        // "Across the Copperbelt Province, mining companies employ about 38,000 people" and
        // "the mine, which employs about 2,300": a figure said of a region, far from one said
        // of no region, is the whole's.
        // Not one figure's digits at another scale ("12 400" for "1 240"): that is a slip.
        let far = far_apart(value(a), value(b), WIDE_RATIO);
        // Nor is one said by another person ("La mairesse de Saint-Hyacinthe a annoncé
        // l'ouverture de deux centres" / "La ministre a indiqué que 23 centres").
        // A running total ("1,120 kg since January") is not one haul ("412 kg"), twice as big
        // or more.
        let twice = far_apart(value(a), value(b), 2.0);
        // A part of a list is not the whole it is listed from, twice as big or more.
        if (twice && (scenes[i].running != scenes[j].running || listed[i] != listed[j]))
            || (far
                && (scenes[i].wide != scenes[j].wide
                    || disjoint(&scenes[i].people, &scenes[j].people)
                    || (scenes[i].past_year && scenes[j].years.is_empty())
                    || (scenes[j].past_year && scenes[i].years.is_empty())))
            || told_apart(i, j)
        {
            return false;
        }
        let rules = &ctx.rules.lang(&ctx.articles[a.article].meta.lang).dates;
        let (wa, wb) = (&value(a).detail.around, &value(b).detail.around);
        let near = wa.iter().filter(|w| wb.binary_search(w).is_ok()).count();
        // A bare figure is matched by its digits only; shares of different wholes ("44.8 %"
        // of the market, "11.4 %" growth) need the words around them to agree.
        // A slip of the scale ("150 000", "1,5 million") must be said of the same thing right
        // beside the figure; swapped digits are rarer by chance.
        // Or be swapped digits of one counted noun of its own ("The 4,200 workers walked out",
        // "About 2,400 workers ... remained on strike").
        let own_unit = !loose && !generic[i] && !generic[j];
        let slipped = slip(value(a), value(b))
            && (near >= 1
                || events::shared_words(event(a), event(b)) >= 1
                || (own_unit && permuted(value(a).amount, value(b).amount)));
        if loose {
            return slipped;
        }
        // Figures orders of magnitude apart are two quantities ("₦4.2bn" in damages, "₦50 to
        // ₦1,500" per subscriber), unless one is a slip of the scale.
        let (x, y) = (value(a).amount.abs(), value(b).amount.abs());
        if x.max(y) > MAX_RATIO * x.min(y) && !slipped {
            return false;
        }
        if units[i] == "%" {
            return near >= 2 || slipped;
        }
        // A toll ("two people were killed", "three people were confirmed dead") names its
        // quantity by itself: a story has one count of its dead, save in places or years apart
        // (above).
        if tolls[i] && tolls[j] && !far {
            return true;
        }
        // The very figure of one unit, in sentences that share words, is one quantity told two
        // ways ("attracted around 68,000 people", "an estimated 68,000 people passed through
        // the gates"): it only joins sources that agree.
        // A figure of two significant digits or more, of a unit of its own, names its quantity
        // by itself ("€38 million" in "for a fixed fee of" and "At ..., plus add-ons").
        let telling = digits(value(a).amount).0.len() >= 2 && !generic[i] && !units[i].is_empty();
        if value(a).amount == value(b).amount
            && value(a).kind == value(b).kind
            && (events::shared_words(event(a), event(b)) >= 2 || telling)
        {
            return true;
        }
        let same = || events::same_event(rules, event(a), &a.subject, event(b), &b.subject);
        // One digit changed ("6,430 hectares" for "8,430"), in sentences of one event that
        // share words beyond it: a typing slip, however differently the figure is introduced.
        let retyped =
            one_digit(value(a), value(b)) && events::shared_words(event(a), event(b)) >= 2;
        // Figures three times apart or more, not a slip of one another, are told of one thing
        // only in words that say so around both ("la dette nette ... 410 millions", "Baltrans a
        // contribué pour 58 millions").
        if far && near < 2 {
            return false;
        }
        near >= 2 || (near >= 1 && same()) || (retyped && same()) || slipped
    };
    // Candidates share the unit: group by it, never all pairs.
    let mut by_unit: HashMap<&str, Vec<usize>> = HashMap::default();
    for (i, u) in units.iter().enumerate() {
        by_unit.entry(u.as_str()).or_default().push(i);
    }
    let mut parent: Vec<usize> = (0..figures.len()).collect();
    let mut matched: BTreeSet<(usize, usize)> = BTreeSet::new();
    let mut keys: Vec<&&str> = by_unit.keys().collect();
    keys.sort();
    let bare_ids: Vec<usize> = (0..figures.len())
        .filter(|&i| units[i].is_empty() || generic[i])
        .collect();
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    for u in keys {
        let ids = &by_unit[*u];
        for (x, &i) in ids.iter().enumerate() {
            pairs.extend(ids[x + 1..].iter().map(|&j| (i, j)));
            // Bare figures meet the counted ones of any unit.
            if !u.is_empty() {
                // Figures of two units meet only as a slip of one another (see
                // `same_quantity`): other pairs are not tried.
                pairs.extend(
                    bare_ids
                        .iter()
                        .filter(|&&j| {
                            units[j] != units[i] && slip(value(figures[i]), value(figures[j]))
                        })
                        .map(|&j| (i, j)),
                );
            }
        }
    }
    // A figure is the counterpart of the figure of another source whose sentence it shares
    // most words with: "All-in sustaining costs were US$1,358 per ounce" meets "all-in
    // sustaining costs ... US$1,385 an ounce", not the "realized price of US$3,560 an ounce"
    // beside it.
    let words = |a: usize, b: usize| events::shared_words(event(figures[a]), event(figures[b]));
    let closer_beside = |i: usize, j: usize| {
        by_unit[units[j].as_str()].iter().any(|&k| {
            k != j
                && figures[k].article == figures[j].article
                && words(i, k) > words(i, j)
                && same_quantity(i, k)
        })
    };
    for (i, j) in pairs {
        if figures[i].article != figures[j].article
            && same_quantity(i, j)
            && !closer_beside(i, j)
            && !closer_beside(j, i)
        {
            matched.insert((i.min(j), i.max(j)));
            let (ri, rj) = (find(&mut parent, i), find(&mut parent, j));
            parent[ri] = rj;
        }
    }
    let mut groups: BTreeMap<usize, BTreeMap<usize, Vec<usize>>> = BTreeMap::new();
    for (i, f) in figures.iter().enumerate() {
        groups
            .entry(find(&mut parent, i))
            .or_default()
            .entry(f.article)
            .or_default()
            .push(i);
    }
    let linked = |i: usize, j: usize| matched.contains(&(i.min(j), i.max(j)));
    // Sources outside the group that give the same figure of the same unit in a sentence
    // that shares words with the group's: their mentions are located too.
    let beside_in = |articles: &BTreeMap<usize, Vec<usize>>, major: usize| -> Vec<usize> {
        let members: Vec<usize> = articles.values().flatten().copied().collect();
        let m = value(figures[major]);
        (0..figures.len())
            .filter(|&i| {
                let v = value(figures[i]);
                // The same unit and band, or the very figure counted with another noun
                // ("4 500 emplois", "4 500 personnes pendant les travaux").
                let equal = v.kind == m.kind && v.amount == m.amount;
                let same = (units[i] == units[major] && overlap(v, m)) || equal;
                let words = if equal { 1 } else { 2 };
                !articles.contains_key(&figures[i].article)
                    && v.anchor == m.anchor
                    && same
                    && members.iter().any(|&o| {
                        overlap(value(figures[o]), m)
                            && events::shared_words(event(figures[i]), event(figures[o])) >= words
                    })
            })
            .collect()
    };
    let mut out = Vec::new();
    let mut done: BTreeSet<&str> = BTreeSet::new();
    for articles in groups.into_values().filter(|g| g.len() >= 2) {
        let beside = |major: usize| beside_in(&articles, major);
        if let Some(f) = quantity_finding(ctx, &figures, &articles, &linked, &beside, &|_, _| true)
        {
            out.push(f);
            done.extend(articles.values().flatten().map(|&i| units[i].as_str()));
            continue;
        }
        // Two quantities joined through a figure between them (a majority of "1,482 votes"
        // and a count of "1,109" spoilt votes): each reading two sources give is weighed with
        // the figures matched to it directly, and only a slip of it (swapped digits, another
        // scale) is its odd reading.
        let v = |i: usize| value(figures[i]);
        let members: Vec<usize> = articles.values().flatten().copied().collect();
        let mut weighed: Vec<usize> = Vec::new();
        for &m in &members {
            let support = articles
                .values()
                .filter(|ids| ids.iter().any(|&j| overlap(v(j), v(m))))
                .count();
            if support < 2 || weighed.iter().any(|&r| overlap(v(r), v(m))) {
                continue;
            }
            weighed.push(m);
            let agreeing: Vec<usize> = members
                .iter()
                .copied()
                .filter(|&i| overlap(v(i), v(m)))
                .collect();
            let mut sub: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
            for &i in &members {
                if agreeing.contains(&i) || agreeing.iter().any(|&o| linked(i, o)) {
                    sub.entry(figures[i].article).or_default().push(i);
                }
            }
            if sub.len() < 2 || sub == articles {
                continue;
            }
            let beside = |major: usize| beside_in(&sub, major);
            // A slip of the scale ("1,5 million" for "150 000") must be said of the same thing
            // right beside both figures.
            let slipped = |odd: usize, major: usize| {
                let (wa, wb) = (&v(odd).detail.around, &v(major).detail.around);
                let near = wa.iter().filter(|w| wb.binary_search(w).is_ok()).count();
                slip(v(odd), v(major)) && (!scale_slip(v(odd), v(major)) || near >= 2)
            };
            if let Some(f) = quantity_finding(ctx, &figures, &sub, &linked, &beside, &slipped) {
                out.push(f);
                done.extend(sub.values().flatten().map(|&i| units[i].as_str()));
            }
        }
    }
    // A figure every source but one gives alike, of a unit of its own, and the one source's
    // lone figure of that unit beside it ("₱18.5 billion" in three sources, "₱21.4 billion" in
    // the fourth; "120 MW" and "100 MW"): one quantity, whatever the sentences' words, when
    // the two are less than twice apart and said of the same thing (the same modifier, no
    // target year, no list, and the gates of `fits` with the majority's figures).
    let plain = |i: usize| {
        value(figures[i]).anchor.is_none() && !listed[i] && value(figures[i]).kind != "ordinal"
    };
    // Said of one thing, as far as the sentences tell: the gates of `same_quantity` that do not
    // rest on shared words.
    let fits = |i: usize, j: usize| {
        let (x, y) = (&scenes[i], &scenes[j]);
        let rates_differ = rates[i] != rates[j] && !rates[i].is_empty() && !rates[j].is_empty();
        let scopes_differ = matches!((&scopes[i], &scopes[j]), (Some(a), Some(b)) if a != b);
        let past = (x.past_year && y.years.is_empty()) || (y.past_year && x.years.is_empty());
        stances[i] == stances[j]
            && x.running == y.running
            && !(rates_differ || scopes_differ || past || told_apart(i, j))
    };
    let mut lone_units: Vec<&&str> = by_unit.keys().collect();
    lone_units.sort();
    for u in lone_units {
        let Some(&first) = by_unit[*u].first() else {
            continue;
        };
        let skip = &rules_of(figures[first]).figures.distance_units;
        if u.is_empty() || *u == "%" || done.contains(*u) || skip.contains(*u) {
            continue;
        }
        let ids: Vec<usize> = by_unit[*u]
            .iter()
            .copied()
            .filter(|&i| !generic[i] && plain(i))
            .collect();
        if let Some(group) = lone_figure(&figures, &ids, &fits) {
            let beside = |major: usize| beside_in(&group, major);
            if let Some(f) =
                quantity_finding(ctx, &figures, &group, &|_, _| true, &beside, &|_, _| true)
            {
                out.push(f);
            }
        }
    }
    out
}

/// The group of a lone figure against a figure all the other sources give (see the end of
/// `run`): the odd article's figure and the others' figures of the majority's band.
fn lone_figure(
    figures: &[&Claim],
    ids: &[usize],
    fits: &dyn Fn(usize, usize) -> bool,
) -> Option<BTreeMap<usize, Vec<usize>>> {
    let v = |i: usize| value(figures[i]);
    let mut by_article: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for &i in ids {
        by_article.entry(figures[i].article).or_default().push(i);
    }
    if by_article.len() < 3 {
        return None;
    }
    let bounded = |i: usize| v(i).low.is_some() && v(i).high.is_some();
    let support = |i: usize| {
        by_article
            .values()
            .filter(|os| os.iter().any(|&o| overlap(v(o), v(i))))
            .count()
    };
    let major = ids
        .iter()
        .copied()
        .filter(|&i| bounded(i))
        .max_by_key(|&i| (support(i), std::cmp::Reverse(i)))?;
    if support(major) + 1 != by_article.len() {
        return None;
    }
    let (&odd_article, odd_ids) = by_article
        .iter()
        .find(|(_, os)| !os.iter().any(|&o| overlap(v(o), v(major))))?;
    let near: Vec<usize> = odd_ids
        .iter()
        .copied()
        .filter(|&o| {
            let (x, y) = (v(o).amount.abs(), v(major).amount.abs());
            x.max(y) < 2.0 * x.min(y)
        })
        .collect();
    let &[odd] = near.as_slice() else {
        return None;
    };
    // Given by another source too, it is another quantity of the story ("more than 46,000"
    // gives nothing).
    if ids
        .iter()
        .any(|&o| figures[o].article != odd_article && bounded(o) && overlap(v(o), v(odd)))
        || v(odd).detail.modifier != v(major).detail.modifier
    {
        return None;
    }
    // "5.5 km" is "5.46 km" rounded.
    let rounded = |x: &QuantityValue, y: &QuantityValue| {
        x.qualifier == "exact" && (x.amount - y.amount).abs() <= x.precision / 2.0 + 1e-9
    };
    if rounded(v(odd), v(major)) || rounded(v(major), v(odd)) {
        return None;
    }
    let mut group: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (&a, os) in &by_article {
        if a != odd_article {
            let agreeing: Vec<usize> = os
                .iter()
                .copied()
                .filter(|&o| overlap(v(o), v(major)) && fits(odd, o))
                .collect();
            if !agreeing.is_empty() {
                group.insert(a, agreeing);
            }
        }
    }
    if group.len() < 2 {
        return None;
    }
    group.insert(odd_article, vec![odd]);
    Some(group)
}

fn quantity_finding(
    ctx: &StoryCtx,
    figures: &[&Claim],
    articles: &BTreeMap<usize, Vec<usize>>,
    linked: &dyn Fn(usize, usize) -> bool,
    beside: &dyn Fn(usize) -> Vec<usize>,
    odd_ok: &dyn Fn(usize, usize) -> bool,
) -> Option<Finding> {
    let v = |i: usize| value(figures[i]);
    let meets = |i: usize, j: usize| overlap(v(i), v(j)) && !open_slip(v(i), v(j));
    let support = |i: usize| {
        articles
            .values()
            .filter(|ids| ids.iter().any(|&j| meets(i, j)))
            .count()
    };
    let all: Vec<usize> = articles.values().flatten().copied().collect();
    let mut ranked: Vec<(usize, usize)> = all.iter().map(|&i| (support(i), i)).collect();
    // The most supported reading; of equals, the most precise, then the first in the text.
    ranked.sort_by(|a, b| {
        b.0.cmp(&a.0).then_with(|| {
            let width = |i: usize| {
                let (lo, hi) = band(v(i));
                hi - lo
            };
            width(a.1)
                .partial_cmp(&width(b.1))
                .unwrap_or(std::cmp::Ordering::Equal)
                .then(
                    (figures[a.1].article, figures[a.1].start)
                        .cmp(&(figures[b.1].article, figures[b.1].start)),
                )
        })
    });
    // A figure with both ends is the reading, when two sources give it: an open band ("more
    // than Sh300 million") agrees with anything above it.
    let bounded = |i: usize| v(i).low.is_some() && v(i).high.is_some();
    if ranked
        .iter()
        .any(|&(support, i)| bounded(i) && support >= 2)
    {
        ranked.retain(|&(_, i)| bounded(i));
    }
    let &(top, major) = ranked.first()?;
    if top < 2 {
        return None;
    }
    let agrees = |i: usize| meets(i, major);
    // An open band ("at least Sh150 million") makes its article a majority one only when the
    // article gives no other figure of the group.
    let majority_articles: BTreeSet<usize> = articles
        .iter()
        .filter(|(_, ids)| {
            ids.iter().any(|&i| agrees(i) && bounded(i)) || ids.iter().all(|&i| agrees(i))
        })
        .map(|(a, _)| *a)
        .collect();
    let mut odd: Vec<(usize, usize)> = Vec::new();
    // "guilty on seven of the nine counts ... convicted on five counts": an article that
    // states the majority's figure itself, even without its noun, does not contradict it.
    let lang = |a: usize| ctx.rules.lang(&ctx.articles[a].meta.lang);
    let major_unit = unit_of(v(major), lang(figures[major].article));
    let states_major = |a: usize| {
        ctx.claims.iter().any(|c| {
            c.article == a
                && c.quantity().is_some_and(|q| {
                    q.amount == v(major).amount
                        && q.kind == v(major).kind
                        && (q.unit.is_none() || unit_of(q, lang(a)) == major_unit)
                })
        })
    };
    for (&a, ids) in articles {
        if majority_articles.contains(&a) || states_major(a) {
            continue;
        }
        // The odd figure, given by a majority source too, is another quantity of the story.
        // Given by a majority source anywhere, of its unit: "le procureur avait requis 60
        // millions" beside "condamnée à 45 millions" is another quantity of the story.
        let unit =
            |c: &Claim| unit_of(value(c), ctx.rules.lang(&ctx.articles[c.article].meta.lang));
        let elsewhere = |i: usize| {
            articles.iter().any(|(b, os)| {
                *b != a
                    && majority_articles.contains(b)
                    && os.iter().any(|&o| bounded(o) && overlap(v(o), v(i)))
            }) || bounded(i)
                && figures.iter().any(|o| {
                    o.article != a
                        && majority_articles.contains(&o.article)
                        && value(o).low.is_some()
                        && value(o).high.is_some()
                        && overlap(value(o), v(i))
                        && unit(o).is_some()
                        && unit(o) == unit(figures[i])
                })
        };
        // "6 millions d'euros bonus compris" where a majority source writes "4,5 millions
        // d'euros, auxquels pourront s'ajouter 1,5 million de bonus": a total of its parts.
        let added_up = |i: usize| {
            let key = unit_of(v(i), lang(a));
            majority_articles.iter().any(|&b| {
                let parts: Vec<&QuantityValue> = ctx
                    .claims
                    .iter()
                    .filter(|c| c.article == b)
                    .filter_map(|c| c.quantity())
                    .filter(|q| unit_of(q, lang(b)) == key && q.kind != "ordinal")
                    .collect();
                parts.iter().enumerate().any(|(x, p)| {
                    parts[x + 1..].iter().any(|q| {
                        p.detail.sentence == q.detail.sentence && {
                            let total = p.amount + q.amount;
                            let (lo, hi) = band(v(i));
                            total >= lo - 1e-9 * total.abs() && total <= hi + 1e-9 * total.abs()
                        }
                    })
                })
            })
        };
        let candidates: Vec<usize> = ids
            .iter()
            .copied()
            .filter(|&i| !elsewhere(i) && !added_up(i))
            .collect();
        // Matched to half the majority sources' figures themselves, not only through a third
        // one.
        let best = candidates.iter().copied().max_by_key(|&i| {
            majority_articles
                .iter()
                .filter(|&&m| articles[&m].iter().any(|&o| agrees(o) && linked(i, o)))
                .count()
        });
        let Some(best) = best else { continue };
        let matched = majority_articles
            .iter()
            .filter(|&&m| articles[&m].iter().any(|&o| agrees(o) && linked(best, o)))
            .count();
        // A figure as well supported as the majority's: the sources are split, or the group
        // holds two quantities.
        // One majority sentence is enough for a figure that differs from the majority's by a
        // slip of one digit ("€35 million" for "€38 million"), which chance rarely makes.
        let typo = {
            let (x, y) = (value(figures[best]), value(figures[major]));
            one_digit(x, y) || slip(x, y)
        };
        let enough = matched * 2 >= majority_articles.len() || (typo && matched >= 1);
        if enough && support(best) < top && odd_ok(best, major) {
            odd.push((a, best));
        }
    }
    if odd.is_empty() || odd.len() >= top {
        return None;
    }
    let shown = |i: usize| figures[i].text.trim().to_string();
    let major_text = shown(major);
    let mut readings: Vec<Reading> = Vec::new();
    // The majority's figures, wherever located.
    let mut majority_figures: Vec<&Claim> = Vec::new();
    for (&a, ids) in articles {
        if !majority_articles.contains(&a) {
            continue;
        }
        let agreeing: Vec<usize> = ids.iter().copied().filter(|&i| agrees(i)).collect();
        majority_figures.extend(agreeing.iter().map(|&i| figures[i]));
        if !agreeing.is_empty() {
            readings.push(Reading {
                article: a,
                value: major_text.clone(),
                spans: agreeing
                    .iter()
                    .map(|&i| (figures[i].start, figures[i].end))
                    .collect(),
            });
        }
    }
    let mut outside: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in beside(major) {
        outside.entry(figures[i].article).or_default().push(i);
    }
    for (a, ids) in outside {
        majority_figures.extend(ids.iter().map(|&i| figures[i]));
        readings.push(Reading {
            article: a,
            value: major_text.clone(),
            spans: ids
                .iter()
                .map(|&i| (figures[i].start, figures[i].end))
                .collect(),
        });
    }
    // A source that gives the majority's very figure without its noun, in a sentence that
    // tells of the same thing ("a crash in the final 2 km ... forced 11 out of the race"
    // beside "the race lost 11 riders after the crash").
    let mut unnamed: BTreeMap<usize, Vec<(usize, usize)>> = BTreeMap::new();
    for c in ctx.claims.iter().copied() {
        let Some(q) = c.quantity() else { continue };
        let stated = readings.iter().any(|r| r.article == c.article)
            || odd.iter().any(|(a, _)| *a == c.article);
        if !stated
            && ctx.story.contains(&c.article)
            && q.unit.is_none()
            && q.kind == v(major).kind
            && q.qualifier == "exact"
            && q.amount == v(major).amount
            && majority_figures
                .iter()
                .any(|o| events::shared_words(event(c), event(o)) >= UNNAMED_WORDS)
        {
            unnamed.entry(c.article).or_default().push((c.start, c.end));
        }
    }
    for (article, spans) in unnamed {
        readings.push(Reading {
            article,
            value: major_text.clone(),
            spans,
        });
    }
    for &(a, i) in &odd {
        readings.push(Reading {
            article: a,
            value: shown(i),
            spans: vec![(figures[i].start, figures[i].end)],
        });
    }
    let lang = &ctx.articles[figures[major].article].meta.lang;
    let key = unit_of(v(major), ctx.rules.lang(lang)).unwrap_or_default();
    // A toll is named by its state ("dead"), not by the people it counts.
    let unit = match &v(major).detail.state {
        Some(state) => state.clone(),
        None => v(major).unit.clone().unwrap_or_else(|| key.clone()),
    };
    cross_source(
        CHECK.id,
        CHECK.default_severity,
        &format!("figure:{key}:{major_text}"),
        &format!("figure for «{unit}»"),
        readings,
        ctx.articles,
    )
}
