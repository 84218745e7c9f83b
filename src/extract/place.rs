//! Places: where a sentence says something happens. A capitalised name after a town
//! preposition ("à Rabat", "in Halifax", "near Buchan") is a town even when the gazetteer lacks
//! it; after other prepositions ("au", "en", "at") a name is a place only when the gazetteer,
//! a venue word ("au stade Mohammed V", "at Halifax General Hospital") or a region word ("la
//! région de Kédougou", "Nakuru County") says so. A name set beside another by a comma, in
//! brackets or after "near" ("Salgaa, in Nakuru County"; "Savli (Gujarat)") is recorded as
//! related to it, so that the story learns which of its places contain which; a list ("à
//! Pepinster, Verviers et Trooz") relates nothing. Rules: rules/<lang>/places.toml and the
//! gazetteer rules/common/places.toml.
use super::tokens::{tokenize, Tok};
use crate::claims::{Claim, ClaimValue, PlaceDetail, PlaceValue};
use crate::input::Article;
use crate::rules::places::{key, PlaceKind, PlaceRules};
use crate::rules::{LangRules, Rules};
use crate::segment::{BlockClass, Segmented};
use crate::text::{fold, lower};

/// One place a sentence names, by token indexes.
#[derive(Debug, Clone)]
struct Mention {
    /// Tokens of the whole mention (venue or region word included).
    first: usize,
    last: usize,
    /// Tokens of the name itself.
    name_first: usize,
    name_last: usize,
    kind: PlaceKind,
    list: bool,
    /// Indexes of the mentions of the sentence it is related to.
    related: Vec<usize>,
    /// The first place of its list or apposition, whose clause leads to them all.
    lead: Option<usize>,
    /// Placed by a direction from it ("north of Bairnsdale"): a landmark, not the place.
    relative: bool,
    /// The first words of a venue's name ("Portimão | Arena"), which may be its town.
    in_venue: bool,
    /// For a venue, the first token of the town it names after a town connector ("le centre
    /// des congrès de | Baie-Comeau").
    town_first: Option<usize>,
    /// The town is read from an institution's name after one connector ("port de Safi"), not
    /// from a longer name ("tribunal de première instance de Daloa").
    seat: bool,
}

impl Mention {
    /// A place whose name is all of its tokens `first..=last`, standing alone.
    fn new(first: usize, last: usize, kind: PlaceKind) -> Self {
        Mention {
            first,
            last,
            name_first: first,
            name_last: last,
            kind,
            list: false,
            related: Vec::new(),
            lead: None,
            relative: false,
            in_venue: false,
            seat: false,
            town_first: None,
        }
    }
}

/// `persons`: byte ranges of the article's person names, which are never places.
pub fn extract(
    article: &Article,
    seg: &Segmented,
    rules: &Rules,
    persons: &[(usize, usize)],
    sentences: &super::context::Sentences,
) -> Vec<Claim> {
    let lang = rules.lang(&article.meta.lang);
    let mut out = Vec::new();
    for (si, s) in seg.sentences.iter().enumerate() {
        let text = &article.text[s.start..s.end];
        // Every place this module reads starts with a capital letter.
        if !text.chars().skip(1).any(char::is_uppercase) {
            continue;
        }
        let head = article.text[..s.start].trim_end_matches([' ', '\t', '*', '#']);
        let line_start = head.is_empty() || head.ends_with('\n');
        if line_start {
            if let Some(c) = dateline(article, s.start, text, lang) {
                out.push(c);
            }
        }
        let toks = tokenize(text, |w| lang.abbreviations.contains(&fold(w)));
        let is_person = |t: &Tok| {
            let (a, b) = (s.start + t.start, s.start + t.end);
            persons.iter().any(|&(ps, pe)| a < pe && ps < b)
        };
        let mentions = mentions(&toks, lang, &is_person);
        if mentions.is_empty() {
            continue;
        }
        let sentence = sentences.get(si);
        let name_of = |m: &Mention| {
            let raw = &text[toks[m.name_first].start..toks[m.name_last].end];
            raw.trim_end_matches("'s")
                .trim_end_matches("’s")
                .to_string()
        };
        for m in &mentions {
            let name = name_of(m);
            let (ms, me) = (toks[m.first].start, toks[m.last].end);
            let clause_at = m.lead.map_or(ms, |l| toks[mentions[l].first].start);
            let related: Vec<String> = m
                .related
                .iter()
                .map(|&r| key(&name_of(&mentions[r])))
                .collect();
            // "Solukhumbu district", "la région de Kédougou": the word that makes it a region.
            let level = (m.kind == PlaceKind::Region)
                .then(|| {
                    [
                        Some(m.first).filter(|&f| f < m.name_first),
                        Some(m.name_last + 1).filter(|&k| k <= m.last + 1),
                        Some(m.name_last),
                    ]
                    .into_iter()
                    .flatten()
                    .filter_map(|k| toks.get(k))
                    .map(|t| fold(t.text))
                    .find(|w| lang.places.region_words.contains(w))
                })
                .flatten();
            let of_name = named_before(&toks, m, lang, &is_person, &mentions);
            let detail = PlaceDetail {
                kind: m.kind,
                level,
                of_name,
                list: m.list,
                relative: m.relative,
                in_venue: m.in_venue,
                seat: m.seat,
                sentence: (s.start, s.end),
                related,
                event: sentence.event(clause_at, me),
                ..PlaceDetail::default()
            };
            out.push(Claim::in_sentence(
                article.id,
                s.start,
                text,
                (ms, me),
                "place",
                sentence.subject(ms, me),
                ClaimValue::Place(place_value(name, lang, detail)),
            ));
        }
    }
    // The headline's towns ("Pollution minière à Thio : ..."), which may only agree.
    for b in seg.blocks.iter().filter(|b| b.class == BlockClass::Title) {
        let Some(text) = article.text.get(b.start..b.end) else {
            continue;
        };
        let toks = tokenize(text, |w| lang.abbreviations.contains(&fold(w)));
        for m in mentions(&toks, lang, &|_| false) {
            if m.kind != PlaceKind::Locality || m.in_venue || m.relative {
                continue;
            }
            let span = (toks[m.name_first].start, toks[m.name_last].end);
            let name = text[span.0..span.1].to_string();
            out.extend(
                heading_claim(article, b.start, text, span, name, lang).map(|mut c| {
                    if let ClaimValue::Place(p) = &mut c.value {
                        p.detail.headline = true;
                    }
                    c
                }),
            );
        }
    }
    out
}

/// The proper name a town is given for, right before its preposition ("Rangeview State
/// College in Warwick", "l'entreprise Chimourthe, à Hamoir"), as written, when it is no person,
/// no place of the sentence and no lone capital opening the sentence.
fn named_before(
    toks: &[Tok],
    m: &Mention,
    lang: &LangRules,
    is_person: &dyn Fn(&Tok) -> bool,
    mentions: &[Mention],
) -> Option<String> {
    let p = &lang.places;
    if m.kind != PlaceKind::Locality || m.list || m.relative || m.in_venue {
        return None;
    }
    let mut k = m.first.checked_sub(1)?;
    while k > 0 && p.determiners.contains(&lower(toks[k].text)) {
        k -= 1;
    }
    let prep = crate::rules::places::elided(&lower(toks[k].text));
    if !p
        .town_prepositions
        .iter()
        .any(|s| s.len() == 1 && s[0] == prep)
    {
        return None;
    }
    let mut end = k.checked_sub(1)?;
    if toks[end].text == "," {
        end = end.checked_sub(1)?;
    }
    let mut start = end;
    while start > 0 && is_cap(&toks[start - 1]) && !is_person(&toks[start - 1]) {
        start -= 1;
    }
    let run = &toks[start..=end];
    let first = fold(run[0].text);
    // A venue's name is what the town locates; another place is only set beside it.
    let placed = mentions
        .iter()
        .any(|o| o.first <= end && start <= o.last && o.kind != PlaceKind::Venue && !o.in_venue);
    let calendar =
        lang.dates.months.contains_key(&first) || lang.dates.weekdays.contains_key(&first);
    if !run.iter().all(|t| is_cap(t) && !is_person(t))
        || (start == 0 && run.len() == 1)
        || placed
        || calendar
        || p.not_places.contains(&first)
        || lang.function_words.contains(&first)
    {
        return None;
    }
    Some(run.iter().map(|t| t.text).collect::<Vec<_>>().join(" "))
}

fn is_cap(t: &Tok) -> bool {
    !t.punct && t.text.chars().next().is_some_and(char::is_uppercase)
}

/// The length of the preposition that starts at `i`, whether it introduces towns, and whether
/// it is a direction from one. `lowered`: the sentence's tokens lowercased, once for all
/// positions.
fn preposition_at(
    toks: &[Tok],
    lowered: &[String],
    i: usize,
    p: &PlaceRules,
) -> Option<(usize, bool, bool)> {
    if !lowered
        .get(i)
        .is_some_and(|w| p.preposition_starts.contains(w))
    {
        return None;
    }
    let matches = |seq: &Vec<String>| {
        seq.iter().enumerate().all(|(k, w)| {
            toks.get(i + k).is_some_and(|t| !t.punct) && lowered.get(i + k) == Some(w)
        })
    };
    if let Some(seq) = p.relative_prepositions.iter().find(|s| matches(s)) {
        return Some((seq.len(), true, true));
    }
    if let Some(seq) = p.town_prepositions.iter().find(|s| matches(s)) {
        return Some((seq.len(), true, false));
    }
    p.other_prepositions
        .iter()
        .find(|s| matches(s))
        .map(|seq| (seq.len(), false, false))
}

/// The capitalised run of a name from `j`, with lowercase connectors inside ("Boulogne-sur-Mer"
/// is one token; "Port of Spain", "Saint-Louis du Sénégal"): its last token.
fn name_run(toks: &[Tok], j: usize, lang: &LangRules) -> Option<usize> {
    let p = &lang.places;
    if !toks.get(j).is_some_and(is_cap) {
        return None;
    }
    // A month or weekday ends a name ("Buchan on Tuesday" is not one place).
    let calendar = |t: &Tok| {
        let f = fold(t.text);
        lang.dates.months.contains_key(&f) || lang.dates.weekdays.contains_key(&f)
    };
    let mut last = j;
    let mut k = j + 1;
    while k < toks.len() {
        if is_cap(&toks[k]) && !calendar(&toks[k]) {
            last = k;
            k += 1;
        } else if let Some(n) = (1..=2).find(|&n| {
            // One connector or two in a row ("Rincón de los Sauces") before a capital.
            (k..k + n).all(|x| {
                toks.get(x)
                    .is_some_and(|t| !t.punct && p.connectors.contains(&fold(t.text)))
            }) && toks.get(k + n).is_some_and(|t| is_cap(t) && !calendar(t))
        }) {
            k += n;
        } else if let Some(end) = venue_and(toks, k, p) {
            // "the Stawell Sports and Aquatic Centre": "and" inside a venue's name.
            last = end;
            k = end + 1;
        } else {
            break;
        }
    }
    Some(last)
}

/// Where a venue's name goes on after "and" ("Sports and Aquatic Centre"): the last of the
/// capitalised words after it, when that word is a venue word. Two towns joined by "and" are
/// a list, not one name.
fn venue_and(toks: &[Tok], k: usize, p: &PlaceRules) -> Option<usize> {
    let t = toks.get(k)?;
    if (t.punct && t.text != "&") || !matches!(fold(t.text).as_str(), "and" | "&" | "et") {
        return None;
    }
    let mut end = None;
    let mut j = k + 1;
    while toks.get(j).is_some_and(is_cap) {
        end = Some(j);
        j += 1;
    }
    end.filter(|&e| p.venue_words.contains(&fold(toks[e].text)))
}

/// The town of a dateline opening a paragraph, in capitals ("KITWE — The collapse...",
/// "**CHINGOLA, Zambia** — Families...", "DAKAR (AFP) - ..."): where the report was filed.
fn dateline(article: &Article, start: usize, text: &str, lang: &LangRules) -> Option<Claim> {
    let lead = text.trim_start_matches(['*', ' ']);
    let at = text.len() - lead.len();
    // The town: words in capitals, three letters or more in all.
    let town_len = lead
        .char_indices()
        .find(|&(_, c)| !(c.is_uppercase() || matches!(c, ' ' | '-' | '\'' | '’' | '.')))
        .map_or(lead.len(), |(i, _)| i);
    let town = lead[..town_len].trim_end_matches([' ', '-', '.']);
    if town.chars().filter(|c| c.is_alphabetic()).count() < 3 {
        return None;
    }
    // After it, a country or region in its own case, an agency in brackets, then a dash.
    let mut rest = lead[town.len()..].trim_start_matches('*');
    if let Some(r) = rest.strip_prefix(',') {
        let r = r.trim_start();
        let region = r
            .char_indices()
            .find(|&(_, c)| !(c.is_alphabetic() || c == ' ' || c == '-'))
            .map_or(r.len(), |(i, _)| i);
        if region == 0 || r[..region].split_whitespace().count() > 3 {
            return None;
        }
        rest = &r[region..];
    }
    let mut rest = rest.trim_start_matches(['*', ' ']);
    if rest.starts_with('(') {
        let close = rest.find(')').filter(|&i| i <= 16)?;
        rest = rest[close + 1..].trim_start();
    }
    if !rest.starts_with(['—', '–', '-']) {
        return None;
    }
    let name: String = town
        .split(' ')
        .map(|w| {
            let mut cs = w.chars();
            cs.next().map_or(String::new(), |f| {
                f.to_uppercase()
                    .chain(cs.flat_map(char::to_lowercase))
                    .collect()
            })
        })
        .collect::<Vec<_>>()
        .join(" ");
    heading_claim(article, start, text, (at, at + town.len()), name, lang)
}

/// A town named in a heading (a dateline or the headline), which may only agree.
fn heading_claim(
    article: &Article,
    start: usize,
    text: &str,
    (ms, me): (usize, usize),
    name: String,
    lang: &LangRules,
) -> Option<Claim> {
    if lang
        .places
        .gazetteer
        .get(&key(&name))
        .is_some_and(|p| p.kind != PlaceKind::Locality)
    {
        return None;
    }
    let detail = PlaceDetail {
        kind: PlaceKind::Locality,
        heading: true,
        sentence: (start, start + text.len()),
        ..PlaceDetail::default()
    };
    Some(Claim::in_sentence(
        article.id,
        start,
        text,
        (ms, me),
        "place",
        String::new(),
        ClaimValue::Place(place_value(name, lang, detail)),
    ))
}

/// A place's value, its name looked up in the gazetteer: the gazetteer's spelling, key and
/// containing places when it knows the name. `detail` comes without key and containers.
fn place_value(name: String, lang: &LangRules, mut detail: PlaceDetail) -> PlaceValue {
    let k = key(&name);
    let known = lang.places.gazetteer.get(&k);
    let mut within: Vec<String> = known.map(|p| p.within.clone()).unwrap_or_default();
    within.retain(|w| !w.is_empty());
    detail.key = known.map_or(k, |p| key(&p.name));
    PlaceValue {
        name: known.map_or(name, |p| p.name.clone()),
        kind: detail.kind.as_str(),
        within: within
            .iter()
            .filter_map(|w| lang.places.gazetteer.get(w).map(|p| p.name.clone()))
            .collect(),
        detail: PlaceDetail { within, ..detail },
    }
}

fn mentions(toks: &[Tok], lang: &LangRules, is_person: &dyn Fn(&Tok) -> bool) -> Vec<Mention> {
    let p = &lang.places;
    let lowered: Vec<String> = toks
        .iter()
        .map(|t| crate::rules::places::elided(&lower(t.text)))
        .collect();
    let mut out: Vec<Mention> = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let Some((len, town, relative)) = preposition_at(toks, &lowered, i, p) else {
            i += 1;
            continue;
        };
        let mut j = i + len;
        // A capitalised article before a capitalised name is part of it ("à La Malbaie").
        let named_article = |j: usize| {
            toks.get(j).is_some_and(is_cap)
                && toks.get(j + 1).is_some_and(|t| is_cap(t) && !t.punct)
        };
        while toks
            .get(j)
            .is_some_and(|_| lowered.get(j).is_some_and(|l| p.determiners.contains(l)))
            && !named_article(j)
        {
            j += 1;
        }
        // "in the Himalayas", "à la Réunion": a town takes no article; after one, a name is a
        // place only when the gazetteer, a venue word or a region word says so.
        let town = town && j == i + len;
        // "au Musée des automates, au Locle, dans le canton": a name alone between commas.
        let apposed = len == 1
            && j == i + 1
            && i > 0
            && toks[i - 1].text == ","
            && p.apposition_prepositions.contains(&fold(toks[i].text))
            && toks.get(j).is_some_and(is_cap)
            && toks
                .get(j + 1)
                .is_none_or(|t| t.punct && matches!(t.text, "," | "." | ";"));
        let town = town || apposed;
        let Some(m) = mention_at(toks, j, town, lang, is_person) else {
            i += 1;
            continue;
        };
        // Set beside the previous place with nothing but a comma between ("Salgaa, in Nakuru
        // County") or after "near": related.
        let at = i;
        let gap = |prev: &Mention| {
            toks.get(prev.last + 1..at)
                .is_some_and(|g| g.iter().all(|t| t.punct && matches!(t.text, "," | "(")))
        };
        let prev = out.len();
        i = m.last + 1;
        out.push(Mention { relative, ..m });
        if prev > 0 && !out[prev - 1].list && gap(&out[prev - 1]) {
            out[prev - 1].related.push(prev);
            out[prev].related.push(prev - 1);
        }
        // Names that follow it after commas, "et" or in brackets.
        let head = out.len() - 1;
        let mut members = vec![head];
        let mut list = false;
        let mut k = i;
        while k < toks.len() {
            let t = &toks[k];
            let joiner = if t.punct {
                matches!(t.text, "," | "(")
            } else {
                let l = fold(t.text);
                if p.list_words.contains(&l) {
                    list = true;
                    true
                } else {
                    false
                }
            };
            if !joiner {
                break;
            }
            let Some(next) = mention_at(toks, k + 1, true, lang, is_person) else {
                break;
            };
            // An apposition ends at punctuation; the last member of a list may go on.
            let ends = toks
                .get(next.last + 1)
                .is_none_or(|a| a.punct || p.list_words.contains(&fold(a.text)));
            if !ends && !list {
                break;
            }
            k = next.last + 1;
            if toks.get(k).is_some_and(|t| t.text == ")") {
                k += 1;
            }
            members.push(out.len());
            out.push(Mention {
                lead: Some(head),
                ..next
            });
        }
        if members.len() > 1 {
            if list {
                for &m in &members {
                    out[m].list = true;
                    out[m].related.clear();
                }
            } else {
                for &a in &members {
                    for &b in &members {
                        if a != b && !out[a].related.contains(&b) {
                            out[a].related.push(b);
                        }
                    }
                }
            }
        }
        i = k.max(i);
    }
    // A venue named anywhere, without a preposition before it, names its town too: "l'hôpital
    // régional de Sédhiou a été inauguré", "la Cour d'appel de Marrakech a condamné".
    let mut j = 0;
    while j < toks.len() {
        let inside = out.iter().any(|m| m.first <= j && j <= m.last);
        let f = fold(toks[j].text);
        let word = f
            .strip_prefix("l'")
            .or_else(|| f.strip_prefix("l’"))
            .unwrap_or(&f);
        if inside || toks[j].punct || !p.venue_words.contains(word) {
            j += 1;
            continue;
        }
        // "the Gazipur factory": a name between a determiner and a venue word may be its
        // town, taken when the story names that town on its own (see `in_venue`).
        let mut k = j;
        while k > 0 && is_cap(&toks[k - 1]) && !is_person(&toks[k - 1]) {
            k -= 1;
        }
        let determined =
            k > 0 && k < j && lowered[k - 1..k].iter().any(|l| p.determiners.contains(l));
        let plain = determined && {
            let first = fold(toks[k].text);
            !p.not_places.contains(&first)
                && !lang.dates.months.contains_key(&first)
                && !lang.dates.weekdays.contains_key(&first)
        };
        if !is_cap(&toks[j]) && plain && !out.iter().any(|m| m.first <= k && k <= m.last) {
            out.push(Mention {
                in_venue: true,
                ..Mention::new(k, j - 1, PlaceKind::Locality)
            });
        }
        match venue_at(toks, j, PlaceKind::Venue, lang, is_person) {
            Some(v) if v.town_first.is_some() => {
                j = v.last + 1;
                out.push(v);
            }
            _ => j += 1,
        }
    }
    // A capitalised venue name may start with its town ("Portimão Arena", "Kitwe Civic
    // Centre"): each run of its first words is a candidate town, which place.conflict takes
    // only when the story names that town on its own.
    for v in 0..out.len() {
        let m = &out[v];
        if m.kind != PlaceKind::Venue || m.name_first != m.first || !is_cap(&toks[m.first]) {
            continue;
        }
        let (first, last) = (m.first, m.last);
        for (end, t) in toks.iter().enumerate().take(last).skip(first) {
            let word = fold(t.text);
            if !is_cap(t) || word.contains(['\'', '’']) || p.venue_words.contains(&word) {
                break;
            }
            let at = out.len();
            out[v].related.push(at);
            out.push(Mention {
                list: out[v].list,
                related: vec![v],
                lead: Some(v),
                relative: out[v].relative,
                in_venue: true,
                ..Mention::new(first, end, PlaceKind::Locality)
            });
        }
    }
    // The town a venue names ("le centre des congrès de Baie-Comeau") is a place of its own,
    // related to the venue, whose clause leads to both.
    for v in 0..out.len() {
        let Some(first) = out[v].town_first else {
            continue;
        };
        let Some(town) = mention_at(toks, first, true, lang, is_person) else {
            continue;
        };
        if town.kind != PlaceKind::Locality || town.last != out[v].last {
            continue;
        }
        // "les travaux du port de Safi" name the port's town, not where the event is: such a
        // town may only agree, unless a preposition places the event at the institution ("au
        // tribunal de Gagnoa", "devant le tribunal de Gagnoa").
        let placed = {
            let mut b = out[v].first;
            while b > 0
                && p.determiners
                    .contains(&crate::text::lower(toks[b - 1].text))
            {
                b -= 1;
            }
            b > 0 && {
                let w = fold(toks[b - 1].text);
                p.town_prepositions
                    .iter()
                    .chain(&p.other_prepositions)
                    .any(|s| s.len() == 1 && s[0] == w)
            }
        };
        let at = out.len();
        out[v].related.push(at);
        out.push(Mention {
            related: vec![v],
            lead: Some(v),
            list: out[v].list,
            in_venue: out[v].seat && !placed,
            seat: out[v].seat && !placed,
            ..town
        });
    }
    out
}

/// The place that starts at token `j` (after its preposition and determiners).
fn mention_at(
    toks: &[Tok],
    j: usize,
    town: bool,
    lang: &LangRules,
    is_person: &dyn Fn(&Tok) -> bool,
) -> Option<Mention> {
    let p = &lang.places;
    let t = toks.get(j)?;
    if t.punct {
        return None;
    }
    let word = fold(t.text);
    // "le stade Mohammed V", "la région de Kédougou", "le hall omnisports de Pepinster".
    // "le Musée des automates de La Chaux-de-Fonds": a capitalised venue word before lowercase
    // words opens a venue's description too.
    let described = !is_cap(t) || toks.get(j + 1).is_some_and(|n| !n.punct && !is_cap(n));
    if described && (p.venue_words.contains(&word) || p.region_words.contains(&word)) {
        let kind = if p.venue_words.contains(&word) {
            PlaceKind::Venue
        } else {
            PlaceKind::Region
        };
        return venue_at(toks, j, kind, lang, is_person);
    }
    let last = name_run(toks, j, lang)?;
    let words: Vec<String> = toks[j..=last].iter().map(|t| fold(t.text)).collect();
    let first_word = words.first()?;
    let last_word = words.last()?;
    // "à La Malbaie", "in The Hague": a capitalised article inside a sentence opens the name.
    let article_lead = j > 0 && last > j && p.determiners.contains(&lower(t.text));
    if p.not_places.contains(first_word)
        || lang.dates.months.contains_key(first_word)
        || lang.dates.weekdays.contains_key(first_word)
        || (lang.function_words.contains(first_word) && !article_lead)
        || (j..=last).any(|x| is_person(&toks[x]))
    {
        return None;
    }
    let name: String = toks[j..=last]
        .iter()
        .map(|t| t.text)
        .collect::<Vec<_>>()
        .join(" ");
    // "Malaysia's electronics industry": the possessive is no part of the name.
    let bare = name.trim_end_matches("'s").trim_end_matches("’s");
    let known = p.gazetteer.get(&key(bare));
    // "Buzi district", "the Savli plant": a lowercase noun after the name says what it is.
    let after = toks
        .get(last + 1)
        .filter(|t| !t.punct && !is_cap(t))
        .map(|t| fold(t.text))
        .unwrap_or_default();
    let kind = if p.site_words.contains(&after) && known.is_none() {
        // "at Londiani junction": the spot is the town's.
        PlaceKind::Locality
    } else if p.region_words.contains(&after) {
        PlaceKind::Region
    } else if p.venue_words.contains(&after)
        || words.iter().any(|w| p.organisation_words.contains(w))
        || p.venue_words.contains(last_word)
        || last_word
            .strip_suffix('s')
            .is_some_and(|w| p.venue_words.contains(w))
        || p.venue_words.contains(first_word)
    {
        PlaceKind::Venue
    } else if p.region_words.contains(last_word) || p.region_words.contains(first_word) {
        PlaceKind::Region
    } else if let Some(k) = known {
        k.kind
    } else if town {
        // An acronym is an organisation more often than a town ("at the BBC", "à l'ONU").
        let acronym = name.chars().filter(|c| c.is_alphabetic()).count() > 1
            && name.chars().all(|c| !c.is_lowercase());
        // "in Block C", "at Gate 4": a letter or a number ends the name of a part of a site.
        let label = toks[last].text.chars().count() == 1
            || toks[last].text.chars().all(|c| c.is_ascii_digit());
        if acronym || label || name.chars().count() < 3 {
            return None;
        }
        PlaceKind::Locality
    } else {
        return None;
    };
    Some(Mention::new(j, last, kind))
}

/// A venue or region word at `j` and the name it heads ("stade Mohammed V", "hôpital régional
/// de | Sédhiou"), whatever the case of the word.
fn venue_at(
    toks: &[Tok],
    j: usize,
    kind: PlaceKind,
    lang: &LangRules,
    is_person: &dyn Fn(&Tok) -> bool,
) -> Option<Mention> {
    let p = &lang.places;
    let mut k = j + 1;
    // A lowercase qualifier or two ("omnisports", "communautaire", "des congrès"), then a
    // connector before the name.
    let mut skipped = 0;
    let mut town_connector = false;
    let mut via_connector = false;
    while k < toks.len() && !toks[k].punct && !is_cap(&toks[k]) && skipped < 7 {
        let f = fold(toks[k].text);
        let connector = p.connectors.contains(&f);
        // "des automates et de l'horlogerie de La Chaux-de-Fonds": a second field of the
        // venue's description.
        let field = p.list_words.contains(&f)
            && toks
                .get(k + 1)
                .is_some_and(|n| !n.punct && p.connectors.contains(&fold(n.text)));
        if !connector && !field && (lang.function_words.contains(&f) || p.list_words.contains(&f)) {
            return None;
        }
        k += 1;
        skipped += 1;
        if connector && toks.get(k).is_none_or(|n| n.punct || is_cap(n)) {
            via_connector = true;
            town_connector = p.town_connectors.contains(&f);
            break;
        }
    }
    let last = name_run(toks, k, lang)?;
    if (k..=last).any(|x| is_person(&toks[x])) {
        return None;
    }
    let seat = kind == PlaceKind::Venue && town_connector && skipped < 2;
    // "le stade Ahmadou-Ahidjo de Yaoundé", "l'hôpital universitaire Justinien de
    // Cap-Haïtien": a venue's proper name, then its town after a connector, at the end of the
    // name.
    let named_town = (kind == PlaceKind::Venue && !via_connector && skipped <= 2 && last > k + 1)
        .then(|| {
            (k + 1..last).rev().find(|&x| {
                !toks[x].punct
                    && p.town_connectors.contains(&fold(toks[x].text))
                    && (x + 1..=last).all(|y| is_cap(&toks[y]))
            })
        })
        .flatten()
        .map(|x| x + 1);
    Some(Mention {
        seat,
        name_first: if kind == PlaceKind::Venue { j } else { k },
        town_first: (kind == PlaceKind::Venue
            && town_connector
            && (skipped >= 2 || p.seat_words.contains(&fold(toks[j].text))))
        .then_some(k)
        .or(named_town),
        ..Mention::new(j, last, kind)
    })
}
