//! Integration tests: one test binary (faster to build than one per file).

// Tests may unwrap and index: a panic is a failed test.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod adoption;
mod also;
mod answers;
mod check;
mod checklist;
mod cli;
mod engine;
mod engine_model;
mod gate;
mod history;
mod hostile;
mod injection;
mod interview;
mod laws;
mod layers;
mod ll35;
mod other_checklist;
mod pinned;
mod plain;
mod properties;
mod published_words;
mod readme;
mod records;
mod scale;
mod site;
mod streams;
mod support;
mod synthetic;
mod terminal;
mod trust;
mod widths;
mod wording;
