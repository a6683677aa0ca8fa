//! `ll35 export`: an inventory of answer files as the Open Data table of one year, in one
//! edition's columns and conventions.
//!
//! Values are written exactly as the files hold them (this is the city's open data: no cell is
//! altered unless asked), lists joined with `; `, booleans as `true`/`false`.

use std::collections::BTreeMap;

use serde_json::{Map, Value};

use crate::answers::Stamp;
use crate::engine::Truth;
use crate::text::identity;
use crate::tool::fields::{Edition, FIELDS, Field, Shape, YEAR, keys};

/// One tool of the inventory, as export sees it.
#[derive(Clone, Debug)]
pub struct Entry {
    /// The file it was read from.
    pub file: String,
    /// Its `tool:` fields.
    pub tool: Map<String, Value>,
    /// Its determinations, by the checklist's determination ids.
    pub determinations: Vec<(String, Truth)>,
    /// The years it was reported in, or recorded (stamped) in.
    pub years: Vec<u16>,
}

impl Entry {
    /// An entry for a file with `tool`, `stamps` and `determinations`: its years are those
    /// under `tool.reported`; a tool never reported (created since the last report) has the
    /// year of each entry of its history. Answering an imported tool does not make it a tool
    /// of this year.
    #[must_use]
    pub fn new(
        file: String,
        tool: Map<String, Value>,
        stamps: &[Stamp],
        determinations: Vec<(String, Truth)>,
    ) -> Entry {
        let mut years: Vec<u16> = tool
            .get(keys::REPORTED)
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(|y| y.as_u64().and_then(|y| u16::try_from(y).ok()))
            .collect();
        if years.is_empty() {
            years = stamps
                .iter()
                .filter_map(|s| s.at.get(..4).and_then(|y| y.parse::<u16>().ok()))
                .collect();
        }
        years.sort_unstable();
        years.dedup();
        Entry {
            file,
            tool,
            determinations,
            years,
        }
    }

    fn text(&self, key: &str) -> &str {
        crate::tool::text(&self.tool, key)
    }

    /// The values of `year`'s report: as recorded under `tool.reports` when that year was
    /// recorded (imported, or recorded at export), else the tool's current values.
    #[must_use]
    pub fn values_of(&self, year: u16) -> &Map<String, Value> {
        crate::tool::report_of(&self.tool, year).unwrap_or(&self.tool)
    }

    /// Whether the tool is withheld from the public report ([`crate::tool::withheld`]: any
    /// `withheld` key, the rule the public site follows too).
    #[must_use]
    pub fn withheld(&self) -> crate::tool::Withheld<'_> {
        crate::tool::withheld(&self.tool)
    }
}

pub use crate::settings::Scope;

/// The LL35 export's view of `files`: each readable one evaluated, with its tool fields,
/// years and determinations; and the errors of those that could not be read.
#[must_use]
pub fn entries(
    engine: &crate::engine::Engine,
    files: Vec<crate::inventory::Read>,
) -> (Vec<Entry>, Vec<crate::error::Diagnostic>) {
    let mut entries = Vec::new();
    let mut errors = Vec::new();
    for read in files {
        match read.file {
            Ok(file) => {
                let (stamps, tool) = (file.stamps.clone(), file.tool.clone());
                let report = crate::classification::Classification::evaluate(engine, file);
                let determinations = report
                    .outcome
                    .as_ref()
                    .map(|o| o.named_with_also(engine.checklist()))
                    .unwrap_or_default();
                entries.push(Entry::new(read.name, tool, &stamps, determinations));
            }
            Err(e) => errors.extend(e),
        }
    }
    (entries, errors)
}

/// What an export holds and what it left out.
#[derive(Debug, Default)]
pub struct Export {
    /// The rows, sorted by agency, then tool name (then file).
    pub rows: Vec<Vec<String>>,
    /// Tools withheld, counted per agency (as written).
    pub withheld: BTreeMap<String, usize>,
    /// Tools left out by the scope, counted by why ("agency_ads no").
    pub out_of_scope: BTreeMap<String, usize>,
    /// Tools not reported in the year.
    pub other_years: usize,
    /// The files of the rows, in the rows' order (for recording the year in them).
    pub files: Vec<String>,
    /// Cells a spreadsheet would run as a formula: (file, column).
    pub formulas: Vec<(String, &'static str)>,
    /// Fields with values that the edition has no column for, with how many tools have them.
    pub not_in_edition: BTreeMap<&'static str, usize>,
}

/// The table of `year` in `edition` for `entries`.
#[must_use]
pub fn export(entries: &[Entry], edition: Edition, year: u16, scope: &Scope) -> Export {
    let mut export = Export::default();
    let mut chosen: Vec<&Entry> = Vec::new();
    for entry in entries {
        if !entry.years.contains(&year) {
            export.other_years += 1;
        } else if entry.withheld().is_withheld() {
            *export
                .withheld
                .entry(entry.text("agency").to_owned())
                .or_default() += 1;
        } else if let Err(why) = scope.includes(&entry.determinations) {
            *export.out_of_scope.entry(why).or_default() += 1;
        } else {
            chosen.push(entry);
        }
    }
    chosen.sort_by_cached_key(|e| {
        (
            identity(e.text("agency")),
            identity(e.text("name")),
            e.file.clone(),
        )
    });
    let columns = edition.columns();
    for entry in chosen {
        let values = entry.values_of(year);
        for field in FIELDS.iter().filter(|f| f.column(edition).is_none()) {
            // 2022–2023 writes the text of `Other` into the list, where there is an `Other`.
            let moved = field.key == "population_type_other"
                && edition == Edition::E2023
                && values
                    .get("population_type")
                    .is_some_and(|v| list(v).iter().any(|i| i == "Other"));
            if !moved
                && values
                    .get(field.key)
                    .is_some_and(|v| !join(Some(v)).trim().is_empty())
            {
                *export.not_in_edition.entry(field.key).or_default() += 1;
            }
        }
        let row = row(edition, values, year);
        export.files.push(entry.file.clone());
        for (column, cell) in columns.iter().zip(&row) {
            if crate::text::spreadsheet_safe(cell) != cell.as_str() {
                export.formulas.push((entry.file.clone(), column));
            }
        }
        export.rows.push(row);
    }
    export
}

/// The latest year, up to `this_year`, any entry was reported or recorded in.
#[must_use]
pub fn latest_year(entries: &[Entry], this_year: u16) -> Option<u16> {
    // A year after this one is a mistake (`check` names it), never the year of the report.
    entries
        .iter()
        .flat_map(|e| e.years.iter().rev().find(|y| **y <= this_year))
        .max()
        .copied()
}

/// One tool's row in `edition`, for `year`.
#[must_use]
pub fn row(edition: Edition, tool: &Map<String, Value>, year: u16) -> Vec<String> {
    edition
        .columns()
        .into_iter()
        .map(|column| {
            if column == YEAR {
                return year.to_string();
            }
            edition
                .field(column)
                .map_or_else(String::new, |field| cell(edition, field, tool))
        })
        .collect()
}

/// A field's cell in `edition`: as the file holds it, in the edition's conventions.
fn cell(edition: Edition, field: &Field, tool: &Map<String, Value>) -> String {
    let population = tool.get("population_type");
    match (field.key, edition) {
        // 2024 writes `Other` in the list and its text in a column of its own. When the file
        // has that column's value too, an `Other: text` item is written as it is held, so that
        // neither text is lost.
        ("population_type", Edition::E2024) if !tool.contains_key("population_type_other") => {
            return join(
                population
                    .map(|v| {
                        let items: Vec<String> = list(v)
                            .into_iter()
                            .map(|i| {
                                if i.starts_with("Other: ") {
                                    "Other".to_owned()
                                } else {
                                    i
                                }
                            })
                            .collect();
                        Value::Array(items.into_iter().map(Value::String).collect())
                    })
                    .as_ref(),
            );
        }
        ("population_type_other", Edition::E2024) if !tool.contains_key(field.key) => {
            return population
                .map(list)
                .unwrap_or_default()
                .into_iter()
                .find_map(|i| i.strip_prefix("Other: ").map(str::to_owned))
                .unwrap_or_default();
        }
        // 2022–2023 writes `Other: text` in the list.
        ("population_type", Edition::E2023) => {
            let other = tool.get("population_type_other").and_then(Value::as_str);
            let items: Vec<String> = population
                .map(list)
                .unwrap_or_default()
                .into_iter()
                .map(|i| match other {
                    Some(text) if i == "Other" => format!("Other: {text}"),
                    _ => i,
                })
                .collect();
            return items.join("; ");
        }
        _ => {}
    }
    match (field.shape, tool.get(field.key)) {
        (_, None | Some(Value::Null)) => String::new(),
        (Shape::List, Some(v)) => join(Some(v)),
        (_, Some(Value::String(s))) => s.clone(),
        (_, Some(Value::Bool(b))) => b.to_string(),
        (_, Some(Value::Number(n))) => n.to_string(),
        (_, Some(v @ Value::Array(_))) => join(Some(v)),
        (_, Some(v @ Value::Object(_))) => v.to_string(),
    }
}

/// A list's items as texts (a single text is a list of one, as the file holds it).
fn list(value: &Value) -> Vec<String> {
    crate::tool::items(value, true)
}

fn join(value: Option<&Value>) -> String {
    crate::tool::join(value)
}

/// Every field, for documentation: key, 2022–2023 column, 2024 column, what it holds.
#[must_use]
pub fn documentation() -> Vec<(&'static str, &'static str, &'static str, &'static str)> {
    FIELDS
        .iter()
        .map(|f| {
            (
                f.key,
                f.column(Edition::E2023).unwrap_or("–"),
                f.column(Edition::E2024).unwrap_or("–"),
                f.about,
            )
        })
        .collect()
}
