//! Turning the readings that sources give of one subject into a finding: the majority, the
//! odd readings, and every source's mention as a location.
use std::collections::{BTreeMap, BTreeSet};

use crate::claims::{Finding, FindingReading, Location, Severity};
use crate::input::Article;

/// What one source says of a subject, and where.
#[derive(Debug, Clone)]
pub struct Reading {
    pub article: usize,
    /// The reading as shown to the user ("Amal El Fallah Seghrouchni").
    pub value: String,
    /// Byte ranges in the article's text.
    pub spans: Vec<(usize, usize)>,
}

/// A finding from readings that disagree. `what` names the subject ("the minister of ...").
/// The primary location is the first mention of the least common reading.
pub fn cross_source(
    rule: &'static str,
    severity: Severity,
    subject: &str,
    what: &str,
    readings: Vec<Reading>,
    articles: &[Article],
) -> Option<Finding> {
    let mut groups: BTreeMap<String, Vec<Reading>> = BTreeMap::new();
    for r in readings {
        groups.entry(r.value.clone()).or_default().push(r);
    }
    if groups.len() < 2 {
        return None;
    }
    let sources = |rs: &[Reading]| rs.iter().map(|r| r.article).collect::<BTreeSet<_>>().len();
    let total: usize = groups
        .values()
        .flat_map(|rs| rs.iter().map(|r| r.article))
        .collect::<BTreeSet<_>>()
        .len();
    let mut ordered: Vec<(String, Vec<Reading>, usize)> = groups
        .into_iter()
        .map(|(v, rs)| {
            let n = sources(&rs);
            (v, rs, n)
        })
        .collect();
    ordered.sort_by(|a, b| b.2.cmp(&a.2).then(a.0.cmp(&b.0)));
    let majority = &ordered[0];
    // Three sources or more, each with its own date, figure or place: the readings were not
    // of one subject. (Three spellings of one name are still one person.)
    if majority.2 == 1 && ordered.len() >= 3 && !rule.starts_with("person.") {
        return None;
    }
    let tie = ordered.len() > 1 && ordered[1].2 == majority.2;
    let odd = ordered.last().expect("two groups at least");
    let plural = |n: usize| if n == 1 { "source" } else { "sources" };
    let listed = ordered
        .iter()
        .map(|(v, _, n)| format!("«{v}» ({n} {})", plural(*n)))
        .collect::<Vec<_>>()
        .join(" vs ");
    let message = format!("{what}: sources disagree: {listed}");
    let odd_files: Vec<&str> = odd
        .1
        .iter()
        .map(|r| articles[r.article].path.as_str())
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let help = if tie {
        format!(
            "sources are split ({} vs {} of {total}); check which reading is right",
            majority.2, ordered[1].2
        )
    } else {
        format!(
            "{} of {total} sources give «{}»; «{}» stands in {}",
            majority.2,
            majority.0,
            odd.0,
            odd_files.join(", ")
        )
    };
    let mut locations = Vec::new();
    let mut primary_done = false;
    for (rank, (value, rs, n)) in ordered.iter().enumerate().rev() {
        let tag = if rank == 0 && !tie {
            format!("«{value}»: majority reading, {n} of {total}")
        } else {
            format!("«{value}»: {n} of {total}")
        };
        for r in rs {
            for &(s, e) in &r.spans {
                let primary = !primary_done;
                primary_done = true;
                locations.push(Location {
                    article: r.article,
                    start: s,
                    end: e,
                    primary,
                    label: tag.clone(),
                });
            }
        }
    }
    locations.sort_by(|a, b| {
        b.primary
            .cmp(&a.primary)
            .then((a.article, a.start).cmp(&(b.article, b.start)))
    });
    locations.dedup_by(|a, b| a.article == b.article && a.start == b.start && a.end == b.end);
    let readings = ordered
        .iter()
        .enumerate()
        .map(|(rank, (value, rs, _))| FindingReading {
            value: value.clone(),
            articles: rs
                .iter()
                .map(|r| r.article)
                .collect::<BTreeSet<_>>()
                .into_iter()
                .collect(),
            majority: rank == 0 && !tie,
        })
        .collect();
    Some(Finding {
        rule,
        severity,
        message,
        help: Some(help),
        locations,
        subject: subject.to_string(),
        readings,
    })
}
