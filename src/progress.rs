//! The progress bar: on stderr, only when stderr is a terminal, and only once a run has taken
//! more than a moment, so that quick runs, pipes and CI logs never see it.
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::run::Progress;

const AFTER: Duration = Duration::from_millis(400);

pub struct Bar {
    bar: Option<ProgressBar>,
}

impl Bar {
    /// A bar that will show itself when `wanted`, stderr is a terminal and the run lasts.
    pub fn start(wanted: bool) -> Bar {
        use std::io::IsTerminal;
        if !wanted || !std::io::stderr().is_terminal() {
            return Bar { bar: None };
        }
        let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::hidden());
        bar.set_style(
            ProgressStyle::with_template("{spinner} {pos} articles read {elapsed}")
                .unwrap_or_else(|_| ProgressStyle::default_spinner()),
        );
        Bar { bar: Some(bar) }
    }

    /// The callback for the run, or none when there is no bar.
    pub fn callback(&self) -> Option<Progress> {
        let bar = self.bar.clone()?;
        let began = Instant::now();
        let shown = Arc::new(AtomicBool::new(false));
        Some(Progress(Arc::new(move || {
            bar.inc(1);
            if !shown.load(Ordering::Relaxed) && began.elapsed() > AFTER {
                shown.store(true, Ordering::Relaxed);
                bar.set_draw_target(ProgressDrawTarget::stderr());
                bar.enable_steady_tick(Duration::from_millis(120));
            }
        })))
    }

    pub fn finish(&self) {
        if let Some(b) = &self.bar {
            b.finish_and_clear();
        }
    }
}
