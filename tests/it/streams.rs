//! Every command with its output streams closed or full: a closed pipe ends quietly with the
//! exit code the run would otherwise have had (never turning findings into success); a full
//! device is one clear message and exit 2; nothing ever panics.

use std::path::Path;
use std::process::{Command, Output, Stdio};

use crate::support::root;

/// How a stream is given to the command.
#[derive(Clone, Copy, Debug)]
enum Stream {
    /// Discarded (/dev/null).
    Null,
    /// A pipe whose reading end is already closed.
    Closed,
    /// /dev/full: every write fails with "no space left".
    Full,
}

fn stdio(stream: Stream) -> Stdio {
    match stream {
        Stream::Null => Stdio::null(),
        Stream::Closed => {
            let (reader, writer) = std::io::pipe().unwrap();
            drop(reader);
            Stdio::from(writer)
        }
        Stream::Full => Stdio::from(std::fs::File::create("/dev/full").unwrap()),
    }
}

fn run(dir: &Path, args: &[&str], stdout: Stream, stderr: Stream) -> Output {
    Command::new(env!("CARGO_BIN_EXE_adscheck"))
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::null())
        .stdout(stdio(stdout))
        .stderr(stdio(stderr))
        .output()
        .unwrap()
}

/// Every command that writes something, in a copy of the examples (stamp rewrites files).
fn commands() -> Vec<Vec<&'static str>> {
    [
        "classify answers",
        "classify -f json answers",
        "classify -f csv answers",
        "classify -f markdown answers",
        "classify --explain answers",
        "classify -f table answers",
        "check inventory",
        "check inventory-failing",
        "check -f json inventory-failing",
        "check -f junit inventory-failing",
        "check -f github inventory-failing",
        "check -f sarif inventory-failing",
        "checklist lint checklist.yaml",
        "checklist show",
        "checklist show -f markdown",
        "checklist test",
        "template",
        "schema",
        "recheck --against checklist.yaml --from checklist.yaml answers",
        "stamp --by tester stamped",
        "completions bash",
        "man",
    ]
    .iter()
    .map(|c| c.split(' ').collect())
    .collect()
}

fn workspace() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let copy = |from: &str, to: &str| {
        let status = Command::new("cp")
            .args(["-r"])
            .arg(root().join(from))
            .arg(dir.path().join(to))
            .status()
            .unwrap();
        assert!(status.success());
    };
    copy("examples/answers", "answers");
    copy("examples/inventory", "inventory");
    copy("examples/inventory-failing", "inventory-failing");
    copy("examples/answers", "stamped");
    copy("checklists/nyc-ll49-2018.yaml", "checklist.yaml");
    dir
}

fn no_panic(output: &Output, what: &str) {
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!stderr.contains("panicked"), "{what}: {stderr}");
    assert_ne!(output.status.code(), Some(101), "{what}");
}

#[test]
fn closed_pipes_keep_the_exit_code_and_full_devices_are_an_error() {
    assert!(
        Path::new("/dev/full").exists(),
        "these tests need /dev/full"
    );
    let dir = workspace();
    for args in commands() {
        let what = args.join(" ");
        let normal = run(dir.path(), &args, Stream::Null, Stream::Null);
        let code = normal.status.code();
        assert_ne!(code, Some(101), "{what}");
        for (out, err) in [
            (Stream::Closed, Stream::Null),
            (Stream::Null, Stream::Closed),
            (Stream::Closed, Stream::Closed),
        ] {
            let output = run(dir.path(), &args, out, err);
            assert_eq!(output.status.code(), code, "{what} with {out:?}/{err:?}");
        }
        // A full standard output: one clear message, exit 2.
        let output = run(dir.path(), &args, Stream::Full, Stream::Null);
        no_panic(&output, &what);
        let output = Command::new(env!("CARGO_BIN_EXE_adscheck"))
            .args(&args)
            .current_dir(dir.path())
            .stdin(Stdio::null())
            .stdout(stdio(Stream::Full))
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(
            output.status.code(),
            Some(2),
            "{what} to /dev/full: {stderr}"
        );
        assert!(
            stderr.contains("cannot write the output: No space left on device"),
            "{what}: {stderr}"
        );
        // A full standard error: exit 2 when diagnostics were lost, the usual code otherwise.
        let said = run_capturing_stderr(dir.path(), &args);
        let output = run(dir.path(), &args, Stream::Null, Stream::Full);
        no_panic(&output, &what);
        let expected = if said { Some(2) } else { code };
        assert_eq!(output.status.code(), expected, "{what} with stderr full");
    }
}

/// Whether the command writes anything to standard error.
fn run_capturing_stderr(dir: &Path, args: &[&str]) -> bool {
    let output = Command::new(env!("CARGO_BIN_EXE_adscheck"))
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .output()
        .unwrap();
    !output.stderr.is_empty()
}

#[test]
fn findings_survive_a_reader_that_stops_after_one_line() {
    // `adscheck check bad/ | head -1` must still fail the build.
    let dir = workspace();
    let output = run(
        dir.path(),
        &["check", "inventory-failing"],
        Stream::Closed,
        Stream::Closed,
    );
    assert_eq!(output.status.code(), Some(1));
}

#[test]
fn help_and_version_on_a_full_device_are_an_error_too() {
    let dir = tempfile::tempdir().unwrap();
    for args in [vec!["--help"], vec!["help", "check"], vec!["--version"]] {
        let output = run(dir.path(), &args, Stream::Full, Stream::Null);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        let output = run(dir.path(), &args, Stream::Closed, Stream::Null);
        assert_eq!(output.status.code(), Some(0), "{args:?}");
    }
}
