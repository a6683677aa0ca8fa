//! Blank answer files for people who prefer an editor to the interview: every question with
//! its number, text and option ids as comments, and a blank block under `also:` for each
//! further law asked for.

use std::fmt::Write as _;

use super::write::{comment, hanging_comment, key, question_comment, tool_block};
use crate::checklist::{Checklist, Question};

/// A blank answer file for `checklist`, every question with its number, text and option ids
/// as comments, for people who prefer an editor to the interview.
#[must_use]
pub fn template(checklist: &Checklist, schema_line: Option<&str>) -> String {
    let mut out = String::new();
    if let Some(line) = schema_line {
        let _ = writeln!(out, "{line}");
    }
    comment(
        &mut out,
        0,
        &format!(
            "Answer file for \"{}\" ({} version {}).",
            checklist.title.as_str(),
            checklist.id.as_str(),
            checklist.version.as_str()
        ),
    );
    comment(
        &mut out,
        0,
        "Answer each question yes, no or unsure; leave it empty until you know. Questions after \
         a deciding \"no\" need no answer (adscheck classify says which are still needed). \
         `adscheck checklist show` prints the guidance and definitions.",
    );
    let _ = writeln!(out, "checklist: {}", key(checklist.id.as_str()));
    let _ = writeln!(out, "tool:");
    for (field, hint) in [
        ("name", "name or commercial name of the tool"),
        ("agency", "the agency that uses it"),
        ("description", "a brief description"),
        ("contact", "who can answer questions about it (optional)"),
    ] {
        let _ = writeln!(out, "  {field}:   # {hint}");
    }
    comment(
        &mut out,
        2,
        "Any other facts may follow, e.g. (adscheck's summary, not the law's words) what Local \
         Law 35 of 2022 (Administrative Code § 3-119.5) asks each tool to report: its purpose, \
         the data it collects or analyses and their source, how the information it produces is \
         used, any vendor, and the month and year it was first used.",
    );
    answers(&mut out, checklist);
    out
}

/// [`template`], with a blank block under `also:` for each further checklist in `also`.
#[must_use]
pub fn template_with_also(
    checklist: &Checklist,
    also: &[&Checklist],
    schema_line: Option<&str>,
) -> String {
    let mut out = template(checklist, schema_line);
    if also.is_empty() {
        return out;
    }
    let _ = writeln!(out);
    comment(
        &mut out,
        0,
        "The same tool under further checklists: each block is answered as above, under its own \
         checklist's questions (adscheck checklist show ID).",
    );
    let _ = writeln!(out, "also:");
    for other in also {
        let _ = writeln!(out, "  {}:", key(other.id.as_str()));
        let mut block = String::new();
        answers(&mut block, other);
        for line in block.lines() {
            if line.is_empty() {
                let _ = writeln!(out);
            } else {
                let _ = writeln!(out, "    {line}");
            }
        }
    }
    out
}

/// The template's `answers:` block: every question, unanswered.
pub(super) fn answers(out: &mut String, checklist: &Checklist) {
    let _ = writeln!(out, "answers:");
    for determination in &checklist.determinations {
        let _ = writeln!(out);
        comment(
            out,
            2,
            &format!(
                "{}: {}",
                determination.heading(),
                determination.shown_question()
            ),
        );
        for q in checklist
            .questions
            .iter()
            .filter(|q| q.part_of.as_ref().map(|p| p.as_str()) == Some(determination.id.as_str()))
        {
            question(out, q);
        }
    }
    let loose: Vec<&Question> = checklist
        .questions
        .iter()
        .filter(|q| q.part_of.is_none())
        .collect();
    if !loose.is_empty() {
        let _ = writeln!(out);
        for q in loose {
            question(out, q);
        }
    }
}

fn question(out: &mut String, q: &Question) {
    let _ = writeln!(out);
    question_comment(out, q);
    match &q.options {
        Some(options) => {
            comment(
                out,
                2,
                match q.options.as_ref().map(|o| o.kind) {
                    Some(crate::checklist::OptionKind::Examples) => {
                        "Long form with the kinds of decision (the form's examples, an open list): \
                         {answer: yes, options: [ids], note: \"...\"}. Options:"
                    }
                    Some(crate::checklist::OptionKind::Factors) => {
                        "Long form with the factors that apply (the form lists them among others): \
                         {answer: yes, options: [ids], note: \"...\"}. Options:"
                    }
                    _ => {
                        "Long form with the informational checkboxes: {answer: yes, options: \
                         [ids], note: \"...\"}. Options:"
                    }
                },
            );
            for c in &options.choices {
                hanging_comment(
                    out,
                    2,
                    &format!("  {}: {}", c.id.as_str(), c.short_label()),
                    6,
                );
            }
        }
        None => comment(out, 2, "yes | no | unsure, or {answer: ..., note: \"...\"}"),
    }
    let _ = writeln!(out, "  {}:", key(q.id.as_str()));
}

/// A new answer file for a tool known before any question is answered (imported from a
/// table): `comment` at the top, the tool's fields, and every question present and
/// unanswered with its number, text and option ids as comments, as in the template.
#[must_use]
pub fn unanswered(
    checklist: &Checklist,
    tool: &serde_json::Map<String, serde_json::Value>,
    comment_text: &str,
) -> String {
    let mut out = String::new();
    comment(&mut out, 0, comment_text);
    let _ = writeln!(out, "checklist: {}", key(checklist.id.as_str()));
    out.push_str(&tool_block(tool));
    answers(&mut out, checklist);
    out
}
