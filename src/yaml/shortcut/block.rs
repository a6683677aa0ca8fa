//! Block-style answer files, read line by line: block mappings of plain or double-quoted
//! keys; values that are plain words, quoted text, one-line flow lists and mappings, or folded
//! and literal notes whose lines are indented alike; lists of mappings (stamps). Tabs,
//! anchors, tags, documents markers, multi-line plain or quoted scalars, keys that are not
//! words, or any doubt: `None`, and the parser reads the file.

use std::borrow::Cow;

use super::{Columns, MAX_KEY, MAX_KEYS, double_quoted, position};
use crate::document::{Node, Value};
use crate::error::Position;
use crate::yaml::scalar::plain;

/// Deeper nesting than this goes to the general parser.
const MAX_DEPTH: usize = 8;

/// A mapping or a list being built, and the column its entries start at.
struct Open {
    indent: usize,
    position: Position,
    kind: Kind,
}

enum Kind {
    /// Entries so far, and a key whose value is on the lines below.
    Map(Vec<(Node, Node)>, Option<Node>),
    Seq(Vec<Node>),
}

/// Read `text` if it has the common shape; `None` if the general parser must read it.
pub(super) fn parse(text: &str) -> Option<Node> {
    Reader::default().read(text)
}

#[derive(Default)]
struct Reader {
    stack: Vec<Open>,
    /// The column of a key whose value is on the lines below (the key is in its mapping).
    pending: Option<usize>,
    /// The column of the last key or list item with a value on its own line: a later line
    /// indented further would continue that value, which this reader leaves to the parser.
    scalar_at: Option<usize>,
    root: Option<Node>,
}

/// The number of leading spaces.
fn indent(line: &str) -> usize {
    line.bytes().take_while(|&b| b == b' ').count()
}

/// Whether `rest` (after a value) is blank or a comment.
fn ends(rest: &str) -> bool {
    let trimmed = rest.trim_start_matches(' ');
    trimmed.is_empty() || (trimmed.len() < rest.len() && trimmed.starts_with('#'))
}

/// The length of the plain word (letters, digits, `_`, `-`, `.`) at the start of `s`: a key,
/// or an item of a flow collection.
fn word_len(s: &str) -> usize {
    s.bytes()
        .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.'))
        .count()
}

/// A key at the start of `s` (a plain word of letters, digits, `_`, `-`, `.`, or
/// double-quoted text) followed by `:` and a space or the line's end: its text and the
/// length of `s` up to the colon.
fn key(s: &str) -> Option<(Value, usize)> {
    let bytes = s.as_bytes();
    let (value, n) = if bytes.first()? == &b'"' {
        let (text, n) = double_quoted(s)?;
        (Value::String(text), n)
    } else {
        let first = *bytes.first()?;
        if !first.is_ascii_alphanumeric() && first != b'_' {
            return None;
        }
        let n = word_len(s);
        (plain(Cow::Borrowed(&s[..n]), true), n)
    };
    (n <= MAX_KEY && bytes.get(n) == Some(&b':') && matches!(bytes.get(n + 1), None | Some(b' ')))
        .then_some((value, n))
}

impl Reader {
    fn read(mut self, text: &str) -> Option<Node> {
        let mut lines = text.split('\n').enumerate().peekable();
        while let Some((i, line)) = lines.next() {
            let number = i + 1;
            let at = indent(line);
            let rest = &line[at..];
            // A line indented past a value on its own line (even one of spaces only, which can
            // be a block scalar's last line) would continue that value: the parser's to read.
            if self.scalar_at.is_some_and(|s| at > s) {
                return None;
            }
            if rest.is_empty() {
                continue;
            }
            if rest.starts_with('#') {
                continue;
            }
            if at == 0 && (rest.starts_with("---") || rest.starts_with("...")) {
                return None;
            }
            let (at, content) = if let Some(item) = rest.strip_prefix("- ") {
                self.open_item(at, number)?;
                let spaces = indent(item);
                let at = at + 2 + spaces;
                let content = &item[spaces..];
                if key(content).is_none() {
                    // A scalar item.
                    let node = self.value(number, line, at, &mut lines)?;
                    self.scalar_at = Some(at - 2 - spaces);
                    self.add(node)?;
                    continue;
                }
                self.stack.push(Open {
                    indent: at,
                    position: Position::new(
                        u32::try_from(number).ok()?,
                        u32::try_from(at + 1).ok()?,
                    ),
                    kind: Kind::Map(Vec::new(), None),
                });
                (at, content)
            } else {
                self.open_key(at, number)?;
                (at, rest)
            };
            if self.stack.len() > MAX_DEPTH {
                return None;
            }
            let (value, n) = key(content)?;
            let key = Node {
                value,
                position: position(number, at + 1),
            };
            let Some(Open {
                kind: Kind::Map(entries, waiting),
                ..
            }) = self.stack.last_mut()
            else {
                return None;
            };
            if entries.len() >= MAX_KEYS || entries.iter().any(|(k, _)| k.value == key.value) {
                return None;
            }
            *waiting = Some(key);
            let after = at + n + 1;
            if ends(&line[after..]) {
                self.pending = Some(at);
                self.scalar_at = None;
                continue;
            }
            let start = after + indent(&line[after..]);
            let node = self.value(number, line, start, &mut lines)?;
            self.scalar_at = Some(at);
            self.add(node)?;
        }
        if self.pending.is_some() {
            return None;
        }
        while !self.stack.is_empty() {
            self.close()?;
        }
        self.root
    }

    /// Make room for a key at column `at`: open the mapping a waiting key's value starts, or
    /// close what is indented further and find a mapping at exactly this column.
    fn open_key(&mut self, at: usize, number: usize) -> Option<()> {
        if let Some(parent) = self.pending.take() {
            if at <= parent {
                return None;
            }
        } else {
            while self.stack.last().is_some_and(|o| o.indent > at) {
                self.close()?;
            }
            match self.stack.last() {
                Some(o) if o.indent == at && matches!(o.kind, Kind::Map(..)) => return Some(()),
                Some(_) => return None,
                None if at == 0 && self.root.is_none() => {}
                None => return None,
            }
        }
        self.stack.push(Open {
            indent: at,
            position: Position::new(u32::try_from(number).ok()?, u32::try_from(at + 1).ok()?),
            kind: Kind::Map(Vec::new(), None),
        });
        Some(())
    }

    /// Make room for a list item whose `-` is at column `at`.
    fn open_item(&mut self, at: usize, number: usize) -> Option<()> {
        self.scalar_at = None;
        if let Some(parent) = self.pending.take() {
            if at <= parent {
                return None;
            }
            self.stack.push(Open {
                indent: at,
                position: Position::new(u32::try_from(number).ok()?, u32::try_from(at + 1).ok()?),
                kind: Kind::Seq(Vec::new()),
            });
            return Some(());
        }
        while self.stack.last().is_some_and(|o| o.indent > at) {
            self.close()?;
        }
        match self.stack.last() {
            Some(o) if o.indent == at && matches!(o.kind, Kind::Seq(..)) => Some(()),
            _ => None,
        }
    }

    /// Finish the innermost mapping or list and put it in its place.
    fn close(&mut self) -> Option<()> {
        let open = self.stack.pop()?;
        let value = match open.kind {
            Kind::Map(entries, None) => Value::Map(entries),
            Kind::Seq(items) => Value::Seq(items),
            Kind::Map(_, Some(_)) => return None,
        };
        self.add(Node {
            value,
            position: Some(open.position),
        })
    }

    /// Put a finished value in its place: a waiting key's value, a list item, or the root.
    fn add(&mut self, node: Node) -> Option<()> {
        match self.stack.last_mut() {
            None => {
                self.root = Some(node);
            }
            Some(Open {
                kind: Kind::Seq(items),
                ..
            }) => items.push(node),
            Some(Open {
                kind: Kind::Map(entries, waiting),
                ..
            }) => entries.push((waiting.take()?, node)),
        }
        Some(())
    }

    /// The value starting at byte `start` of `line` (line `number`); a block scalar takes
    /// its lines from `lines`.
    fn value<'t>(
        &mut self,
        number: usize,
        line: &str,
        start: usize,
        lines: &mut std::iter::Peekable<impl Iterator<Item = (usize, &'t str)>>,
    ) -> Option<Node> {
        let s = &line[start..];
        let here = position(number, Columns::new(line).of(start));
        let first = *s.as_bytes().first()?;
        let (value, rest) = match first {
            b'"' => {
                let (text, len) = double_quoted(s)?;
                (Value::String(text), &s[len..])
            }
            b'\'' => {
                let (text, len) = single_quoted(s)?;
                (Value::String(text), &s[len..])
            }
            b'[' | b'{' => {
                let (value, end) = flow(number, &mut Columns::new(line), line, start, 1)?;
                (value, &line[end..])
            }
            b'>' | b'|' => return block(s, self.key_column()?, lines),
            b'-' if s.as_bytes().get(1).is_none_or(|&b| b == b' ') => return None,
            b'&' | b'*' | b'!' | b'%' | b'@' | b'`' | b',' | b']' | b'}' | b'#' | b'?' | b':' => {
                return None;
            }
            _ => {
                let end = s.find(" #").unwrap_or(s.len());
                let text = s[..end].trim_end_matches(' ');
                if text.contains(": ") || text.ends_with(':') {
                    return None;
                }
                (plain(Cow::Borrowed(text), false), "")
            }
        };
        ends(rest).then_some(Node {
            value,
            position: here,
        })
    }

    /// The column of the key (or list item) whose value is being read.
    fn key_column(&self) -> Option<usize> {
        self.stack.last().map(|o| o.indent)
    }
}

/// A single-quoted scalar at the start of `s`, on one line: its text and length in bytes.
fn single_quoted(s: &str) -> Option<(String, usize)> {
    let body = &s[1..];
    let mut out = String::new();
    let mut i = 0;
    loop {
        let j = i + body[i..].find('\'')?;
        out.push_str(&body[i..j]);
        if body.as_bytes().get(j + 1) == Some(&b'\'') {
            out.push('\'');
            i = j + 2;
        } else {
            return Some((out, j + 2));
        }
    }
}

/// How deep flow collections may nest here (`{answer: yes, options: [a]}` is 2).
const MAX_FLOW_DEPTH: usize = 4;

/// A flow list (`[a, "b"]`) or mapping (`{a: b, c: [d]}`) on one line, starting at byte
/// `start` of `line`: its items are double-quoted text, plain words or flow collections,
/// its keys plain words or double-quoted text. Its value and the byte after its end.
fn flow(
    number: usize,
    columns: &mut Columns<'_>,
    line: &str,
    start: usize,
    depth: usize,
) -> Option<(Value, usize)> {
    if depth > MAX_FLOW_DEPTH {
        return None;
    }
    let map = line.as_bytes().get(start) == Some(&b'{');
    let close = if map { b'}' } else { b']' };
    let mut items = Vec::new();
    let mut entries: Vec<(Node, Node)> = Vec::new();
    let skip = |i: usize| i + indent(&line[i..]);
    let mut i = skip(start + 1);
    let done = |items, entries| {
        if map {
            Value::Map(entries)
        } else {
            Value::Seq(items)
        }
    };
    if line.as_bytes().get(i) == Some(&close) {
        return Some((done(items, entries), i + 1));
    }
    loop {
        let key = if map {
            let (value, n) = key(&line[i..])?;
            if line.as_bytes().get(i + n + 1) != Some(&b' ') {
                return None;
            }
            let key = Node {
                value,
                position: position(number, columns.of(i)),
            };
            if entries.len() >= MAX_KEYS || entries.iter().any(|(k, _)| k.value == key.value) {
                return None;
            }
            i = skip(i + n + 1);
            Some(key)
        } else {
            None
        };
        let here = position(number, columns.of(i));
        let (value, end) = match *line.as_bytes().get(i)? {
            b'[' | b'{' => flow(number, columns, line, i, depth + 1)?,
            _ => {
                let (value, len) = flow_word(&line[i..])?;
                (value, i + len)
            }
        };
        let node = Node {
            value,
            position: here,
        };
        match key {
            Some(key) => entries.push((key, node)),
            None => items.push(node),
        }
        i = skip(end);
        match *line.as_bytes().get(i)? {
            b',' => {
                i = skip(i + 1);
                if matches!(line.as_bytes().get(i), None | Some(b']' | b'}' | b',')) {
                    return None;
                }
            }
            b if b == close => return Some((done(items, entries), i + 1)),
            _ => return None,
        }
    }
}

/// Double-quoted text or a plain word at the start of `s`, and its length in bytes.
fn flow_word(s: &str) -> Option<(Value, usize)> {
    match s.as_bytes().first()? {
        b'"' => {
            let (text, len) = double_quoted(s)?;
            Some((Value::String(text), len))
        }
        b if b.is_ascii_alphanumeric() || *b == b'_' => {
            let len = word_len(s);
            Some((plain(Cow::Borrowed(&s[..len]), false), len))
        }
        _ => None,
    }
}

/// A folded (`>`, `>-`) or literal (`|`, `|-`) block scalar whose lines, all indented alike
/// and further than `parent`, follow; the header is `s`. Its position is its first line's.
fn block<'t>(
    s: &str,
    parent: usize,
    lines: &mut std::iter::Peekable<impl Iterator<Item = (usize, &'t str)>>,
) -> Option<Node> {
    let (folded, header) = (s.starts_with('>'), &s[1..]);
    let (strip, after) = match header.strip_prefix('-') {
        Some(after) => (true, after),
        None => (false, header),
    };
    if !ends(after) {
        return None;
    }
    let mut content: Option<usize> = None;
    let mut first = None;
    let mut out = String::new();
    while let Some(&(i, line)) = lines.peek() {
        let at = indent(line);
        if at == line.len() {
            // A blank line ends the block here (a later line indented further would continue
            // it with a line break, which this reader leaves to the parser); spaces on it
            // beyond the key's column might be the block's, so such a line goes there too.
            if at > parent {
                return None;
            }
            break;
        }
        if at <= parent {
            break;
        }
        if content.is_some_and(|c| c != at) {
            return None;
        }
        if content.is_some() {
            out.push(if folded { ' ' } else { '\n' });
        } else {
            first = position(i + 1, at + 1);
        }
        content = Some(at);
        out.push_str(&line[at..]);
        lines.next();
        // The last line of the file without a line break after it: leave it to the parser.
        lines.peek()?;
    }
    content?;
    if !strip {
        out.push('\n');
    }
    Some(Node {
        value: Value::String(out),
        position: first,
    })
}
