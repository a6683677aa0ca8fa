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

/// `text` cut to `width` columns at a space, with "…" where it was cut: for a line that must
/// stay one line (an item of a list a terminal prompt draws), so that the terminal never wraps
/// it mid-word. Text that fits is returned whole.
#[must_use]
pub fn clipped(text: &str, width: usize) -> String {
    let display = textwrap::core::display_width;
    if display(text) <= width {
        return text.to_owned();
    }
    let mut out = String::new();
    for word in text.split(' ') {
        let next = if out.is_empty() {
            word.to_owned()
        } else {
            format!("{out} {word}")
        };
        if display(&next) + 2 > width {
            break;
        }
        out = next;
    }
    if out.is_empty() {
        // One word wider than the line: cut it, as nothing else fits.
        out = text
            .chars()
            .scan(0, |used, c| {
                *used += display(c.encode_utf8(&mut [0; 4]));
                (*used + 2 <= width).then_some(c)
            })
            .collect();
    }
    format!("{} …", out.trim_end_matches([',', ';', ':']))
}

/// Wrap `text` to the page width, every line indented by `indent` spaces.
#[must_use]
pub fn wrapped(text: &str, indent: usize) -> String {
    hanging(text, indent, indent)
}

#[cfg(test)]
mod tests {
    use super::clipped;

    #[test]
    fn clipped_lines_end_at_a_space_within_the_width() {
        assert_eq!(clipped("Short enough", 20), "Short enough");
        let line = "(2)(a) Is the ADS used by an agency to make or assist in making decisions";
        let cut = clipped(line, 40);
        assert_eq!(cut, "(2)(a) Is the ADS used by an agency to …");
        assert!(textwrap::core::display_width(&cut) <= 40);
        assert!(textwrap::core::display_width(&clipped("Supercalifragilistic", 8)) <= 8);
    }
}
