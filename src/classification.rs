//! The result of classifying one answer file, as data that every output format renders.

use crate::answers::{Answer, AnswerFile, AnswerValue};
use crate::document::Format;
use crate::engine::{Decider, Engine, Evaluation, Truth};
use crate::error::{Diagnostic, Diagnostics, Kind, Position};

/// What came of one answer file: its determinations with their reasons, or why it could not
/// be evaluated.
#[derive(Clone, Debug, PartialEq)]
pub struct Classification {
    /// The file as the user named it.
    pub file: String,
    /// Metadata from the file's `tool:` block (empty when the file could not be read).
    pub tool: serde_json::Map<String, serde_json::Value>,
    /// The evaluation, or every error that prevented it.
    pub outcome: Result<Outcome, Diagnostics>,
}

/// How far the checklist has been answered, apart from what the answers determine: an
/// imported tool nobody has assessed is not "undetermined" the way a tool answered "unsure" is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
pub enum Assessment {
    /// No question answered.
    #[serde(rename = "not started")]
    NotStarted,
    /// Some answered, some determination still open.
    #[serde(rename = "in progress")]
    InProgress,
    /// Every determination settled.
    #[serde(rename = "complete")]
    Complete,
}

impl Assessment {
    /// The word in outputs: "not started", "in progress", "complete".
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Assessment::NotStarted => "not started",
            Assessment::InProgress => "in progress",
            Assessment::Complete => "complete",
        }
    }

    /// How people are told it: "not yet assessed", "in progress", "complete".
    #[must_use]
    pub const fn shown(self) -> &'static str {
        match self {
            Assessment::NotStarted => "not yet assessed",
            other => other.as_str(),
        }
    }
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
    /// The answer given to each question, by question index.
    pub answers: Vec<Option<AnswerValue>>,
    /// Problems that did not stop evaluation.
    pub warnings: Vec<Diagnostic>,
    /// What the file declares each determination to be, by determination index.
    pub declared: Vec<Option<crate::document::Located<Truth>>>,
    /// Where the file's `tool:` key stands.
    pub tool_position: Option<Position>,
    /// Where each key of the `tool:` block stands.
    pub tool_keys: crate::document::KeyPositions,
    /// For each determination, the fewest answer changes that would give it another value.
    pub flips: std::sync::Arc<[Vec<crate::engine::Flip>]>,
    /// The evaluations of the file's answers to further checklists (`also:`), in its order.
    pub also: Vec<AlsoOutcome>,
}

/// The evaluation of one `also:` block: the checklist's id, and its outcome in the same shape
/// as the file's own (under that checklist's engine, [`Engine::builtin`]).
#[derive(Clone, Debug, PartialEq)]
pub struct AlsoOutcome {
    /// The checklist's id.
    pub checklist: String,
    /// Its determinations, reasons and warnings.
    pub outcome: Outcome,
}

impl AlsoOutcome {
    /// The engine of its checklist.
    #[must_use]
    pub fn engine(&self) -> Option<&'static Engine> {
        Engine::builtin(&self.checklist)
    }
}

impl Outcome {
    /// How far the checklist has been answered ([`Assessment`]).
    #[must_use]
    pub fn assessment(&self) -> Assessment {
        if self.determinations.iter().all(|t| t.is_known()) {
            Assessment::Complete
        } else if self.answers.iter().all(Option::is_none) {
            Assessment::NotStarted
        } else {
            Assessment::InProgress
        }
    }
}

/// One thing a determination rests on: for a decided determination, an answer that decided
/// it or another determination its rule names; for an undetermined one, a question still
/// needed, or another determination still open. A determination that rests on another refers
/// to it rather than repeating its reasons, so a report is linear in the size of the rules.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reason {
    /// Index of the determination this explains.
    pub determination: usize,
    /// What it rests on.
    pub basis: Basis,
}

/// What a [`Reason`] rests on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Basis {
    /// The answer to a question (`None` when not answered).
    Answer {
        /// Index of the question.
        question: usize,
        /// The answer, with its note, ticked options and place.
        answer: Option<Answer>,
    },
    /// The value of another determination (by index), whose own reasons say why.
    Determination(usize),
}

impl Reason {
    /// The question, for a reason that is an answer.
    #[must_use]
    pub fn question(&self) -> Option<usize> {
        match self.basis {
            Basis::Answer { question, .. } => Some(question),
            Basis::Determination(_) => None,
        }
    }

    /// The determination this one rests on, for a reason that is another determination.
    #[must_use]
    pub fn rests_on(&self) -> Option<usize> {
        match self.basis {
            Basis::Determination(e) => Some(e),
            Basis::Answer { .. } => None,
        }
    }

    fn answer(&self) -> Option<&Answer> {
        match &self.basis {
            Basis::Answer { answer, .. } => answer.as_ref(),
            Basis::Determination(_) => None,
        }
    }

    /// The answer given, if any.
    #[must_use]
    pub fn value(&self) -> Option<AnswerValue> {
        self.answer().map(|a| a.value)
    }

    /// The respondent's note, if any.
    #[must_use]
    pub fn note(&self) -> Option<&str> {
        self.answer().and_then(|a| a.note.as_deref())
    }

    /// The ticked checkboxes.
    #[must_use]
    pub fn options(&self) -> &[String] {
        self.answer().map_or(&[], |a| a.options.as_slice())
    }

    /// Where the answer stands in the file.
    #[must_use]
    pub fn position(&self) -> Option<Position> {
        self.answer().and_then(|a| a.position)
    }
}

impl Outcome {
    /// Each determination's id and value, in checklist order.
    #[must_use]
    pub fn named(&self, checklist: &crate::checklist::Checklist) -> Vec<(String, Truth)> {
        checklist
            .determinations
            .iter()
            .zip(&self.determinations)
            .map(|(d, t)| (d.id.value.clone(), *t))
            .collect()
    }

    /// This outcome under `engine` (its file's own checklist), then each `also:` checklist's
    /// under its own engine, in the file's order: one tool, several laws.
    pub fn with_also<'a>(
        &'a self,
        engine: &'a Engine,
    ) -> impl Iterator<Item = (&'a Engine, &'a Outcome)> + 'a {
        std::iter::once((engine, self)).chain(
            self.also
                .iter()
                .filter_map(|a| Some((a.engine()?, &a.outcome))),
        )
    }

    /// Every determination of this outcome and of each `also:` checklist's, in the file's
    /// order, each with its value: one tool, several laws, as one list.
    pub fn determinations_with_also<'a>(
        &'a self,
        engine: &'a Engine,
    ) -> impl Iterator<Item = (&'a crate::checklist::Determination, Truth)> + 'a {
        self.with_also(engine).flat_map(|(engine, outcome)| {
            engine
                .checklist()
                .determinations
                .iter()
                .zip(outcome.determinations.iter().copied())
        })
    }

    /// [`Outcome::named`], then each `also:` checklist's determinations under
    /// `<checklist>.<determination>` (`nyc-ll35-2022.algorithmic_tool`): what a setting such
    /// as Local Law 35's reporting scope may name.
    #[must_use]
    pub fn named_with_also(&self, checklist: &crate::checklist::Checklist) -> Vec<(String, Truth)> {
        let mut named = self.named(checklist);
        for (engine, outcome) in self
            .also
            .iter()
            .filter_map(|a| Some((a.engine()?, &a.outcome)))
        {
            let id = engine.checklist().id.as_str();
            named.extend(
                outcome
                    .named(engine.checklist())
                    .into_iter()
                    .map(|(d, t)| (format!("{id}.{d}"), t)),
            );
        }
        named
    }
}

impl Classification {
    /// Classify the text of one answer file.
    #[must_use]
    pub fn classify(engine: &Engine, file: &str, text: &str, format: Format) -> Classification {
        match AnswerFile::parse(file, text, format, engine.checklist()) {
            Ok(answers) => Classification::evaluate(engine, answers),
            Err(errors) => Classification::failed(file, errors),
        }
    }

    /// A report for a file that could not be read or parsed.
    #[must_use]
    pub fn failed(file: &str, errors: Diagnostics) -> Classification {
        Classification {
            file: file.to_owned(),
            tool: serde_json::Map::new(),
            outcome: Err(errors),
        }
    }

    /// Evaluate a parsed answer file.
    #[must_use]
    pub fn evaluate(engine: &Engine, mut answers: AnswerFile) -> Classification {
        let truths = answers.truths();
        let judgement = engine.judge(&truths);
        let evaluation = &judgement.evaluation;
        let mut warnings = std::mem::take(&mut answers.warnings);
        warnings.extend(not_needed(engine, &answers, &judgement.would_ask));
        warnings.extend(stamp_mismatch(engine, &answers));
        warnings.sort_by_key(|w| w.position);
        let reasons = reasons(engine, &answers, evaluation);
        // Each further checklist's answers, evaluated as a file of their own under its engine.
        let also = answers
            .also
            .iter()
            .filter_map(|block| {
                let engine = Engine::builtin(&block.checklist)?;
                let outcome = Classification::evaluate(engine, block.as_file(&answers.file))
                    .outcome
                    .ok()?;
                Some(AlsoOutcome {
                    checklist: block.checklist.clone(),
                    outcome,
                })
            })
            .collect();
        Classification {
            file: answers.file,
            tool: answers.tool,
            outcome: Ok(Outcome {
                determinations: evaluation.values.clone(),
                reasons,
                needed: evaluation.needed.clone(),
                answers: answers
                    .answers
                    .iter()
                    .map(|a| a.as_ref().map(|a| a.value))
                    .collect(),
                warnings,
                declared: answers.declared,
                tool_position: answers.tool_position,
                tool_keys: answers.tool_keys,
                flips: std::sync::Arc::clone(&judgement.flips),
                also,
            }),
        }
    }

    /// A text field of the tool's metadata.
    #[must_use]
    pub fn tool_field(&self, key: &str) -> Option<&str> {
        self.tool.get(key).and_then(serde_json::Value::as_str)
    }
}

/// A warning for each answer the interview would not have asked (unless the file already
/// marks it `not_needed`, as the interview does).
fn not_needed(engine: &Engine, answers: &AnswerFile, asked: &[bool]) -> Vec<Diagnostic> {
    answers
        .answers
        .iter()
        .zip(asked.iter().copied())
        .enumerate()
        .filter_map(|(q, (answer, asked))| {
            let answer = answer.as_ref().filter(|a| !asked && !a.not_needed)?;
            Some(Diagnostic::new(
                Kind::AnswerNotNeeded,
                &answers.file,
                answer.position,
                format!(
                    "{} is answered but was not needed: earlier answers already decide \
                     everything it could change",
                    engine.checklist().number(q)
                ),
            ))
        })
        .collect()
}

/// A warning when the file was answered under another checklist, or another version or text
/// of this one ([`AnswerFile::answered_elsewhere`]).
fn stamp_mismatch(engine: &Engine, answers: &AnswerFile) -> Option<Diagnostic> {
    let checklist = engine.checklist();
    let stamp = answers.answered_elsewhere(checklist)?;
    let short = crate::text::short_hash;
    let other = if stamp.checklist == checklist.id.as_str() {
        String::new()
    } else {
        format!("checklist `{}` ", checklist.id.as_str())
    };
    Some(Diagnostic::new(
        Kind::StampMismatch,
        &answers.file,
        stamp.position,
        format!(
            "answered under checklist `{}` version {} (sha256 {}), evaluated under \
                 {other}version {} (sha256 {}): see what changes with `adscheck recheck`",
            crate::text::excerpt(&stamp.checklist),
            crate::text::excerpt(&stamp.version),
            crate::text::excerpt(short(&stamp.sha256)),
            checklist.version.as_str(),
            short(&checklist.sha256)
        ),
    ))
}

/// Why each determination has its value: what decided a decided one; for an undetermined
/// one, the questions of its own rule still needed and the determinations it names that are
/// still open.
fn reasons(engine: &Engine, answers: &AnswerFile, evaluation: &Evaluation) -> Vec<Reason> {
    let answer = |determination: usize, question: usize| Reason {
        determination,
        basis: Basis::Answer {
            question,
            answer: answers.answers.get(question).cloned().flatten(),
        },
    };
    let refer = |determination: usize, e: usize| Reason {
        determination,
        basis: Basis::Determination(e),
    };
    let mut reasons = Vec::new();
    for (d, value) in evaluation.values.iter().enumerate() {
        if value.is_known() {
            for decider in evaluation.deciders.get(d).into_iter().flatten() {
                reasons.push(match *decider {
                    Decider::Question(q) => answer(d, q),
                    Decider::Determination(e) => refer(d, e),
                });
            }
        } else {
            let own = engine.own_questions(d);
            for &q in evaluation
                .needed
                .iter()
                .filter(|q| own.binary_search(q).is_ok())
            {
                reasons.push(answer(d, q));
            }
            for &e in engine.refers_to(d) {
                if evaluation.values.get(e) == Some(&Truth::Unknown) {
                    reasons.push(refer(d, e));
                }
            }
        }
    }
    reasons
}
