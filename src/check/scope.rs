//! `check`'s findings about what a run covers: patterns of the settings that matched no file,
//! and settings files planted inside the checked tree.

use std::path::Path;

use super::{FileResult, Finding, NESTED_SETTINGS, Severity, UNUSED_PATTERN};
use crate::inventory::Selector;

/// Warnings, on the settings file, for each pattern that matched no file of the run.
#[must_use]
pub fn unused_patterns(selector: &Selector<'_>) -> Option<FileResult> {
    let settings = selector.settings();
    let file = settings.file.as_ref()?.display().to_string();
    let findings: Vec<Finding> = selector
        .unused()
        .into_iter()
        .map(|(which, pattern)| Finding {
            rule: UNUSED_PATTERN,
            severity: Severity::Warning,
            file: file.clone(),
            position: pattern.position,
            message: format!(
                "{which} pattern `{}` matched no file of this run (patterns are matched against \
                 paths relative to {})",
                pattern.as_str(),
                settings.root.display()
            ),
        })
        .collect();
    (!findings.is_empty()).then(|| FileResult::about(file, findings))
}

/// An error for a settings file found inside the checked tree that does not govern the run.
#[must_use]
pub fn nested_settings(path: &Path, governing: Option<&Path>) -> FileResult {
    let file = path.display().to_string();
    let which = governing.map_or_else(
        || "no settings file governs it (the defaults apply)".to_owned(),
        |g| format!("{} governs it", g.display()),
    );
    let finding = Finding {
        rule: NESTED_SETTINGS,
        severity: Severity::Error,
        file: file.clone(),
        position: None,
        message: format!(
            "a settings file inside the checked tree: one settings file governs a whole run, \
             and here {which}; this one is ignored: move what it says into the governing \
             settings file, or remove it"
        ),
    };
    FileResult::about(file, vec![finding])
}
