//! Reading the Open Data table (CSV, RFC 4180) of either edition.
//!
//! The edition is told from the header's columns, not from the years in it: the city also
//! republishes old rows in the new layout.

use crate::error::{Diagnostic, Kind, Position};
use crate::tool::fields::{Edition, YEAR};

/// The largest table read (the city's, for every year so far, is well under a megabyte).
pub const MAX_TABLE_SIZE: u64 = crate::input::TABLE.max;

/// The most columns a table's header may have: the editions have about 20, and a few more of
/// an agency's own are kept.
pub const MAX_COLUMNS: usize = 1_000;

/// A table, read.
#[derive(Debug)]
pub struct Table {
    /// The file as the user named it.
    pub file: String,
    /// Its layout.
    pub edition: Edition,
    /// The header's columns, as written (a byte-order mark removed).
    pub columns: Vec<String>,
    /// The data rows.
    pub rows: Vec<Row>,
    /// Columns it does not know, and known columns it lacks (warnings).
    pub warnings: Vec<Diagnostic>,
}

/// One data row.
#[derive(Debug)]
pub struct Row {
    /// Its number among the data rows, from 1 (the header is row 0).
    pub number: usize,
    /// The line its record starts on.
    pub line: u64,
    /// The reporting year.
    pub year: u16,
    /// Its cells, by the table's columns.
    pub cells: Vec<String>,
}

impl Table {
    /// Read `text` (the contents of `file`).
    ///
    /// # Errors
    /// A [`Kind::Syntax`] diagnostic for malformed CSV (with its line), a row whose number of
    /// cells differs from the header's, or a `year` that is not a year; a [`Kind::MissingField`]
    /// one for a header that is neither edition's, naming what each needs.
    pub fn read(file: &str, text: &str) -> Result<Table, Diagnostic> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(true)
            .flexible(false)
            .from_reader(text.as_bytes());
        let columns: Vec<String> = reader
            .headers()
            .map_err(|e| csv_error(file, &e))?
            .iter()
            .map(|c| c.trim().to_owned())
            .collect();
        if columns.len() > MAX_COLUMNS {
            return Err(Diagnostic::new(
                Kind::TooLarge,
                file,
                Some(Position::new(1, 1)),
                format!(
                    "the header has {} columns: a Local Law 35 table has about 20, and adscheck \
                     reads at most {MAX_COLUMNS}",
                    columns.len()
                ),
            ));
        }
        let edition = detect(file, &columns)?;
        let mut warnings = header_warnings(file, edition, &columns);
        let Some(year_at) = columns.iter().position(|c| c == YEAR) else {
            return Err(Diagnostic::new(
                Kind::MissingField,
                file,
                Some(Position::new(1, 1)),
                "the header has no `year` column: each row's reporting year is needed".to_owned(),
            ));
        };
        let mut rows = Vec::new();
        for (index, record) in reader.records().enumerate() {
            let record = record.map_err(|e| csv_error(file, &e))?;
            let line = record.position().map_or(0, csv::Position::line);
            // Line breaks inside a cell as `\n`, however the file ends its lines.
            let cells: Vec<String> = record.iter().map(|c| c.replace("\r\n", "\n")).collect();
            // A row with nothing in it (`,,,`, as spreadsheets export a last line) is passed
            // over before its year is asked for.
            if cells.iter().all(|c| c.trim().is_empty()) {
                warnings.push(Diagnostic::new(
                    Kind::WrongType,
                    file,
                    Some(position(line)),
                    format!("row {}: empty, skipped", index + 1),
                ));
                continue;
            }
            let year_text = cells.get(year_at).map_or("", |s| s.trim());
            let Some(year) = year_text
                .parse::<u16>()
                .ok()
                .filter(|y| (1900..=9999).contains(y))
            else {
                return Err(Diagnostic::new(
                    Kind::Syntax,
                    file,
                    Some(position(line)),
                    format!(
                        "row {}: `year` is `{}`: a year such as 2023 is needed",
                        index + 1,
                        crate::text::excerpt(year_text)
                    ),
                ));
            };
            rows.push(Row {
                number: index + 1,
                line,
                year,
                cells,
            });
        }
        Ok(Table {
            file: file.to_owned(),
            edition,
            columns,
            rows,
            warnings,
        })
    }
}

/// The edition whose marker column the header has.
fn detect(file: &str, columns: &[String]) -> Result<Edition, Diagnostic> {
    let has = |c: &str| columns.iter().any(|h| h == c);
    let found: Vec<Edition> = Edition::ALL
        .into_iter()
        .filter(|e| has(e.marker()) && has("tool_name") && has("agency"))
        .collect();
    match found.as_slice() {
        [edition] => Ok(*edition),
        [_, _] => Err(Diagnostic::new(
            Kind::MissingField,
            file,
            Some(Position::new(1, 1)),
            "the header has both `tool_desc_brief` (the 2022–2023 edition) and `tool_desc` \
             (2024): a table is one edition or the other; export each edition on its own"
                .to_owned(),
        )),
        _ => Err(Diagnostic::new(
            Kind::MissingField,
            file,
            Some(Position::new(1, 1)),
            format!(
                "this is not a Local Law 35 table of a known edition: the header needs `year`, \
                 `agency`, `tool_name` and either `tool_desc_brief` (2022–2023: {}) or \
                 `tool_desc` (2024: {}); it has {}",
                Edition::E2023.columns().join(", "),
                Edition::E2024.columns().join(", "),
                if columns.is_empty() {
                    "no columns".to_owned()
                } else {
                    columns
                        .iter()
                        .map(|c| crate::text::excerpt(c))
                        .collect::<Vec<_>>()
                        .join(", ")
                }
            ),
        )),
    }
}

/// Unknown columns (kept under `tool:`), known ones missing, and repeated ones.
fn header_warnings(file: &str, edition: Edition, columns: &[String]) -> Vec<Diagnostic> {
    let mut warnings = Vec::new();
    let known = edition.columns();
    let mut seen = std::collections::HashSet::new();
    for column in columns {
        let at = Some(position(1));
        if !seen.insert(column.as_str()) {
            warnings.push(Diagnostic::new(
                Kind::UnknownField,
                file,
                at,
                format!(
                    "column `{}` appears twice: the first one is read",
                    crate::text::excerpt(column)
                ),
            ));
        } else if !known.contains(&column.as_str()) && crate::tool::fields::reserved(column) {
            warnings.push(Diagnostic::new(
                Kind::UnknownField,
                file,
                at,
                format!(
                    "column `{}` is not one of the {edition} edition's, and its name is a key \
                     adscheck keeps for itself under `tool:`: not imported",
                    crate::text::excerpt(column)
                ),
            ));
        } else if !known.contains(&column.as_str()) {
            warnings.push(Diagnostic::new(
                Kind::UnknownField,
                file,
                at,
                format!(
                    "column `{}` is not one of the {edition} edition's: kept under `tool:` as \
                     it is, and not exported",
                    crate::text::excerpt(column)
                ),
            ));
        }
    }
    let missing: Vec<&str> = known
        .iter()
        .filter(|c| !columns.iter().any(|h| h == *c))
        .copied()
        .collect();
    if !missing.is_empty() {
        warnings.push(Diagnostic::new(
            Kind::MissingField,
            file,
            Some(Position::new(1, 1)),
            format!(
                "the {edition} edition's {} {} {} not in the header: read as empty",
                crate::text::noun_for(missing.len(), "column"),
                missing.join(", "),
                if missing.len() == 1 { "is" } else { "are" }
            ),
        ));
    }
    warnings
}

/// Where a row's record starts (a cell's place within a record is not a column of the text:
/// messages name the column instead).
fn position(line: u64) -> Position {
    Position::new(u32::try_from(line).unwrap_or(u32::MAX), 1)
}

fn csv_error(file: &str, e: &csv::Error) -> Diagnostic {
    let line = e.position().map_or(1, csv::Position::line);
    let message = match e.kind() {
        csv::ErrorKind::UnequalLengths {
            expected_len, len, ..
        } => format!(
            "this row has {len} cells, the header {expected_len}: every row needs one cell per \
             column (a text with commas or line breaks must be in double quotes)"
        ),
        csv::ErrorKind::Utf8 { .. } => "not UTF-8 text: tables must be UTF-8 encoded CSV".into(),
        _ => format!("not CSV as RFC 4180 writes it: {e}"),
    };
    Diagnostic::new(
        Kind::Syntax,
        file,
        Some(Position::new(u32::try_from(line).unwrap_or(u32::MAX), 1)),
        message,
    )
}
