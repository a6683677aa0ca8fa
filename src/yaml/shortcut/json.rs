//! JSON answer files (already checked to be strict JSON), built into the tree directly: the
//! parser reads JSON as YAML's flow style, and this builds what it builds. Keys longer than a
//! YAML implicit key may be ([`MAX_KEY`]), a line break between a key and its colon, nesting deeper than
//! [`MAX_DEPTH`], duplicate keys, or escapes outside JSON's: `None`, and the parser reads it.

use std::borrow::Cow;

use super::{MAX_KEY, MAX_KEYS, double_quoted, position};
use crate::document::{Node, Value};
use crate::yaml::scalar::plain;

/// Deeper nesting than this goes to the parser (answer files nest 3 or 4 levels).
const MAX_DEPTH: usize = 16;

/// Read `text`, strict JSON, if it has the common shape.
pub(super) fn parse(text: &str) -> Option<Node> {
    let mut reader = Reader {
        text,
        at: 0,
        line: 1,
        line_start: 0,
        counted: (0, 1),
    };
    reader.space();
    let node = reader.value(0)?;
    reader.space();
    (reader.at == text.len()).then_some(node)
}

struct Reader<'t> {
    text: &'t str,
    /// The byte being read.
    at: usize,
    /// Its line, and the byte its line starts at.
    line: usize,
    line_start: usize,
    /// A byte of the current line and its column, counted once.
    counted: (usize, usize),
}

impl Reader<'_> {
    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.at).copied()
    }

    /// Skip spaces and line breaks (the only whitespace the shortcut lets through).
    fn space(&mut self) {
        while let Some(b) = self.peek() {
            match b {
                b' ' => self.at += 1,
                b'\n' => {
                    self.at += 1;
                    self.line += 1;
                    self.line_start = self.at;
                }
                _ => break,
            }
        }
    }

    /// Skip spaces only: a key's colon must be on its line.
    fn spaces(&mut self) {
        while self.peek() == Some(b' ') {
            self.at += 1;
        }
    }

    /// The position of the cursor; the column is counted on from the last one asked for on
    /// the same line, so a long line costs its length once.
    fn here(&mut self) -> Option<crate::error::Position> {
        if self.counted.0 < self.line_start {
            self.counted = (self.line_start, 1);
        }
        let between = self.text.get(self.counted.0..self.at)?;
        let column = self.counted.1
            + if between.is_ascii() {
                between.len()
            } else {
                between.chars().count()
            };
        self.counted = (self.at, column);
        position(self.line, column)
    }

    fn value(&mut self, depth: usize) -> Option<Node> {
        let position = self.here();
        let value = match self.peek()? {
            b'{' | b'[' if depth >= MAX_DEPTH => return None,
            b'{' => self.object(depth)?,
            b'[' => self.array(depth)?,
            b'"' => Value::String(self.string()?.0),
            _ => {
                let rest = self.text.get(self.at..)?;
                let len = rest
                    .bytes()
                    .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'+' | b'.'))
                    .count();
                let word = rest.get(..len).filter(|w| !w.is_empty())?;
                self.at += len;
                plain(Cow::Borrowed(word), false)
            }
        };
        Some(Node { value, position })
    }

    /// A string at the cursor, and its length in bytes.
    fn string(&mut self) -> Option<(String, usize)> {
        let (text, len) = double_quoted(self.text.get(self.at..)?)?;
        self.at += len;
        Some((text, len))
    }

    /// Step past a collection's opening bracket; whether `close` follows at once (empty).
    fn open(&mut self, close: u8) -> Option<bool> {
        self.at += 1;
        self.space();
        let empty = self.peek()? == close;
        if empty {
            self.at += 1;
        }
        Some(empty)
    }

    /// After an item: `true` past a comma (more follow), `false` past `close` (the end).
    fn after_item(&mut self, close: u8) -> Option<bool> {
        self.space();
        let next = self.peek()?;
        self.at += 1;
        if next == b',' {
            self.space();
            Some(true)
        } else {
            (next == close).then_some(false)
        }
    }

    fn object(&mut self, depth: usize) -> Option<Value> {
        let mut entries: Vec<(Node, Node)> = Vec::new();
        if self.open(b'}')? {
            return Some(Value::Map(entries));
        }
        loop {
            let position = self.here();
            if self.peek()? != b'"' {
                return None;
            }
            let start = self.at;
            let (text, _) = self.string()?;
            let key = Node {
                value: Value::String(text),
                position,
            };
            if entries.len() >= MAX_KEYS || entries.iter().any(|(k, _)| k.value == key.value) {
                return None;
            }
            self.spaces();
            // The key and the spaces after it, up to its colon.
            if self.peek()? != b':' || self.at - start > MAX_KEY {
                return None;
            }
            self.at += 1;
            self.space();
            let value = self.value(depth + 1)?;
            entries.push((key, value));
            if !self.after_item(b'}')? {
                return Some(Value::Map(entries));
            }
        }
    }

    fn array(&mut self, depth: usize) -> Option<Value> {
        let mut items = Vec::new();
        if self.open(b']')? {
            return Some(Value::Seq(items));
        }
        loop {
            items.push(self.value(depth + 1)?);
            if !self.after_item(b']')? {
                return Some(Value::Seq(items));
            }
        }
    }
}
