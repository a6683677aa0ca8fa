//! Output formats of `adscheck check`, one file per format: compiler-style text, JSON,
//! GitHub Actions annotations (and a job summary), JUnit XML and SARIF 2.1.0.

mod github;
mod json;
mod junit;
mod sarif;
mod text;

use std::io::{self, Write};

use crate::check::{FileResult, Totals};

pub use github::step_summary;

/// An output format of `check`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CheckFormat {
    /// `path:line:col: error[rule]: message`, one line per finding, then totals.
    Text,
    /// One JSON document: every file with its findings, and the totals.
    Json,
    /// One JUnit XML test case per file.
    Junit,
    /// GitHub Actions workflow commands (`::error file=...`).
    Github,
    /// SARIF 2.1.0, for code-scanning tools.
    Sarif,
}

/// Write the results of a check.
///
/// # Errors
/// Any error of the writer.
/// With `color`, the text format marks errors and warnings in colour; other formats are data.
pub fn write(
    format: CheckFormat,
    results: &[FileResult],
    totals: &Totals,
    color: bool,
    out: &mut dyn Write,
) -> io::Result<()> {
    match format {
        CheckFormat::Text => text::write(results, totals, color, out),
        CheckFormat::Json => json::write(results, totals, out),
        CheckFormat::Junit => junit::write(results, totals, out),
        CheckFormat::Github => github::write(results, totals, out),
        CheckFormat::Sarif => sarif::write(results, totals, out),
    }
}

/// The text format's findings alone, without its settings and totals lines (`check -q`).
pub fn write_findings(results: &[FileResult], color: bool, out: &mut dyn Write) -> io::Result<()> {
    text::write_findings(results, color, out)
}

/// Which settings governed the run and how many files they left out:
/// `settings: inventory/.adscheck.yaml; 2 files excluded`.
pub(crate) fn settings_line(totals: &Totals) -> String {
    let settings = totals
        .settings
        .as_deref()
        .map_or_else(|| "none (the defaults)".into(), crate::text::visible);
    let n = totals.excluded;
    let ll35 = totals
        .ll35_edition
        .as_deref()
        .map_or_else(String::new, |e| {
            format!("; Local Law 35 rules, {e} edition")
        });
    format!(
        "settings: {settings}; {} excluded{ll35}",
        crate::text::count(n, "file")
    )
}

/// The totals line: `adscheck check: 12 files, 2 errors, 1 warning; 1 file failed` (with
/// `and 1 settings file` after the files when a settings file has findings).
pub(crate) fn totals_line(totals: &Totals) -> String {
    let plural = crate::text::count;
    let settings = if totals.settings_files > 0 {
        format!(" and {}", plural(totals.settings_files, "settings file"))
    } else {
        String::new()
    };
    format!(
        "adscheck check: {}{settings}, {}, {}; {} failed",
        plural(totals.files, "file"),
        plural(totals.errors, "error"),
        plural(totals.warnings, "warning"),
        plural(totals.failed_files, "file"),
    )
}
