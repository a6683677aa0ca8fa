//! Whose words a text of a checklist is, as every output shows it.
//!
//! A checklist laid out from a form (Local Law 49's) quotes the form and the law throughout; one
//! that decomposes a statute with no form (Local Law 35's "algorithmic tool", New York State's
//! "automated decision-making tool") asks adscheck's own questions about the law's words. Its
//! questions carry `source: adscheck`, and wherever one is shown it says so; the law's words
//! quoted under it are shown as a quotation, with the law's name.

use super::model::{
    Checklist, Determination, Guidance, OptionList, Question, shown, without_footnotes,
};
use crate::document::Located;

/// The key of `sources` for adscheck's own wording in a checklist.
pub const ADSCHECK_SOURCE: &str = "adscheck";

/// What follows a question in adscheck's words wherever it is shown.
pub const ADSCHECK_WORDING: &str = "(adscheck's question)";

/// Whether a block with this `source:` is in adscheck's words.
#[must_use]
pub fn is_adschecks(source: Option<&Located<String>>) -> bool {
    source.is_some_and(|s| s.as_str() == ADSCHECK_SOURCE)
}

fn marked(text: String, source: Option<&Located<String>>) -> String {
    if is_adschecks(source) {
        format!("{text} {ADSCHECK_WORDING}")
    } else {
        text
    }
}

impl Question {
    /// The question as people read it: footnote marks as `[1]`, and marked when the words are
    /// adscheck's.
    #[must_use]
    pub fn shown_text(&self) -> String {
        marked(shown(&self.text), self.source.as_ref())
    }

    /// [`Question::shown_text`] without footnote marks (for a page that has no footnotes).
    #[must_use]
    pub fn plain_text(&self) -> String {
        marked(without_footnotes(&self.text), self.source.as_ref())
    }
}

impl Determination {
    /// The determination's question as people read it, marked when the words are adscheck's.
    #[must_use]
    pub fn shown_question(&self) -> String {
        marked(shown(&self.question), self.source.as_ref())
    }

    /// [`Determination::shown_question`] without footnote marks.
    #[must_use]
    pub fn plain_question(&self) -> String {
        marked(without_footnotes(&self.question), self.source.as_ref())
    }
}

impl Checklist {
    /// Whether the checklist asks questions in adscheck's words (it declares the source).
    #[must_use]
    pub fn has_adschecks_questions(&self) -> bool {
        self.sources
            .as_ref()
            .is_some_and(|s| s.0.iter().any(|(k, _)| k.as_str() == ADSCHECK_SOURCE))
    }

    /// A guidance bullet as people read it: in a checklist of adscheck's questions, the law's
    /// words quoted with the law's name (`NYC Administrative Code § 3-119.5(a): "any
    /// technology ..."`); otherwise the form's text as it is.
    #[must_use]
    pub fn shown_guidance(&self, guidance: &Guidance) -> String {
        self.quoted(&guidance.text, guidance.source.as_ref())
    }

    /// A list's lead-in as people read it: quoted with the law's name, as
    /// [`Checklist::shown_guidance`].
    #[must_use]
    pub fn shown_prompt(&self, options: &OptionList) -> String {
        self.quoted(&options.prompt, options.source.as_ref())
    }

    /// `text` of `source`: in a checklist of adscheck's questions, a text that is not
    /// adscheck's is the law's words, quoted with the law's name.
    fn quoted(&self, text: &str, source: Option<&Located<String>>) -> String {
        let text = shown(text);
        if !self.has_adschecks_questions() || is_adschecks(source) {
            return text;
        }
        match self.source_name(source) {
            Some(name) => format!("{name}: \"{text}\""),
            None => format!("\"{text}\""),
        }
    }
}
