//! The Local Law 35 report's part of one interview: which of its steps are asked (the tool in
//! the reporting scope, each step that applies and has no value yet, or every one when a file
//! is reviewed), whether each must be answered, and each reply recorded and saved.

use serde_json::Value;

use super::report::{Ask, ReportAsking, ReportFields, applies, no_vendor, plan, vendor_involved};
use super::{Interview, InterviewError, Prompter, Reply};

/// The report's part of one interview: what is asked, and what this session has heard.
#[derive(Clone, Debug)]
pub(super) struct Walk {
    pub(super) fields: ReportFields,
    pub(super) plan: Vec<Ask>,
    /// The answer to the vendor question (from the file, until it is asked).
    pub(super) involved: Option<bool>,
    /// A resumed file: every field that applies is offered with its value (Enter keeps it),
    /// not only the missing ones.
    pub(super) reviewing: bool,
    /// The prompter has been told the report's fields begin.
    pub(super) introduced: bool,
}

impl Walk {
    pub(super) fn new(
        fields: ReportFields,
        tool: &serde_json::Map<String, Value>,
        reviewing: bool,
    ) -> Walk {
        Walk {
            plan: plan(fields.settings.edition),
            involved: vendor_involved(tool),
            fields,
            reviewing,
            introduced: false,
        }
    }
}

impl Interview<'_> {
    /// Whether the report's fields are asked of this tool: always with the flag; otherwise
    /// when it is in the settings' reporting scope and not withheld.
    pub(super) fn report_due(&self) -> Option<&Walk> {
        let walk = self.report.as_ref()?;
        if walk.fields.always {
            return Some(walk);
        }
        if crate::tool::withheld(&self.file.tool).is_withheld() {
            return None;
        }
        let values = self.engine.evaluate(&self.file.truths()).values;
        let determinations: Vec<(String, crate::engine::Truth)> = self
            .engine
            .checklist()
            .determinations
            .iter()
            .map(|d| d.id.value.clone())
            .zip(values)
            .collect();
        walk.fields
            .settings
            .scope
            .includes(&determinations)
            .is_ok()
            .then_some(walk)
    }

    fn report_applies(&self, walk: &Walk, i: usize) -> bool {
        walk.plan
            .get(i)
            .is_some_and(|step| applies(*step, &self.file.tool, walk.involved))
    }

    /// Whether step `i` is asked when walking forward: it applies, and it has no value yet
    /// (or the file is being reviewed).
    fn report_wanted(&self, i: usize) -> bool {
        let Some(walk) = self.report_due() else {
            return false;
        };
        if !self.report_applies(walk, i) {
            return false;
        }
        walk.reviewing
            || match walk.plan.get(i) {
                Some(Ask::VendorInvolved) => walk.involved.is_none(),
                Some(Ask::Field(f)) => !self
                    .file
                    .tool
                    .get(f.key)
                    .is_some_and(|v| crate::tool::has_value(f.key, v)),
                None => false,
            }
    }

    /// The first report step from `from` on that is asked.
    pub(super) fn next_report(&self, from: usize) -> Option<usize> {
        let len = self.report.as_ref().map_or(0, |w| w.plan.len());
        (from..len).find(|&i| self.report_wanted(i))
    }

    /// The report step before `i` that is asked, walking back.
    pub(super) fn previous_report(&self, i: usize) -> Option<usize> {
        (0..i).rev().find(|&j| self.report_wanted(j))
    }

    /// Whether step `i` must be answered: a required item (the settings' groups) that no other
    /// of its columns fills, and that no later step of the walk could still fill.
    fn report_required(&self, walk: &Walk, i: usize) -> bool {
        let key = match walk.plan.get(i) {
            Some(Ask::VendorInvolved) => "vendor_name",
            Some(Ask::Field(f)) => f.key,
            None => return false,
        };
        let later: Vec<&str> = (i + 1..walk.plan.len())
            .filter(|&j| self.report_applies(walk, j))
            .filter_map(|j| match walk.plan.get(j) {
                Some(Ask::Field(f)) => Some(f.key),
                _ => None,
            })
            .collect();
        walk.fields.settings.required.iter().any(|(_, keys)| {
            keys.iter().any(|k| k == key)
                && (matches!(walk.plan.get(i), Some(Ask::VendorInvolved))
                    || !keys.iter().any(|k| {
                        later.contains(&k.as_str())
                            || (k != key
                                && self
                                    .file
                                    .tool
                                    .get(k.as_str())
                                    .is_some_and(|v| crate::tool::has_value(k, v)))
                    }))
        })
    }

    /// Ask report step `i`, record the reply, and save.
    pub(super) fn ask_report(
        &mut self,
        prompter: &mut dyn Prompter,
        i: usize,
    ) -> Result<Reply<()>, InterviewError> {
        let Some(walk) = self.report_due() else {
            return Ok(Reply::Value(()));
        };
        let Some(&step) = walk.plan.get(i) else {
            return Ok(Reply::Value(()));
        };
        let edition = walk.fields.settings.edition;
        if !walk.introduced {
            let why = if walk.fields.always {
                "--ll35 asks for them".to_owned()
            } else {
                format!(
                    "the tool is in the reporting scope the settings name: {}",
                    walk.fields.settings.scope.describe()
                )
            };
            prompter.report_begins(edition, &why, walk.plan.len())?;
            if let Some(walk) = self.report.as_mut() {
                walk.introduced = true;
            }
        }
        let Some(walk) = self.report.as_ref() else {
            return Ok(Reply::Value(()));
        };
        let applying: Vec<usize> = (0..walk.plan.len())
            .filter(|&j| self.report_applies(walk, j))
            .collect();
        let place = (
            applying.iter().position(|&j| j == i).map_or(1, |n| n + 1),
            walk.plan.len(),
        );
        let today = crate::clock::Now::at(&(self.clock)())
            .map_or_else(|| crate::clock::Now::system().month(), |n| n.month());
        let asking = ReportAsking::new(step, edition, self.report_required(walk, i), place, today);
        let current = match step {
            Ask::VendorInvolved => walk.involved.map(Value::Bool),
            Ask::Field(f) => self.file.tool.get(f.key).cloned(),
        };
        let value = match prompter.report(&asking, current.as_ref())? {
            Reply::Value(value) => value,
            Reply::Back => return Ok(Reply::Back),
            Reply::Quit => return Ok(Reply::Quit),
        };
        if current.as_ref().unwrap_or(&Value::Null) == &value {
            // Kept as it was: nothing to write (a review that changes nothing leaves the file,
            // and its history, as they were).
            return Ok(Reply::Value(()));
        }
        self.changed = true;
        match step {
            Ask::VendorInvolved => {
                let involved = value.as_bool();
                let none = no_vendor(edition);
                if involved == Some(false) {
                    self.file
                        .tool
                        .insert("vendor_name".to_owned(), Value::from(none));
                    self.file.tool.shift_remove("vendor_desc");
                } else if vendor_involved(&self.file.tool) == Some(false) {
                    self.file.tool.shift_remove("vendor_name");
                }
                if let Some(walk) = self.report.as_mut() {
                    walk.involved = involved;
                }
            }
            Ask::Field(f) if value.is_null() => {
                self.file.tool.shift_remove(f.key);
            }
            Ask::Field(f) => {
                self.file.tool.insert(f.key.to_owned(), value);
            }
        }
        self.save(prompter)?;
        Ok(Reply::Value(()))
    }
}
