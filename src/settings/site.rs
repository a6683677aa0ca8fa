//! The `report:` section of the settings: the public site's title and what it shows.

use serde::{Deserialize, Serialize};

use crate::document::Located;
use crate::error::{Diagnostic, Kind};

/// The `report:` section: the public site's title and what it shows.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Site {
    /// Every page's title.
    pub title: Option<String>,
    /// A sentence shown at the top of every page, in the site owner's words (for example that
    /// the tools are invented examples, or that a directory is a draft).
    pub notice: Option<String>,
    /// What the site shows beyond LL35 fields and determinations.
    #[serde(default)]
    pub public: Public,
    /// The terms the directory's data may be used under, in the publisher's words (e.g. the
    /// city's open data terms of use), shown beside the downloads.
    pub licence: Option<String>,
    /// Where the site is published (`https://example.org/ads/`): every page's canonical
    /// address, and each tool page's full address and suggested citation.
    pub base_url: Option<Located<String>>,
    /// Where questions and corrections about a record go: a `mailto:` address or a form's
    /// `https://` URL. Each tool page offers it, with the tool's id and address filled in; the
    /// site itself collects nothing.
    pub feedback: Option<Located<String>>,
}

impl Site {
    /// Every problem with `base_url` and `feedback`, each at its place in `file`.
    #[must_use]
    pub fn problems(&self, file: &str) -> Vec<Diagnostic> {
        let mut problems = Vec::new();
        let safe = |text: &str| {
            !text.is_empty()
                && !text
                    .chars()
                    .any(|c| c.is_whitespace() || crate::text::is_unsafe(c) || "\"'<>`".contains(c))
        };
        if let Some(url) = &self.base_url {
            let text = url.as_str();
            if !(text.starts_with("https://") || text.starts_with("http://")) || !safe(text) {
                problems.push(Diagnostic::new(
                    Kind::WrongType,
                    file,
                    url.position,
                    format!(
                        "`report.base_url` is `{}`: allowed: the site's address, starting \
                         https:// (or http://), with no spaces or quotes (e.g. \
                         https://example.org/ads/)",
                        crate::text::excerpt(text)
                    ),
                ));
            }
        }
        if let Some(to) = &self.feedback {
            let text = to.as_str();
            let allowed = text.starts_with("mailto:")
                || text.starts_with("https://")
                || text.starts_with("http://");
            if !allowed || !safe(text) {
                problems.push(Diagnostic::new(
                    Kind::WrongType,
                    file,
                    to.position,
                    format!(
                        "`report.feedback` is `{}`: allowed: a mailto: address \
                         (mailto:ads@example.org) or a form's address starting https://, with no \
                         spaces or quotes",
                        crate::text::excerpt(text)
                    ),
                ));
            }
        }
        problems
    }

    /// `base_url` ending in `/`, when given.
    #[must_use]
    pub fn base_url(&self) -> Option<String> {
        self.base_url.as_ref().map(|u| {
            let u = u.as_str();
            if u.ends_with('/') {
                u.to_owned()
            } else {
                format!("{u}/")
            }
        })
    }
}

/// What the public site shows beyond each tool's LL35 fields and determinations (a setting,
/// `report: public:` in `.adscheck.yaml`). Contacts, the names in stamps and withheld tools
/// are never shown, whatever it says.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Public {
    /// Each answer, with the ticked options.
    pub answers: bool,
    /// The respondents' notes.
    pub notes: bool,
    /// The dates of the history (first used is an LL35 field and always shown).
    pub dates: bool,
}

impl Default for Public {
    fn default() -> Self {
        Public {
            answers: true,
            notes: true,
            dates: true,
        }
    }
}
