//! CI rules over a submission of answer files: `adscheck check`.
//!
//! A file fails when it is invalid (every error `classify` reports), undetermined (unless
//! allowed), declares determinations the checklist does not give, or lacks required metadata;
//! across files, two files describing the same tool fail. Each finding has a stable rule id,
//! a severity and the place to fix.

mod duplicates;
mod file;
pub mod ll35;
mod run;
pub mod scope;

use serde::Serialize;

pub use duplicates::Duplicates;
pub use run::{Checker, Run, run};
pub use scope::{nested_settings, unused_patterns};

use file::File;

use crate::settings::{FailOn, Settings};

use crate::classification::Classification;
use crate::engine::{Engine, Truth};
use crate::error::{Diagnostic, Kind, Position};

pub use crate::error::Severity;

/// Defines the rules of `check` itself from one table: constant, id and what it means.
macro_rules! rules {
    ($($(#[doc = $doc:literal])* $name:ident => $id:literal, $summary:literal;)*) => {
        $($(#[doc = $doc])* pub const $name: &str = $id;)*

        /// `check`'s own rules, with what each means.
        const OWN_RULES: &[(&str, &str)] = &[$(($id, $summary)),*];
    };
}

rules! {
    /// Rule: a result is undetermined (a needed answer is missing or `unsure`).
    UNDETERMINED => "undetermined",
        "A determination is undetermined: a needed answer is missing or unsure.";
    /// Rule: no question of the checklist is answered (an imported tool nobody assessed yet).
    NOT_ASSESSED => "not-assessed",
        "No question of the checklist is answered: the tool is not yet assessed.";
    /// Rule: `tool.retired` is not a month (`YYYY/MM`) up to this one.
    INVALID_RETIRED => "invalid-retired",
        "tool.retired is not a month (YYYY/MM) up to this one.";
    /// Rule: an agency adscheck does not know, close to one it knows (warning).
    UNKNOWN_AGENCY => "unknown-agency",
        "The agency is none adscheck knows, but close to one: the summary would count it apart.";
    /// Rule: the declared determination differs from the checklist's.
    DECLARED_MISMATCH => "declared-mismatch",
        "The declared determination disagrees with the checklist's.";
    /// Rule: a required `tool:` field is missing or empty.
    MISSING_METADATA => "missing-metadata",
        "A required field of the tool block is missing or empty.";
    /// Rule: two files describe the same tool (same agency and name).
    DUPLICATE_TOOL => "duplicate-tool",
        "Two answer files describe the same tool (same agency and name).";
    /// Rule: two files give the same `tool.id` (compared without case): one page address.
    DUPLICATE_ID => "duplicate-id",
        "Two answer files give the same tool.id (without case): one page address for two tools.";
    /// Rule: a settings file inside the checked tree, which would otherwise change the gate.
    NESTED_SETTINGS => "nested-settings",
        "A settings file inside the checked tree: one settings file governs a run.";
    /// Rule: an include or exclude pattern that matched no file (warning).
    UNUSED_PATTERN => "unused-pattern",
        "An include or exclude pattern of the settings matched no file.";
}

/// Every rule `check` can report, with what it means (for SARIF rule metadata and docs): its
/// own rules, then every kind of problem an answer file can have.
#[must_use]
pub fn rules() -> Vec<(&'static str, &'static str)> {
    OWN_RULES
        .iter()
        .copied()
        .chain(
            Kind::ALL
                .iter()
                .filter(|k| k.about_answer_files())
                .map(|k| (k.code(), k.summary())),
        )
        .collect()
}

/// One problem found by `check`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// Stable rule id (`declared-mismatch`, `invalid-answer`, ...).
    pub rule: &'static str,
    /// Error or warning.
    pub severity: Severity,
    /// The file as the user named it.
    pub file: String,
    /// Where in the file, when known.
    pub position: Option<Position>,
    /// What is wrong, for people.
    pub message: String,
}

impl Finding {
    fn from_diagnostic(d: &Diagnostic, severity: Severity) -> Finding {
        Finding {
            rule: d.kind.code(),
            severity,
            file: d.file.clone(),
            position: d.position,
            message: d.message.clone(),
        }
    }
}

/// The check of one file.
#[derive(Clone, Debug, PartialEq)]
pub struct FileResult {
    /// The file as the user named it.
    pub file: String,
    /// The tool's name and agency, when the file gives them.
    pub name: Option<String>,
    /// The agency.
    pub agency: Option<String>,
    /// The `tool.id` it gives, when it can name a page.
    pub id: Option<String>,
    /// Each determination's id and value, when the file could be evaluated.
    pub determinations: Option<Vec<(String, Truth)>>,
    /// What is wrong with it, in file order.
    pub findings: Vec<Finding>,
}

impl FileResult {
    /// A result that is only findings about a file (a settings file), not an answer file.
    #[must_use]
    pub fn about(file: String, findings: Vec<Finding>) -> FileResult {
        FileResult {
            file,
            name: None,
            agency: None,
            id: None,
            determinations: None,
            findings,
        }
    }

    /// Whether any finding is at least `severity`.
    #[must_use]
    pub fn has(&self, severity: Severity) -> bool {
        self.findings.iter().any(|f| f.severity >= severity)
    }
}

/// Check one classified file against `settings`: every error that kept it from being
/// evaluated, or its warnings and each rule's findings, in file order.
#[must_use]
pub fn check_file(
    engine: &Engine,
    settings: &Settings,
    report: &Classification,
    now: &crate::clock::Now,
) -> FileResult {
    let mut result = FileResult {
        file: report.file.clone(),
        name: report.tool_field("name").map(str::to_owned),
        agency: report.tool_field("agency").map(str::to_owned),
        id: match crate::tool::identity::id(&report.tool) {
            crate::tool::identity::Id::Stored(id) => Some(id.to_owned()),
            _ => None,
        },
        determinations: None,
        findings: Vec::new(),
    };
    let outcome = match &report.outcome {
        Ok(outcome) => outcome,
        Err(errors) => {
            result.findings = errors
                .0
                .iter()
                .map(|e| Finding::from_diagnostic(e, Severity::Error))
                .collect();
            return result;
        }
    };
    let checklist = engine.checklist();
    result.determinations = Some(outcome.named(checklist));
    let file = File {
        engine,
        report,
        outcome,
    };
    let mut findings: Vec<Finding> = outcome
        .warnings
        .iter()
        .map(|w| Finding::from_diagnostic(w, Severity::Warning))
        .collect();
    findings.extend(file.missing_metadata(settings));
    findings.extend(file.invalid_id());
    findings.extend(file.invalid_retired(now.month()));
    findings.extend(file.unknown_agency());
    if let Some(ll35) = &settings.ll35 {
        // The reporting scope may name another law's determination (`nyc-ll35-2022.algorithmic_tool`).
        let determinations = outcome.named_with_also(checklist);
        findings.extend(
            ll35::check(
                ll35,
                &report.file,
                &report.tool,
                outcome.tool_position,
                &outcome.tool_keys,
                &determinations,
                now.month(),
            )
            .iter()
            .map(|d| Finding::from_diagnostic(d, Severity::Error)),
        );
    }
    // A tool nobody has assessed is named as such, never as "undetermined": an error where
    // undetermined results fail or assessment is required, else a warning.
    if outcome.assessment() == crate::classification::Assessment::NotStarted {
        let fails = !settings.allow_undetermined || settings.require_assessment;
        findings.push(file.not_assessed(fails));
    } else if !settings.allow_undetermined {
        findings.extend(file.undetermined());
    }
    findings.extend(file.declared_mismatches());
    // Each further checklist's declared determinations are held to its own answers, the same
    // way; the message names the checklist.
    for also in &outcome.also {
        let Some(engine) = also.engine() else {
            continue;
        };
        let other = file::File {
            engine,
            report: file.report,
            outcome: &also.outcome,
        };
        let mut theirs = other.declared_mismatches();
        // An answered law left open fails as the file's own does (unless undetermined
        // results are allowed); one with no answer yet is not held to it.
        if !settings.allow_undetermined
            && also.outcome.assessment() != crate::classification::Assessment::NotStarted
        {
            theirs.extend(other.undetermined());
        }
        findings.extend(theirs.into_iter().map(|mut f| {
            f.message = format!("under `also: {}`: {}", also.checklist, f.message);
            f
        }));
    }
    findings.sort_by_key(|f| f.position);
    result.findings = findings;
    result
}

/// Counts over a whole check, and what governed it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Totals {
    /// The settings file that governed the run, if any.
    pub settings: Option<String>,
    /// Files the settings' patterns left out.
    pub excluded: usize,
    /// The edition whose Local Law 35 rules applied, when the settings turn them on.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ll35_edition: Option<String>,
    /// Answer files checked.
    pub files: usize,
    /// Settings files with findings (planted in the tree, or with patterns that matched
    /// nothing): counted apart from the answer files.
    pub settings_files: usize,
    /// Files with at least one error.
    pub failed_files: usize,
    /// Error findings.
    pub errors: usize,
    /// Warning findings.
    pub warnings: usize,
}

impl Totals {
    /// Add one answer file's result.
    pub fn add(&mut self, result: &FileResult) {
        self.files += 1;
        self.add_findings(result);
    }

    /// Add the findings on a settings file.
    pub fn add_about_settings(&mut self, result: &FileResult) {
        self.settings_files += 1;
        self.add_findings(result);
    }

    fn add_findings(&mut self, result: &FileResult) {
        if result.has(Severity::Error) {
            self.failed_files += 1;
        }
        for f in &result.findings {
            match f.severity {
                Severity::Error => self.errors += 1,
                Severity::Warning => self.warnings += 1,
                Severity::Note => {}
            }
        }
    }

    /// Whether the check fails under `fail_on`.
    #[must_use]
    pub fn failed(&self, fail_on: FailOn) -> bool {
        self.errors > 0 || (fail_on == FailOn::Warning && self.warnings > 0)
    }
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::*;
    use crate::clock::Now;
    use crate::document::Format;
    use crate::inventory::Inventory;

    fn inventory(ll35: bool) -> Inventory {
        let mut settings = Settings::defaults(PathBuf::from("."));
        if ll35 {
            settings.ll35 = Some(crate::settings::Ll35::defaults(
                crate::tool::fields::Edition::E2024,
            ));
        }
        Inventory {
            settings,
            engine: crate::load_engine(None).unwrap(),
            governing: crate::settings::Governing {
                file: None,
                repository: PathBuf::from("."),
            },
            now: Now::at("2026-12-06T12:00:00Z").unwrap(),
        }
    }

    /// The rules `check` finds in each of `files` (checked in order, as one run), sorted.
    #[track_caller]
    fn case(ll35: bool, files: &[&str], expected: &[&[&str]]) {
        let inventory = inventory(ll35);
        let mut checker = Checker::new(&inventory);
        for (i, (text, want)) in files.iter().zip(expected).enumerate() {
            let name = format!("t{i}.yaml");
            let report = Classification::classify(&inventory.engine, &name, text, Format::Yaml);
            let mut rules: Vec<&str> = checker
                .check(&report)
                .findings
                .iter()
                .map(|f| f.rule)
                .collect();
            rules.sort_unstable();
            assert_eq!(rules, *want, "{text}");
        }
    }

    const NO: &str = "answers: {1a: no}\n";

    #[test]
    fn each_rule_of_one_file() {
        let tool = "tool: {name: A, agency: FDNY}\n";
        case(false, &[&format!("{tool}{NO}")], &[&[]]);
        case(false, &[NO], &[&["missing-metadata", "missing-metadata"]]);
        case(
            false,
            &[&format!("tool: {{name: true, agency: B}}\n{NO}")],
            &[&["missing-metadata"]],
        );
        case(
            false,
            &[&format!("{tool}answers: {{1a: unsure}}\n")],
            &[&["undetermined"]],
        );
        case(
            false,
            &[&format!("{tool}declared: {{ads: yes}}\n{NO}")],
            &[&["declared-mismatch"]],
        );
    }

    #[test]
    fn the_same_tool_twice_however_its_agency_is_written() {
        case(
            false,
            &[
                &format!("tool: {{name: Fire Risk, agency: FDNY}}\n{NO}"),
                &format!("tool: {{name: fire  risk, agency: Fire Department}}\n{NO}"),
                &format!("tool: {{name: Fire Risk, agency: DOB}}\n{NO}"),
            ],
            &[&[], &["duplicate-tool"], &[]],
        );
    }

    #[test]
    fn ll35_rules_on_a_tool_that_reports_with_the_inventorys_clock() {
        let yes = "answers: {1a: {answer: yes, options: [data_processing]}, 1b: yes, 1c: {answer: \
                   yes, options: [allocating_resources]}, 2a: yes, 2b: yes}\n";
        let full = "tool: {name: A, agency: FDNY, description: d, purpose: p, data_input: i, \
                    data_output: o, vendor_name: None, date_use: '2019/04'";
        case(true, &[&format!("{full}}}\n{yes}")], &[&[]]);
        case(
            true,
            &[&format!("{full}, reported: [2023, 2026]}}\n{yes}")],
            &[&[]],
        );
        // The inventory's clock says December 2026: January 2027 is in the future.
        case(
            true,
            &[&format!(
                "{}'2027/01'}}\n{yes}",
                full.replace("'2019/04'", "")
            )],
            &[&["ll35-date"]],
        );
        // A text field given as true is no value.
        case(
            true,
            &[&format!(
                "{}}}\n{yes}",
                full.replace("description: d", "description: true")
            )],
            &[&["ll35-missing"]],
        );
        // Values of the wrong type are named, whatever the field (issue 22).
        for (wrong, rule) in [
            ("updated: true", "ll35-value"),
            ("purpose_type: [1, 2]", "ll35-value"),
            ("computation_type: {a: b}", "ll35-value"),
            ("vendor_desc: 5", "ll35-value"),
            ("identifying_info: 'yes'", "ll35-value"),
            ("reported: [2023, 20244]", "ll35-value"),
            ("reported: [2027]", "ll35-value"),
            ("reported: 2023", "ll35-value"),
            // The other edition's fields are checked for their type too.
            ("analysis_type: [{a: 1}]", "ll35-value"),
            ("data: 5", "ll35-value"),
            ("population_type: [Individuals, 3]", "ll35-value"),
        ] {
            case(true, &[&format!("{full}, {wrong}}}\n{yes}")], &[&[rule]]);
        }
        case(
            true,
            &[&format!(
                "{}'2019/+1'}}\n{yes}",
                full.replace("'2019/04'", "")
            )],
            &[&["ll35-date"]],
        );
        // Withheld with no reason is an error, and nothing else is asked of it.
        case(
            true,
            &[&format!(
                "tool: {{name: A, agency: FDNY, withheld: true}}\n{yes}"
            )],
            &[&["ll35-value"]],
        );
        // A tool outside the report's scope is not held to the LL35 items.
        case(
            true,
            &[&format!("tool: {{name: A, agency: FDNY}}\n{NO}")],
            &[&[]],
        );
    }
}
