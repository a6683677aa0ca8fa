//! The site's "About this directory" page as data: what each law defines, in its own words
//! with its citation, and which checklist (id, version, SHA-256) each determination was made
//! under, so that anyone can reproduce one.

use serde::Serialize;

use crate::checklist::{Checklist, without_footnotes};
use crate::engine::Engine;

/// One checklist a determination in this directory may be made under.
#[derive(Clone, Debug, Serialize)]
pub struct Law {
    /// Its id.
    pub id: String,
    /// Its version.
    pub version: String,
    /// The SHA-256 of its text, as stamps record it.
    pub sha256: String,
    /// Its title.
    pub title: String,
    /// Whether its questions are adscheck's (a law with no form).
    pub adschecks: bool,
    /// Its determinations: (label, term, definition, citation), the law's words.
    pub definitions: Vec<(String, String, String, String)>,
}

/// The inventory's checklist, then the other built-in ones.
#[must_use]
pub fn laws(checklist: &Checklist) -> Vec<Law> {
    let others = crate::checklist::BUILTINS
        .iter()
        .filter(|b| b.id != checklist.id.as_str())
        .filter_map(|b| Engine::builtin(b.id))
        .map(Engine::checklist);
    std::iter::once(checklist)
        .chain(others)
        .map(|c| Law {
            id: c.id.value.clone(),
            version: c.version.value.clone(),
            sha256: c.sha256.clone(),
            title: c.title.value.clone(),
            adschecks: c.has_adschecks_questions(),
            definitions: c
                .determinations
                .iter()
                .map(|d| {
                    (
                        d.label.value.clone(),
                        without_footnotes(&d.term),
                        without_footnotes(&d.definition),
                        without_footnotes(&d.citation),
                    )
                })
                .collect(),
        })
        .collect()
}
