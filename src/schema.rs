//! A JSON Schema (draft-07) for the answer files of a checklist, for editors: the YAML
//! language server and others then complete question ids, answers and option ids, and show
//! each question's text as its description.

use serde_json::{Map, Value, json};

use crate::checklist::Checklist;

/// Any-case yes / no / unsure / true / false, as answer files accept them.
const ANSWER_PATTERN: &str = "^\\s*([Yy][Ee][Ss]|[Nn][Oo]|[Uu][Nn][Ss][Uu][Rr][Ee]|[Tt][Rr][Uu][Ee]|[Ff][Aa][Ll][Ss][Ee])\\s*$";

/// The schema of answer files for `checklist`; its `also:` takes answers to each other
/// built-in checklist, in the same shape.
#[must_use]
pub fn answer_schema(checklist: &Checklist) -> Value {
    let (questions, declared) = blocks(checklist);
    let mut also = Map::new();
    // Every built-in checklist but this one (which may be a file of its own).
    for other in crate::checklist::BUILTINS
        .iter()
        .filter(|b| b.id != checklist.id.as_str())
        .filter_map(|b| crate::engine::Engine::builtin(b.id))
    {
        let other = other.checklist();
        let (questions, declared) = blocks(other);
        also.insert(
            other.id.value.clone(),
            json!({
                "type": "object",
                "description": other.title.as_str(),
                "additionalProperties": false,
                "properties": {
                    "answers": {"type": ["object", "null"], "additionalProperties": false, "properties": questions},
                    "declared": {"type": ["object", "null"], "additionalProperties": false, "properties": declared},
                    "stamps": {
                        "type": ["array", "null"],
                        "description": "This checklist's history of the answers, oldest first.",
                        "items": {"$ref": "#/definitions/stamp"}
                    }
                }
            }),
        );
    }
    schema(checklist, questions, declared, also)
}

/// A checklist's `answers:` and `declared:` properties.
fn blocks(checklist: &Checklist) -> (Map<String, Value>, Map<String, Value>) {
    let mut questions = Map::new();
    for q in &checklist.questions {
        let ids: Vec<&str> = q.choice_ids().collect();
        let options = if ids.is_empty() {
            json!({"type": "array", "maxItems": 0, "description": "This question has no checkboxes."})
        } else {
            let described: Vec<String> = q
                .options
                .iter()
                .flat_map(|o| o.choices.iter())
                .map(|c| format!("{}: {}", c.id.as_str(), c.short_label()))
                .collect();
            json!({
                "type": "array",
                "uniqueItems": true,
                "items": {"enum": ids},
                // Called what the form calls them: only (1)(a)'s are "for informational
                // purposes"; (1)(c)'s are examples of decisions, (2)(b)'s factors to consider.
                "description": format!(
                    "{} ({}: \"{}\") {}",
                    match q.options.as_ref().map(|o| o.kind) {
                        Some(crate::checklist::OptionKind::Examples) => "Examples the form gives, ticked where they apply.",
                        Some(crate::checklist::OptionKind::Factors) => "Factors the form lists to consider, ticked where they apply.",
                        _ => "Informational checkboxes, with a yes.",
                    },
                    if checklist.has_adschecks_questions() { "the law" } else { "the form" },
                    q.options.as_ref().map_or_else(String::new, |o| prompt_with_footnotes(checklist, &o.prompt)),
                    described.join("; ")
                ),
            })
        };
        let description = format!("{} {}", q.number.as_str(), q.shown_text());
        questions.insert(
            q.id.value.clone(),
            json!({
                "description": description,
                "anyOf": [
                    {"$ref": "#/definitions/answer"},
                    {"type": "null", "description": "Not answered yet."},
                    {
                        "type": "object",
                        "additionalProperties": false,
                        "required": ["answer"],
                        "properties": {
                            "answer": {"anyOf": [{"$ref": "#/definitions/answer"}, {"type": "null"}]},
                            "note": {"type": ["string", "null"], "description": "Why; who confirmed it."},
                            "options": options,
                            "not_needed": {
                                "type": "boolean",
                                "description": "Set by the interview when an earlier answer made this question irrelevant."
                            }
                        }
                    }
                ]
            }),
        );
    }
    let mut declared = Map::new();
    for d in &checklist.determinations {
        declared.insert(
            d.id.value.clone(),
            json!({
                "description": format!("What the agency declares: {}", d.shown_question()),
                "enum": ["yes", "no", "undetermined"]
            }),
        );
    }
    (questions, declared)
}

/// The whole schema around a checklist's blocks.
fn schema(
    checklist: &Checklist,
    questions: Map<String, Value>,
    declared: Map<String, Value>,
    also: Map<String, Value>,
) -> Value {
    json!({
        "$schema": "http://json-schema.org/draft-07/schema#",
        "title": format!("adscheck answer file for checklist {} version {}", checklist.id.as_str(), checklist.version.as_str()),
        "description": checklist.title.as_str(),
        "type": "object",
        "additionalProperties": false,
        "properties": {
            "checklist": {"const": checklist.id.as_str(), "description": "The checklist these answers are for."},
            "tool": {
                "type": ["object", "null"],
                "description": "Facts about the tool: name, agency, description, contact, and any Local Law 35 reporting field.",
                "properties": tool_properties(),
                "additionalProperties": true
            },
            "answers": {
                "type": ["object", "null"],
                "additionalProperties": false,
                "properties": questions
            },
            "declared": {
                "type": ["object", "null"],
                "additionalProperties": false,
                "properties": declared
            },
            "stamps": {
                "type": ["array", "null"],
                "description": "The file's history, oldest first: written by adscheck (interview, stamp); entries are added, never replaced.",
                "items": {"$ref": "#/definitions/stamp"}
            },
            "stamp": {
                "$ref": "#/definitions/stamp",
                "description": "The single stamp of files written before histories (read as a history of one entry)."
            },
            "also": {
                "type": ["object", "null"],
                "description": "Answers to further built-in checklists (one tool, several laws), each under its id, in the same shape as the file's own.",
                "additionalProperties": false,
                "properties": also
            }
        },
        "not": {"required": ["stamp", "stamps"]},
        "definitions": {
            "stamp": {
                "type": "object",
                "additionalProperties": false,
                "properties": {
                    "event": {"enum": ["answered", "reviewed", "resumed"]},
                    "checklist": {"type": ["string", "null"]},
                    "version": {"type": ["string", "null"]},
                    "sha256": {"type": ["string", "null"]},
                    "adscheck": {"type": ["string", "null"]},
                    "at": {"type": ["string", "null"]},
                    "by": {"type": ["string", "null"]}
                }
            },
            "answer": {
                "description": "yes, no or unsure (any case), or true/false.",
                "anyOf": [{"type": "boolean"}, {"type": "string", "pattern": ANSWER_PATTERN}]
            }
        }
    })
}

/// The `tool:` block's known keys: the ones every file has, the Local Law 35 fields (from the
/// one table of them, [`crate::tool::fields`]), and the keys import and export use. Values are
/// described, not constrained beyond their type: an imported value is kept as the city
/// published it, and `check` (with `ll35:` settings) says what is wrong with it.
fn tool_properties() -> Map<String, Value> {
    use crate::tool::fields::{Edition, FIELDS, Shape, keys};
    let text = |about: &str| json!({"type": ["string", "null"], "description": about});
    let mut properties = Map::new();
    properties.insert(
        "name".into(),
        text("Name or commercial name of the tool (Local Law 35 column tool_name)."),
    );
    properties.insert(
        "agency".into(),
        text("The agency that uses it (Local Law 35 column agency)."),
    );
    properties.insert("description".into(), text("A brief description (Local Law 35 column tool_desc_brief, 2022-2023, or tool_desc, 2024)."));
    properties.insert("contact".into(), text("Who can answer questions about it."));
    for field in FIELDS {
        if properties.contains_key(field.key) {
            continue;
        }
        let columns: Vec<String> = Edition::ALL
            .iter()
            .filter_map(|e| field.column(*e).map(|c| format!("{c} ({e})")))
            .collect();
        let about = format!(
            "Local Law 35 report, Open Data table: {}. Column {}.",
            field.about,
            columns.join(", ")
        );
        let coded: Vec<&str> = Edition::ALL
            .iter()
            .flat_map(|e| field.values(*e).iter().copied())
            .fold(Vec::new(), |mut all, v| {
                if !all.contains(&v) {
                    all.push(v);
                }
                all
            });
        let schema = match field.shape {
            Shape::Text => json!({"type": ["string", "null"], "description": about}),
            Shape::Month => {
                json!({"type": ["string", "null"], "description": about, "examples": ["2019/04", "2019/00"]})
            }
            Shape::Bool => {
                json!({"type": ["boolean", "string", "null"], "description": format!("{about} true or false (text only as imported, when the table held something else).")})
            }
            Shape::Coded => {
                json!({"type": ["string", "null"], "description": about, "examples": coded})
            }
            Shape::List => json!({
                "type": ["array", "string", "null"],
                "items": {"type": "string", "examples": coded},
                "description": about
            }),
        };
        properties.insert(field.key.into(), schema);
    }
    properties.insert(
        keys::ID.into(),
        text("A stable id: links to the tool depend on it, so keep it when the tool is renamed."),
    );
    properties.insert(keys::REPORTED.into(), json!({"type": ["array", "null"], "items": {"type": "integer"}, "description": "The years the tool was reported in under Local Law 35."}));
    properties.insert(keys::IMPORTED_FROM.into(), json!({
        "type": ["array", "null"],
        "description": "Where the Local Law 35 values came from: one entry per table row imported.",
        "items": {"type": "object", "properties": {"table": {"type": "string"}, "row": {"type": "integer"}, "year": {"type": "integer"}}}
    }));
    properties.insert(keys::WITHHELD.into(), text("Why the tool is left out of the public Local Law 35 report (disclosure would endanger public safety)."));
    properties
}

/// A list's introduction as the form prints it, footnote marks kept (`[2]`), each footnote's
/// text after it, so that the quotation is whole.
fn prompt_with_footnotes(checklist: &crate::checklist::Checklist, prompt: &str) -> String {
    let mut out = crate::checklist::shown(prompt);
    for id in crate::checklist::footnote_marks(prompt) {
        if let Some(note) = checklist.footnote(id) {
            out.push_str(&format!(
                " [{id}] {}",
                crate::checklist::without_footnotes(&note.text)
            ));
        }
    }
    out
}
