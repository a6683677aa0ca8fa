//! Which settings file governs a run: `--config` if given, otherwise the topmost
//! `.adscheck.yaml` on the way from the repository root down to the folder that holds every
//! checked path.

use std::path::{Component, Path, PathBuf};

use super::FILE_NAME;

/// Where a run's settings come from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Governing {
    /// The settings file that governs the run, if any.
    pub file: Option<PathBuf>,
    /// The repository root: the nearest folder upward holding `.git` (or the file system root).
    pub repository: PathBuf,
}

/// Make `path` absolute and drop `.` and `..` without touching the file system.
pub fn absolute(path: &Path) -> PathBuf {
    let full = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut out = PathBuf::new();
    for part in full.components() {
        match part {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

/// The deepest folder holding every path of `paths` (`-` counts as the current folder).
fn common_folder(paths: &[PathBuf]) -> PathBuf {
    let folders: Vec<PathBuf> = paths
        .iter()
        .map(|p| {
            if p.as_os_str() == "-" {
                absolute(Path::new("."))
            } else if p.is_dir() {
                absolute(p)
            } else {
                // A bare file name's parent is the empty path: the current folder.
                absolute(
                    p.parent()
                        .filter(|d| !d.as_os_str().is_empty())
                        .unwrap_or(Path::new(".")),
                )
            }
        })
        .collect();
    let Some(first) = folders.first() else {
        return absolute(Path::new("."));
    };
    let mut common = first.clone();
    for folder in folders.iter().skip(1) {
        while !folder.starts_with(&common) {
            if !common.pop() {
                break;
            }
        }
    }
    common
}

/// The settings file that governs a run over `paths`: `config` if given, otherwise the
/// topmost `.adscheck.yaml` from the repository root down to the folder holding every path.
#[must_use]
pub fn governing(paths: &[PathBuf], config: Option<&Path>) -> Governing {
    let top = common_folder(paths);
    let here = absolute(Path::new("."));
    let repository_of = |dir: &Path| {
        dir.ancestors()
            .find(|d| d.join(".git").symlink_metadata().is_ok())
            .map(Path::to_path_buf)
    };
    // The repository the command runs in, when the checked paths are inside it: a `.git`
    // planted below it (in a submission) does not make a repository of its own. Otherwise,
    // the nearest one above the checked paths, or the file system root.
    let repository = repository_of(&here)
        .filter(|root| top.starts_with(root))
        .or_else(|| repository_of(&top))
        .unwrap_or_else(|| top.ancestors().last().unwrap_or(&top).to_path_buf());
    let file = match config {
        Some(config) => Some(config.to_path_buf()),
        None => {
            // Ancestors run from `top` up; the last one found below the root is the topmost.
            // Shown relative to the current folder when it is below it, as paths given are.
            top.ancestors()
                .take_while(|dir| dir.starts_with(&repository))
                .map(|dir| dir.join(FILE_NAME))
                // Anything of that name counts, so that one that cannot be read (a dangling
                // link, a pipe, a folder) is an error rather than passed over.
                .filter(|candidate| candidate.symlink_metadata().is_ok())
                .last()
                .map(|f| f.strip_prefix(&here).map_or(f.clone(), Path::to_path_buf))
        }
    };
    Governing { file, repository }
}
