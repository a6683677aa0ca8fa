//! Reading the `answers:` block: each answer, short (`1a: yes`) or long (`answer:`, `note:`,
//! `options:`), checked against its question.

use super::Reader;
use crate::answers::problems::list;
use crate::answers::{Answer, AnswerValue};
use crate::checklist::Question;
use crate::document::{Node, Value};
use crate::error::Kind;
use crate::suggest;
use crate::text::excerpt;

/// The keys of an answer in its long form.
const ANSWER_KEYS: [&str; 4] = ["answer", "note", "options", "not_needed"];

/// The parts of an answer in its long form.
struct LongForm<'n> {
    answer: &'n Node,
    note: Option<String>,
    options: Option<&'n Node>,
    not_needed: bool,
}

impl Reader<'_> {
    pub(super) fn answers(&mut self, node: &Node, out: &mut [Option<Answer>]) {
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
        // Factors ticked on a "no": the form lists them as what to weigh in deciding whether an
        // impact is material, so a "no" beside them wants the respondent's reason.
        let factors = kind == Some(crate::checklist::OptionKind::Factors);
        if value == AnswerValue::No && factors && !options.is_empty() && note.is_none() {
            self.warn(
                Kind::OptionsWithoutYes,
                value_node.position,
                format!(
                    "{} is answered no with factors ticked, which the form lists as what to \
                     consider in deciding whether the impact is material: say in a note why it \
                     is not",
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
            match key.key_text().as_ref() {
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
                if !out.iter().any(|o| *o == text) {
                    out.push(text.into_owned());
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
