//! The counts the policy office tracks, for one agency or in total, and how a tool and a
//! failing file add to them.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::Tool;
use crate::check;
use crate::engine::Truth;

/// The counts the policy office tracks, for one agency or in total.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Counts {
    /// Tools (withheld ones not counted).
    pub tools: usize,
    /// Per determination id: yes, no, undetermined.
    pub determinations: BTreeMap<String, Tally>,
    /// Files that fail `check`.
    pub failing: usize,
    /// Failing files per rule.
    pub rules: BTreeMap<String, usize>,
    /// Tools in the Local Law 35 reporting scope (a setting, `ll35.report`, not a duty: which
    /// tools report is the agency's decision). Read also as `ll35_due`, its name in reports
    /// before adscheck 0.1.0's issue 23, so an older report still serves `--since`.
    #[serde(default, alias = "ll35_due")]
    pub ll35_in_scope: usize,
    /// Of those, tools with every required LL35 field.
    pub ll35_complete: usize,
    /// Files answered under an older version of the checklist.
    pub stale: usize,
    /// Tools withheld from the public report.
    pub withheld: usize,
    /// The oldest and newest latest-review date.
    pub oldest_review: Option<String>,
    /// See `oldest_review`.
    pub newest_review: Option<String>,
}

/// Yes, no, undetermined.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tally {
    /// Yes.
    pub yes: usize,
    /// No.
    pub no: usize,
    /// Undetermined: assessed (some question answered), and still open.
    pub undetermined: usize,
    /// Not yet assessed: no question answered (counted here, not as undetermined).
    #[serde(default)]
    pub not_assessed: usize,
}

pub(super) fn failing_rules(result: &check::FileResult) -> Vec<String> {
    let mut rules: Vec<String> = result
        .findings
        .iter()
        .filter(|f| f.severity == check::Severity::Error)
        .map(|f| f.rule.to_owned())
        .collect();
    rules.sort();
    rules.dedup();
    rules
}

pub(super) fn count_failing(counts: &mut Counts, result: &check::FileResult) {
    let rules = failing_rules(result);
    if !rules.is_empty() {
        counts.failing += 1;
    }
    for rule in rules {
        *counts.rules.entry(rule).or_default() += 1;
    }
}

pub(super) fn add(counts: &mut Counts, tool: &Tool, other_laws: &[super::laws::LawInfo]) {
    counts.tools += 1;
    let assessed = tool.assessment != crate::classification::Assessment::NotStarted;
    for (id, value) in &tool.determinations {
        tally(
            counts.determinations.entry(id.clone()).or_default(),
            *value,
            assessed,
        );
    }
    // Each other law's, under `<checklist>.<determination>`: a tool not answered under it is
    // not yet assessed under it.
    for law in other_laws {
        let answered = tool.law(&law.id);
        let assessed =
            answered.is_some_and(|l| l.assessment != crate::classification::Assessment::NotStarted);
        for (d, _) in &law.determinations {
            let value = answered
                .and_then(|l| l.determinations.iter().find(|(id, _)| id == d))
                .map_or(Truth::Unknown, |(_, v)| *v);
            let key = super::laws::key(&law.id, d);
            tally(
                counts.determinations.entry(key).or_default(),
                value,
                assessed,
            );
        }
    }
    if !tool.failing.is_empty() {
        counts.failing += 1;
    }
    for rule in &tool.failing {
        *counts.rules.entry(rule.clone()).or_default() += 1;
    }
    counts.ll35_in_scope += usize::from(tool.ll35_in_scope);
    counts.ll35_complete += usize::from(tool.ll35_complete);
    counts.stale += usize::from(tool.stale);
    if let Some(date) = &tool.reviewed {
        if counts.oldest_review.as_ref().is_none_or(|d| date < d) {
            counts.oldest_review = Some(date.clone());
        }
        if counts.newest_review.as_ref().is_none_or(|d| date > d) {
            counts.newest_review = Some(date.clone());
        }
    }
}

fn tally(tally: &mut Tally, value: Truth, assessed: bool) {
    match value {
        Truth::Yes => tally.yes += 1,
        Truth::No => tally.no += 1,
        Truth::Unknown if assessed => tally.undetermined += 1,
        Truth::Unknown => tally.not_assessed += 1,
    }
}

pub(super) fn merge_counts(total: &mut Counts, part: &Counts) {
    total.tools += part.tools;
    for (id, t) in &part.determinations {
        let sum = total.determinations.entry(id.clone()).or_default();
        sum.yes += t.yes;
        sum.no += t.no;
        sum.undetermined += t.undetermined;
        sum.not_assessed += t.not_assessed;
    }
    total.failing += part.failing;
    for (rule, n) in &part.rules {
        *total.rules.entry(rule.clone()).or_default() += n;
    }
    total.ll35_in_scope += part.ll35_in_scope;
    total.ll35_complete += part.ll35_complete;
    total.stale += part.stale;
    total.withheld += part.withheld;
    for date in [&part.oldest_review, &part.newest_review]
        .into_iter()
        .flatten()
    {
        if total.oldest_review.as_ref().is_none_or(|d| date < d) {
            total.oldest_review = Some(date.clone());
        }
        if total.newest_review.as_ref().is_none_or(|d| date > d) {
            total.newest_review = Some(date.clone());
        }
    }
}
