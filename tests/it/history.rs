//! Records are append-only: a file's history of stamps only grows, a stamp never claims
//! another checklist version than the one the answers were given under, and saves go through
//! links, keep modes and refuse what is not a regular file.

use std::os::unix::fs::{PermissionsExt, symlink};
use std::path::Path;

use crate::support::root;

const ANSWERS: &str = "tool: {name: A, agency: B}\nanswers: {1a: no}\n";

fn adscheck(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let ran = crate::support::adscheck(args).at(dir).run();
    (ran.code.unwrap_or(-1), ran.stdout, ran.stderr)
}

fn stamps(dir: &Path, file: &str) -> Vec<(String, String)> {
    let text = std::fs::read_to_string(dir.join(file)).unwrap();
    let engine = crate::support::ll49();
    let parsed = adscheck::AnswerFile::parse(
        file,
        &text,
        adscheck::document::Format::Yaml,
        engine.checklist(),
    )
    .unwrap();
    parsed
        .stamps
        .iter()
        .map(|s| {
            (
                s.event.as_str().to_owned(),
                s.by.clone().unwrap_or_default(),
            )
        })
        .collect()
}

/// The built-in checklist under another version, beside the files.
fn other_version(dir: &Path) -> String {
    let text = std::fs::read_to_string(root().join("checklists/nyc-ll49-2018.yaml")).unwrap();
    std::fs::write(
        dir.join("v2.yaml"),
        text.replace(&crate::support::builtin_version_line(), "version: 2.0.0"),
    )
    .unwrap();
    "v2.yaml".to_owned()
}

#[test]
fn stamping_adds_to_the_history_and_never_replaces_it() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.yaml"), ANSWERS).unwrap();
    assert_eq!(adscheck(dir.path(), &["stamp", "--by", "A", "a.yaml"]).0, 0);
    assert_eq!(adscheck(dir.path(), &["stamp", "--by", "B", "a.yaml"]).0, 0);
    assert_eq!(
        stamps(dir.path(), "a.yaml"),
        [
            ("answered".into(), "A".into()),
            ("answered".into(), "B".into())
        ]
    );
    // No name, or only invisible characters: refused before anything is written.
    for by in ["", "   ", "\u{200b}\u{200b}"] {
        let (code, _, err) = adscheck(dir.path(), &["stamp", "--by", by, "a.yaml"]);
        assert_eq!(code, 2, "{by:?}");
        assert!(err.contains("a name is needed"), "{err}");
    }
    assert_eq!(stamps(dir.path(), "a.yaml").len(), 2);
    // Under another checklist version: refused unless the answers were reviewed under it.
    let v2 = other_version(dir.path());
    let (code, _, err) = adscheck(
        dir.path(),
        &["stamp", "--checklist", &v2, "--by", "C", "a.yaml"],
    );
    assert_eq!(code, 1);
    assert!(
        err.contains("error[stamp-mismatch]") && err.contains("--reviewed"),
        "{err}"
    );
    assert_eq!(stamps(dir.path(), "a.yaml").len(), 2);
    let args = [
        "stamp",
        "--checklist",
        &v2,
        "--by",
        "C",
        "--reviewed",
        "a.yaml",
    ];
    assert_eq!(adscheck(dir.path(), &args).0, 0);
    let history = stamps(dir.path(), "a.yaml");
    assert_eq!(history.last().unwrap(), &("reviewed".into(), "C".into()));
    assert_eq!(history.len(), 3);
    // The latest entry is what classify compares: no mismatch under version 2 now.
    let (_, _, err) = adscheck(
        dir.path(),
        &["classify", "--checklist", &v2, "-f", "json", "a.yaml"],
    );
    assert!(!err.contains("stamp-mismatch"), "{err}");
}

#[test]
fn an_old_single_stamp_is_read_as_a_history_of_one() {
    let dir = tempfile::tempdir().unwrap();
    let old = format!(
        "{ANSWERS}stamp:\n  checklist: nyc-ll49-2018\n  version: '0.9'\n  at: '2025-01-01T00:00:00Z'\n  by: Old\n"
    );
    std::fs::write(dir.path().join("a.yaml"), old).unwrap();
    assert_eq!(
        stamps(dir.path(), "a.yaml"),
        [("answered".into(), "Old".into())]
    );
    let (code, _, err) = adscheck(dir.path(), &["stamp", "--by", "New", "a.yaml"]);
    assert_eq!(code, 1, "version 0.9 is not the version in use: {err}");
    assert_eq!(
        adscheck(
            dir.path(),
            &["stamp", "--by", "New", "--reviewed", "a.yaml"]
        )
        .0,
        0
    );
    let text = std::fs::read_to_string(dir.path().join("a.yaml")).unwrap();
    assert!(text.contains("stamps:\n  - event: answered\n"), "{text}");
    assert!(
        text.contains("    version: \"0.9\"\n"),
        "the old entry is kept: {text}"
    );
    assert_eq!(
        stamps(dir.path(), "a.yaml"),
        [
            ("answered".into(), "Old".into()),
            ("reviewed".into(), "New".into())
        ]
    );
    // Both forms at once is an error.
    std::fs::write(
        dir.path().join("b.yaml"),
        format!("{ANSWERS}stamp: {{by: X}}\nstamps: []\n"),
    )
    .unwrap();
    let (code, _, err) = adscheck(dir.path(), &["classify", "-f", "json", "b.yaml"]);
    assert_eq!(code, 1);
    assert!(err.contains("not both"), "{err}");
}

#[test]
fn saves_go_through_links_keep_modes_and_refuse_devices() {
    let dir = tempfile::tempdir().unwrap();
    let real = dir.path().join("real.yaml");
    std::fs::write(&real, ANSWERS).unwrap();
    std::fs::set_permissions(&real, std::fs::Permissions::from_mode(0o664)).unwrap();
    symlink("real.yaml", dir.path().join("link.yaml")).unwrap();
    assert_eq!(
        adscheck(dir.path(), &["stamp", "--by", "A", "link.yaml"]).0,
        0
    );
    let link = std::fs::symlink_metadata(dir.path().join("link.yaml")).unwrap();
    assert!(link.file_type().is_symlink(), "the link stays a link");
    assert_eq!(
        stamps(dir.path(), "real.yaml").len(),
        1,
        "its target has the entry"
    );
    let mode = std::fs::metadata(&real).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o664, "a shared file keeps its mode");
    // A dangling link is refused, not replaced by a file.
    symlink("nowhere.yaml", dir.path().join("dangling.yaml")).unwrap();
    let (code, _, err) = adscheck(
        dir.path(),
        &["template", "--out", "dangling.yaml", "--force"],
    );
    assert_eq!(code, 2);
    assert!(err.contains("leads nowhere"), "{err}");
    assert!(
        std::fs::symlink_metadata(dir.path().join("dangling.yaml"))
            .unwrap()
            .file_type()
            .is_symlink()
    );
    // --force never replaces a device.
    let (code, _, err) = adscheck(dir.path(), &["template", "--out", "/dev/null", "--force"]);
    assert_eq!(code, 2);
    assert!(err.contains("not a regular file"), "{err}");
    assert!(
        std::fs::metadata("/dev/null")
            .unwrap()
            .file_type()
            .is_char_device_like()
    );
    // New files get what the umask allows, not always 0600.
    for (umask, expected) in [("022", 0o644), ("027", 0o640), ("077", 0o600)] {
        let name = format!("new-{umask}.yaml");
        let status = std::process::Command::new("sh")
            .arg("-c")
            .arg(format!(
                "umask {umask} && exec '{}' template --out {name}",
                env!("CARGO_BIN_EXE_adscheck")
            ))
            .current_dir(dir.path())
            .status()
            .unwrap();
        assert!(status.success());
        let mode = std::fs::metadata(dir.path().join(&name))
            .unwrap()
            .permissions()
            .mode()
            & 0o777;
        assert_eq!(mode, expected, "umask {umask}: {mode:o}");
    }
}

/// `/dev/null` is still a character device.
trait CharDevice {
    fn is_char_device_like(&self) -> bool;
}

impl CharDevice for std::fs::FileType {
    fn is_char_device_like(&self) -> bool {
        use std::os::unix::fs::FileTypeExt;
        self.is_char_device()
    }
}

#[test]
fn rewriting_a_file_with_comments_says_they_are_not_kept() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.yaml"),
        "# Reviewed with legal on 3 March\ntool: {name: A, agency: B}\nanswers:\n  1a: no  # see memo\n",
    )
    .unwrap();
    let (code, _, err) = adscheck(dir.path(), &["stamp", "--by", "A", "a.yaml"]);
    assert_eq!(code, 0);
    assert!(
        err.contains("a.yaml:1: warning: 2 comment lines are not kept"),
        "{err}"
    );
}

#[test]
fn a_read_only_file_and_a_name_with_control_characters_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.yaml");
    std::fs::write(&path, ANSWERS).unwrap();
    let (code, _, err) = adscheck(dir.path(), &["stamp", "--by", "x\nforged: 1", "a.yaml"]);
    assert_eq!(code, 2);
    assert!(err.contains("without control characters"), "{err}");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o444)).unwrap();
    let (code, _, err) = adscheck(dir.path(), &["stamp", "--by", "A", "a.yaml"]);
    assert_eq!(code, 1);
    assert!(err.contains("read-only"), "{err}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), ANSWERS);
}

/// A checklist version, once shipped, stays: the earlier built-in versions are the texts
/// that shipped (their SHA-256 is the one stamps recorded), and a file stamped under one is
/// re-checked with no copy of it anywhere around.
#[test]
fn an_earlier_built_in_version_is_kept_word_for_word_and_rechecks() {
    const SHIPPED_1_1_0: &str = "79174b6e949e732857d38a5908749a0f251d887871bdd3db969c47b1f076094f";
    let [(name, text)] = adscheck::checklist::EARLIER_BUILTIN;
    assert!(name.contains("1.1.0"), "{name}");
    assert_eq!(adscheck::checklist::sha256_hex(text), SHIPPED_1_1_0);
    let earlier = adscheck::Checklist::earlier_builtin();
    assert_eq!(earlier.len(), 1, "every earlier version still reads");
    assert_eq!(earlier[0].1.version.as_str(), "1.1.0");
    // The version in use is another one: a stamp under 1.1.0 is an older checklist's.
    let now = adscheck::Checklist::builtin().unwrap();
    assert_ne!(now.sha256, SHIPPED_1_1_0);

    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.yaml"),
        format!(
            "stamps:\n  - {{event: answered, checklist: nyc-ll49-2018, version: 1.1.0, sha256: \
             {SHIPPED_1_1_0}, adscheck: 0.1.0, at: \"2024-11-20T15:00:00Z\", by: A}}\n\
             answers: {{1a: yes, 1b: no}}\n"
        ),
    )
    .unwrap();
    let against = root().join("checklists/nyc-ll49-2018.yaml");
    let (code, out, err) = adscheck(
        dir.path(),
        &["recheck", "--against", against.to_str().unwrap(), "a.yaml"],
    );
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("a.yaml: unchanged"), "{out}");
    assert!(out.contains("0 not rechecked"), "{out}");
    // A version that never shipped is still refused, with the way out.
    let unknown = std::fs::read_to_string(dir.path().join("a.yaml"))
        .unwrap()
        .replace("version: 1.1.0", "version: 0.9.0");
    std::fs::write(dir.path().join("a.yaml"), unknown).unwrap();
    let (code, out, err) = adscheck(
        dir.path(),
        &["recheck", "--against", against.to_str().unwrap(), "a.yaml"],
    );
    assert_ne!(code, 0, "{out}");
    assert!(err.contains("give it with --from FILE"), "{err}");
}
