//! Issue 22's classes of defect, each tried again: what adscheck writes it reads back, values
//! of the wrong type are named, one bad year decides nothing, writes never replace what they
//! should not, round trips keep their words, and work stays bounded.

use adscheck::ll35::Edition;

use crate::ll35::{records, table};
use crate::support::{adscheck, files};

/// Characters YAML forbids raw in a file, or that hide in it.
const HOSTILE: &str = "a\u{7f}b\u{85}c\u{9b}d\u{fffe}e\u{202e}f\u{200b}g";

#[test]
fn import_writes_values_yaml_forbids_so_that_they_read_back_and_export_unchanged() {
    let csv = table(
        Edition::E2024,
        &[&[
            ("year", "2024"),
            ("agency", "Fire Department"),
            ("tool_name", "Risk"),
            ("tool_desc", HOSTILE),
        ]],
    );
    let dir = files(&[("t.csv", &csv)]);
    adscheck(["ll35", "import", "t.csv", "-o", "inv"])
        .at(dir.path())
        .run()
        .code(0);
    // Every command reads the file it wrote; a second import finds the tool (no second copy).
    adscheck(["classify", "inv"]).at(dir.path()).run().code(0);
    adscheck(["ll35", "import", "t.csv", "-o", "inv"])
        .at(dir.path())
        .run()
        .code(0)
        .stderr_has("0 created, 0 updated, 1 unchanged");
    let out = adscheck([
        "ll35",
        "export",
        "inv",
        "--edition",
        "2024",
        "--year",
        "2024",
    ])
    .at(dir.path())
    .run();
    out.code(0);
    let rows = records(&out.stdout);
    let desc = rows[0].iter().position(|c| c == "tool_desc").unwrap();
    assert_eq!(rows[1][desc], HOSTILE);
}

#[test]
fn a_stamp_refuses_to_write_what_it_could_not_read_back_and_keeps_the_file() {
    // A history time that is not a time is an error where the file is read, with its place.
    let text = "tool: {name: A, agency: B}\nstamps:\n  - {event: answered, checklist: \
                nyc-ll49-2018, version: 1.1.0, at: \"# Heading | x\"}\nanswers: {1a: no}\n";
    let dir = files(&[("t.yaml", text)]);
    adscheck(["classify", "t.yaml"])
        .at(dir.path())
        .run()
        .code(1)
        .stderr_has("t.yaml:3:")
        .stderr_has("allowed: an RFC 3339 date and time");
    adscheck(["stamp", "t.yaml", "--by", "Pat"])
        .at(dir.path())
        .run()
        .code(1);
    assert_eq!(
        std::fs::read_to_string(dir.path().join("t.yaml")).unwrap(),
        text
    );
}

#[test]
fn a_typo_in_a_reported_year_is_named_and_never_the_year_of_the_export() {
    let tool = |name: &str, reported: &str| {
        format!(
            "tool: {{name: {name}, agency: FDNY, description: d, reported: {reported}}}\n\
             answers: {{1a: {{answer: yes, options: [data_processing]}}, 1b: yes, 1c: {{answer: \
             yes, options: [allocating_resources]}}, 2a: yes, 2b: yes}}\n"
        )
    };
    let dir = files(&[
        ("inv/a.yaml", &tool("A", "[2023]")),
        ("inv/b.yaml", &tool("B", "[2023]")),
        ("inv/c.yaml", &tool("C", "[20244]")),
        (
            "inv/.adscheck.yaml",
            "ll35: {edition: 2024, required: [name]}\n",
        ),
    ]);
    adscheck(["ll35", "export", "inv", "--edition", "2024"])
        .at(dir.path())
        .run()
        .code(0)
        .stderr_has("adscheck ll35 export: 2023, 2024 edition: 2 rows");
    adscheck(["check", "inv"])
        .at(dir.path())
        .run()
        .code(1)
        .stdout_has("`tool.reported` holds `20244`");
}
