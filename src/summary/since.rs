//! Progress between two inventories: what changed since a previous `report --format json`.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::{AgencySummary, Summary};
use crate::error::{Diagnostic, Kind};

/// What a previous report's JSON must hold (everything else in it is ignored).
#[derive(Debug, Deserialize)]
struct Previous {
    format_version: u32,
    /// When it was made (reports before this field: unknown).
    #[serde(default)]
    made: Option<String>,
    checklist: super::ChecklistInfo,
    totals: super::Counts,
    agencies: Vec<AgencySummary>,
    tools: Vec<PreviousTool>,
}

#[derive(Debug, Deserialize)]
struct PreviousTool {
    id: String,
    agency: String,
    name: String,
    determinations: Vec<(String, String)>,
    #[serde(default)]
    answers: BTreeMap<String, String>,
}

/// What changed between a previous inventory and this one.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Changes {
    /// Tools in this inventory only: (id, agency, name).
    pub added: Vec<(String, String, String)>,
    /// Tools in the previous inventory only: (id, agency, name).
    pub removed: Vec<(String, String, String)>,
    /// Tools of the previous inventory withheld since: counted, never named.
    pub withheld_since: usize,
    /// Tools whose determinations changed.
    pub changed: Vec<Changed>,
    /// Agencies whose LL35 completeness (complete tools out of those due) rose or fell.
    pub completeness: Vec<Completeness>,
    /// What to bear in mind when comparing (another checklist version, say).
    pub notes: Vec<String>,
    /// What this is compared with: the previous report's file (or revision) and the day it
    /// was made, when it says.
    pub compared_with: String,
    /// The totals before and after: tools, each determination's tally, failing files, LL35
    /// completeness.
    pub totals: (super::Counts, super::Counts),
}

/// A tool whose determinations changed, and the answers that changed with them.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Changed {
    /// Its id.
    pub id: String,
    /// Its agency.
    pub agency: String,
    /// Its name.
    pub name: String,
    /// (determination id, before, after).
    pub determinations: Vec<(String, String, String)>,
    /// (question id, before, after): `not answered` for none.
    pub answers: Vec<(String, String, String)>,
}

/// An agency's LL35 completeness, before and after.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Completeness {
    /// The agency.
    pub agency: String,
    /// Complete tools and tools, before.
    pub before: (usize, usize),
    /// Complete tools and tools, now.
    pub after: (usize, usize),
}

impl Completeness {
    /// Whether the share of complete tools rose.
    #[must_use]
    pub fn rose(&self) -> bool {
        share(self.after) > share(self.before)
    }
}

fn share((complete, tools): (usize, usize)) -> f64 {
    if tools == 0 {
        return 0.0;
    }
    #[allow(clippy::cast_precision_loss)] // counts of tools
    let share = complete as f64 / tools as f64;
    share
}

/// Compare `inventory` with the previous report's JSON `text` (of `file`).
///
/// # Errors
/// A diagnostic when `text` is not a `report --format json` of a version this one reads.
pub fn compare(inventory: &Summary, file: &str, text: &str) -> Result<Changes, Diagnostic> {
    let previous: Previous = serde_json::from_str(text).map_err(|e| {
        Diagnostic::new(
            Kind::Syntax,
            file,
            crate::error::Position::new(
                u32::try_from(e.line()).unwrap_or(u32::MAX),
                u32::try_from(e.column()).unwrap_or(u32::MAX),
            )
            .into(),
            format!("not a previous `adscheck report --format json`: {e}"),
        )
    })?;
    if previous.format_version != super::FORMAT_VERSION {
        return Err(Diagnostic::new(
            Kind::WrongType,
            file,
            None,
            format!(
                "written in report format version {}; this adscheck reads version {}",
                previous.format_version,
                super::FORMAT_VERSION
            ),
        ));
    }
    // The previous report's values are read as data: each must be one a report writes.
    for tool in &previous.tools {
        let bad = tool
            .determinations
            .iter()
            .map(|(_, v)| v.as_str())
            .find(|v| !["yes", "no", "undetermined"].contains(v))
            .or_else(|| {
                tool.answers
                    .values()
                    .map(String::as_str)
                    .find(|v| !["yes", "no", "unsure"].contains(v))
            });
        if let Some(bad) = bad {
            return Err(Diagnostic::new(
                Kind::WrongType,
                file,
                None,
                format!(
                    "not a previous `adscheck report --format json`: tool `{}` has the value `{}`, \
                     which no report writes",
                    crate::text::excerpt(&tool.id),
                    crate::text::excerpt(bad)
                ),
            ));
        }
    }
    let mut changes = Changes {
        totals: (previous.totals.clone(), inventory.totals.clone()),
        compared_with: match &previous.made {
            Some(day) => format!("{file}, made {}", crate::text::excerpt(day)),
            None => file.to_owned(),
        },
        ..Changes::default()
    };
    if previous.checklist != inventory.checklist {
        changes.notes.push(format!(
            "the previous report was made under checklist {} version {}, this one under {} \
             version {}: some changes may come from the checklist, not the answers",
            crate::text::excerpt(&previous.checklist.id),
            crate::text::excerpt(&previous.checklist.version),
            inventory.checklist.id,
            inventory.checklist.version
        ));
    }
    let before: BTreeMap<&str, &PreviousTool> =
        previous.tools.iter().map(|t| (t.id.as_str(), t)).collect();
    let now: BTreeMap<&str, &super::Tool> =
        inventory.tools.iter().map(|t| (t.id.as_str(), t)).collect();
    for (id, tool) in &now {
        let Some(old) = before.get(id) else {
            changes
                .added
                .push(((*id).to_owned(), tool.agency.clone(), tool.name.clone()));
            continue;
        };
        let determinations: Vec<(String, String, String)> = tool
            .determinations
            .iter()
            .filter_map(|(d, v)| {
                let was = old
                    .determinations
                    .iter()
                    .find(|(od, _)| od == d)
                    .map_or("undetermined", |(_, v)| v.as_str());
                (was != v.as_str()).then(|| (d.clone(), was.to_owned(), v.as_str().to_owned()))
            })
            .collect();
        if determinations.is_empty() {
            continue;
        }
        let mut questions: Vec<&String> = tool.answers.keys().chain(old.answers.keys()).collect();
        questions.sort();
        questions.dedup();
        let answers = questions
            .into_iter()
            .filter_map(|q| {
                let was = old.answers.get(q).map_or("not answered", String::as_str);
                let is = tool.answers.get(q).map_or("not answered", String::as_str);
                (was != is).then(|| (q.clone(), was.to_owned(), is.to_owned()))
            })
            .collect();
        changes.changed.push(Changed {
            id: (*id).to_owned(),
            agency: tool.agency.clone(),
            name: tool.name.clone(),
            determinations,
            answers,
        });
    }
    for (id, old) in &before {
        if now.contains_key(id) {
            continue;
        }
        // A tool withheld since is never named: it is counted, as withheld tools are.
        let key = crate::tool::ToolKey::of(&old.agency, &old.name);
        let withheld = inventory.withheld.ids.contains(&id.to_ascii_lowercase())
            || key.is_some_and(|k| inventory.withheld.keys.contains(&k));
        if withheld {
            changes.withheld_since += 1;
        } else {
            changes
                .removed
                .push(((*id).to_owned(), old.agency.clone(), old.name.clone()));
        }
    }
    let previous_agencies: BTreeMap<&str, &AgencySummary> = previous
        .agencies
        .iter()
        .map(|a| (a.key.as_str(), a))
        .collect();
    for agency in &inventory.agencies {
        let after = (agency.counts.ll35_complete, agency.counts.ll35_in_scope);
        let before = previous_agencies
            .get(agency.key.as_str())
            .map_or((0, 0), |a| (a.counts.ll35_complete, a.counts.ll35_in_scope));
        if share(before) != share(after) {
            changes.completeness.push(Completeness {
                agency: agency.agency.clone(),
                before,
                after,
            });
        }
    }
    Ok(changes)
}
