//! Finding answer files, reading them, and classifying each.
//!
//! A bad file never stops a batch: a file that cannot be found, read or parsed becomes a
//! report with an error, and the others are still evaluated. Results come out sorted by path
//! so that output is the same from run to run.

use std::path::{Path, PathBuf};

use crate::classification::Classification;
use crate::document::Format;
use crate::engine::Engine;
use crate::error::{Diagnostic, Diagnostics, Kind};
use crate::input;

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

/// What a walk of the paths finds: answer files to read, and the settings files
/// (`.adscheck.yaml`) inside the folders walked, which are not answer files but which `check`
/// must know of (one settings file governs a run).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Found {
    /// An answer file (or a path to report as one).
    Source(Source),
    /// A settings file inside a folder walked.
    Settings(PathBuf),
}

impl Source {
    /// The name of the source as reports show it.
    #[must_use]
    pub fn name(&self) -> String {
        match self {
            Source::Stdin => STDIN_NAME.to_owned(),
            // Most paths are UTF-8: checked at once, not displayed piece by piece.
            Source::File(p) | Source::Unreadable(p, _) => p
                .to_str()
                .map_or_else(|| p.display().to_string(), str::to_owned),
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

/// Whether a file found inside a folder is an answer file, by its extension; a JSON Schema
/// (`*.schema.json`, as `adscheck schema --out` writes beside the answer files) is not.
fn is_answer_file(path: &Path) -> bool {
    const SCHEMA: &[u8] = b".schema.json";
    let schema = path.file_name().is_some_and(|n| {
        let n = n.as_encoded_bytes();
        n.len() >= SCHEMA.len()
            && n.get(n.len() - SCHEMA.len()..)
                .is_some_and(|end| end.eq_ignore_ascii_case(SCHEMA))
    });
    Format::from_path(path).is_some() && !schema
}

/// Hidden files and folders (`.git`, `.github`, `.adscheck.yaml`) are never answer files.
fn is_hidden(entry: &walkdir::DirEntry) -> bool {
    entry.depth() > 0 && entry.file_name().as_encoded_bytes().starts_with(b".")
}

/// Whether a walk entry is a settings file.
fn is_settings(entry: &walkdir::DirEntry) -> bool {
    entry.file_name() == crate::settings::FILE_NAME
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
    found(paths).filter_map(|f| match f {
        Found::Source(source) => Some(source),
        Found::Settings(_) => None,
    })
}

/// [`sources`], and also every settings file (`.adscheck.yaml`) inside the folders walked, in
/// its place in path order.
pub fn found(paths: &[PathBuf]) -> impl Iterator<Item = Found> + use<> {
    let mut given: Vec<&PathBuf> = paths.iter().collect();
    given.sort();
    let stdin = given.iter().any(|p| p.as_os_str() == "-");
    // The same file or folder named twice, in any spelling (`a`, `./a`, `/abs/a`), is taken
    // once: compared by where it really is (each path resolved once).
    let mut seen = std::collections::HashSet::new();
    let resolved: Vec<(&PathBuf, PathBuf)> = given
        .into_iter()
        .filter(|p| p.as_os_str() != "-")
        .map(|p| (p, std::fs::canonicalize(p).unwrap_or_else(|_| p.clone())))
        .filter(|(_, real)| seen.insert(real.clone()))
        .collect();
    let folders: std::collections::HashSet<&Path> = resolved
        .iter()
        .filter(|(p, _)| p.is_dir())
        .map(|(_, real)| real.as_path())
        .collect();
    // A root inside another folder root is already covered by it: look for a folder root
    // among its ancestors (linear in the roots times their depth).
    let roots: Vec<PathBuf> = resolved
        .iter()
        .filter(|(_, real)| !real.ancestors().skip(1).any(|a| folders.contains(a)))
        .map(|(p, _)| (*p).clone())
        .collect();
    stdin
        .then_some(Found::Source(Source::Stdin))
        .into_iter()
        .chain(roots.into_iter().flat_map(expand))
}

fn expand(path: PathBuf) -> Box<dyn Iterator<Item = Found>> {
    match std::fs::metadata(&path) {
        Ok(meta) if meta.is_dir() => Box::new(
            walkdir::WalkDir::new(&path)
                .sort_by_file_name()
                .into_iter()
                .filter_entry(|e| !is_hidden(e) || is_settings(e))
                .filter_map(move |entry| match entry {
                    Ok(entry) => {
                        if is_settings(&entry) {
                            return Some(Found::Settings(entry.into_path()));
                        }
                        if !is_answer_file(entry.path()) {
                            return None;
                        }
                        // Anything named like an answer file that is not a folder is taken, and
                        // reading refuses what is not a regular file (a pipe, a device), so it is
                        // reported rather than passed over. A link is never followed into a
                        // folder (so link loops cannot trap the walk); a broken one is reported.
                        let is_folder = entry.file_type().is_dir()
                            || (entry.path_is_symlink()
                                && std::fs::metadata(entry.path()).is_ok_and(|m| m.is_dir()));
                        (!is_folder).then(|| Found::Source(Source::File(entry.into_path())))
                    }
                    Err(e) => {
                        let at = e.path().unwrap_or(&path).to_path_buf();
                        Some(Found::Source(Source::Unreadable(at, e.to_string())))
                    }
                }),
        ),
        Ok(_) => Box::new(std::iter::once(Found::Source(Source::File(path)))),
        Err(e) => Box::new(std::iter::once(Found::Source(Source::Unreadable(
            path,
            e.to_string(),
        )))),
    }
}

/// All sources of [`sources`], collected.
#[must_use]
pub fn discover(paths: &[PathBuf]) -> Vec<Source> {
    sources(paths).collect()
}

/// The largest answer file read unless the caller allows more: real ones are a few KiB, and
/// the limit keeps a stray database dump from filling memory.
pub const DEFAULT_MAX_FILE_SIZE: u64 = input::ANSWER_FILE.max;

/// The most files worked on together: enough to keep every core busy, few enough that memory
/// stays flat however many files there are.
const CHUNK: usize = 1024;

/// The first chunk, before the size of results is known.
const FIRST_CHUNK: usize = 64;

/// Results held at once are kept to about this many bytes: chunks shrink when results are large
/// (a big checklist's explanations), so memory stays flat whatever the size of each result.
const BUFFER_BYTES: usize = 2 << 20;

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
    each: impl FnMut(T, R) -> Result<(), E>,
) -> Result<usize, E>
where
    T: Sync + Send,
    R: Send,
{
    in_order_sized(sources, work, |_| 0, each)
}

/// [`in_order`], with the results held at once bounded by bytes as well as by count: `size`
/// says how many bytes a result holds, and each chunk is sized from the results so far to stay
/// near [`BUFFER_BYTES`] (between 16 and 1,024 files).
///
/// The work is pipelined: while the threads work on one chunk, this thread hands the chunk
/// before it to `each` and walks the sources for the chunk after, so that neither the walk nor
/// the writing leaves the threads idle. At most three chunks are held: the one handed over,
/// the one worked on, the one walked.
///
/// # Errors
/// The first error `each` returns; the chunk being worked on is finished and dropped, and no
/// further sources are read after it.
pub fn in_order_sized<T, R, E>(
    sources: impl Iterator<Item = T>,
    work: impl Fn(&T) -> R + Sync,
    size: impl Fn(&R) -> usize,
    mut each: impl FnMut(T, R) -> Result<(), E>,
) -> Result<usize, E>
where
    T: Sync + Send,
    R: Send,
{
    use rayon::prelude::*;
    let mut sources = sources.fuse();
    let work = &work;
    let mut count = 0;
    let mut next = FIRST_CHUNK;
    std::thread::scope(|scope| {
        // Work on a chunk: a few items are done here and now (a one-file run stays as quick as
        // the process itself), more on the thread pool, from a thread of their own.
        let start = |chunk: Vec<T>| -> Running<'_, T, R> {
            if chunk.len() < SEQUENTIAL_BELOW {
                let results = chunk.iter().map(work).collect();
                Running::Done(chunk, results)
            } else {
                Running::Started(scope.spawn(move || {
                    let results: Vec<R> = chunk.par_iter().map(work).collect();
                    (chunk, results)
                }))
            }
        };
        let mut ahead: Vec<T> = sources.by_ref().take(next).collect();
        let mut done: Option<(Vec<T>, Vec<R>)> = None;
        while !ahead.is_empty() || done.is_some() {
            let running = (!ahead.is_empty()).then(|| start(std::mem::take(&mut ahead)));
            if let Some((chunk, results)) = done.take() {
                let bytes: usize = results.iter().map(&size).sum();
                let per_result = (bytes / results.len().max(1)).max(1);
                next = (BUFFER_BYTES / per_result).clamp(SEQUENTIAL_BELOW, CHUNK);
                for (source, result) in chunk.into_iter().zip(results) {
                    count += 1;
                    each(source, result)?;
                }
            }
            ahead = sources.by_ref().take(next).collect();
            done = running.map(Running::finish);
        }
        Ok(count)
    })
}

/// A chunk being worked on, or done already.
enum Running<'scope, T, R> {
    Done(Vec<T>, Vec<R>),
    Started(std::thread::ScopedJoinHandle<'scope, (Vec<T>, Vec<R>)>),
}

impl<T, R> Running<'_, T, R> {
    /// The chunk and its results, once done (a panic in the work is the caller's).
    fn finish(self) -> (Vec<T>, Vec<R>) {
        match self {
            Running::Done(chunk, results) => (chunk, results),
            Running::Started(handle) => handle
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
        }
    }
}

/// Read one source as text, at most `max_bytes` (counted while reading; files that are not
/// regular files are refused before they are opened).
///
/// # Errors
/// A [`Kind::Io`] diagnostic when it cannot be read, [`Kind::TooLarge`] over the limit,
/// [`Kind::Syntax`] when it is not UTF-8.
pub fn read(source: &Source, max_bytes: u64) -> Result<String, Diagnostic> {
    read_named(source, &source.name(), max_bytes)
}

/// [`read`], with the source's name already made.
fn read_named(source: &Source, name: &str, max_bytes: u64) -> Result<String, Diagnostic> {
    let bytes = match source {
        Source::Stdin => {
            input::read_limited(name, std::io::stdin().lock(), max_bytes, input::ANSWER_FILE)?
        }
        Source::File(path) => input::read_file(name, path, max_bytes, input::ANSWER_FILE)?,
        Source::Unreadable(_, reason) => {
            return Err(Diagnostic::new(
                Kind::Io,
                name,
                None,
                format!("cannot read: {reason}"),
            ));
        }
    };
    input::decode(name, bytes, input::ANSWER_FILE)
}

/// Read and classify one source, refusing files over `max_bytes`.
#[must_use]
pub fn classify(engine: &Engine, source: &Source, max_bytes: u64) -> Classification {
    let name = source.name();
    let mut report = match read_named(source, &name, max_bytes) {
        Ok(text) => Classification::classify(engine, &name, &text, source.format(&text)),
        Err(e) => return Classification::failed(&name, Diagnostics(vec![e])),
    };
    // A file named on the command line that is not named as an answer file (a Markdown note,
    // a text file) and is not one: say so, rather than only what its parser choked on.
    if let (Source::File(path), Err(errors)) = (source, &mut report.outcome)
        && Format::from_path(path).is_none()
        && let Some(first) = errors.0.first_mut()
    {
        first.message.push_str(
            " (this file is not named *.yaml, *.yml or *.json: answer files are YAML or JSON; \
             was it given by mistake?)",
        );
    }
    report
}
