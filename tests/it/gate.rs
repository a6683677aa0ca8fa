//! The CI gate cannot be switched off from inside a submission: one settings file governs a
//! run, planted ones are errors, the walk for settings stops at the repository root, a
//! checklist named in settings stays inside the repository, and every read is bounded.

use std::path::Path;
use std::time::Duration;

use assert_cmd::Command;

const UNDETERMINED: &str =
    "tool: {name: A, agency: B}\nanswers: {1a: yes, 1b: yes, 1c: yes, 2a: yes, 2b: unsure}\n";
const INVALID: &str = "tool: {name: C, agency: B}\nanswers: {1a: maybe}\n";

fn write(dir: &Path, name: &str, text: &str) {
    let path = dir.join(name);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

fn adscheck(dir: &Path, args: &[&str]) -> Run {
    let output = Command::cargo_bin("adscheck")
        .unwrap()
        .current_dir(dir)
        .env_remove("GITHUB_ACTIONS")
        .args(args)
        .timeout(Duration::from_secs(20))
        .output()
        .unwrap();
    Run {
        code: output.status.code(),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

/// A repository (with `.git`) holding a top settings file and two answer files.
fn repository() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join(".git")).unwrap();
    write(dir.path(), ".adscheck.yaml", "fail-on: error\n");
    write(
        dir.path(),
        "agency/ok.yaml",
        "tool: {name: OK, agency: B}\nanswers: {1a: no}\n",
    );
    dir
}

#[test]
fn a_planted_settings_file_cannot_switch_the_gate_off() {
    for planted in [
        "exclude: ['**']\n",
        "allow-undetermined: true\n",
        "required-tool-fields: []\n",
        "checklist: mine.yaml\n",
    ] {
        let dir = repository();
        write(dir.path(), "agency/sub/.adscheck.yaml", planted);
        write(dir.path(), "agency/sub/bad.yaml", INVALID);
        write(dir.path(), "agency/sub/open.yaml", UNDETERMINED);
        write(dir.path(), "agency/sub/mine.yaml", "not: a checklist\n");
        for target in [".", "agency", "agency/sub"] {
            let r = adscheck(dir.path(), &["check", target]);
            assert_eq!(r.code, Some(1), "{planted} in {target}: {}", r.stdout);
            assert!(
                r.stdout.contains(
                    "agency/sub/.adscheck.yaml: error[nested-settings]: a settings file inside \
                     the checked tree"
                ),
                "{planted} in {target}: {}",
                r.stdout
            );
            assert!(r.stdout.contains("bad.yaml:2:"), "{}", r.stdout);
            assert!(r.stdout.contains("error[undetermined]"), "{}", r.stdout);
        }
        let r = adscheck(dir.path(), &["check", "-f", "json", "."]);
        let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
        assert_eq!(v["totals"]["settings"], ".adscheck.yaml");
    }
}

#[test]
fn the_topmost_settings_govern_and_the_walk_stops_at_the_repository() {
    // Settings above the repository root are not the repository's.
    let outer = tempfile::tempdir().unwrap();
    write(outer.path(), ".adscheck.yaml", "allow-undetermined: true\n");
    std::fs::create_dir_all(outer.path().join("repo/.git")).unwrap();
    write(outer.path(), "repo/tool.yaml", UNDETERMINED);
    let r = adscheck(outer.path(), &["check", "repo"]);
    assert_eq!(r.code, Some(1), "{}", r.stdout);
    assert!(
        r.stdout.contains("settings: none (the defaults)"),
        "{}",
        r.stdout
    );

    // Within the repository the topmost file governs, even for a file checked alone below a
    // folder with settings of its own (which, outside the checked tree, governs nothing).
    let dir = repository();
    write(dir.path(), ".adscheck.yaml", "allow-undetermined: false\n");
    write(
        dir.path(),
        "agency/.adscheck.yaml",
        "allow-undetermined: true\n",
    );
    write(dir.path(), "agency/year/tool.yaml", UNDETERMINED);
    let r = adscheck(dir.path(), &["check", "agency/year/tool.yaml"]);
    assert_eq!(r.code, Some(1), "{}", r.stdout);
    assert!(
        r.stdout.contains("settings: .adscheck.yaml;"),
        "{}",
        r.stdout
    );
    // --config names the settings explicitly.
    write(dir.path(), "lenient.yml", "allow-undetermined: true\n");
    let r = adscheck(
        dir.path(),
        &["check", "agency/year/tool.yaml", "--config", "lenient.yml"],
    );
    assert_eq!(r.code, Some(0), "{}", r.stdout);
    assert!(r.stdout.contains("settings: lenient.yml;"), "{}", r.stdout);
}

#[test]
fn a_checklist_named_in_settings_stays_inside_the_repository() {
    let outer = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(outer.path().join("repo/.git")).unwrap();
    std::fs::copy(
        crate::support::root().join("checklists/nyc-ll49-2018.yaml"),
        outer.path().join("elsewhere.yaml"),
    )
    .unwrap();
    write(
        outer.path(),
        "repo/.adscheck.yaml",
        "# settings\nchecklist: ../elsewhere.yaml\n",
    );
    write(outer.path(), "repo/tool.yaml", UNDETERMINED);
    let r = adscheck(outer.path(), &["check", "repo"]);
    assert_eq!(r.code, Some(2), "{}", r.stderr);
    assert!(
        r.stderr.contains(
            "repo/.adscheck.yaml:2:12: error[not-allowed]: the checklist `repo/../elsewhere.yaml` \
             is outside the repository"
        ),
        "{}",
        r.stderr
    );
    // Named on the command line, it is the user's choice.
    let r = adscheck(
        outer.path(),
        &["--checklist", "elsewhere.yaml", "check", "repo"],
    );
    assert_eq!(r.code, Some(1), "{}{}", r.stdout, r.stderr);
}

#[test]
fn patterns_that_match_nothing_are_warned_about_and_bad_ones_refused() {
    let dir = repository();
    write(
        dir.path(),
        ".adscheck.yaml",
        "exclude: ['drafts/**', 'archive/**']\n",
    );
    write(dir.path(), "drafts/wip.yaml", INVALID);
    let r = adscheck(dir.path(), &["check", "."]);
    assert_eq!(r.code, Some(0), "{}", r.stdout);
    assert!(
        r.stdout.contains(
            ".adscheck.yaml:1:24: warning[unused-pattern]: exclude pattern `archive/**` matched \
             no file"
        ),
        "{}",
        r.stdout
    );
    assert!(r.stdout.contains("; 1 file excluded"), "{}", r.stdout);
    write(dir.path(), ".adscheck.yaml", "exclude: ['./drafts/**']\n");
    let r = adscheck(dir.path(), &["check", "."]);
    assert_eq!(r.code, Some(2));
    assert!(r.stderr.contains("can never match"), "{}", r.stderr);
    // A set too large to build is an error, not silently dropped.
    let huge: Vec<String> = (0..30_000).map(|i| format!("d{i}/**/x{i}*.yaml")).collect();
    write(
        dir.path(),
        ".adscheck.yaml",
        &format!("exclude: ['{{{}}}']\n", huge.join(",")),
    );
    let r = adscheck(dir.path(), &["check", "."]);
    assert_eq!(r.code, Some(2));
    assert!(r.stderr.contains("cannot be used together"), "{}", r.stderr);
}

#[test]
fn devices_and_pipes_are_refused_without_reading_or_waiting() {
    let dir = repository();
    let fifo = dir.path().join("fifo.yaml");
    assert!(
        std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    for (args, code) in [
        (
            vec!["--checklist", "/dev/zero", "classify", "agency/ok.yaml"],
            2,
        ),
        (
            vec!["--checklist", "fifo.yaml", "classify", "agency/ok.yaml"],
            2,
        ),
        (vec!["checklist", "lint", "/dev/zero"], 1),
    ] {
        let r = adscheck(dir.path(), &args);
        assert_eq!(r.code, Some(code), "{args:?}: {}", r.stderr);
        assert!(
            r.stderr.contains("not a regular file"),
            "{args:?}: {}",
            r.stderr
        );
    }
    let r = adscheck(dir.path(), &["checklist", "lint", "/dev/zero"]);
    assert!(r.stderr.contains("/dev/zero: error[io]"), "{}", r.stderr);
    for args in [
        vec!["classify", "-f", "jsonl", "fifo.yaml", "agency/ok.yaml"],
        vec!["classify", "-f", "jsonl", "/dev/zero"],
    ] {
        let r = adscheck(dir.path(), &args);
        assert_eq!(r.code, Some(1), "{args:?}");
        assert!(
            r.stdout.contains("not a regular file"),
            "{args:?}: {}",
            r.stdout
        );
    }
    // A settings file that is a device: refused, with its name.
    write(dir.path(), ".adscheck.yaml", "checklist: /dev/zero\n");
    let r = adscheck(dir.path(), &["check", "."]);
    assert_eq!(r.code, Some(2));
    assert!(r.stderr.contains("/dev/zero"), "{}", r.stderr);
}

#[test]
fn sizes_in_messages_are_readable_at_any_scale() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "a.yaml",
        &format!("answers: {{1a: no}}\n# {}\n", "x".repeat(2_000)),
    );
    let r = adscheck(
        dir.path(),
        &["classify", "-f", "jsonl", "--max-file-size", "1K", "a.yaml"],
    );
    assert_eq!(r.code, Some(1));
    assert!(
        r.stdout
            .contains("the file is 2.0 KiB, over the 1000 bytes limit for answer files"),
        "{}",
        r.stdout
    );
}
