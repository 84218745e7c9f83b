//! Place rules compiled: the words that introduce places in each language, and the gazetteer
//! (rules/common/places.toml) as a map from folded names and aliases to known places.
use std::collections::{BTreeMap, HashSet};

use super::{PlacesSpec, RuleError, RuleFile, RuleSource};
use crate::text::{fold, lower};

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord)]
pub enum PlaceKind {
    Country,
    Region,
    /// A town or city: a gazetteer city, or a name after a town preposition.
    #[default]
    Locality,
    Venue,
}

impl PlaceKind {
    pub fn as_str(self) -> &'static str {
        match self {
            PlaceKind::Country => "country",
            PlaceKind::Region => "region",
            PlaceKind::Locality => "locality",
            PlaceKind::Venue => "venue",
        }
    }
}

#[derive(Debug, Clone)]
pub struct Known {
    pub name: String,
    pub kind: PlaceKind,
    /// The keys of the places that contain it, nearest first.
    pub within: Vec<String>,
}

#[derive(Debug, Default)]
pub struct PlaceRules {
    /// Lowercased word sequences, longest first.
    pub town_prepositions: Vec<Vec<String>>,
    pub other_prepositions: Vec<Vec<String>>,
    pub relative_prepositions: Vec<Vec<String>>,
    /// The first words of all three, so that most tokens are passed over at one lookup.
    pub preposition_starts: HashSet<String>,
    pub venue_words: HashSet<String>,
    pub region_words: HashSet<String>,
    pub site_words: HashSet<String>,
    pub organisation_words: HashSet<String>,
    pub seat_words: HashSet<String>,
    pub apposition_prepositions: HashSet<String>,
    pub not_places: HashSet<String>,
    pub list_words: HashSet<String>,
    pub connectors: HashSet<String>,
    pub town_connectors: HashSet<String>,
    pub determiners: HashSet<String>,
    /// Keys (see `key`) of names and aliases.
    pub gazetteer: BTreeMap<String, Known>,
}

/// How place names are compared: folded, hyphens and apostrophes as spaces.
pub fn key(name: &str) -> String {
    fold(name)
        .split(|c: char| c.is_whitespace() || matches!(c, '-' | '\'' | '’' | '.'))
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

fn sequences(words: &[String]) -> Vec<Vec<String>> {
    let mut out: Vec<Vec<String>> = words
        .iter()
        .map(|w| {
            w.split_whitespace()
                .flat_map(|x| {
                    // "l'est" is read as the tokens "l'" "est".
                    let x = lower(x).replace('’', "'");
                    match x.find('\'') {
                        Some(i) if i + 1 < x.len() => {
                            vec![x[..=i].to_string(), x[i + 1..].to_string()]
                        }
                        _ => vec![x],
                    }
                })
                .map(|x| elided(&x))
                .collect()
        })
        .collect();
    out.sort_by(|a: &Vec<String>, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    out.dedup();
    out
}

/// A preposition's word as compared: "d'" is "de" ("près d'Angoche", "près de Quelimane").
pub fn elided(word: &str) -> String {
    let w = word.replace('’', "'");
    if w == "d'" {
        "de".to_string()
    } else {
        w
    }
}

pub fn compile(files: &[&(&RuleSource, RuleFile)]) -> Result<PlaceRules, RuleError> {
    let mut spec = PlacesSpec::default();
    for (_, f) in files {
        if let Some(p) = &f.places {
            spec.town_prepositions
                .extend(p.town_prepositions.iter().cloned());
            spec.other_prepositions
                .extend(p.other_prepositions.iter().cloned());
            spec.relative_prepositions
                .extend(p.relative_prepositions.iter().cloned());
            spec.venue_words.extend(p.venue_words.iter().cloned());
            spec.region_words.extend(p.region_words.iter().cloned());
            spec.site_words.extend(p.site_words.iter().cloned());
            spec.organisation_words
                .extend(p.organisation_words.iter().cloned());
            spec.seat_words.extend(p.seat_words.iter().cloned());
            spec.apposition_prepositions
                .extend(p.apposition_prepositions.iter().cloned());
            spec.not_places.extend(p.not_places.iter().cloned());
            spec.list_words.extend(p.list_words.iter().cloned());
            spec.name_connectors
                .extend(p.name_connectors.iter().cloned());
            spec.town_connectors
                .extend(p.town_connectors.iter().cloned());
            spec.determiners.extend(p.determiners.iter().cloned());
        }
    }
    let folded = |v: &[String]| v.iter().map(|w| fold(w)).collect::<HashSet<_>>();
    let mut rules = PlaceRules {
        town_prepositions: sequences(&spec.town_prepositions),
        other_prepositions: sequences(&spec.other_prepositions),
        relative_prepositions: sequences(&spec.relative_prepositions),
        venue_words: folded(&spec.venue_words),
        region_words: folded(&spec.region_words),
        site_words: folded(&spec.site_words),
        organisation_words: folded(&spec.organisation_words),
        seat_words: folded(&spec.seat_words),
        apposition_prepositions: folded(&spec.apposition_prepositions),
        not_places: folded(&spec.not_places),
        list_words: folded(&spec.list_words),
        connectors: folded(&spec.name_connectors),
        town_connectors: folded(&spec.town_connectors),
        determiners: spec.determiners.iter().map(|w| lower(w)).collect(),
        gazetteer: BTreeMap::new(),
        preposition_starts: HashSet::new(),
    };
    rules.preposition_starts = [
        &rules.town_prepositions,
        &rules.other_prepositions,
        &rules.relative_prepositions,
    ]
    .into_iter()
    .flatten()
    .filter_map(|seq| seq.first().cloned())
    .collect();
    // Names first, then `within` links, so that an entry may name a place listed after it.
    let mut parents: Vec<(String, Option<String>)> = Vec::new();
    for (src, f) in files {
        for e in &f.place {
            let at = |what: &str| RuleError::at_text(src, what, String::new());
            let kind = match e.kind.as_str() {
                "country" => PlaceKind::Country,
                "region" => PlaceKind::Region,
                "city" => PlaceKind::Locality,
                other => {
                    let mut err = at(&format!("\"{other}\""));
                    err.message = format!(
                        "place `{}` has kind `{other}`; the kinds are country, region and city",
                        e.name
                    );
                    return Err(err);
                }
            };
            let known = Known {
                name: e.name.clone(),
                kind,
                within: Vec::new(),
            };
            parents.push((key(&e.name), e.within.as_deref().map(key)));
            for n in std::iter::once(&e.name).chain(&e.aliases) {
                rules.gazetteer.insert(key(n), known.clone());
            }
            if let Some(w) = &e.within {
                if !files
                    .iter()
                    .flat_map(|(_, f)| &f.place)
                    .any(|p| key(&p.name) == key(w) || p.aliases.iter().any(|a| key(a) == key(w)))
                {
                    let mut err = at(&format!("\"{w}\""));
                    err.message =
                        format!("place `{}` is within `{w}`, which is not listed", e.name);
                    return Err(err);
                }
            }
        }
    }
    let direct: BTreeMap<String, String> = parents
        .into_iter()
        .filter_map(|(k, w)| Some((k, w?)))
        .collect();
    for known in rules.gazetteer.values_mut() {
        let mut at = key(&known.name);
        // Bounded, so that a loop in the file cannot hang the run.
        for _ in 0..8 {
            let Some(up) = direct.get(&at) else { break };
            known.within.push(up.clone());
            at = up.clone();
        }
    }
    Ok(rules)
}
