//! Answer files of the common shapes, read without the general YAML parser.
//!
//! Answer files are almost all alike: block mappings of plain keys with words, quoted text,
//! short lists and notes (`block.rs`), or JSON (`json.rs`, after `serde_json` has checked
//! that it is strict JSON). These readers accept exactly those shapes and give up (`None`) on
//! anything else, and the general parser then reads the file as before, errors included, so
//! no message changes. Whatever they accept, they build the very tree the parser builds,
//! positions included: every debug build checks that on every file it reads (`parse_tree`),
//! and `tests.rs` compares the two over the examples and many thousands of altered files.
//! They exist for speed alone: the parser's per-file work was half of `classify`'s time on a
//! batch of small files (docs/performance.md).

mod block;
mod json;

use crate::document::{Format, Node};
use crate::error::Position;

/// Read `text` in `format` if it has a common shape; `None` if the parser must read it.
pub(super) fn read(text: &str, format: Format) -> Option<Node> {
    if text.len() > MAX_LEN || !printable(text) {
        return None;
    }
    match format {
        Format::Yaml => block::parse(text),
        Format::Json => json::parse(text),
    }
}

/// Files larger than this go to the general parser (real answer files are a few KiB).
const MAX_LEN: usize = 64 * 1024;

/// Mappings with more keys than this go to the general parser (duplicates are found by a scan).
pub(super) const MAX_KEYS: usize = 64;

/// Keys longer than this, in bytes from their start to their colon, go to the general parser:
/// YAML limits an implicit key to 1,024 characters, and the parser refuses longer ones.
pub(super) const MAX_KEY: usize = 1000;

/// Only characters YAML allows raw and that mean the same to every reading: no control
/// characters but line feeds (so no tabs, no carriage returns), no DEL, no C1 controls, no
/// byte order mark, no Unicode line separators, no non-characters.
pub(super) fn printable(text: &str) -> bool {
    if !text
        .bytes()
        .all(|b| (b >= 0x20 && b != 0x7F) || b == b'\n' || b >= 0x80)
    {
        return false;
    }
    text.is_ascii()
        || text.chars().all(|c| {
            !matches!(
                c,
                '\u{80}'
                    ..='\u{9F}' | '\u{2028}' | '\u{2029}' | '\u{FEFF}' | '\u{FFFE}' | '\u{FFFF}'
            )
        })
}

/// The 1-based columns, in characters, of byte offsets in one line, counted left to right
/// once: asking for each item of a long line of non-ASCII text costs the line's length, not
/// its length times its items.
pub(super) struct Columns<'l> {
    line: &'l str,
    /// The last offset asked for, and its column.
    at: usize,
    column: usize,
}

impl<'l> Columns<'l> {
    pub(super) fn new(line: &'l str) -> Self {
        Columns {
            line,
            at: 0,
            column: 1,
        }
    }

    /// The column of byte offset `at` (offsets are asked for left to right; an earlier one is
    /// counted again from the line's start).
    pub(super) fn of(&mut self, at: usize) -> usize {
        if at < self.at {
            *self = Columns::new(self.line);
        }
        let between = self.line.get(self.at..at).unwrap_or("");
        self.column += if between.is_ascii() {
            between.len()
        } else {
            between.chars().count()
        };
        self.at = at;
        self.column
    }
}

/// A position, if its numbers fit.
pub(super) fn position(line: usize, column: usize) -> Option<Position> {
    Some(Position::new(
        u32::try_from(line).ok()?,
        u32::try_from(column).ok()?,
    ))
}

/// A double-quoted scalar at the start of `s`, on one line, with JSON's escapes (and `\U`):
/// its text and its length in bytes, quotes included.
pub(super) fn double_quoted(s: &str) -> Option<(String, usize)> {
    let body = &s[1..];
    let mut out = String::new();
    let mut i = 0;
    let bytes = body.as_bytes();
    loop {
        let j = i + bytes
            .get(i..)?
            .iter()
            .position(|&b| b == b'"' || b == b'\\')?;
        out.push_str(&body[i..j]);
        if bytes.get(j) == Some(&b'"') {
            return Some((out, j + 2));
        }
        let escape = *bytes.get(j + 1)?;
        i = j + 2;
        match escape {
            b'"' => out.push('"'),
            b'\\' => out.push('\\'),
            b'/' => out.push('/'),
            b'n' => out.push('\n'),
            b'r' => out.push('\r'),
            b't' => out.push('\t'),
            b'b' => out.push('\u{8}'),
            b'f' => out.push('\u{c}'),
            b'u' | b'U' => {
                let digits = if escape == b'u' { 4 } else { 8 };
                let hex = body.get(i..i + digits)?;
                if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
                    return None;
                }
                out.push(char::from_u32(u32::from_str_radix(hex, 16).ok()?)?);
                i += digits;
            }
            _ => return None,
        }
    }
}

#[cfg(test)]
mod tests;
