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
        &["check", "--checklist", "elsewhere.yaml", "repo"],
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
            vec!["classify", "--checklist", "/dev/zero", "agency/ok.yaml"],
            2,
        ),
        (
            vec!["classify", "--checklist", "fifo.yaml", "agency/ok.yaml"],
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

#[test]
fn a_planted_git_folder_or_an_unreadable_top_settings_file_changes_nothing() {
    // The submission plants `.git` beside its own settings: the repository is still the one
    // the command runs in, and the top settings govern.
    let dir = repository();
    write(dir.path(), ".adscheck.yaml", "allow-undetermined: false\n");
    write(dir.path(), "agency/u.yaml", UNDETERMINED);
    write(
        dir.path(),
        "agency/.adscheck.yaml",
        "allow-undetermined: true\n",
    );
    std::fs::create_dir(dir.path().join("agency/.git")).unwrap();
    let r = adscheck(dir.path(), &["check", "agency/u.yaml"]);
    assert_eq!(r.code, Some(1), "{}", r.stdout);
    assert!(
        r.stdout.contains("settings: .adscheck.yaml;"),
        "{}",
        r.stdout
    );
    // A top settings file that cannot be read is an error, never passed over.
    let dir = repository();
    std::fs::remove_file(dir.path().join(".adscheck.yaml")).unwrap();
    std::os::unix::fs::symlink("missing.yaml", dir.path().join(".adscheck.yaml")).unwrap();
    write(
        dir.path(),
        "agency/.adscheck.yaml",
        "allow-undetermined: true\n",
    );
    write(dir.path(), "agency/u.yaml", UNDETERMINED);
    let r = adscheck(dir.path(), &["check", "agency"]);
    assert_eq!(r.code, Some(2), "{}{}", r.stdout, r.stderr);
    assert!(
        r.stderr.contains(".adscheck.yaml: error[io]"),
        "{}",
        r.stderr
    );
}

#[test]
fn the_same_file_named_twice_is_checked_once_and_pipes_in_folders_are_reported() {
    let dir = repository();
    let absolute = dir.path().join("agency");
    let r = adscheck(
        dir.path(),
        &[
            "check",
            ".",
            "agency",
            "./agency/ok.yaml",
            absolute.to_str().unwrap(),
        ],
    );
    assert_eq!(r.code, Some(0), "{}", r.stdout);
    assert!(r.stdout.contains("adscheck check: 1 file,"), "{}", r.stdout);
    let fifo = dir.path().join("agency/pipe.yaml");
    assert!(
        std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let r = adscheck(dir.path(), &["check", "."]);
    assert_eq!(r.code, Some(1));
    assert!(
        r.stdout
            .contains("agency/pipe.yaml: error[io]: not a regular file"),
        "{}",
        r.stdout
    );
}

#[test]
fn checklist_texts_may_not_hide_control_characters() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(crate::support::fixture("checklists/data-protection.yaml"))
        .unwrap()
        .replace(
            "title: Data protection screening (test fixture)",
            "title: \"T\\u001b]0;PWN\\u0007\\nforged.yaml:1:1: error[x]: y\"",
        );
    write(dir.path(), "hc.yaml", &text);
    let r = adscheck(dir.path(), &["checklist", "lint", "hc.yaml"]);
    assert_eq!(r.code, Some(1));
    assert!(
        r.stderr.contains(
            "hc.yaml:4:8: error[wrong-type]: the checklist title has the character \\u{1b}"
        ),
        "{}",
        r.stderr
    );
    assert!(!r.stdout.contains('\u{1b}') && !r.stderr.contains('\u{1b}'));
}

#[test]
fn paths_in_messages_are_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let evil = "e\u{1b}[31m\nforged:1:1: error";
    std::fs::create_dir(dir.path().join(evil)).unwrap();
    let r = adscheck(dir.path(), &["check", evil]);
    assert_eq!(r.code, Some(2));
    assert!(!r.stderr.contains('\u{1b}'), "{}", r.stderr);
    assert_eq!(r.stderr.lines().count(), 1, "{}", r.stderr);
    let r = adscheck(dir.path(), &["template", "--out", &format!("{evil}.yaml")]);
    assert!(
        !r.stderr.contains('\u{1b}') && r.stderr.lines().count() == 1,
        "{}",
        r.stderr
    );
}
