//! Writing a site's files: each counted (pages apart), into the folder being built; and the
//! links the list pages are made of.

use std::path::PathBuf;

use serde::Serialize;

use super::Built;

/// A link of a list page, with how much is behind it.
#[derive(Clone, Serialize)]
pub(super) struct Link {
    pub(super) url: String,
    pub(super) label: String,
    /// "3 tools", "1 tool, 1 withheld", "13 rows".
    pub(super) count: String,
}

/// A named group of links.
#[derive(Clone, Serialize)]
pub(super) struct Group {
    pub(super) name: String,
    pub(super) links: Vec<Link>,
}

/// The folder a site is being built in, and what has been written to it.
pub(super) struct Writer {
    pub(super) dir: PathBuf,
    pub(super) built: Built,
}

impl Writer {
    pub(super) fn file(&mut self, name: &str, bytes: &[u8]) -> std::io::Result<()> {
        let path = self.dir.join(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::write(path, bytes)?;
        self.built.files += 1;
        Ok(())
    }

    pub(super) fn page(&mut self, name: &str, html: &str) -> std::io::Result<()> {
        self.built.pages += 1;
        self.file(name, html.as_bytes())
    }
}
