//! The one place that writes to standard output and standard error.
//!
//! A closed pipe on either stream (`adscheck check bad/ | head -1`) ends the writing quietly:
//! what is left to write is dropped, the run goes on to the end, and the exit code is the one
//! the run would otherwise have had (a closed pipe never turns findings into success). Any
//! other write error on standard output (a full disk) is an error of the run: one message,
//! exit 2. Standard error that cannot be written to at all (not a closed pipe) also makes the
//! run exit 2, since its diagnostics were lost.

use std::fmt;
use std::io::{self, Write};
use std::sync::atomic::{AtomicBool, Ordering};

static STDOUT_CLOSED: AtomicBool = AtomicBool::new(false);
static STDERR_FAILED: AtomicBool = AtomicBool::new(false);

/// Standard output, buffered, with a closed pipe turned into silence.
pub(crate) fn stdout() -> Guarded<io::BufWriter<io::StdoutLock<'static>>> {
    Guarded(io::BufWriter::with_capacity(64 * 1024, io::stdout().lock()))
}

/// A writer to standard output on which a closed pipe discards instead of failing.
pub(crate) struct Guarded<W: Write>(W);

fn guard<T>(result: io::Result<T>, closed: T) -> io::Result<T> {
    match result {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {
            STDOUT_CLOSED.store(true, Ordering::Relaxed);
            Ok(closed)
        }
        other => other,
    }
}

impl<W: Write> Write for Guarded<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if STDOUT_CLOSED.load(Ordering::Relaxed) {
            return Ok(buf.len());
        }
        guard(self.0.write(buf), buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        if STDOUT_CLOSED.load(Ordering::Relaxed) {
            return Ok(());
        }
        guard(self.0.flush(), ())
    }
}

/// Where a command's report goes: standard output, or a file (`--out`) written whole or not at
/// all.
pub(crate) enum Sink {
    Stdout(Guarded<io::BufWriter<io::StdoutLock<'static>>>),
    File(io::BufWriter<atomic_write_file::AtomicWriteFile>),
}

impl Sink {
    /// Standard output, or the file `path` when the writing policy allows it
    /// ([`adscheck::destination`]: not an input of the run, not an answer file inside the
    /// inventory, not an existing file without `force`); a refusal is printed.
    pub(crate) fn open_for(
        path: Option<&std::path::Path>,
        inputs: &[std::path::PathBuf],
        force: bool,
    ) -> Result<Sink, super::Stop> {
        Sink::open_checked(path, inputs, force).map_err(|e| {
            super::print_diagnostics(&[e], adscheck::error::Severity::Error);
            super::Exit::Fatal.into()
        })
    }

    fn open_checked(
        path: Option<&std::path::Path>,
        inputs: &[std::path::PathBuf],
        force: bool,
    ) -> Result<Sink, adscheck::Diagnostic> {
        if let Some(path) = path {
            // The inventory is the folder of the settings file that governs these paths, when
            // one does, not only the paths given (a report must not land in a sibling folder of
            // the inventory where the next run reads it).
            let mut roots = inputs.to_vec();
            if let Some(settings) = adscheck::settings::governing(inputs, None).file {
                roots.push(
                    settings
                        .parent()
                        .filter(|p| !p.as_os_str().is_empty())
                        .map_or_else(
                            || std::path::PathBuf::from("."),
                            std::path::Path::to_path_buf,
                        ),
                );
            }
            adscheck::destination::check(path, adscheck::destination::Output::File, &roots, force)?;
        }
        match path {
            None => Ok(Sink::Stdout(stdout())),
            Some(path) => Ok(Sink::File(io::BufWriter::with_capacity(
                64 * 1024,
                adscheck::atomic_file::open(path)?,
            ))),
        }
    }

    /// Flush, and put the file in place.
    pub(crate) fn finish(self) -> io::Result<()> {
        match self {
            Sink::Stdout(mut out) => out.flush(),
            Sink::File(out) => out.into_inner().map_err(io::Error::from)?.commit(),
        }
    }
}

impl Write for Sink {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self {
            Sink::Stdout(out) => out.write(buf),
            Sink::File(out) => out.write(buf),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match self {
            Sink::Stdout(out) => out.flush(),
            Sink::File(out) => out.flush(),
        }
    }
}

/// Write one line to standard output (unbuffered use: the interview, progress messages).
///
/// # Errors
/// A write error other than a closed pipe.
pub(crate) fn out_line(args: fmt::Arguments<'_>) -> io::Result<()> {
    let mut out = stdout();
    out.write_fmt(args)?;
    out.write_all(b"\n")?;
    out.flush()
}

/// Write one line to standard error; a closed pipe is ignored, any other failure remembered.
pub(crate) fn err_line(args: fmt::Arguments<'_>) {
    let mut err = io::stderr().lock();
    let written = err
        .write_fmt(args)
        .and_then(|()| err.write_all(b"\n"))
        .and_then(|()| err.flush());
    if let Err(e) = written
        && e.kind() != io::ErrorKind::BrokenPipe
    {
        STDERR_FAILED.store(true, Ordering::Relaxed);
    }
}

/// Whether nobody can read standard error: it is closed, or it is `/dev/null`. Then the
/// diagnostics a run would print need not be formatted at all (20,000 files can carry tens of
/// thousands of warnings). Anything else, a terminal, a pipe or a file, is read.
pub(crate) fn stderr_unread() -> bool {
    #[cfg(unix)]
    {
        use std::os::fd::AsFd;
        use std::os::unix::fs::MetadataExt;
        let Ok(fd) = io::stderr().as_fd().try_clone_to_owned() else {
            return true;
        };
        let Ok(err) = std::fs::File::from(fd).metadata() else {
            return true;
        };
        std::fs::metadata("/dev/null").is_ok_and(|null| {
            null.dev() == err.dev() && null.ino() == err.ino() && null.rdev() == err.rdev()
        })
    }
    #[cfg(not(unix))]
    {
        false
    }
}

/// Whether standard error failed with something other than a closed pipe.
pub(crate) fn stderr_failed() -> bool {
    STDERR_FAILED.load(Ordering::Relaxed)
}
