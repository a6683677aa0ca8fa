//! Stamps: which checklist (id, version, hash) a file was answered under, by whom and when.

use super::read::{list, unknown_key};
use crate::checklist::Checklist;
use crate::document::{Format, Node, Value};
use crate::error::{Kind, Position};
use crate::yaml;

/// The keys of a `stamp:` block.
const STAMP_KEYS: [&str; 6] = ["checklist", "version", "sha256", "adscheck", "at", "by"];

/// What an answer file records about how it was made: the checklist's id, version and content
/// hash it was answered under, the adscheck version, when, and by whom. Written by the interview
/// and by `adscheck stamp`; read back to warn when a file meets another checklist version and to
/// re-check it against a revised one.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Stamp {
    /// The checklist id.
    pub checklist: String,
    /// The checklist version.
    pub version: String,
    /// SHA-256 of the checklist file's text.
    pub sha256: String,
    /// The adscheck version that wrote the stamp.
    pub adscheck: String,
    /// When (RFC 3339, UTC).
    pub at: String,
    /// Who answered (name and role), when known.
    pub by: Option<String>,
    /// Where the `stamp:` key stands in the file.
    pub position: Option<Position>,
}

impl Stamp {
    /// A stamp for answers given now under `checklist`.
    #[must_use]
    pub fn now(checklist: &Checklist, at: String, by: Option<String>) -> Stamp {
        Stamp {
            checklist: checklist.id.value.clone(),
            version: checklist.version.value.clone(),
            sha256: checklist.sha256.clone(),
            adscheck: env!("CARGO_PKG_VERSION").to_owned(),
            at,
            by,
            position: None,
        }
    }
}

/// The current time in RFC 3339 (UTC, seconds), for stamps.
#[must_use]
pub fn now_rfc3339() -> String {
    humantime::format_rfc3339_seconds(std::time::SystemTime::now()).to_string()
}

/// A `stamp:` block (`key` is its key), with every problem found in it.
pub(super) fn read_stamp(
    key: &Node,
    node: &Node,
    problems: &mut Vec<(Kind, Option<Position>, String)>,
) -> Option<Stamp> {
    let Value::Map(entries) = &node.value else {
        problems.push((
            Kind::WrongType,
            node.position,
            format!(
                "`stamp` must be a mapping ({}), not {}",
                list(&STAMP_KEYS),
                node.value.describe()
            ),
        ));
        return None;
    };
    let mut stamp = Stamp {
        position: key.position,
        ..Stamp::default()
    };
    for (k, v) in entries {
        let name = k.key_text();
        let text = match &v.value {
            Value::String(s) => s.clone(),
            Value::Null => continue,
            other => {
                if STAMP_KEYS.contains(&name.as_str()) {
                    problems.push((
                        Kind::WrongType,
                        v.position,
                        format!("`stamp.{name}` must be text, not {}", other.describe()),
                    ));
                }
                v.key_text()
            }
        };
        match name.as_str() {
            "checklist" => stamp.checklist = text,
            "version" => stamp.version = text,
            "sha256" => stamp.sha256 = text,
            "adscheck" => stamp.adscheck = text,
            "at" => stamp.at = text,
            "by" => stamp.by = Some(text),
            other => problems.push((
                Kind::UnknownField,
                k.position,
                unknown_key(other, &STAMP_KEYS, "in the stamp"),
            )),
        }
    }
    Some(stamp)
}

/// The stamp of an answer file, read without a checklist (to find the checklist it names);
/// `None` when the file cannot be read or has no readable stamp.
#[must_use]
pub fn stamp_of(file: &str, text: &str, format: Format) -> Option<Stamp> {
    let root = yaml::parse_tree(file, text, format).ok()?;
    let Value::Map(entries) = &root.value else {
        return None;
    };
    let (key, node) = entries.iter().find(|(k, _)| k.key_text() == "stamp")?;
    read_stamp(key, node, &mut Vec::new())
}
