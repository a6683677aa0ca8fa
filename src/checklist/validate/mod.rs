//! Structural checks on a parsed checklist: ids, references, loops, empty texts.
//!
//! Every problem is collected (not just the first) so that one `checklist lint` run shows all
//! there is to fix. Whether a determination can be made `yes` at all is checked by the engine,
//! which owns the rules' semantics.

use std::collections::HashMap;

mod references;

use super::model::{Checklist, Index};
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

pub(super) struct Validator<'a> {
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
}
