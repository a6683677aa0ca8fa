//! Finding answer files, reading them, and classifying each.
//!
//! A bad file never stops a batch: a file that cannot be found, read or parsed becomes a
//! report with an error, and the others are still evaluated. Results come out sorted by path
//! so that output is the same from run to run.

use std::io::Read;
use std::path::{Path, PathBuf};

use crate::engine::Engine;
use crate::error::{Diagnostic, Diagnostics, Kind, Position};
use crate::report::Report;
use crate::yaml::Format;

/// The name standard input goes by in reports.
pub const STDIN_NAME: &str = "<stdin>";

/// One answer file to classify.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Source {
    /// Standard input (`-` on the command line).
    Stdin,
    /// A file on disk.
    File(PathBuf),
    /// A path that could not be listed, with the reason.
    Unreadable(PathBuf, String),
}

impl Source {
    /// The name of the source as reports show it.
    #[must_use]
    pub fn name(&self) -> String {
        match self {
            Source::Stdin => STDIN_NAME.to_owned(),
            Source::File(p) | Source::Unreadable(p, _) => p.display().to_string(),
        }
    }
}

/// Whether a file found inside a folder is an answer file, by its extension.
fn is_answer_file(path: &Path) -> bool {
    Format::from_path(path).is_some()
}

/// Expand the paths given on the command line into answer files, sorted by path.
///
/// `-` is standard input; a folder contributes every `*.yaml`, `*.yml` and `*.json` below it
/// (symbolic links are not followed, so link loops cannot trap the walk); a file is taken
/// whatever its name. A path that does not exist or cannot be listed becomes
/// [`Source::Unreadable`], to be reported like a bad file.
#[must_use]
pub fn discover(paths: &[PathBuf]) -> Vec<Source> {
    let mut sources = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            sources.push(Source::Stdin);
            continue;
        }
        match std::fs::metadata(path) {
            Ok(meta) if meta.is_dir() => {
                for entry in walkdir::WalkDir::new(path).sort_by_file_name() {
                    match entry {
                        Ok(entry) => {
                            if entry.file_type().is_file() && is_answer_file(entry.path()) {
                                sources.push(Source::File(entry.into_path()));
                            }
                        }
                        Err(e) => {
                            let at = e.path().unwrap_or(path).to_path_buf();
                            sources.push(Source::Unreadable(at, e.to_string()));
                        }
                    }
                }
            }
            Ok(_) => sources.push(Source::File(path.clone())),
            Err(e) => sources.push(Source::Unreadable(path.clone(), e.to_string())),
        }
    }
    sources.sort();
    sources.dedup();
    sources
}

/// Read one source as text.
///
/// # Errors
/// A [`Kind::Io`] diagnostic when it cannot be read, [`Kind::Syntax`] when it is not UTF-8.
pub fn read(source: &Source) -> Result<String, Diagnostic> {
    let name = source.name();
    let bytes = match source {
        Source::Stdin => {
            let mut buffer = Vec::new();
            std::io::stdin()
                .lock()
                .read_to_end(&mut buffer)
                .map_err(|e| Diagnostic::new(Kind::Io, &name, None, format!("cannot read: {e}")))?;
            buffer
        }
        Source::File(path) => std::fs::read(path).map_err(|e| {
            Diagnostic::new(
                Kind::Io,
                &name,
                None,
                format!("cannot read: {}", io_reason(&e)),
            )
        })?,
        Source::Unreadable(_, reason) => {
            return Err(Diagnostic::new(
                Kind::Io,
                &name,
                None,
                format!("cannot read: {reason}"),
            ));
        }
    };
    decode(&name, bytes)
}

fn io_reason(e: &std::io::Error) -> String {
    if e.kind() == std::io::ErrorKind::IsADirectory {
        "it is a folder; name the folder itself to classify the files in it".to_owned()
    } else {
        e.to_string()
    }
}

/// UTF-8 text, without a byte-order mark.
fn decode(name: &str, bytes: Vec<u8>) -> Result<String, Diagnostic> {
    match String::from_utf8(bytes) {
        Ok(mut text) => {
            if text.starts_with('\u{feff}') {
                text.drain(..'\u{feff}'.len_utf8());
            }
            Ok(text)
        }
        Err(e) => {
            let valid = e.utf8_error().valid_up_to();
            let before = e.as_bytes().get(..valid).unwrap_or_default();
            let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
            let line_start = before
                .iter()
                .rposition(|&b| b == b'\n')
                .map_or(0, |i| i + 1);
            let column = String::from_utf8_lossy(before.get(line_start..).unwrap_or_default())
                .chars()
                .count()
                + 1;
            Err(Diagnostic::new(
                Kind::Syntax,
                name,
                Some(Position::new(
                    u32::try_from(line).unwrap_or(u32::MAX),
                    u32::try_from(column).unwrap_or(u32::MAX),
                )),
                "not UTF-8 text: answer files must be UTF-8 encoded YAML or JSON",
            ))
        }
    }
}

/// Read and classify one source.
#[must_use]
pub fn classify(engine: &Engine, source: &Source) -> Report {
    let name = source.name();
    match read(source) {
        Ok(text) => {
            let format = match source {
                Source::File(path) => {
                    Format::from_path(path).unwrap_or_else(|| Format::sniff(&text))
                }
                _ => Format::sniff(&text),
            };
            Report::classify(engine, &name, &text, format)
        }
        Err(e) => Report::failed(&name, Diagnostics(vec![e])),
    }
}
