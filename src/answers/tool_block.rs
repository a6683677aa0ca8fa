//! Rewriting an answer file's `tool:` block in place, leaving every other line as it was
//! (`ll35 import` merging a table into an inventory).

/// `text` with its top-level `tool:` block replaced by `block`: from the `tool:` line to the
/// next line that starts at the left margin. `None` when the file has no such block (a flow
/// mapping `tool: {...}`, or no `tool:` at all).
#[must_use]
pub fn replace_tool_block(text: &str, block: &str) -> Option<String> {
    let mut start = None;
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let content = line.trim_end_matches(['\n', '\r']);
        match start {
            None => {
                if let Some(rest) = content.strip_prefix("tool:") {
                    let rest = rest.trim_start();
                    if !(rest.is_empty() || rest.starts_with('#')) {
                        return None;
                    }
                    start = Some(offset);
                }
            }
            Some(from) => {
                if content.starts_with(|c: char| !c.is_whitespace()) {
                    return Some(splice(text, from, offset, block));
                }
            }
        }
        offset += line.len();
    }
    start.map(|from| splice(text, from, text.len(), block))
}

/// `text` with `from..to` (the old block) replaced by `block`, keeping the old `tool:` line
/// when it carries a comment.
fn splice(text: &str, from: usize, to: usize, block: &str) -> String {
    let old_first = text
        .get(from..)
        .and_then(|t| t.lines().next())
        .unwrap_or("");
    let block = match (old_first.contains('#'), block.split_once('\n')) {
        (true, Some(("tool:", rest))) => format!("{old_first}\n{rest}"),
        _ => block.to_owned(),
    };
    format!(
        "{}{block}{}",
        text.get(..from).unwrap_or(""),
        text.get(to..).unwrap_or("")
    )
}
