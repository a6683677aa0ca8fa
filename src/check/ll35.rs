//! `check`'s Local Law 35 rules, on when `.adscheck.yaml` has an `ll35:` section (see
//! [`crate::settings::ll35`]).
//!
//! For each tool in the reporting scope that is not withheld: `ll35-missing` for each required
//! field (or group of alternatives) without a value; `ll35-value` for a coded value its edition
//! does not list (with "did you mean"); `ll35-date` for a `date_use` that is not `YYYY/MM` or
//! lies in the future. Each names the field's line and column.

use serde_json::Value;

use crate::engine::Truth;
use crate::error::{Diagnostic, Kind, Position};
use crate::settings::Ll35 as Settings;
use crate::tool::fields::{self as columns, Edition, Shape, keys};
use crate::tool::values::describe;

/// The LL35 problems of one evaluated file (`tool` and where its keys stand), if it must
/// report; `today` is `(year, month)`, for first-use dates in the future.
#[must_use]
pub fn check(
    settings: &Settings,
    file: &str,
    tool: &serde_json::Map<String, Value>,
    tool_position: Option<Position>,
    key_positions: &crate::document::KeyPositions,
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
    // The years a tool was reported in decide which year's table it is in: each must be a year
    // that has been (a typo such as 20244 would make itself the year of the whole export).
    if let Some(reported) = tool.get(keys::REPORTED) {
        let bad = match reported {
            Value::Array(years) => years.iter().find(|y| {
                !y.as_u64()
                    .is_some_and(|y| (1900..=u64::from(today.0)).contains(&y))
            }),
            other => Some(other),
        };
        if let Some(bad) = bad {
            problems.push(Diagnostic::new(
                Kind::Ll35Value,
                file,
                at(keys::REPORTED),
                format!(
                    "`tool.reported` holds {}: allowed: a list of the years the tool was \
                     reported in, from 1900 to this year ({})",
                    describe(bad),
                    today.0
                ),
            ));
        }
    }
    // Each year's report as reported: kept as it was published (its values are history and
    // are not held to today's lists), but it must be one, under a year the tool was reported in.
    if let Some(reports) = tool.get(keys::REPORTS) {
        let years: Vec<u64> = tool
            .get(keys::REPORTED)
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(Value::as_u64)
            .collect();
        let bad = match reports {
            Value::Object(map) => map
                .iter()
                .find(|(year, values)| {
                    !values.is_object() || !year.parse::<u64>().is_ok_and(|y| years.contains(&y))
                })
                .map(|(year, values)| {
                    if values.is_object() {
                        format!(
                            "a report for {}, which `tool.reported` does not list",
                            crate::text::excerpt(year)
                        )
                    } else {
                        format!("{} under {}", describe(values), crate::text::excerpt(year))
                    }
                }),
            other => Some(describe(other)),
        };
        if let Some(bad) = bad {
            problems.push(Diagnostic::new(
                Kind::Ll35Value,
                file,
                at(keys::REPORTS),
                format!(
                    "`tool.reports` holds {bad}: allowed: for each year of `tool.reported`, that \
                     year's report as it was reported (its fields, as under `tool:`)"
                ),
            ));
        }
    }
    if settings.scope.includes(determinations).is_err() {
        return problems;
    }
    let edition = settings.edition;
    // A field already named as missing (it holds no value of its kind) is not named again.
    let mut missing_keys: Vec<&str> = Vec::new();
    for (what, keys) in settings.missing(tool) {
        missing_keys.extend(keys.iter().map(String::as_str));
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
                match present.and_then(|k| tool.get(k.as_str())) {
                    None => "is missing".to_owned(),
                    Some(Value::String(_) | Value::Null) => "is empty".to_owned(),
                    Some(Value::Array(items)) if items.iter().all(Value::is_string) => {
                        "is empty".to_owned()
                    }
                    Some(other) => format!("holds {}, which is no text", describe(other)),
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
        // Every LL35 field's type is checked whatever the edition (the other edition's
        // columns are exported from the same file); its coded values against this edition's
        // lists only where this edition has the column.
        let in_edition = field.column(edition).is_some();
        match field.shape {
            Shape::Coded | Shape::List => {
                // Every item must be text: a number, a mapping or true is no coded value.
                let items: Result<Vec<String>, String> = match value {
                    Value::Null => Ok(Vec::new()),
                    Value::String(s) if field.shape == Shape::Coded => Ok(vec![s.clone()]),
                    // A list written as one text: its items, as the table joins them.
                    Value::String(s) => Ok(crate::tool::split_list(s, field.other_text(edition))),
                    Value::Array(items) if field.shape == Shape::List => items
                        .iter()
                        .map(|i| i.as_str().map(str::to_owned).ok_or_else(|| describe(i)))
                        .collect(),
                    other => Err(describe(other)),
                };
                let items = match items {
                    Ok(items) => items,
                    Err(what) => {
                        problems.push(Diagnostic::new(
                            Kind::Ll35Value,
                            file,
                            at(field.key),
                            format!(
                                "`tool.{}` holds {what}: allowed: {}, from: {}",
                                field.key,
                                if field.shape == Shape::List {
                                    "a list of texts"
                                } else {
                                    "one text"
                                },
                                Edition::ALL
                                    .into_iter()
                                    .filter(|e| *e == edition || !in_edition)
                                    .map(|e| field.values(e))
                                    .find(|v| !v.is_empty())
                                    .unwrap_or_default()
                                    .join("; ")
                            ),
                        ));
                        continue;
                    }
                };
                for item in items.iter().filter(|_| in_edition) {
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
                if let Some(problem) =
                    crate::tool::values::month_problem(value, today).filter(|_| in_edition)
                {
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
            Shape::Text => {
                if !matches!(value, Value::String(_) | Value::Null)
                    && !missing_keys.contains(&field.key)
                {
                    problems.push(Diagnostic::new(
                        Kind::Ll35Value,
                        file,
                        at(field.key),
                        format!(
                            "`tool.{}` is {}: allowed: text (quote it if it is meant as text)",
                            field.key,
                            describe(value)
                        ),
                    ));
                }
            }
        }
    }
    problems.sort_by_key(|p| p.position);
    problems
}
