//! Comparison: the claims of one story are grouped by subject and each check looks for
//! readings that cannot all be true. Checks live one per file under checks/, each with its
//! documentation as the file's `//!` comment, which `factlint explain ID` prints.
pub mod checks;
pub mod dates;
pub mod events;
pub mod people;
mod readings;

use crate::claims::{Claim, Finding, Severity};
use crate::input::Article;
use crate::rules::Rules;

pub use readings::{cross_source, Reading};

/// The root of `x` in a union-find forest held as a parent slice, shortening its path: the
/// checks that group claims of one subject across sources share it.
pub fn find(p: &mut [usize], x: usize) -> usize {
    let mut r = x;
    while p[r] != r {
        r = p[r];
    }
    p[x] = r;
    r
}

/// What a check sees: one story's articles and claims, and the rules.
pub struct StoryCtx<'a> {
    pub articles: &'a [Article],
    pub story: &'a [usize],
    pub claims: Vec<&'a Claim>,
    pub rules: &'a Rules,
    pub people: people::People<'a>,
}

impl<'a> StoryCtx<'a> {
    pub fn new(
        articles: &'a [Article],
        story: &'a [usize],
        claims: Vec<&'a Claim>,
        rules: &'a Rules,
    ) -> Self {
        let people = people::People::build(&claims, rules);
        StoryCtx {
            articles,
            story,
            claims,
            rules,
            people,
        }
    }
}

pub struct CheckInfo {
    pub id: &'static str,
    pub default_severity: Severity,
    /// The check's source file; its leading `//!` lines are its documentation.
    pub source: &'static str,
    pub run: fn(&StoryCtx) -> Vec<Finding>,
}

impl CheckInfo {
    pub fn doc(&self) -> String {
        self.source
            .lines()
            .take_while(|l| l.starts_with("//!"))
            .map(|l| {
                l.trim_start_matches("//!")
                    .strip_prefix(' ')
                    .unwrap_or(l.trim_start_matches("//!"))
            })
            .collect::<Vec<_>>()
            .join("\n")
    }

    pub fn summary(&self) -> String {
        self.doc().lines().next().unwrap_or("").to_string()
    }
}

pub const CHECKS: &[CheckInfo] = &[
    checks::date_conflict::CHECK,
    checks::date_impossible::CHECK,
    checks::date_weekday_mismatch::CHECK,
    checks::factlint_unknown_rule::CHECK,
    checks::factlint_unused_suppression::CHECK,
    checks::figure_conflict::CHECK,
    checks::figure_sum_mismatch::CHECK,
    checks::person_name_variant::CHECK,
    checks::person_non_canonical::CHECK,
    checks::person_role_conflict::CHECK,
    checks::person_title_conflict::CHECK,
    checks::place_conflict::CHECK,
];

pub fn check_ids() -> Vec<&'static str> {
    CHECKS.iter().map(|c| c.id).collect()
}

pub fn find_check(id: &str) -> Option<&'static CheckInfo> {
    CHECKS.iter().find(|c| c.id == id)
}

/// Runs every enabled check on one story.
pub fn check_story(ctx: &StoryCtx, enabled: impl Fn(&str) -> bool) -> Vec<Finding> {
    let mut out = Vec::new();
    for check in CHECKS.iter().filter(|c| enabled(c.id)) {
        out.extend((check.run)(ctx));
    }
    out
}
