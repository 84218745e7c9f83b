//! Tokens of a sentence: words (with inner hyphens and apostrophes, and abbreviation periods)
//! and punctuation marks, each with its byte range. French elisions are split ("l’" "Intérieur").
use crate::text::fold;

#[derive(Debug, Clone, Copy)]
pub struct Tok<'a> {
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
    pub punct: bool,
}

// Markdown's emphasis, code and table marks ("**Tom Fairweather**", "_Le Monde_") are
// punctuation too, so that they never stick to a name.
const PUNCT: &str = ",;:()[]«»\"“”!?…*_`|~";
const ELISIONS: &[&str] = &[
    "l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu",
];

/// `keep_period(word)`: whether a period after `word` belongs to it (an abbreviation).
pub fn tokenize<'a>(s: &'a str, keep_period: impl Fn(&str) -> bool) -> Vec<Tok<'a>> {
    let mut out: Vec<Tok<'a>> = Vec::new();
    let mut start: Option<usize> = None;
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let flush = |out: &mut Vec<Tok<'a>>, st: usize, en: usize| {
        let w = &s[st..en];
        if let Some(ap) = w.find(['\'', '’']) {
            let prefix = &w[..ap];
            let rest_start = ap + w[ap..].chars().next().map(char::len_utf8).unwrap_or(1);
            // Elisions are lowercase: "N’Guessan" and "O'Brien" are names.
            let lowercase = prefix.chars().all(char::is_lowercase);
            if lowercase && ELISIONS.contains(&fold(prefix).as_str()) && rest_start < w.len() {
                out.push(Tok {
                    start: st,
                    end: st + rest_start,
                    text: &s[st..st + rest_start],
                    punct: false,
                });
                out.push(Tok {
                    start: st + rest_start,
                    end: en,
                    text: &s[st + rest_start..en],
                    punct: false,
                });
                return;
            }
        }
        out.push(Tok {
            start: st,
            end: en,
            text: w,
            punct: false,
        });
    };
    for (i, &(pos, c)) in chars.iter().enumerate() {
        // Most characters are ASCII letters or digits inside a word.
        if c.is_ascii_alphanumeric() {
            if start.is_none() {
                start = Some(pos);
            }
            continue;
        }
        let next = chars.get(i + 1).map(|x| x.1);
        if c.is_whitespace() {
            if let Some(st) = start.take() {
                flush(&mut out, st, pos);
            }
        } else if c == '.' {
            match start {
                Some(st) if keep_period(&s[st..pos]) || next.is_some_and(|n| n.is_alphabetic()) => {
                }
                Some(st) => {
                    flush(&mut out, st, pos);
                    start = None;
                    out.push(Tok {
                        start: pos,
                        end: pos + 1,
                        text: ".",
                        punct: true,
                    });
                }
                None => out.push(Tok {
                    start: pos,
                    end: pos + 1,
                    text: ".",
                    punct: true,
                }),
            }
        } else if PUNCT.contains(c) || ((c == '–' || c == '—') && start.is_none()) {
            if let Some(st) = start.take() {
                flush(&mut out, st, pos);
            }
            out.push(Tok {
                start: pos,
                end: pos + c.len_utf8(),
                text: &s[pos..pos + c.len_utf8()],
                punct: true,
            });
        } else if start.is_none() {
            start = Some(pos);
        }
    }
    if let Some(st) = start {
        let en = s.len();
        if s[st..en].ends_with('.') && !keep_period(&s[st..en - 1]) {
            flush(&mut out, st, en - 1);
            out.push(Tok {
                start: en - 1,
                end: en,
                text: ".",
                punct: true,
            });
        } else {
            flush(&mut out, st, en);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_elisions_and_keeps_abbreviations() {
        let t = tokenize("M. Dupont, ministre de l’Intérieur.", |w| w == "M");
        let texts: Vec<&str> = t.iter().map(|t| t.text).collect();
        assert_eq!(
            texts,
            vec![
                "M.",
                "Dupont",
                ",",
                "ministre",
                "de",
                "l’",
                "Intérieur",
                "."
            ]
        );
    }

    #[test]
    fn markdown_emphasis_does_not_stick_to_words() {
        let t = tokenize("**Health: Tom Fairweather** and _Le Monde_", |_| false);
        let words: Vec<&str> = t.iter().filter(|t| !t.punct).map(|t| t.text).collect();
        assert_eq!(
            words,
            vec!["Health", "Tom", "Fairweather", "and", "Le", "Monde"]
        );
    }
}
