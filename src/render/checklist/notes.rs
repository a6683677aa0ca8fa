//! adscheck's notes on the checklist, in its own words (every caller marks them "adscheck
//! note"): why a determination the form never asked is "no", and where the form prints guidance
//! that adscheck reads with another question.

use crate::checklist::{Checklist, Determination, Question, shown};

/// The label adscheck's own wording carries wherever it is shown.
pub const EDITORIAL: &str = "adscheck note";

/// Who the text is for: a page read by eye (bullets, checkboxes, footnote marks in brackets),
/// or the ear (a screen reader, the plain interview): no glyphs, lists read as "Option 1 of 4:
/// ...", each editorial note introduced once as "adscheck's note:".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Voice {
    /// Laid out for the eye.
    Page,
    /// Read aloud.
    Ear,
}

impl Voice {
    /// adscheck's `note`, labelled as adscheck's.
    #[must_use]
    pub fn note(self, note: &str) -> String {
        match self {
            Voice::Page => format!("{EDITORIAL}: {note}"),
            Voice::Ear => format!("adscheck's note: {}", sentence(note)),
        }
    }

    /// An item of a list: a bullet on the page, the text alone for the ear.
    #[must_use]
    pub fn item(self, text: &str) -> String {
        match self {
            Voice::Page => format!("- {text}"),
            Voice::Ear => text.to_owned(),
        }
    }

    /// A footnote's text after its mark: "[1] ..." on the page, "Footnote 1: ..." for the ear.
    #[must_use]
    pub fn footnote(self, id: &str, text: &str) -> String {
        match self {
            Voice::Page => format!("[{id}] {text}"),
            Voice::Ear => format!("Footnote {id}: {text}"),
        }
    }
}

/// `text` ending as a sentence does (a full stop added when it ends in none).
fn sentence(text: &str) -> String {
    let text = text.trim_end();
    if text.ends_with(['.', '?', '!', ')', '"', '”']) {
        text.to_owned()
    } else {
        format!("{text}.")
    }
}

/// adscheck's note (its words; the caller marks them) on a determination the form never asked
/// because another one's stop rule applied: why it is "no" all the same.
#[must_use]
pub fn asked_only_after(determination: &Determination, stopped: &Determination) -> String {
    format!(
        "the form asks {} only once {} is yes, and the law's definition of {} begins with an \
         {}, so adscheck gives no here too.",
        determination.called(),
        stopped.called(),
        crate::checklist::without_footnotes(&determination.term),
        stopped.label.as_str()
    )
}

/// adscheck's notes (its words; the caller marks them) for a list of results: a determination
/// given "no" where the form never asked it, because the stop rule of one it rests on applied.
#[must_use]
pub fn not_asked_notes(checklist: &Checklist) -> Vec<String> {
    not_asked_by_label(checklist)
        .into_iter()
        .map(|(_, note)| note)
        .collect()
}

/// [`not_asked_notes`], each with the label of the determination it is about ("Agency ADS").
#[must_use]
pub fn not_asked_by_label(checklist: &Checklist) -> Vec<(String, String)> {
    let mut notes = Vec::new();
    for determination in &checklist.determinations {
        for stopped in crate::checklist::Rule::walk(&determination.rule)
            .filter_map(|part| match &part.value {
                crate::checklist::Rule::Determination(id) => checklist.determination_index(id),
                _ => None,
            })
            .filter_map(|e| checklist.determinations.get(e))
            .filter(|e| e.stop_rule.is_some())
        {
            notes.push((
                determination.label.value.clone(),
                format!(
                    "where the stop rule of {} applied, {} was not asked; {} is given as no there \
                 too, as the law's definition of {} begins with an {}.",
                    stopped.called(),
                    determination.called(),
                    determination.label.as_str(),
                    crate::checklist::without_footnotes(&determination.term),
                    stopped.label.as_str()
                ),
            ));
        }
    }
    notes
}

/// Guidance the form prints under `q` that adscheck reads with another question: the form's
/// words where the form has them, with adscheck's note saying where adscheck reads them, so
/// that a reader of `q` sees the whole form.
pub(super) fn printed_here(checklist: &Checklist, q: &Question, voice: Voice) -> Vec<String> {
    let mut lines = Vec::new();
    for owner in checklist.questions.iter().filter(|o| o.id != q.id) {
        for g in owner.guidance.iter().filter(|g| {
            g.printed_under
                .as_ref()
                .is_some_and(|p| p.as_str() == q.number.as_str())
        }) {
            lines.push(voice.item(&shown(&g.text)));
            let note = voice.note(&format!(
                "the form prints this here; adscheck reads it with {}, where its note says why",
                owner.number.as_str()
            ));
            lines.push(match voice {
                Voice::Page => format!("  ({note})"),
                Voice::Ear => note,
            });
        }
    }
    lines
}
