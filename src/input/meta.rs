//! Metadata an article does not state in front matter: its language and its dateline.
use chrono::NaiveDate;

use crate::rules::{LangRules, Rules};
use crate::text::{fold, words};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Precision {
    Day,
    Month,
    Year,
}

/// A publication date as precise as the source gives it ("2025-06" is a month).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PubDate {
    /// The first day of the stated period.
    pub date: NaiveDate,
    pub precision: Precision,
}

impl PubDate {
    /// "2025-03-12", "2025-03-12T10:00:00Z", "2025-03", "2025".
    pub fn parse(s: &str) -> Option<PubDate> {
        let s = s.trim();
        let head: String = s.chars().take(10).collect();
        if let Ok(d) = NaiveDate::parse_from_str(&head, "%Y-%m-%d") {
            return Some(PubDate {
                date: d,
                precision: Precision::Day,
            });
        }
        let parts: Vec<&str> = s.split('-').collect();
        let year: i32 = parts.first()?.parse().ok()?;
        match parts.len() {
            1 if s.len() == 4 => Some(PubDate {
                date: NaiveDate::from_ymd_opt(year, 1, 1)?,
                precision: Precision::Year,
            }),
            2 => {
                let month: u32 = parts[1].parse().ok()?;
                Some(PubDate {
                    date: NaiveDate::from_ymd_opt(year, month, 1)?,
                    precision: Precision::Month,
                })
            }
            _ => None,
        }
    }

    pub fn display(&self) -> String {
        match self.precision {
            Precision::Day => self.date.format("%Y-%m-%d").to_string(),
            Precision::Month => self.date.format("%Y-%m").to_string(),
            Precision::Year => self.date.format("%Y").to_string(),
        }
    }
}

/// The language whose function words are most frequent in the text.
pub fn detect_language(text: &str, rules: &Rules) -> String {
    let sample: Vec<std::borrow::Cow<str>> = words(text)
        // Function words are a third of any prose: 300 words settle the language.
        .take(300)
        .map(|(_, w)| crate::text::fold_cow(w))
        .collect();
    let mut best: Option<(usize, &str)> = None;
    for (code, lang) in &rules.langs {
        let n = sample
            .iter()
            .filter(|w| lang.function_words.contains(w.as_ref()))
            .count();
        if best.is_none_or(|(b, _)| n > b) {
            best = Some((n, code));
        }
    }
    best.map(|(_, c)| c.to_string())
        .unwrap_or_else(|| "en".into())
}

/// The outlet and publication date a dateline states ("Publié dans Hespress le 26 - 11 - 2024").
pub fn infer_dateline(text: &str, lang: &LangRules) -> Option<(Option<String>, Option<PubDate>)> {
    for re in &lang.dateline {
        let Some(c) = re.captures(text) else { continue };
        let source = c
            .name("source")
            .map(|m| m.as_str().split_whitespace().collect::<Vec<_>>().join(" "))
            .filter(|s| !s.is_empty());
        let date = if let Some(d) = c.name("date") {
            PubDate::parse(d.as_str())
        } else if let Some(w) = c.name("when") {
            crate::extract::date::first_date(w.as_str(), lang)
        } else {
            let year: i32 = c.name("year").and_then(|m| m.as_str().parse().ok())?;
            let month = c.name("month").and_then(|m| {
                let s = m.as_str();
                s.parse::<u32>()
                    .ok()
                    .or_else(|| lang.months.get(fold(s).trim_end_matches('.')).copied())
            });
            let day: Option<u32> = c.name("day").and_then(|m| m.as_str().parse().ok());
            match (month, day) {
                (Some(m), Some(d)) => NaiveDate::from_ymd_opt(year, m, d).map(|date| PubDate {
                    date,
                    precision: Precision::Day,
                }),
                (Some(m), None) => NaiveDate::from_ymd_opt(year, m, 1).map(|date| PubDate {
                    date,
                    precision: Precision::Month,
                }),
                _ => NaiveDate::from_ymd_opt(year, 1, 1).map(|date| PubDate {
                    date,
                    precision: Precision::Year,
                }),
            }
        };
        if source.is_some() || date.is_some() {
            return Some((source, date));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pub_dates() {
        assert_eq!(
            PubDate::parse("2025-06").unwrap().precision,
            Precision::Month
        );
        assert_eq!(
            PubDate::parse("2025-03-12T10:00:00Z").unwrap().display(),
            "2025-03-12"
        );
        assert!(PubDate::parse("soon").is_none());
    }

    #[test]
    fn an_outlet_line_with_its_publication_date() {
        let rules = crate::rules::load(&[], &[]).expect("default rules load");
        let cases = [
            (
                "en",
                "Harbour Gazette — Published 10 July 2026\n\nHeadline",
                "2026-07-10",
            ),
            (
                "fr",
                "Le Courrier du Nord — Publié le vendredi 22 mai 2026\n\nTitre",
                "2026-05-22",
            ),
        ];
        for (lang, text, want) in cases {
            let (source, date) = infer_dateline(text, rules.lang(lang)).expect("a dateline");
            assert_eq!(date.map(|d| d.display()).as_deref(), Some(want), "{text}");
            assert!(
                source.is_some_and(|s| s.starts_with("Harbour") || s.starts_with("Le Courrier"))
            );
        }
    }

    #[test]
    fn a_byline_or_place_line_with_its_publication_date() {
        let rules = crate::rules::load(&[], &[]).expect("default rules load");
        let cases = [
            (
                "en",
                "Headline\n\nBy Jordan Keeash | Published March 11, 2026, 7:05 a.m. EDT\n\nText",
                "2026-03-11",
            ),
            (
                "en",
                "Headline\n\nNuku'alofa | Posted 19 February 2026 | By Staff Reporter\n\nText",
                "2026-02-19",
            ),
            (
                "fr",
                "Titre\n\nPar Jeanne Roy | Publié le 11 mars 2026 à 7 h 05\n\nTexte",
                "2026-03-11",
            ),
        ];
        for (lang, text, want) in cases {
            let (_, date) = infer_dateline(text, rules.lang(lang)).expect("a dateline");
            assert_eq!(date.map(|d| d.display()).as_deref(), Some(want), "{text}");
        }
    }
}
