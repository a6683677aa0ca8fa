//! Compiler-style text: `path:line:col: error[rule]: message`.

use std::io::{self, Write};

use super::{settings_line, totals_line};
use anstyle::{AnsiColor, Style};

use crate::check::{FileResult, Severity, Totals};
use crate::error::Location;
use crate::text::visible;

pub(crate) fn write(
    results: &[FileResult],
    totals: &Totals,
    color: bool,
    out: &mut dyn Write,
) -> io::Result<()> {
    write_findings(results, color, out)?;
    writeln!(out, "{}", settings_line(totals))?;
    writeln!(out, "{}", totals_line(totals))
}

/// The findings alone, one line each; with `color`, errors in bold red and warnings in bold
/// yellow, as compilers show them.
pub(crate) fn write_findings(
    results: &[FileResult],
    color: bool,
    out: &mut dyn Write,
) -> io::Result<()> {
    for result in results {
        for f in &result.findings {
            let at = Location {
                file: &f.file,
                position: f.position,
            };
            let style = match f.severity {
                Severity::Error if color => {
                    Style::new().bold().fg_color(Some(AnsiColor::Red.into()))
                }
                Severity::Warning if color => {
                    Style::new().bold().fg_color(Some(AnsiColor::Yellow.into()))
                }
                _ => Style::new(),
            };
            writeln!(
                out,
                "{}: {style}{}[{}]{style:#}: {}",
                visible(&at.to_string()),
                f.severity.as_str(),
                f.rule,
                visible(&f.message)
            )?;
        }
    }
    Ok(())
}
