//! The site's downloads: the year's Local Law 35 table (and the same rows as the printable
//! report), the open data with its dictionary, and the downloads page that lists them all.

use serde_json::{Value, json};

use super::urls;
use super::writer::{Group, Link, Writer};
use crate::checklist::Checklist;
use crate::ll35::export;
use crate::summary::Summary;
use crate::text::count;

/// How a page is rendered: template, path in the site, section, the page's values.
pub(super) type Render<'a> = dyn Fn(&str, &str, &str, Value) -> std::io::Result<String> + 'a;

/// The year's Local Law 35 table, when a year is reported, and the report page (which says so
/// when none is): the links for the downloads page.
pub(super) fn ll35(
    render: &Render<'_>,
    writer: &mut Writer,
    inventory: &Summary,
) -> std::io::Result<Vec<Link>> {
    let scope = &inventory.ll35.scope;
    let year = export::latest_year(&inventory.entries, inventory.year);
    if year.is_none() && inventory.entries.iter().any(|e| !e.years.is_empty()) {
        writer.built.notes.push(format!(
            "no Local Law 35 download: every year the tools give is after {} (the build's now; \
             check SOURCE_DATE_EPOCH, and `tool.reported`)",
            inventory.year
        ));
    }
    let mut downloads = Vec::new();
    let edition = inventory.edition;
    if let Some(year) = year {
        let table = export::export(&inventory.entries, edition, year, scope);
        let mut csv = Vec::new();
        // For spreadsheets: formula-like cells neutralised, as `classify -f csv` does.
        crate::render::ll35::write_csv(&mut csv, edition, &table.rows, true, true)?;
        let name = urls::ll35_table(year, edition.as_str());
        writer.file(&name, &csv)?;
        // The same rows laid out as the city's report lays them out, for reading and print.
        let agencies = super::report::agencies(edition, &table.rows);
        let page = render(
            "report.html",
            urls::REPORT,
            "report",
            json!({
                "year": year,
                "edition": edition.as_str(),
                "tools": table.rows.len(),
                "agencies": agencies,
                "scope": scope.describe(),
                "csv": &name,
            }),
        )?;
        writer.page(urls::REPORT, &page)?;
        downloads.push(Link {
            url: name,
            label: format!(
                "Local Law 35 table for {year} ({edition} edition, CSV): the tools in this \
                 inventory's reporting scope (a setting, not a determination: {}); a cell a \
                 spreadsheet would run as a formula starts with '",
                scope.describe()
            ),
            count: count(table.rows.len(), "row"),
        });
    }
    if year.is_none() {
        // Every page links the report: without a year to report, it says so.
        let page = render("report.html", urls::REPORT, "report", json!({"year": null}))?;
        writer.page(urls::REPORT, &page)?;
    }
    Ok(downloads)
}

/// The open data (every public tool as a CSV row), its dictionary (a page and a CSV), and the
/// downloads page listing them with `links`, under the publisher's licence when one is set.
pub(super) fn page(
    render: &Render<'_>,
    writer: &mut Writer,
    (inventory, checklist): (&Summary, &Checklist),
    options: &super::Options,
    links: Vec<Link>,
) -> std::io::Result<()> {
    // The open data: every public tool as a CSV row, and what each column holds.
    let edition = inventory.edition;
    let columns = super::open_data::columns(checklist, inventory, edition);
    let header: Vec<String> = columns.iter().map(|c| c.name.clone()).collect();
    let rows = super::open_data::rows(checklist, inventory, edition, options.base_url.as_deref());
    writer.file(urls::TOOLS_CSV, &super::open_data::csv(&header, &rows)?)?;
    let dictionary: Vec<Vec<String>> = columns
        .iter()
        .map(|c| {
            vec![
                c.name.clone(),
                c.meaning.clone(),
                c.kind.clone(),
                c.allowed.clone(),
                c.source.clone(),
            ]
        })
        .collect();
    let dictionary_header = ["column", "meaning", "type", "allowed", "source"].map(str::to_owned);
    writer.file(
        urls::DICTIONARY_CSV,
        &super::open_data::csv(&dictionary_header, &dictionary)?,
    )?;
    let page = render(
        "dictionary.html",
        urls::DICTIONARY,
        "downloads",
        json!({"columns": &columns}),
    )?;
    writer.page(urls::DICTIONARY, &page)?;
    let mut open_data = vec![
        Link {
            url: urls::TOOLS_CSV.to_owned(),
            label: "Every public tool: its id and address, each law's determinations, its \
                    assessment and Local Law 35 fields, with the build's date and versions (CSV)"
                .to_owned(),
            count: count(rows.len(), "row"),
        },
        Link {
            url: urls::DICTIONARY.to_owned(),
            label: "Data dictionary: what each column holds, its type and allowed values (page)"
                .to_owned(),
            count: count(columns.len(), "column"),
        },
        Link {
            url: urls::DICTIONARY_CSV.to_owned(),
            label: "Data dictionary (CSV)".to_owned(),
            count: count(columns.len(), "row"),
        },
    ];
    open_data.extend(links);
    let page = render(
        "links.html",
        urls::DOWNLOADS,
        "downloads",
        json!({
            "heading": "Downloads",
            "intro": format!(
                "The directory's data, for spreadsheets and programs, built on {} with adscheck \
                 {} under checklist {} version {}.",
                inventory.date,
                env!("CARGO_PKG_VERSION"),
                checklist.id.as_str(),
                checklist.version.as_str()
            ),
            "licence": options.licence,
            "groups": vec![Group { name: "Files".to_owned(), links: open_data }],
        }),
    )?;
    writer.page(urls::DOWNLOADS, &page)
}
