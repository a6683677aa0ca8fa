//! Which files of a run an inventory's settings select, counting what each pattern matched
//! and how many files were left out.

use std::path::Path;

use crate::document::Located;
use crate::settings::{Patterns, Settings};

/// Applies a run's include and exclude patterns, file by file, and remembers what they did.
#[derive(Debug)]
pub struct Selector<'s> {
    settings: &'s Settings,
    include_hits: Vec<usize>,
    exclude_hits: Vec<usize>,
    /// Files left out by the patterns.
    pub excluded: usize,
}

impl<'s> Selector<'s> {
    /// A scope for `settings`.
    #[must_use]
    pub fn new(settings: &'s Settings) -> Self {
        let count = |p: &Option<Patterns>| p.as_ref().map_or(0, |p| p.patterns.len());
        Selector {
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

    /// The patterns that matched no file of the run: (`include` or `exclude`, the pattern).
    #[must_use]
    pub fn unused(&self) -> Vec<(&'static str, &'s Located<String>)> {
        let mut unused = Vec::new();
        for (which, patterns, hits) in [
            ("include", &self.settings.include, &self.include_hits),
            ("exclude", &self.settings.exclude, &self.exclude_hits),
        ] {
            let Some(patterns) = patterns else { continue };
            for (pattern, hits) in patterns.patterns.iter().zip(hits) {
                if *hits == 0 {
                    unused.push((which, pattern));
                }
            }
        }
        unused
    }

    /// The settings the patterns come from.
    #[must_use]
    pub fn settings(&self) -> &'s Settings {
        self.settings
    }
}
