//! The checks that follow references: rules naming questions and determinations, footnotes
//! marked and defined, self-tests, determinations that rest on each other in a loop, and the
//! parts nothing refers to.

use std::collections::{HashMap, HashSet};

use super::Validator;
use crate::checklist::model::{Checklist, Rule};
use crate::document::Located;
use crate::error::{Diagnostic, Kind, Position};

impl Validator<'_> {
    pub(super) fn references(&mut self, c: &Checklist, footnotes: &HashMap<String, usize>) {
        for d in &c.determinations {
            self.rule_references(c, &d.rule);
            for u in &d.underlined {
                if c.question_index(&u.clarified_by).is_none() {
                    self.unknown(
                        "question",
                        &u.clarified_by,
                        c.questions.iter().map(|q| q.id.as_str()),
                    );
                }
                if !d.definition.contains(u.words.as_str()) {
                    self.problem(
                        Kind::UnknownReference,
                        u.words.position,
                        format!(
                            "the underlined words `{}` are not in the definition of `{}`",
                            u.words.as_str(),
                            d.id.as_str()
                        ),
                    );
                }
            }
        }
        for q in &c.questions {
            if let Some(part_of) = &q.part_of
                && c.determination_index(part_of).is_none()
            {
                self.unknown(
                    "determination",
                    part_of,
                    c.determinations.iter().map(|d| d.id.as_str()),
                );
            }
        }
        for text in c.marked_texts() {
            for mark in crate::checklist::model::footnote_marks(text) {
                if !footnotes.contains_key(mark) {
                    let r = Located {
                        value: mark.to_owned(),
                        position: text.position,
                    };
                    self.unknown("footnote", &r, c.footnotes.iter().map(|f| f.id.as_str()));
                }
            }
        }
    }

    pub(super) fn rule_references(&mut self, c: &Checklist, rule: &Located<Rule>) {
        for part in Rule::walk(rule) {
            match &part.value {
                Rule::Question(id) => {
                    if c.question_index(id).is_none() {
                        self.unknown("question", id, c.questions.iter().map(|q| q.id.as_str()));
                    }
                }
                Rule::Determination(id) => {
                    if c.determination_index(id).is_none() {
                        self.unknown(
                            "determination",
                            id,
                            c.determinations.iter().map(|d| d.id.as_str()),
                        );
                    }
                }
                Rule::AllOf(parts) | Rule::AnyOf(parts) => {
                    if parts.is_empty() {
                        self.problem(
                            Kind::MissingField,
                            part.position,
                            "`all_of` and `any_of` need at least one rule",
                        );
                    }
                }
                Rule::Not(_) => {}
            }
        }
    }

    pub(super) fn unknown<'i>(
        &mut self,
        what: &str,
        id: &Located<String>,
        known: impl Iterator<Item = &'i str>,
    ) {
        let known: Vec<&str> = known.collect();
        let hint = crate::suggest::nearest(id, known.iter().copied())
            .map_or_else(String::new, |s| format!("; did you mean `{s}`?"));
        self.problem(
            Kind::UnknownReference,
            id.position,
            format!(
                "unknown {what} `{}`{hint} (known: {})",
                id.as_str(),
                known.join(", ")
            ),
        );
    }

    /// The checklist's own tests name real questions and determinations, with allowed values.
    pub(super) fn self_tests(&mut self, c: &Checklist) {
        let questions: Vec<&str> = c.questions.iter().map(|q| q.id.as_str()).collect();
        let determinations: Vec<&str> = c.determinations.iter().map(|d| d.id.as_str()).collect();
        for test in &c.tests {
            self.text("a test name", &test.name);
            for (id, value) in &test.answers.0 {
                if c.question_index(id).is_none() {
                    self.unknown("question", id, questions.iter().copied());
                }
                if !["yes", "no", "unsure"].contains(&value.as_str()) {
                    self.problem(
                        Kind::InvalidAnswer,
                        value.position,
                        format!(
                            "invalid answer `{}` in test: allowed: yes, no, unsure",
                            value.as_str()
                        ),
                    );
                }
            }
            for (id, value) in &test.expect.0 {
                if c.determination_index(id).is_none() {
                    self.unknown("determination", id, determinations.iter().copied());
                }
                if !["yes", "no", "undetermined"].contains(&value.as_str()) {
                    self.problem(
                        Kind::InvalidAnswer,
                        value.position,
                        format!(
                            "invalid expected value `{}` in test: allowed: yes, no, undetermined",
                            value.as_str()
                        ),
                    );
                }
            }
            for id in test.needed.iter().flatten() {
                if c.question_index(id).is_none() {
                    self.unknown("question", id, questions.iter().copied());
                }
            }
        }
    }

    /// Report each loop of determinations referring to each other, once.
    pub(super) fn cycles(&mut self, c: &Checklist) {
        // Edges: determination -> the determinations its rule refers to (with the position).
        let edges: Vec<Vec<(usize, Option<Position>)>> = c
            .determinations
            .iter()
            .map(|d| {
                let mut out = Vec::new();
                determination_refs(c, &d.rule, &mut out);
                out
            })
            .collect();
        #[derive(Clone, Copy, PartialEq)]
        enum Mark {
            New,
            Open,
            Done,
        }
        let mut marks = vec![Mark::New; edges.len()];
        for start in 0..edges.len() {
            if marks.get(start) != Some(&Mark::New) {
                continue;
            }
            // Iterative depth-first search; the stack holds (node, next edge to follow).
            let mut stack: Vec<(usize, usize)> = vec![(start, 0)];
            if let Some(m) = marks.get_mut(start) {
                *m = Mark::Open;
            }
            while let Some(&mut (node, ref mut next)) = stack.last_mut() {
                let Some(&(target, position)) = edges.get(node).and_then(|e| e.get(*next)) else {
                    if let Some(m) = marks.get_mut(node) {
                        *m = Mark::Done;
                    }
                    stack.pop();
                    continue;
                };
                *next += 1;
                match marks.get(target) {
                    Some(Mark::New) => {
                        if let Some(m) = marks.get_mut(target) {
                            *m = Mark::Open;
                        }
                        stack.push((target, 0));
                    }
                    Some(Mark::Open) => {
                        let from = stack.iter().position(|&(n, _)| n == target).unwrap_or(0);
                        let mut names: Vec<&str> = stack
                            .get(from..)
                            .unwrap_or_default()
                            .iter()
                            .filter_map(|&(n, _)| c.determinations.get(n).map(|d| d.id.as_str()))
                            .collect();
                        names.push(c.determinations.get(target).map_or("?", |d| d.id.as_str()));
                        self.problem(
                            Kind::Cycle,
                            position,
                            format!(
                                "determinations refer to each other in a loop: {}; a rule may \
                                 only refer to determinations that do not depend on it",
                                names.join(" -> ")
                            ),
                        );
                    }
                    _ => {}
                }
            }
        }
    }
}

/// The determinations `rule` refers to, with where.
fn determination_refs(
    c: &Checklist,
    rule: &Located<Rule>,
    out: &mut Vec<(usize, Option<Position>)>,
) {
    out.extend(Rule::walk(rule).filter_map(|part| match &part.value {
        Rule::Determination(id) => c.determination_index(id).map(|i| (i, id.position)),
        _ => None,
    }));
}

impl Checklist {
    /// Warnings about parts nothing refers to: unreachable questions, unreferenced footnotes.
    #[must_use]
    pub fn unused(&self, file: &str) -> Vec<Diagnostic> {
        unused(self, file)
    }
}

/// Parts of a checklist nothing refers to: questions no rule reads (they could never change a
/// determination, so no interview would ask them) and footnotes no text marks. Warnings, not
/// errors: a checklist may keep them on purpose.
fn unused(checklist: &Checklist, file: &str) -> Vec<Diagnostic> {
    let read: HashSet<&str> = checklist
        .determinations
        .iter()
        .flat_map(|d| Rule::walk(&d.rule))
        .filter_map(|part| match &part.value {
            Rule::Question(id) => Some(id.as_str()),
            _ => None,
        })
        .collect();
    let marked: HashSet<&str> = checklist
        .marked_texts()
        .into_iter()
        .flat_map(|t| crate::checklist::model::footnote_marks(t))
        .collect();
    let mut out = Vec::new();
    for q in &checklist.questions {
        if !read.contains(q.id.as_str()) {
            out.push(Diagnostic::new(
                Kind::UnknownReference,
                file,
                q.id.position,
                format!(
                    "question `{}` is unreachable: no rule reads it, so it can never change a \
                     determination and is never asked",
                    q.id.as_str()
                ),
            ));
        }
    }
    for f in &checklist.footnotes {
        if !marked.contains(f.id.as_str()) {
            out.push(Diagnostic::new(
                Kind::UnknownReference,
                file,
                f.id.position,
                format!("footnote `{}` is never referenced", f.id.as_str()),
            ));
        }
    }
    out
}
