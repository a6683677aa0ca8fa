//! `adscheck report --out DIR`: the inventory as a static public directory. Plain files: open
//! `DIR/index.html` from disk or publish the folder on any web server. No network at view
//! time; every page works without JavaScript (browsing is by pre-built pages), and a search
//! box over a prebuilt index appears when it runs.
//!
//! HTML comes from minijinja templates, which escape every value; the folder is built beside
//! the target and swapped in whole, and only a folder adscheck built (it has a marker file) is
//! ever replaced without `--force`.

mod about;
mod changes;
mod chart;
mod determinations;
mod downloads;
mod fields;
mod filters;
mod laws;
mod open_data;
mod pages;
mod report;
mod search;
pub mod tool_page;
pub mod urls;
mod writer;

use std::path::Path;

use minijinja::Environment;

use crate::checklist::Checklist;
use crate::error::{Diagnostic, Kind};
use crate::summary::Summary;

/// The file that marks a folder as a site adscheck built.
pub const MARKER: &str = ".adscheck-site";

/// How to build the site.
#[derive(Clone, Debug)]
pub struct Options {
    /// The title of every page.
    pub title: String,
    /// The site owner's notice, at the top of every page (`report: notice:`).
    pub notice: Option<String>,
    /// Where the site is published, ending in `/` (`report: base_url:`): every page's
    /// canonical address, and a tool page's full address and suggested citation.
    pub base_url: Option<String>,
    /// The terms the directory's data may be used under (`report: licence:`), in the
    /// publisher's words, shown beside the downloads.
    pub licence: Option<String>,
    /// Where questions and corrections about a record go (`report: feedback:`, a `mailto:`
    /// address or a form's URL): each tool page offers it, with the tool's id and address.
    pub feedback: Option<String>,
    /// Replace `out` even if adscheck did not build it.
    pub force: bool,
}

/// A tool the site once published that the inventory no longer lists (removed, or withheld
/// since): its address keeps a page that says so, and nothing else.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Gone {
    /// The page's id (`tools/<id>.html`).
    pub id: String,
    /// The day (YYYY-MM-DD) a build first found it gone.
    pub since: String,
}

/// The tools the site at `out` (one adscheck built) published, or found gone, that `summary`
/// no longer lists, oldest knowledge kept: a tool gone before keeps its first `since`. Ids that
/// could not name a page are ignored (the files are the site's own, but may have been edited).
fn gone_since(out: &Path, summary: &Summary) -> Vec<Gone> {
    let read = |name: &str| -> Option<serde_json::Value> {
        let text = crate::input::read_text(
            &out.join(name),
            crate::input::PUBLISHED.max,
            crate::input::PUBLISHED,
        )
        .ok()?;
        serde_json::from_str(&text).ok()
    };
    let listed: std::collections::HashSet<String> = summary
        .tools
        .iter()
        .map(|t| t.id.to_ascii_lowercase())
        .collect();
    let mut gone: Vec<Gone> = read(urls::GONE_JSON)
        .and_then(|v| serde_json::from_value::<Vec<Gone>>(v).ok())
        .unwrap_or_default();
    let published = read(urls::TOOLS_JSON);
    for id in published
        .iter()
        .flat_map(|v| v.as_array().into_iter().flatten())
        .filter_map(|t| t.get("id").and_then(serde_json::Value::as_str))
    {
        if !gone.iter().any(|g| g.id.eq_ignore_ascii_case(id)) {
            gone.push(Gone {
                id: id.to_owned(),
                since: summary.date.clone(),
            });
        }
    }
    gone.retain(|g| {
        crate::tool::identity::usable_id(&g.id) && !listed.contains(&g.id.to_ascii_lowercase())
    });
    gone.sort_by(|a, b| a.id.cmp(&b.id));
    gone.dedup_by(|a, b| a.id.eq_ignore_ascii_case(&b.id));
    gone
}

/// What was built.
#[derive(Clone, Debug, Default)]
pub struct Built {
    /// Pages written.
    pub pages: usize,
    /// All files written.
    pub files: usize,
    /// What the reader should know of what was left out (no LL35 download, and why).
    pub notes: Vec<String>,
}

pub(super) const TEMPLATES: &[(&str, &str)] = &[
    ("base.html", include_str!("templates/base.html")),
    ("macros.html", include_str!("templates/macros.html")),
    ("index.html", include_str!("templates/index.html")),
    ("list.html", include_str!("templates/list.html")),
    ("links.html", include_str!("templates/links.html")),
    ("tool.html", include_str!("templates/tool.html")),
    ("gone.html", include_str!("templates/gone.html")),
    ("changes.html", include_str!("templates/changes.html")),
    ("laws.html", include_str!("templates/laws.html")),
    ("about.html", include_str!("templates/about.html")),
    ("dictionary.html", include_str!("templates/dictionary.html")),
    ("report.html", include_str!("templates/report.html")),
];

pub(super) const STYLE: &str = include_str!("assets/style.css");
pub(super) const SEARCH: &str = include_str!("assets/search.js");
/// The index's combined filters, over the list of tools.
pub(super) const FILTER: &str = include_str!("assets/filter.js");

/// Build the site for `summary` (of an inventory under `checklist`) into `out`, whole or not
/// at all.
///
/// # Errors
/// `out` exists and is not a site adscheck built (without `force`), or a file could not be
/// written (nothing is left behind: the half-built folder is removed).
pub fn build(
    summary: &Summary,
    checklist: &Checklist,
    out: &Path,
    options: &Options,
    since: Option<&crate::summary::since::Changes>,
) -> Result<Built, Diagnostic> {
    let shown = out.display().to_string();
    let error = |message: String| Diagnostic::new(Kind::Io, &shown, None, message);
    if out.symlink_metadata().is_ok() {
        let ours = out.is_dir() && out.join(MARKER).is_file();
        if !ours && !options.force {
            return Err(Diagnostic::new(
                Kind::NotAllowed,
                &shown,
                None,
                format!(
                    "exists and is not a site adscheck built (it has no {MARKER}): not replaced; \
                     choose a new folder, or add --force to replace it"
                ),
            ));
        }
        if out
            .symlink_metadata()
            .is_ok_and(|m| m.file_type().is_symlink())
        {
            return Err(error(
                "is a symbolic link: give the folder itself".to_owned(),
            ));
        }
    }
    let parent = out
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = out
        .file_name()
        .map_or_else(|| "site".to_owned(), |n| n.to_string_lossy().into_owned());
    remove_stale(parent, &name);
    let staging = parent.join(format!(".{name}.adscheck-new-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&staging);
    // What the site published before, read before it is replaced.
    let gone = if out.join(MARKER).is_file() {
        gone_since(out, summary)
    } else {
        Vec::new()
    };
    let built = pages::write(summary, checklist, &staging, options, (&gone, since)).map_err(|e| {
        let _ = std::fs::remove_dir_all(&staging);
        error(format!("cannot write the site: {e}"))
    });
    let built = built?;
    // Swap: the old site aside, the new one in, the old one removed.
    let old = parent.join(format!(".{name}.adscheck-old-{}", std::process::id()));
    if out.symlink_metadata().is_ok() {
        std::fs::rename(out, &old).map_err(|e| {
            let _ = std::fs::remove_dir_all(&staging);
            error(format!("cannot move the old site aside: {e}"))
        })?;
    }
    if let Err(e) = std::fs::rename(&staging, out) {
        let _ = std::fs::rename(&old, out);
        let _ = std::fs::remove_dir_all(&staging);
        return Err(error(format!("cannot move the new site in: {e}")));
    }
    if old.is_dir() {
        let _ = std::fs::remove_dir_all(&old);
    } else if old.symlink_metadata().is_ok() {
        let _ = std::fs::remove_file(&old);
    }
    Ok(built)
}

/// Remove what an earlier build of the site `name` left beside it when it was stopped part-way
/// (`.NAME.adscheck-new-PID`, `.NAME.adscheck-old-PID`): folders of this name pattern whose
/// process is gone (on systems without `/proc`, any other than this one).
fn remove_stale(parent: &Path, name: &str) {
    let Ok(entries) = std::fs::read_dir(parent) else {
        return;
    };
    let ours = std::process::id().to_string();
    for entry in entries.filter_map(Result::ok) {
        let file_name = entry.file_name().to_string_lossy().into_owned();
        let Some(rest) = file_name.strip_prefix(&format!(".{name}.adscheck-")) else {
            continue;
        };
        let Some(pid) = rest
            .strip_prefix("new-")
            .or_else(|| rest.strip_prefix("old-"))
            .filter(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
        else {
            continue;
        };
        let alive = Path::new("/proc").join(pid).exists();
        if pid != ours && !alive && entry.file_type().is_ok_and(|t| t.is_dir()) {
            let _ = std::fs::remove_dir_all(entry.path());
        }
    }
}

pub(super) fn environment() -> Result<Environment<'static>, minijinja::Error> {
    let mut env = Environment::new();
    for (name, source) in TEMPLATES {
        env.add_template(name, source)?;
    }
    // Every value is escaped for HTML; text from answer files is first made visible:
    // control characters and bidirectional overrides (which could make `gnp.exe` read as
    // `exe.png`) are shown as `\u{...}`, not obeyed.
    env.set_formatter(|out, state, value| match value.as_str() {
        Some(text) if !value.is_safe() => {
            let shown = crate::text::visible_lines(text);
            minijinja::escape_formatter(out, state, &minijinja::Value::from(shown.as_ref()))
        }
        _ => minijinja::escape_formatter(out, state, value),
    });
    env.add_filter("truncate", |text: String, n: usize| {
        if text.chars().count() <= n {
            text
        } else {
            let cut: String = text.chars().take(n.saturating_sub(1)).collect();
            format!("{}…", cut.trim_end())
        }
    });
    // Text for a CSS string (a printed page's header): made visible as above, then every
    // character but letters, digits and spaces written as a CSS escape.
    env.add_filter("css_string", |text: String| {
        minijinja::Value::from_safe_string(css_string(&crate::text::visible_lines(&text)))
    });
    Ok(env)
}

/// `text` for inside a CSS string's quotes: letters, digits and spaces as they are, every
/// other character as an escape (`"` is `\22 `), so the text cannot end the string or the
/// style element.
fn css_string(text: &str) -> String {
    use std::fmt::Write;
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii_alphanumeric() || c == ' ' {
            out.push(c);
        } else {
            let _ = write!(out, "\\{:x} ", u32::from(c));
        }
    }
    out
}

#[cfg(test)]
mod css_tests {
    #[test]
    fn a_css_string_cannot_be_ended_by_its_text() {
        assert_eq!(
            super::css_string(r#"A "b" </style>"#),
            r"A \22 b\22  \3c \2f style\3e "
        );
    }
}
