//! `adscheck report --out DIR`: the inventory as a static public directory. Plain files: open
//! `DIR/index.html` from disk or publish the folder on any web server. No network at view
//! time; every page works without JavaScript (browsing is by pre-built pages), and a search
//! box over a prebuilt index appears when it runs.
//!
//! HTML comes from minijinja templates, which escape every value; the folder is built beside
//! the target and swapped in whole, and only a folder adscheck built (it has a marker file) is
//! ever replaced without `--force`.

mod chart;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use minijinja::Environment;
use minijinja::value::Serde;
use serde::Serialize;
use serde_json::Value;

use crate::error::{Diagnostic, Kind};
use crate::ll35::{Edition, export};
use crate::summary::{Counts, Summary, Tool};

/// The file that marks a folder as a site adscheck built.
pub const MARKER: &str = ".adscheck-site";

/// How to build the site.
#[derive(Clone, Debug)]
pub struct Options {
    /// The title of every page.
    pub title: String,
    /// Replace `out` even if adscheck did not build it.
    pub force: bool,
}

/// What was built.
#[derive(Clone, Debug, Default)]
pub struct Built {
    /// Pages written.
    pub pages: usize,
    /// All files written.
    pub files: usize,
}

const TEMPLATES: &[(&str, &str)] = &[
    ("base.html", include_str!("templates/base.html")),
    ("macros.html", include_str!("templates/macros.html")),
    ("index.html", include_str!("templates/index.html")),
    ("list.html", include_str!("templates/list.html")),
    ("links.html", include_str!("templates/links.html")),
    ("tool.html", include_str!("templates/tool.html")),
];

const STYLE: &str = include_str!("assets/style.css");
const SEARCH: &str = include_str!("assets/search.js");

/// Build the site for `inventory` into `out`, whole or not at all.
///
/// # Errors
/// `out` exists and is not a site adscheck built (without `force`), or a file could not be
/// written (nothing is left behind: the half-built folder is removed).
pub fn build(inventory: &Summary, out: &Path, options: &Options) -> Result<Built, Diagnostic> {
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
    let staging = parent.join(format!(".{name}.adscheck-new-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&staging);
    let built = write_site(inventory, &staging, &options.title).map_err(|e| {
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

fn environment() -> Result<Environment<'static>, minijinja::Error> {
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
    Ok(env)
}

/// The site's files, written under `dir` (a new folder).
fn write_site(inventory: &Summary, dir: &Path, title: &str) -> std::io::Result<Built> {
    use serde_json::json;
    let env = environment().map_err(std::io::Error::other)?;
    let mut writer = Writer {
        dir: dir.to_path_buf(),
        built: Built::default(),
    };
    std::fs::create_dir_all(dir)?;
    let labels = &inventory.determination_labels;
    let built = inventory.date.clone();
    let render = |name: &str, root: &str, section: &str, page: Value| {
        let ctx = Context {
            root,
            section,
            site_title: title,
            built: &built,
            checklist: &inventory.checklist,
            labels,
            page,
        };
        env.get_template(name)
            .and_then(|t| t.render(Serde(&ctx)))
            .map_err(std::io::Error::other)
    };
    // The index.
    let withheld: usize = inventory.agencies.iter().map(|a| a.counts.withheld).sum();
    let page = render(
        "index.html",
        "",
        "index",
        json!({
            "tools": &inventory.tools,
            "totals": &inventory.totals,
            "agencies": &inventory.agencies,
            "withheld": withheld,
            "determination_totals": determination_counts(labels, &inventory.totals),
            "charts": chart::charts(inventory),
        }),
    )?;
    writer.page("index.html", &page)?;
    // Agencies.
    let mut agency_links = Vec::new();
    for agency in &inventory.agencies {
        let tools: Vec<&Tool> = inventory
            .tools
            .iter()
            .filter(|t| t.agency_key == agency.key)
            .collect();
        let page = render(
            "list.html",
            "../",
            "agencies",
            json!({
                "heading": &agency.agency,
                "intro": format!("The tools of {} in this directory, with their determinations.", agency.agency),
                "counts": &agency.counts,
                "determination_counts": determination_counts(labels, &agency.counts),
                "tools": tools,
            }),
        )?;
        writer.page(&format!("agencies/{}.html", agency.key), &page)?;
        agency_links.push(Link {
            url: format!("agencies/{}.html", agency.key),
            label: agency.agency.clone(),
            count: if agency.counts.withheld > 0 {
                format!(
                    "{}, {} withheld",
                    count(agency.counts.tools, "tool"),
                    agency.counts.withheld
                )
            } else {
                count(agency.counts.tools, "tool")
            },
        });
    }
    let page = render(
        "links.html",
        "../",
        "agencies",
        json!({
            "heading": "Agencies",
            "intro": "Every agency with tools in this directory, and how many.",
            "groups": vec![Group { name: "Agencies".to_owned(), links: agency_links.clone() }],
        }),
    )?;
    writer.page("agencies/index.html", &page)?;
    // Facets: one page per value (values that make one page name, such as `Triage` and
    // `triage `, are one value, shown as first written).
    let mut facets: BTreeMap<(String, String), (String, Vec<&Tool>)> = BTreeMap::new();
    let mut groups_order: Vec<String> = Vec::new();
    for tool in &inventory.tools {
        for facet in &tool.page.facets {
            if !groups_order.contains(&facet.group) {
                groups_order.push(facet.group.clone());
            }
            let entry = facets
                .entry((facet.group.clone(), facet.url.clone()))
                .or_insert_with(|| (facet.value.clone(), Vec::new()));
            if !entry.1.iter().any(|t| t.id == tool.id) {
                entry.1.push(tool);
            }
        }
    }
    let mut groups: Vec<Group> = vec![Group {
        name: "Agency".to_owned(),
        links: agency_links,
    }];
    for ((group, url), (value, tools)) in &facets {
        let heading = format!("{group}: {value}");
        let page = render(
            "list.html",
            "../",
            "browse",
            json!({
                "heading": &heading,
                "intro": if tools.len() == 1 {
                    format!("1 tool is listed under {heading}.")
                } else {
                    format!("{} tools are listed under {heading}.", tools.len())
                },
                "tools": tools,
            }),
        )?;
        writer.page(url, &page)?;
        let link = Link {
            url: url.clone(),
            label: value.clone(),
            count: count(tools.len(), "tool"),
        };
        match groups.iter_mut().find(|g| &g.name == group) {
            Some(g) => g.links.push(link),
            None => groups.push(Group {
                name: group.clone(),
                links: vec![link],
            }),
        }
    }
    groups.sort_by_key(|g| {
        if g.name == "Agency" {
            0
        } else {
            1 + groups_order
                .iter()
                .position(|n| n == &g.name)
                .unwrap_or(usize::MAX - 1)
        }
    });
    let page = render(
        "links.html",
        "../",
        "browse",
        json!({
            "heading": "Browse",
            "intro": "Every value a tool can be found by: its determinations, the kinds of decision and the factors ticked on the checklist, and its Local Law 35 coded fields.",
            "groups": groups,
        }),
    )?;
    writer.page("browse/index.html", &page)?;
    // Tool pages.
    for tool in &inventory.tools {
        let page = render(
            "tool.html",
            "../",
            "tools",
            json!({"tool": tool, "page": &tool.page}),
        )?;
        writer.page(&tool.url, &page)?;
    }
    // Downloads.
    let edition = Edition::parse(&inventory.edition).unwrap_or(Edition::E2024);
    let year = export::latest_year(&inventory.entries);
    let mut downloads = Vec::new();
    if let Some(year) = year {
        let table = export::export(&inventory.entries, edition, year, &export::Scope::default());
        let mut csv = Vec::new();
        // For spreadsheets: formula-like cells neutralised, as `classify -f csv` does.
        export::write_csv(&mut csv, edition, &table.rows, true, true)?;
        let name = format!("downloads/ll35-{year}-edition-{edition}.csv");
        writer.file(&name, &csv)?;
        downloads.push(Link {
            url: name,
            label: format!(
                "Local Law 35 table for {year} ({edition} edition, CSV): the tools the report \
                 covers ({}); a cell a spreadsheet would run as a formula starts with '",
                export::Scope::default().describe()
            ),
            count: count(table.rows.len(), "row"),
        });
    }
    let tools_json: Vec<Value> = inventory.tools.iter().map(public_json).collect();
    writer.file(
        "downloads/tools.json",
        serde_json::to_string_pretty(&tools_json)?.as_bytes(),
    )?;
    downloads.push(Link {
        url: "downloads/tools.json".to_owned(),
        label: "Every tool with its id, page, determinations and Local Law 35 fields (JSON)"
            .to_owned(),
        count: count(tools_json.len(), "tool"),
    });
    let page = render(
        "links.html",
        "../",
        "downloads",
        json!({
            "heading": "Downloads",
            "intro": "The directory's data, for spreadsheets and programs.",
            "groups": vec![Group { name: "Files".to_owned(), links: downloads }],
        }),
    )?;
    writer.page("downloads/index.html", &page)?;
    // Assets, the search index and the marker.
    writer.file("assets/style.css", STYLE.as_bytes())?;
    writer.file("assets/search.js", SEARCH.as_bytes())?;
    let index: Vec<[&str; 6]> = inventory
        .tools
        .iter()
        .map(|t| {
            [
                t.id.as_str(),
                t.name.as_str(),
                t.agency_name.as_str(),
                t.description.as_str(),
                t.url.as_str(),
                t.page
                    .ll35
                    .get("purpose")
                    .and_then(Value::as_str)
                    .unwrap_or(""),
            ]
        })
        .collect();
    let script = format!(
        "window.ADSCHECK_INDEX = {};\n",
        serde_json::to_string(&json!({ "tools": index }))?
    );
    writer.file("assets/search-index.js", script.as_bytes())?;
    writer.file(
        MARKER,
        b"Built by adscheck report; replaced whole by the next build.\n",
    )?;
    Ok(writer.built)
}

/// A tool as the public JSON download gives it: id, page, agency, name, description,
/// determinations and LL35 fields; never contacts or files.
fn public_json(tool: &Tool) -> Value {
    let fields = &tool.page.ll35;
    serde_json::json!({
        "id": tool.id,
        "url": tool.url,
        "agency": tool.agency,
        "name": tool.name,
        "description": tool.description,
        "determinations": tool.determinations.iter().cloned().collect::<BTreeMap<String, String>>(),
        "ll35": fields,
    })
}

/// What every page's template gets: where the site's root is, which section the page is in,
/// the site's title and checklist, and the page's own values.
#[derive(Serialize)]
struct Context<'a> {
    root: &'a str,
    section: &'a str,
    site_title: &'a str,
    /// The day the site was built (UTC), in every page's footer.
    built: &'a str,
    checklist: &'a crate::summary::ChecklistInfo,
    labels: &'a [(String, String)],
    #[serde(flatten)]
    page: Value,
}

#[derive(Clone, Serialize)]
struct Link {
    url: String,
    label: String,
    /// "3 tools", "1 tool, 1 withheld", "13 rows".
    count: String,
}

/// "1 tool", "3 tools".
fn count(n: usize, noun: &str) -> String {
    format!("{n} {noun}{}", if n == 1 { "" } else { "s" })
}

#[derive(Clone, Serialize)]
struct Group {
    name: String,
    links: Vec<Link>,
}

#[derive(Serialize)]
struct DeterminationCount {
    label: String,
    yes: usize,
    no: usize,
    undetermined: usize,
}

fn determination_counts(labels: &[(String, String)], counts: &Counts) -> Vec<DeterminationCount> {
    labels
        .iter()
        .map(|(id, label)| {
            let t = counts.determinations.get(id).copied().unwrap_or_default();
            DeterminationCount {
                label: label.clone(),
                yes: t.yes,
                no: t.no,
                undetermined: t.undetermined,
            }
        })
        .collect()
}

struct Writer {
    dir: PathBuf,
    built: Built,
}

impl Writer {
    fn file(&mut self, name: &str, bytes: &[u8]) -> std::io::Result<()> {
        let path = self.dir.join(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::write(path, bytes)?;
        self.built.files += 1;
        Ok(())
    }

    fn page(&mut self, name: &str, html: &str) -> std::io::Result<()> {
        self.built.pages += 1;
        self.file(name, html.as_bytes())
    }
}
