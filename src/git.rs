//! An inventory as it stood at a revision of the git repository that holds it, read from git's
//! objects (with `gix`, no `git` program needed): the answer files under the given paths and
//! every settings file on the way to them, each within the answer files' size limit, written
//! out into a folder of its own so that the same reader, settings and rules as for files on
//! disk apply to it.

use std::path::{Path, PathBuf};

use crate::error::{Diagnostic, Kind};

/// A revision read out into a folder.
#[derive(Debug)]
pub struct Revision {
    /// The folder that now holds the repository's files at the revision (the paths asked
    /// for, and the settings files on the way to them), with a `.git` folder marking it as a
    /// repository's root.
    pub root: PathBuf,
    /// Each path asked for, as it stands under `root`.
    pub paths: Vec<PathBuf>,
    /// "HEAD~1 (3f2a9c1)": the revision as given, and its commit.
    pub described: String,
    /// The commit's day (`YYYY-MM-DD`).
    pub day: String,
}

/// Read the inventory at `paths` (inside one git repository) as it was at `revision` into the
/// new folder `into`; no file larger than `max_bytes` is read.
///
/// # Errors
/// A diagnostic naming the revision: the paths are in no git repository, the revision is not
/// known there, a path did not exist at it, a file is over the limit, or writing failed.
pub fn read_at(
    paths: &[PathBuf],
    revision: &str,
    into: &Path,
    max_bytes: u64,
) -> Result<Revision, Diagnostic> {
    let fail = |message: String| Diagnostic::new(Kind::Io, revision, None, message);
    let absolute: Vec<PathBuf> = paths
        .iter()
        .map(|p| crate::settings::governing::absolute(p))
        .collect();
    let start = absolute
        .first()
        .cloned()
        .unwrap_or_else(|| PathBuf::from("."));
    let start = if start.is_dir() {
        start
    } else {
        start
            .parent()
            .map_or_else(|| PathBuf::from("."), Path::to_path_buf)
    };
    let repo = gix::discover(&start).map_err(|_| {
        fail(format!(
            "is not a file, and {} is in no git repository to read it as a revision of: give \
             a previous `adscheck report --format json`, or run inside the inventory's \
             repository",
            start.display()
        ))
    })?;
    let workdir = repo
        .workdir()
        .map(crate::settings::governing::absolute)
        .ok_or_else(|| fail("the repository has no working folder (a bare one)".to_owned()))?;
    let id = repo.rev_parse_single(revision).map_err(|e| {
        fail(format!(
            "is neither a file nor a revision of the repository at {} ({e}): give a tag, a \
             commit or a branch (e.g. HEAD~1), or a previous report's JSON",
            workdir.display()
        ))
    })?;
    let commit = id
        .object()
        .and_then(|o| o.peel_to_commit())
        .map_err(|e| fail(format!("names no commit: {e}")))?;
    let day = commit
        .time()
        .ok()
        .and_then(|t| u64::try_from(t.seconds).ok())
        .map(|s| crate::clock::Now::from_unix(s).date().to_owned())
        .unwrap_or_default();
    let described = format!("{revision} ({})", id.shorten_or_id());
    let tree = commit
        .tree()
        .map_err(|e| fail(format!("its files cannot be read: {e}")))?;
    let entries = tree
        .traverse()
        .breadthfirst
        .files()
        .map_err(|e| fail(format!("its files cannot be read: {e}")))?;
    // The paths asked for, relative to the repository's root ("" for the root itself).
    let mut wanted: Vec<String> = Vec::new();
    for path in &absolute {
        let relative = path.strip_prefix(&workdir).map_err(|_| {
            fail(format!(
                "{} is outside the repository at {}",
                path.display(),
                workdir.display()
            ))
        })?;
        wanted.push(relative.to_string_lossy().replace('\\', "/"));
    }
    let under = |file: &str| {
        wanted.iter().any(|w| {
            w.is_empty() || file == w || file.starts_with(&format!("{}/", w.trim_end_matches('/')))
        })
    };
    // A settings file governs from above: every `.adscheck.yaml` on the way down to a path.
    let on_the_way = |file: &str| {
        let Some(folder) = file.strip_suffix(crate::settings::FILE_NAME) else {
            return false;
        };
        let folder = folder.trim_end_matches('/');
        wanted
            .iter()
            .any(|w| folder.is_empty() || w == folder || w.starts_with(&format!("{folder}/")))
    };
    std::fs::create_dir_all(into.join(".git"))
        .map_err(|e| fail(format!("cannot write {}: {e}", into.display())))?;
    let mut found = vec![false; wanted.len()];
    for entry in entries.iter().filter(|e| e.mode.is_blob()) {
        let file = entry.filepath.to_string();
        if !(under(&file) || on_the_way(&file)) {
            continue;
        }
        for (seen, w) in found.iter_mut().zip(&wanted) {
            if w.is_empty() || file == *w || file.starts_with(&format!("{w}/")) {
                *seen = true;
            }
        }
        let size = repo
            .find_header(entry.oid)
            .map(|h| h.size())
            .map_err(|e| fail(format!("{file} cannot be read: {e}")))?;
        if size > max_bytes {
            return Err(fail(format!(
                "{file} is {} at this revision, over the answer files' limit of {} \
                 (--max-file-size): nothing was compared",
                crate::input::size(size),
                crate::input::size(max_bytes)
            )));
        }
        let blob = repo
            .find_object(entry.oid)
            .map_err(|e| fail(format!("{file} cannot be read: {e}")))?;
        // Only plain relative paths are written: a name with `..` or a root stays in git.
        let relative = Path::new(&file);
        if relative
            .components()
            .any(|c| !matches!(c, std::path::Component::Normal(_)))
        {
            continue;
        }
        let target = into.join(relative);
        if let Some(folder) = target.parent() {
            std::fs::create_dir_all(folder)
                .map_err(|e| fail(format!("cannot write {}: {e}", folder.display())))?;
        }
        std::fs::write(&target, &blob.data)
            .map_err(|e| fail(format!("cannot write {}: {e}", target.display())))?;
    }
    if let Some(i) = found.iter().position(|f| !f) {
        return Err(fail(format!(
            "{} did not exist at this revision",
            wanted.get(i).map_or("a path", String::as_str)
        )));
    }
    Ok(Revision {
        root: into.to_path_buf(),
        paths: wanted.iter().map(|w| into.join(w)).collect(),
        described,
        day,
    })
}
