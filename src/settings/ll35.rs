//! The `ll35:` section of the settings: which edition's columns and values `check` holds a
//! tool to, which tools the report includes ([`Scope`]), and what each must have.
//!
//! ```yaml
//! ll35:
//!   edition: 2024                              # 2023 (the 2022–2023 layout) or 2024
//!   report: {agency_ads: [yes, undetermined]}  # which tools report (default)
//!   required: [name, description, [data_input, data_training]]  # default: the law's items
//! ```

use serde::Deserialize;
use serde_json::Value;

use crate::document::Located;
use crate::engine::Truth;
use crate::error::{Diagnostic, Kind, Position};
use crate::tool::fields::{self as columns, Edition, keys};

/// The `ll35:` section of the settings, as written.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Section {
    edition: Option<Located<EditionText>>,
    report: Option<Located<std::collections::BTreeMap<String, Vec<String>>>>,
    required: Option<Located<Vec<Required>>>,
}

#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum EditionText {
    Number(u64),
    Text(String),
}

#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum Required {
    One(String),
    Any(Vec<String>),
}

/// The LL35 settings in force.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ll35 {
    /// The edition whose columns and values are checked.
    pub edition: Edition,
    /// Which tools are in the reporting scope (which tools report is the agency's decision; this
    /// is the one the settings name).
    pub scope: Scope,
    /// Where `report:` stands in the settings file.
    pub scope_position: Option<Position>,
    /// What each tool must have: (what it is, the keys any one of which satisfies it).
    pub required: Vec<(String, Vec<String>)>,
}

impl Ll35 {
    /// The defaults for `edition`: the reporting scope Agency ADS yes or undetermined, held to the
    /// law's items.
    #[must_use]
    pub fn defaults(edition: Edition) -> Ll35 {
        Ll35 {
            edition,
            scope: Scope::default(),
            scope_position: None,
            required: columns::law_items(edition)
                .into_iter()
                .map(|(item, keys)| {
                    (
                        format!("the law's item {item}"),
                        keys.into_iter().map(str::to_owned).collect(),
                    )
                })
                .collect(),
        }
    }

    /// The settings from their section in `file`.
    ///
    /// # Errors
    /// Each problem with its position (an unknown edition, a value that is not yes, no or
    /// undetermined, an empty group of alternatives).
    pub fn from_section(parsed: Section, file: &str) -> Result<Ll35, Vec<Diagnostic>> {
        let mut problems = Vec::new();
        let edition = match &parsed.edition {
            None => Edition::E2024,
            Some(located) => {
                let text = match &located.value {
                    EditionText::Number(n) => n.to_string(),
                    EditionText::Text(t) => t.clone(),
                };
                Edition::parse(&text).unwrap_or_else(|| {
                    problems.push(Diagnostic::new(
                        Kind::WrongType,
                        file,
                        located.position,
                        format!(
                            "`ll35.edition` is `{}`: allowed: 2023 (the 2022–2023 layout), 2024",
                            crate::text::excerpt(&text)
                        ),
                    ));
                    Edition::E2024
                })
            }
        };
        let mut settings = Ll35::defaults(edition);
        if let Some(report) = parsed.report {
            settings.scope_position = report.position;
            let mut scope = Vec::new();
            for (id, values) in report.value {
                let mut truths = Vec::new();
                for value in values {
                    match truth(&value) {
                        Some(t) => truths.push(t),
                        None => problems.push(Diagnostic::new(
                            Kind::WrongType,
                            file,
                            report.position,
                            format!(
                                "`ll35.report.{}` lists `{}`: {}allowed: yes, no, undetermined",
                                crate::text::excerpt(&id),
                                crate::text::excerpt(&value),
                                crate::suggest::did_you_mean(crate::suggest::nearest(
                                    &value,
                                    ["yes", "no", "undetermined"]
                                ))
                            ),
                        )),
                    }
                }
                scope.push((id, truths));
            }
            settings.scope = Scope(scope);
        }
        if let Some(required) = &parsed.required {
            let known: Vec<&str> = columns::FIELDS
                .iter()
                .map(|f| f.key)
                .chain(["contact", keys::ID])
                .collect();
            for key in required.value.iter().flat_map(|r| match r {
                Required::One(k) => std::slice::from_ref(k),
                Required::Any(ks) => ks.as_slice(),
            }) {
                if !known.contains(&key.as_str()) {
                    problems.push(Diagnostic::new(
                        Kind::UnknownField,
                        file,
                        required.position,
                        format!(
                            "`ll35.required` names `tool.{}`, which is not a Local Law 35 field: \
                             {}allowed: {}",
                            crate::text::excerpt(key),
                            crate::suggest::did_you_mean(crate::suggest::nearest(
                                key,
                                known.iter().copied()
                            )),
                            known.join(", ")
                        ),
                    ));
                }
            }
        }
        if let Some(required) = parsed.required {
            settings.required = required
                .value
                .into_iter()
                .map(|r| match r {
                    Required::One(key) => (format!("`tool.{key}`"), vec![key]),
                    Required::Any(keys) => (
                        format!(
                            "one of {}",
                            keys.iter()
                                .map(|k| format!("`tool.{k}`"))
                                .collect::<Vec<_>>()
                                .join(", ")
                        ),
                        keys,
                    ),
                })
                .filter(|(_, keys)| !keys.is_empty())
                .collect();
        }
        if problems.is_empty() {
            Ok(settings)
        } else {
            Err(problems)
        }
    }

    /// The required items `tool` has no value for: (what it is, the keys any one of which
    /// would satisfy it).
    pub fn missing<'s>(
        &'s self,
        tool: &'s serde_json::Map<String, Value>,
    ) -> impl Iterator<Item = &'s (String, Vec<String>)> {
        self.required.iter().filter(|(_, keys)| {
            !keys.iter().any(|k| {
                tool.get(k.as_str())
                    .is_some_and(|v| crate::tool::has_value(k, v))
            })
        })
    }

    /// The determination ids `report:` names that `checklist` does not have.
    #[must_use]
    pub fn unknown_determinations<'a>(&'a self, ids: &[&str]) -> Vec<&'a str> {
        self.scope
            .0
            .iter()
            .map(|(id, _)| id.as_str())
            .filter(|id| !ids.contains(id))
            .collect()
    }
}

fn truth(word: &str) -> Option<Truth> {
    match word.trim().to_ascii_lowercase().as_str() {
        "yes" | "true" => Some(Truth::Yes),
        "no" | "false" => Some(Truth::No),
        "undetermined" | "unknown" | "unsure" => Some(Truth::Unknown),
        _ => None,
    }
}

/// Which tools the report includes: those whose determinations each have one of the listed
/// values (by determination id). The default, Agency ADS yes or undetermined, is a setting
/// (`ll35: report:` in `.adscheck.yaml`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Scope(pub Vec<(String, Vec<Truth>)>);

impl Default for Scope {
    fn default() -> Self {
        Scope(vec![(
            "agency_ads".to_owned(),
            vec![Truth::Yes, Truth::Unknown],
        )])
    }
}

impl Scope {
    /// Whether a tool with `determinations` is in the report; `Err` names the determination
    /// that leaves it out, with its value.
    ///
    /// # Errors
    /// The determination id and its value, when the tool is left out.
    pub fn includes(&self, determinations: &[(String, Truth)]) -> Result<(), String> {
        for (id, allowed) in &self.0 {
            let value = determinations
                .iter()
                .find(|(d, _)| d == id)
                .map_or(Truth::Unknown, |(_, t)| *t);
            if !allowed.contains(&value) {
                return Err(format!("{id} {}", value.as_str()));
            }
        }
        Ok(())
    }

    /// The scope for people: "agency_ads yes or undetermined".
    #[must_use]
    pub fn describe(&self) -> String {
        self.0
            .iter()
            .map(|(id, values)| {
                let values: Vec<&str> = values.iter().map(|t| t.as_str()).collect();
                format!("{id} {}", values.join(" or "))
            })
            .collect::<Vec<_>>()
            .join(", and ")
    }
}
