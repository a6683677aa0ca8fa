//! Names: when two names are the same as people read them, and names made safe for files
//! and addresses.

use super::escape::is_unsafe;

/// The form under which two names count as the same: compatibility-normalised (NFKC: a
/// full-width `Ａ` is `A`), accents and other combining marks removed, case folded, invisible
/// characters dropped and white space collapsed. "Fire  Risk" and "ｆｉｒｅ ｒｉｓｋ" and
/// "fire\u{200b} risk" are the same name.
#[must_use]
pub fn identity(text: &str) -> String {
    // ASCII text (most names) is its own normal form with no marks: the same result without
    // the two normalisations, which `check` and `report` would otherwise pay for each
    // agency and name they compare.
    if text.is_ascii() {
        let mut out = String::with_capacity(text.len());
        for word in text.split_whitespace() {
            let start = out.len();
            if start > 0 {
                out.push(' ');
            }
            out.extend(
                word.chars()
                    .filter(|&c| !is_unsafe(c))
                    .map(|c| c.to_ascii_lowercase()),
            );
            // A word of nothing but dropped characters leaves no space behind.
            if out.len() == start + usize::from(start > 0) {
                out.truncate(start);
            }
        }
        return out;
    }
    normalised_identity(text)
}

/// [`identity`] by Unicode normalisation, for any text.
fn normalised_identity(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    use unicode_normalization::char::is_combining_mark;
    // Case folded letter by letter (so a final sigma is a sigma, and ß is ss).
    let folded: String = text
        .nfkd()
        .filter(|&c| !is_combining_mark(c) && (c.is_whitespace() || !is_unsafe(c)))
        .flat_map(char::to_lowercase)
        .flat_map(|c| match c {
            'ς' => ['σ', '\0'],
            'ß' => ['s', 's'],
            other => [other, '\0'],
        })
        .filter(|&c| c != '\0')
        .collect();
    let composed: String = folded.nfkc().collect();
    composed.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A file name from a tool name: lowercase letters and digits joined by `-`.
#[must_use]
pub fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
        if out.chars().count() >= 60 {
            break;
        }
    }
    let out = out.trim_end_matches('-').to_owned();
    if out.is_empty() {
        "answers".to_owned()
    } else {
        out
    }
}

/// A file or folder name safe on every common system: ASCII letters and digits joined by
/// `-` (accents dropped, other letters and symbols left out), at most 60 characters, never a
/// name Windows reserves, never empty (`empty` stands in).
#[must_use]
pub fn safe_name(text: &str, empty: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    // ASCII what can be, separators kept, the rest dropped; then named as `slug` names.
    let ascii: String = text
        .nfkd()
        .filter(|c| c.is_ascii_alphanumeric() || c.is_whitespace() || c.is_ascii_punctuation())
        .collect();
    if !ascii.chars().any(|c| c.is_ascii_alphanumeric()) {
        return empty.to_owned();
    }
    let out = slug(&ascii);
    const RESERVED: [&str; 4] = ["con", "prn", "aux", "nul"];
    let reserved = RESERVED.contains(&out.as_str())
        || ((out.starts_with("com") || out.starts_with("lpt"))
            && out.len() == 4
            && out.ends_with(|c: char| c.is_ascii_digit()));
    if reserved {
        format!("{out}-{empty}")
    } else {
        out
    }
}

#[cfg(test)]
mod tests {

    #[test]
    fn ascii_names_are_folded_as_unicode_normalisation_folds_them() {
        // Every string of up to four characters from a set that covers letters, digits,
        // punctuation, each kind of white space and control characters.
        let alphabet = [
            'A', 'a', 'z', '1', '-', ' ', '\t', '\n', '\u{b}', '\u{7}', '\0', '\u{7f}',
        ];
        let mut strings = vec![String::new()];
        for _ in 0..4 {
            let longer: Vec<String> = strings
                .iter()
                .flat_map(|s| alphabet.iter().map(move |c| format!("{s}{c}")))
                .collect();
            strings.extend(longer);
        }
        strings.push("  Fire\u{7}  Department\t of NYC ".to_owned());
        for s in &strings {
            assert_eq!(identity(s), normalised_identity(s), "{s:?}");
        }
        assert_eq!(identity("Fire  DEPARTMENT"), "fire department");
    }

    use super::*;
    use crate::text::has_visible;
    #[test]
    fn names_that_look_the_same_are_the_same() {
        let same = [
            "Fire Risk Model",
            "fire  risk model",
            "ＦＩＲＥ ＲＩＳＫ ＭＯＤＥＬ",
            "Fire\u{200b} Risk\u{2060} Model",
            "Fire Risk Mode\u{301}l",
            " Fire\tRisk\nModel ",
        ];
        for name in same {
            assert_eq!(identity(name), "fire risk model", "{name:?}");
        }
        assert_eq!(identity("Café"), identity("Cafe\u{301}"));
        assert_eq!(identity("Straße"), identity("STRASSE"));
        assert_eq!(identity("ΟΔΟΣ"), identity("οδος"));
        assert_eq!(identity("fire ri\u{ad}sk"), identity("fire risk\u{e0041}"));
        for blank in [
            "\u{ad}",
            "\u{2800}",
            "\u{3164}",
            "\u{115f}",
            "\u{180e}",
            "\u{34f}",
            "\u{fe0f}",
            "\u{1d159}",
            "\u{e0020}",
        ] {
            assert!(!has_visible(blank), "{blank:?}");
        }
        assert_ne!(identity("Fire Risk Model"), identity("Fire Risk Models"));
        assert!(!has_visible(" \u{200b}\u{feff}\t"));
        assert!(has_visible(" a "));
    }
}
