//! One person is given incompatible titles across sources.
//!
//! ## What it does
//! For each person named in several sources, compares the titles their roles give them. Titles
//! on one ladder (rules: `ladder` of a role head) are incompatible when their heads differ
//! ("ministre" vs "secrétaire d'État") or their rank differs ("director" vs "deputy director",
//! "président" vs "vice-président"), provided the two roles are about the same portfolio (or
//! one names none).
//!
//! One member of a government with two portfolios across sources is flagged too, when at least two
//! sources agree on one portfolio and a source gives the same head another one that meets
//! none of the majority's ("ministre de l'Équipement" in three sources, "ministre du
//! Transport" in one), and that source names none of the majority's portfolios for them.
//!
//! ## What it leaves alone
//! Two titles that one source gives the person at once ("Professor Tan Sri Dr Hashim Yusof"
//! beside "Dr Hashim Yusof" elsewhere; "president and chief executive Ramon Villaluz" beside
//! "chief executive" in one source and "president" in another). A title and its shorter wording, with the same head and rank ("ministre déléguée chargée de
//! la Transition numérique" and "ministre déléguée à la Transition numérique"); a "ministre
//! déléguée" is not a "ministre", though (rank `delegate`). Two roles on different
//! ladders (a mayor who is also an MP), unless three sources or more give one title and a
//! single source one on another ladder ("director of the National Center for Communicable
//! Diseases" three times, "Deputy Health Minister" once); titles on ladders a role head lists
//! as `compatible` (the "présidente" of a court is its judge); and past roles ("former
//! minister"). Its default severity is below that of a wrong name.
//!
//! Someone else who holds the odd title in the other sources ("Jamii's chief executive, Grace
//! Muthoni" beside "chief executive Daniel Otieno") is shown in those sources' readings.
use std::collections::BTreeMap;

use crate::claims::{Finding, Severity};
use crate::compare::people::{portfolios_meet, value};
use crate::compare::{cross_source, CheckInfo, Reading, StoryCtx};

pub const CHECK: CheckInfo = CheckInfo {
    id: "person.title-conflict",
    default_severity: Severity::Warning,
    source: include_str!("person_title_conflict.rs"),
    run,
};

fn run(ctx: &StoryCtx) -> Vec<Finding> {
    let people = &ctx.people;
    let min = ctx.rules.names.portfolio_min_overlap;
    let mut out = Vec::new();
    for cluster in &people.clusters {
        if people.article_count(cluster) < 2 {
            continue;
        }
        // (person, claim) of each current role on a ladder.
        let roles: Vec<(usize, usize)> = cluster
            .iter()
            .flat_map(|&p| people.roles_of(p).map(move |c| (p, c)))
            // An acting title is held for a time beside another one.
            .filter(|&(_, c)| {
                let d = &value(people.claims[c]).detail;
                d.ladder.is_some() && !d.rank.iter().any(|r| r == "acting")
            })
            .collect();
        let rank_key = |c: usize| {
            let d = &value(people.claims[c]).detail;
            format!(
                "{}|{}",
                d.head_id.clone().unwrap_or_default(),
                d.rank.join("+")
            )
        };
        // Two titles one source gives the person ("Professor Tan Sri Dr Hashim Yusof") are
        // both held: another source's one or the other is no clash.
        let pair = |a: String, b: String| if a < b { (a, b) } else { (b, a) };
        let mut held: Vec<(String, String)> = Vec::new();
        for (x, &(pa, ca)) in roles.iter().enumerate() {
            for &(pb, cb) in &roles[x + 1..] {
                if people.persons[pa].article == people.persons[pb].article
                    && rank_key(ca) != rank_key(cb)
                {
                    held.push(pair(rank_key(ca), rank_key(cb)));
                }
            }
        }
        let mut clash = false;
        let mut clashing: Vec<Option<String>> = Vec::new();
        for (x, &(pa, ca)) in roles.iter().enumerate() {
            for &(pb, cb) in &roles[x + 1..] {
                if people.persons[pa].article == people.persons[pb].article
                    || held.contains(&pair(rank_key(ca), rank_key(cb)))
                {
                    continue;
                }
                let (a, b) = (
                    &value(people.claims[ca]).detail,
                    &value(people.claims[cb]).detail,
                );
                let same_ladder = a.ladder == b.ladder;
                let same_topic = a.portfolio.is_empty()
                    || b.portfolio.is_empty()
                    || portfolios_meet(&a.portfolio, &b.portfolio, min);
                if same_ladder && same_topic && rank_key(ca) != rank_key(cb) {
                    clash = true;
                    clashing.push(a.ladder.clone());
                }
            }
        }
        if !clash {
            if let Some(f) = portfolio_clash(ctx, cluster, &roles)
                .or_else(|| ladder_clash(ctx, cluster, &roles, &rank_key))
            {
                out.push(f);
            }
            continue;
        }
        // Readings: per article, the title of its first role on the clashing ladder.
        let mut readings: BTreeMap<(usize, String), Reading> = BTreeMap::new();
        for &(p, c) in &roles {
            let claim = people.claims[c];
            // A grade beside an office ("le capitaine X, chef de la brigade") is no reading of
            // a clash between grades.
            if !clashing.contains(&value(claim).detail.ladder) {
                continue;
            }
            let title = value(claim)
                .title
                .clone()
                .unwrap_or_default()
                .to_lowercase();
            let article = people.persons[p].article;
            let r = readings
                .entry((article, rank_key(c)))
                .or_insert_with(|| Reading {
                    article,
                    value: title,
                    spans: vec![],
                });
            r.spans.push(claim.span_with_role());
        }
        // Display one reading per title kind: its longest spelling ("superintendent", not
        // "supt"), then the first met.
        let mut shown: BTreeMap<String, String> = BTreeMap::new();
        for ((_, key), r) in &readings {
            let e = shown.entry(key.clone()).or_insert(r.value.clone());
            if r.value.len() > e.len() {
                *e = r.value.clone();
            }
        }
        // Titles that one source alone gives, against one that two sources or more give.
        let mut sources: BTreeMap<&String, Vec<usize>> = BTreeMap::new();
        for (article, key) in readings.keys() {
            sources.entry(key).or_default().push(*article);
        }
        let most = sources.values().map(Vec::len).max().unwrap_or(0);
        let (odd_keys, odd_articles): (Vec<String>, Vec<usize>) = sources
            .iter()
            .filter(|(_, a)| most >= 2 && a.len() == 1)
            .map(|(k, a)| ((*k).clone(), a[0]))
            .unzip();
        let mut readings: Vec<Reading> = readings
            .into_iter()
            .map(|((_, key), mut r)| {
                r.value = shown[&key].clone();
                r
            })
            .collect();
        show_other_holders(
            ctx,
            cluster,
            &odd_keys,
            &odd_articles,
            &rank_key,
            &mut readings,
        );
        if let Some(f) = finding(ctx, cluster, "title", readings) {
            out.push(f);
        }
    }
    out
}

/// The odd title's office held by someone else in the other sources ("Jamii's chief executive,
/// Grace Muthoni" beside "chief executive Daniel Otieno" in the odd one): their mentions are
/// shown in those sources' readings, so that the reader sees who holds it there.
fn show_other_holders(
    ctx: &StoryCtx,
    cluster: &[usize],
    odd_keys: &[String],
    odd_articles: &[usize],
    rank_key: &dyn Fn(usize) -> String,
    readings: &mut [Reading],
) {
    let people = &ctx.people;
    for (p, person) in people.persons.iter().enumerate() {
        if cluster.contains(&p) {
            continue;
        }
        for c in people.roles_of(p) {
            let d = &value(people.claims[c]).detail;
            if !d.unique_office || d.former || !odd_keys.contains(&rank_key(c)) {
                continue;
            }
            let span = people.claims[c].span_with_role();
            if let Some(r) = readings
                .iter_mut()
                .find(|r| r.article == person.article && !odd_articles.contains(&r.article))
            {
                if !r.spans.contains(&span) {
                    r.spans.push(span);
                }
            }
        }
    }
}

/// A role whose portfolio is a field it is in charge of (rules: `topic_markers`), not a body.
fn topical(ctx: &StoryCtx, c: usize) -> bool {
    let claim = ctx.people.claims[c];
    let role = crate::text::fold(value(claim).role.as_deref().unwrap_or_default());
    ctx.rules
        .lang(&ctx.articles[claim.article].meta.lang)
        .person
        .topic_markers
        .iter()
        .any(|m| crate::text::contains_phrase(&role, m))
}

/// A role's or title's words as a reading shows them.
fn lowered(s: &Option<String>) -> String {
    s.as_deref().unwrap_or_default().to_lowercase()
}

/// Whether one holder may bear both titles (`compatible` ladders of a role head): the
/// "présidente" of a court is its judge.
fn compatible(ctx: &StoryCtx, a: &crate::claims::Claim, b: &crate::claims::Claim) -> bool {
    let open = |x: &crate::claims::Claim, y: &crate::claims::Claim| {
        let rules = &ctx.rules.lang(&ctx.articles[x.article].meta.lang).person;
        let (dx, dy) = (&value(x).detail, &value(y).detail);
        rules
            .heads
            .iter()
            .find(|h| Some(&h.id) == dx.head_id.as_ref())
            .is_some_and(|h| dy.ladder.as_ref().is_some_and(|l| h.compatible.contains(l)))
    };
    // One title read two ways ("Chief District Officer", "the chief district officer of
    // Dhading"): the words before its body are the same.
    let core = |x: &crate::claims::Claim| {
        let role = crate::text::fold(value(x).role.as_deref().unwrap_or(""));
        role.split(" of ")
            .next()
            .and_then(|r| r.split(" de ").next())
            .unwrap_or("")
            .trim_start_matches("the ")
            .trim()
            .to_string()
    };
    // Also with the body's name before it ("Queensland's Chief Health Officer").
    let (ca, cb) = (core(a), core(b));
    let (short, long) = if ca.len() <= cb.len() {
        (&ca, &cb)
    } else {
        (&cb, &ca)
    };
    let same_words = short.split_whitespace().count() >= 2
        && (long == short || long.ends_with(&format!(" {short}")));
    open(a, b) || open(b, a) || same_words
}

/// One person given, by a single source, another office than the one at least two sources
/// agree on, on another ladder: "directeur sportif" in three sources, "président" of the same
/// club in one; "municipal commissioner" and "Mayor". Both are offices of one holder.
fn ladder_clash(
    ctx: &StoryCtx,
    cluster: &[usize],
    roles: &[(usize, usize)],
    rank_key: &dyn Fn(usize) -> String,
) -> Option<Finding> {
    let people = &ctx.people;
    let min = ctx.rules.names.portfolio_min_overlap;
    let detail = |c: usize| &value(people.claims[c]).detail;
    let article = |p: usize| people.persons[p].article;
    let unique: Vec<(usize, usize)> = roles
        .iter()
        .copied()
        .filter(|&(_, c)| detail(c).unique_office)
        .collect();
    let mut by_key: BTreeMap<String, Vec<(usize, usize)>> = BTreeMap::new();
    for &(p, c) in &unique {
        by_key.entry(rank_key(c)).or_default().push((p, c));
    }
    let arts = |v: &[(usize, usize)]| {
        let mut a: Vec<usize> = v.iter().map(|&(p, _)| article(p)).collect();
        a.sort_unstable();
        a.dedup();
        a
    };
    let (major_key, major) = by_key
        .iter()
        .max_by_key(|(k, v)| (arts(v).len(), std::cmp::Reverse(k.as_str())))?;
    let backing = arts(major);
    if backing.len() < 2 {
        return None;
    }
    let odd: Vec<(usize, usize)> = by_key
        .iter()
        .filter(|(k, v)| {
            *k != major_key
                && arts(v).len() == 1
                && !backing.contains(&arts(v)[0])
                && v.iter().all(|&(_, c)| {
                    detail(c).ladder != detail(major[0].1).ladder
                        && !compatible(ctx, people.claims[c], people.claims[major[0].1])
                        && major.iter().any(|&(_, m)| {
                            // "club president" against "sporting director": the body named
                            // only by a generic noun meets any portfolio. Three sources or
                            // more against one need no shared body: "director of the National
                            // Center for Communicable Diseases" is no deputy health minister.
                            backing.len() >= 3
                                || detail(c).portfolio.is_empty()
                                || super::person_role_conflict::generic(ctx, c)
                                || detail(m).portfolio.is_empty()
                                || portfolios_meet(&detail(c).portfolio, &detail(m).portfolio, min)
                        })
                })
        })
        .flat_map(|(_, v)| v.iter().copied())
        .collect();
    // One odd source against a clear majority; more are two offices the person holds.
    if arts(&odd).len() != 1 {
        return None;
    }
    let title = |c: usize| lowered(&value(people.claims[c]).title);
    let shown = title(major[0].1);
    let mut readings: Vec<Reading> = Vec::new();
    for &(p, c) in major.iter().chain(&odd) {
        let claim = people.claims[c];
        let value = if rank_key(c) == *major_key {
            shown.clone()
        } else {
            title(c)
        };
        readings.push(Reading {
            article: article(p),
            value,
            spans: vec![claim.span_with_role()],
        });
    }
    let odd_keys: Vec<String> = odd.iter().map(|&(_, c)| rank_key(c)).collect();
    show_other_holders(
        ctx,
        cluster,
        &odd_keys,
        &arts(&odd),
        rank_key,
        &mut readings,
    );
    finding(ctx, cluster, "title", readings)
}

/// One person given one office with another portfolio by a single source.
fn portfolio_clash(ctx: &StoryCtx, cluster: &[usize], roles: &[(usize, usize)]) -> Option<Finding> {
    let people = &ctx.people;
    let min = ctx.rules.names.portfolio_min_overlap;
    let detail = |c: usize| &value(people.claims[c]).detail;
    let article = |p: usize| people.persons[p].article;
    let with_topic: Vec<(usize, usize)> = roles
        .iter()
        .copied()
        // Portfolios of government: an organisation's name written two ways ("de Tanger Med
        // Port Authority", "de l'autorité portuaire") is no second office.
        .filter(|&(_, c)| {
            !detail(c).portfolio.is_empty()
                && !super::person_role_conflict::generic(ctx, c)
                && ([&detail(c).ladder, &detail(c).head_id].iter().any(|l| {
                    l.as_deref().is_some_and(|l| {
                        ctx.rules
                            .lang(&ctx.articles[people.claims[c].article].meta.lang)
                            .person
                            .portfolio_offices
                            .contains(l)
                    })
                }) || topical(ctx, c))
        })
        .collect();
    // Articles whose roles meet a role's portfolio.
    let support = |c: usize| {
        let mut arts: Vec<usize> = with_topic
            .iter()
            .filter(|&&(_, o)| portfolios_meet(&detail(c).portfolio, &detail(o).portfolio, min))
            .map(|&(p, _)| article(p))
            .collect();
        arts.sort_unstable();
        arts.dedup();
        arts
    };
    let (_, major) = with_topic
        .iter()
        .copied()
        .max_by_key(|&(p, c)| (support(c).len(), std::cmp::Reverse((article(p), c))))?;
    let backing = support(major);
    if backing.len() < 2 {
        return None;
    }
    let odd: Vec<(usize, usize)> = with_topic
        .iter()
        .copied()
        .filter(|&(p, c)| {
            !backing.contains(&article(p))
                && detail(c).head_id == detail(major).head_id
                && detail(c).rank == detail(major).rank
                && support(c).len() < backing.len()
        })
        .collect();
    if odd.is_empty() {
        return None;
    }
    let role_text = |c: usize| lowered(&value(people.claims[c]).role);
    let mut readings: Vec<Reading> = Vec::new();
    for &(p, c) in &with_topic {
        let a = article(p);
        let claim = people.claims[c];
        let value = if backing.contains(&a) {
            role_text(major)
        } else if odd.iter().any(|&(_, o)| o == c) {
            role_text(c)
        } else {
            continue;
        };
        readings.push(Reading {
            article: a,
            value,
            spans: vec![claim.span_with_role()],
        });
    }
    finding(ctx, cluster, "portfolio", readings)
}

/// The finding on one person's titles; `kind` keeps the two kinds of clash apart in its subject.
fn finding(
    ctx: &StoryCtx,
    cluster: &[usize],
    kind: &str,
    readings: Vec<Reading>,
) -> Option<Finding> {
    let person = &ctx.people.persons[cluster[0]];
    cross_source(
        CHECK.id,
        CHECK.default_severity,
        &format!("{kind}:{}", person.key.loose()),
        &format!("title of {}", person.display),
        readings,
        ctx.articles,
    )
}
