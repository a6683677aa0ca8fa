//! What the interview asks through: the [`Prompter`] a terminal or a test implements, and
//! what it asks (metadata fields, questions) and hears back.

use std::path::Path;

use crate::answers::{Answer, AnswerValue};
use crate::checklist::{Checklist, Question};
use crate::tool::Edition;

use super::report::ReportAsking;

/// What the person did at a prompt.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Reply<T> {
    /// Gave a value.
    Value(T),
    /// Asked to go back to the previous step.
    Back,
    /// Asked to stop (Ctrl-C, end of input): the file is saved as it is.
    Quit,
}

/// A metadata field asked before the questions.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Field {
    /// Key in the answer file's `tool:` block.
    pub key: &'static str,
    /// What to ask.
    pub label: &'static str,
    /// Whether an empty value is refused.
    pub required: bool,
}

/// The metadata the interview asks for, in order.
pub const FIELDS: [Field; 4] = [
    Field {
        key: "name",
        label: "Name of the tool (or its commercial name)",
        required: true,
    },
    Field {
        key: "agency",
        label: "Agency that uses it",
        required: true,
    },
    Field {
        key: "description",
        label: "Short description: what it does",
        required: true,
    },
    Field {
        key: "contact",
        label: "Contact for questions about it (optional)",
        required: false,
    },
];

/// Asked once, at the end: who gave these answers. Recorded in the file's `stamp:`.
pub const RESPONDENT: Field = Field {
    key: "answered_by",
    label: "Your name and role (who answered these questions)",
    required: true,
};

/// A question as the prompter shows it.
#[derive(Clone, Copy, Debug)]
pub struct Asking<'a> {
    /// The checklist being answered.
    pub checklist: &'a Checklist,
    /// The question.
    pub question: &'a Question,
}

/// Asks things of a person. Implemented by the terminal front end, and by scripts in tests.
pub trait Prompter {
    /// Ask for a metadata field; `current` is the value so far, offered as the default.
    ///
    /// # Errors
    /// When the terminal fails.
    fn field(&mut self, field: &Field, current: Option<&str>) -> std::io::Result<Reply<String>>;

    /// Ask a question: yes, no or unsure. `current` is the earlier answer, if any.
    ///
    /// # Errors
    /// When the terminal fails.
    fn answer(
        &mut self,
        asking: &Asking<'_>,
        current: Option<AnswerValue>,
    ) -> std::io::Result<Reply<AnswerValue>>;

    /// Ask which informational checkboxes apply (after a yes). `current` are those ticked.
    ///
    /// # Errors
    /// When the terminal fails.
    fn options(
        &mut self,
        asking: &Asking<'_>,
        current: &[String],
    ) -> std::io::Result<Reply<Vec<String>>>;

    /// Ask for an optional note on the answer; an empty reply means no note.
    ///
    /// # Errors
    /// When the terminal fails.
    fn note(
        &mut self,
        asking: &Asking<'_>,
        current: Option<&str>,
    ) -> std::io::Result<Reply<String>>;

    /// Ask a field of the Local Law 35 report (its shape says how: typed text checked with
    /// [`ReportAsking::typed`], or a choice made into a value with [`ReportAsking::picked`]).
    /// `current` is its value so far, kept by an empty reply.
    ///
    /// # Errors
    /// When the terminal fails.
    fn report(
        &mut self,
        asking: &ReportAsking,
        current: Option<&serde_json::Value>,
    ) -> std::io::Result<Reply<serde_json::Value>>;

    /// Told once, before the report's fields are first asked in a session: the edition, why
    /// they are asked (the reporting scope, or the flag), and how many there can be at most.
    ///
    /// # Errors
    /// When the terminal fails.
    fn report_begins(
        &mut self,
        _edition: Edition,
        _why: &str,
        _count: usize,
    ) -> std::io::Result<()> {
        Ok(())
    }

    /// Offered a complete file that was resumed: every answer, to pick one to change (its
    /// question's index), or `None` to keep them all. Without this, a complete file is only
    /// shown.
    ///
    /// # Errors
    /// When the terminal fails.
    fn review(
        &mut self,
        _checklist: &Checklist,
        _answers: &[Option<Answer>],
    ) -> std::io::Result<Reply<Option<usize>>> {
        Ok(Reply::Value(None))
    }

    /// Told when the walk goes on to a further checklist of the same file (under `also:`),
    /// before its first question.
    ///
    /// # Errors
    /// When the terminal fails.
    fn checklist_begins(&mut self, _checklist: &Checklist) -> std::io::Result<()> {
        Ok(())
    }

    /// Told after each save.
    fn saved(&mut self, _path: &Path) {}

    /// Told, when the last question that matters is answered, which questions are left
    /// unasked because no answer to them could change a determination any more (as after a
    /// deciding "no").
    ///
    /// # Errors
    /// When the terminal fails.
    fn not_asked(&mut self, _questions: &[&Question]) -> std::io::Result<()> {
        Ok(())
    }

    /// Told, at the first save of an interview named after its tool, that a file of that name
    /// (`taken`) already exists, so the answers are saved as `saved_as`: often the same tool
    /// interviewed twice, which the person should hear of before going on.
    ///
    /// # Errors
    /// When the terminal fails.
    fn name_taken(&mut self, _taken: &Path, _saved_as: &Path) -> std::io::Result<()> {
        Ok(())
    }
}
