//! What each checked file is checked with: the settings in force for its folder and the
//! engine of the checklist they name, each loaded once however many files share it.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::settings::{FailOn, Settings};
use crate::batch::Source;
use crate::engine::Engine;
use crate::error::Diagnostics;

/// What the command line says over any settings file.
#[derive(Clone, Debug, Default)]
pub struct Overrides {
    /// `--config`: these settings for every file, instead of looking for `.adscheck.yaml`.
    pub config: Option<PathBuf>,
    /// `--checklist`: this checklist, whatever the settings name.
    pub checklist: Option<PathBuf>,
    /// `--allow-undetermined`.
    pub allow_undetermined: bool,
    /// `--fail-on`.
    pub fail_on: Option<FailOn>,
}

/// The settings in force for one file and the engine they name.
#[derive(Debug)]
pub struct Context {
    /// The settings.
    pub settings: Settings,
    /// The engine of the checklist the settings (or `--checklist`) name.
    pub engine: Arc<Engine>,
}

/// Why no context could be made: the settings or the checklist cannot be used.
#[derive(Debug)]
pub enum ContextError {
    /// The settings file at this path has these problems.
    Settings(PathBuf, Diagnostics),
    /// The checklist has these problems.
    Checklist(Diagnostics),
}

/// Settings and engines, loaded once each.
#[derive(Debug, Default)]
pub struct Contexts {
    overrides: Overrides,
    by_folder: HashMap<PathBuf, Arc<Context>>,
    by_settings: HashMap<Option<PathBuf>, Arc<Context>>,
    engines: HashMap<Option<PathBuf>, Arc<Engine>>,
}

impl Contexts {
    /// Contexts under these command-line overrides.
    #[must_use]
    pub fn new(overrides: Overrides) -> Self {
        Contexts {
            overrides,
            ..Contexts::default()
        }
    }

    /// The context for `source`: the settings of the nearest `.adscheck.yaml` above its
    /// folder (or `--config`).
    ///
    /// # Errors
    /// The settings or the checklist they name cannot be used.
    pub fn for_source(&mut self, source: &Source) -> Result<Arc<Context>, ContextError> {
        let folder = match source {
            Source::File(p) | Source::Unreadable(p, _) => p
                .parent()
                .filter(|p| !p.as_os_str().is_empty())
                .map_or_else(|| PathBuf::from("."), Path::to_path_buf),
            Source::Stdin => PathBuf::from("."),
        };
        if let Some(ctx) = self.by_folder.get(&folder) {
            return Ok(ctx.clone());
        }
        let settings_file = match &self.overrides.config {
            Some(config) => Some(config.clone()),
            None => Settings::find(&folder),
        };
        let ctx = match self.by_settings.get(&settings_file) {
            Some(ctx) => ctx.clone(),
            None => {
                let ctx = Arc::new(self.load(settings_file.as_deref())?);
                self.by_settings.insert(settings_file, ctx.clone());
                ctx
            }
        };
        self.by_folder.insert(folder, ctx.clone());
        Ok(ctx)
    }

    fn load(&mut self, settings_file: Option<&Path>) -> Result<Context, ContextError> {
        let mut settings = match settings_file {
            Some(path) => Settings::load(path)
                .map_err(|errors| ContextError::Settings(path.to_path_buf(), errors))?,
            None => Settings::defaults(PathBuf::from(".")),
        };
        if self.overrides.allow_undetermined {
            settings.allow_undetermined = true;
        }
        if let Some(fail_on) = self.overrides.fail_on {
            settings.fail_on = fail_on;
        }
        // --checklist on the command line wins over the settings file.
        let checklist = self
            .overrides
            .checklist
            .clone()
            .or_else(|| settings.checklist.clone());
        let engine = match self.engines.get(&checklist) {
            Some(engine) => engine.clone(),
            None => {
                let engine = Arc::new(
                    crate::load_engine(checklist.as_deref()).map_err(ContextError::Checklist)?,
                );
                self.engines.insert(checklist, engine.clone());
                engine
            }
        };
        Ok(Context { settings, engine })
    }
}
