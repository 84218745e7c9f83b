//! The parts of a total do not add up to it, inside one article.
//!
//! ## What it does
//! Finds a total and its breakdown in one article, and flags parts whose sum falls outside the
//! total's band: "142 millions de tonnes, dont 118 millions de tonnes de conteneurs, 14 millions
//! ... et 7 millions" (139); "2 340 interventions. Elles se répartissent entre Liège (1 120),
//! Namur (760) et Luxembourg (380)" (2 260). It also flags the shares of one breakdown that add
//! up to more than 100 % ("65 % par le canton, 20 % par les communes et 22 % par la
//! Fondation").
//!
//! ## How a breakdown is read
//! A breakdown opens with a cue (rules/<lang>/figures.toml, `breakdown_cues`: "dont", "se
//! répartissent entre", "of which", "of those"...), a colon or a dash. The total is the last
//! figure of the same unit before the cue in its sentence, or, when the cue opens the sentence
//! ("Of those, ..."), in the sentence before in its paragraph. The parts are the figures of that unit (or of no
//! unit) after the cue in the sentence, each smaller than the total; three parts or more of
//! several units count kinds of a whole that a total of another unit names ("83 sépultures :
//! 46 tombes en pleine terre, 22 sarcophages et 12 tombes à coffrage"). Parts after "dont",
//! "including" or "of which" may leave some out: they are flagged when they exceed the total,
//! or fall just short of it (by less than 15 %), not when they are a sample of it ("240 beds,
//! including 36 neonatal cots and 24 intensive care beds"). The tolerance is what the figures'
//! written precision allows: every rounding at its limit at once is no rounding.
//!
//! A breakdown may also open its sentence, or the clause after a colon, with an `opening_cues`
//! phrase before the total ("Les chiffres parlent d'eux-mêmes : sur les 140 sépultures
//! fouillées, on compte 96 inhumations et 38 incinérations").
//!
//! A total and its parts may also stand in neighbouring sentences: behind a cue, the total up
//! to three sentences back ("un coût global de 4,7 milliards ... Le financement est réparti
//! entre..."); without one, a total marked as a whole right before ("a combined N13.5trn.
//! Defence tops the list with N4.9trn, ...") or a sentence that opens on a whole word right
//! after ("... third with 6,212. Total valid votes were 86,242."). Across sentences, only three
//! parts or more whose sum is within 15 % of the total are taken for its breakdown
//! (`whole_words`, `partial_cues`).
//!
//! ## What it leaves alone
//! Totals given as "près de", "about" or a ceiling ("moins de"), and parts above a total given
//! as a floor ("at least 57 people have died": only parts short of it are flagged); percentages that are rates of
//! their own bases ("82 per cent of its target", rules: `rate_markers`) or changes ("en hausse
//! de 12 %"); two percentages alone; breakdowns that add up; a figure that the words before it
//! compare with another (`comparison_words`: "contre à peine 250 avant les travaux", "up from
//! 310").
use std::collections::BTreeSet;

use crate::claims::{Claim, Finding, Location, QuantityValue, Severity};
use crate::compare::checks::figure_conflict::unit_of;
use crate::compare::{CheckInfo, StoryCtx};
use crate::rules::figures::FigureRules;
use crate::rules::LangRules;
use crate::text::fold;

pub const CHECK: CheckInfo = CheckInfo {
    id: "figure.sum-mismatch",
    default_severity: Severity::Warning,
    source: include_str!("figure_sum_mismatch.rs"),
    run,
};

fn value(c: &Claim) -> &QuantityValue {
    c.quantity().expect("quantity")
}

/// A figure for messages: "139 000 000", "5,1".
pub fn show(x: f64) -> String {
    if x.fract().abs() > 1e-9 {
        return format!("{}", (x * 1000.0).round() / 1000.0);
    }
    let digits = format!("{:.0}", x.abs());
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(' ');
        }
        out.push(c);
    }
    if x < 0.0 {
        format!("-{out}")
    } else {
        out
    }
}

/// The byte offset in `sentence` (folded) where a breakdown cue starts, and whether the cue
/// may leave parts out ("dont", "including").
fn cue_in(sentence: &str, rules: &FigureRules) -> Option<(usize, bool)> {
    // Folded text with, for each of its bytes, the offset of the character it came from.
    let mut f = String::with_capacity(sentence.len());
    let mut origin: Vec<usize> = Vec::with_capacity(sentence.len());
    let mut buf = [0u8; 4];
    for (i, c) in sentence.char_indices() {
        if c.is_ascii() {
            origin.push(i);
            f.push(c.to_ascii_lowercase());
            continue;
        }
        let folded = fold(c.encode_utf8(&mut buf));
        origin.extend(std::iter::repeat_n(i, folded.len()));
        f.push_str(&folded);
    }
    // "dont", "including", "of these": a cue that is itself a partial cue may leave parts out.
    let partial = |c: &str| rules.partial_cues.iter().any(|p| fold(p) == c);
    let mut best: Option<(usize, bool)> = None;
    for cue in &rules.breakdown_cues {
        let mut from = 0;
        while let Some(i) = f[from..].find(cue.as_str()) {
            let at = from + i;
            let end = at + cue.len();
            let bounded = (at == 0 || !f[..at].ends_with(|c: char| c.is_alphanumeric()))
                && !f[end..].starts_with(|c: char| c.is_alphanumeric());
            // "1 842 voix, soit 49,0 % des votes": a share right after the cue restates the
            // figure before it, and opens no list.
            let rest = f[end..].trim_start();
            let number = rest
                .find(|c: char| {
                    !(c.is_ascii_digit() || matches!(c, ',' | '.' | ' ' | '\u{a0}' | '\u{202f}'))
                })
                .unwrap_or(rest.len());
            let share = number > 0 && rest[number..].trim_start().starts_with('%');
            if bounded && !share {
                let at = origin.get(at).copied().unwrap_or(sentence.len());
                if best.is_none_or(|(b, _)| at < b) {
                    best = Some((at, partial(cue)));
                }
                break;
            }
            from = end;
        }
    }
    // A colon or a dash before a list: a whole broken down. Not the colon of a time of day
    // ("at about 11:40 p.m.").
    let digit_at = |i: usize| {
        sentence
            .as_bytes()
            .get(i)
            .is_some_and(|b: &u8| b.is_ascii_digit())
    };
    for (i, c) in sentence.char_indices() {
        let time = c == ':' && i > 0 && digit_at(i - 1) && digit_at(i + 1);
        if matches!(c, ':' | '—' | '–') && !time && best.is_none_or(|(b, _)| i < b) {
            best = Some((i, false));
            break;
        }
    }
    best
}

/// The brackets of a list of figures in a sentence ("(13 females and 9 males)"): a digit and a
/// connector inside them.
fn bracketed(sentence: &str, lang: &LangRules) -> Option<(usize, usize)> {
    let open = sentence.find('(')?;
    let close = open + sentence[open..].find(')')?;
    let inside = fold(&sentence[open + 1..close]);
    let listed = inside
        .split_whitespace()
        .any(|w| lang.numbers.connectors.contains(w) || w.ends_with(','));
    (listed && inside.contains(|c: char| c.is_ascii_digit())).then_some((open, close))
}

/// A figure the words right before it compare with another ("contre à peine 250 avant les
/// travaux", "up from 41"): a value of another time or place, neither a part nor a total.
fn compared(text: &str, c: &Claim, rules: &FigureRules) -> bool {
    preceded(text, c, &rules.comparison_words)
}

/// A figure right after a definite word names things already counted ("l'accord de
/// coopération entre les deux pays", `reference_words`): it is no part of a breakdown.
fn referenced(text: &str, c: &Claim, rules: &FigureRules) -> bool {
    preceded(text, c, &rules.reference_words)
}

/// Whether one of `words` ends right before the figure, in its sentence.
fn preceded(text: &str, c: &Claim, words: &[String]) -> bool {
    if words.is_empty() {
        return false;
    }
    let from = value(c).detail.sentence.0.max(c.start.saturating_sub(40));
    let from = crate::text::floor_char_boundary(text, from);
    let Some(before) = text.get(from..c.start) else {
        return false;
    };
    let before = fold(before);
    let before = before.trim_end();
    words.iter().any(|w| {
        before
            .strip_suffix(w.as_str())
            .is_some_and(|rest| rest.chars().last().is_none_or(|ch| !ch.is_alphanumeric()))
    })
}

fn run(ctx: &StoryCtx) -> Vec<Finding> {
    let mut out = Vec::new();
    for &a in ctx.story {
        let article = &ctx.articles[a];
        let lang = ctx.rules.lang(&article.meta.lang);
        let rules = &lang.figures;
        let mut figures: Vec<&Claim> = ctx
            .claims
            .iter()
            .copied()
            .filter(|c| c.article == a && c.quantity().is_some_and(|v| v.kind != "ordinal"))
            .filter(|c| !compared(&article.text, c, rules))
            .collect();
        figures.sort_by_key(|c| c.start);
        // Sentences in text order, each with its figures.
        let mut sentences: Vec<((usize, usize), Vec<&Claim>)> = Vec::new();
        for c in figures {
            let s = value(c).detail.sentence;
            match sentences.last_mut() {
                Some((r, v)) if *r == s => v.push(c),
                _ => sentences.push((s, vec![c])),
            }
        }
        for k in 0..sentences.len() {
            let ((s, e), figs) = &sentences[k];
            let Some(text) = article.text.get(*s..*e) else {
                continue;
            };
            if let Some(f) = shares(text, figs, rules) {
                out.push(f);
            }
            // "Of the 14 dead, nine were men, four women and three children."
            // The opener may also follow a colon: "Les chiffres parlent d'eux-mêmes : sur les
            // 140 sépultures fouillées, on compte 96 inhumations et 38 incinérations."
            let starts = std::iter::once(0).chain(text.match_indices(':').map(|(i, _)| i + 1));
            let (lead_at, opener) = starts
                .filter_map(|from| {
                    // A quote may open the sentence: "\"Of the 38 pupils, 21 are girls...\"".
                    let lead = text[from..]
                        .trim_start()
                        .trim_start_matches(['"', '«', '“', '‘', '\''])
                        .trim_start();
                    let at = text.len() - lead.len();
                    let folded = fold(&lead[..crate::text::floor_char_boundary(lead, 40)]);
                    rules
                        .opening_cues
                        .iter()
                        .find(|o| {
                            folded.starts_with(o.as_str())
                                && !folded[o.len()..].starts_with(|c: char| c.is_alphanumeric())
                        })
                        .map(|o| (at, o))
                })
                .next()
                .map_or((0, None), |(at, o)| (at, Some(o)));
            if let Some(opener) = opener {
                let at = figs
                    .iter()
                    .position(|c| c.start - s >= lead_at + opener.len())
                    .filter(|&i| {
                        text.get(lead_at + opener.len()..figs[i].start - s)
                            .is_some_and(|gap| gap.split_whitespace().count() <= 1)
                    });
                if let Some(i) = at {
                    if let Some(checked) = total_of(&[figs[i]], &figs[i + 1..], false, lang) {
                        out.extend(checked);
                        continue;
                    }
                }
            }
            // "612 cases in Garissa, 388 in Mandera and 164 in Wajir, for a total of 1,214".
            if let Some(f) = total_after(text, *s, figs, lang) {
                out.push(f);
                continue;
            }
            // "Parmi les admis, on compte 31 540 filles et 22 570 garçons": the total closes
            // the sentence before.
            // A cue with no figure before it ("le montage est le suivant : 78 millions d'euros
            // au total, dont 45 millions...", "those on board: there were 41 people in total:
            // 14 died...") gives way to a later one with a figure before it and a list after.
            let mut found_cue = cue_in(text, rules);
            let mut probe = found_cue;
            while let Some((at, _)) = probe {
                if figs.iter().any(|c| c.end <= s + at) {
                    if figs.iter().filter(|c| c.start > s + at).count() >= 2 {
                        found_cue = probe;
                    }
                    break;
                }
                let step = text[at..].chars().next().map_or(1, char::len_utf8);
                probe = text
                    .get(at + step..)
                    .and_then(|rest| cue_in(rest, rules))
                    .map(|(n, p)| (at + step + n, p));
            }
            let Some((cue, partial)) = found_cue.or(opener.map(|_| (0, false))) else {
                // "21 rhinos (13 females and 9 males)": a list in brackets right after a
                // figure, read up to its closing bracket.
                if let Some((open, close)) = bracketed(text, lang) {
                    let before: Vec<&Claim> =
                        figs.iter().copied().filter(|c| c.end <= s + open).collect();
                    let inside: Vec<&Claim> = figs
                        .iter()
                        .copied()
                        .filter(|c| c.start > s + open && c.end <= s + close)
                        .collect();
                    let last = before.last().map(|c| c.end).unwrap_or(0);
                    let right_after = article
                        .text
                        .get(last..s + open)
                        .is_some_and(|gap| gap.split_whitespace().count() <= 2);
                    if right_after {
                        if let Some(f) = total_of(&before, &inside, false, lang).flatten() {
                            out.push(f);
                            continue;
                        }
                    }
                }
                out.extend(across(&article.text, &sentences, k, None, lang));
                continue;
            };
            let cue_at = s + cue;
            let before: Vec<&Claim> = figs.iter().copied().filter(|c| c.end <= cue_at).collect();
            let after: Vec<&Claim> = figs
                .iter()
                .copied()
                .filter(|c| c.start > cue_at && !referenced(&article.text, c, rules))
                .collect();
            // The total in the sentence before the cue, or in the sentence before in its
            // paragraph ("Elles se répartissent entre...", "La phase 2 couvre 139 km. ... : le
            // lot 1, 44 km...").
            let found = total_of(&before, &after, partial, lang).or_else(|| {
                let (prev_range, prev) = sentences.get(k.checked_sub(1)?)?;
                let adjacent = article
                    .text
                    .get(prev_range.1..*s)
                    .is_some_and(|gap| gap.trim().is_empty() && gap.matches('\n').count() < 2);
                adjacent.then(|| total_of(prev, &after, partial, lang))?
            });
            // Further back, only a total its parts nearly add up to.
            let found = match found {
                Some(checked) => checked,
                None => across(&article.text, &sentences, k, Some((cue_at, partial)), lang),
            };
            if let Some(f) = found.filter(|f| !unnumbered_member(&article.text, f, rules)) {
                out.push(f);
            }
        }
    }
    out
}

type Sentences<'a> = [((usize, usize), Vec<&'a Claim>)];

/// A total and its parts in neighbouring sentences, the parts in sentence `k`:
/// - behind a cue, the total up to three sentences back ("Le projet, d'un coût global de 4,7
///   milliards ... Le financement est réparti entre l'ANP, à hauteur de 2,1 milliards...");
/// - without one, the total right before, marked as a whole ("a combined N13.5trn. Defence
///   tops the list with N4.9trn, followed by...");
/// - or the total right after, in a sentence that opens on a whole word ("... third with
///   6,212. Total valid votes were 86,242.").
///
/// Only a sum near the total is taken for its breakdown (`ACROSS_BAND`), and only three parts
/// or more.
fn across(
    text: &str,
    sentences: &Sentences,
    k: usize,
    cue: Option<(usize, bool)>,
    lang: &LangRules,
) -> Option<Finding> {
    let rules = &lang.figures;
    let ((s, e), figs) = &sentences[k];
    // Three parts or more, or a lone total after its parts: nothing else is looked at.
    let parts_here = match cue {
        Some((cue_at, _)) => figs.iter().filter(|c| c.start > cue_at).count(),
        None => figs.len(),
    };
    if parts_here < 3 && !(cue.is_none() && parts_here == 1) {
        return None;
    }
    let sentence_text = |r: (usize, usize)| fold(text.get(r.0..r.1).unwrap_or(""));
    let partial_in = |f: &str| {
        rules
            .partial_cues
            .iter()
            .any(|p| crate::text::contains_phrase(f, p))
    };
    let folded = sentence_text((*s, *e));
    let gap = |a: usize, b: usize| text.get(a..b).unwrap_or("x").to_string();
    if let Some((cue_at, partial)) = cue {
        let after: Vec<&Claim> = figs
            .iter()
            .copied()
            .filter(|c| c.start > cue_at && !referenced(text, c, &lang.figures))
            .collect();
        // A partial cue after the last part tells of that part ("0,5 M$ de donateurs privés,
        // dont plusieurs grandes familles"), not of the list.
        let listed = after
            .last()
            .and_then(|c| text.get(cue_at.min(c.end)..c.end))
            .map(fold)
            .unwrap_or_default();
        let partial = partial || partial_in(&listed);
        for j in (k.saturating_sub(3)..k).rev() {
            let (range, prev) = &sentences[j];
            if s.saturating_sub(range.1) > 700 {
                break;
            }
            let total_sentence = sentence_text(*range);
            let span = Span::Across {
                partial,
                total_sentence: &total_sentence,
            };
            if let Some(found) = total_with(prev, &after, span, lang) {
                return found;
            }
        }
        return None;
    }
    // The total right before, with a whole word among the six words before it, or any figure
    // there when the list closes on the rest of a whole ("with the remaining 1,100 tickets").
    if let Some((range, prev)) = k
        .checked_sub(1)
        .and_then(|j| sentences.get(j))
        .filter(|_| figs.len() >= 3)
    {
        let partial = partial_in(&folded);
        let rest = rules
            .rest_cues
            .iter()
            .any(|r| crate::text::contains_phrase(&folded, r));
        if gap(range.1, *s).trim().is_empty() {
            let wholes: Vec<&Claim> = prev
                .iter()
                .copied()
                .filter(|c| rest || whole_before(text, range.0, c, rules))
                .collect();
            let total_sentence = sentence_text(*range);
            let span = Span::Across {
                partial,
                total_sentence: &total_sentence,
            };
            if let Some(found) = total_with(&wholes, figs, span, lang) {
                return found;
            }
        }
    }
    // The total right after, in a sentence that opens on a whole word and gives one figure:
    // the parts are in the sentences before it in its paragraph.
    let opens_whole = rules.whole_words.iter().any(|w| {
        folded.trim_start().starts_with(w.as_str())
            && !folded.trim_start()[w.len()..].starts_with(|c: char| c.is_alphanumeric())
    });
    if !opens_whole || figs.len() != 1 {
        return None;
    }
    let mut parts: Vec<&Claim> = Vec::new();
    let mut partial = false;
    let mut next_start = *s;
    for j in (k.saturating_sub(3)..k).rev() {
        let (range, prev) = &sentences[j];
        let between = gap(range.1, next_start);
        if !between.trim().is_empty() || between.matches('\n').count() > 1 {
            break;
        }
        next_start = range.0;
        parts.splice(0..0, prev.iter().copied());
        partial |= partial_in(&sentence_text(*range));
        let span = Span::Across {
            partial,
            total_sentence: &folded,
        };
        match total_with(figs, &parts, span, lang) {
            Some(Some(f)) => return Some(f),
            Some(None) => return None,
            None => {}
        }
    }
    None
}

/// Whether a word of `whole_words` is among the six words before a figure in its sentence
/// ("Total operating income rose to GH¢1.38 billion", "d'un coût global de 4,7 milliards").
fn whole_before(text: &str, sentence_start: usize, c: &Claim, rules: &FigureRules) -> bool {
    let Some(head) = text.get(sentence_start..c.start) else {
        return false;
    };
    let words: Vec<&str> = crate::text::words(head).map(|(_, w)| w).collect();
    let near = fold(&words[words.len().saturating_sub(6)..].join(" "));
    rules
        .whole_words
        .iter()
        .any(|w| crate::text::contains_phrase(&near, w))
}

/// Whether the list between a finding's total and its last part has a member without a
/// figure ("quatorze personnes : d'anciens dirigeants, des comptables, deux fournisseurs et
/// trois agents"): then the parts are not the whole, and their sum proves nothing.
fn unnumbered_member(text: &str, f: &Finding, rules: &FigureRules) -> bool {
    let Some(total) = f.locations.iter().find(|l| l.primary) else {
        return false;
    };
    let parts: Vec<&Location> = f.locations.iter().filter(|l| !l.primary).collect();
    let Some(last) = parts.iter().map(|l| l.start).max() else {
        return false;
    };
    if last <= total.end {
        return false;
    }
    // A total in an earlier sentence: the list is the parts' sentence only.
    let first = parts.iter().map(|l| l.start).min().unwrap_or(last);
    let from = text
        .get(total.end..first)
        .and_then(|gap| gap.rfind(['.', '!', '?', '\n']))
        .map_or(total.end, |i| total.end + i + 1);
    let Some(span) = text.get(from..last) else {
        return false;
    };
    let mut at = from;
    span.split_inclusive([',', ';', ':']).any(|piece| {
        let from = at;
        at += piece.len();
        let has_part = parts.iter().any(|l| l.start >= from && l.start < at);
        // The member's noun is a common one: "des comptables", "d'anciens dirigeants", not
        // "d'Édéa à Douala".
        let mut words = crate::text::words(piece).map(|(_, w)| w);
        let member = match words.next() {
            Some(w) if rules.unnumbered_members.contains(&fold(w)) => words.next(),
            Some(w) => w
                .split_inclusive(['\'', '’'])
                .next()
                .filter(|p| *p != w && rules.unnumbered_members.contains(&fold(p)))
                .map(|p| &w[p.len()..]),
            None => None,
        };
        !has_part && member.is_some_and(|m| m.chars().next().is_some_and(char::is_lowercase))
    })
}

/// The finding when the figures after a cue do not add up to the total before it: the last
/// figure before the cue that counts what the parts count. None when there is no such total
/// with two parts or more; `Some(None)` when they add up.
fn total_of(
    before: &[&Claim],
    after: &[&Claim],
    partial: bool,
    lang: &LangRules,
) -> Option<Option<Finding>> {
    total_with(before, after, Span::Sentence { partial }, lang)
}

/// How far a total may be from its parts, and what that allows.
#[derive(Clone, Copy)]
enum Span<'a> {
    /// Total and parts in one sentence, or the parts right behind their cue: after "dont"
    /// (`partial`) a short list may fall short of the total.
    Sentence { partial: bool },
    /// Total and parts in neighbouring sentences. Only a sum within `ACROSS_BAND` of the
    /// total is taken for its breakdown; a partial list ("notamment", "the largest") may fall
    /// short; a total without a unit counts what the parts count when its own sentence names
    /// it (`total_sentence`, folded: "total valid votes were 86,242").
    Across {
        partial: bool,
        total_sentence: &'a str,
    },
}

/// The widest gap between a total and the sum of parts in another sentence, as a share of
/// the total: beyond it, the figures are not its breakdown.
const ACROSS_BAND: f64 = 0.15;

/// The least share of a sum of money that a bare amount listed after it must be to count as
/// one of its parts.
const BARE_SHARE: f64 = 0.01;

fn total_with(
    before: &[&Claim],
    after: &[&Claim],
    span: Span,
    lang: &LangRules,
) -> Option<Option<Finding>> {
    let partial = match span {
        Span::Sentence { partial } | Span::Across { partial, .. } => partial,
    };
    let unit = |c: &Claim| unit_of(value(c), lang);
    // A bound ("children under five", "more than 300") is not a part of a sum.
    let counts = |c: &Claim| {
        let v = value(c);
        v.kind != "percent"
            && v.anchor.is_none()
            && matches!(v.qualifier, "exact" | "about")
            && (v.unit.is_none() || unit(c).is_some())
    };
    let after: Vec<&Claim> = after.iter().copied().filter(|c| counts(c)).collect();
    // What the parts count: a unit two of them share ("44 km", "47 km"), or none when they
    // count kinds of the whole ("780 ouvriers, 310 saisonniers et 140 agents").
    let units: Vec<Option<String>> = after.iter().map(|c| unit(c)).collect();
    // Parts of several units ("46 tombes, 22 sarcophages et 12 tombes à coffrage") count kinds
    // of a whole that a total of another unit names ("83 sépultures").
    let distinct: BTreeSet<&String> = units.iter().flatten().collect();
    let kinds = after.len() >= 3 && distinct.len() > 1 && units.iter().all(Option::is_some);
    let part_unit = units
        .iter()
        .flatten()
        .find(|u| units.iter().flatten().filter(|x| x == u).count() >= 2)
        .filter(|_| !kinds)
        .cloned();
    let currency = after.iter().find_map(|c| value(c).detail.currency.clone());
    // Bare amounts after a sum of money ("6,4 milliards de dollars ... le gouvernement
    // assume 2,9 milliards, Ottawa 2,6 milliards") are that money.
    // Each a share of it worth naming: "37 Amani shares for every 100" are not parts of a
    // deal's value.
    let bare = |total: f64| {
        currency.is_none()
            && after
                .iter()
                .all(|c| value(c).unit.is_none() && value(c).amount >= BARE_SHARE * total)
    };
    // "86,400 people were moved to 612 evacuation centres: 31,200 in Aurora, ...": the total
    // is larger than two parts at least; a larger figure after the list is of another clause
    // ("..., et 6 dans le Vakinankaratra, d'après la compagnie, qui estime ... à 296 400").
    let members = || {
        after.iter().filter(|c| match &part_unit {
            Some(u) => unit(c).as_ref() == Some(u),
            None => value(c).unit.is_none(),
        })
    };
    let largest = members()
        .map(|c| value(c).amount)
        .fold(f64::NEG_INFINITY, f64::max);
    let below = |total: f64| members().filter(|c| value(c).amount < total).count();
    let named_in = |u: &str| match span {
        Span::Across { total_sentence, .. } => total_sentence.contains(u),
        Span::Sentence { .. } => false,
    };
    // A total given as a floor ("at least 57 people have died") is a total too: parts that
    // fall short of it are a slip, parts above it are not.
    let bounded = |v: &QuantityValue| matches!(v.qualifier, "at_least" | "more_than");
    let total = before.iter().rev().copied().find(|c| {
        let v = value(c);
        (counts(c) || bounded(v))
            && v.anchor.is_none()
            && v.kind != "percent"
            && matches!(v.qualifier, "exact" | "at_least" | "more_than")
            && (v.amount > largest || below(v.amount) >= 2)
            && (v.detail.currency == currency || (bare(v.amount) && part_unit.is_none()))
            && match &part_unit {
                Some(u) => {
                    unit(c).as_ref() == Some(u)
                        || (v.unit.is_none() && v.kind == "cardinal" && named_in(u))
                }
                // A total of one part's kind is the whole when it is above every part ("The
                // 4,200 striking workers include 2,600 underground miners, 900 smelter staff
                // and 500 surface workers").
                None if kinds => {
                    v.kind == "cardinal"
                        && unit(c).is_some_and(|u| {
                            !distinct.contains(&u)
                                || after.iter().all(|p| value(p).amount < v.amount)
                        })
                }
                None => v.kind == "cardinal" || v.detail.currency.is_some(),
            }
    })?;
    let tv = value(total);
    let across = matches!(span, Span::Across { .. });
    let bare_parts = bare(tv.amount);
    let parts: Vec<&Claim> = after
        .into_iter()
        .filter(|c| {
            let v = value(c);
            (v.detail.currency == tv.detail.currency || bare_parts)
                && v.amount < tv.amount
                && match &part_unit {
                    // "third with 6,212": the last member may leave the unit out.
                    Some(u) => {
                        unit(c).as_ref() == Some(u)
                            || (across && v.unit.is_none() && v.kind == "cardinal")
                    }
                    None => v.unit.is_none() || tv.kind == "cardinal",
                }
        })
        .collect();
    if parts.len() < 2 {
        return None;
    }
    let sum: f64 = parts.iter().map(|c| value(c).amount).sum();
    if across && (parts.len() < 3 || (sum - tv.amount).abs() > ACROSS_BAND * tv.amount) {
        return None;
    }
    // What the written precision allows: the half-width of each figure's band ("5,6
    // millions" is 5 550 000 to 5 650 000; "780" is 780).
    let half = |v: &QuantityValue| match (v.low, v.high) {
        (Some(lo), Some(hi)) => (hi - lo) / 2.0,
        _ => 0.0,
    };
    // Each rounding stays strictly inside its half-width, so a gap of all of them at once
    // ("2,1 + 1,6 + 0,8" for "4,7 milliards") cannot come from rounding.
    let (lo, hi) = if bounded(tv) {
        let halves = parts.iter().map(|c| half(value(c))).sum::<f64>();
        let slack = (halves * (1.0 - 1e-6)).max(1e-9 * tv.amount.abs());
        (tv.low.unwrap_or(tv.amount) - slack, f64::INFINITY)
    } else {
        let halves = parts.iter().map(|c| half(value(c))).sum::<f64>() + half(tv);
        let slack = (halves * (1.0 - 1e-6)).max(1e-9 * tv.amount.abs());
        (tv.amount - slack, tv.amount + slack)
    };
    let over = sum > hi;
    // After "dont" or "including" the parts may leave some out; a near-complete list that
    // falls short is still a slip ("27 blessés, dont 4 graves et 21 légers").
    let under = sum < lo
        && if across {
            !partial
        } else {
            !partial || sum >= 0.85 * tv.amount
        };
    if !over && !under {
        return Some(None);
    }
    let mut locations = vec![Location {
        article: total.article,
        start: total.start,
        end: total.end,
        primary: true,
        label: format!("the total: {}", show(tv.amount)),
    }];
    for p in &parts {
        locations.push(Location {
            article: p.article,
            start: p.start,
            end: p.end,
            primary: false,
            label: "a part".into(),
        });
    }
    Some(Some(Finding {
        rule: CHECK.id,
        severity: CHECK.default_severity,
        message: format!(
            "the parts add up to {}, not to the total «{}»",
            show(sum),
            total.text.trim()
        ),
        help: Some(format!(
            "{} parts listed; check the total and each part",
            parts.len()
        )),
        locations,
        subject: format!("sum:{}", total.text.trim()),
        readings: Vec::new(),
    }))
}

/// A total stated after its parts, behind a cue of `total_cues` ("for a total of", "soit
/// au total"): the parts are the figures before the cue in the sentence.
fn total_after(text: &str, start: usize, figs: &[&Claim], lang: &LangRules) -> Option<Finding> {
    let folded = fold(text);
    if folded.len() != text.len() {
        // Offsets would not line up; the cue is searched in the lowercase text instead.
        return total_after_in(&crate::text::lower(text), start, figs, lang);
    }
    total_after_in(&folded, start, figs, lang)
}

fn total_after_in(
    lowered: &str,
    start: usize,
    figs: &[&Claim],
    lang: &LangRules,
) -> Option<Finding> {
    if lowered.len() != figs.first()?.quantity()?.detail.sentence.1 - start {
        return None;
    }
    let cue = lang
        .figures
        .total_cues
        .iter()
        .filter_map(|c| lowered.find(c.as_str()).map(|i| i + c.len()))
        .min()?;
    let at = start + cue;
    let total = figs.iter().copied().find(|c| {
        c.start >= at
            && lowered
                .get(cue..c.start - start)
                .is_some_and(|gap| gap.split_whitespace().count() <= 1)
    })?;
    let before: Vec<&Claim> = figs.iter().copied().filter(|c| c.end <= at).collect();
    total_of(&[total], &before, false, lang)?
}

/// Three or more shares in one sentence that add up to more than 100 %.
fn shares(text: &str, figs: &[&Claim], rules: &FigureRules) -> Option<Finding> {
    let pcts: Vec<&Claim> = figs
        .iter()
        .copied()
        .filter(|c| {
            let v = value(c);
            v.kind == "percent" && v.anchor.is_none() && v.qualifier == "exact"
        })
        .collect();
    if pcts.len() < 3 {
        return None;
    }
    let folded = fold(text);
    if rules
        .rate_markers
        .iter()
        .any(|m| folded.contains(m.as_str()))
    {
        return None;
    }
    let sum: f64 = pcts.iter().map(|c| value(c).amount).sum();
    let slack: f64 = pcts.iter().map(|c| value(c).precision / 2.0).sum::<f64>() + 0.05;
    // Far above 100 %, the figures are rates of several bases, not shares of one.
    if sum <= 100.0 + slack || sum > 200.0 {
        return None;
    }
    let locations = pcts
        .iter()
        .enumerate()
        .map(|(i, c)| Location {
            article: c.article,
            start: c.start,
            end: c.end,
            primary: i == 0,
            label: "a share".into(),
        })
        .collect();
    Some(Finding {
        rule: CHECK.id,
        severity: CHECK.default_severity,
        message: format!("the shares of one breakdown add up to {} %", show(sum)),
        help: Some("shares of one whole cannot exceed 100 %; check each share".into()),
        locations,
        subject: format!("shares:{}", pcts[0].text.trim()),
        readings: Vec::new(),
    })
}

#[cfg(test)]
mod tests {
    use super::cue_in;

    #[test]
    fn a_time_of_day_opens_no_breakdown() {
        let rules = crate::rules::load(&[], &[]).expect("default rules load");
        let figures = &rules.lang("en").figures;
        let s = "The bus, carrying 52 passengers, hit the trailer at about 11:40 p.m. Twelve \
                 people died on the spot, while two others died in hospital.";
        assert_eq!(cue_in(s, figures), None);
        let s = "The 52 passengers: twelve died on the spot and two in hospital.";
        assert_eq!(cue_in(s, figures).map(|c| c.0), s.find(':'));
    }
}
