//! Text for people: wrapping to a width and escaping for Markdown, in one place each.

/// Wrap `text` to `width` columns, the first line starting with `first`, the others with
/// `rest`; words are never split.
#[must_use]
pub fn wrap(text: &str, width: usize, first: &str, rest: &str) -> Vec<String> {
    let options = textwrap::Options::new(width)
        .initial_indent(first)
        .subsequent_indent(rest)
        .word_splitter(textwrap::WordSplitter::NoHyphenation);
    textwrap::wrap(text, options)
        .into_iter()
        .map(|line| line.trim_end().to_owned())
        .collect()
}

/// The page width of adscheck's explanations.
pub const WIDTH: usize = 88;

/// Wrap `text` to the page width: the first line indented by `first` spaces, the others by
/// `rest`.
#[must_use]
pub fn hanging(text: &str, first: usize, rest: usize) -> String {
    wrap(
        text,
        WIDTH.max(rest + 20),
        &" ".repeat(first),
        &" ".repeat(rest),
    )
    .join("\n")
}

/// Wrap `text` to the page width, every line indented by `indent` spaces.
#[must_use]
pub fn wrapped(text: &str, indent: usize) -> String {
    hanging(text, indent, indent)
}

/// A Markdown table cell: backslashes and pipes escaped, line breaks turned into spaces (they
/// would end the row).
#[must_use]
pub fn markdown_cell(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace('|', "\\|")
        .replace(['\r', '\n'], " ")
}
