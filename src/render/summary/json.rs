//! The summary as JSON (`report -f json`): every count, every tool with its page's address on
//! the public site, and, with `--since`, what changed.

use serde::Serialize;

use crate::render::site::urls::{self, Listed};
use crate::summary::Summary;
use crate::summary::since::Changes;

#[derive(Serialize)]
struct Document<'a> {
    #[serde(flatten)]
    summary: &'a Summary,
    tools: Vec<Listed<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    since: Option<&'a Changes>,
}

/// `summary` (with `changes` since a previous one) as pretty-printed JSON, ending in a newline.
///
/// # Errors
/// When a value cannot be written as JSON (never for the summary's own types).
pub fn json(summary: &Summary, changes: Option<&Changes>) -> serde_json::Result<String> {
    let document = Document {
        summary,
        tools: summary.tools.iter().map(urls::listed).collect(),
        since: changes,
    };
    let mut text = serde_json::to_string_pretty(&document)?;
    text.push('\n');
    Ok(text)
}
