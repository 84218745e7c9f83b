//! A person's name differs from the spelling the newsroom's entity lexicon sets.
//!
//! ## What it does
//! An entity lexicon (files under rules/entities/, or named by `entities` in factlint.toml)
//! lists people with their canonical name, known variants and role:
//!
//! ```toml
//! [[entity]]
//! name = "Amal El Fallah Seghrouchni"
//! variants = ["Amal El Fellah Seghrouchni"]
//! role = "ministre déléguée chargée de la Transition numérique"
//! ```
//!
//! Any mention of such a person in another spelling is flagged, even in a single article.
//! Differences of case, accents, particles and hyphens alone are not.
use crate::claims::{Finding, Location, Severity};
use crate::compare::people::value;
use crate::compare::{CheckInfo, StoryCtx};
use crate::extract::names::{compare, NameKey, NameMatch};

pub const CHECK: CheckInfo = CheckInfo {
    id: "person.non-canonical",
    default_severity: Severity::Warning,
    source: include_str!("person_non_canonical.rs"),
    run,
};

fn tokens(s: &str) -> Vec<String> {
    s.split_whitespace().map(str::to_string).collect()
}

fn run(ctx: &StoryCtx) -> Vec<Finding> {
    let people = &ctx.people;
    let names = &ctx.rules.names;
    let mut out = Vec::new();
    for entity in &ctx.rules.entities {
        let canonical = NameKey::new(&tokens(&entity.name), names);
        let variants: Vec<NameKey> = entity
            .variants
            .iter()
            .map(|v| NameKey::new(&tokens(v), names))
            .collect();
        for (pi, p) in people.persons.iter().enumerate() {
            if people.cluster_of[pi].is_none() {
                continue;
            }
            let listed = variants.iter().any(|v| v.strict == p.key.strict);
            let m = compare(&canonical, &p.key, names);
            if !(listed || m == Some(NameMatch::Variant)) {
                continue;
            }
            let locations = people
                .full_mentions(pi)
                .into_iter()
                .enumerate()
                .map(|(k, c)| {
                    let claim = people.claims[c];
                    Location {
                        article: claim.article,
                        start: claim.start,
                        end: claim.end,
                        primary: k == 0,
                        label: format!("«{}»", value(claim).name),
                    }
                })
                .collect();
            out.push(Finding {
                rule: CHECK.id,
                severity: CHECK.default_severity,
                message: format!(
                    "«{}» is not the house spelling «{}»",
                    p.display, entity.name
                ),
                help: Some(format!("write «{}»", entity.name)),
                locations,
                subject: format!("entity:{}", canonical.loose()),
                readings: Vec::new(),
            });
        }
    }
    out
}
