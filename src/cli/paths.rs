//! The paths a command is given: a quoted glob (`'examples/**/*.yaml'`) is expanded (a path
//! that exists is always taken literally, even with `[` or `*` in its name), and a path that
//! does not exist is reported and left out; the run goes on with the others and exits 2.

use std::path::{Path, PathBuf};

use super::{Exit, shown};

/// The paths to work on, and whether any given path was missing (so the run exits 2).
pub(crate) struct Paths {
    pub(crate) found: Vec<PathBuf>,
    pub(crate) missing: bool,
}

impl Paths {
    /// Expand globs and report paths that do not exist.
    pub(crate) fn resolve(given: &[PathBuf]) -> Paths {
        let mut found = Vec::new();
        let mut missing = false;
        for path in given {
            let text = path.to_string_lossy();
            if text == "-" || path.symlink_metadata().is_ok() {
                found.push(path.clone());
                continue;
            }
            if text.contains(['*', '?', '[']) {
                let matches: Vec<PathBuf> = glob::glob(&text)
                    .map(|paths| paths.filter_map(Result::ok).collect())
                    .unwrap_or_default();
                if matches.is_empty() {
                    errln!("adscheck: error: no file or folder matches {}", shown(path));
                    missing = true;
                }
                found.extend(matches);
                continue;
            }
            missing |= !exists(path);
        }
        Paths { found, missing }
    }

    /// The exit code of a run that found no answer file in `given`: said once, unless every
    /// path given was missing (said already, path by path).
    pub(crate) fn no_files(&self, given: &[PathBuf]) -> Exit {
        if self.missing && self.found.is_empty() {
            return Exit::Fatal;
        }
        self.exit(super::no_files(given))
    }

    /// The exit code of a run that ended with `exit`: a usage error when a path was missing.
    pub(crate) fn exit(&self, exit: Exit) -> Exit {
        if self.missing && exit != Exit::Interrupted {
            Exit::Fatal
        } else {
            exit
        }
    }
}

/// Whether the one file a command reads exists; when it does not, say so as for any path.
pub(crate) fn exists(path: &Path) -> bool {
    let exists = path.symlink_metadata().is_ok();
    if !exists {
        errln!("adscheck: error: no such file or folder: {}", shown(path));
    }
    exists
}

/// Whether answers may be saved at `path` (`interview --out`, `template --out`): the file is
/// YAML, and must be named so that `classify` and `check` find it in a folder (`*.yaml` or
/// `*.yml`, not hidden). Something that exists and is not a file (a device) is left to the
/// writer, which refuses it.
pub(crate) fn answer_file_name(path: &Path) -> bool {
    if path.metadata().is_ok_and(|m| !m.is_file()) {
        return true;
    }
    let hidden = path
        .file_name()
        .is_some_and(|n| n.to_string_lossy().starts_with('.'));
    let yaml =
        adscheck::document::Format::from_path(path) == Some(adscheck::document::Format::Yaml);
    if yaml && !hidden {
        return true;
    }
    errln!(
        "adscheck: error: answers are not saved as {}: an answer file is YAML named *.yaml or \
         *.yml (not starting with a dot), so that classify and check find it in a folder",
        shown(path)
    );
    false
}
