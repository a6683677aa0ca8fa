//! Issue 26: one answer file, several laws. A file keeps its own checklist's answers and answers
//! further built-in checklists under `also:`; every output gives each checklist's
//! determinations side by side, `check` holds each block's declarations to its answers, and
//! what adscheck writes keeps the blocks.

use crate::support::adscheck;

/// An Agency ADS that is also an algorithmic tool, with New York State's question left open.
const SEVERAL: &str = "checklist: nyc-ll49-2018
tool: {name: Fire model, agency: Fire Department}
answers: {1a: yes, 1b: yes, 1c: yes, 2a: yes, 2b: yes}
also:
  nyc-ll35-2022:
    answers: {technology: yes, derived: yes, decisions: yes, material_impact: yes,
              basic_processes: no, internal_management: no}
    declared: {algorithmic_tool: yes}
  nys-stt-501:
    answers: {software: yes, methods: yes, decision_making: yes, basic_processes: no,
              internal_management: no, employment: unsure}
";

fn folder(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in files {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    dir
}

#[test]
fn every_format_gives_each_law_s_determinations() {
    let dir = folder(&[("t.yaml", SEVERAL), ("plain.yaml", "answers: {1a: no}\n")]);
    let ran = adscheck(["classify", "-f", "jsonl", "t.yaml", "plain.yaml"])
        .at(dir.path())
        .run();
    ran.code(0);
    let lines: Vec<serde_json::Value> = ran
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let several = lines.iter().find(|v| v["file"] == "t.yaml").unwrap();
    assert_eq!(several["determinations"]["agency_ads"], "yes");
    let also = several["also"].as_array().unwrap();
    assert_eq!(also.len(), 2);
    assert_eq!(also[0]["checklist"], "nyc-ll35-2022");
    assert_eq!(also[0]["determinations"]["algorithmic_tool"], "yes");
    assert_eq!(also[0]["assessment"], "complete");
    assert_eq!(also[1]["checklist"], "nys-stt-501");
    assert_eq!(also[1]["determinations"]["adm_tool"], "undetermined");
    assert_eq!(also[1]["needed"], serde_json::json!(["employment"]));
    // The same shape as the file's own: reasons name the other checklist's questions.
    assert!(
        also[0]["reasons"]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r["question"] == "material_impact" && r["number"] == "(d)"),
        "{}",
        also[0]
    );
    // A file that answers only its own checklist has no `also`.
    let plain = lines.iter().find(|v| v["file"] == "plain.yaml").unwrap();
    assert!(plain.get("also").is_none(), "{plain}");

    // The other laws are a column of the wide table (the default one fits a terminal).
    let table = adscheck(["classify", "-f", "table", "--wide", "t.yaml", "plain.yaml"])
        .at(dir.path())
        .run();
    table.stdout_has("Other laws (adscheck's questions)");
    table.stdout_has("Algorithmic tool: yes; ADM tool: undetermined");
    let markdown = adscheck(["classify", "-f", "markdown", "t.yaml"])
        .at(dir.path())
        .run();
    markdown.stdout_has("| Other laws (adscheck's questions) |");
    markdown.stdout_has("| Algorithmic tool: yes; ADM tool: undetermined |");
    // Without a file that answers another law, the column is not there.
    let alone = adscheck(["classify", "-f", "markdown", "plain.yaml"])
        .at(dir.path())
        .run();
    assert!(!alone.stdout.contains("Other laws"), "{}", alone.stdout);

    let csv = adscheck(["classify", "-f", "csv", "t.yaml", "plain.yaml"])
        .at(dir.path())
        .run();
    let mut reader = csv::Reader::from_reader(csv.stdout.as_bytes());
    let header = reader.headers().unwrap().clone();
    let at = |name: &str| header.iter().position(|h| h == name).unwrap();
    let records: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let record = |file: &str| records.iter().find(|r| &r[0] == file).unwrap().clone();
    assert_eq!(
        &record("t.yaml")[at("nyc-ll35-2022.algorithmic_tool")],
        "yes"
    );
    assert_eq!(
        &record("t.yaml")[at("nys-stt-501.adm_tool")],
        "undetermined"
    );
    assert_eq!(
        &record("plain.yaml")[at("nyc-ll35-2022.algorithmic_tool")],
        ""
    );

    let explain = adscheck(["classify", "--explain", "t.yaml"])
        .at(dir.path())
        .run();
    explain.stdout_has("Also answered: adscheck's questions on whether a tool is an");
    explain.stdout_has("  Algorithmic tool: yes\n");
    explain.stdout_has("  ADM tool: undetermined\n");
    explain.stdout_has("(adscheck's question)");
}

#[test]
fn a_block_is_read_against_its_own_checklist_with_errors_that_say_what_is_allowed() {
    let cases = [
        (
            "answers: {1a: no}\nalso:\n  nyc-ll99: {answers: {}}\n",
            "under `also` (built-in checklist ids)",
        ),
        (
            "answers: {1a: no}\nalso:\n  nyc-ll49-2018: {answers: {}}\n",
            "the file's own checklist",
        ),
        (
            "answers: {1a: no}\nalso:\n  nyc-ll35-2022: {answers: {1a: yes}}\n",
            "technology",
        ),
        (
            "answers: {1a: no}\nalso:\n  nyc-ll35-2022: {answers: {technology: maybe}}\n",
            "maybe",
        ),
        (
            "answers: {1a: no}\nalso:\n  nyc-ll35-2022: {anwsers: {}}\n",
            "in a block under `also`",
        ),
        (
            "answers: {1a: no}\nalso: [nyc-ll35-2022]\n",
            "`also` must be a mapping",
        ),
    ];
    for (text, expected) in cases {
        let dir = folder(&[("t.yaml", text)]);
        let ran = adscheck(["classify", "-f", "jsonl", "t.yaml"])
            .at(dir.path())
            .run();
        assert_eq!(ran.code, Some(1), "{text}\n{}", ran.stderr);
        assert!(
            ran.stderr.contains(expected),
            "{text}: {expected:?} not in\n{}",
            ran.stderr
        );
        // Each error names its line.
        assert!(ran.stderr.contains("t.yaml:"), "{}", ran.stderr);
    }
}

#[test]
fn check_holds_each_block_s_declarations_to_its_answers() {
    let wrong = SEVERAL.replace(
        "declared: {algorithmic_tool: yes}",
        "declared: {algorithmic_tool: no}",
    );
    let dir = folder(&[("t.yaml", &wrong)]);
    let ran = adscheck(["check", "."]).at(dir.path()).run();
    ran.code(1);
    let said = format!("{}{}", ran.stdout, ran.stderr);
    assert!(
        said.contains(
            "error[declared-mismatch]: under `also: nyc-ll35-2022`: declared algorithmic_tool: no, \
             but the checklist gives yes"
        ),
        "{said}"
    );
    // A law answered and left open fails as the file's own would, naming the checklist; with
    // undetermined results allowed, the file passes.
    let dir = folder(&[("t.yaml", SEVERAL)]);
    let ran = adscheck(["check", "."]).at(dir.path()).run();
    ran.code(1);
    let said = format!("{}{}", ran.stdout, ran.stderr);
    assert!(
        said.contains(
            "error[undetermined]: under `also: nys-stt-501`: ADM tool undetermined: (g) is unsure"
        ),
        "{said}"
    );
    adscheck(["check", "--allow-undetermined", "."])
        .at(dir.path())
        .run()
        .code(0);
}

#[test]
fn what_adscheck_writes_keeps_the_blocks_and_the_schema_takes_them() {
    let dir = folder(&[("t.yaml", SEVERAL)]);
    let before = adscheck(["classify", "-f", "jsonl", "t.yaml"])
        .at(dir.path())
        .run();
    adscheck(["stamp", "--reviewed", "--by", "Pat Lee", "t.yaml"])
        .at(dir.path())
        .run()
        .code(0);
    let written = std::fs::read_to_string(dir.path().join("t.yaml")).unwrap();
    assert!(
        written.contains(
            "\nalso:\n  nyc-ll35-2022:\n    stamps:\n      - event: reviewed\n        checklist: \"nyc-ll35-2022\""
        ),
        "{written}"
    );
    assert!(
        written.contains("    declared:\n      algorithmic_tool: yes\n"),
        "{written}"
    );
    // Each block was reviewed under its own checklist, by the same person.
    assert_eq!(written.matches("by: \"Pat Lee\"").count(), 3, "{written}");
    let after = adscheck(["classify", "-f", "jsonl", "t.yaml"])
        .at(dir.path())
        .run();
    let determinations = |ran: &crate::support::Ran| {
        let v: serde_json::Value = serde_json::from_str(ran.stdout.trim()).unwrap();
        (
            v["determinations"].clone(),
            v["also"]
                .as_array()
                .unwrap()
                .iter()
                .map(|a| a["determinations"].clone())
                .collect::<Vec<_>>(),
        )
    };
    assert_eq!(determinations(&before), determinations(&after));
    // The JSON Schema editors use accepts the blocks, and refuses an unknown law.
    let schema: serde_json::Value =
        serde_json::from_str(&adscheck(["schema"]).run().stdout).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    // Read as adscheck and editors read YAML (1.2): `yes` is text, not a boolean.
    let as_json = |yaml: &str| -> serde_json::Value {
        let options = serde_saphyr::options! { strict_booleans: true };
        serde_saphyr::from_str_with_options(yaml, options).unwrap()
    };
    assert!(validator.is_valid(&as_json(SEVERAL)));
    assert!(!validator.is_valid(&as_json("answers: {}\nalso: {nyc-ll99: {answers: {}}}\n")));
}

/// The plain interview's answers to Local Law 35's questions for an algorithmic tool: each
/// element yes (no list ticked, no note), neither exclusion.
const LL35_YES: &str = "1\n\n1\n\n1\n\n\n1\n\n2\n\n2\n\n";

/// Issue 26: several laws in one session (`--checklist` more than once), and another law added
/// to a file later (`--resume FILE --checklist ID`), each under its own words, in one file.
#[test]
fn the_interview_answers_several_laws_and_adds_one_later() {
    let dir = tempfile::tempdir().unwrap();
    let input = format!("{}{LL35_YES}\n", crate::plain::FULL);
    let ran = adscheck([
        "interview",
        "--plain",
        "--out",
        "t.yaml",
        "--checklist",
        "nyc-ll49-2018",
        "--checklist",
        "nyc-ll35-2022",
    ])
    .at(dir.path())
    .stdin(&input)
    .run();
    ran.code(0);
    ran.stdout_has("Next, for the same tool: adscheck's questions on whether a tool is an \"algorithmic tool\"");
    ran.stdout_has("(a) Is it a technology or a computerized process? (adscheck's question)\n");
    // Who answered is asked once, for both.
    assert_eq!(
        ran.stdout.matches("Your name and role").count(),
        1,
        "{}",
        ran.stdout
    );
    let text = std::fs::read_to_string(dir.path().join("t.yaml")).unwrap();
    assert!(text.contains("\nalso:\n  nyc-ll35-2022:\n    stamps:\n      - event: answered\n        checklist: \"nyc-ll35-2022\""), "{text}");
    assert_eq!(
        text.matches("by: \"Pat Lee, inspections analyst\"").count(),
        2,
        "{text}"
    );
    let v: serde_json::Value = serde_json::from_str(
        adscheck(["classify", "-f", "jsonl", "t.yaml"])
            .at(dir.path())
            .run()
            .stdout
            .trim(),
    )
    .unwrap();
    assert_eq!(v["determinations"]["agency_ads"], "yes");
    assert_eq!(v["also"][0]["determinations"]["algorithmic_tool"], "yes");

    // Later, New York State's: the file's own answers are offered for review and kept, then
    // the new law's questions, under its own words; who answered is asked for them.
    let nys = "\n1\n\n1\n\n1\n\n2\n\n2\n\n2\n\nSam Roe\n\n";
    let ran = adscheck([
        "interview",
        "--plain",
        "--resume",
        "t.yaml",
        "--checklist",
        "nys-stt-501",
    ])
    .at(dir.path())
    .stdin(nys)
    .run();
    ran.code(0);
    ran.stdout_has("(a) Is it software? (adscheck's question)\n");
    let v: serde_json::Value = serde_json::from_str(
        adscheck(["classify", "-f", "jsonl", "t.yaml"])
            .at(dir.path())
            .run()
            .stdout
            .trim(),
    )
    .unwrap();
    let also: Vec<(&str, &str)> = v["also"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            let (_, value) = a["determinations"]
                .as_object()
                .unwrap()
                .iter()
                .next()
                .unwrap();
            (a["checklist"].as_str().unwrap(), value.as_str().unwrap())
        })
        .collect();
    assert_eq!(also, [("nyc-ll35-2022", "yes"), ("nys-stt-501", "yes")]);
    let text = std::fs::read_to_string(dir.path().join("t.yaml")).unwrap();
    assert!(text.contains("    by: \"Sam Roe\""), "{text}");
    // The file's own history is as it was: nothing of its own was changed.
    assert_eq!(text.matches("- event: answered").count(), 3, "{text}");
}

/// Issue 26: Local Law 35's reporting scope can be its own checklist's determination
/// (`ll35: report: {nyc-ll35-2022.algorithmic_tool: [...]}`): a tool answered "no" there is
/// out of it, one answered "yes" in it; a misspelt id is refused, naming what is allowed.
#[test]
fn the_reporting_scope_can_be_local_law_35_s_own_determination() {
    let settings = "ll35:\n  edition: 2024\n  report: {nyc-ll35-2022.algorithmic_tool: [yes]}\n";
    let not_a_tool = SEVERAL.replace("material_impact: yes", "material_impact: no");
    let dir = folder(&[
        (".adscheck.yaml", settings),
        ("yes.yaml", SEVERAL),
        (
            "no.yaml",
            &not_a_tool.replace("declared: {algorithmic_tool: yes}", ""),
        ),
    ]);
    let ran = adscheck(["check", "--allow-undetermined", "."])
        .at(dir.path())
        .run();
    let said = format!("{}{}", ran.stdout, ran.stderr);
    assert!(said.contains("yes.yaml:2:1: error[ll35-missing]"), "{said}");
    assert!(!said.contains("no.yaml:2:1: error[ll35-missing]"), "{said}");
    let misspelt = folder(&[(
        ".adscheck.yaml",
        "ll35:\n  report: {nyc-ll35-2022.algorithmc_tool: [yes]}\n",
    )]);
    let ran = adscheck(["check", "."]).at(misspelt.path()).run();
    ran.code(2);
    let said = format!("{}{}", ran.stdout, ran.stderr);
    assert!(
        said.contains("did you mean `nyc-ll35-2022.algorithmic_tool`?"),
        "{said}"
    );
}

/// Issue 26: `template --also ID` gives a blank block for each further law, which reads back.
#[test]
fn a_template_has_a_blank_block_for_each_law_asked_for() {
    let dir = tempfile::tempdir().unwrap();
    adscheck([
        "template",
        "--also",
        "nyc-ll35-2022",
        "--also",
        "nys-stt-501",
        "--out",
        "t.yaml",
    ])
    .at(dir.path())
    .run()
    .code(0);
    let text = std::fs::read_to_string(dir.path().join("t.yaml")).unwrap();
    assert!(
        text.contains("\nalso:\n  nyc-ll35-2022:\n    answers:\n"),
        "{text}"
    );
    assert!(
        text.contains("      # (a) Is it software? (adscheck's question)\n"),
        "{text}"
    );
    let ran = adscheck(["classify", "-f", "jsonl", "t.yaml"])
        .at(dir.path())
        .run();
    ran.code(0);
    let v: serde_json::Value = serde_json::from_str(ran.stdout.trim()).unwrap();
    assert_eq!(v["also"][1]["checklist"], "nys-stt-501");
    assert_eq!(v["also"][1]["assessment"], "not started");
    let refused = adscheck(["template", "--also", "nyc-ll49-2018"]).run();
    refused.code(2);
    assert!(
        refused
            .stderr
            .contains("allowed: the built-in checklists other than"),
        "{}",
        refused.stderr
    );
}

/// Bad arguments to the interview's new options are refused before anything is asked, saying
/// what is allowed: an edition that is none, and a checklist file offered as another law.
#[test]
fn the_interview_refuses_an_unknown_edition_or_a_file_as_another_law() {
    let dir = tempfile::tempdir().unwrap();
    let ran = adscheck(["interview", "--plain", "--out", "t.yaml", "--ll35", "2025"])
        .at(dir.path())
        .stdin("Tool\n")
        .run();
    ran.code(2);
    assert!(
        ran.stderr.contains("--ll35 2025: allowed: 2023"),
        "{}",
        ran.stderr
    );
    std::fs::write(dir.path().join("mine.yaml"), "not: a checklist\n").unwrap();
    let ran = adscheck([
        "interview",
        "--plain",
        "--out",
        "u.yaml",
        "--checklist",
        "nyc-ll49-2018",
        "--checklist",
        "mine.yaml",
    ])
    .at(dir.path())
    .stdin("Tool\n")
    .run();
    ran.code(2);
    assert!(
        ran.stderr
            .contains("only a built-in checklist can be answered under `also:`"),
        "{}",
        ran.stderr
    );
    assert!(!dir.path().join("t.yaml").exists() && !dir.path().join("u.yaml").exists());
}
