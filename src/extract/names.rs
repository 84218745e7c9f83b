//! Keys that decide whether two written names are one person, and whether their spellings differ.
//! The strict key ignores case, accents, particles, hyphens and spaces (so "El Fallah" and
//! "Al-Fallah" are one spelling); the loose key also folds transliteration equivalences and
//! doubled letters (rules/common/person.toml), so "Mohamed" and "Mohammed" meet.
use crate::rules::NameRules;
use crate::text::fold;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameKey {
    pub strict: String,
    /// Loose form of each name part, particles left out.
    pub parts: Vec<String>,
    /// Each part as written, folded, particles left out.
    pub written: Vec<String>,
    /// Whether a particle stands inside the name ("Hugues de Kervéguen"): leaving it out is a
    /// misspelling, writing "El" for "Al" is not.
    pub inner_particle: bool,
}

impl NameKey {
    pub fn new(tokens: &[String], rules: &NameRules) -> NameKey {
        let pieces: Vec<String> = tokens
            .iter()
            .flat_map(|t| {
                fold(t)
                    .split(['-', '\'', ' '])
                    // "R." is the initial "r".
                    .map(|p| p.trim_matches('.').to_string())
                    .collect::<Vec<_>>()
            })
            .filter(|p| !p.is_empty())
            .collect();
        let n = pieces.len();
        let is_particle = |i: usize, p: &str| rules.particles.contains(p) && i + 1 < n;
        let kept: Vec<&String> = pieces
            .iter()
            .enumerate()
            // A particle is dropped unless it is the whole name or its last part.
            .filter(|(i, p)| !is_particle(*i, p))
            .map(|(_, p)| p)
            .collect();
        NameKey {
            strict: kept.iter().map(|s| s.as_str()).collect::<String>(),
            parts: kept.iter().map(|p| loose(p, rules)).collect(),
            written: kept.iter().map(|p| p.to_string()).collect(),
            inner_particle: pieces
                .iter()
                .enumerate()
                .any(|(i, p)| i > 0 && is_particle(i, p)),
        }
    }

    pub fn loose(&self) -> String {
        self.parts.join(" ")
    }

    /// One spelling of a name: the strict key, and whether a particle stands inside it.
    pub fn spelling(&self) -> (&str, bool) {
        (&self.strict, self.inner_particle)
    }

    pub fn given(&self) -> &str {
        self.parts.first().map(String::as_str).unwrap_or("")
    }

    pub fn last(&self) -> &str {
        self.parts.last().map(String::as_str).unwrap_or("")
    }
}

/// Transliteration equivalences applied in order, then doubled letters collapsed.
pub fn loose(part: &str, rules: &NameRules) -> String {
    let mut s = part.to_string();
    for (from, to) in &rules.transliterations {
        // A leading ^ ties the equivalence to the start of the name part ("^mac" → "mc").
        match from.strip_prefix('^') {
            Some(prefix) => {
                if let Some(rest) = s.strip_prefix(prefix) {
                    s = format!("{to}{rest}");
                }
            }
            // Most parts hold none of the patterns: test before building a new string.
            None if s.contains(from.as_str()) => s = s.replace(from.as_str(), to.as_str()),
            None => {}
        }
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if !out.ends_with(c) {
            out.push(c);
        }
    }
    out
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameMatch {
    /// The same spelling.
    Same,
    /// One person, spelled differently.
    Variant,
    /// One person, one name a shorter form of the other ("Nadia Fettah" / "Nadia Fettah Alaoui").
    Shortened,
}

/// One name part written for another by a typo: close by Jaro-Winkler, or one letter changed,
/// added, dropped or swapped in a longer part ("Moloney", "Maloney", whose early difference
/// Jaro-Winkler weighs heavily).
fn typo(x: &str, y: &str, min: f64) -> bool {
    let long_enough = x.chars().count().min(y.chars().count()) >= 5;
    (x.len() >= 4 && y.len() >= 4 && strsim::jaro_winkler(x, y) >= min)
        || (long_enough && strsim::damerau_levenshtein(x, y) == 1)
}

fn initial_of(short: &str, long: &str) -> bool {
    short.chars().count() == 1 && long.chars().count() > 1 && long.starts_with(short)
}

fn given_compatible(a: &str, b: &str, min: f64) -> bool {
    a == b
        || (a.len() == 1 && b.starts_with(a))
        || (b.len() == 1 && a.starts_with(b))
        || (a.len() >= 4 && b.len() >= 4 && strsim::jaro_winkler(a, b) >= min)
}

/// Whether two full names (at least two parts each) can be one person, and how they differ.
///
/// ```
/// use factlint::extract::names::{compare, NameKey, NameMatch};
/// let rules = factlint::rules::load(&[], &[]).unwrap();
/// let key = |s: &str| NameKey::new(&s.split(' ').map(String::from).collect::<Vec<_>>(), &rules.names);
/// assert_eq!(compare(&key("Mohamed Benjelloun"), &key("Mohammed Benjeloun"), &rules.names), Some(NameMatch::Variant));
/// assert_eq!(compare(&key("Amal El Fallah"), &key("Amal Al-Fallah"), &rules.names), Some(NameMatch::Same));
/// assert_eq!(compare(&key("Ahmed Benali"), &key("Salma Benali"), &rules.names), None);
/// ```
pub fn compare(a: &NameKey, b: &NameKey, rules: &NameRules) -> Option<NameMatch> {
    if a.strict == b.strict {
        // "Hugues Kervéguen" for "Hugues de Kervéguen": a particle left out of a full name.
        let dropped =
            a.inner_particle != b.inner_particle && a.parts.len() >= 2 && b.parts.len() >= 2;
        return Some(if dropped {
            NameMatch::Variant
        } else {
            NameMatch::Same
        });
    }
    if a.parts.len() < 2 || b.parts.len() < 2 {
        return None;
    }
    if a.parts == b.parts {
        return Some(NameMatch::Variant);
    }
    let min = rules.surname_min_similarity;
    if a.parts.len() == b.parts.len() {
        // Every part must meet its counterpart; at most one part may differ by a typo.
        let mut fuzzy = 0;
        let mut initials = 0;
        for (k, (x, y)) in a.parts.iter().zip(&b.parts).enumerate() {
            if x == y {
                continue;
            }
            // "R. Muthulakshmi" and "Rani Muthulakshmi": an initial is a shorter form.
            if let (Some(wx), Some(wy)) = (a.written.get(k), b.written.get(k)) {
                if initial_of(wx, wy) || initial_of(wy, wx) {
                    initials += 1;
                    continue;
                }
            }
            // "Kouffi" for "Koffi": one letter apart as written, further once loosened.
            let written = match (a.written.get(k), b.written.get(k)) {
                (Some(wx), Some(wy)) => typo(wx, wy, min),
                _ => false,
            };
            if !typo(x, y, min) && !written {
                return None;
            }
            fuzzy += 1;
        }
        return match fuzzy {
            0 if initials > 0 => Some(NameMatch::Shortened),
            0 | 1 => Some(NameMatch::Variant),
            _ => None,
        };
    }
    // One name is the other with parts left out: same given name and last name.
    let (short, long) = if a.parts.len() < b.parts.len() {
        (a, b)
    } else {
        (b, a)
    };
    if given_compatible(short.given(), long.given(), 1.0)
        && short.parts.iter().all(|p| long.parts.contains(p))
    {
        return Some(NameMatch::Shortened);
    }
    // "L. Diallo" for "Mamadou Lamine Diallo": initials of the parts left out.
    let fits = |k: usize, w: &String| {
        long.parts.contains(&short.parts[k])
            || long.written[..long.written.len().saturating_sub(1)]
                .iter()
                .any(|l| initial_of(w, l))
    };
    if short.last() == long.last() && short.written.iter().enumerate().all(|(k, w)| fits(k, w)) {
        return Some(NameMatch::Shortened);
    }
    // "Policy Halima Bello Sani" (a word of the title caught in the name) ends with "Halima Bello Sani".
    if long.parts.ends_with(&short.parts) {
        return Some(NameMatch::Shortened);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules() -> NameRules {
        NameRules {
            transliterations: vec![
                ("ou".into(), "u".into()),
                ("ch".into(), "sh".into()),
                ("e".into(), "a".into()),
            ],
            particles: ["el", "al", "ben", "de"]
                .iter()
                .map(|s| s.to_string())
                .collect(),
            surname_min_similarity: 0.92,
            portfolio_min_overlap: 0.5,
            stem_length: 6,
            period_days: 400,
        }
    }

    fn key(s: &str) -> NameKey {
        let toks: Vec<String> = s.split_whitespace().map(str::to_string).collect();
        NameKey::new(&toks, &rules())
    }

    #[test]
    fn particles_and_hyphens_alone_are_one_spelling() {
        assert_eq!(
            compare(&key("Amal El Fallah"), &key("Amal Al-Fallah"), &rules()),
            Some(NameMatch::Same)
        );
    }

    #[test]
    fn a_particle_left_out_is_a_variant() {
        assert_eq!(
            compare(
                &key("Hugues de Kervéguen"),
                &key("Hugues Kervéguen"),
                &rules()
            ),
            Some(NameMatch::Variant)
        );
        assert_eq!(
            compare(
                &key("Hugues de Kervéguen"),
                &key("Hugues De Kervéguen"),
                &rules()
            ),
            Some(NameMatch::Same)
        );
    }

    #[test]
    fn doubled_letters_are_a_variant() {
        assert_eq!(
            compare(
                &key("Mohamed Benjelloun"),
                &key("Mohammed Benjeloun"),
                &rules()
            ),
            Some(NameMatch::Variant)
        );
    }

    #[test]
    fn different_surnames_are_different_people() {
        assert_eq!(
            compare(
                &key("Amal El Fallah Seghrouchni"),
                &key("Amal Al-Fellah Sebbar"),
                &rules()
            ),
            None
        );
        assert_eq!(
            compare(&key("Ahmed Benali"), &key("Salma Benali"), &rules()),
            None
        );
    }

    #[test]
    fn an_initial_is_a_shorter_form() {
        let cases = [
            (
                "R. Muthulakshmi",
                "Rani Muthulakshmi",
                Some(NameMatch::Shortened),
            ),
            ("R. Muthulakshmi", "R. Muthulaxmi", Some(NameMatch::Variant)),
            ("S. Arumugam", "Rani Arumugam", None),
            (
                "L. Diallo",
                "Mamadou Lamine Diallo",
                Some(NameMatch::Shortened),
            ),
            ("K. Diallo", "Mamadou Lamine Diallo", None),
        ];
        for (a, b, want) in cases {
            assert_eq!(compare(&key(a), &key(b), &rules()), want, "{a} / {b}");
        }
    }

    #[test]
    fn a_shorter_form_is_not_a_variant() {
        assert_eq!(
            compare(&key("Nadia Fettah Alaoui"), &key("Nadia Fettah"), &rules()),
            Some(NameMatch::Shortened)
        );
    }
}
