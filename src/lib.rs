//! factlint: finds where news articles covering one story contradict each other.
//!
//! The pipeline reads from the module list: `input` (walk, decode, front matter) → `segment`
//! (blocks, sentences, boilerplate) → `extract` (one module per claim kind) → `claims` (the
//! data) → `compare` (grouping and checks) → `report` (one module per format), driven by `run`
//! and `cli`; `suppress` drops what articles silence. Rules are data (`rules`), loaded once per run.
// A rule error carries its file text for the diagnostic; it is built once, on the way out.
#![allow(clippy::result_large_err)]

pub mod baseline;
pub mod claims;
pub mod cli;
pub mod compare;
pub mod extract;
pub mod input;
pub mod progress;
pub mod report;
pub mod rules;
pub mod run;
pub mod segment;
pub mod suppress;
pub mod text;
