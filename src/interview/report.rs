//! The Local Law 35 report's fields, asked after the checklist when the tool is in the reporting
//! scope of the governing settings (or always, when asked for): the law's items in the law's
//! order (§ 3-119.5(c)), then the edition's other columns in the table's order. Coded fields
//! are pick-lists of the edition's values, a month is checked as it is typed, and the vendor's
//! fields are asked only when a vendor or contractor was involved.
//!
//! What is asked, and how a reply becomes a value, is decided here, once, for both front ends;
//! they only show it. The values are checked by the same rules as `check` (`tool::fields`,
//! `tool::values`), so a file the interview completes passes `check`'s Local Law 35 rules.

use serde_json::Value;

use crate::settings::Ll35;
use crate::tool::fields::{self, Edition, Field, Shape};

/// What the interview asks of the report, and when.
#[derive(Clone, Debug)]
pub struct ReportFields {
    /// The edition, the reporting scope and what each tool must have.
    pub settings: Ll35,
    /// Ask them whatever the determinations (`--ll35`), not only for a tool in the scope.
    pub always: bool,
}

/// One step of the report's part of the interview.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Ask {
    /// A field under `tool:`.
    Field(&'static Field),
    /// Whether a vendor or contractor was involved (the law's item 5 asks "whether"): not a
    /// column of its own; "no" writes the table's word for none in `vendor_name`.
    VendorInvolved,
}

/// The key the vendor question is known by (in prompts and tests); nothing is written under it.
pub const VENDOR_INVOLVED: &str = "vendor_involved";

/// Keys asked before the checklist (the tool's name, agency and description), or that only the
/// 2022 rows filled (free-text `data` and `vendor`, split into other columns since 2023).
const NOT_ASKED_HERE: [&str; 5] = ["name", "agency", "description", "data", "vendor"];

/// The steps, in order, for `edition`: the law's items in the law's order, each item's columns
/// in the table's order (the vendor's after the question whether there was one), then the
/// edition's other columns in the table's order.
pub(super) fn plan(edition: Edition) -> Vec<Ask> {
    let order = |key: &str| {
        edition
            .columns()
            .iter()
            .position(|c| fields::by_key(key).and_then(|f| f.column(edition)) == Some(*c))
            .unwrap_or(usize::MAX)
    };
    let mut steps: Vec<Ask> = Vec::new();
    for (_, mut keys) in fields::law_items(edition) {
        keys.retain(|k| !NOT_ASKED_HERE.contains(k));
        if keys.is_empty() {
            continue;
        }
        if keys.iter().any(|k| k.starts_with("vendor")) {
            steps.push(Ask::VendorInvolved);
            keys.push("vendor_desc");
        }
        keys.sort_by_key(|k| order(k));
        steps.extend(keys.into_iter().filter_map(fields::by_key).map(Ask::Field));
    }
    let mut rest: Vec<&'static Field> = fields::FIELDS
        .iter()
        .filter(|f| f.column(edition).is_some() && !NOT_ASKED_HERE.contains(&f.key))
        .filter(|f| !steps.contains(&Ask::Field(f)))
        .collect();
    rest.sort_by_key(|f| order(f.key));
    steps.extend(rest.into_iter().map(Ask::Field));
    steps
}

/// The word the edition's table writes in `vendor_name` when no vendor was involved.
#[must_use]
pub fn no_vendor(edition: Edition) -> &'static str {
    match edition {
        Edition::E2023 => "N/A",
        Edition::E2024 => "None",
    }
}

/// Whether a vendor or contractor was involved, as `tool` records it (`None`: not said yet).
pub(super) fn vendor_involved(tool: &serde_json::Map<String, Value>) -> Option<bool> {
    let name = tool.get("vendor_name").and_then(Value::as_str)?.trim();
    if name.is_empty() {
        return None;
    }
    Some(!["none", "n/a", "na"].contains(&name.to_ascii_lowercase().as_str()))
}

/// Whether `step` applies to a tool with these values (the vendor's fields after a "yes"; the
/// individuals or the text of `Other` once the population says so; what changed after an
/// update); `involved` is the answer to the vendor question.
pub(super) fn applies(
    step: Ask,
    tool: &serde_json::Map<String, Value>,
    involved: Option<bool>,
) -> bool {
    let population = || {
        tool.get("population_type")
            .map(|v| crate::tool::items(v, false))
            .unwrap_or_default()
    };
    match step {
        Ask::VendorInvolved => true,
        Ask::Field(f) => match f.key {
            "vendor_name" | "vendor_desc" => involved == Some(true),
            "population_type_individual" => population().iter().any(|p| p == "Individuals"),
            "population_type_other" => population().iter().any(|p| p == "Other"),
            "updated_desc" => tool.get("updated").and_then(Value::as_str) == Some("Yes"),
            _ => true,
        },
    }
}

/// One field as the prompters show it, with what a reply may be.
#[derive(Clone, Debug)]
pub struct ReportAsking {
    /// The key under `tool:` (or [`VENDOR_INVOLVED`]).
    pub key: &'static str,
    /// The field as people read it ("Tool Purpose").
    pub label: String,
    /// Its column in the edition's table, if it is one.
    pub column: Option<&'static str>,
    /// The law's item it carries ("2 (purpose)"), if it carries one.
    pub item: Option<&'static str>,
    /// adscheck's description of what it holds (editorial wording, shown as such).
    pub about: &'static str,
    /// How it is answered.
    pub shape: Shape,
    /// The values to choose from, numbered from 1 as shown (a yes/no field: Yes, No).
    pub choices: Vec<String>,
    /// Whether `Other: <text>` may be given besides the choices.
    pub other_text: bool,
    /// Whether an empty reply is refused (a required item no other column fills yet).
    pub required: bool,
    /// The edition asked.
    pub edition: Edition,
    /// Its place: (number among the steps asked so far and this one, of how many there can
    /// be at most: some apply only after an earlier answer).
    pub place: (usize, usize),
    /// This month, `(year, month)`: a first use cannot be after it.
    pub today: (u16, u8),
}

impl ReportAsking {
    pub(super) fn new(
        step: Ask,
        edition: Edition,
        required: bool,
        place: (usize, usize),
        today: (u16, u8),
    ) -> ReportAsking {
        let item = |key: &str| {
            fields::law_items(edition)
                .into_iter()
                .find(|(_, keys)| keys.contains(&key))
                .map(|(item, _)| item)
        };
        match step {
            Ask::VendorInvolved => ReportAsking {
                key: VENDOR_INVOLVED,
                label: "Vendor or contractor involved".to_owned(),
                column: None,
                item: item("vendor_name"),
                about: "whether a vendor or contractor was involved; \"No\" writes the table's \
                        word for none in the vendor's name",
                shape: Shape::Bool,
                choices: vec!["Yes".to_owned(), "No".to_owned()],
                other_text: false,
                required: true,
                edition,
                place,
                today,
            },
            Ask::Field(f) => {
                let mut choices: Vec<String> = match f.shape {
                    Shape::Bool => vec!["Yes".to_owned(), "No".to_owned()],
                    _ => f.values(edition).iter().map(|v| (*v).to_owned()).collect(),
                };
                if f.key == "updated" && edition == Edition::E2024 {
                    choices.push(format!("Created in CY{}", today.0));
                }
                ReportAsking {
                    key: f.key,
                    label: fields::label(f.key),
                    column: f.column(edition),
                    item: item(f.key)
                        .or_else(|| (f.key == "vendor_desc").then_some("5 (vendor or contractor)")),
                    about: f.about,
                    shape: f.shape,
                    choices,
                    other_text: f.other_text(edition),
                    required,
                    edition,
                    place,
                    today,
                }
            }
        }
    }

    /// The field as both prompters name it: "Local Law 35 report, 2024 edition, 3 of up to 17: Tool
    /// Purpose (column purpose_desc; the law's item 2, purpose)".
    #[must_use]
    pub fn heading(&self) -> String {
        let mut about = Vec::new();
        if let Some(column) = self.column {
            about.push(format!("column {column}"));
        }
        if let Some(item) = self.item {
            about.push(format!(
                "the law's item {}",
                item.replacen(" (", ", ", 1).trim_end_matches(')')
            ));
        }
        let about = if about.is_empty() {
            String::new()
        } else {
            format!(" ({})", about.join("; "))
        };
        format!(
            "Local Law 35 report, {} edition, {} of up to {}: {}{about}",
            self.edition, self.place.0, self.place.1, self.label
        )
    }

    /// What the field holds, in adscheck's words and marked as such.
    #[must_use]
    pub fn description(&self) -> String {
        // Read aloud as well as shown: no code marks.
        format!("adscheck's description: {}.", self.about.replace('`', ""))
    }

    /// A typed reply to a text or month field as its value (`Null`: none), or what is wrong.
    ///
    /// # Errors
    /// An empty reply to a required field; a month that is not `YYYY/MM` or lies ahead.
    pub fn typed(&self, text: &str) -> Result<Value, String> {
        let text = text.trim();
        if text.is_empty() {
            return if self.required {
                Err("the Local Law 35 report needs this; type it in".to_owned())
            } else {
                Ok(Value::Null)
            };
        }
        let value = Value::String(text.to_owned());
        if self.shape == Shape::Month
            && let Some(problem) = crate::tool::values::month_problem(&value, self.today)
        {
            return Err(format!("the month first used {problem}"));
        }
        Ok(value)
    }

    /// The value of a choice from the list: `picked` are 0-based indexes into
    /// [`ReportAsking::choices`], `other` the text of `Other: ` where allowed. A yes/no field
    /// gives `true`/`false`; a single coded field its one value; a list its values in order.
    ///
    /// # Errors
    /// A number not on the list, more than one where one is asked, none where one is needed.
    pub fn picked(&self, picked: &[usize], other: Option<&str>) -> Result<Value, String> {
        let mut values: Vec<String> = Vec::new();
        for &i in picked {
            let choice = self.choices.get(i).ok_or_else(|| {
                format!(
                    "{} is not one of the numbers 1 to {}",
                    i + 1,
                    self.choices.len()
                )
            })?;
            if !values.contains(choice) {
                values.push(choice.clone());
            }
        }
        if let Some(other) = other.map(str::trim).filter(|o| !o.is_empty()) {
            if !self.other_text {
                return Err(format!("{} takes no text of its own", self.label));
            }
            values.push(format!("Other: {other}"));
        }
        match (self.shape, values.len()) {
            (_, 0) if self.required => Err(format!(
                "the Local Law 35 report needs this: choose one of 1 to {}",
                self.choices.len()
            )),
            (_, 0) => Ok(Value::Null),
            (Shape::List, _) => Ok(Value::from(values)),
            (_, 1) => Ok(match self.shape {
                Shape::Bool => Value::Bool(values.first().is_some_and(|v| v == "Yes")),
                _ => Value::String(values.concat()),
            }),
            _ => Err("choose one only".to_owned()),
        }
    }

    /// Which choices `current` holds (0-based), and its `Other: ` text, to offer it again.
    #[must_use]
    pub fn chosen(&self, current: Option<&Value>) -> (Vec<usize>, Option<String>) {
        let Some(value) = current else {
            return (Vec::new(), None);
        };
        let items = match value {
            Value::Bool(true) => vec!["Yes".to_owned()],
            Value::Bool(false) => vec!["No".to_owned()],
            other => crate::tool::items(other, self.other_text),
        };
        let mut picked = Vec::new();
        let mut other = None;
        for item in items {
            if let Some(i) = self.choices.iter().position(|c| *c == item) {
                picked.push(i);
            } else if let Some(text) = item.strip_prefix("Other: ") {
                other = Some(text.to_owned());
            }
        }
        (picked, other)
    }

    /// A value as people read it, whole: a yes/no field as Yes or No, a list as the table
    /// joins it.
    #[must_use]
    pub fn shown(current: &Value) -> String {
        match current {
            Value::Bool(true) => "Yes".to_owned(),
            Value::Bool(false) => "No".to_owned(),
            other => crate::tool::join(Some(other)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(edition: Edition) -> Vec<&'static str> {
        plan(edition)
            .into_iter()
            .map(|s| match s {
                Ask::Field(f) => f.key,
                Ask::VendorInvolved => VENDOR_INVOLVED,
            })
            .collect()
    }

    #[test]
    fn the_law_s_items_come_first_in_the_law_s_order_then_the_table_s_columns() {
        assert_eq!(
            keys(Edition::E2024).join(" "),
            "purpose data_training data_input data_output vendor_involved vendor_name \
             vendor_desc date_use department identifying_info computation_type purpose_type \
             population_type population_type_individual population_type_other updated \
             updated_desc"
        );
        assert_eq!(
            keys(Edition::E2023).join(" "),
            "purpose data_training data_input data_output vendor_involved vendor_name \
             vendor_desc date_use identifying_info analysis_type population_type updated \
             updated_desc"
        );
    }

    #[test]
    fn replies_become_values_the_check_accepts() {
        let step = |key: &str| Ask::Field(fields::by_key(key).unwrap());
        let at = |key: &str, required: bool| {
            ReportAsking::new(step(key), Edition::E2024, required, (1, 1), (2026, 12))
        };
        let month = at("date_use", true);
        assert_eq!(month.typed("2019/04"), Ok(Value::from("2019/04")));
        assert!(month.typed("2019-04").unwrap_err().contains("YYYY/MM"));
        assert!(month.typed("2027/01").unwrap_err().contains("future"));
        assert!(month.typed(" ").is_err());
        assert_eq!(at("department", false).typed(""), Ok(Value::Null));
        let computation = at("computation_type", false);
        assert_eq!(
            computation.picked(&[3, 0, 3], None),
            Ok(Value::from(vec!["Scoring", "Data generation"]))
        );
        assert!(computation.picked(&[8], None).is_err());
        assert!(computation.picked(&[0], Some("x")).is_err());
        let updated = at("updated", true);
        assert_eq!(updated.choices.last().unwrap(), "Created in CY2026");
        assert!(updated.picked(&[0, 1], None).is_err());
        assert_eq!(updated.picked(&[1], None), Ok(Value::from("No")));
        let identifying = at("identifying_info", false);
        assert_eq!(identifying.picked(&[0], None), Ok(Value::Bool(true)));
        assert_eq!(identifying.chosen(Some(&Value::Bool(false))).0, [1]);
        let analysis = ReportAsking::new(
            step("analysis_type"),
            Edition::E2023,
            false,
            (1, 1),
            (2026, 12),
        );
        let value = analysis.picked(&[0], Some("Rules; and more")).unwrap();
        assert_eq!(
            value,
            Value::from(vec!["Predictive modeling", "Other: Rules; and more"])
        );
        assert_eq!(
            analysis.chosen(Some(&value)),
            (vec![0], Some("Rules; and more".to_owned()))
        );
        for (key, value) in [("date_use", "2019/04"), ("computation_type", "Scoring")] {
            let field = fields::by_key(key).unwrap();
            assert!(field.allows(Edition::E2024, value));
        }
    }

    #[test]
    fn the_vendor_s_fields_follow_the_answer_whether_there_was_one() {
        let mut tool = serde_json::Map::new();
        let name = Ask::Field(fields::by_key("vendor_name").unwrap());
        assert_eq!(vendor_involved(&tool), None);
        assert!(!applies(name, &tool, None));
        assert!(applies(name, &tool, Some(true)));
        tool.insert("vendor_name".into(), Value::from(no_vendor(Edition::E2024)));
        assert_eq!(vendor_involved(&tool), Some(false));
        tool.insert("vendor_name".into(), Value::from("Acme"));
        assert_eq!(vendor_involved(&tool), Some(true));
        let individuals = Ask::Field(fields::by_key("population_type_individual").unwrap());
        assert!(!applies(individuals, &tool, None));
        tool.insert("population_type".into(), Value::from(vec!["Individuals"]));
        assert!(applies(individuals, &tool, None));
    }
}
