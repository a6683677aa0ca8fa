//! Answer files: what a respondent said about one tool, read from YAML or JSON.
//!
//! ```yaml
//! checklist: nyc-ll49-2018          # optional
//! tool: {name: Fire risk model, agency: Fire Department}   # optional, free-form
//! answers:
//!   1a: yes                         # yes | no | unsure (any case), true | false
//!   1b: {answer: yes, note: Runs nightly}
//!   1c: {answer: yes, options: [allocating_resources]}
//!   2a:                             # empty: not answered yet
//! ```
//!
//! A file is read into a position-aware tree and interpreted against a checklist, so that
//! every problem names its line and column and says what is allowed.

use std::fmt;

mod comments;
mod problems;
mod read;
mod stamp;
mod template;
mod tool_block;
mod write;

pub use comments::lost_comments;
pub use stamp::{Event, Header, Stamp, header_of};
pub use template::{template, template_with_also, unanswered};
pub use tool_block::replace_tool_block;
pub use write::{IMPORTED_NOTE, read_back, tool_block};

use serde::Serialize;

use crate::checklist::Checklist;
use crate::document::{Format, Located};
use crate::engine::Truth;
use crate::error::{Diagnostic, Diagnostics, Position};

/// What the respondent answered to one question.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum AnswerValue {
    /// Yes.
    Yes,
    /// No.
    No,
    /// The respondent does not know (yet): counts as unknown.
    Unsure,
}

impl AnswerValue {
    /// Read an answer word: yes, no, unsure in any case, or true/false.
    #[must_use]
    pub fn parse(word: &str) -> Option<AnswerValue> {
        let word = word.trim();
        if word.eq_ignore_ascii_case("yes") || word.eq_ignore_ascii_case("true") {
            Some(AnswerValue::Yes)
        } else if word.eq_ignore_ascii_case("no") || word.eq_ignore_ascii_case("false") {
            Some(AnswerValue::No)
        } else if word.eq_ignore_ascii_case("unsure") {
            Some(AnswerValue::Unsure)
        } else {
            None
        }
    }

    /// The answer as a value of three-valued logic.
    #[must_use]
    pub const fn truth(self) -> Truth {
        match self {
            AnswerValue::Yes => Truth::Yes,
            AnswerValue::No => Truth::No,
            AnswerValue::Unsure => Truth::Unknown,
        }
    }

    /// `yes`, `no` or `unsure`.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            AnswerValue::Yes => "yes",
            AnswerValue::No => "no",
            AnswerValue::Unsure => "unsure",
        }
    }
}

impl fmt::Display for AnswerValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One answer, with what came with it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Answer {
    /// The answer.
    pub value: AnswerValue,
    /// The respondent's note, if any.
    pub note: Option<String>,
    /// Ids of the ticked checkboxes, in the order given, without repeats.
    pub options: Vec<String>,
    /// Where the answer stands in the file.
    pub position: Option<Position>,
    /// The file marks this answer as no longer needed (the interview does, when an earlier
    /// answer changed and made this question irrelevant). It is kept, and still evaluated.
    pub not_needed: bool,
}

/// An answer file, checked against a checklist.
#[derive(Clone, Debug, PartialEq)]
pub struct AnswerFile {
    /// The file as the user named it.
    pub file: String,
    /// The checklist id the file names, if it names one.
    pub checklist: Option<String>,
    /// Metadata about the tool, passed through as given.
    pub tool: serde_json::Map<String, serde_json::Value>,
    /// Answers by question index; `None` for questions not answered.
    pub answers: Vec<Option<Answer>>,
    /// Where the `tool:` key stands, if the file has one.
    pub tool_position: Option<Position>,
    /// Where each key of the `tool:` block stands.
    pub tool_keys: crate::document::KeyPositions,
    /// What the file declares each determination to be (`declared:`), by determination index.
    pub declared: Vec<Option<Located<Truth>>>,
    /// How the file was made: its history, oldest first (`stamps:`, or an old `stamp:`).
    pub stamps: Vec<Stamp>,
    /// Answers to further checklists (`also:`), each under its own id, in the file's order.
    pub also: Vec<Also>,
    /// Problems that do not stop evaluation.
    pub warnings: Vec<Diagnostic>,
}

/// Answers as values of three-valued logic, by question index: unsure and unanswered are
/// unknown.
#[must_use]
pub fn truths(answers: &[Option<Answer>]) -> Vec<Truth> {
    answers
        .iter()
        .map(|a| a.as_ref().map_or(Truth::Unknown, |a| a.value.truth()))
        .collect()
}

/// Answers to a further checklist under `also:`, keyed by its id: the same shape as the
/// file's own (`answers:`, `declared:`, `stamps:`), read against that checklist. The file's
/// `tool:` block is shared: one tool, several laws.
#[derive(Clone, Debug, PartialEq)]
pub struct Also {
    /// The checklist's id (a built-in checklist's: see [`crate::checklist::BUILTINS`]).
    pub checklist: String,
    /// Where its key stands.
    pub position: Option<Position>,
    /// Answers by question index of that checklist.
    pub answers: Vec<Option<Answer>>,
    /// What the file declares each of its determinations to be.
    pub declared: Vec<Option<Located<Truth>>>,
    /// Its own history.
    pub stamps: Vec<Stamp>,
}

impl Also {
    /// The answers as values of three-valued logic, by question index.
    #[must_use]
    pub fn truths(&self) -> Vec<Truth> {
        truths(&self.answers)
    }

    /// The block read as a file of its own (for evaluating and writing it with its
    /// checklist's engine): no `tool:`, the same file name.
    #[must_use]
    pub fn as_file(&self, file: &str) -> AnswerFile {
        AnswerFile {
            file: file.to_owned(),
            checklist: Some(self.checklist.clone()),
            tool: serde_json::Map::new(),
            answers: self.answers.clone(),
            tool_position: None,
            tool_keys: crate::document::KeyPositions::default(),
            declared: self.declared.clone(),
            stamps: self.stamps.clone(),
            also: Vec::new(),
            warnings: Vec::new(),
        }
    }
}

impl AnswerFile {
    /// Read an answer file's text against `checklist`.
    ///
    /// # Errors
    /// Every problem found, each with its position: not YAML/JSON, wrong shapes, unknown keys,
    /// unknown questions or options, invalid answers, another checklist's id.
    pub fn parse(
        file: &str,
        text: &str,
        format: Format,
        checklist: &Checklist,
    ) -> Result<AnswerFile, Diagnostics> {
        read::parse(file, text, format, checklist)
    }

    /// The checklist id an answer file's text names (`checklist:`), read without a checklist:
    /// which checklist to read it against. `None` when it names none or is not readable.
    #[must_use]
    pub fn checklist_named(text: &str) -> Option<String> {
        let root = crate::yaml::parse_tree("", text, Format::Yaml).ok()?;
        let crate::document::Value::Map(entries) = &root.value else {
            return None;
        };
        entries
            .iter()
            .find(|(k, _)| k.key_text() == "checklist")
            .and_then(|(_, v)| match &v.value {
                crate::document::Value::String(id) => Some(id.clone()),
                _ => None,
            })
    }

    /// The answers as values of three-valued logic, by question index.
    #[must_use]
    pub fn truths(&self) -> Vec<Truth> {
        truths(&self.answers)
    }

    /// The latest entry of the file's history.
    #[must_use]
    pub fn stamp(&self) -> Option<&Stamp> {
        self.stamps.last()
    }

    /// The latest entry of the file's history, when it was made under another checklist or
    /// another version or text of `checklist`: the one rule for "answered under another
    /// version", which the summary counts, `classify` warns of, `stamp` refuses and the
    /// interview tells. A file with no history was answered under no checklist in particular.
    #[must_use]
    pub fn answered_elsewhere(&self, checklist: &Checklist) -> Option<&Stamp> {
        self.stamp().filter(|s| !s.is_under(checklist))
    }

    /// Add an entry to the file's history: `event` by `by` at `now`, under `checklist`; and
    /// one to each `also:` block's history, under its own checklist.
    ///
    /// # Errors
    /// Answers last recorded under another checklist, or another version or text of this one,
    /// are not stamped as answered under it (that would claim they were given under it): they
    /// must be reviewed first, and the review recorded ([`Event::Reviewed`]).
    pub fn add_stamp(
        &mut self,
        checklist: &Checklist,
        event: Event,
        now: &crate::clock::Now,
        by: &str,
    ) -> Result<(), Diagnostic> {
        if event != Event::Reviewed
            && let Some(latest) = self.answered_elsewhere(checklist)
        {
            let short = crate::text::short_hash;
            return Err(Diagnostic::new(
                crate::error::Kind::StampMismatch,
                &self.file,
                latest.position,
                format!(
                    "the answers were last recorded under checklist `{}` version {} (sha256 {}), \
                     not the one in use now, version {} (sha256 {}): stamping would claim they \
                     were given under it. Review them (adscheck recheck), then record the review \
                     with --reviewed",
                    crate::text::excerpt(&latest.checklist),
                    crate::text::excerpt(&latest.version),
                    crate::text::excerpt(short(&latest.sha256)),
                    checklist.version.as_str(),
                    short(&checklist.sha256)
                ),
            ));
        }
        // Each further checklist's answers get an entry of their own, under their checklist,
        // by the same rule; all are checked before any is added.
        let mut blocks = Vec::new();
        for (i, also) in self.also.iter().enumerate() {
            let Some(engine) = crate::engine::Engine::builtin(&also.checklist) else {
                continue;
            };
            let mut view = also.as_file(&self.file);
            view.add_stamp(engine.checklist(), event, now, by)?;
            blocks.push((i, view.stamps));
        }
        self.stamps.push(Stamp::now(
            checklist,
            event,
            now.rfc3339().to_owned(),
            Some(by.to_owned()),
        ));
        for (i, stamps) in blocks {
            if let Some(also) = self.also.get_mut(i) {
                also.stamps = stamps;
            }
        }
        Ok(())
    }

    /// A text field of the `tool:` block.
    #[must_use]
    pub fn tool_field(&self, key: &str) -> Option<&str> {
        self.tool.get(key).and_then(serde_json::Value::as_str)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock::Now;

    fn file(stamp_version: &str) -> (crate::Engine, AnswerFile) {
        let engine = crate::load_engine(None).unwrap();
        let checklist = engine.checklist();
        let text = format!(
            "stamps:\n  - {{event: answered, checklist: nyc-ll49-2018, version: {stamp_version}, \
             sha256: {}, adscheck: 0.1.0, at: \"2024-11-20T15:00:00Z\"}}\nanswers: {{1a: no}}\n",
            if stamp_version == checklist.version.as_str() {
                checklist.sha256.as_str()
            } else {
                "abc"
            }
        );
        let parsed = AnswerFile::parse("t.yaml", &text, Format::Yaml, checklist).unwrap();
        (engine, parsed)
    }

    #[track_caller]
    fn case(stamp_version: &str, event: Event, refused: bool) {
        let (engine, mut file) = file(stamp_version);
        let now = Now::at("2026-12-06T18:00:00Z").unwrap();
        let result = file.add_stamp(engine.checklist(), event, &now, "Pat");
        assert_eq!(
            result.is_err(),
            refused,
            "{stamp_version} {event:?}: {result:?}"
        );
        assert_eq!(file.stamps.len(), if refused { 1 } else { 2 });
        if !refused {
            assert_eq!(file.stamps[1].at, "2026-12-06T18:00:00Z");
            assert_eq!(file.stamps[1].by.as_deref(), Some("Pat"));
        }
    }

    #[test]
    fn answers_from_another_version_are_stamped_only_as_reviewed() {
        let current = crate::load_engine(None)
            .unwrap()
            .checklist()
            .version
            .value
            .clone();
        case(&current, Event::Answered, false);
        case("0.9.0", Event::Answered, true);
        case("0.9.0", Event::Reviewed, false);
    }
}
