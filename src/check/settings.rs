//! `.adscheck.yaml`: the settings of an inventory repository, found by walking up from each
//! checked path, like other linters' configuration files.
//!
//! ```yaml
//! required-tool-fields: [name, agency]    # default
//! allow-undetermined: false               # default
//! checklist: checklists/nyc-ll49-2018.yaml  # default: the built-in checklist
//! include: ["**/*.yaml", "**/*.json"]     # default: every answer file
//! exclude: ["drafts/**"]
//! fail-on: error                          # or warning
//! ```

use std::path::{Path, PathBuf};

use globset::{Glob, GlobSet, GlobSetBuilder};
use serde::Deserialize;

use crate::error::{Diagnostic, Diagnostics, Kind};
use crate::{
    document::{Format, Located},
    yaml,
};

/// The settings file's name.
pub const FILE_NAME: &str = ".adscheck.yaml";

/// What makes a check fail.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FailOn {
    /// Errors fail the check; warnings are reported.
    #[default]
    Error,
    /// Warnings fail it too.
    Warning,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct SettingsFile {
    required_tool_fields: Option<Vec<Located<String>>>,
    allow_undetermined: Option<bool>,
    checklist: Option<Located<String>>,
    include: Option<Vec<Located<String>>>,
    exclude: Option<Vec<Located<String>>>,
    fail_on: Option<FailOn>,
}

/// Settings in force for the files below one folder.
#[derive(Clone, Debug)]
pub struct Settings {
    /// The settings file, when there is one.
    pub file: Option<PathBuf>,
    /// The folder globs are relative to: the settings file's folder.
    pub root: PathBuf,
    /// Fields the `tool:` block must have, non-empty.
    pub required_tool_fields: Vec<String>,
    /// Whether an undetermined result passes.
    pub allow_undetermined: bool,
    /// The checklist to check against (`None`: the built-in one).
    pub checklist: Option<PathBuf>,
    include: Option<GlobSet>,
    exclude: Option<GlobSet>,
    /// What fails the check.
    pub fail_on: FailOn,
}

impl Settings {
    /// The defaults, for files with no settings file above them.
    #[must_use]
    pub fn defaults(root: PathBuf) -> Settings {
        Settings {
            file: None,
            root,
            required_tool_fields: vec!["name".to_owned(), "agency".to_owned()],
            allow_undetermined: false,
            checklist: None,
            include: None,
            exclude: None,
            fail_on: FailOn::Error,
        }
    }

    /// The nearest settings file in `folder` or a folder above it.
    #[must_use]
    pub fn find(folder: &Path) -> Option<PathBuf> {
        let start = std::path::absolute(folder).unwrap_or_else(|_| folder.to_path_buf());
        start
            .ancestors()
            .map(|dir| dir.join(FILE_NAME))
            .find(|candidate| candidate.is_file())
    }

    /// Read and check a settings file.
    ///
    /// # Errors
    /// Every problem, with its position: unknown settings, wrong types, bad globs.
    pub fn load(path: &Path) -> Result<Settings, Diagnostics> {
        let name = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|e| {
            Diagnostic::new(Kind::Io, &name, None, format!("cannot read settings: {e}"))
        })?;
        let parsed: SettingsFile = if text.trim().is_empty() {
            SettingsFile::default()
        } else {
            yaml::parse(&name, &text, Format::Yaml)?
        };
        let root = path
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .map_or_else(|| PathBuf::from("."), Path::to_path_buf);
        let mut problems = Vec::new();
        let mut globs = |patterns: Option<Vec<Located<String>>>| -> Option<GlobSet> {
            let patterns = patterns?;
            let mut builder = GlobSetBuilder::new();
            for p in &patterns {
                match Glob::new(p.as_str()) {
                    Ok(glob) => {
                        builder.add(glob);
                    }
                    Err(e) => problems.push(Diagnostic::new(
                        Kind::WrongType,
                        &name,
                        p.position,
                        format!("bad glob `{}`: {}", p.as_str(), e.kind()),
                    )),
                }
            }
            builder.build().ok()
        };
        let include = globs(parsed.include);
        let exclude = globs(parsed.exclude);
        let defaults = Settings::defaults(root.clone());
        let settings = Settings {
            file: Some(path.to_path_buf()),
            checklist: parsed.checklist.map(|c| root.join(c.as_str())),
            required_tool_fields: parsed
                .required_tool_fields
                .map_or(defaults.required_tool_fields, |fields| {
                    fields.into_iter().map(|f| f.value).collect()
                }),
            allow_undetermined: parsed.allow_undetermined.unwrap_or(false),
            include,
            exclude,
            fail_on: parsed.fail_on.unwrap_or_default(),
            root,
        };
        if problems.is_empty() {
            Ok(settings)
        } else {
            Err(Diagnostics(problems))
        }
    }

    /// Whether `path` is one of the files these settings check (include and exclude globs,
    /// matched against the path relative to the settings file's folder).
    #[must_use]
    pub fn selects(&self, path: &Path) -> bool {
        let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
        let root = std::path::absolute(&self.root).unwrap_or_else(|_| self.root.clone());
        let relative = absolute.strip_prefix(&root).unwrap_or(path);
        self.include.as_ref().is_none_or(|g| g.is_match(relative))
            && !self.exclude.as_ref().is_some_and(|g| g.is_match(relative))
    }
}
