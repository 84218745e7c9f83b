//! Segmentation: an article's text becomes blocks (paragraphs, or the headlines of a line that
//! runs several together), each classed as body, title, dateline or furniture, and the body
//! blocks become sentences. Only body sentences reach the extractors.
//!
//! The classifier rests on general signals, with every threshold and word list in rules/: a
//! block's length, its share of function words, whether it ends a sentence, whether it is a
//! ticker headline (a time of day first) or a run of headlines on one line, whether it starts
//! with a furniture phrase ("Lire aussi"), and its position relative to the longest run of prose,
//! which is taken to be the article itself.
mod sentences;

use serde::Serialize;

pub use sentences::split_sentences;

use crate::rules::{LangRules, SegmentRules};
use crate::text::{fold, word_count_and_function_share};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum BlockClass {
    Body,
    Title,
    Dateline,
    Furniture,
}

impl BlockClass {
    pub fn as_str(self) -> &'static str {
        match self {
            BlockClass::Body => "body",
            BlockClass::Title => "title",
            BlockClass::Dateline => "dateline",
            BlockClass::Furniture => "furniture",
        }
    }
}

/// What the classifier measured on a block.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Signals {
    pub words: usize,
    pub function_share: f64,
    pub ends_sentence: bool,
    pub time_prefix: bool,
    /// Number of headlines a wide-spaced line was split into (0 for an ordinary line).
    pub wide_parts: usize,
    pub marker: Option<String>,
    pub prose: bool,
    pub headline_like: bool,
    pub in_main_run: bool,
}

#[derive(Clone, Debug, Serialize)]
pub struct Block {
    pub start: usize,
    pub end: usize,
    pub class: BlockClass,
    /// The signal that decided the class.
    pub reason: &'static str,
    pub signals: Signals,
    /// A blank line (or the start) stands before this block.
    #[serde(skip)]
    pub after_blank: bool,
    #[serde(skip)]
    pub run_breaker: bool,
    /// The block opens on a wire dateline ("NAIROBI, March 10 (Reuters) -"): an article's lede.
    #[serde(skip)]
    pub wire_lede: bool,
}

#[derive(Clone, Debug)]
pub struct Sentence {
    pub start: usize,
    pub end: usize,
}

#[derive(Clone, Debug, Default)]
pub struct Segmented {
    pub blocks: Vec<Block>,
    pub sentences: Vec<Sentence>,
}

/// Segments `text[from..]`. With `all_text`, every block is body.
pub fn segment(
    text: &str,
    from: usize,
    lang: &LangRules,
    rules: &SegmentRules,
    all_text: bool,
) -> Segmented {
    let mut blocks = raw_blocks(text, from, rules);
    for b in &mut blocks {
        measure(text, b, lang, rules);
    }
    if all_text {
        for b in &mut blocks {
            b.class = BlockClass::Body;
            b.reason = "all text";
        }
    } else {
        classify(text, &mut blocks, lang, rules);
    }
    let mut sentences = Vec::new();
    for b in blocks.iter().filter(|b| b.class == BlockClass::Body) {
        sentences.extend(split_sentences(text, b.start, b.end, lang));
    }
    Segmented { blocks, sentences }
}

/// Lines, with wide-spaced lines split into parts and broken-off tails joined back.
fn raw_blocks(text: &str, from: usize, rules: &SegmentRules) -> Vec<Block> {
    let mut blocks: Vec<Block> = Vec::new();
    let mut pos = from;
    let mut blank = true;
    let block = |start: usize, end: usize, after_blank: bool, wide: usize| Block {
        start,
        end,
        class: BlockClass::Furniture,
        reason: "",
        signals: Signals {
            wide_parts: wide,
            ..Signals::default()
        },
        after_blank,
        run_breaker: false,
        wire_lede: false,
    };
    for line in text[from..].split_inclusive('\n') {
        let content = line.trim_end_matches(['\n', '\r']);
        let lead = content.len() - content.trim_start().len();
        let trimmed = content.trim();
        if trimmed.is_empty() {
            blank = true;
        } else {
            let parts = if has_wide_space(content, rules.wide_space_min) {
                wide_parts(content, rules.wide_space_min)
            } else {
                Vec::new()
            };
            if parts.len() >= 3 {
                let n = parts.len();
                for (s, e) in parts {
                    blocks.push(block(pos + s, pos + e, blank, n));
                    blank = false;
                }
            } else {
                blocks.push(block(pos + lead, pos + lead + trimmed.len(), blank, 0));
            }
            blank = false;
        }
        pos += line.len();
    }
    join_tails(text, blocks, rules)
}

/// Whether a line has a tab, a no-break space or a run of `min` spaces: most lines have none, and
/// a byte scan says so without decoding characters.
fn has_wide_space(line: &str, min: usize) -> bool {
    let mut run = 0usize;
    let bytes = line.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        match b {
            b'\t' => return true,
            0xC2 if bytes.get(i + 1) == Some(&0xA0) => return true,
            b' ' => {
                run += 1;
                if run >= min {
                    return true;
                }
            }
            _ => run = 0,
        }
    }
    false
}

/// Byte ranges of the parts of a line separated by runs of `min` spaces or a tab.
fn wide_parts(line: &str, min: usize) -> Vec<(usize, usize)> {
    let mut parts = Vec::new();
    let mut start: Option<usize> = None;
    let mut spaces = 0usize;
    let mut last_end = 0usize;
    for (i, c) in line.char_indices() {
        if c == ' ' || c == '\t' || c == '\u{a0}' {
            spaces += if c == '\t' { min } else { 1 };
            if spaces >= min {
                if let Some(s) = start.take() {
                    parts.push((s, last_end));
                }
            }
        } else {
            if start.is_none() {
                start = Some(i);
            }
            spaces = 0;
            last_end = i + c.len_utf8();
        }
    }
    if let Some(s) = start {
        parts.push((s, last_end));
    }
    parts
}

/// A prose line that stops mid-sentence takes the short lines after it back ("... à" / "Paris"
/// / "."), and a hard-wrapped paragraph is rejoined when the next line goes on in lowercase.
fn join_tails(text: &str, blocks: Vec<Block>, rules: &SegmentRules) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::new();
    // Words of the last block of `out`, kept as it grows, so that a long hard-wrapped paragraph
    // is not counted again at each line.
    let mut prev_words = 0usize;
    for b in blocks {
        let cur = &text[b.start..b.end];
        let cur_words = cur.split_whitespace().count();
        if let Some(prev) = out.last_mut() {
            let prev_text = &text[prev.start..prev.end];
            let open = !ends_sentence(prev_text, &rules.sentence_end);
            let lower_next = cur
                .chars()
                .next()
                .is_some_and(|c| c.is_lowercase() || ".,;:)»".contains(c));
            let same_kind =
                prev.signals.wide_parts == 0 && b.signals.wide_parts == 0 && !b.after_blank;
            if same_kind
                && open
                && prev_words >= rules.prose_min_words
                && (cur_words <= rules.join_tail_max_words || lower_next)
            {
                prev.end = b.end;
                prev_words += cur_words;
                continue;
            }
        }
        prev_words = cur_words;
        out.push(b);
    }
    out
}

pub fn ends_sentence(s: &str, enders: &[char]) -> bool {
    let t = s.trim_end_matches(|c: char| c.is_whitespace() || "\"»”’')]*_".contains(c));
    t.chars().last().is_some_and(|c| enders.contains(&c))
}

fn measure(text: &str, b: &mut Block, lang: &LangRules, rules: &SegmentRules) {
    let s = &text[b.start..b.end];
    let stripped = s.trim_start_matches(|c: char| "#>-*•–+ ".contains(c));
    let (n, share) = word_count_and_function_share(stripped, |w| lang.function_words.contains(w));
    let sig = &mut b.signals;
    sig.words = n;
    sig.function_share = (share * 100.0).round() / 100.0;
    sig.ends_sentence = ends_sentence(s, &rules.sentence_end);
    sig.time_prefix = rules.time_prefix.is_match(s);
    // Furniture phrases open a line: its first words are enough. Cookie and rights notices are
    // short lines, so only short blocks are searched for `contains` phrases (a long paragraph
    // about cookies is prose).
    const PREFIX: usize = 120;
    const NOTICE_MAX: usize = 600;
    let head = fold(&stripped[..crate::text::floor_char_boundary(stripped, PREFIX)]);
    let head = head.trim_start();
    let whole = if stripped.len() <= NOTICE_MAX {
        fold(stripped)
    } else {
        String::new()
    };
    sig.marker = lang
        .boilerplate
        .line_starts
        .iter()
        .find(|m| starts_with_phrase(head, m))
        .or_else(|| {
            lang.boilerplate
                .contains
                .iter()
                .find(|m| crate::text::contains_phrase(&whole, m))
        })
        .cloned()
        .or_else(|| {
            lang.boilerplate
                .byline
                .iter()
                .any(|r| n <= 8 && r.is_match(s))
                .then(|| "byline".to_string())
        });
    sig.prose = n >= rules.prose_min_words
        && share >= rules.prose_min_function_share
        && sig.ends_sentence
        && sig.marker.is_none()
        && !sig.time_prefix
        && sig.wide_parts == 0;
    sig.headline_like = !sig.ends_sentence && n >= 2 && n <= rules.headline_max_words;
    let is_list_marker = lang
        .boilerplate
        .list_markers
        .iter()
        .any(|m| starts_with_phrase(head, m) && n <= m.split_whitespace().count() + 2);
    b.run_breaker = is_list_marker || sig.time_prefix || sig.wide_parts > 0;
}

fn starts_with_phrase(folded: &str, phrase: &str) -> bool {
    folded.starts_with(phrase)
        && folded[phrase.len()..]
            .chars()
            .next()
            .is_none_or(|c| !c.is_alphanumeric() || phrase.ends_with(' '))
}

fn classify(text: &str, blocks: &mut [Block], lang: &LangRules, rules: &SegmentRules) {
    // Datelines, also when one is broken over several lines.
    for re in &lang.dateline {
        for m in re.find_iter(text) {
            for b in blocks
                .iter_mut()
                .filter(|b| b.start < m.end() && b.end > m.start())
            {
                // A wire lede after its dateline ("Yaoundé, 14 mars 2025 (AFP) - Le Cameroun a
                // inauguré..."): the lede is prose, the dateline is left out of it.
                let rest = text.get(m.end()..b.end).unwrap_or("");
                if b.start + 3 >= m.start()
                    && b.signals.ends_sentence
                    && crate::text::words(rest).count() >= rules.prose_min_words
                {
                    let lede = rest.trim_start_matches(|c: char| {
                        c.is_whitespace() || matches!(c, '-' | '–' | '—' | ':')
                    });
                    b.start = m.end() + (rest.len() - lede.len());
                    b.wire_lede = true;
                    continue;
                }
                b.class = BlockClass::Dateline;
                b.reason = "dateline";
                b.signals.prose = false;
            }
        }
    }
    // A wire lede whose dateline gives no year ("NAIROBI, March 10 (Reuters) - The central
    // bank..."): the lede is prose. A day in its dateline is the day of filing, left out of
    // the lede; a place alone ("KITWE —") stays, as where the story happens.
    for b in blocks
        .iter_mut()
        .filter(|b| b.signals.prose && !b.wire_lede)
    {
        let s = &text[b.start..b.end];
        if let Some(m) = lang.boilerplate.wire_lede.iter().find_map(|re| re.find(s)) {
            if m.start() == 0 && crate::text::words(&s[m.end()..]).count() >= rules.prose_min_words
            {
                if m.as_str().contains(|c: char| c.is_ascii_digit()) {
                    b.start += m.end();
                }
                b.wire_lede = true;
            }
        }
    }
    // Runs of prose: a run goes on over at most `gap_max_blocks` other blocks, never past a
    // list marker, a ticker headline or a line of run-together headlines.
    let mut runs: Vec<(usize, usize, usize)> = Vec::new(); // first, last prose block, prose chars
    let mut cur: Option<(usize, usize, usize)> = None;
    let mut gap = 0usize;
    for (i, b) in blocks.iter().enumerate() {
        if b.signals.prose {
            cur = Some(match cur {
                Some((s, _, chars)) => (s, i, chars + (b.end - b.start)),
                None => (i, i, b.end - b.start),
            });
            gap = 0;
        } else if let Some(run) = cur {
            gap += 1;
            if b.run_breaker || gap > rules.gap_max_blocks {
                runs.push(run);
                cur = None;
                gap = 0;
            }
        }
    }
    runs.extend(cur);
    // A short article has no run of prose: then every block but the furniture is its text.
    let short_article = runs.is_empty();
    let best = runs.iter().map(|r| r.2).max().unwrap_or(0);
    let main_start = runs.iter().find(|r| r.2 == best).map(|r| r.0);
    // The lede before a list inside the article ("The prize carries ₹20 lakh... Full winners
    // list: - Best film: ..."): the run right before the main one, with only plain lines
    // between them, no furniture phrase, list marker or ticker. A lede that opens on a wire
    // dateline is the article's start however short it is; the lines between it and the main
    // text (a "Key facts" box) are the article's too.
    let lede = main_start.and_then(|m| {
        let r = runs.iter().rev().find(|r| r.1 < m)?;
        let plain = blocks[r.1 + 1..m]
            .iter()
            .all(|b| b.signals.marker.is_none() && !b.run_breaker);
        let long = (r.2 as f64) >= rules.lede_run_min_share * best as f64;
        (plain && (long || blocks[r.0].wire_lede)).then_some((r.0, r.1, m))
    });
    let mut body_runs: Vec<(usize, usize)> = runs
        .iter()
        .filter(|r| {
            r.2 == best
                || (r.2 as f64) >= rules.secondary_run_min_share * best as f64
                || lede.is_some_and(|l| l.0 == r.0)
        })
        .map(|r| (r.0, r.1))
        .collect();
    if let Some((_, end, m)) = lede.filter(|l| blocks[l.0].wire_lede) {
        body_runs.push((end + 1, m - 1));
    }
    let lede = lede.map(|l| l.0);
    // The closing line of a run ("The board will next review policy on September 17."): a
    // whole sentence right after its last block, shorter than prose.
    let closing = |i: usize, b: &Block| {
        i > 0
            && body_runs.iter().any(|&(_, e)| i == e + 1)
            && b.signals.ends_sentence
            && b.signals.words * 2 >= rules.prose_min_words
            && b.signals.function_share >= rules.prose_min_function_share
            && !b.run_breaker
    };
    for (i, b) in blocks.iter_mut().enumerate() {
        if b.class == BlockClass::Dateline {
            continue;
        }
        let in_run =
            short_article || body_runs.iter().any(|&(s, e)| i >= s && i <= e) || closing(i, b);
        b.signals.in_main_run = in_run;
        let (class, reason) = if b.signals.time_prefix {
            (BlockClass::Furniture, "ticker headline (time of day first)")
        } else if b.signals.wide_parts > 0 {
            (BlockClass::Furniture, "headlines run together on one line")
        } else if b.signals.marker.is_some() {
            (BlockClass::Furniture, "furniture phrase")
        } else if in_run {
            (
                BlockClass::Body,
                if b.signals.prose {
                    "prose in the main text"
                } else {
                    "short line inside the main text"
                },
            )
        } else {
            (BlockClass::Furniture, "outside the main text")
        };
        b.class = class;
        b.reason = reason;
    }
    // The title: the nearest headline-like block before the main text, past datelines and bylines.
    if let Some(start) = lede.or(main_start) {
        for i in (start.saturating_sub(5)..start).rev() {
            let b = &blocks[i];
            if b.class == BlockClass::Dateline || b.signals.marker.as_deref() == Some("byline") {
                continue;
            }
            if b.signals.headline_like
                && b.signals.marker.is_none()
                && !b.run_breaker
                && b.signals.words >= 3
            {
                blocks[i].class = BlockClass::Title;
                blocks[i].reason = "headline before the main text";
                break;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wide_parts_split_on_runs_of_spaces() {
        let p = wide_parts("One headline here    Another one    Third", 3);
        assert_eq!(p.len(), 3);
    }

    /// The class of the block of `text` that holds `needle`, segmented with the default rules,
    /// and where that block starts.
    fn class_of(text: &str, lang: &str, needle: &str) -> (BlockClass, usize) {
        let rules = crate::rules::load(&[], &[]).expect("default rules load");
        let seg = segment(text, 0, rules.lang(lang), &rules.segment, false);
        let b = seg
            .blocks
            .iter()
            .find(|b| text[b.start..b.end].contains(needle))
            .expect("a block holds the needle");
        (b.class, b.start)
    }

    #[test]
    fn a_wire_lede_after_its_dateline_is_body() {
        let text =
            "Un barrage inauguré au Cameroun\n\nYaoundé, 14 mars 2025 (AFP) - Le Cameroun a \
                    inauguré vendredi le barrage hydroélectrique de Nyong-Aval, un ouvrage de 210 \
                    mégawatts construit par une entreprise chinoise.\n\nLa cérémonie s'est tenue \
                    sur le site du barrage, à Ngoumou, en présence du ministre de l'Eau et de \
                    nombreux invités venus de tout le pays.\n";
        let (class, start) = class_of(text, "fr", "210");
        assert_eq!(class, BlockClass::Body);
        assert!(text[start..].starts_with("Le Cameroun a inauguré"));
        // A dateline alone on its line stays a dateline.
        let text = "Yaoundé, 14 mars 2025 (AFP)\n\nLe Cameroun a inauguré vendredi le barrage \
                    hydroélectrique de Nyong-Aval, un ouvrage de 210 mégawatts construit par une \
                    entreprise chinoise.\n";
        assert_eq!(class_of(text, "fr", "(AFP)").0, BlockClass::Dateline);
    }

    #[test]
    fn the_lede_before_a_list_inside_the_article_is_body() {
        let lede = "The festival wrapped up on Friday with the awards ceremony, where a debut \
                    feature took the top prize of ₹20 lakh.";
        let para = "The awards were presented by the culture minister at the main theatre, in \
                    front of a full house of delegates, guests and the festival's jury.";
        let list = "Full winners list:\n- Best film: a debut feature\n- Best director: a \
                    veteran\n- Special jury mention: an actor\n- Audience award: a road movie";
        let text = format!("{lede}\n\n{list}\n\n{para}\n\n{para}\n");
        assert_eq!(class_of(&text, "en", "The festival").0, BlockClass::Body);
        // Not past a furniture phrase: a "Read also" list keeps the prose before it apart.
        let text = format!("{lede}\n\nRead also\n{list}\n\n{para}\n\n{para}\n");
        assert_eq!(
            class_of(&text, "en", "The festival").0,
            BlockClass::Furniture
        );
    }

    #[test]
    fn a_short_wire_lede_and_the_fact_box_after_it_are_body() {
        let lede = "NAIROBI, March 10 (Wire) - The central bank approved on Tuesday the merger \
                    of two lenders, the banks said in a joint statement.";
        let facts = "KEY FACTS\n* All-share deal values the smaller bank at 18.4 billion\n* \
                     Swap ratio: 37 shares for every 100\n* Around 350 jobs to go over two years";
        let para = "The chief executive of the larger bank will lead the merged lender, the \
                    statement said, while the smaller bank's chairman is to chair the group.";
        let text = format!("{lede}\n\n{facts}\n\n{para}\n\n{para}\n\n{para}\n\n{para}\n");
        let (class, start) = class_of(&text, "en", "The central bank");
        assert_eq!(class, BlockClass::Body);
        // The day of filing is left out of the lede.
        assert!(text[start..].starts_with("The central bank"));
        assert_eq!(class_of(&text, "en", "Swap ratio").0, BlockClass::Body);
        // A place alone stays in the lede, as where the story happens.
        let text = text.replace("NAIROBI, March 10 (Wire) -", "NAIROBI —");
        let (class, start) = class_of(&text, "en", "The central bank");
        assert_eq!((class, start), (BlockClass::Body, 0));
        // Without a wire dateline, a short paragraph before a list stays apart.
        let text = text.replace("NAIROBI — ", "");
        assert_eq!(class_of(&text, "en", "Swap ratio").0, BlockClass::Furniture);
    }

    #[test]
    fn a_short_closing_sentence_of_the_main_text_is_body() {
        let para = "The central bank cut its policy rate by 25 basis points on Wednesday, citing \
                    inflation that had stayed well below its target for most of the year.";
        let text = format!(
            "{para}\n\n{para}\n\n{para}\n\nThe board will next review policy on September \
             17.\n\nREAD ALSO\n- Another headline here\n"
        );
        assert_eq!(class_of(&text, "en", "The board").0, BlockClass::Body);
        assert_eq!(class_of(&text, "en", "READ ALSO").0, BlockClass::Furniture);
    }

    #[test]
    fn ends_sentence_skips_closing_quotes() {
        assert!(ends_sentence("il a dit « oui. »", &['.']));
        assert!(!ends_sentence("Sans point", &['.']));
    }
}
