//! A tool's reported years, each with what changed from the year before: read from each year's
//! report as recorded (`tool.reports`), compared field by field across editions (a 2022 row's
//! free-text `data` and a 2024 row's `data_input` are the same item of the law, and compare).

use serde::Serialize;

use super::{Fields, fields::FIELDS, reports};

/// One reported year.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Year {
    /// The year.
    pub year: u16,
    /// Whether it is the first year recorded (nothing to compare with).
    pub first: bool,
    /// The fields whose value differs from the year before, in the fields' order.
    pub changed: Vec<Change>,
}

/// One field whose reported value changed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Change {
    /// The `tool:` key (for an item two editions name differently, the later edition's).
    pub field: &'static str,
    /// Its value the year before ("" when it had none).
    pub before: String,
    /// Its value this year ("" when it has none).
    pub after: String,
}

/// The keys that carry the same item of the law in the two editions: (2022–2023 key, 2024 key).
const SAME_ITEM: [(&str, &str); 2] = [("data", "data_input"), ("vendor", "vendor_desc")];

/// The key a year's value is compared under.
fn canonical(key: &str) -> &str {
    SAME_ITEM
        .iter()
        .find(|(old, _)| *old == key)
        .map_or(key, |(_, new)| new)
}

/// A year's values by canonical key, as text (lists joined as the table joins them).
fn values(fields: &Fields) -> Vec<(&'static str, String)> {
    let mut out: Vec<(&'static str, String)> = Vec::new();
    for field in FIELDS {
        let Some(value) = fields.get(field.key) else {
            continue;
        };
        let text = super::join(Some(value));
        if text.trim().is_empty() {
            continue;
        }
        let key = canonical(field.key);
        let key = FIELDS
            .iter()
            .find(|f| f.key == key)
            .map_or(field.key, |f| f.key);
        match out.iter_mut().find(|(k, _)| *k == key) {
            // Both keys of one item in one row: the later edition's stands, the other added.
            Some((_, existing)) => {
                existing.push_str("\n\n");
                existing.push_str(&text);
            }
            None => out.push((key, text)),
        }
    }
    out
}

/// Every recorded year of `tool`, oldest first, each with what changed from the one before.
/// Linear in the years and fields.
#[must_use]
pub fn timeline(tool: &Fields) -> Vec<Year> {
    let mut out = Vec::new();
    let mut before: Option<Vec<(&'static str, String)>> = None;
    for (year, fields) in reports(tool) {
        let now = values(fields);
        let changed = before.as_ref().map_or_else(Vec::new, |before| {
            FIELDS
                .iter()
                .filter_map(|f| {
                    let get = |list: &[(&'static str, String)]| {
                        list.iter()
                            .find(|(k, _)| *k == f.key)
                            .map_or_else(String::new, |(_, v)| v.clone())
                    };
                    let (was, is) = (get(before), get(&now));
                    (was != is).then_some(Change {
                        field: f.key,
                        before: was,
                        after: is,
                    })
                })
                .collect()
        });
        out.push(Year {
            year,
            first: before.is_none(),
            changed,
        });
        before = Some(now);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn years_compare_across_editions_and_name_only_what_changed() {
        let tool: Fields = serde_json::from_value(json!({
            "reports": {
                "2024": {"description": "v3", "data_input": "Counts", "purpose": "Same"},
                "2022": {"description": "v1", "data": "Counts", "purpose": "Same"},
                "2023": {"description": "v2", "data_input": "Counts", "purpose": "Same",
                         "analysis_type": ["Ranking"]}
            }
        }))
        .unwrap();
        let years = timeline(&tool);
        let summary: Vec<(u16, bool, Vec<&str>)> = years
            .iter()
            .map(|y| (y.year, y.first, y.changed.iter().map(|c| c.field).collect()))
            .collect();
        // 2022's `data` and 2023's `data_input` hold the same item: unchanged.
        assert_eq!(
            summary,
            [
                (2022, true, vec![]),
                (2023, false, vec!["description", "analysis_type"]),
                (2024, false, vec!["description", "analysis_type"]),
            ]
        );
        assert_eq!(years[2].changed[1].before, "Ranking");
        assert_eq!(years[2].changed[1].after, "");
    }
}
