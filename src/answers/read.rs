//! Reading an answer file: the position-aware tree interpreted against a checklist, every
//! problem with its place and what is allowed.

use super::problems::{list, unknown_key};
use super::stamp::read_stamps;
use super::{Answer, AnswerFile, AnswerValue, Stamp};
use crate::checklist::{Checklist, Question};
use crate::document::{Format, Located, Node, Value};
use crate::engine::Truth;
use crate::error::{Diagnostic, Diagnostics, Kind, Position};
use crate::text::excerpt;
use crate::{suggest, yaml};

/// The keys an answer file may have at its top level.
const TOP_LEVEL_KEYS: [&str; 6] = [
    "checklist",
    "tool",
    "answers",
    "declared",
    "stamps",
    "stamp",
];

/// The keys of an answer in its long form.
const ANSWER_KEYS: [&str; 4] = ["answer", "note", "options", "not_needed"];

/// Read an answer file's text against `checklist` (see [`AnswerFile::parse`]).
pub(super) fn parse(
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
            tool_keys: std::collections::HashMap::new(),
            declared: vec![None; self.checklist.determinations.len()],
            stamps: Vec::new(),
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
        if entries.iter().any(|(k, _)| k.key_text() == "$schema")
            && !entries.iter().any(|(k, _)| k.key_text() == "answers")
        {
            self.error(
                Kind::WrongType,
                root.position,
                "this is a JSON Schema, not an answer file: editors use it to check answer \
                 files (a template's first line names it); give adscheck the answer files"
                    .to_owned(),
            );
            return out;
        }
        let answer_like = |key: &str| {
            ["answers", "tool", "checklist"].contains(&key)
                || suggest::nearest(key, TOP_LEVEL_KEYS.iter().copied()).is_some()
        };
        if !entries.iter().any(|(k, _)| answer_like(&k.key_text())) {
            // Not an answer file at all (a stray config or data file): say so once, rather than
            // listing (and so quoting) each of its keys.
            self.error(
                Kind::WrongType,
                root.position,
                format!(
                    "this is not an answer file: none of its {} top-level key{} is `answers`, \
                     `tool` or `checklist` (its contents are not quoted here)",
                    entries.len(),
                    if entries.len() == 1 { "" } else { "s" }
                ),
            );
            return out;
        }
        for (key, value) in entries {
            match key.key_text().as_str() {
                "checklist" => out.checklist = self.checklist_id(value),
                "tool" => {
                    out.tool_position = key.position;
                    out.tool = self.tool(value);
                    if let Value::Map(entries) = &value.value {
                        out.tool_keys = entries
                            .iter()
                            .filter_map(|(k, _)| Some((k.key_text(), k.position?)))
                            .collect();
                    }
                }
                "declared" => self.declared(value, &mut out.declared),
                "stamp" | "stamps" => {
                    if !out.stamps.is_empty() {
                        self.error(
                            Kind::WrongType,
                            key.position,
                            "a file has one history: `stamps:` (or, in older files, one \
                             `stamp:`), not both"
                                .to_owned(),
                        );
                    }
                    out.stamps = self.stamps(value, key.key_text() == "stamp");
                }
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
                    "this file was written for checklist `{}`, but the checklist in use is \
                     `{expected}`: use --checklist to evaluate it against its own checklist",
                    excerpt(id)
                ),
            );
        }
        Some(id.clone())
    }

    fn stamps(&mut self, node: &Node, single: bool) -> Vec<Stamp> {
        let mut problems = Vec::new();
        let stamp = read_stamps(node, single, &mut problems);
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
                        excerpt(&value.key_text())
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
        let hint = suggest::did_you_mean(
            numbers
                .clone()
                .find(|(number, _)| *number == id)
                .map(|(_, qid)| qid)
                .or_else(|| suggest::nearest(id, ids.clone())),
        );
        let allowed: Vec<&str> = ids.collect();
        self.error(
            Kind::UnknownQuestion,
            key.position,
            format!(
                "unknown question `{}`: {hint}questions of checklist `{}`: {}",
                excerpt(id),
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
        // Only the form's informational checkboxes describe a "yes" (1a); examples of decisions
        // and factors to consider are open lists, and a factor can be weighed and the impact
        // still found immaterial. An answer marked not needed is not nagged about.
        let kind = question.options.as_ref().map(|o| o.kind);
        let informational = kind == Some(crate::checklist::OptionKind::Informational);
        if value == AnswerValue::Yes && informational && options.is_empty() && !long.not_needed {
            self.warn(
                Kind::NoOptionsTicked,
                value_node.position,
                format!(
                    "{} is answered yes and none of its informational checkboxes is ticked (the \
                     form asks which, for informational purposes only; options: {})",
                    question.number.as_str(),
                    question.choice_ids().collect::<Vec<_>>().join(", ")
                ),
            );
        }
        let describes_yes = kind.is_some_and(|k| k != crate::checklist::OptionKind::Factors);
        if value != AnswerValue::Yes && describes_yes && !options.is_empty() {
            self.warn(
                Kind::OptionsWithoutYes,
                value_node.position,
                format!(
                    "{} is answered {value} but has items of its list ticked: they describe a \
                     yes answer",
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
                            "invalid answer `{}` to {}: {allowed}",
                            excerpt(word),
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
                let hint = suggest::did_you_mean(suggest::nearest(&text, allowed.iter().copied()));
                self.error(
                    Kind::UnknownOption,
                    item.position,
                    format!(
                        "unknown option `{}` for {}: {hint}allowed: {}",
                        excerpt(&text),
                        question.id.as_str(),
                        allowed.join(", ")
                    ),
                );
            }
        }
        out
    }
}
