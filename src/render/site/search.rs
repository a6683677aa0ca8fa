//! The site's search index: each tool's words, its coded Local Law 35 values (so that
//! "scoring" finds the tools that score) and its determinations, which the results show; read
//! by `assets/search.js`.

use serde_json::json;

use super::urls;
use crate::summary::Summary;

/// The search index as the script `assets/search-index.js`.
///
/// # Errors
/// When it cannot be serialized.
pub(super) fn index_script(inventory: &Summary) -> std::io::Result<String> {
    let labels = &inventory.determination_labels;
    let index: Vec<[String; 8]> = inventory
        .tools
        .iter()
        .map(|t| {
            let fields = &t.record.report.tool;
            let coded: Vec<String> = crate::tool::FIELDS
                .iter()
                .filter(|f| {
                    matches!(
                        f.shape,
                        crate::tool::Shape::Coded | crate::tool::Shape::List
                    )
                })
                .filter_map(|f| fields.get(f.key))
                .map(|v| crate::tool::join(Some(v)))
                .collect();
            let determinations: Vec<String> = labels
                .iter()
                .zip(&t.determinations)
                .map(|((_, label), (_, v))| format!("{label}: {}", v.as_str()))
                .chain(t.laws.iter().filter_map(|law| {
                    let info = inventory
                        .other_laws
                        .iter()
                        .find(|i| i.id == law.checklist)?;
                    let (id, v) = law.determinations.last()?;
                    let label = info.determinations.iter().find(|(d, _)| d == id)?;
                    Some(format!("{}: {}", label.1, v.as_str()))
                }))
                .collect();
            [
                t.id.clone(),
                t.name.clone(),
                t.agency_name.clone(),
                t.description.clone(),
                urls::tool(&t.id),
                crate::tool::text(fields, "purpose").to_owned(),
                coded.join("; "),
                determinations.join("; "),
            ]
        })
        .collect();
    let script = format!(
        "window.ADSCHECK_INDEX = {};\n",
        serde_json::to_string(&json!({ "tools": index }))?
    );
    Ok(script)
}
