//! The one place that knows the YAML parser: [`parse`] for typed documents (checklists,
//! settings) in `typed.rs`, [`parse_tree`] for answer files in `tree.rs`.
//!
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
//! give line and column for every value. Swapping the YAML crate means changing this folder
//! only.
//!
//! Answer files of the common shapes (block mappings of plain keys with words, quoted text,
//! short lists and notes; JSON) are read without the parser, in `shortcut/`: on a batch of
//! small files the parser's own work was half of `classify`'s time. Those readers build the
//! very tree the parser builds, positions included, and leave everything else to the parser,
//! errors too, so messages do not change; every debug build compares the two on every file.

mod scalar;
mod shortcut;
mod tree;
mod typed;

pub use tree::{MAX_DEPTH, MAX_NODES, parse_tree};
pub use typed::parse;

use serde::de;

use crate::error::{Diagnostic, Kind, Position};

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

fn clamp(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

fn to_position(l: &serde_saphyr::Location) -> Option<Position> {
    (l.line() > 0).then(|| {
        Position::new(
            u32::try_from(l.line()).unwrap_or(u32::MAX),
            u32::try_from(l.column()).unwrap_or(u32::MAX).max(1),
        )
    })
}

/// Check that `text` is strict JSON, with the position of the first problem.
pub(crate) fn strict_json(file: &str, text: &str) -> Result<(), Diagnostic> {
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

fn strip_json_position(message: &str) -> &str {
    message.find(" at line ").map_or(message, |i| &message[..i])
}

#[cfg(test)]
mod tests;
