//! Figure rules compiled: unit aliases, units left out of comparison, and the cues of a
//! breakdown, folded once.
use std::collections::{BTreeMap, HashSet};

use super::compiled::folded;
use super::{RuleError, RuleFile, RuleSource};
use crate::text::fold;

#[derive(Debug, Default)]
pub struct FigureRules {
    pub unit_aliases: BTreeMap<String, String>,
    pub skip_units: HashSet<String>,
    /// Units of length, aliases applied: see `figure.conflict`'s lone figures.
    pub distance_units: HashSet<String>,
    /// Folded cue phrases, longest first.
    pub breakdown_cues: Vec<String>,
    pub opening_cues: Vec<String>,
    pub total_cues: Vec<String>,
    /// Folded words that make a figure a whole, longest first.
    pub whole_words: Vec<String>,
    /// Folded words that make a list of parts partial, longest first.
    pub partial_cues: Vec<String>,
    /// Folded words that close a list with the rest of a whole, longest first.
    pub rest_cues: Vec<String>,
    /// Folded words that make a figure a count of the rest ("185 autres candidats").
    pub other_words: HashSet<String>,
    /// Folded counted nouns that count any people.
    pub generic_units: HashSet<String>,
    /// Folded words that open a list member without a figure.
    pub unnumbered_members: HashSet<String>,
    pub rate_markers: Vec<String>,
    /// Folded phrases after a figure that make it a rate ("par an", "a share"), longest first,
    /// with what the rate is per ("year", "share").
    pub per_markers: Vec<(String, String)>,
    /// Folded words that open what a counted noun is of ("of", "de").
    pub of_words: Vec<String>,
    /// Folded phrases that make a sentence's figures a proposal, demand or forecast.
    pub stance_words: Vec<String>,
    /// Folded words that end a figure's neighbourhood.
    pub context_breaks: HashSet<String>,
    /// Folded phrases naming the whole a figure is of, longest first, with its level.
    pub scope_words: Vec<(String, String)>,
    /// Folded phrases before a figure compared with another, longest first.
    pub comparison_words: Vec<String>,
    pub reference_words: Vec<String>,
}

impl FigureRules {
    /// The key two wordings of one unit share.
    pub fn unit_key(&self, unit: &str) -> String {
        let f = fold(unit);
        self.unit_aliases.get(&f).cloned().unwrap_or(f)
    }
}

fn longest_first(v: &[String]) -> Vec<String> {
    let mut out: Vec<String> = v.iter().map(|w| fold(w)).collect();
    out.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    out.dedup();
    out
}

pub fn compile(files: &[&(&RuleSource, RuleFile)]) -> Result<FigureRules, RuleError> {
    let mut rules = FigureRules::default();
    let (mut cues, mut openers, mut markers) = (Vec::new(), Vec::new(), Vec::new());
    let mut totals = Vec::new();
    let (mut wholes, mut partials, mut rests) = (Vec::new(), Vec::new(), Vec::new());
    let mut pers = Vec::new();
    let mut stances = Vec::new();
    let mut scopes = Vec::new();
    let mut comparisons = Vec::new();
    let mut references = Vec::new();
    for (_, f) in files {
        if let Some(s) = &f.figures {
            for (k, v) in &s.unit_aliases {
                rules.unit_aliases.insert(fold(k), fold(v));
            }
            rules.skip_units.extend(folded(&s.skip_units));
            rules.distance_units.extend(folded(&s.distance_units));
            cues.extend(s.breakdown_cues.iter().cloned());
            openers.extend(s.opening_cues.iter().cloned());
            totals.extend(s.total_cues.iter().cloned());
            wholes.extend(s.whole_words.iter().cloned());
            partials.extend(s.partial_cues.iter().cloned());
            rests.extend(s.rest_cues.iter().cloned());
            rules.other_words.extend(folded(&s.other_words));
            rules.generic_units.extend(folded(&s.generic_units));
            rules
                .unnumbered_members
                .extend(folded(&s.unnumbered_members));
            markers.extend(s.rate_markers.iter().cloned());
            pers.extend(s.per_markers.iter().map(|(k, v)| (fold(k), v.clone())));
            rules.of_words.extend(folded(&s.of_words));
            stances.extend(s.stance_words.iter().cloned());
            scopes.extend(s.scope_words.iter().map(|(k, v)| (fold(k), v.clone())));
            rules.context_breaks.extend(folded(&s.context_breaks));
            comparisons.extend(s.comparison_words.iter().cloned());
            references.extend(folded(&s.reference_words));
        }
    }
    rules.breakdown_cues = longest_first(&cues);
    rules.opening_cues = longest_first(&openers);
    rules.total_cues = longest_first(&totals);
    rules.whole_words = longest_first(&wholes);
    rules.partial_cues = longest_first(&partials);
    rules.rest_cues = longest_first(&rests);
    rules.comparison_words = longest_first(&comparisons);
    rules.reference_words = longest_first(&references);
    rules.rate_markers = longest_first(&markers);
    pers.sort_by(|a: &(String, String), b| b.0.len().cmp(&a.0.len()).then(a.cmp(b)));
    rules.per_markers = pers;
    scopes.sort_by(|a: &(String, String), b| b.0.len().cmp(&a.0.len()).then(a.cmp(b)));
    rules.scope_words = scopes;
    rules.stance_words = longest_first(&stances);
    Ok(rules)
}
