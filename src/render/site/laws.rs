//! The site's "Where the laws differ" page: every public tool answered under more than one law
//! whose determinations differ, each law's determination side by side with the answers that
//! decided it (or are still needed), so that a reader sees which words of which law make the
//! difference.

use serde::Serialize;

use super::urls;
use crate::checklist::Checklist;
use crate::summary::{Summary, Tool};

/// One law's determination of a tool, as the page shows it.
#[derive(Clone, Debug, Serialize)]
pub struct Determination {
    /// The law's checklist id.
    pub checklist: String,
    /// The determination's label ("Agency ADS", "Algorithmic tool").
    pub label: String,
    /// yes, no, undetermined or "not yet assessed".
    pub value: String,
    /// The answers that decided it, or those still needed, in the checklist's words (marked
    /// when adscheck's): "(e) Exclusion: ... (adscheck's question): yes".
    pub because: Vec<String>,
}

/// A tool whose laws differ.
#[derive(Clone, Debug, Serialize)]
pub struct Row {
    /// Its name.
    pub name: String,
    /// Its agency, as headings show it.
    pub agency: String,
    /// Its page, relative to the site's root.
    pub url: String,
    /// Its own checklist's last determination, then each other law's.
    pub determinations: Vec<Determination>,
}

/// Every tool whose laws differ ([`Tool::laws_differ`]), in the summary's order.
#[must_use]
pub fn rows(checklist: &Checklist, inventory: &Summary) -> Vec<Row> {
    inventory
        .tools
        .iter()
        .filter(|t| t.laws_differ())
        .map(|tool| Row {
            name: tool.name.clone(),
            agency: tool.agency_name.clone(),
            url: urls::tool(&tool.id),
            determinations: determinations(checklist, tool),
        })
        .collect()
}

fn determinations(checklist: &Checklist, tool: &Tool) -> Vec<Determination> {
    let Ok(outcome) = &tool.record.report.outcome else {
        return Vec::new();
    };
    let own = (checklist, outcome, tool.assessment);
    let others = outcome
        .also
        .iter()
        .filter_map(|a| Some((a.engine()?.checklist(), &a.outcome, a.outcome.assessment())));
    std::iter::once(own)
        .chain(others)
        .filter_map(|(checklist, outcome, assessment)| {
            let d = checklist.determinations.len().checked_sub(1)?;
            let value = if assessment == crate::classification::Assessment::NotStarted {
                "not yet assessed".to_owned()
            } else {
                outcome.determinations.get(d)?.as_str().to_owned()
            };
            let because = outcome
                .reasons
                .iter()
                .filter(|r| r.determination == d)
                .map(|r| match (r.rests_on(), r.question()) {
                    (Some(e), _) => format!(
                        "{}: {}",
                        checklist.label(e),
                        outcome
                            .determinations
                            .get(e)
                            .map_or("undetermined", |t| t.as_str())
                    ),
                    (None, Some(q)) => format!(
                        "{} {}: {}",
                        checklist.number(q),
                        checklist
                            .questions
                            .get(q)
                            .map_or_else(String::new, crate::checklist::Question::plain_text),
                        r.value().map_or("not answered", |a| a.as_str())
                    ),
                    (None, None) => String::new(),
                })
                .filter(|s| !s.is_empty())
                .collect();
            Some(Determination {
                checklist: checklist.id.value.clone(),
                label: checklist.label(d).to_owned(),
                value,
                because,
            })
        })
        .collect()
}
