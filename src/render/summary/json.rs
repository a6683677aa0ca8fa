//! The summary as JSON (`report -f json`): every count, every tool with its page's address on
//! the public site, and, with `--since`, what changed.

use serde::Serialize;

use crate::render::site::urls;
use crate::summary::since::Changes;
use crate::summary::{Summary, Tool};

/// A tool as the JSON gives it: the summary's view, with its page's address.
#[derive(Serialize)]
struct Listed<'a> {
    #[serde(flatten)]
    tool: &'a Tool,
    url: String,
}

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
        tools: summary
            .tools
            .iter()
            .map(|tool| Listed {
                tool,
                url: urls::tool(&tool.id),
            })
            .collect(),
        since: changes,
    };
    let mut text = serde_json::to_string_pretty(&document)?;
    text.push('\n');
    Ok(text)
}
