//! A check of a whole inventory: every selected file checked in path order (classified in
//! parallel), duplicates found across files, and the findings about the run itself.

use super::{Duplicates, FileResult, Totals, check_file, nested_settings, unused_patterns};
use crate::classification::Classification;
use crate::inventory::Inventory;

/// A check of an inventory under way: each file checked against the inventory's settings,
/// the duplicates across files found, the totals kept. `check` and the summary both check
/// through it, so they fail the same files for the same reasons.
#[derive(Debug)]
pub struct Checker<'a> {
    inventory: &'a Inventory,
    duplicates: Duplicates,
    /// The totals so far.
    pub totals: Totals,
}

impl<'a> Checker<'a> {
    /// A check of `inventory`.
    #[must_use]
    pub fn new(inventory: &'a Inventory) -> Self {
        Checker {
            inventory,
            duplicates: Duplicates::default(),
            totals: Totals::default(),
        }
    }

    /// Check one classified file, in path order: its own findings, and whether an earlier
    /// file described the same tool.
    pub fn check(&mut self, report: &Classification) -> FileResult {
        let inventory = self.inventory;
        let mut result = check_file(
            &inventory.engine,
            &inventory.settings,
            report,
            &inventory.now,
        );
        let tool_position = report.outcome.as_ref().ok().and_then(|o| o.tool_position);
        self.duplicates.observe(&mut result, tool_position);
        self.totals.add(&result);
        result
    }

    /// Add a result about the run rather than one file (a planted settings file, a pattern
    /// that matched nothing).
    pub fn add_about_settings(&mut self, result: &FileResult) {
        self.totals.add_about_settings(result);
    }
}

/// What a check of an inventory found.
#[derive(Debug, Default)]
pub struct Run {
    /// Each file's result, in path order, then the findings about the run.
    pub results: Vec<FileResult>,
    /// The counts.
    pub totals: Totals,
    /// Whether every path given was a folder; files named one by one (a pre-commit hook's,
    /// of the files a commit touches) see a few of an inventory's files, not all.
    pub over_folders: bool,
}

/// Check every answer file under `paths` that `inventory`'s settings select, in path order
/// (classified in parallel), with settings files planted in the tree and patterns that matched
/// nothing reported too; `tick` is called once a file.
#[must_use]
pub fn run(
    inventory: &Inventory,
    paths: &[std::path::PathBuf],
    max_bytes: u64,
    mut tick: impl FnMut(),
) -> Run {
    use crate::batch::{self, Found, Source};
    let mut selector = crate::inventory::Selector::new(&inventory.settings);
    let mut nested = Vec::new();
    let selected = batch::found(paths).filter_map(|found| match found {
        Found::Settings(path) => {
            if !inventory.is_governing(&path) {
                nested.push(nested_settings(&path, inventory.governing.file.as_deref()));
            }
            None
        }
        Found::Source(source) => match &source {
            Source::File(path) => selector.selects(path).then_some(source),
            Source::Stdin | Source::Unreadable(..) => Some(source),
        },
    });
    let mut checker = Checker::new(inventory);
    let mut results = Vec::new();
    batch::in_order(
        selected,
        |source| batch::classify(&inventory.engine, source, max_bytes),
        |_, report| -> Result<(), std::convert::Infallible> {
            results.push(checker.check(&report));
            tick();
            Ok(())
        },
    )
    .unwrap_or_else(|never| match never {});
    // A pattern can be said to match nothing only of a run over folders: a run over files
    // named one by one (a pre-commit hook's, of the files a commit touches) sees a few.
    let over_folders = paths.iter().all(|p| p.is_dir());
    if checker.totals.files > 0 {
        let unused = over_folders.then(|| unused_patterns(&selector)).flatten();
        for result in nested.into_iter().chain(unused) {
            checker.add_about_settings(&result);
            results.push(result);
        }
    }
    let mut totals = checker.totals;
    totals.excluded = selector.excluded;
    totals.settings = inventory
        .governing
        .file
        .as_ref()
        .map(|f| f.display().to_string());
    totals.ll35_edition = inventory
        .settings
        .ll35
        .as_ref()
        .map(|l| l.edition.to_string());
    Run {
        results,
        totals,
        over_folders,
    }
}
