//! What a sentence says of its events, once per sentence: its stemmed content words, the event
//! kinds and phases it names. Each claim of the sentence (a date, a place) then takes the words
//! outside its own span and the clause that leads to it, so that two sources' sentences about
//! one event can be matched (see `compare::events`).
use std::hash::BuildHasher;

use crate::claims::EventContext;
use crate::rules::dates::DateRules;
use crate::rules::LangRules;
use crate::text::fold;

/// One sentence, read once for all its claims.
pub struct Sentence<'a> {
    text: &'a str,
    lang: &'a LangRules,
    words: Vec<(usize, u64)>,
    kinds: Vec<String>,
    phases: Vec<usize>,
}

/// The sentences of one article, each read on first use and then shared by every extractor.
pub struct Sentences<'a> {
    text: &'a str,
    spans: Vec<(usize, usize)>,
    lang: &'a LangRules,
    stem: usize,
    cells: Vec<std::cell::OnceCell<Sentence<'a>>>,
}

impl<'a> Sentences<'a> {
    pub fn new(
        text: &'a str,
        spans: Vec<(usize, usize)>,
        lang: &'a LangRules,
        stem: usize,
    ) -> Self {
        let cells = spans.iter().map(|_| std::cell::OnceCell::new()).collect();
        Sentences {
            text,
            spans,
            lang,
            stem,
            cells,
        }
    }

    /// Sentence `i` of the article.
    pub fn get(&self, i: usize) -> &Sentence<'a> {
        self.cells[i].get_or_init(|| {
            let (a, b) = self.spans[i];
            Sentence::new(&self.text[a..b], self.lang, self.stem)
        })
    }
}

impl<'a> Sentence<'a> {
    pub fn new(text: &'a str, lang: &'a LangRules, stem: usize) -> Self {
        Sentence {
            text,
            lang,
            words: sentence_words(text, lang, stem),
            kinds: kinds_of(text, &lang.dates),
            phases: phases_of(text, &lang.dates),
        }
    }

    /// The event context of a claim at `start..end` of the sentence.
    pub fn event(&self, start: usize, end: usize) -> EventContext {
        EventContext {
            context: context_of(&self.words, start, end),
            clause: clause_of(
                self.text,
                &self.words,
                start,
                self.lang.dates.clause_words,
                &self.lang.dates,
            ),
            // A clause names no phase its sentence does not.
            clause_phases: if self.phases.is_empty() {
                Vec::new()
            } else {
                phases_of(
                    &self.text
                        [clause_start(self.text, &self.words, start, &self.lang.dates)..start],
                    &self.lang.dates,
                )
            },
            phases: self.phases.clone(),
            kinds: self.kinds.clone(),
        }
    }

    /// The `n` content words on each side of a claim, within its clause: what a figure counts
    /// ("le terminal devrait générer | 3 200 emplois | directs en phase d'exploitation";
    /// "Five people | have died").
    pub fn around(&self, start: usize, end: usize, n: usize) -> Vec<u64> {
        const MARKS: [char; 8] = [',', ';', ':', '(', ')', '—', '«', '»'];
        let mut from = self.text[..start]
            .char_indices()
            .rfind(|(_, c)| MARKS.contains(c))
            .map_or(0, |(i, c)| i + c.len_utf8());
        let mut to = self.text[end..]
            .find(MARKS)
            .map_or(self.text.len(), |i| end + i);
        // A coordinator hands the words beyond it to the next figure.
        let breaks = &self.lang.figures.context_breaks;
        if let Some((at, w)) = crate::text::words(&self.text[from..start])
            .filter(|(_, w)| breaks.contains(&fold(w)))
            .last()
        {
            from += at + w.len();
        }
        if let Some((at, _)) =
            crate::text::words(&self.text[end..to]).find(|(_, w)| breaks.contains(&fold(w)))
        {
            to = end + at;
        }
        let before: Vec<u64> = self
            .words
            .iter()
            .filter(|(i, _)| *i >= from && *i < start)
            .map(|(_, w)| *w)
            .collect();
        let mut out: Vec<u64> = before[before.len().saturating_sub(n)..].to_vec();
        out.extend(
            self.words
                .iter()
                .filter(|(i, _)| *i >= end && *i < to)
                .take(n)
                .map(|(_, w)| *w),
        );
        out.sort();
        out.dedup();
        out
    }

    /// The content words at `start..end` of the sentence.
    pub fn words_in(&self, start: usize, end: usize) -> impl Iterator<Item = u64> + '_ {
        self.words
            .iter()
            .filter(move |(i, _)| *i >= start && *i < end)
            .map(|(_, w)| *w)
    }

    /// The event noun nearest the claim, as its class ("assises" → "conférence").
    pub fn subject(&self, start: usize, end: usize) -> String {
        subject_of(self.text, start, end, &self.lang.dates)
    }
}

/// The event noun nearest a claim in its sentence, as its class ("assises" → "conférence").
fn subject_of(text: &str, start: usize, end: usize, d: &DateRules) -> String {
    let Some(re) = &d.event_regex else {
        return String::new();
    };
    // Positions in the folded sentence: fold the text up to each end of the date.
    let (start, end) = (fold(&text[..start]).len(), fold(&text[..end]).len());
    let text = &fold(text);
    // "the Oct. 28 mayoral by-election": the date modifies the event noun a word or two after it.
    let before = text[..start].trim_end();
    let attributive = d.attributive_articles.iter().any(|a| {
        before.ends_with(a.as_str()) && before[..before.len() - a.len()].ends_with([' ', '(', ','])
            || before == a
    });
    if attributive {
        if let Some(m) = re
            .find_at(text, end)
            .filter(|m| text[end..m.start()].split_whitespace().count() <= 2)
        {
            if let Some(c) = event_kind(m.as_str(), d) {
                return c.clone();
            }
        }
    }
    re.find_iter(text)
        .filter(|m| m.end() <= start || m.start() >= end)
        .filter(|m| !dated_month(text, m, d))
        .min_by_key(|m| {
            if m.end() <= start {
                start - m.end()
            } else {
                (m.start() - end) + 1
            }
        })
        .and_then(|m| event_kind(m.as_str(), d).cloned())
        .unwrap_or_default()
}

/// An event noun that is a month with a day or year beside it ("on 9 March", "March 2026"):
/// a date, not a protest march.
fn dated_month(folded: &str, m: &regex::Match, d: &DateRules) -> bool {
    if !d.months.contains_key(m.as_str()) {
        return false;
    }
    let digit = |s: &str| s.starts_with(|c: char| c.is_ascii_digit());
    let before = folded[..m.start()].trim_end_matches([' ', '.', ',']);
    let after = folded[m.end()..].trim_start_matches([' ', '.', ',']);
    before.ends_with(|c: char| c.is_ascii_digit()) || digit(after)
}

/// The kind of an event noun matched in folded text ("assises" → "conférence"), plural or not.
fn event_kind<'a>(matched: &str, d: &'a DateRules) -> Option<&'a String> {
    let f = matched.split_whitespace().collect::<Vec<_>>().join(" ");
    d.event_class
        .get(&f)
        .or_else(|| d.event_class.get(f.trim_end_matches(['s', 'x'])))
}

/// Every event kind a sentence names.
fn kinds_of(text: &str, d: &DateRules) -> Vec<String> {
    let Some(re) = &d.event_regex else {
        return Vec::new();
    };
    let folded = fold(text);
    let mut kinds: Vec<String> = re
        .find_iter(&folded)
        .filter(|m| !dated_month(&folded, m, d))
        .filter_map(|m| event_kind(m.as_str(), d).cloned())
        .collect();
    kinds.sort();
    kinds.dedup();
    kinds
}

/// The stemmed content words of a sentence with the byte offset of their word: the words two
/// sources share when they date the same event, once per sentence for all its dates.
fn sentence_words(text: &str, lang: &LangRules, stem: usize) -> Vec<(usize, u64)> {
    let d = &lang.dates;
    let mut words = Vec::new();
    for (i, w) in crate::text::words(text) {
        for part in w.split(['\'', '’', '-']) {
            let f = crate::text::fold_cow(part);
            if f.len() < 3
                || f.chars().count() < 3
                || f.bytes().any(|c| c.is_ascii_digit())
                || lang.function_words.contains(f.as_ref())
                || d.months.contains_key(f.as_ref())
                || d.weekdays.contains_key(f.as_ref())
            {
                continue;
            }
            // Agreement endings ("lancé", "lancée", "lancés") and plurals are one word.
            let bare = f.strip_suffix('s').unwrap_or(&f);
            let bare = bare.strip_suffix('e').unwrap_or(bare);
            let stemmed: String = bare.chars().take(stem).collect();
            words.push((i, rustc_hash::FxBuildHasher.hash_one(stemmed.as_str())));
        }
    }
    words
}

/// The words of a sentence outside one date's span, sorted and without repeats.
fn context_of(words: &[(usize, u64)], start: usize, end: usize) -> Vec<u64> {
    let mut out: Vec<u64> = words
        .iter()
        .filter(|(i, _)| *i < start || *i >= end)
        .map(|(_, w)| *w)
        .collect();
    out.sort();
    out.dedup();
    out
}

/// The last `n` content words of the clause that ends at a date, sorted.
fn clause_of(
    text: &str,
    words: &[(usize, u64)],
    start: usize,
    n: usize,
    d: &DateRules,
) -> Vec<u64> {
    let from = clause_start(text, words, start, d);
    let inside: Vec<u64> = words
        .iter()
        .filter(|(i, _)| *i >= from && *i < start && !timely(text, *i, d))
        .map(|(_, w)| *w)
        .collect();
    let mut out = inside[inside.len().saturating_sub(n)..].to_vec();
    out.sort();
    out.dedup();
    out
}

/// Days, months and numbers say when, not what: "lancée hier, mardi 6 mai, à Maroua".
fn timely(text: &str, i: usize, d: &DateRules) -> bool {
    let w: String = text[i..]
        .chars()
        .take_while(|c| c.is_alphanumeric())
        .collect();
    let k = crate::rules::dates::date_key(&w);
    w.chars().all(|c| c.is_ascii_digit())
        || d.months.contains_key(&k)
        || d.weekdays.contains_key(&k)
        || d.relative_days.contains_key(&k)
}

/// Where the clause that leads to a claim at `start` begins.
fn clause_start(text: &str, words: &[(usize, u64)], start: usize, d: &DateRules) -> usize {
    const MARKS: [char; 9] = [',', ';', ':', '(', '—', '–', '«', '"', '“'];
    let count = |from: usize| {
        words
            .iter()
            .filter(|(i, _)| *i >= from && *i < start && !timely(text, *i, d))
            .count()
    };
    // Just past the last mark before `end` (a character boundary: marks may be wide).
    let after_mark = |end: usize| {
        text[..end]
            .char_indices()
            .rfind(|(_, c)| MARKS.contains(c))
            .map_or(0, |(i, c)| i + c.len_utf8())
    };
    let mut from = after_mark(start);
    // A claim set off by commas ("a lancé lundi 1er décembre, à Kaolack, la campagne") has
    // next to nothing in its own clause: the clause before it leads to it.
    for _ in 0..2 {
        if count(from) >= 2 || from == 0 {
            break;
        }
        let mark = text[..from].chars().next_back().map_or(1, char::len_utf8);
        from = after_mark(from - mark);
    }
    from
}

/// The phase groups a sentence names (opening, closing...).
fn phases_of(text: &str, d: &DateRules) -> Vec<usize> {
    let Some(re) = &d.phase_regex else {
        return Vec::new();
    };
    let folded = fold(text);
    let mut phases: Vec<usize> = re
        .find_iter(&folded)
        .flat_map(|m| {
            let w = m.as_str().split_whitespace().collect::<Vec<_>>().join(" ");
            d.phases
                .iter()
                .filter(move |(p, _)| *p == w)
                .map(|(_, g)| *g)
        })
        .collect();
    phases.sort_unstable();
    phases.dedup();
    phases
}

#[cfg(test)]
mod tests {
    use super::Sentence;
    use crate::claims::EventContext;

    /// The event context of the first `claim` in `text`.
    fn event_of(lang: &str, text: &str, claim: &str) -> EventContext {
        let rules = crate::rules::load(&[], &[]).expect("default rules load");
        let s = Sentence::new(text, rules.lang(lang), rules.names.stem_length);
        let at = text.find(claim).expect("the claim");
        s.event(at, at + claim.len())
    }

    #[test]
    fn a_month_beside_a_day_is_no_march() {
        let rules = crate::rules::load(&[], &[]).expect("default rules load");
        let d = &rules.lang("en").dates;
        assert!(
            !super::kinds_of("The campaign began on 9 March in Cotabato.", d)
                .contains(&"strike".to_string())
        );
        assert!(
            super::kinds_of("Thousands joined a march through Nairobi.", d)
                .contains(&"strike".to_string())
        );
    }

    #[test]
    fn a_date_set_off_by_commas_does_not_hide_the_clause() {
        let clause = |text: &str, place: &str| event_of("fr", text, place).clause;
        let a = clause(
            "La campagne a été officiellement lancée hier, mardi 6 mai, à Maroua, chef-lieu de \
             la région.",
            "Maroua",
        );
        let b = clause(
            "La campagne, qui durera jusqu'à vendredi, a été lancée ce matin à Garoua.",
            "Garoua",
        );
        assert!(a.iter().any(|w| b.contains(w)), "{a:?} {b:?}");
    }

    #[test]
    fn the_phase_of_a_claims_own_clause() {
        let phases = |text: &str, date: &str| event_of("en", text, date).clause_phases;
        let began = phases(
            "The fire began on 26 December — a Friday — near Briagolong.",
            "26",
        );
        let started = phases(
            "The fire was contained on Sunday, eight days after it was started by lightning on 27 \
             December.",
            "27",
        );
        assert!(
            !began.is_empty() && began == started,
            "{began:?} {started:?}"
        );
        // Wide marks before the claim ("—", "«") are passed whole.
        let after = phases("Le bilan — « lourd » — date du 3 mai, a-t-il dit.", "3 mai");
        assert!(after.is_empty(), "{after:?}");
    }
}
