//! Integration tests: one test binary (faster to build than one per file).

mod answers;
mod check;
mod checklist;
mod cli;
mod engine;
mod engine_model;
mod hostile;
mod interview;
mod other_checklist;
mod properties;
mod records;
mod scale;
mod support;
mod synthetic;
mod terminal;
