//! JSON: one array of results (`json`), or one object per line (`jsonl`).
//!
//! The object for one file:
//! `{"file", "checklist", "tool", "determinations": {id: "yes"|"no"|"undetermined"},
//!   "summary", "reasons": [...], "needed": [ids], "warnings": [...], "error", "errors"}`.
//! A file that could not be evaluated has `determinations: null` and `error` set.

use std::io::{self, Write};

use serde::Serialize;
use serde_json::{Map, Value, json};

use super::Renderer;
use crate::engine::Engine;
use crate::error::Diagnostic;
use crate::report::Report;

/// The JSON value for one report.
#[must_use]
pub fn report_json(engine: &Engine, report: &Report) -> Value {
    let checklist = engine.checklist();
    let question_id = |q: usize| checklist.questions.get(q).map_or("?", |q| q.id.as_str());
    let determination_id = |d: usize| {
        checklist
            .determinations
            .get(d)
            .map_or("?", |d| d.id.as_str())
    };
    let mut object = Map::new();
    object.insert("file".into(), json!(report.file));
    object.insert("checklist".into(), json!(checklist.id.as_str()));
    object.insert("tool".into(), Value::Object(report.tool.clone()));
    match &report.outcome {
        Ok(outcome) => {
            let determinations: Map<String, Value> = outcome
                .determinations
                .iter()
                .enumerate()
                .map(|(d, t)| (determination_id(d).to_owned(), json!(t.as_str())))
                .collect();
            object.insert("determinations".into(), Value::Object(determinations));
            object.insert("summary".into(), json!(outcome.summary));
            let reasons: Vec<Value> = outcome
                .reasons
                .iter()
                .map(|r| {
                    let question = checklist.questions.get(r.question);
                    json!({
                        "determination": determination_id(r.determination),
                        "question": question_id(r.question),
                        "number": question.map(|q| q.number.as_str()),
                        "text": question.map(|q| q.text.as_str()),
                        "answer": r.answer.map_or("unanswered", |a| a.as_str()),
                        "note": r.note,
                        "options": r.options,
                        "via": r.via.iter().map(|&d| determination_id(d)).collect::<Vec<_>>(),
                    })
                })
                .collect();
            object.insert("reasons".into(), Value::Array(reasons));
            let needed: Vec<&str> = outcome.needed.iter().map(|&q| question_id(q)).collect();
            object.insert("needed".into(), json!(needed));
            object.insert("warnings".into(), diagnostics(&outcome.warnings));
            object.insert("error".into(), Value::Null);
            object.insert("errors".into(), json!([]));
        }
        Err(errors) => {
            object.insert("determinations".into(), Value::Null);
            object.insert("summary".into(), Value::Null);
            object.insert("reasons".into(), json!([]));
            object.insert("needed".into(), json!([]));
            object.insert("warnings".into(), json!([]));
            object.insert(
                "error".into(),
                errors.first().map_or(Value::Null, diagnostic),
            );
            object.insert("errors".into(), diagnostics(&errors.0));
        }
    }
    Value::Object(object)
}

#[derive(Serialize)]
struct DiagnosticJson<'a> {
    kind: &'static str,
    message: &'a str,
    line: Option<u32>,
    column: Option<u32>,
}

fn diagnostic(d: &Diagnostic) -> Value {
    serde_json::to_value(DiagnosticJson {
        kind: d.kind.code(),
        message: &d.message,
        line: d.position.map(|p| p.line),
        column: d.position.map(|p| p.column),
    })
    .unwrap_or(Value::Null)
}

fn diagnostics(list: &[Diagnostic]) -> Value {
    Value::Array(list.iter().map(diagnostic).collect())
}

/// `json`: a pretty-printed array.
pub(crate) struct JsonArray<'e> {
    engine: &'e Engine,
    count: usize,
}

impl<'e> JsonArray<'e> {
    pub(crate) fn new(engine: &'e Engine) -> Self {
        JsonArray { engine, count: 0 }
    }
}

impl Renderer for JsonArray<'_> {
    fn start(&mut self, out: &mut dyn Write) -> io::Result<()> {
        out.write_all(b"[")
    }

    fn report(&mut self, out: &mut dyn Write, report: &Report) -> io::Result<()> {
        out.write_all(if self.count == 0 { b"\n" } else { b",\n" })?;
        self.count += 1;
        let value = report_json(self.engine, report);
        serde_json::to_writer_pretty(&mut *out, &value).map_err(io::Error::other)
    }

    fn finish(&mut self, out: &mut dyn Write) -> io::Result<()> {
        out.write_all(if self.count == 0 { b"]\n" } else { b"\n]\n" })
    }
}

/// `jsonl`: one compact object per line.
pub(crate) struct JsonLines<'e> {
    engine: &'e Engine,
}

impl<'e> JsonLines<'e> {
    pub(crate) fn new(engine: &'e Engine) -> Self {
        JsonLines { engine }
    }
}

impl Renderer for JsonLines<'_> {
    fn report(&mut self, out: &mut dyn Write, report: &Report) -> io::Result<()> {
        serde_json::to_writer(&mut *out, &report_json(self.engine, report))
            .map_err(io::Error::other)?;
        out.write_all(b"\n")
    }
}
