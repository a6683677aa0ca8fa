//! What a run checks: the files its settings select (counting what each pattern matched and
//! how many files were left out), and the settings files planted inside the checked tree.

use std::path::Path;

use super::settings::{Patterns, Settings};
use super::{FileResult, Finding, NESTED_SETTINGS, Severity, UNUSED_PATTERN};

/// Applies a run's include and exclude patterns, file by file, and remembers what they did.
#[derive(Debug)]
pub struct Scope<'s> {
    settings: &'s Settings,
    include_hits: Vec<usize>,
    exclude_hits: Vec<usize>,
    /// Files left out by the patterns.
    pub excluded: usize,
}

impl<'s> Scope<'s> {
    /// A scope for `settings`.
    #[must_use]
    pub fn new(settings: &'s Settings) -> Self {
        let count = |p: &Option<Patterns>| p.as_ref().map_or(0, |p| p.patterns.len());
        Scope {
            settings,
            include_hits: vec![0; count(&settings.include)],
            exclude_hits: vec![0; count(&settings.exclude)],
            excluded: 0,
        }
    }

    /// Whether `path` is checked.
    pub fn selects(&mut self, path: &Path) -> bool {
        let selection = self.settings.select(path);
        for i in selection.included_by {
            if let Some(n) = self.include_hits.get_mut(i) {
                *n += 1;
            }
        }
        for i in selection.excluded_by {
            if let Some(n) = self.exclude_hits.get_mut(i) {
                *n += 1;
            }
        }
        if !selection.selected {
            self.excluded += 1;
        }
        selection.selected
    }

    /// Warnings, on the settings file, for each pattern that matched no file of the run.
    #[must_use]
    pub fn unused_patterns(&self) -> Option<FileResult> {
        let file = self.settings.file.as_ref()?.display().to_string();
        let mut findings = Vec::new();
        for (which, patterns, hits) in [
            ("include", &self.settings.include, &self.include_hits),
            ("exclude", &self.settings.exclude, &self.exclude_hits),
        ] {
            let Some(patterns) = patterns else { continue };
            for (pattern, hits) in patterns.patterns.iter().zip(hits) {
                if *hits == 0 {
                    findings.push(Finding {
                        rule: UNUSED_PATTERN,
                        severity: Severity::Warning,
                        file: file.clone(),
                        position: pattern.position,
                        message: format!(
                            "{which} pattern `{}` matched no file of this run (patterns are \
                             matched against paths relative to {})",
                            pattern.as_str(),
                            self.settings.root.display()
                        ),
                    });
                }
            }
        }
        (!findings.is_empty()).then(|| FileResult::about(file, findings))
    }
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
