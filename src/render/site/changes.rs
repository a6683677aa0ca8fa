//! The site's "What changed" page and its Atom feed: what changed in the directory, per
//! agency, each change once, from what the inventory records (each year's report, retirements,
//! tools no longer listed) and, when the site is built `--since` a previous report, the
//! determinations and answers that changed since.
//!
//! Every change has a stable id and date, so that a feed reader sees a rebuilt site's feed as
//! the same entries: a year's report is dated the 31st of December of its year (the day the law
//! sets for agencies' reports), a retirement the first of its month, a tool no longer listed the
//! day a build first found it gone, a changed determination the day of the tool's latest
//! history entry.

use serde::Serialize;

use super::Gone;
use super::urls;
use crate::summary::{Summary, since::Changes};

/// One change, as the page and the feed show it.
#[derive(Clone, Debug, Serialize)]
pub struct Change {
    /// The agency, as headings show it (empty for a tool no longer listed: never named).
    pub agency: String,
    /// What changed, in a line: "Building fire risk model: 2023's report changed".
    pub title: String,
    /// The details, a line each.
    pub details: Vec<String>,
    /// The day, YYYY-MM-DD.
    pub date: String,
    /// The page it is about, relative to the site's root.
    pub url: String,
    /// A stable id, unique in the site: `<tool id>/<kind>/<year or day>`.
    pub key: String,
}

/// Every change, newest first, then by agency and title.
#[must_use]
pub fn changes(inventory: &Summary, gone: &[Gone], since: Option<&Changes>) -> Vec<Change> {
    let mut out = Vec::new();
    for tool in &inventory.tools {
        let name = if tool.name.is_empty() {
            "(no name)".to_owned()
        } else {
            tool.name.clone()
        };
        for year in &tool.timeline {
            let (title, details) = if year.first {
                (
                    format!("{name}: first reported in {}", year.year),
                    Vec::new(),
                )
            } else if year.changed.is_empty() {
                continue;
            } else {
                (
                    format!("{name}: {}'s report changed", year.year),
                    year.changed
                        .iter()
                        .map(|c| {
                            format!(
                                "{}: {} → {}",
                                crate::tool::fields::label(c.field),
                                shorten(&c.before),
                                shorten(&c.after)
                            )
                        })
                        .collect(),
                )
            };
            out.push(Change {
                agency: tool.agency_name.clone(),
                title,
                details,
                date: format!("{}-12-31", year.year),
                url: urls::tool(&tool.id),
                key: format!("{}/report/{}", tool.id, year.year),
            });
        }
        if let Some(month) = &tool.retired {
            out.push(Change {
                agency: tool.agency_name.clone(),
                title: format!("{name}: retired in {month}"),
                details: Vec::new(),
                date: format!("{}-01", month.replace('/', "-")),
                url: urls::tool(&tool.id),
                key: format!("{}/retired/{month}", tool.id),
            });
        }
    }
    for g in gone {
        out.push(Change {
            agency: String::new(),
            title: "A tool is no longer listed".to_owned(),
            details: Vec::new(),
            date: g.since.clone(),
            url: urls::tool(&g.id),
            key: format!("{}/gone/{}", g.id, g.since),
        });
    }
    if let Some(since) = since {
        for changed in &since.changed {
            let tool = inventory.tools.iter().find(|t| t.id == changed.id);
            let date = tool
                .and_then(|t| t.reviewed.clone())
                .unwrap_or_else(|| inventory.date.clone());
            let mut details: Vec<String> = changed
                .determinations
                .iter()
                .map(|(d, before, after)| {
                    let label = inventory
                        .determination_labels
                        .iter()
                        .find(|(id, _)| id == d)
                        .map_or(d.as_str(), |(_, l)| l.as_str());
                    format!("{label}: {before} → {after}")
                })
                .collect();
            details.extend(
                changed
                    .answers
                    .iter()
                    .map(|(q, before, after)| format!("answer {q}: {before} → {after}")),
            );
            out.push(Change {
                agency: tool.map_or_else(|| changed.agency.clone(), |t| t.agency_name.clone()),
                title: format!("{}: determinations changed", changed.name),
                details,
                date: date.clone(),
                url: urls::tool(&changed.id),
                key: format!("{}/determinations/{date}", changed.id),
            });
        }
    }
    out.sort_by(|a, b| {
        b.date
            .cmp(&a.date)
            .then_with(|| a.agency.cmp(&b.agency))
            .then_with(|| a.title.cmp(&b.title))
    });
    out
}

/// A value cut to a readable length for a one-line change ("(none)" when empty).
fn shorten(text: &str) -> String {
    if text.is_empty() {
        return "(none)".to_owned();
    }
    let line: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let cut: String = line.chars().take(120).collect();
    if cut.len() < line.len() {
        format!("{cut}…")
    } else {
        cut
    }
}

/// The changes as an Atom feed (RFC 4287): one entry per change, its id stable
/// (`urn:adscheck:<feed>:<key>`, `<feed>` a short hash of the site's title), its link the page
/// it is about (relative to the feed, which stands at the site's root).
#[must_use]
pub fn feed(title: &str, built: &str, changes: &[Change]) -> String {
    use atom_syndication::{Entry, Feed, FixedDateTime, Link, Person, Text};
    let feed_key = crate::text::short_hash(&crate::checklist::sha256_hex(title)).to_owned();
    let at = |day: &str| {
        FixedDateTime::parse_from_rfc3339(&format!("{day}T00:00:00Z"))
            .or_else(|_| FixedDateTime::parse_from_rfc3339("1970-01-01T00:00:00Z"))
    };
    let entries: Vec<Entry> = changes
        .iter()
        .filter_map(|c| {
            let updated = at(&c.date).ok()?;
            // Text from answer files, made visible: a control character is no XML 1.0.
            let mut summary = crate::text::visible_lines(&c.details.join("\n")).into_owned();
            if !c.agency.is_empty() {
                summary = if summary.is_empty() {
                    crate::text::visible(&c.agency).into_owned()
                } else {
                    format!("{}\n{summary}", crate::text::visible(&c.agency))
                };
            }
            Some(Entry {
                id: format!("urn:adscheck:{feed_key}:{}", c.key),
                title: Text::plain(crate::text::visible(&c.title).into_owned()),
                updated,
                links: vec![Link {
                    href: c.url.clone(),
                    rel: "alternate".to_owned(),
                    mime_type: Some("text/html".to_owned()),
                    ..Link::default()
                }],
                summary: (!summary.is_empty()).then(|| Text::plain(summary)),
                ..Entry::default()
            })
        })
        .collect();
    let updated = entries
        .iter()
        .map(|e| e.updated)
        .max()
        .or_else(|| at(built).ok())
        .unwrap_or_default();
    let feed = Feed {
        title: Text::plain(format!("{}: what changed", crate::text::visible(title))),
        id: format!("urn:adscheck:{feed_key}"),
        updated,
        links: vec![
            Link {
                href: urls::CHANGES_FEED.to_owned(),
                rel: "self".to_owned(),
                mime_type: Some("application/atom+xml".to_owned()),
                ..Link::default()
            },
            Link {
                href: urls::CHANGES.to_owned(),
                rel: "alternate".to_owned(),
                mime_type: Some("text/html".to_owned()),
                ..Link::default()
            },
        ],
        // RFC 4287 wants an author for the feed: the directory's publisher, by its title.
        authors: vec![Person {
            name: crate::text::visible(title).into_owned(),
            ..Person::default()
        }],
        entries,
        ..Feed::default()
    };
    feed.to_string()
}
