//! The rule across files: two answer files that describe the same tool (one [`ToolKey`]).

use std::collections::HashMap;

use super::{DUPLICATE_ID, DUPLICATE_TOOL, FileResult, Finding, Severity};
use crate::error::Position;
use crate::tool::ToolKey;

/// Finds files that describe the same tool, across a whole submission.
#[derive(Debug, Default)]
pub struct Duplicates {
    first: HashMap<ToolKey, String>,
    ids: HashMap<String, String>,
}

impl Duplicates {
    /// Note `result`'s tool; if an earlier file described the same one, add a finding to it.
    pub fn observe(&mut self, result: &mut FileResult, tool_position: Option<Position>) {
        // One page address per tool: ids compared without case (`DUP` and `dup` are one file
        // on macOS and Windows).
        if let Some(id) = &result.id {
            match self.ids.get(&id.to_ascii_lowercase()) {
                Some(first) => result.findings.push(Finding {
                    rule: DUPLICATE_ID,
                    severity: Severity::Error,
                    file: result.file.clone(),
                    position: tool_position,
                    message: format!(
                        "the id `{}` is also {first}'s (ids are compared without case): give \
                         each tool its own `tool.id`",
                        crate::text::excerpt(id)
                    ),
                }),
                None => {
                    self.ids
                        .insert(id.to_ascii_lowercase(), result.file.clone());
                }
            }
        }
        let (Some(name), Some(agency)) = (&result.name, &result.agency) else {
            return;
        };
        // Agencies as import matches them: `FDNY` is the Fire Department.
        let Some(key) = ToolKey::of(agency, name) else {
            return;
        };
        match self.first.get(&key) {
            Some(first) => result.findings.push(Finding {
                rule: DUPLICATE_TOOL,
                severity: Severity::Error,
                file: result.file.clone(),
                position: tool_position,
                message: format!(
                    "same tool as {first} (agency `{agency}`, name `{name}`): one answer file per \
                     tool"
                ),
            }),
            None => {
                self.first.insert(key, result.file.clone());
            }
        }
    }
}
