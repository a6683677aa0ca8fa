//! The settings' include and exclude patterns: which files of a run they select.

use globset::{Glob, GlobSet, GlobSetBuilder};

use crate::document::Located;
use crate::error::{Diagnostic, Kind};

/// Include or exclude patterns, each with where it stands.
#[derive(Clone, Debug)]
pub struct Patterns {
    pub(super) set: GlobSet,
    /// The patterns as written, in order (the set's indices).
    pub patterns: Vec<Located<String>>,
}

/// Whether one file is checked, and which patterns matched it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Selection {
    /// Whether the file is checked.
    pub selected: bool,
    /// Indices of the include patterns that matched it.
    pub included_by: Vec<usize>,
    /// Indices of the exclude patterns that matched it.
    pub excluded_by: Vec<usize>,
}

/// Build a glob set from patterns, reporting each bad pattern, a set that cannot be built, and
/// patterns that can never match a relative path.
pub(super) fn build(
    file: &str,
    patterns: Option<Vec<Located<String>>>,
    problems: &mut Vec<Diagnostic>,
) -> Option<Patterns> {
    let patterns = patterns?;
    let mut builder = GlobSetBuilder::new();
    for p in &patterns {
        let text = p.as_str();
        if text.starts_with("./") || text.starts_with('/') {
            problems.push(Diagnostic::new(
                Kind::WrongType,
                file,
                p.position,
                format!(
                    "pattern `{text}` can never match: patterns are matched against paths \
                     relative to the settings file's folder, without a leading `./` or `/`"
                ),
            ));
            continue;
        }
        match Glob::new(text) {
            Ok(glob) => {
                builder.add(glob);
            }
            Err(e) => problems.push(Diagnostic::new(
                Kind::WrongType,
                file,
                p.position,
                format!("bad glob `{text}`: {}", e.kind()),
            )),
        }
    }
    match builder.build() {
        Ok(set) => Some(Patterns { set, patterns }),
        Err(e) => {
            problems.push(Diagnostic::new(
                Kind::WrongType,
                file,
                patterns.first().and_then(|p| p.position),
                format!(
                    "these patterns cannot be used together (too large or too complex for the \
                     matcher): {e}"
                ),
            ));
            None
        }
    }
}
