//! Records that last: stamps written and read back, and re-checks against a revised checklist.

use std::path::{Path, PathBuf};

use crate::support::root;

fn adscheck(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let ran = crate::support::adscheck(args).at(dir).run();
    (ran.code.unwrap_or(-1), ran.stdout, ran.stderr)
}

/// The LL49 checklist revised: a question added (2c), one reworded (1b), one removed (1c),
/// and so the ADS and Agency ADS rules changed.
fn revised(dir: &Path) -> PathBuf {
    let mut s = std::fs::read_to_string(root().join("checklists/nyc-ll49-2018.yaml")).unwrap();
    s = s.replace(&crate::support::builtin_version_line(), "version: 2.0.0");
    s = s.replace("      - {words: decisions, clarified_by: 1c}\n", "");
    s = s.replace(
        "        - question: 1b\n        - question: 1c\n",
        "        - question: 1b\n",
    );
    s = s.replace(
        "        - question: 2b\n",
        "        - question: 2b\n        - question: 2c\n",
    );
    s = s.replace(
        "    text: Is it a computerized implementation of an algorithm?",
        "    text: Is it a computerized implementation of an algorithm, in whole or in part?",
    );
    let (i, j) = (
        s.find("  - id: 1c\n").unwrap(),
        s.find("  - id: 2a\n").unwrap(),
    );
    s.replace_range(i..j, "");
    s = s.replace(
        "  - id: 2b\n    number: (2)(b)",
        "  - id: 2c\n    number: (2)(c)\n    part_of: agency_ads\n    source: form\n    text: Is it used in production?\n  - id: 2b\n    number: (2)(b)",
    );
    s.truncate(s.find("\ntests:\n").unwrap() + 1);
    let path = dir.join("revised.yaml");
    std::fs::write(&path, s).unwrap();
    path
}

fn copy_examples(dir: &Path, names: &[&str]) {
    std::fs::create_dir_all(dir.join("answers")).unwrap();
    for name in names {
        std::fs::copy(
            root().join("examples/answers").join(name),
            dir.join("answers").join(name),
        )
        .unwrap();
    }
}

#[test]
fn stamp_writes_what_classify_reads_back() {
    let dir = tempfile::tempdir().unwrap();
    copy_examples(
        dir.path(),
        &[
            "fire-inspection-risk-model.yaml",
            "budget-tracking-spreadsheet.yaml",
        ],
    );
    let (code, out, err) = adscheck(
        dir.path(),
        &["stamp", "--by", "Pat Lee, analyst", "answers"],
    );
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        out,
        "answers/budget-tracking-spreadsheet.yaml: stamped\nanswers/fire-inspection-risk-model.yaml: stamped\n"
    );
    let text = std::fs::read_to_string(dir.path().join("answers/fire-inspection-risk-model.yaml"))
        .unwrap();
    let builtin = adscheck::Checklist::builtin().unwrap();
    assert!(
        text.contains(&format!("    sha256: \"{}\"\n", builtin.sha256)),
        "{text}"
    );
    assert!(text.contains("stamps:\n  - event: answered\n"));
    assert!(text.contains("    version: \"1.2.0\"\n    sha256"));
    assert!(text.contains("    by: \"Pat Lee, analyst\"\n"));
    let parsed =
        adscheck::AnswerFile::parse("f", &text, adscheck::document::Format::Yaml, &builtin)
            .unwrap();
    let stamp = parsed.stamp().unwrap();
    assert_eq!(
        (stamp.checklist.as_str(), stamp.adscheck.as_str()),
        ("nyc-ll49-2018", env!("CARGO_PKG_VERSION"))
    );
    assert!(
        stamp.at.starts_with("20") && stamp.at.ends_with('Z'),
        "{}",
        stamp.at
    );
    // The answers are unchanged: same determinations, and no warning under the same checklist.
    let (code, out, err) = adscheck(dir.path(), &["classify", "-f", "json", "answers"]);
    assert_eq!(code, 0);
    assert!(!err.contains("stamp-mismatch"), "{err}");
    assert!(out.contains("\"agency_ads\": \"yes\""));
    // Under a revised checklist, classify warns where the stamp is (the spreadsheet file has no
    // answer to the question the revision removed, so it still reads).
    let revised = revised(dir.path());
    let file = "answers/budget-tracking-spreadsheet.yaml";
    let args = [
        "classify",
        "--checklist",
        revised.to_str().unwrap(),
        "-f",
        "jsonl",
        file,
    ];
    let (_, out, _) = adscheck(dir.path(), &args);
    let v: serde_json::Value = serde_json::from_str(out.trim()).unwrap();
    let warning = v["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|w| w["kind"] == "stamp-mismatch")
        .unwrap();
    assert!(
        warning["message"]
            .as_str()
            .unwrap()
            .contains("version 1.2.0"),
        "{warning}"
    );
    assert!(warning["line"].as_u64().is_some());
}

#[test]
fn recheck_against_a_revised_checklist_says_what_changed() {
    let dir = tempfile::tempdir().unwrap();
    copy_examples(
        dir.path(),
        &[
            "fire-inspection-risk-model.yaml",
            "website-machine-translation.yaml",
            "budget-tracking-spreadsheet.yaml",
        ],
    );
    let revised = revised(dir.path());
    let against = revised.to_str().unwrap();
    // Without a stamp, a file is read under the built-in checklist, saying so (its own rule
    // id, not stamp-mismatch).
    let (code, unstamped, err) =
        adscheck(dir.path(), &["recheck", "--against", against, "answers"]);
    assert_eq!(code, 1);
    assert!(
        err.contains("note[missing-stamp]: no stamp says which version of `nyc-ll49-2018`"),
        "{err}"
    );
    assert!(!err.contains("stamp-mismatch"), "{err}");
    // A file whose checklist is not built in cannot be placed: an error, with --from.
    std::fs::write(
        dir.path().join("answers/other.yaml"),
        "checklist: someone-elses\nanswers: {}\n",
    )
    .unwrap();
    let (_, _, err) = adscheck(dir.path(), &["recheck", "--against", against, "answers"]);
    assert!(
        err.contains("answers/other.yaml: error[missing-stamp]") && err.contains("--from FILE"),
        "{err}"
    );
    std::fs::remove_file(dir.path().join("answers/other.yaml")).unwrap();
    // Stamped files find their checklist themselves (here: the built-in one).
    assert_eq!(
        adscheck(dir.path(), &["stamp", "--by", "Pat", "answers"]).0,
        0
    );
    let (code, out, _) = adscheck(dir.path(), &["recheck", "--against", against, "answers"]);
    assert_eq!(code, 1, "a determination changed: {out}");
    let unlined = |t: &str| {
        t.lines()
            .map(|l| l.split(" (line ").next().unwrap_or(l).to_owned())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        unlined(&out),
        unlined(&unstamped),
        "the same report as read under the built-in checklist (the stamps moved lines)"
    );
    let expected = "\
answers/budget-tracking-spreadsheet.yaml: determinations unchanged
  reworded question, review the answer: (1)(b) Is it a computerized implementation of an algorithm, in whole or in part? [1b]
answers/fire-inspection-risk-model.yaml: agency_ads yes -> undetermined
  reworded question, review the answer: (1)(b) Is it a computerized implementation of an algorithm, in whole or in part? [1b]
  new question, needs an answer: (2)(c) Is it used in production? [2c]
  answer to a question that no longer exists: 1c (line 34)
answers/website-machine-translation.yaml: ads no -> yes, agency_ads no -> undetermined
  reworded question, review the answer: (1)(b) Is it a computerized implementation of an algorithm, in whole or in part? [1b]
  new question, needs an answer: (2)(c) Is it used in production? [2c]
  answer to a question that no longer exists: 1c (line 28)
adscheck recheck: 3 files, 2 with changed determinations, 0 not rechecked
";
    assert_eq!(out, expected);
    // --from names the old checklist explicitly; the same report.
    let old = root().join("checklists/nyc-ll49-2018.yaml");
    let (_, from_out, _) = adscheck(
        dir.path(),
        &[
            "recheck",
            "--against",
            against,
            "--from",
            old.to_str().unwrap(),
            "answers",
        ],
    );
    assert_eq!(from_out, expected);
    // Against the same checklist nothing changes: exit 0.
    let (code, out, _) = adscheck(
        dir.path(),
        &["recheck", "--against", old.to_str().unwrap(), "answers"],
    );
    assert_eq!(code, 0, "{out}");
    assert!(out.ends_with("3 files, 0 with changed determinations, 0 not rechecked\n"));
}

/// Regression (issue 21): "answered under another version" had two rules; `classify` and the
/// summary passed over a file last answered under another checklist altogether, while `stamp`
/// refused it. One rule now: any latest entry not made under the checklist in use.
#[test]
fn a_file_answered_under_another_checklist_is_answered_elsewhere_for_every_command() {
    let stamp = "stamps:\n  - {event: answered, checklist: other-checklist, version: 9.0.0, \
                 sha256: abc, adscheck: 0.1.0, at: \"2024-11-20T15:00:00Z\"}\n";
    let dir = crate::support::files(&[(
        "t.yaml",
        &format!(
            "tool: {{name: A, agency: FDNY}}\n{stamp}answers: {{1a: yes, 1b: yes, 1c: yes, \
             2a: yes, 2b: yes}}\n"
        ),
    )]);
    let at = dir.path();
    crate::support::adscheck(["classify", "--explain", "t.yaml"])
        .at(at)
        .run()
        .stderr_has(
            "answered under checklist `other-checklist` version 9.0.0 (sha256 abc), evaluated \
             under checklist `nyc-ll49-2018` version",
        );
    let ran = crate::support::adscheck(["report", "t.yaml", "-f", "json"])
        .at(at)
        .run();
    let json: serde_json::Value = serde_json::from_str(&ran.stdout).unwrap();
    assert_eq!(json["totals"]["stale"], 1, "{}", ran.stdout);
    crate::support::adscheck(["stamp", "t.yaml", "--by", "Pat"])
        .at(at)
        .run()
        .code(1)
        .stderr_has("not the one in use now");
}
