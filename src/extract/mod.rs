//! Extraction: body sentences become claims. One module per claim kind; each reads only the
//! article's sentences and its language's rules.
mod calendar;
pub mod context;
pub mod date;
pub mod names;
pub mod numbers;
pub mod person;
pub mod place;
mod tokens;

use crate::claims::Claim;
use crate::input::Article;
use crate::rules::Rules;
use crate::segment::Segmented;

pub use tokens::{tokenize, Tok};

/// Every claim of one article, in text order.
pub fn extract(article: &Article, seg: &Segmented, rules: &Rules) -> Vec<Claim> {
    let mut claims = person::extract(article, seg, rules);
    let persons: Vec<(usize, usize)> = claims
        .iter()
        .filter(|c| !c.is_candidate())
        .map(|c| (c.start, c.end))
        .collect();
    let sentences = context::Sentences::new(
        &article.text,
        seg.sentences.iter().map(|s| (s.start, s.end)).collect(),
        rules.lang(&article.meta.lang),
        rules.names.stem_length,
    );
    let dates = date::extract(article, seg, rules, &sentences);
    // Numbers inside a date ("le 3 juillet 2025", "d'ici 2030") are not quantities.
    let spans: Vec<(usize, usize)> = dates.iter().map(|c| (c.start, c.end)).collect();
    claims.extend(dates);
    claims.extend(place::extract(article, seg, rules, &persons, &sentences));
    claims.extend(numbers::extract(article, seg, rules, &spans, &sentences));
    claims.sort_by(|a, b| (a.start, a.end, a.kind).cmp(&(b.start, b.end, b.kind)));
    claims
}
