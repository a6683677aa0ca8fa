//! Reading input files, bounded: every read stops at a limit while reading (not by what the
//! file's metadata claims, which is 0 for devices and pipes), and only regular files are read,
//! so `/dev/zero` or a FIFO named as an input is refused at once instead of filling memory or
//! waiting forever.

use std::io::Read;
use std::path::Path;

use crate::error::{Diagnostic, Kind, Position};

/// What is being read, for messages ("answer file", "checklist", "settings file"), with the
/// largest such file read: each kind of file has a limit of its own.
#[derive(Clone, Copy, Debug)]
pub struct What {
    /// The largest file of this kind read (answer files: unless `--max-file-size` says more).
    pub max: u64,
    /// The kind of file, in messages.
    pub noun: &'static str,
    /// The noun with its article: "an answer file".
    pub a_noun: &'static str,
    /// How to raise the limit, if it can be raised.
    pub raise: &'static str,
    /// What such a file is written in: "YAML or JSON", "CSV".
    pub format: &'static str,
}

/// Answer files.
pub const ANSWER_FILE: What = What {
    // Real ones are a few KiB; the limit keeps a stray database dump from filling memory.
    max: 16 * 1024 * 1024,
    noun: "answer file",
    a_noun: "an answer file",
    raise: "; raise it with --max-file-size if this is really an answer file",
    format: "YAML or JSON",
};
/// Checklists.
pub const CHECKLIST: What = What {
    max: 16 * 1024 * 1024,
    noun: "checklist",
    a_noun: "a checklist",
    raise: "",
    format: "YAML or JSON",
};
/// Settings files.
pub const SETTINGS: What = What {
    // Real ones are a few lines.
    max: 1024 * 1024,
    noun: "settings file",
    a_noun: "a settings file",
    raise: "",
    format: "YAML or JSON",
};
/// Reports (`report --format json`) read back for `--since`.
pub const REPORT: What = What {
    // 10,000 tools make about 20 MiB.
    max: 256 * 1024 * 1024,
    noun: "previous report",
    a_noun: "a previous report (report --format json)",
    raise: "",
    format: "JSON",
};
/// Local Law 35 tables (Open Data CSV).
/// The list of tools a site adscheck built published (`downloads/tools.json`), read back when
/// the site is built again, so that no published address is lost.
pub const PUBLISHED: What = What {
    max: 256 * 1024 * 1024,
    noun: "published list of tools",
    a_noun: "a site's list of tools (downloads/tools.json)",
    raise: "",
    format: "JSON",
};

pub const TABLE: What = What {
    // The city's table is about 100 KiB; 10,000 tools make about 10 MiB.
    max: 1 << 30,
    noun: "table",
    a_noun: "a table",
    raise: "",
    format: "CSV",
};

/// A size for people: "512 bytes", "1.5 KiB", "16.0 MiB".
#[must_use]
pub fn size(bytes: u64) -> String {
    #[allow(clippy::cast_precision_loss)] // a size in a message
    let f = bytes as f64;
    if bytes < 1024 {
        format!("{bytes} bytes")
    } else if bytes < 1024 * 1024 {
        format!("{:.1} KiB", f / 1024.0)
    } else if bytes < 1024 * 1024 * 1024 {
        format!("{:.1} MiB", f / (1024.0 * 1024.0))
    } else {
        format!("{:.1} GiB", f / (1024.0 * 1024.0 * 1024.0))
    }
}

fn too_large(name: &str, size_known: Option<u64>, limit: u64, what: What) -> Diagnostic {
    let (limit, noun, raise) = (size(limit), what.noun, what.raise);
    let message = match size_known {
        Some(n) => format!(
            "the file is {}, over the {limit} limit for {noun}s{raise}",
            size(n)
        ),
        None => format!(
            "the input is larger than the {limit} limit for {noun}s (reading stopped there){raise}"
        ),
    };
    Diagnostic::new(Kind::TooLarge, name, None, message)
}

fn io_error(name: &str, e: &std::io::Error, what: What) -> Diagnostic {
    let reason = if e.kind() == std::io::ErrorKind::IsADirectory {
        if what.noun == ANSWER_FILE.noun {
            "it is a folder; name the folder itself to classify the files in it".to_owned()
        } else {
            format!("it is a folder, not {}", what.a_noun)
        }
    } else {
        e.to_string()
    };
    Diagnostic::new(Kind::Io, name, None, format!("cannot read: {reason}"))
}

/// Read at most `limit` bytes from `reader`; more is an error.
///
/// # Errors
/// [`Kind::Io`] when reading fails, [`Kind::TooLarge`] past the limit.
pub fn read_limited(
    name: &str,
    reader: impl Read,
    limit: u64,
    what: What,
) -> Result<Vec<u8>, Diagnostic> {
    let mut buffer = Vec::new();
    reader
        .take(limit.saturating_add(1))
        .read_to_end(&mut buffer)
        .map_err(|e| io_error(name, &e, what))?;
    if buffer.len() as u64 > limit {
        return Err(too_large(name, None, limit, what));
    }
    Ok(buffer)
}

/// Read the regular file at `path` (links followed), at most `limit` bytes, as bytes.
///
/// # Errors
/// [`Kind::Io`] when it cannot be read or is not a regular file (a folder, a device, a pipe),
/// [`Kind::TooLarge`] over the limit.
pub fn read_file(name: &str, path: &Path, limit: u64, what: What) -> Result<Vec<u8>, Diagnostic> {
    let (file, meta) = open_regular(path).map_err(|e| io_error(name, &e, what))?;
    if meta.is_dir() {
        return Err(io_error(
            name,
            &std::io::Error::from(std::io::ErrorKind::IsADirectory),
            what,
        ));
    }
    if !meta.is_file() {
        return Err(Diagnostic::new(
            Kind::Io,
            name,
            None,
            format!(
                "not a regular file (a device, pipe or socket): {} must be a file",
                what.a_noun
            ),
        ));
    }
    if meta.len() > limit {
        return Err(too_large(name, Some(meta.len()), limit, what));
    }
    let Some(file) = file else {
        // Looked at first, where a FIFO cannot be opened without waiting (see open_regular).
        let file = std::fs::File::open(path).map_err(|e| io_error(name, &e, what))?;
        return read_limited(name, file, limit, what);
    };
    // The size is known: a buffer of it, read to that size (one read, no second call to see
    // the end: what is appended after the file was looked at is not read, as if read a moment
    // earlier). A file that says it is empty (some file systems' generated files) is read to
    // its end, within the limit.
    let size = meta.len();
    if size == 0 {
        return read_limited(name, file, limit, what);
    }
    let mut buffer = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    file.take(size)
        .read_to_end(&mut buffer)
        .map_err(|e| io_error(name, &e, what))?;
    Ok(buffer)
}

/// The file at `path`, opened, and what it is. On Unix it is opened without waiting
/// (`O_NONBLOCK`: a FIFO would otherwise wait for a writer; `O_NOCTTY`: a terminal never
/// becomes the process's) and looked at through the open file: one lookup of the path, not
/// two, and what is looked at is what is read. Nothing but a regular file is read from.
/// Elsewhere it is looked at by path first, and opened by the caller once known to be a
/// regular file.
fn open_regular(path: &Path) -> std::io::Result<(Option<std::fs::File>, std::fs::Metadata)> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        let file = std::fs::OpenOptions::new()
            .read(true)
            .custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY)
            .open(path)?;
        let meta = file.metadata()?;
        Ok((Some(file), meta))
    }
    #[cfg(not(unix))]
    {
        Ok((None, std::fs::metadata(path)?))
    }
}

/// Bytes as UTF-8 text, without a byte-order mark.
///
/// # Errors
/// [`Kind::Syntax`] with the position of the first byte that is not UTF-8.
pub fn decode(name: &str, bytes: Vec<u8>, what: What) -> Result<String, Diagnostic> {
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
                format!(
                    "not UTF-8 text: {}s must be UTF-8 encoded {}",
                    what.noun, what.format
                ),
            ))
        }
    }
}

/// Read the regular file at `path` as UTF-8 text, at most `limit` bytes.
///
/// # Errors
/// As [`read_file`] and [`decode`].
pub fn read_text(path: &Path, limit: u64, what: What) -> Result<String, Diagnostic> {
    let name = path.display().to_string();
    let bytes = read_file(&name, path, limit, what)?;
    decode(&name, bytes, what)
}
