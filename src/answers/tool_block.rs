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

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn case(text: &str, expected: Option<&str>) {
        assert_eq!(
            replace_tool_block(text, "tool:\n  name: B\n").as_deref(),
            expected,
            "{text:?}"
        );
    }

    #[test]
    fn only_the_tool_block_changes() {
        case(
            "# head\ntool:\n  name: A\n  agency: X\nanswers:\n  1a: no\n",
            Some("# head\ntool:\n  name: B\nanswers:\n  1a: no\n"),
        );
        // At the end of the file, and with a comment on its line (kept).
        case(
            "answers: {}\ntool:\n  name: A\n",
            Some("answers: {}\ntool:\n  name: B\n"),
        );
        case(
            "tool: # ours\n  name: A\nanswers: {}\n",
            Some("tool: # ours\n  name: B\nanswers: {}\n"),
        );
        // CRLF lines end the block as LF ones do.
        case(
            "tool:\r\n  name: A\r\nanswers: {}\r\n",
            Some("tool:\n  name: B\nanswers: {}\r\n"),
        );
        // A flow mapping, or no block: not rewritten.
        case("tool: {name: A}\n", None);
        case("answers: {}\n", None);
    }
}
