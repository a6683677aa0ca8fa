//! Local Law 35 in and out: tables made up here, in both editions, with every awkward value
//! the city's table has, imported into an inventory and exported back.

use std::collections::BTreeSet;
use std::path::Path;

use crate::support::Ran;

use adscheck::ll35::Edition;

use crate::support::walk;

fn adscheck(dir: &Path, args: &[&str]) -> Ran {
    crate::support::adscheck(args).at(dir).run()
}

/// The year 2023 of the inventory `inv/` of `dir`, exported in the 2023 edition.
fn export_2023(dir: &Path) -> Ran {
    adscheck(
        dir,
        &[
            "ll35",
            "export",
            "inv",
            "--edition",
            "2023",
            "--year",
            "2023",
        ],
    )
}

/// A folder holding `t.csv` (the 2023-edition table) imported into `inv/`.
fn imported_2023() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("t.csv"), table_2023()).unwrap();
    adscheck(dir.path(), &["ll35", "import", "t.csv", "-o", "inv"]).code(0);
    dir
}

/// A table in `edition`'s columns: each row gives some columns by name, the rest empty.
pub(crate) fn table(edition: Edition, rows: &[&[(&str, &str)]]) -> String {
    let columns = edition.columns();
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    writer.write_record(&columns).unwrap();
    for row in rows {
        let record: Vec<&str> = columns
            .iter()
            .map(|c| row.iter().find(|(k, _)| k == c).map_or("", |(_, v)| *v))
            .collect();
        writer.write_record(&record).unwrap();
    }
    String::from_utf8(writer.into_inner().unwrap()).unwrap()
}

/// The records of a CSV text, header first.
pub(crate) fn records(csv_text: &str) -> Vec<Vec<String>> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(csv_text.as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect()
}

const MULTI: &str = "First paragraph, with a comma.\n\nSecond paragraph: \"quoted\" words \
                     and a doubled \"\"quote\"\".\n\nThird — with unicode punctuation: ‘curly’ “quotes” … ";

/// 2022 and 2023 rows of the 2022–2023 edition, awkward values throughout.
fn table_2023() -> String {
    table(
        Edition::E2023,
        &[
            // 2022: only the first eight columns, `data` and `vendor` free text.
            &[
                ("year", "2022"),
                ("agency", "FDNY"),
                ("tool_name", "Fire Risk Model"),
                ("tool_desc_brief", "Ranks buildings"),
                ("tool_desc_detail", MULTI),
                ("data", "Building data; N/A"),
                ("vendor", "N/A"),
                ("date_use", "2014/06"),
            ],
            &[
                ("year", "2023"),
                ("agency", "FDNY"),
                ("tool_name", "Fire  risk model"),
                ("tool_desc_brief", "Ranks buildings, v2"),
                ("tool_desc_detail", MULTI),
                ("date_use", "2014/06"),
                ("data_training", "Past fires"),
                ("data_input", "Building records"),
                ("data_output", "A ranked list"),
                ("vendor_name", "None"),
                ("identifying_info", "true"),
                (
                    "analysis_type",
                    "Predictive modeling; Other: Rules; and more",
                ),
                (
                    "population_type",
                    "Property; Group, organization, or business",
                ),
                ("updated", "Yes"),
                ("updated_desc", "Retrained on 2022 data"),
            ],
            &[
                ("year", "2023"),
                ("agency", "DOHMH"),
                ("tool_name", "Rat Portal"),
                ("tool_desc_brief", "Maps rat sightings"),
                ("tool_desc_detail", "Target baiting"),
                ("date_use", "2019/00"),
                ("data_input", "311 calls"),
                ("data_output", "Map"),
                ("vendor_name", "Acme, Inc."),
                ("vendor_desc", "Built it"),
                ("identifying_info", "false"),
                ("analysis_type", "Matching"),
                (
                    "population_type",
                    "Geographic space; Other: Vehicles, boats",
                ),
                ("updated", "N/A"),
            ],
            &[
                ("year", "2023"),
                ("agency", "MO"),
                ("tool_name", "=HYPERLINK(\"http://x\")"),
                ("tool_desc_brief", "A name a spreadsheet would run"),
                ("tool_desc_detail", "Purpose"),
                ("date_use", "2020/01"),
                ("data_input", "a"),
                ("data_output", "b"),
                ("vendor_name", "None"),
                ("identifying_info", "false"),
                ("population_type", "Individuals"),
                ("updated", "No"),
            ],
        ],
    )
}

fn table_2024() -> String {
    table(
        Edition::E2024,
        &[
            &[
                ("year", "2024"),
                ("agency", "Fire Department"),
                ("department", "Bureau of Fire Prevention"),
                ("tool_name", "Fire Risk Model"),
                ("tool_desc", "Ranks buildings, v3"),
                ("purpose_desc", MULTI),
                ("purpose_type", "Risk management; Resource allocation"),
                ("computation_type", "Scoring; Ranking"),
                ("date_use", "2014/06"),
                ("data_input", "Building records"),
                ("data_output", "A ranked list"),
                ("vendor_name", "None"),
                ("identifying_info", "false"),
                ("population_type", "Property; Other"),
                ("population_type_other", "Vacant lots; piers"),
                ("updated", "Yes"),
                ("updated_desc", "New features"),
            ],
            &[
                ("year", "2024"),
                ("agency", "Administration for Children’s Services"),
                ("tool_name", "Severity model"),
                ("tool_desc", "Flags cases"),
                ("purpose_desc", "Triage"),
                ("purpose_type", "Triage"),
                ("computation_type", "Classification"),
                ("date_use", "2024/03"),
                ("data_input", "Case records"),
                ("data_output", "A flag"),
                ("vendor_name", "None"),
                ("identifying_info", "true"),
                ("population_type", "Individuals; Biological sample"),
                ("population_type_individual", "Children and families"),
                ("updated", "Created in CY2024"),
            ],
        ],
    )
}

/// Import `csv_text` (as `name`) into `dir/inv`, then export `edition` and `year`; the
/// exported records.
fn round_trip(dir: &Path, name: &str, csv_text: &str, edition: &str, year: &str) -> String {
    std::fs::write(dir.join(name), csv_text).unwrap();
    let import = adscheck(
        dir,
        &["ll35", "import", name, "--out", "inv", "--year", year],
    );
    assert_eq!(import.code, Some(0), "{}", import.stderr.clone());
    let export = adscheck(
        dir,
        &[
            "ll35",
            "export",
            "inv",
            "--edition",
            edition,
            "--year",
            year,
        ],
    );
    assert_eq!(export.code, Some(0), "{}", export.stderr.clone());
    export.stdout.clone()
}

fn assert_same_rows(original: &str, exported: &str, year: &str) {
    let original = records(original);
    let exported = records(exported);
    assert_eq!(original[0], exported[0], "header");
    let wanted: BTreeSet<&Vec<String>> = original[1..].iter().filter(|r| r[0] == year).collect();
    let got: BTreeSet<&Vec<String>> = exported[1..].iter().collect();
    assert_eq!(exported.len() - 1, got.len(), "no row twice");
    assert_eq!(wanted, got);
}

#[test]
fn a_2023_table_round_trips_field_for_field() {
    let dir = tempfile::tempdir().unwrap();
    let original = table_2023();
    let exported = round_trip(dir.path(), "t.csv", &original, "2023", "2023");
    assert_same_rows(&original, &exported, "2023");
    // RFC 4180: CRLF line ends; the multi-paragraph text quoted, its quotes doubled.
    assert!(exported.starts_with("year,agency,tool_name,"));
    assert!(exported.contains("\r\n"));
    assert!(exported.contains("\"\"quoted\"\""));
    // Sorted by agency, then tool name.
    let agencies: Vec<String> = records(&exported)[1..]
        .iter()
        .map(|r| r[1].clone())
        .collect();
    assert_eq!(agencies, ["DOHMH", "FDNY", "MO"]);
}

#[test]
fn a_2024_table_round_trips_field_for_field() {
    let dir = tempfile::tempdir().unwrap();
    let original = table_2024();
    let exported = round_trip(dir.path(), "t.csv", &original, "2024", "2024");
    assert_same_rows(&original, &exported, "2024");
}

#[test]
fn the_2022_rows_round_trip_too() {
    let dir = tempfile::tempdir().unwrap();
    let original = table_2023();
    let exported = round_trip(dir.path(), "t.csv", &original, "2023", "2022");
    assert_same_rows(&original, &exported, "2022");
}

#[test]
fn rows_of_several_years_become_one_file_with_the_latest_values() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("t2023.csv"), table_2023()).unwrap();
    std::fs::write(dir.path().join("t2024.csv"), table_2024()).unwrap();
    let first = adscheck(dir.path(), &["ll35", "import", "t2023.csv", "--out", "inv"]);
    assert_eq!(first.code, Some(0), "{}", first.stderr.clone());
    let created = first.stdout.clone();
    assert_eq!(created.matches("created").count(), 3, "{created}");
    // The 2022 and 2023 rows of the fire model are one tool: the name compared as `check`
    // compares names ("Fire  risk model" is "Fire Risk Model").
    let fire = dir.path().join("inv/FDNY/fire-risk-model.yaml");
    let yaml = std::fs::read_to_string(&fire).unwrap();
    assert!(yaml.contains("  reported: [2022,2023]\n"), "{yaml}");
    assert!(
        yaml.contains("  description: \"Ranks buildings, v2\"\n"),
        "{yaml}"
    );
    assert!(yaml.contains("  id: \"fdny-fire-risk-model\"\n"), "{yaml}");
    // The 2022 row's free-text `data` is not the latest value: not the tool's own, but kept
    // in 2022's report.
    assert!(!yaml.contains("\n  data: "), "{yaml}");
    assert!(yaml.contains("\n  reports:\n    \"2022\":\n"), "{yaml}");
    assert!(yaml.contains("\n      data: \""), "{yaml}");
    // Every question is present and unanswered, for the interview and editors.
    for q in ["1a:", "1b:", "1c:", "2a:", "2b:"] {
        assert!(yaml.contains(&format!("\n  {q}\n")), "{q}: {yaml}");
    }
    // The 2024 table names the agency in full: its row merges into the same file.
    let second = adscheck(dir.path(), &["ll35", "import", "t2024.csv", "--out", "inv"]);
    assert_eq!(second.code, Some(0), "{}", second.stderr.clone());
    let out = second.stdout.clone();
    assert!(
        out.contains("updated   inv/FDNY/fire-risk-model.yaml"),
        "{out}"
    );
    assert!(
        out.contains("tool.description: \"Ranks buildings, v2\" -> \"Ranks buildings, v3\""),
        "{out}"
    );
    assert!(
        out.contains("created   inv/ACS/severity-model.yaml"),
        "{out}"
    );
    let yaml = std::fs::read_to_string(&fire).unwrap();
    assert!(yaml.contains("  reported: [2022,2023,2024]\n"), "{yaml}");
    assert!(yaml.contains("  agency: \"Fire Department\"\n"), "{yaml}");
    let count = walk(&dir.path().join("inv")).len();
    assert_eq!(count, 4);
}

/// Issue 24: a multi-year table imported in one go, then a later year's table merged on top,
/// exports every year's rows as they were published, field for field (before, the years
/// reported twice exported the latest year's values).
#[test]
fn every_years_rows_export_as_they_were_reported() {
    let dir = tempfile::tempdir().unwrap();
    let (t2023, t2024) = (table_2023(), table_2024());
    std::fs::write(dir.path().join("t2023.csv"), &t2023).unwrap();
    std::fs::write(dir.path().join("t2024.csv"), &t2024).unwrap();
    let first = adscheck(dir.path(), &["ll35", "import", "t2023.csv", "--out", "inv"]);
    assert_eq!(first.code, Some(0), "{}", first.stderr.clone());
    assert!(
        !first.stderr.contains("several years"),
        "{}",
        first.stderr.clone()
    );
    let export = |edition: &str, year: &str| {
        let ran = adscheck(
            dir.path(),
            &[
                "ll35",
                "export",
                "inv",
                "--edition",
                edition,
                "--year",
                year,
            ],
        );
        assert_eq!(ran.code, Some(0), "{}", ran.stderr.clone());
        ran.stdout.clone()
    };
    assert_same_rows(&t2023, &export("2023", "2022"), "2022");
    assert_same_rows(&t2023, &export("2023", "2023"), "2023");
    let second = adscheck(dir.path(), &["ll35", "import", "t2024.csv", "--out", "inv"]);
    assert_eq!(second.code, Some(0), "{}", second.stderr.clone());
    assert!(
        second
            .stdout
            .contains("tool.reports.2024: recorded as the table has it"),
        "{}",
        second.stdout.clone()
    );
    assert_same_rows(&t2023, &export("2023", "2022"), "2022");
    assert_same_rows(&t2023, &export("2023", "2023"), "2023");
    assert_same_rows(&t2024, &export("2024", "2024"), "2024");
    // The 2023 table imported again, after 2024: the older table records its years again and
    // leaves the tool's 2024 values as they are.
    let again = adscheck(dir.path(), &["ll35", "import", "t2023.csv", "--out", "inv"]);
    assert_eq!(again.code, Some(0), "{}", again.stderr.clone());
    assert_same_rows(&t2024, &export("2024", "2024"), "2024");
    assert_same_rows(&t2023, &export("2023", "2022"), "2022");
    // check accepts what import wrote, and names a broken record.
    let check = adscheck(dir.path(), &["check", "inv", "--allow-undetermined"]);
    assert!(
        !check.stdout.contains("tool.reports"),
        "{}",
        check.stdout.clone()
    );
    let fire = dir.path().join("inv/FDNY/fire-risk-model.yaml");
    let yaml = std::fs::read_to_string(&fire).unwrap();
    std::fs::write(&fire, yaml.replace("    \"2022\":\n", "    \"2021\":\n")).unwrap();
    std::fs::write(
        dir.path().join("inv/.adscheck.yaml"),
        "ll35:\n  edition: 2024\n",
    )
    .unwrap();
    let check = adscheck(dir.path(), &["check", "inv", "--allow-undetermined"]);
    let out = format!("{}{}", check.stdout, check.stderr);
    assert!(
        out.contains("`tool.reports` holds a report for 2021, which `tool.reported` does not list"),
        "{out}"
    );
}

#[test]
fn a_merge_touches_only_the_tool_block_and_lists_what_changed() {
    let dir = imported_2023();
    let path = dir.path().join("inv/DOHMH/rat-portal.yaml");
    // The analyst answers two questions, with a comment and a note, and stamps the file.
    let answered = std::fs::read_to_string(&path)
        .unwrap()
        .replace("\n  1a:\n", "\n  1a: yes   # confirmed with the vendor\n")
        .replace(
            "\n  1b:\n",
            "\n  1b:\n    answer: yes\n    note: \"Runs nightly, \\\"always\\\"\"\n",
        )
        .replace("tool:\n", "# The agency's own comment.\ntool:\n")
        .replacen(
            "  name: \"Rat Portal\"\n",
            "  name: \"Rat Portal\"\n  contact: rats@example.nyc.gov\n",
            1,
        );
    std::fs::write(&path, &answered).unwrap();
    let stamp = adscheck(
        dir.path(),
        &["stamp", "--by", "Pat", "inv/DOHMH/rat-portal.yaml"],
    );
    assert!(stamp.code == Some(0), "{}", stamp.stderr.clone());
    let before = std::fs::read_to_string(&path).unwrap();
    // Importing the same table again changes nothing, and writes nothing.
    let again = adscheck(dir.path(), &["ll35", "import", "t.csv", "-o", "inv"]);
    assert!(again.code == Some(0));
    assert!(
        again.stderr.clone().contains("0 updated, 3 unchanged"),
        "{}",
        again.stderr.clone()
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), before);
    // A table with a new description: only that line of the file changes.
    let changed = table_2023().replace("Maps rat sightings", "Maps rat sightings citywide");
    std::fs::write(dir.path().join("t.csv"), changed).unwrap();
    let merge = adscheck(dir.path(), &["ll35", "import", "t.csv", "-o", "inv"]);
    assert!(merge.code == Some(0), "{}", merge.stderr.clone());
    assert!(
        merge.stdout.clone().contains(
            "tool.description: \"Maps rat sightings\" -> \"Maps rat sightings citywide\""
        ),
        "{}",
        merge.stdout.clone()
    );
    let after = std::fs::read_to_string(&path).unwrap();
    let differing: Vec<(&str, &str)> = before
        .lines()
        .zip(after.lines())
        .filter(|(a, b)| a != b)
        .collect();
    // The tool's own value, and the record of the year the table reports, which the table
    // now gives otherwise (listed as such).
    assert_eq!(
        differing,
        [
            (
                "  description: \"Maps rat sightings\"",
                "  description: \"Maps rat sightings citywide\""
            ),
            (
                "      description: \"Maps rat sightings\"",
                "      description: \"Maps rat sightings citywide\""
            )
        ]
    );
    assert!(
        merge
            .stdout
            .contains("tool.reports.2023: replaced by the table's row (changed: description)"),
        "{}",
        merge.stdout.clone()
    );
    assert_eq!(before.lines().count(), after.lines().count());
    assert!(
        after.contains("  contact: \"rats@example.nyc.gov\"")
            || after.contains("  contact: rats@example.nyc.gov")
    );
}

#[test]
fn a_json_answer_file_is_not_rewritten() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("inv")).unwrap();
    let json = r#"{"tool": {"name": "Rat Portal", "agency": "Department of Health and Mental Hygiene"}, "answers": {"1a": "no"}}"#;
    std::fs::write(dir.path().join("inv/rats.json"), json).unwrap();
    std::fs::write(dir.path().join("t.csv"), table_2023()).unwrap();
    let r = adscheck(dir.path(), &["ll35", "import", "t.csv", "-o", "inv"]);
    assert_eq!(r.code, Some(1));
    let err = r.stderr.clone();
    assert!(
        err.contains("rats.json: error[wrong-type]: holds this tool, but is JSON"),
        "{err}"
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("inv/rats.json")).unwrap(),
        json
    );
    // The other tools are still imported; no second file for the rat portal.
    assert!(dir.path().join("inv/FDNY/fire-risk-model.yaml").exists());
    assert!(!dir.path().join("inv/DOHMH").exists());
}

#[test]
fn a_header_of_neither_edition_is_refused_naming_what_is_expected() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("t.csv"), "year,agency,name\n2023,FDNY,x\n").unwrap();
    let r = adscheck(dir.path(), &["ll35", "import", "t.csv", "-o", "inv"]);
    assert_eq!(r.code, Some(2));
    let err = r.stderr.clone();
    assert!(
        err.contains("t.csv:1:1: error[missing-field]: this is not a Local Law 35 table")
            && err.contains("`tool_desc_brief` (2022–2023:")
            && err.contains("it has year, agency, name"),
        "{err}"
    );
    assert!(!dir.path().join("inv").exists());
    // A ragged row names its line.
    let ragged = format!("{}2023,FDNY\r\n", table_2023());
    std::fs::write(dir.path().join("t.csv"), ragged).unwrap();
    let r = adscheck(dir.path(), &["ll35", "import", "t.csv", "-o", "inv"]);
    assert_eq!(r.code, Some(2));
    let err = r.stderr.clone();
    assert!(
        err.contains("error[syntax]: this row has 2 cells, the header 18"),
        "{err}"
    );
    assert!(!dir.path().join("inv").exists());
}

#[test]
fn unknown_columns_are_kept_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let mut csv_text = table_2024().replacen("updated_desc\r\n", "updated_desc,website\r\n", 1);
    csv_text = csv_text.replacen(
        "New features\r\n",
        "New features,https://example.nyc.gov\r\n",
        1,
    );
    csv_text = csv_text.replacen("Created in CY2024,\r\n", "Created in CY2024,,\r\n", 1);
    std::fs::write(dir.path().join("t.csv"), &csv_text).unwrap();
    let r = adscheck(dir.path(), &["ll35", "import", "t.csv", "-o", "inv"]);
    assert_eq!(r.code, Some(0), "{}", r.stderr.clone());
    assert!(
        r.stderr.clone().contains("warning[unknown-field]: column `website` is not one of the 2024 edition's: kept under `tool:`"),
        "{}",
        r.stderr.clone()
    );
    let yaml = std::fs::read_to_string(dir.path().join("inv/FDNY/fire-risk-model.yaml")).unwrap();
    assert!(
        yaml.contains("  website: \"https://example.nyc.gov\"\n"),
        "{yaml}"
    );
}

#[test]
fn hostile_names_make_safe_stable_file_names() {
    let dir = tempfile::tempdir().unwrap();
    let rows: Vec<[(&str, &str); 4]> = vec![
        [
            ("year", "2023"),
            ("agency", "../../etc"),
            ("tool_name", "../../passwd"),
            ("tool_desc_brief", "x"),
        ],
        [
            ("year", "2023"),
            ("agency", "FDNY"),
            ("tool_name", "CON"),
            ("tool_desc_brief", "x"),
        ],
        [
            ("year", "2023"),
            ("agency", "FDNY"),
            ("tool_name", "A/B"),
            ("tool_desc_brief", "x"),
        ],
        [
            ("year", "2023"),
            ("agency", "FDNY"),
            ("tool_name", "A-B"),
            ("tool_desc_brief", "x"),
        ],
        [
            ("year", "2023"),
            ("agency", "FDNY"),
            ("tool_name", "Ünïcödé ☃ tool"),
            ("tool_desc_brief", "x"),
        ],
    ];
    let rows: Vec<&[(&str, &str)]> = rows.iter().map(|r| &r[..]).collect();
    std::fs::write(dir.path().join("t.csv"), table(Edition::E2023, &rows)).unwrap();
    let r = adscheck(dir.path(), &["ll35", "import", "t.csv", "-o", "inv"]);
    assert_eq!(r.code, Some(0), "{}", r.stderr.clone());
    let names: Vec<String> = walk(&dir.path().join("inv"))
        .iter()
        .map(|p| {
            p.strip_prefix(dir.path().join("inv"))
                .unwrap()
                .display()
                .to_string()
        })
        .collect();
    for name in &names {
        assert!(
            name.chars()
                .all(|c| c.is_ascii_alphanumeric() || "-/._".contains(c)),
            "{name}"
        );
        assert!(!name.contains(".."), "{name}");
    }
    assert!(names.contains(&"etc/passwd.yaml".to_owned()), "{names:?}");
    assert!(
        names.contains(&"FDNY/con-tool.yaml".to_owned()),
        "{names:?}"
    );
    assert!(
        names.contains(&"FDNY/unicode-tool.yaml".to_owned()),
        "{names:?}"
    );
    // "A/B" and "A-B" are two tools with one natural name: both files exist, and the names
    // are the same on a second import into a fresh folder.
    let ab: Vec<&String> = names.iter().filter(|n| n.starts_with("FDNY/a-b")).collect();
    assert_eq!(ab.len(), 2, "{names:?}");
    let again = adscheck(dir.path(), &["ll35", "import", "t.csv", "-o", "inv2"]);
    assert!(again.code == Some(0));
    let names2: Vec<String> = walk(&dir.path().join("inv2"))
        .iter()
        .map(|p| {
            p.strip_prefix(dir.path().join("inv2"))
                .unwrap()
                .display()
                .to_string()
        })
        .collect();
    assert_eq!(names, names2);
}

#[test]
fn export_leaves_out_withheld_and_out_of_scope_tools_and_says_so() {
    let dir = imported_2023();
    // One tool withheld; one answered "no" to (1)(a): not an Agency ADS, so not reported.
    let rats = dir.path().join("inv/DOHMH/rat-portal.yaml");
    let yaml = std::fs::read_to_string(&rats)
        .unwrap()
        .replace("\n  1a:\n", "\n  1a: no\n");
    std::fs::write(&rats, yaml).unwrap();
    let fire = dir.path().join("inv/FDNY/fire-risk-model.yaml");
    let yaml = std::fs::read_to_string(&fire).unwrap().replacen(
        "  name: ",
        "  withheld: \"Disclosure would endanger public safety\"\n  name: ",
        1,
    );
    std::fs::write(&fire, yaml).unwrap();
    let r = export_2023(dir.path());
    assert_eq!(r.code, Some(0), "{}", r.stderr.clone());
    let rows = records(&r.stdout.clone());
    assert_eq!(rows.len(), 2, "{rows:?}");
    assert_eq!(rows[1][1], "MO");
    let err = r.stderr.clone();
    assert!(
        err.contains("adscheck ll35 export: 2023, 2023 edition: 1 row (tools with agency_ads yes or undetermined); left out: 1 withheld (FDNY 1), 1 with agency_ads no"),
        "{err}"
    );
    // The formula-like name is named, and written as it is unless --excel-safe.
    assert!(err.contains("the `tool_name` cell starts with ="), "{err}");
    assert_eq!(rows[1][2], "=HYPERLINK(\"http://x\")");
    let safe = adscheck(
        dir.path(),
        &[
            "ll35",
            "export",
            "inv",
            "--edition",
            "2023",
            "--excel-safe",
            "--bom",
        ],
    );
    let out = safe.stdout.clone();
    assert!(out.starts_with('\u{feff}'), "{out:?}");
    assert!(out.contains("'=HYPERLINK"), "{out}");
    // JSON: objects in the edition's column order.
    let json = adscheck(
        dir.path(),
        &["ll35", "export", "inv", "--edition", "2024", "-f", "json"],
    );
    let value: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    let keys: Vec<&String> = value[0].as_object().unwrap().keys().collect();
    assert_eq!(keys, Edition::E2024.columns());
}

#[test]
fn check_names_every_ll35_gap_with_its_line() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join(".git")).unwrap();
    std::fs::write(
        dir.path().join(".adscheck.yaml"),
        "allow-undetermined: yes\nll35:\n  edition: 2023\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("t.csv"), table_2023()).unwrap();
    assert!(adscheck(dir.path(), &["ll35", "import", "t.csv", "-o", "inv"]).code == Some(0));
    let clean = adscheck(dir.path(), &["check", "inv"]);
    assert_eq!(clean.code, Some(0), "{}", clean.stdout.clone());
    assert!(
        clean
            .stdout
            .clone()
            .contains("Local Law 35 rules, 2023 edition")
    );
    let path = dir.path().join("inv/DOHMH/rat-portal.yaml");
    let yaml = std::fs::read_to_string(&path)
        .unwrap()
        .replacen("  data_output: \"Map\"\n", "", 1)
        .replacen("\"Matching\"", "\"Machting\"", 1)
        .replacen("\"2019/00\"", "\"2099/01\"", 1);
    std::fs::write(&path, &yaml).unwrap();
    let line_of = |needle: &str| yaml.lines().position(|l| l.contains(needle)).unwrap() + 1;
    let r = adscheck(dir.path(), &["check", "inv"]);
    assert_eq!(r.code, Some(1));
    let out = r.stdout.clone();
    let tool_line = line_of("tool:");
    for expected in [
        format!(
            "inv/DOHMH/rat-portal.yaml:{tool_line}:1: error[ll35-missing]: the law's item 4 (how its output is used) is required"
        ),
        format!(
            "inv/DOHMH/rat-portal.yaml:{}:3: error[ll35-date]: `tool.date_use` is `2099/01`",
            line_of("date_use")
        ),
        format!(
            "inv/DOHMH/rat-portal.yaml:{}:3: error[ll35-value]: `tool.analysis_type` has `Machting`, which the 2023 edition does not list: did you mean `Matching`?",
            line_of("analysis_type")
        ),
    ] {
        assert!(out.contains(&expected), "{expected}\n{out}");
    }
    // Under the 2024 edition, 2023's coded values are out of place too.
    std::fs::write(
        dir.path().join(".adscheck.yaml"),
        "allow-undetermined: yes\nll35: {edition: 2024, required: [name]}\n",
    )
    .unwrap();
    let r = adscheck(dir.path(), &["check", "inv/FDNY"]);
    let out = r.stdout.clone();
    assert!(!out.contains("ll35-missing"), "{out}");
    // A report scope naming a determination the checklist does not have is an error.
    std::fs::write(
        dir.path().join(".adscheck.yaml"),
        "ll35: {report: {agency_adz: [yes]}}\n",
    )
    .unwrap();
    let r = adscheck(dir.path(), &["check", "inv"]);
    assert_eq!(r.code, Some(2));
    assert!(
        r.stderr.clone().contains("did you mean `agency_ads`?"),
        "{}",
        r.stderr.clone()
    );
}

#[test]
fn an_imported_file_is_completed_by_the_plain_interview() {
    let dir = imported_2023();
    crate::support::adscheck(["interview", "--resume", "inv/DOHMH/rat-portal.yaml"])
        .at(dir.path())
        .stdin("1\n2\n\n1\n\n1\n\n\n1\n\n1\n5\n\nPat Lee\n")
        .run()
        .code(0);
    let classify = adscheck(
        dir.path(),
        &["classify", "-f", "jsonl", "inv/DOHMH/rat-portal.yaml"],
    );
    let value: serde_json::Value = serde_json::from_str(&classify.stdout).unwrap();
    assert_eq!(value["determinations"]["agency_ads"], "yes", "{value}");
    // The imported fields are still there.
    let yaml = std::fs::read_to_string(dir.path().join("inv/DOHMH/rat-portal.yaml")).unwrap();
    assert!(yaml.contains("  reported: [2023]"), "{yaml}");
    assert!(yaml.contains("  vendor_name: \"Acme, Inc.\""), "{yaml}");
    // Answering it today does not make it a tool of this year: the export's year is still the
    // latest reported, with every tool in it.
    let export = adscheck(dir.path(), &["ll35", "export", "inv", "--edition", "2023"]);
    assert!(
        export
            .stderr
            .clone()
            .contains("adscheck ll35 export: 2023, 2023 edition: 3 rows"),
        "{}",
        export.stderr.clone()
    );
}

#[test]
fn imported_files_meet_the_schema() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("t.csv"), table_2024()).unwrap();
    assert!(adscheck(dir.path(), &["ll35", "import", "t.csv", "-o", "inv"]).code == Some(0));
    let schema: serde_json::Value =
        serde_json::from_str(&adscheck(dir.path(), &["schema"]).stdout).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let engine = crate::support::ll49();
    for path in walk(&dir.path().join("inv")) {
        let text = std::fs::read_to_string(&path).unwrap();
        let file = adscheck::AnswerFile::parse(
            "f",
            &text,
            adscheck::document::Format::Yaml,
            engine.checklist(),
        )
        .unwrap();
        let mut instance = serde_json::json!({"checklist": "nyc-ll49-2018", "tool": file.tool});
        instance["answers"] = serde_json::json!({});
        let errors: Vec<String> = validator
            .iter_errors(&instance)
            .map(|e| e.to_string())
            .collect();
        assert!(errors.is_empty(), "{}: {errors:?}", path.display());
    }
    // The schema describes each LL35 field with its columns.
    let about = schema["properties"]["tool"]["properties"]["purpose"]["description"]
        .as_str()
        .unwrap();
    assert!(
        about.contains("tool_desc_detail (2023)") && about.contains("purpose_desc (2024)"),
        "{about}"
    );
}

/// The Local Law 35 fields chapter of the guide gives the table of fields and the 2024 column
/// order as the code has them.
#[test]
fn the_guide_gives_the_mapping_as_the_code_has_it() {
    let chapter =
        std::fs::read_to_string(crate::support::root().join("docs/ll35-fields.md")).unwrap();
    let expected: String = adscheck::ll35::export::documentation()
        .iter()
        .map(|(key, e2023, e2024, about)| format!("| `{key}` | {e2023} | {e2024} | {about} |\n"))
        .collect();
    assert!(
        chapter.contains(&expected),
        "docs/ll35-fields.md's table of LL35 fields should read:\n{expected}"
    );
    let order = format!("`{}`", Edition::E2024.columns().join(", "));
    assert!(
        chapter.contains(&order),
        "docs/ll35-fields.md should give the 2024 order: {order}"
    );
}

#[test]
fn a_merge_that_adds_fields_keeps_the_answers_below_the_block() {
    let dir = imported_2023();
    let path = dir.path().join("inv/DOHMH/rat-portal.yaml");
    let answered = std::fs::read_to_string(&path)
        .unwrap()
        .replace("tool:\n", "tool:   # kept by the agency\n")
        .replace("\n  1a:\n", "\n  1a: yes\n")
        .replace("\n  1b:\n", "\n  1b: {answer: no, note: \"Paper forms\"}\n");
    std::fs::write(&path, &answered).unwrap();
    // The new table fills two more columns for the rat portal: the block grows by two lines.
    let grown = table_2023().replace(
        "Geographic space; Other: Vehicles, boats\",N/A,",
        "Geographic space; Other: Vehicles, boats\",Yes,Now citywide",
    );
    assert_ne!(grown, table_2023());
    std::fs::write(dir.path().join("t.csv"), grown).unwrap();
    let r = adscheck(dir.path(), &["ll35", "import", "t.csv", "-o", "inv"]);
    assert_eq!(r.code, Some(0), "{}", r.stderr.clone());
    let after = std::fs::read_to_string(&path).unwrap();
    assert!(after.contains("tool:   # kept by the agency\n"), "{after}");
    assert!(
        after.contains("  updated_desc: \"Now citywide\"\n"),
        "{after}"
    );
    assert!(after.contains("\n  1a: yes\n"), "{after}");
    assert!(
        after.contains("\n  1b: {answer: no, note: \"Paper forms\"}\n"),
        "{after}"
    );
    // Everything after the block is as it was.
    let tail = |t: &str| t[t.find("answers:").unwrap()..].to_owned();
    assert_eq!(tail(&after), tail(&answered));
}

#[test]
fn import_never_writes_through_a_symbolic_link() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("t.csv"), table_2023()).unwrap();
    std::fs::create_dir_all(dir.path().join("outside/elsewhere")).unwrap();
    std::fs::create_dir_all(dir.path().join("inv")).unwrap();
    std::os::unix::fs::symlink("../outside/elsewhere", dir.path().join("inv/DOHMH")).unwrap();
    let r = adscheck(dir.path(), &["ll35", "import", "t.csv", "-o", "inv"]);
    assert_eq!(r.code, Some(1));
    assert!(
        r.stderr
            .clone()
            .contains("inv/DOHMH: error[not-allowed]: is a symbolic link"),
        "{}",
        r.stderr.clone()
    );
    assert_eq!(
        std::fs::read_dir(dir.path().join("outside/elsewhere"))
            .unwrap()
            .count(),
        0
    );
    // The other tools are imported.
    assert!(dir.path().join("inv/FDNY/fire-risk-model.yaml").is_file());
}

#[test]
fn columns_named_like_adscheck_keys_are_not_imported() {
    let dir = tempfile::tempdir().unwrap();
    let mut csv_text =
        table_2023().replacen("updated_desc\r\n", "updated_desc,withheld,id,name\r\n", 1);
    csv_text = csv_text
        .split("\r\n")
        .enumerate()
        .map(|(i, line)| {
            if i == 0 || line.is_empty() || line.starts_with(' ') || !line.starts_with("20") {
                line.to_owned()
            } else {
                format!("{line},yes,hijacked,Other name")
            }
        })
        .collect::<Vec<_>>()
        .join("\r\n");
    std::fs::write(dir.path().join("t.csv"), &csv_text).unwrap();
    let r = adscheck(dir.path(), &["ll35", "import", "t.csv", "-o", "inv"]);
    let err = r.stderr.clone();
    for column in ["withheld", "id", "name"] {
        assert!(
            err.contains(&format!("column `{column}` is not one of the 2023 edition's, and its name is a key adscheck keeps")),
            "{column}: {err}"
        );
    }
    let yaml = std::fs::read_to_string(dir.path().join("inv/mo/hyperlink-http-x.yaml")).unwrap();
    assert!(!yaml.contains("withheld"), "{yaml}");
    assert!(yaml.contains("  id: \"mo-hyperlink-http-x\"\n"), "{yaml}");
    assert!(!yaml.contains("Other name"), "{yaml}");
}

#[test]
fn check_finds_one_tool_under_an_abbreviation_and_a_full_name() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.yaml"),
        "tool: {name: Risk model, agency: FDNY}\nanswers: {1a: no}\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("b.yaml"),
        "tool: {name: risk  model, agency: Fire Department}\nanswers: {1a: no}\n",
    )
    .unwrap();
    let r = adscheck(dir.path(), &["check", "a.yaml", "b.yaml"]);
    assert_eq!(r.code, Some(1));
    assert!(
        r.stdout
            .clone()
            .contains("b.yaml:1:1: error[duplicate-tool]: same tool as a.yaml"),
        "{}",
        r.stdout.clone()
    );
}

#[test]
fn a_header_of_both_editions_is_named_as_such() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("t.csv"),
        "year,agency,tool_name,tool_desc_brief,tool_desc\n2023,FDNY,x,a,b\n",
    )
    .unwrap();
    let r = adscheck(dir.path(), &["ll35", "import", "t.csv", "-o", "inv"]);
    assert_eq!(r.code, Some(2));
    assert!(
        r.stderr.clone().contains(
            "the header has both `tool_desc_brief` (the 2022–2023 edition) and `tool_desc`"
        ),
        "{}",
        r.stderr.clone()
    );
}

#[test]
fn ll35_settings_errors_name_their_place_and_what_is_allowed() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join(".git")).unwrap();
    std::fs::write(dir.path().join("t.csv"), table_2023()).unwrap();
    assert!(adscheck(dir.path(), &["ll35", "import", "t.csv", "-o", "inv"]).code == Some(0));
    std::fs::write(
        dir.path().join(".adscheck.yaml"),
        "ll35:\n  edition: 2025\n  report: {agency_ads: [yess]}\n  required: [name, nme]\n",
    )
    .unwrap();
    let r = adscheck(dir.path(), &["check", "inv"]);
    assert_eq!(r.code, Some(2));
    let err = r.stderr.clone();
    for expected in [
        ".adscheck.yaml:2:12: error[wrong-type]: `ll35.edition` is `2025`: allowed: 2023",
        ".adscheck.yaml:3:11: error[wrong-type]: `ll35.report.agency_ads` lists `yess`: did you mean `yes`?",
        ".adscheck.yaml:4:13: error[unknown-field]: `ll35.required` names `tool.nme`, which is not a Local Law 35 field: did you mean `name`?",
    ] {
        assert!(err.contains(expected), "{expected}\n{err}");
    }
}

/// Regression (issue 21): `ll35 export` took only a text `withheld:` as withheld, while
/// `report` took any; a tool the site hid was published in the LL35 table. Every spelling of
/// the key now keeps the tool out of both.
#[test]
fn every_spelling_of_withheld_keeps_a_tool_out_of_the_table_and_the_site() {
    for spelling in [
        "true",
        "false",
        "\"\"",
        "[a]",
        "1",
        "\"Disclosure would endanger public safety\"",
    ] {
        let dir = imported_2023();
        let fire = dir.path().join("inv/FDNY/fire-risk-model.yaml");
        let yaml = std::fs::read_to_string(&fire).unwrap().replacen(
            "  name: ",
            &format!("  withheld: {spelling}\n  name: "),
            1,
        );
        std::fs::write(&fire, yaml).unwrap();
        let r = export_2023(dir.path());
        let out = r.stdout.clone();
        assert!(!out.contains("Fire Risk"), "withheld: {spelling}\n{out}");
        assert!(
            r.stderr.clone().contains("1 withheld (FDNY 1)"),
            "withheld: {spelling}\n{}",
            r.stderr.clone()
        );
        let r = adscheck(dir.path(), &["report", "inv", "-f", "json"]);
        let summary = r.stdout.clone();
        assert!(
            !summary.contains("Fire Risk"),
            "withheld: {spelling}\n{summary}"
        );
    }
}

/// Issue 24: a year the inventory itself produced is recorded when its table is exported for
/// publication (`--record`): the year then exports as recorded whatever the files say later,
/// and recording it again changes nothing.
#[test]
fn export_record_keeps_the_year_as_published() {
    let dir = imported_2023();
    let export = |extra: &[&str]| {
        let mut args = vec![
            "ll35",
            "export",
            "inv",
            "--edition",
            "2024",
            "--year",
            "2024",
        ];
        args.extend_from_slice(extra);
        adscheck(dir.path(), &args)
    };
    // Tools created since the last report get the year from their stamps: stamp one in 2024.
    let rats = dir.path().join("inv/DOHMH/rat-portal.yaml");
    let yaml = std::fs::read_to_string(&rats).unwrap().replacen(
        "  reported: [2023]\n",
        "  reported: [2023,2024]\n",
        1,
    );
    std::fs::write(&rats, yaml).unwrap();
    let first = export(&["--record"]);
    assert_eq!(first.code, Some(0), "{}", first.stderr.clone());
    let published = first.stdout.clone();
    assert!(published.contains("Rat Portal"), "{published}");
    assert!(
        first
            .stderr
            .contains("2024's report recorded in 1 file, 0 already recorded"),
        "{}",
        first.stderr.clone()
    );
    let yaml = std::fs::read_to_string(&rats).unwrap();
    assert!(yaml.contains("\n    \"2024\":\n"), "{yaml}");
    // The file changes afterwards: 2024 still exports as published; the tool's own value moved.
    let changed = yaml.replacen(
        "\n  description: \"Maps rat sightings\"",
        "\n  description: \"Maps rat sightings, rewritten\"",
        1,
    );
    assert_ne!(changed, yaml);
    std::fs::write(&rats, changed).unwrap();
    let again = export(&["--record"]);
    assert_eq!(again.stdout.clone(), published);
    assert!(
        again
            .stderr
            .contains("2024's report recorded in 0 files, 1 already recorded"),
        "{}",
        again.stderr.clone()
    );
    // Only the tool block changed, and check reads it.
    let check = adscheck(dir.path(), &["check", "inv", "--allow-undetermined"]);
    assert!(
        !check.stdout.contains("tool.reports"),
        "{}",
        check.stdout.clone()
    );
}
