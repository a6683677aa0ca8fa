//! Bar charts as SVG, laid out here and drawn by the templates (so every label is escaped):
//! the last determination (Agency ADS) by agency, and the counts of each LL35 coded field. The
//! numbers are also given as a table, for screen readers.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::summary::Summary;

const LABEL_WIDTH: usize = 200;
const BAR_WIDTH: usize = 260;
const ROW: usize = 26;

/// A chart, laid out.
#[derive(Clone, Debug, Serialize)]
pub struct Chart {
    id: String,
    title: String,
    row_header: String,
    width: usize,
    height: usize,
    keys: Vec<Key>,
    rows: Vec<Row>,
}

#[derive(Clone, Debug, Serialize)]
struct Key {
    name: String,
    class: String,
}

#[derive(Clone, Debug, Serialize)]
struct Row {
    label: String,
    short: String,
    y: usize,
    segments: Vec<Segment>,
    end: usize,
    total: usize,
    all: Vec<usize>,
}

#[derive(Clone, Debug, Serialize)]
struct Segment {
    x: usize,
    width: usize,
    class: String,
    count: usize,
    name: String,
}

/// The index page's charts.
pub(super) fn charts(
    inventory: &Summary,
    facets_of: &[Vec<super::tool_page::Facet>],
) -> Vec<Chart> {
    let mut charts = Vec::new();
    if let Some((id, label)) = inventory.determination_labels.last() {
        // Only the values some tool has are keys ("not yet assessed" is one of its own, and an
        // inventory nobody has answered shows no "undetermined").
        let total = inventory
            .totals
            .determinations
            .get(id)
            .copied()
            .unwrap_or_default();
        let present = [total.yes, total.no, total.undetermined, total.not_assessed].map(|n| n > 0);
        let keys: Vec<Key> = ["yes", "no", "undetermined", "not yet assessed"]
            .into_iter()
            .zip(present)
            .filter(|(_, p)| *p)
            .map(|(k, _)| Key {
                name: k.to_owned(),
                class: k.replace(' ', "-"),
            })
            .collect();
        let rows: Vec<(String, String, Vec<usize>)> = inventory
            .agencies
            .iter()
            .filter(|a| a.counts.tools > 0)
            .map(|a| {
                let t = a.counts.determinations.get(id).copied().unwrap_or_default();
                (
                    a.agency.clone(),
                    a.short.clone(),
                    [t.yes, t.no, t.undetermined, t.not_assessed]
                        .into_iter()
                        .zip(present)
                        .filter(|(_, p)| *p)
                        .map(|(n, _)| n)
                        .collect(),
                )
            })
            .collect();
        charts.push(layout(
            "by-agency",
            &format!("{label} determinations by agency"),
            "Agency",
            keys,
            rows,
        ));
    }
    for (key, title) in [
        ("purpose_type", "Purpose type (Local Law 35 table)"),
        ("computation_type", "Computation type (Local Law 35 table)"),
        ("population_type", "Population type (Local Law 35 table)"),
    ] {
        let mut counts: BTreeMap<String, usize> = BTreeMap::new();
        for facets in facets_of {
            for facet in facets.iter().filter(|f| f.key == key) {
                *counts.entry(facet.value.clone()).or_default() += 1;
            }
        }
        if counts.is_empty() {
            continue;
        }
        let mut rows: Vec<(String, String, Vec<usize>)> = counts
            .into_iter()
            .map(|(v, n)| (v.clone(), v, vec![n]))
            .collect();
        rows.sort_by(|a, b| b.2.cmp(&a.2).then_with(|| a.0.cmp(&b.0)));
        charts.push(layout(
            &key.replace('_', "-"),
            title,
            "Value",
            vec![Key {
                name: "tools".to_owned(),
                class: "c0".to_owned(),
            }],
            rows,
        ));
    }
    charts
}

/// Lay out `rows` of (label, short label, count per key) as horizontal stacked bars.
fn layout(
    id: &str,
    title: &str,
    row_header: &str,
    keys: Vec<Key>,
    rows: Vec<(String, String, Vec<usize>)>,
) -> Chart {
    let most = rows
        .iter()
        .map(|(_, _, counts)| counts.iter().sum::<usize>())
        .max()
        .unwrap_or(0)
        .max(1);
    let laid: Vec<Row> = rows
        .into_iter()
        .enumerate()
        .map(|(i, (label, short, counts))| {
            let mut x = LABEL_WIDTH;
            let mut segments = Vec::new();
            for (count, key) in counts.iter().zip(&keys) {
                let width = count * BAR_WIDTH / most;
                if *count > 0 {
                    segments.push(Segment {
                        x,
                        width: width.max(2),
                        class: key.class.clone(),
                        count: *count,
                        name: key.name.clone(),
                    });
                }
                x += width.max(usize::from(*count > 0) * 2);
            }
            Row {
                label,
                short,
                y: 4 + i * ROW,
                segments,
                end: x,
                total: counts.iter().sum(),
                all: counts,
            }
        })
        .collect();
    Chart {
        id: id.to_owned(),
        title: title.to_owned(),
        row_header: row_header.to_owned(),
        width: LABEL_WIDTH + BAR_WIDTH + 60,
        height: 8 + laid.len() * ROW,
        keys,
        rows: laid,
    }
}
