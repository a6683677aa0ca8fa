//! Plain (unquoted) scalars read by the YAML 1.2 core schema: what `null`, `true`, `12` or
//! `0x1F` mean, for the parser's tree builder and the plain-shape reader alike.

use crate::document::Value;

/// Resolve a plain (unquoted) scalar by the YAML 1.2 core schema; a key stays text.
pub(super) fn plain(text: std::borrow::Cow<'_, str>, in_key: bool) -> Value {
    if in_key {
        return Value::String(text.into_owned());
    }
    match text.as_ref() {
        "" | "~" | "null" | "Null" | "NULL" => Value::Null,
        "true" | "True" | "TRUE" => Value::Bool(true),
        "false" | "False" | "FALSE" => Value::Bool(false),
        other => match number(other) {
            Some(n) => Value::Number(n),
            None => Value::String(text.into_owned()),
        },
    }
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
