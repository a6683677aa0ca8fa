//! adscheck applies the NYC ADS Task Force's checklist for determining whether a piece of
//! software is an Automated Decision System (ADS), and an Agency ADS, "as defined by" New York
//! City Local Law 49 of 2018. Not legal advice.
//!
//! The law lives in a checklist file ([`checklist`]); answer files ([`answers`]) say what a
//! respondent answered about one tool, and their `tool:` block ([`tool`]) what the tool is;
//! the [`engine`] evaluates the checklist's rules against the answers in three-valued logic,
//! says which questions still matter, and which answers decided each determination;
//! [`classification`] gathers that per file. An [`inventory`] is a set of answer files governed by one
//! `.adscheck.yaml` ([`settings`]); [`check`], the [`summary`] and Local Law 35's table
//! ([`ll35`]) stand on it, and [`render`] writes every result in each output format.
//!
//! The library knows nothing of terminals or exit codes: that is the binary's job.
//!
//! Layers, each using only those on lines above it (modules on one line do not use each
//! other); `tests/it/layers.rs` reads this table and fails on an import that runs against it:
//!
//! ```text
//! error, text, suggest, clock        diagnostics; escaping, wrapping, names; "did you mean"; time
//! document, input, atomic_file       positions; bounded reads; atomic writes
//! destination                        where a command may write (the one writing policy)
//! yaml                               the one module that knows the YAML parser
//! checklist                          the checklist file: model, loading, validation
//! engine                             rules compiled and evaluated (three-valued, linear)
//! answers, tool                      an answer file read and written; its `tool:` block typed
//! classification                     one file's determinations, reasons and warnings
//! settings                           the one model of `.adscheck.yaml`
//! batch, git                         files found, read in parallel; an inventory at a revision
//! inventory                          settings and checklist opened once; the one reader
//! check, ll35                        CI rules; the Local Law 35 table read, imported, exported
//! summary, recheck, schema           an inventory as a whole; re-checking; JSON Schema
//! selftest, interview                the checklist's own cases; the guided walk
//! render                             every result in every output format
//! (binary) src/cli/                  one file per subcommand: arguments in, exit code out
//! ```
//!
//! ```
//! use adscheck::{Classification, Truth, document::Format};
//!
//! let engine = adscheck::load_engine(None)?; // the built-in Local Law 49 checklist
//! let text = "answers: {1a: yes, 1b: yes, 1c: yes, 2a: yes, 2b: unsure}";
//! let report = Classification::classify(&engine, "tool.yaml", text, Format::Yaml);
//! let outcome = report.outcome.expect("a valid answer file");
//! assert_eq!(outcome.determinations, [Truth::Yes, Truth::Unknown]); // ADS, Agency ADS
//! assert_eq!(outcome.needed, [4]); // (2)(b) could still decide the Agency ADS question
//! # Ok::<(), adscheck::Diagnostics>(())
//! ```

#![cfg_attr(
    test,
    allow(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing
    )
)]

pub mod answers;
pub mod atomic_file;
pub mod batch;
pub mod check;
pub mod checklist;
pub mod classification;
pub mod clock;
pub mod destination;
pub mod document;
pub mod engine;
pub mod error;
pub mod git;
pub mod input;
pub mod interview;
pub mod inventory;
pub mod ll35;
pub mod recheck;
pub mod render;
pub mod schema;
pub mod selftest;
pub mod settings;
mod suggest;
pub mod summary;
pub mod text;
pub mod tool;
pub mod yaml;

pub use answers::{Answer, AnswerFile, AnswerValue};
pub use checklist::Checklist;
pub use classification::Classification;
pub use engine::{Engine, Truth};
pub use error::{Diagnostic, Diagnostics, Kind, Position};

/// Load the checklist at `path` (or, when no file is there, the built-in checklist with that
/// id: `nyc-ll35-2022`), or the built-in Local Law 49 checklist when `path` is `None`;
/// validate it and compile its rules.
///
/// # Errors
/// Every problem found in the checklist, each with its position.
pub fn load_engine(path: Option<&std::path::Path>) -> Result<Engine, Diagnostics> {
    match path {
        // A built-in checklist's id names it, unless a file of that name is there.
        Some(path) if !path.exists() => match path
            .to_str()
            .and_then(|id| Some((checklist::BUILTINS.iter().find(|b| b.id == id)?, id)))
        {
            Some((builtin, id)) => {
                let checklist =
                    Checklist::builtin_with_id(id).unwrap_or_else(Checklist::builtin)?;
                Engine::new(checklist, builtin.name)
            }
            None => Engine::new(Checklist::load(path)?, &path.display().to_string()),
        },
        Some(path) => Engine::new(Checklist::load(path)?, &path.display().to_string()),
        None => Engine::new(Checklist::builtin()?, checklist::DEFAULT_CHECKLIST_NAME),
    }
}
