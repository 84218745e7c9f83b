//! Sentences inside a body block. A period ends a sentence unless the token it closes is an
//! abbreviation of the language (M., Mme, S.M., Dr, Mr., St.) or a single initial.
use super::Sentence;
use crate::rules::LangRules;
use crate::text::fold;

pub fn split_sentences(text: &str, start: usize, end: usize, lang: &LangRules) -> Vec<Sentence> {
    let s = &text[start..end];
    let mut out = Vec::new();
    let mut sent_start = 0usize;
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (pos, c) = chars[i];
        if matches!(c, '.' | '!' | '?' | '…') {
            // Swallow repeated enders and closing quotes/brackets.
            let mut j = i + 1;
            while j < chars.len()
                && (matches!(
                    chars[j].1,
                    '.' | '!' | '?' | '…' | '»' | '"' | '”' | ')' | '’'
                ))
            {
                j += 1;
            }
            // Needs white space, then something that can open a sentence.
            let mut k = j;
            let mut saw_space = false;
            while k < chars.len() && chars[k].1.is_whitespace() {
                saw_space = true;
                k += 1;
            }
            let opens = k < chars.len()
                && (chars[k].1.is_uppercase()
                    || chars[k].1.is_numeric()
                    || "«\"“-–—(".contains(chars[k].1));
            if saw_space && opens && !(c == '.' && is_abbreviation(s, pos, lang)) {
                let end_pos = if j < chars.len() { chars[j].0 } else { s.len() };
                push(&mut out, s, start, sent_start, end_pos);
                sent_start = chars[k].0;
                i = k;
                continue;
            }
            i = j;
            continue;
        }
        i += 1;
    }
    push(&mut out, s, start, sent_start, s.len());
    out
}

fn push(out: &mut Vec<Sentence>, s: &str, base: usize, from: usize, to: usize) {
    let piece = &s[from..to];
    let lead = piece.len() - piece.trim_start().len();
    let trimmed = piece.trim();
    if !trimmed.is_empty() {
        out.push(Sentence {
            start: base + from + lead,
            end: base + from + lead + trimmed.len(),
        });
    }
}

/// The token that ends at the period `dot` is an abbreviation or an initial.
fn is_abbreviation(s: &str, dot: usize, lang: &LangRules) -> bool {
    let before = &s[..dot];
    let token_start =
        crate::text::after_last(before, |c| c.is_whitespace() || c == '(' || c == '«');
    let token = &s[token_start..=dot];
    let letters: Vec<char> = token.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() == 1 && letters[0].is_uppercase() {
        return true;
    }
    let folded = fold(token);
    lang.abbreviations.contains(&folded)
        || lang
            .abbreviations
            .contains(folded.trim_start_matches(|c: char| !c.is_alphanumeric()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str, lang: &str) -> Vec<String> {
        let rules = crate::rules::load(&[], &[]).unwrap();
        split_sentences(text, 0, text.len(), rules.lang(lang))
            .into_iter()
            .map(|s| text[s.start..s.end].to_string())
            .collect()
    }

    #[test]
    fn french_honorifics_do_not_end_sentences() {
        let s = split(
            "M. Dupont a parlé à Mme Martin. S.M. le Roi a reçu Dr. Alami. Fin.",
            "fr",
        );
        assert_eq!(
            s,
            vec![
                "M. Dupont a parlé à Mme Martin.",
                "S.M. le Roi a reçu Dr. Alami.",
                "Fin."
            ]
        );
    }

    #[test]
    fn english_abbreviations_and_initials_do_not_end_sentences() {
        let s = split(
            "Mr. Smith lives on St. James Road with J. R. Doe. She left! Did he?",
            "en",
        );
        assert_eq!(
            s,
            vec![
                "Mr. Smith lives on St. James Road with J. R. Doe.",
                "She left!",
                "Did he?"
            ]
        );
    }
}
