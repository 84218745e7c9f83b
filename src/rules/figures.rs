//! Figure rules compiled: unit aliases, units left out of comparison, and the cues of a
//! breakdown, folded once.
use std::collections::{BTreeMap, HashSet};

use super::{RuleError, RuleFile, RuleSource};
use crate::text::fold;

#[derive(Debug, Default)]
pub struct FigureRules {
    pub unit_aliases: BTreeMap<String, String>,
    pub skip_units: HashSet<String>,
    /// Folded cue phrases, longest first.
    pub breakdown_cues: Vec<String>,
    pub opening_cues: Vec<String>,
    pub total_cues: Vec<String>,
    pub rate_markers: Vec<String>,
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
    for (_, f) in files {
        if let Some(s) = &f.figures {
            for (k, v) in &s.unit_aliases {
                rules.unit_aliases.insert(fold(k), fold(v));
            }
            rules
                .skip_units
                .extend(s.skip_units.iter().map(|w| fold(w)));
            cues.extend(s.breakdown_cues.iter().cloned());
            openers.extend(s.opening_cues.iter().cloned());
            totals.extend(s.total_cues.iter().cloned());
            markers.extend(s.rate_markers.iter().cloned());
        }
    }
    rules.breakdown_cues = longest_first(&cues);
    rules.opening_cues = longest_first(&openers);
    rules.total_cues = longest_first(&totals);
    rules.rate_markers = longest_first(&markers);
    Ok(rules)
}
