//! The guided interview: ask one question at a time, only those that still matter, and save
//! the answer file after every answer.
//!
//! The walk is independent of any terminal: it talks to a [`Prompter`], which the binary
//! implements with real prompts and the tests implement with a script. The interview asks
//! for the tool's metadata, then walks the checklist in order, asking each question that an
//! interview in the form's order would ask given the answers so far (the engine's relevance),
//! so that the form's stop rules end it early. Going back and changing an answer keeps the
//! answers to questions that became irrelevant, marked `not_needed`.

use std::path::{Path, PathBuf};

use crate::answers::{AnswerFile, Event, Stamp};
use crate::checklist::Question;
use crate::engine::Engine;
use crate::error::Diagnostic;

mod ask;
mod collect;
mod layer;
mod prompter;
mod report;

pub use crate::text::slug;
pub use prompter::{Asking, FIELDS, Field, Prompter, RESPONDENT, Reply};
pub use report::{ReportAsking, ReportFields, VENDOR_INVOLVED, no_vendor};

/// Why an interview stopped with an error.
#[derive(Debug, thiserror::Error)]
pub enum InterviewError {
    /// The answer file could not be saved (the previous version is intact).
    #[error("{0}")]
    Save(#[from] Diagnostic),
    /// Asking failed: the terminal, or input that a script gave out of step.
    #[error("{0}")]
    Prompt(#[from] std::io::Error),
}

/// How an interview ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ending {
    /// Every question that matters is answered.
    Finished,
    /// The person stopped; the file holds everything answered so far.
    Quit,
}

/// Where the answer file goes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    /// A new file at this path; `replace` allows overwriting an existing one (`--force`).
    New {
        /// The path.
        path: PathBuf,
        /// Overwrite an existing file.
        replace: bool,
    },
    /// A new file in this folder, named after the tool (never overwriting one).
    NamedAfterTool(PathBuf),
    /// An existing file being resumed.
    Resume(PathBuf),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Step {
    Field(usize),
    Question(usize),
    /// A step of the Local Law 35 report's fields (by its place in the walk's plan).
    Report(usize),
}

/// One interview in progress.
pub struct Interview<'e> {
    /// The checklist being asked: the file's own, or one under `also:` ([`Interview::also`]).
    engine: &'e Engine,
    /// The file's own checklist, which the file is written with.
    main: &'e Engine,
    /// The `also:` block being answered (by index), or `None` for the file's own answers.
    block: Option<usize>,
    /// Who answered, once said in this run (a later checklist of the same run is theirs too).
    by: Option<String>,
    file: AnswerFile,
    target: Target,
    /// Where the file has been saved, once it has.
    saved_at: Option<PathBuf>,
    history: Vec<Step>,
    /// The time for stamps (replaceable so that tests are repeatable).
    clock: fn() -> String,
    /// The entry of the file's history this session writes (by index), once it has one.
    session: Option<usize>,
    /// What this session's entry records, when it adds one.
    event: Event,
    /// Whether this session changed any answer.
    changed: bool,
    /// Whether to offer the optional fields (before the first answer): in a new interview,
    /// and in a resumed one that stopped before its required fields were all given (one that
    /// went past them passed over the optional ones, and that is an answer too).
    offer_optional: bool,
    /// This interview creates its file (not `--resume`): it writes the tool's id.
    creating: bool,
    /// The Local Law 35 report's fields, when they are asked.
    report: Option<collect::Walk>,
}

impl<'e> Interview<'e> {
    /// A new interview, saving to `target`.
    #[must_use]
    pub fn new(engine: &'e Engine, target: Target) -> Self {
        let file = AnswerFile {
            file: String::new(),
            checklist: Some(engine.checklist().id.value.clone()),
            tool: serde_json::Map::new(),
            answers: vec![None; engine.checklist().questions.len()],
            tool_position: None,
            tool_keys: crate::document::KeyPositions::default(),
            declared: vec![None; engine.checklist().determinations.len()],
            stamps: Vec::new(),
            also: Vec::new(),
            warnings: Vec::new(),
        };
        Interview {
            engine,
            main: engine,
            block: None,
            by: None,
            file,
            target,
            saved_at: None,
            history: Vec::new(),
            clock: || crate::clock::Now::system().rfc3339().to_owned(),
            session: None,
            event: Event::Answered,
            changed: false,
            offer_optional: true,
            creating: true,
            report: None,
        }
    }

    /// Use `clock` for the time in stamps.
    #[must_use]
    pub fn with_clock(mut self, clock: fn() -> String) -> Self {
        self.clock = clock;
        self
    }

    /// Ask the Local Law 35 report's fields after the checklist (when the tool is in the
    /// reporting scope, or always): a resumed file offers every one with its value.
    #[must_use]
    pub fn with_report(mut self, fields: ReportFields) -> Self {
        let reviewing = matches!(self.target, Target::Resume(_));
        self.report = Some(collect::Walk::new(fields, &self.file.tool, reviewing));
        self
    }

    /// Continue the interview saved in `file`, read from `path`.
    ///
    /// The file's history is never rewritten: an interview that was stopped before it was
    /// finished (its latest entry names no one) under this same checklist goes on in that
    /// entry; otherwise, once something changes, this session adds an entry of its own
    /// (`resumed`), under the checklist in use.
    #[must_use]
    pub fn resume(engine: &'e Engine, path: PathBuf, mut file: AnswerFile) -> Self {
        file.checklist = Some(engine.checklist().id.value.clone());
        let unfinished = file
            .stamp()
            .is_some_and(|s| s.by.is_none() && s.is_under(engine.checklist()));
        let session = unfinished.then(|| file.stamps.len() - 1);
        let offer_optional = FIELDS
            .iter()
            .any(|f| f.required && text_of(&file, f.key).is_none());
        // A file an interview began and did not finish (or one no one has recorded answers
        // in yet) is still being created: it gets its id as a new file does.
        let creating = unfinished || file.stamps.is_empty();
        Interview {
            engine,
            main: engine,
            block: None,
            by: None,
            file,
            target: Target::Resume(path.clone()),
            saved_at: Some(path),
            history: Vec::new(),
            clock: || crate::clock::Now::system().rfc3339().to_owned(),
            session,
            event: Event::Resumed,
            changed: false,
            offer_optional,
            creating,
            report: None,
        }
    }

    /// When the file was last stamped under another version or text of the checklist, what
    /// to tell the person before going on.
    #[must_use]
    pub fn version_note(&self) -> Option<String> {
        let checklist = self.engine.checklist();
        let latest = self.file.answered_elsewhere(checklist)?;
        Some({
            format!(
                "These answers were last recorded under checklist `{}` version {}; this session \
                 uses version {}. Earlier entries of the file's history are kept; what you change \
                 now is recorded as a new entry under version {}.",
                crate::text::excerpt(&latest.checklist),
                crate::text::excerpt(&latest.version),
                checklist.version.as_str(),
                checklist.version.as_str()
            )
        })
    }

    /// The answers so far.
    #[must_use]
    pub fn file(&self) -> &AnswerFile {
        &self.file
    }

    /// Where the answers are saved (none before the first save).
    #[must_use]
    pub fn path(&self) -> Option<&Path> {
        self.saved_at.as_deref()
    }

    /// Run the interview until it is finished or the person stops.
    ///
    /// # Errors
    /// When a save fails (the file on disk keeps its previous state) or the terminal fails.
    pub fn run(&mut self, prompter: &mut dyn Prompter) -> Result<Ending, InterviewError> {
        if self.first_checklist_step().is_none()
            && matches!(self.target, Target::Resume(_))
            && let Some(ending) = self.review(prompter)?
        {
            return Ok(ending);
        }
        let mut step = self.first_step();
        loop {
            let Some(current) = step else {
                // Every question that matters is answered: who answered, once. A resumed file
                // that nothing changed stays as it was.
                if self.respondent().is_some() || (self.session.is_none() && !self.changed) {
                    return Ok(Ending::Finished);
                }
                // Said earlier in this run (for another checklist): theirs too.
                if let Some(by) = self.by.clone() {
                    self.set_respondent(by);
                    self.save(prompter)?;
                    return Ok(Ending::Finished);
                }
                let earlier = self.stamps().last().and_then(|s| s.by.clone());
                match prompter.field(&RESPONDENT, earlier.as_deref())? {
                    Reply::Value(by) if !by.trim().is_empty() => {
                        self.set_respondent(by.trim().to_owned());
                        self.save(prompter)?;
                        return Ok(Ending::Finished);
                    }
                    Reply::Value(_) => continue,
                    Reply::Back => {
                        step = Some(self.history.pop().unwrap_or_else(|| self.last_question()));
                        continue;
                    }
                    Reply::Quit => return Ok(Ending::Quit),
                }
            };
            step = match current {
                Step::Field(i) => match self.ask_field(prompter, i)? {
                    Reply::Value(()) => {
                        self.history.push(current);
                        self.after_field(i)
                    }
                    Reply::Back => Some(self.back_from(current)),
                    Reply::Quit => return Ok(Ending::Quit),
                },
                Step::Question(q) => match self.ask_question(prompter, q)? {
                    Reply::Value(()) => {
                        self.history.push(current);
                        match self.after_question(q) {
                            Some(next) => Some(Step::Question(next)),
                            None => {
                                self.tell_not_asked(prompter)?;
                                self.next_report(0).map(Step::Report)
                            }
                        }
                    }
                    Reply::Back => Some(self.back_from(current)),
                    Reply::Quit => return Ok(Ending::Quit),
                },
                Step::Report(i) => match self.ask_report(prompter, i)? {
                    Reply::Value(()) => {
                        self.history.push(current);
                        self.next_report(i + 1).map(Step::Report)
                    }
                    Reply::Back => Some(self.back_from(current)),
                    Reply::Quit => return Ok(Ending::Quit),
                },
            };
        }
    }

    /// A complete file, resumed: offer its answers for revision until the person keeps them,
    /// or a change opens questions the walk must ask (`None`: go on; `Some`: stopped).
    fn review(&mut self, prompter: &mut dyn Prompter) -> Result<Option<Ending>, InterviewError> {
        let engine = self.engine;
        loop {
            match prompter.review(engine.checklist(), self.answers())? {
                Reply::Value(Some(q)) => match self.ask_question(prompter, q)? {
                    Reply::Value(()) if self.first_unanswered().is_some() => return Ok(None),
                    Reply::Value(()) | Reply::Back => {}
                    Reply::Quit => return Ok(Some(Ending::Quit)),
                },
                Reply::Value(None) | Reply::Back => return Ok(None),
                Reply::Quit => return Ok(Some(Ending::Quit)),
            }
        }
    }

    /// Tell the prompter which unanswered questions the walk no longer asks, if any.
    fn tell_not_asked(&self, prompter: &mut dyn Prompter) -> std::io::Result<()> {
        let asked = self.would_ask();
        let questions: Vec<&Question> = self
            .engine
            .checklist()
            .questions
            .iter()
            .zip(&asked)
            .zip(self.answers())
            .filter(|((_, asked), answer)| !**asked && answer.is_none())
            .map(|((q, _), _)| q)
            .collect();
        if questions.is_empty() {
            Ok(())
        } else {
            prompter.not_asked(&questions)
        }
    }

    /// Who answered in this session, once said.
    fn respondent(&self) -> Option<&str> {
        self.session
            .and_then(|i| self.stamps().get(i))
            .and_then(|s| s.by.as_deref())
    }

    fn set_respondent(&mut self, by: String) {
        if let Some(entry) = self.session_entry() {
            entry.by = Some(by);
        }
    }

    /// This session's entry of the file's history, added now if it has none yet.
    fn session_entry(&mut self) -> Option<&mut Stamp> {
        let now = (self.clock)();
        match self.session {
            Some(i) => {
                let entry = self.stamps_mut().get_mut(i)?;
                entry.at = now;
                Some(entry)
            }
            None => {
                let entry = Stamp::now(self.engine.checklist(), self.event, now, None);
                self.stamps_mut().push(entry);
                self.session = Some(self.stamps().len() - 1);
                self.stamps_mut().last_mut()
            }
        }
    }

    /// The last step the walk asks, to go back to from the end: a report field, else the last
    /// question.
    fn last_question(&self) -> Step {
        let len = self.report.as_ref().map_or(0, |w| w.plan.len());
        if let Some(i) = self.previous_report(len) {
            return Step::Report(i);
        }
        let asked = self.would_ask();
        (0..asked.len())
            .rev()
            .find(|&q| asked.get(q) == Some(&true))
            .map_or(Step::Field(FIELDS.len() - 1), Step::Question)
    }

    /// The step before `current`: the one answered last in this session or, in a resumed
    /// session with no history yet, the one before it in the walk.
    fn back_from(&mut self, current: Step) -> Step {
        if let Some(previous) = self.history.pop() {
            return previous;
        }
        match current {
            Step::Field(i) => Step::Field(i.saturating_sub(1)),
            Step::Report(i) => match self.previous_report(i) {
                Some(j) => Step::Report(j),
                None => {
                    let asked = self.would_ask();
                    (0..asked.len())
                        .rev()
                        .find(|&q| asked.get(q) == Some(&true))
                        .map_or(Step::Field(FIELDS.len() - 1), Step::Question)
                }
            },
            Step::Question(q) => {
                let asked = self.would_ask();
                (0..q)
                    .rev()
                    .find(|&p| asked.get(p) == Some(&true))
                    .map_or(Step::Field(FIELDS.len() - 1), Step::Question)
            }
        }
    }

    fn tool_text(&self, key: &str) -> Option<&str> {
        text_of(&self.file, key)
    }

    fn nothing_answered(&self) -> bool {
        self.answers().iter().all(Option::is_none)
    }

    /// Whether a field should be asked when walking forward: missing, and required or not yet
    /// passed (no answers given yet).
    /// Whether to ask field `i`: a required field while it is missing; an optional one while
    /// missing before the first answer, unless a resumed interview passed it over already.
    fn field_wanted(&self, i: usize) -> bool {
        // The tool's fields belong to the file, asked with its own checklist only.
        self.block.is_none()
            && FIELDS.get(i).is_some_and(|f| {
                self.tool_text(f.key).is_none()
                    && (f.required || (self.offer_optional && self.nothing_answered()))
            })
    }

    /// The first field or question still to be asked (the checklist's part of the walk).
    fn first_checklist_step(&self) -> Option<Step> {
        (0..FIELDS.len())
            .find(|&i| self.field_wanted(i))
            .map(Step::Field)
            .or_else(|| self.first_unanswered().map(Step::Question))
    }

    fn first_step(&self) -> Option<Step> {
        self.first_checklist_step()
            .or_else(|| self.next_report(0).map(Step::Report))
    }

    fn after_field(&self, i: usize) -> Option<Step> {
        (i + 1..FIELDS.len())
            .find(|&j| self.field_wanted(j))
            .map(Step::Field)
            .or_else(|| self.first_unanswered().map(Step::Question))
            .or_else(|| self.next_report(0).map(Step::Report))
    }

    fn would_ask(&self) -> Vec<bool> {
        self.engine.would_ask(&self.truths())
    }

    /// The first question the form's walk would ask that has no answer yet.
    fn first_unanswered(&self) -> Option<usize> {
        let asked = self.would_ask();
        (0..asked.len()).find(|&q| {
            asked.get(q) == Some(&true) && self.answers().get(q).is_some_and(Option::is_none)
        })
    }

    /// After answering `q`: the next question the walk asks (showing earlier answers as
    /// defaults), or the first one still unanswered, or the end.
    fn after_question(&self, q: usize) -> Option<usize> {
        let asked = self.would_ask();
        (q + 1..asked.len())
            .find(|&next| asked.get(next) == Some(&true))
            .or_else(|| self.first_unanswered())
    }
}

/// A tool field's text, when it has some.
fn text_of<'f>(file: &'f AnswerFile, key: &str) -> Option<&'f str> {
    file.tool
        .get(key)
        .and_then(serde_json::Value::as_str)
        .filter(|s| !s.trim().is_empty())
}

#[cfg(test)]
mod tests {
    use super::slug;

    #[test]
    fn slugs() {
        assert_eq!(slug("Fire risk model (v2)"), "fire-risk-model-v2");
        assert_eq!(slug("  ***  "), "answers");
        assert_eq!(slug("Élan"), "élan");
    }
}
