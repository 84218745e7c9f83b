//! The command line: `check`, `claims`, `segments`, `rules`, `explain`.
use std::io::{IsTerminal, Write};
use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::claims::Severity;
use crate::compare::{check_ids, find_check, CHECKS};
use crate::input::ReadOptions;
use crate::report;
use crate::rules::config::Config;
use crate::rules::{self, Rules};
use crate::run::{analyze, segment_article, RunOptions};
use crate::{baseline, progress};

#[derive(Parser, Debug)]
#[command(
    name = "factlint",
    version,
    about = "Finds where news sources contradict each other: names, roles, dates, figures, places."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Check stories (folders of articles) and report where sources disagree.
    Check(CheckArgs),
    /// Print the claims extracted from articles.
    Claims(ClaimsArgs),
    /// Print each block of a file with its class and the signals that decided it.
    Segments(SegmentsArgs),
    /// List every check with its id, default severity and summary.
    Rules,
    /// Print a check's documentation.
    Explain {
        /// A check id, such as person.name-variant.
        id: String,
    },
    /// Print the date patterns of a language as one regex (for benchmarks against other tools).
    #[command(hide = true)]
    DebugDateRegex {
        #[arg(long, default_value = "fr")]
        lang: String,
    },
}

#[derive(Clone, Copy, Debug, ValueEnum, PartialEq, Eq)]
pub enum Format {
    /// miette diagnostics for a person at a terminal.
    Human,
    /// Findings, files and a summary as JSON.
    Json,
    /// SARIF 2.1.0, for code scanning.
    Sarif,
    /// GitHub Actions workflow commands (annotations).
    Github,
    /// reviewdog's diagnostic format (rdjson).
    Rdjson,
    /// JUnit XML: a test case per file, a failure per finding.
    Junit,
    /// Checkstyle XML.
    Checkstyle,
    /// A discrepancy report in Markdown.
    Markdown,
    /// A self-contained HTML discrepancy report.
    Html,
}

#[derive(Clone, Copy, Debug, ValueEnum, PartialEq, Eq)]
pub enum FailOn {
    Error,
    Warning,
    Info,
    Never,
}

#[derive(Clone, Copy, Debug, ValueEnum, PartialEq, Eq)]
pub enum Color {
    Auto,
    Always,
    Never,
}

#[derive(Args, Debug, Clone)]
pub struct Common {
    /// Files or folders; each folder's articles form a story, files named one by one form one.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// Extra rule folder: its files add to or replace the embedded rules (repeatable).
    #[arg(long = "rules", value_name = "DIR")]
    pub rules: Vec<PathBuf>,
    /// Use this factlint.toml instead of the one found above the first path.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Do not look for factlint.toml.
    #[arg(long)]
    pub no_config: bool,
    /// Treat every line as article text (turn the boilerplate classifier off).
    #[arg(long)]
    pub all_text: bool,
    /// Publication date for every article, for relative dates (YYYY-MM-DD).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub reference_date: Option<NaiveDate>,
    /// Language of every article (otherwise front matter `lang`, else detected).
    #[arg(long)]
    pub lang: Option<String>,
    /// Worker threads (default: all cores).
    #[arg(long, short = 'j')]
    pub threads: Option<usize>,
    /// Output format (`claims` writes human or json only).
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// Write the output to this file (atomically: a temporary file, then a rename).
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Color in human output: auto (when a terminal and NO_COLOR unset), always, never.
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    pub color: Color,
}

#[derive(Args, Debug)]
pub struct CheckArgs {
    #[command(flatten)]
    pub common: Common,
    /// Exit 1 when a finding at or above this severity is reported.
    #[arg(long, value_enum, default_value_t = FailOn::Warning)]
    pub fail_on: FailOn,
    /// Report only findings that are not in this baseline file.
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,
    /// Record the current findings in this baseline file (and report them as usual).
    #[arg(long, value_name = "FILE")]
    pub write_baseline: Option<PathBuf>,
    /// Report suppressions that silence nothing (factlint.unused-suppression).
    #[arg(long)]
    pub report_unused_suppressions: bool,
    /// Print nothing but the number of findings that set the exit code.
    #[arg(long, short = 'q')]
    pub quiet: bool,
    /// Print the number of findings per rule instead of the findings.
    #[arg(long)]
    pub statistics: bool,
}

#[derive(Args, Debug)]
pub struct ClaimsArgs {
    #[command(flatten)]
    pub common: Common,
}

#[derive(Args, Debug)]
pub struct SegmentsArgs {
    pub file: PathBuf,
    #[arg(long = "rules", value_name = "DIR")]
    pub rules: Vec<PathBuf>,
    #[arg(long)]
    pub all_text: bool,
    #[arg(long)]
    pub lang: Option<String>,
}

fn parse_date(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|e| format!("expected YYYY-MM-DD: {e}"))
}

/// Exit codes: 0 nothing at or above --fail-on, 1 something, 2 a usage, rule or I/O error.
pub fn main() -> i32 {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return code;
        }
    };
    match run(cli) {
        Ok(code) => code,
        Err(report) => {
            eprintln!("{report:?}");
            2
        }
    }
}

fn color_enabled(c: Color, stream_is_tty: bool) -> bool {
    match c {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => stream_is_tty && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
    }
}

fn load_setup(common: &Common) -> miette::Result<(Rules, Config)> {
    let config_path = if common.no_config {
        None
    } else {
        common
            .config
            .clone()
            .or_else(|| common.paths.first().and_then(|p| Config::discover(p)))
    };
    let config = match config_path {
        Some(p) => Config::load(&p, &check_ids())?,
        None => Config::default(),
    };
    let mut dirs = config.rule_dirs.clone();
    dirs.extend(common.rules.iter().cloned());
    let rules = rules::load(&dirs, &config.entity_files)?;
    Ok((rules, config))
}

fn run_options(common: &Common, config: &Config) -> RunOptions {
    RunOptions {
        paths: common.paths.clone(),
        all_text: common.all_text,
        read: ReadOptions {
            reference_date: common.reference_date,
            lang: common.lang.clone(),
        },
        disabled: config.disabled.clone(),
        severity: config.severity.clone(),
        accept: config.accept.clone(),
        report_unused_suppressions: false,
        progress: None,
    }
}

fn set_threads(n: Option<usize>) {
    if let Some(n) = n {
        let _ = rayon::ThreadPoolBuilder::new()
            .num_threads(n.max(1))
            .build_global();
    }
}

fn emit(s: &str) -> i32 {
    let mut out = std::io::stdout().lock();
    match out.write_all(s.as_bytes()).and_then(|_| out.flush()) {
        Ok(()) => 0,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => 0,
        Err(e) => {
            eprintln!("factlint: cannot write output: {e}");
            2
        }
    }
}

/// Writes beside the target and renames, so that a crash never leaves half a report.
fn write_atomic(path: &std::path::Path, text: &str) -> i32 {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = path
        .file_name()
        .map_or_else(|| "report".into(), |n| n.to_string_lossy().into_owned());
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let res = std::fs::File::create(&tmp)
        .and_then(|mut f| f.write_all(text.as_bytes()).and_then(|_| f.sync_all()))
        .and_then(|_| std::fs::rename(&tmp, path));
    match res {
        Ok(()) => 0,
        Err(e) => {
            let _ = std::fs::remove_file(&tmp);
            eprintln!("factlint: cannot write {}: {e}", path.display());
            2
        }
    }
}

fn print_notes(an: &crate::run::Analysis) {
    for s in &an.skipped {
        eprintln!("warning: skipped {}: {}", s.path, s.reason);
    }
    for w in &an.warnings {
        eprintln!("warning: {w}");
    }
}

fn render(format: Format, an: &crate::run::Analysis, color: bool) -> String {
    match format {
        Format::Json => report::json::check(an),
        Format::Human => report::human::check(an, color),
        Format::Sarif => report::sarif::check(an),
        Format::Github => report::github::check(an),
        Format::Rdjson => report::rdjson::check(an),
        Format::Junit => report::junit::check(an),
        Format::Checkstyle => report::checkstyle::check(an),
        Format::Markdown => report::markdown::check(an),
        Format::Html => report::html::check(an),
    }
}

fn run(cli: Cli) -> miette::Result<i32> {
    match cli.command {
        Command::Check(args) => {
            set_threads(args.common.threads);
            let (rules, config) = load_setup(&args.common)?;
            let mut opts = run_options(&args.common, &config);
            opts.report_unused_suppressions = args.report_unused_suppressions;
            let bar = progress::Bar::start(!args.quiet);
            opts.progress = bar.callback();
            let mut an = analyze(&opts, &rules, true);
            bar.finish();
            if !args.quiet {
                print_notes(&an);
            }
            if let Some(path) = &args.write_baseline {
                let code = write_atomic(path, &baseline::write(&an));
                if code != 0 {
                    return Ok(code);
                }
            }
            if let Some(path) = &args.baseline {
                let known = baseline::read(path)?;
                let before = an.findings.len();
                baseline::filter(&mut an, &known);
                let hidden = before - an.findings.len();
                if hidden > 0 && !args.quiet {
                    eprintln!(
                        "note: {hidden} finding{} in the baseline not reported",
                        if hidden == 1 { "" } else { "s" }
                    );
                }
            }
            let threshold = match args.fail_on {
                FailOn::Error => Some(Severity::Error),
                FailOn::Warning => Some(Severity::Warning),
                FailOn::Info => Some(Severity::Info),
                FailOn::Never => None,
            };
            let failing = threshold.map_or(0, |t| {
                an.findings.iter().filter(|f| f.severity >= t).count()
            });
            // A path that does not exist is a usage error, as in ripgrep: CI must not pass on a
            // misspelt folder. The other paths are still checked and reported.
            let missing = an
                .skipped
                .iter()
                .any(|s| s.reason == crate::input::NOT_FOUND);
            let exit = if missing { 2 } else { i32::from(failing > 0) };
            let to_terminal = args.common.output.is_none() && std::io::stdout().is_terminal();
            let text = if args.common.output.is_none() && (args.quiet || args.statistics) {
                String::new()
            } else {
                render(
                    args.common.format,
                    &an,
                    color_enabled(args.common.color, to_terminal),
                )
            };
            let code = match &args.common.output {
                Some(path) => write_atomic(path, &text),
                None if args.quiet => emit(&format!(
                    "{failing} finding{}\n",
                    if failing == 1 { "" } else { "s" }
                )),
                None if args.statistics => emit(&report::statistics(&an.findings)),
                None => emit(&text),
            };
            if code != 0 {
                return Ok(code);
            }
            if args.common.output.is_some() && args.statistics && !args.quiet {
                let code = emit(&report::statistics(&an.findings));
                if code != 0 {
                    return Ok(code);
                }
            }
            Ok(exit)
        }
        Command::Claims(args) => {
            set_threads(args.common.threads);
            let (rules, config) = load_setup(&args.common)?;
            let an = analyze(&run_options(&args.common, &config), &rules, false);
            print_notes(&an);
            match args.common.format {
                Format::Json if args.common.output.is_some() => {
                    let mut buf = Vec::new();
                    let _ = report::json::write_claims(&an, &mut buf);
                    let path = args
                        .common
                        .output
                        .as_deref()
                        .unwrap_or(std::path::Path::new("-"));
                    Ok(write_atomic(path, &String::from_utf8_lossy(&buf)))
                }
                Format::Json => {
                    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
                    match report::json::write_claims(&an, &mut out).and_then(|_| out.flush()) {
                        Ok(()) => Ok(0),
                        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(0),
                        Err(e) => {
                            eprintln!("factlint: cannot write output: {e}");
                            Ok(2)
                        }
                    }
                }
                Format::Human => {
                    let text = report::human::claims(&an);
                    Ok(match &args.common.output {
                        Some(path) => write_atomic(path, &text),
                        None => emit(&text),
                    })
                }
                other => {
                    eprintln!(
                        "factlint: `claims` writes human or json, not {}",
                        format!("{other:?}").to_lowercase()
                    );
                    Ok(2)
                }
            }
        }
        Command::Segments(args) => segments(args),
        Command::Rules => {
            let mut s = String::new();
            for c in CHECKS {
                s.push_str(&format!(
                    "{:<24} {:<8} {}\n",
                    c.id,
                    c.default_severity.as_str(),
                    c.summary()
                ));
            }
            Ok(emit(&s))
        }
        Command::DebugDateRegex { lang } => {
            let rules = rules::load(&[], &[])?;
            // Named groups repeat across patterns: one regex needs them unnamed.
            let unnamed = regex::Regex::new(r"\(\?P<[a-z0-9_]+>").expect("static regex");
            let parts: Vec<String> = rules
                .lang(&lang)
                .dates
                .patterns
                .iter()
                .map(|p| unnamed.replace_all(p.regex.as_str(), "(?:").into_owned())
                .collect();
            Ok(emit(&format!("{}\n", parts.join("|"))))
        }
        Command::Explain { id } => match find_check(&id) {
            Some(c) => Ok(emit(&format!(
                "{} (default severity: {})\n\n{}\n",
                c.id,
                c.default_severity.as_str(),
                c.doc()
            ))),
            None => {
                eprintln!("factlint: unknown check `{id}`; `factlint rules` lists them");
                Ok(2)
            }
        },
    }
}

fn segments(args: SegmentsArgs) -> miette::Result<i32> {
    let rules = rules::load(&args.rules, &[])?;
    let found = crate::input::Found {
        path: args.file.clone(),
        display: args.file.display().to_string(),
        story: String::new(),
    };
    let opts = ReadOptions {
        reference_date: None,
        lang: args.lang.clone(),
    };
    let (res, warnings) = crate::input::read_article(0, &found, &rules, &opts);
    for w in warnings {
        eprintln!("warning: {w}");
    }
    let article = match res {
        Ok(a) => a,
        Err(s) => {
            eprintln!("factlint: {}: {}", s.path, s.reason);
            return Ok(2);
        }
    };
    let seg = segment_article(&article, &rules, args.all_text);
    let mut out = format!(
        "{}: lang {}, source {}, date {}\n",
        article.path,
        article.meta.lang,
        article.meta.source.as_deref().unwrap_or("-"),
        article
            .meta
            .date
            .map(|d| d.display())
            .unwrap_or_else(|| "-".into())
    );
    for b in &seg.blocks {
        let (line, _) = article.line_col(b.start);
        let t = &article.text[b.start..b.end];
        let short: String = t.chars().take(70).collect::<String>().replace('\n', "⏎");
        let more = if t.chars().count() > 70 { "…" } else { "" };
        let s = &b.signals;
        out.push_str(&format!(
            "{line:>4} {:<9} {:<40} words={} fw={:.2} end={} prose={} run={}{}{}{} | {short}{more}\n",
            b.class.as_str(),
            b.reason,
            s.words,
            s.function_share,
            u8::from(s.ends_sentence),
            u8::from(s.prose),
            u8::from(s.in_main_run),
            if s.time_prefix { " time" } else { "" },
            if s.wide_parts > 0 { format!(" wide={}", s.wide_parts) } else { String::new() },
            s.marker.as_ref().map(|m| format!(" marker={m:?}")).unwrap_or_default(),
        ));
    }
    Ok(emit(&out))
}
