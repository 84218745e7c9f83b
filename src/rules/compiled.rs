//! Rule files merged per language and compiled: regexes built once, word lists folded into sets.
use std::collections::{BTreeMap, BTreeSet};

// Word lists are looked up for every word of every article: a fast hasher pays.
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use regex::Regex;
use toml::Spanned;

use super::{EntitySpec, RuleError, RuleFile, RuleSource};
use crate::text::{fold, loose_literal};

#[derive(Debug)]
pub struct Rules {
    pub segment: SegmentRules,
    pub names: NameRules,
    pub langs: BTreeMap<String, LangRules>,
    pub entities: Vec<EntitySpec>,
}

#[derive(Debug)]
pub struct SegmentRules {
    pub prose_min_words: usize,
    pub prose_min_function_share: f64,
    pub sentence_end: Vec<char>,
    pub headline_max_words: usize,
    pub gap_max_blocks: usize,
    pub wide_space_min: usize,
    pub join_tail_max_words: usize,
    pub time_prefix: Regex,
    pub secondary_run_min_share: f64,
    /// A run of prose right before the main one, with nothing but plain lines between (a list
    /// inside the article), is the article's lede from this share of the main run's size.
    pub lede_run_min_share: f64,
}

/// How names are compared across sources (common to all languages).
#[derive(Debug)]
pub struct NameRules {
    pub transliterations: Vec<(String, String)>,
    pub particles: HashSet<String>,
    pub surname_min_similarity: f64,
    pub portfolio_min_overlap: f64,
    pub stem_length: usize,
    pub period_days: i64,
}

#[derive(Debug)]
pub struct LangRules {
    pub code: String,
    pub function_words: HashSet<String>,
    pub abbreviations: HashSet<String>,
    pub months: BTreeMap<String, u32>,
    pub boilerplate: Boilerplate,
    pub dateline: Vec<Regex>,
    pub person: PersonRules,
    pub dates: super::dates::DateRules,
    pub places: super::places::PlaceRules,
    pub figures: super::figures::FigureRules,
    pub numbers: super::numbers::NumberRules,
}

#[derive(Debug)]
pub struct Boilerplate {
    pub line_starts: Vec<String>,
    pub list_markers: Vec<String>,
    pub contains: Vec<String>,
    pub byline: Vec<Regex>,
    pub wire_lede: Vec<Regex>,
}

#[derive(Debug)]
pub struct RoleHead {
    pub id: String,
    pub ladder: Option<String>,
    pub unique: bool,
    pub alone: bool,
    /// Folded words of the head's forms, left out of a role's portfolio.
    pub words: Vec<String>,
    /// Ladders whose titles a holder of this head may also be given.
    pub compatible: Vec<String>,
    /// The head this one names after a capitalised portfolio word.
    pub after_portfolio: Option<String>,
}

#[derive(Debug)]
pub struct PersonRules {
    /// Folded honorifics, longest first.
    pub honorifics: Vec<String>,
    /// Folded honorifics written only in capitals ("SAR", "SM"): "Sar" is a surname.
    pub capital_honorifics: HashSet<String>,
    pub particles: HashSet<String>,
    pub not_names: HashSet<String>,
    pub determiners: HashSet<String>,
    pub possessives: HashSet<String>,
    pub portfolio_offices: HashSet<String>,
    pub portfolio_connectors: HashSet<String>,
    /// Folded phrases that give a role a topic of its own ("chargée des").
    pub topic_markers: Vec<String>,
    pub coordinators: Vec<String>,
    pub speech_verbs: Vec<String>,
    /// Lowercased, accents kept.
    pub clause_verbs: std::collections::HashSet<String>,
    /// Words that may stand between a name and its speech verb ("X had said", "X a aussi dit").
    pub speech_fillers: Vec<String>,
    /// First words of place names ("South", "Mont"): a run they start is not confirmed as a
    /// person by its last word standing alone ("South Africa" ... "Africa").
    pub place_prefixes: HashSet<String>,
    /// Adjectives that may follow a title before the name ("le juge fédéral X").
    pub title_adjectives: HashSet<String>,
    /// Words that make a title of many holders one office ("géologue cantonal").
    pub office_words: HashSet<String>,
    /// Verb phrases that join a name to its role ("X becomes Minister for Health", "X a été
    /// nommée directrice"), folded and split into words, longest first.
    pub role_links: Vec<Vec<String>>,
    /// Folded phrases, split into words, that put a name in the chair of a court
    /// (`presiding_before`, `presiding_after`), the courts, and the role they give.
    pub presiding_before: Vec<Vec<String>>,
    /// Folded words or marks that make a title right before them a verb.
    pub verb_after_head: HashSet<String>,
    /// Folded participles that may open a role after a name and a comma.
    pub appointed_words: HashSet<String>,
    pub relative_pronouns: HashSet<String>,
    pub given_name_heads: HashSet<String>,
    pub future_words: HashSet<String>,
    /// Folded words after a number that make it an age beside a name.
    pub age_words: HashSet<String>,
    pub presiding_after: Vec<Vec<String>>,
    pub presiding_bodies: HashSet<String>,
    pub presiding_role: Option<String>,
    pub former_markers: HashSet<String>,
    pub role_strip: Vec<Regex>,
    pub role_stop_words: HashSet<String>,
    /// Nouns that name a body without saying which ("the union", "la société"): a portfolio
    /// made of them alone is one worded loosely.
    pub generic_bodies: HashSet<String>,
    /// Folded modifier form → modifier id.
    pub rank_modifiers: HashMap<String, String>,
    /// Rank ids that make another title but not another office (`same_office`).
    pub same_office_ranks: HashSet<String>,
    pub heads: Vec<RoleHead>,
    /// Folded head form → index in `heads`.
    pub head_forms: HashMap<String, usize>,
    /// Any head form, as a whole word or phrase.
    pub head_regex: Regex,
    /// `head_regex` tied to the start of the text: whether a clause opens with a role head.
    pub head_start_regex: Regex,
}

impl PersonRules {
    pub fn head_of(&self, matched: &str) -> Option<&RoleHead> {
        let key = fold(matched)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        self.head_forms.get(&key).map(|&i| &self.heads[i])
    }
}

/// Compiles a rule's regex. Its word boundaries become ASCII ones, which the fast engine runs
/// (a Unicode `\b` sends every search to the slow one); rule patterns put them next to ASCII
/// words ("publié", "par", "by").
fn compile_regex(src: &RuleSource, pat: &Spanned<String>) -> Result<Regex, RuleError> {
    regex_at(src, pat.span(), &ascii_boundaries(pat.get_ref()))
}

/// Compiles `pattern`, written in `src` at `span`; an error points there.
/// The lazy DFA's cache per regex and thread.
pub(super) const DFA_CACHE_BYTES: usize = 16 << 20;

pub(super) fn regex_at(
    src: &RuleSource,
    span: std::ops::Range<usize>,
    pattern: &str,
) -> Result<Regex, RuleError> {
    // Date patterns are long alternations of words: a small lazy-DFA cache is cleared and
    // rebuilt over and over, and the search falls back to the slow engine.
    regex::RegexBuilder::new(pattern)
        .dfa_size_limit(DFA_CACHE_BYTES)
        .build()
        .map_err(|e| {
            let last = e
                .to_string()
                .lines()
                .last()
                .unwrap_or("")
                .trim()
                .to_string();
            RuleError::at(
                &src.origin,
                &src.text,
                Some(span),
                format!("invalid regular expression: {last}"),
            )
        })
}

pub fn ascii_boundaries(pattern: &str) -> String {
    pattern.replace(r"\b", r"(?-u:\b)")
}

fn missing(what: &str) -> RuleError {
    RuleError::at(
        "<rules>",
        "",
        None,
        format!("no rule file sets `{what}`: every threshold must be given (the defaults are under rules/common/)"),
    )
}

/// The folder a rule file lies in is its scope; a file at the top is common.
fn scope_of(rel: &str) -> &str {
    match rel.split_once('/') {
        Some((scope, _)) => scope,
        None => "common",
    }
}

impl Rules {
    pub fn compile(files: &[(&RuleSource, RuleFile)]) -> Result<Rules, RuleError> {
        let common: Vec<_> = files
            .iter()
            .filter(|(s, _)| scope_of(&s.rel) == "common")
            .collect();
        let segment = compile_segment(&common)?;
        let names = compile_names(&common)?;
        let codes: BTreeSet<&str> = files
            .iter()
            .map(|(s, _)| scope_of(&s.rel))
            .filter(|c| *c != "common" && *c != "entities")
            .collect();
        // Languages compile apart, so on all cores at once; the first error in code order wins.
        use rayon::prelude::*;
        let codes: Vec<&str> = codes.into_iter().collect();
        let compiled: Vec<Result<LangRules, RuleError>> = codes
            .par_iter()
            .map(|&code| {
                let scoped: Vec<_> = files
                    .iter()
                    .filter(|(s, _)| scope_of(&s.rel) == "common" || scope_of(&s.rel) == code)
                    .collect();
                compile_lang(code, &scoped, &names)
            })
            .collect();
        let mut langs = BTreeMap::new();
        for (code, lang) in codes.into_iter().zip(compiled) {
            langs.insert(code.to_string(), lang?);
        }
        if langs.is_empty() {
            return Err(missing("language"));
        }
        let entities = files
            .iter()
            .flat_map(|(_, f)| f.entity.iter().cloned())
            .collect();
        Ok(Rules {
            segment,
            names,
            langs,
            entities,
        })
    }

    /// The rules of a language, or of the first one known when it has none.
    pub fn lang(&self, code: &str) -> &LangRules {
        self.langs
            .get(code)
            .or_else(|| self.langs.get("en"))
            .or_else(|| self.langs.values().next())
            .expect("compile refuses an empty rule set")
    }
}

fn compile_segment(common: &[&(&RuleSource, RuleFile)]) -> Result<SegmentRules, RuleError> {
    let mut prose_min_words = None;
    let mut share = None;
    let mut sentence_end = None;
    let mut headline = None;
    let mut gap = None;
    let mut wide = None;
    let mut join = None;
    let mut time_prefix = None;
    let mut secondary = None;
    let mut lede = None;
    for (src, f) in common {
        let Some(s) = &f.segment else { continue };
        prose_min_words = s.prose_min_words.or(prose_min_words);
        share = s.prose_min_function_share.or(share);
        sentence_end = s.sentence_end.clone().or(sentence_end);
        headline = s.headline_max_words.or(headline);
        gap = s.gap_max_blocks.or(gap);
        wide = s.wide_space_min.or(wide);
        join = s.join_tail_max_words.or(join);
        secondary = s.secondary_run_min_share.or(secondary);
        lede = s.lede_run_min_share.or(lede);
        if let Some(p) = &s.time_prefix {
            time_prefix = Some(compile_regex(src, p)?);
        }
    }
    Ok(SegmentRules {
        prose_min_words: prose_min_words.ok_or_else(|| missing("segment.prose_min_words"))?,
        prose_min_function_share: share
            .ok_or_else(|| missing("segment.prose_min_function_share"))?,
        sentence_end: sentence_end
            .ok_or_else(|| missing("segment.sentence_end"))?
            .chars()
            .collect(),
        headline_max_words: headline.ok_or_else(|| missing("segment.headline_max_words"))?,
        gap_max_blocks: gap.ok_or_else(|| missing("segment.gap_max_blocks"))?,
        wide_space_min: wide
            .ok_or_else(|| missing("segment.wide_space_min"))?
            .max(2),
        join_tail_max_words: join.ok_or_else(|| missing("segment.join_tail_max_words"))?,
        time_prefix: time_prefix.ok_or_else(|| missing("segment.time_prefix"))?,
        secondary_run_min_share: secondary
            .ok_or_else(|| missing("segment.secondary_run_min_share"))?,
        lede_run_min_share: lede.ok_or_else(|| missing("segment.lede_run_min_share"))?,
    })
}

fn compile_names(common: &[&(&RuleSource, RuleFile)]) -> Result<NameRules, RuleError> {
    let mut translit = Vec::new();
    let mut particles = HashSet::default();
    let (mut sim, mut overlap, mut stem, mut period) = (None, None, None, None);
    for (_, f) in common {
        let Some(p) = &f.person else { continue };
        translit.extend(p.transliterations.iter().map(|(a, b)| (fold(a), fold(b))));
        particles.extend(folded(&p.particles));
        sim = p.surname_min_similarity.or(sim);
        overlap = p.portfolio_min_overlap.or(overlap);
        stem = p.stem_length.or(stem);
        period = p.period_days.or(period);
    }
    Ok(NameRules {
        transliterations: translit,
        particles,
        surname_min_similarity: sim.ok_or_else(|| missing("person.surname_min_similarity"))?,
        portfolio_min_overlap: overlap.ok_or_else(|| missing("person.portfolio_min_overlap"))?,
        stem_length: stem.ok_or_else(|| missing("person.stem_length"))?.max(3),
        period_days: period.ok_or_else(|| missing("person.period_days"))?,
    })
}

fn compile_lang(
    code: &str,
    files: &[&(&RuleSource, RuleFile)],
    names: &NameRules,
) -> Result<LangRules, RuleError> {
    let mut function_words = HashSet::default();
    let mut abbreviations = HashSet::default();
    let mut months = BTreeMap::new();
    let mut bp = Boilerplate {
        line_starts: vec![],
        list_markers: vec![],
        contains: vec![],
        byline: vec![],
        wire_lede: vec![],
    };
    let mut dateline = Vec::new();
    // Head forms as written (with accents) and folded, so the regex finds both spellings.
    let mut head_spellings: BTreeSet<String> = BTreeSet::new();
    // Where the last `presiding_role` was set: it must name a role head.
    let mut presiding_at = None;
    let mut p = PersonRules {
        honorifics: vec![],
        capital_honorifics: HashSet::default(),
        particles: names.particles.clone(),
        not_names: HashSet::default(),
        determiners: HashSet::default(),
        possessives: HashSet::default(),
        portfolio_offices: HashSet::default(),
        portfolio_connectors: HashSet::default(),
        topic_markers: Vec::new(),
        coordinators: Vec::new(),
        speech_verbs: vec![],
        clause_verbs: Default::default(),
        speech_fillers: vec![],
        place_prefixes: HashSet::default(),
        title_adjectives: HashSet::default(),
        office_words: HashSet::default(),
        role_links: vec![],
        presiding_before: vec![],
        verb_after_head: HashSet::default(),
        appointed_words: HashSet::default(),
        relative_pronouns: HashSet::default(),
        given_name_heads: HashSet::default(),
        future_words: HashSet::default(),
        age_words: HashSet::default(),
        presiding_after: vec![],
        presiding_bodies: HashSet::default(),
        presiding_role: None,
        former_markers: HashSet::default(),
        role_strip: vec![],
        role_stop_words: HashSet::default(),
        generic_bodies: HashSet::default(),
        rank_modifiers: HashMap::default(),
        same_office_ranks: HashSet::default(),
        heads: vec![],
        head_forms: HashMap::default(),
        head_regex: Regex::new("^$").expect("static"),
        head_start_regex: Regex::new("^$").expect("static"),
    };
    for (src, f) in files {
        if let Some(l) = &f.language {
            function_words.extend(folded(&l.function_words));
            abbreviations.extend(folded(&l.abbreviations));
            // Both spellings: patterns must find "février" as written, look-ups use the folded one.
            months.extend(l.months.iter().map(|(k, v)| (fold(k), *v)));
            months.extend(l.months.iter().map(|(k, v)| (crate::text::lower(k), *v)));
        }
        if let Some(b) = &f.boilerplate {
            bp.line_starts.extend(folded(&b.line_starts));
            bp.list_markers.extend(folded(&b.list_markers));
            bp.contains.extend(folded(&b.contains));
            for r in &b.byline {
                bp.byline.push(compile_regex(src, r)?);
            }
            for r in &b.wire_lede {
                bp.wire_lede.push(compile_regex(src, r)?);
            }
        }
        if let Some(d) = &f.dateline {
            for r in &d.patterns {
                dateline.push(compile_regex(src, r)?);
            }
        }
        if let Some(s) = &f.person {
            p.honorifics.extend(folded(&s.honorifics));
            p.capital_honorifics.extend(
                s.honorifics
                    .iter()
                    .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() > 1)
                    .filter(|w| !w.chars().any(char::is_lowercase))
                    .map(|w| fold(w)),
            );
            p.particles.extend(folded(&s.particles));
            p.not_names.extend(folded(&s.not_names));
            p.determiners.extend(folded(&s.determiners));
            p.possessives.extend(folded(&s.possessives));
            p.portfolio_offices
                .extend(s.portfolio_offices.iter().cloned());
            p.portfolio_connectors
                .extend(folded(&s.portfolio_connectors));
            p.topic_markers.extend(folded(&s.topic_markers));
            p.coordinators.extend(folded(&s.coordinators));
            p.speech_verbs.extend(folded(&s.speech_verbs));
            p.clause_verbs
                .extend(s.clause_verbs.iter().map(|w| crate::text::lower(w)));
            p.speech_fillers.extend(folded(&s.speech_fillers));
            p.place_prefixes.extend(folded(&s.place_prefixes));
            p.title_adjectives.extend(folded(&s.title_adjectives));
            p.office_words.extend(folded(&s.office_words));
            let split = |l: &String| -> Vec<String> {
                fold(l).split_whitespace().map(str::to_string).collect()
            };
            p.role_links.extend(s.role_links.iter().map(split));
            p.role_links
                .sort_by_key(|l: &Vec<String>| std::cmp::Reverse(l.len()));
            p.presiding_before
                .extend(s.presiding_before.iter().map(split));
            p.presiding_after
                .extend(s.presiding_after.iter().map(split));
            p.verb_after_head.extend(folded(&s.verb_after_head));
            p.appointed_words.extend(folded(&s.appointed_words));
            p.relative_pronouns.extend(folded(&s.relative_pronouns));
            p.given_name_heads.extend(folded(&s.given_name_heads));
            p.future_words.extend(folded(&s.future_words));
            p.age_words.extend(folded(&s.age_words));
            p.presiding_bodies.extend(folded(&s.presiding_bodies));
            if let Some(r) = &s.presiding_role {
                p.presiding_role = Some(r.get_ref().clone());
                presiding_at = Some((src, r.span()));
            }
            p.former_markers.extend(folded(&s.former_markers));
            p.role_stop_words.extend(folded(&s.role_stop_words));
            p.generic_bodies.extend(folded(&s.generic_bodies));
            for r in &s.role_strip {
                p.role_strip.push(compile_regex(src, r)?);
            }
            for m in &s.rank_modifiers {
                if m.same_office {
                    p.same_office_ranks.insert(m.id.clone());
                }
                for form in &m.forms {
                    p.rank_modifiers.insert(fold(form), m.id.clone());
                }
            }
            for h in &s.role_heads {
                if h.forms.is_empty() {
                    return Err(RuleError::at(
                        &src.origin,
                        &src.text,
                        src.text
                            .find(&format!("\"{}\"", h.id))
                            .map(|i| i..i + h.id.len() + 2),
                        format!("role head `{}` has no forms", h.id),
                    ));
                }
                let idx = p.heads.len();
                let words = h
                    .forms
                    .iter()
                    .flat_map(|f| {
                        fold(f)
                            .split([' ', '\'', '-'])
                            .map(str::to_string)
                            .collect::<Vec<_>>()
                    })
                    .collect();
                p.heads.push(RoleHead {
                    id: h.id.clone(),
                    ladder: h.ladder.clone(),
                    unique: h.unique,
                    alone: h.alone,
                    words,
                    compatible: h.compatible.clone(),
                    after_portfolio: h.after_portfolio.clone(),
                });
                for form in &h.forms {
                    head_spellings.insert(crate::text::lower(form));
                    head_spellings.insert(fold(form));
                    let key = fold(form).split_whitespace().collect::<Vec<_>>().join(" ");
                    p.head_forms.insert(key, idx);
                }
            }
        }
    }
    p.honorifics
        .sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    p.honorifics.dedup();
    let mut forms: Vec<&String> = head_spellings.iter().collect();
    forms.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    if !forms.is_empty() {
        // ASCII boundaries keep the search on the fast engine; a form that starts with a
        // non-ASCII letter ("échevin") cannot have one before it, so it gets none.
        let (ascii, other): (Vec<&String>, Vec<&String>) = forms
            .into_iter()
            .partition(|f| f.starts_with(|c: char| c.is_ascii()));
        let alt = |v: Vec<&String>| {
            v.iter()
                .map(|f| loose_literal(f))
                .collect::<Vec<_>>()
                .join("|")
        };
        let mut pattern = format!(r"(?i)(?-u:\b)(?:{})(?-u:\b)", alt(ascii));
        if !other.is_empty() {
            pattern.push_str(&format!(r"|(?:{})(?-u:\b)", alt(other)));
        }
        p.head_regex =
            Regex::new(&pattern).map_err(|e| missing(&format!("valid role heads ({e})")))?;
        p.head_start_regex = Regex::new(&format!("^(?:{pattern})"))
            .map_err(|e| missing(&format!("valid role heads ({e})")))?;
    }
    if let (Some(role), Some((src, span))) = (&p.presiding_role, presiding_at) {
        if p.head_of(role).is_none() {
            return Err(RuleError::at(
                &src.origin,
                &src.text,
                Some(span),
                format!("`presiding_role` \"{role}\" is none of the role heads' forms"),
            ));
        }
    }
    let dates = super::dates::compile(files, &months)?;
    let places = super::places::compile(files)?;
    let figures = super::figures::compile(files)?;
    let numbers = super::numbers::compile(files)?;
    Ok(LangRules {
        dates,
        places,
        figures,
        numbers,
        code: code.to_string(),
        function_words,
        abbreviations,
        months,
        boilerplate: bp,
        dateline,
        person: p,
    })
}

/// The folded forms of a rule file's word list.
pub(crate) fn folded(words: &[String]) -> impl Iterator<Item = String> + '_ {
    words.iter().map(|w| fold(w))
}
