//! Number rules: the word tables of one language (number words, scales, currencies, qualifiers)
//! as typed TOML, and their compiled form. Phrases are split into the tokens the quantity
//! extractor reads, so that matching them is a comparison of folded tokens, not a regex run.
use std::collections::BTreeMap;

use regex::Regex;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use serde::Deserialize;

use super::{RuleError, RuleFile, RuleSource};
use crate::text::{fold, lower};

/// `[numbers]` of a rule file.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NumbersSpec {
    /// "5,6" is 5.6 and "400.000" is 400000 (French); otherwise "1,234.5" (English).
    pub decimal_comma: Option<bool>,
    /// Number words below one hundred ("cinq" = 5, "vingt" = 20, "twenty" = 20).
    #[serde(default)]
    pub words: BTreeMap<String, u32>,
    /// Words that multiply what comes before them by one hundred ("cent", "hundred").
    #[serde(default)]
    pub hundreds: Vec<String>,
    /// Scale words ("mille" = 1e3, "millions" = 1e6, "billion" = 1e9 in English, 1e12 in French).
    #[serde(default)]
    pub scales: BTreeMap<String, f64>,
    /// Scale words that are a number on their own ("mille", "cent"): "million" needs "un".
    #[serde(default)]
    pub bare_scales: Vec<String>,
    /// Scale abbreviations after digits, case-sensitive ("k", "M", "Md", "bn").
    #[serde(default)]
    pub abbreviations: BTreeMap<String, f64>,
    /// Abbreviations that are a scale only in an amount of money ("$5m"; "5 m" is metres).
    #[serde(default)]
    pub money_abbreviations: BTreeMap<String, f64>,
    /// Nouns that count by a fixed number ("douzaine" = 12).
    #[serde(default)]
    pub groups: BTreeMap<String, f64>,
    /// Nouns that count about a number ("centaine" = 100: "une centaine" is about 100).
    #[serde(default)]
    pub approximate_groups: BTreeMap<String, f64>,
    /// Number words that are articles unless a scale or group follows ("un", "a").
    #[serde(default)]
    pub articles: Vec<String>,
    /// Words inside a number in words ("vingt et un", "hundred and five").
    #[serde(default)]
    pub connectors: Vec<String>,
    /// Ordinal word → the cardinal word it stands for ("vingtième" → "vingt").
    #[serde(default)]
    pub ordinals: BTreeMap<String, String>,
    /// Endings of written ordinals ("1er", "23e", "3rd").
    #[serde(default)]
    pub ordinal_suffixes: Vec<String>,
    /// Words after which an ordinal word is part of a title, not a rank ("premier ministre").
    #[serde(default)]
    pub not_ordinal_before: Vec<String>,
    /// Phrases that add half a scale after it ("un million et demi").
    #[serde(default)]
    pub halves: Vec<String>,
    /// Denominator words besides ordinals ("tiers" = 3, "quart" = 4, "demi" = 2): "deux tiers".
    #[serde(default)]
    pub fractions: BTreeMap<String, f64>,
    /// The words between a number and its denominator ("un sur trois", "two out of five").
    #[serde(default)]
    pub ratio_words: Vec<String>,
    /// The word between the integer part and the decimals of a number in words ("deux virgule
    /// cinq", "two point five").
    #[serde(default)]
    pub decimal_words: Vec<String>,
    /// Hundredths of a currency after its amount ("15 dollars et 15 cents").
    #[serde(default)]
    pub subunits: Vec<String>,
    /// Measures a fraction word counts on its own ("demi-litre", "quart d'heure", "half a mile").
    #[serde(default)]
    pub fraction_units: Vec<String>,
    /// Unit symbols written with a capital, matched as written ("MW", "GWh"): a counted noun
    /// is otherwise a lowercase word.
    #[serde(default)]
    pub unit_symbols: Vec<String>,
    /// Phrases after a figure that make it negative ("10 degrés en dessous de zéro").
    #[serde(default)]
    pub below_zero: Vec<String>,
    /// Words that make the number after them negative ("moins 5", "minus 5").
    #[serde(default)]
    pub negatives: Vec<String>,
    /// Phrases after a number that make it a percentage.
    #[serde(default)]
    pub percent: Vec<String>,
    /// Currency form → code ("dirhams" = "MAD", "$" = "USD").
    #[serde(default)]
    pub currencies: BTreeMap<String, String>,
    /// Currency forms that carry a scale ("MDH" = 1e6: million dirhams); their code is in
    /// `currencies`.
    #[serde(default)]
    pub currency_scales: BTreeMap<String, f64>,
    /// Phrase before a number → qualifier (exact, about, more_than, at_least, less_than,
    /// at_most).
    #[serde(default)]
    pub qualifiers: BTreeMap<String, String>,
    /// Phrase after a quantity → qualifier ("ou plus" = at_least).
    #[serde(default)]
    pub post_qualifiers: BTreeMap<String, String>,
    /// What joins the two ends of a range ("à", "-", "to").
    #[serde(default)]
    pub range_links: Vec<String>,
    /// A word before a range → the word between its ends ("entre" → "et").
    #[serde(default)]
    pub range_openers: BTreeMap<String, String>,
    /// Words between a number and its counted noun ("de", "of", "nouveaux").
    #[serde(default)]
    pub unit_skip: Vec<String>,
    /// Words before a counted noun that count as the unit only when no noun follows them
    /// ("27 trapped miners", but "14 injured").
    #[serde(default)]
    pub unit_modifiers: Vec<String>,
    /// What befell the counted people, said after them ("two people were killed", "trois
    /// personnes sont mortes") or by the verb before them ("killing two people") → one key
    /// for a toll ("dead", "injured"): a toll is of its state, not of people at large.
    #[serde(default)]
    pub states: BTreeMap<String, String>,
    #[serde(default)]
    pub states_before: BTreeMap<String, String>,
    /// Words that may stand between the counted people and their state ("were", "confirmed").
    #[serde(default)]
    pub state_links: Vec<String>,
    /// The nouns a state refines ("people", "personnes"); a figure without a noun takes one too.
    #[serde(default)]
    pub state_nouns: Vec<String>,
    /// Adjectives after a counted noun that say which ones, as a modifier before it does in
    /// English ("quatre stations intermédiaires", "1 200 emplois directs").
    #[serde(default)]
    pub post_modifiers: Vec<String>,
    /// Words right before a figure, or between it and its noun, that say which ones ("the
    /// remaining four sections", "les quatre autres tronçons"): another count than the whole's.
    #[serde(default)]
    pub pre_modifiers: Vec<String>,
    /// The counted noun ends its phrase ("147 long-finned pilot whales", "300 police
    /// officers"): a participle compound before it is skipped, and a plural noun right after a
    /// singular one is the counted noun (English).
    pub head_last: Option<bool>,
    /// A noun phrase before a figure that says what it counts when no noun follows ("the death
    /// toll rose to 14") → the counted noun.
    #[serde(default)]
    pub unit_before: BTreeMap<String, String>,
    /// Phrases before the year a figure is a target for ("d'ici", "à l'horizon", "by").
    #[serde(default)]
    pub anchor_markers: Vec<String>,
    /// Units of a time of day ("h", "heures"), and the words before one ("à", "at").
    #[serde(default)]
    pub time_units: Vec<String>,
    #[serde(default)]
    pub time_prepositions: Vec<String>,
    /// Words after a number that make it a time of day ("am", "pm").
    #[serde(default)]
    pub time_suffixes: Vec<String>,
    /// Words that make "2-1" a score in a sentence.
    #[serde(default)]
    pub score_words: Vec<String>,
    /// A unit → the smaller units that may follow it in one measure, and how many of them make
    /// one ("5 feet 2 inches" is 5 + 2/12 feet).
    #[serde(default)]
    pub compound_units: BTreeMap<String, BTreeMap<String, f64>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Qualifier {
    Exact,
    About,
    MoreThan,
    AtLeast,
    LessThan,
    AtMost,
}

impl Qualifier {
    pub fn parse(s: &str) -> Option<Qualifier> {
        Some(match s {
            "exact" => Qualifier::Exact,
            "about" => Qualifier::About,
            "more_than" => Qualifier::MoreThan,
            "at_least" => Qualifier::AtLeast,
            "less_than" => Qualifier::LessThan,
            "at_most" => Qualifier::AtMost,
            _ => return None,
        })
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Qualifier::Exact => "exact",
            Qualifier::About => "about",
            Qualifier::MoreThan => "more_than",
            Qualifier::AtLeast => "at_least",
            Qualifier::LessThan => "less_than",
            Qualifier::AtMost => "at_most",
        }
    }
}

/// A phrase as the extractor's folded tokens.
pub type Phrase = Vec<String>;

#[derive(Debug, Clone)]
pub struct Currency {
    pub phrase: Phrase,
    pub code: String,
    pub scale: f64,
}

#[derive(Debug, Default)]
pub struct NumberRules {
    pub decimal_comma: bool,
    pub words: HashMap<String, u32>,
    pub hundreds: HashSet<String>,
    pub scales: HashMap<String, f64>,
    pub bare_scales: HashSet<String>,
    /// Case-sensitive.
    pub abbreviations: HashMap<String, f64>,
    pub money_abbreviations: HashMap<String, f64>,
    /// Group noun → (count, approximate).
    pub groups: HashMap<String, (f64, bool)>,
    pub articles: HashSet<String>,
    pub connectors: HashSet<String>,
    pub ordinals: HashMap<String, String>,
    pub ordinal_suffixes: HashSet<String>,
    pub not_ordinal_before: HashSet<String>,
    pub halves: Vec<Phrase>,
    pub fractions: HashMap<String, f64>,
    /// Longest first.
    pub ratio_words: Vec<Phrase>,
    pub decimal_words: HashSet<String>,
    pub subunits: HashSet<String>,
    pub fraction_units: HashSet<String>,
    pub unit_symbols: HashSet<String>,
    /// Longest first.
    pub below_zero: Vec<Phrase>,
    pub negatives: HashSet<String>,
    pub percent: Vec<Phrase>,
    /// Longest first.
    pub currencies: Vec<Currency>,
    /// The first words of the currency phrases: most tokens are passed over at one lookup.
    pub currency_starts: HashSet<String>,
    pub qualifiers: Vec<(Phrase, Qualifier)>,
    pub post_qualifiers: Vec<(Phrase, Qualifier)>,
    pub range_links: HashSet<String>,
    pub range_openers: HashMap<String, String>,
    pub unit_skip: HashSet<String>,
    pub unit_modifiers: HashSet<String>,
    pub states: HashMap<String, String>,
    pub states_before: HashMap<String, String>,
    pub state_links: HashSet<String>,
    pub state_nouns: HashSet<String>,
    pub post_modifiers: HashSet<String>,
    pub pre_modifiers: HashSet<String>,
    pub head_last: bool,
    /// Folded words of a phrase before a figure → its counted noun.
    pub unit_before: Vec<(Vec<String>, String)>,
    pub anchor_markers: Vec<Phrase>,
    pub time_units: HashSet<String>,
    pub time_prepositions: HashSet<String>,
    pub time_suffixes: HashSet<String>,
    pub score_words: HashSet<String>,
    /// Unit → smaller unit → how many of it make one unit (folded).
    pub compound_units: HashMap<String, HashMap<String, f64>>,
    /// Any digit or number word: a sentence it does not match has no quantity.
    pub trigger: Option<Regex>,
}

impl NumberRules {
    /// Whether `w` (folded) can be part of a number written in words.
    pub fn is_number_word(&self, w: &str) -> bool {
        self.words.contains_key(w)
            || self.hundreds.contains(w)
            || self.scales.contains_key(w)
            || self.ordinals.contains_key(w)
    }
}

/// Splits a rule phrase as the extractor splits text, folded: "d'ici" → ["d'", "ici"],
/// "US$" → ["us", "$"].
pub fn phrase(s: &str) -> Phrase {
    let f = fold(s);
    let mut out = Vec::new();
    let mut word = String::new();
    for c in f.chars() {
        if c.is_alphabetic() || c.is_ascii_digit() {
            word.push(c);
        } else if c == '\'' && !word.is_empty() {
            word.push(c);
            out.push(std::mem::take(&mut word));
        } else {
            if !word.is_empty() {
                out.push(std::mem::take(&mut word));
            }
            if !c.is_whitespace() {
                out.push(c.to_string());
            }
        }
    }
    if !word.is_empty() {
        out.push(word);
    }
    out
}

fn phrases(v: &[String]) -> Vec<Phrase> {
    let mut out: Vec<Phrase> = v
        .iter()
        .map(|s| phrase(s))
        .filter(|p| !p.is_empty())
        .collect();
    out.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    out.dedup();
    out
}

fn qualifier_table(
    src: &RuleSource,
    name: &str,
    m: &BTreeMap<String, String>,
) -> Result<Vec<(Phrase, Qualifier)>, RuleError> {
    let mut out = Vec::new();
    for (k, v) in m {
        let q = Qualifier::parse(v).ok_or_else(|| {
            RuleError::at_text(
                src,
                &format!("\"{v}\""),
                format!("`{name}` entry \"{k}\" = \"{v}\" is not a qualifier"),
            )
            .with_help("qualifiers: exact, about, more_than, at_least, less_than, at_most")
        })?;
        out.push((phrase(k), q));
    }
    Ok(out)
}

pub fn compile(files: &[&(&RuleSource, RuleFile)]) -> Result<NumberRules, RuleError> {
    let mut r = NumberRules::default();
    let mut currency_scales: HashMap<String, f64> = HashMap::default();
    let mut currencies: BTreeMap<String, String> = BTreeMap::new();
    let (mut halves, mut percent, mut anchors) = (Vec::new(), Vec::new(), Vec::new());
    let (mut ratios, mut below) = (Vec::new(), Vec::new());
    // Number words as written, accents kept: the trigger runs on the text, not on folded words.
    let mut spellings: Vec<String> = Vec::new();
    let set = |v: &[String]| v.iter().map(|w| fold(w)).collect::<Vec<_>>();
    for (src, f) in files {
        let Some(n) = &f.numbers else { continue };
        r.decimal_comma = n.decimal_comma.unwrap_or(r.decimal_comma);
        r.words.extend(n.words.iter().map(|(k, v)| (fold(k), *v)));
        r.hundreds.extend(set(&n.hundreds));
        r.scales.extend(n.scales.iter().map(|(k, v)| (fold(k), *v)));
        r.bare_scales.extend(set(&n.bare_scales));
        r.abbreviations
            .extend(n.abbreviations.iter().map(|(k, v)| (k.clone(), *v)));
        r.money_abbreviations
            .extend(n.money_abbreviations.iter().map(|(k, v)| (k.clone(), *v)));
        r.groups
            .extend(n.groups.iter().map(|(k, v)| (fold(k), (*v, false))));
        r.groups.extend(
            n.approximate_groups
                .iter()
                .map(|(k, v)| (fold(k), (*v, true))),
        );
        r.articles.extend(set(&n.articles));
        r.connectors.extend(set(&n.connectors));
        r.ordinals
            .extend(n.ordinals.iter().map(|(k, v)| (fold(k), fold(v))));
        r.ordinal_suffixes.extend(set(&n.ordinal_suffixes));
        r.not_ordinal_before.extend(set(&n.not_ordinal_before));
        halves.extend(n.halves.iter().cloned());
        r.fractions
            .extend(n.fractions.iter().map(|(k, v)| (fold(k), *v)));
        ratios.extend(n.ratio_words.iter().cloned());
        below.extend(n.below_zero.iter().cloned());
        r.decimal_words.extend(set(&n.decimal_words));
        r.subunits.extend(set(&n.subunits));
        r.fraction_units.extend(set(&n.fraction_units));
        r.unit_symbols.extend(n.unit_symbols.iter().cloned());
        spellings.extend(n.words.keys().chain(n.ordinals.keys()).map(|w| lower(w)));
        r.negatives.extend(set(&n.negatives));
        percent.extend(n.percent.iter().cloned());
        currencies.extend(n.currencies.iter().map(|(k, v)| (k.clone(), v.clone())));
        currency_scales.extend(n.currency_scales.iter().map(|(k, v)| (fold(k), *v)));
        r.qualifiers
            .extend(qualifier_table(src, "qualifiers", &n.qualifiers)?);
        r.post_qualifiers
            .extend(qualifier_table(src, "post_qualifiers", &n.post_qualifiers)?);
        r.range_links.extend(set(&n.range_links));
        r.range_openers
            .extend(n.range_openers.iter().map(|(k, v)| (fold(k), fold(v))));
        r.unit_skip.extend(set(&n.unit_skip));
        r.unit_modifiers.extend(set(&n.unit_modifiers));
        r.states
            .extend(n.states.iter().map(|(k, v)| (fold(k), v.clone())));
        r.states_before
            .extend(n.states_before.iter().map(|(k, v)| (fold(k), v.clone())));
        r.state_links.extend(set(&n.state_links));
        r.state_nouns.extend(set(&n.state_nouns));
        r.post_modifiers.extend(set(&n.post_modifiers));
        r.pre_modifiers.extend(set(&n.pre_modifiers));
        if let Some(h) = n.head_last {
            r.head_last = h;
        }
        r.unit_before.extend(n.unit_before.iter().map(|(k, v)| {
            (
                fold(k).split_whitespace().map(str::to_string).collect(),
                v.clone(),
            )
        }));
        anchors.extend(n.anchor_markers.iter().cloned());
        r.time_units.extend(set(&n.time_units));
        r.time_prepositions.extend(set(&n.time_prepositions));
        r.time_suffixes.extend(set(&n.time_suffixes));
        r.score_words.extend(set(&n.score_words));
        for (unit, parts) in &n.compound_units {
            r.compound_units
                .entry(fold(unit))
                .or_default()
                .extend(parts.iter().map(|(k, v)| (fold(k), *v)));
        }
        for (k, v) in n.ordinals.iter() {
            if !n.words.contains_key(v)
                && !n.hundreds.contains(v)
                && !n.scales.contains_key(v)
                && !r.words.contains_key(&fold(v))
                && !r.hundreds.contains(&fold(v))
                && !r.scales.contains_key(&fold(v))
            {
                return Err(RuleError::at_text(
                    src,
                    &format!("\"{v}\""),
                    format!("ordinal \"{k}\" stands for \"{v}\", which is no number word"),
                ));
            }
        }
    }
    r.halves = phrases(&halves);
    r.percent = phrases(&percent);
    r.anchor_markers = phrases(&anchors);
    r.ratio_words = phrases(&ratios);
    r.below_zero = phrases(&below);
    // Longest first, so that "francs CFA" wins over "francs".
    for (k, code) in &currencies {
        let p = phrase(k);
        if p.is_empty() {
            continue;
        }
        let scale = currency_scales.get(&fold(k)).copied().unwrap_or(1.0);
        r.currencies.push(Currency {
            phrase: p,
            code: code.clone(),
            scale,
        });
    }
    r.currencies.sort_by(|a, b| {
        b.phrase
            .len()
            .cmp(&a.phrase.len())
            .then(a.phrase.cmp(&b.phrase))
    });
    r.currency_starts = r
        .currencies
        .iter()
        .filter_map(|c| c.phrase.first().cloned())
        .collect();
    r.qualifiers
        .sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(&b.0)));
    r.post_qualifiers
        .sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(&b.0)));
    r.trigger = trigger(&r, &spellings);
    Ok(r)
}

/// Digits, or any number word, as a whole word: one pass tells whether a sentence is worth
/// reading. Words are matched on both spellings; ASCII boundaries keep the fast engine.
fn trigger(r: &NumberRules, spellings: &[String]) -> Option<Regex> {
    let mut words: Vec<String> = r
        .words
        .keys()
        .chain(r.hundreds.iter())
        .chain(r.scales.keys())
        .chain(r.ordinals.keys())
        .chain(r.groups.keys())
        .chain(r.fractions.keys())
        .chain(spellings.iter())
        .flat_map(|w| [w.clone(), lower(w)])
        .flat_map(|w| w.split(['-', ' ']).map(str::to_string).collect::<Vec<_>>())
        // Words this short ("un", "a") count only before a scale or group word, which the
        // trigger finds; leaving them out keeps the trigger selective.
        .filter(|w| w.chars().count() >= 3)
        .collect();
    // Digits, and the vulgar fractions ("½", "⅙").
    let digits = "[0-9\u{BC}-\u{BE}\u{2150}-\u{215E}]";
    if words.is_empty() {
        return Regex::new(digits).ok();
    }
    words.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    words.dedup();
    let alt = words
        .iter()
        .map(|w| regex::escape(w))
        .collect::<Vec<_>>()
        .join("|");
    regex::RegexBuilder::new(&format!(r"(?i){digits}|(?:{alt})"))
        .dfa_size_limit(super::compiled::DFA_CACHE_BYTES)
        .build()
        .ok()
}
