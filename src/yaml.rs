//! The one place that knows the YAML parser.
//!
//! Answer files and checklists are read here, through `serde-saphyr`, with limits on nesting,
//! aliases and size so that a hostile file cannot exhaust memory. JSON is read through the same
//! parser (JSON is YAML's flow style) after `serde_json` has checked that it is strict JSON, so
//! both formats give line and column for every value. Swapping the YAML crate means changing
//! this file only.

use std::fmt;
use std::ops::Deref;
use std::path::Path;

use serde::de::{self, DeserializeOwned, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Serialize};
use serde_saphyr::Spanned;

use crate::error::{Diagnostic, Kind, Position};

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
        match path.extension()?.to_str()?.to_ascii_lowercase().as_str() {
            "yaml" | "yml" => Some(Format::Yaml),
            "json" => Some(Format::Json),
            _ => None,
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

/// Parser limits. The defaults are far above any real checklist or answer file and far below
/// what would hurt the machine.
fn options() -> serde_saphyr::Options {
    serde_saphyr::options! {
        // `yes`, `no`, `on`, `off`, `y`, `n` stay text: answer values are interpreted by
        // adscheck, which accepts yes/no/unsure and rejects the rest (the "Norway problem").
        strict_booleans: true,
        with_snippet: false,
        budget: serde_saphyr::budget! {
            max_depth: 64,
            max_aliases: 1_000,
            max_anchors: 1_000,
            max_nodes: 1_000_000,
            max_events: 2_000_000,
            max_documents: 1,
        },
    }
}

/// Parse `text` (the contents of `file`) as `T`.
///
/// # Errors
/// A [`Diagnostic`] with the position of the problem: [`Kind::Syntax`] for malformed input or a
/// broken limit, [`Kind::UnknownField`], [`Kind::MissingField`] or [`Kind::WrongType`] when the
/// document does not fit `T`.
pub fn parse<T: DeserializeOwned>(file: &str, text: &str, format: Format) -> Result<T, Diagnostic> {
    if format == Format::Json {
        // YAML's flow style accepts things JSON does not (trailing commas, comments, bare
        // words): let serde_json decide whether this is JSON at all.
        if let Err(e) = serde_json::from_str::<serde_json::Value>(text) {
            let position =
                (e.line() > 0).then(|| Position::new(clamp(e.line()), clamp(e.column().max(1))));
            return Err(Diagnostic::new(
                Kind::Syntax,
                file,
                position,
                format!("not valid JSON: {}", strip_json_position(&e.to_string())),
            ));
        }
    }
    match serde_saphyr::from_str_with_options::<T>(text, options()) {
        Ok(value) => Ok(value),
        Err(e) => {
            // A strict JSON document YAML cannot read (rare corner cases of whitespace):
            // read it as JSON, without positions, rather than reject valid input.
            if format == Format::Json
                && let Ok(value) = serde_json::from_str::<T>(text)
            {
                return Ok(value);
            }
            Err(saphyr_diagnostic(file, &e))
        }
    }
}

fn clamp(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

fn saphyr_diagnostic(file: &str, e: &serde_saphyr::Error) -> Diagnostic {
    let position = e.location().and_then(|l| to_position(&l));
    let mut message = e.without_snippet().to_string();
    if let Some(p) = position {
        let suffix = format!(" at line {}, column {}", p.line, p.column);
        if let Some(stripped) = message.strip_suffix(&suffix) {
            message = stripped.to_owned();
        }
    }
    let kind = if message.starts_with("unknown field") {
        Kind::UnknownField
    } else if message.starts_with("missing field") {
        Kind::MissingField
    } else if message.starts_with("invalid type") || message.starts_with("invalid value") {
        Kind::WrongType
    } else {
        Kind::Syntax
    };
    Diagnostic::new(kind, file, position, message)
}

fn strip_json_position(message: &str) -> &str {
    message.find(" at line ").map_or(message, |i| &message[..i])
}

fn to_position(l: &serde_saphyr::Location) -> Option<Position> {
    (l.line() > 0).then(|| {
        Position::new(
            u32::try_from(l.line()).unwrap_or(u32::MAX),
            u32::try_from(l.column()).unwrap_or(u32::MAX).max(1),
        )
    })
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

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Located<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let spanned = Spanned::<T>::deserialize(deserializer)?;
        Ok(Located {
            position: to_position(&spanned.referenced),
            value: spanned.value,
        })
    }
}

impl<T: Serialize> Serialize for Located<T> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.value.serialize(serializer)
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
    /// The node as a key: its text for scalars.
    #[must_use]
    pub fn key_text(&self) -> String {
        match &self.value {
            Value::String(s) => s.clone(),
            Value::Bool(b) => b.to_string(),
            Value::Number(n) => n.to_string(),
            Value::Null => "null".to_owned(),
            Value::Seq(_) | Value::Map(_) => String::new(),
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
                    .map(|(k, v)| (k.key_text(), v.to_json()))
                    .collect(),
            ),
        }
    }
}

impl<'de> Deserialize<'de> for Node {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let spanned = Spanned::<Value>::deserialize(deserializer)?;
        Ok(Node {
            position: to_position(&spanned.referenced),
            value: spanned.value,
        })
    }
}

impl<'de> Deserialize<'de> for Value {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(ValueVisitor)
    }
}

struct ValueVisitor;

impl<'de> Visitor<'de> for ValueVisitor {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any YAML or JSON value")
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        Value::deserialize(d)
    }
    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::Number(v.into()))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::Number(v.into()))
    }
    fn visit_i128<E>(self, v: i128) -> Result<Value, E> {
        Ok(Value::String(v.to_string()))
    }
    fn visit_u128<E>(self, v: u128) -> Result<Value, E> {
        Ok(Value::String(v.to_string()))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        Ok(serde_json::Number::from_f64(v)
            .map_or_else(|| Value::String(v.to_string()), Value::Number))
    }
    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_owned()))
    }
    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }
    fn visit_bytes<E: de::Error>(self, v: &[u8]) -> Result<Value, E> {
        Ok(Value::String(String::from_utf8_lossy(v).into_owned()))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(64));
        while let Some(item) = seq.next_element::<Node>()? {
            items.push(item);
        }
        Ok(Value::Seq(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut entries = Vec::with_capacity(map.size_hint().unwrap_or(0).min(64));
        while let Some(key) = map.next_key::<Node>()? {
            let value = map.next_value::<Node>()?;
            entries.push((key, value));
        }
        Ok(Value::Map(entries))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn node(text: &str, format: Format) -> Result<Node, Diagnostic> {
        parse::<Node>("t", text, format)
    }

    #[test]
    fn yaml_1_1_booleans_stay_text() {
        let n = node("[yes, no, off, n, true]", Format::Yaml).unwrap();
        let Value::Seq(items) = n.value else {
            panic!("not a list")
        };
        let got: Vec<_> = items.iter().map(|i| i.value.clone()).collect();
        assert_eq!(
            got,
            vec![
                Value::String("yes".into()),
                Value::String("no".into()),
                Value::String("off".into()),
                Value::String("n".into()),
                Value::Bool(true),
            ]
        );
    }

    #[test]
    fn positions_are_one_based_line_and_column() {
        let n = node("a: 1\nb:\n  c: x\n", Format::Yaml).unwrap();
        let Value::Map(entries) = n.value else {
            panic!("not a map")
        };
        let (key_b, value_b) = &entries[1];
        assert_eq!(key_b.position, Some(Position::new(2, 1)));
        let Value::Map(inner) = &value_b.value else {
            panic!("not a map")
        };
        assert_eq!(inner[0].1.position, Some(Position::new(3, 6)));
    }

    #[test]
    fn json_trailing_comma_is_a_syntax_error_with_position() {
        let e = node("{\"a\": 1,\n}", Format::Json).unwrap_err();
        assert_eq!(e.kind, Kind::Syntax);
        assert_eq!(e.position, Some(Position::new(2, 1)));
        assert!(
            e.message.starts_with("not valid JSON: trailing comma"),
            "{}",
            e.message
        );
    }

    #[test]
    fn json_values_have_positions() {
        let n = node("{\n  \"a\": \"yes\"\n}", Format::Json).unwrap();
        let Value::Map(entries) = n.value else {
            panic!("not a map")
        };
        assert_eq!(entries[0].1.position, Some(Position::new(2, 8)));
    }

    #[test]
    fn yaml_errors_have_positions_without_repeating_them_in_the_message() {
        let e = node("a: [1, 2\n", Format::Yaml).unwrap_err();
        assert_eq!(e.kind, Kind::Syntax);
        assert!(e.position.is_some());
        assert!(!e.message.contains("at line"), "{}", e.message);
    }

    #[test]
    fn duplicate_keys_are_rejected() {
        let e = node("a: 1\na: 2\n", Format::Yaml).unwrap_err();
        assert_eq!(e.position, Some(Position::new(2, 1)));
        assert!(e.message.contains("duplicate"), "{}", e.message);
    }

    #[test]
    fn sniffing() {
        assert_eq!(Format::sniff("  {\"a\":1}"), Format::Json);
        assert_eq!(Format::sniff("\u{feff}[1]"), Format::Json);
        assert_eq!(Format::sniff("a: 1"), Format::Yaml);
        assert_eq!(Format::from_path(Path::new("x.YML")), Some(Format::Yaml));
        assert_eq!(Format::from_path(Path::new("x.txt")), None);
    }
}
