//! The checklist as data: what a checklist file may contain.
//!
//! These types are the file format. Every field that validation may complain about carries its
//! position ([`Located`]), so that an error names the line and column to fix.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::document::{Located, LocatedMap};

/// A whole checklist: what it decides, the questions it asks, and where it comes from.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Checklist {
    /// Stable identifier that answer files name in their `checklist:` field.
    pub id: Located<String>,
    /// The checklist's title as printed.
    pub title: Located<String>,
    /// Version of this encoding of the checklist.
    pub version: Located<String>,
    /// Where the legal content comes from.
    pub source: Located<String>,
    /// Notes of the encoder on ambiguities of the source, and how they were read.
    #[serde(default)]
    pub editorial_notes: Vec<Located<String>>,
    /// Footnotes of the source, referenced by id from texts.
    #[serde(default)]
    pub footnotes: Vec<Footnote>,
    /// What the checklist decides, in the order the form asks.
    pub determinations: Vec<Determination>,
    /// The questions, in the order the form asks them.
    pub questions: Vec<Question>,
    /// Named answer sets with the determinations they must give (`adscheck checklist test`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tests: Vec<SelfTest>,
    /// Lookup tables filled in by validation.
    #[serde(skip)]
    pub(crate) index: Index,
    /// SHA-256 of the checklist file's text, in hex: which exact text answers were given under.
    #[serde(skip)]
    pub sha256: String,
}

/// Positions of questions, determinations and footnotes by id.
#[derive(Clone, Debug, Default)]
pub(crate) struct Index {
    pub(crate) questions: HashMap<String, usize>,
    pub(crate) determinations: HashMap<String, usize>,
}

/// A test a checklist carries: answers, and the determinations (and optionally the questions
/// still needed) they must give.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct SelfTest {
    /// What the test shows, e.g. "stop rule of Question 1 at (1)(a)".
    pub name: Located<String>,
    /// Question id to `yes`, `no` or `unsure`; questions not named are unanswered.
    #[serde(default)]
    pub answers: LocatedMap,
    /// Determination id to `yes`, `no` or `undetermined`.
    pub expect: LocatedMap,
    /// The questions still needed, in checklist order, when given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub needed: Option<Vec<Located<String>>>,
}

/// A footnote of the source form.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Footnote {
    /// The footnote's mark, e.g. `"1"`.
    pub id: Located<String>,
    /// Its text.
    pub text: Located<String>,
    /// The encoder's note on it, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub editorial_note: Option<Located<String>>,
}

/// Something the checklist decides (e.g. "is it an ADS?"), with the law behind it.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Determination {
    /// Stable identifier (`ads`), used in rules, answer files and output.
    pub id: Located<String>,
    /// Number printed on the form ("1" for "Question 1").
    pub number: Located<String>,
    /// Short name for tables ("ADS").
    pub label: Located<String>,
    /// The question as the form prints it.
    pub question: Located<String>,
    /// The defined term.
    pub term: Located<String>,
    /// The legal definition, word for word.
    pub definition: Located<String>,
    /// Footnotes attached to the definition.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub definition_footnotes: Vec<Located<String>>,
    /// Where the definition stands in law.
    pub citation: Located<String>,
    /// How to answer, as the form says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub instructions: Option<Located<String>>,
    /// When to stop, as the form says. The rule, not this text, decides.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stop_rule: Option<Located<String>>,
    /// How answers decide it.
    pub rule: Located<Rule>,
}

/// A rule over answers, in three-valued logic.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Rule {
    /// True when the question is answered yes, false when no, unknown otherwise.
    Question(Located<String>),
    /// The value of another determination.
    Determination(Located<String>),
    /// True when every part is; false as soon as one part is false.
    AllOf(Vec<Located<Rule>>),
    /// True as soon as one part is; false when every part is.
    AnyOf(Vec<Located<Rule>>),
    /// The opposite; unknown stays unknown.
    Not(Box<Located<Rule>>),
}

impl Rule {
    /// Every part of `rule`, itself first, depth first in document order (without recursion,
    /// so a deep rule cannot overflow the stack).
    pub fn walk(rule: &Located<Rule>) -> impl Iterator<Item = &Located<Rule>> {
        let mut stack = vec![rule];
        std::iter::from_fn(move || {
            let next = stack.pop()?;
            match &next.value {
                Rule::AllOf(parts) | Rule::AnyOf(parts) => stack.extend(parts.iter().rev()),
                Rule::Not(inner) => stack.push(inner),
                Rule::Question(_) | Rule::Determination(_) => {}
            }
            Some(next)
        })
    }
}

/// One question of the checklist.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    /// Stable identifier (`1a`) used as the key in answer files.
    pub id: Located<String>,
    /// Number as printed ("(1)(a)").
    pub number: Located<String>,
    /// The determination under whose heading the form prints it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub part_of: Option<Located<String>>,
    /// The question, word for word.
    pub text: Located<String>,
    /// Footnotes attached to the question text.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub text_footnotes: Vec<Located<String>>,
    /// A few words naming what the question establishes, for summaries.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub short: Option<Located<String>>,
    /// The form's guidance bullets.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub guidance: Vec<Guidance>,
    /// Informational checkboxes, recorded with a yes answer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub options: Option<OptionList>,
}

/// One guidance bullet, possibly with sub-bullets.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Guidance {
    /// The bullet's text.
    pub text: Located<String>,
    /// Sub-bullets.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub items: Vec<Located<String>>,
    /// The encoder's note on it (e.g. where the form prints it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub editorial_note: Option<Located<String>>,
}

/// Informational checkboxes of a question.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct OptionList {
    /// The text that introduces them.
    pub prompt: Located<String>,
    /// Footnotes attached to the prompt.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub prompt_footnotes: Vec<Located<String>>,
    /// The checkboxes.
    pub choices: Vec<Choice>,
}

/// One checkbox.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    /// Stable identifier used in answer files.
    pub id: Located<String>,
    /// The checkbox's label.
    pub label: Located<String>,
    /// Its description, if the form gives one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Located<String>>,
    /// Sub-types listed under it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub items: Vec<Located<String>>,
}

impl Checklist {
    /// The question with this id.
    #[must_use]
    pub fn question(&self, id: &str) -> Option<&Question> {
        self.question_index(id).and_then(|i| self.questions.get(i))
    }

    /// The position of the question with this id in [`Checklist::questions`].
    #[must_use]
    pub fn question_index(&self, id: &str) -> Option<usize> {
        self.index.questions.get(id).copied()
    }

    /// The determination with this id.
    #[must_use]
    pub fn determination(&self, id: &str) -> Option<&Determination> {
        self.determination_index(id)
            .and_then(|i| self.determinations.get(i))
    }

    /// The position of the determination with this id in [`Checklist::determinations`].
    #[must_use]
    pub fn determination_index(&self, id: &str) -> Option<usize> {
        self.index.determinations.get(id).copied()
    }

    /// The printed number of question `q` ("(1)(a)"), or `?` for an index it does not have.
    #[must_use]
    pub fn number(&self, q: usize) -> &str {
        self.questions.get(q).map_or("?", |q| q.number.as_str())
    }

    /// The label of determination `d` ("Agency ADS"), or `?` for an index it does not have.
    #[must_use]
    pub fn label(&self, d: usize) -> &str {
        self.determinations.get(d).map_or("?", |d| d.label.as_str())
    }

    /// The id of question `q`, or `?` for an index it does not have.
    #[must_use]
    pub fn question_id(&self, q: usize) -> &str {
        self.questions.get(q).map_or("?", |q| q.id.as_str())
    }

    /// The id of determination `d`, or `?` for an index it does not have.
    #[must_use]
    pub fn determination_id(&self, d: usize) -> &str {
        self.determinations.get(d).map_or("?", |d| d.id.as_str())
    }

    /// The footnote with this id.
    #[must_use]
    pub fn footnote(&self, id: &str) -> Option<&Footnote> {
        self.footnotes.iter().find(|f| f.id.as_str() == id)
    }
}

impl Choice {
    /// The label without the list punctuation the form gives it ("...; or", "...;").
    #[must_use]
    pub fn short_label(&self) -> &str {
        let label = self.label.trim_end();
        let label = label.strip_suffix(" or").unwrap_or(label);
        label.trim_end_matches([';', '.', ',']).trim_end()
    }
}

impl Question {
    /// The checkbox with this id, if the question has checkboxes.
    #[must_use]
    pub fn choice(&self, id: &str) -> Option<&Choice> {
        self.options
            .as_ref()
            .and_then(|o| o.choices.iter().find(|c| c.id.as_str() == id))
    }

    /// The ids of the question's checkboxes (empty when it has none).
    pub fn choice_ids(&self) -> impl Iterator<Item = &str> {
        self.options
            .iter()
            .flat_map(|o| o.choices.iter().map(|c| c.id.as_str()))
    }
}
