//! One event is dated differently across sources.
//!
//! ## What it does
//! Finds the dates that different sources give for one event, and flags a source whose date
//! cannot be true together with the date most sources give (their intervals are disjoint at the
//! coarser of their granularities). The help line gives the majority reading and counts, and
//! every source's mention is located.
//!
//! ## How subjects are matched
//! A date's event is read from its sentence: the content words around it, stemmed, with the
//! date words left out ("a blaze sparked by lightning on Monday, January 5, has burnt 25,800
//! hectares" → sparke, lightn, burnt, hectar...), and its event noun when it has one, normalised
//! to its kind through the event aliases of rules/<lang>/dates.toml ("conférence", "assises",
//! "forum" are one kind). The event noun is the one nearest the date, or the one right after it
//! when the date modifies it ("the Oct. 28 by-election": see `attributive_articles`). Two
//! dates from different sources are of one event when their sentences share at least
//! `min_shared_words` of those words and that many make up at least `min_overlap` of the
//! shorter sentence's words (only `same_kind_min_shared_words` when both dates' event nouns are
//! of one kind); when both sentences name kinds of events, they must name one kind in common;
//! and they must not be of opposite phases (an opening and a closing; see `phases`). Candidate
//! pairs come from an index of the words, so dates are never all compared with each other.
//!
//! Two stated spans of one event ("les 12 et 13 novembre", "de mars à mai 2025") agree only
//! when they are the same span; overlapping is not agreeing.
//!
//! ## What it leaves alone
//! A coarser reading of the same time ("2022" and "le 24 mars 2022"; "juillet 2025" and "le 3
//! juillet 2025"), a relative date that resolves to the other source's day ("juillet prochain",
//! "last Tuesday"), a bare weekday ("jeudi": the last one or the next?), deadlines and targets
//! ("d'ici 2030", "by 2030"), dates of another granularity than most of the event's (the year of
//! the results beside the day they were presented), opposite phases (an opening day and a
//! closing day), numeric dates whose day and month order cannot be told, and anything in the
//! page furniture. Of the dates one article gives an event, the one that best matches the
//! other sources' is compared.
use std::collections::BTreeMap;

use crate::claims::{Claim, Finding, Severity};
use crate::compare::dates::{comparable, compatible, display, gap_days};
use crate::compare::{cross_source, CheckInfo, Reading, StoryCtx};

pub const CHECK: CheckInfo = CheckInfo {
    id: "date.conflict",
    default_severity: Severity::Error,
    source: include_str!("date_conflict.rs"),
    run,
};

fn same_event(ctx: &StoryCtx, a: &Claim, b: &Claim) -> bool {
    let rules = &ctx.rules.lang(&ctx.articles[a.article].meta.lang).dates;
    let (da, db) = (
        &a.date().expect("date").detail,
        &b.date().expect("date").detail,
    );
    // Sentences that both name events must name one kind in common.
    if !da.kinds.is_empty()
        && !db.kinds.is_empty()
        && !da.kinds.iter().any(|k| db.kinds.contains(k))
    {
        return false;
    }
    let same_kind = !a.subject.is_empty() && a.subject == b.subject;
    let opposite = !da.phases.is_empty()
        && !db.phases.is_empty()
        && !da.phases.iter().any(|p| db.phases.contains(p));
    if opposite {
        return false;
    }
    let shared = da
        .context
        .iter()
        .filter(|w| db.context.binary_search(w).is_ok())
        .count();
    let shorter = da.context.len().min(db.context.len()).max(1);
    let share = shared as f64 / shorter as f64;
    (shared >= rules.min_shared_words && share >= rules.min_overlap)
        || (shared >= rules.short_min_shared_words && share >= rules.short_min_overlap)
        || (same_kind && shared >= rules.same_kind_min_shared_words)
}

fn run(ctx: &StoryCtx) -> Vec<Finding> {
    let claims: Vec<&Claim> = ctx
        .claims
        .iter()
        .copied()
        .filter(|c| {
            c.date()
                .is_some_and(|d| d.role == "event" && comparable(&d.detail))
        })
        .collect();
    // Events: claims of different articles joined when their sentences share enough words.
    let mut index: BTreeMap<u64, Vec<usize>> = BTreeMap::new();
    for (i, c) in claims.iter().enumerate() {
        for w in &c.date().expect("date").detail.context {
            index.entry(*w).or_default().push(i);
        }
    }
    let mut parent: Vec<usize> = (0..claims.len()).collect();
    fn find(p: &mut [usize], x: usize) -> usize {
        let mut r = x;
        while p[r] != r {
            r = p[r];
        }
        p[x] = r;
        r
    }
    let mut tried = std::collections::BTreeSet::new();
    for ids in index.values() {
        for (k, &i) in ids.iter().enumerate() {
            for &j in &ids[k + 1..] {
                if claims[i].article == claims[j].article || !tried.insert((i, j)) {
                    continue;
                }
                if same_event(ctx, claims[i], claims[j]) {
                    let (ri, rj) = (find(&mut parent, i), find(&mut parent, j));
                    parent[ri.max(rj)] = ri.min(rj);
                }
            }
        }
    }
    let mut events: BTreeMap<usize, BTreeMap<usize, Vec<&Claim>>> = BTreeMap::new();
    for (i, c) in claims.iter().enumerate() {
        let r = find(&mut parent, i);
        events
            .entry(r)
            .or_default()
            .entry(c.article)
            .or_default()
            .push(c);
    }
    let mut out = Vec::new();
    for (_, articles) in events {
        if articles.len() < 2 {
            continue;
        }
        if let Some(f) = event_finding(ctx, articles) {
            out.push(f);
        }
    }
    out
}

fn shared_words(a: &Claim, b: &Claim) -> usize {
    let (da, db) = (
        &a.date().expect("date").detail,
        &b.date().expect("date").detail,
    );
    da.context
        .iter()
        .filter(|w| db.context.binary_search(w).is_ok())
        .count()
}

fn event_finding(ctx: &StoryCtx, articles: BTreeMap<usize, Vec<&Claim>>) -> Option<Finding> {
    let detail = |c: &Claim| c.date().expect("date").detail.clone();
    // A year and a day rarely name one moment ("the results of 2024", "presented on 4 March
    // 2025"): only dates of the event's most common granularity are compared.
    let mut grains: BTreeMap<crate::claims::Granularity, usize> = BTreeMap::new();
    for c in articles.values().flatten() {
        *grains.entry(detail(c).granularity).or_default() += 1;
    }
    let grain = grains
        .iter()
        .max_by_key(|(g, n)| (**n, std::cmp::Reverse(**g)))
        .map(|(g, _)| *g)?;
    // A month and a day of it can name one moment ("en mars 2018", "le 12 mars 2019"); a year
    // beside days or months is usually another thing (the year of the results).
    let fits = |g: crate::claims::Granularity| {
        use crate::claims::Granularity::*;
        g == grain
            || matches!(
                (grain, g),
                (Day, Month) | (Month, Day) | (Day, Week) | (Week, Day)
            )
    };
    let articles: BTreeMap<usize, Vec<&Claim>> = articles
        .into_iter()
        .map(|(a, cs)| {
            (
                a,
                cs.into_iter()
                    .filter(|c| fits(detail(c).granularity))
                    .collect::<Vec<_>>(),
            )
        })
        .filter(|(_, cs)| !cs.is_empty())
        .collect();
    // A date far from every other source's dates of the event is background ("the stranding of
    // February 2017" beside this week's): it is left out.
    let max_gap = ctx
        .rules
        .lang(&ctx.articles[*articles.keys().next()?].meta.lang)
        .dates
        .max_gap_days;
    // Far from what? From the reading most sources support.
    let support = |c: &Claim| {
        articles
            .iter()
            .filter(|(a, cs)| {
                **a != c.article && cs.iter().any(|o| compatible(&detail(c), &detail(o)))
            })
            .count()
    };
    let anchor = articles
        .values()
        .flatten()
        .max_by_key(|c| {
            (
                support(c),
                std::cmp::Reverse(detail(c).granularity),
                std::cmp::Reverse((c.article, c.start)),
            )
        })
        .map(|c| detail(c))?;
    let near =
        |c: &Claim, _article: usize| gap_days(&detail(c), &anchor).is_none_or(|g| g <= max_gap);
    let articles: BTreeMap<usize, Vec<&Claim>> = articles
        .iter()
        .map(|(a, cs)| {
            (
                *a,
                cs.iter()
                    .copied()
                    .filter(|c| near(c, *a))
                    .collect::<Vec<_>>(),
            )
        })
        .filter(|(_, cs)| !cs.is_empty())
        .collect();
    // One reading per article: the claim that best matches the other sources' claims of the
    // event (an event's words can also reach another date of the same article).
    let others = |article: usize| {
        articles
            .iter()
            .filter(move |(a, _)| **a != article)
            .flat_map(|(_, cs)| cs.iter().copied())
    };
    let mut picked: Vec<(usize, &Claim, Vec<&Claim>)> = Vec::new();
    for (&article, claims) in &articles {
        let best = *claims
            .iter()
            .max_by_key(|c| {
                let score: usize = others(article)
                    .filter(|o| same_event(ctx, c, o))
                    .map(|o| shared_words(c, o))
                    .sum();
                (
                    score,
                    std::cmp::Reverse(detail(c).granularity),
                    std::cmp::Reverse(c.start),
                )
            })
            .expect("non-empty");
        let agreeing = claims
            .iter()
            .copied()
            .filter(|c| compatible(&detail(c), &detail(best)))
            .collect();
        picked.push((article, best, agreeing));
    }
    if picked.len() < 2 {
        return None;
    }
    // The majority reading: the one most other sources are compatible with.
    let support = |c: &Claim| {
        picked
            .iter()
            .filter(|(_, o, _)| compatible(&detail(c), &detail(o)))
            .count()
    };
    let (_, majority, _) = picked
        .iter()
        .max_by_key(|(a, c, _)| (support(c), usize::MAX - a))?;
    let major = detail(majority);
    if picked
        .iter()
        .all(|(_, c, _)| compatible(&major, &detail(c)))
    {
        return None;
    }
    let readings = picked
        .iter()
        .map(|(article, c, all)| {
            let value = if compatible(&major, &detail(c)) {
                display(&major)
            } else {
                display(&detail(c))
            };
            Reading {
                article: *article,
                value,
                spans: all.iter().map(|x| (x.start, x.end)).collect(),
            }
        })
        .collect();
    let subject = picked
        .iter()
        .map(|(_, c, _)| c.subject.as_str())
        .find(|s| !s.is_empty())
        .unwrap_or("event");
    let what = format!("date of the {subject}");
    cross_source(
        CHECK.id,
        CHECK.default_severity,
        &format!("date:{subject}:{}", display(&major)),
        &what,
        readings,
        ctx.articles,
    )
}
