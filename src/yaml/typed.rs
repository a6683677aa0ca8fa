//! Typed documents (checklists, settings) through serde-saphyr, with its budgets against
//! deep nesting and alias bombs; and the serde path to a [`Node`] tree, for the rare strict
//! JSON document the YAML parser cannot read.

use std::fmt;

use serde::Deserialize;
use serde::de::{self, DeserializeOwned, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_saphyr::Spanned;

use super::{options, strict_json, to_position};
use crate::document::{Format, Located, LocatedMap, Node, Value};
use crate::error::{Diagnostic, Kind};

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
        strict_json(file, text)?;
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
    Diagnostic::new(kind, file, position, crate::text::safe_message(&message))
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
