//! Structural checks on a parsed checklist: ids, references, loops, empty texts.
//!
//! Every problem is collected (not just the first) so that one `checklist lint` run shows all
//! there is to fix. Whether a determination can be made `yes` at all is checked by the engine,
//! which owns the rules' semantics.

use std::collections::{HashMap, HashSet};

use super::model::{Checklist, Index, Rule};
use crate::document::Located;
use crate::error::{Diagnostic, Kind, Position};

/// A block of text, what to call it, the source it names, and where it stands.
type Block<'c> = (String, Option<&'c Located<String>>, Option<Position>);

/// Check `checklist`, fill in its index, and return every problem found.
pub(crate) fn validate(checklist: &mut Checklist, file: &str) -> Vec<Diagnostic> {
    let mut v = Validator {
        file,
        problems: Vec::new(),
    };
    checklist.index = Index {
        questions: v.unique_ids("question", checklist.questions.iter().map(|q| &q.id)),
        determinations: v.unique_ids(
            "determination",
            checklist.determinations.iter().map(|d| &d.id),
        ),
    };
    let footnotes = v.unique_ids("footnote", checklist.footnotes.iter().map(|f| &f.id));
    v.texts(checklist);
    v.sources(checklist);
    v.references(checklist, &footnotes);
    v.cycles(checklist);
    v.self_tests(checklist);
    if checklist.questions.is_empty() {
        v.problem(
            Kind::MissingField,
            None,
            "a checklist needs at least one question",
        );
    }
    if checklist.determinations.is_empty() {
        v.problem(
            Kind::MissingField,
            None,
            "a checklist needs at least one determination",
        );
    }
    v.problems.sort_by_key(|d| d.position);
    v.problems
}

struct Validator<'a> {
    file: &'a str,
    problems: Vec<Diagnostic>,
}

impl Validator<'_> {
    fn problem(&mut self, kind: Kind, position: Option<Position>, message: impl Into<String>) {
        self.problems
            .push(Diagnostic::new(kind, self.file, position, message));
    }

    /// Index ids of one kind, reporting bad and repeated ones.
    fn unique_ids<'i>(
        &mut self,
        what: &str,
        ids: impl Iterator<Item = &'i Located<String>>,
    ) -> HashMap<String, usize> {
        let mut seen: HashMap<String, usize> = HashMap::new();
        let mut first_position: Vec<Option<Position>> = Vec::new();
        for (i, id) in ids.enumerate() {
            first_position.push(id.position);
            self.id_shape(what, id);
            if let Some(&earlier) = seen.get(id.as_str()) {
                let at = first_position
                    .get(earlier)
                    .copied()
                    .flatten()
                    .map_or_else(String::new, |p| format!(" (first at line {})", p.line));
                self.problem(
                    Kind::DuplicateId,
                    id.position,
                    format!(
                        "duplicate {what} id `{}`{at}: ids must be unique",
                        id.as_str()
                    ),
                );
            } else {
                seen.insert(id.value.clone(), i);
            }
        }
        seen
    }

    fn id_shape(&mut self, what: &str, id: &Located<String>) {
        let ok = !id.is_empty()
            && id
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.'));
        if !ok {
            self.problem(
                Kind::InvalidId,
                id.position,
                format!(
                    "{what} id `{}` is not allowed: use letters, digits, `_`, `-` or `.`",
                    id.as_str()
                ),
            );
        }
    }

    fn text(&mut self, what: &str, text: &Located<String>) {
        if !crate::text::has_visible(text) {
            self.problem(Kind::EmptyText, text.position, format!("{what} is empty"));
        }
        // Checklist texts are printed to terminals and into every report: no control,
        // bidirectional or invisible characters (a line break in a block text is fine).
        if let Some(c) = text
            .chars()
            .find(|&c| c != '\n' && crate::text::is_unsafe(c))
        {
            self.problem(
                Kind::WrongType,
                text.position,
                format!(
                    "{what} has the character {} (a control, bidirectional or invisible \
                     character): checklist texts are shown to people as they are",
                    crate::text::visible(&c.to_string())
                ),
            );
        }
    }

    fn texts(&mut self, c: &Checklist) {
        self.text("the checklist title", &c.title);
        self.text("the checklist version", &c.version);
        self.text("the checklist source", &c.source);
        for note in &c.editorial_notes {
            self.text("an editorial note", note);
        }
        for f in &c.footnotes {
            self.text(&format!("the text of footnote {}", f.id.as_str()), &f.text);
            if let Some(note) = &f.editorial_note {
                self.text("an editorial note", note);
            }
        }
        for d in &c.determinations {
            let id = d.id.as_str();
            for (what, text) in [
                ("number", &d.number),
                ("label", &d.label),
                ("question", &d.question),
                ("term", &d.term),
                ("definition", &d.definition),
                ("citation", &d.citation),
            ] {
                self.text(&format!("the {what} of determination `{id}`"), text);
            }
            for (what, text) in [
                ("instructions", &d.instructions),
                ("stop rule", &d.stop_rule),
            ] {
                if let Some(text) = text {
                    self.text(&format!("the {what} of determination `{id}`"), text);
                }
            }
        }
        for q in &c.questions {
            let id = q.id.as_str();
            self.text(&format!("the number of question `{id}`"), &q.number);
            self.text(&format!("the text of question `{id}`"), &q.text);
            if let Some(short) = &q.short {
                self.text(&format!("the short name of question `{id}`"), short);
            }
            for g in &q.guidance {
                self.text(&format!("a guidance bullet of question `{id}`"), &g.text);
                for item in &g.items {
                    self.text(&format!("a guidance sub-bullet of question `{id}`"), item);
                }
                if let Some(note) = &g.editorial_note {
                    self.text("an editorial note", note);
                }
            }
            if let Some(options) = &q.options {
                self.text(
                    &format!("the options prompt of question `{id}`"),
                    &options.prompt,
                );
                if options.choices.is_empty() {
                    self.problem(
                        Kind::MissingField,
                        options.prompt.position,
                        format!("the options of question `{id}` list no choices"),
                    );
                }
                self.unique_ids(
                    &format!("option (of question `{id}`)"),
                    options.choices.iter().map(|c| &c.id),
                );
                for choice in &options.choices {
                    self.text(
                        &format!(
                            "the label of option `{}` of question `{id}`",
                            choice.id.as_str()
                        ),
                        &choice.label,
                    );
                    let what = format!(
                        "the description of option `{}` of question `{id}`",
                        choice.id.as_str()
                    );
                    for text in choice.description.iter().chain(&choice.items) {
                        self.text(&what, text);
                    }
                }
            }
        }
    }

    /// A checklist that declares its `sources` names one for every block of text, and only
    /// sources it declares.
    fn sources(&mut self, c: &Checklist) {
        let Some(sources) = &c.sources else {
            return;
        };
        let known: Vec<&str> = sources.0.iter().map(|(k, _)| k.as_str()).collect();
        let mut blocks: Vec<Block<'_>> = vec![(
            "the title".to_owned(),
            c.title_source.as_ref(),
            c.title.position,
        )];
        for f in &c.footnotes {
            blocks.push((
                format!("footnote {}", f.id.as_str()),
                f.source.as_ref(),
                f.id.position,
            ));
        }
        for d in &c.determinations {
            let id = d.id.as_str();
            blocks.push((
                format!("determination `{id}`"),
                d.source.as_ref(),
                d.id.position,
            ));
            blocks.push((
                format!("the definition of determination `{id}` (definition_source)"),
                d.definition_source.as_ref(),
                d.definition.position,
            ));
        }
        for q in &c.questions {
            let id = q.id.as_str();
            blocks.push((format!("question `{id}`"), q.source.as_ref(), q.id.position));
            for g in &q.guidance {
                blocks.push((
                    format!("a guidance bullet of question `{id}`"),
                    g.source.as_ref(),
                    g.text.position,
                ));
            }
            if let Some(o) = &q.options {
                blocks.push((
                    format!("the list of question `{id}`"),
                    o.source.as_ref(),
                    o.prompt.position,
                ));
            }
        }
        for (what, source, position) in blocks {
            match source {
                None => self.problem(
                    Kind::MissingField,
                    position,
                    format!(
                        "{what} does not say where its words come from: add `source:` ({})",
                        known.join(", ")
                    ),
                ),
                Some(s) if !known.contains(&s.as_str()) => {
                    self.unknown("source", s, known.iter().copied());
                }
                Some(_) => {}
            }
        }
    }

    fn references(&mut self, c: &Checklist, footnotes: &HashMap<String, usize>) {
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
            for mark in super::model::footnote_marks(text) {
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

    fn rule_references(&mut self, c: &Checklist, rule: &Located<Rule>) {
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

    fn unknown<'i>(
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
    fn self_tests(&mut self, c: &Checklist) {
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
    fn cycles(&mut self, c: &Checklist) {
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
        .flat_map(|t| super::model::footnote_marks(t))
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
