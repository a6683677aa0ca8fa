//! What a tool needs before its record is complete: the summary's list of work.

use serde::Serialize;

use crate::classification::Classification;

/// One thing a tool needs: what, and the particulars (rule ids, the report's items missing,
/// the questions still needed).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Need {
    /// "fails check", "LL35 items missing", "undetermined", "not yet assessed", "older
    /// checklist".
    pub what: &'static str,
    /// The particulars, a short text each.
    pub details: Vec<String>,
}

/// What a tool needs, in the order of the work: an assessment, answers still needed, the
/// report's items, what `check` fails on, an older checklist's answers to review.
pub(super) fn needs(
    checklist: &crate::checklist::Checklist,
    report: &Classification,
    assessment: crate::classification::Assessment,
    (failing, stale): (&[String], bool),
    ll35_missing: Option<Vec<String>>,
) -> Vec<Need> {
    use crate::classification::Assessment;
    let mut out = Vec::new();
    match (assessment, report.outcome.as_ref()) {
        (Assessment::NotStarted, _) => out.push(Need {
            what: "not yet assessed",
            details: Vec::new(),
        }),
        (Assessment::InProgress, Ok(outcome)) => out.push(Need {
            what: "undetermined",
            details: outcome
                .needed
                .iter()
                .map(|&q| {
                    let answer = outcome.answers.get(q).copied().flatten();
                    format!(
                        "{} {}",
                        checklist.number(q),
                        answer.map_or("not answered", |a| a.as_str())
                    )
                })
                .collect(),
        }),
        _ => {}
    }
    if let Some(missing) = ll35_missing.filter(|m| !m.is_empty()) {
        out.push(Need {
            what: "LL35 items missing",
            details: missing,
        });
    }
    // The rules `check` fails the file on, beyond those said above.
    let rules: Vec<String> = failing
        .iter()
        .filter(|r| !["undetermined", "not-assessed"].contains(&r.as_str()))
        .filter(|r| !r.starts_with("ll35-missing"))
        .cloned()
        .collect();
    if !rules.is_empty() {
        out.push(Need {
            what: "fails check",
            details: rules,
        });
    }
    if stale {
        out.push(Need {
            what: "older checklist",
            details: vec!["answers to review under the checklist in use".to_owned()],
        });
    }
    out
}
