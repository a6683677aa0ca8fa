//! The site's "Report" page: the configured year's Local Law 35 table laid out as the city's
//! compliance report lays it out (each agency, then each of its reported tools: name and
//! department, a small table of the coded facts, then the report's sections), for reading and
//! for print.

use serde::Serialize;

use crate::tool::fields::{Edition, label};

/// One agency's part of the report.
#[derive(Clone, Debug, Serialize)]
pub struct Agency {
    /// The agency as the table names it.
    pub agency: String,
    /// Its reported tools.
    pub tools: Vec<Tool>,
}

/// One reported tool, as the report shows it.
#[derive(Clone, Debug, Serialize)]
pub struct Tool {
    /// Its name.
    pub name: String,
    /// Its department, when given.
    pub department: String,
    /// The coded facts: (label, value), "Not reported" where empty.
    pub facts: Vec<(String, String)>,
    /// The report's sections: (heading, [(label, text)]), each text "Not reported" where empty.
    pub sections: Vec<(String, Vec<(String, String)>)>,
}

const NOT_REPORTED: &str = "Not reported";

/// The table's `rows` (in `edition`'s columns, `year` first) as the report's agencies, in the
/// table's order.
#[must_use]
pub fn agencies(edition: Edition, rows: &[Vec<String>]) -> Vec<Agency> {
    let columns = edition.columns();
    let mut out: Vec<Agency> = Vec::new();
    for row in rows {
        let value = |key: &str| -> String {
            crate::tool::fields::by_key(key)
                .and_then(|f| f.column(edition))
                .and_then(|c| columns.iter().position(|x| *x == c))
                .and_then(|i| row.get(i))
                .cloned()
                .unwrap_or_default()
        };
        let or_not = |text: String| {
            if text.trim().is_empty() {
                NOT_REPORTED.to_owned()
            } else {
                text
            }
        };
        let has = |key: &str| {
            crate::tool::fields::by_key(key).is_some_and(|f| f.column(edition).is_some())
        };
        let mut facts = vec![(
            label("date_use"),
            or_not(super::fields::month_name(&value("date_use"))),
        )];
        for key in [
            "updated",
            "computation_type",
            "purpose_type",
            "analysis_type",
            "population_type",
            "identifying_info",
        ] {
            if has(key) {
                // A yes/no field reads Yes or No, as the tool page shows it.
                let text = match value(key).as_str() {
                    "true" => "Yes".to_owned(),
                    "false" => "No".to_owned(),
                    other => other.to_owned(),
                };
                facts.push((label(key), or_not(text)));
            }
        }
        let mut sections = vec![
            (
                label("description"),
                vec![(String::new(), or_not(value("description")))],
            ),
            (
                label("purpose"),
                vec![(String::new(), or_not(value("purpose")))],
            ),
        ];
        if value("updated") == "Yes" {
            sections.push((
                label("updated_desc"),
                vec![(String::new(), or_not(value("updated_desc")))],
            ));
        }
        let data: Vec<(String, String)> = ["data", "data_training", "data_input", "data_output"]
            .into_iter()
            .filter(|k| has(k))
            .map(|k| (label(k), or_not(value(k))))
            .collect();
        sections.push(("Data Analyzed".to_owned(), data));
        let vendor: Vec<(String, String)> = ["vendor", "vendor_name", "vendor_desc"]
            .into_iter()
            .filter(|k| has(k))
            .map(|k| (label(k), or_not(value(k))))
            .collect();
        sections.push(("Vendor Information".to_owned(), vendor));
        let tool = Tool {
            name: value("name"),
            department: value("department"),
            facts,
            sections,
        };
        let agency = value("agency");
        match out.iter_mut().find(|a| a.agency == agency) {
            Some(a) => a.tools.push(tool),
            None => out.push(Agency {
                agency,
                tools: vec![tool],
            }),
        }
    }
    out
}
