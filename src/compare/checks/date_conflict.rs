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
//! and they must not be of opposite phases (an opening and a closing; see `phases`). A long
//! sentence may date another event in a clause: two dates whose clauses end with
//! `clause_min_shared_words` of the same words ("when the Tana River broke its banks on") date
//! one event, and so do two sources that give one event kind the same span of days. A source
//! whose reading differs is flagged only when its sentence matches a majority source's itself,
//! not only through a third source's. Candidate
//! pairs come from an index of the words, so dates are never all compared with each other.
//!
//! Two stated spans of one event ("les 12 et 13 novembre", "de mars à mai 2025") agree only
//! when they are the same span; overlapping is not agreeing.
//!
//! ## Recalled events and slips of the year
//! Dates that an event's sentences give far from its own date, or at another granularity, are
//! earlier events that the sources recall ("first elected mayor in 2016"). Those that several
//! sources recall in closely matching sentences (`min_shared_words` and `min_overlap`), with
//! their years written, are compared on their own, and flagged on a clear majority only. One
//! day of one month written with two different years in sentences that share a few words ("le
//! 9 mars 2021", "le 9 mars 2020") is a slip of the year, and so is one month, run of days or season with two
//! years ("en août 2023", "en août 2024"; "l'automne 2022", "l'automne 2023"), or a year with its digits swapped ("1998", "1989"): a slip
//! is flagged even one source against one.
//!
//! A day named from the publication date ("hier", "yesterday", "mardi dernier", "next Tuesday")
//! is compared like a written day, unless another date stands in its sentence ("a annoncé hier
//! que la conférence aura lieu le 3 juillet": "hier" dates the telling). It joins the event its
//! sentence matches best, and never joins two events together.
//!
//! ## What it leaves alone
//! A coarser reading of the same time ("2022" and "le 24 mars 2022"; "juillet 2025" and "le 3
//! juillet 2025"; a day within five days of a part of its month, "fin mars" and "le 19 mars",
//! though "the end of March" is not March 3), a relative date that resolves to the other source's day ("juillet prochain",
//! "last Tuesday"), a period of more than a year that is not a stated span ("the 2000s"), a
//! day whose weekday is wrong (date.weekday-mismatch flags it), the date of a dispatch ("Abidjan,
//! 5 juin 2025 (AFP) -"), a bare weekday ("jeudi": the last one or the next?), deadlines and targets
//! ("d'ici 2030", "by 2030"), dates of another granularity than most of the event's (the year of
//! the results beside the day they were presented), opposite phases (an opening day and a
//! closing day), numeric dates whose day and month order cannot be told, a year right after a
//! figure (the figure's period: "l'inflation a reflué à 3,4 % en moyenne en 2025"), and
//! anything in the page furniture. A date at least `recall_gap_days` from the event's in a sentence that
//! recalls an earlier event ("le séisme qui avait frappé Port-Vila en décembre 2024"; the
//! words are `recall_markers` in rules/<lang>/dates.toml) is that earlier event's. One source
//! against one, where one dates a thing to come and the other a thing past by their own
//! publication dates (a meeting "évoquée pour le lundi 24 mars", "jeudi dernier, une ultime
//! séance"), are two events. Three readings or more, each two weeks or more from the others,
//! are several moments of the story the sources' words met over (a sample taken in January, a
//! suspension in February, a ban announced in June). Of the dates one article gives an event,
//! the one that best matches the other sources' is compared: its words, then its tense (a date
//! to come beside dates to come), then its clause.
//!
//! A year a span runs from ("retirés depuis 2024", "the biggest strike since 2022") is never
//! compared. Two bare years, one source each, are not flagged when either source dates
//! something else to the other's year ("strikes in 2023 and 2024 ... the most significant since
//! 2022" beside "strikes in 2022"); nor are two months or years, one source each, whose
//! clauses share no word ("un réaménagement avait eu lieu en septembre 2025", "avant de
//! dissoudre l'Assemblée en septembre"). A slip of the year ("septembre 2024" for "septembre
//! 2025") is flagged only when both years are written in the dates themselves.
use std::collections::{BTreeMap, BTreeSet};

use chrono::Datelike;

use crate::claims::{Claim, EventContext, Finding, Severity};
use crate::compare::dates::{comparable, compatible, display, gap_days};
use crate::compare::{cross_source, events, find, CheckInfo, Reading, StoryCtx};

pub const CHECK: CheckInfo = CheckInfo {
    id: "date.conflict",
    default_severity: Severity::Error,
    source: include_str!("date_conflict.rs"),
    run,
};

/// Claims grouped by their union-find root, then by article.
#[allow(clippy::type_complexity)]
fn by_root<'a>(
    parent: &mut [usize],
    claims: &[&'a Claim],
) -> BTreeMap<usize, BTreeMap<usize, Vec<&'a Claim>>> {
    let mut out: BTreeMap<usize, BTreeMap<usize, Vec<&Claim>>> = BTreeMap::new();
    for (i, c) in claims.iter().enumerate() {
        out.entry(find(parent, i))
            .or_default()
            .entry(c.article)
            .or_default()
            .push(c);
    }
    out
}

fn named(c: &Claim) -> bool {
    c.date().is_some_and(|d| d.detail.named_day)
}

fn same_event(ctx: &StoryCtx, a: &Claim, b: &Claim) -> bool {
    let rules = &ctx.rules.lang(&ctx.articles[a.article].meta.lang).dates;
    events::same_event(rules, event(a), &a.subject, event(b), &b.subject)
}

fn event(c: &Claim) -> &EventContext {
    &c.date().expect("date").detail.event
}

/// One day of one month written with different years in sentences that share words ("interpellé
/// le 9 mars 2021", "interpellé le 9 mars 2020"): a slip of the year far more often than two
/// events on the same day. Grouped by day and month, so only dates of one span of the calendar
/// are compared.
fn year_slips<'a>(ctx: &StoryCtx, claims: &[&'a Claim]) -> Vec<BTreeMap<usize, Vec<&'a Claim>>> {
    use crate::claims::Granularity::{Day, Month};
    // Keyed by the span's first and last month and day, so that one stretch of the calendar
    // meets itself in another year: a day, a run of days ("les 3 et 4 mai"), a month ("en
    // août 2024") or a season ("l'automne 2022"), whose days count as 0.
    let mut by_day: BTreeMap<(u32, u32, u32, u32), Vec<&Claim>> = BTreeMap::new();
    for c in claims {
        let d = &c.date().expect("date").detail;
        let (Some(lo), Some(hi), true) = (d.lo, d.hi, d.year_written) else {
            continue;
        };
        let markers = &ctx.rules.lang(&ctx.articles[c.article].meta.lang).dates;
        if (hi - lo).num_days() > 200 || said_with(ctx, c, &markers.comparison_markers) {
            continue;
        }
        let key = match d.granularity {
            Day => (lo.month(), lo.day(), hi.month(), hi.day()),
            Month => (lo.month(), 0, hi.month(), 0),
            _ => continue,
        };
        by_day.entry(key).or_default().push(c);
    }
    let mut out = Vec::new();
    for day in by_day.values() {
        let year = |c: &Claim| c.date().and_then(|d| d.detail.lo).map(|d| d.year());
        let mut group: BTreeMap<usize, Vec<&Claim>> = BTreeMap::new();
        for (i, a) in day.iter().enumerate() {
            for b in &day[i + 1..] {
                let rules = &ctx.rules.lang(&ctx.articles[a.article].meta.lang).dates;
                if a.article != b.article
                    && year(a) != year(b)
                    && shared_words(a, b) >= rules.short_min_shared_words
                {
                    for c in [*a, *b] {
                        let slot = group.entry(c.article).or_default();
                        if !slot.iter().any(|x| std::ptr::eq(*x, c)) {
                            slot.push(c);
                        }
                    }
                }
            }
        }
        // The sources that agree with the slip's other side, on the same day and year.
        if group.len() >= 2 {
            for c in day {
                if !group.contains_key(&c.article)
                    && group
                        .values()
                        .flatten()
                        .any(|g| year(g) == year(c) && shared_words(g, c) >= 1)
                {
                    group.entry(c.article).or_default().push(c);
                }
            }
            out.push(group);
        }
    }
    out
}

fn run(ctx: &StoryCtx) -> Vec<Finding> {
    // Where each article states a figure: a year right after one is the figure's period ("3,4 %
    // en moyenne en 2025", "devrait revenir à 2,9 % en 2026"), not an event's date.
    let mut figures: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for c in &ctx.claims {
        if c.quantity().is_some_and(|q| q.kind != "ordinal") {
            figures.entry(c.article).or_default().push(c.end);
        }
    }
    let of_a_figure = |c: &Claim| {
        let text = &ctx.articles[c.article].text;
        figures.get(&c.article).is_some_and(|ends| {
            ends.iter().any(|&e| {
                e <= c.start
                    && text.get(e..c.start).is_some_and(|gap| {
                        !gap.contains([',', ';', '.']) && gap.split_whitespace().count() <= 4
                    })
            })
        })
    };
    let claims: Vec<&Claim> = ctx
        .claims
        .iter()
        .copied()
        .filter(|c| {
            c.date().is_some_and(|d| {
                // A day whose weekday is wrong is flagged as such, not a second time here.
                d.role == "event"
                    && comparable(&d.detail)
                    && !super::date_weekday_mismatch::weekday_mismatch(&d.detail)
                    && !(d.detail.granularity == crate::claims::Granularity::Year && of_a_figure(c))
            })
        })
        .collect();
    // Events: claims of different articles joined when their sentences share enough words.
    let mut index: BTreeMap<u64, Vec<usize>> = BTreeMap::new();
    for (i, c) in claims.iter().enumerate() {
        for w in &event(c).context {
            index.entry(*w).or_default().push(i);
        }
    }
    let mut parent: Vec<usize> = (0..claims.len()).collect();
    let mut tried = std::collections::BTreeSet::new();
    for ids in index.values() {
        for (k, &i) in ids.iter().enumerate() {
            for &j in &ids[k + 1..] {
                if claims[i].article == claims[j].article || !tried.insert((i, j)) {
                    continue;
                }
                // A day named from the publication date ("hier") joins an event below; it does
                // not bridge two.
                if named(claims[i]) || named(claims[j]) {
                    continue;
                }
                if same_event(ctx, claims[i], claims[j]) {
                    let (ri, rj) = (find(&mut parent, i), find(&mut parent, j));
                    parent[ri.max(rj)] = ri.min(rj);
                }
            }
        }
    }
    // One span of days given for one kind of event by two sources is one event, however
    // differently the sentences are worded ("son procès s'était déroulé du 3 au 14 novembre",
    // "le procès, tenu du 3 au 14 novembre").
    let mut same_span: BTreeMap<(&str, chrono::NaiveDate, chrono::NaiveDate), usize> =
        BTreeMap::new();
    for (i, c) in claims.iter().enumerate() {
        let d = &c.date().expect("date").detail;
        if c.subject.is_empty() || named(c) || d.granularity != crate::claims::Granularity::Day {
            continue;
        }
        let (Some(lo), Some(hi)) = (d.lo, d.hi) else {
            continue;
        };
        match same_span.get(&(c.subject.as_str(), lo, hi)) {
            Some(&j) => {
                let (ri, rj) = (find(&mut parent, i), find(&mut parent, j));
                parent[ri.max(rj)] = ri.min(rj);
            }
            None => {
                same_span.insert((c.subject.as_str(), lo, hi), i);
            }
        }
    }
    // Each named day joins the event whose dates its sentence matches best.
    for (i, c) in claims.iter().enumerate() {
        if !named(c) {
            continue;
        }
        let mut score: BTreeMap<usize, usize> = BTreeMap::new();
        for (j, o) in claims.iter().enumerate() {
            if o.article != c.article && !named(o) && same_event(ctx, c, o) {
                *score.entry(find(&mut parent, j)).or_default() += shared_words(c, o);
            }
        }
        if let Some((&root, _)) = score.iter().max_by_key(|(r, s)| (**s, usize::MAX - **r)) {
            parent[i] = root;
        }
    }
    let events = by_root(&mut parent, &claims);
    let mut out: Vec<Finding> = Vec::new();
    for (_, articles) in events {
        if articles.len() < 2 {
            continue;
        }
        let (finding, other_grain, mut left) = event_finding(ctx, articles, true);
        out.extend(finding);
        // Dates of another granularity than most of the event's are compared among
        // themselves: "on Wednesday, May 14" and "on Thursday, May 15" beside three years.
        let mut by_article: BTreeMap<usize, Vec<&Claim>> = BTreeMap::new();
        for c in other_grain {
            by_article.entry(c.article).or_default().push(c);
        }
        if by_article.len() >= 2 {
            let (finding, other_grain, far) = event_finding(ctx, by_article, true);
            out.extend(finding);
            left.extend(other_grain);
            left.extend(far);
        } else {
            left.extend(by_article.into_values().flatten());
        }
        // The dates left out are earlier events that the sources recall ("first elected mayor
        // in 2016"): those that several sources recall in closely matching sentences are one
        // event too, and compared on their own.
        for group in recalled_events(ctx, &left) {
            out.extend(event_finding(ctx, group, false).0);
        }
    }
    for group in year_slips(ctx, &claims) {
        // Unless an event above has flagged the slip already.
        let flagged = |f: &Finding| {
            out.iter().flat_map(|o| &o.locations).any(|l| {
                f.locations
                    .iter()
                    .any(|m| m.primary && (l.article, l.start) == (m.article, m.start))
            })
        };
        if let Some(f) = event_finding(ctx, group, false).0.filter(|f| !flagged(f)) {
            out.push(f);
        }
    }
    out
}

/// Groups of recalled dates from different articles whose sentences match closely: many words
/// in common, or a few and the same day and month. Only dates with their year written count:
/// the year is what a recalled date gets wrong.
fn recalled_events<'a>(ctx: &StoryCtx, left: &[&'a Claim]) -> Vec<BTreeMap<usize, Vec<&'a Claim>>> {
    let left: Vec<&Claim> = left
        .iter()
        .copied()
        .filter(|c| c.date().is_some_and(|d| d.detail.year_written))
        .collect();
    let mut parent: Vec<usize> = (0..left.len()).collect();
    let day_month = |c: &Claim| {
        let d = &c.date().expect("date").detail;
        (d.granularity == crate::claims::Granularity::Day)
            .then(|| d.lo.map(|x| (x.month(), x.day())))
            .flatten()
    };
    for i in 0..left.len() {
        for j in i + 1..left.len() {
            let (a, b) = (left[i], left[j]);
            if a.article == b.article || !same_event(ctx, a, b) {
                continue;
            }
            let same_day = day_month(a).is_some() && day_month(a) == day_month(b);
            if close(ctx, a, b) || same_day {
                let (ri, rj) = (find(&mut parent, i), find(&mut parent, j));
                parent[ri.max(rj)] = ri.min(rj);
            }
        }
    }
    let groups = by_root(&mut parent, &left);
    groups.into_values().filter(|g| g.len() >= 2).collect()
}

/// Whether a date's sentence recalls an earlier event ("qui avait frappé", "the previous").
fn recalls(ctx: &StoryCtx, c: &Claim) -> bool {
    let rules = &ctx.rules.lang(&ctx.articles[c.article].meta.lang).dates;
    said_with(ctx, c, &rules.recall_markers) || said_with(ctx, c, &rules.comparison_markers)
}

/// Whether the sentence of a date holds one of `markers` (folded words).
fn said_with(ctx: &StoryCtx, c: &Claim, markers: &[String]) -> bool {
    let a = &ctx.articles[c.article];
    if markers.is_empty() {
        return false;
    }
    let text = &a.text;
    let ends = |ch: char| matches!(ch, '.' | '!' | '?' | '\n');
    let from = text[..c.start.min(text.len())]
        .rfind(ends)
        .map_or(0, |i| i + 1);
    let to = text[c.end.min(text.len())..]
        .find(ends)
        .map_or(text.len(), |i| c.end + i);
    crate::text::words(&text[from..to]).any(|(_, w)| {
        let w = crate::text::fold_cow(w).to_lowercase();
        markers.contains(&w)
    })
}

fn close(ctx: &StoryCtx, a: &Claim, b: &Claim) -> bool {
    let rules = &ctx.rules.lang(&ctx.articles[a.article].meta.lang).dates;
    events::close(rules, event(a), event(b))
}

fn shared_words(a: &Claim, b: &Claim) -> usize {
    events::shared_words(event(a), event(b))
}

/// The finding of one event, if its sources disagree, and the dates left out: those of
/// another granularity than most, and those far from the event's own date when `leave_out` is
/// set (recalled events).
#[allow(clippy::type_complexity)]
fn event_finding<'a>(
    ctx: &StoryCtx,
    articles: BTreeMap<usize, Vec<&'a Claim>>,
    leave_out: bool,
) -> (Option<Finding>, Vec<&'a Claim>, Vec<&'a Claim>) {
    let (mut other_grain, mut far) = (Vec::new(), Vec::new());
    let finding = compare_event(ctx, articles, leave_out, &mut other_grain, &mut far);
    (finding, other_grain, far)
}

fn compare_event<'a>(
    ctx: &StoryCtx,
    articles: BTreeMap<usize, Vec<&'a Claim>>,
    leave_out: bool,
    other_grain: &mut Vec<&'a Claim>,
    far: &mut Vec<&'a Claim>,
) -> Option<Finding> {
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
    // Of an event long past, recalled by every source ("joined as a lecturer in 1998", "since
    // joining in June 1998"), the year and the month are one moment.
    let max_gap = ctx
        .rules
        .lang(&ctx.articles[*articles.keys().next()?].meta.lang)
        .dates
        .max_gap_days;
    let long_past = |c: &Claim| {
        let published = ctx.articles[c.article].meta.date.map(|d| d.date);
        published
            .zip(c.date().and_then(|d| d.detail.hi))
            .is_some_and(|(p, hi)| (p - hi).num_days() > max_gap)
    };
    let all_past = articles.values().flatten().all(|c| long_past(c));
    let fits = |g: crate::claims::Granularity| {
        use crate::claims::Granularity::*;
        all_past
            || g == grain
            || matches!(
                (grain, g),
                (Day, Month) | (Month, Day) | (Day, Week) | (Week, Day)
            )
    };
    let articles: BTreeMap<usize, Vec<&Claim>> = articles
        .into_iter()
        .map(|(a, cs)| {
            let (kept, out): (Vec<&Claim>, Vec<&Claim>) =
                cs.into_iter().partition(|c| fits(detail(c).granularity));
            other_grain.extend(out);
            (a, kept)
        })
        .filter(|(_, cs)| !cs.is_empty())
        .collect();
    // A date far from every other source's dates of the event is background ("the stranding of
    // February 2017" beside this week's): it is left out.
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
        .copied()?;
    let anchor_claim = anchor;
    let anchor = detail(anchor);
    // Recalled events were matched closely already: their dates may lie years apart. So may,
    // when the event itself is recalled (long before the article), a written year in a
    // sentence that closely matches the anchor's ("first elected mayor in 2013" against "first
    // elected mayor in 2016"); beside this week's event, it is an earlier one.
    let rules = &ctx
        .rules
        .lang(&ctx.articles[anchor_claim.article].meta.lang)
        .dates;
    let anchor_recalls = recalls(ctx, anchor_claim);
    let near = |c: &Claim| {
        let gap = gap_days(&detail(c), &anchor);
        if leave_out
            && !anchor_recalls
            && gap.is_some_and(|g| g >= rules.recall_gap_days)
            && recalls(ctx, c)
        {
            return false;
        }
        !leave_out
            || gap.is_none_or(|g| g <= max_gap)
            || (detail(c).year_written
                && anchor.year_written
                && c.article != anchor_claim.article
                && long_past(anchor_claim)
                && close(ctx, c, anchor_claim))
    };
    let articles: BTreeMap<usize, Vec<&Claim>> = articles
        .into_iter()
        .map(|(a, cs)| {
            let (kept, out): (Vec<&Claim>, Vec<&Claim>) = cs.into_iter().partition(|c| near(c));
            far.extend(out);
            (a, kept)
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
    // Whether a date is to come (1) or past (-1) by its own article's publication date; the
    // day of publication is past or present ("won ... on Saturday 30 May" in an article of 30
    // May, beside a parade "tomorrow" in one of 31 May).
    let tense_of = |c: &Claim| -> i32 {
        let published = ctx.articles[c.article].meta.date.map(|d| d.date);
        let d = detail(c);
        match (published, d.lo, d.hi) {
            (Some(p), Some(lo), _) if lo > p => 1,
            (Some(p), _, Some(hi)) if hi <= p => -1,
            _ => 0,
        }
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
                // Of two dates in one sentence, the one whose own clause says what the others
                // date ("a annoncé qu'elle ferait appel du jugement rendu le 20 mai").
                let clause: usize = others(article)
                    .map(|o| crate::compare::events::shared_clause_words(event(c), event(o)))
                    .sum();
                // A date weeks from every other source's is another moment of the story
                // ("sera assermentée le 7 octobre" beside a resignation in May).
                let near_other = others(article).any(|o| {
                    gap_days(&detail(c), &detail(o)).is_none_or(|g| g < rules.recall_gap_days)
                });
                // Of a date past and a date to come, the one told in the tense the others
                // tell the event in ("a fixé au 28 avril la nouvelle tentative, après
                // l'interruption du mardi 14 avril" beside launches set for 23 avril).
                let tense = tense_of(c);
                let same_tense = if tense == 0 {
                    0
                } else {
                    others(article).filter(|o| tense_of(o) == tense).count()
                };
                (
                    near_other,
                    // A day written out says more than one named from the publication date.
                    !named(c),
                    score,
                    same_tense,
                    clause,
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
    // Of readings as well supported, the one more other sources give as a day of their own,
    // weekday or year written ("Lundi 14 septembre, dans la cour de l'école..."), in sentences
    // the event's words missed.
    let backing = |c: &Claim| {
        let d = detail(c);
        let one_day =
            d.granularity == crate::claims::Granularity::Day && d.lo.is_some() && d.lo == d.hi;
        if !one_day {
            return 0;
        }
        let others: BTreeSet<usize> = ctx
            .claims
            .iter()
            .filter(|o| !picked.iter().any(|(a, _, _)| *a == o.article))
            .filter(|o| {
                o.date().is_some_and(|x| {
                    let e = &x.detail;
                    x.role == "event"
                        && e.granularity == crate::claims::Granularity::Day
                        && (e.lo, e.hi) == (d.lo, d.hi)
                        && (e.year_written || e.weekday.is_some() || e.named_day)
                })
            })
            .map(|o| o.article)
            .collect();
        others.len()
    };
    let (_, majority, _) = picked
        .iter()
        .max_by_key(|(a, c, _)| (support(c), backing(c), usize::MAX - a))?;
    let major = detail(majority);
    // Every mention of a reading's very day in its article is located ("yesterday" and
    // "November 6" both), and so is a source the event's words missed that gives the
    // majority's day in a sentence close to a majority one.
    let day = |d: &crate::claims::DateDetail| {
        (d.granularity == crate::claims::Granularity::Day)
            .then_some((d.lo, d.hi))
            .filter(|(lo, hi)| lo.is_some() && hi.is_some())
    };
    let same_day = |a: &crate::claims::DateDetail, b: &crate::claims::DateDetail| {
        day(a).is_some() && day(a) == day(b)
    };
    let story_dates: Vec<&Claim> = ctx
        .claims
        .iter()
        .copied()
        .filter(|c| c.date().is_some_and(|d| d.role == "event"))
        .collect();
    // An article's day of the event said in a sentence that shares a word with another
    // source's: "a rendu hommage ... saisie du mardi 10 mars" is this event's day too.
    let picked_claims: Vec<&Claim> = picked.iter().map(|(_, c, _)| *c).collect();
    let states = |article: usize, d: &crate::claims::DateDetail| -> Option<&Claim> {
        story_dates.iter().copied().find(|o| {
            // A full date, year written ("Les faits remontent au 4 mai 2025"), names its day
            // whatever words stand beside it.
            let full =
                detail(o).year_written && detail(o).granularity == crate::claims::Granularity::Day;
            o.article == article
                && same_day(&detail(o), d)
                && (full
                    || picked_claims.iter().any(|m| {
                        m.article != article
                            && (shared_words(o, m) >= 1
                                || (!o.subject.is_empty() && o.subject == m.subject))
                    }))
        })
    };
    // An article that gives the majority's date for the event among its others agrees: its
    // best-matching date was another moment of the story ("the campaign launched on September
    // 8" beside "the outbreak declared on August 22").
    for (article, best, agreeing) in picked.iter_mut() {
        if compatible(&major, &detail(best)) {
            continue;
        }
        let cs = &articles[article];
        if let Some(c) = cs.iter().find(|c| compatible(&major, &detail(c))) {
            *best = c;
            *agreeing = cs
                .iter()
                .copied()
                .filter(|o| compatible(&major, &detail(o)))
                .collect();
        } else if let Some(c) = states(*article, &major) {
            *best = c;
            *agreeing = vec![c];
        }
    }
    // One source against one, where the majority's source also gives the other's day, in any
    // sentence: the two dates are two moments both sources know.
    if let [(a, x, _), (b, y, _)] = picked.as_slice() {
        let (m, o) = if compatible(&major, &detail(x)) {
            (*a, *y)
        } else {
            (*b, *x)
        };
        if !compatible(&major, &detail(o))
            && story_dates
                .iter()
                .any(|c| c.article == m && same_day(&detail(c), &detail(o)))
        {
            return None;
        }
    }
    // An odd reading must match a majority reading's sentence itself: two dates joined only
    // through a third source's sentence may be two events ("the dam last spilled in 2020";
    // "in 2018, after deadly floods hit the same villages").
    if leave_out {
        let keep: Vec<bool> = picked
            .iter()
            .map(|(_, c, _)| {
                compatible(&major, &detail(c))
                    || picked.iter().any(|(a, o, _)| {
                        *a != c.article && compatible(&major, &detail(o)) && same_event(ctx, c, o)
                    })
            })
            .collect();
        let mut k = keep.iter();
        picked.retain(|_| k.next().copied().unwrap_or(true));
    }
    // A majority whose sources all tell of a day still to come when they wrote, beside an odd
    // day already past by then, tells of a later moment of the story ("présentera l'entente à
    // ses délégués le vendredi 20 mars" beside "l'entente intervenue le 4 mars").
    let major_published: Vec<chrono::NaiveDate> = picked
        .iter()
        .filter(|(_, c, _)| compatible(&major, &detail(c)))
        .filter_map(|(a, _, _)| ctx.articles[*a].meta.date.map(|d| d.date))
        .collect();
    if let (Some(&first), Some(lo)) = (major_published.iter().min(), major.lo) {
        if major_published.iter().all(|p| lo > *p) {
            picked.retain(|(_, c, _)| {
                compatible(&major, &detail(c)) || detail(c).hi.is_none_or(|hi| hi > first)
            });
        }
    }
    if picked
        .iter()
        .all(|(_, c, _)| compatible(&major, &detail(c)))
    {
        return None;
    }
    let mut readings: Vec<Reading> = picked
        .iter()
        .map(|(article, c, all)| {
            let agrees = compatible(&major, &detail(c));
            let value = if agrees {
                display(&major)
            } else {
                display(&detail(c))
            };
            let read = if agrees { major.clone() } else { detail(c) };
            let mut spans: Vec<(usize, usize)> = all.iter().map(|x| (x.start, x.end)).collect();
            spans.extend(
                story_dates
                    .iter()
                    .filter(|o| o.article == *article && same_day(&detail(o), &read))
                    .map(|o| (o.start, o.end)),
            );
            spans.sort_unstable();
            spans.dedup();
            Reading {
                article: *article,
                value,
                spans,
            }
        })
        .collect();
    let majority_claims: Vec<&Claim> = picked
        .iter()
        .filter(|(_, c, _)| compatible(&major, &detail(c)))
        .map(|(_, c, _)| *c)
        .collect();
    let mut missed: BTreeMap<usize, Vec<(usize, usize)>> = BTreeMap::new();
    // A day given as the end of a period ("la consultation dure jusqu'au 6 mars") is not
    // compared as an event, but it is the source's reading of the day the others state.
    let until = ctx.claims.iter().copied().filter(|c| {
        c.date().is_some_and(|d| {
            d.role == "deadline" && d.detail.granularity == crate::claims::Granularity::Day
        })
    });
    for o in story_dates.iter().copied().chain(until) {
        // A day written out in full ("ce lundi 17 mars", "le 4 mai 2025") names the event's
        // day whatever words stand beside it.
        let d = detail(o);
        let full = d.granularity == crate::claims::Granularity::Day
            && !d.relative
            && (d.year_written || d.weekday.is_some());
        let loosely = |m: &&Claim| {
            full || shared_words(o, m) >= 2 || (!o.subject.is_empty() && o.subject == m.subject)
        };
        if !readings.iter().any(|r| r.article == o.article)
            && same_day(&detail(o), &major)
            && majority_claims.iter().any(loosely)
        {
            missed.entry(o.article).or_default().push((o.start, o.end));
        }
    }
    readings.extend(missed.into_iter().map(|(article, spans)| Reading {
        article,
        value: display(&major),
        spans,
    }));
    let subject = picked
        .iter()
        .map(|(_, c, _)| c.subject.as_str())
        .find(|s| !s.is_empty())
        .unwrap_or("event");
    let what = format!("date of the {subject}");
    // Years apart, two sources against each other prove nothing: a clear majority is needed.
    let years_apart = picked
        .iter()
        .any(|(_, c, _)| gap_days(&detail(c), &anchor).is_some_and(|g| g > max_gap));
    // So do two bare years, one source each, when one of the two sources dates something
    // to the other's year too ("strikes in 2023 and 2024 ... the most significant since
    // 2022" beside "strikes in 2022"): a year is said of many things.
    let year_of = |c: &Claim| {
        let d = detail(c);
        d.lo.zip(d.hi).map(|(lo, hi)| (lo.year(), hi.year()))
    };
    let crossed_years = picked.len() == 2
        && picked
            .iter()
            .all(|(_, c, _)| detail(c).granularity == crate::claims::Granularity::Year)
        && picked.iter().enumerate().any(|(k, (_, c, _))| {
            let other = picked[1 - k].1;
            let Some((y, _)) = year_of(other) else {
                return false;
            };
            ctx.claims.iter().any(|o| {
                o.article == c.article
                    && o.date().is_some()
                    && year_of(o).is_some_and(|(lo, hi)| lo == y && hi == y)
            })
        });
    // Or two months or years whose clauses share no word ("un réaménagement avait eu lieu en
    // septembre 2025", "avant de dissoudre l'Assemblée en septembre"): two things of one
    // background paragraph.
    let loose_pair = picked.len() == 2
        && picked
            .iter()
            .all(|(_, c, _)| detail(c).granularity > crate::claims::Granularity::Day)
        && crate::compare::events::shared_clause_words(event(picked[0].1), event(picked[1].1)) == 0;
    if (years_apart || crossed_years || loose_pair || !leave_out)
        && split(&readings)
        && !slip_pair(&picked)
    {
        return None;
    }
    // Three readings or more, each two weeks or more from the others: the sources' words met
    // over several moments of the story (a sample taken in January, a suspension in February,
    // a ban announced in June), not over one event dated three ways.
    let mut kinds: Vec<crate::claims::DateDetail> = Vec::new();
    for (_, c, _) in &picked {
        let d = detail(c);
        if comparable(&d) && !kinds.iter().any(|k| compatible(k, &d)) {
            kinds.push(d);
        }
    }
    if kinds.len() >= 3
        && kinds.iter().enumerate().all(|(x, a)| {
            // Years borrowed from the story's other sources count here: the readings are
            // apart in any year.
            kinds[x + 1..]
                .iter()
                .all(|b| match (a.lo, a.hi, b.lo, b.hi) {
                    (Some(alo), Some(ahi), Some(blo), Some(bhi)) => {
                        (blo - ahi).num_days() >= SPREAD_DAYS
                            || (alo - bhi).num_days() >= SPREAD_DAYS
                    }
                    _ => false,
                })
        })
    {
        return None;
    }
    // One source against one, one dating a thing to come and the other a thing past (each by
    // its own publication date): a meeting planned and a meeting held are two meetings.
    if leave_out && picked.len() == 2 && ctx.story.len() >= 3 {
        let (a, b) = (tense_of(picked[0].1), tense_of(picked[1].1));
        if a != 0 && b != 0 && a != b {
            return None;
        }
    }
    cross_source(
        CHECK.id,
        CHECK.default_severity,
        &format!("date:{subject}:{}", display(&major)),
        &what,
        readings,
        ctx.articles,
    )
}

/// Days apart beyond which three readings of one event are three moments of the story.
const SPREAD_DAYS: i64 = 14;

/// Two sources, one date written with two years: the same month (and day), or the same digits
/// ("1998", "1989"). A slip is a finding even one source against one.
fn slip_pair(picked: &[(usize, &Claim, Vec<&Claim>)]) -> bool {
    let [(_, a, _), (_, b, _)] = picked else {
        return false;
    };
    let (a, b) = (
        &a.date().expect("date").detail,
        &b.date().expect("date").detail,
    );
    let (Some(x), Some(y)) = (a.lo, b.lo) else {
        return false;
    };
    if !(a.year_written && b.year_written) || a.granularity != b.granularity || x.year() == y.year()
    {
        return false;
    }
    // A slip of the pen is in the year as written, not in one read from beside the date.
    let written = |c: &Claim, y: i32| c.text.contains(&y.to_string());
    if !(written(picked[0].1, x.year()) && written(picked[1].1, y.year())) {
        return false;
    }
    let digits = |y: i32| {
        let mut d: Vec<char> = y.to_string().chars().collect();
        d.sort_unstable();
        d
    };
    use crate::claims::Granularity::*;
    match a.granularity {
        Day => (x.month(), x.day()) == (y.month(), y.day()) && a.lo == a.hi && b.lo == b.hi,
        Month => x.month() == y.month(),
        Year => digits(x.year()) == digits(y.year()),
        Week => false,
    }
}

/// Whether the readings' two commonest values have as many sources each.
fn split(readings: &[Reading]) -> bool {
    let mut sources: BTreeMap<&str, std::collections::BTreeSet<usize>> = BTreeMap::new();
    for r in readings {
        sources.entry(&r.value).or_default().insert(r.article);
    }
    let mut counts: Vec<usize> = sources.values().map(|s| s.len()).collect();
    counts.sort_unstable_by(|a, b| b.cmp(a));
    counts.len() >= 2 && counts[0] == counts[1]
}
