//! The index's combined filters beyond agency, determination and assessment: one select per
//! group of values a tool can be browsed by that holds more than one value per tool (the
//! items ticked of the form's lists, the Local Law 35 table's coded fields), built from the
//! same facets as the browse pages, so a filter and a browse page always agree.

use std::collections::BTreeMap;

use serde::Serialize;

use super::tool_page::Facet;
use crate::text::names::safe_name;

/// One select: its name (in the page's address), its label, its values.
#[derive(Debug, Serialize)]
pub struct Filter {
    /// The name in the address (`?1c=allocating-resources`) and the rows' attribute
    /// (`data-f-1c`).
    pub name: String,
    /// The group's label, as the browse page names it ("(1)(c) ticked", "Purpose type").
    pub label: String,
    /// Each value: (its page name, as shown, how many tools hold it), most common first.
    pub values: Vec<(String, String, usize)>,
}

/// The filters, and for each tool (in `facets_of`'s order) its values per filter:
/// (name, page names separated by spaces).
pub type Filters = (Vec<Filter>, Vec<Vec<(String, String)>>);

/// Names the index gives its own selects; a group's name that would meet one is prefixed.
const TAKEN: [&str; 2] = ["agency", "assessment"];

/// The filters over `facets_of` (each tool's facets, the ones with a page), determinations
/// left out (the index has their selects already; `determination_ids` names them).
#[must_use]
pub fn filters(facets_of: &[Vec<Facet>], determination_ids: &[&str]) -> Filters {
    // Groups in the order first met; values counted per group. One walk over every facet.
    let mut order: Vec<(String, String)> = Vec::new();
    let mut values: BTreeMap<String, BTreeMap<String, (String, usize)>> = BTreeMap::new();
    let mut rows = Vec::with_capacity(facets_of.len());
    for tool in facets_of {
        let mut row: Vec<(String, String)> = Vec::new();
        for facet in tool {
            if determination_ids.contains(&facet.key.as_str()) {
                continue;
            }
            let name = name_of(&facet.key, determination_ids);
            let page = page_name(&facet.url);
            if !values.contains_key(&name) {
                order.push((name.clone(), facet.group.clone()));
            }
            let counts = values.entry(name.clone()).or_default();
            counts
                .entry(page.to_owned())
                .or_insert_with(|| (facet.value.clone(), 0))
                .1 += 1;
            match row.iter_mut().find(|(n, _)| *n == name) {
                Some((_, pages)) => {
                    pages.push(' ');
                    pages.push_str(page);
                }
                None => row.push((name, page.to_owned())),
            }
        }
        rows.push(row);
    }
    let filters = order
        .into_iter()
        .map(|(name, label)| {
            let mut list: Vec<(String, String, usize)> = values
                .remove(&name)
                .unwrap_or_default()
                .into_iter()
                .map(|(page, (value, n))| (page, value, n))
                .collect();
            list.sort_by(|a, b| b.2.cmp(&a.2).then_with(|| a.1.cmp(&b.1)));
            Filter {
                name,
                label,
                values: list,
            }
        })
        .collect();
    (filters, rows)
}

/// A group's name for the address: its key as a safe name, kept apart from the index's own.
fn name_of(key: &str, determination_ids: &[&str]) -> String {
    let name = safe_name(key, "group");
    if TAKEN.contains(&name.as_str()) || determination_ids.iter().any(|d| safe_name(d, "") == name)
    {
        format!("by-{name}")
    } else {
        name
    }
}

/// A browse page's name: `browse/1c-allocating.html` is `1c-allocating`.
fn page_name(url: &str) -> &str {
    let name = url.strip_prefix("browse/").unwrap_or(url);
    name.strip_suffix(".html").unwrap_or(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facet(key: &str, group: &str, value: &str, url: &str) -> Facet {
        Facet {
            key: key.into(),
            group: group.into(),
            value: value.into(),
            url: url.into(),
        }
    }

    #[test]
    fn each_group_is_one_filter_and_each_tool_lists_its_values() {
        let facets = vec![
            vec![
                facet("ads", "ADS", "yes", "browse/ads-yes.html"),
                facet("1c", "(1)(c) ticked", "Triage", "browse/1c-triage.html"),
                facet("1c", "(1)(c) ticked", "Rights", "browse/1c-rights.html"),
                facet("agency", "Odd", "x", "browse/agency-x.html"),
            ],
            vec![facet(
                "1c",
                "(1)(c) ticked",
                "Triage",
                "browse/1c-triage.html",
            )],
        ];
        let (filters, rows) = filters(&facets, &["ads"]);
        assert_eq!(filters.len(), 2);
        assert_eq!(filters[0].name, "1c");
        assert_eq!(
            filters[0].values,
            vec![
                ("1c-triage".into(), "Triage".into(), 2),
                ("1c-rights".into(), "Rights".into(), 1)
            ]
        );
        // A group's name that the index uses already is kept apart.
        assert_eq!(filters[1].name, "by-agency");
        assert_eq!(
            rows[0],
            vec![
                ("1c".into(), "1c-triage 1c-rights".into()),
                ("by-agency".into(), "agency-x".into())
            ]
        );
        assert_eq!(rows[1], vec![("1c".into(), "1c-triage".into())]);
    }
}
