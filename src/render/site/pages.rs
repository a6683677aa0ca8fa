//! The site's pages, each from the summary's data: the index, the agencies, one page per
//! browsable value, every tool's page, the downloads, the search index.

use std::collections::BTreeMap;
use std::path::Path;

use minijinja::value::Serde;
use serde::Serialize;
use serde_json::{Value, json};

use super::Built;
use super::tool_page;
use super::urls::{self, listed};
use super::writer::{Group, Link, Writer};
use crate::checklist::Checklist;
use crate::summary::{Counts, Summary, Tool};

/// The site's files, written under `dir` (a new folder).
pub(super) fn write(
    inventory: &Summary,
    checklist: &Checklist,
    dir: &Path,
    options: &super::Options,
    (gone, since): (&[super::Gone], Option<&crate::summary::since::Changes>),
) -> std::io::Result<Built> {
    let title = options.title.as_str();
    let env = super::environment().map_err(std::io::Error::other)?;
    // What the form is called where the site says whose words it quotes.
    let form = checklist
        .sources
        .as_ref()
        .and_then(|s| s.0.iter().find(|(k, _)| k.as_str() == "form"))
        .map_or_else(|| checklist.title.value.clone(), |(_, v)| v.value.clone());
    let edition = inventory.ll35.edition;
    // Every tool's facets, made once: they feed the charts and browse pages. A tool's page
    // is made when it is written, one at a time, so that memory holds one page, not all.
    let mut facets_of: Vec<Vec<tool_page::Facet>> = inventory
        .tools
        .iter()
        .map(|t| tool_page::facets_of(checklist, t, inventory.public, edition))
        .collect();
    // Facets: one page per value (values that make one page name, such as `Triage` and
    // `triage `, are one value, shown as first written).
    let mut facets: BTreeMap<(String, String), (String, Vec<&Tool>)> = BTreeMap::new();
    let mut groups_order: Vec<String> = Vec::new();
    for (tool, tool_facets) in inventory.tools.iter().zip(&facets_of) {
        for facet in tool_facets {
            if !groups_order.contains(&facet.group) {
                groups_order.push(facet.group.clone());
            }
            let entry = facets
                .entry((facet.group.clone(), facet.url.clone()))
                .or_insert_with(|| (facet.value.clone(), Vec::new()));
            // A tool's facets are met together: one look back keeps each tool once.
            if entry.1.last().is_none_or(|t| t.id != tool.id) {
                entry.1.push(tool);
            }
        }
    }
    // A group's values beyond the most common MAX_FACET_VALUES get no page of their own (an
    // inventory of free-text values would otherwise make a page of each): the browse page
    // says how many, and tool pages do not link to them.
    let mut left_out: BTreeMap<String, usize> = BTreeMap::new();
    let mut by_group: BTreeMap<&str, Vec<(usize, &String)>> = BTreeMap::new();
    for ((group, url), (_, tools)) in &facets {
        by_group.entry(group).or_default().push((tools.len(), url));
    }
    let mut dropped: std::collections::HashSet<String> = std::collections::HashSet::new();
    for (group, mut values) in by_group {
        if values.len() > MAX_FACET_VALUES {
            values.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(b.1)));
            left_out.insert(group.to_owned(), values.len() - MAX_FACET_VALUES);
            dropped.extend(
                values
                    .into_iter()
                    .skip(MAX_FACET_VALUES)
                    .map(|(_, u)| u.clone()),
            );
        }
    }
    facets.retain(|(_, url), _| !dropped.contains(url));
    for tool_facets in &mut facets_of {
        tool_facets.retain(|f| !dropped.contains(&f.url));
    }

    let mut writer = Writer {
        dir: dir.to_path_buf(),
        built: Built::default(),
    };
    std::fs::create_dir_all(dir)?;
    let labels = &inventory.determination_labels;
    let built = inventory.date.clone();
    // A page is rendered for its path in the site: links go up to the root from there, and
    // its canonical address is the base URL's, when the settings give one.
    let render = |name: &str, path: &str, section: &str, page: Value| {
        let root = "../".repeat(path.matches('/').count());
        let ctx = Context {
            root: &root,
            path,
            base_url: options.base_url.as_deref(),
            section,
            site_title: title,
            notice: options.notice.as_deref(),
            built: &built,
            checklist: &inventory.checklist,
            labels,
            page,
        };
        env.get_template(name)
            .and_then(|t| t.render(Serde(&ctx)))
            .map_err(std::io::Error::other)
    };
    // The index, with its combined filters over the same facets as the browse pages.
    let determination_ids: Vec<&str> = labels.iter().map(|(id, _)| id.as_str()).collect();
    let (filters, row_filters) = super::filters::filters(&facets_of, &determination_ids);
    let withheld: usize = inventory.agencies.iter().map(|a| a.counts.withheld).sum();
    let page = render(
        "index.html",
        urls::INDEX,
        "index",
        json!({
            "tools": inventory.tools.iter().map(listed).collect::<Vec<_>>(),
            "filters": filters,
            "row_filters": row_filters,
            "totals": &inventory.totals,
            "agencies": &inventory.agencies,
            "withheld": withheld,
            "determination_totals": determination_counts(labels, &inventory.totals),
            "charts": super::chart::charts(inventory, &facets_of),
            // The form's own words for what is determined, and whose clarifications it carries.
            "questions": checklist
                .determinations
                .iter()
                .map(|d| (d.called(), d.plain_question()))
                .collect::<Vec<_>>(),
            "form": &form,
            "footnote_one": checklist
                .footnote("1")
                .map(|f| crate::checklist::without_footnotes(&f.text)),
            "not_asked": crate::render::checklist::notes::not_asked_notes(checklist),
        }),
    )?;
    writer.page(urls::INDEX, &page)?;
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
            &urls::agency(&agency.key),
            "agencies",
            json!({
                "heading": &agency.agency,
                "intro": format!("The tools of {} in this directory, with their determinations.", agency.agency),
                "counts": &agency.counts,
                "determination_counts": determination_counts(labels, &agency.counts),
                "tools": tools.iter().map(|t| listed(t)).collect::<Vec<_>>(),
            }),
        )?;
        writer.page(&urls::agency(&agency.key), &page)?;
        agency_links.push(Link {
            url: urls::agency(&agency.key),
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
        urls::AGENCIES,
        "agencies",
        json!({
            "heading": "Agencies",
            "intro": "Every agency with tools in this directory, and how many.",
            "groups": vec![Group { name: "Agencies".to_owned(), links: agency_links.clone() }],
        }),
    )?;
    writer.page(urls::AGENCIES, &page)?;
    let mut groups: Vec<Group> = vec![Group {
        name: "Agency".to_owned(),
        links: agency_links,
    }];
    let not_asked = crate::render::checklist::notes::not_asked_by_label(checklist);
    for ((group, url), (value, tools)) in &facets {
        let heading = format!("{group}: {value}");
        // A determination's "no" includes tools the form never asked it of: said, marked.
        let notes: Vec<&String> = not_asked
            .iter()
            .filter(|(label, _)| label == group && value == "no")
            .map(|(_, note)| note)
            .collect();
        let page = render(
            "list.html",
            url,
            "browse",
            json!({
                "heading": &heading,
                "intro": if tools.len() == 1 {
                    format!("1 tool is listed under {heading}.")
                } else {
                    format!("{} tools are listed under {heading}.", tools.len())
                },
                "tools": tools.iter().map(|t| listed(t)).collect::<Vec<_>>(),
                "notes": notes,
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
        urls::BROWSE,
        "browse",
        json!({
            "heading": "Browse",
            "intro": format!(
                "Every value a tool can be found by: its determinations, the items ticked of the \
                 lists the form prints, and the coded fields of the Local Law 35 table. \
                 (adscheck note: a group named for a question and \"ticked\", such as \"(1)(c) \
                 ticked\", lists the items ticked of the list the form prints under that \
                 question, each by its words without the list's \"; or\"; a tool is listed \
                 because of an answer given, not of a determination.){}",
                left_out
                    .iter()
                    .map(|(group, n)| format!(
                        " {group}: {} held by fewer tools have no page of their own.",
                        count(*n, "more value")
                    ))
                    .collect::<String>()
            ),
            "groups": groups,
        }),
    )?;
    writer.page(urls::BROWSE, &page)?;
    // Tool pages.
    // Every record, as `records.json` holds them: written out as each is made, so that memory
    // holds their text, not a tree of each.
    let mut records = String::from("[");
    let mut record_count = 0;
    // Each tool's recorded years, by its file: looked up once a tool, not searched.
    let reports: std::collections::HashMap<&str, &Value> = inventory
        .entries
        .iter()
        .filter_map(|e| Some((e.file.as_str(), e.tool.get(crate::tool::keys::REPORTS)?)))
        .collect();
    for (tool, tool_facets) in inventory.tools.iter().zip(&facets_of) {
        let tool_page = &tool_page::page(
            checklist,
            tool,
            inventory.public,
            tool_facets.clone(),
            inventory.edition,
        );
        let path = urls::tool(&tool.id);
        let address = options
            .base_url
            .as_deref()
            .map_or_else(|| path.clone(), |base| format!("{base}{path}"));
        let feedback = options
            .feedback
            .as_deref()
            .map(|to| urls::feedback(to, &tool.id, &address));
        let page = render(
            "tool.html",
            &path,
            "tools",
            json!({
                "tool": listed(tool),
                "page": tool_page,
                "checklist_source": &form,
                "feedback": feedback,
                "address": options.base_url.as_ref().map(|_| &address),
                "json": urls::tool_json(&tool.id),
            }),
        )?;
        // Its whole public record as JSON, beside the page, and in the download of them all.
        let record = super::open_data::record(
            (checklist, inventory.public),
            (tool, reports.get(tool.file.as_str()).copied()),
            (options.base_url.as_deref(), &inventory.date),
        );
        let text = serde_json::to_string_pretty(&record)?;
        writer.file(&urls::tool_json(&tool.id), text.as_bytes())?;
        records.push_str(if record_count == 0 { "\n" } else { ",\n" });
        records.push_str(&text);
        record_count += 1;
        writer.page(&urls::tool(&tool.id), &page)?;
    }
    // Downloads: the year's Local Law 35 table, and the same rows as the printable report.
    let mut downloads = super::downloads::ll35(&render, &mut writer, inventory)?;
    // A page once published keeps its address: a tool no longer listed gets a page that says
    // so, and nothing else (it may be withheld now).
    for g in gone {
        let page = render(
            "gone.html",
            &urls::tool(&g.id),
            "tools",
            json!({"since": g.since}),
        )?;
        writer.page(&urls::tool(&g.id), &page)?;
    }
    writer.file(
        urls::GONE_JSON,
        serde_json::to_string_pretty(gone)?.as_bytes(),
    )?;
    // About this directory: the laws' definitions, the checklists, what is left out.
    let page = render(
        "about.html",
        urls::ABOUT,
        "about",
        json!({
            "laws": super::about::laws(checklist),
            "tools": inventory.totals.tools,
            "agencies": inventory.agencies.len(),
            "withheld": withheld,
            "public": inventory.public,
        }),
    )?;
    writer.page(urls::ABOUT, &page)?;
    // Where the laws differ: the tools answered under several laws with different results.
    let page = render(
        "laws.html",
        urls::LAWS,
        "laws",
        json!({"rows": super::laws::rows(checklist, inventory)}),
    )?;
    writer.page(urls::LAWS, &page)?;
    // What changed: a page, and the same as an Atom feed.
    let changes = super::changes::changes(inventory, gone, since);
    let page = render(
        "changes.html",
        urls::CHANGES,
        "changes",
        json!({"changes": &changes, "since": since.is_some()}),
    )?;
    writer.page(urls::CHANGES, &page)?;
    writer.file(
        urls::CHANGES_FEED,
        super::changes::feed(title, &built, &changes).as_bytes(),
    )?;
    downloads.push(Link {
        url: format!("../{}", urls::CHANGES_FEED),
        label: "What changed, as an Atom feed (for feed readers)".to_owned(),
        count: count(changes.len(), "change"),
    });
    records.push_str(if record_count == 0 { "]\n" } else { "\n]\n" });
    writer.file(urls::RECORDS_JSON, records.as_bytes())?;
    downloads.push(Link {
        url: urls::RECORDS_JSON.to_owned(),
        label: "Every public tool's whole record: each law's determinations, the answers and \
                notes where public, its Local Law 35 fields and each year's report, with the \
                checklists' versions and hashes (JSON)"
            .to_owned(),
        count: count(record_count, "tool"),
    });
    drop(records);
    let tools_json: Vec<Value> = inventory.tools.iter().map(public_json).collect();
    writer.file(
        urls::TOOLS_JSON,
        serde_json::to_string_pretty(&tools_json)?.as_bytes(),
    )?;
    downloads.push(Link {
        url: urls::TOOLS_JSON.to_owned(),
        label: "Every tool with its id, page, determinations and Local Law 35 fields (JSON)"
            .to_owned(),
        count: count(tools_json.len(), "tool"),
    });
    // The open data, its dictionary, and the downloads page.
    super::downloads::page(
        &render,
        &mut writer,
        (inventory, checklist),
        options,
        downloads,
    )?;
    // Assets, the search index and the marker.
    writer.file("assets/style.css", super::STYLE.as_bytes())?;
    writer.file("assets/search.js", super::SEARCH.as_bytes())?;
    writer.file("assets/filter.js", super::FILTER.as_bytes())?;
    let script = super::search::index_script(inventory)?;
    writer.file("assets/search-index.js", script.as_bytes())?;
    writer.file(
        super::MARKER,
        b"Built by adscheck report; replaced whole by the next build.\n",
    )?;
    Ok(writer.built)
}

/// A tool as the public JSON download gives it: id, page, agency, name, description,
/// determinations and LL35 fields; never contacts or files.
fn public_json(tool: &Tool) -> Value {
    let fields = &tool_page::ll35_fields(tool);
    serde_json::json!({
        "id": tool.id,
        "url": urls::tool(&tool.id),
        "agency": tool.agency,
        "name": tool.name,
        "description": tool.description,
        "determinations": tool.determinations.iter().cloned().collect::<BTreeMap<String, crate::engine::Truth>>(),
        "ll35": fields,
    })
}

/// What every page's template gets: where the site's root is, which section the page is in,
/// the site's title and checklist, and the page's own values.
#[derive(Serialize)]
struct Context<'a> {
    root: &'a str,
    /// The page's path in the site (`tools/x.html`).
    path: &'a str,
    /// Where the site is published (`report.base_url`), for canonical addresses.
    base_url: Option<&'a str>,
    section: &'a str,
    site_title: &'a str,
    /// The site owner's notice, on every page.
    notice: Option<&'a str>,
    /// The day the site was built (UTC), in every page's footer.
    built: &'a str,
    checklist: &'a crate::summary::ChecklistInfo,
    labels: &'a [(String, String)],
    #[serde(flatten)]
    page: Value,
}

use crate::text::count;

/// The most values of one group (a coded field, a determination) that get a page of their own.
pub const MAX_FACET_VALUES: usize = 200;

#[derive(Serialize)]
struct DeterminationCount {
    label: String,
    yes: usize,
    no: usize,
    undetermined: usize,
    not_assessed: usize,
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
                not_assessed: t.not_assessed,
            }
        })
        .collect()
}
