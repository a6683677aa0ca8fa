//! A progress line on standard error for long batches.

use std::io::{self, IsTerminal};

/// A progress line on standard error, shown only on a terminal and only once a batch is
/// large enough for it to help. Off a terminal it is a plain count: nothing is drawn, so
/// nothing of the progress bar runs per file.
pub(crate) struct Progress {
    count: usize,
    /// The bar, on a terminal only, and whether it is drawn yet.
    bar: Option<(indicatif::ProgressBar, bool)>,
}

impl Progress {
    const THRESHOLD: usize = 2_000;

    pub(crate) fn new() -> Self {
        let bar = io::stderr().is_terminal().then(|| {
            let bar = indicatif::ProgressBar::hidden();
            bar.set_style(
                indicatif::ProgressStyle::with_template(
                    "{spinner} {pos} files ({per_sec}, {elapsed})",
                )
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner()),
            );
            (bar, false)
        });
        Progress { count: 0, bar }
    }

    /// How many files have been counted.
    pub(crate) fn count(&self) -> usize {
        self.count
    }

    /// Count one more file.
    pub(crate) fn tick(&mut self) {
        self.count += 1;
        if let Some((bar, shown)) = &mut self.bar {
            bar.inc(1);
            if !*shown && self.count >= Self::THRESHOLD {
                bar.set_draw_target(indicatif::ProgressDrawTarget::stderr());
                *shown = true;
            }
        }
    }

    /// Print on standard error without tearing the progress line.
    pub(crate) fn println(&self, line: &str) {
        match &self.bar {
            Some((bar, _)) => bar.suspend(|| errln!("{line}")),
            None => errln!("{line}"),
        }
    }

    pub(crate) fn finish(&self) {
        if let Some((bar, _)) = &self.bar {
            bar.finish_and_clear();
        }
    }
}
