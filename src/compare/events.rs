//! Whether two claims' sentences, from two sources, speak of one event: shared content words,
//! a shared event kind, no opposite phases, or the same clause leading to the claim. Dates and
//! places are matched to their events the same way; the thresholds are rules data
//! (rules/common/dates.toml).
use crate::claims::EventContext;
use crate::rules::dates::DateRules;

/// Content words two sentences share.
pub fn shared_words(a: &EventContext, b: &EventContext) -> usize {
    a.context
        .iter()
        .filter(|w| b.context.binary_search(w).is_ok())
        .count()
}

/// Words two claims' clauses share (see `EventContext::clause`).
pub fn shared_clause_words(a: &EventContext, b: &EventContext) -> usize {
    a.clause
        .iter()
        .filter(|w| b.clause.binary_search(w).is_ok())
        .count()
}

/// Two sentences that match closely: many words in common, making up a good share.
pub fn close(rules: &DateRules, a: &EventContext, b: &EventContext) -> bool {
    let shared = shared_words(a, b);
    let share = shared as f64 / a.context.len().min(b.context.len()).max(1) as f64;
    shared >= rules.min_shared_words && share >= rules.min_overlap
}

/// Two claims of one event, given their sentences and their event nouns' kinds (`subject`,
/// empty when the claim has none).
pub fn same_event(
    rules: &DateRules,
    a: &EventContext,
    a_subject: &str,
    b: &EventContext,
    b_subject: &str,
) -> bool {
    // Sentences that both name events must name one kind in common, unless they say nearly
    // the same thing ("won the Cup ... at Hampden Park" with and without "the final").
    let shared = shared_words(a, b);
    let share = shared as f64 / a.context.len().min(b.context.len()).max(1) as f64;
    if !a.kinds.is_empty()
        && !b.kinds.is_empty()
        && !a.kinds.iter().any(|k| b.kinds.contains(k))
        && (shared < rules.any_kind_min_shared_words || share < rules.min_overlap)
    {
        return false;
    }
    let opposite = !a.phases.is_empty()
        && !b.phases.is_empty()
        && !a.phases.iter().any(|p| b.phases.contains(p));
    if opposite {
        return false;
    }
    let same_kind = !a_subject.is_empty() && a_subject == b_subject;
    // One kind of event, and one phase of it leading to both dates ("the fire began on",
    // "it was started by lightning ... on").
    let same_phase = !a.clause_phases.is_empty()
        && a.clause_phases == b.clause_phases
        && a.kinds.iter().any(|k| b.kinds.contains(k));
    let clause = shared_clause_words(a, b);
    (shared >= rules.min_shared_words && share >= rules.min_overlap)
        || (shared >= rules.short_min_shared_words && share >= rules.short_min_overlap)
        || (same_kind && shared >= rules.same_kind_min_shared_words)
        || clause >= rules.clause_min_shared_words
        || (same_phase && shared >= 1)
}
