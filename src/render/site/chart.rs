//! Bar charts, laid out here and drawn by the templates (so every label is escaped): the last
//! determination (Agency ADS) by agency, and the counts of each LL35 coded field. Each row's
//! label is the page's text; its bar is drawn in percentages of the bar's column, so nothing
//! shrinks on a narrow screen. The numbers are also given as a table, for screen readers.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::summary::Summary;

/// The share of the bar's column (in percent) a segment needs to carry its count: at 320 px
/// the column is about 150 px wide, and 12 % of it holds two digits at 12 px.
const LABELLED: f64 = 12.0;

/// A chart, laid out.
#[derive(Clone, Debug, Serialize)]
pub struct Chart {
    id: String,
    title: String,
    row_header: String,
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
    segments: Vec<Segment>,
    total: usize,
    all: Vec<usize>,
}

#[derive(Clone, Debug, Serialize)]
struct Segment {
    /// Where it starts, its width and its middle, in percent of the bar's column ("12.50").
    x: String,
    width: String,
    middle: String,
    /// Whether it is wide enough to carry its count.
    labelled: bool,
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
    // Percentages with two decimals: a bar is at most 100 % of its column, its segments' sum.
    let percent = |n: usize| n as f64 * 100.0 / most as f64;
    let laid: Vec<Row> = rows
        .into_iter()
        .map(|(label, short, counts)| {
            let mut x = 0.0;
            let mut segments = Vec::new();
            for (count, key) in counts.iter().zip(&keys) {
                if *count == 0 {
                    continue;
                }
                let width = percent(*count);
                segments.push(Segment {
                    x: format!("{x:.2}"),
                    width: format!("{width:.2}"),
                    middle: format!("{:.2}", x + width / 2.0),
                    labelled: width >= LABELLED,
                    class: key.class.clone(),
                    count: *count,
                    name: key.name.clone(),
                });
                x += width;
            }
            Row {
                label,
                short,
                segments,
                total: counts.iter().sum(),
                all: counts,
            }
        })
        .collect();
    Chart {
        id: id.to_owned(),
        title: title.to_owned(),
        row_header: row_header.to_owned(),
        keys,
        rows: laid,
    }
}
