//! The values of `tool:` fields: when a field has one, and the Local Law 35 table's list
//! convention (values joined with `; `, an `Other: text` value that runs to the end of the
//! cell), in one place for import, export, `check` and the site.

use serde_json::Value;

use super::fields::{self, Shape};

/// The `tool:` fields adscheck knows to hold text besides the LL35 table's: a name or an
/// agency cannot be `true`.
const TEXT_FIELDS: [&str; 4] = ["name", "agency", "description", "contact"];

/// Whether field `key` holds a real value: text with something visible in it, or a list with
/// at least one such text; `true`/`false` only in a field that is not text (an LL35 yes/no
/// field, or one adscheck does not know). A number, a mapping, an empty text or an empty list
/// is no value: `description: true` or `purpose: 1` does not satisfy the law's items.
#[must_use]
pub fn has_value(key: &str, value: &Value) -> bool {
    match value {
        Value::String(s) => crate::text::has_visible(s),
        Value::Array(items) => items
            .iter()
            .any(|i| i.as_str().is_some_and(crate::text::has_visible)),
        Value::Bool(_) => match fields::by_key(key) {
            Some(field) => field.shape == Shape::Bool,
            None => !TEXT_FIELDS.contains(&key),
        },
        Value::Null | Value::Number(_) | Value::Object(_) => false,
    }
}

/// Split a `; `-joined cell into its values. With `other_text`, an `Other: text` value takes
/// the rest of the cell (its text may itself hold `; `), so joining the values gives the cell
/// back.
#[must_use]
pub fn split_list(cell: &str, other_text: bool) -> Vec<String> {
    let mut values = Vec::new();
    let mut rest = cell;
    loop {
        if other_text && rest.starts_with("Other: ") {
            values.push(rest.to_owned());
            return values;
        }
        match rest.split_once("; ") {
            Some((value, tail)) => {
                values.push(value.to_owned());
                rest = tail;
            }
            None => {
                values.push(rest.to_owned());
                return values;
            }
        }
    }
}

/// A list field's items as texts: a list's items (anything that is not text written as JSON),
/// a single text as the cell it is (split with [`split_list`]), nothing for null.
#[must_use]
pub fn items(value: &Value, other_text: bool) -> Vec<String> {
    match value {
        Value::Array(items) => items
            .iter()
            .map(|i| i.as_str().map_or_else(|| i.to_string(), str::to_owned))
            .collect(),
        Value::String(s) => split_list(s, other_text),
        Value::Null => Vec::new(),
        other => vec![other.to_string()],
    }
}

/// A value as one cell of the table: a list's items joined with `; `, text as it is.
#[must_use]
pub fn join(value: Option<&Value>) -> String {
    match value {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(s)) => s.clone(),
        Some(v) => items(v, false).join("; "),
    }
}

/// What is wrong with a first-use month, if anything: not `YYYY/MM` (month 00 to 12), or after
/// `today`. One rule for `check` and the interview, which checks a month as it is typed.
#[must_use]
pub fn month_problem(value: &Value, today: (u16, u8)) -> Option<String> {
    let Value::String(text) = value else {
        return Some(format!(
            "is {}: write the month and year first used as YYYY/MM (e.g. 2019/04; 2019/00 when \
             the month is not known)",
            describe(value)
        ));
    };
    let parsed = text.split_once('/').and_then(|(y, m)| {
        let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
        let ok = y.len() == 4 && m.len() == 2 && digits(y) && digits(m);
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

/// A value as a message names it: text quoted (shortened), a list or a mapping by kind.
#[must_use]
pub fn describe(value: &Value) -> String {
    match value {
        Value::String(s) => format!("`{}`", crate::text::excerpt(s)),
        Value::Array(_) => "a list".to_owned(),
        Value::Object(_) => "a mapping".to_owned(),
        other => format!("`{other}`"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn case(key: &str, value: Value, expected: bool) {
        assert_eq!(has_value(key, &value), expected, "{key}: {value}");
    }

    #[test]
    fn a_value_is_visible_text_or_a_yes_no_where_one_belongs() {
        case("description", Value::from("A model"), true);
        case("description", Value::from(" \u{200b}\t"), false);
        case("description", Value::Bool(true), false);
        case("purpose", Value::from(1), false);
        case("data_output", Value::from(0), false);
        case("identifying_info", Value::Bool(false), true);
        // `updated` is coded text (Yes, No): a boolean is not one of its values.
        case("updated", Value::Bool(false), false);
        case("my_own_flag", Value::Bool(false), true);
        case("name", Value::Bool(true), false);
        case("purpose_type", Value::from(vec!["", " "]), false);
        case("purpose_type", Value::from(vec!["", "Other: x"]), true);
        case("purpose_type", Value::from(vec![1, 2]), false);
        case("computation_type", serde_json::json!({"a": "b"}), false);
        case("name", Value::Null, false);
    }

    #[test]
    fn other_text_runs_to_the_end_and_joining_gives_the_cell_back() {
        let cell = "Students; Other: cats; and dogs";
        let values = split_list(cell, true);
        assert_eq!(values, ["Students", "Other: cats; and dogs"]);
        assert_eq!(values.join("; "), cell);
        assert_eq!(split_list(cell, false).len(), 3);
        assert_eq!(join(Some(&Value::from(vec!["a", "b"]))), "a; b");
        assert_eq!(join(Some(&Value::from("a; b"))), "a; b");
        assert_eq!(join(None), "");
    }

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
        assert!(check("2019/+1").is_some());
        assert!(check("+019/01").is_some());
        assert!(month_problem(&Value::Bool(true), today).is_some());
    }
}
