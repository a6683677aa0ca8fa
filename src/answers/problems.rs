//! The wording of problems that both the answers reader and the stamp reader report, so that
//! an unknown key reads the same wherever it stands.

use crate::suggest;
use crate::text::excerpt;

/// "unknown key `x` {place}: did you mean `y`? allowed: ..."
pub(super) fn unknown_key(text: &str, allowed: &[&str], place: &str) -> String {
    let hint = suggest::did_you_mean(suggest::nearest(text, allowed.iter().copied()));
    format!(
        "unknown key `{}` {place}: {hint}allowed: {}",
        excerpt(text),
        list(allowed)
    )
}

/// Allowed values, as a list for people.
pub(super) fn list(items: &[&str]) -> String {
    items.join(", ")
}
