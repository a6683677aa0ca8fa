//! `adscheck check`: each rule with its place and id, every output format, settings.

use std::path::Path;

use assert_cmd::Command;
use serde_json::Value;

use crate::support::root;

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn check_in(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Run {
    let mut cmd =
        crate::support::adscheck(std::iter::once("check").chain(args.iter().copied())).at(dir);
    for (k, v) in env {
        cmd = cmd.env(k, v);
    }
    let ran = cmd.run();
    Run {
        code: ran.code.unwrap_or(-1),
        stdout: ran.stdout,
        stderr: ran.stderr,
    }
}

fn check(args: &[&str]) -> Run {
    check_in(root(), args, &[])
}

const FAILING: &str = "examples/inventory-failing";

/// (file, line, column, severity, rule) of every finding in the failing inventory.
const EXPECTED: [(&str, u32, u32, &str, &str); 8] = [
    ("basket-sensors.yaml", 10, 16, "error", "undetermined"),
    (
        "collection-route-optimization.yaml",
        6,
        34,
        "error",
        "declared-mismatch",
    ),
    (
        "overtime-spreadsheet.yaml",
        1,
        1,
        "error",
        "missing-metadata",
    ),
    (
        "overtime-spreadsheet.yaml",
        5,
        7,
        "warning",
        "no-options-ticked",
    ),
    (
        "route-optimization-copy.yaml",
        1,
        1,
        "error",
        "duplicate-tool",
    ),
    (
        "snow-plow-tracker.yaml",
        1,
        12,
        "error",
        "checklist-mismatch",
    ),
    ("snow-plow-tracker.yaml", 7, 7, "error", "invalid-answer"),
    // A settings file planted in the submission: reported, and it governs nothing.
    (".adscheck.yaml", 0, 0, "error", "nested-settings"),
];

/// `file:line:col: ` or, without a position, `file: `.
fn at(file: &str, line: u32, column: u32) -> String {
    if line == 0 {
        format!("{FAILING}/sanitation/{file}: ")
    } else {
        format!("{FAILING}/sanitation/{file}:{line}:{column}: ")
    }
}

#[test]
fn the_example_inventory_passes() {
    let r = check(&["examples/inventory"]);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    assert_eq!(
        r.stdout,
        "settings: examples/inventory/.adscheck.yaml; 1 file excluded\n\
         adscheck check: 3 files, 0 errors, 0 warnings; 0 files failed\n"
    );
}

#[test]
fn the_failing_inventory_fails_with_each_finding_on_its_line() {
    let r = check(&[FAILING]);
    assert_eq!(r.code, 1);
    let lines: Vec<&str> = r.stdout.lines().collect();
    assert_eq!(lines.len(), EXPECTED.len() + 2);
    for (line, (file, l, c, severity, rule)) in lines.iter().zip(EXPECTED) {
        let prefix = format!("{}{severity}[{rule}]: ", at(file, l, c));
        assert!(line.starts_with(&prefix), "{line}\n  expected {prefix}");
    }
    assert_eq!(
        lines[8],
        "settings: examples/inventory-failing/.adscheck.yaml; 1 file excluded"
    );
    assert_eq!(
        lines[9],
        "adscheck check: 5 files and 1 settings file, 7 errors, 1 warning; 6 files failed"
    );
    // The mismatch names both values and the answers that decide it.
    assert!(lines[1].contains(
        "declared agency_ads: no, but the checklist gives yes: ADS yes, (2)(a) yes (line 11)"
    ));
    assert!(lines[4].contains(
        "same tool as examples/inventory-failing/sanitation/collection-route-optimization.yaml"
    ));
    insta::assert_snapshot!("check_text", r.stdout);
}

#[test]
fn json_lists_every_file_and_finding() {
    let r = check(&[FAILING, "-f", "json"]);
    assert_eq!(r.code, 1);
    let v: Value = serde_json::from_str(&r.stdout).unwrap();
    // Answer files, and the planted settings file apart from them.
    assert_eq!(v["totals"]["files"], 5);
    assert_eq!(v["totals"]["settings_files"], 1);
    assert_eq!(v["totals"]["failed_files"], 6);
    assert_eq!(v["totals"]["errors"], 7);
    assert_eq!(
        v["totals"]["settings"],
        "examples/inventory-failing/.adscheck.yaml"
    );
    assert_eq!(v["totals"]["excluded"], 1);
    let found: Vec<(String, u64, String)> = v["files"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|f| {
            let file = f["file"]
                .as_str()
                .unwrap()
                .rsplit('/')
                .next()
                .unwrap()
                .to_owned();
            f["findings"]
                .as_array()
                .unwrap()
                .iter()
                .map(move |x| {
                    (
                        file.clone(),
                        x["line"].as_u64().unwrap_or(0),
                        x["rule"].as_str().unwrap().to_owned(),
                    )
                })
                .collect::<Vec<_>>()
        })
        .collect();
    let expected: Vec<(String, u64, String)> = EXPECTED
        .iter()
        .map(|e| (e.0.to_owned(), u64::from(e.1), e.4.to_owned()))
        .collect();
    assert_eq!(found, expected);
    let basket = &v["files"][0];
    assert_eq!(basket["determinations"]["agency_ads"], "undetermined");
    assert_eq!(
        v["files"][4]["determinations"],
        Value::Null,
        "an invalid file is not evaluated"
    );
}

#[test]
fn junit_has_one_case_per_file_and_parses_back() {
    let r = check(&[FAILING, "-f", "junit"]);
    assert_eq!(r.code, 1);
    let report = quick_junit::Report::deserialize_from_str(&r.stdout).unwrap();
    assert_eq!(report.tests, 6);
    assert_eq!(report.failures, 6);
    let properties: Vec<(&str, &str)> = report.test_suites[0]
        .properties
        .iter()
        .map(|p| (p.name.as_str(), p.value.as_str()))
        .collect();
    assert_eq!(
        properties,
        [
            ("settings", "examples/inventory-failing/.adscheck.yaml"),
            ("excluded", "1")
        ]
    );
    let suite = &report.test_suites[0];
    let names: Vec<&str> = suite.test_cases.iter().map(|c| c.name.as_str()).collect();
    assert!(names[0].ends_with("basket-sensors.yaml"));
    let passing = check(&["examples/inventory", "-f", "junit"]);
    assert_eq!(passing.code, 0);
    let report = quick_junit::Report::deserialize_from_str(&passing.stdout).unwrap();
    assert_eq!((report.tests, report.failures), (3, 0));
}

#[test]
fn sarif_is_valid_sarif_2_1_0_with_the_findings() {
    let r = check(&[FAILING, "-f", "sarif"]);
    assert_eq!(r.code, 1);
    let sarif: Value = serde_json::from_str(&r.stdout).unwrap();
    let schema: Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("tests/fixtures/sarif-schema-2.1.0.json")).unwrap(),
    )
    .unwrap();
    // The fixture is the OASIS schema as serde-sarif ships it, with one fix: its two `language`
    // patterns have a stray `]` that ECMA-262 regex engines reject.
    let validator = jsonschema::validator_for(&schema).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&sarif)
        .map(|e| e.to_string())
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    assert_eq!(results.len(), EXPECTED.len());
    let first = &results[0];
    assert_eq!(first["ruleId"], "undetermined");
    assert_eq!(first["level"], "error");
    let location = &first["locations"][0]["physicalLocation"];
    assert_eq!(
        location["artifactLocation"]["uri"],
        "examples/inventory-failing/sanitation/basket-sensors.yaml"
    );
    assert_eq!(location["region"]["startLine"], 10);
    assert_eq!(location["region"]["startColumn"], 16);
    assert_eq!(results[3]["level"], "warning");
    let properties = &sarif["runs"][0]["properties"];
    assert_eq!(
        properties["settings"],
        "examples/inventory-failing/.adscheck.yaml"
    );
    assert_eq!(properties["excluded"], 1);
    let rules: Vec<&str> = sarif["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    for (.., rule) in EXPECTED {
        assert!(rules.contains(&rule), "rule {rule} is described");
    }
}

#[test]
fn github_annotations_and_step_summary() {
    let dir = tempfile::tempdir().unwrap();
    let summary = dir.path().join("summary.md");
    let r = check_in(
        root(),
        &[FAILING],
        &[
            ("GITHUB_ACTIONS", "true"),
            ("GITHUB_STEP_SUMMARY", summary.to_str().unwrap()),
        ],
    );
    assert_eq!(r.code, 1);
    let first = r.stdout.lines().next().unwrap();
    assert_eq!(
        first,
        "::error file=examples/inventory-failing/sanitation/basket-sensors.yaml,line=10,col=16,\
         title=adscheck undetermined::Agency ADS undetermined: (2)(b) is unsure; answer yes or no \
         (or set allow-undetermined)"
    );
    assert!(r.stdout.contains("::warning file=examples/inventory-failing/sanitation/overtime-spreadsheet.yaml,line=5,col=7,"));
    let summary = std::fs::read_to_string(&summary).unwrap();
    assert!(summary.starts_with(
        "### adscheck check: 5 files and 1 settings file, 7 errors, 1 warning; 6 files failed"
    ));
    assert!(summary.contains("| File | Tool | Agency | Determinations | Findings |"));
    // Markdown source: `_` escaped, so a value cannot turn on emphasis (it renders as `_`).
    assert!(summary.contains("ads: yes, agency\\_ads: undetermined"));
    // Without GITHUB_ACTIONS, auto is text.
    assert!(check(&[FAILING]).stdout.starts_with("examples/"));
}

/// Issue 28: `-f github` with `GITHUB_STEP_SUMMARY` writes the job summary, as the guide
/// says, whether or not GITHUB_ACTIONS is set; another format writes none.
#[test]
fn the_job_summary_follows_the_github_format() {
    let dir = tempfile::tempdir().unwrap();
    let summary = dir.path().join("summary.md");
    let env = [("GITHUB_STEP_SUMMARY", summary.to_str().unwrap())];
    let r = check_in(root(), &[FAILING, "-f", "github"], &env);
    assert_eq!(r.code, 1);
    assert!(r.stdout.starts_with("::error file="), "{}", r.stdout);
    let written = std::fs::read_to_string(&summary).unwrap();
    assert!(
        written.starts_with("### adscheck check: 5 files and 1 settings file"),
        "{written}"
    );
    std::fs::remove_file(&summary).unwrap();
    let r = check_in(root(), &[FAILING, "-f", "json"], &env);
    assert_eq!(r.code, 1);
    assert!(!summary.exists(), "a json run wrote a job summary");
}

fn write(dir: &Path, name: &str, text: &str) {
    let path = dir.join(name);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

const UNDETERMINED: &str =
    "tool: {name: A, agency: B}\nanswers: {1a: yes, 1b: yes, 1c: yes, 2a: yes, 2b: unsure}\n";

#[test]
fn settings_are_found_by_walking_up_and_can_be_overridden() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "repo/.adscheck.yaml",
        "allow-undetermined: true\n",
    );
    write(dir.path(), "repo/agency/year/tool.yaml", UNDETERMINED);
    let r = check_in(dir.path(), &["repo/agency/year/tool.yaml"], &[]);
    assert_eq!(
        r.code, 0,
        "settings two folders up allow undetermined: {}",
        r.stdout
    );
    // Without settings, undetermined fails; --allow-undetermined lets it pass.
    let plain = tempfile::tempdir().unwrap();
    write(plain.path(), "tool.yaml", UNDETERMINED);
    assert_eq!(check_in(plain.path(), &["tool.yaml"], &[]).code, 1);
    assert_eq!(
        check_in(plain.path(), &["tool.yaml", "--allow-undetermined"], &[]).code,
        0
    );
    // --config names the settings explicitly.
    write(dir.path(), "strict.yaml", "allow-undetermined: false\n");
    let r = check_in(dir.path(), &["repo", "--config", "strict.yaml"], &[]);
    assert_eq!(r.code, 1);
}

#[test]
fn unknown_or_bad_settings_are_errors_with_their_place() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        ".adscheck.yaml",
        "allow-undetermined: true\nfail_on: warning\n",
    );
    write(dir.path(), "tool.yaml", UNDETERMINED);
    let r = check_in(dir.path(), &["."], &[]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr
            .contains(".adscheck.yaml:2:1: error[unknown-field]: unknown field `fail_on`"),
        "{}",
        r.stderr
    );
    write(dir.path(), ".adscheck.yaml", "exclude: ['drafts/[']\n");
    let r = check_in(dir.path(), &["."], &[]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr
            .contains(".adscheck.yaml:1:11: error[wrong-type]: bad glob `drafts/[`"),
        "{}",
        r.stderr
    );
    write(dir.path(), ".adscheck.yaml", "fail-on: sometimes\n");
    let r = check_in(dir.path(), &["."], &[]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains(".adscheck.yaml:1:10"), "{}", r.stderr);
}

#[test]
fn include_exclude_and_fail_on_warning() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        ".adscheck.yaml",
        "exclude: ['drafts/**']\nrequired-tool-fields: [name]\n",
    );
    write(dir.path(), "drafts/wip.yaml", "answers: {1a: maybe}\n");
    write(
        dir.path(),
        "ok.yaml",
        "tool: {name: A}\nanswers: {1a: yes}\n",
    );
    let r = check_in(dir.path(), &["."], &[]);
    // 1a is yes with no options: a warning, and the check is otherwise undetermined -> error.
    assert_eq!(r.code, 1);
    assert!(
        !r.stdout.contains("wip.yaml"),
        "drafts are excluded:\n{}",
        r.stdout
    );
    write(
        dir.path(),
        "ok.yaml",
        "tool: {name: A}\nanswers: {1a: {answer: yes}, 1b: no}\n",
    );
    let r = check_in(dir.path(), &["."], &[]);
    assert_eq!(r.code, 0, "warnings alone pass: {}", r.stdout);
    assert!(r.stdout.contains("warning[no-options-ticked]"));
    let r = check_in(dir.path(), &[".", "--fail-on", "warning"], &[]);
    assert_eq!(r.code, 1);
    write(
        dir.path(),
        ".adscheck.yaml",
        "exclude: ['drafts/**']\nrequired-tool-fields: [name]\nfail-on: warning\n",
    );
    assert_eq!(check_in(dir.path(), &["."], &[]).code, 1);
}

#[test]
fn hidden_folders_are_not_answer_files() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        ".github/workflows/ci.yml",
        "on: push\njobs: {}\n",
    );
    write(
        dir.path(),
        "tool.yaml",
        "tool: {name: A, agency: B}\nanswers: {1a: no}\n",
    );
    let r = check_in(dir.path(), &["."], &[]);
    assert_eq!(r.code, 0, "{}", r.stdout);
    assert!(r.stdout.contains("1 file,"));
}

#[test]
fn output_order_is_the_same_on_every_run() {
    // More files than one parallel chunk, in nested folders.
    let dir = tempfile::tempdir().unwrap();
    for i in 0..2100 {
        let answer = ["yes", "no", "unsure"][i % 3];
        write(
            dir.path(),
            &format!("a{}/t{i:04}.yaml", i % 7),
            &format!("tool: {{name: T{i}, agency: A}}\nanswers: {{1a: {answer}}}\n"),
        );
    }
    let classify = |dir: &Path| {
        let output = Command::cargo_bin("adscheck")
            .unwrap()
            .current_dir(dir)
            .args(["classify", "-f", "jsonl", "."])
            .output()
            .unwrap();
        String::from_utf8(output.stdout).unwrap()
    };
    let first = classify(dir.path());
    let files: Vec<String> = first
        .lines()
        .map(|l| {
            serde_json::from_str::<Value>(l).unwrap()["file"]
                .as_str()
                .unwrap()
                .to_owned()
        })
        .collect();
    assert_eq!(files.len(), 2100);
    let mut sorted = files.clone();
    sorted.sort_by(|a, b| Path::new(a).cmp(Path::new(b)));
    assert_eq!(files, sorted, "results come in path order");
    for _ in 0..2 {
        assert_eq!(classify(dir.path()), first);
    }
    let check_a = check_in(dir.path(), &["."], &[]).stdout;
    assert_eq!(check_in(dir.path(), &["."], &[]).stdout, check_a);
}

#[test]
fn required_fields_need_real_values_and_duplicates_see_through_disguises() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join(".git")).unwrap();
    write(
        dir.path(),
        ".adscheck.yaml",
        "required-tool-fields: [name, agency, owners, public]\n",
    );
    let bad = [
        ("empty-list.yaml", "name: []"),
        ("mapping.yaml", "name: {}"),
        ("boolean-name.yaml", "name: true"),
        ("number.yaml", "name: 42"),
        ("invisible.yaml", "name: \"\\u200b\\u2060 \""),
    ];
    for (file, name) in bad {
        write(
            dir.path(),
            file,
            &format!(
                "tool: {{{name}, agency: A, owners: [x], public: false}}\nanswers: {{1a: no}}\n"
            ),
        );
    }
    write(
        dir.path(),
        "good.yaml",
        "tool: {name: Fire Risk Model, agency: A, owners: ['', Pat], public: false}\nanswers: {1a: no}\n",
    );
    let r = check_in(dir.path(), &["-f", "json", "."], &[]);
    let v: Value = serde_json::from_str(&r.stdout).unwrap();
    for f in v["files"].as_array().unwrap() {
        let file = f["file"].as_str().unwrap();
        let rules: Vec<&str> = f["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|x| x["rule"].as_str().unwrap())
            .collect();
        if file.ends_with("good.yaml") {
            assert!(rules.is_empty(), "{file}: {rules:?}");
        } else {
            assert_eq!(rules, ["missing-metadata"], "{file}");
        }
    }
    // The same tool under disguised names is a duplicate.
    let dup = tempfile::tempdir().unwrap();
    for (i, name) in [
        "Fire Risk Model",
        "ＦＩＲＥ ＲＩＳＫ ＭＯＤＥＬ",
        "Fire\u{200b} Risk Model",
        "Fire Risk Mode\u{301}l",
    ]
    .iter()
    .enumerate()
    {
        write(
            dup.path(),
            &format!("t{i}.yaml"),
            &format!(
                "tool: {{name: {}, agency: Fire Department}}\nanswers: {{1a: no}}\n",
                serde_json::to_string(name).unwrap()
            ),
        );
    }
    let r = check_in(dup.path(), &["."], &[]);
    assert_eq!(r.code, 1);
    assert_eq!(
        r.stdout.matches("error[duplicate-tool]").count(),
        3,
        "{}",
        r.stdout
    );
}

#[test]
fn settings_take_the_answer_files_yes_and_no_and_suggest_values() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "tool.yaml", UNDETERMINED);
    for (yes, code) in [("yes", 0), ("Yes", 0), ("true", 0), ("no", 1), ("NO", 1)] {
        write(
            dir.path(),
            ".adscheck.yaml",
            &format!("allow-undetermined: {yes}\n"),
        );
        let r = check_in(dir.path(), &["."], &[]);
        assert_eq!(r.code, code, "{yes}: {}{}", r.stdout, r.stderr);
    }
    write(dir.path(), ".adscheck.yaml", "allow-undetermined: maybe\n");
    let r = check_in(dir.path(), &["."], &[]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains(".adscheck.yaml:1:21: error"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("allowed: yes, no"), "{}", r.stderr);
    write(dir.path(), ".adscheck.yaml", "fail-on: warnings\n");
    let r = check_in(dir.path(), &["."], &[]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("did you mean `warning`?"), "{}", r.stderr);
}

/// Issue 24: a tool nobody assessed (no question answered) is named as such, never as
/// "undetermined"; an error where undetermined results fail, a warning where they pass, and an
/// error again where the settings require assessment.
#[test]
fn a_tool_with_no_answer_is_not_yet_assessed() {
    use crate::support::{adscheck, files};
    let dir = files(&[
        (".git/HEAD", ""),
        (
            "inv/new.yaml",
            "tool: {name: New, agency: DOT}\nanswers:\n  1a:\n",
        ),
        (
            "inv/open.yaml",
            "tool: {name: Open, agency: DOT}\nanswers: {1a: unsure}\n",
        ),
        (
            "inv/done.yaml",
            "tool: {name: Done, agency: DOT}\nanswers: {1a: no}\n",
        ),
    ]);
    let at = dir.path();
    let ran = adscheck(["check", "inv"]).at(at).run();
    ran.code(1)
        .stdout_has("inv/new.yaml:1:1: error[not-assessed]: not yet assessed")
        .stdout_has("inv/open.yaml")
        .stdout_has("error[undetermined]");
    assert!(
        !ran.stdout.contains("new.yaml:1:1: error[undetermined]"),
        "{}",
        ran.stdout
    );
    let ran = adscheck(["check", "inv", "--allow-undetermined"])
        .at(at)
        .run();
    ran.code(0).stdout_has("warning[not-assessed]");
    std::fs::write(
        at.join(".adscheck.yaml"),
        "allow-undetermined: yes\nrequire-assessment: yes\n",
    )
    .unwrap();
    adscheck(["check", "inv"])
        .at(at)
        .run()
        .code(1)
        .stdout_has("error[not-assessed]");
    // classify says how far each is, in every machine format.
    let ran = adscheck(["classify", "-f", "json", "inv"]).at(at).run();
    let results: serde_json::Value = serde_json::from_str(&ran.stdout).unwrap();
    let by_file: Vec<(String, String)> = results
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["file"].as_str().unwrap().to_owned(),
                r["assessment"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    assert_eq!(
        by_file,
        [
            ("inv/done.yaml".to_owned(), "complete".to_owned()),
            ("inv/new.yaml".to_owned(), "not started".to_owned()),
            ("inv/open.yaml".to_owned(), "in progress".to_owned()),
        ]
    );
    let csv = adscheck(["classify", "-f", "csv", "inv/new.yaml"])
        .at(at)
        .run()
        .stdout;
    let records = crate::ll35::records(&csv);
    let column = records[0].iter().position(|c| c == "assessment").unwrap();
    assert_eq!(records[1][column], "not started");
}

/// Issue 25: an agency adscheck does not know, close to one it does, is named with the one it
/// is close to (the summary would otherwise count "Fire Dept." as an agency of its own); a
/// known agency in any spelling, and a name close to none, are left alone.
#[test]
fn an_agency_close_to_a_known_one_is_named() {
    use crate::support::{adscheck, files};
    let dir = files(&[
        (".git/HEAD", ""),
        (
            "inv/a.yaml",
            "tool: {name: A, agency: \"Fire Dept.\"}\nanswers: {1a: no}\n",
        ),
        (
            "inv/b.yaml",
            "tool: {name: B, agency: \"NYC Fire Department\"}\nanswers: {1a: no}\n",
        ),
        (
            "inv/c.yaml",
            "tool: {name: C, agency: \"FDNY\"}\nanswers: {1a: no}\n",
        ),
        (
            "inv/d.yaml",
            "tool: {name: D, agency: \"Office of Magic\"}\nanswers: {1a: no}\n",
        ),
    ]);
    let ran = adscheck(["check", "inv"]).at(dir.path()).run();
    ran.code(0).stdout_has(
        "inv/a.yaml:1:17: warning[unknown-agency]: `tool.agency` is `Fire Dept.`, which adscheck \
         does not know as an NYC agency: did you mean Fire Department (FDNY)?",
    );
    assert_eq!(
        ran.stdout.matches("unknown-agency").count(),
        1,
        "{}",
        ran.stdout
    );
}
