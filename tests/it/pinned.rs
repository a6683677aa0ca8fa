//! What people read, pinned by snapshots: the policy office's Markdown summary, a tool's page
//! on the public site (built on a fixed day), and the Local Law 35 table, each from the bundled
//! example directory. After an intended change: `cargo insta review`.

use crate::support::{adscheck, example_site};

/// The day the site says it was built: 2026-12-06 (`SOURCE_DATE_EPOCH`).
const BUILT: &str = "1796580756";

#[test]
fn the_markdown_summary_of_the_example_directory() {
    // Its "as of" date is the fixed day, so that the snapshot holds on any day.
    let ran = adscheck(["report", "examples/directory"])
        .env("SOURCE_DATE_EPOCH", BUILT)
        .run();
    ran.code(0);
    insta::assert_snapshot!("summary_markdown", ran.stdout);
}

#[test]
fn a_tool_page_of_the_example_directory_built_on_a_fixed_day() {
    let (out, ran) = example_site(Some(BUILT));
    ran.code(0);
    let site = out.path().join("site");
    let page =
        std::fs::read_to_string(site.join("tools/fdny-building-fire-risk-model.html")).unwrap();
    assert!(
        page.contains("2026-12-06"),
        "the build date is the fixed one"
    );
    insta::assert_snapshot!("site_tool_page", page);
}

#[test]
fn the_ll35_table_of_the_example_directory() {
    let ran = adscheck(["ll35", "export", "examples/directory", "--edition", "2024"]).run();
    ran.code(0).stderr_has(
        "adscheck ll35 export: 2024, 2024 edition: 13 rows (tools with agency_ads yes or \
         undetermined); left out: 7 with agency_ads no",
    );
    insta::assert_snapshot!("ll35_export_csv", ran.stdout.replace("\r\n", "⏎\n"));
}
