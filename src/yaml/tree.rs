//! Answer files, read by the hundred thousand, built into a position-aware [`Node`] tree
//! straight from the parser's events.

use super::{clamp, strict_json};
use crate::document::{Format, Node, Value};
use crate::error::{Diagnostic, Kind, Position};
use crate::text::excerpt;

/// How deep an answer file may nest (mappings and lists). Real ones use 3 or 4 levels.
pub const MAX_DEPTH: usize = 64;

/// Up to how many entries a mapping's keys are compared one by one (no index to build).
const SCANNED: usize = 16;

/// How many nodes an answer file may have, counting every copy an alias makes.
pub const MAX_NODES: usize = 200_000;

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
    if let Some(node) = super::shortcut::read(text, format) {
        // Every debug build (the test suite's) checks the shortcut against the parser.
        // (Strict JSON the parser cannot read is read without positions below; the shortcut
        // gives them.)
        #[cfg(debug_assertions)]
        match parse_events(file, text) {
            Ok(full) => assert!(
                full == node,
                "the shortcut reader and the parser disagree on {file}: {node:?} against {full:?}"
            ),
            Err(e) => assert!(
                format == Format::Json,
                "the shortcut reader read what the parser refuses in {file}: {e}"
            ),
        }
        return Ok(node);
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

/// Parse `text` with the general parser alone (no JSON check, no shortcut): what the
/// shortcut is checked against.
#[cfg(any(test, debug_assertions))]
pub(super) fn parse_events(file: &str, text: &str) -> Result<Node, Diagnostic> {
    TreeBuilder::new(file).build(text)
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
        /// Text keys with the index of their entry, made once the mapping has more than
        /// [`SCANNED`] entries: duplicates are found by a short scan in the small mappings
        /// answer files are made of, in constant time in a large one (so a hostile file of
        /// many keys stays linear), and other keys, rare, by a scan.
        seen: Option<std::collections::HashMap<String, usize>>,
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
        let message = crate::text::safe_message(&message.into());
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
                    return Err(
                        self.error(position, format!("unknown alias `*{}`", excerpt(&name)))
                    );
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
                    self.open(is_seq, position, anchor, tag.as_deref())?;
                }
                granit::Event::SequenceEnd | granit::Event::MappingEnd => self.close(position)?,
                _ => {}
            }
        }
        Ok(self.root.unwrap_or(Node {
            value: Value::Null,
            position: Some(Position::new(1, 1)),
        }))
    }

    /// Start a list (`is_seq`) or a mapping.
    fn open(
        &mut self,
        is_seq: bool,
        position: Option<Position>,
        anchor: usize,
        tag: Option<&granit::Tag>,
    ) -> Result<(), Diagnostic> {
        self.count(1, position)?;
        if self.stack.len() >= MAX_DEPTH {
            return Err(self.error(
                position,
                format!("nested deeper than {MAX_DEPTH} levels: an answer file needs 4"),
            ));
        }
        if let Some(tag) = tag
            && !core_tag(tag, if is_seq { "seq" } else { "map" })
        {
            return Err(self.error(
                position,
                format!(
                    "unsupported tag `{}`",
                    excerpt(&format!("{}{}", tag.handle(), tag.suffix()))
                ),
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
                seen: None,
            }
        });
        Ok(())
    }

    /// Finish the innermost list or mapping and put it in its place.
    fn close(&mut self, position: Option<Position>) -> Result<(), Diagnostic> {
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
        self.push(node)
    }

    /// Put a finished node where it belongs: the root, a list item, a key, or a value.
    fn push(&mut self, node: Node) -> Result<(), Diagnostic> {
        match self.stack.last_mut() {
            None => self.root = Some(node),
            Some(Frame::Seq { items, .. }) => items.push(node),
            Some(Frame::Map {
                entries, key, seen, ..
            }) => match key.take() {
                None => {
                    if seen.is_none() && entries.len() >= SCANNED {
                        *seen = Some(
                            entries
                                .iter()
                                .enumerate()
                                .filter_map(|(i, (k, _))| match &k.value {
                                    Value::String(text) => Some((text.clone(), i)),
                                    _ => None,
                                })
                                .collect(),
                        );
                    }
                    let earlier = match (&node.value, seen.as_mut()) {
                        (Value::String(text), Some(seen)) => match seen.get(text) {
                            Some(&i) => entries.get(i),
                            None => {
                                seen.insert(text.clone(), entries.len());
                                None
                            }
                        },
                        (Value::String(text), None) => entries
                            .iter()
                            .find(|(k, _)| matches!(&k.value, Value::String(t) if t == text)),
                        (other, _) => entries.iter().find(|(k, _)| k.value == *other),
                    };
                    if let Some((first, _)) = earlier {
                        let line = first.position.map_or(0, |p| p.line);
                        let message = format!(
                            "duplicate key `{}` (first at line {line}): keys must be unique",
                            excerpt(&node.key_text())
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
    if style != granit::ScalarStyle::Plain {
        return Ok(Value::String(text.into_owned()));
    }
    Ok(super::scalar::plain(text, in_key))
}
