//! `classify`'s output formats for classification results, one file per format behind one
//! trait.
//!
//! Renderers are fed reports one at a time, in order, so that streaming formats (JSON Lines,
//! CSV, Markdown, explanations) write each result as soon as it is ready, and only the table,
//! which must size its columns, holds rows until the end. Renderers write plain text; colour
//! is a choice the caller makes (see [`Options::color`]).

mod csv;
pub(crate) mod explain;
mod json;
mod markdown;
mod summary;
mod table;

use std::io::{self, Write};

use crate::classification::Classification;
use crate::engine::Engine;

pub use explain::{result_line, verdict};
pub use json::{report_json, write_report_json};
pub use summary::summary;

/// An output format of `classify`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// A table for people.
    Table,
    /// One JSON array of results.
    Json,
    /// One JSON object per line, written as each result is ready.
    Jsonl,
    /// Comma-separated values with a header row.
    Csv,
    /// A Markdown table.
    Markdown,
    /// The full reasoning behind each result, for people.
    Explain,
}

/// Choices that apply to every format.
#[derive(Clone, Copy, Debug, Default)]
pub struct Options {
    /// Use ANSI colours and bold text (the caller decides: terminal, `NO_COLOR`).
    pub color: bool,
    /// The width to fit tables into, when known.
    pub width: Option<u16>,
    /// CSV cells exactly as the values are, even those a spreadsheet would read as a formula
    /// (by default such a cell gets a leading `'`).
    pub csv_raw: bool,
    /// The table with every column; by default it has the files (named within the folder
    /// they share), each determination and the short reason, to fit a terminal.
    pub wide: bool,
}

/// One report rendered, ready to be written in its place.
#[derive(Debug)]
pub enum Prepared {
    /// Bytes to write as they are (with separators the format adds).
    Bytes(Vec<u8>),
    /// A table row, held until the table is drawn.
    Row(Vec<String>),
}

impl Prepared {
    /// How many bytes it holds (roughly, for a row).
    #[must_use]
    pub fn size(&self) -> usize {
        match self {
            Prepared::Bytes(bytes) => bytes.len(),
            Prepared::Row(cells) => cells.iter().map(String::len).sum(),
        }
    }
}

/// Writes reports in one format.
///
/// Rendering is split in two so that a batch can render on every core: [`Renderer::prepare`]
/// turns a report into bytes (or a row) and may run on any thread, in any order;
/// [`Renderer::emit`] writes prepared reports in output order.
pub trait Renderer: Sync {
    /// Write what comes before the first report.
    ///
    /// # Errors
    /// Any error of the writer.
    fn start(&self, _out: &mut dyn Write) -> io::Result<()> {
        Ok(())
    }

    /// Render one report.
    fn prepare(&self, report: &Classification) -> Prepared;

    /// Write the prepared report that comes `index`-th (from 0) in the output.
    ///
    /// # Errors
    /// Any error of the writer.
    fn emit(&self, out: &mut dyn Write, index: usize, prepared: Prepared) -> io::Result<()> {
        let _ = index;
        match prepared {
            Prepared::Bytes(bytes) => out.write_all(&bytes),
            Prepared::Row(_) => Ok(()),
        }
    }

    /// Write what comes after the last report; `count` reports were emitted.
    ///
    /// # Errors
    /// Any error of the writer.
    fn finish(&self, _out: &mut dyn Write, _count: usize) -> io::Result<()> {
        Ok(())
    }
}

/// A renderer for `format`.
#[must_use]
pub fn renderer<'e>(
    format: Format,
    engine: &'e Engine,
    options: Options,
) -> Box<dyn Renderer + 'e> {
    match format {
        Format::Table => Box::new(table::Table::new(engine, options)),
        Format::Json => Box::new(json::JsonArray::new(engine)),
        Format::Jsonl => Box::new(json::JsonLines::new(engine)),
        Format::Csv => Box::new(csv::Csv::new(engine, options.csv_raw)),
        Format::Markdown => Box::new(markdown::Markdown::new(engine)),
        Format::Explain => Box::new(explain::Explain::new(engine, options)),
    }
}

/// Render all `reports` in `format` to `out`.
///
/// # Errors
/// Any error of the writer.
pub fn render_all(
    format: Format,
    engine: &Engine,
    options: Options,
    reports: &[Classification],
    out: &mut dyn Write,
) -> io::Result<()> {
    let r = renderer(format, engine, options);
    r.start(out)?;
    for (index, report) in reports.iter().enumerate() {
        r.emit(out, index, r.prepare(report))?;
    }
    r.finish(out, reports.len())
}

/// The determinations under the file's further checklists (`also:`), side by side in one
/// cell: "Algorithmic tool: yes; ADM tool: undetermined" (empty when it answers none).
pub(crate) fn other_laws(engine: &Engine, report: &Classification) -> String {
    let Ok(outcome) = &report.outcome else {
        return String::new();
    };
    outcome
        .determinations_with_also(engine)
        .skip(engine.checklist().determinations.len())
        .map(|(d, t)| format!("{}: {}", d.label.as_str(), t.as_str()))
        .collect::<Vec<_>>()
        .join("; ")
}

/// The column [`other_laws`] fills, where a table has it (just before the short reason).
pub(crate) const OTHER_LAWS: &str = "Other laws (adscheck's questions)";

/// `rows` and `header` without the [`OTHER_LAWS`] column when no row fills it: a batch that
/// answers only its own checklist is shown as before.
pub(crate) fn drop_empty_other_laws(header: &mut Vec<String>, rows: &mut [Vec<String>]) {
    let Some(at) = header.iter().position(|h| h == OTHER_LAWS) else {
        return;
    };
    if rows.iter().all(|r| r.get(at).is_none_or(String::is_empty)) {
        header.remove(at);
        for r in rows.iter_mut() {
            if at < r.len() {
                r.remove(at);
            }
        }
    }
}

/// The row every tabular format shows for a report: file, tool, agency, one value per
/// determination, the assessment, the other laws' determinations, and the reason in a few
/// words.
pub(crate) fn row(engine: &Engine, report: &Classification) -> Vec<String> {
    let mut cells = vec![
        report.file.clone(),
        report.tool_field("name").unwrap_or("").to_owned(),
        report.tool_field("agency").unwrap_or("").to_owned(),
    ];
    let count = engine.checklist().determinations.len();
    match &report.outcome {
        Ok(outcome) => {
            cells.extend(outcome.determinations.iter().map(|t| t.as_str().to_owned()));
            cells.push(outcome.assessment().shown().to_owned());
            cells.push(other_laws(engine, report));
            cells.push(summary(engine, outcome));
        }
        Err(errors) => {
            cells.extend(std::iter::repeat_n("error".to_owned(), count));
            cells.push("error".to_owned());
            cells.push(String::new());
            let first = errors
                .first()
                .map_or_else(String::new, |e| format!("{}: {}", e.location(), e.message));
            cells.push(first);
        }
    }
    cells
}

/// The header of [`row`].
pub(crate) fn header(engine: &Engine) -> Vec<String> {
    let mut cells = vec!["File".to_owned(), "Tool".to_owned(), "Agency".to_owned()];
    cells.extend(
        engine
            .checklist()
            .determinations
            .iter()
            .map(|d| d.label.value.clone()),
    );
    cells.push("Assessment".to_owned());
    cells.push(OTHER_LAWS.to_owned());
    cells.push("Short reason (adscheck's words)".to_owned());
    cells
}
