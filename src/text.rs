//! Small text helpers shared by every stage: folding for comparison, word iteration, offsets.
use unicode_normalization::UnicodeNormalization;

/// Lowercase, accents removed, typographic apostrophes and dashes made plain: the form in which
/// words are compared with rule lists.
///
/// ```
/// assert_eq!(factlint::text::fold("Réforme de l’Administration"), "reforme de l'administration");
/// ```
pub fn fold(s: &str) -> String {
    if s.is_ascii() {
        let mut out = s.to_ascii_lowercase();
        if out.contains('`') {
            out = out.replace('`', "'");
        }
        return out;
    }
    // The accented letters of French and the other Latin-script languages of the news, without
    // a full Unicode decomposition; anything else takes the general path.
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match latin_base(c) {
            Some(b) => out.push(b),
            None if (c as u32) < 0x80 => out.push(c.to_ascii_lowercase()),
            // Guillemets, currency signs, ellipses: nothing to lowercase or strip.
            None if !c.is_alphanumeric() && !unicode_normalization::char::is_combining_mark(c) => {
                out.push(c)
            }
            None => return fold_general(s),
        }
    }
    out
}

/// The lowercase base letter of a Latin-1 or Latin Extended-A letter, and the plain forms of
/// typographic apostrophes, dashes and spaces.
fn latin_base(c: char) -> Option<char> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' => 'a',
        'ç' | 'Ç' => 'c',
        'è' | 'é' | 'ê' | 'ë' | 'È' | 'É' | 'Ê' | 'Ë' => 'e',
        'ì' | 'í' | 'î' | 'ï' | 'Ì' | 'Í' | 'Î' | 'Ï' => 'i',
        'ñ' | 'Ñ' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' => 'o',
        'ù' | 'ú' | 'û' | 'ü' | 'Ù' | 'Ú' | 'Û' | 'Ü' => 'u',
        'ý' | 'ÿ' | 'Ý' | 'Ÿ' => 'y',
        '’' | '‘' | 'ʼ' | 'ʻ' | '´' | '`' | '՚' | 'ꞌ' | '＇' | '′' | '‵' | 'ʹ' => {
            '\''
        }
        '–' | '—' | '‑' | '‐' => '-',
        '\u{a0}' | '\u{202f}' | '\u{2009}' => ' ',
        _ => return None,
    })
}

fn fold_general(s: &str) -> String {
    s.nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .map(|c| match c {
            '’' | '‘' | 'ʼ' | 'ʻ' | '´' | '`' | '՚' | 'ꞌ' | '＇' | '′' | '‵' | 'ʹ' => {
                '\''
            }
            '–' | '—' | '‑' | '‐' => '-',
            '\u{a0}' | '\u{202f}' | '\u{2009}' => ' ',
            c => c,
        })
        .flat_map(char::to_lowercase)
        .collect()
}

/// Whether `phrase` stands in `text` as whole words: no letter or digit right before or after.
pub fn contains_phrase(text: &str, phrase: &str) -> bool {
    // Called for every phrase of a list on every sentence: a scan for the first byte is much
    // cheaper on short texts than building a substring searcher each time.
    let (hay, needle) = (text.as_bytes(), phrase.as_bytes());
    let Some(&first) = needle.first() else {
        return true;
    };
    memchr::memchr_iter(first, hay).any(|i| {
        hay[i..].starts_with(needle) && {
            let before = text[..i].chars().next_back();
            let after = text[i + phrase.len()..].chars().next();
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
        }
    })
}

/// `fold` that borrows when the text is already folded (lowercase ASCII), as most words are.
pub fn fold_cow(s: &str) -> std::borrow::Cow<'_, str> {
    if s.bytes()
        .all(|b| b.is_ascii() && !b.is_ascii_uppercase() && b != b'`')
    {
        std::borrow::Cow::Borrowed(s)
    } else {
        std::borrow::Cow::Owned(fold(s))
    }
}

/// Lowercase only, keeping accents (for words whose accent matters to the reader).
pub fn lower(s: &str) -> String {
    s.chars()
        .map(|c| if c == '’' { '\'' } else { c })
        .flat_map(char::to_lowercase)
        .collect()
}

/// Words of a text with their byte ranges: letters, digits and inner apostrophes or hyphens.
/// Lazy, so that `take(n)` reads only the start of a long text.
pub fn words(s: &str) -> Words<'_> {
    Words { s, pos: 0 }
}

pub struct Words<'a> {
    s: &'a str,
    pos: usize,
}

impl<'a> Iterator for Words<'a> {
    type Item = (usize, &'a str);

    fn next(&mut self) -> Option<(usize, &'a str)> {
        let rest = &self.s[self.pos..];
        let (off, _) = rest.char_indices().find(|(_, c)| c.is_alphanumeric())?;
        let start = self.pos + off;
        let mut end = start;
        let mut chars = self.s[start..].char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            let inner = (c == '-' || c == '\'' || c == '’')
                && chars.peek().is_some_and(|(_, n)| n.is_alphanumeric());
            if c.is_alphanumeric() || inner {
                end = start + i + c.len_utf8();
            } else {
                break;
            }
        }
        self.pos = end;
        Some((start, &self.s[start..end]))
    }
}

/// Splits elisions so that "l’administration" counts as the function word "l" and a word.
pub fn word_count_and_function_share(s: &str, is_function: impl Fn(&str) -> bool) -> (usize, f64) {
    let mut n = 0usize;
    let mut f = 0usize;
    for (_, w) in words(s) {
        for part in w.split(['\'', '’']) {
            if part.is_empty() || !part.chars().any(char::is_alphabetic) {
                continue;
            }
            n += 1;
            if is_function(&fold_cow(part)) {
                f += 1;
            }
        }
    }
    (n, if n == 0 { 0.0 } else { f as f64 / n as f64 })
}

/// 1-based line and character column of a byte offset.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = &text[..floor_char_boundary(text, offset)];
    let line = before.matches('\n').count() + 1;
    let col = before
        .rsplit('\n')
        .next()
        .map(|l| l.chars().count())
        .unwrap_or(0)
        + 1;
    (line, col)
}

/// Byte index just after the last character of `s` that matches, or 0.
pub fn after_last(s: &str, pred: impl Fn(char) -> bool) -> usize {
    s.char_indices()
        .rev()
        .find(|&(_, c)| pred(c))
        .map(|(i, c)| i + c.len_utf8())
        .unwrap_or(0)
}

pub fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Escapes a literal for a regex, letting any apostrophe match both forms and any space match
/// any run of white space.
pub fn loose_literal(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        match c {
            '\'' | '’' => out.push_str("['’ʼʻ´`՚ꞌ＇′‵ʹ]"),
            ' ' => out.push_str(r"\s+"),
            c => out.push_str(&regex::escape(&c.to_string())),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fold_removes_accents_and_unifies_apostrophes() {
        assert_eq!(
            fold("Réforme de l’Administration"),
            "reforme de l'administration"
        );
        assert_eq!(fold("Aït"), "ait");
        // Punctuation stays on the fast path; a lone combining accent still goes.
        assert_eq!(fold("« Réforme » … 5 €"), "« reforme » … 5 €");
        assert_eq!(fold("Re\u{301}forme «x»"), "reforme «x»");
    }

    #[test]
    fn words_keep_inner_hyphens_and_apostrophes() {
        let w: Vec<_> = words("Al-Fellah a dit: l’IA, 25 %")
            .map(|(_, w)| w)
            .collect();
        assert_eq!(w, vec!["Al-Fellah", "a", "dit", "l’IA", "25"]);
    }

    #[test]
    fn line_col_counts_characters() {
        let t = "é\nabc déf";
        assert_eq!(line_col(t, t.find("déf").unwrap()), (2, 5));
    }
}
