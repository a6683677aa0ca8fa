//! Values and file names that try to take over what people and machines read: terminal control
//! sequences, forged lines, spreadsheet formulas, Markdown and HTML, characters XML forbids,
//! URI delimiters. Every human format and diagnostic shows them escaped; machine formats stay
//! exact (JSON) or well-formed (XML, SARIF); CSV neutralises formulas unless told not to.

use std::path::Path;
use std::process::Command;

const NASTY_NAME: &str = "=HYPERLINK(\"http://x\",\"click\") \u{1b}[2J\u{1b}]0;owned\u{7}";
const NASTY_AGENCY: &str =
    "@SUM(A1) <script>alert(1)</script> [x](javascript:alert(1)) \u{202e}cba\u{200b}";

/// The characters that must never reach a terminal or a line-based format as they are.
fn raw_controls(text: &str) -> Vec<char> {
    text.chars()
        .filter(|&c| {
            (c.is_control() && c != '\n')
                || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200b}' | '\u{fffe}')
        })
        .collect()
}

fn workspace() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join(".git")).unwrap();
    let tool = format!(
        "tool:\n  name: {}\n  agency: {}\n  note: \"line\\nx.yaml:1:1: error[forged]: fake\\n::stop-commands::x\"\n",
        serde_json::to_string(NASTY_NAME).unwrap(),
        serde_json::to_string(NASTY_AGENCY).unwrap(),
    );
    let good = format!(
        "{tool}answers:\n  1a: {{answer: yes, note: \"a note\\u001b[31m red\\nsecond line\"}}\n  1b: no\n"
    );
    std::fs::write(dir.path().join("evil \u{1b}[31m#x?%:.yaml"), &good).unwrap();
    // A file name with a line break and a forged CI command, and a bad value with one too.
    let bad = format!(
        "{tool}answers:\n  1a: \"maybe\\nforged.yaml:9:9: error[fake]: injected\\n::stop-commands::y\"\n"
    );
    std::fs::write(dir.path().join("two\nlines\u{fffe}.yaml"), &bad).unwrap();
    dir
}

fn run(dir: &Path, args: &[&str]) -> (Option<i32>, String, String) {
    let ran = crate::support::adscheck(args).at(dir).run();
    (ran.code, ran.stdout, ran.stderr)
}

#[test]
fn human_formats_and_diagnostics_show_control_characters_escaped() {
    let dir = workspace();
    for args in [
        vec!["classify", "-f", "table", "--color", "never", "."],
        vec!["classify", "--explain", "--color", "never", "."],
        vec!["check", "-f", "text", "."],
        vec!["check", "-f", "github", "."],
    ] {
        let (code, stdout, stderr) = run(dir.path(), &args);
        assert_eq!(code, Some(1), "{args:?}");
        assert_eq!(
            raw_controls(&stdout),
            Vec::<char>::new(),
            "{args:?}: {stdout}"
        );
        assert_eq!(
            raw_controls(&stderr),
            Vec::<char>::new(),
            "{args:?}: {stderr}"
        );
        for line in stdout.lines().chain(stderr.lines()) {
            assert!(
                !line.starts_with("forged.yaml"),
                "{args:?}: forged line {line}"
            );
            assert!(
                !line.starts_with("::stop-commands"),
                "{args:?}: forged command {line}"
            );
            assert!(
                !line.starts_with("lines"),
                "{args:?}: a file name split a line: {line}"
            );
        }
        assert!(
            stdout.contains("\\u{1b}[") || stderr.contains("\\u{1b}["),
            "{args:?}: escapes are visible"
        );
    }
    // Every diagnostic line begins with the file it is about.
    let (_, stdout, _) = run(dir.path(), &["check", "-f", "text", "."]);
    for line in stdout.lines() {
        assert!(
            line.starts_with("./")
                || line.starts_with("settings:")
                || line.starts_with("adscheck check:"),
            "{line}"
        );
    }
}

#[test]
fn csv_neutralises_formulas_unless_raw() {
    let dir = workspace();
    let (_, stdout, _) = run(dir.path(), &["classify", "-f", "csv", "."]);
    let mut reader = csv::Reader::from_reader(stdout.as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 2);
    for row in &rows {
        for cell in row {
            assert!(
                !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "a cell a spreadsheet would run: {cell:?}"
            );
        }
    }
    assert!(rows.iter().any(|r| r[2] == format!("'{NASTY_NAME}")));
    assert!(rows.iter().any(|r| r[3] == format!("'{NASTY_AGENCY}")));
    let (_, raw, _) = run(dir.path(), &["classify", "-f", "csv", "--csv-raw", "."]);
    let mut reader = csv::Reader::from_reader(raw.as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert!(rows.iter().any(|r| &r[2] == NASTY_NAME));
}

#[test]
fn markdown_and_the_job_summary_escape_markup() {
    let dir = workspace();
    let (_, stdout, _) = run(dir.path(), &["classify", "-f", "markdown", "."]);
    let summary = dir.path().join("summary.md");
    let output = Command::new(env!("CARGO_BIN_EXE_adscheck"))
        .args(["check", "."])
        .current_dir(dir.path())
        .env("GITHUB_ACTIONS", "true")
        .env("GITHUB_STEP_SUMMARY", &summary)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let summary = std::fs::read_to_string(&summary).unwrap();
    for text in [&stdout, &summary] {
        assert!(!text.contains("<script>"), "{text}");
        assert!(!text.contains(" [x](javascript:"), "{text}");
        assert!(text.contains("&lt;script&gt;"), "{text}");
        assert!(text.contains("\\[x\\]"), "{text}");
        assert_eq!(raw_controls(text), Vec::<char>::new(), "{text}");
        // Every table row stays one line.
        for line in text.lines().filter(|l| l.starts_with('|')) {
            assert!(line.ends_with('|'), "a row was split: {line}");
        }
    }
}

#[test]
fn machine_formats_stay_exact_and_well_formed() {
    let dir = workspace();
    // JSON Lines: byte-exact values.
    let (_, stdout, _) = run(dir.path(), &["classify", "-f", "jsonl", "."]);
    let names: Vec<String> = stdout
        .lines()
        .filter_map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            v["tool"]["name"].as_str().map(str::to_owned)
        })
        .collect();
    assert_eq!(names, [NASTY_NAME]);
    // JUnit: well-formed XML although a file name has U+FFFE.
    let (_, junit, _) = run(dir.path(), &["check", "-f", "junit", "."]);
    let report = quick_junit::Report::deserialize_from_str(&junit).unwrap();
    assert_eq!(report.tests, 2);
    assert!(!junit.contains('\u{fffe}'));
    // SARIF: artifact URIs percent-encoded.
    let (_, sarif, _) = run(dir.path(), &["check", "-f", "sarif", "."]);
    let sarif: serde_json::Value = serde_json::from_str(&sarif).unwrap();
    let uris: Vec<&str> = sarif["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                .as_str()
                .unwrap()
        })
        .collect();
    assert!(
        uris.contains(&"evil%20%1B%5B31m%23x%3F%25%3A.yaml"),
        "{uris:?}"
    );
    for uri in uris {
        assert!(!uri.contains(['#', '?', ' ', '\n']), "{uri}");
    }
}

#[test]
fn a_file_that_is_no_answer_file_is_not_quoted() {
    let dir = tempfile::tempdir().unwrap();
    let secret = "root:$6$secrethash:19000:0:99999:7:::\ndaemon:*:19000:0:99999:7:::\n";
    std::fs::write(dir.path().join("shadow.yaml"), secret).unwrap();
    let (code, stdout, stderr) = run(dir.path(), &["classify", "-f", "jsonl", "shadow.yaml"]);
    assert_eq!(code, Some(1));
    assert!(
        !stdout.contains("secrethash") && !stderr.contains("secrethash"),
        "{stderr}"
    );
    assert_eq!(
        stderr.lines().count(),
        2,
        "one error, then the summary: {stderr}"
    );
    // A long wrong value is quoted as a short excerpt.
    let long = "x".repeat(5_000);
    std::fs::write(
        dir.path().join("long.yaml"),
        format!("answers: {{1a: {long}}}\n"),
    )
    .unwrap();
    let (_, _, stderr) = run(dir.path(), &["classify", "-f", "jsonl", "long.yaml"]);
    assert!(stderr.len() < 400, "{stderr}");
}

#[test]
fn interview_resume_shows_a_hostile_file_name_escaped() {
    let dir = workspace();
    // The file whose answer is not valid cannot be resumed: the message names it, escaped.
    let (code, out, err) = run(
        dir.path(),
        &[
            "interview",
            "--plain",
            "--resume",
            "two\nlines\u{fffe}.yaml",
        ],
    );
    assert_eq!(code, Some(2), "{out}\n{err}");
    assert!(
        err.contains("cannot be resumed until these are fixed"),
        "{err}"
    );
    assert!(raw_controls(&err).is_empty(), "{err:?}");
    assert!(raw_controls(&out).is_empty(), "{out:?}");
}
