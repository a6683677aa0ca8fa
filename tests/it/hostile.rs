//! The catalogue of bad inputs: each case has its fixture (or builds it), and asserts the
//! error class, the position where one exists, the exit code, and that the other files of the
//! batch were still evaluated.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

use crate::support::fixture;

const GOOD: &str =
    "tool: {name: Good, agency: A}\nanswers: {1a: yes, 1b: yes, 1c: yes, 2a: yes, 2b: no}\n";

struct Batch {
    code: i32,
    results: Vec<Value>,
    stderr: String,
}

fn classify(dir: &Path, args: &[&str]) -> Batch {
    let output = Command::cargo_bin("adscheck")
        .unwrap()
        .current_dir(dir)
        .args(["classify", "-f", "jsonl"])
        .args(args)
        .output()
        .unwrap();
    Batch {
        code: output.status.code().unwrap_or(-1),
        results: String::from_utf8(output.stdout)
            .unwrap()
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect(),
        stderr: String::from_utf8(output.stderr).unwrap(),
    }
}

/// A folder holding one good answer file and the bad file under `name`.
fn batch_with(name: &str, bytes: &[u8]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("good.yaml"), GOOD).unwrap();
    std::fs::write(dir.path().join(name), bytes).unwrap();
    dir
}

fn result<'a>(batch: &'a Batch, name: &str) -> &'a Value {
    batch
        .results
        .iter()
        .find(|r| r["file"].as_str().unwrap().ends_with(name))
        .unwrap_or_else(|| panic!("{name} not reported: {:?}", batch.results))
}

/// Run a fixture next to a good file: the bad one fails with `kind` at `at`, the good one is
/// still evaluated, the exit code is 1.
#[track_caller]
fn case(name: &str, kind: &str, at: Option<(u64, u64)>, fragment: &str) {
    let bytes = std::fs::read(fixture(&format!("bad/{name}"))).unwrap();
    let dir = batch_with(name, &bytes);
    let b = classify(dir.path(), &["."]);
    assert_eq!(b.code, 1, "{name}: exit code");
    let good = result(&b, "good.yaml");
    assert_eq!(
        good["determinations"]["agency_ads"], "no",
        "{name}: the good file is evaluated"
    );
    let bad = result(&b, name);
    assert_eq!(bad["error"]["kind"], kind, "{name}: {bad}");
    let position = bad["error"]["line"]
        .as_u64()
        .zip(bad["error"]["column"].as_u64());
    assert_eq!(position, at, "{name}: position");
    let message = bad["error"]["message"].as_str().unwrap();
    assert!(
        message.contains(fragment),
        "{name}: {message:?} lacks {fragment:?}"
    );
    assert!(b.stderr.contains(name), "{name}: reported on stderr");
    assert!(!b.stderr.contains("panicked"), "{name}: {}", b.stderr);
}

/// A fixture that is not an error: it evaluates to `ads`, `agency_ads`, exit 0.
#[track_caller]
fn fine(name: &str, ads: &str, agency: &str) {
    let bytes = std::fs::read(fixture(&format!("bad/{name}"))).unwrap();
    let dir = batch_with(name, &bytes);
    let b = classify(dir.path(), &["."]);
    assert_eq!(b.code, 0, "{name}: {}", b.stderr);
    let r = result(&b, name);
    assert_eq!(
        (
            r["determinations"]["ads"].as_str(),
            r["determinations"]["agency_ads"].as_str()
        ),
        (Some(ads), Some(agency))
    );
}

#[test]
fn empty_and_comment_only_files() {
    case(
        "empty.yaml",
        "wrong-type",
        Some((1, 1)),
        "the file is empty",
    );
    case(
        "only-comment.yaml",
        "wrong-type",
        Some((1, 1)),
        "the file is empty",
    );
}

#[test]
fn a_byte_order_mark_is_accepted() {
    fine("bom.yaml", "no", "no");
}

#[test]
fn bytes_that_are_not_utf8() {
    case("non-utf8.yaml", "syntax", Some((2, 10)), "not UTF-8 text");
    case("binary.yaml", "syntax", Some((1, 1)), "not UTF-8 text");
}

#[test]
fn json_with_a_trailing_comma() {
    case(
        "trailing-comma.json",
        "syntax",
        Some((1, 26)),
        "not valid JSON: trailing comma",
    );
}

#[test]
fn yaml_with_tabs_and_duplicate_keys() {
    case("tabs.yaml", "syntax", Some((2, 2)), "tabs");
    case(
        "duplicate-keys.yaml",
        "syntax",
        Some((3, 3)),
        "duplicate key `1a` (first at line 2)",
    );
}

#[test]
fn an_alias_bomb_is_stopped() {
    case("alias-bomb.yaml", "syntax", Some((6, 12)), "alias bomb");
}

#[test]
fn deep_nesting_is_stopped() {
    let deep = format!("answers: {}{}\n", "[".repeat(100_000), "]".repeat(100_000));
    let dir = batch_with("deep.yaml", deep.as_bytes());
    let b = classify(dir.path(), &["."]);
    assert_eq!(b.code, 1);
    assert_eq!(result(&b, "good.yaml")["determinations"]["ads"], "yes");
    let bad = result(&b, "deep.yaml");
    assert_eq!(bad["error"]["kind"], "syntax");
    assert_eq!(bad["error"]["line"], 1);
    // Block nesting, which the parser does not limit itself, stops at adscheck's limit.
    let block: String = (0..100_000)
        .map(|i| format!("{}k:\n", " ".repeat(i % 200)))
        .collect();
    let nested: String = (0..80)
        .map(|i| format!("{}k{i}:\n", "  ".repeat(i)))
        .collect();
    let dir = batch_with("block.yaml", format!("answers:\n{}", nested).as_bytes());
    let b = classify(dir.path(), &["."]);
    let bad = result(&b, "block.yaml");
    assert_eq!(bad["error"]["kind"], "syntax");
    assert!(
        bad["error"]["message"]
            .as_str()
            .unwrap()
            .contains("nested deeper than 64")
    );
    drop(block);
}

#[test]
fn a_200_mb_file_is_refused_before_it_is_read() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("good.yaml"), GOOD).unwrap();
    // Sparse: 200 MB to the file system, nothing on disk.
    let huge = std::fs::File::create(dir.path().join("huge.yaml")).unwrap();
    huge.set_len(200 * 1024 * 1024).unwrap();
    let b = classify(dir.path(), &["."]);
    assert_eq!(b.code, 1);
    assert_eq!(result(&b, "good.yaml")["determinations"]["ads"], "yes");
    let bad = result(&b, "huge.yaml");
    assert_eq!(bad["error"]["kind"], "file-too-large");
    assert_eq!(bad["error"]["line"], Value::Null);
    let message = bad["error"]["message"].as_str().unwrap();
    assert!(
        message.contains("200.0 MiB, over the 16.0 MiB limit"),
        "{message}"
    );
    assert!(message.contains("--max-file-size"), "{message}");
    // The flag raises the limit: a 20 MiB file is then read (and, being all NUL bytes, is
    // not YAML).
    let big = std::fs::File::create(dir.path().join("huge.yaml")).unwrap();
    big.set_len(20 * 1024 * 1024).unwrap();
    let b = classify(dir.path(), &["huge.yaml"]);
    assert_eq!(result(&b, "huge.yaml")["error"]["kind"], "file-too-large");
    let b = classify(dir.path(), &["huge.yaml", "--max-file-size", "32MiB"]);
    assert_eq!(result(&b, "huge.yaml")["error"]["kind"], "syntax");
}

#[test]
fn wrong_shapes() {
    case(
        "top-level-list.yaml",
        "wrong-type",
        Some((1, 1)),
        "must be a mapping",
    );
    case(
        "top-level-scalar.yaml",
        "wrong-type",
        Some((1, 1)),
        "not text",
    );
    case(
        "answers-list.yaml",
        "wrong-type",
        Some((2, 3)),
        "`answers` must be a mapping",
    );
}

#[test]
fn numbers_and_nulls_as_answers() {
    case(
        "number-answer.yaml",
        "invalid-answer",
        Some((2, 7)),
        "invalid answer `1` to 1a",
    );
    // An empty (null) answer is "not answered yet", as in `adscheck template`.
    let bytes = std::fs::read(fixture("bad/null-answers.yaml")).unwrap();
    let dir = batch_with("null-answers.yaml", &bytes);
    let b = classify(dir.path(), &["null-answers.yaml"]);
    assert_eq!(b.code, 0);
    let r = result(&b, "null-answers.yaml");
    assert_eq!(r["determinations"]["ads"], "undetermined");
    assert_eq!(
        r["needed"],
        serde_json::json!(["1a", "1b", "1c", "2a", "2b"])
    );
}

#[test]
fn misspelt_question_keys_suggest_the_id() {
    case(
        "key-uppercase.yaml",
        "unknown-question",
        Some((2, 3)),
        "unknown question `1A`: did you mean `1a`?",
    );
    case(
        "key-space.yaml",
        "unknown-question",
        Some((2, 3)),
        "unknown question ` 1a`: did you mean `1a`?",
    );
    case(
        "key-printed.yaml",
        "unknown-question",
        Some((2, 3)),
        "unknown question `1(a)`: did you mean `1a`?",
    );
}

#[test]
fn the_norway_problem() {
    // `no` is the answer no; YAML 1.1 spellings of false are not answers at all.
    fine("norway-no.yaml", "no", "no");
    case(
        "norway-off.yaml",
        "invalid-answer",
        Some((2, 7)),
        "invalid answer `off`",
    );
    case(
        "norway-n.yaml",
        "invalid-answer",
        Some((2, 7)),
        "invalid answer `n`",
    );
}

#[test]
fn unknown_top_level_keys() {
    case(
        "unknown-top-key.yaml",
        "unknown-field",
        Some((2, 1)),
        "unknown key `reviewer`",
    );
}

#[test]
fn folders_named_like_files_and_link_loops() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("good.yaml"), GOOD).unwrap();
    std::fs::create_dir(dir.path().join("folder.yaml")).unwrap();
    std::os::unix::fs::symlink(".", dir.path().join("loop.yaml")).unwrap();
    std::os::unix::fs::symlink(".", dir.path().join("loop")).unwrap();
    std::os::unix::fs::symlink("good.yaml", dir.path().join("link.yaml")).unwrap();
    std::os::unix::fs::symlink("nowhere.yaml", dir.path().join("broken.yaml")).unwrap();
    let b = classify(dir.path(), &["."]);
    let files: Vec<&str> = b
        .results
        .iter()
        .map(|r| r["file"].as_str().unwrap())
        .collect();
    // Folders and links to folders are not answer files, and the walk does not loop; a link
    // to a file is read; a broken link is reported.
    assert_eq!(files, ["./broken.yaml", "./good.yaml", "./link.yaml"]);
    assert_eq!(b.code, 1);
    assert_eq!(result(&b, "broken.yaml")["error"]["kind"], "io");
    assert_eq!(result(&b, "link.yaml")["determinations"]["ads"], "yes");
    // A folder named as a file on the command line is searched.
    let b = classify(dir.path(), &["folder.yaml"]);
    assert_eq!(b.code, 2);
    assert!(b.stderr.contains("no answer files"), "{}", b.stderr);
}

#[test]
fn ten_thousand_files_with_unreadable_ones() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..10_000 {
        let sub = dir.path().join(format!("d{}", i % 10));
        std::fs::create_dir_all(&sub).unwrap();
        std::fs::write(sub.join(format!("t{i:05}.yaml")), GOOD).unwrap();
    }
    // Unreadable even for root: /proc/self/mem cannot be read from offset 0.
    std::os::unix::fs::symlink("/proc/self/mem", dir.path().join("d3/unreadable.yaml")).unwrap();
    // Unreadable by permissions (root reads it anyway, so that part is checked for others).
    let locked = dir.path().join("d5/locked.yaml");
    std::fs::write(&locked, GOOD).unwrap();
    std::fs::set_permissions(&locked, std::os::unix::fs::PermissionsExt::from_mode(0o000)).unwrap();
    let root = std::fs::read(&locked).is_ok();
    let b = classify(dir.path(), &["."]);
    assert_eq!(b.code, 1);
    assert_eq!(b.results.len(), 10_002);
    let evaluated = b.results.iter().filter(|r| r["error"].is_null()).count();
    let unreadable = result(&b, "unreadable.yaml");
    assert_eq!(unreadable["error"]["kind"], "io");
    if root {
        assert_eq!(evaluated, 10_001);
    } else {
        assert_eq!(evaluated, 10_000);
        let locked = result(&b, "locked.yaml");
        assert_eq!(locked["error"]["kind"], "io");
        assert!(
            locked["error"]["message"]
                .as_str()
                .unwrap()
                .contains("ermission denied")
        );
    }
}

#[test]
fn a_path_that_vanishes_between_listing_and_reading() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.yaml"), GOOD).unwrap();
    std::fs::write(dir.path().join("b.yaml"), GOOD).unwrap();
    let engine = crate::support::ll49();
    let sources = adscheck::batch::discover(&[dir.path().to_path_buf()]);
    std::fs::remove_file(dir.path().join("a.yaml")).unwrap();
    let reports: Vec<adscheck::Classification> = sources
        .iter()
        .map(|s| adscheck::batch::classify(&engine, s, adscheck::batch::DEFAULT_MAX_FILE_SIZE))
        .collect();
    let a = reports[0].outcome.as_ref().unwrap_err();
    assert_eq!(a.0[0].kind, adscheck::Kind::Io);
    assert!(
        a.0[0].message.contains("No such file"),
        "{}",
        a.0[0].message
    );
    assert!(
        reports[1].outcome.is_ok(),
        "the other file is still evaluated"
    );
}

#[test]
fn stdin_closed_early_or_empty() {
    let run = |input: &[u8]| {
        let output = Command::cargo_bin("adscheck")
            .unwrap()
            .args(["classify", "-f", "jsonl", "-"])
            .write_stdin(input)
            .output()
            .unwrap();
        let v: Value = serde_json::from_slice(&output.stdout).unwrap();
        (output.status.code(), v)
    };
    let (code, v) = run(b"");
    assert_eq!(code, Some(1));
    assert_eq!(v["error"]["kind"], "wrong-type");
    // Cut off in the middle of a value: whatever arrived is judged, with its position.
    let (code, v) = run(b"answers:\n  1a: ye");
    assert_eq!(code, Some(1));
    assert_eq!(
        (v["error"]["kind"].as_str(), v["error"]["line"].as_u64()),
        (Some("invalid-answer"), Some(2))
    );
    let (code, v) = run(b"{\"answers\": {\"1a\": ");
    assert_eq!(code, Some(1));
    assert_eq!(v["error"]["kind"], "syntax");
}

fn bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_adscheck"))
}

#[test]
fn a_closed_pipe_ends_quietly() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..3000 {
        std::fs::write(dir.path().join(format!("t{i:04}.yaml")), GOOD).unwrap();
    }
    // `adscheck classify DIR | head -1`
    let output = std::process::Command::new("sh")
        .arg("-c")
        .arg(format!(
            "'{}' classify -f jsonl . | head -1; echo \"status=${{PIPESTATUS:-}}\"",
            bin().display()
        ))
        .current_dir(dir.path())
        .output()
        .unwrap();
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(
        stdout.starts_with("{\"format_version\":2,\"file\":\"./t0000.yaml\""),
        "{stdout}"
    );
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        !stderr.contains("panicked") && !stderr.contains("Broken pipe"),
        "{}",
        &stderr[..stderr.len().min(500)]
    );
    // Its own exit status, without the shell: 0, as with other filters that stop early.
    let mut child = std::process::Command::new(bin())
        .args(["classify", "-q", "-f", "jsonl", "."])
        .current_dir(dir.path())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let mut first = [0u8; 64];
    std::io::Read::read_exact(&mut stdout, &mut first).unwrap();
    drop(stdout);
    let output = child.wait_with_output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.is_empty(), "{}", &stderr[..stderr.len().min(500)]);
}

#[test]
fn a_full_disk_is_a_clear_error() {
    if !Path::new("/dev/full").exists() {
        return;
    }
    let output = std::process::Command::new(bin())
        .args(["classify", "-f", "jsonl", "examples/answers"])
        .current_dir(crate::support::root())
        .stdout(std::fs::File::create("/dev/full").unwrap())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.contains("No space left on device"), "{stderr}");
    assert!(!stderr.contains("panicked"));
}

#[test]
fn an_unwritable_out_path_leaves_existing_files_intact() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("plain-file"), "x").unwrap();
    let output = std::process::Command::new(bin())
        .args(["template", "--out", "plain-file/t.yaml"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains("plain-file/t.yaml: error[io]: cannot write a temporary file next to it"),
        "{stderr}"
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("plain-file")).unwrap(),
        "x"
    );
}

/// Saves interrupted by `kill -9` at random moments leave the old file or the new one, whole.
#[test]
fn kill_9_during_saves_never_leaves_a_mix() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("t.yaml");
    let other = fixture("checklists/data-protection.yaml");
    let render = |checklist: Option<&Path>| {
        let mut cmd = std::process::Command::new(bin());
        cmd.arg("template");
        if let Some(c) = checklist {
            cmd.arg("--checklist").arg(c);
        }
        String::from_utf8(cmd.output().unwrap().stdout).unwrap()
    };
    let (a, b) = (render(None), render(Some(&other)));
    assert_ne!(a, b);
    std::fs::write(&out, &a).unwrap();
    let mut rng = 0x2545_f491_4f6c_dd1du64;
    let mut killed_mid_run = 0;
    for i in 0..150 {
        rng ^= rng << 13;
        rng ^= rng >> 7;
        rng ^= rng << 17;
        let mut cmd = std::process::Command::new(bin());
        cmd.arg("template");
        if i % 2 == 1 {
            cmd.arg("--checklist").arg(&other);
        }
        let mut child = cmd
            .args(["--force", "--out"])
            .arg(&out)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_micros(rng % 3000));
        child.kill().ok(); // SIGKILL
        let status = child.wait().unwrap();
        if status.code().is_none() {
            killed_mid_run += 1;
        }
        let now = std::fs::read_to_string(&out).unwrap();
        assert!(
            now == a || now == b,
            "after kill {i}: a mix of two saves:\n{now}"
        );
    }
    assert!(
        killed_mid_run > 20,
        "the kills must land while saving ({killed_mid_run})"
    );
    // A killed save may leave its temporary file behind, never a half-written target.
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        names
            .iter()
            .all(|n| n == "t.yaml" || n.starts_with(".t.yaml.")),
        "{names:?}"
    );
}
