//! What an import finds in the inventory it writes into: the files there, by the tool each
//! describes, read by the one reader; and the names (paths, ids, folders) already taken.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use crate::batch::{self, Source};
use crate::checklist::Checklist;
use crate::error::Diagnostic;
use crate::tool::ToolKey;

/// The answer files already in the inventory, by the tool they describe.
pub(super) struct Existing {
    pub(super) by_key: HashMap<ToolKey, PathBuf>,
    /// Every file found, read or not (never to be overwritten).
    pub(super) paths: HashSet<PathBuf>,
    /// Every tool's id (its page's address), without case, as `report` gives them.
    ids: HashSet<String>,
}

/// The names taken, in the inventory and by this import so far: file paths and ids compared
/// without case (`DUP.yaml` and `dup.yaml` are one file on macOS and Windows), and each
/// agency's folder as it is on disk.
pub(super) struct Planned {
    paths: HashSet<String>,
    ids: HashSet<String>,
    pub(super) folders: HashMap<String, String>,
}

impl Planned {
    pub(super) fn of(dir: &Path, existing: &Existing) -> Planned {
        let folders = std::fs::read_dir(dir)
            .into_iter()
            .flatten()
            .filter_map(Result::ok)
            .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
            .map(|e| {
                let name = e.file_name().to_string_lossy().into_owned();
                (name.to_lowercase(), name)
            })
            .collect();
        Planned {
            paths: existing
                .paths
                .iter()
                .map(|p| p.to_string_lossy().to_lowercase())
                .collect(),
            ids: existing.ids.clone(),
            folders,
        }
    }

    pub(super) fn taken(&self, path: &Path, id: &str) -> bool {
        self.paths.contains(&path.to_string_lossy().to_lowercase())
            || path.symlink_metadata().is_ok()
            || self.ids.contains(&id.to_ascii_lowercase())
    }

    pub(super) fn add(&mut self, path: &Path, id: &str) {
        self.paths.insert(path.to_string_lossy().to_lowercase());
        self.ids.insert(id.to_ascii_lowercase());
    }
}

impl Existing {
    /// Every answer file under `dir`, read by the one reader ([`crate::inventory::read`]),
    /// indexed by the tool it describes; a file that cannot be read is an error, and is never
    /// overwritten.
    pub(super) fn read(
        checklist: &Checklist,
        dir: &Path,
        max_bytes: u64,
        errors: &mut Vec<Diagnostic>,
    ) -> Existing {
        let mut inventory = Existing {
            by_key: HashMap::new(),
            paths: HashSet::new(),
            ids: HashSet::new(),
        };
        if !dir.is_dir() {
            return inventory;
        }
        let sources = batch::sources(&[dir.to_path_buf()]).filter(|s| matches!(s, Source::File(_)));
        for read in crate::inventory::read(checklist, sources, max_bytes) {
            let Some(path) = read.path else { continue };
            inventory.paths.insert(path.clone());
            match read.file {
                Ok(file) => {
                    let id = crate::tool::identity::id(&file.tool);
                    inventory.ids.insert(id.as_str().to_ascii_lowercase());
                    if let Some(key) = ToolKey::of_fields(&file.tool) {
                        inventory.by_key.entry(key).or_insert(path);
                    }
                }
                Err(problems) => {
                    for e in problems.into_iter().take(1) {
                        errors.push(Diagnostic::new(
                            e.kind,
                            &e.file,
                            e.position,
                            format!(
                                "not read ({}): a tool it describes is not matched (a second \
                                 file may be made for it), and the file is left as it is; fix \
                                 it and import again",
                                e.message
                            ),
                        ));
                    }
                }
            }
        }
        inventory
    }
}
