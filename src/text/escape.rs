//! Escaping: text made safe to show (control characters and invisible ones made visible),
//! to put in Markdown, XML, a spreadsheet cell or a URI.

/// A Markdown table cell: what Markdown or HTML would read as markup is escaped (`<`, `>`
/// and `&` as entities, so no raw HTML or autolink passes; `\ | [ ] * _ ` ~` with a
/// backslash, so no link, image, code or emphasis is formed), and unsafe characters, line breaks included
/// (they would end the row), are written visibly.
#[must_use]
pub fn markdown_cell(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in visible(text).chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\\' | '|' | '[' | ']' | '*' | '_' | '`' | '~' => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}

/// A Markdown code span holding `text` as it is (made visible): fenced with more backticks
/// than any run inside it, so no backslash escape shows and nothing ends it early; not for
/// table cells, where `|` would still split the row.
#[must_use]
pub fn markdown_code(text: &str) -> String {
    let shown = visible(text);
    let mut longest = 0;
    let mut run = 0;
    for c in shown.chars() {
        run = if c == '`' { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    let fence = "`".repeat(longest + 1);
    let pad = if shown.starts_with('`') || shown.ends_with('`') {
        " "
    } else {
        ""
    };
    format!("{fence}{pad}{shown}{pad}{fence}")
}

/// Whether `c` must not reach a terminal or a line-based format as it is: control characters
/// (C0, DEL, C1: escape sequences, carriage returns, bells), bidirectional overrides and
/// isolates (they reorder what is shown), zero-width and invisible characters (they hide
/// differences: every default-ignorable code point, and the blank letters that render as
/// nothing), line and paragraph separators, and the non-characters U+FFFE and U+FFFF.
#[must_use]
pub fn is_unsafe(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{00ad}'
                | '\u{034f}'
                | '\u{061c}'
                | '\u{115f}'..='\u{1160}'
                | '\u{17b4}'..='\u{17b5}'
                | '\u{180b}'..='\u{180f}'
                | '\u{200b}'..='\u{200f}'
                | '\u{2028}'..='\u{202e}'
                | '\u{2060}'..='\u{206f}'
                | '\u{2800}'
                | '\u{3164}'
                | '\u{fe00}'..='\u{fe0f}'
                | '\u{feff}'
                | '\u{ffa0}'
                | '\u{fff0}'..='\u{fff8}'
                | '\u{fffe}'..='\u{ffff}'
                | '\u{1bca0}'..='\u{1bca3}'
                | '\u{1d159}'
                | '\u{1d173}'..='\u{1d17a}'
                | '\u{e0000}'..='\u{e0fff}'
        )
}

fn escape_where(text: &str, unsafe_char: impl Fn(char) -> bool) -> std::borrow::Cow<'_, str> {
    if !text.chars().any(&unsafe_char) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if unsafe_char(c) {
            out.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// `text` with every unsafe character (see [`is_unsafe`]) written visibly as `\u{1b}`: for
/// one line of a terminal or of a line-based format, which a value can then never end or
/// rewrite.
#[must_use]
pub fn visible(text: &str) -> std::borrow::Cow<'_, str> {
    escape_where(text, is_unsafe)
}

/// Like [`visible`], but line breaks are kept: for multi-line text (a note) that the caller
/// wraps and indents.
#[must_use]
pub fn visible_lines(text: &str) -> std::borrow::Cow<'_, str> {
    escape_where(text, |c| c != '\n' && is_unsafe(c))
}

/// A short, safe quotation of a value for a message: unsafe characters escaped, and at most
/// 40 characters (an ellipsis says where it was cut).
#[must_use]
pub fn excerpt(text: &str) -> String {
    const MAX: usize = 40;
    let shown = visible(text);
    let mut chars = shown.chars();
    let head: String = chars.by_ref().take(MAX).collect();
    if chars.next().is_some() {
        format!("{head}…")
    } else {
        head
    }
}

/// The first 12 characters of a hash, as messages show it.
#[must_use]
pub fn short_hash(hash: &str) -> &str {
    hash.char_indices()
        .nth(12)
        .and_then(|(end, _)| hash.get(..end))
        .unwrap_or(hash)
}

/// A parser's message made safe to show: every quotation in it (between backquotes or double
/// quotes) shortened to an [`excerpt`], and unsafe characters escaped. Parsers quote the
/// values they choke on, which may be whole lines of whatever file was named by mistake.
#[must_use]
pub fn safe_message(message: &str) -> String {
    let mut out = String::with_capacity(message.len().min(256));
    let mut rest = message;
    while let Some(start) = rest.find(['`', '"']) {
        let (before, from) = rest.split_at(start);
        out.push_str(before);
        let quote = from.chars().next().unwrap_or('"');
        let inner = &from[quote.len_utf8()..];
        match inner.find(quote) {
            Some(end) => {
                out.push(quote);
                out.push_str(&excerpt(&inner[..end]));
                out.push(quote);
                rest = &inner[end + quote.len_utf8()..];
            }
            None => {
                out.push(quote);
                out.push_str(&excerpt(inner));
                rest = "";
            }
        }
    }
    out.push_str(rest);
    visible(&out).into_owned()
}

/// Whether `text` has something a reader can see (not only white space and invisible
/// characters).
#[must_use]
pub fn has_visible(text: &str) -> bool {
    text.chars().any(|c| !c.is_whitespace() && !is_unsafe(c))
}

/// Text for XML 1.0: characters XML forbids (most control characters, U+FFFE, U+FFFF) are
/// written visibly as `\u{…}`; the XML writer escapes the rest.
#[must_use]
pub fn xml_safe(text: &str) -> std::borrow::Cow<'_, str> {
    escape_where(
        text,
        |c| !matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{d7ff}' | '\u{e000}'..='\u{fffd}' | '\u{10000}'..),
    )
}

/// A spreadsheet cell that could be read as a formula (a leading `=`, `+`, `-`, `@`, tab or
/// carriage return, the OWASP rule) gets a leading `'`, which spreadsheets show as text.
#[must_use]
pub fn spreadsheet_safe(text: &str) -> std::borrow::Cow<'_, str> {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        std::borrow::Cow::Owned(format!("'{text}"))
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}

/// A relative path as a URI reference (RFC 3986): `/` kept, everything but unreserved
/// characters percent-encoded (so `#`, `?`, `%`, `:` and spaces cannot change its meaning).
#[must_use]
pub fn uri_path(path: &str) -> String {
    const SEGMENT: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
        .remove(b'-')
        .remove(b'.')
        .remove(b'_')
        .remove(b'~')
        .remove(b'/');
    percent_encoding::utf8_percent_encode(path, SEGMENT).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_spans_hold_their_text_as_it_is() {
        assert_eq!(markdown_code("fdny_risk"), "`fdny_risk`");
        assert_eq!(markdown_code("a`b"), "``a`b``");
        assert_eq!(markdown_code("`x"), "`` `x ``");
        assert_eq!(markdown_code("a\nb"), "`a\\u{a}b`");
    }

    #[test]
    fn unsafe_characters_become_visible() {
        assert_eq!(visible("a\u{1b}]0;x\u{7}b"), "a\\u{1b}]0;x\\u{7}b");
        assert_eq!(visible("x\ny\rz"), "x\\u{a}y\\u{d}z");
        assert_eq!(visible("\u{202e}abc\u{200b}"), "\\u{202e}abc\\u{200b}");
        assert_eq!(visible_lines("a\nb\u{1b}"), "a\nb\\u{1b}");
        assert!(matches!(
            visible("plain, ünïcode"),
            std::borrow::Cow::Borrowed(_)
        ));
    }

    #[test]
    fn excerpts_are_short_and_safe() {
        assert_eq!(excerpt("maybe"), "maybe");
        let long = "x".repeat(100);
        assert_eq!(excerpt(&long), format!("{}…", "x".repeat(40)));
        assert_eq!(excerpt("a\nb"), "a\\u{a}b");
    }

    #[test]
    fn parser_messages_quote_only_a_short_excerpt() {
        let long = format!(
            "invalid type: string \"root:{}\", expected a map",
            "x".repeat(500)
        );
        let safe = safe_message(&long);
        assert!(safe.len() < 120, "{safe}");
        assert!(
            safe.starts_with("invalid type: string \"root:xxx"),
            "{safe}"
        );
        assert!(safe.ends_with("…\", expected a map"), "{safe}");
        assert_eq!(
            safe_message("unknown field `fail_on`"),
            "unknown field `fail_on`"
        );
        assert_eq!(safe_message("odd `quote"), "odd `quote");
    }

    #[test]
    fn formulas_are_neutralised_and_uris_encoded() {
        for f in [
            "=HYPERLINK(\"http://x\",\"c\")",
            "+1",
            "-1",
            "@SUM(A1)",
            "\tx",
            "\rx",
        ] {
            assert_eq!(spreadsheet_safe(f), format!("'{f}"));
        }
        assert_eq!(spreadsheet_safe("Fire Department"), "Fire Department");
        assert_eq!(
            uri_path("a b/c#d?e%f:g.yaml"),
            "a%20b/c%23d%3Fe%25f%3Ag.yaml"
        );
        assert_eq!(uri_path("dir/é.yaml"), "dir/%C3%A9.yaml");
        assert_eq!(xml_safe("a\u{fffe}b\u{1}c\td"), "a\\u{fffe}b\\u{1}c\td");
    }
}
