//! The pipeline from paths to findings: Article → Segments → Claims → Findings. Reading,
//! segmenting and extraction run per file in parallel; comparison runs per story. The result is
//! sorted so that it is the same for any thread count.
use std::collections::BTreeMap;
use std::path::PathBuf;

use rayon::prelude::*;

use crate::claims::{Claim, Finding, Severity};
use crate::compare::{check_story, StoryCtx};
use crate::extract::extract;
use crate::input::{discover, read_article, stories, Article, ReadOptions, Skipped};
use crate::rules::Rules;
use crate::segment::{segment, Segmented};

#[derive(Debug, Clone, Default)]
pub struct RunOptions {
    pub paths: Vec<PathBuf>,
    pub all_text: bool,
    pub read: ReadOptions,
    pub disabled: Vec<String>,
    pub severity: BTreeMap<String, Severity>,
}

#[derive(Debug, Default)]
pub struct Analysis {
    pub articles: Vec<Article>,
    /// Every claim, for `claims`; empty after a comparison, which drops each story's claims
    /// once its findings are made.
    pub claims: Vec<Claim>,
    /// Claims found, candidates left out.
    pub claim_count: usize,
    pub skipped: Vec<Skipped>,
    pub warnings: Vec<String>,
    pub findings: Vec<Finding>,
}

impl Analysis {
    /// The claims to show: candidates left out.
    pub fn shown_claims(&self) -> impl Iterator<Item = &Claim> {
        self.claims.iter().filter(|c| !c.is_candidate())
    }
}

/// Reads, segments and extracts; compares too when `compare` is set.
pub fn analyze(opts: &RunOptions, rules: &Rules, compare: bool) -> Analysis {
    let (found, mut skipped) = discover(&opts.paths);
    let read: Vec<_> = found
        .par_iter()
        .map(|f| read_article(0, f, rules, &opts.read))
        .collect();
    let mut articles = Vec::new();
    let mut warnings = Vec::new();
    for (res, w) in read {
        warnings.extend(w);
        match res {
            Ok(mut a) => {
                a.id = articles.len();
                articles.push(a);
            }
            Err(s) => skipped.push(s),
        }
    }
    lend_story_dates(&mut articles);
    let extract_one = |a: &Article| {
        let seg = segment_article(a, rules, opts.all_text);
        extract(a, &seg, rules)
    };
    let mut claims = Vec::new();
    let mut claim_count = 0;
    let mut findings = Vec::new();
    if compare {
        // Story by story, so that a story's claims are dropped once its findings are made: the
        // memory of a run is that of its largest stories, not of the whole corpus.
        let groups: Vec<Vec<usize>> = stories(&articles).into_values().collect();
        let per_story: Vec<(usize, Vec<Finding>)> = groups
            .par_iter()
            .map(|ids| {
                let story_claims: Vec<Claim> = ids
                    .iter()
                    .flat_map(|&i| extract_one(&articles[i]))
                    .collect();
                let shown = story_claims.iter().filter(|c| !c.is_candidate()).count();
                let ctx = StoryCtx::new(&articles, ids, story_claims.iter().collect(), rules);
                let found = check_story(&ctx, |id| !opts.disabled.iter().any(|d| d == id));
                (shown, found)
            })
            .collect();
        for (n, f) in per_story {
            claim_count += n;
            findings.extend(f);
        }
        for f in &mut findings {
            if let Some(s) = opts.severity.get(f.rule) {
                f.severity = *s;
            }
        }
        findings.retain(|f| {
            let primary = f
                .locations
                .iter()
                .find(|l| l.primary)
                .or(f.locations.first());
            primary.is_none_or(|l| !articles[l.article].meta.ignore.iter().any(|r| r == f.rule))
        });
        sort_findings(&mut findings, &articles);
    } else {
        claims = articles.par_iter().flat_map_iter(extract_one).collect();
        claim_count = claims.iter().filter(|c| !c.is_candidate()).count();
    }
    skipped.sort_by(|a, b| a.path.cmp(&b.path));
    warnings.sort();
    Analysis {
        articles,
        claims,
        claim_count,
        skipped,
        warnings,
        findings,
    }
}

/// Undated articles borrow the earliest publication date of their story, for missing years.
fn lend_story_dates(articles: &mut [Article]) {
    let mut earliest: BTreeMap<String, chrono::NaiveDate> = BTreeMap::new();
    for a in articles.iter() {
        if let Some(d) = a.meta.date {
            let e = earliest.entry(a.story.clone()).or_insert(d.date);
            *e = (*e).min(d.date);
        }
    }
    for a in articles.iter_mut().filter(|a| a.meta.date.is_none()) {
        a.meta.story_date = earliest.get(&a.story).copied();
    }
}

pub fn segment_article(a: &Article, rules: &Rules, all_text: bool) -> Segmented {
    segment(
        &a.text,
        a.body_start,
        rules.lang(&a.meta.lang),
        &rules.segment,
        all_text,
    )
}

fn sort_findings(findings: &mut [Finding], articles: &[Article]) {
    let key = |f: &Finding| {
        let p = f
            .locations
            .iter()
            .find(|l| l.primary)
            .or(f.locations.first());
        let story = p
            .map(|l| articles[l.article].story.clone())
            .unwrap_or_default();
        (
            story,
            p.map(|l| (l.article, l.start)).unwrap_or_default(),
            f.rule,
            f.message.clone(),
        )
    };
    findings.sort_by_cached_key(key);
}
