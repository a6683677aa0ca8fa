//! Stamps: the history of how an answer file was made. Each entry says what happened
//! (answered, reviewed, resumed), under which checklist (id, version, hash), with which
//! adscheck, when, and by whom. The history only grows: entries are added, never replaced.
//!
//! ```yaml
//! stamps:
//!   - event: answered
//!     checklist: "nyc-ll49-2018"
//!     version: "1.0.0"
//!     sha256: "9f2c..."
//!     adscheck: "0.1.0"
//!     at: "2026-11-23T12:00:00Z"
//!     by: "Pat Lee, data governance"
//! ```
//!
//! A file written before histories existed has one `stamp:` block; it is read as a history
//! of one entry (answered) and written back as `stamps:`.

use super::problems::{list, unknown_key};
use crate::checklist::Checklist;
use crate::document::{Format, Node, Value};
use crate::error::{Kind, Position};
use crate::yaml;

/// The keys of a stamp entry.
const STAMP_KEYS: [&str; 7] = [
    "event",
    "checklist",
    "version",
    "sha256",
    "adscheck",
    "at",
    "by",
];

/// What happened to the answers.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Event {
    /// The answers were given (by the interview, or by hand and then stamped).
    #[default]
    Answered,
    /// The answers were reviewed, under the checklist version the entry names.
    Reviewed,
    /// The interview was taken up again.
    Resumed,
}

impl Event {
    /// The word in files.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Event::Answered => "answered",
            Event::Reviewed => "reviewed",
            Event::Resumed => "resumed",
        }
    }

    fn parse(word: &str) -> Option<Event> {
        [Event::Answered, Event::Reviewed, Event::Resumed]
            .into_iter()
            .find(|e| e.as_str() == word)
    }
}

/// One entry of a file's history.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Stamp {
    /// What happened.
    pub event: Event,
    /// The checklist id.
    pub checklist: String,
    /// The checklist version.
    pub version: String,
    /// SHA-256 of the checklist file's text.
    pub sha256: String,
    /// The adscheck version that wrote the entry.
    pub adscheck: String,
    /// When (RFC 3339, UTC).
    pub at: String,
    /// Who (name and role), when known.
    pub by: Option<String>,
    /// Where the entry stands in the file.
    pub position: Option<Position>,
}

impl Stamp {
    /// An entry for `event` now, under `checklist`.
    #[must_use]
    pub fn now(checklist: &Checklist, event: Event, at: String, by: Option<String>) -> Stamp {
        Stamp {
            event,
            checklist: checklist.id.value.clone(),
            version: checklist.version.value.clone(),
            sha256: checklist.sha256.clone(),
            adscheck: env!("CARGO_PKG_VERSION").to_owned(),
            at,
            by,
            position: None,
        }
    }

    /// Whether this entry was made under exactly `checklist` (id, version and, when the entry
    /// has one, text).
    #[must_use]
    pub fn is_under(&self, checklist: &Checklist) -> bool {
        self.checklist == checklist.id.as_str()
            && self.version == checklist.version.as_str()
            && (self.sha256.is_empty() || self.sha256 == checklist.sha256)
    }
}

type Problems = Vec<(Kind, Option<Position>, String)>;

/// A `stamps:` list, or an old single `stamp:` block (`single`), with every problem found.
pub(super) fn read_stamps(node: &Node, single: bool, problems: &mut Problems) -> Vec<Stamp> {
    if single {
        return read_entry(node, "stamp", problems).into_iter().collect();
    }
    match &node.value {
        Value::Seq(items) => items
            .iter()
            .filter_map(|item| read_entry(item, "stamps", problems))
            .collect(),
        Value::Null => Vec::new(),
        other => {
            problems.push((
                Kind::WrongType,
                node.position,
                format!(
                    "`stamps` must be a list of entries ({}), oldest first, not {}",
                    list(&STAMP_KEYS),
                    other.describe()
                ),
            ));
            Vec::new()
        }
    }
}

/// One entry, a mapping of `STAMP_KEYS`.
fn read_entry(node: &Node, place: &str, problems: &mut Problems) -> Option<Stamp> {
    let Value::Map(entries) = &node.value else {
        problems.push((
            Kind::WrongType,
            node.position,
            format!(
                "an entry of `{place}` must be a mapping ({}), not {}",
                list(&STAMP_KEYS),
                node.value.describe()
            ),
        ));
        return None;
    };
    let mut stamp = Stamp {
        position: node.position,
        ..Stamp::default()
    };
    for (k, v) in entries {
        let name = k.key_text();
        let text = match &v.value {
            Value::String(s) => s.clone(),
            Value::Null => continue,
            other => {
                if STAMP_KEYS.contains(&name.as_ref()) {
                    problems.push((
                        Kind::WrongType,
                        v.position,
                        format!("`{place}.{name}` must be text, not {}", other.describe()),
                    ));
                }
                v.key_text().into_owned()
            }
        };
        match name.as_ref() {
            "event" => match Event::parse(&text) {
                Some(event) => stamp.event = event,
                None => problems.push((
                    Kind::InvalidAnswer,
                    v.position,
                    format!(
                        "unknown event `{}`: allowed: answered, reviewed, resumed",
                        crate::text::excerpt(&text)
                    ),
                )),
            },
            "checklist" => stamp.checklist = text,
            "version" => stamp.version = text,
            "sha256" => stamp.sha256 = text,
            "adscheck" => stamp.adscheck = text,
            "at" => {
                if !crate::clock::Now::is_rfc3339(&text) {
                    problems.push((
                        Kind::WrongType,
                        v.position,
                        format!(
                            "`{place}.at` is `{}`: allowed: an RFC 3339 date and time, such as \
                             2024-11-20T15:00:00Z",
                            crate::text::excerpt(&text)
                        ),
                    ));
                }
                stamp.at = text;
            }
            "by" => stamp.by = Some(text),
            other => problems.push((
                Kind::UnknownField,
                k.position,
                unknown_key(other, &STAMP_KEYS, &format!("in `{place}`")),
            )),
        }
    }
    Some(stamp)
}

/// What an answer file says of the checklist it was answered under, read without a
/// checklist (to find that checklist).
#[derive(Clone, Debug, Default)]
pub struct Header {
    /// The `checklist:` id it names, if it names one.
    pub checklist: Option<String>,
    /// Its latest readable stamp, if it has one.
    pub stamp: Option<Stamp>,
}

/// The [`Header`] of an answer file, from one parse; empty when the file cannot be read.
#[must_use]
pub fn header_of(file: &str, text: &str, format: Format) -> Header {
    let mut header = Header::default();
    let Ok(root) = yaml::parse_tree(file, text, format) else {
        return header;
    };
    let Value::Map(entries) = &root.value else {
        return header;
    };
    for (key, node) in entries {
        match (key.key_text().as_ref(), &node.value) {
            ("checklist", Value::String(id)) if header.checklist.is_none() => {
                header.checklist = Some(id.clone());
            }
            (name @ ("stamp" | "stamps"), _) if header.stamp.is_none() => {
                header.stamp = read_stamps(node, name == "stamp", &mut Vec::new()).pop();
            }
            _ => {}
        }
    }
    header
}
