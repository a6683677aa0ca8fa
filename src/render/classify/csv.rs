//! Comma-separated values (RFC 4180, via the csv crate), one record per file.
//!
//! Analysts open these files in spreadsheets, which run a cell that starts with `=`, `+`, `-`,
//! `@`, a tab or a carriage return as a formula (`=HYPERLINK(...)` in a tool's name). Such a
//! cell gets a leading `'` (the OWASP rule), which spreadsheets show as text; `--csv-raw` writes
//! the values exactly.

use std::io::{self, Write};

use super::{Prepared, Renderer};
use crate::classification::Classification;
use crate::engine::Engine;
use crate::text::spreadsheet_safe;

/// Columns: file, checklist, tool, agency, one per determination (by id), reason, needed,
/// warnings, error; then one per determination of each other built-in checklist, named
/// `<checklist id>.<determination id>` (empty where the file does not answer that checklist),
/// so that every file has the same columns, whichever laws it was answered under.
pub(crate) struct Csv<'e> {
    engine: &'e Engine,
    raw: bool,
    /// The other built-in checklists, whose columns follow: looked up once, not per record.
    others: Vec<&'static Engine>,
}

impl<'e> Csv<'e> {
    pub(crate) fn new(engine: &'e Engine, raw: bool) -> Self {
        Csv {
            engine,
            raw,
            others: engine.other_builtins(),
        }
    }

    fn write_record(&self, out: &mut dyn Write, record: &[String]) -> io::Result<()> {
        let mut writer = csv::WriterBuilder::new().from_writer(out);
        if self.raw {
            writer.write_record(record)
        } else {
            writer.write_record(
                record
                    .iter()
                    .map(|cell| spreadsheet_safe(cell).into_owned()),
            )
        }
        .map_err(io::Error::other)?;
        writer.flush()
    }
}

impl Renderer for Csv<'_> {
    fn start(&self, out: &mut dyn Write) -> io::Result<()> {
        let checklist = self.engine.checklist();
        let mut record = vec![
            "file".to_owned(),
            "checklist".to_owned(),
            "tool".to_owned(),
            "agency".to_owned(),
        ];
        record.extend(checklist.determinations.iter().map(|d| d.id.value.clone()));
        record.push("assessment".to_owned());
        // The reason is adscheck's short words, and its column says so.
        record.extend(["adscheck_short_reason", "needed", "warnings", "error"].map(str::to_owned));
        for engine in &self.others {
            let id = engine.checklist().id.as_str();
            record.extend(
                engine
                    .checklist()
                    .determinations
                    .iter()
                    .map(|d| format!("{id}.{}", d.id.as_str())),
            );
        }
        self.write_record(out, &record)
    }

    fn prepare(&self, report: &Classification) -> Prepared {
        let checklist = self.engine.checklist();
        let mut record = vec![
            report.file.clone(),
            checklist.id.value.clone(),
            report.tool_field("name").unwrap_or("").to_owned(),
            report.tool_field("agency").unwrap_or("").to_owned(),
        ];
        match &report.outcome {
            Ok(outcome) => {
                record.extend(outcome.determinations.iter().map(|t| t.as_str().to_owned()));
                record.push(outcome.assessment().as_str().to_owned());
                record.push(super::summary(self.engine, outcome));
                let needed: Vec<&str> = outcome
                    .needed
                    .iter()
                    .filter_map(|&q| checklist.questions.get(q).map(|q| q.id.as_str()))
                    .collect();
                record.push(needed.join(" "));
                record.push(outcome.warnings.len().to_string());
                record.push(String::new());
            }
            Err(errors) => {
                record.extend(std::iter::repeat_n(
                    String::new(),
                    checklist.determinations.len() + 1,
                ));
                record.extend([String::new(), String::new(), String::new()]);
                record.push(errors.to_string());
            }
        }
        let also = report
            .outcome
            .as_ref()
            .map(|o| o.also.as_slice())
            .unwrap_or_default();
        for engine in &self.others {
            let id = engine.checklist().id.as_str();
            match also.iter().find(|a| a.checklist == id) {
                Some(a) => record.extend(
                    a.outcome
                        .determinations
                        .iter()
                        .map(|t| t.as_str().to_owned()),
                ),
                None => record.extend(std::iter::repeat_n(
                    String::new(),
                    engine.checklist().determinations.len(),
                )),
            }
        }
        let mut bytes = Vec::new();
        let _ = self.write_record(&mut bytes, &record);
        Prepared::Bytes(bytes)
    }
}
