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
        return s.to_ascii_lowercase().replace('`', "'");
    }
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
pub fn words(s: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let bytes: Vec<(usize, char)> = s.char_indices().collect();
    for (i, &(pos, c)) in bytes.iter().enumerate() {
        let inner = (c == '-' || c == '\'' || c == '’')
            && start.is_some()
            && bytes.get(i + 1).is_some_and(|(_, n)| n.is_alphanumeric());
        if c.is_alphanumeric() || inner {
            if start.is_none() {
                start = Some(pos);
            }
        } else if let Some(st) = start.take() {
            out.push((st, &s[st..pos]));
        }
    }
    if let Some(st) = start {
        out.push((st, &s[st..]));
    }
    out.into_iter()
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
