//! The one place that knows the YAML parser.
//!
//! Everything is read with `serde-saphyr` and its parser. Checklists and settings, read once
//! per run, are deserialized into typed structs through `serde-saphyr` with its budgets against
//! deep nesting and alias bombs. Answer files, read by the hundred thousand, are built into a
//! position-aware [`Node`] tree straight from the parser's events ([`parse_tree`]): the serde
//! layer with a span on every value cost four times as much, and the tree is all the answer
//! reader needs. The tree builder enforces its own limits on depth and on nodes (aliases
//! included), so the same hostile inputs are refused. JSON is read through the same parser (JSON
//! is YAML's flow style) after `serde_json` has checked that it is strict JSON, so both formats
//! give line and column for every value. Swapping the YAML crate means changing this file
//! only.

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
            // Checklists nest about 12 levels. Typed deserialization recurses once per level,
            // and in a debug build a level can take tens of KiB of stack: 32 keeps a 2 MiB
            // thread (test threads, rayon workers) safe from overflow.
            max_depth: 32,
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

/// How deep an answer file may nest (mappings and lists). Real ones use 3 or 4 levels.
pub const MAX_DEPTH: usize = 64;

/// How many nodes an answer file may have, counting every copy an alias makes.
pub const MAX_NODES: usize = 200_000;

/// Check that `text` is strict JSON, with the position of the first problem.
fn strict_json(file: &str, text: &str) -> Result<(), Diagnostic> {
    // IgnoredAny is cheap; on failure, parse again into a Value for serde_json's clearer
    // messages ("trailing comma" rather than "key must be a string").
    if serde_json::from_str::<de::IgnoredAny>(text).is_ok() {
        return Ok(());
    }
    let Err(e) = serde_json::from_str::<serde_json::Value>(text) else {
        return Ok(());
    };
    let position = (e.line() > 0).then(|| Position::new(clamp(e.line()), clamp(e.column().max(1))));
    Err(Diagnostic::new(
        Kind::Syntax,
        file,
        position,
        format!("not valid JSON: {}", strip_json_position(&e.to_string())),
    ))
}

/// Parse `text` (the contents of `file`) into a [`Node`] tree, every node with its position.
///
/// # Errors
/// A [`Kind::Syntax`] diagnostic with its position for malformed input, duplicate keys, more
/// than one document, unknown aliases or tags, or a broken limit ([`MAX_DEPTH`],
/// [`MAX_NODES`]).
pub fn parse_tree(file: &str, text: &str, format: Format) -> Result<Node, Diagnostic> {
    if format == Format::Json {
        strict_json(file, text)?;
    }
    match TreeBuilder::new(file).build(text) {
        Ok(node) => Ok(node),
        Err(e) => {
            // A strict JSON document the YAML parser cannot read (rare corner cases of
            // whitespace): read it as JSON, without positions, rather than reject valid input.
            if format == Format::Json
                && let Ok(node) = serde_json::from_str::<Node>(text)
            {
                return Ok(node);
            }
            Err(e)
        }
    }
}

/// A mapping or list being built.
enum Frame {
    Seq {
        position: Option<Position>,
        anchor: usize,
        items: Vec<Node>,
    },
    Map {
        position: Option<Position>,
        anchor: usize,
        entries: Vec<(Node, Node)>,
        key: Option<Node>,
    },
}

/// Builds a [`Node`] tree from the parser's events, with an explicit stack (no recursion, so
/// nesting cannot overflow the call stack) and limits on depth and nodes.
struct TreeBuilder<'f> {
    file: &'f str,
    stack: Vec<Frame>,
    anchors: std::collections::HashMap<usize, (Node, usize)>,
    nodes: usize,
    root: Option<Node>,
    documents: usize,
}

fn marker_position(m: &granit::Marker) -> Position {
    Position::new(clamp(m.line().max(1)), clamp(m.col() + 1))
}

use serde_saphyr::granit_parser as granit;

/// The number of nodes in a tree, for the node budget when an alias copies it.
fn size(node: &Node) -> usize {
    match &node.value {
        Value::Seq(items) => 1 + items.iter().map(size).sum::<usize>(),
        Value::Map(entries) => {
            1 + entries
                .iter()
                .map(|(k, v)| size(k) + size(v))
                .sum::<usize>()
        }
        _ => 1,
    }
}

impl<'f> TreeBuilder<'f> {
    fn new(file: &'f str) -> Self {
        TreeBuilder {
            file,
            stack: Vec::new(),
            anchors: std::collections::HashMap::new(),
            nodes: 0,
            root: None,
            documents: 0,
        }
    }

    fn error(&self, position: Option<Position>, message: impl Into<String>) -> Diagnostic {
        Diagnostic::new(Kind::Syntax, self.file, position, message)
    }

    fn count(&mut self, n: usize, position: Option<Position>) -> Result<(), Diagnostic> {
        self.nodes = self.nodes.saturating_add(n);
        if self.nodes > MAX_NODES {
            return Err(self.error(
                position,
                format!(
                    "the document has more than {MAX_NODES} values (counting what aliases \
                     repeat): an answer file is far smaller; is this an alias bomb?"
                ),
            ));
        }
        Ok(())
    }

    fn build(mut self, text: &str) -> Result<Node, Diagnostic> {
        let parser = granit::Parser::new_from_str(text);
        for event in parser {
            let (event, span) = event.map_err(|e| {
                let position = Some(marker_position(e.marker()));
                self.error(position, e.info())
            })?;
            let position = Some(marker_position(&span.start));
            let is_seq = matches!(event, granit::Event::SequenceStart(..));
            match event {
                granit::Event::DocumentStart(..) => {
                    self.documents += 1;
                    if self.documents > 1 {
                        return Err(self.error(
                            position,
                            "more than one YAML document (`---`): an answer file is one document",
                        ));
                    }
                }
                granit::Event::Alias(id) => {
                    let Some((node, n)) = self.anchors.get(&id).cloned() else {
                        return Err(self.error(position, "alias to an unknown anchor"));
                    };
                    self.count(n, position)?;
                    self.push(node)?;
                }
                granit::Event::UnresolvedAlias(name) => {
                    return Err(self.error(position, format!("unknown alias `*{name}`")));
                }
                granit::Event::Scalar(text, style, anchor, tag) => {
                    self.count(1, position)?;
                    let in_key = matches!(self.stack.last(), Some(Frame::Map { key: None, .. }));
                    let value = scalar(text, style, tag.as_deref(), in_key)
                        .map_err(|message| self.error(position, message))?;
                    let node = Node { value, position };
                    if anchor > 0 {
                        self.anchors.insert(anchor, (node.clone(), 1));
                    }
                    self.push(node)?;
                }
                granit::Event::SequenceStart(_, anchor, tag)
                | granit::Event::MappingStart(_, anchor, tag) => {
                    self.count(1, position)?;
                    if self.stack.len() >= MAX_DEPTH {
                        return Err(self.error(
                            position,
                            format!(
                                "nested deeper than {MAX_DEPTH} levels: an answer file needs 4"
                            ),
                        ));
                    }
                    if let Some(tag) = tag.as_deref()
                        && !core_tag(tag, if is_seq { "seq" } else { "map" })
                    {
                        return Err(self.error(
                            position,
                            format!("unsupported tag `{}{}`", tag.handle(), tag.suffix()),
                        ));
                    }
                    self.stack.push(if is_seq {
                        Frame::Seq {
                            position,
                            anchor,
                            items: Vec::new(),
                        }
                    } else {
                        Frame::Map {
                            position,
                            anchor,
                            entries: Vec::new(),
                            key: None,
                        }
                    });
                }
                granit::Event::SequenceEnd | granit::Event::MappingEnd => {
                    let Some(frame) = self.stack.pop() else {
                        return Err(self.error(position, "unbalanced end of a collection"));
                    };
                    let (node, anchor) = match frame {
                        Frame::Seq {
                            position,
                            anchor,
                            items,
                        } => (
                            Node {
                                value: Value::Seq(items),
                                position,
                            },
                            anchor,
                        ),
                        Frame::Map {
                            position,
                            anchor,
                            entries,
                            ..
                        } => (
                            Node {
                                value: Value::Map(entries),
                                position,
                            },
                            anchor,
                        ),
                    };
                    if anchor > 0 {
                        let n = size(&node);
                        self.anchors.insert(anchor, (node.clone(), n));
                    }
                    self.push(node)?;
                }
                _ => {}
            }
        }
        Ok(self.root.unwrap_or(Node {
            value: Value::Null,
            position: Some(Position::new(1, 1)),
        }))
    }

    /// Put a finished node where it belongs: the root, a list item, a key, or a value.
    fn push(&mut self, node: Node) -> Result<(), Diagnostic> {
        match self.stack.last_mut() {
            None => self.root = Some(node),
            Some(Frame::Seq { items, .. }) => items.push(node),
            Some(Frame::Map { entries, key, .. }) => match key.take() {
                None => {
                    if let Some((first, _)) = entries.iter().find(|(k, _)| k.value == node.value) {
                        let line = first.position.map_or(0, |p| p.line);
                        let message = format!(
                            "duplicate key `{}` (first at line {line}): keys must be unique",
                            node.key_text()
                        );
                        return Err(self.error(node.position, message));
                    }
                    *key = Some(node);
                }
                Some(k) => entries.push((k, node)),
            },
        }
        Ok(())
    }
}

/// Whether `tag` is the YAML core-schema tag `tag:yaml.org,2002:{name}`.
fn core_tag(tag: &granit::Tag, name: &str) -> bool {
    tag.handle() == "tag:yaml.org,2002:" && tag.suffix() == name
}

/// Resolve a scalar by the YAML 1.2 core schema. Keys stay text as written: they are names.
fn scalar(
    text: std::borrow::Cow<'_, str>,
    style: granit::ScalarStyle,
    tag: Option<&granit::Tag>,
    in_key: bool,
) -> Result<Value, String> {
    if let Some(tag) = tag {
        if core_tag(tag, "str") {
            return Ok(Value::String(text.into_owned()));
        }
        if !["null", "bool", "int", "float"]
            .iter()
            .any(|n| core_tag(tag, n))
        {
            return Err(format!(
                "unsupported tag `{}{}`",
                tag.handle(),
                tag.suffix()
            ));
        }
    }
    if in_key || style != granit::ScalarStyle::Plain {
        return Ok(Value::String(text.into_owned()));
    }
    Ok(match text.as_ref() {
        "" | "~" | "null" | "Null" | "NULL" => Value::Null,
        "true" | "True" | "TRUE" => Value::Bool(true),
        "false" | "False" | "FALSE" => Value::Bool(false),
        other => match number(other) {
            Some(n) => Value::Number(n),
            None => Value::String(text.into_owned()),
        },
    })
}

/// A core-schema number: decimal, `0o` octal or `0x` hex integers, or a finite float.
fn number(text: &str) -> Option<serde_json::Number> {
    let bytes = text.as_bytes();
    let first = *bytes.first()?;
    if !(first.is_ascii_digit() || matches!(first, b'-' | b'+' | b'.')) {
        return None;
    }
    if let Some(hex) = text.strip_prefix("0x") {
        return u64::from_str_radix(hex, 16).ok().map(Into::into);
    }
    if let Some(oct) = text.strip_prefix("0o") {
        return u64::from_str_radix(oct, 8).ok().map(Into::into);
    }
    let digits = text.trim_start_matches(['-', '+']);
    if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
        return text.parse::<i64>().ok().map(Into::into).or_else(|| {
            text.trim_start_matches('+')
                .parse::<u64>()
                .ok()
                .map(Into::into)
        });
    }
    let float_like = digits.bytes().any(|b| b.is_ascii_digit())
        && digits
            .bytes()
            .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'e' | b'E' | b'-' | b'+'));
    if float_like {
        return text
            .parse::<f64>()
            .ok()
            .and_then(serde_json::Number::from_f64);
    }
    None
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

/// A mapping of texts to texts in document order, each with its position.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LocatedMap(pub Vec<(Located<String>, Located<String>)>);

impl<'de> Deserialize<'de> for LocatedMap {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct MapVisitor;
        impl<'de> Visitor<'de> for MapVisitor {
            type Value = LocatedMap;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a mapping of ids to values")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<LocatedMap, A::Error> {
                let mut entries = Vec::new();
                while let Some(key) = map.next_key::<Located<String>>()? {
                    entries.push((key, map.next_value::<Located<String>>()?));
                }
                Ok(LocatedMap(entries))
            }
        }
        deserializer.deserialize_map(MapVisitor)
    }
}

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
        let tree = parse_tree("t", text, format);
        // The serde path (used for JSON the YAML parser cannot read) agrees on values.
        if let (Ok(a), Ok(b)) = (&tree, parse::<Node>("t", text, format)) {
            assert_eq!(strip(a), strip(&b), "{text}");
        }
        tree
    }

    fn strip(n: &Node) -> Value {
        match &n.value {
            Value::Seq(items) => Value::Seq(
                items
                    .iter()
                    .map(|i| Node {
                        value: strip(i),
                        position: None,
                    })
                    .collect(),
            ),
            Value::Map(entries) => Value::Map(
                entries
                    .iter()
                    .map(|(k, v)| {
                        (
                            Node {
                                value: Value::String(k.key_text()),
                                position: None,
                            },
                            Node {
                                value: strip(v),
                                position: None,
                            },
                        )
                    })
                    .collect(),
            ),
            other => other.clone(),
        }
    }

    #[test]
    fn core_schema_scalars() {
        let n = node(
            "[~, null, '', true, False, 12, -3, 0x1f, 0o17, 1.5, 1e3, .5, 1a, '12', 1.2.3]",
            Format::Yaml,
        )
        .unwrap();
        let Value::Seq(items) = n.value else {
            panic!("not a list")
        };
        let got: Vec<String> = items
            .iter()
            .map(|i| match &i.value {
                Value::Number(n) => format!("Number({n})"),
                other => format!("{other:?}"),
            })
            .collect();
        assert_eq!(
            got,
            [
                "Null",
                "Null",
                "String(\"\")",
                "Bool(true)",
                "Bool(false)",
                "Number(12)",
                "Number(-3)",
                "Number(31)",
                "Number(15)",
                "Number(1.5)",
                "Number(1000.0)",
                "Number(0.5)",
                "String(\"1a\")",
                "String(\"12\")",
                "String(\"1.2.3\")"
            ]
        );
    }

    #[test]
    fn limits_and_shapes_are_refused_with_a_position() {
        let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
        // Flow nesting is stopped by the parser's own limit, block nesting by ours.
        let e = parse_tree("t", &deep, Format::Yaml).unwrap_err();
        assert_eq!(e.kind, Kind::Syntax);
        assert_eq!(e.position.map(|p| p.line), Some(1));
        let block: String = (0..100)
            .map(|i| format!("{}k{i}:\n", "  ".repeat(i)))
            .collect();
        let e = parse_tree("t", &block, Format::Yaml).unwrap_err();
        assert!(e.message.contains("nested deeper than 64"), "{}", e.message);
        assert_eq!(e.position, Some(Position::new(65, 129)));
        let bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]\n";
        let e = parse_tree("t", bomb, Format::Yaml).unwrap_err();
        assert!(e.message.contains("alias bomb"), "{}", e.message);
        let e = parse_tree("t", "a: 1\n---\nb: 2\n", Format::Yaml).unwrap_err();
        assert!(
            e.message.contains("more than one YAML document"),
            "{}",
            e.message
        );
        let e = parse_tree("t", "a: !custom 1\n", Format::Yaml).unwrap_err();
        assert!(e.message.contains("unsupported tag"), "{}", e.message);
        let n = parse_tree("t", "a: &x {b: 1}\nc: *x\n", Format::Yaml).unwrap();
        let Value::Map(entries) = n.value else {
            panic!()
        };
        assert_eq!(
            entries[0].1.value, entries[1].1.value,
            "aliases copy their anchor"
        );
        assert_eq!(
            parse_tree("t", "# only a comment\n", Format::Yaml)
                .unwrap()
                .value,
            Value::Null
        );
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
