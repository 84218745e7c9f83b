//! Quantities: every figure a sentence states, as a band with its unit, qualifier and anchor year.
//!
//! A sentence is split into words, digit runs and single symbols; the word tables are rules data
//! (rules/<lang>/numbers.toml), compared on folded tokens, so no regex runs per sentence. Digits
//! are read in the language's format ("7 650", "400.000", "5,6" in French; "1,234.5" in English),
//! words with a small grammar ("quatre-vingt-dix-neuf", "two hundred thousand"). What stands
//! around the number then decides the rest: a scale ("millions", "M"), a currency or percent
//! sign, the other end of a range, a qualifier before it ("plus de", "about"), the counted noun
//! after it and a target year ("d'ici 2030"). Times ("10h30"), scores ("2-1"), years and numbers
//! inside a date claim are not quantities.
use std::borrow::Cow;

use crate::claims::{Claim, ClaimValue, QuantityDetail, QuantityValue};
use crate::input::Article;
use crate::rules::numbers::{NumberRules, Phrase, Qualifier};
use crate::rules::{LangRules, Rules};
use crate::segment::Segmented;
use crate::text::fold_cow;

/// Quantities of an article; `dates` are the byte ranges of its date claims, whose numbers are
/// parts of dates.
pub fn extract(
    article: &Article,
    seg: &Segmented,
    rules: &Rules,
    dates: &[(usize, usize)],
    sentences: &super::context::Sentences,
) -> Vec<Claim> {
    let lang = rules.lang(&article.meta.lang);
    let mut out = Vec::new();
    for (si, s) in seg.sentences.iter().enumerate() {
        let Some(text) = article.text.get(s.start..s.end) else {
            continue;
        };
        let local: Vec<(usize, usize)> = dates
            .iter()
            .filter(|(a, b)| *a < s.end && *b > s.start)
            .map(|(a, b)| (a.saturating_sub(s.start), b.saturating_sub(s.start)))
            .collect();
        let found = sentence_quantities(text, lang, &local);
        if found.is_empty() {
            continue;
        }
        let sentence = sentences.get(si);
        let mut currency: Option<(Option<String>, String)> = None;
        for (ms, me, mut value) in found {
            // "un chiffre d'affaires de 1,2 milliard de francs et un bénéfice net de 142,6
            // millions": a scaled figure without a unit is in the currency just named.
            if let Some(c) = &value.detail.currency {
                currency = Some((value.unit.clone(), c.clone()));
            } else if let Some((unit, c)) = &currency {
                if value.unit.is_none() && value.kind == "cardinal" && value.precision >= 1000.0 {
                    value.unit = unit.clone();
                    value.detail.currency = Some(c.clone());
                    value.kind = "currency";
                }
            }
            value.detail.sentence = (s.start, s.end);
            // The clause leads to the number; the counted noun and its modifiers stay in the
            // context ("3 200 emplois directs").
            let number_end = value.detail.number.1.max(ms);
            value.detail.event = sentence.event(ms, number_end);
            value.detail.around = sentence.around(ms, me, 3);
            // A modifier written between the number and its noun is said of it as one written
            // around it: "27 trapped miners" beside "21 miners trapped".
            if let Some((us, _)) = value.detail.unit_span.filter(|u| u.0 >= number_end) {
                // Past the scale and number words ("5,6 millions de foyers").
                let nr = &lang.numbers;
                let from = crate::text::words(&text[number_end..us])
                    .filter(|(_, w)| {
                        let f = fold_cow(w);
                        w.starts_with(|c: char| c.is_ascii_digit())
                            || nr.scales.contains_key(f.as_ref())
                            || nr.words.contains_key(f.as_ref())
                            || nr.abbreviations.contains_key(f.as_ref())
                            || nr.money_abbreviations.contains_key(f.as_ref())
                    })
                    .last()
                    .map_or(number_end, |(at, w)| number_end + at + w.len());
                value.detail.around.extend(sentence.words_in(from, us));
                value.detail.around.sort_unstable();
                value.detail.around.dedup();
            }
            value.detail.state = state_of(text, ms, &value, &lang.numbers);
            // Spans were found in the sentence; the claim's are the article's.
            let (ns, ne) = value.detail.number;
            value.detail.number = (s.start + ns, s.start + ne);
            value.detail.unit_span = value
                .detail
                .unit_span
                .map(|(a, b)| (s.start + a, s.start + b));
            let subject = value
                .detail
                .state
                .clone()
                .or_else(|| value.detail.unit_key.clone())
                .or_else(|| value.unit.clone())
                .unwrap_or_default();
            out.push(Claim::in_sentence(
                article.id,
                s.start,
                text,
                (ms, me),
                "quantity",
                subject,
                ClaimValue::Quantity(value),
            ));
        }
    }
    out
}

/// How far either side of a figure "about" reaches, as a share of it, at the least.
const ABOUT_SHARE: f64 = 0.05;

/// The place of a whole figure's last significant digit: 1000 for 68 000, 10 000 for 70 000.
fn rounding(amount: f64) -> f64 {
    let a = amount.abs();
    if a < 1.0 || a.fract() != 0.0 || a > 1e15 {
        return 0.0;
    }
    let mut unit = 1.0;
    while unit * 10.0 <= a && (a / (unit * 10.0)).fract() == 0.0 {
        unit *= 10.0;
    }
    unit
}

/// What befell the people a figure counts: the state word after them, past `state_links`
/// ("two people were killed", "trois personnes sont mortes"), or the verb right before the
/// figure ("killing two people", "injuring 14"). Positions are in the sentence `text`.
fn state_of(text: &str, start: usize, v: &QuantityValue, r: &NumberRules) -> Option<String> {
    if v.kind != "cardinal" {
        return None;
    }
    let after = match (v.unit.as_deref(), v.detail.unit_span) {
        (None, _) => v.detail.number.1,
        (Some(u), Some((_, ue))) if r.state_nouns.contains(fold_cow(u).as_ref()) => ue,
        _ => return None,
    };
    for (_, w) in crate::text::words(text.get(after..)?).take(4) {
        let f = fold_cow(w);
        if let Some(s) = r.states.get(f.as_ref()) {
            return Some(s.clone());
        }
        if !r.state_links.contains(f.as_ref()) {
            break;
        }
    }
    let before = crate::text::words(text.get(..start)?).last()?.1;
    r.states_before.get(fold_cow(before).as_ref()).cloned()
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Kind {
    Word,
    Digits,
    Sym,
}

/// A token: byte range, kind, and the space before it (0: none, 1: one space of any width, 2:
/// more, or the start of the sentence).
#[derive(Clone, Copy, Debug)]
struct T {
    s: usize,
    e: usize,
    k: Kind,
    gap: u8,
}

fn tokenize(text: &str) -> Vec<T> {
    let mut out: Vec<T> = Vec::with_capacity(text.len() / 4 + 1);
    let mut it = text.char_indices().peekable();
    let mut last_end = 0;
    while let Some((i, c)) = it.next() {
        if c.is_whitespace() {
            continue;
        }
        let gap = match text.get(last_end..i) {
            _ if out.is_empty() => 2,
            Some("") => 0,
            Some(g) if g.chars().count() == 1 => 1,
            _ => 2,
        };
        let (k, e) = if c.is_ascii_digit() {
            let mut e = i + 1;
            while let Some(&(j, d)) = it.peek() {
                if !d.is_ascii_digit() {
                    break;
                }
                e = j + 1;
                it.next();
            }
            (Kind::Digits, e)
        } else if c.is_alphabetic() {
            let mut e = i + c.len_utf8();
            while let Some(&(j, d)) = it.peek() {
                if d.is_alphabetic() {
                    e = j + d.len_utf8();
                    it.next();
                } else if d == '\'' || d == '’' {
                    // An elision ends its word with the apostrophe: "d'ici" is "d'" "ici".
                    let next = text[j + d.len_utf8()..].chars().next();
                    if next.is_some_and(char::is_alphabetic) {
                        e = j + d.len_utf8();
                        it.next();
                    }
                    break;
                } else {
                    break;
                }
            }
            (Kind::Word, e)
        } else {
            (Kind::Sym, i + c.len_utf8())
        };
        out.push(T { s: i, e, k, gap });
        last_end = e;
    }
    out
}

struct Cx<'a> {
    text: &'a str,
    t: &'a [T],
    f: &'a [Cow<'a, str>],
    r: &'a NumberRules,
    lang: &'a LangRules,
}

/// A number as read, before what stands around it.
#[derive(Clone, Copy, Debug, Default)]
struct Num {
    val: f64,
    /// The step of the last written digit, scale included.
    step: f64,
    /// Token range [s, e).
    s: usize,
    e: usize,
    scale: f64,
    words: bool,
    ordinal: bool,
    approx: bool,
    /// Decimals written ("5,6").
    frac: bool,
    /// One run of digits and nothing else ("2030").
    plain: bool,
    /// Only an article ("un", "a"): a number only when nothing else is around it.
    article_only: bool,
}

/// What follows a number: percent, or a currency (code, scale), and the token after it.
type Suffix<'a> = (bool, Option<(&'a str, f64)>, usize);

enum Outcome {
    Found(Box<(usize, usize, QuantityValue)>, usize),
    Skip(usize),
    None,
}

impl<'a> Cx<'a> {
    fn w(&self, i: usize) -> &str {
        self.f.get(i).map(|c| c.as_ref()).unwrap_or("")
    }
    fn raw(&self, i: usize) -> &'a str {
        self.t
            .get(i)
            .and_then(|t| self.text.get(t.s..t.e))
            .unwrap_or("")
    }
    fn kind(&self, i: usize) -> Option<Kind> {
        self.t.get(i).map(|t| t.k)
    }
    fn gap(&self, i: usize) -> u8 {
        self.t.get(i).map_or(2, |t| t.gap)
    }
    fn is_sym(&self, i: usize, set: &str) -> bool {
        self.kind(i) == Some(Kind::Sym) && set.contains(self.raw(i))
    }
    fn phrase_at(&self, i: usize, p: &Phrase) -> bool {
        !p.is_empty() && p.iter().enumerate().all(|(k, w)| self.w(i + k) == w)
    }
    fn phrase_before(&self, end: usize, p: &Phrase) -> Option<usize> {
        let st = end.checked_sub(p.len())?;
        self.phrase_at(st, p).then_some(st)
    }
    fn function_word(&self, i: usize) -> bool {
        let w = self.w(i);
        self.lang.function_words.contains(w.trim_end_matches('\''))
    }
    fn number_word(&self, i: usize) -> bool {
        self.kind(i) == Some(Kind::Word)
            && (self.r.is_number_word(self.w(i)) || self.r.groups.contains_key(self.w(i)))
    }
    /// Whether a number can start at token i.
    fn starts_number(&self, i: usize) -> bool {
        match self.kind(i) {
            Some(Kind::Digits) => true,
            Some(Kind::Word) => self.number_word(i) || self.r.fractions.contains_key(self.w(i)),
            Some(Kind::Sym) => {
                vulgar(self.raw(i)).is_some()
                    || self.is_sym(i, ".,")
                        && self.kind(i + 1) == Some(Kind::Digits)
                        && self.gap(i + 1) == 0
            }
            None => false,
        }
    }

    /// A currency written at token i, followed by a number: (code, scale, tokens).
    fn currency_at(&self, i: usize) -> Option<(&'a str, f64, usize)> {
        let r: &'a NumberRules = self.r;
        if !r.currency_starts.contains(self.w(i)) {
            return None;
        }
        // A sign glued to letters is one symbol ("A$5m", "US$"): "a $620 million" is an
        // article before dollars, not Australian dollars.
        let glued = |len: usize| {
            (1..len).all(|k| {
                let sym = |j: usize| !self.w(j).chars().any(char::is_alphanumeric);
                !(sym(i + k) || sym(i + k - 1)) || self.gap(i + k) == 0
            })
        };
        r.currencies
            .iter()
            .find(|c| self.phrase_at(i, &c.phrase) && glued(c.phrase.len()))
            .map(|c| (c.code.as_str(), c.scale, c.phrase.len()))
    }

    /// The separator of a list of numbers token i is part of: three or more runs of digits
    /// glued by one separator, not all groups of three ("192.168.1.2", "22,24,26,31").
    fn list_sep(&self, i: usize) -> Option<&'a str> {
        let link = |k: usize| {
            self.is_sym(k, ".,")
                && self.gap(k) == 0
                && self.kind(k + 1) == Some(Kind::Digits)
                && self.gap(k + 1) == 0
        };
        let mut st = i;
        while st >= 2 && self.kind(st - 2) == Some(Kind::Digits) && link(st - 1) {
            st -= 2;
        }
        let sep = self.raw(st + 1);
        let (mut k, mut count, mut all_three) = (st, 1, true);
        while link(k + 1) && self.raw(k + 1) == sep {
            all_three &= self.raw(k + 2).len() == 3;
            k += 2;
            count += 1;
        }
        (count >= 3 && !all_three && self.kind(i) == Some(Kind::Digits)).then_some(sep)
    }

    fn digits(&self, i: usize) -> Option<Num> {
        let d0 = self.raw(i);
        let mut val: f64 = d0.parse().ok()?;
        let list = self.list_sep(i);
        if list.is_some_and(|sep| sep == "," || !self.r.decimal_comma) {
            return Some(Num {
                val,
                step: 1.0,
                s: i,
                e: i + 1,
                scale: 1.0,
                plain: true,
                ..Default::default()
            });
        }
        let groupable = d0.len() <= 3;
        let (mut space_g, mut dot_g, mut comma_g) = (false, false, false);
        let mut step = 1.0;
        let mut frac = false;
        let mut j = i + 1;
        let three = |k: usize| self.kind(k) == Some(Kind::Digits) && self.raw(k).len() == 3;
        let sep_digits = |k: usize, set: &str| {
            self.is_sym(k, set)
                && self.gap(k) == 0
                && self.kind(k + 1) == Some(Kind::Digits)
                && self.gap(k + 1) == 0
        };
        loop {
            // "7 650", "1 414 021 100", with a space of any width between groups of three.
            if groupable
                && !dot_g
                && !comma_g
                && three(j)
                && self.gap(j) == 1
                && self.space_before(j)
            {
                val = val * 1000.0 + self.raw(j).parse::<f64>().ok()?;
                space_g = true;
                j += 1;
                continue;
            }
            if sep_digits(j, ".,") {
                let sep = self.raw(j);
                let n = self.raw(j + 1);
                let l = n.len();
                let group = l == 3
                    && groupable
                    && match (self.r.decimal_comma, sep) {
                        // French: "400.000"; "1,234.5" is an English figure in French text.
                        (true, ".") => !comma_g,
                        (true, _) => {
                            !dot_g
                                && !space_g
                                && (sep_digits(j + 2, ".")
                                    || (sep_digits(j + 2, ",") && three(j + 3)))
                        }
                        // English: "1,234"; "1.200.000" and "6.700,54" are European figures.
                        (false, ",") => !dot_g && !space_g,
                        (false, _) => {
                            !comma_g
                                && (dot_g
                                    || (sep_digits(j + 2, ".") && three(j + 3))
                                    || sep_digits(j + 2, ","))
                        }
                    };
                let v: f64 = n.parse().ok()?;
                if !group && list.is_some() {
                    break;
                }
                if group {
                    val = val * 1000.0 + v;
                    if sep == "." {
                        dot_g = true;
                    } else {
                        comma_g = true;
                    }
                    j += 2;
                    continue;
                }
                step = 10f64.powi(-(l.min(300) as i32));
                val += v * step;
                frac = true;
                j += 2;
            }
            break;
        }
        Some(Num {
            val,
            step,
            s: i,
            e: j,
            scale: 1.0,
            frac,
            plain: j == i + 1,
            ..Default::default()
        })
    }

    fn space_before(&self, j: usize) -> bool {
        let (Some(a), Some(b)) = (self.t.get(j.wrapping_sub(1)), self.t.get(j)) else {
            return false;
        };
        self.text
            .get(a.e..b.s)
            .is_some_and(|g| matches!(g, " " | "\u{a0}" | "\u{202f}" | "\u{2009}"))
    }

    /// A number in words from token i ("quatre-vingt-dix-neuf", "deux cent mille").
    fn words(&self, i: usize) -> Option<Num> {
        let r = self.r;
        let (mut cur, mut last) = (0u64, 0u64);
        let mut last_scale = 0f64;
        let mut scaled_total = 0f64;
        let (mut any, mut ordinal, mut approx) = (false, false, false);
        let mut count = 0;
        let mut first_article = false;
        let mut end = i;
        let mut j = i;
        let mut prev = "";
        loop {
            let mut k = j;
            let (mut joined, mut hyphen) = (false, false);
            if any {
                // "vingt-trois", "soixante-et-onze", "vingt et un", "hundred and five",
                // "fifty - two".
                for _ in 0..3 {
                    // A dash glued to both words joins them too ("twenty—fifth").
                    let dash = self.is_sym(k, "-")
                        || (self.is_sym(k, "–—") && self.gap(k) == 0 && self.gap(k + 1) == 0);
                    if dash && self.gap(k) <= 1 && self.gap(k) == self.gap(k + 1) {
                        hyphen = true;
                        k += 1;
                    } else if r.connectors.contains(self.w(k)) {
                        joined = true;
                        k += 1;
                    } else {
                        break;
                    }
                }
                // "un million et demi", "cent et trois quarts": the fraction after the
                // connector is added by `half`, not read as a number.
                if joined
                    && (r.halves.iter().any(|h| self.phrase_at(j, h))
                        || self.fraction(k).is_some_and(|(f, _)| f < 1.0))
                {
                    break;
                }
            }
            if self.kind(k) != Some(Kind::Word) {
                break;
            }
            let word = self.w(k);
            // Plural ordinals are denominators ("trois cinquièmes").
            // After a number, only a hyphen joins one ("three twenty-firsts"; "twenty seconds"
            // is a duration).
            let ord = r.ordinals.get(word).or_else(|| {
                word.strip_suffix('s')
                    .filter(|_| !any || (hyphen && !joined))
                    .and_then(|w| r.ordinals.get(w))
            });
            let (w, is_ord) = match ord {
                Some(c) => (c.as_str(), true),
                None => (word, false),
            };
            let low2 = cur % 100;
            // "un centième" is a fraction, "deux centième" a rank.
            if is_ord && first_article && count == 1 {
                break;
            }
            if let Some(&v) = r.words.get(w) {
                let v = v as u64;
                if v == 20 && last == 4 && low2 == 4 && prev == "quatre" {
                    // "quatre-vingt(s)" is 80, not 24.
                    cur += 76;
                    last = 80;
                } else {
                    let ok = if v == 0 {
                        !any
                    } else if v < 10 {
                        low2 == 0
                            || (last >= 20 && last % 10 == 0 && low2 % 10 == 0)
                            || (last == 10 && v >= 7 && low2 % 10 == 0)
                    } else if v < 20 {
                        low2 == 0 || ((last == 60 || last == 80) && low2 == last)
                    } else {
                        low2 == 0
                    };
                    if !ok {
                        break;
                    }
                    if !any && r.articles.contains(w) && !is_ord {
                        first_article = true;
                    }
                    cur += v;
                    last = v;
                }
            } else if r.hundreds.contains(w) {
                if (!any && !r.bare_scales.contains(w) && !is_ord) || cur >= 100 {
                    break;
                }
                cur = cur.max(1) * 100;
                last = 0;
            } else if let Some(&s) = r.scales.get(w) {
                if (!any && !r.bare_scales.contains(w) && !is_ord)
                    || (last_scale > 0.0 && s >= last_scale)
                {
                    break;
                }
                scaled_total += cur.max(1) as f64 * s;
                cur = 0;
                last = 0;
                last_scale = s;
            } else if let Some(&(g, ap)) = r.groups.get(w) {
                if !any || is_ord {
                    break;
                }
                scaled_total = (scaled_total + cur as f64) * g;
                cur = 0;
                approx = ap;
                end = k + 1;
                count += 1;
                break;
            } else {
                break;
            }
            prev = w;
            any = true;
            count += 1;
            end = k + 1;
            j = k + 1;
            if is_ord {
                ordinal = true;
                break;
            }
        }
        if !any {
            return None;
        }
        let val = scaled_total + cur as f64;
        let step = if cur > 0 || last_scale == 0.0 {
            1.0
        } else {
            last_scale
        };
        Some(Num {
            val,
            step,
            s: i,
            e: end,
            scale: if last_scale > 0.0 { last_scale } else { 1.0 },
            words: true,
            ordinal,
            approx,
            article_only: first_article && count == 1,
            ..Default::default()
        })
    }

    /// A number at token i with its scale ("5,6 millions", "100K", "3 douzaines").
    fn number(&self, i: usize, money: bool) -> Option<Num> {
        let mut n = match self.kind(i)? {
            Kind::Digits => self.digits(i)?,
            Kind::Word => {
                if let Some(n) = self.part_of_scale(i) {
                    return Some(n);
                }
                let mut n = self.words(i)?;
                if !n.ordinal && !n.article_only {
                    self.decimals(&mut n);
                }
                self.half(&mut n);
                return Some(n);
            }
            Kind::Sym if vulgar(self.raw(i)).is_some() => {
                let v = vulgar(self.raw(i))?;
                Num {
                    val: v,
                    step: 1.0,
                    s: i,
                    e: i + 1,
                    scale: 1.0,
                    frac: true,
                    ..Default::default()
                }
            }
            Kind::Sym => {
                // ".77", ",08": a fraction with no integer part.
                if !self.starts_number(i)
                    || self.kind(i.wrapping_sub(1)) == Some(Kind::Digits)
                    || (i > 0 && self.gap(i) == 0)
                {
                    return None;
                }
                let d = self.raw(i + 1);
                let step = 10f64.powi(-(d.len().min(300) as i32));
                Num {
                    val: d.parse::<f64>().ok()? * step,
                    step,
                    s: i,
                    e: i + 2,
                    scale: 1.0,
                    frac: true,
                    ..Default::default()
                }
            }
        };
        self.digit_forms(&mut n);
        let j = n.e;
        // Ordinals: "1er", "23e", "3rd".
        if self.kind(j) == Some(Kind::Word)
            && self.gap(j) == 0
            && n.plain
            && self.r.ordinal_suffixes.contains(self.w(j))
            && !(self.kind(j + 1) == Some(Kind::Digits) && self.gap(j + 1) == 0)
        {
            n.ordinal = true;
            n.e = j + 1;
            return Some(n);
        }
        // "a $620-million deal": a scale word joined by a hyphen.
        let j = if self.is_sym(j, "-")
            && self.gap(j) == 0
            && self.gap(j + 1) == 0
            && self.kind(j + 1) == Some(Kind::Word)
            && self.r.scales.contains_key(self.w(j + 1))
        {
            j + 1
        } else {
            j
        };
        let abbr = self.raw(j);
        // "1,5 M$", "6,4 G$", "3 M€": a one-letter scale after a space is one when a currency
        // sign is glued to it.
        let signed = self.gap(j + 1) == 0
            && !self.w(j + 1).chars().any(char::is_alphanumeric)
            && self.currency_at(j + 1).is_some();
        let money = money || signed;
        let scale = if self.kind(j) == Some(Kind::Word)
            && (self.gap(j) == 0 || (abbr.len() >= 2 || abbr == "k") || signed)
        {
            self.r
                .abbreviations
                .get(abbr)
                .or_else(|| {
                    money
                        .then(|| self.r.money_abbreviations.get(abbr))
                        .flatten()
                })
                .copied()
        } else {
            None
        };
        let scale = scale.or_else(|| {
            (self.kind(j) == Some(Kind::Word))
                .then(|| self.r.scales.get(self.w(j)).copied())
                .flatten()
        });
        if let Some(s) = scale {
            n.val *= s;
            n.step *= s;
            n.scale = s;
            n.e = j + 1;
            if !money && self.r.scales.contains_key(self.w(j)) {
                self.mixed(&mut n, s);
            }
        }
        if let Some(&(g, ap)) = self.r.groups.get(self.w(n.e)) {
            if self.kind(n.e) == Some(Kind::Word) {
                n.val *= g;
                n.approx = ap;
                n.e += 1;
            }
        }
        self.half(&mut n);
        Some(n)
    }

    /// What digits may carry glued or right after them: an exponent ("1,1^23", "12e-1"), a
    /// fraction ("3/4", "2 1/4", "2½"), hundreds ("322 cent") or decimals in words ("1 point 1").
    fn digit_forms(&self, n: &mut Num) {
        let j = n.e;
        let glued = |k: usize| self.gap(k) == 0;
        // Signs then digits, all glued from k: the exponent and the token after it.
        let exponent = |mut k: usize| -> Option<(i32, usize)> {
            let mut neg = false;
            while self.is_sym(k, "+-−") && glued(k) {
                neg ^= !self.is_sym(k, "+");
                k += 1;
            }
            if self.kind(k) != Some(Kind::Digits) || !glued(k) || self.raw(k).len() > 3 {
                return None;
            }
            // "12e-15e siècle" is a span of ranks.
            if self.kind(k + 1) == Some(Kind::Word) && glued(k + 1) {
                return None;
            }
            let e: i32 = self.raw(k).parse().ok()?;
            Some((if neg { -e } else { e }, k + 1))
        };
        if self.is_sym(j, "^") && glued(j) {
            if let Some((e, end)) = exponent(j + 1).filter(|(e, _)| n.val.powi(*e).is_finite()) {
                n.val = n.val.powi(e);
                n.step = 0.0;
                n.e = end;
                n.plain = false;
                n.frac = true;
            }
            return;
        }
        // "1.3x10^6", "6.23 x 10^-4".
        if self.kind(j) == Some(Kind::Word)
            && matches!(self.raw(j), "x" | "X")
            && self.raw(j + 1) == "10"
            && self.gap(j) == self.gap(j + 1)
            && self.is_sym(j + 2, "^")
            && glued(j + 2)
        {
            if let Some((e, end)) =
                exponent(j + 3).filter(|(e, _)| (n.val * 10f64.powi(*e)).is_finite())
            {
                let p = 10f64.powi(e);
                n.val *= p;
                n.step *= p;
                n.e = end;
                n.plain = false;
                n.frac = true;
            }
            return;
        }
        if self.kind(j) == Some(Kind::Word) && glued(j) && matches!(self.raw(j), "e" | "E") {
            if let Some((e, end)) =
                exponent(j + 1).filter(|(e, _)| (n.val * 10f64.powi(*e)).is_finite())
            {
                let p = 10f64.powi(e);
                n.val *= p;
                n.step *= p;
                n.e = end;
                n.plain = false;
                n.frac = e < 0;
            }
            return;
        }
        if self.kind(j) == Some(Kind::Word)
            && self.r.hundreds.contains(self.w(j))
            && !self.r.subunits.contains(self.w(j))
        {
            // "322 cent", "2.12 hundred", then "3 hundred and 21".
            n.val *= 100.0;
            n.step *= 100.0;
            n.e = j + 1;
            n.plain = false;
            self.mixed(n, 100.0);
            return;
        }
        if !n.plain {
            return;
        }
        if let Some(v) = vulgar(self.raw(j)).filter(|_| glued(j)) {
            n.val += v;
            n.e = j + 1;
            n.plain = false;
            n.frac = true;
            return;
        }
        // "3/4", "2 1/4": a proper fraction; "24/7", "9/11" are not, and "6/4 3/6" is a score.
        let proper = |k: usize| -> Option<(f64, usize)> {
            if !(self.kind(k) == Some(Kind::Digits)
                && self.is_sym(k + 1, "/")
                && glued(k + 1)
                && self.kind(k + 2) == Some(Kind::Digits)
                && glued(k + 2)
                && !(self.is_sym(k + 3, "/.,") && glued(k + 3))
                && !(self.kind(k + 3).is_some_and(|x| x != Kind::Sym) && glued(k + 3)))
            {
                return None;
            }
            let a: f64 = self.raw(k).parse().ok()?;
            let b: f64 = self.raw(k + 2).parse().ok()?;
            (a < b && b <= 1000.0 && !self.score_context()).then_some((a / b, k + 3))
        };
        if self.is_sym(j, "/") && glued(j) {
            if let Some((f, end)) = proper(n.s) {
                n.val = f;
                n.step = 0.0;
                n.e = end;
                n.plain = false;
                n.frac = true;
            }
            return;
        }
        if self.gap(j) >= 1 && n.val >= 1.0 {
            if let Some((f, end)) = proper(j) {
                n.val += f;
                n.e = end;
                n.plain = false;
                n.frac = true;
                return;
            }
        }
        if self.kind(j) == Some(Kind::Word) && self.r.decimal_words.contains(self.w(j)) {
            self.decimals(n);
        }
    }

    /// The rest of a number mixing digits and words after a multiplier `unit` ("4 thousand 3
    /// hundred and 21", "6 crore and two hundred"): each part smaller than the one before.
    fn mixed(&self, n: &mut Num, mut unit: f64) {
        for _ in 0..4 {
            let mut k = n.e;
            let joined = self.kind(k) == Some(Kind::Word) && self.r.connectors.contains(self.w(k));
            if joined {
                k += 1;
            }
            let (val, e, mult) = match self.kind(k) {
                Some(Kind::Digits) => {
                    let Some(m) = self.digits(k).filter(|m| m.plain) else {
                        return;
                    };
                    let w = self.w(m.e);
                    let word = self.kind(m.e) == Some(Kind::Word);
                    if word && self.r.hundreds.contains(w) {
                        (m.val * 100.0, m.e + 1, 100.0)
                    } else if let Some(&s) = self.r.scales.get(w).filter(|_| word) {
                        (m.val * s, m.e + 1, s)
                    } else if unit == 100.0 && joined {
                        // Bare digits only end a number in words: "3 hundred and 21".
                        (m.val, m.e, 1.0)
                    } else {
                        return;
                    }
                }
                Some(Kind::Word) => {
                    let Some(m) = self.words(k).filter(|m| !m.ordinal) else {
                        return;
                    };
                    if m.article_only && !joined {
                        return;
                    }
                    let mult = m.scale.max(if m.val >= 100.0 { 100.0 } else { 1.0 });
                    // "5 million two years ago" is two numbers.
                    if mult <= 1.0 && !(unit == 100.0 && joined) {
                        return;
                    }
                    (m.val, m.e, mult)
                }
                _ => return,
            };
            if val >= unit || mult >= unit {
                return;
            }
            n.val += val;
            n.e = e;
            unit = mult;
            if mult <= 1.0 {
                return;
            }
        }
    }

    /// Decimals in words after a number: "deux cent virgule cinquante deux", "nine point
    /// nought four", "1 point 1", then a scale ("two point two million").
    fn decimals(&self, n: &mut Num) {
        let j = n.e;
        if self.kind(j) != Some(Kind::Word) || !self.r.decimal_words.contains(self.w(j)) {
            return;
        }
        let mut k = j + 1;
        let mut digits = String::new();
        if self.kind(k) == Some(Kind::Digits) && self.gap(k) == 1 && !n.words {
            digits.push_str(self.raw(k));
            k += 1;
        } else if n.words {
            while digits.len() < 15 && self.kind(k) == Some(Kind::Word) {
                if self.r.words.get(self.w(k)) == Some(&0) {
                    digits.push('0');
                    k += 1;
                    continue;
                }
                match self.words(k) {
                    Some(mut m) if !m.ordinal && !m.article_only => {
                        // "two point two million": the scale applies to the whole number.
                        if m.scale > 1.0 && self.r.scales.contains_key(self.w(m.e - 1)) {
                            m.val /= m.scale;
                            m.e -= 1;
                        }
                        if m.val.fract() != 0.0 || m.e <= k {
                            break;
                        }
                        digits.push_str(&format!("{}", m.val as u64));
                        k = m.e;
                    }
                    _ => break,
                }
            }
        }
        let Ok(d) = digits.parse::<f64>() else {
            return;
        };
        let step = 10f64.powi(-(digits.len().min(300) as i32));
        n.val += d * step;
        n.step = step;
        n.e = k;
        n.frac = true;
        n.plain = false;
        if let Some(&s) = self
            .r
            .scales
            .get(self.w(k))
            .filter(|_| self.kind(k) == Some(Kind::Word))
        {
            n.val *= s;
            n.step *= s;
            n.scale = s;
            n.e = k + 1;
        }
    }

    /// A part of a scale in words: "un demi-million", "half a million", "half a dozen".
    fn part_of_scale(&self, i: usize) -> Option<Num> {
        let r = self.r;
        let word = |k: usize| self.kind(k) == Some(Kind::Word);
        let mut k = i;
        if word(k) && r.articles.contains(self.w(k)) {
            k += 1;
        }
        let d = *r.fractions.get(self.w(k)).filter(|_| word(k))?;
        k += 1;
        // "demi-million", "half a million".
        if (self.is_sym(k, "-") && self.gap(k) == 0 && self.gap(k + 1) == 0)
            || (word(k) && r.articles.contains(self.w(k)))
        {
            k += 1;
        }
        if !word(k) || d <= 0.0 {
            return None;
        }
        // "demi-litre", "quart de litre", "une demi-heure": the measure is the counted noun.
        let unit_at = if r.unit_skip.contains(self.w(k)) {
            k + 1
        } else {
            k
        };
        if word(unit_at) && r.fraction_units.contains(self.w(unit_at)) {
            return Some(Num {
                val: 1.0 / d,
                step: 1.0 / d,
                s: i,
                e: k,
                scale: 1.0,
                words: true,
                frac: true,
                ..Default::default()
            });
        }
        let (s, scale) = if let Some(&s) = r.scales.get(self.w(k)) {
            (s, s)
        } else if let Some(&(g, false)) = r.groups.get(self.w(k)) {
            (g, 1.0)
        } else {
            return None;
        };
        Some(Num {
            val: s / d,
            step: scale / d,
            s: i,
            e: k + 1,
            scale,
            words: true,
            frac: true,
            ..Default::default()
        })
    }

    /// Fractions around a number: "un million et demi", "cinq et un quart" (a part of its
    /// scale added), "trois cinquièmes", "deux tiers" (a numerator), "un sur trois" (a ratio).
    fn half(&self, n: &mut Num) {
        if n.ordinal {
            return;
        }
        let unit = n.scale.max(1.0);
        if let Some(h) = self.r.halves.iter().find(|h| self.phrase_at(n.e, h)) {
            let after = n.e + h.len();
            if n.scale > 1.0 {
                n.val += n.scale / 2.0;
                n.e = after;
            } else if let Some(&s) = self
                .r
                .scales
                .get(self.w(after))
                .filter(|_| self.kind(after) == Some(Kind::Word))
            {
                // "five and a half million".
                n.val = (n.val + 0.5) * s;
                n.step = s / 2.0;
                n.scale = s;
                n.e = after + 1;
            } else {
                // "deux et demi", "one and a half".
                n.val += 0.5;
                n.e = after;
                n.frac = true;
                n.plain = false;
            }
            n.article_only = false;
            return;
        }
        if self.r.connectors.contains(self.w(n.e)) {
            if let Some((f, e)) = self.fraction(n.e + 1) {
                if f < 1.0 {
                    n.val += f * unit;
                    n.e = e;
                    n.article_only = false;
                }
            }
            return;
        }
        let at = if self.is_sym(n.e, "-")
            && self.gap(n.e) <= 1
            && self.gap(n.e) == self.gap(n.e + 1)
            && self.kind(n.e + 1) == Some(Kind::Word)
            && !self.r.fractions.contains_key(self.w(n.e + 1))
        {
            // "one-eighth": only an ordinal word joins a numerator by a hyphen.
            n.e + 1
        } else {
            n.e
        };
        if let Some((d, e)) = self.denominator(at).filter(|_| at == n.e || n.words) {
            // "cent mille billionièmes"; "deux millions troisième" is no fraction.
            if d > 0.0 && self.ends_figure(e) && (n.scale <= 1.0 || d > n.val) {
                n.val /= d;
                n.e = e;
                n.article_only = false;
                n.frac = true;
                n.plain = false;
            }
            return;
        }
        if n.scale > 1.0 {
            return;
        }
        if let Some(p) = self
            .r
            .ratio_words
            .iter()
            .find(|p| self.kind(n.e) == Some(Kind::Word) && self.phrase_at(n.e, p))
        {
            let k = n.e + p.len();
            let b = match self.kind(k) {
                Some(Kind::Digits) => self.digits(k),
                Some(Kind::Word) => self.words(k),
                _ => None,
            };
            if let Some(b) = b {
                let year = b.plain && (1900.0..=2100.0).contains(&b.val);
                if !b.ordinal && b.val > n.val && !year && self.ends_figure(b.e) {
                    n.val /= b.val;
                    n.e = b.e;
                    n.article_only = false;
                    n.frac = true;
                    n.plain = false;
                }
            }
        }
    }

    /// A denominator at k: "tiers", "quart", or an ordinal in words ("vingt-cinquième").
    fn denominator(&self, k: usize) -> Option<(f64, usize)> {
        if self.kind(k) != Some(Kind::Word) {
            return None;
        }
        if let Some(&d) = self.r.fractions.get(self.w(k)) {
            return Some((d, k + 1));
        }
        let d = self.words(k)?;
        d.ordinal.then_some((d.val, d.e))
    }

    /// A fraction at k: "demi", "un quart", "trois cinquièmes".
    fn fraction(&self, k: usize) -> Option<(f64, usize)> {
        if let Some(&d) = self.r.fractions.get(self.w(k)) {
            return Some((1.0 / d, k + 1));
        }
        let n = self.words(k)?;
        if n.ordinal {
            return None;
        }
        let (d, e) = self.denominator(n.e)?;
        (d > 0.0).then_some((n.val / d, e))
    }

    /// Whether a figure may end before token k: a noun there makes "un troisième mandat" a
    /// rank, not a fraction.
    fn ends_figure(&self, k: usize) -> bool {
        match self.kind(k) {
            None | Some(Kind::Sym) => true,
            Some(Kind::Digits) => false,
            Some(Kind::Word) => self.function_word(k),
        }
    }

    fn time_at(&self, n: &Num) -> Option<usize> {
        if n.words || !n.plain {
            return None;
        }
        let j = n.e;
        // "10h30", "10 h 30", "10h".
        if self.kind(j) == Some(Kind::Word) && self.gap(j) <= 1 && matches!(self.w(j), "h" | "hrs")
        {
            let after = if self.kind(j + 1) == Some(Kind::Digits) && self.gap(j + 1) <= 1 {
                j + 2
            } else {
                j + 1
            };
            return Some(after);
        }
        // "10:30".
        if self.is_sym(j, ":")
            && self.gap(j) == 0
            && self.kind(j + 1) == Some(Kind::Digits)
            && self.gap(j + 1) == 0
        {
            return Some(j + 2);
        }
        // "7 p.m.": letters and dots glued together make one suffix.
        let mut dotted = self.w(j).to_string();
        let mut k = j + 1;
        while k < j + 4
            && self.gap(k) == 0
            && (self.is_sym(k, ".") || self.kind(k) == Some(Kind::Word))
        {
            dotted.push_str(self.w(k));
            k += 1;
        }
        let dotted = dotted.trim_end_matches('.');
        if self.kind(j) == Some(Kind::Word)
            && (self.r.time_suffixes.contains(self.w(j)) || self.r.time_suffixes.contains(dotted))
        {
            let mut e = j + 1;
            while e < k && !self.r.time_suffixes.contains(self.w(j)) {
                e += 1;
            }
            while self.is_sym(e, ".") && self.gap(e) == 0 {
                e += 1;
            }
            return Some(e);
        }
        None
    }

    fn score_context(&self) -> bool {
        (0..self.t.len())
            .any(|i| self.kind(i) == Some(Kind::Word) && self.r.score_words.contains(self.w(i)))
    }

    fn standalone(&self, n: &Num) -> bool {
        (0..self.t.len())
            .filter(|k| *k < n.s || *k >= n.e)
            .all(|k| self.kind(k) == Some(Kind::Sym))
    }

    /// The counted noun that a phrase a few words before the figure names ("the death toll
    /// rose to | 14").
    fn unit_before(&self, start: usize) -> Option<String> {
        for back in 0..=3 {
            let last = start.checked_sub(1 + back)?;
            if (last..start).any(|k| self.kind(k) != Some(Kind::Word)) {
                return None;
            }
            for (words, unit) in &self.r.unit_before {
                let n = words.len();
                if last + 1 >= n && (0..n).all(|x| self.w(last + 1 - n + x) == words[x]) {
                    return Some(unit.clone());
                }
            }
        }
        None
    }

    /// One digit at token k with no decimals or scale after it ("P1", not "R4.2" or "R4
    /// million").
    fn lone_digit(&self, k: usize) -> bool {
        let decimals = self.gap(k + 1) == 0
            && self.is_sym(k + 1, ".,")
            && self.kind(k + 2) == Some(Kind::Digits)
            && self.gap(k + 2) == 0;
        let scaled = self.r.scales.contains_key(self.w(k + 1))
            || self.r.money_abbreviations.contains_key(self.raw(k + 1))
            || self.r.abbreviations.contains_key(self.raw(k + 1));
        self.raw(k).len() < 2 && !decimals && !scaled
    }

    fn quantity_at(&self, i: usize) -> Outcome {
        let r = self.r;
        let mut start = i;
        let mut ni = i;
        let mut currency: Option<(&str, f64)> = None;
        if !self.starts_number(i) || self.kind(i) == Some(Kind::Word) {
            if let Some((code, scale, len)) = self.currency_at(i) {
                let k = i + len;
                // A one-letter sign ("P15.7-billion", "N13.5trn") before one digit is a name
                // ("the N2 road", "P1 qualifying").
                let letter = len == 1 && self.raw(i).len() == 1 && self.kind(i) == Some(Kind::Word);
                if self.kind(k) == Some(Kind::Digits)
                    && self.gap(k) <= 1
                    && !(letter && self.lone_digit(k))
                {
                    currency = Some((code, scale));
                    ni = k;
                }
            }
        }
        let mut negative = false;
        if currency.is_none()
            && self.is_sym(ni, "-−")
            && self.kind(ni + 1) == Some(Kind::Digits)
            && self.gap(ni + 1) <= 1
            && (ni == 0 || self.gap(ni) > 0)
            && self.kind(ni.wrapping_sub(1)) != Some(Kind::Digits)
        {
            negative = true;
            ni += 1;
        }
        if !self.starts_number(ni) {
            return Outcome::None;
        }
        // Digits glued to a word are part of a name ("G20", "A320", "COVID-19").
        if self.kind(ni) == Some(Kind::Digits) && currency.is_none() && self.gap(ni) == 0 && ni > 0
        {
            let glued_word = self.kind(ni - 1) == Some(Kind::Word)
                || (self.is_sym(ni - 1, "-/")
                    && self.gap(ni - 1) == 0
                    && self.kind(ni.wrapping_sub(2)) == Some(Kind::Word));
            if glued_word || (self.is_sym(ni - 1, ".,:/") && self.list_sep(ni).is_none()) {
                return Outcome::Skip(self.digits(ni).map_or(ni + 1, |n| n.e));
            }
        }
        let Some(mut a) = self.number(ni, currency.is_some()) else {
            return Outcome::None;
        };
        if let Some(after) = self.time_at(&a) {
            return Outcome::Skip(after);
        }
        // "minus one" is a number; "one day" an article.
        let negated = i > 0 && r.negatives.contains(self.w(i - 1)) && currency.is_none();
        if a.article_only && !self.standalone(&a) && !negated {
            return Outcome::Skip(a.e);
        }
        // Digits glued to a capitalised word are a name ("5G", "3D").
        if !a.words
            && self.kind(a.e) == Some(Kind::Word)
            && self.gap(a.e) == 0
            && self.raw(a.e).starts_with(|c: char| c.is_uppercase())
            && self.currency_at(a.e).is_none()
        {
            return Outcome::Skip(a.e + 1);
        }
        if a.ordinal {
            if self.kind(a.e) == Some(Kind::Word) && r.not_ordinal_before.contains(self.w(a.e)) {
                return Outcome::Skip(a.e);
            }
            let v = QuantityValue {
                amount: a.val,
                low: Some(a.val),
                high: Some(a.val),
                unit: None,
                qualifier: Qualifier::Exact.as_str(),
                precision: 1.0,
                anchor: None,
                kind: "ordinal",
                detail: QuantityDetail {
                    number: (self.t[a.s].s, self.t[a.e - 1].e),
                    words: a.words,
                    ..Default::default()
                },
            };
            let (s, e) = (self.t[a.s].s, self.t[a.e - 1].e);
            return Outcome::Found(Box::new((s, e, v)), a.e);
        }
        if negative {
            a.val = -a.val;
            start = ni - 1;
        }
        let mut end = a.e;
        let mut percent = false;
        // A percent or currency sign may follow each end of a range ("20 % à 25 %").
        let suffix = |k: usize, scaled: bool| -> Option<Suffix<'a>> {
            if let Some(p) = r.percent.iter().find(|p| self.phrase_at(k, p)) {
                return Some((true, None, k + p.len()));
            }
            let mut k2 = k;
            if scaled && r.unit_skip.contains(self.w(k)) && matches!(self.w(k), "de" | "d'" | "of")
            {
                k2 += 1;
            }
            for kk in [k, k2] {
                if let Some((code, scale, len)) = self.currency_at(kk) {
                    // A code then its scale: "75 USD million".
                    let e = kk + len;
                    let code_written = len == 1
                        && self.raw(kk).len() == 3
                        && self.raw(kk).chars().all(|c| c.is_ascii_uppercase());
                    if let Some(&s) = r.scales.get(self.w(e)).filter(|_| code_written && !scaled) {
                        return Some((false, Some((code, scale * s)), e + 1));
                    }
                    return Some((false, Some((code, scale)), e));
                }
            }
            None
        };
        let mut b: Option<Num> = None;
        let (mut pct_a, mut cur_a, mut after_a) = (false, None, a.e);
        if let Some((p, c, e)) = suffix(a.e, a.scale > 1.0 || a.words) {
            pct_a = p;
            cur_a = c;
            after_a = e;
        }
        // Ranges: "8 à 14 ans", "entre 3 et 5", "3-5".
        let opener = i
            .checked_sub(1)
            .and_then(|k| r.range_openers.get(self.w(k)).map(|p| (k, p.as_str())));
        let link = after_a;
        let is_link =
            r.range_links.contains(self.w(link)) || opener.is_some_and(|(_, p)| p == self.w(link));
        // "passer de 20 % à 25 %", "from $3bn to $5bn": a change between two figures, not a range.
        let change = opener.is_some_and(|(k, _)| matches!(self.w(k), "de" | "d'" | "from"))
            && (pct_a || cur_a.is_some() || currency.is_some());
        if is_link && !change {
            let mut bi = link + 1;
            if let Some((_, _, len)) = self.currency_at(bi) {
                if self.kind(bi + len) == Some(Kind::Digits) {
                    bi += len;
                }
            }
            let dash = self.is_sym(link, "-–—");
            let same_sign = |nb: &Num| match suffix(nb.e, nb.scale > 1.0 || nb.words) {
                // "8 % à 13 milliards de $" is not one range.
                Some((p, c, _)) => {
                    !(pct_a || cur_a.is_some())
                        || (p == pct_a && c.map(|x| x.0) == cur_a.map(|x| x.0))
                }
                None => !(pct_a || cur_a.is_some()),
            };
            if let Some(nb) = self
                .number(bi, currency.is_some())
                .filter(|n| !n.article_only && !n.ordinal && same_sign(n))
            {
                let mut lo = a;
                if nb.scale > 1.0 && lo.scale == 1.0 && !lo.words {
                    lo.val *= nb.scale;
                    lo.step *= nb.scale;
                    lo.scale = nb.scale;
                }
                let small = |n: &Num| !n.words && n.plain && n.val.fract() == 0.0 && n.val < 1000.0;
                if dash && small(&a) && small(&nb) && self.gap(link) == 0 && self.gap(bi) == 0 {
                    if a.val >= nb.val || self.score_context() {
                        return Outcome::Skip(nb.e);
                    }
                } else if !dash && a.val >= nb.val && self.score_context() {
                    return Outcome::Skip(nb.e);
                }
                if lo.val < nb.val {
                    a = lo;
                    b = Some(nb);
                    if let Some((k, _)) = opener {
                        if opener.is_some_and(|(_, p)| p == self.w(link)) {
                            start = start.min(k);
                        }
                    }
                }
            }
        }
        let last = b.unwrap_or(a);
        end = end.max(last.e);
        if let Some(nb) = &b {
            if let Some((p, c, e)) = suffix(nb.e, nb.scale > 1.0 || nb.words) {
                percent = p;
                currency = currency.or(c);
                end = e;
            }
        } else {
            percent = pct_a;
            end = end.max(after_a);
        }
        if b.is_some() && pct_a {
            percent = true;
        }
        currency = currency.or(cur_a);
        // A range's amount is its upper end ("8 à 14 ans": 14, as "up to"); low and high
        // keep both.
        let mut amount = last.val;
        let mut low_val = a.val;
        let mut high_val = last.val;
        if let Some((_, s)) = currency {
            if s > 1.0 {
                amount *= s;
                low_val *= s;
                high_val *= s;
                a.step *= s;
            }
        }
        // Hundredths after the currency: "15 dollars et 15 cents", "1 USD 23 cents",
        // "15 dollars 50.".
        if let (Some((_, 1.0)), None, 1.0) = (currency, &b, a.scale) {
            if amount.fract() == 0.0 {
                let mut k = end;
                if r.connectors.contains(self.w(k)) && self.kind(k) == Some(Kind::Word) {
                    k += 1;
                }
                let m = match self.kind(k) {
                    Some(Kind::Digits) => self.digits(k).filter(|m| m.plain),
                    Some(Kind::Word) => self.words(k).filter(|m| !m.article_only && !m.ordinal),
                    _ => None,
                };
                // "quarante-cinq cents" read as hundreds is forty-five cents here.
                let m = m.map(|mut m| {
                    if m.words && m.e > k && r.subunits.contains(self.w(m.e - 1)) {
                        m.val /= 100.0;
                        m.e -= 1;
                    }
                    m
                });
                if let Some(m) = m.filter(|m| m.val < 100.0 && m.val.fract() == 0.0) {
                    let sub =
                        self.kind(m.e) == Some(Kind::Word) && r.subunits.contains(self.w(m.e));
                    // "10 $ 30 $" is two amounts.
                    if sub
                        || (matches!(self.kind(m.e), None | Some(Kind::Sym))
                            && !self.is_sym(m.e, "%")
                            && self.currency_at(m.e).is_none())
                    {
                        amount += m.val / 100.0;
                        low_val = amount;
                        high_val = amount;
                        a.step = 0.01;
                        end = if sub { m.e + 1 } else { m.e };
                    }
                }
            }
        }
        // The counted noun.
        let mut unit_end: Option<usize> = None;
        let mut unit: Option<String> = None;
        let mut unit_span = None;
        let mut unit_key = None;
        let mut modifier: Option<String> = None;
        // A lowercase content word: what a counted noun may be.
        let lower_word = |k: usize| {
            self.kind(k) == Some(Kind::Word)
                && !self.function_word(k)
                && self.raw(k).chars().next().is_some_and(char::is_lowercase)
        };
        if !percent && currency.is_none() {
            let mut k = end;
            // "a 780-megawatt reactor", "a 300-bed hospital": the counted noun joined to the
            // figure by a hyphen, singular as an adjective.
            if self.is_sym(k, "-") && self.gap(k) == 0 && self.gap(k + 1) == 0 && lower_word(k + 1)
            {
                k += 1;
            }
            for _ in 0..3 {
                let noun_next = lower_word(k + 1);
                // "147 long-finned pilot whales": a participle compound describes the noun.
                let compound = r.head_last
                    && self.kind(k) == Some(Kind::Word)
                    && self.is_sym(k + 1, "-")
                    && self.gap(k + 1) == 0
                    && self.gap(k + 2) == 0
                    && self.kind(k + 2) == Some(Kind::Word)
                    && self.w(k + 2).ends_with("ed")
                    && lower_word(k + 3);
                if compound {
                    k += 3;
                } else if self.kind(k) == Some(Kind::Word)
                    && (r.unit_skip.contains(self.w(k))
                        || (noun_next && r.unit_modifiers.contains(self.w(k))))
                {
                    k += 1;
                } else {
                    break;
                }
            }
            let raw = self.raw(k);
            if self.kind(k) == Some(Kind::Word)
                && !self.function_word(k)
                && !self.number_word(k)
                && (raw.chars().next().is_some_and(|c| c.is_lowercase())
                    || r.unit_symbols.contains(raw))
                && !(self.gap(k) == 0 && k == end && raw.len() > 3)
            {
                // The end of a word and its hyphenated parts from token j: a hyphenated noun is
                // one unit ("week-end", "sous-traitants").
                let compound_end = |j: usize| {
                    let mut x = j;
                    while self.is_sym(x + 1, "-")
                        && self.gap(x + 1) == 0
                        && self.kind(x + 2) == Some(Kind::Word)
                        && self.gap(x + 2) == 0
                    {
                        x += 2;
                    }
                    x
                };
                let mut e = compound_end(k);
                // "300 police officers", "32 day-case beds": a plural noun after a singular one
                // is the counted noun, the first says which ("1 person dies" is a verb).
                // Singular words between them describe it too ("26 hydrogen fuel-cell buses").
                let mut k = k;
                let plural = |j: usize| {
                    self.gap(j) > 0
                        && lower_word(j)
                        && !self.number_word(j)
                        && self.w(j).ends_with('s')
                        && !self.w(j).ends_with("ss")
                        && !self.is_sym(j + 1, "-")
                };
                let mut head = e + 1;
                for _ in 0..if r.head_last { 2 } else { 0 } {
                    if plural(head) || !(self.gap(head) > 0 && lower_word(head)) {
                        break;
                    }
                    let x = compound_end(head);
                    if self.w(x).ends_with('s') || self.number_word(head) {
                        break;
                    }
                    head = x + 1;
                }
                if r.head_last && amount != 1.0 && !self.w(e).ends_with('s') && plural(head) {
                    modifier = Some(crate::text::fold(
                        &self.text[self.t[k].s..self.t[head - 1].e],
                    ));
                    k = head;
                    e = k;
                }
                let (us, ue) = (self.t[k].s, self.t[e].e);
                let text = &self.text[us..ue];
                if r.time_units.contains(self.w(k))
                    && start
                        .checked_sub(1)
                        .is_some_and(|p| r.time_prepositions.contains(self.w(p)))
                {
                    return Outcome::Skip(e + 1);
                }
                unit = Some(if r.unit_symbols.contains(text) {
                    text.to_string()
                } else {
                    crate::text::lower(text)
                });
                unit_span = Some((us, ue));
                unit_end = Some(e + 1);
                if modifier.is_none()
                    && self.kind(e + 1) == Some(Kind::Word)
                    && self.gap(e + 1) > 0
                    && r.post_modifiers.contains(self.w(e + 1))
                {
                    modifier = Some(self.w(e + 1).to_string());
                }
                if modifier.is_none() {
                    let before = ni
                        .checked_sub(1)
                        .filter(|&p| self.kind(p) == Some(Kind::Word));
                    modifier = before
                        .into_iter()
                        .chain(end..k)
                        .find(|&j| r.pre_modifiers.contains(self.w(j)))
                        .map(|j| self.w(j).to_string());
                }
                let key = crate::text::fold(text);
                let key = key
                    .strip_suffix(['s', 'x'])
                    .filter(|k| k.len() >= 2)
                    .map(str::to_string)
                    .unwrap_or(key);
                unit_key = Some(key);
            }
        }
        if unit.is_none() && !percent && currency.is_none() {
            if let Some(u) = self.unit_before(start) {
                unit_key = Some(crate::text::fold(&u));
                unit = Some(u);
            }
        }
        // A smaller unit of the same measure: "5 feet 2 inches", "12 ft 2 in".
        let mut compound_end = 0;
        if let (Some(ue), None, Some(parts)) = (
            unit_end,
            &b,
            unit_end.and_then(|ue| r.compound_units.get(self.w(ue - 1))),
        ) {
            let mut k = ue;
            if self.kind(k) == Some(Kind::Word) && r.connectors.contains(self.w(k)) {
                k += 1;
            }
            let m = match self.kind(k) {
                Some(Kind::Digits) => self.digits(k),
                Some(Kind::Word) => self.words(k).filter(|m| !m.article_only && !m.ordinal),
                _ => None,
            };
            if let Some(m) = m {
                let sub = m.e;
                // "in" is also a preposition: "5 ft 2 in the shade" is not inches.
                let preposition = self.function_word(sub)
                    && (self.kind(sub + 1) == Some(Kind::Digits) || self.function_word(sub + 1));
                if let Some(&div) = parts
                    .get(self.w(sub))
                    .filter(|d| self.kind(sub) == Some(Kind::Word) && **d > 0.0 && !preposition)
                {
                    if m.val < div {
                        amount += m.val / div;
                        low_val = amount;
                        high_val = amount;
                        a.step = m.step / div;
                        compound_end = sub + 1;
                    }
                }
            }
        }
        // A year is not a quantity: "2030", "en 2022", unless it counts something ("2000 emplois").
        if a.plain
            && b.is_none()
            && !percent
            && currency.is_none()
            && a.val.fract() == 0.0
            && (1900.0..=2100.0).contains(&a.val)
            && !negative
            && unit.as_deref().is_none_or(|u| !u.ends_with(['s', 'x']))
        {
            return Outcome::Skip(a.e);
        }
        // The qualifier before the figure.
        let mut qualifier = Qualifier::Exact;
        if let Some((p, q)) = r
            .qualifiers
            .iter()
            .find(|(p, _)| self.phrase_before(start, p).is_some())
        {
            qualifier = *q;
            start -= p.len();
        } else if !negative && start > 0 && r.negatives.contains(self.w(start - 1)) {
            amount = -amount;
            (low_val, high_val) = (-high_val, -low_val);
            start -= 1;
        }
        let tail = unit_span
            .map(|(_, ue)| self.t.iter().position(|t| t.e == ue).map_or(end, |p| p + 1))
            .unwrap_or(end);
        let mut claim_end_tok = tail.max(end).max(compound_end);
        if qualifier == Qualifier::Exact {
            for k in [end, tail] {
                if let Some((p, q)) = r.post_qualifiers.iter().find(|(p, _)| self.phrase_at(k, p)) {
                    qualifier = *q;
                    claim_end_tok = claim_end_tok.max(k + p.len());
                    break;
                }
            }
        }
        // "10 degrés en dessous de zéro".
        let mut below_end = 0;
        for k in [end, tail] {
            if let Some(p) = r.below_zero.iter().find(|p| self.phrase_at(k, p)) {
                if amount > 0.0 {
                    amount = -amount;
                    (low_val, high_val) = (-high_val, -low_val);
                }
                claim_end_tok = claim_end_tok.max(k + p.len());
                below_end = k + p.len();
                break;
            }
        }
        if a.approx && qualifier == Qualifier::Exact {
            qualifier = Qualifier::About;
        }
        let precision = a.step;
        let (lo, hi) = if b.is_some() {
            (low_val, high_val)
        } else if a.frac && a.scale > 1.0 {
            (amount - precision / 2.0, amount + precision / 2.0)
        } else {
            (amount, amount)
        };
        let (low, high) = match qualifier {
            Qualifier::Exact => (Some(lo), Some(hi)),
            Qualifier::About => {
                // "environ 68 000" is 68 000 give or take a twentieth; "about 70,000" is
                // rounded to the ten thousand, so half of that either side.
                let half = (amount.abs() * ABOUT_SHARE)
                    .max(rounding(amount) / 2.0)
                    .max(precision / 2.0);
                (Some(lo - half), Some(hi + half))
            }
            Qualifier::MoreThan | Qualifier::AtLeast => (Some(lo), None),
            Qualifier::LessThan | Qualifier::AtMost => (None, Some(hi)),
        };
        let anchor = self.anchor_after(claim_end_tok);
        let kind = if percent {
            "percent"
        } else if currency.is_some() {
            "currency"
        } else {
            "cardinal"
        };
        let unit = if percent {
            Some("%".to_string())
        } else if let Some((code, _)) = currency {
            Some(code.to_string())
        } else {
            unit
        };
        let s_byte = self.t[start].s;
        let e_byte = self.t[claim_end_tok.max(start + 1) - 1].e;
        let v = QuantityValue {
            amount,
            low,
            high,
            unit,
            qualifier: qualifier.as_str(),
            precision,
            anchor,
            kind,
            detail: QuantityDetail {
                number: (self.t[ni].s, self.t[last.e - 1].e),
                unit_span,
                unit_key,
                modifier,
                currency: currency.map(|(c, _)| c.to_string()),
                range: b.is_some(),
                words: a.words,
                ..Default::default()
            },
        };
        Outcome::Found(
            Box::new((s_byte, e_byte, v)),
            end.max(a.e).max(below_end).max(compound_end),
        )
    }

    /// The target year right after a quantity phrase ("d'ici 2026", "à l'horizon 2030").
    fn anchor_after(&self, from: usize) -> Option<String> {
        // The counted phrase may stand between: "25 % de la population couverte d'ici 2026".
        // Past a comma, the year must follow it at once ("70 %, à l'horizon 2030"): further
        // on, it is another clause's ("Le projet, évalué à 6,4 milliards, doit entrer en
        // service en 2031").
        let mut past_comma: Option<usize> = None;
        for k in from..(from + 8).min(self.t.len()) {
            if self.kind(k) == Some(Kind::Digits) || self.is_sym(k, ".;:!?") {
                return None;
            }
            if self.is_sym(k, ",") {
                past_comma = Some(0);
                continue;
            }
            if past_comma.is_some_and(|n| n >= 1) {
                return None;
            }
            for m in &self.r.anchor_markers {
                if self.phrase_at(k, m) {
                    let y = k + m.len();
                    let raw = self.raw(y);
                    if self.kind(y) == Some(Kind::Digits)
                        && raw.len() == 4
                        && raw.parse::<u32>().is_ok_and(|v| (1900..=2100).contains(&v))
                    {
                        return Some(raw.to_string());
                    }
                }
            }
            if let Some(n) = past_comma.as_mut() {
                *n += 1;
            }
        }
        None
    }
}

/// Every quantity of a sentence: byte range in the sentence and value. `dates` are the byte
/// ranges of the sentence's date claims.
pub fn sentence_quantities(
    text: &str,
    lang: &LangRules,
    dates: &[(usize, usize)],
) -> Vec<(usize, usize, QuantityValue)> {
    let r = &lang.numbers;
    // A number word alone ("un") has no trigger word, which leaves out words that short.
    if r.trigger.as_ref().is_some_and(|t| !t.is_match(text))
        && !r
            .words
            .contains_key(crate::text::fold(text.trim()).as_str())
    {
        return Vec::new();
    }
    let t = tokenize(text);
    let f: Vec<Cow<str>> = t.iter().map(|x| fold_cow(&text[x.s..x.e])).collect();
    let cx = Cx {
        text,
        t: &t,
        f: &f,
        r,
        lang,
    };
    let in_date = |s: usize, e: usize| dates.iter().any(|(a, b)| s < *b && e > *a);
    let mut out = Vec::new();
    let mut i = 0;
    while i < t.len() {
        if in_date(t[i].s, t[i].e) {
            i += 1;
            continue;
        }
        match cx.quantity_at(i) {
            Outcome::Found(q, next) => {
                let (s, e, v) = *q;
                let (ns, ne) = v.detail.number;
                if !in_date(ns, ne) {
                    out.push((s, e, v));
                }
                i = next.max(i + 1);
            }
            Outcome::Skip(next) => i = next.max(i + 1),
            Outcome::None => i += 1,
        }
    }
    out
}

/// The value of a vulgar fraction character ("½", "⅙").
fn vulgar(s: &str) -> Option<f64> {
    let mut it = s.chars();
    let c = it.next()?;
    if it.next().is_some() {
        return None;
    }
    let (a, b) = match c {
        '¼' => (1.0, 4.0),
        '½' => (1.0, 2.0),
        '¾' => (3.0, 4.0),
        '⅐' => (1.0, 7.0),
        '⅑' => (1.0, 9.0),
        '⅒' => (1.0, 10.0),
        '⅓' => (1.0, 3.0),
        '⅔' => (2.0, 3.0),
        '⅕' => (1.0, 5.0),
        '⅖' => (2.0, 5.0),
        '⅗' => (3.0, 5.0),
        '⅘' => (4.0, 5.0),
        '⅙' => (1.0, 6.0),
        '⅚' => (5.0, 6.0),
        '⅛' => (1.0, 8.0),
        '⅜' => (3.0, 8.0),
        '⅝' => (5.0, 8.0),
        '⅞' => (7.0, 8.0),
        _ => return None,
    };
    Some(a / b)
}

#[cfg(test)]
mod tests;
