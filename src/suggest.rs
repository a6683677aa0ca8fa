//! "Did you mean ...?" for misspelt ids.

/// The candidate closest to `input`, if any is close enough to be a plausible typo.
///
/// Case and surrounding punctuation are ignored first (`1A`, ` 1a`, `1(a)` all suggest `1a`),
/// then the edit distance decides.
pub fn nearest<'a>(input: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let folded = fold(input);
    let mut best: Option<(usize, &'a str)> = None;
    for candidate in candidates {
        let distance = if fold(candidate) == folded {
            0
        } else {
            strsim::levenshtein(&input.to_lowercase(), &candidate.to_lowercase())
        };
        let limit = (candidate.chars().count() / 2).max(1);
        if distance <= limit && best.is_none_or(|(d, _)| distance < d) {
            best = Some((distance, candidate));
        }
    }
    best.map(|(_, c)| c)
}

/// "did you mean `x`? " for a suggestion, to stand before the list of what is allowed;
/// empty without one.
#[must_use]
pub fn did_you_mean(suggestion: Option<&str>) -> String {
    suggestion.map_or_else(String::new, |s| format!("did you mean `{s}`? "))
}

fn fold(s: &str) -> String {
    s.chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::nearest;

    #[track_caller]
    fn case(input: &str, expected: Option<&str>) {
        let ids = [
            "1a",
            "1b",
            "1c",
            "2a",
            "2b",
            "machine_learning",
            "data_processing",
        ];
        assert_eq!(nearest(input, ids), expected, "input {input:?}");
    }

    #[test]
    fn suggestions() {
        case("1A", Some("1a"));
        case(" 1a", Some("1a"));
        case("1(a)", Some("1a"));
        case("(2)(b)", Some("2b"));
        case("1d", Some("1a"));
        case("machine-learning", Some("machine_learning"));
        case("machin_learning", Some("machine_learning"));
        case("zzzzzz", None);
    }
}
