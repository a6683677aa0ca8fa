//! The result of classifying one answer file, as data that every output format renders.

use crate::answers::{AnswerFile, AnswerValue};
use crate::document::Format;
use crate::engine::{Engine, Truth};
use crate::error::{Diagnostic, Diagnostics, Kind, Position};

/// What came of one answer file: its determinations with their reasons, or why it could not
/// be evaluated.
#[derive(Clone, Debug, PartialEq)]
pub struct Report {
    /// The file as the user named it.
    pub file: String,
    /// Metadata from the file's `tool:` block (empty when the file could not be read).
    pub tool: serde_json::Map<String, serde_json::Value>,
    /// The evaluation, or every error that prevented it.
    pub outcome: Result<Outcome, Diagnostics>,
}

/// The evaluation of a valid answer file.
#[derive(Clone, Debug, PartialEq)]
pub struct Outcome {
    /// Each determination's value, by determination index.
    pub determinations: Vec<Truth>,
    /// Why each determination has its value, determination by determination.
    pub reasons: Vec<Reason>,
    /// Questions whose answer could still change an undetermined determination.
    pub needed: Vec<usize>,
    /// Problems that did not stop evaluation.
    pub warnings: Vec<Diagnostic>,
    /// The deciding reason in a few words, for tables.
    pub summary: String,
    /// What the file declares each determination to be, by determination index.
    pub declared: Vec<Option<crate::document::Located<Truth>>>,
    /// Where the file's `tool:` key stands.
    pub tool_position: Option<Position>,
    /// For each determination, the fewest answer changes that would give it another value.
    pub flips: Vec<Vec<crate::engine::Flip>>,
}

/// One answer that a determination rests on: for a decided determination, an answer that
/// decided it; for an undetermined one, a question still needed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reason {
    /// Index of the determination this explains.
    pub determination: usize,
    /// Index of the question.
    pub question: usize,
    /// The answer; `None` when the question is not answered.
    pub answer: Option<AnswerValue>,
    /// The respondent's note.
    pub note: Option<String>,
    /// Ticked checkboxes.
    pub options: Vec<String>,
    /// Determinations the rule went through to reach this question, outermost first.
    pub via: Vec<usize>,
    /// Where the answer stands in the file.
    pub position: Option<Position>,
}

impl Report {
    /// Classify the text of one answer file.
    #[must_use]
    pub fn classify(engine: &Engine, file: &str, text: &str, format: Format) -> Report {
        match AnswerFile::parse(file, text, format, engine.checklist()) {
            Ok(answers) => Report::evaluate(engine, answers),
            Err(errors) => Report::failed(file, errors),
        }
    }

    /// A report for a file that could not be read or parsed.
    #[must_use]
    pub fn failed(file: &str, errors: Diagnostics) -> Report {
        Report {
            file: file.to_owned(),
            tool: serde_json::Map::new(),
            outcome: Err(errors),
        }
    }

    /// Evaluate a parsed answer file.
    #[must_use]
    pub fn evaluate(engine: &Engine, answers: AnswerFile) -> Report {
        let checklist = engine.checklist();
        let truths = answers.truths();
        let evaluation = engine.evaluate(&truths);
        let flips = engine.flips(&truths);
        let mut warnings = answers.warnings.clone();

        let asked = engine.would_ask(&truths);
        for (q, answer) in answers.answers.iter().enumerate() {
            let (Some(answer), Some(false)) = (answer, asked.get(q).copied()) else {
                continue;
            };
            if answer.not_needed {
                continue; // the file already says so (the interview marks such answers)
            }
            let number = checklist
                .questions
                .get(q)
                .map_or("?", |q| q.number.as_str());
            warnings.push(Diagnostic::new(
                Kind::AnswerNotNeeded,
                &answers.file,
                answer.position,
                format!(
                    "{number} is answered but was not needed: earlier answers already decide \
                     everything it could change"
                ),
            ));
        }
        if let Some(stamp) = &answers.stamp {
            let short = |h: &str| h.chars().take(12).collect::<String>();
            let other_version = stamp.version != checklist.version.as_str();
            let other_text = !stamp.sha256.is_empty() && stamp.sha256 != checklist.sha256;
            if stamp.checklist == checklist.id.as_str() && (other_version || other_text) {
                warnings.push(Diagnostic::new(
                    Kind::StampMismatch,
                    &answers.file,
                    stamp.position,
                    format!(
                        "answered under checklist `{}` version {} (sha256 {}), evaluated under \
                         version {} (sha256 {}): see what changes with `adscheck recheck`",
                        stamp.checklist,
                        stamp.version,
                        short(&stamp.sha256),
                        checklist.version.as_str(),
                        short(&checklist.sha256)
                    ),
                ));
            }
        }
        warnings.sort_by_key(|w| w.position);

        let reason = |determination: usize, question: usize, via: Vec<usize>| {
            let answer = answers.answers.get(question).and_then(Option::as_ref);
            Reason {
                determination,
                question,
                answer: answer.map(|a| a.value),
                note: answer.and_then(|a| a.note.clone()),
                options: answer.map(|a| a.options.clone()).unwrap_or_default(),
                via,
                position: answer.and_then(|a| a.position),
            }
        };
        let mut reasons = Vec::new();
        for (d, value) in evaluation.values.iter().enumerate() {
            if value.is_known() {
                for decider in evaluation.deciders.get(d).into_iter().flatten() {
                    reasons.push(reason(d, decider.question, decider.via.clone()));
                }
            } else {
                let mine = engine.questions_of(d);
                for &q in evaluation
                    .needed
                    .iter()
                    .filter(|q| mine.binary_search(q).is_ok())
                {
                    reasons.push(reason(d, q, Vec::new()));
                }
            }
        }
        let summary = summary(engine, &evaluation.values, &reasons);
        Report {
            file: answers.file,
            tool: answers.tool,
            outcome: Ok(Outcome {
                determinations: evaluation.values,
                reasons,
                needed: evaluation.needed,
                warnings,
                summary,
                declared: answers.declared,
                tool_position: answers.tool_position,
                flips,
            }),
        }
    }

    /// A text field of the tool's metadata.
    #[must_use]
    pub fn tool_field(&self, key: &str) -> Option<&str> {
        self.tool.get(key).and_then(serde_json::Value::as_str)
    }
}

/// The deciding reason in a few words: what keeps the first determination that is not yes
/// from being yes, or that everything is met.
fn summary(engine: &Engine, values: &[Truth], reasons: &[Reason]) -> String {
    let checklist = engine.checklist();
    let number = |q: usize| {
        checklist
            .questions
            .get(q)
            .map_or("?", |q| q.number.as_str())
    };
    let Some((d, value)) = values.iter().enumerate().find(|(_, v)| **v != Truth::Yes) else {
        return "every condition is met".to_owned();
    };
    let mine: Vec<&Reason> = reasons.iter().filter(|r| r.determination == d).collect();
    match value {
        Truth::No => mine.first().map_or_else(String::new, |r| {
            // "(1)(b) no: not a computerized implementation"; the short name only reads
            // right after a "no" (a rule with `not` can be decided by a "yes").
            let short = checklist
                .questions
                .get(r.question)
                .and_then(|q| q.short.as_ref())
                .filter(|_| r.answer == Some(AnswerValue::No))
                .map_or_else(String::new, |s| format!(": not {}", s.as_str()));
            let answer = r.answer.map_or("no", AnswerValue::as_str);
            format!("{} {answer}{short}", number(r.question))
        }),
        _ => {
            let unsure: Vec<&str> = mine
                .iter()
                .filter(|r| r.answer == Some(AnswerValue::Unsure))
                .map(|r| number(r.question))
                .collect();
            let missing: Vec<&str> = mine
                .iter()
                .filter(|r| r.answer.is_none())
                .map(|r| number(r.question))
                .collect();
            let mut parts = Vec::new();
            if !unsure.is_empty() {
                parts.push(format!("{} unsure", unsure.join(", ")));
            }
            if !missing.is_empty() {
                parts.push(format!("{} not answered", missing.join(", ")));
            }
            parts.join("; ")
        }
    }
}
