//! The one mapping between an answer file's `tool:` keys and the Open Data columns of the
//! Local Law 35 report, in both editions, with each field's kind and coded values.
//!
//! Everything else (import, export, `check`'s LL35 rules, the JSON Schema, the README's
//! table) reads this table; nothing repeats it.

use std::fmt;

/// A layout of the Open Data table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Edition {
    /// The 2022–2023 layout (18 columns; agencies as abbreviations).
    E2023,
    /// The 2024 layout (the city's current pipeline; agencies as full names).
    E2024,
}

impl serde::Serialize for Edition {
    /// As its name, `2023` or `2024`.
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl Edition {
    /// Both editions, oldest first.
    pub const ALL: [Edition; 2] = [Edition::E2023, Edition::E2024];

    /// `2023` or `2024`.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Edition::E2023 => "2023",
            Edition::E2024 => "2024",
        }
    }

    /// The edition named `2023` (or `2022`, the same layout) or `2024`.
    #[must_use]
    pub fn parse(text: &str) -> Option<Edition> {
        match text.trim() {
            "2022" | "2023" | "2022-2023" => Some(Edition::E2023),
            "2024" => Some(Edition::E2024),
            _ => None,
        }
    }

    /// The edition's columns, in its order (`year` first).
    #[must_use]
    pub fn columns(self) -> Vec<&'static str> {
        let mut columns = vec![YEAR];
        let mut fields: Vec<(usize, &'static str)> = FIELDS
            .iter()
            .filter_map(|f| f.column(self).map(|c| (f.order(self), c)))
            .collect();
        fields.sort_unstable();
        columns.extend(fields.into_iter().map(|(_, c)| c));
        columns
    }

    /// The field whose column in this edition is `column`.
    #[must_use]
    pub fn field(self, column: &str) -> Option<&'static Field> {
        FIELDS.iter().find(|f| f.column(self) == Some(column))
    }

    /// The columns that tell this edition's header from the other's.
    #[must_use]
    pub const fn marker(self) -> &'static str {
        match self {
            Edition::E2023 => "tool_desc_brief",
            Edition::E2024 => "tool_desc",
        }
    }
}

impl fmt::Display for Edition {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The column holding the reporting year, in both editions.
pub const YEAR: &str = "year";

/// How a field's value is written in an answer file and in the table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    /// Free text, as written.
    Text,
    /// `YYYY/MM` (month `00`: not known).
    Month,
    /// `true` / `false` in the table, a boolean in the file.
    Bool,
    /// One coded value.
    Coded,
    /// Coded values, a YAML list in the file, joined with `; ` in the table.
    List,
}

/// One LL35 field: its `tool:` key, its column in each edition (with its place there), its
/// shape and the coded values each edition allows.
#[derive(Debug, PartialEq, Eq)]
pub struct Field {
    /// The key under `tool:`.
    pub key: &'static str,
    /// The column in the 2022–2023 edition and its position (after `year`).
    pub e2023: Option<(usize, &'static str)>,
    /// The column in the 2024 edition and its position (after `year`).
    pub e2024: Option<(usize, &'static str)>,
    /// How the value is written.
    pub shape: Shape,
    /// What the column holds, for the README and the schema.
    pub about: &'static str,
}

impl Field {
    /// The field's column in `edition`, if it has one there.
    #[must_use]
    pub fn column(&self, edition: Edition) -> Option<&'static str> {
        self.place(edition).map(|(_, c)| c)
    }

    fn place(&self, edition: Edition) -> Option<(usize, &'static str)> {
        match edition {
            Edition::E2023 => self.e2023,
            Edition::E2024 => self.e2024,
        }
    }

    fn order(&self, edition: Edition) -> usize {
        self.place(edition).map_or(usize::MAX, |(n, _)| n)
    }

    /// The coded values `edition` allows in this field (empty: free text). A value may also
    /// be `Other: <text>` where [`Field::other_text`] says so.
    #[must_use]
    pub fn values(&self, edition: Edition) -> &'static [&'static str] {
        match (self.key, edition) {
            ("analysis_type", _) => &[
                "Predictive modeling",
                "Matching",
                "Optimization",
                "Computer vision",
                "Speech and language processing",
            ],
            ("population_type", Edition::E2023) => &[
                "Individuals",
                "Group, organization, or business",
                "Property",
                "Geographic space",
            ],
            ("population_type", Edition::E2024) => &[
                "Individuals",
                "Group, organization, or business",
                "Property",
                "Geographic space",
                "Biological sample",
                "Other",
            ],
            ("computation_type", _) => &[
                "Data generation",
                "Matching",
                "Ranking",
                "Scoring",
                "Classification",
                "Clustering",
                "Forecasting",
                "Not specified",
            ],
            ("purpose_type", _) => &[
                "Data management",
                "Information presentation",
                "Resource allocation",
                "Performance evaluation",
                "Risk management",
                "Triage",
                "Not specified",
            ],
            ("updated", Edition::E2023) => &["Yes", "No", "N/A"],
            // And `Created in CY<year>`: see [`Field::allows`].
            ("updated", Edition::E2024) => &["Yes", "No"],
            _ => &[],
        }
    }

    /// Whether `edition` writes free text after `Other: ` in this field.
    #[must_use]
    pub fn other_text(&self, edition: Edition) -> bool {
        matches!(
            (self.key, edition),
            ("analysis_type", _) | ("population_type", Edition::E2023)
        )
    }

    /// Whether `value` (one item of a list) is allowed in this field in `edition`.
    #[must_use]
    pub fn allows(&self, edition: Edition, value: &str) -> bool {
        let values = self.values(edition);
        if values.is_empty() || values.contains(&value) {
            return true;
        }
        if self.other_text(edition) && value.starts_with("Other: ") {
            return true;
        }
        self.key == "updated"
            && edition == Edition::E2024
            && value
                .strip_prefix("Created in CY")
                .is_some_and(|y| y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()))
    }
}

/// Every LL35 field, in the order the README lists them.
#[rustfmt::skip]
pub const FIELDS: &[Field] = &[
    field("agency", Some((1, "agency")), Some((1, "agency")), Shape::Text,
        "the agency (2022–2023: its abbreviation; 2024: its full name), kept as written"),
    field("department", None, Some((2, "department")), Shape::Text,
        "the department within the agency"),
    field("name", Some((2, "tool_name")), Some((3, "tool_name")), Shape::Text,
        "name or commercial name of the tool (law's item 1)"),
    field("description", Some((3, "tool_desc_brief")), Some((4, "tool_desc")), Shape::Text,
        "a brief description (item 1)"),
    field("purpose", Some((4, "tool_desc_detail")), Some((5, "purpose_desc")), Shape::Text,
        "its purpose (item 2)"),
    field("data", Some((5, "data")), None, Shape::Text,
        "2022 rows: the data analysed and its source, free text (item 3)"),
    field("vendor", Some((6, "vendor")), None, Shape::Text,
        "2022 rows: any vendor or contractor, free text (item 5)"),
    field("date_use", Some((7, "date_use")), Some((6, "date_use")), Shape::Month,
        "month and year first used, YYYY/MM; month 00 when not known (item 6)"),
    field("data_training", Some((8, "data_training")), Some((7, "data_training")), Shape::Text,
        "data the tool was trained on (item 3)"),
    field("data_input", Some((9, "data_input")), Some((8, "data_input")), Shape::Text,
        "data the tool takes in, and its source (item 3)"),
    field("data_output", Some((10, "data_output")), Some((9, "data_output")), Shape::Text,
        "what the tool produces and how it is used (item 4)"),
    field("vendor_name", Some((11, "vendor_name")), Some((10, "vendor_name")), Shape::Text,
        "the vendor's or contractor's name; 2024: None when there is none (item 5)"),
    field("vendor_desc", Some((12, "vendor_desc")), Some((11, "vendor_desc")), Shape::Text,
        "what the vendor or contractor did (item 5)"),
    field("identifying_info", Some((13, "identifying_info")), Some((12, "identifying_info")),
        Shape::Bool, "whether the tool uses identifying information"),
    field("analysis_type", Some((14, "analysis_type")), None, Shape::List,
        "kinds of analysis, coded, or `Other: text`"),
    field("computation_type", None, Some((13, "computation_type")), Shape::List,
        "kinds of computation, coded"),
    field("purpose_type", None, Some((14, "purpose_type")), Shape::List,
        "kinds of purpose, coded"),
    field("population_type", Some((15, "population_type")), Some((15, "population_type")),
        Shape::List, "who or what the tool is about, coded (2022–2023: or `Other: text`)"),
    field("population_type_individual", None, Some((16, "population_type_individual")),
        Shape::Text, "2024: which individuals"),
    field("population_type_other", None, Some((17, "population_type_other")), Shape::Text,
        "2024: the text of `Other`"),
    field("updated", Some((16, "updated")), Some((18, "updated")), Shape::Coded,
        "updated since the last report: Yes, No, N/A (2022–2023); Yes, No, Created in CY2024 (2024)"),
    field("updated_desc", Some((17, "updated_desc")), Some((19, "updated_desc")), Shape::Text,
        "what changed"),
];

#[allow(clippy::too_many_arguments)]
const fn field(
    key: &'static str,
    e2023: Option<(usize, &'static str)>,
    e2024: Option<(usize, &'static str)>,
    shape: Shape,
    about: &'static str,
) -> Field {
    Field {
        key,
        e2023,
        e2024,
        shape,
        about,
    }
}

/// The field under `tool:` named `key`.
#[must_use]
pub fn by_key(key: &str) -> Option<&'static Field> {
    FIELDS.iter().find(|f| f.key == key)
}

/// A report field as people read it (the tool page, the interview): the published report's
/// heading where it has one ("Tool Purpose"), else a plain name; an unknown key as itself.
#[must_use]
pub fn label(key: &str) -> String {
    const LABELS: [(&str, &str); 22] = [
        ("name", "Tool name"),
        ("agency", "Agency"),
        ("department", "Department"),
        ("description", "Tool Description"),
        ("purpose", "Tool Purpose"),
        ("date_use", "First used"),
        ("data_training", "Training data"),
        ("data_input", "Input data"),
        ("data_output", "Output"),
        ("vendor_name", "Vendor"),
        ("vendor_desc", "Vendor's part"),
        ("identifying_info", "Identifying information"),
        ("analysis_type", "Analysis type"),
        ("computation_type", "Computation type"),
        ("purpose_type", "Purpose type"),
        ("population_type", "Population type"),
        ("population_type_individual", "Population: individuals"),
        ("population_type_other", "Population: other"),
        ("updated", "Updated this year"),
        ("updated_desc", "Update Description"),
        ("data", "Data"),
        ("vendor", "Vendor"),
    ];
    LABELS
        .iter()
        .find(|(k, _)| *k == key)
        .map_or_else(|| key.to_owned(), |(_, label)| (*label).to_owned())
}

/// The keys under `tool:` that adscheck's LL35 support writes besides the fields: the stable
/// id, the years a tool was reported in, where its values came from, and a withholding.
pub mod keys {
    /// A stable id (written when a file is created; links to the tool depend on it).
    pub const ID: &str = "id";
    /// The years the tool was reported in (a list of numbers).
    pub const REPORTED: &str = "reported";
    /// Where the values came from: `{table, row, year}` for each row imported.
    pub const IMPORTED_FROM: &str = "imported_from";
    /// Why the tool is left out of the public report (the law's public-safety exception).
    pub const WITHHELD: &str = "withheld";
    /// The month the tool was retired (`YYYY/MM`): it stays in the inventory and on the site.
    pub const RETIRED: &str = "retired";
    /// Each year's report as it was reported: `{"2023": {<fields>}, ...}`, the fields of that
    /// year's row under the same keys as the tool's own (so years of both editions compare).
    pub const REPORTS: &str = "reports";
}

/// Whether a column the edition does not know must not be imported under its own name: it
/// would overwrite a key adscheck manages (`id`, `reported`, `imported_from`, `withheld`,
/// `contact`) or a field read from another column (`name` is `tool_name`).
#[must_use]
pub fn reserved(column: &str) -> bool {
    [
        keys::ID,
        keys::REPORTED,
        keys::IMPORTED_FROM,
        keys::WITHHELD,
        keys::REPORTS,
        keys::RETIRED,
        "contact",
    ]
    .contains(&column)
        || (by_key(column).is_some()
            && !FIELDS
                .iter()
                .any(|f| Edition::ALL.iter().any(|e| f.column(*e) == Some(column))))
}

/// The law's six items (§ 3-119.5(c)), each with the `tool:` keys that carry it in `edition`:
/// any one of an item's keys with a value satisfies it.
#[must_use]
pub fn law_items(edition: Edition) -> Vec<(&'static str, Vec<&'static str>)> {
    let (data, vendor): (Vec<&str>, Vec<&str>) = match edition {
        Edition::E2023 => (
            vec!["data", "data_input", "data_training"],
            vec!["vendor", "vendor_name"],
        ),
        Edition::E2024 => (vec!["data_input", "data_training"], vec!["vendor_name"]),
    };
    vec![
        ("1 (name)", vec!["name"]),
        ("1 (brief description)", vec!["description"]),
        ("2 (purpose)", vec!["purpose"]),
        ("3 (data and its source)", data),
        ("4 (how its output is used)", vec!["data_output"]),
        ("5 (vendor or contractor)", vendor),
        ("6 (month and year first used)", vec!["date_use"]),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_editions_have_their_published_columns_in_order() {
        assert_eq!(
            Edition::E2023.columns().join(","),
            "year,agency,tool_name,tool_desc_brief,tool_desc_detail,data,vendor,date_use,\
             data_training,data_input,data_output,vendor_name,vendor_desc,identifying_info,\
             analysis_type,population_type,updated,updated_desc"
        );
        assert_eq!(Edition::E2023.columns().len(), 18);
        let e2024 = Edition::E2024.columns();
        for column in [
            "department",
            "tool_desc",
            "purpose_desc",
            "purpose_type",
            "computation_type",
            "population_type_individual",
            "population_type_other",
        ] {
            assert!(e2024.contains(&column), "{column}");
        }
        for gone in [
            "tool_desc_brief",
            "tool_desc_detail",
            "analysis_type",
            "data",
        ] {
            assert!(!e2024.contains(&gone), "{gone}");
        }
        // No two fields share a place or a column within an edition.
        for edition in Edition::ALL {
            let mut places: Vec<usize> = FIELDS
                .iter()
                .filter_map(|f| f.place(edition).map(|(n, _)| n))
                .collect();
            places.sort_unstable();
            places.dedup();
            assert_eq!(places.len(), edition.columns().len() - 1, "{edition}");
        }
    }

    #[test]
    fn coded_values() {
        let population = by_key("population_type").unwrap();
        assert!(population.allows(Edition::E2023, "Group, organization, or business"));
        assert!(population.allows(Edition::E2023, "Other: Vehicles"));
        assert!(!population.allows(Edition::E2024, "Other: Vehicles"));
        assert!(population.allows(Edition::E2024, "Biological sample"));
        let updated = by_key("updated").unwrap();
        assert!(updated.allows(Edition::E2024, "Created in CY2024"));
        assert!(!updated.allows(Edition::E2024, "Created in 2024"));
        assert!(by_key("name").unwrap().allows(Edition::E2024, "anything"));
    }
}
