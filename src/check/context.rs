//! What a check runs with: the one settings file that governs it and the engine of the
//! checklist it names, loaded once.

use std::path::{Path, PathBuf};

use super::settings::{FailOn, Governing, Settings, governing};
use crate::engine::Engine;
use crate::error::Diagnostics;

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
}

/// The settings of a run and the engine they name.
#[derive(Debug)]
pub struct Context {
    /// The settings.
    pub settings: Settings,
    /// The engine of the checklist the settings (or `--checklist`) name.
    pub engine: Engine,
    /// Where the settings came from, and the repository root.
    pub governing: Governing,
}

/// Why no context could be made: the settings or the checklist cannot be used.
#[derive(Debug)]
pub enum ContextError {
    /// The settings file at this path has these problems.
    Settings(PathBuf, Diagnostics),
    /// The checklist has these problems.
    Checklist(Diagnostics),
}

impl Context {
    /// The context for a check of `paths`.
    ///
    /// # Errors
    /// The governing settings or the checklist they name cannot be used.
    pub fn load(paths: &[PathBuf], overrides: &Overrides) -> Result<Context, ContextError> {
        let governing = governing(paths, overrides.config.as_deref());
        let mut settings = match &governing.file {
            Some(path) => {
                Settings::load(path, &governing.repository, overrides.checklist.is_some())
                    .map_err(|errors| ContextError::Settings(path.clone(), errors))?
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
        let engine = crate::load_engine(checklist.as_deref()).map_err(ContextError::Checklist)?;
        // `ll35.report` names determinations: they must be the checklist's.
        if let (Some(ll35), Some(path)) = (&settings.ll35, &governing.file) {
            let ids: Vec<&str> = engine
                .checklist()
                .determinations
                .iter()
                .map(|d| d.id.as_str())
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
                return Err(ContextError::Settings(
                    path.clone(),
                    crate::Diagnostics(unknown),
                ));
            }
        }
        Ok(Context {
            settings,
            engine,
            governing,
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
}
