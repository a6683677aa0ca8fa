//! Writing a file so that it is never seen half-written.
//!
//! The new contents go to a temporary file in the same folder, are flushed to disk, and the
//! temporary file is then renamed over the target in one step. A crash, `kill -9` or full disk
//! at any moment leaves either the old file or the new one, never a mix, and never a lost
//! earlier version.

use std::fs::File;
use std::io::Write;
use std::path::Path;

use crate::error::{Diagnostic, Kind};

fn io_error(path: &Path, what: &str, e: &std::io::Error) -> Diagnostic {
    Diagnostic::new(
        Kind::Io,
        path.display().to_string(),
        None,
        format!("cannot {what}: {e}"),
    )
}

/// Replace (or create) `path` with `contents`, atomically.
///
/// # Errors
/// A [`Kind::Io`] diagnostic naming `path` when the folder is not writable, the disk is full,
/// or the rename fails; `path` is then unchanged.
pub fn replace(path: &Path, contents: &[u8]) -> Result<(), Diagnostic> {
    write(path, contents, true)
}

/// Create `path` with `contents`, atomically, refusing to replace an existing file.
///
/// # Errors
/// As [`replace`], and when `path` already exists.
pub fn create_new(path: &Path, contents: &[u8]) -> Result<(), Diagnostic> {
    write(path, contents, false)
}

fn write(path: &Path, contents: &[u8], clobber: bool) -> Result<(), Diagnostic> {
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut temporary = tempfile::Builder::new()
        .prefix(".adscheck-")
        .suffix(".tmp")
        .tempfile_in(folder)
        .map_err(|e| io_error(path, "write a temporary file next to it", &e))?;
    temporary
        .write_all(contents)
        .and_then(|()| temporary.as_file().sync_all())
        .map_err(|e| io_error(path, "write", &e))?;
    let persisted = if clobber {
        temporary.persist(path).map(drop)
    } else {
        temporary.persist_noclobber(path).map(drop)
    };
    persisted.map_err(|e| io_error(path, "save", &e.error))?;
    // Make the rename itself durable; failing to is not worth an error.
    if let Ok(dir) = File::open(folder) {
        let _ = dir.sync_all();
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replace_and_create_new() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.yaml");
        create_new(&path, b"one").unwrap();
        assert!(create_new(&path, b"two").is_err(), "never clobbers");
        assert_eq!(std::fs::read(&path).unwrap(), b"one");
        replace(&path, b"three").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"three");
        let leftovers = std::fs::read_dir(dir.path()).unwrap().count();
        assert_eq!(leftovers, 1, "no temporary files left behind");
    }

    #[test]
    fn an_unwritable_folder_is_an_error_naming_the_file() {
        let e = replace(Path::new("/nonexistent-folder/x.yaml"), b"x").unwrap_err();
        assert_eq!(e.kind, Kind::Io);
        assert_eq!(e.file, "/nonexistent-folder/x.yaml");
    }
}
