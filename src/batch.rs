//! Finding answer files, reading them, and classifying each.
//!
//! A bad file never stops a batch: a file that cannot be found, read or parsed becomes a
//! report with an error, and the others are still evaluated. Results come out sorted by path
//! so that output is the same from run to run.

use std::io::Read;
use std::path::{Path, PathBuf};

use crate::document::Format;
use crate::engine::Engine;
use crate::error::{Diagnostic, Diagnostics, Kind, Position};
use crate::report::Report;

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

    /// The format of `text` read from this source: what the file name declares, or a guess.
    #[must_use]
    pub fn format(&self, text: &str) -> Format {
        match self {
            Source::File(path) => Format::from_path(path).unwrap_or_else(|| Format::sniff(text)),
            _ => Format::sniff(text),
        }
    }
}

/// Whether a file found inside a folder is an answer file, by its extension.
fn is_answer_file(path: &Path) -> bool {
    Format::from_path(path).is_some()
}

/// Hidden files and folders (`.git`, `.github`, `.adscheck.yaml`) are never answer files.
fn is_hidden(entry: &walkdir::DirEntry) -> bool {
    entry.depth() > 0 && entry.file_name().to_string_lossy().starts_with('.')
}

/// Expand the paths given on the command line into answer files, in path order, lazily.
///
/// `-` is standard input; a folder contributes every `*.yaml`, `*.yml` and `*.json` below it,
/// skipping hidden files and folders (symbolic links are not followed, so link loops cannot
/// trap the walk); a file is taken whatever its name. A path that does not exist or cannot be
/// listed becomes [`Source::Unreadable`], to be reported like a bad file. Paths named twice, or
/// inside a folder also named, are taken once. Files come out one by one, so memory does not
/// grow with their number (beyond the listing of one folder, which is sorted).
pub fn sources(paths: &[PathBuf]) -> impl Iterator<Item = Source> + use<> {
    let mut roots: Vec<PathBuf> = paths.to_vec();
    roots.sort();
    roots.dedup();
    let folders: Vec<PathBuf> = roots.iter().filter(|p| p.is_dir()).cloned().collect();
    // A root inside another folder root is already covered by it.
    roots.retain(|p| {
        !folders
            .iter()
            .any(|folder| folder != p && p.starts_with(folder))
    });
    let stdin = roots.iter().any(|p| p.as_os_str() == "-");
    roots.retain(|p| p.as_os_str() != "-");
    stdin
        .then_some(Source::Stdin)
        .into_iter()
        .chain(roots.into_iter().flat_map(expand))
}

fn expand(path: PathBuf) -> Box<dyn Iterator<Item = Source>> {
    match std::fs::metadata(&path) {
        Ok(meta) if meta.is_dir() => Box::new(
            walkdir::WalkDir::new(&path)
                .sort_by_file_name()
                .into_iter()
                .filter_entry(|e| !is_hidden(e))
                .filter_map(move |entry| match entry {
                    Ok(entry) => {
                        if !is_answer_file(entry.path()) {
                            return None;
                        }
                        // A link is taken when it leads to a file (never followed into a
                        // folder, so link loops cannot trap the walk); a broken one is reported.
                        let is_file = entry.file_type().is_file()
                            || (entry.path_is_symlink()
                                && std::fs::metadata(entry.path()).map_or(true, |m| m.is_file()));
                        is_file.then(|| Source::File(entry.into_path()))
                    }
                    Err(e) => {
                        let at = e.path().unwrap_or(&path).to_path_buf();
                        Some(Source::Unreadable(at, e.to_string()))
                    }
                }),
        ),
        Ok(_) => Box::new(std::iter::once(Source::File(path))),
        Err(e) => Box::new(std::iter::once(Source::Unreadable(path, e.to_string()))),
    }
}

/// All sources of [`sources`], collected.
#[must_use]
pub fn discover(paths: &[PathBuf]) -> Vec<Source> {
    sources(paths).collect()
}

/// How many files are worked on together: enough to keep every core busy, few enough that
/// memory stays flat however many files there are.
const CHUNK: usize = 1024;

/// Batches smaller than this are worked on one thread: starting the pool costs more.
const SEQUENTIAL_BELOW: usize = 16;

/// Do `work` on every item (a [`Source`], or a source with what it needs), in parallel, and
/// hand the results to `each` in order.
///
/// Sources are taken a chunk at a time, so results stream out while later files are still
/// being read, and at most one chunk of results is held at once.
///
/// # Errors
/// The first error `each` returns; no further sources are read after it.
pub fn in_order<T, R, E>(
    sources: impl Iterator<Item = T>,
    work: impl Fn(&T) -> R + Sync,
    mut each: impl FnMut(T, R) -> Result<(), E>,
) -> Result<usize, E>
where
    T: Sync,
    R: Send,
{
    use rayon::prelude::*;
    let mut sources = sources.peekable();
    let mut count = 0;
    while sources.peek().is_some() {
        let chunk: Vec<T> = sources.by_ref().take(CHUNK).collect();
        // A few files are done before threads could start: a one-file run stays as quick as
        // the process itself.
        let results: Vec<R> = if chunk.len() < SEQUENTIAL_BELOW {
            chunk.iter().map(&work).collect()
        } else {
            chunk.par_iter().map(&work).collect()
        };
        for (source, result) in chunk.into_iter().zip(results) {
            count += 1;
            each(source, result)?;
        }
    }
    Ok(count)
}

/// The largest answer file read unless the caller allows more: real ones are a few KiB, and
/// the limit keeps a stray database dump from filling memory.
pub const DEFAULT_MAX_FILE_SIZE: u64 = 16 * 1024 * 1024;

fn too_large(name: &str, size: Option<u64>, limit: u64) -> Diagnostic {
    let mib = |n: u64| n as f64 / (1024.0 * 1024.0);
    let size = size.map_or_else(|| "larger".to_owned(), |n| format!("{:.1} MiB", mib(n)));
    Diagnostic::new(
        Kind::TooLarge,
        name,
        None,
        format!(
            "the file is {size}, over the {:.1} MiB limit for answer files; raise it with \
             --max-file-size if this is really an answer file",
            mib(limit)
        ),
    )
}

/// Read at most `limit` bytes from `reader`; more is an error.
fn read_limited(name: &str, reader: impl Read, limit: u64) -> Result<Vec<u8>, Diagnostic> {
    let mut buffer = Vec::new();
    reader
        .take(limit.saturating_add(1))
        .read_to_end(&mut buffer)
        .map_err(|e| {
            Diagnostic::new(
                Kind::Io,
                name,
                None,
                format!("cannot read: {}", io_reason(&e)),
            )
        })?;
    if buffer.len() as u64 > limit {
        return Err(too_large(name, None, limit));
    }
    Ok(buffer)
}

/// Read one source as text, refusing more than `max_bytes` (checked before reading, from the
/// file's size, and again while reading, for files that grow or report no size).
///
/// # Errors
/// A [`Kind::Io`] diagnostic when it cannot be read, [`Kind::TooLarge`] over the limit,
/// [`Kind::Syntax`] when it is not UTF-8.
pub fn read(source: &Source, max_bytes: u64) -> Result<String, Diagnostic> {
    let name = source.name();
    let bytes = match source {
        Source::Stdin => read_limited(&name, std::io::stdin().lock(), max_bytes)?,
        Source::File(path) => {
            let io = |e: std::io::Error| {
                Diagnostic::new(
                    Kind::Io,
                    &name,
                    None,
                    format!("cannot read: {}", io_reason(&e)),
                )
            };
            let file = std::fs::File::open(path).map_err(io)?;
            let meta = file.metadata().map_err(io)?;
            if meta.is_dir() {
                return Err(io(std::io::Error::from(std::io::ErrorKind::IsADirectory)));
            }
            if meta.len() > max_bytes {
                return Err(too_large(&name, Some(meta.len()), max_bytes));
            }
            read_limited(&name, file, max_bytes)?
        }
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

/// Read and classify one source, refusing files over `max_bytes`.
#[must_use]
pub fn classify(engine: &Engine, source: &Source, max_bytes: u64) -> Report {
    let name = source.name();
    match read(source, max_bytes) {
        Ok(text) => Report::classify(engine, &name, &text, source.format(&text)),
        Err(e) => Report::failed(&name, Diagnostics(vec![e])),
    }
}
