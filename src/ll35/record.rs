//! Recording a year's report in the inventory: when the year's table is exported for
//! publication (`ll35 export --record`), each exported tool's values are written under
//! `tool.reports.<year>` (and the year under `tool.reported`), so that the year stays as it was
//! reported whatever the files say later. A year already recorded is never rewritten.

use std::path::{Path, PathBuf};

use serde_json::{Map, Value};

use super::import::{FieldChange, Import};
use crate::checklist::Checklist;
use crate::tool::fields::{FIELDS, keys};

/// Record `year`'s report in each of `files` (answer files, as exported): the values of its
/// Local Law 35 fields now. A file whose year is recorded already is left as it is (the
/// export gave the record). Each file is rewritten in place, its `tool:` block only, verified
/// and atomically; what could not be written is named in the summary's errors.
#[must_use]
pub fn record(checklist: &Checklist, files: &[String], year: u16, max_bytes: u64) -> Import {
    let mut summary = Import::default();
    for file in files {
        let path = PathBuf::from(file);
        let dir = path.parent().unwrap_or(Path::new(".")).to_path_buf();
        let (updated, unchanged) = (summary.updated.len(), summary.unchanged.len());
        super::import::update(
            checklist,
            (&path, &dir),
            max_bytes,
            &mut summary,
            |fields| Ok(recorded(fields, year)),
        );
        // Named as the file was given, not relative to its folder.
        for (written, _) in summary.updated.iter_mut().skip(updated) {
            *written = path.clone();
        }
        for same in summary.unchanged.iter_mut().skip(unchanged) {
            *same = path.clone();
        }
    }
    summary
}

/// `fields` with `year`'s report recorded, and what changed (nothing when it was recorded).
fn recorded(fields: &Map<String, Value>, year: u16) -> (Map<String, Value>, Vec<FieldChange>) {
    if crate::tool::report_of(fields, year).is_some() {
        return (fields.clone(), Vec::new());
    }
    // Every report field as the file holds it: what the export wrote from it.
    let values: Map<String, Value> = FIELDS
        .iter()
        .filter_map(|f| {
            let value = fields.get(f.key)?;
            (!value.is_null()).then(|| (f.key.to_owned(), value.clone()))
        })
        .collect();
    let mut out = fields.clone();
    let mut changes = Vec::new();
    let mut years: Vec<Value> = fields
        .get(keys::REPORTED)
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    if !years.iter().any(|y| y.as_u64() == Some(u64::from(year))) {
        let before = fields.get(keys::REPORTED).cloned();
        years.push(Value::from(year));
        years.sort_by_key(Value::as_u64);
        changes.push(FieldChange {
            key: keys::REPORTED.to_owned(),
            before,
            after: Value::Array(years.clone()),
        });
        out.insert(keys::REPORTED.to_owned(), Value::Array(years));
    }
    crate::tool::set_report(&mut out, &year.to_string(), Value::Object(values.clone()));
    changes.push(FieldChange {
        key: format!("{}.{year}", keys::REPORTS),
        before: None,
        after: Value::Object(values),
    });
    (out, changes)
}
