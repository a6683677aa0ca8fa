//! The `tool:` block of an answer file, typed: what a tool is called and who uses it, its Local
//! Law 35 report fields ([`fields`], the one mapping to the Open Data columns), the NYC
//! agencies ([`agencies`]), a tool's identity ([`identity`]), and the rules every command
//! shares about a record: when a field has a value ([`has_value`]) and when a tool is withheld
//! from the public report ([`withheld`]).
//!
//! One definition each: `check`, the summary, the public site and `ll35 export` all ask these,
//! so a tool the site hides can never reach the published table.

pub mod agencies;
pub mod fields;
pub mod identity;
pub mod timeline;
pub mod values;

use serde_json::{Map, Value};

pub use fields::{Edition, FIELDS, Field, Shape, keys};
pub use identity::ToolKey;
pub use values::{has_value, items, join, split_list};

/// The `tool:` block as an answer file holds it: key to value.
pub type Fields = Map<String, Value>;

/// Whether a tool is left out of the public report, under the law's public-safety exception
/// (`tool.withheld`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Withheld<'a> {
    /// Not withheld: no `withheld` key.
    No,
    /// Withheld, with the reason given.
    Because(&'a str),
    /// Withheld without a reason: the key is there, but holds no visible text (`true`,
    /// `false`, empty, a list, a number). `check` fails such a file; every other command
    /// treats the tool as withheld, since publishing what someone meant to withhold cannot be
    /// undone.
    WithoutReason,
}

impl Withheld<'_> {
    /// Whether the tool is kept out of everything public.
    #[must_use]
    pub const fn is_withheld(self) -> bool {
        !matches!(self, Withheld::No)
    }
}

/// Whether `tool` is withheld: any `withheld` key at all withholds it (the strictest reading);
/// only visible text is a reason.
#[must_use]
pub fn withheld(tool: &Fields) -> Withheld<'_> {
    match tool.get(keys::WITHHELD) {
        None => Withheld::No,
        Some(Value::String(reason)) if crate::text::has_visible(reason) => {
            Withheld::Because(reason)
        }
        Some(_) => Withheld::WithoutReason,
    }
}

/// The values of `year`'s report as recorded under `tool.reports` (`None` when that year was
/// not recorded, or its record is not a mapping).
#[must_use]
pub fn report_of(tool: &Fields, year: u16) -> Option<&Fields> {
    tool.get(keys::REPORTS)?
        .as_object()?
        .get(&year.to_string())?
        .as_object()
}

/// Record `values` as `year`'s report in `tool` (the years kept in order), and give the record
/// it replaces, if any: the one way import and `ll35 export --record` write a year.
pub fn set_report(tool: &mut Fields, year: &str, values: Value) -> Option<Value> {
    let mut years: std::collections::BTreeMap<String, Value> = tool
        .get(keys::REPORTS)
        .and_then(Value::as_object)
        .into_iter()
        .flatten()
        .map(|(y, v)| (y.clone(), v.clone()))
        .collect();
    let before = years.insert(year.to_owned(), values);
    tool.insert(
        keys::REPORTS.to_owned(),
        Value::Object(years.into_iter().collect()),
    );
    before
}

/// Every recorded year's report, in year order: (year, values). Keys that are not years, and
/// records that are not mappings, are left out (`check` names them).
#[must_use]
pub fn reports(tool: &Fields) -> Vec<(u16, &Fields)> {
    let mut out: Vec<(u16, &Fields)> = tool
        .get(keys::REPORTS)
        .and_then(Value::as_object)
        .into_iter()
        .flatten()
        .filter_map(|(y, v)| Some((y.parse().ok()?, v.as_object()?)))
        .collect();
    out.sort_by_key(|(y, _)| *y);
    out
}

/// The month a tool was retired, `(year, month)`, when `tool.retired` holds one as `YYYY/MM`.
#[must_use]
pub fn retired(tool: &Fields) -> Option<(u16, u8)> {
    let (y, m) = text(tool, keys::RETIRED).split_once('/')?;
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if y.len() != 4 || m.len() != 2 || !digits(y) || !digits(m) {
        return None;
    }
    let (year, month): (u16, u8) = (y.parse().ok()?, m.parse().ok()?);
    ((1900..=9999).contains(&year) && (1..=12).contains(&month)).then_some((year, month))
}

/// The text of a `tool:` field that holds text (`""` when it is missing or not text).
#[must_use]
pub fn text<'a>(tool: &'a Fields, key: &str) -> &'a str {
    tool.get(key).and_then(Value::as_str).unwrap_or("")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn case(yaml_value: Value, expected: Withheld<'_>) {
        let mut tool = Fields::new();
        tool.insert(keys::WITHHELD.to_owned(), yaml_value);
        assert_eq!(withheld(&tool), expected);
        assert!(withheld(&tool).is_withheld());
    }

    #[test]
    fn any_withheld_key_withholds_and_only_visible_text_is_a_reason() {
        case(
            Value::from("public safety"),
            Withheld::Because("public safety"),
        );
        case(Value::from(""), Withheld::WithoutReason);
        case(Value::from(" \u{200b} "), Withheld::WithoutReason);
        case(Value::Bool(true), Withheld::WithoutReason);
        case(Value::Bool(false), Withheld::WithoutReason);
        case(Value::Null, Withheld::WithoutReason);
        case(Value::from(vec!["a"]), Withheld::WithoutReason);
        case(Value::from(1), Withheld::WithoutReason);
        assert_eq!(withheld(&Fields::new()), Withheld::No);
        assert!(!Withheld::No.is_withheld());
    }
}
