//! What adscheck reads, independent of the parser that reads it: how a document is written
//! ([`Format`]), values with the place they were read from ([`Located`]), and the document as
//! a tree in which every node knows its position ([`Node`]).
//!
//! The YAML module fills these in; the answer reader, the checklist model and the renderers use
//! them without knowing the parser.

use std::ops::Deref;
use std::path::Path;

use serde::Serialize;

use crate::error::Position;

/// How a file is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// YAML 1.2 (YAML 1.1 booleans such as `yes`/`off` are read as text, never as booleans).
    Yaml,
    /// Strict JSON (RFC 8259).
    Json,
}

impl Format {
    /// The format a file name declares by its extension, if any.
    #[must_use]
    pub fn from_path(path: &Path) -> Option<Format> {
        let extension = path.extension()?.as_encoded_bytes();
        let is = |name: &str| extension.eq_ignore_ascii_case(name.as_bytes());
        if is("yaml") || is("yml") {
            Some(Format::Yaml)
        } else if is("json") {
            Some(Format::Json)
        } else {
            None
        }
    }

    /// Guess the format of text with no file name: JSON if it opens with `{` or `[`.
    #[must_use]
    pub fn sniff(text: &str) -> Format {
        match text
            .trim_start_matches('\u{feff}')
            .trim_start()
            .chars()
            .next()
        {
            Some('{' | '[') => Format::Json,
            _ => Format::Yaml,
        }
    }
}

/// A value with the position it was read from (none when the parser could not tell).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Located<T> {
    /// The value.
    pub value: T,
    /// Where it stands in its file.
    pub position: Option<Position>,
}

impl<T> Located<T> {
    /// A value with no known position (for values built in code).
    pub const fn unplaced(value: T) -> Self {
        Located {
            value,
            position: None,
        }
    }
}

impl<T> Deref for Located<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.value
    }
}

impl<T: Serialize> Serialize for Located<T> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.value.serialize(serializer)
    }
}

/// A mapping of texts to texts in document order, each with its position.
/// Where each key of a mapping was written, in the mapping's order. Answer files' mappings
/// have a few keys, and a key is looked up a few times a file: found by a scan, with nothing
/// hashed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct KeyPositions(pub Vec<(String, Position)>);

impl KeyPositions {
    /// Where `key` was written.
    #[must_use]
    pub fn get(&self, key: &str) -> Option<&Position> {
        self.0.iter().find(|(k, _)| k == key).map(|(_, p)| p)
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LocatedMap(pub Vec<(Located<String>, Located<String>)>);

impl Serialize for LocatedMap {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (k, v) in &self.0 {
            map.serialize_entry(k.as_str(), v.as_str())?;
        }
        map.end()
    }
}

/// A YAML/JSON document as a tree in which every node knows its position.
///
/// Answer files are read into this tree first and interpreted afterwards, so that each
/// problem (an unknown question, a bad answer) can name its exact place.
#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    /// What the node holds.
    pub value: Value,
    /// Where it starts.
    pub position: Option<Position>,
}

/// The content of a [`Node`].
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    /// `null`, `~` or nothing.
    Null,
    /// `true` / `false` (YAML 1.2 spellings only).
    Bool(bool),
    /// A number.
    Number(serde_json::Number),
    /// Text.
    String(String),
    /// A list.
    Seq(Vec<Node>),
    /// A mapping, in document order.
    Map(Vec<(Node, Node)>),
}

impl Value {
    /// What this is, for messages: "a mapping", "a list", ...
    #[must_use]
    pub fn describe(&self) -> &'static str {
        match self {
            Value::Null => "nothing (null)",
            Value::Bool(_) => "a boolean",
            Value::Number(_) => "a number",
            Value::String(_) => "text",
            Value::Seq(_) => "a list",
            Value::Map(_) => "a mapping",
        }
    }
}

impl Node {
    /// The node as a key: its text for scalars (borrowed for text, the usual key: keys are
    /// compared for every file of a batch).
    #[must_use]
    pub fn key_text(&self) -> std::borrow::Cow<'_, str> {
        use std::borrow::Cow;
        match &self.value {
            Value::String(s) => Cow::Borrowed(s),
            Value::Bool(b) => Cow::Owned(b.to_string()),
            Value::Number(n) => Cow::Owned(n.to_string()),
            Value::Null => Cow::Borrowed("null"),
            Value::Seq(_) | Value::Map(_) => Cow::Borrowed(""),
        }
    }

    /// The node as plain JSON (positions dropped), its texts moved rather than copied.
    #[must_use]
    pub fn into_json(self) -> serde_json::Value {
        match self.value {
            Value::Null => serde_json::Value::Null,
            Value::Bool(b) => serde_json::Value::Bool(b),
            Value::Number(n) => serde_json::Value::Number(n),
            Value::String(s) => serde_json::Value::String(s),
            Value::Seq(items) => {
                serde_json::Value::Array(items.into_iter().map(Node::into_json).collect())
            }
            Value::Map(entries) => serde_json::Value::Object(
                entries
                    .into_iter()
                    .map(|(k, v)| (k.into_key(), v.into_json()))
                    .collect(),
            ),
        }
    }

    /// The node as a key ([`Node::key_text`]), its text moved rather than copied.
    #[must_use]
    pub fn into_key(self) -> String {
        match self.value {
            Value::String(s) => s,
            _ => self.key_text().into_owned(),
        }
    }

    /// The node as plain JSON (positions dropped), for metadata passed through to output.
    #[must_use]
    pub fn to_json(&self) -> serde_json::Value {
        match &self.value {
            Value::Null => serde_json::Value::Null,
            Value::Bool(b) => serde_json::Value::Bool(*b),
            Value::Number(n) => serde_json::Value::Number(n.clone()),
            Value::String(s) => serde_json::Value::String(s.clone()),
            Value::Seq(items) => {
                serde_json::Value::Array(items.iter().map(Node::to_json).collect())
            }
            Value::Map(entries) => serde_json::Value::Object(
                entries
                    .iter()
                    .map(|(k, v)| (k.key_text().into_owned(), v.to_json()))
                    .collect(),
            ),
        }
    }
}
