//! JSON: one array of results (`json`), or one object per line (`jsonl`).
//!
//! The object for one file:
//! `{"format_version": 2, "file", "checklist", "tool", "determinations": {id: "yes"|"no"|
//!   "undetermined"}, "assessment": "not started"|"in progress"|"complete", "summary",
//!   "reasons": [...], "needed": [ids], "would_change": [...],
//!   "warnings": [...], "error", "errors"}`.
//! A file that could not be evaluated has `determinations: null` and `error` set. A file that
//! answers further checklists (`also:`) has `also: [{"checklist", "version", "determinations",
//! "assessment", "summary", "reasons", "needed", "would_change", "warnings"}]`, one object a
//! checklist in the file's order, each in the same shape as the file's own.
//!
//! A reason is an answer (`question`, `number`, `text`, `answer`, `note`, `options`) or, for a
//! determination that rests on another, a reference to it (`rests_on`, `label`, `value`): its
//! reasons are listed under its own id, not repeated (format version 2; version 1 copied them,
//! with a `via` path, into every determination resting on it).

use std::collections::HashMap;
use std::io::{self, Write};
use std::sync::{Arc, Mutex};

use serde::Serialize;
use serde::ser::SerializeMap;
use serde_json::value::RawValue;
use serde_json::{Map, Value};

use super::{Prepared, Renderer};
use crate::answers::AnswerValue;
use crate::classification::Classification;
use crate::engine::{Engine, Flip, Truth};
use crate::error::Diagnostic;

/// One report as JSON, borrowing from the report: serialized directly, with no intermediate
/// `serde_json::Value` (this runs for every file of a batch).
/// The version of the JSON result object; see the module documentation.
pub const FORMAT_VERSION: u32 = 2;

#[derive(Serialize)]
struct ReportJson<'a> {
    format_version: u32,
    file: &'a str,
    checklist: &'a str,
    tool: &'a Map<String, Value>,
    /// The evaluated part, in the same shape as each `also:` checklist's (all empty when the
    /// file could not be evaluated).
    #[serde(flatten)]
    outcome: OutcomeJson<'a>,
    error: Option<DiagnosticJson<'a>>,
    errors: Vec<DiagnosticJson<'a>>,
    /// Each further checklist the file answers (`also:`), in the same shape.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    also: Vec<AlsoJson<'a>>,
}

/// The evaluated part of a report ([`outcome_json`]).
#[derive(Default, Serialize)]
struct OutcomeJson<'a> {
    determinations: Option<Determinations<'a>>,
    /// "not started", "in progress" or "complete" ([`crate::classification::Assessment`]).
    assessment: Option<crate::classification::Assessment>,
    summary: Option<String>,
    reasons: Vec<ReasonJson<'a>>,
    needed: Vec<&'a str>,
    would_change: WouldChange<'a>,
    warnings: Vec<DiagnosticJson<'a>>,
}

/// `would_change`: listed for this file, or already rendered for its answer set.
enum WouldChange<'a> {
    Listed(Vec<FlipJson<'a>>),
    Rendered(Arc<RawValue>),
}

impl Default for WouldChange<'_> {
    fn default() -> Self {
        WouldChange::Listed(Vec::new())
    }
}

impl Serialize for WouldChange<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            WouldChange::Listed(flips) => flips.serialize(serializer),
            WouldChange::Rendered(raw) => raw.serialize(serializer),
        }
    }
}

/// How many answer sets' `would_change` a renderer keeps, compact, for the files that repeat
/// them (the engine's judgements are shared by every file with the same answers).
const RENDERED: usize = 1024;

/// Fewest changes (shared by the engine's judgement of one answer set), held so that no other
/// changes can take their address, and their `would_change` in compact JSON.
type Entry = (Arc<[Vec<Flip>]>, Arc<RawValue>);

/// `would_change` already rendered, by the address of the fewest changes it was made from.
#[derive(Default)]
struct Rendered(Mutex<HashMap<usize, Entry>>);

impl Rendered {
    /// `would_change` for `outcome` under `engine`, rendered once per answer set.
    fn would_change<'a>(
        &self,
        engine: &'a Engine,
        outcome: &'a crate::classification::Outcome,
    ) -> WouldChange<'a> {
        if !engine.remembers() {
            return WouldChange::Listed(would_change(engine, outcome));
        }
        let key = Arc::as_ptr(&outcome.flips).cast::<()>() as usize;
        if let Ok(known) = self.0.lock()
            && let Some((_, raw)) = known.get(&key)
        {
            return WouldChange::Rendered(Arc::clone(raw));
        }
        let listed = would_change(engine, outcome);
        let Some(raw) = serde_json::to_string(&listed)
            .ok()
            .and_then(|json| RawValue::from_string(json).ok())
        else {
            return WouldChange::Listed(listed);
        };
        let raw: Arc<RawValue> = Arc::from(raw);
        if let Ok(mut known) = self.0.lock()
            && known.len() < RENDERED
        {
            known.insert(key, (Arc::clone(&outcome.flips), Arc::clone(&raw)));
        }
        WouldChange::Rendered(raw)
    }
}

/// One `also:` checklist's determinations, reasons and warnings, with its id and version.
#[derive(Serialize)]
struct AlsoJson<'a> {
    checklist: &'a str,
    version: &'a str,
    #[serde(flatten)]
    outcome: OutcomeJson<'a>,
}

/// `{"ads": "yes", ...}` in checklist order.
struct Determinations<'a> {
    engine: &'a Engine,
    values: &'a [Truth],
}

impl Serialize for Determinations<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.values.len()))?;
        for (d, value) in self
            .engine
            .checklist()
            .determinations
            .iter()
            .zip(self.values)
        {
            map.serialize_entry(d.id.as_str(), value.as_str())?;
        }
        map.end()
    }
}

#[derive(Serialize)]
#[serde(untagged)]
enum ReasonJson<'a> {
    Answer {
        determination: &'a str,
        question: &'a str,
        number: Option<&'a str>,
        text: Option<&'a str>,
        answer: &'a str,
        note: Option<&'a str>,
        options: &'a [String],
    },
    RestsOn {
        determination: &'a str,
        rests_on: &'a str,
        label: &'a str,
        value: &'static str,
    },
}

/// `{"determination": "agency_ads", "to": "yes", "answers": [{"question": "2b", ...}]}`
#[derive(Serialize)]
struct FlipJson<'a> {
    determination: &'a str,
    to: &'static str,
    answers: Vec<ChangeJson<'a>>,
    /// Determinations this one rests on that would take the value given, by the changes
    /// listed for them under their own id (not repeated here).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    determinations: Vec<DeterminationChangeJson<'a>>,
}

#[derive(Serialize)]
struct DeterminationChangeJson<'a> {
    determination: &'a str,
    to: &'static str,
}

#[derive(Serialize)]
struct ChangeJson<'a> {
    question: &'a str,
    number: Option<&'a str>,
    answer: &'static str,
}

#[derive(Serialize)]
struct DiagnosticJson<'a> {
    kind: &'static str,
    message: &'a str,
    line: Option<u32>,
    column: Option<u32>,
}

fn diagnostic(d: &Diagnostic) -> DiagnosticJson<'_> {
    DiagnosticJson {
        kind: d.kind.code(),
        message: &d.message,
        line: d.position.map(|p| p.line),
        column: d.position.map(|p| p.column),
    }
}

fn report_view<'a>(
    engine: &'a Engine,
    report: &'a Classification,
    rendered: Option<&Rendered>,
) -> ReportJson<'a> {
    let checklist = engine.checklist();
    let mut view = ReportJson {
        format_version: FORMAT_VERSION,
        file: &report.file,
        checklist: checklist.id.as_str(),
        tool: &report.tool,
        outcome: OutcomeJson::default(),
        error: None,
        errors: Vec::new(),
        also: Vec::new(),
    };
    match &report.outcome {
        Ok(outcome) => {
            view.outcome = outcome_json(engine, outcome, rendered);
            view.also = outcome
                .also
                .iter()
                .filter_map(|also| {
                    let engine = also.engine()?;
                    Some(AlsoJson {
                        checklist: engine.checklist().id.as_str(),
                        version: engine.checklist().version.as_str(),
                        outcome: outcome_json(engine, &also.outcome, rendered),
                    })
                })
                .collect();
        }
        Err(errors) => {
            view.error = errors.first().map(diagnostic);
            view.errors = errors.0.iter().map(diagnostic).collect();
        }
    }
    view
}

/// The evaluated part of a report, in the shape a file's own checklist and each `also:`
/// checklist share.
fn outcome_json<'a>(
    engine: &'a Engine,
    outcome: &'a crate::classification::Outcome,
    rendered: Option<&Rendered>,
) -> OutcomeJson<'a> {
    let checklist = engine.checklist();
    let question_id = |q: usize| checklist.question_id(q);
    let determination_id = |d: usize| checklist.determination_id(d);
    let reasons = outcome
        .reasons
        .iter()
        .map(|r| match r.basis {
            crate::classification::Basis::Answer { question: q, .. } => {
                let question = checklist.questions.get(q);
                ReasonJson::Answer {
                    determination: determination_id(r.determination),
                    question: question_id(q),
                    number: question.map(|q| q.number.as_str()),
                    text: question.map(|q| q.text.as_str()),
                    answer: r.value().map_or("unanswered", AnswerValue::as_str),
                    note: r.note(),
                    options: r.options(),
                }
            }
            crate::classification::Basis::Determination(e) => ReasonJson::RestsOn {
                determination: determination_id(r.determination),
                rests_on: determination_id(e),
                label: checklist.label(e),
                value: outcome
                    .determinations
                    .get(e)
                    .map_or("undetermined", |t| t.as_str()),
            },
        })
        .collect();
    let would_change = match rendered {
        Some(rendered) => rendered.would_change(engine, outcome),
        None => WouldChange::Listed(would_change(engine, outcome)),
    };
    OutcomeJson {
        determinations: Some(Determinations {
            engine,
            values: &outcome.determinations,
        }),
        assessment: Some(outcome.assessment()),
        summary: Some(super::summary(engine, outcome)),
        reasons,
        needed: outcome.needed.iter().map(|&q| question_id(q)).collect(),
        would_change,
        warnings: outcome.warnings.iter().map(diagnostic).collect(),
    }
}

/// `would_change`: each determination's fewest changes, by reference to those of the
/// determinations it rests on.
fn would_change<'a>(
    engine: &'a Engine,
    outcome: &'a crate::classification::Outcome,
) -> Vec<FlipJson<'a>> {
    let checklist = engine.checklist();
    let question_id = |q: usize| checklist.question_id(q);
    let determination_id = |d: usize| checklist.determination_id(d);
    outcome
        .flips
        .iter()
        .enumerate()
        .flat_map(|(d, flips)| flips.iter().map(move |f| (d, f)))
        .map(|(d, flip)| {
            let (changes, through) = by_reference(engine, outcome, d, flip);
            FlipJson {
                determination: determination_id(d),
                to: flip.to.as_str(),
                answers: changes
                    .iter()
                    .map(|c| ChangeJson {
                        question: question_id(c.question),
                        number: checklist
                            .questions
                            .get(c.question)
                            .map(|q| q.number.as_str()),
                        answer: c.to.as_str(),
                    })
                    .collect(),
                determinations: through
                    .into_iter()
                    .map(|(e, to)| DeterminationChangeJson {
                        determination: determination_id(e),
                        to: to.as_str(),
                    })
                    .collect(),
            }
        })
        .collect()
}

/// A flip of determination `d` with the changes that belong to a determination it rests on
/// replaced by a reference to that determination's own flip, when the two are the same
/// changes: keeps `would_change` linear in the size of the rules (a chain of determinations
/// would otherwise repeat every change below each one).
fn by_reference(
    engine: &Engine,
    outcome: &crate::classification::Outcome,
    d: usize,
    flip: &crate::engine::Flip,
) -> (Vec<crate::engine::Change>, Vec<(usize, Truth)>) {
    let own = engine.own_questions(d);
    let mut left: Vec<crate::engine::Change> = flip.changes.clone();
    let mut through = Vec::new();
    for &e in engine.refers_to(d) {
        let theirs = engine.questions_of(e);
        let part: Vec<crate::engine::Change> = left
            .iter()
            .copied()
            .filter(|c| {
                theirs.binary_search(&c.question).is_ok() && own.binary_search(&c.question).is_err()
            })
            .collect();
        if part.is_empty() {
            continue;
        }
        let same = outcome
            .flips
            .get(e)
            .into_iter()
            .flatten()
            .find(|f| f.changes == part);
        if let Some(f) = same {
            left.retain(|c| part.binary_search(c).is_err());
            through.push((e, f.to));
        }
    }
    (left, through)
}

/// The JSON value for one report (for callers that want a value rather than bytes).
#[must_use]
pub fn report_json(engine: &Engine, report: &Classification) -> Value {
    serde_json::to_value(report_view(engine, report, None)).unwrap_or(Value::Null)
}

/// Write one report as compact JSON (one line, no newline).
///
/// # Errors
/// Any error of the writer.
pub fn write_report_json(
    engine: &Engine,
    report: &Classification,
    out: impl Write,
) -> io::Result<()> {
    serde_json::to_writer(out, &report_view(engine, report, None)).map_err(io::Error::other)
}

/// `json`: a pretty-printed array.
pub(crate) struct JsonArray<'e> {
    engine: &'e Engine,
}

impl<'e> JsonArray<'e> {
    pub(crate) fn new(engine: &'e Engine) -> Self {
        JsonArray { engine }
    }
}

impl Renderer for JsonArray<'_> {
    fn start(&self, out: &mut dyn Write) -> io::Result<()> {
        out.write_all(b"[")
    }

    fn prepare(&self, report: &Classification) -> Prepared {
        let mut bytes = Vec::new();
        let _ = serde_json::to_writer_pretty(&mut bytes, &report_view(self.engine, report, None));
        Prepared::Bytes(bytes)
    }

    fn emit(&self, out: &mut dyn Write, index: usize, prepared: Prepared) -> io::Result<()> {
        out.write_all(if index == 0 { b"\n" } else { b",\n" })?;
        if let Prepared::Bytes(bytes) = prepared {
            out.write_all(&bytes)?;
        }
        Ok(())
    }

    fn finish(&self, out: &mut dyn Write, count: usize) -> io::Result<()> {
        out.write_all(if count == 0 { b"]\n" } else { b"\n]\n" })
    }
}

/// `jsonl`: one compact object per line.
pub(crate) struct JsonLines<'e> {
    engine: &'e Engine,
    rendered: Rendered,
}

impl<'e> JsonLines<'e> {
    pub(crate) fn new(engine: &'e Engine) -> Self {
        JsonLines {
            engine,
            rendered: Rendered::default(),
        }
    }
}

impl Renderer for JsonLines<'_> {
    fn prepare(&self, report: &Classification) -> Prepared {
        // Straight into the buffer (not through `dyn Write`: serde_json writes in many small
        // pieces), sized for a typical report.
        let mut bytes = Vec::with_capacity(2048);
        let view = report_view(self.engine, report, Some(&self.rendered));
        let _ = serde_json::to_writer(&mut bytes, &view);
        bytes.push(b'\n');
        Prepared::Bytes(bytes)
    }
}
