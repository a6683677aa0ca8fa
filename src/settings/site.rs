//! The `report:` section of the settings: the public site's title and what it shows.

use serde::{Deserialize, Serialize};

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
