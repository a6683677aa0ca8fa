//! The `adscheck` command end to end: formats, stdin, folders, exit codes, snapshots.

use std::collections::BTreeMap;

use serde_json::Value;

use crate::support::{fixture, root};

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn run(args: &[&str]) -> Run {
    run_with_stdin(args, "")
}

fn run_with_stdin(args: &[&str], stdin: &str) -> Run {
    let ran = crate::support::adscheck(args).stdin(stdin).run();
    Run {
        code: ran.code.unwrap_or(-1),
        stdout: ran.stdout,
        stderr: ran.stderr,
    }
}

fn json(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("not JSON ({e}):\n{text}"))
}

/// What every bundled example is meant to show, as (ADS, Agency ADS).
const EXPECTED: [(&str, &str, &str); 9] = [
    (
        "benefits-document-screening.yaml",
        "undetermined",
        "undetermined",
    ),
    ("budget-tracking-spreadsheet.yaml", "no", "no"),
    ("council-hearing-livestream.yaml", "no", "no"),
    ("fire-inspection-risk-model.yaml", "yes", "yes"),
    ("fleet-maintenance-forecast.yaml", "yes", "no"),
    ("high-school-admissions-matching.json", "yes", "yes"),
    (
        "housing-inspection-prioritization.yaml",
        "yes",
        "undetermined",
    ),
    ("it-ticket-triage.yaml", "yes", "no"),
    ("website-machine-translation.yaml", "no", "no"),
];

#[test]
fn examples_classify_as_intended_in_json() {
    let r = run(&["classify", "examples/answers", "--format", "json"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stderr, "", "the examples are clean");
    let results = json(&r.stdout);
    let results = results.as_array().unwrap();
    assert_eq!(results.len(), EXPECTED.len());
    for (result, (file, ads, agency)) in results.iter().zip(EXPECTED) {
        assert_eq!(
            result["file"],
            format!("examples/answers/{file}"),
            "sorted by path"
        );
        assert_eq!(result["checklist"], "nyc-ll49-2018");
        assert_eq!(result["determinations"]["ads"], ads, "{file}");
        assert_eq!(result["determinations"]["agency_ads"], agency, "{file}");
        assert_eq!(result["error"], Value::Null);
    }
    // Every outcome the checklist has is covered: a "no" from each of 1a, 1b, 1c, 2a, 2b.
    let summaries: Vec<&str> = results
        .iter()
        .map(|r| r["summary"].as_str().unwrap())
        .collect();
    // (No example answers (2)(a) no: an ADS used for a City official's determination is, in
    // every plausible case, used for the agency's actions; the stop rule is covered by the
    // checklist's own tests.)
    for q in ["(1)(b) no", "(1)(c) no", "(2)(b) no", "unsure"] {
        assert!(
            summaries.iter().any(|s| s.contains(q)),
            "no example for {q}"
        );
    }
}

#[test]
fn json_contract_of_one_file() {
    let r = run(&[
        "classify",
        "examples/answers/housing-inspection-prioritization.yaml",
        "-f",
        "json",
    ]);
    assert_eq!(r.code, 0);
    let v = json(&r.stdout);
    let v = &v[0];
    let keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(
        keys,
        [
            "format_version",
            "file",
            "checklist",
            "tool",
            "determinations",
            "assessment",
            "summary",
            "reasons",
            "needed",
            "would_change",
            "warnings",
            "error",
            "errors"
        ]
    );
    assert_eq!(v["format_version"], 2);
    assert_eq!(v["tool"]["name"], "Heat complaint prioritization");
    // Undetermined, Agency ADS lists only what is open: (2)(b), not ADS's settled answers.
    let agency: Vec<&serde_json::Value> = v["reasons"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["determination"] == "agency_ads")
        .collect();
    assert_eq!(agency.len(), 1);
    // Decided yes, it rests on ADS by reference: one entry, not ADS's reasons again.
    let fire = run(&[
        "classify",
        "examples/answers/fire-inspection-risk-model.yaml",
        "-f",
        "json",
    ]);
    let fire = json(&fire.stdout);
    let agency: Vec<&serde_json::Value> = fire[0]["reasons"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["determination"] == "agency_ads")
        .collect();
    assert_eq!(agency.len(), 3, "ADS, (2)(a), (2)(b): {agency:?}");
    assert_eq!(
        agency[0],
        &serde_json::json!({"determination": "agency_ads", "rests_on": "ads", "label": "ADS", "value": "yes"})
    );
    assert_eq!(v["needed"], serde_json::json!(["2b"]));
    let last = v["reasons"].as_array().unwrap().last().unwrap();
    assert_eq!(last["determination"], "agency_ads");
    assert_eq!(last["question"], "2b");
    assert_eq!(last["answer"], "unsure");
    assert!(
        last["note"]
            .as_str()
            .unwrap()
            .starts_with("Pilot in two boroughs")
    );
    assert_eq!(last["text"], "Do/will such decisions impact the public?");
    // What would change it: Agency ADS would be yes if (2)(b) were yes.
    assert_eq!(
        v["would_change"][1],
        serde_json::json!({"determination": "agency_ads", "to": "yes",
                           "answers": [{"question": "2b", "number": "(2)(b)", "answer": "yes"}]})
    );
}

#[test]
fn tool_metadata_passes_through() {
    let r = run(&[
        "classify",
        "examples/answers/fire-inspection-risk-model.yaml",
        "-f",
        "json",
    ]);
    let v = json(&r.stdout);
    assert_eq!(v[0]["tool"]["date_use"], "2014/06");
    assert_eq!(v[0]["tool"]["vendor"], "none (built in-house)");
}

#[test]
fn jsonl_is_one_object_per_file_and_the_default_off_a_terminal() {
    let jsonl = run(&["classify", "examples/answers", "-f", "jsonl"]);
    let default = run(&["classify", "examples/answers"]);
    assert_eq!(
        jsonl.stdout, default.stdout,
        "jsonl is the default when piped"
    );
    let array = json(&run(&["classify", "examples/answers", "-f", "json"]).stdout);
    let lines: Vec<Value> = jsonl.stdout.lines().map(json).collect();
    assert_eq!(Value::Array(lines), array);
}

#[test]
fn csv_has_a_header_and_a_record_per_file() {
    let r = run(&["classify", "examples/answers", "-f", "csv"]);
    assert_eq!(r.code, 0);
    let mut reader = csv::Reader::from_reader(r.stdout.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_owned)
        .collect();
    assert_eq!(
        header,
        [
            "file",
            "checklist",
            "tool",
            "agency",
            "ads",
            "agency_ads",
            "assessment",
            "adscheck_short_reason",
            "needed",
            "warnings",
            "error",
            // Each other built-in checklist's determinations, empty where a file does not answer it.
            "nyc-ll35-2022.algorithmic_tool",
            "nys-stt-501.adm_tool",
        ]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), EXPECTED.len());
    let fleet = rows
        .iter()
        .find(|r| r[0].ends_with("fleet-maintenance-forecast.yaml"))
        .unwrap();
    assert_eq!(&fleet[4], "yes");
    assert_eq!(&fleet[5], "no");
    assert_eq!(&fleet[3], "Department of Citywide Administrative Services");
}

#[test]
fn markdown_table_snapshot() {
    let r = run(&["classify", "examples/answers", "-f", "markdown"]);
    assert_eq!(r.code, 0);
    insta::assert_snapshot!("classify_markdown", r.stdout);
}

#[test]
fn table_snapshot() {
    let r = run(&["classify", "examples/answers", "-f", "table"]);
    assert_eq!(r.code, 0);
    insta::assert_snapshot!("classify_table", r.stdout);
    let r = run(&["classify", "examples/answers", "-f", "table", "--wide"]);
    assert_eq!(r.code, 0);
    insta::assert_snapshot!("classify_table_wide", r.stdout);
    // `--wide` asks for the table off a terminal too; with another format it is refused,
    // not ignored.
    let piped = run(&["classify", "examples/answers", "--wide"]);
    assert_eq!(piped.code, 0);
    assert_eq!(piped.stdout, r.stdout);
    let json = run(&["classify", "examples/answers", "--wide", "-f", "json"]);
    assert_eq!(json.code, 2);
    assert!(
        json.stderr.contains("--wide is for the table"),
        "{}",
        json.stderr
    );
    assert!(json.stdout.is_empty());
}

#[test]
fn explain_snapshot() {
    let r = run(&[
        "classify",
        "--explain",
        "examples/answers/fire-inspection-risk-model.yaml",
        "examples/answers/budget-tracking-spreadsheet.yaml",
        "examples/answers/benefits-document-screening.yaml",
    ]);
    assert_eq!(r.code, 0);
    assert!(!r.stdout.contains('\u{1b}'), "no colour off a terminal");
    insta::assert_snapshot!("classify_explain", r.stdout);
}

#[test]
fn colour_is_a_choice() {
    let file = "examples/answers/it-ticket-triage.yaml";
    let always = run(&["classify", "--explain", "--color", "always", file]);
    assert!(always.stdout.contains("\u{1b}["), "--color always colours");
    let never = run(&["classify", "--explain", "--color", "never", file]);
    assert!(!never.stdout.contains('\u{1b}'));
    assert_eq!(
        never.stdout,
        run(&["classify", "--explain", file]).stdout,
        "auto is plain when piped"
    );
}

#[test]
fn stdin_yaml_and_json_are_sniffed() {
    let r = run_with_stdin(&["classify", "-", "-f", "json"], "answers: {1a: no}\n");
    assert_eq!(r.code, 0, "{}", r.stderr);
    let v = json(&r.stdout);
    assert_eq!(v[0]["file"], "<stdin>");
    assert_eq!(v[0]["determinations"]["ads"], "no");
    let r = run_with_stdin(
        &["classify", "-", "-f", "json"],
        r#"{"answers": {"1a": "yes", "1b": "yes", "1c": "yes", "2a": "yes", "2b": "no"}}"#,
    );
    let v = json(&r.stdout);
    assert_eq!(v[0]["determinations"]["agency_ads"], "no");
}

#[test]
fn a_bad_file_is_reported_and_the_others_still_evaluated() {
    let bad = fixture("answers/bad-answer.yaml");
    let comma = fixture("answers/trailing-comma.json");
    let r = run(&[
        "classify",
        "-f",
        "json",
        bad.to_str().unwrap(),
        "examples/answers/it-ticket-triage.yaml",
        comma.to_str().unwrap(),
    ]);
    assert_eq!(r.code, 1, "some file could not be evaluated");
    let v = json(&r.stdout);
    let by_file: BTreeMap<String, &Value> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["file"]
                    .as_str()
                    .unwrap()
                    .rsplit('/')
                    .next()
                    .unwrap()
                    .to_owned(),
                r,
            )
        })
        .collect();
    assert_eq!(
        by_file["it-ticket-triage.yaml"]["determinations"]["ads"],
        "yes"
    );
    let bad_result = by_file["bad-answer.yaml"];
    assert_eq!(bad_result["determinations"], Value::Null);
    assert_eq!(bad_result["error"]["kind"], "invalid-answer");
    assert_eq!(bad_result["error"]["line"], 3);
    assert_eq!(bad_result["error"]["column"], 7);
    assert_eq!(by_file["trailing-comma.json"]["error"]["kind"], "syntax");
    // Compiler-style diagnostics on stderr.
    let expected = format!(
        "{}:3:7: error[invalid-answer]: invalid answer `maybe` to 1a",
        bad.display()
    );
    assert!(r.stderr.contains(&expected), "stderr:\n{}", r.stderr);
    assert!(
        r.stderr.contains("2 of 3 files could not be evaluated"),
        "{}",
        r.stderr
    );
}

#[test]
fn missing_paths_and_folders_without_answer_files() {
    // A path that does not exist is a usage error: reported, the others still evaluated, exit 2
    // (the same for every command that takes paths).
    let r = run(&[
        "classify",
        "-f",
        "jsonl",
        "no/such/file.yaml",
        "examples/answers/it-ticket-triage.yaml",
    ]);
    assert_eq!(r.code, 2);
    assert_eq!(
        r.stdout.lines().count(),
        1,
        "the existing file is classified"
    );
    assert!(
        r.stderr
            .contains("adscheck: error: no such file or folder: no/such/file.yaml"),
        "{}",
        r.stderr
    );
    for command in [
        vec!["check"],
        vec!["stamp", "--by", "A"],
        vec!["recheck", "--against", "checklists/nyc-ll49-2018.yaml"],
        vec!["checklist", "lint"],
        vec!["checklist", "test"],
    ] {
        let mut args = command.clone();
        args.push("no/such/file.yaml");
        let r = run(&args);
        assert_eq!(r.code, 2, "{command:?}: {}", r.stderr);
        assert!(r.stderr.contains("no such file or folder"), "{command:?}");
    }
    // A quoted glob is expanded; one that matches nothing is reported.
    let r = run(&["classify", "-f", "jsonl", "examples/answers/*.json"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stdout.lines().count(), 1);
    let r = run(&["classify", "-f", "jsonl", "examples/nothing-*.yaml"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr
            .contains("no file or folder matches examples/nothing-*.yaml")
    );

    let empty = tempfile::tempdir().unwrap();
    let r = run(&["classify", empty.path().to_str().unwrap()]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("no answer files"), "{}", r.stderr);
}

#[test]
fn folders_are_searched_recursively() {
    let r = run(&["classify", "-f", "jsonl", "examples"]);
    // examples/ also holds the failing inventory used by `check`'s tests: exit 1, all reported.
    assert_eq!(r.code, 1);
    let files: Vec<String> = r
        .stdout
        .lines()
        .map(|l| json(l)["file"].as_str().unwrap().to_owned())
        .collect();
    for (name, ..) in EXPECTED {
        assert!(
            files.contains(&format!("examples/answers/{name}")),
            "{name} missing"
        );
    }
    assert!(files.contains(&"examples/inventory/sanitation/complaint-routing.json".to_owned()));
    assert!(
        !files.iter().any(|f| f.ends_with(".adscheck.yaml")),
        "settings are not answers"
    );
}

#[test]
fn usage_errors_exit_2() {
    let r = run(&["classify"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("PATH"), "{}", r.stderr);
    let r = run(&["classify", "-f", "xml", "examples"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr
            .contains("possible values: table, json, jsonl, csv, markdown"),
        "{}",
        r.stderr
    );
    let r = run(&["classify", "--explain", "-f", "json", "examples"]);
    assert_eq!(r.code, 2);
}

#[test]
fn an_unusable_checklist_exits_2_with_its_errors() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("broken.yaml");
    std::fs::write(
        &path,
        "id: x\ntitle: T\nversion: '1'\nsource: s\ndeterminations: []\nquestions: []\nextra: 1\n",
    )
    .unwrap();
    let r = run(&[
        "classify",
        "--checklist",
        path.to_str().unwrap(),
        "examples/answers",
    ]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr
            .contains(&format!("{}:7:1: error[unknown-field]", path.display())),
        "{}",
        r.stderr
    );
    assert_eq!(r.stdout, "");
}

#[test]
fn another_checklist_from_yaml_only() {
    let checklist = fixture("checklists/data-protection.yaml");
    let answers = fixture("answers/data-protection-high-risk.yaml");
    let r = run(&[
        "classify",
        "--checklist",
        checklist.to_str().unwrap(),
        answers.to_str().unwrap(),
        "-f",
        "json",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let v = json(&r.stdout);
    assert_eq!(v[0]["checklist"], "test-data-protection");
    assert_eq!(
        v[0]["determinations"],
        serde_json::json!({"personal": "yes", "high_risk": "yes"})
    );
    // The LL49 checklist rejects the file, naming the mismatch.
    let r = run(&["classify", answers.to_str().unwrap(), "-f", "json"]);
    assert_eq!(r.code, 1);
    assert_eq!(json(&r.stdout)[0]["error"]["kind"], "checklist-mismatch");
}

#[test]
fn checklist_lint() {
    let r = run(&["checklist", "lint", "checklists/nyc-ll49-2018.yaml"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout
            .contains("ok: checklist `nyc-ll49-2018` version 1.2.0, 5 questions, 2 determinations")
    );

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("c.yaml");
    let text = std::fs::read_to_string(root().join("checklists/nyc-ll49-2018.yaml"))
        .unwrap()
        .replace("        - question: 1c\n", "        - question: 1d\n");
    std::fs::write(&path, text).unwrap();
    let r = run(&["checklist", "lint", path.to_str().unwrap()]);
    assert_eq!(r.code, 1);
    let line = std::fs::read_to_string(&path)
        .unwrap()
        .lines()
        .position(|l| l.contains("question: 1d"))
        .unwrap()
        + 1;
    let expected = format!(
        "{}:{line}:21: error[unknown-reference]: unknown question `1d`; did you mean",
        path.display()
    );
    assert!(r.stderr.contains(&expected), "{}", r.stderr);
    assert!(r.stderr.contains("1 problem found"));
}

#[test]
fn checklist_show_snapshots() {
    let r = run(&["checklist", "show"]);
    assert_eq!(r.code, 0);
    insta::assert_snapshot!("checklist_show_text", r.stdout);
    let r = run(&["checklist", "show", "--format", "markdown"]);
    assert_eq!(r.code, 0);
    insta::assert_snapshot!("checklist_show_markdown", r.stdout);
}

#[test]
fn the_checklist_shown_keeps_the_forms_words() {
    // Spot checks against the reference layout of the form.
    let r = run(&["checklist", "show", "--format", "markdown"]);
    for phrase in [
        "Automated decision system (ADS): <ins>Computerized implementations</ins> of <ins>algorithms</ins>, including those derived from machine learning or other data processing or artificial intelligence techniques, which are used to assist in making <ins>decisions</ins>.",
        "An ADS used by an agency to make or assist in making decisions[3] concerning rules, policies, or actions implemented that impact the public.",
        "**Legal definition[1] (Local Law 49 of 2018, § 1(a)):**",
        "### (1)(a) Is it an algorithm?  YES / NO",
        "any of the following[2]:",
        "sentencing or corrections) (`law_enforcement`)",
        "at (1)(d). *(adscheck note: \"(1)(d)\" [sic; the guidance on decisions is at (1)(c)]",
        "Implicates judicial, administrative, or other forms of redress.",
        "**Stop rule:** If any of the above questions is answered \"no\", then the ADS under review is not considered an \"Agency ADS\" as defined by Local Law 49 (2018).",
    ] {
        assert!(r.stdout.contains(phrase), "missing: {phrase}");
    }
}

#[test]
fn interview_with_no_input_saves_nothing_and_points_to_classify_and_template() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("t.yaml");
    let r = run_with_stdin(&["interview", "--out", out.to_str().unwrap()], "");
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("input ended before the first answer"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("adscheck classify FILE"), "{}", r.stderr);
    assert!(
        r.stderr.contains("adscheck template --out FILE"),
        "{}",
        r.stderr
    );
    assert!(!out.exists(), "nothing was written");
}

#[test]
fn the_template_is_a_valid_blank_answer_file() {
    let r = run(&["template"]);
    assert_eq!(r.code, 0);
    for id in [
        "  1a:",
        "  1b:",
        "  1c:",
        "  2a:",
        "  2b:",
        "machine_learning",
        "redress",
        "(2)(b) Do/will such decisions impact the public?",
    ] {
        assert!(r.stdout.contains(id), "template lacks {id}");
    }
    let classified = run_with_stdin(&["classify", "-", "-f", "json"], &r.stdout);
    assert_eq!(classified.code, 0, "{}", classified.stderr);
    let v = json(&classified.stdout);
    assert_eq!(v[0]["determinations"]["ads"], "undetermined");
    assert_eq!(
        v[0]["needed"],
        serde_json::json!(["1a", "1b", "1c", "2a", "2b"])
    );

    // Filled in by an editor, it classifies.
    let filled = r.stdout.replace("  1a:\n", "  1a: no\n");
    let v = json(&run_with_stdin(&["classify", "-", "-f", "json"], &filled).stdout);
    assert_eq!(v[0]["determinations"]["ads"], "no");
}

#[test]
fn template_out_never_replaces_a_file_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.yaml");
    let p = path.to_str().unwrap();
    assert_eq!(run(&["template", "--out", p]).code, 0);
    let first = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, "edited").unwrap();
    let r = run(&["template", "--out", p]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("add --force"), "{}", r.stderr);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "edited");
    assert_eq!(run(&["template", "--out", p, "--force"]).code, 0);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), first);
}

#[test]
fn checklist_self_tests_pass_and_a_broken_copy_fails_with_a_diff() {
    let r = run(&["checklist", "test"]);
    assert_eq!(r.code, 0, "{}", r.stdout);
    assert!(
        r.stdout
            .contains("ok    stop rule of Question #1: (1)(a) no ends the checklist")
    );
    assert!(
        r.stdout.ends_with("11 tests, 11 passed, 0 failed\n"),
        "{}",
        r.stdout
    );
    // Break the Agency ADS rule's stop rule: `any_of` instead of `all_of`.
    let text = std::fs::read_to_string(root().join("checklists/nyc-ll49-2018.yaml"))
        .unwrap()
        .replace(
            "      all_of:\n        - determination: ads",
            "      any_of:\n        - determination: ads",
        );
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("broken.yaml");
    std::fs::write(&path, text).unwrap();
    let r = run(&["checklist", "test", path.to_str().unwrap()]);
    assert_eq!(r.code, 1);
    assert!(
        r.stdout.contains(&format!(
            "FAIL  stop rule of Question #2: (2)(a) no gives ADS yes, Agency ADS no ({}:",
            path.display()
        )),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout
            .contains("        agency_ads: expected no, got yes\n"),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout.contains("needed: expected [2b], got []"),
        "{}",
        r.stdout
    );
}

#[test]
fn checklist_tests_naming_unknown_ids_are_lint_errors() {
    let text = std::fs::read_to_string(root().join("checklists/nyc-ll49-2018.yaml"))
        .unwrap()
        .replace("    answers: {1a: no}\n", "    answers: {1d: no}\n");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("c.yaml");
    std::fs::write(&path, &text).unwrap();
    let r = run(&["checklist", "lint", path.to_str().unwrap()]);
    assert_eq!(r.code, 1);
    let line = text.lines().position(|l| l.contains("{1d: no}")).unwrap() + 1;
    assert!(
        r.stderr.contains(&format!(
            "{}:{line}:15: error[unknown-reference]: unknown question `1d`",
            path.display()
        )),
        "{}",
        r.stderr
    );
}

/// An answer file as a JSON value, read as YAML 1.2 (as the YAML language server reads it).
fn as_json_value(path: &std::path::Path) -> Value {
    let text = std::fs::read_to_string(path).unwrap();
    let options = serde_saphyr::options! { strict_booleans: true };
    serde_saphyr::from_str_with_options(&text, options).unwrap()
}

#[test]
fn the_json_schema_accepts_every_example_and_rejects_bad_files() {
    let r = run(&["schema"]);
    assert_eq!(r.code, 0);
    let schema = json(&r.stdout);
    assert_eq!(schema["$schema"], "http://json-schema.org/draft-07/schema#");
    assert_eq!(
        schema["properties"]["answers"]["properties"]["1a"]["description"],
        "(1)(a) Is it an algorithm?"
    );
    // An independent validator (the jsonschema crate).
    let validator = jsonschema::draft7::new(&schema).unwrap();
    let mut checked = 0;
    for dir in ["examples/answers", "examples/inventory/sanitation"] {
        for entry in std::fs::read_dir(root().join(dir)).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                continue; // drafts/
            }
            let errors: Vec<String> = validator
                .iter_errors(&as_json_value(&path))
                .map(|e| e.to_string())
                .collect();
            assert!(errors.is_empty(), "{}: {errors:?}", path.display());
            checked += 1;
        }
    }
    assert!(checked >= 12);
    // The blank template validates too (with its nulls).
    let template = run(&["template"]).stdout;
    let blank: Value = serde_saphyr::from_str_with_options(
        &template,
        serde_saphyr::options! { strict_booleans: true },
    )
    .unwrap();
    assert!(validator.is_valid(&blank));
    // Files adscheck itself writes validate: a stamped file (a history of two entries) and an
    // old single stamp.
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("f.yaml");
    std::fs::copy(
        root().join("examples/answers/fire-inspection-risk-model.yaml"),
        &file,
    )
    .unwrap();
    for by in ["A", "B"] {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_adscheck"))
            .args(["stamp", "--by", by])
            .arg(&file)
            .output()
            .unwrap();
        assert!(out.status.success());
    }
    let stamped = as_json_value(&file);
    assert_eq!(stamped["stamps"].as_array().unwrap().len(), 2);
    let errors: Vec<String> = validator
        .iter_errors(&stamped)
        .map(|e| e.to_string())
        .collect();
    assert!(errors.is_empty(), "{errors:?}");
    let old: Value = serde_json::json!({"answers": {"1a": "no"}, "stamp": {"checklist": "nyc-ll49-2018", "version": "1.0.0", "by": "X"}});
    assert!(validator.is_valid(&old));
    // Invalid files fail, each for its reason.
    for (text, why) in [
        ("answers: {1a: maybe}", "bad answer"),
        ("answers: {1A: yes}", "unknown question"),
        (
            "answers: {1a: {answer: yes, options: [machine-learning]}}",
            "unknown option",
        ),
        (
            "answers: {1b: {answer: yes, options: [other]}}",
            "options on a question without",
        ),
        ("checklist: nyc-ll49-2017", "another checklist"),
        ("declared: {ads: maybe}", "bad declared value"),
        ("reviewer: Pat", "unknown top-level key"),
    ] {
        let value: Value = serde_saphyr::from_str_with_options(
            text,
            serde_saphyr::options! { strict_booleans: true },
        )
        .unwrap();
        assert!(!validator.is_valid(&value), "{why}: {text}");
    }
}

#[test]
fn completions_and_the_manual_page_come_from_the_command_line_itself() {
    for (shell, marker) in [
        ("bash", "complete -F _adscheck"),
        ("zsh", "#compdef adscheck"),
        ("fish", "complete -c adscheck"),
        ("powershell", "Register-ArgumentCompleter"),
    ] {
        let r = run(&["completions", shell]);
        assert_eq!(r.code, 0, "{shell}");
        assert!(
            r.stdout.contains(marker),
            "{shell}: {}",
            &r.stdout[..200.min(r.stdout.len())]
        );
        for sub in ["classify", "check", "interview", "stamp", "recheck"] {
            assert!(r.stdout.contains(sub), "{shell} completes {sub}");
        }
    }
    let r = run(&["man"]);
    assert_eq!(r.code, 0);
    assert!(r.stdout.contains(".TH adscheck 1"), "{}", r.stdout);
    assert!(r.stdout.contains("Not legal advice"));
    assert!(r.stdout.contains("classify"));
}

#[test]
fn out_writes_the_report_to_a_file_whole() {
    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("report.jsonl");
    let r = run(&[
        "classify",
        "-f",
        "jsonl",
        "-o",
        report.to_str().unwrap(),
        "examples/answers",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stdout, "", "the report goes to the file");
    let text = std::fs::read_to_string(&report).unwrap();
    assert_eq!(text.lines().count(), 9);
    // check, too; a second run replaces the report only with --force (issue 22).
    let sarif = dir.path().join("check.sarif");
    for (force, code) in [(None, 1), (None, 2), (Some("--force"), 1)] {
        let mut args = vec![
            "check",
            "-f",
            "sarif",
            "--out",
            sarif.to_str().unwrap(),
            "examples/inventory-failing",
        ];
        args.extend(force);
        let r = run(&args);
        assert_eq!(r.code, code, "{force:?}: {}", r.stderr);
        assert_eq!(r.stdout, "");
    }
    let sarif: Value = serde_json::from_str(&std::fs::read_to_string(&sarif).unwrap()).unwrap();
    assert_eq!(sarif["version"], "2.1.0");
    // A device is never replaced.
    let r = run(&["classify", "-o", "/dev/null", "examples/answers"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("not a regular file"), "{}", r.stderr);
}

#[test]
fn check_quiet_prints_the_findings_only() {
    let r = run(&["check", "-q", "examples/answers"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    let lines: Vec<&str> = r.stdout.lines().collect();
    assert_eq!(lines.len(), 2, "{}", r.stdout);
    assert!(
        lines.iter().all(|l| l.contains(": error[undetermined]: ")),
        "{}",
        r.stdout
    );
    // A submission that passes prints nothing; the exit code says it passed.
    let r = run(&["check", "-q", "examples/answers/it-ticket-triage.yaml"]);
    assert_eq!((r.code, r.stdout.as_str()), (0, ""), "{}", r.stderr);
    // Without -q the same run ends with the settings and totals lines.
    let r = run(&["check", "examples/answers/it-ticket-triage.yaml"]);
    assert!(r.stdout.contains("settings: ") && r.stdout.contains("adscheck check: 1 file"));
}

#[test]
fn color_always_colours_checks_findings_and_never_does_not() {
    let r = run(&["check", "--color", "always", "examples/answers"]);
    assert_eq!(r.code, 1);
    assert!(
        r.stdout
            .contains("\u{1b}[1m\u{1b}[31merror[undetermined]\u{1b}[0m: "),
        "{:?}",
        r.stdout
    );
    // The totals stay plain, and so does every finding without --color always.
    assert!(
        r.stdout.contains("\nadscheck check: 9 files"),
        "{:?}",
        r.stdout
    );
    let r = run(&["check", "--color", "never", "examples/answers"]);
    assert!(!r.stdout.contains('\u{1b}'), "{:?}", r.stdout);
    let r = run(&["check", "examples/answers"]);
    assert!(!r.stdout.contains('\u{1b}'), "{:?}", r.stdout);
}

#[test]
fn answers_are_saved_only_under_names_a_folder_scan_finds() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["notes.txt", "answers.json", ".hidden.yaml", "no-extension"] {
        let path = dir.path().join(name);
        let p = path.to_str().unwrap();
        for args in [vec!["template", "--out", p], vec!["interview", "--out", p]] {
            let r = run_with_stdin(&args, "");
            assert_eq!(r.code, 2, "{args:?}: {}", r.stderr);
            assert!(
                r.stderr
                    .contains("an answer file is YAML named *.yaml or *.yml"),
                "{args:?}: {}",
                r.stderr
            );
            assert!(!path.exists(), "{args:?} wrote {name}");
        }
    }
    // What a folder scan finds is accepted, in any case.
    let path = dir.path().join("tool.YML");
    assert_eq!(run(&["template", "--out", path.to_str().unwrap()]).code, 0);
    let r = run(&["classify", "-f", "jsonl", dir.path().to_str().unwrap()]);
    assert_eq!(r.stdout.lines().count(), 1, "{}", r.stderr);
}

#[test]
fn a_file_given_by_mistake_is_called_what_it_is() {
    let dir = tempfile::tempdir().unwrap();
    let notes = dir.path().join("notes.md");
    std::fs::write(
        &notes,
        "# Title\n\nWe use *this* tool for [links](http://a).\n",
    )
    .unwrap();
    let r = run(&["classify", "-f", "jsonl", notes.to_str().unwrap()]);
    assert_eq!(r.code, 1);
    assert!(
        r.stderr.contains("notes.md:3:1: error[")
            && r.stderr.contains("(this file is not named *.yaml, *.yml or *.json: answer files are YAML or JSON; was it given by mistake?)"),
        "{}",
        r.stderr
    );
    // An answer file under another name is still read, with no such remark.
    let other = dir.path().join("answers.txt");
    std::fs::copy("examples/answers/it-ticket-triage.yaml", &other).unwrap();
    let r = run(&["classify", "-f", "jsonl", other.to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
}

#[test]
fn shared_options_are_offered_only_where_they_apply() {
    // Each option is in the help of the commands it changes, and refused by the others.
    let applies: &[(&[&str], &[&str])] = &[
        (
            &["classify"],
            &["--checklist", "--max-file-size", "--color"],
        ),
        (&["check"], &["--checklist", "--max-file-size", "--color"]),
        (
            &["interview"],
            &["--checklist", "--max-file-size", "--color"],
        ),
        (&["template"], &["--checklist"]),
        (&["schema"], &["--checklist"]),
        (&["stamp"], &["--checklist", "--max-file-size"]),
        (&["recheck"], &["--max-file-size"]),
        (&["checklist", "show"], &["--checklist"]),
        (&["checklist", "lint"], &[]),
        (&["checklist", "test"], &[]),
        (&["completions"], &[]),
        (&["man"], &[]),
    ];
    for (command, options) in applies {
        let mut args = command.to_vec();
        args.push("--help");
        let help = run(&args).stdout;
        for option in ["--checklist", "--max-file-size", "--color"] {
            assert_eq!(
                help.contains(&format!("{option} ")),
                options.contains(&option),
                "{command:?} {option}:\n{help}"
            );
        }
    }
    let top = run(&["--help"]).stdout;
    assert!(!top.contains("--color"), "{top}");
    let r = run(&["template", "--color", "never"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("unexpected argument '--color'"),
        "{}",
        r.stderr
    );
    let r = run(&["--checklist", "x.yaml", "classify", "examples/answers"]);
    assert_eq!(r.code, 2);
}

#[test]
fn lint_names_every_misspelt_key_at_every_level() {
    // The built-in checklist with a key misspelt at five levels: each is reported, in
    // document order, with its position and the key it was meant to be.
    let mut text = std::fs::read_to_string(root().join("checklists/nyc-ll49-2018.yaml")).unwrap();
    let mut expected = Vec::new();
    // (where, the key there, the misspelling)
    for (context, meant, key) in [
        ("\ntitle:", "title", "titel"),
        ("\n    term:", "term", "trem"),
        (", clarified_by:", "clarified_by", "clarifed_by"),
        (
            "guidance:\n      - source: form\n        text:",
            "text",
            "txet",
        ),
        ("\n      prompt:", "prompt", "promt"),
    ] {
        let found = text.find(context).unwrap_or_else(|| panic!("{context:?}"));
        let start = found + context.rfind(meant).unwrap();
        text.replace_range(start..start + meant.len(), key);
        let line = text[..start].matches('\n').count() + 1;
        let column = start - text[..start].rfind('\n').unwrap();
        expected.push(format!(
            ":{line}:{column}: error[unknown-field]: unknown field `{key}`, did you mean `{meant}`?"
        ));
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("c.yaml");
    std::fs::write(&path, &text).unwrap();
    let r = run(&["checklist", "lint", path.to_str().unwrap()]);
    assert_eq!(r.code, 1);
    let lines: Vec<&str> = r.stderr.lines().collect();
    assert_eq!(lines.len(), 6, "{}", r.stderr);
    for (line, expected) in lines.iter().zip(&expected) {
        assert!(
            line.contains(expected.as_str()),
            "{line}\nwanted {expected}"
        );
    }
    assert!(r.stderr.ends_with("5 problems found\n"), "{}", r.stderr);
}

/// A missing path is said once: not also as a folder with no answer files in it.
#[test]
fn a_missing_path_is_one_error() {
    for command in ["classify", "check", "report"] {
        let r = run(&[command, "no-such-folder/"]);
        assert_eq!(r.code, 2, "{command}");
        assert_eq!(
            r.stderr.trim(),
            "adscheck: error: no such file or folder: no-such-folder/",
            "{command}"
        );
    }
}
