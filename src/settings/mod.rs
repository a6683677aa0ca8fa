//! `.adscheck.yaml`: the one model of an inventory's settings, read once for every command
//! that reads an inventory (`check`, `report`, `ll35 export`): its patterns ([`patterns`]),
//! its Local Law 35 section ([`ll35`]), what the public site shows ([`site`]), and which file
//! governs a run ([`governing`]).
//!
//! ```yaml
//! required-tool-fields: [name, agency]    # default
//! allow-undetermined: false               # default
//! require-assessment: false               # default: with allow-undetermined, a file with no
//!                                         # answer is a warning (`not-assessed`); true: an error
//! checklist: checklists/nyc-ll49-2018.yaml  # default: the built-in checklist
//! include: ["**/*.yaml", "**/*.json"]     # default: every answer file
//! exclude: ["drafts/**"]
//! fail-on: error                          # or warning
//! ll35: {edition: 2024}                   # Local Law 35 rules (see [`ll35`])
//! report: {title: "...", public: {answers: true, notes: true, dates: true}}
//! ```
//!
//! One settings file governs a whole run ([`governing`]): `--config` if given, otherwise the
//! topmost `.adscheck.yaml` on the way from the repository root down to the folder that holds
//! every checked path. A settings file inside the checked tree governs nothing and is reported
//! (so a submission cannot plant one that switches the gate off), and a checklist named in the
//! settings must lie inside the repository.

pub mod governing;
pub mod ll35;
pub mod patterns;
pub mod site;

use std::path::{Path, PathBuf};

use serde::Deserialize;

pub use governing::{Governing, absolute, governing};
pub use ll35::{Ll35, Scope};
pub use patterns::{Patterns, Selection};
pub use site::{Public, Site};

use crate::document::{Format, Located};
use crate::error::{Diagnostic, Diagnostics, Kind, Position};
use crate::{input, yaml};

/// The settings file's name.
pub const FILE_NAME: &str = ".adscheck.yaml";

/// The largest settings file read: real ones are a few lines.
pub const MAX_SETTINGS_SIZE: u64 = input::SETTINGS.max;

/// What makes a check fail.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum FailOn {
    /// Errors fail the check; warnings are reported.
    #[default]
    Error,
    /// Warnings fail it too.
    Warning,
}

impl<'de> Deserialize<'de> for FailOn {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let word = String::deserialize(d)?;
        match word.trim().to_ascii_lowercase().as_str() {
            "error" => Ok(FailOn::Error),
            "warning" => Ok(FailOn::Warning),
            _ => {
                let hint = crate::suggest::did_you_mean(crate::suggest::nearest(
                    &word,
                    ["error", "warning"],
                ));
                Err(serde::de::Error::custom(format!(
                    "`fail-on` is `{}`: {hint}allowed: error, warning",
                    crate::text::excerpt(&word)
                )))
            }
        }
    }
}

/// `yes`/`no` as answer files spell them (any case, or true/false).
fn yes_no<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<bool>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum YesNo {
        Bool(bool),
        Text(String),
    }
    match YesNo::deserialize(d)? {
        YesNo::Bool(b) => Ok(Some(b)),
        YesNo::Text(t) => match crate::answers::AnswerValue::parse(&t) {
            Some(crate::answers::AnswerValue::Yes) => Ok(Some(true)),
            Some(crate::answers::AnswerValue::No) => Ok(Some(false)),
            _ => Err(serde::de::Error::custom(format!(
                "`{}` is not yes or no: allowed: yes, no (any case), true, false",
                crate::text::excerpt(&t)
            ))),
        },
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct SettingsFile {
    required_tool_fields: Option<Vec<Located<String>>>,
    #[serde(default, deserialize_with = "yes_no")]
    allow_undetermined: Option<bool>,
    #[serde(default, deserialize_with = "yes_no")]
    require_assessment: Option<bool>,
    checklist: Option<Located<String>>,
    include: Option<Vec<Located<String>>>,
    exclude: Option<Vec<Located<String>>>,
    fail_on: Option<FailOn>,
    ll35: Option<ll35::Section>,
    report: Option<Site>,
}

/// The settings in force for a run.
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
    /// Whether a file with no answered question fails even where undetermined results pass.
    pub require_assessment: bool,
    /// The checklist to check against (`None`: the built-in one).
    pub checklist: Option<PathBuf>,
    /// Where `checklist:` stands in the settings file.
    pub checklist_position: Option<Position>,
    /// Only files matching one of these are checked (none: every answer file).
    pub include: Option<Patterns>,
    /// Files matching one of these are not checked.
    pub exclude: Option<Patterns>,
    /// What fails the check.
    pub fail_on: FailOn,
    /// The Local Law 35 rules, when the settings have an `ll35:` section.
    pub ll35: Option<Ll35>,
    /// What `report` builds: the public site's title and what it shows (`report:`).
    pub report: Site,
}

impl Settings {
    /// The defaults, for a run with no settings file.
    #[must_use]
    pub fn defaults(root: PathBuf) -> Settings {
        Settings {
            file: None,
            root,
            required_tool_fields: vec!["name".to_owned(), "agency".to_owned()],
            allow_undetermined: false,
            require_assessment: false,
            checklist: None,
            checklist_position: None,
            include: None,
            exclude: None,
            fail_on: FailOn::Error,
            ll35: None,
            report: Site::default(),
        }
    }

    /// Read and check a settings file. A `checklist:` it names must lie inside `repository`
    /// unless `checklist_given` (the command line names the checklist, so this one is unused).
    ///
    /// # Errors
    /// Every problem, with its position: unknown settings, wrong types, bad globs, a checklist
    /// outside the repository, an unreadable or oversized file.
    pub fn load(
        path: &Path,
        repository: &Path,
        checklist_given: bool,
    ) -> Result<Settings, Diagnostics> {
        let name = path.display().to_string();
        let text = input::read_text(path, MAX_SETTINGS_SIZE, input::SETTINGS)?;
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
        let include = patterns::build(&name, parsed.include, &mut problems);
        let exclude = patterns::build(&name, parsed.exclude, &mut problems);
        let checklist_position = parsed.checklist.as_ref().and_then(|c| c.position);
        let checklist = parsed.checklist.map(|c| root.join(c.as_str()));
        if let Some(checklist) = &checklist
            && !checklist_given
        {
            let real = checklist
                .canonicalize()
                .unwrap_or_else(|_| absolute(checklist));
            let repository = repository
                .canonicalize()
                .unwrap_or_else(|_| absolute(repository));
            if !real.starts_with(&repository) {
                problems.push(Diagnostic::new(
                    Kind::NotAllowed,
                    &name,
                    checklist_position,
                    format!(
                        "the checklist `{}` is outside the repository ({}): settings may only \
                         name a checklist inside it; give one from elsewhere with --checklist",
                        checklist.display(),
                        repository.display()
                    ),
                ));
            }
        }
        let ll35 = parsed.ll35.and_then(|section| {
            Ll35::from_section(section, &name)
                .map_err(|e| problems.extend(e))
                .ok()
        });
        let report = parsed.report.unwrap_or_default();
        problems.extend(report.problems(&name));
        let defaults = Settings::defaults(root.clone());
        let settings = Settings {
            file: Some(path.to_path_buf()),
            checklist,
            checklist_position,
            required_tool_fields: parsed
                .required_tool_fields
                .map_or(defaults.required_tool_fields, |fields| {
                    fields.into_iter().map(|f| f.value).collect()
                }),
            allow_undetermined: parsed.allow_undetermined.unwrap_or(false),
            require_assessment: parsed.require_assessment.unwrap_or(false),
            include,
            exclude,
            fail_on: parsed.fail_on.unwrap_or_default(),
            ll35,
            report,
            root,
        };
        if problems.is_empty() {
            Ok(settings)
        } else {
            Err(Diagnostics(problems))
        }
    }

    /// Whether `path` is one of the files these settings check (include and exclude globs,
    /// matched against the path relative to the settings file's folder), and which patterns
    /// matched it.
    #[must_use]
    pub fn select(&self, path: &Path) -> Selection {
        let absolute_path = absolute(path);
        let root = absolute(&self.root);
        let relative = absolute_path.strip_prefix(&root).unwrap_or(path);
        let included_by = self
            .include
            .as_ref()
            .map_or_else(Vec::new, |p| p.set.matches(relative));
        let excluded_by = self
            .exclude
            .as_ref()
            .map_or_else(Vec::new, |p| p.set.matches(relative));
        Selection {
            selected: (self.include.is_none() || !included_by.is_empty()) && excluded_by.is_empty(),
            included_by,
            excluded_by,
        }
    }

    /// Whether `path` is one of the files these settings check.
    #[must_use]
    pub fn selects(&self, path: &Path) -> bool {
        self.select(path).selected
    }
}
