//! Where a command may write, the same rule for every command that writes a report, a table or
//! a site (`-o`, `--out`): never over an existing file without `--force`, never over an input
//! of the run, never inside the inventory where the next run would read it (a path that does
//! not exist yet is resolved through its nearest existing folder).

use std::path::{Component, Path, PathBuf};

use crate::error::{Diagnostic, Kind};

/// What is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Output {
    /// One file (a report, a table).
    File,
    /// A folder built whole (the public site).
    Folder,
}

/// `path` made absolute (`.` and `..` taken as they read), through the nearest folder of it
/// that exists (links in that folder resolved), the rest appended as written.
#[must_use]
pub fn resolve(path: &Path) -> PathBuf {
    let mut absolute = PathBuf::new();
    for part in std::path::absolute(path)
        .unwrap_or_else(|_| path.to_path_buf())
        .components()
    {
        match part {
            Component::CurDir => {}
            Component::ParentDir => {
                absolute.pop();
            }
            other => absolute.push(other),
        }
    }
    let mut rest = Vec::new();
    let mut base = absolute.as_path();
    let found = loop {
        if let Ok(real) = base.canonicalize() {
            break real;
        }
        match (base.parent(), base.file_name()) {
            (Some(parent), Some(name)) => {
                rest.push(name.to_os_string());
                base = parent;
            }
            _ => break base.to_path_buf(),
        }
    };
    let mut out = found;
    for part in rest.iter().rev() {
        out.push(part);
    }
    out
}

/// Why `out` may not be written, given the run's `inputs` (`-` is standard input): the
/// reason, for people, or `None` when it may.
#[must_use]
pub fn refused(out: &Path, what: Output, inputs: &[PathBuf], force: bool) -> Option<String> {
    let target = resolve(out);
    for input in inputs.iter().filter(|p| p.as_os_str() != "-") {
        let input = resolve(input);
        if input.starts_with(&target) {
            return Some(if input == target {
                "is an input of this run: it would be replaced by what is read from it; choose \
                 another name"
                    .to_owned()
            } else {
                format!(
                    "holds an input of this run ({}): it would be replaced; choose a folder of \
                     its own",
                    input.display()
                )
            });
        }
        let read_next_time =
            what == Output::Folder || crate::document::Format::from_path(&target).is_some();
        // A file named on its own stands for its folder: an answer file written beside it
        // would be read with it next time.
        let folder = if input.is_dir() {
            input.as_path()
        } else {
            input.parent().unwrap_or(&input)
        };
        if target.starts_with(folder) && read_next_time {
            return Some(format!(
                "is inside the inventory ({}): its files would be read as answer files next \
                 time; choose a place outside it",
                folder.display()
            ));
        }
    }
    match std::fs::symlink_metadata(out) {
        Ok(meta) if what == Output::File && meta.is_dir() => {
            Some("is a folder: give a file's name".to_owned())
        }
        Ok(meta) if what == Output::File && !meta.is_file() => Some(
            "is not a regular file (a device, a pipe, a link): adscheck writes regular files \
             only"
                .to_owned(),
        ),
        Ok(_) if what == Output::File && !force => {
            Some("exists: not replaced; choose a new name, or add --force to replace it".to_owned())
        }
        _ => None,
    }
}

/// [`refused`] as a diagnostic naming `out`.
///
/// # Errors
/// When `out` may not be written.
pub fn check(out: &Path, what: Output, inputs: &[PathBuf], force: bool) -> Result<(), Diagnostic> {
    match refused(out, what, inputs, force) {
        Some(why) => Err(Diagnostic::new(
            Kind::NotAllowed,
            out.display().to_string(),
            None,
            why,
        )),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn case(out: &str, what: Output, inputs: &[&str], force: bool, refused_for: Option<&str>) {
        let temp = tempfile::tempdir().unwrap();
        let dir = temp.path().canonicalize().unwrap();
        std::fs::create_dir_all(dir.join("inv/FDNY")).unwrap();
        std::fs::write(dir.join("inv/FDNY/a.yaml"), "answers: {}\n").unwrap();
        std::fs::write(dir.join("old.csv"), "x").unwrap();
        let inputs: Vec<PathBuf> = inputs.iter().map(|i| dir.join(i)).collect();
        let got = refused(&dir.join(out), what, &inputs, force);
        match refused_for {
            None => assert_eq!(got, None, "{out}"),
            Some(why) => assert!(
                got.as_deref().is_some_and(|g| g.contains(why)),
                "{out}: {got:?}"
            ),
        }
    }

    #[test]
    fn nothing_is_written_over_an_input_an_old_file_or_into_the_inventory() {
        use Output::{File, Folder};
        case("table.csv", File, &["inv"], false, None);
        case("old.csv", File, &["inv"], false, Some("exists"));
        case("old.csv", File, &["inv"], true, None);
        case(
            "inv/FDNY/a.yaml",
            File,
            &["inv"],
            true,
            Some("inside the inventory"),
        );
        case(
            "inv/FDNY/a.yaml",
            File,
            &["inv/FDNY/a.yaml"],
            true,
            Some("is an input"),
        );
        case(
            "inv/results.json",
            File,
            &["inv"],
            false,
            Some("inside the inventory"),
        );
        // A report that is not named as an answer file is not read next time.
        case("inv/report.xml", File, &["inv"], false, None);
        // A file named on its own stands for its folder.
        case(
            "inv/FDNY/b.json",
            File,
            &["inv/FDNY/a.yaml"],
            false,
            Some("inside the inventory"),
        );
        case("inv/b.json", File, &["inv/FDNY/a.yaml"], false, None);
        case("inv", File, &["inv"], true, Some("is an input"));
        case("site", Folder, &["inv"], false, None);
        case(
            "inv/new/site",
            Folder,
            &["inv"],
            false,
            Some("inside the inventory"),
        );
        case(".", Folder, &["inv"], true, Some("holds an input"));
        case("inv/../site", Folder, &["inv"], false, None);
    }

    #[test]
    fn a_path_is_resolved_through_its_nearest_folder() {
        let temp = tempfile::tempdir().unwrap();
        let dir = temp.path().canonicalize().unwrap();
        assert_eq!(resolve(&dir.join("a/b/../c")), dir.join("a/c"));
        assert_eq!(resolve(&dir.join("./x")), dir.join("x"));
    }
}
