//! Wrapping text to a width, at spaces, never mid-word.

/// Wrap `text` to `width` columns, the first line starting with `first`, the others with
/// `rest`; words are never split.
#[must_use]
pub fn wrap(text: &str, width: usize, first: &str, rest: &str) -> Vec<String> {
    let options = textwrap::Options::new(width)
        .initial_indent(first)
        .subsequent_indent(rest)
        // Lines break at spaces only: "(1)(d)" or "official/employee" never split.
        .word_separator(textwrap::WordSeparator::AsciiSpace)
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
    hanging_at(text, WIDTH, first, rest)
}

/// [`hanging`] at `width` columns (at least 20 past the indent).
#[must_use]
pub fn hanging_at(text: &str, width: usize, first: usize, rest: usize) -> String {
    // Every line keeps at least 20 columns of text: on a narrow terminal a deep indent gives
    // way, rather than the line running past the edge.
    let most = width.saturating_sub(20);
    wrap(
        text,
        width.max(20),
        &" ".repeat(first.min(most)),
        &" ".repeat(rest.min(most)),
    )
    .join("\n")
}

/// Wrap `text` to the page width, every line indented by `indent` spaces.
#[must_use]
pub fn wrapped(text: &str, indent: usize) -> String {
    hanging(text, indent, indent)
}
