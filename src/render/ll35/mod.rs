//! The Local Law 35 table ([`crate::ll35::export`]) in each format: CSV as the city
//! publishes it, JSON, JSON Lines.

use std::io::{self, Write};

use serde_json::Value;

use crate::tool::fields::Edition;

/// A format of the table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// RFC 4180 CSV with CRLF line ends, as Open Data publishes it.
    Csv,
    /// One JSON array of rows, each column to its value.
    Json,
    /// One JSON object per line.
    Jsonl,
}

/// How the table is written.
#[derive(Clone, Copy, Debug, Default)]
pub struct Options {
    /// CSV: start with a UTF-8 byte-order mark (for Excel).
    pub bom: bool,
    /// CSV: neutralise cells a spreadsheet would run as formulas (a leading `'`).
    pub excel_safe: bool,
    /// For a terminal: control characters in values shown (`\u{1b}`), not obeyed. Into a file
    /// or a pipe every value is written exactly.
    pub for_terminal: bool,
}

/// Write `rows` of `edition` to `out` in `format`.
///
/// # Errors
/// When `out` cannot be written.
pub fn write(
    out: &mut dyn Write,
    format: Format,
    edition: Edition,
    rows: &[Vec<String>],
    options: Options,
) -> io::Result<()> {
    let shown;
    let rows = if options.for_terminal {
        shown = rows
            .iter()
            .map(|row| {
                row.iter()
                    .map(|cell| crate::text::visible_lines(cell).into_owned())
                    .collect()
            })
            .collect::<Vec<Vec<String>>>();
        &shown
    } else {
        rows
    };
    match format {
        Format::Csv => write_csv(out, edition, rows, options.bom, options.excel_safe),
        Format::Json => {
            serde_json::to_writer_pretty(&mut *out, &json_rows(edition, rows))?;
            writeln!(out)
        }
        Format::Jsonl => {
            for row in json_rows(edition, rows) {
                serde_json::to_writer(&mut *out, &row)?;
                writeln!(out)?;
            }
            Ok(())
        }
    }
}

/// The rows as CSV (RFC 4180: CRLF line ends, fields quoted where needed), with the edition's
/// header; `bom` starts it with a UTF-8 byte-order mark (for Excel); `excel_safe` neutralises
/// cells a spreadsheet would run as formulas.
///
/// # Errors
/// When `out` cannot be written.
pub fn write_csv(
    out: &mut dyn Write,
    edition: Edition,
    rows: &[Vec<String>],
    bom: bool,
    excel_safe: bool,
) -> io::Result<()> {
    if bom {
        out.write_all("\u{feff}".as_bytes())?;
    }
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(out);
    writer
        .write_record(edition.columns())
        .map_err(io::Error::other)?;
    for row in rows {
        if excel_safe {
            writer.write_record(
                row.iter()
                    .map(|c| crate::text::spreadsheet_safe(c).into_owned()),
            )
        } else {
            writer.write_record(row)
        }
        .map_err(io::Error::other)?;
    }
    writer.flush()
}

/// The rows as JSON objects, column to value, in the edition's order.
#[must_use]
pub fn json_rows(edition: Edition, rows: &[Vec<String>]) -> Vec<Value> {
    let columns = edition.columns();
    rows.iter()
        .map(|row| {
            Value::Object(
                columns
                    .iter()
                    .zip(row)
                    .map(|(c, v)| ((*c).to_owned(), Value::String(v.clone())))
                    .collect(),
            )
        })
        .collect()
}
