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
    /// Where the title comes from (a key of `sources`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title_source: Option<Located<String>>,
    /// Version of this encoding of the checklist.
    pub version: Located<String>,
    /// Where the legal content comes from.
    pub source: Located<String>,
    /// The sources texts cite with `source:` (`law`, `form`), each with the name shown to
    /// people. A checklist that declares them says for every block of text which is its own.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sources: Option<LocatedMap>,
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
    /// Where it comes from (a key of `sources`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Located<String>>,
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
    /// The words the form prints before the question, as it prints them (`Question #2`);
    /// `Question <number>` when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub heading: Option<Located<String>>,
    /// How the form's own text names the question (`Question #1`, as in "check "yes" for
    /// Question #1 above"); the heading when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub called: Option<Located<String>>,
    /// Short name for tables ("ADS").
    pub label: Located<String>,
    /// Where the question, instructions and stop rule come from (a key of `sources`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Located<String>>,
    /// The question as the form prints it.
    pub question: Located<String>,
    /// Where the term and its definition come from (a key of `sources`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub definition_source: Option<Located<String>>,
    /// The defined term.
    pub term: Located<String>,
    /// The legal definition, word for word; `[^1]` marks where a footnote stands.
    pub definition: Located<String>,
    /// The heading the form prints above the definition (`Legal definition[^1]`), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub definition_heading: Option<Located<String>>,
    /// Words of the definition the form underlines, each with the question that clarifies it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub underlined: Vec<Underlined>,
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

/// Words of a definition that the form underlines, and the question that clarifies them.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Underlined {
    /// The words, as they stand in the definition.
    pub words: Located<String>,
    /// The id of the question whose guidance clarifies them.
    pub clarified_by: Located<String>,
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
    /// Where the number and text come from (a key of `sources`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Located<String>>,
    /// The question, word for word; `[^1]` marks where a footnote stands.
    pub text: Located<String>,
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
    /// Where the bullet comes from (a key of `sources`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Located<String>>,
    /// Where the form prints it, when that is not under this question (e.g. `(2)(b)`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub printed_under: Option<Located<String>>,
    /// The bullet's text.
    pub text: Located<String>,
    /// Sub-bullets.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub items: Vec<Located<String>>,
    /// The encoder's note on it (e.g. where the form prints it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub editorial_note: Option<Located<String>>,
}

/// What the items of an option list are on the form.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum OptionKind {
    /// Checkboxes for information only: they describe a "yes".
    #[default]
    Informational,
    /// Examples of what the question asks about (the list is open).
    Examples,
    /// Factors to consider in answering (an answer may go either way).
    Factors,
}

/// A list the form prints under a question, whose items a respondent may record.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct OptionList {
    /// What the items are on the form.
    #[serde(default)]
    pub kind: OptionKind,
    /// Where the list comes from (a key of `sources`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Located<String>>,
    /// The text that introduces them; `[^2]` marks where a footnote stands.
    pub prompt: Located<String>,
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

    /// Every text that may carry footnote marks (`[^1]`): what the form prints.
    #[must_use]
    pub fn marked_texts(&self) -> Vec<&Located<String>> {
        let mut texts = vec![&self.title];
        for f in &self.footnotes {
            texts.push(&f.text);
        }
        for d in &self.determinations {
            texts.extend([&d.question, &d.term, &d.definition]);
            texts.extend(d.definition_heading.iter());
            texts.extend(d.instructions.iter().chain(d.stop_rule.iter()));
        }
        for q in &self.questions {
            texts.push(&q.text);
            for g in &q.guidance {
                texts.push(&g.text);
                texts.extend(&g.items);
            }
            if let Some(o) = &q.options {
                texts.push(&o.prompt);
                for c in &o.choices {
                    texts.push(&c.label);
                    texts.extend(c.description.iter().chain(&c.items));
                }
            }
        }
        texts
    }

    /// The name of source `id` (`law` -> "Local Law 49 of 2018"), when the checklist declares
    /// its sources.
    #[must_use]
    pub fn source_name(&self, id: Option<&Located<String>>) -> Option<&str> {
        let id = id?;
        self.sources
            .as_ref()?
            .0
            .iter()
            .find(|(k, _)| k.as_str() == id.as_str())
            .map(|(_, v)| v.as_str())
    }

    /// The footnote with this id.
    #[must_use]
    pub fn footnote(&self, id: &str) -> Option<&Footnote> {
        self.footnotes.iter().find(|f| f.id.as_str() == id)
    }
}

impl Determination {
    /// The words the form prints before the question ("Question #2").
    #[must_use]
    pub fn heading(&self) -> String {
        self.heading.as_ref().map_or_else(
            || format!("Question {}", self.number.as_str()),
            |h| h.as_str().to_owned(),
        )
    }

    /// How the form names the question in its own sentences ("Question #1"), for every
    /// sentence adscheck writes about it.
    #[must_use]
    pub fn called(&self) -> String {
        self.called
            .as_ref()
            .map_or_else(|| self.heading(), |c| c.as_str().to_owned())
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

    /// The options `ids` ticked, quoted as the form prints its list items: each with its own
    /// punctuation ("...;", "...; or", "..."."), separated by "; " only where the form gives
    /// an item none. An id the question does not list stands as itself.
    #[must_use]
    pub fn ticked(&self, ids: &[String]) -> String {
        let mut out = String::new();
        for id in ids {
            let label = self.choice(id).map_or(id.as_str(), |c| c.label.trim());
            if !out.is_empty() {
                let punctuated = out.ends_with([';', '.', ',']) || out.ends_with("; or");
                out.push_str(if punctuated { " " } else { "; " });
            }
            out.push_str(label);
        }
        out
    }

    /// The ids of the question's checkboxes (empty when it has none).
    pub fn choice_ids(&self) -> impl Iterator<Item = &str> {
        self.options
            .iter()
            .flat_map(|o| o.choices.iter().map(|c| c.id.as_str()))
    }
}

/// The footnotes marked in `text` (`[^3]`), in order.
pub fn footnote_marks(text: &str) -> impl Iterator<Item = &str> {
    text.match_indices("[^").filter_map(move |(i, _)| {
        let rest = text.get(i + 2..)?;
        let end = rest.find(']')?;
        rest.get(..end)
    })
}

/// The form's text without its footnote marks (`[^3]` taken out), for pages that give the
/// law's words without the form's footnotes.
#[must_use]
pub fn without_footnotes(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find("[^") {
        out.push_str(rest.get(..start).unwrap_or(""));
        let after = rest.get(start..).unwrap_or("");
        match after.find(']') {
            Some(end) => rest = after.get(end + 1..).unwrap_or(""),
            None => {
                out.push_str(after);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// `text` as people read it: footnote marks shown as `[3]`.
#[must_use]
pub fn shown(text: &str) -> String {
    text.replace("[^", "[")
}
