//! Reading an answer file: the position-aware tree interpreted against a checklist, every
//! problem with its place and what is allowed.

mod answer;

use super::problems::{list, unknown_key};
use super::stamp::read_stamps;
use super::{Also, AnswerFile, Stamp};
use crate::checklist::Checklist;
use crate::document::{Format, Located, Node, Value};
use crate::engine::Truth;
use crate::error::{Diagnostic, Diagnostics, Kind, Position};
use crate::text::excerpt;
use crate::{suggest, yaml};

/// The keys an answer file may have at its top level.
const TOP_LEVEL_KEYS: [&str; 7] = [
    "checklist",
    "tool",
    "answers",
    "declared",
    "stamps",
    "stamp",
    "also",
];

/// The keys of a block under `also:`.
const ALSO_KEYS: [&str; 3] = ["answers", "declared", "stamps"];

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
    let parsed = reader.file(root);
    if reader.errors.is_empty() {
        Ok(AnswerFile {
            warnings: reader.warnings,
            ..parsed
        })
    } else {
        Err(Diagnostics(reader.errors))
    }
}

pub(super) struct Reader<'a> {
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

    fn file(&mut self, root: Node) -> AnswerFile {
        let mut out = AnswerFile {
            file: self.file.to_owned(),
            checklist: None,
            tool: serde_json::Map::new(),
            answers: vec![None; self.checklist.questions.len()],
            tool_position: None,
            tool_keys: crate::document::KeyPositions::default(),
            declared: vec![None; self.checklist.determinations.len()],
            stamps: Vec::new(),
            also: Vec::new(),
            warnings: Vec::new(),
        };
        let entries = match root.value {
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
                    "this is not an answer file: none of its {} is `answers`, `tool` or \
                     `checklist` (its contents are not quoted here)",
                    crate::text::count(entries.len(), "top-level key")
                ),
            );
            return out;
        }
        for (key, value) in entries {
            match key.key_text().as_ref() {
                "checklist" => out.checklist = self.checklist_id(&value),
                "tool" => {
                    out.tool_position = key.position;
                    if let Value::Map(entries) = &value.value {
                        out.tool_keys = crate::document::KeyPositions(
                            entries
                                .iter()
                                .filter_map(|(k, _)| Some((k.key_text().into_owned(), k.position?)))
                                .collect(),
                        );
                    }
                    out.tool = self.tool(value);
                }
                "declared" => self.declared(&value, &mut out.declared),
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
                    out.stamps = self.stamps(&value, key.key_text() == "stamp");
                }
                "answers" => self.answers(&value, &mut out.answers),
                "also" => out.also = self.also(&value),
                other => {
                    self.unknown_key(&key, other, &TOP_LEVEL_KEYS, "at the top of an answer file")
                }
            }
        }
        out
    }

    /// `also: {nyc-ll35-2022: {answers: {...}, declared: {...}, stamps: [...]}}`: answers to
    /// further built-in checklists, each block read against its own checklist.
    fn also(&mut self, node: &Node) -> Vec<Also> {
        let mut out = Vec::new();
        let Some(entries) = self.mapping(
            node,
            "`also` must be a mapping from a built-in checklist's id to its answers (e.g. \
             `nyc-ll35-2022: {answers: {technology: yes}}`)",
        ) else {
            return out;
        };
        let own = self.checklist.id.as_str();
        let allowed: Vec<&str> = crate::checklist::BUILTINS
            .iter()
            .map(|b| b.id)
            .filter(|id| *id != own)
            .collect();
        for (key, block) in entries {
            let id = key.key_text();
            if id == own {
                self.error(
                    Kind::WrongType,
                    key.position,
                    format!(
                        "`also` names `{}`, the file's own checklist: its answers go under \
                         `answers:`; allowed under `also`: {}",
                        excerpt(&id),
                        allowed.join(", ")
                    ),
                );
                continue;
            }
            let Some(engine) = crate::engine::Engine::builtin(&id) else {
                self.unknown_key(key, &id, &allowed, "under `also` (built-in checklist ids)");
                continue;
            };
            let checklist = engine.checklist();
            let mut also = Also {
                checklist: id.into_owned(),
                position: key.position,
                answers: vec![None; checklist.questions.len()],
                declared: vec![None; checklist.determinations.len()],
                stamps: Vec::new(),
            };
            let mut reader = Reader {
                file: self.file,
                checklist,
                errors: Vec::new(),
                warnings: Vec::new(),
            };
            if let Some(entries) = reader.mapping(
                block,
                "a block under `also` must be a mapping with `answers:` (and optionally \
                 `declared:` and `stamps:`)",
            ) {
                for (key, value) in entries {
                    match key.key_text().as_ref() {
                        "answers" => reader.answers(value, &mut also.answers),
                        "declared" => reader.declared(value, &mut also.declared),
                        "stamps" => also.stamps = reader.stamps(value, false),
                        other => {
                            reader.unknown_key(key, other, &ALSO_KEYS, "in a block under `also`")
                        }
                    }
                }
            }
            self.errors.append(&mut reader.errors);
            self.warnings.append(&mut reader.warnings);
            out.push(also);
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

    fn tool(&mut self, node: Node) -> serde_json::Map<String, serde_json::Value> {
        match &node.value {
            Value::Null => serde_json::Map::new(),
            Value::Map(_) => match node.into_json() {
                serde_json::Value::Object(map) => map,
                _ => serde_json::Map::new(),
            },
            other => {
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
}
