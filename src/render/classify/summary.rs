//! The deciding reason in a few words, for tables and the JSON `summary`.

use crate::answers::AnswerValue;
use crate::classification::{Basis, Outcome, Reason};
use crate::engine::{Engine, Truth};

/// What keeps the first determination that is not yes from being yes, or that everything is
/// met: "(1)(b) no: not a computerized implementation", "(2)(b) unsure".
#[must_use]
pub fn summary(engine: &Engine, outcome: &Outcome) -> String {
    let checklist = engine.checklist();
    let Some((d, value)) = outcome
        .determinations
        .iter()
        .enumerate()
        .find(|(_, v)| **v != Truth::Yes)
    else {
        return "every condition is met".to_owned();
    };
    let mine: Vec<&Reason> = outcome
        .reasons
        .iter()
        .filter(|r| r.determination == d)
        .collect();
    // Decided while a determination it rests on is open ((2)(a) no before Question 1 is
    // settled): the form would not have asked yet; say so.
    let open: Vec<String> = engine
        .refers_to(d)
        .iter()
        .filter(|&&e| outcome.determinations.get(e) == Some(&Truth::Unknown))
        .map(|&e| {
            checklist
                .determinations
                .get(e)
                .map_or_else(|| "?".to_owned(), |x| x.called())
        })
        .collect();
    let unsettled = if value.is_known() && !open.is_empty() {
        format!(" ({} not settled)", open.join(", "))
    } else {
        String::new()
    };
    let value_of = |e: usize| {
        outcome
            .determinations
            .get(e)
            .map_or("undetermined", |t| t.as_str())
    };
    let said = match value {
        Truth::No => mine.first().map_or_else(String::new, |r| match r.basis {
            Basis::Determination(e) => format!("{} {}", checklist.label(e), value_of(e)),
            Basis::Answer { question, .. } => {
                // "(1)(b) no: not a computerized implementation"; the short name only reads
                // right after a "no" (a rule with `not` can be decided by a "yes").
                let short = checklist
                    .questions
                    .get(question)
                    .and_then(|q| q.short.as_ref())
                    .filter(|_| r.value() == Some(AnswerValue::No))
                    .map_or_else(String::new, |s| format!(": not {}", s.as_str()));
                let answer = r.value().map_or("no", AnswerValue::as_str);
                // A "no" that may rest on guidance adscheck reads under this question though
                // the form prints it elsewhere: say so wherever the result is given.
                let moved = checklist
                    .questions
                    .get(question)
                    .and_then(|q| q.guidance.iter().find_map(|g| g.printed_under.as_ref()))
                    .filter(|_| r.value() == Some(AnswerValue::No))
                    .map_or_else(String::new, |place| {
                        // What adscheck reads, not why this respondent answered no.
                        format!(
                            " (adscheck reads with {} an exclusion the form prints under {})",
                            checklist.number(question),
                            place.as_str()
                        )
                    });
                format!("{} {answer}{short}{moved}", checklist.number(question))
            }
        }),
        _ => {
            let numbers = |which: Option<AnswerValue>| -> Vec<&str> {
                mine.iter()
                    .filter(|r| r.value() == which)
                    .filter_map(|r| r.question().map(|q| checklist.number(q)))
                    .collect()
            };
            let (unsure, missing) = (numbers(Some(AnswerValue::Unsure)), numbers(None));
            let mut parts = Vec::new();
            if !unsure.is_empty() {
                parts.push(format!("{} unsure", unsure.join(", ")));
            }
            if !missing.is_empty() {
                parts.push(format!("{} not answered", missing.join(", ")));
            }
            for e in mine.iter().filter_map(|r| r.rests_on()) {
                parts.push(format!("{} {}", checklist.label(e), value_of(e)));
            }
            parts.join("; ")
        }
    };
    format!("{said}{unsettled}")
}
