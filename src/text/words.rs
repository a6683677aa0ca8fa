//! Counts and lists in words: "1 tool", "3 tools", "1 agency", "2 agencies".

/// `n` and `noun`, the noun in the plural unless `n` is 1: "1 tool", "3 tools", "2 agencies".
/// Nouns in `-y` after a consonant take `-ies`.
#[must_use]
pub fn count(n: usize, noun: &str) -> String {
    format!("{n} {}", noun_for(n, noun))
}

/// `noun` as it goes with `n`: "tool" or "tools", "agency" or "agencies".
#[must_use]
pub fn noun_for(n: usize, noun: &str) -> String {
    if n == 1 {
        return noun.to_owned();
    }
    match noun.strip_suffix('y') {
        Some(stem) if !stem.ends_with(['a', 'e', 'i', 'o', 'u']) => format!("{stem}ies"),
        _ => format!("{noun}s"),
    }
}

/// The plural ending of a regular noun: `""` for 1, `"s"` otherwise.
#[must_use]
pub const fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn case(n: usize, noun: &str, expected: &str) {
        assert_eq!(count(n, noun), expected);
    }

    #[test]
    fn counts_read_as_words() {
        case(0, "tool", "0 tools");
        case(1, "tool", "1 tool");
        case(2, "tool", "2 tools");
        case(1, "agency", "1 agency");
        case(13, "agency", "13 agencies");
        case(2, "day", "2 days");
        case(3, "row", "3 rows");
        assert_eq!(plural(1), "");
        assert_eq!(plural(0), "s");
    }
}
