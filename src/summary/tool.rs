//! One tool of an inventory as the summary holds it: what the policy office and the site
//! read of it, what its public page is made from, and which tools are withheld.

use std::collections::BTreeMap;

use serde::Serialize;

use super::laws;
use super::needs::Need;
use crate::classification::Classification;
use crate::engine::Truth;

/// One tool of the inventory.
#[derive(Clone, Debug, Serialize)]
pub struct Tool {
    /// Its stable id: `tool.id`, or one derived from agency and name.
    pub id: String,
    /// The answer file.
    pub file: String,
    /// The agency, as written.
    pub agency: String,
    /// The agency's page name (its abbreviation when known).
    pub agency_key: String,
    /// The agency as headings show it: "Department of Sanitation (DSNY)".
    #[serde(default)]
    pub agency_name: String,
    /// The tool's name.
    pub name: String,
    /// Its brief description.
    pub description: String,
    /// Each determination's value, by id, in checklist order.
    pub determinations: Vec<(String, Truth)>,
    /// Each answer given, by question id.
    pub answers: BTreeMap<String, String>,
    /// How far its checklist is answered: "not started", "in progress", "complete".
    pub assessment: crate::classification::Assessment,
    /// Each reported year as recorded, with what changed from the year before.
    pub timeline: Vec<crate::tool::timeline::Year>,
    /// What the tool needs before its record is complete (empty: nothing), for the list of
    /// work.
    pub needs: Vec<Need>,
    /// Its determinations under the other laws it was answered under (`also:`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub laws: Vec<laws::Law>,
    /// The month it was retired (`YYYY/MM`), when it was: it stays listed, saying so.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub retired: Option<String>,
    /// Whether the tool is in the Local Law 35 reporting scope (a setting, `ll35.report`).
    /// Read also as `ll35_due`, its name in earlier reports.
    #[serde(default, alias = "ll35_due")]
    pub ll35_in_scope: bool,
    /// Whether it is in that scope, and every LL35 field the settings require has a value.
    pub ll35_complete: bool,
    /// The rules `check` fails the file on (errors), each once.
    pub failing: Vec<String>,
    /// Whether it was last answered under another version of the checklist.
    pub stale: bool,
    /// The date (YYYY-MM-DD) of the latest entry of its history.
    pub reviewed: Option<String>,
    /// What its public page is made from; not part of the JSON.
    #[serde(skip)]
    pub record: Record,
}

/// The withheld tools of an inventory, by id (without case) and by who they are.
#[derive(Clone, Debug, Default)]
pub struct Withheld {
    /// Their ids, lower case.
    pub ids: std::collections::HashSet<String>,
    /// Their agency and name.
    pub keys: std::collections::HashSet<crate::tool::ToolKey>,
}

/// What a tool's public page is made from: its answers and history as read, and its
/// classification (which holds its `tool:` fields: they are not kept twice).
#[derive(Clone, Debug)]
pub struct Record {
    /// Each question's answer, with its note and ticked options.
    pub answers: Vec<Option<crate::answers::Answer>>,
    /// The file's history.
    pub stamps: Vec<crate::answers::Stamp>,
    /// Its determinations and the reasons for them.
    pub report: Classification,
}

impl Tool {
    /// The value of determination `id`.
    #[must_use]
    pub fn determination(&self, id: &str) -> Truth {
        self.determinations
            .iter()
            .find(|(d, _)| d == id)
            .map_or(Truth::Unknown, |(_, v)| *v)
    }
}
