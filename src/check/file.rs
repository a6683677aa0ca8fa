//! The rules about one evaluated file: required metadata, undetermined results, declared
//! determinations that disagree with the checklist. One method per rule.

use super::{
    DECLARED_MISMATCH, Finding, INVALID_RETIRED, MISSING_METADATA, NOT_ASSESSED, Severity,
    UNDETERMINED, UNKNOWN_AGENCY,
};
use crate::answers::AnswerValue;
use crate::classification::{Classification, Outcome, Reason};
use crate::engine::Engine;
use crate::error::Position;
use crate::settings::Settings;

/// One evaluated file, as the rules see it.
pub(super) struct File<'a> {
    pub(super) engine: &'a Engine,
    pub(super) report: &'a Classification,
    pub(super) outcome: &'a Outcome,
}

impl File<'_> {
    fn error(&self, rule: &'static str, position: Option<Position>, message: String) -> Finding {
        Finding {
            rule,
            severity: Severity::Error,
            file: self.report.file.clone(),
            position,
            message,
        }
    }

    /// `invalid-retired`: a `tool.retired` that is not a month `YYYY/MM`, or lies after this
    /// month (`today`).
    pub(super) fn invalid_retired(&self, today: (u16, u8)) -> Option<Finding> {
        let tool = &self.report.tool;
        let value = tool.get(crate::tool::keys::RETIRED)?;
        let month = crate::tool::retired(tool);
        let problem = match month {
            None => format!(
                "is {}: allowed: the month the tool was retired, as YYYY/MM (e.g. 2025/06)",
                crate::text::excerpt(&value.to_string())
            ),
            Some(m) if m > today => format!(
                "is {}/{:02}, after this month ({}/{:02}): a tool is retired once it is",
                m.0, m.1, today.0, today.1
            ),
            Some(_) => return None,
        };
        let position = self
            .outcome
            .tool_keys
            .get(crate::tool::keys::RETIRED)
            .copied();
        Some(self.error(
            INVALID_RETIRED,
            position.or(self.outcome.tool_position),
            format!("`tool.retired` {problem}"),
        ))
    }

    /// `unknown-agency` (a warning): a `tool.agency` adscheck does not know, close to one it
    /// does; the summary would count it as an agency of its own.
    pub(super) fn unknown_agency(&self) -> Option<Finding> {
        let agency = crate::tool::text(&self.report.tool, "agency");
        let near = crate::tool::agencies::near(agency)?;
        let position = self.outcome.tool_keys.get("agency").copied();
        let mut finding = self.error(
            UNKNOWN_AGENCY,
            position.or(self.outcome.tool_position),
            format!(
                "`tool.agency` is `{}`, which adscheck does not know as an NYC agency: did you \
                 mean {} ({})? (an agency it does not know is counted apart in the summary)",
                crate::text::excerpt(agency),
                near.names.first().copied().unwrap_or(near.abbreviation),
                near.abbreviation
            ),
        );
        finding.severity = Severity::Warning;
        Some(finding)
    }

    /// `not-assessed`: no question answered; an error when `fails`, else a warning.
    pub(super) fn not_assessed(&self, fails: bool) -> Finding {
        let mut finding = self.error(
            NOT_ASSESSED,
            self.outcome.tool_position,
            format!(
                "not yet assessed: no question of the checklist is answered (answer them with \
                 `adscheck interview --resume {}`){}",
                // Whole, to copy (made visible, not cut: a path is only as long as the file
                // system allows).
                crate::text::visible(&self.report.file),
                if fails {
                    ""
                } else {
                    " (a warning while undetermined results pass; set require-assessment to \
                     make it an error)"
                }
            ),
        );
        if !fails {
            finding.severity = Severity::Warning;
        }
        finding
    }

    /// `missing-metadata`: each required `tool:` field that is missing or holds no real value.
    pub(super) fn missing_metadata(&self, settings: &Settings) -> Vec<Finding> {
        let required = &settings.required_tool_fields;
        required
            .iter()
            .filter_map(|field| {
                let value = self.report.tool.get(field.as_str());
                let what = match value {
                    None | Some(serde_json::Value::Null) => {
                        return Some(self.error(
                            MISSING_METADATA,
                            self.outcome.tool_position,
                            format!(
                                "`tool.{field}` is required (required tool fields: {})",
                                required.join(", ")
                            ),
                        ));
                    }
                    Some(v) if crate::tool::has_value(field, v) => return None,
                    Some(serde_json::Value::String(_)) => "empty or invisible text",
                    Some(serde_json::Value::Array(_)) => "a list with no visible text in it",
                    Some(serde_json::Value::Object(_)) => "a mapping",
                    Some(serde_json::Value::Number(_)) => "a number",
                    Some(serde_json::Value::Bool(_)) => "true/false, where text belongs",
                };
                Some(self.error(
                    MISSING_METADATA,
                    self.outcome.tool_position,
                    format!(
                        "`tool.{field}` is required and is {what}: it needs text with something \
                         visible in it, a list of such texts, or true/false (required tool \
                         fields: {})",
                        required.join(", ")
                    ),
                ))
            })
            .collect()
    }

    /// `invalid-id`: a `tool.id` that cannot name a page (it is the tool's address on the
    /// public site, and links depend on it).
    pub(super) fn invalid_id(&self) -> Option<Finding> {
        let crate::tool::identity::Id::Unusable(given, derived) =
            crate::tool::identity::id(&self.report.tool)
        else {
            return None;
        };
        Some(
            self.error(
                crate::error::Kind::InvalidId.code(),
                self.outcome
                    .tool_keys
                    .get(crate::tool::fields::keys::ID)
                    .copied()
                    .or(self.outcome.tool_position),
                format!(
                    "`tool.id` {} cannot name a page: allowed: ASCII letters, digits, - and _, at \
                 most {} of them, not a name Windows reserves (made from agency and name it \
                 would be `{derived}`)",
                    crate::text::excerpt(&given.to_string()),
                    crate::tool::identity::MAX_ID
                ),
            ),
        )
    }

    /// `undetermined`: a determination still open, with the answers it waits for.
    pub(super) fn undetermined(&self) -> Option<Finding> {
        let checklist = self.engine.checklist();
        let outcome = self.outcome;
        let undetermined: Vec<&str> = outcome
            .determinations
            .iter()
            .enumerate()
            .filter(|(_, t)| !t.is_known())
            .map(|(d, _)| checklist.label(d))
            .collect();
        if undetermined.is_empty() {
            return None;
        }
        // The answer to each needed question.
        let answer_of = &outcome.answers;
        let needed: Vec<String> = outcome
            .needed
            .iter()
            .map(|&q| match answer_of.get(q).copied().flatten() {
                Some(AnswerValue::Unsure) => format!("{} is unsure", checklist.number(q)),
                _ => format!("{} is not answered", checklist.number(q)),
            })
            .collect();
        // Point at the first unsure answer, if any; a missing one has no place in the file.
        let position = outcome
            .reasons
            .iter()
            .find(|r| r.value() == Some(AnswerValue::Unsure))
            .and_then(Reason::position);
        Some(self.error(
            UNDETERMINED,
            position,
            format!(
                "{} undetermined: {}; answer yes or no (or set allow-undetermined)",
                undetermined.join(" and "),
                needed.join(", ")
            ),
        ))
    }

    /// `declared-mismatch`: each declared determination the checklist does not give, with
    /// the answers that decided it.
    pub(super) fn declared_mismatches(&self) -> Vec<Finding> {
        let checklist = self.engine.checklist();
        let outcome = self.outcome;
        let mut findings = Vec::new();
        for (d, declared) in outcome.declared.iter().enumerate() {
            let (Some(declared), Some(&computed)) = (declared, outcome.determinations.get(d))
            else {
                continue;
            };
            if declared.value == computed {
                continue;
            }
            let because: Vec<String> = outcome
                .reasons
                .iter()
                .filter(|r| r.determination == d)
                .map(|r| match r.rests_on() {
                    Some(e) => format!(
                        "{} {}",
                        checklist.label(e),
                        outcome
                            .determinations
                            .get(e)
                            .map_or("undetermined", |t| t.as_str())
                    ),
                    None => {
                        let answer = r.value().map_or("not answered", AnswerValue::as_str);
                        let number = checklist.number(r.question().unwrap_or(usize::MAX));
                        match r.position() {
                            Some(p) => format!("{number} {answer} (line {})", p.line),
                            None => format!("{number} {answer}"),
                        }
                    }
                })
                .collect();
            findings.push(self.error(
                DECLARED_MISMATCH,
                declared.position,
                format!(
                    "declared {}: {}, but the checklist gives {}: {}",
                    checklist.determination_id(d),
                    declared.value.as_str(),
                    computed.as_str(),
                    because.join(", ")
                ),
            ));
        }
        findings
    }
}
