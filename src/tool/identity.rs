//! Who a tool is: the key two files are the same tool by ([`ToolKey`]: its agency as NYC knows
//! it and its name, compared as people read them), and the stable id its public page and links
//! go by ([`id`]). `check`'s duplicate rule, `ll35 import`'s matching of rows and files, the
//! interview and the summary all use these, so a tool is one tool everywhere.

use serde_json::Value;

use super::Fields;
use super::agencies;
use super::keys;
use crate::text::identity;

/// What makes two records the same tool: the agency (its abbreviation when NYC's table knows
/// it, so `FDNY` is the Fire Department; otherwise its text folded as names are) and the name
/// folded ([`crate::text::identity`]). Never truncated, never made ASCII.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ToolKey {
    /// The agency's key ([`agencies::match_key`]).
    pub agency: String,
    /// The name, folded.
    pub name: String,
}

impl ToolKey {
    /// The key of a tool of `agency` named `name`; `None` when either has nothing to compare.
    #[must_use]
    pub fn of(agency: &str, name: &str) -> Option<ToolKey> {
        let key = ToolKey {
            agency: agencies::match_key(agency),
            name: identity(name),
        };
        (!key.agency.is_empty() && !key.name.is_empty()).then_some(key)
    }

    /// The key of the tool `tool` describes.
    #[must_use]
    pub fn of_fields(tool: &Fields) -> Option<ToolKey> {
        ToolKey::of(super::text(tool, "agency"), super::text(tool, "name"))
    }

    /// A short, stable hash of the key: what settles two tools whose names would collide,
    /// independent of where their files are or how their paths were typed.
    #[must_use]
    pub fn hash(&self) -> String {
        let hash = crate::checklist::sha256_hex(&format!("{}\n{}", self.agency, self.name));
        hash.get(..8).unwrap_or(&hash).to_owned()
    }
}

/// The longest stored id used as a page address.
pub const MAX_ID: usize = 100;

/// Whether `id` can name a page on every system: ASCII letters, digits, `-` and `_`, at most
/// [`MAX_ID`] of them, starting and ending with a letter or digit, no `--`, and not a name
/// Windows reserves (`con`, `com1`, ...).
#[must_use]
pub fn usable_id(id: &str) -> bool {
    let lower = id.to_ascii_lowercase().replace('_', "-");
    !id.is_empty()
        && id.len() <= MAX_ID
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        && !lower.starts_with('-')
        && !lower.ends_with('-')
        && !lower.contains("--")
        && crate::text::safe_name(&lower, "x")
            == lower
                .get(..lower.len().min(60))
                .unwrap_or(&lower)
                .trim_end_matches('-')
}

/// The id a tool goes by when its file gives none: its agency's folder and its name, made
/// safe (`fdny-building-fire-risk-model`). `ll35 import` and `interview` write it into the
/// files they create, so that it stays when the tool is renamed; the summary derives it, with
/// a warning, for files without one.
#[must_use]
pub fn derived_id(agency: &str, name: &str) -> String {
    format!(
        "{}-{}",
        agencies::folder(agency).to_ascii_lowercase(),
        crate::text::safe_name(name, "tool")
    )
}

/// A tool's id and where it came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Id<'a> {
    /// `tool.id`, usable as it is.
    Stored(&'a str),
    /// Derived from agency and name: there is no `tool.id`.
    Derived(String),
    /// Derived from agency and name, because `tool.id` (this value) cannot name a page.
    Unusable(&'a Value, String),
}

impl Id<'_> {
    /// The id.
    #[must_use]
    pub fn as_str(&self) -> &str {
        match self {
            Id::Stored(id) => id,
            Id::Derived(id) | Id::Unusable(_, id) => id,
        }
    }
}

/// The id of the tool `tool` describes: `tool.id` when usable, else derived.
#[must_use]
pub fn id(tool: &Fields) -> Id<'_> {
    let derived = || derived_id(super::text(tool, "agency"), super::text(tool, "name"));
    match tool.get(keys::ID) {
        Some(Value::String(id)) if usable_id(id) => Id::Stored(id),
        Some(given) => Id::Unusable(given, derived()),
        None => Id::Derived(derived()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn case(id: &str, usable: bool) {
        assert_eq!(usable_id(id), usable, "{id:?}");
    }

    #[test]
    fn ids_that_name_a_page() {
        case("fdny-fire-risk", true);
        case("DOE_Seats_2", true);
        case(&"a".repeat(100), true);
        case(&format!("{}-b", "a".repeat(70)), true);
        case(&"a".repeat(101), false);
        case("", false);
        case("con", false);
        case("com1", false);
        case("-lead", false);
        case("trail-", false);
        case("two--dashes", false);
        case("späce", false);
        case("a/b", false);
        case("a.html", false);
    }

    #[test]
    fn one_tool_by_agency_and_name_however_written() {
        let a = ToolKey::of("FDNY", "Fire  Risk").unwrap();
        let b = ToolKey::of("Fire Department", "fire risk").unwrap();
        assert_eq!(a, b);
        assert_eq!(a.hash(), b.hash());
        assert_ne!(ToolKey::of("DoITT", "x"), ToolKey::of("OTI", "x"));
        assert_eq!(ToolKey::of("", "x"), None);
        assert_eq!(ToolKey::of("FDNY", " "), None);
        // Names that share their first 60 characters, or have no ASCII letters, stay apart.
        let long = "x".repeat(60);
        assert_ne!(
            ToolKey::of(&format!("{long} one"), "t"),
            ToolKey::of(&format!("{long} two"), "t")
        );
        assert_ne!(ToolKey::of("東京", "t"), ToolKey::of("大阪", "t"));
    }
}
