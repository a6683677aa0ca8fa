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

mod write;

pub use write::template;

use serde::Serialize;

use crate::checklist::{Checklist, Question};
use crate::engine::Truth;
use crate::error::{Diagnostic, Diagnostics, Kind, Position};
use crate::suggest;
use crate::{
    document::{Format, Located, Node, Value},
    yaml,
};

/// The keys an answer file may have at its top level.
const TOP_LEVEL_KEYS: [&str; 5] = ["checklist", "tool", "answers", "declared", "stamp"];

/// The keys of a `stamp:` block.
const STAMP_KEYS: [&str; 6] = ["checklist", "version", "sha256", "adscheck", "at", "by"];

/// The keys of an answer in its long form.
const ANSWER_KEYS: [&str; 4] = ["answer", "note", "options", "not_needed"];

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

/// What an answer file records about how it was made: the checklist's id, version and content
/// hash it was answered under, the adscheck version, when, and by whom. Written by the interview
/// and by `adscheck stamp`; read back to warn when a file meets another checklist version and to
/// re-check it against a revised one.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Stamp {
    /// The checklist id.
    pub checklist: String,
    /// The checklist version.
    pub version: String,
    /// SHA-256 of the checklist file's text.
    pub sha256: String,
    /// The adscheck version that wrote the stamp.
    pub adscheck: String,
    /// When (RFC 3339, UTC).
    pub at: String,
    /// Who answered (name and role), when known.
    pub by: Option<String>,
    /// Where the `stamp:` key stands in the file.
    pub position: Option<Position>,
}

impl Stamp {
    /// A stamp for answers given now under `checklist`.
    #[must_use]
    pub fn now(checklist: &Checklist, at: String, by: Option<String>) -> Stamp {
        Stamp {
            checklist: checklist.id.value.clone(),
            version: checklist.version.value.clone(),
            sha256: checklist.sha256.clone(),
            adscheck: env!("CARGO_PKG_VERSION").to_owned(),
            at,
            by,
            position: None,
        }
    }
}

/// The current time in RFC 3339 (UTC, seconds), for stamps.
#[must_use]
pub fn now_rfc3339() -> String {
    humantime::format_rfc3339_seconds(std::time::SystemTime::now()).to_string()
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
    /// What the file declares each determination to be (`declared:`), by determination index.
    pub declared: Vec<Option<Located<Truth>>>,
    /// How the file was made, when it says (`stamp:`).
    pub stamp: Option<Stamp>,
    /// Problems that do not stop evaluation.
    pub warnings: Vec<Diagnostic>,
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
        let root = yaml::parse_tree(file, text, format)?;
        let mut reader = Reader {
            file,
            checklist,
            errors: Vec::new(),
            warnings: Vec::new(),
        };
        let parsed = reader.file(&root);
        if reader.errors.is_empty() {
            Ok(AnswerFile {
                warnings: reader.warnings,
                ..parsed
            })
        } else {
            Err(Diagnostics(reader.errors))
        }
    }

    /// The answers as values of three-valued logic, by question index.
    #[must_use]
    pub fn truths(&self) -> Vec<Truth> {
        self.answers
            .iter()
            .map(|a| a.as_ref().map_or(Truth::Unknown, |a| a.value.truth()))
            .collect()
    }

    /// A text field of the `tool:` block.
    #[must_use]
    pub fn tool_field(&self, key: &str) -> Option<&str> {
        self.tool.get(key).and_then(serde_json::Value::as_str)
    }
}

/// "unknown key `x` {place}: did you mean `y`? allowed: ..."
fn unknown_key(text: &str, allowed: &[&str], place: &str) -> String {
    let hint = suggest::nearest(text, allowed.iter().copied())
        .map_or_else(String::new, |s| format!("did you mean `{s}`? "));
    format!(
        "unknown key `{text}` {place}: {hint}allowed: {}",
        list(allowed)
    )
}

/// A `stamp:` block (`key` is its key), with every problem found in it.
fn read_stamp(
    key: &Node,
    node: &Node,
    problems: &mut Vec<(Kind, Option<Position>, String)>,
) -> Option<Stamp> {
    let Value::Map(entries) = &node.value else {
        problems.push((
            Kind::WrongType,
            node.position,
            format!(
                "`stamp` must be a mapping ({}), not {}",
                list(&STAMP_KEYS),
                node.value.describe()
            ),
        ));
        return None;
    };
    let mut stamp = Stamp {
        position: key.position,
        ..Stamp::default()
    };
    for (k, v) in entries {
        let name = k.key_text();
        let text = match &v.value {
            Value::String(s) => s.clone(),
            Value::Null => continue,
            other => {
                if STAMP_KEYS.contains(&name.as_str()) {
                    problems.push((
                        Kind::WrongType,
                        v.position,
                        format!("`stamp.{name}` must be text, not {}", other.describe()),
                    ));
                }
                v.key_text()
            }
        };
        match name.as_str() {
            "checklist" => stamp.checklist = text,
            "version" => stamp.version = text,
            "sha256" => stamp.sha256 = text,
            "adscheck" => stamp.adscheck = text,
            "at" => stamp.at = text,
            "by" => stamp.by = Some(text),
            other => problems.push((
                Kind::UnknownField,
                k.position,
                unknown_key(other, &STAMP_KEYS, "in the stamp"),
            )),
        }
    }
    Some(stamp)
}

/// The stamp of an answer file, read without a checklist (to find the checklist it names);
/// `None` when the file cannot be read or has no readable stamp.
#[must_use]
pub fn stamp_of(file: &str, text: &str, format: Format) -> Option<Stamp> {
    let root = yaml::parse_tree(file, text, format).ok()?;
    let Value::Map(entries) = &root.value else {
        return None;
    };
    let (key, node) = entries.iter().find(|(k, _)| k.key_text() == "stamp")?;
    read_stamp(key, node, &mut Vec::new())
}

/// The parts of an answer in its long form.
struct LongForm<'n> {
    answer: &'n Node,
    note: Option<String>,
    options: Option<&'n Node>,
    not_needed: bool,
}

struct Reader<'a> {
    file: &'a str,
    checklist: &'a Checklist,
    errors: Vec<Diagnostic>,
    warnings: Vec<Diagnostic>,
}

impl Reader<'_> {
    fn error(&mut self, kind: Kind, position: Option<Position>, message: String) {
        self.errors
            .push(Diagnostic::new(kind, self.file, position, message));
    }

    fn warn(&mut self, kind: Kind, position: Option<Position>, message: String) {
        self.warnings
            .push(Diagnostic::new(kind, self.file, position, message));
    }

    fn file(&mut self, root: &Node) -> AnswerFile {
        let mut out = AnswerFile {
            file: self.file.to_owned(),
            checklist: None,
            tool: serde_json::Map::new(),
            answers: vec![None; self.checklist.questions.len()],
            tool_position: None,
            declared: vec![None; self.checklist.determinations.len()],
            stamp: None,
            warnings: Vec::new(),
        };
        let entries = match &root.value {
            Value::Map(entries) => entries,
            Value::Null => {
                self.error(
                    Kind::WrongType,
                    root.position,
                    "the file is empty: an answer file is a mapping with an `answers:` key \
                     (and optionally `checklist:` and `tool:`)"
                        .to_owned(),
                );
                return out;
            }
            other => {
                self.error(
                    Kind::WrongType,
                    root.position,
                    format!(
                        "an answer file must be a mapping with keys {}, not {}",
                        list(&TOP_LEVEL_KEYS),
                        other.describe()
                    ),
                );
                return out;
            }
        };
        for (key, value) in entries {
            match key.key_text().as_str() {
                "checklist" => out.checklist = self.checklist_id(value),
                "tool" => {
                    out.tool_position = key.position;
                    out.tool = self.tool(value);
                }
                "declared" => self.declared(value, &mut out.declared),
                "stamp" => out.stamp = self.stamp(key, value),
                "answers" => self.answers(value, &mut out.answers),
                other => {
                    self.unknown_key(key, other, &TOP_LEVEL_KEYS, "at the top of an answer file")
                }
            }
        }
        out
    }

    fn unknown_key(&mut self, key: &Node, text: &str, allowed: &[&str], place: &str) {
        let message = unknown_key(text, allowed, place);
        self.error(Kind::UnknownField, key.position, message);
    }

    fn checklist_id(&mut self, node: &Node) -> Option<String> {
        let Value::String(id) = &node.value else {
            self.error(
                Kind::WrongType,
                node.position,
                format!(
                    "`checklist` must be a checklist id (text), not {}",
                    node.value.describe()
                ),
            );
            return None;
        };
        let expected = self.checklist.id.as_str();
        if id != expected {
            self.error(
                Kind::ChecklistMismatch,
                node.position,
                format!(
                    "this file was written for checklist `{id}`, but the checklist in use is \
                     `{expected}`: use --checklist to evaluate it against its own checklist"
                ),
            );
        }
        Some(id.clone())
    }

    fn stamp(&mut self, key: &Node, node: &Node) -> Option<Stamp> {
        let mut problems = Vec::new();
        let stamp = read_stamp(key, node, &mut problems);
        for (kind, position, message) in problems {
            self.error(kind, position, message);
        }
        stamp
    }

    /// The entries of a block that must be a mapping (a null one is empty); anything else is
    /// reported as "`must`, not <what it is>" and gives `None`.
    fn mapping<'n>(&mut self, node: &'n Node, must: &str) -> Option<&'n [(Node, Node)]> {
        match &node.value {
            Value::Map(entries) => Some(entries),
            Value::Null => Some(&[]),
            other => {
                let message = format!("{must}, not {}", other.describe());
                self.error(Kind::WrongType, node.position, message);
                None
            }
        }
    }

    /// `declared: {ads: yes, agency_ads: no}`: what the respondent claims, checked by `check`.
    fn declared(&mut self, node: &Node, out: &mut [Option<Located<Truth>>]) {
        let Some(entries) = self.mapping(
            node,
            "`declared` must be a mapping from determination id to yes, no or undetermined \
             (e.g. `ads: yes`)",
        ) else {
            return;
        };
        let ids: Vec<&str> = self
            .checklist
            .determinations
            .iter()
            .map(|d| d.id.as_str())
            .collect();
        for (key, value) in entries {
            let id = key.key_text();
            let Some(index) = self.checklist.determination_index(&id) else {
                self.unknown_key(key, &id, &ids, "under `declared` (determination ids)");
                continue;
            };
            let truth = match &value.value {
                Value::Bool(true) => Some(Truth::Yes),
                Value::Bool(false) => Some(Truth::No),
                Value::String(word) => match word.trim().to_ascii_lowercase().as_str() {
                    "yes" | "true" => Some(Truth::Yes),
                    "no" | "false" => Some(Truth::No),
                    "undetermined" => Some(Truth::Unknown),
                    _ => None,
                },
                Value::Null => continue,
                _ => None,
            };
            match truth {
                Some(t) => {
                    if let Some(slot) = out.get_mut(index) {
                        *slot = Some(Located {
                            value: t,
                            position: value.position,
                        });
                    }
                }
                None => self.error(
                    Kind::InvalidAnswer,
                    value.position,
                    format!(
                        "invalid declared value `{}` for `{id}`: allowed: yes, no, undetermined",
                        value.key_text()
                    ),
                ),
            }
        }
    }

    fn tool(&mut self, node: &Node) -> serde_json::Map<String, serde_json::Value> {
        match (&node.value, node.to_json()) {
            (Value::Null, _) => serde_json::Map::new(),
            (Value::Map(_), serde_json::Value::Object(map)) => map,
            (other, _) => {
                self.error(
                    Kind::WrongType,
                    node.position,
                    format!(
                        "`tool` must be a mapping of facts about the tool (name, agency, ...), \
                         not {}",
                        other.describe()
                    ),
                );
                serde_json::Map::new()
            }
        }
    }

    fn answers(&mut self, node: &Node, out: &mut [Option<Answer>]) {
        let Some(entries) = self.mapping(
            node,
            "`answers` must be a mapping from question id to answer (e.g. `1a: yes`)",
        ) else {
            return;
        };
        for (key, value) in entries {
            let id = key.key_text();
            let Some(index) = self.checklist.question_index(&id) else {
                self.unknown_question(key, &id);
                continue;
            };
            let Some(question) = self.checklist.questions.get(index) else {
                continue;
            };
            let answer = self.answer(question, value);
            if let Some(slot) = out.get_mut(index) {
                *slot = answer;
            }
        }
    }

    fn unknown_question(&mut self, key: &Node, id: &str) {
        let ids = self.checklist.questions.iter().map(|q| q.id.as_str());
        let numbers = self
            .checklist
            .questions
            .iter()
            .map(|q| (q.number.as_str(), q.id.as_str()));
        // `(1)(a)` is how the form prints question 1a: point from the number to the id.
        let hint = numbers
            .clone()
            .find(|(number, _)| *number == id)
            .map(|(_, qid)| qid)
            .or_else(|| suggest::nearest(id, ids.clone()))
            .map_or_else(String::new, |s| format!("did you mean `{s}`? "));
        let allowed: Vec<&str> = ids.collect();
        self.error(
            Kind::UnknownQuestion,
            key.position,
            format!(
                "unknown question `{id}`: {hint}questions of checklist `{}`: {}",
                self.checklist.id.as_str(),
                list(&allowed)
            ),
        );
    }

    /// Read one answer in its short or long form; `None` when unanswered or invalid.
    fn answer(&mut self, question: &Question, node: &Node) -> Option<Answer> {
        let long = match &node.value {
            Value::Map(entries) => self.long_form(question, node, entries)?,
            _ => LongForm {
                answer: node,
                note: None,
                options: None,
                not_needed: false,
            },
        };
        let (value_node, note, options) = (long.answer, long.note, long.options);
        let value = self.answer_value(question, value_node)?;
        let options = options
            .map(|o| self.options(question, o))
            .unwrap_or_default();
        let has_options = question.options.is_some();
        if value == AnswerValue::Yes && has_options && options.is_empty() {
            self.warn(
                Kind::NoOptionsTicked,
                value_node.position,
                format!(
                    "{} is answered yes but none of its informational checkboxes is ticked \
                     (options: {})",
                    question.number.as_str(),
                    question.choice_ids().collect::<Vec<_>>().join(", ")
                ),
            );
        }
        if value != AnswerValue::Yes && !options.is_empty() {
            self.warn(
                Kind::OptionsWithoutYes,
                value_node.position,
                format!(
                    "{} is answered {value} but has options ticked: options describe a yes \
                     answer",
                    question.number.as_str()
                ),
            );
        }
        Some(Answer {
            value,
            note,
            options,
            position: value_node.position,
            not_needed: long.not_needed,
        })
    }

    fn long_form<'n>(
        &mut self,
        question: &Question,
        node: &'n Node,
        entries: &'n [(Node, Node)],
    ) -> Option<LongForm<'n>> {
        let mut answer = None;
        let mut note = None;
        let mut options = None;
        let mut not_needed = false;
        for (key, value) in entries {
            match key.key_text().as_str() {
                "answer" => answer = Some(value),
                "note" => match &value.value {
                    Value::String(s) => note = Some(s.clone()).filter(|s| !s.trim().is_empty()),
                    Value::Null => {}
                    other => self.error(
                        Kind::WrongType,
                        value.position,
                        format!("a note must be text, not {}", other.describe()),
                    ),
                },
                "options" => options = Some(value),
                "not_needed" => match &value.value {
                    Value::Bool(b) => not_needed = *b,
                    Value::Null => {}
                    other => self.error(
                        Kind::WrongType,
                        value.position,
                        format!(
                            "`not_needed` must be true or false, not {}",
                            other.describe()
                        ),
                    ),
                },
                other => self.unknown_key(
                    key,
                    other,
                    &ANSWER_KEYS,
                    &format!("in the answer to {}", question.id.as_str()),
                ),
            }
        }
        if answer.is_none() {
            self.error(
                Kind::MissingField,
                node.position,
                format!(
                    "the answer to {} has no `answer:` key; give `answer: yes`, `no` or `unsure` \
                     (or leave it empty if not answered yet)",
                    question.id.as_str()
                ),
            );
        }
        answer.map(|answer| LongForm {
            answer,
            note,
            options,
            not_needed,
        })
    }

    fn answer_value(&mut self, question: &Question, node: &Node) -> Option<AnswerValue> {
        let allowed = "allowed: yes, no, unsure (any case), true, false; leave it empty if not \
                       answered yet";
        match &node.value {
            Value::Null => None,
            Value::Bool(true) => Some(AnswerValue::Yes),
            Value::Bool(false) => Some(AnswerValue::No),
            Value::String(word) => {
                let parsed = AnswerValue::parse(word);
                if parsed.is_none() {
                    self.error(
                        Kind::InvalidAnswer,
                        node.position,
                        format!(
                            "invalid answer `{word}` to {}: {allowed}",
                            question.id.as_str()
                        ),
                    );
                }
                parsed
            }
            Value::Number(n) => {
                self.error(
                    Kind::InvalidAnswer,
                    node.position,
                    format!(
                        "invalid answer `{n}` to {}: {allowed}",
                        question.id.as_str()
                    ),
                );
                None
            }
            other => {
                self.error(
                    Kind::WrongType,
                    node.position,
                    format!(
                        "the answer to {} must be yes, no or unsure (or a mapping with `answer:`, \
                         `note:`, `options:`), not {}",
                        question.id.as_str(),
                        other.describe()
                    ),
                );
                None
            }
        }
    }

    fn options(&mut self, question: &Question, node: &Node) -> Vec<String> {
        let items: &[Node] = match &node.value {
            Value::Seq(items) => items,
            Value::Null => return Vec::new(),
            other => {
                self.error(
                    Kind::WrongType,
                    node.position,
                    format!(
                        "`options` must be a list of option ids, e.g. `[{}]`, not {}",
                        question.choice_ids().next().unwrap_or("id"),
                        other.describe()
                    ),
                );
                return Vec::new();
            }
        };
        let allowed: Vec<&str> = question.choice_ids().collect();
        let mut out: Vec<String> = Vec::new();
        for item in items {
            let text = item.key_text();
            if question.choice(&text).is_some() && matches!(item.value, Value::String(_)) {
                if !out.contains(&text) {
                    out.push(text);
                }
            } else if allowed.is_empty() {
                self.error(
                    Kind::UnknownOption,
                    item.position,
                    format!(
                        "question {} has no informational checkboxes, so it takes no options",
                        question.id.as_str()
                    ),
                );
            } else {
                let hint = suggest::nearest(&text, allowed.iter().copied())
                    .map_or_else(String::new, |s| format!("did you mean `{s}`? "));
                self.error(
                    Kind::UnknownOption,
                    item.position,
                    format!(
                        "unknown option `{text}` for {}: {hint}allowed: {}",
                        question.id.as_str(),
                        allowed.join(", ")
                    ),
                );
            }
        }
        out
    }
}

fn list(items: &[&str]) -> String {
    items.join(", ")
}
