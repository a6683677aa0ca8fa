//! A progress line on standard error for long batches.

use std::io::{self, IsTerminal};

/// A progress line on standard error, shown only on a terminal and only once a batch is
/// large enough for it to help.
pub(crate) struct Progress {
    bar: indicatif::ProgressBar,
    shown: bool,
    enabled: bool,
}

impl Progress {
    const THRESHOLD: u64 = 2_000;

    pub(crate) fn new() -> Self {
        let bar = indicatif::ProgressBar::hidden();
        bar.set_style(
            indicatif::ProgressStyle::with_template("{spinner} {pos} files ({per_sec}, {elapsed})")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner()),
        );
        Progress {
            bar,
            shown: false,
            enabled: io::stderr().is_terminal(),
        }
    }

    /// How many files have been counted.
    pub(crate) fn count(&self) -> usize {
        usize::try_from(self.bar.position()).unwrap_or(usize::MAX)
    }

    /// Count one more file.
    pub(crate) fn tick(&mut self) {
        self.bar.inc(1);
        if self.enabled && !self.shown && self.bar.position() >= Self::THRESHOLD {
            self.bar
                .set_draw_target(indicatif::ProgressDrawTarget::stderr());
            self.shown = true;
        }
    }

    /// Print on standard error without tearing the progress line.
    pub(crate) fn println(&self, line: &str) {
        self.bar.suspend(|| errln!("{line}"));
    }

    pub(crate) fn finish(&self) {
        self.bar.finish_and_clear();
    }
}
