//! `check`'s Local Law 35 rules, on when `.adscheck.yaml` has an `ll35:` section:
//!
//! ```yaml
//! ll35:
//!   edition: 2024                              # 2023 (the 2022–2023 layout) or 2024
//!   report: {agency_ads: [yes, undetermined]}  # which tools must report (default)
//!   required: [name, description, [data_input, data_training]]  # default: the law's items
//! ```
//!
//! For each tool that must report and is not withheld: `ll35-missing` for each required
//! field (or group of alternatives) without a value; `ll35-value` for a coded value its edition
//! does not list (with "did you mean"); `ll35-date` for a `date_use` that is not `YYYY/MM` or
//! lies in the future. Each names the field's line and column.

use serde::Deserialize;
use serde_json::Value;

use super::export::Scope;
use crate::document::Located;
use crate::engine::Truth;
use crate::error::{Diagnostic, Kind, Position};
use crate::tool::fields::{self as columns, Edition, Shape, keys};

/// The `ll35:` section of the settings, as written.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct SettingsFile {
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
pub struct Settings {
    /// The edition whose columns and values are checked.
    pub edition: Edition,
    /// Which tools must report.
    pub scope: Scope,
    /// Where `report:` stands in the settings file.
    pub scope_position: Option<Position>,
    /// What each tool must have: (what it is, the keys any one of which satisfies it).
    pub required: Vec<(String, Vec<String>)>,
}

impl Settings {
    /// The defaults for `edition`: Agency ADS yes or undetermined must report the law's items.
    #[must_use]
    pub fn defaults(edition: Edition) -> Settings {
        Settings {
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
    pub fn from_file(parsed: SettingsFile, file: &str) -> Result<Settings, Vec<Diagnostic>> {
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
        let mut settings = Settings::defaults(edition);
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

/// The LL35 problems of one evaluated file (`tool` and where its keys stand), if it must
/// report; `today` is `(year, month)`, for first-use dates in the future.
#[must_use]
pub fn check(
    settings: &Settings,
    file: &str,
    tool: &serde_json::Map<String, Value>,
    tool_position: Option<Position>,
    key_positions: &std::collections::HashMap<String, Position>,
    determinations: &[(String, Truth)],
    today: (u16, u8),
) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    let at = |key: &str| key_positions.get(key).copied().or(tool_position);
    if let withheld @ (crate::tool::Withheld::Because(_) | crate::tool::Withheld::WithoutReason) =
        crate::tool::withheld(tool)
    {
        if withheld == crate::tool::Withheld::WithoutReason {
            problems.push(Diagnostic::new(
                Kind::Ll35Value,
                file,
                at(keys::WITHHELD),
                "`tool.withheld` needs the reason the tool is left out of the public report \
                 (the law's exception: disclosure would endanger public safety)"
                    .to_owned(),
            ));
        }
        return problems;
    }
    if settings.scope.includes(determinations).is_err() {
        return problems;
    }
    let edition = settings.edition;
    for (what, keys) in settings.missing(tool) {
        let present = keys.iter().find(|k| tool.contains_key(k.as_str()));
        // Where the law allows "not known" (the month of first use, a vendor's name), say how
        // to write it.
        let unknown = if keys.iter().any(|k| k == "date_use") {
            " (`YYYY/00` when the month is not known)"
        } else if keys.iter().any(|k| k.starts_with("vendor")) {
            " (N/A or None when there is no vendor)"
        } else {
            ""
        };
        problems.push(Diagnostic::new(
            Kind::Ll35Missing,
            file,
            present.map_or(tool_position, |k| at(k)),
            format!(
                "{what} is required for the Local Law 35 report ({edition} edition) and {}: \
                 give {}{unknown}",
                if present.is_some() {
                    "is empty"
                } else {
                    "is missing"
                },
                keys.iter()
                    .map(|k| {
                        let column = columns::by_key(k)
                            .and_then(|f| f.column(edition))
                            .map_or_else(String::new, |c| format!(" (column {c})"));
                        format!("`tool.{k}`{column}")
                    })
                    .collect::<Vec<_>>()
                    .join(" or ")
            ),
        ));
    }
    for field in columns::FIELDS {
        let Some(value) = tool.get(field.key) else {
            continue;
        };
        if field.column(edition).is_none() {
            continue;
        }
        match field.shape {
            Shape::Coded | Shape::List => {
                let items: Vec<String> = match value {
                    Value::String(s) if field.shape == Shape::Coded => vec![s.clone()],
                    // A list written as one text: its items, as the table joins them.
                    Value::String(s) => crate::tool::split_list(s, field.other_text(edition)),
                    Value::Array(items) => items
                        .iter()
                        .filter_map(Value::as_str)
                        .map(str::to_owned)
                        .collect(),
                    _ => Vec::new(),
                };
                for item in &items {
                    let item = item.as_str();
                    if item.trim().is_empty() || field.allows(edition, item) {
                        continue;
                    }
                    let allowed = field.values(edition);
                    let hint = crate::suggest::did_you_mean(crate::suggest::nearest(
                        item,
                        allowed.iter().copied(),
                    ));
                    problems.push(Diagnostic::new(
                        Kind::Ll35Value,
                        file,
                        at(field.key),
                        format!(
                            "`tool.{}` has `{}`, which the {edition} edition does not list: \
                             {hint}allowed: {}{}",
                            field.key,
                            crate::text::excerpt(item),
                            allowed.join("; "),
                            if field.other_text(edition) {
                                "; or Other: <text>"
                            } else if field.key == "updated" && edition == Edition::E2024 {
                                "; or Created in CY<year>"
                            } else {
                                ""
                            }
                        ),
                    ));
                }
            }
            Shape::Month => {
                if let Some(problem) = month_problem(value, today) {
                    problems.push(Diagnostic::new(
                        Kind::Ll35Date,
                        file,
                        at(field.key),
                        format!("`tool.{}` {problem}", field.key),
                    ));
                }
            }
            Shape::Bool => {
                if !matches!(value, Value::Bool(_) | Value::Null) {
                    problems.push(Diagnostic::new(
                        Kind::Ll35Value,
                        file,
                        at(field.key),
                        format!(
                            "`tool.{}` is {}: allowed: true, false",
                            field.key,
                            describe(value)
                        ),
                    ));
                }
            }
            Shape::Text => {}
        }
    }
    problems.sort_by_key(|p| p.position);
    problems
}

fn describe(value: &Value) -> String {
    match value {
        Value::String(s) => format!("`{}`", crate::text::excerpt(s)),
        Value::Array(_) => "a list".to_owned(),
        Value::Object(_) => "a mapping".to_owned(),
        other => format!("`{other}`"),
    }
}

/// What is wrong with a first-use month, if anything: not `YYYY/MM` (month 00 to 12), or after
/// `today`.
fn month_problem(value: &Value, today: (u16, u8)) -> Option<String> {
    let Value::String(text) = value else {
        return Some(format!(
            "is {}: write the month and year first used as YYYY/MM (e.g. 2019/04; 2019/00 when \
             the month is not known)",
            describe(value)
        ));
    };
    let parsed = text.split_once('/').and_then(|(y, m)| {
        let ok = y.len() == 4 && m.len() == 2;
        let year: u16 = y.parse().ok().filter(|y| ok && *y >= 1900)?;
        let month: u8 = m.parse().ok().filter(|m| *m <= 12)?;
        Some((year, month))
    });
    match parsed {
        None if text.trim().is_empty() => None,
        None => Some(format!(
            "is `{}`: write the month and year first used as YYYY/MM (e.g. 2019/04; 2019/00 when \
             the month is not known)",
            crate::text::excerpt(text)
        )),
        Some((year, month)) if (year, month.max(1)) > today => Some(format!(
            "is `{text}`, after this month ({}/{:02}): a first use cannot be in the future",
            today.0, today.1
        )),
        Some(_) => None,
    }
}

/// This month, from the system clock (UTC), as `(year, month)`.
#[must_use]
pub fn this_month() -> (u16, u8) {
    let now = crate::answers::now_rfc3339();
    let year = now.get(..4).and_then(|y| y.parse().ok()).unwrap_or(9999);
    let month = now.get(5..7).and_then(|m| m.parse().ok()).unwrap_or(12);
    (year, month)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months() {
        let today = (2026, 11);
        let check = |s: &str| month_problem(&Value::String(s.to_owned()), today);
        assert_eq!(check("2019/04"), None);
        assert_eq!(check("2019/00"), None);
        assert_eq!(check("2026/11"), None);
        assert_eq!(check("2026/00"), None);
        assert!(check("2026/12").unwrap().contains("future"));
        assert!(check("2019-04").unwrap().contains("YYYY/MM"));
        assert!(check("2019/13").is_some());
        assert!(check("19/04").is_some());
        assert!(month_problem(&Value::Bool(true), today).is_some());
    }
}
