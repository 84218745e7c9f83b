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
    /// Accepted readings from factlint.toml.
    pub accept: Vec<crate::rules::config::Accept>,
    /// Report suppressions that silence nothing.
    pub report_unused_suppressions: bool,
    /// Called once per article read and extracted (a progress bar).
    pub progress: Option<Progress>,
}

/// A progress callback, shared by the worker threads.
#[derive(Clone)]
pub struct Progress(pub std::sync::Arc<dyn Fn() + Send + Sync>);

impl std::fmt::Debug for Progress {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Progress")
    }
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
        let claims = extract(a, &seg, rules);
        if let Some(p) = &opts.progress {
            (p.0)();
        }
        claims
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
        crate::suppress::apply(
            &mut findings,
            &articles,
            &crate::compare::check_ids(),
            opts.report_unused_suppressions,
        );
        crate::rules::config::accept(&mut findings, &opts.accept, |f| {
            f.locations
                .iter()
                .find(|l| l.primary)
                .or(f.locations.first())
                .map(|l| articles[l.article].story.clone())
                .unwrap_or_default()
        });
        // Severities and switches apply to the suppression findings too.
        findings.retain(|f| !opts.disabled.iter().any(|d| d == f.rule));
        for f in &mut findings {
            if let Some(s) = opts.severity.get(f.rule) {
                f.severity = *s;
            }
        }
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
