//! The site's addresses, in one place: every page's path relative to the site's root. A page
//! once published keeps its address (a tool's comes from its stable id).

use serde::Serialize;

use crate::summary::Tool;
use crate::text::safe_name;

/// A tool as lists, its page and the summary's JSON show it: the summary's view, with its
/// page's address.
#[derive(Serialize)]
pub struct Listed<'a> {
    #[serde(flatten)]
    tool: &'a Tool,
    url: String,
}

/// `tool` with its page's address.
#[must_use]
pub fn listed(tool: &Tool) -> Listed<'_> {
    Listed {
        tool,
        url: self::tool(&tool.id),
    }
}

/// A tool's public record as JSON, beside its page.
#[must_use]
pub fn tool_json(id: &str) -> String {
    format!("tools/{id}.json")
}

/// Every public tool's whole record (answers and notes where public), as JSON.
pub const RECORDS_JSON: &str = "downloads/records.json";

/// The home page.
pub const INDEX: &str = "index.html";
/// The list of agencies.
pub const AGENCIES: &str = "agencies/index.html";
/// Every value a tool can be browsed by.
pub const BROWSE: &str = "browse/index.html";
/// The downloads.
pub const DOWNLOADS: &str = "downloads/index.html";
/// What changed, as a page.
pub const CHANGES: &str = "changes.html";
/// The Local Law 35 report of the configured year, laid out for reading and print.
pub const REPORT: &str = "report.html";
/// About this directory.
pub const ABOUT: &str = "about.html";
/// Where the laws differ.
pub const LAWS: &str = "laws.html";
/// What changed, as an Atom feed.
pub const CHANGES_FEED: &str = "changes.atom";
/// Every public tool as one CSV row (the open data).
pub const TOOLS_CSV: &str = "downloads/tools.csv";
/// What each column of the open data holds, as a page and as CSV.
pub const DICTIONARY: &str = "downloads/dictionary.html";
/// See [`DICTIONARY`].
pub const DICTIONARY_CSV: &str = "downloads/dictionary.csv";
/// The JSON of every tool.
pub const TOOLS_JSON: &str = "downloads/tools.json";
/// The tools once published and no longer listed: `[{"id", "since"}]`, no names.
pub const GONE_JSON: &str = "downloads/no-longer-listed.json";

/// A tool's page, by its id.
#[must_use]
pub fn tool(id: &str) -> String {
    format!("tools/{id}.html")
}

/// An agency's page, by its page name.
#[must_use]
pub fn agency(key: &str) -> String {
    format!("agencies/{key}.html")
}

/// The tools with determination `id` of `value` (`yes`, `no`, `undetermined`).
#[must_use]
pub fn determination(id: &str, value: &str) -> String {
    format!("browse/{}-{value}.html", safe_name(id, "d"))
}

/// The tools whose answer to question `question` ticked option `option`.
#[must_use]
pub fn option(question: &str, option: &str) -> String {
    format!(
        "browse/{}-{}.html",
        safe_name(question, "q"),
        safe_name(option, "o")
    )
}

/// The tools whose LL35 field `key` holds `value`.
#[must_use]
pub fn field(key: &str, value: &str) -> String {
    format!(
        "browse/{}-{}.html",
        safe_name(key, "f"),
        safe_name(value, "v")
    )
}

/// The LL35 table of `year` in `edition`.
#[must_use]
pub fn ll35_table(year: u16, edition: &str) -> String {
    format!("downloads/ll35-{year}-edition-{edition}.csv")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_are_safe_names_under_their_section() {
        assert_eq!(tool("fdny-risk"), "tools/fdny-risk.html");
        assert_eq!(agency("fdny"), "agencies/fdny.html");
        assert_eq!(
            determination("agency_ads", "yes"),
            "browse/agency-ads-yes.html"
        );
        assert_eq!(
            option("1c", "Allocating resources"),
            "browse/1c-allocating-resources.html"
        );
        assert_eq!(field("purpose_type", "../x"), "browse/purpose-type-x.html");
        assert_eq!(
            ll35_table(2023, "2023"),
            "downloads/ll35-2023-edition-2023.csv"
        );
    }
}

/// The link that asks the directory's publisher about a tool's record: a `mailto:` address
/// with the subject and body filled in (the tool's id and address), or a form's URL with
/// `tool` and `address` added to its query. Every value is percent-encoded; nothing is
/// collected by the site itself.
#[must_use]
pub fn feedback(to: &str, tool_id: &str, address: &str) -> String {
    const VALUE: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
        .remove(b'-')
        .remove(b'.')
        .remove(b'_')
        .remove(b'~');
    let enc = |s: &str| percent_encoding::utf8_percent_encode(s, VALUE).to_string();
    if to.starts_with("mailto:") {
        let subject = format!("Question about the record of tool {tool_id}");
        let body = format!("Tool: {tool_id}\nRecord: {address}\n\n");
        let joiner = if to.contains('?') { '&' } else { '?' };
        format!("{to}{joiner}subject={}&body={}", enc(&subject), enc(&body))
    } else {
        let joiner = if to.contains('?') { '&' } else { '?' };
        format!("{to}{joiner}tool={}&address={}", enc(tool_id), enc(address))
    }
}

#[cfg(test)]
mod feedback_tests {
    use super::feedback;

    #[test]
    fn a_question_carries_the_tool_and_its_address_encoded() {
        assert_eq!(
            feedback(
                "mailto:ads@example.org",
                "fdny-x",
                "https://e.org/ads/tools/fdny-x.html"
            ),
            "mailto:ads@example.org?subject=Question%20about%20the%20record%20of%20tool%20fdny-x\
             &body=Tool%3A%20fdny-x%0ARecord%3A%20https%3A%2F%2Fe.org%2Fads%2Ftools%2Ffdny-x.html%0A%0A"
        );
        assert_eq!(
            feedback("https://e.org/form?x=1", "a&b", "tools/a.html"),
            "https://e.org/form?x=1&tool=a%26b&address=tools%2Fa.html"
        );
    }
}
