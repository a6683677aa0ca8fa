//! The other laws a tool was answered under (`also:`), as the summary counts them and the site
//! shows them: one tool, several laws, side by side, and where their determinations differ.

use serde::{Deserialize, Serialize};

use super::Tool;
use crate::classification::{Assessment, Outcome};
use crate::engine::{Engine, Truth};

/// A built-in checklist other than the inventory's own: its id, title and determinations.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LawInfo {
    /// Its id.
    pub id: String,
    /// Its title (adscheck's, for these checklists: marked as such where shown).
    pub title: String,
    /// Its version.
    pub version: String,
    /// Its determinations: (id, label).
    pub determinations: Vec<(String, String)>,
}

/// One tool's determinations under another law.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Law {
    /// The checklist's id.
    pub checklist: String,
    /// Each determination's value, by id.
    pub determinations: Vec<(String, Truth)>,
    /// How far its questions are answered.
    pub assessment: Assessment,
}

/// The built-in checklists other than `engine`'s ([`Engine::other_builtins`]), described.
#[must_use]
pub fn infos(engine: &Engine) -> Vec<LawInfo> {
    engine
        .other_builtins()
        .into_iter()
        .map(|engine| {
            let c = engine.checklist();
            LawInfo {
                id: c.id.value.clone(),
                title: c.title.value.clone(),
                version: c.version.value.clone(),
                determinations: c
                    .determinations
                    .iter()
                    .map(|d| (d.id.value.clone(), d.label.value.clone()))
                    .collect(),
            }
        })
        .collect()
}

/// The laws a file's outcome answers besides its own.
#[must_use]
pub fn laws_of(outcome: &Outcome) -> Vec<Law> {
    outcome
        .also
        .iter()
        .filter_map(|also| {
            let engine = also.engine()?;
            Some(Law {
                checklist: also.checklist.clone(),
                determinations: engine
                    .checklist()
                    .determinations
                    .iter()
                    .map(|d| d.id.value.clone())
                    .zip(also.outcome.determinations.iter().copied())
                    .collect(),
                assessment: also.outcome.assessment(),
            })
        })
        .collect()
}

/// The key a law's determination is counted under: `nyc-ll35-2022.algorithmic_tool`.
#[must_use]
pub fn key(checklist: &str, determination: &str) -> String {
    format!("{checklist}.{determination}")
}

impl Tool {
    /// Its determinations under the checklist `id` (its own, or one under `also:`), when it
    /// was answered under it.
    #[must_use]
    pub fn law(&self, id: &str) -> Option<&Law> {
        self.laws.iter().find(|l| l.checklist == id)
    }

    /// Whether the laws it was answered under give different answers to "is it covered": its
    /// own checklist's last determination (Local Law 49's Agency ADS) against each other law's
    /// last one. A tool answered under one law only does not differ.
    #[must_use]
    pub fn laws_differ(&self) -> bool {
        let Some((_, own)) = self.determinations.last() else {
            return false;
        };
        self.laws.iter().any(|law| {
            law.assessment != Assessment::NotStarted
                && law.determinations.last().is_some_and(|(_, v)| v != own)
        })
    }
}
