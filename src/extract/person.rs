//! People: names with the roles and titles the article gives them.
//!
//! A name is a run of capitalised words (with particles such as El, Ben, de, van inside it). It
//! is a person when an honorific stands before it (Mme, Mr), a role stands beside it ("X,
//! ministre de ..." / "la ministre ..., X" / "Finance Minister X"), or a speech verb ("a
//! souligné X", "X said"). A shorter later mention ("Mme Seghrouchni", "Al-Fellah Sebbar")
//! is linked to the full name it ends. A run with none of these is kept as a candidate: the
//! comparison confirms it when another source names the same person.
use crate::claims::{Claim, ClaimValue, PersonDetail, PersonValue};
use crate::extract::names::NameKey;
use crate::extract::{tokenize, Tok};
use crate::input::Article;
use crate::rules::{LangRules, PersonRules, Rules};
use crate::segment::Segmented;
use crate::text::fold;

/// One name run found in a sentence, before linking.
#[derive(Debug, Clone)]
struct Mention {
    start: usize,
    end: usize,
    tokens: Vec<String>,
    evidence: &'static str,
    role: Option<Role>,
    /// A grade written before the name when the office after it is the role ("le lieutenant
    /// X, chef de la compagnie"): a second claim, since a grade and an office never clash.
    grade: Option<Role>,
    /// The run lost its first words to a determiner or a title ("the Twin Otter" → "Otter"):
    /// what is left is no surname standing alone.
    cut: bool,
}

#[derive(Debug, Clone)]
struct Role {
    text: String,
    title: String,
    head_id: String,
    ladder: Option<String>,
    unique: bool,
    alone: bool,
    rank: Vec<String>,
    portfolio: Vec<String>,
    former: bool,
    /// A second title joined to this one ("president and chief executive"): the person holds
    /// both, so it becomes a second claim.
    also: Option<Box<Role>>,
}

pub fn extract(article: &Article, seg: &Segmented, rules: &Rules) -> Vec<Claim> {
    let lang = rules.lang(&article.meta.lang);
    let mut mentions = Vec::new();
    for s in &seg.sentences {
        mentions.extend(sentence_mentions(
            &article.text,
            s.start,
            s.end,
            lang,
            rules,
        ));
    }
    // "en stage à Yaoundé": a lone word right after a town preposition is a place, and no
    // surname that confirms a longer name ("Partis de Yaoundé").
    let one_word: Vec<&str> = lang
        .places
        .town_prepositions
        .iter()
        .filter(|p| p.len() == 1)
        .map(|p| p[0].as_str())
        .collect();
    for m in mentions.iter_mut().filter(|m| m.tokens.len() == 1) {
        let before = article.text.get(..m.start).unwrap_or("");
        let word = before
            .trim_end()
            .rsplit(|c: char| c.is_whitespace())
            .next()
            .unwrap_or("");
        if !word.is_empty()
            && before.ends_with(char::is_whitespace)
            && one_word.contains(&crate::text::lower(word).as_str())
        {
            m.cut = true;
        }
    }
    let mut claims = link(article.id, mentions, lang, rules);
    for c in &mut claims {
        c.text = article.text[c.start..c.end].to_string();
        let (start, end) = (c.start, c.end);
        if let ClaimValue::Person(p) = &mut c.value {
            p.detail.role_span = p
                .role
                .as_deref()
                .and_then(|r| role_span(&article.text, start, end, r));
        }
    }
    claims
}

/// Where a mention's role is written: the occurrence of its text nearest the name, within a
/// few hundred bytes of it, so that a finding can point at the role as well as the name.
fn role_span(text: &str, start: usize, end: usize, role: &str) -> Option<(usize, usize)> {
    const REACH: usize = 300;
    if role.is_empty() {
        return None;
    }
    let from = crate::text::floor_char_boundary(text, start.saturating_sub(REACH));
    let to = crate::text::floor_char_boundary(text, (end + REACH).min(text.len()));
    text[from..to]
        .match_indices(role)
        .map(|(i, _)| (from + i, from + i + role.len()))
        .min_by_key(|&(s, e)| {
            if e <= start {
                start - e
            } else {
                s.saturating_sub(end)
            }
        })
}

fn possessive(w: Option<&str>) -> bool {
    // "Teachers' Organisation": a plural possessive too.
    w.is_some_and(|w| {
        w.ends_with("'s") || w.ends_with("’s") || w.ends_with("s'") || w.ends_with("s’")
    })
}

fn is_cap(t: &str) -> bool {
    let mut chars = t.chars();
    chars.next().is_some_and(char::is_uppercase) && t.chars().any(char::is_lowercase)
}

fn is_roman(t: &str) -> bool {
    !t.is_empty() && t.len() <= 5 && t.chars().all(|c| "IVX".contains(c))
}

/// A word that may join a title to the name right after it ("ministre de l'Intérieur X",
/// "Minister of Finance X"); "in", "at" or "for" may not ("manager in Golden Bay").
fn is_connector(w: &str, p: &PersonRules) -> bool {
    p.portfolio_connectors.contains(w) || p.determiners.contains(w.trim_end_matches('\''))
}

struct Ctx<'a> {
    text: &'a str,
    toks: Vec<Tok<'a>>,
    folded: Vec<std::borrow::Cow<'a, str>>,
    p: &'a PersonRules,
}

impl Ctx<'_> {
    fn word(&self, i: usize) -> Option<&str> {
        self.toks.get(i).filter(|t| !t.punct).map(|t| t.text)
    }

    /// An initial standing for a given name ("R. Muthulakshmi", "John F. Kennedy").
    fn initial(&self, i: usize) -> bool {
        self.word(i).is_some_and(|w| {
            !self.honorific(i) && {
                let mut c = w.chars();
                c.next().is_some_and(char::is_uppercase)
                    && c.next() == Some('.')
                    && c.next().is_none()
            }
        })
    }

    /// Initials at `i` followed by a name word.
    fn initials_then_name(&self, i: usize) -> bool {
        let mut k = i;
        while self.initial(k) {
            k += 1;
        }
        k > i && k - i <= 3 && self.name_word(k)
    }

    fn single_head(&self, i: usize) -> bool {
        self.p.head_forms.contains_key(&*self.folded[i])
    }

    fn name_word(&self, i: usize) -> bool {
        let Some(w) = self.word(i) else { return false };
        // "L'Olympique": an elided article is no name, and the noun after it is read alone.
        let f: &str = &self.folded[i];
        let f = f.trim_end_matches(['\'', '’']);
        let noun = f
            .strip_prefix("l'")
            .or_else(|| f.strip_prefix("l’"))
            .unwrap_or(f);
        is_cap(w)
            && !self.p.not_names.contains(f)
            && !self.p.not_names.contains(noun)
            && (!self.single_head(i) || self.given_name_head(i))
            && !self.honorific(i)
            && !self.p.former_markers.contains(f)
    }

    /// A head that is also a given name, starting a name here: "Dean Kearney", not "the Dean".
    fn given_name_head(&self, i: usize) -> bool {
        let next_cap = self.word(i + 1).is_some_and(|w| {
            is_cap(w)
                && !self.single_head(i + 1)
                && !self.p.not_names.contains(&*self.folded[i + 1])
        });
        let after_determiner = i > 0
            && self.word(i - 1).is_some()
            && self
                .p
                .determiners
                .contains(self.folded[i - 1].trim_end_matches('\''));
        self.p.given_name_heads.contains(&*self.folded[i]) && next_cap && !after_determiner
    }

    /// An honorific as written: "SAR" is one, "Sar" is a surname.
    fn honorific(&self, i: usize) -> bool {
        let Some(f) = self.folded.get(i).map(|f| &**f) else {
            return false;
        };
        self.p.honorifics.iter().any(|h| h == f)
            && (!self.p.capital_honorifics.contains(f)
                || self
                    .word(i)
                    .is_some_and(|w| !w.chars().any(char::is_lowercase)))
    }

    fn particle(&self, i: usize) -> bool {
        self.word(i).is_some()
            && self
                .p
                .particles
                .contains(self.folded[i].trim_end_matches('\''))
    }

    /// Index of the first token of a run of honorifics ending right before `i`, if any.
    fn honorific_before(&self, i: usize) -> Option<usize> {
        for k in (1..=3).rev() {
            if i < k || i > self.folded.len() || i > self.toks.len() {
                continue;
            }
            let joined = self.folded[i - k..i].join(" ");
            let written = k > 1 || self.honorific(i - 1);
            if self.toks[i - k..i].iter().all(|t| !t.punct)
                && self.p.honorifics.contains(&joined)
                && written
            {
                return Some(i - k);
            }
        }
        None
    }

    /// Token range of the clause around position `i`, bounded by punctuation.
    /// A parenthesised aside ("(TMPA)") stays inside its clause.
    fn segment_before(&self, end: usize) -> usize {
        let mut s = end;
        while s > 0 {
            let t = self.toks[s - 1].text;
            if t == ")" {
                match self.toks[..s - 1].iter().rposition(|t| t.text == "(") {
                    Some(open) => s = open,
                    None => break,
                }
            } else if self.toks[s - 1].punct {
                break;
            } else {
                s -= 1;
            }
        }
        s
    }

    fn segment_after(&self, start: usize) -> usize {
        let mut e = start;
        while e < self.toks.len() {
            if self.toks[e].text == "(" && e > start {
                match self.toks[e..].iter().position(|t| t.text == ")") {
                    Some(close) => e += close + 1,
                    None => break,
                }
            } else if self.toks[e].punct {
                break;
            } else {
                e += 1;
            }
        }
        e
    }
}

fn sentence_mentions(
    text: &str,
    start: usize,
    end: usize,
    lang: &LangRules,
    rules: &Rules,
) -> Vec<Mention> {
    let p = &lang.person;
    let s = &text[start..end];
    let keep = |w: &str| {
        let f = fold(w) + ".";
        p.honorifics.contains(&f)
            || lang.abbreviations.contains(&f)
            || (w.chars().count() == 1 && w.chars().all(char::is_uppercase))
    };
    let toks = tokenize(s, keep);
    let folded = toks.iter().map(|t| crate::text::fold_cow(t.text)).collect();
    let cx = Ctx {
        text: s,
        toks,
        folded,
        p,
    };
    let n = cx.toks.len();
    let mut out = Vec::new();
    // The last token of the last name found.
    let mut last_name: Option<usize> = None;
    let mut i = 0;
    while i < n {
        // "Stade de Reims": a particle after a capitalised noun joins a body's name, not a
        // person's.
        let body_before = i > 0 && cx.word(i - 1).is_some_and(is_cap) && !cx.name_word(i - 1);
        let starts = cx.name_word(i)
            || cx.initials_then_name(i)
            || (cx.particle(i)
                && !body_before
                && !p.not_names.contains(&*cx.folded[i])
                && cx.name_word(i + 1));
        // "Kenya's Daniel Kipkemoi": a possessor before a name is not part of it.
        if !starts || (possessive(cx.word(i)) && cx.name_word(i + 1)) {
            i += 1;
            continue;
        }
        let mut last = i;
        let mut j = i + 1;
        while j < n && !possessive(cx.word(last)) {
            // Particles may run two or three ("van der", "de la") before the next name word.
            let after_particles = (j..(j + 3).min(n))
                .take_while(|&k| cx.particle(k))
                .last()
                .map(|k| k + 1);
            if let Some(k) = after_particles.filter(|&k| cx.name_word(k)) {
                j = k;
            } else if cx.initials_then_name(j) {
                j += 1;
            } else if cx.name_word(j) {
                last = j;
                j += 1;
            } else if cx.word(j).is_some_and(is_roman) && last == j - 1 {
                last = j;
                break;
            } else {
                break;
            }
        }
        // "the National Emergency and Civil Protection Authority": a run that a capitalised
        // body noun continues names the body, not a person.
        if cx.word(last + 1).is_some_and(|w| {
            let f = fold(w);
            is_cap(w)
                && p.not_names.contains(&f)
                && !lang.dates.months.contains_key(&f)
                && !lang.dates.weekdays.contains_key(&f)
                && !p.honorifics.contains(&f)
        }) && !possessive(cx.word(last))
        {
            i = last + 2;
            continue;
        }
        let mut a = i;
        // "la Santé Khalid Ait Taleb": a determiner shows the first word is a noun, not a name;
        // so does a connector after a title ("Minister of Conservation Rachel Hoskins").
        let after_determiner = a > 0
            && cx.word(a - 1).is_some()
            && p.determiners
                .contains(cx.folded[a - 1].trim_end_matches('\''));
        let title_connector = a >= 2
            && cx.word(a - 1).is_some_and(|_| {
                p.portfolio_connectors
                    .contains(cx.folded[a - 1].trim_end_matches('\''))
            })
            // "Cabinet Secretary for Tourism and Wildlife Grace Njoroge": five tokens hold a
            // title of two words, its connector and one portfolio word; a name found in them
            // ("Finance Minister Jane Doe and Peter James Oduya") leaves the next run whole.
            && p.head_regex
                .find(&cx.text[cx.toks[a.saturating_sub(5)].start..cx.toks[a - 1].start])
                .is_some_and(|m| {
                    let head_end = cx.toks[a.saturating_sub(5)].start + m.end();
                    last_name.is_none_or(|l| cx.toks[l].end <= head_end)
                });
        // "the Minister of Minerals and Energy", "the Commissioner of Railway Safety": one or
        // two words after the connector are the portfolio, no one's name.
        if title_connector && last <= a + 1 {
            i = last + 1;
            continue;
        }
        // "Ms Tamihana, chair of Te Rūnanga o Ngāti Pareroa,": a title in apposition to the
        // name before it is followed by its body, not by another name.
        let apposed = title_connector
            && (a.saturating_sub(5)..a - 1).any(|k| {
                k > 0
                    && cx.toks[k].punct
                    && cx.toks[k].text == ","
                    && cx.word(k - 1).is_some_and(is_cap)
            });
        if apposed {
            i = last + 1;
            continue;
        }
        let after_title_connector = title_connector && last >= a + 2;
        if after_determiner || after_title_connector {
            a += 1;
            while a <= last && cx.particle(a) {
                a += 1;
            }
        }
        // "le porte-parole d'Infrabel Arnaud Dewaele": an elided "d'" opening the run names
        // the body the role is of; the person follows it.
        if a + 3 <= last && cx.toks[a].text.ends_with(['\'', '’']) && cx.toks[a].text.len() <= 4 {
            a += 2;
        }
        // "Chief Executive Kwabena Asante-Mensah": the words that end a title of several words
        // ("chief executive") are the title's, though one of them alone is none.
        let title_end = (a.saturating_sub(2)..a)
            .filter(|&k| cx.word(k).is_some())
            .filter_map(|k| {
                p.head_start_regex
                    .find(&cx.text[cx.toks[k].start..])
                    .map(|m| cx.toks[k].start + m.end())
            })
            .max();
        if let Some(end) = title_end {
            while a < last && cx.toks[a].end <= end {
                a += 1;
            }
        }
        // "le lot 3, d'Édéa à Douala": a particle and one capitalised word name a place more
        // often than a person, unless an honorific stands before them ("le général de Gaulle").
        let particle_and_one = cx.particle(a) && last == a + 1;
        if particle_and_one && cx.honorific_before(a).is_none() {
            i = last + 1;
            continue;
        }
        if a <= last {
            let prev_end = last_name.map(|l| cx.toks[l].end);
            last_name = Some(last);
            let m = mention(&cx, a, last, prev_end, lang, rules);
            out.push(Mention {
                start: start + m.start,
                end: start + m.end,
                cut: a > i,
                ..m
            });
        }
        i = last + 1;
    }
    out
}

/// `prev_end`: where the sentence's previous name ends.
fn mention(
    cx: &Ctx,
    a: usize,
    b: usize,
    prev_end: Option<usize>,
    lang: &LangRules,
    rules: &Rules,
) -> Mention {
    let tokens: Vec<String> = (a..=b)
        .map(|k| {
            cx.toks[k]
                .text
                .trim_end_matches("'s")
                .trim_end_matches("’s")
                .to_string()
        })
        .collect();
    let honor = cx.honorific_before(a);
    let mut before = honor.unwrap_or(a);
    // "La directrice médicale de l'hôpital, la Dre Sophie Lambotte": a determiner may stand
    // between the comma and the honorific.
    if honor.is_some()
        && before >= 2
        && cx.toks[before - 2].text == ","
        && cx.word(before - 1).is_some()
        && cx
            .p
            .determiners
            .contains(cx.folded[before - 1].trim_end_matches('\''))
    {
        before -= 1;
    }
    let mut evidence = if honor.is_some() { "honorific" } else { "" };
    let after = role_after(cx, b, lang, rules).or_else(|| role_linked(cx, b, lang, rules));
    // "la mairesse Chantal Ouimet, élue en 2021": the office before the name is the one that
    // says which post she holds; it is looked for only when the clause after gives none.
    let from_after = after.is_some();
    // Read once: it is the role, a better one, or a grade beside the role after the name.
    let before_role = role_before(cx, before, b, prev_end, lang, rules);
    let mut role = match after {
        Some(x) if x.unique => Some(x),
        Some(x) => Some(before_role.clone().filter(|y| y.unique).unwrap_or(x)),
        None => before_role.clone(),
    };
    // "La juridiction, présidée par X": the chair of a court is its judge.
    if role.as_ref().is_none_or(|r| !r.unique) {
        if let Some(r) = role_presiding(cx, before, b, lang, rules) {
            role = Some(r);
        }
    }
    // An honorific that is itself a rank ("Supt Aoife Brennan", "Col. Diallo").
    // A capitalised word before it may make it another rank ("Associate Professor").
    let honor_role = honor.and_then(|h| {
        let wider = h
            .checked_sub(1)
            .filter(|&w| cx.word(w).is_some() && is_cap(cx.toks[w].text))
            .map(|w| cx.text[cx.toks[w].start..cx.toks[a].start].trim())
            .filter(|t| lang.person.head_of(t).is_some());
        let t = wider.unwrap_or_else(|| cx.text[cx.toks[h].start..cx.toks[a].start].trim());
        lang.person.head_of(t)?;
        build_role(t, 0, t.len(), lang, rules, None)
    });
    let mut grade = if from_after {
        before_role.filter(|g| {
            is_grade(g.ladder.as_deref())
                && !g.former
                && role.as_ref().is_some_and(|r| r.head_id != g.head_id)
        })
    } else {
        None
    };
    // A title joined to the role ("president and chief executive") is held beside it.
    if grade.is_none() {
        grade = role.as_ref().and_then(|r| r.also.as_deref().cloned());
    }
    match (&role, honor_role) {
        (None, h) => role = h,
        (Some(r), Some(h))
            if grade.is_none()
                && is_grade(h.ladder.as_deref())
                && r.head_id != h.head_id
                && !is_grade(r.ladder.as_deref()) =>
        {
            grade = Some(h);
        }
        _ => {}
    }
    if role.is_some() && evidence.is_empty() {
        evidence = "role";
    }
    if evidence.is_empty() && speech_nearby(cx, before, b) {
        evidence = "speech verb";
    }
    if evidence.is_empty() && age_after(cx, b) {
        evidence = "age";
    }
    if let Some(r) = &role {
        if r.text.is_empty() {
            role = None;
        }
    }
    let last = cx.toks[b].text;
    let end =
        cx.toks[b].end - (last.len() - last.trim_end_matches("'s").trim_end_matches("’s").len());
    Mention {
        start: cx.toks[a].start,
        end,
        tokens,
        evidence,
        role,
        grade,
        cut: false,
    }
}

/// A grade ladder ("grade", "grade-academic"): a rank a person holds beside an office. Two
/// grade ladders never meet: a police superintendent is no doctor's rival.
fn is_grade(ladder: Option<&str>) -> bool {
    ladder.is_some_and(|l| l == "grade" || l.starts_with("grade-"))
}

/// An age set right after the name: "Yassine Ben Romdhane, 17 ans,", "(17 ans)", ", âgé de 17
/// ans", "Jhon Quispe, 34,".
fn age_after(cx: &Ctx, b: usize) -> bool {
    let mut k = b + 1;
    if !cx
        .toks
        .get(k)
        .is_some_and(|t| t.text == "," || t.text == "(")
    {
        return false;
    }
    k += 1;
    // "âgé de": up to two words before the number.
    let digits = |k: usize| {
        cx.toks.get(k).is_some_and(|t| {
            (1..=3).contains(&t.text.len())
                && t.text.bytes().all(|c| c.is_ascii_digit())
                && t.text.parse::<u32>().is_ok_and(|n| (1..=120).contains(&n))
        })
    };
    let at = (k..k + 3).find(|&j| digits(j));
    let Some(n) = at else { return false };
    let lower = |j: usize| {
        cx.word(j)
            .is_some_and(|w| w.chars().next().is_some_and(char::is_lowercase))
    };
    if (k..n).any(|j| !lower(j)) {
        return false;
    }
    cx.toks
        .get(n + 1)
        .is_some_and(|t| cx.p.age_words.contains(&fold(t.text)))
}

fn speech_nearby(cx: &Ctx, a: usize, b: usize) -> bool {
    // A speech verb stands right beside the name: a window of a few words is enough.
    const WINDOW: usize = 40;
    let rest = &cx.text[cx.toks[b].end..];
    let after = fold(rest[..crate::text::floor_char_boundary(rest, WINDOW)].trim_start());
    let head = &cx.text[..cx.toks[a].start];
    let cut = crate::text::floor_char_boundary(head, head.len().saturating_sub(WINDOW));
    let cut = if head.is_char_boundary(cut) { cut } else { 0 };
    let before = fold(head[cut..].trim_end());
    // "Alemayehu had said": one filler word may stand between the name and the verb.
    let after =
        cx.p.speech_fillers
            .iter()
            .find_map(|f| {
                after
                    .strip_prefix(f.as_str())
                    .filter(|r| r.starts_with(' '))
                    .map(|r| r.trim_start().to_string())
            })
            .unwrap_or(after);
    cx.p.speech_verbs.iter().any(|v| {
        (after.starts_with(v.as_str())
            && after[v.len()..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric()))
            || (before.ends_with(v.as_str())
                && before[..before.len() - v.len()]
                    .chars()
                    .last()
                    .is_none_or(|c| !c.is_alphanumeric()))
    })
}

/// "X, ministre de la Santé, ..." / "X (the county fire chief)".
fn role_after(cx: &Ctx, b: usize, lang: &LangRules, rules: &Rules) -> Option<Role> {
    let comma = cx.toks.get(b + 1)?;
    if !(comma.text == "," || comma.text == "(") {
        return None;
    }
    let mut s = b + 2;
    // "X, nommé ministre délégué chargé du Budget": the participle opens the role.
    while cx.word(s).is_some() && cx.p.appointed_words.contains(&*cx.folded[s]) {
        s += 1;
    }
    let e = cx.segment_after(s);
    if e <= s || e - s > 30 {
        return None;
    }
    let first: &str = &cx.folded[s];
    let first_ok = cx.p.determiners.contains(first.trim_end_matches('\''))
        || cx.p.former_markers.contains(first)
        || cx.p.rank_modifiers.contains_key(first)
        || is_cap(cx.toks[s].text)
        || cx.p.head_start_regex.is_match(&cx.text[cx.toks[s].start..]);
    if !first_ok {
        return None;
    }
    // "du ministre, X, la directrice de TMPA, Y, a présenté": the clause after X is Y's role.
    if cx.toks.get(e).is_some_and(|t| t.text == ",") {
        let next = (e + 1..e + 4)
            .find(|&k| cx.honorific_before(k) == Some(e + 1))
            .unwrap_or(e + 1);
        if cx.name_word(next) {
            return None;
        }
    }
    let seg = &cx.text[cx.toks[s].start..cx.toks[e - 1].end];
    let m = first_head(cx, seg)?;
    // "X, juge « réaliste »", "X, juge au contraire que...": a title shortly before a
    // quotation or "que" is a verb.
    const VERB_REACH: usize = 4;
    let head_end = cx.toks[s].start + m.end();
    let verb = cx.toks[s..]
        .iter()
        .filter(|t| t.start >= head_end)
        .take(VERB_REACH)
        .take_while(|t| !matches!(t.text, "," | "." | ";" | ":" | ")" | "("))
        .any(|t| {
            let f = fold(t.text);
            cx.p.verb_after_head
                .contains(f.trim_end_matches(['\'', '’']))
                || cx.p.verb_after_head.contains(&f)
        });
    if verb {
        return None;
    }
    // The head must come early: "X, qui a rencontré le ministre" is not a role of X.
    let words_before = seg[..m.start()].split_whitespace().count();
    if words_before > 5 {
        return None;
    }
    // "Accompagnée de la mairesse X, la ministre a parcouru les rues": a verb after the title
    // (not in a relative clause) makes it the subject of a new clause.
    let head_end = cx.toks[s].start + m.end();
    let relative = |w: &str| matches!(w, "qui" | "que" | "qu" | "who" | "which" | "that" | "dont");
    let mut prev = String::new();
    for t in cx.toks[s..e]
        .iter()
        .filter(|t| t.start >= head_end && !t.punct)
    {
        let w = crate::text::lower(t.text);
        if cx.p.clause_verbs.contains(&w) && !relative(prev.trim_end_matches(['\'', '’'])) {
            return None;
        }
        prev = w;
    }
    // After the name, the whole clause is the role ("the Ventura County fire chief").
    build_role(seg, m.start(), m.end(), lang, rules, Some(0))
}

/// The chair of a court: "la chambre, présidée par X", "l'audience était présidée par X"
/// (`presiding_before` after a court of `presiding_bodies` a few words back), or "X, qui
/// préside les débats" (`presiding_after`, then the court).
fn role_presiding(cx: &Ctx, a: usize, b: usize, lang: &LangRules, rules: &Rules) -> Option<Role> {
    // How far the court may stand from the words that put the name in its chair.
    const REACH: usize = 6;
    let p = cx.p;
    let role = p.presiding_role.as_deref()?;
    let body = |k: usize| {
        cx.word(k).is_some() && {
            let f: &str = &cx.folded[k];
            let f = f.rsplit(['\'', '’']).next().unwrap_or(f);
            p.presiding_bodies.contains(f)
        }
    };
    let phrase_at = |phrase: &[String], s: usize| {
        phrase
            .iter()
            .enumerate()
            .all(|(k, w)| cx.word(s + k).is_some() && *cx.folded[s + k] == **w)
    };
    let before = p.presiding_before.iter().any(|ph| {
        a >= ph.len() && phrase_at(ph, a - ph.len()) && {
            let mut k = a - ph.len();
            if k > 0 && cx.toks[k - 1].text == "," {
                k -= 1;
            }
            let from = cx.segment_before(k);
            (from.max(k.saturating_sub(REACH))..k).any(body)
        }
    });
    let after = !before
        && cx.toks.get(b + 1).is_some_and(|t| t.text == ",")
        && p.presiding_after.iter().any(|ph| {
            let s = b + 2;
            phrase_at(ph, s) && {
                let from = s + ph.len();
                (from..cx.segment_after(from).min(from + 3)).any(body)
            }
        });
    if !(before || after) {
        return None;
    }
    build_role(role, 0, role.len(), lang, rules, None)
}

/// The first role head of a clause. In English, a head followed by 's is the owner, not the
/// role ("the president's lawyer").
fn first_head<'t>(cx: &Ctx, seg: &'t str) -> Option<regex::Match<'t>> {
    cx.p.head_regex
        .find_iter(seg)
        .find(|m| !seg[m.end()..].starts_with("'s") && !seg[m.end()..].starts_with("’s"))
}

/// "X becomes Minister for Health", "X a été nommée directrice générale": a role joined to the
/// name by a linking verb (`role_links`). Only determiners, ranks, "as" and capitalised words
/// may stand between the verb and the head: "X is the son of the minister" is no role of X.
fn role_linked(cx: &Ctx, b: usize, lang: &LangRules, rules: &Rules) -> Option<Role> {
    // "X, originaire de Louga, devient ministre du Budget": a short aside between commas,
    // naming no one, may stand between the name and the verb.
    const ASIDE: usize = 8;
    let mut at = b;
    // "X, who was elected mayor of Tamale", "X, qui est devenue ministre": the pronoun stands
    // for the name.
    let comma = cx.toks.get(b + 1).is_some_and(|t| t.text == ",");
    let relative =
        comma && cx.word(b + 2).is_some() && cx.p.relative_pronouns.contains(&*cx.folded[b + 2]);
    if relative {
        at = b + 2;
    } else if comma {
        if let Some(close) = (b + 2..(b + 2 + ASIDE).min(cx.toks.len())).find(|&k| cx.toks[k].punct)
        {
            let aside = b + 2..close;
            let names_someone = aside
                .clone()
                .any(|k| cx.name_word(k) && cx.name_word(k + 1));
            if cx.toks[close].text == "," && !aside.is_empty() && !names_someone {
                at = close;
            }
        }
    }
    let link = cx.p.role_links.iter().find(|l| {
        l.iter()
            .enumerate()
            .all(|(k, w)| cx.word(at + 1 + k).is_some() && *cx.folded[at + 1 + k] == *w.as_str())
    })?;
    let s = at + 1 + link.len();
    let e = cx.segment_after(s);
    if e <= s || e - s > 30 {
        return None;
    }
    let seg = &cx.text[cx.toks[s].start..cx.toks[e - 1].end];
    let m = first_head(cx, seg)?;
    let gap = &seg[..m.start()];
    let gap_ok = gap.split_whitespace().count() <= 4
        && tokenize(gap, |_| false).iter().all(|t| {
            let f = fold(t.text);
            let f = f.trim_end_matches('\'');
            // Capitalised words and acronyms: "is the BAM secretary-general".
            t.text.chars().next().is_some_and(char::is_uppercase)
                || cx.p.determiners.contains(f)
                || cx.p.rank_modifiers.contains_key(f)
                || cx.p.former_markers.contains(f)
                || cx.p.role_stop_words.contains(f)
                || f == "as"
                || f == "comme"
                // English puts the portfolio first: "X became health minister".
                || (lang.code == "en"
                    && !t.punct
                    && !lang.function_words.contains(f)
                    && !f.ends_with("ing")
                    && !f.ends_with("ed"))
        });
    if !gap_ok {
        return None;
    }
    let mut role = build_role(seg, m.start(), m.end(), lang, rules, Some(0))?;
    // "X, who will become senior vice-principal": not the title X holds now.
    role.former |= link.iter().any(|w| cx.p.future_words.contains(w));
    Some(role)
}

/// "la ministre ..., X" (comma) or "Finance Minister X" / "le ministre de l'Intérieur X".
fn role_before(
    cx: &Ctx,
    a: usize,
    b: usize,
    prev_end: Option<usize>,
    lang: &LangRules,
    rules: &Rules,
) -> Option<Role> {
    if a == 0 {
        return None;
    }
    let (seg_end, direct) = if cx.toks[a - 1].text == "," {
        (a - 1, false)
    } else if !cx.toks[a - 1].punct {
        (a, true)
    } else {
        return None;
    };
    let mut seg_start = cx.segment_before(seg_end);
    if seg_start >= seg_end {
        return None;
    }
    // A portfolio listed with commas ("ministre de la Santé, de l'Hygiène publique et de la
    // Couverture maladie universelle, X"): walk back over clauses that continue a title.
    if !direct {
        let mut steps = 0;
        while steps < 3
            && !cx
                .p
                .head_regex
                .is_match(&cx.text[cx.toks[seg_start].start..cx.toks[seg_end - 1].end])
            && seg_start >= 2
            && cx.toks[seg_start - 1].text == ","
            && cx.word(seg_start).is_some_and(|_| {
                cx.p.portfolio_connectors
                    .contains(cx.folded[seg_start].trim_end_matches('\''))
            })
        {
            seg_start = cx.segment_before(seg_start - 1);
            steps += 1;
        }
    }
    let seg = &cx.text[cx.toks[seg_start].start..cx.toks[seg_end - 1].end];
    let heads: Vec<_> =
        cx.p.head_regex
            .find_iter(seg)
            .filter(|m| !seg[m.end()..].starts_with("'s") && !seg[m.end()..].starts_with("’s"))
            // "Dean Kearney of New Zealand Cave Search": a given name, not a title.
            .filter(|m| {
                !(cx.p.given_name_heads.contains(&fold(m.as_str()))
                    && m.as_str().starts_with(char::is_uppercase)
                    && seg[m.end()..]
                        .strip_prefix(' ')
                        .is_some_and(|r| r.starts_with(char::is_uppercase)))
            })
            .collect();
    let m = if direct {
        // "le vice-président de Voltéra Batteries, Marc-André Gingras": a run followed by a
        // comma and a name fills the role's slot, not the name's.
        // A possessive after the comma opens a role ("Superintendent Anna Kovac, Gippsland's
        // divisional police commander").
        if cx.toks.get(b + 1).is_some_and(|t| t.text == ",")
            && cx.name_word(b + 2)
            && !possessive(cx.toks.get(b + 2).map(|t| t.text))
        {
            return None;
        }
        heads.last()?
    } else {
        // "le wali X et le président du conseil, Y": after a coordinator, the title that
        // follows it is Y's.
        let coordinated = cx.p.coordinators.iter().filter_map(|c| {
            crate::text::fold(seg)
                .rfind(&format!(" {c} "))
                .map(|i| i + c.len() + 2)
        });
        let after = coordinated.max().unwrap_or(0);
        heads
            .iter()
            .find(|h| h.start() >= after)
            .or(heads.first())?
    };
    if direct {
        // "le syndic Philippe Gindroz au micro de Radio Romande Info": a title before another
        // name is that name's.
        if prev_end.is_some_and(|pe| cx.toks[seg_start].start + m.end() < pe) {
            return None;
        }
        // Only connectors, capitalised words and the adjectives of a title ("le juge fédéral
        // X", "le ministre délégué X") may stand between the head and the name.
        // After a connector, a portfolio in lowercase words ("la directrice des opérations
        // Claire Weyland").
        let gap = &seg[m.end()..];
        // "Finance Minister Jane Doe and Peter Oduya": a name coordinated with the titled one
        // holds no title of it.
        let last_gap_word = gap.split_whitespace().last().map(fold);
        if last_gap_word.is_some_and(|w| cx.p.coordinators.contains(&w)) {
            return None;
        }
        let mut portfolio = false;
        let ok = gap.split_whitespace().count() <= 5
            && tokenize(gap, |_| false).iter().all(|t| {
                let f = fold(t.text);
                let connector = is_connector(f.trim_end_matches(['\'', '’']), cx.p);
                let fits = is_cap(t.text)
                    || connector
                    || cx.p.title_adjectives.contains(&f)
                    || cx.p.rank_modifiers.contains_key(&f)
                    || (portfolio && !t.punct && !lang.function_words.contains(&f));
                portfolio |= connector;
                fits
            });
        if !ok {
            return None;
        }
    } else if seg[m.start()..].split_whitespace().count() > 30 {
        return None;
    }
    let mut role = build_role(seg, m.start(), m.end(), lang, rules, None)?;
    // "president and chief executive Ramon Villaluz": the first title is held too.
    let joined = heads
        .iter()
        .rev()
        .find(|h| h.end() <= m.start())
        .filter(|h| {
            let gap = fold(seg[h.end()..m.start()].trim());
            cx.p.coordinators.contains(&gap)
        });
    if let (Some(h), None) = (joined, &role.also) {
        role.also =
            build_role(&seg[..h.end()], h.start(), h.end(), lang, rules, None).map(Box::new);
    }
    Some(role)
}

/// A role from a clause and the head found in it. The role runs from `from` when given, else
/// from the head (with the rank words and capitalised words before it: "Deputy Finance
/// Minister"), to the end of the clause.
fn build_role(
    seg: &str,
    hs: usize,
    he: usize,
    lang: &LangRules,
    rules: &Rules,
    from: Option<usize>,
) -> Option<Role> {
    let p = &lang.person;
    let head = p.head_of(&seg[hs..he])?;
    // Extend the start back over capitalised words and rank or former words.
    let mut start = hs;
    let mut former = false;
    let mut rank = Vec::new();
    let mut back = seg[..hs].trim_end();
    let mut steps = 0;
    while steps < 4 {
        let mut wstart =
            crate::text::after_last(back, |c| c.is_whitespace() || c == '\'' || c == '’');
        // A possessive belongs to the role: "KenGen's managing director".
        if &back[wstart..] == "s" && wstart >= 2 {
            wstart = crate::text::after_last(&back[..wstart - 1], |c| c.is_whitespace());
        }
        // A plural one too: "Federated Farmers' regional president".
        if wstart == back.len() && (back.ends_with("s'") || back.ends_with("s’")) {
            let stem = back.trim_end_matches(['\'', '’']);
            wstart = crate::text::after_last(stem, |c| c.is_whitespace());
        }
        let w = &back[wstart..];
        if w.is_empty() {
            break;
        }
        let f = fold(w);
        let f = f.trim_end_matches('-');
        if p.former_markers.contains(f) || p.former_markers.contains(&format!("{f}-")) {
            former = true;
            break;
        } else if let Some(id) = rank_id(f, p) {
            if !rank.contains(id) {
                rank.push(id.clone());
            }
            start = wstart;
        } else if let Some((id, rstart)) = is_connector(f, p)
            .then(|| {
                // "substitut du procureur": a rank word joined to the head by a connector.
                let before = back[..wstart].trim_end();
                let rs = crate::text::after_last(before, |c| c.is_whitespace());
                p.rank_modifiers
                    .get(fold(&before[rs..]).as_str())
                    .map(|id| (id, rs))
            })
            .flatten()
        {
            rank.push(id.clone());
            start = rstart;
            back = back[..rstart].trim_end();
            steps += 2;
            continue;
        } else if w
            .strip_prefix('(')
            .and_then(|x| x.strip_suffix(')'))
            .is_some_and(|x| x.len() >= 2 && x.chars().all(char::is_uppercase))
        {
            // "Ethics and Anti-Corruption Commission (EACC) chief executive": the body's
            // acronym in brackets belongs to the role.
            start = wstart;
        } else if is_cap(w) && !p.not_names.contains(f) || is_cap(w) && lang.code == "en" {
            start = wstart;
        } else if lang.code == "en" && p.coordinators.iter().any(|c| c == f) && start < hs {
            // "Home Affairs and Internal Security Minister", "Tourism and Wildlife Cabinet
            // Secretary": a portfolio joined by a coordinator, when the word before it is a
            // portfolio word, or one capitalised word that opens the clause, not a name's
            // ("Tony Blair and Finance Minister X", "met Ruto and Finance Minister X").
            let before = back[..wstart].trim_end();
            let ps = crate::text::after_last(before, |c| c.is_whitespace());
            let prev = &before[ps..];
            let earlier = before[..ps].trim_end();
            let earlier = &earlier[crate::text::after_last(earlier, |c| c.is_whitespace())..];
            let opens = earlier.is_empty()
                || p.determiners.contains(&fold(earlier))
                || possessive(Some(earlier));
            if !(is_cap(prev) && (p.not_names.contains(&fold(prev)) || opens)) {
                break;
            }
            back = before;
            continue;
        } else if lang.code == "en"
            && !lang.function_words.contains(f)
            && !p.determiners.contains(f)
            && !p.speech_verbs.iter().any(|v| v == f)
            && !f.ends_with("ed")
            && f.chars().all(|c| c.is_alphanumeric() || c == '\'')
        {
            // English puts the portfolio before the head: "the trust's medical director".
            start = wstart;
        } else {
            break;
        }
        back = back[..wstart].trim_end();
        steps += 1;
    }
    if let Some(f) = from {
        // Leading determiners are not part of the role ("the", "l'").
        let mut st = f;
        for (off, w) in crate::text::words(&seg[f..hs]) {
            let fw = fold(w);
            let fw = fw.split('\'').next().unwrap_or("");
            if p.determiners.contains(fw) {
                st = f + off + w.len();
                if w.ends_with(['\'', '’']) || fold(w).contains('\'') {
                    st = f
                        + off
                        + w.find(['\'', '’'])
                            .map(|i| i + w[i..].chars().next().map(char::len_utf8).unwrap_or(1))
                            .unwrap_or(w.len());
                }
            } else {
                break;
            }
        }
        start = start.min(st.max(f));
        if p.former_markers.iter().any(|m| {
            fold(&seg[f..hs])
                .split(|c: char| !c.is_alphanumeric())
                .any(|w| w == m)
        }) {
            former = true;
        }
    }
    // "Transportation Secretary": a capitalised portfolio word right before the head makes
    // it the office `after_portfolio` names.
    let head = match &head.after_portfolio {
        Some(id) if start < hs => {
            let before = seg[..hs].trim_end();
            let w = &before[crate::text::after_last(before, |c| c.is_whitespace())..];
            let portfolio = is_cap(w)
                && rank_id(&fold(w), p).is_none()
                && !lang.function_words.contains(&fold(w));
            match p.heads.iter().find(|h| &h.id == id) {
                Some(h) if portfolio => h,
                _ => head,
            }
        }
        _ => head,
    };
    let text = seg[start..]
        .trim()
        .trim_end_matches([',', '.', ';', ':'])
        .trim()
        .to_string();
    let folded = fold(&text);
    // Rank and former words inside the role ("secrétaire d'État adjoint", "vice-président").
    let mut stripped = folded.clone();
    for re in &p.role_strip {
        stripped = re.replace_all(&stripped, " ").into_owned();
    }
    let mut portfolio: Vec<String> = Vec::new();
    // Rank words written into the head's own form ("vice-chancellor", "deputy mayor") are
    // the head's, not a rank.
    let also = coordinated_head(seg, he, p)
        .and_then(|(s2, e2)| build_role(seg, s2, e2, lang, rules, None))
        .map(Box::new);
    let mut head_form = fold(&seg[hs..he]);
    if let Some(a) = &also {
        // The joined title's words are no portfolio of this one.
        head_form.push(' ');
        head_form.push_str(&fold(&a.title));
    }
    let head_form: Vec<&str> = head_form.split(|c: char| !c.is_alphanumeric()).collect();
    let mut office = false;
    for w in stripped.split(|c: char| !c.is_alphanumeric()) {
        office |= p.office_words.contains(w);
        if w.is_empty() || head_form.contains(&w) {
            continue;
        }
        if let Some(id) = p.rank_modifiers.get(w) {
            if !rank.contains(id) {
                rank.push(id.clone());
            }
            continue;
        }
        if p.former_markers.contains(w) {
            former = true;
            continue;
        }
        if head.words.iter().any(|h| h == w)
            || p.role_stop_words.contains(w)
            || lang.function_words.contains(w)
        {
            continue;
        }
        let stem: String = w.chars().take(rules.names.stem_length).collect();
        if !portfolio.contains(&stem) {
            portfolio.push(stem);
        }
    }
    // Rank words written into the head form ("vice-président") are the head's own.
    if head.id.starts_with("vice") || head.id.starts_with("deputy") {
        rank.retain(|r| r != "deputy");
    }
    rank.sort();
    let title = {
        // A head form may end on its connector ("commandant du"): the title is the noun.
        let mut h = seg[hs..he].trim_end().to_string();
        while let Some((rest, last)) = h.rsplit_once(' ') {
            let last = fold(last);
            if !is_connector(last.trim_end_matches(['\'', '’']), &lang.person) {
                break;
            }
            h = rest.to_string();
        }
        rank_display(seg, start, hs, he, h, &rank, p)
    };
    Some(Role {
        text,
        title,
        head_id: head.id.clone(),
        ladder: head.ladder.clone(),
        unique: head.unique || office,
        alone: head.alone,
        rank,
        portfolio,
        former,
        also,
    })
}

/// The head of a second title joined to the one ending at `he` by a coordinator: "president
/// and chief executive", "président et directeur général".
fn coordinated_head(seg: &str, he: usize, p: &PersonRules) -> Option<(usize, usize)> {
    let rest = &seg[he..];
    let (off, w) = crate::text::words(rest).next()?;
    if !rest[..off].trim().is_empty() || !p.coordinators.contains(&fold(w)) {
        return None;
    }
    let after = &seg[he + off + w.len()..];
    let start = he + off + w.len() + (after.len() - after.trim_start().len());
    let m = p.head_regex.find_at(seg, start)?;
    (m.start() == start).then_some((m.start(), m.end()))
}

/// The rank a folded word gives a title ("adjointe", "vice" written "vice-").
fn rank_id<'p>(f: &str, p: &'p PersonRules) -> Option<&'p String> {
    p.rank_modifiers
        .get(f)
        .or_else(|| p.rank_modifiers.get(&format!("{f}-")))
}

/// A title as the reader wrote it: the head with its rank words in their place ("ministre
/// déléguée", "deputy mayor"), not the rank ids the comparison uses.
fn rank_display(
    seg: &str,
    start: usize,
    hs: usize,
    he: usize,
    head: String,
    rank: &[String],
    p: &PersonRules,
) -> String {
    if rank.is_empty() {
        return head;
    }
    let (mut before, mut after) = (Vec::new(), Vec::new());
    let mut found: Vec<&String> = Vec::new();
    let lo = start.min(hs);
    for (off, w) in crate::text::words(&seg[lo..]) {
        let at = lo + off;
        if at >= hs && at < he {
            continue;
        }
        // "lieutenante-gouverneure": the rank written into the head's word.
        let w = if at < hs && at + w.len() > hs {
            &seg[at..hs]
        } else {
            w
        };
        let Some(id) = rank_id(fold(w).trim_end_matches('-'), p) else {
            continue;
        };
        if !rank.contains(id) || found.contains(&id) {
            continue;
        }
        found.push(id);
        if at < hs {
            // "substitut du procureur": the connector stays between the rank and the head.
            let gap = &seg[at + w.len()..hs];
            let joined = crate::text::words(gap).all(|(_, g)| is_connector(&fold(g), p));
            if joined && !gap.trim().is_empty() {
                before.push(seg[at..hs].trim_end());
            } else {
                before.push(w);
            }
        } else {
            after.push(w);
        }
    }
    if found.len() < rank.len() {
        // A rank not written as a word of its own here keeps its id.
        return format!("{} {head}", rank.join(" "));
    }
    let mut out = String::new();
    for w in before
        .into_iter()
        .chain(std::iter::once(head.as_str()))
        .chain(after)
    {
        if !out.is_empty() && !out.ends_with('-') {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// Links short mentions to the full names they end, drops unlinked single words, and turns
/// the rest into claims.
fn link(article: usize, mentions: Vec<Mention>, lang: &LangRules, rules: &Rules) -> Vec<Claim> {
    let pieces = |m: &Mention| -> Vec<String> {
        m.tokens
            .iter()
            .flat_map(|t| {
                fold(t)
                    .split(['-', '\''])
                    .map(str::to_string)
                    .collect::<Vec<_>>()
            })
            .collect()
    };
    // A later short mention with evidence ("Oosthuizen said") confirms the full name it ends.
    let mut mentions = mentions;
    let snapshot: Vec<(Vec<String>, &'static str)> =
        mentions.iter().map(|m| (pieces(m), m.evidence)).collect();
    for m in mentions
        .iter_mut()
        .filter(|m| m.tokens.len() >= 2 && m.evidence.is_empty())
    {
        let mine = pieces(m);
        if snapshot
            .iter()
            .any(|(p, e)| !e.is_empty() && p.len() < mine.len() && mine.ends_with(p))
        {
            m.evidence = "named again with evidence";
        }
    }
    // "Mehdi Chokri ... Chokri a tenté": a full name that the article cuts down to its last
    // word is a person's; places and bodies are not shortened that way.
    let snapshot: Vec<Vec<String>> = mentions.iter().filter(|m| !m.cut).map(pieces).collect();
    let place = |m: &Mention| {
        m.tokens
            .first()
            .is_some_and(|t| lang.person.place_prefixes.contains(&fold(t)))
    };
    for m in mentions
        .iter_mut()
        .filter(|m| m.tokens.len() >= 2 && m.evidence.is_empty() && !place(m))
    {
        let mine = pieces(m);
        if snapshot.iter().any(|p| {
            p.len() < mine.len() && mine.ends_with(p) && p.last().is_some_and(|w| w.len() >= 3)
        }) {
            m.evidence = "named again by surname";
        }
    }
    let fulls: Vec<(usize, Vec<String>)> = mentions
        .iter()
        .enumerate()
        .filter(|(_, m)| m.tokens.len() >= 2 && !m.evidence.is_empty())
        .map(|(i, m)| (i, pieces(m)))
        .collect();
    let mut claims = Vec::new();
    for (i, m) in mentions.iter().enumerate() {
        let mine = pieces(m);
        // The longest evidenced full name that this mention ends (or is).
        let target = fulls
            .iter()
            .filter(|(j, f)| *j != i && f.len() > mine.len() && f.ends_with(&mine))
            .max_by_key(|(j, f)| (f.len(), usize::MAX - j))
            .map(|(j, _)| &mentions[*j]);
        let (tokens, full, evidence) = match target {
            Some(t) => (t.tokens.clone(), false, "linked to a full name"),
            None if m.tokens.len() >= 2 => (m.tokens.clone(), true, m.evidence),
            None => continue,
        };
        let key = NameKey::new(&tokens, &rules.names);
        if key.parts.len() < 2 && full {
            continue;
        }
        for role in std::iter::once(m.role.clone()).chain(m.grade.clone().map(Some)) {
            let detail = PersonDetail {
                tokens: tokens.clone(),
                full,
                head_id: role.as_ref().map(|r| r.head_id.clone()),
                ladder: role.as_ref().and_then(|r| r.ladder.clone()),
                unique_office: role.as_ref().is_some_and(|r| r.unique),
                alone: role.as_ref().is_some_and(|r| r.alone),
                rank: role.as_ref().map(|r| r.rank.clone()).unwrap_or_default(),
                portfolio: role
                    .as_ref()
                    .map(|r| r.portfolio.clone())
                    .unwrap_or_default(),
                former: role.as_ref().is_some_and(|r| r.former),
                evidence,
                role_span: None,
            };
            claims.push(Claim {
                article,
                kind: "person",
                start: m.start,
                end: m.end,
                text: m.tokens.join(" "),
                subject: key.loose(),
                value: ClaimValue::Person(PersonValue {
                    name: tokens.join(" "),
                    role: role.as_ref().map(|r| r.text.clone()),
                    title: role.as_ref().map(|r| r.title.clone()),
                    detail,
                }),
            });
        }
    }
    claims
}
