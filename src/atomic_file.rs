//! Writing a file so that it is never seen half-written, and never replaces what it should not.
//!
//! The new contents go to a temporary file in the same folder, are flushed to disk, and are
//! then renamed over the target in one step (the `atomic-write-file` crate): a crash, `kill -9`
//! or full disk at any moment leaves either the old file or the new one, never a mix. What is
//! replaced is always a regular file: a symbolic link is written through (its target gets the
//! new contents and the link stays a link), and a device, pipe, folder or dangling link is
//! refused. An existing file keeps its permissions; a new one gets those the umask allows, as
//! any other program's new file would.

use std::io::Write;
use std::path::{Path, PathBuf};

use atomic_write_file::AtomicWriteFile;

use crate::error::{Diagnostic, Kind};

fn io_error(path: &Path, what: &str, e: &std::io::Error) -> Diagnostic {
    Diagnostic::new(
        Kind::Io,
        path.display().to_string(),
        None,
        format!("cannot {what}: {e}"),
    )
}

fn refused(path: &Path, why: &str) -> Diagnostic {
    Diagnostic::new(
        Kind::Io,
        path.display().to_string(),
        None,
        format!("not written: {why}"),
    )
}

/// A file nobody may write to (mode 0444) says "leave me be": refused, not replaced.
fn read_only(path: &Path, meta: &std::fs::Metadata) -> Result<(), Diagnostic> {
    use std::os::unix::fs::PermissionsExt;
    if meta.permissions().mode() & 0o222 == 0 {
        return Err(refused(
            path,
            "the file is read-only; make it writable first if it is to be changed",
        ));
    }
    Ok(())
}

/// The regular file to write for `path`: itself, or the file a link leads to; `None` when
/// nothing is there yet.
fn target(path: &Path) -> Result<Option<PathBuf>, Diagnostic> {
    let meta = match path.symlink_metadata() {
        Ok(meta) => meta,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(io_error(path, "look at it", &e)),
    };
    if meta.file_type().is_symlink() {
        let real = path.canonicalize().map_err(|_| {
            refused(
                path,
                "it is a symbolic link that leads nowhere; adscheck writes through links to the \
                 file they name, and will not replace the link itself",
            )
        })?;
        let meta = real
            .metadata()
            .map_err(|e| io_error(path, "look at where its link leads", &e))?;
        if !meta.is_file() {
            return Err(refused(
                path,
                "it is a link to something that is not a regular file (a folder, device or pipe)",
            ));
        }
        read_only(path, &meta)?;
        return Ok(Some(real));
    }
    if !meta.is_file() {
        return Err(refused(
            path,
            "it is not a regular file (a folder, device or pipe); adscheck only replaces files",
        ));
    }
    read_only(path, &meta)?;
    Ok(Some(path.to_path_buf()))
}

/// Replace (or create) the file at `path` with `contents`, atomically; through a link, to the
/// file it leads to.
///
/// # Errors
/// A [`Kind::Io`] diagnostic naming `path` when it is not a regular file (or a link to one),
/// the folder is not writable, the disk is full, or the rename fails; `path` is then unchanged.
pub fn replace(path: &Path, contents: &[u8]) -> Result<(), Diagnostic> {
    let target = target(path)?.unwrap_or_else(|| path.to_path_buf());
    write(path, &target, contents)
}

/// Create `path` with `contents`, atomically, refusing to replace anything already there
/// (a file, a link, even a dangling one).
///
/// # Errors
/// As [`replace`], and when something is already at `path`.
pub fn create_new(path: &Path, contents: &[u8]) -> Result<(), Diagnostic> {
    if path.symlink_metadata().is_ok() {
        return Err(io_error(
            path,
            "create it",
            &std::io::Error::from(std::io::ErrorKind::AlreadyExists),
        ));
    }
    write(path, path, contents)
}

/// A file being written at `path` (through a link, to the file it leads to), to be committed
/// whole with [`AtomicWriteFile::commit`] or dropped without a trace: for output streamed in
/// pieces (a report of 100,000 files), never seen half-written.
///
/// # Errors
/// As [`replace`].
pub fn open(path: &Path) -> Result<AtomicWriteFile, Diagnostic> {
    let target = target(path)?.unwrap_or_else(|| path.to_path_buf());
    AtomicWriteFile::options()
        .open(&target)
        .map_err(|e| io_error(path, "write a temporary file next to it", &e))
}

fn write(path: &Path, target: &Path, contents: &[u8]) -> Result<(), Diagnostic> {
    let mut file = AtomicWriteFile::options()
        .open(target)
        .map_err(|e| io_error(path, "write a temporary file next to it", &e))?;
    file.write_all(contents)
        .and_then(|()| file.flush())
        .map_err(|e| io_error(path, "write", &e))?;
    file.commit().map_err(|e| io_error(path, "save", &e))
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
