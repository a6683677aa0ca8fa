//! `ll35 import`: the Open Data table into an inventory of answer files, one per tool.
//!
//! Rows of the same tool (same agency and name, compared as `check`'s duplicate rule does,
//! agencies matched across editions by [`crate::tool::agencies`]) become one tool holding the
//! latest year's values, every year it was reported in, and each year's row as it was reported
//! (`tool.reports`), so that nothing of any row is lost and each year exports as it was
//! published. Importing into an existing inventory merges: the `tool:` block of the tool's file
//! is rewritten in place and nothing else in the file changes; answers, notes and stamps are
//! never touched, and no file is replaced whole.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use serde_json::{Map, Value};

mod existing;
mod write;

pub(crate) use write::update;
pub use write::{FieldChange, Import, write};

use super::table::{Row, Table};
use crate::error::{Diagnostic, Kind, Position};
use crate::text::identity;
use crate::tool::ToolKey;
use crate::tool::fields::{self as columns, Shape, keys};

/// One tool, merged from its rows.
#[derive(Clone, Debug, PartialEq)]
pub struct Reported {
    /// Who it is: its agency and name as `check` compares them.
    pub key: ToolKey,
    /// The `tool:` fields: the latest row's values, the years, where they came from.
    pub fields: Map<String, Value>,
}

impl Reported {
    fn text(&self, key: &str) -> &str {
        crate::tool::text(&self.fields, key)
    }
}

/// The tools of `table` (only the rows of `year`, when given), in a stable order (agency,
/// then name), with warnings about what could not be read as the edition writes it.
#[must_use]
pub fn tools(table: &Table, year: Option<u16>) -> (Vec<Reported>, Vec<Diagnostic>) {
    let mut warnings = Vec::new();
    let mut groups: HashMap<ToolKey, Vec<&Row>> = HashMap::new();
    let mut order = Vec::new();
    let agency_at = table.columns.iter().position(|c| c == "agency");
    let name_at = table.columns.iter().position(|c| c == "tool_name");
    for row in table
        .rows
        .iter()
        .filter(|r| year.is_none_or(|y| r.year == y))
    {
        let cell = |at: Option<usize>| at.and_then(|i| row.cells.get(i)).map_or("", String::as_str);
        let (agency, name) = (cell(agency_at), cell(name_at));
        let Some(key) = ToolKey::of(agency, name) else {
            warnings.push(row_warning(
                table,
                row,
                &format!(
                    "no `{}`: the row is skipped (a tool is known by its agency and name)",
                    if identity(name).is_empty() {
                        "tool_name"
                    } else {
                        "agency"
                    }
                ),
            ));
            continue;
        };
        let group = groups.entry(key.clone()).or_default();
        if group.is_empty() {
            order.push(key);
        } else if group.iter().any(|r| r.year == row.year) {
            warnings.push(row_warning(
                table,
                row,
                &format!(
                    "the same tool as row {} in the same year: the later row's values are kept",
                    group
                        .iter()
                        .rfind(|r| r.year == row.year)
                        .map_or(0, |r| r.number)
                ),
            ));
        }
        group.push(row);
    }
    order.sort();
    let tools = order
        .into_iter()
        .filter_map(|key| {
            let mut rows = groups.remove(&key)?;
            // Stable: equal years keep table order, so the later row wins.
            rows.sort_by_key(|r| r.year);
            let mut years: Vec<u16> = rows.iter().map(|r| r.year).collect();
            years.dedup();
            // The rows whose values stand: of two rows of one year, the later (the earlier one's
            // values were discarded, as the warning says).
            let kept: Vec<&&Row> = rows
                .iter()
                .enumerate()
                .filter(|(i, r)| rows.get(i + 1).is_none_or(|next| next.year != r.year))
                .map(|(_, r)| r)
                .collect();
            // Each year's row as reported; the latest year's values are the tool's own.
            let mut reports = Map::new();
            for row in &kept {
                let mut quiet = Vec::new();
                let values = fields_of(table, row, &mut quiet);
                reports.insert(row.year.to_string(), Value::Object(values));
            }
            let latest = kept.last()?;
            let mut fields = fields_of(table, latest, &mut warnings);
            for row in kept.iter().rev().skip(1) {
                // What could not be read as the edition writes it, said once per row.
                fields_of(table, row, &mut warnings);
            }
            fields.insert(
                keys::REPORTED.to_owned(),
                Value::Array(years.into_iter().map(Value::from).collect()),
            );
            fields.insert(keys::REPORTS.to_owned(), Value::Object(reports));
            fields.insert(
                keys::IMPORTED_FROM.to_owned(),
                Value::Array(kept.iter().map(|r| source(table, r)).collect()),
            );
            Some(Reported { key, fields })
        })
        .collect();
    (tools, warnings)
}

/// The `tool:` fields of one row: each known column under its key, in its shape; columns the
/// edition does not know under their own names.
fn fields_of(table: &Table, row: &Row, warnings: &mut Vec<Diagnostic>) -> Map<String, Value> {
    let mut fields = Map::new();
    let mut seen = HashSet::new();
    for (column, cell) in table.columns.iter().zip(&row.cells) {
        if column == columns::YEAR || !seen.insert(column.as_str()) || cell.trim().is_empty() {
            continue;
        }
        let Some(field) = table.edition.field(column) else {
            if !columns::reserved(column) {
                fields.insert(column.clone(), Value::String(cell.clone()));
            }
            continue;
        };
        let value = match field.shape {
            Shape::Text | Shape::Month | Shape::Coded => Value::String(cell.clone()),
            Shape::Bool => match cell.as_str() {
                "true" => Value::Bool(true),
                "false" => Value::Bool(false),
                other => {
                    warnings.push(row_warning(
                        table,
                        row,
                        &format!(
                            "`{column}` is `{}`, not true or false: kept as text",
                            crate::text::excerpt(other)
                        ),
                    ));
                    Value::String(cell.clone())
                }
            },
            Shape::List => Value::Array(
                crate::tool::split_list(cell, field.other_text(table.edition))
                    .into_iter()
                    .map(Value::String)
                    .collect(),
            ),
        };
        fields.insert(field.key.to_owned(), value);
    }
    fields
}

fn source(table: &Table, row: &Row) -> Value {
    let name = Path::new(&table.file)
        .file_name()
        .map_or_else(|| table.file.clone(), |n| n.to_string_lossy().into_owned());
    serde_json::json!({"table": name, "row": row.number, "year": row.year})
}

fn row_warning(table: &Table, row: &Row, message: &str) -> Diagnostic {
    Diagnostic::new(
        Kind::WrongType,
        &table.file,
        Some(Position::new(
            u32::try_from(row.line).unwrap_or(u32::MAX),
            1,
        )),
        format!("row {}: {message}", row.number),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEADER: &str = "year,agency,tool_name,tool_desc_brief,tool_desc_detail,data,vendor,\
                          date_use,data_training,data_input,data_output,vendor_name,vendor_desc,\
                          identifying_info,analysis_type,population_type,updated,updated_desc";

    /// The tools of a 2022–2023 table whose rows give year, agency, name and brief
    /// description: (agency key, name key, description, years reported) each, and how many
    /// warnings.
    #[track_caller]
    fn case(
        rows: &[(&str, &str, &str, &str)],
        tools: &[(&str, &str, &str, &[u64])],
        warned: usize,
    ) {
        let mut csv = format!("{HEADER}\r\n");
        for (year, agency, name, brief) in rows {
            csv.push_str(&format!(
                "{year},{agency},{name},{brief}{}\r\n",
                ",".repeat(14)
            ));
        }
        let table = Table::read("t.csv", &csv).unwrap();
        let (got, warnings) = super::tools(&table, None);
        let got: Vec<(String, String, String, Vec<u64>)> = got
            .iter()
            .map(|t| {
                (
                    t.key.agency.clone(),
                    t.key.name.clone(),
                    crate::tool::text(&t.fields, "description").to_owned(),
                    t.fields[keys::REPORTED]
                        .as_array()
                        .unwrap()
                        .iter()
                        .filter_map(Value::as_u64)
                        .collect(),
                )
            })
            .collect();
        let want: Vec<(String, String, String, Vec<u64>)> = tools
            .iter()
            .map(|(a, n, d, y)| {
                (
                    (*a).to_owned(),
                    (*n).to_owned(),
                    (*d).to_owned(),
                    y.to_vec(),
                )
            })
            .collect();
        assert_eq!(got, want);
        assert_eq!(warnings.len(), warned, "{warnings:#?}");
    }

    #[test]
    fn rows_of_one_tool_become_one_tool_with_the_latest_values_and_every_year() {
        case(
            &[
                ("2022", "FDNY", "Fire Risk", "old"),
                ("2023", "FDNY", "fire  risk", "new"),
                ("2023", "DOB", "Plans", "p"),
            ],
            &[
                ("DOB", "plans", "p", &[2023]),
                ("FDNY", "fire risk", "new", &[2022, 2023]),
            ],
            // No warning: each year's values are kept (under `reports`), none is lost.
            0,
        );
    }

    #[test]
    fn each_years_row_is_kept_as_that_years_report() {
        let csv = format!(
            "{HEADER}\r\n2022,FDNY,Risk,old{e}\r\n2023,FDNY,Risk,new{e}\r\n",
            e = ",".repeat(14)
        );
        let table = Table::read("t.csv", &csv).unwrap();
        let (tools, warnings) = super::tools(&table, None);
        assert!(warnings.is_empty(), "{warnings:?}");
        let tool = &tools[0].fields;
        assert_eq!(crate::tool::text(tool, "description"), "new");
        let years: Vec<(u16, &str)> = crate::tool::reports(tool)
            .into_iter()
            .map(|(y, values)| (y, crate::tool::text(values, "description")))
            .collect();
        assert_eq!(years, [(2022, "old"), (2023, "new")]);
    }

    #[test]
    fn a_row_whose_values_were_discarded_is_not_named_as_a_source() {
        let csv = format!(
            "{HEADER}\r\n2023,FDNY,Risk,first{e}\r\n2023,FDNY,Risk,second{e}\r\n",
            e = ",".repeat(14)
        );
        let table = Table::read("t.csv", &csv).unwrap();
        let (tools, _) = super::tools(&table, None);
        let sources = tools[0].fields[keys::IMPORTED_FROM].as_array().unwrap();
        assert_eq!(sources.len(), 1, "{sources:?}");
        assert_eq!(sources[0]["row"], 2);
        assert_eq!(crate::tool::text(&tools[0].fields, "description"), "second");
    }

    #[test]
    fn a_row_without_agency_or_name_is_skipped_with_a_warning() {
        case(
            &[("2023", "", "Fire Risk", "x"), ("2023", "FDNY", " ", "y")],
            &[],
            2,
        );
    }
}
