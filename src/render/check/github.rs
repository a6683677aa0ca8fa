//! GitHub Actions: workflow commands that annotate the lines of a pull request, and a Markdown
//! job summary.

use std::fmt::Write as _;
use std::io::{self, Write};

use super::{settings_line, totals_line};
use crate::check::{FileResult, Severity, Totals};
use crate::text::{markdown_cell as cell, visible};

/// Escape a command's message (GitHub's rules: `%`, CR and LF).
fn escape_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escape a property value: as data, and `:` and `,` too.
fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

pub(crate) fn write(
    results: &[FileResult],
    totals: &Totals,
    out: &mut dyn Write,
) -> io::Result<()> {
    for result in results {
        for f in &result.findings {
            let command = match f.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Note => "notice",
            };
            let mut properties = format!("file={}", escape_property(&visible(&f.file)));
            if let Some(p) = f.position {
                let _ = write!(properties, ",line={},col={}", p.line, p.column);
            }
            let _ = write!(
                properties,
                ",title={}",
                escape_property(&format!("adscheck {}", f.rule))
            );
            // Control characters (colours, cursor moves) are shown, not obeyed, in the log.
            let message = escape_data(&visible(&f.message));
            writeln!(out, "::{command} {properties}::{message}")?;
        }
    }
    writeln!(out, "{}", settings_line(totals))?;
    writeln!(out, "{}", totals_line(totals))
}

/// A Markdown summary of the check, for `$GITHUB_STEP_SUMMARY`.
#[must_use]
pub fn step_summary(results: &[FileResult], totals: &Totals) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "### {}", totals_line(totals));
    let _ = writeln!(s, "\n{}", cell(&settings_line(totals)));
    let _ = writeln!(s);
    let _ = writeln!(s, "| File | Tool | Agency | Determinations | Findings |");
    let _ = writeln!(s, "|---|---|---|---|---|");
    for r in results {
        let determinations = r.determinations.as_ref().map_or_else(
            || "not evaluated".to_owned(),
            |ds| {
                ds.iter()
                    .map(|(id, t)| format!("{id}: {}", t.as_str()))
                    .collect::<Vec<_>>()
                    .join(", ")
            },
        );
        // Each finding escaped on its own, then joined by the one line break allowed in a cell.
        let findings = if r.findings.is_empty() {
            "✅".to_owned()
        } else {
            r.findings
                .iter()
                .map(|f| {
                    let at = f
                        .position
                        .map_or_else(String::new, |p| format!(" (line {})", p.line));
                    format!(
                        "{} <code>{}</code>{at}: {}",
                        f.severity.as_str(),
                        f.rule,
                        cell(&f.message)
                    )
                })
                .collect::<Vec<_>>()
                .join("<br>")
        };
        let _ = writeln!(
            s,
            "| {} | {} | {} | {} | {} |",
            cell(&r.file),
            cell(r.name.as_deref().unwrap_or("")),
            cell(r.agency.as_deref().unwrap_or("")),
            cell(&determinations),
            findings
        );
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_follows_the_actions_rules() {
        assert_eq!(escape_data("50% done\nnext\r"), "50%25 done%0Anext%0D");
        assert_eq!(escape_property("a:b,c%"), "a%3Ab%2Cc%25");
    }
}
