//! Compiler-style text: `path:line:col: error[rule]: message`.

use std::io::{self, Write};

use super::{settings_line, totals_line};
use crate::check::{FileResult, Totals};
use crate::error::Location;
use crate::text::visible;

pub(crate) fn write(
    results: &[FileResult],
    totals: &Totals,
    out: &mut dyn Write,
) -> io::Result<()> {
    write_findings(results, out)?;
    writeln!(out, "{}", settings_line(totals))?;
    writeln!(out, "{}", totals_line(totals))
}

/// The findings alone, one line each.
pub(crate) fn write_findings(results: &[FileResult], out: &mut dyn Write) -> io::Result<()> {
    for result in results {
        for f in &result.findings {
            let at = Location {
                file: &f.file,
                position: f.position,
            };
            writeln!(
                out,
                "{}: {}[{}]: {}",
                visible(&at.to_string()),
                f.severity.as_str(),
                f.rule,
                visible(&f.message)
            )?;
        }
    }
    Ok(())
}
