//! An inventory: a set of answer files governed by one `.adscheck.yaml`. [`Inventory::open`]
//! finds the settings that govern the paths given and loads the checklist they name, once;
//! [`Inventory::read`] is the one reader of its answer files (selected by the settings'
//! patterns, read in parallel, handed on in path order). `check`, `report`, `ll35 export`
//! and `ll35 import` all stand on it.

pub mod selection;

use std::path::{Path, PathBuf};

pub use selection::Selector;

use crate::answers::AnswerFile;
use crate::batch::{self, Source};
use crate::checklist::Checklist;
use crate::clock::Now;
use crate::engine::Engine;
use crate::error::{Diagnostic, Diagnostics};
use crate::settings::{FailOn, Governing, Settings, governing};

/// What the command line says over any settings file.
#[derive(Clone, Debug, Default)]
pub struct Overrides {
    /// `--config`: these settings, instead of looking for `.adscheck.yaml`.
    pub config: Option<PathBuf>,
    /// `--checklist`: this checklist, whatever the settings name.
    pub checklist: Option<PathBuf>,
    /// `--allow-undetermined`.
    pub allow_undetermined: bool,
    /// `--fail-on`.
    pub fail_on: Option<FailOn>,
    /// The time the run goes by (`None`: the system clock's).
    pub now: Option<Now>,
}

/// An inventory opened: its settings and the engine of the checklist they name.
#[derive(Debug)]
pub struct Inventory {
    /// The settings.
    pub settings: Settings,
    /// The engine of the checklist the settings (or `--checklist`) name.
    pub engine: Engine,
    /// Where the settings came from, and the repository root.
    pub governing: Governing,
    /// The time the run goes by: a first use after this month is an error, the site says when
    /// it was built.
    pub now: Now,
}

/// Why an inventory cannot be opened: the settings or the checklist cannot be used.
#[derive(Debug)]
pub enum OpenError {
    /// The settings file at this path has these problems.
    Settings(PathBuf, Diagnostics),
    /// The checklist has these problems.
    Checklist(Diagnostics),
}

impl Inventory {
    /// The inventory of `paths`: the settings that govern them, with `overrides`, and the
    /// checklist they name.
    ///
    /// # Errors
    /// The governing settings or the checklist they name cannot be used.
    pub fn open(paths: &[PathBuf], overrides: &Overrides) -> Result<Inventory, OpenError> {
        let governing = governing(paths, overrides.config.as_deref());
        let mut settings = match &governing.file {
            Some(path) => {
                Settings::load(path, &governing.repository, overrides.checklist.is_some())
                    .map_err(|errors| OpenError::Settings(path.clone(), errors))?
            }
            None => Settings::defaults(PathBuf::from(".")),
        };
        if overrides.allow_undetermined {
            settings.allow_undetermined = true;
        }
        if let Some(fail_on) = overrides.fail_on {
            settings.fail_on = fail_on;
        }
        // --checklist on the command line wins over the settings file.
        let checklist = overrides
            .checklist
            .clone()
            .or_else(|| settings.checklist.clone());
        let engine = crate::load_engine(checklist.as_deref()).map_err(OpenError::Checklist)?;
        // `ll35.report` names determinations: they must be the checklist's.
        if let (Some(ll35), Some(path)) = (&settings.ll35, &governing.file) {
            // The checklist's own determinations, and each other built-in checklist's as
            // `<checklist>.<determination>` (a tool answered under it under `also:`).
            let others: Vec<String> = engine
                .other_builtins()
                .into_iter()
                .flat_map(|e| {
                    let id = e.checklist().id.as_str();
                    e.checklist()
                        .determinations
                        .iter()
                        .map(move |d| format!("{id}.{}", d.id.as_str()))
                })
                .collect();
            let ids: Vec<&str> = engine
                .checklist()
                .determinations
                .iter()
                .map(|d| d.id.as_str())
                .chain(others.iter().map(String::as_str))
                .collect();
            let unknown: Vec<crate::Diagnostic> = ll35
                .unknown_determinations(&ids)
                .into_iter()
                .map(|id| {
                    crate::Diagnostic::new(
                        crate::Kind::UnknownReference,
                        path.display().to_string(),
                        ll35.scope_position,
                        format!(
                            "`ll35.report` names `{}`, which the checklist does not determine: \
                             {}allowed: {}",
                            crate::text::excerpt(id),
                            crate::suggest::did_you_mean(crate::suggest::nearest(
                                id,
                                ids.iter().copied()
                            )),
                            ids.join(", ")
                        ),
                    )
                })
                .collect();
            if !unknown.is_empty() {
                return Err(OpenError::Settings(
                    path.clone(),
                    crate::Diagnostics(unknown),
                ));
            }
        }
        Ok(Inventory {
            settings,
            engine,
            governing,
            now: overrides.now.clone().unwrap_or_else(Now::system),
        })
    }

    /// Whether `path` is the settings file that governs this run.
    #[must_use]
    pub fn is_governing(&self, path: &Path) -> bool {
        let same = |a: &Path, b: &Path| match (a.canonicalize(), b.canonicalize()) {
            (Ok(a), Ok(b)) => a == b,
            _ => a == b,
        };
        self.governing
            .file
            .as_deref()
            .is_some_and(|g| same(g, path))
    }

    /// Every answer file under `paths` that the settings select, each parsed against the
    /// checklist or with the errors that kept it from being read, in path order; `selector`
    /// counts what the patterns left out and matched.
    #[must_use]
    pub fn read(
        &self,
        paths: &[PathBuf],
        max_bytes: u64,
        selector: &mut Selector<'_>,
    ) -> Vec<Read> {
        let sources = batch::sources(paths).filter(|s| match s {
            Source::File(path) => selector.selects(path),
            _ => true,
        });
        read(self.engine.checklist(), sources, max_bytes)
    }
}

/// One answer file read: the parsed file, or why it could not be.
#[derive(Debug)]
pub struct Read {
    /// The file as named.
    pub name: String,
    /// Where it is on disk (`None`: standard input).
    pub path: Option<PathBuf>,
    /// The file, or the errors that kept it from being read.
    pub file: Result<AnswerFile, Vec<Diagnostic>>,
}

/// Read and parse `sources` against `checklist`, at most `max_bytes` each, in parallel,
/// handed back in their order: the one reader of answer files for every command that reads an
/// inventory.
#[must_use]
pub fn read(
    checklist: &Checklist,
    sources: impl Iterator<Item = Source>,
    max_bytes: u64,
) -> Vec<Read> {
    let mut out = Vec::new();
    batch::in_order(
        sources,
        |source| {
            batch::read(source, max_bytes)
                .map_err(|e| vec![e])
                .and_then(|text| {
                    AnswerFile::parse(&source.name(), &text, source.format(&text), checklist)
                        .map_err(|e| e.0)
                })
        },
        |source, file| -> Result<(), std::convert::Infallible> {
            let path = match &source {
                Source::File(path) | Source::Unreadable(path, _) => Some(path.clone()),
                Source::Stdin => None,
            };
            out.push(Read {
                name: source.name(),
                path,
                file,
            });
            Ok(())
        },
    )
    .unwrap_or_else(|never| match never {});
    out
}
