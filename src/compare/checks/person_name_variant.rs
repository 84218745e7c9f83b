//! One person's name is spelled differently across sources.
//!
//! ## What it does
//! Groups the people that the articles of a story name into persons, across sources, and
//! flags a person whose name is written in more than one way ("Mohamed Benjelloun" in three
//! sources, "Mohammed Benjeloun" in one). The help line gives the majority spelling and counts.
//!
//! ## How names are matched
//! Two names are one person when their grouping keys meet: case, accents, particles (El, Ben,
//! de, van...), hyphens, doubled letters and transliteration equivalences (ou/u, ch/sh, kh/h,
//! e/a... in rules/common/person.toml) are set aside, and one part of the name may differ by a
//! typo (Jaro-Winkler at least `surname_min_similarity`). Two spellings whose only difference
//! is case, accents, an honorific, the form of a particle ("El"/"Al") or a hyphen are one
//! spelling and are not flagged, but a particle left out ("Hugues Kervéguen" for "Hugues de
//! Kervéguen") is a variant;
//! neither is a shorter form ("Nadia Fettah" for "Nadia Fettah Alaoui"). Two people who share a
//! surname but not a given name are two people, unless different sources name them to one
//! office of one holder (same head, rank and portfolio) and no article names both: then a
//! source got the given name wrong ("Kwame" for "Kwabena Asante-Mensah, Governor of the Bank"). Names in the page furniture are never read.
//!
//! ## Why it matters
//! A misspelt name is the correction readers notice first.
use std::collections::BTreeSet;

use crate::claims::{Finding, Severity};
use crate::compare::{cross_source, CheckInfo, Reading, StoryCtx};
use crate::extract::names::NameMatch;

pub const CHECK: CheckInfo = CheckInfo {
    id: "person.name-variant",
    default_severity: Severity::Warning,
    source: include_str!("person_name_variant.rs"),
    run,
};

fn run(ctx: &StoryCtx) -> Vec<Finding> {
    let people = &ctx.people;
    let mut out = Vec::new();
    for cluster in &people.clusters {
        if people.article_count(cluster) < 2 {
            continue;
        }
        // Spellings that some pair of sources writes as a variant of the other.
        let mut variant_spellings: BTreeSet<(&str, bool)> = BTreeSet::new();
        for (&(i, j), m) in &people.matches {
            if *m == NameMatch::Variant && cluster.contains(&i) && cluster.contains(&j) {
                variant_spellings.insert(people.persons[i].key.spelling());
                variant_spellings.insert(people.persons[j].key.spelling());
            }
        }
        if variant_spellings.len() < 2 {
            continue;
        }
        // The shown form of each spelling: its most frequent written form.
        let readings: Vec<Reading> = cluster
            .iter()
            .filter(|&&m| variant_spellings.contains(&people.persons[m].key.spelling()))
            .map(|&m| {
                let p = &people.persons[m];
                Reading {
                    article: p.article,
                    value: p.display.clone(),
                    spans: people
                        .full_mentions(m)
                        .iter()
                        .map(|&c| (people.claims[c].start, people.claims[c].end))
                        .collect(),
                }
            })
            .collect();
        let subject = people.persons[cluster[0]].key.loose();
        if let Some(f) = cross_source(
            CHECK.id,
            CHECK.default_severity,
            &subject,
            "name spelled differently",
            readings,
            ctx.articles,
        ) {
            out.push(f);
        }
    }
    out
}
