//! The report's fields as a tool page names and shows them: their labels, an empty one, and a
//! reported year's changes.

use serde::Serialize;
use serde_json::{Map, Value};

/// One reported year on the page: the year, whether it is the first recorded, and each field
/// that changed from the year before as (field, before, after). Serialized as a list, as the
/// template reads it.
#[derive(Clone, Debug, Default, Serialize)]
pub struct YearView(pub u16, pub bool, pub Vec<(String, String, String)>);

/// What a tool page says for a standard field of the edition with no value.
pub(super) const NOT_REPORTED: &str = "Not reported";

/// A field as the page shows it: a yes/no field as Yes or No, a list as the table joins it.
pub(super) fn text_of(tool: &Map<String, Value>, key: &str) -> String {
    match tool.get(key) {
        Some(Value::Bool(true)) => "Yes".to_owned(),
        Some(Value::Bool(false)) => "No".to_owned(),
        value => crate::tool::join(value),
    }
}

/// `2014/06` as "June 2014" (`2014/00`: "2014").
pub(super) fn month_name(date: &str) -> String {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let Some((year, month)) = date.split_once('/') else {
        return date.to_owned();
    };
    match month.parse::<usize>() {
        Ok(0) => year.to_owned(),
        Ok(m) => MONTHS
            .get(m.wrapping_sub(1))
            .map_or_else(|| date.to_owned(), |name| format!("{name} {year}")),
        Err(_) => date.to_owned(),
    }
}

pub(super) fn paragraphs(text: &str) -> Vec<String> {
    text.split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(str::to_owned)
        .collect()
}
