//! One question's help in the interview: the form's guidance and lists, the law's definition
//! the question serves, the stop rule and footnotes, and adscheck's notes, each labelled with
//! where its words come from; laid out for the eye or read aloud ([`Voice`]).

use std::fmt::Write as _;

use super::text::{definition_label, footnotes, from, guidance_and_options, underlined};
use crate::checklist::{Checklist, Question, shown};
use crate::text::{WIDTH, hanging_at};

pub use super::notes::Voice;

/// What a person answering `question` may want to read, each block labelled with where its
/// words come from: the form's guidance and lists, the law's definition the question serves,
/// the form's stop rule and footnotes, and adscheck's notes.
#[must_use]
pub fn question_help(checklist: &Checklist, question: &Question) -> String {
    question_help_at(checklist, question, WIDTH)
}

/// [`question_help`] wrapped at `width` columns (a terminal's), never mid-word.
#[must_use]
pub fn question_help_at(checklist: &Checklist, question: &Question, width: usize) -> String {
    help(checklist, question, width, Voice::Page)
}

/// [`question_help`] for the ear (the plain interview, a screen reader): no checkbox glyphs or
/// bullets, each list item read as "Option 1 of 4: ...", each note of adscheck's introduced as
/// "adscheck's note:", footnotes as "Footnote 1: ...".
#[must_use]
pub fn question_help_spoken(checklist: &Checklist, question: &Question, width: usize) -> String {
    help(checklist, question, width, Voice::Ear)
}

fn help(checklist: &Checklist, question: &Question, width: usize, voice: Voice) -> String {
    let mut s = String::new();
    let determination = question
        .part_of
        .as_ref()
        .and_then(|id| checklist.determination(id));
    let mut marked: Vec<&str> = crate::checklist::footnote_marks(&question.text).collect();
    if !question.guidance.is_empty() || question.options.is_some() {
        let source = question
            .guidance
            .first()
            .and_then(|g| g.source.as_ref())
            .or_else(|| question.options.as_ref().and_then(|o| o.source.as_ref()));
        if checklist.has_adschecks_questions() {
            // Each bullet names the law whose words it quotes.
            let _ = writeln!(s, "The law's words this question tests:");
        } else {
            let _ = writeln!(s, "Guidance{}:", from(checklist, source));
        }
        guidance_and_options(&mut s, checklist, question, 2, false, width, voice);
        for line in super::notes::printed_here(checklist, question, voice) {
            let _ = writeln!(s, "{}", hanging_at(&line, width, 2, 4));
        }
        for g in &question.guidance {
            marked.extend(crate::checklist::footnote_marks(&g.text));
        }
        if let Some(o) = &question.options {
            marked.extend(crate::checklist::footnote_marks(&o.prompt));
        }
    }
    if let Some(d) = determination {
        let _ = writeln!(s);
        let _ = writeln!(s, "{}:", definition_label(checklist, d));
        let definition = format!("{}: {}", shown(&d.term), shown(&d.definition));
        let _ = writeln!(s, "{}", hanging_at(&definition, width, 2, 2));
        if let Some(terms) = underlined(checklist, d) {
            let _ = writeln!(s, "{}", hanging_at(&voice.note(&terms), width, 2, 2));
        }
        marked.extend(
            d.definition_heading
                .iter()
                .flat_map(|h| crate::checklist::footnote_marks(h)),
        );
        marked.extend(crate::checklist::footnote_marks(&d.definition));
        if let Some(stop) = &d.stop_rule {
            let _ = writeln!(s);
            let _ = writeln!(s, "Stop rule{}:", from(checklist, d.source.as_ref()));
            let _ = writeln!(s, "{}", hanging_at(&shown(stop), width, 2, 2));
        }
    }
    marked.sort_unstable();
    marked.dedup();
    footnotes(&mut s, checklist, marked.into_iter(), (0, width), voice);
    s
}
