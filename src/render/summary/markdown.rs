//! `adscheck report --format markdown`: the inventory summary for the policy office, grouped
//! by agency as the city's own report is, and what changed since a previous report.

use std::fmt::Write as _;

use crate::summary::since::Changes;
use crate::summary::{Counts, Summary};
use crate::text::markdown_cell;

/// The summary as Markdown.
#[must_use]
/// `notes`: adscheck's notes on the counts (where a "no" was never asked), printed under the
/// table, marked.
pub fn summary(inventory: &Summary, changes: Option<&Changes>, notes: &[String]) -> String {
    let mut out = String::new();
    let labels = &inventory.determination_labels;
    let _ = writeln!(out, "# Inventory summary\n");
    let _ = writeln!(
        out,
        "As of {}{}: {} of {}, under checklist {} version {}; Local Law 35 fields checked \
         against the {} edition.\n",
        markdown_cell(&inventory.made),
        inventory
            .reporting_year
            .map_or_else(String::new, |y| format!(", reporting year {y}")),
        crate::text::count(inventory.totals.tools, "tool"),
        crate::text::count(inventory.agencies.len(), "agency"),
        markdown_cell(&inventory.checklist.id),
        markdown_cell(&inventory.checklist.version),
        inventory.edition
    );
    let mut header = "| Agency | Tools |".to_owned();
    let mut rule = "|---|---:|".to_owned();
    for (_, label) in labels {
        let _ = write!(
            header,
            " {} yes / no / undetermined / not yet assessed |",
            markdown_cell(label)
        );
        rule.push_str("---|");
    }
    header.push_str(
        " Failing check | LL35 fields complete (of those in the reporting scope, a setting) | Older checklist | Withheld | Reviewed (oldest – newest) |",
    );
    rule.push_str("---:|---:|---:|---:|---|");
    let _ = writeln!(out, "{header}\n{rule}");
    for agency in &inventory.agencies {
        let _ = writeln!(
            out,
            "{}",
            row(&markdown_cell(&agency.agency), &agency.counts, labels)
        );
    }
    let _ = writeln!(out, "{}", row("**Total**", &inventory.totals, labels));
    for note in notes {
        let _ = writeln!(
            out,
            "\n*{}: {}*",
            crate::render::checklist::text::EDITORIAL,
            markdown_cell(note)
        );
    }
    other_laws(&mut out, inventory);
    work(&mut out, inventory);
    if !inventory.totals.rules.is_empty() {
        let _ = writeln!(out, "\n## Why files fail `check`\n");
        let _ = writeln!(out, "| Rule | Files |\n|---|---:|");
        for (rule, n) in &inventory.totals.rules {
            let _ = writeln!(out, "| `{rule}` | {n} |");
        }
    }
    if let Some(changes) = changes {
        let _ = writeln!(
            out,
            "\n## Since the previous report ({})\n",
            markdown_cell(&changes.compared_with)
        );
        for note in &changes.notes {
            let _ = writeln!(out, "Note: {}.\n", markdown_cell(note));
        }
        let label = |id: &str| {
            labels
                .iter()
                .find(|(d, _)| d == id)
                .map_or_else(|| markdown_cell(id), |(_, l)| markdown_cell(l))
        };
        let tool = |(id, agency, name): &(String, String, String)| {
            format!(
                "{} ({}, {})",
                markdown_cell(name),
                markdown_cell(agency),
                crate::text::markdown_code(id)
            )
        };
        let (was, now) = &changes.totals;
        let _ = writeln!(out, "| | Before | Now |\n|---|---:|---:|");
        let _ = writeln!(out, "| Tools | {} | {} |", was.tools, now.tools);
        for (id, l) in labels {
            let (a, b) = (
                was.determinations.get(id).copied().unwrap_or_default(),
                now.determinations.get(id).copied().unwrap_or_default(),
            );
            let _ = writeln!(
                out,
                "| {} yes / no / undetermined / not yet assessed | {} / {} / {} / {} | {} / {} / {} / \
                 {} |",
                markdown_cell(l),
                a.yes,
                a.no,
                a.undetermined,
                a.not_assessed,
                b.yes,
                b.no,
                b.undetermined,
                b.not_assessed
            );
        }
        let _ = writeln!(out, "| Failing check | {} | {} |", was.failing, now.failing);
        let _ = writeln!(
            out,
            "| LL35 fields complete (of those in the reporting scope, a setting) | {} of {} | {} of {} |\n",
            was.ll35_complete, was.ll35_in_scope, now.ll35_complete, now.ll35_in_scope
        );
        let _ = writeln!(out, "- Tools added: {}", changes.added.len());
        for t in &changes.added {
            let _ = writeln!(out, "  - {}", tool(t));
        }
        let _ = writeln!(out, "- Tools removed: {}", changes.removed.len());
        for t in &changes.removed {
            let _ = writeln!(out, "  - {}", tool(t));
        }
        if changes.withheld_since > 0 {
            let _ = writeln!(
                out,
                "- Withheld since (not named): {}",
                changes.withheld_since
            );
        }
        let _ = writeln!(out, "- Determinations changed: {}", changes.changed.len());
        for c in &changes.changed {
            let dets: Vec<String> = c
                .determinations
                .iter()
                .map(|(d, a, b)| format!("{} {a} → {b}", label(d)))
                .collect();
            let answers: Vec<String> = c
                .answers
                .iter()
                .map(|(q, a, b)| format!("{q} {a} → {b}"))
                .collect();
            let _ = writeln!(
                out,
                "  - {} ({}): {}; because {}",
                markdown_cell(&c.name),
                markdown_cell(&c.agency),
                dets.join(", "),
                if answers.is_empty() {
                    "the checklist changed".to_owned()
                } else {
                    answers.join(", ")
                }
            );
        }
        let _ = writeln!(
            out,
            "- LL35 completeness changed: {}",
            changes.completeness.len()
        );
        for c in &changes.completeness {
            let _ = writeln!(
                out,
                "  - {}: {} of {} → {} of {} ({})",
                markdown_cell(&c.agency),
                c.before.0,
                c.before.1,
                c.after.0,
                c.after.1,
                if c.rose() { "rose" } else { "fell" }
            );
        }
    }
    out
}

fn row(name: &str, c: &Counts, labels: &[(String, String)]) -> String {
    let mut out = format!("| {name} | {} |", c.tools);
    for (id, _) in labels {
        let t = c.determinations.get(id).copied().unwrap_or_default();
        let _ = write!(
            out,
            " {} / {} / {} / {} |",
            t.yes, t.no, t.undetermined, t.not_assessed
        );
    }
    let reviewed = match (&c.oldest_review, &c.newest_review) {
        (Some(a), Some(b)) if a == b => markdown_cell(a),
        (Some(a), Some(b)) => format!("{} – {}", markdown_cell(a), markdown_cell(b)),
        _ => "–".to_owned(),
    };
    let _ = write!(
        out,
        " {} | {} of {} | {} | {} | {} |",
        c.failing, c.ll35_complete, c.ll35_in_scope, c.stale, c.withheld, reviewed
    );
    out
}

/// "What needs doing": per agency, each tool that needs something, what, and since when (its
/// latest history entry). A tool that needs nothing is not listed.
fn work(out: &mut String, inventory: &Summary) {
    let mut agency: Option<&str> = None;
    let mut any = false;
    for tool in inventory.tools.iter().filter(|t| !t.needs.is_empty()) {
        if !any {
            let _ = writeln!(out, "\n## What needs doing");
            any = true;
        }
        if agency != Some(tool.agency_name.as_str()) {
            agency = Some(tool.agency_name.as_str());
            let _ = writeln!(out, "\n### {}\n", markdown_cell(&tool.agency_name));
            let _ = writeln!(out, "| Tool | What | Since |\n|---|---|---|");
        }
        let what: Vec<String> = tool
            .needs
            .iter()
            .map(|n| {
                if n.details.is_empty() {
                    n.what.to_owned()
                } else {
                    format!("{}: {}", n.what, n.details.join(", "))
                }
            })
            .collect();
        let _ = writeln!(
            out,
            "| {} | {} | {} |",
            markdown_cell(if tool.name.is_empty() {
                "(no name)"
            } else {
                &tool.name
            }),
            markdown_cell(&what.join("; ")),
            tool.reviewed
                .as_deref()
                .map_or_else(|| "–".to_owned(), markdown_cell)
        );
    }
    if !any {
        let _ = writeln!(
            out,
            "\n## What needs doing\n\nNothing: every tool's record is complete."
        );
    }
}

/// The counts under each other law the inventory's tools were answered under (`also:`), in
/// total, and the tools whose laws give different answers; nothing when none was.
fn other_laws(out: &mut String, inventory: &Summary) {
    if inventory.tools.iter().all(|t| t.laws.is_empty()) {
        return;
    }
    let _ = writeln!(out, "\n## Other laws (adscheck's questions)\n");
    let _ = writeln!(
        out,
        "Tools answered under another built-in checklist as well (`also:`). Those checklists' \
         questions are adscheck's, on each law's words; which tools an agency reports is its \
         own determination.\n"
    );
    let _ = writeln!(
        out,
        "| Checklist | Determination | yes | no | undetermined | not yet assessed |\n|---|---|---:|---:|---:|---:|"
    );
    for law in &inventory.other_laws {
        for (id, label) in &law.determinations {
            let tally = inventory
                .totals
                .determinations
                .get(&crate::summary::laws::key(&law.id, id))
                .copied()
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "| `{}` version {} | {} | {} | {} | {} | {} |",
                markdown_cell(&law.id),
                markdown_cell(&law.version),
                markdown_cell(label),
                tally.yes,
                tally.no,
                tally.undetermined,
                tally.not_assessed
            );
        }
    }
    let differ: Vec<&crate::summary::Tool> =
        inventory.tools.iter().filter(|t| t.laws_differ()).collect();
    if !differ.is_empty() {
        let own = inventory
            .determination_labels
            .last()
            .map_or("", |(_, label)| label.as_str());
        let _ = writeln!(
            out,
            "\nTools whose determinations differ between checklists:\n"
        );
        for tool in differ {
            let laws: Vec<String> = tool
                .laws
                .iter()
                .filter_map(|law| {
                    let info = inventory
                        .other_laws
                        .iter()
                        .find(|i| i.id == law.checklist)?;
                    let (id, value) = law.determinations.last()?;
                    let label = info
                        .determinations
                        .iter()
                        .find(|(d, _)| d == id)
                        .map_or(id.as_str(), |(_, l)| l.as_str());
                    Some(format!("{label}: {}", value.as_str()))
                })
                .collect();
            let _ = writeln!(
                out,
                "- {} ({}): {own}: {}; {}",
                markdown_cell(&tool.name),
                markdown_cell(&tool.agency),
                tool.determinations.last().map_or("", |(_, v)| v.as_str()),
                markdown_cell(&laws.join("; "))
            );
        }
    }
}
