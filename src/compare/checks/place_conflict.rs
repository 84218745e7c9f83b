//! One event is placed in two towns across sources.
//!
//! ## What it does
//! Finds the towns that different sources give for one event, and flags a source whose town
//! cannot be the one most sources give. The help line gives the majority reading and counts;
//! every source's mention is located.
//!
//! ## How events are matched
//! A place's event is read from its sentence, as a date's is (see `factlint explain
//! date.conflict`): the sentence's content words outside the place name, its event nouns and
//! phases, and the clause that leads to the place ("the attack began in the pathology
//! laboratory in"). Two places from different sources are of one event when their sentences
//! match by the same thresholds as dates (rules/common/dates.toml). A source is flagged only
//! when its sentence matches a majority source's sentence itself, and only when at least two
//! sources agree on the majority town and they outnumber the odd ones. Two sources alone, one
//! town each, are reported as split (a warning, with no majority) only when both sentences
//! name one kind of event ("at a ceremony in Richards Bay", "At a ceremony in Durban") and
//! match closely.
//!
//! A landmark the event is measured from ("310 nautical miles south of Dondra Head") is never
//! the majority's reading when two sources place the event in a town. A town may be read from
//! a venue's name: "le stade Ahmadou-Ahidjo de Yaoundé", "Galle harbour" (`site_words`).
//!
//! A group of places that chains two events through a sentence naming both ("La Cour d'appel
//! de Conakry a annulé le retrait du permis de Kintinian, dans la préfecture de Siguiri") is
//! read again by each kind of event named beside its places ("l'audience s'est tenue à ...").
//! A source outside the event's group whose headline gives a town ("Quéméner s'impose à
//! Lannion") supports that reading; a headline alone supports nothing.
//!
//! A named venue or firm set right before its town ("Rangeview State College in Warwick",
//! "l'entreprise Chimourthe, à Hamoir") is located by that town whatever the event: when two
//! sources or more set it in one town and one source in another town, not set beside the first
//! in any article, that source is flagged. Sources that name the town in a sentence naming the
//! venue otherwise ("Chimourthe, installée à Comblain-au-Pont") agree too.
//!
//! Two regions of one kind, as their text names them ("in Dolakha district", "in Solukhumbu
//! district"), are compared as two towns are; as a story rarely names two districts, a source
//! that names one of them anywhere, and not the other, counts toward it.
//!
//! ## What it leaves alone
//! Only towns are compared with towns, and regions with regions of their kind: a venue ("au
//! stade Mohammed V", "at Halifax General Hospital", "the Perdana Circuitry Sdn Bhd plant"), a
//! part of a site ("in Block C"), a region ("Nakuru County", "la région de Kédougou") or a country is never a
//! conflict with the town it lies in. Two towns are compatible when one name contains the
//! other ("Tanger", "Tanger Med"), when the gazetteer (rules/common/places.toml) puts one in
//! the other, or when any article of the story sets them side by side ("Salgaa, in Nakuru
//! County"; "Savli, near Vadodara"; "Tinkoto (Kédougou)"), directly or through one place they
//! both sit beside, unless that one holds both ("Arayat, Pampanga" and "Candaba, Pampanga" are
//! two towns of one province); a landmark a town is measured from sets nothing beside it ("à Anyama, au
//! nord d'Abidjan" and "à Bingerville, à l'est d'Abidjan" are two places). A source that names the majority's town among others for the event is not
//! flagged, and neither is anything in the page furniture.
use std::collections::{BTreeMap, BTreeSet};

use rustc_hash::FxHashMap as HashMap;

use crate::claims::{Claim, EventContext, Finding, PlaceDetail, Severity};
use crate::compare::{cross_source, events, find, CheckInfo, Reading, StoryCtx};
use crate::rules::places::PlaceKind;

pub const CHECK: CheckInfo = CheckInfo {
    id: "place.conflict",
    default_severity: Severity::Error,
    source: include_str!("place_conflict.rs"),
    run,
};

fn detail(c: &Claim) -> &PlaceDetail {
    &c.place().expect("place").detail
}

fn event(c: &Claim) -> &EventContext {
    &detail(c).event
}

/// Which places of the story sit beside which, by their keys. A landmark a town is measured
/// from ("à Anyama, au nord d'Abidjan") relates nothing: two towns measured from one landmark
/// are two places.
struct Relations {
    beside: BTreeMap<String, BTreeSet<String>>,
    /// For each place, those it is set inside: the one after it beside it ("Arayat,
    /// Pampanga"), and those the gazetteer puts it in.
    outer: BTreeMap<String, BTreeSet<String>>,
}

impl Relations {
    fn build(claims: &[&Claim]) -> Self {
        let mut beside: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        let relative: BTreeSet<(usize, (usize, usize), &str)> = claims
            .iter()
            .filter_map(|c| c.place().map(|p| (c, &p.detail)))
            .filter(|(_, d)| d.relative)
            .map(|(c, d)| (c.article, d.sentence, d.key.as_str()))
            .collect();
        let mut outer: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        let starts: BTreeMap<(usize, (usize, usize), &str), usize> = claims
            .iter()
            .filter_map(|c| {
                c.place().map(|p| {
                    (
                        (c.article, p.detail.sentence, p.detail.key.as_str()),
                        c.start,
                    )
                })
            })
            .collect();
        for c in claims {
            let Some(p) = c.place() else { continue };
            for other in &p.detail.within {
                outer
                    .entry(p.detail.key.clone())
                    .or_default()
                    .insert(other.clone());
            }
            for other in &p.detail.related {
                if starts
                    .get(&(c.article, p.detail.sentence, other.as_str()))
                    .is_some_and(|&s| s > c.start)
                {
                    outer
                        .entry(p.detail.key.clone())
                        .or_default()
                        .insert(other.clone());
                }
            }
            for other in p.detail.related.iter().chain(&p.detail.within) {
                if *other == p.detail.key {
                    continue;
                }
                if p.detail.relative
                    || relative.contains(&(c.article, p.detail.sentence, other.as_str()))
                {
                    continue;
                }
                let key = p.detail.key.clone();
                beside.entry(key.clone()).or_default().insert(other.clone());
                beside.entry(other.clone()).or_default().insert(key);
            }
        }
        Relations { beside, outer }
    }

    /// One place, or two set side by side: no neighbour in common is enough.
    fn beside(&self, a: &str, b: &str) -> bool {
        a == b
            || contains_words(a, b)
            || contains_words(b, a)
            || self.beside.get(a).is_some_and(|ra| ra.contains(b))
    }

    /// Whether `inner` is set inside `outer` (see `outer`).
    fn inside(&self, inner: &str, outer: &str) -> bool {
        self.outer.get(inner).is_some_and(|o| o.contains(outer))
    }

    fn compatible(&self, a: &str, b: &str) -> bool {
        if self.beside(a, b) {
            return true;
        }
        let (Some(ra), Some(rb)) = (self.beside.get(a), self.beside.get(b)) else {
            return false;
        };
        // Two places beside one are one place at two scales ("Barangay Mapaniqui, Candaba";
        // "Candaba, Pampanga"), unless that one holds both: "Arayat, Pampanga" and "Candaba,
        // Pampanga" are two towns of one province.
        ra.iter()
            .any(|x| rb.contains(x) && !(self.inside(a, x) && self.inside(b, x)))
    }
}

/// Whether the words of `short` start or end `long` ("tanger" in "tanger med").
fn contains_words(long: &str, short: &str) -> bool {
    long.len() > short.len()
        && ((long.starts_with(short) && long[short.len()..].starts_with(' '))
            || (long.ends_with(short) && long[..long.len() - short.len()].ends_with(' ')))
}

fn run(ctx: &StoryCtx) -> Vec<Finding> {
    let all: Vec<&Claim> = ctx
        .claims
        .iter()
        .copied()
        .filter(|c| c.place().is_some())
        .collect();
    let relations = Relations::build(&all);
    // A dateline's town is where the report was filed: it only agrees (see below).
    let (headings, towns): (Vec<&Claim>, Vec<&Claim>) = all
        .iter()
        .copied()
        .filter(|c| detail(c).kind == PlaceKind::Locality)
        .partition(|c| detail(c).heading);
    // The first words of a venue's name count as its town when some article names that town
    // on its own ("the Portimão Arena"; "put up in Portimão").
    let named: BTreeSet<&str> = towns
        .iter()
        .filter(|c| !detail(c).in_venue)
        .map(|c| detail(c).key.as_str())
        .collect();
    let towns: Vec<&Claim> = towns
        .iter()
        .copied()
        .filter(|c| !detail(c).in_venue || named.contains(detail(c).key.as_str()))
        .collect();
    let mut out = conflicts(ctx, &relations, &towns, &headings, false);
    // Regions of one kind ("in Dolakha district", "in Solukhumbu district") meet as towns do.
    let mut levels: BTreeMap<&str, Vec<&Claim>> = BTreeMap::new();
    for c in &all {
        let d = detail(c);
        if let (PlaceKind::Region, Some(level), false) = (d.kind, d.level.as_deref(), d.heading) {
            levels.entry(level).or_default().push(c);
        }
    }
    for regions in levels.values() {
        out.extend(conflicts(ctx, &relations, regions, &[], true));
    }
    let named = named_places(ctx, &relations, &towns, &out);
    out.extend(named);
    out
}

/// One named venue or firm set in two towns ("Rangeview State College in Warwick", "...
/// in Toowoomba" twice): its sources agree on where it is but one. Only when two sources or
/// more give the majority's town, one source another town that does not hold or lie in it,
/// and no finding above points at that source's place already.
fn named_places(
    ctx: &StoryCtx,
    relations: &Relations,
    towns: &[&Claim],
    found: &[Finding],
) -> Vec<Finding> {
    let mut by_name: BTreeMap<String, BTreeMap<usize, Vec<&Claim>>> = BTreeMap::new();
    let mut written: BTreeMap<String, &str> = BTreeMap::new();
    for c in towns {
        if let Some(n) = detail(c).of_name.as_deref() {
            written.entry(crate::text::fold(n)).or_insert(n);
            by_name
                .entry(crate::text::fold(n))
                .or_default()
                .entry(c.article)
                .or_default()
                .push(c);
        }
    }
    let flagged = |c: &Claim| {
        found
            .iter()
            .flat_map(|f| &f.locations)
            .any(|l| l.article == c.article && l.start < c.end && c.start < l.end)
    };
    let mut out = Vec::new();
    for (name, articles) in by_name {
        if articles.len() < 3 {
            continue;
        }
        let keys: BTreeSet<&str> = articles
            .values()
            .flatten()
            .map(|c| detail(c).key.as_str())
            .collect();
        let support = |k: &str| {
            articles
                .values()
                .filter(|cs| cs.iter().any(|c| relations.beside(&detail(c).key, k)))
                .count()
        };
        let mut ranked: Vec<(usize, &str)> = keys.iter().map(|k| (support(k), *k)).collect();
        ranked.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(b.1)));
        let Some(&(top, major)) = ranked.first() else {
            continue;
        };
        let odd: Vec<usize> = articles
            .iter()
            .filter(|(_, cs)| !cs.iter().any(|c| relations.beside(&detail(c).key, major)))
            .map(|(a, _)| *a)
            .collect();
        if top < 2 || odd.len() != 1 || articles[&odd[0]].iter().any(|c| flagged(c)) {
            continue;
        }
        let major_name = articles
            .values()
            .flatten()
            .find(|c| detail(c).key == major)
            .and_then(|c| c.place())
            .map(|p| p.name.clone());
        let Some(major_name) = major_name else {
            continue;
        };
        let mut readings: Vec<Reading> = articles
            .iter()
            .flat_map(|(&a, cs)| {
                let agrees = !odd.contains(&a);
                let major_name = major_name.clone();
                cs.iter()
                    .filter(move |c| !agrees || relations.beside(&detail(c).key, major))
                    .map(move |c| Reading {
                        article: a,
                        value: if agrees {
                            major_name.clone()
                        } else {
                            c.place().expect("place").name.clone()
                        },
                        spans: vec![(c.start, c.end)],
                    })
            })
            .collect();
        let shown = written.get(&name).copied().unwrap_or(name.as_str());
        // Sources that name the town beside the name otherwise ("l'entreprise Chimourthe,
        // installée à Comblain-au-Pont") agree too.
        let mut beside: BTreeSet<usize> = BTreeSet::new();
        for c in towns {
            if articles.contains_key(&c.article)
                || !relations.beside(&detail(c).key, major)
                || beside.contains(&c.article)
            {
                continue;
            }
            let (a, b) = detail(c).sentence;
            let says_name = ctx.articles[c.article]
                .text
                .get(a..b)
                .is_some_and(|t| crate::text::contains_phrase(&crate::text::fold(t), &name));
            if says_name {
                beside.insert(c.article);
                readings.push(Reading {
                    article: c.article,
                    value: major_name.clone(),
                    spans: vec![(c.start, c.end)],
                });
            }
        }
        out.extend(cross_source(
            CHECK.id,
            CHECK.default_severity,
            &format!("place-of:{name}"),
            &format!("the town of {shown}"),
            readings,
            ctx.articles,
        ));
    }
    out
}

/// The place conflicts among one pool of places of one kind (towns, or regions of one level).
fn conflicts(
    ctx: &StoryCtx,
    relations: &Relations,
    towns: &[&Claim],
    headings: &[&Claim],
    regions: bool,
) -> Vec<Finding> {
    // A place locates what its clause ends with ("began in the pathology laboratory in"):
    // two places of one event share words there, beside the sentence's own match.
    let joined = |a: &Claim, b: &Claim| {
        let rules = &ctx.rules.lang(&ctx.articles[a.article].meta.lang).dates;
        let clause = events::shared_clause_words(event(a), event(b));
        // One kind of event named beside both places, in sentences that share words.
        let same_kind = !a.subject.is_empty()
            && a.subject == b.subject
            && events::shared_words(event(a), event(b)) >= 3;
        clause >= 2
            || events::close(rules, event(a), event(b))
            || same_kind
            || (clause >= 1
                && events::same_event(rules, event(a), &a.subject, event(b), &b.subject))
    };
    // The towns each sentence names.
    let mut named_in: BTreeMap<(usize, (usize, usize)), BTreeSet<&str>> = BTreeMap::new();
    for c in towns {
        named_in
            .entry((c.article, detail(c).sentence))
            .or_default()
            .insert(detail(c).key.as_str());
    }
    // Of a sentence that names both towns ("Le tribunal de Nouméa a condamné... la pollution
    // survenue sur le site minier de Thio"), each meets its own namesake: another source's
    // Thio meets this Thio by the sentence, and meets this Nouméa only by its clause.
    let crossed = |a: &Claim, b: &Claim| {
        let names = |c: &Claim, k: &str| {
            named_in
                .get(&(c.article, detail(c).sentence))
                .is_some_and(|ks| ks.contains(k))
        };
        detail(a).key != detail(b).key
            && (names(b, &detail(a).key) || names(a, &detail(b).key))
            && events::shared_clause_words(event(a), event(b)) < 2
    };
    // A landmark ("40 km au sud-ouest de Luganville") may agree with its town, but it
    // contradicts only another landmark: the event north of one town may be in another.
    let same_event = |a: &Claim, b: &Claim| {
        detail(a).relative == detail(b).relative && !crossed(a, b) && joined(a, b)
    };
    // Candidate pairs share a word of their sentences: an index, never all pairs.
    let mut index: HashMap<u64, Vec<usize>> = HashMap::default();
    for (i, c) in towns.iter().enumerate() {
        for w in event(c).context.iter().chain(&event(c).clause) {
            index.entry(*w).or_default().push(i);
        }
    }
    let mut parent: Vec<usize> = (0..towns.len()).collect();
    let mut seen = BTreeSet::new();
    for ids in index.values() {
        for (x, &i) in ids.iter().enumerate() {
            for &j in &ids[x + 1..] {
                if towns[i].article == towns[j].article || !seen.insert((i.min(j), i.max(j))) {
                    continue;
                }
                if !crossed(towns[i], towns[j]) && joined(towns[i], towns[j]) {
                    let (ri, rj) = (find(&mut parent, i), find(&mut parent, j));
                    parent[ri] = rj;
                }
            }
        }
    }
    let mut groups: BTreeMap<usize, BTreeMap<usize, Vec<&Claim>>> = BTreeMap::new();
    for (i, c) in towns.iter().enumerate() {
        groups
            .entry(find(&mut parent, i))
            .or_default()
            .entry(c.article)
            .or_default()
            .push(c);
    }
    let mut out = Vec::new();
    for articles in groups.into_values().filter(|g| g.len() >= 2) {
        let located = Located {
            towns,
            headings,
            regions,
        };
        if let Some(f) = event_finding(ctx, relations, &articles, located, &same_event) {
            out.push(f);
            continue;
        }
        if let Some(f) = split_finding(ctx, relations, &articles) {
            out.push(f);
            continue;
        }
        // A group may chain two events through a sentence that names both ("La Cour d'appel
        // de Conakry a annulé le retrait du permis de Kintinian, dans la préfecture de
        // Siguiri"): the places of one kind of event named beside them ("l'audience") are
        // then read on their own.
        let mut by_subject: BTreeMap<&str, BTreeMap<usize, Vec<&Claim>>> = BTreeMap::new();
        for (a, cs) in &articles {
            for c in cs.iter().filter(|c| !c.subject.is_empty()) {
                by_subject
                    .entry(c.subject.as_str())
                    .or_default()
                    .entry(*a)
                    .or_default()
                    .push(c);
            }
        }
        for sub in by_subject.values() {
            let whole = sub.len() == articles.len()
                && sub.iter().all(|(a, cs)| cs.len() == articles[a].len());
            if sub.len() < 2 || whole {
                continue;
            }
            if let Some(f) = event_finding(ctx, relations, sub, located, &same_event) {
                out.push(f);
            }
        }
    }
    out
}

/// Two sources alone that place one event in two towns, each once ("at a ceremony in Richards
/// Bay", "At a ceremony in Durban attended by..."): no majority tells which is right, so the
/// finding, a warning, says they are split. Only when both sentences name one kind of event
/// and match closely.
fn split_finding(
    ctx: &StoryCtx,
    relations: &Relations,
    articles: &BTreeMap<usize, Vec<&Claim>>,
) -> Option<Finding> {
    if articles.len() != 2 {
        return None;
    }
    let mut pair = articles.values().map(|cs| match cs.as_slice() {
        [c] => {
            let d = detail(c);
            (!d.list && !d.in_venue && !d.relative && !d.seat && d.related.is_empty()).then_some(*c)
        }
        _ => None,
    });
    let (a, b) = (pair.next()??, pair.next()??);
    let (ka, kb) = (detail(a).key.as_str(), detail(b).key.as_str());
    if relations.compatible(ka, kb) {
        return None;
    }
    let rules = &ctx.rules.lang(&ctx.articles[a.article].meta.lang).dates;
    if a.subject.is_empty() || a.subject != b.subject || !events::close(rules, event(a), event(b)) {
        return None;
    }
    let readings = [a, b]
        .iter()
        .map(|c| Reading {
            article: c.article,
            value: c.place().expect("place").name.clone(),
            spans: vec![(c.start, c.end)],
        })
        .collect();
    let what = if a.subject.is_empty() {
        "the place of one event".to_string()
    } else {
        format!("the place of the {}", a.subject)
    };
    cross_source(
        CHECK.id,
        Severity::Warning,
        &format!("place:{ka}|{kb}"),
        &what,
        readings,
        ctx.articles,
    )
}

/// The story's towns outside an event's group, which may agree with its majority.
#[derive(Clone, Copy)]
struct Located<'a, 'c> {
    towns: &'a [&'c Claim],
    headings: &'a [&'c Claim],
    /// A pool of regions of one kind: a story rarely names two, so a source that names one of
    /// the event's anywhere, and none of the others, supports it.
    regions: bool,
}

fn event_finding(
    ctx: &StoryCtx,
    relations: &Relations,
    articles: &BTreeMap<usize, Vec<&Claim>>,
    located: Located,
    same_event: &dyn Fn(&Claim, &Claim) -> bool,
) -> Option<Finding> {
    let (towns, headings) = (located.towns, located.headings);
    let fits = |c: &Claim, key: &str| relations.compatible(&detail(c).key, key);
    let keys: BTreeSet<&str> = articles
        .values()
        .flatten()
        .map(|c| detail(c).key.as_str())
        .collect();
    let mut outside: BTreeMap<usize, BTreeSet<&str>> = BTreeMap::new();
    if located.regions {
        for c in towns {
            let d = detail(c);
            if !articles.contains_key(&c.article) && !d.relative && !d.list {
                outside.entry(c.article).or_default().insert(d.key.as_str());
            }
        }
    }
    let support = |key: &str| {
        // A town read from a venue's name supports its reading only for a source that places
        // the event nowhere else ("une étude de l'Université de Lausanne, présentée à Sion").
        let inside = articles
            .values()
            .filter(|cs| {
                cs.iter().any(|c| {
                    fits(c, key)
                        && (!detail(c).seat
                            || cs
                                .iter()
                                .all(|o| detail(o).in_venue || detail(o).list || fits(o, key)))
                })
            })
            .count();
        let beside = outside
            .values()
            .filter(|ks| ks.contains(key) && keys.iter().all(|k| *k == key || !ks.contains(k)))
            .count();
        // A source outside the event's group whose headline gives the town ("Quéméner
        // s'impose à Lannion") supports it.
        let headline = headings
            .iter()
            .filter(|c| {
                detail(c).headline && detail(c).key == key && !articles.contains_key(&c.article)
            })
            .map(|c| c.article)
            .collect::<BTreeSet<usize>>()
            .len();
        inside + beside + headline
    };
    // Of readings with equal support, the one most sources write as it is ("Luganville" over
    // "Espiritu Santo", the island it is on).
    let exact = |key: &str| {
        articles
            .values()
            .filter(|cs| cs.iter().any(|c| detail(c).key == key))
            .count()
    };
    // Support from places named for themselves, not read from a venue's name or set by a
    // bearing ("Nakuru County Referral Hospital", "30 km west of Nakuru"): of equals, the
    // reading more sources give plainly is the event's.
    let plain = |key: &str| {
        articles
            .values()
            .filter(|cs| {
                cs.iter()
                    .any(|c| fits(c, key) && !detail(c).in_venue && !detail(c).relative)
            })
            .count()
    };
    let mut ranked: Vec<(usize, usize, usize, &str)> = keys
        .iter()
        .map(|k| (support(k), plain(k), exact(k), *k))
        .collect();
    // A landmark ("310 nautical miles south of Dondra Head") is where the event is measured
    // from, not its place: when two sources place it in a town, the town is the reading.
    let landmark = |key: &str| {
        articles
            .values()
            .flatten()
            .filter(|c| detail(c).key == key)
            .all(|c| detail(c).relative)
    };
    if ranked.iter().any(|r| r.0 >= 2 && !landmark(r.3)) {
        ranked.retain(|r| !landmark(r.3));
    }
    ranked.sort_by(|a, b| {
        b.0.cmp(&a.0)
            .then(b.1.cmp(&a.1))
            .then(b.2.cmp(&a.2))
            .then(a.3.cmp(b.3))
    });
    let &(top, top_plain, _, major) = ranked.first()?;
    // Two readings that each have the top support and do not fit each other: the sources are
    // split, and no reading is the odd one.
    if top < 2
        || ranked
            .iter()
            .skip(1)
            .any(|&(n, p, _, k)| n == top && p == top_plain && !relations.compatible(k, major))
    {
        return None;
    }
    // A town read from a venue's name ("Le port de Safi a entamé...") agrees only for a source
    // that places the event nowhere else: "la cérémonie, tenue à El Jadida" is its reading.
    // A place set after another to say where that one is ("Arayat, Pampanga") agrees only
    // through that one.
    let qualifies_other = |c: &Claim, cs: &[&Claim]| {
        cs.iter().any(|o| {
            o.start < c.start
                && detail(o).sentence == detail(c).sentence
                && relations.inside(&detail(o).key, &detail(c).key)
                && !fits(o, major)
        })
    };
    let agreeing_claim = |c: &Claim, cs: &[&Claim]| {
        !qualifies_other(c, cs)
            && fits(c, major)
            && (!(detail(c).seat || detail(c).relative)
                || cs
                    .iter()
                    .all(|o| detail(o).in_venue || detail(o).list || fits(o, major)))
    };
    let majority: Vec<&Claim> = articles
        .values()
        .flat_map(|cs| cs.iter().copied().filter(|c| agreeing_claim(c, cs)))
        .collect();
    let majority_articles: BTreeSet<usize> = majority.iter().map(|c| c.article).collect();
    let odd: Vec<(usize, &Vec<&Claim>)> = articles
        .iter()
        .filter(|(_, cs)| !cs.iter().any(|c| agreeing_claim(c, cs)))
        // One town of a list is one of several the event covers, not a reading of its place.
        // Nor is a town read from a venue's name: it may only agree.
        .filter(|(_, cs)| cs.iter().any(|c| !detail(c).list && !detail(c).in_venue))
        // A town the majority's sources also name for the event is one more place it covers
        // ("à Pepinster, Verviers et Trooz"), not another reading.
        // A town read from a venue's name ("Nakuru County Referral Hospital", where the
        // injured were taken) is not one the odd source gives for the event.
        .filter(|(a, cs)| {
            !cs.iter()
                .filter(|c| {
                    !detail(c).in_venue
                        && !detail(c).relative
                        && (detail(c).list || !detail(c).related.is_empty())
                        && !qualifies_other(c, cs)
                })
                .any(|c| {
                    // The province of "Arayat, Pampanga" does not name Arayat.
                    let names = |o: &Claim| {
                        fits(o, &detail(c).key) && !relations.inside(&detail(c).key, &detail(o).key)
                    };
                    articles.iter().filter(|(b, _)| *b != *a).any(|(_, os)| {
                        os.iter().any(|o| names(o)) && os.iter().any(|o| fits(o, major))
                    })
                })
        })
        // Matched to most majority sources' sentences themselves, not only through a third
        // one: a sentence about two events ("the nationals in Ipoh, then the world
        // championships in August") links one source's other event to them. One match is
        // enough when the clauses that lead to the two places share a word ("a lancé lundi à
        // Kaolack" / "a officiellement lancé lundi à Kaffrine").
        .filter(|(a, cs)| {
            let odd: Vec<&&Claim> = cs
                .iter()
                .filter(|c| !detail(c).list && !detail(c).in_venue)
                .collect();
            let pairs: Vec<(&Claim, &Claim)> = odd
                .iter()
                .flat_map(|c| {
                    majority
                        .iter()
                        .filter(move |o| o.article != **a && same_event(c, o))
                        .map(move |o| (**c, *o))
                })
                .collect();
            let matched: BTreeSet<usize> = pairs.iter().map(|(_, o)| o.article).collect();
            let led = pairs
                .iter()
                .any(|(c, o)| events::shared_clause_words(event(c), event(o)) >= 1);
            matched.len() * 2 > majority_articles.len() || led
        })
        .map(|(a, cs)| (*a, cs))
        .collect();
    if odd.is_empty() || odd.len() >= top {
        return None;
    }
    let name = |c: &Claim| c.place().expect("place").name.clone();
    let major_name = majority
        .iter()
        .find(|c| detail(c).key == major)
        .map(|c| name(c))?;
    // Sources the group missed that give the majority's town in a sentence close to one of
    // its sentences are located too: they agree, and the editor should see them.
    let loosely = |c: &Claim, m: &Claim| {
        events::shared_words(event(c), event(m)) >= 2
            || events::shared_clause_words(event(c), event(m)) >= 1
            || (!c.subject.is_empty() && c.subject == m.subject)
    };
    let mut agreeing: BTreeMap<usize, Vec<&Claim>> = BTreeMap::new();
    for c in &majority {
        agreeing.entry(c.article).or_default().push(c);
    }
    let odd_articles: BTreeSet<usize> = odd.iter().map(|(a, _)| *a).collect();
    let located: BTreeSet<usize> = agreeing.keys().copied().collect();
    for c in towns {
        if !located.contains(&c.article)
            && !odd_articles.contains(&c.article)
            && fits(c, major)
            && majority.iter().any(|m| loosely(c, m))
        {
            agreeing.entry(c.article).or_default().push(c);
        }
    }
    // A source outside the event's group that names the majority's town plainly agrees with
    // it ("l'ouverture de l'hôpital à Dinant"): its first such mention is located.
    for c in towns {
        let d = detail(c);
        if !agreeing.contains_key(&c.article)
            && !odd_articles.contains(&c.article)
            && !articles.contains_key(&c.article)
            && d.key == major
            && !d.in_venue
            && !d.relative
            && !d.list
        {
            agreeing.entry(c.article).or_default().push(c);
        }
    }
    // Each agreeing source shows its other mentions of the town in its body too ("qui s'est
    // déroulée à Sousse", "à l'École nationale d'ingénieurs de Sousse"), and one that agrees
    // only through a name that contains the majority's ("Baler-Casiguran road") its plain
    // mention of the town: the reader checks them all.
    for (a, cs) in agreeing.iter_mut() {
        for c in towns {
            let d = detail(c);
            if c.article == *a
                && d.key == major
                && !d.relative
                && !d.list
                && !cs.iter().any(|o| o.start == c.start)
            {
                cs.push(c);
            }
        }
        cs.sort_by_key(|c| c.start);
    }
    // So does a source's heading that gives the majority's town: its dateline ("KITWE — The
    // collapse...") or its headline ("Pollution minière à Thio").
    for c in headings {
        if !odd_articles.contains(&c.article) && detail(c).key == major {
            agreeing.entry(c.article).or_default().push(c);
        }
    }
    let mut readings: Vec<Reading> = agreeing
        .into_iter()
        .map(|(a, cs)| Reading {
            article: a,
            value: major_name.clone(),
            spans: cs.iter().map(|c| (c.start, c.end)).collect(),
        })
        .collect();
    for (a, cs) in odd {
        // The odd source's place whose sentence meets the most majority sources.
        let c = cs
            .iter()
            .filter(|c| !detail(c).list && !detail(c).in_venue)
            .max_by_key(|c| {
                let met: BTreeSet<usize> = majority
                    .iter()
                    .filter(|m| same_event(c, m))
                    .map(|m| m.article)
                    .collect();
                // The first of equals: `max_by_key` keeps the last.
                (met.len(), std::cmp::Reverse(c.start))
            })
            .unwrap_or(&cs[0]);
        readings.push(Reading {
            article: a,
            value: name(c),
            spans: vec![(c.start, c.end)],
        });
    }
    let subject = articles
        .values()
        .flatten()
        .map(|c| c.subject.as_str())
        .find(|s| !s.is_empty())
        .unwrap_or("");
    let what = if subject.is_empty() {
        "the place of one event".to_string()
    } else {
        format!("the place of the {subject}")
    };
    cross_source(
        CHECK.id,
        CHECK.default_severity,
        &format!("place:{major}"),
        &what,
        readings,
        ctx.articles,
    )
}
