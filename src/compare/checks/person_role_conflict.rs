//! One office is held by different people in sources of the same period.
//!
//! ## What it does
//! Groups the roles that articles give people into offices (same role head, such as minister,
//! mayor or police chief, and the same portfolio: "ministre déléguée chargée de la Transition
//! numérique et de la Réforme de l'administration" and "ministre de la Transition numérique"
//! are one office). When one office has one holder in some sources and another person in
//! others, the odd sources are flagged, with the majority holder and counts in the help line.
//! This is how a wrong name that is not a mere misspelling shows: "Amal Al-Fellah Sebbar" is
//! no spelling of "Amal El Fallah Seghrouchni", yet both are named minister of the same office.
//! The chair of a court is its judge ("la 6e chambre, présidée par X", "L'audience était
//! présidée par Y", "X, who presided over the trial"; rules: `presiding_before`,
//! `presiding_after`, `presiding_bodies`, `presiding_role`).
//!
//! ## What it leaves alone
//! A title that no source ties to a named body ("la directrice générale, X") names the story's
//! own institution in every source; such an office is flagged only when one holder has a clear
//! majority (two sources or more, more than any other). Bare titles beside a single named body
//! ("DHM Director General" in one source, "Director General" in the others) speak of that body,
//! on the same terms.
//!
//! Offices with several holders at once (MP, member, expert: `unique = false` in the role
//! heads, unless an office word makes one of them an office: "le géologue cantonal", "the state
//! geologist", `office_words`), past roles ("l'ancien ministre", "former mayor"), sources published further apart
//! than `period_days`, and one article that names both people (a succession).
use std::collections::{BTreeMap, BTreeSet};

use crate::claims::{Finding, Severity};
use crate::compare::people::{portfolios_meet, same_period, value};
use crate::compare::{cross_source, CheckInfo, Reading, StoryCtx};

pub const CHECK: CheckInfo = CheckInfo {
    id: "person.role-conflict",
    default_severity: Severity::Error,
    source: include_str!("person_role_conflict.rs"),
    run,
};

/// A role held by a person (cluster) in an article.
struct Held {
    cluster: usize,
    person: usize,
    claim: usize,
}

fn run(ctx: &StoryCtx) -> Vec<Finding> {
    let people = &ctx.people;
    let min = ctx.rules.names.portfolio_min_overlap;
    // Candidate offices: current roles of unique offices, by role head and rank (a deputy
    // director holds another office than the director).
    let mut by_head: BTreeMap<String, Vec<Held>> = BTreeMap::new();
    for (pi, _) in people.persons.iter().enumerate() {
        let Some(cluster) = people.cluster_of[pi] else {
            continue;
        };
        for c in people.roles_of(pi) {
            let d = &value(people.claims[c]).detail;
            if !d.unique_office {
                continue;
            }
            if let Some(h) = &d.head_id {
                let same_office = &ctx
                    .rules
                    .lang(&ctx.articles[people.claims[c].article].meta.lang)
                    .person
                    .same_office_ranks;
                let rank: Vec<&str> = d
                    .rank
                    .iter()
                    .filter(|r| !same_office.contains(r.as_str()))
                    .map(String::as_str)
                    .collect();
                by_head
                    .entry(format!("{h}|{}", rank.join("+")))
                    .or_default()
                    .push(Held {
                        cluster,
                        person: pi,
                        claim: c,
                    });
            }
        }
    }
    let mut out = Vec::new();
    for (_, helds) in by_head {
        // A head that no source ties to a named body ("la directrice générale", "the chief
        // executive"): in one story, the bare titles all speak of the story's own institution.
        // So do titles of a generic body ("the hospital's chief executive").
        let plain = |claim: usize| {
            value(people.claims[claim]).detail.portfolio.is_empty() || generic(ctx, claim)
        };
        // Bare titles beside one named body only ("DHM Director General" in one source,
        // "Director General" in the others) speak of that body.
        let named: Vec<&Held> = helds.iter().filter(|h| !plain(h.claim)).collect();
        let one_body = named.iter().enumerate().all(|(x, a)| {
            named[x + 1..].iter().all(|b| {
                portfolios_meet(
                    &value(people.claims[a.claim]).detail.portfolio,
                    &value(people.claims[b.claim]).detail.portfolio,
                    min,
                )
            })
        });
        let bare = helds.iter().all(|h| plain(h.claim));
        // Offices: roles whose portfolios meet (or heads that name the office alone).
        let mut office_of: Vec<usize> = (0..helds.len()).collect();
        for i in 0..helds.len() {
            for j in 0..i {
                let (a, b) = (
                    &value(people.claims[helds[i].claim]).detail,
                    &value(people.claims[helds[j].claim]).detail,
                );
                // Same given name under one head, different surnames: a wrong surname for the
                // holder, even when the outlets word the portfolio differently.
                let (pa, pb) = (
                    &people.persons[helds[i].person],
                    &people.persons[helds[j].person],
                );
                let same_given = pa.key.given() == pb.key.given()
                    && pa.key.last() != pb.key.last()
                    && pa.article != pb.article;
                let meet = (a.alone && b.alone && a.portfolio.is_empty() == b.portfolio.is_empty())
                    || bare
                    || (one_body && (plain(helds[i].claim) || plain(helds[j].claim)))
                    || portfolios_meet(&a.portfolio, &b.portfolio, min)
                    || same_given
                    // One person's office, worded two ways ("general secretary of the
                    // Irish National Teachers' Organisation", "the union's general secretary").
                    || (helds[i].cluster == helds[j].cluster
                        && (generic(ctx, helds[i].claim) || generic(ctx, helds[j].claim)));
                if meet {
                    let (oi, oj) = (office_of[i], office_of[j]);
                    let (keep, drop) = (oi.min(oj), oi.max(oj));
                    for o in office_of.iter_mut() {
                        if *o == drop {
                            *o = keep;
                        }
                    }
                }
            }
        }
        let offices: BTreeSet<usize> = office_of.iter().copied().collect();
        for office in offices {
            let members: Vec<&Held> = helds
                .iter()
                .zip(&office_of)
                .filter(|(_, &o)| o == office)
                .map(|(h, _)| h)
                .collect();
            // A bare title in an article that names another holder of this office by its body
            // is another body's ("... piloté par l'APIX. Sa directrice générale, X" beside "le
            // directeur général de la SETER, Y").
            let members: Vec<&Held> = members
                .iter()
                .copied()
                .filter(|h| {
                    let article = people.persons[h.person].article;
                    !plain(h.claim)
                        || !possessed(ctx, h.claim)
                        || !members.iter().any(|o| {
                            o.cluster != h.cluster
                                && people.persons[o.person].article == article
                                && !plain(o.claim)
                        })
                })
                .collect();
            // An office of bare titles, with or without its one named body, needs a clear
            // majority.
            let loose = bare || members.iter().any(|h| plain(h.claim));
            if let Some(f) = office_finding(ctx, &members, loose) {
                out.push(f);
            }
        }
    }
    out
}

/// Whether a role's title follows a possessive ("Sa directrice générale, X").
fn possessed(ctx: &StoryCtx, claim: usize) -> bool {
    let c = ctx.people.claims[claim];
    let article = &ctx.articles[c.article];
    let (start, _) = c.span_with_role();
    let before = article.text.get(..start).unwrap_or("");
    let word = before
        .trim_end()
        .rsplit(|ch: char| !ch.is_alphanumeric())
        .next()
        .unwrap_or("");
    ctx.rules
        .lang(&article.meta.lang)
        .person
        .possessives
        .contains(&crate::text::fold(word))
}

/// Whether a role names its body only by a generic noun ("the union's general secretary").
pub(crate) fn generic(ctx: &StoryCtx, claim: usize) -> bool {
    let c = ctx.people.claims[claim];
    let bodies = &ctx
        .rules
        .lang(&ctx.articles[c.article].meta.lang)
        .person
        .generic_bodies;
    let stem = ctx.rules.names.stem_length;
    let portfolio = &value(c).detail.portfolio;
    !portfolio.is_empty()
        && portfolio
            .iter()
            .all(|w| bodies.iter().any(|b| b.chars().take(stem).eq(w.chars())))
}

/// `bare`: the office is known only by its title, so it takes a clear majority (two sources or
/// more, more than any other holder) to say which holder is odd.
fn office_finding(ctx: &StoryCtx, members: &[&Held], bare: bool) -> Option<Finding> {
    let people = &ctx.people;
    let mut holders: BTreeMap<usize, BTreeSet<usize>> = BTreeMap::new(); // cluster -> articles
    for h in members {
        holders
            .entry(h.cluster)
            .or_default()
            .insert(people.persons[h.person].article);
    }
    // A holder named so in one source, whom two other sources give another office of their
    // own ("club president Javier Lozano"; "sporting director Javier Lozano" twice): the odd
    // title is the person's (person.title-conflict), not a second holder of this office.
    let head = members
        .first()
        .and_then(|h| value(people.claims[h.claim]).detail.head_id.clone());
    holders.retain(|&cluster, arts| {
        let elsewhere: BTreeSet<usize> = people.clusters[cluster]
            .iter()
            .filter(|&&p| !arts.contains(&people.persons[p].article))
            .filter(|&&p| {
                people.persons[p].claims.iter().any(|&c| {
                    let d = &value(people.claims[c]).detail;
                    d.unique_office && d.head_id.is_some() && d.head_id != head && !d.former
                })
            })
            .map(|&p| people.persons[p].article)
            .collect();
        arts.len() > 1 || elsewhere.len() < 2
    });
    if holders.len() < 2 {
        return None;
    }
    if bare {
        let mut counts: Vec<usize> = holders.values().map(BTreeSet::len).collect();
        counts.sort_unstable_by(|a, b| b.cmp(a));
        if counts[0] < 2 || counts[0] == counts[1] {
            return None;
        }
    }
    // An article that names two holders of the office tells of a succession, not a conflict.
    let mut per_article: BTreeMap<usize, usize> = BTreeMap::new();
    for arts in holders.values() {
        for a in arts {
            *per_article.entry(*a).or_default() += 1;
        }
    }
    if per_article.values().any(|&n| n > 1) {
        return None;
    }
    let clusters: Vec<usize> = holders.keys().copied().collect();
    let contemporary = clusters.iter().enumerate().any(|(x, a)| {
        clusters[x + 1..].iter().any(|b| {
            holders[a].iter().any(|&i| {
                holders[b].iter().any(|&j| {
                    same_period(
                        &ctx.articles[i],
                        &ctx.articles[j],
                        ctx.rules.names.period_days,
                    )
                })
            })
        })
    });
    if !contemporary {
        return None;
    }
    let mut readings = Vec::new();
    let mut spans_by: BTreeMap<usize, Vec<(usize, usize)>> = BTreeMap::new();
    let mut shown: BTreeMap<usize, String> = BTreeMap::new();
    // A person's mentions in its article, the role written beside them included.
    let mention_spans = |person: usize, extra: Option<usize>| {
        let mut spans: Vec<(usize, usize)> = Vec::new();
        for c in people.full_mentions(person).into_iter().chain(extra) {
            let span = people.claims[c].span_with_role();
            if !spans.contains(&span) {
                spans.push(span);
            }
        }
        spans
    };
    for h in members {
        let p = &people.persons[h.person];
        let spans = spans_by.entry(h.person).or_default();
        for span in mention_spans(h.person, Some(h.claim)) {
            if !spans.contains(&span) {
                spans.push(span);
            }
        }
        shown.entry(h.cluster).or_insert_with(|| p.display.clone());
    }
    for (person, spans) in spans_by {
        let p = &people.persons[person];
        let cluster = people.cluster_of[person]?;
        readings.push(Reading {
            article: p.article,
            value: shown[&cluster].clone(),
            spans,
        });
    }
    // Name the office in the words of the majority holder's first source.
    let majority = holders
        .iter()
        .max_by_key(|(c, arts)| (arts.len(), usize::MAX - **c))
        .map(|(c, _)| *c)?;
    // A source that names the majority's holder without the office ("Maha Metro MD Prakash
    // Bhosekar", a title the rules lack) shows its mentions too.
    let named: BTreeSet<usize> = readings.iter().map(|r| r.article).collect();
    for &person in &people.clusters[majority] {
        let p = &people.persons[person];
        if named.contains(&p.article) {
            continue;
        }
        let spans = mention_spans(person, None);
        if !spans.is_empty() {
            readings.push(Reading {
                article: p.article,
                value: shown[&majority].clone(),
                spans,
            });
        }
    }
    let first = members.iter().find(|h| h.cluster == majority)?;
    let role = value(people.claims[first.claim])
        .role
        .clone()
        .unwrap_or_default();
    // "who is the managing director of ...", not "who is The managing director".
    let first_word = role.split_whitespace().next().unwrap_or("");
    let role = if matches!(
        first_word,
        "The" | "Le" | "La" | "Les" | "Un" | "Une" | "A" | "An"
    ) || first_word.starts_with("L'")
        || first_word.starts_with("L’")
    {
        let mut cs = role.chars();
        cs.next()
            .map(|c| c.to_lowercase().chain(cs).collect())
            .unwrap_or_default()
    } else {
        role
    };
    let what = format!("who is {role}");
    let subject = format!(
        "office:{}",
        value(people.claims[first.claim]).detail.portfolio.join(" ")
    );
    cross_source(
        CHECK.id,
        CHECK.default_severity,
        &subject,
        &what,
        readings,
        ctx.articles,
    )
}
