//! Helpers shared by the integration tests.

use std::path::{Path, PathBuf};

use adscheck::document::Format;
use adscheck::{AnswerFile, Diagnostic, Engine, Kind, Position};

/// The built-in LL49 engine.
pub fn ll49() -> Engine {
    adscheck::load_engine(None).expect("the built-in checklist loads")
}

/// Parse answer-file YAML against the LL49 checklist.
pub fn parse_yaml(text: &str) -> Result<AnswerFile, Vec<Diagnostic>> {
    let engine = ll49();
    AnswerFile::parse("answers.yaml", text, Format::Yaml, engine.checklist()).map_err(|e| e.0)
}

/// The single diagnostic of `result`, which must have failed with exactly one.
#[track_caller]
pub fn only_error<T: std::fmt::Debug>(result: Result<T, Vec<Diagnostic>>) -> Diagnostic {
    let errors = result.expect_err("expected an error");
    assert_eq!(errors.len(), 1, "expected one error, got {errors:#?}");
    errors.into_iter().next().unwrap()
}

/// Assert kind and position of a diagnostic, and that its message contains `fragment`.
#[track_caller]
pub fn assert_diag(d: &Diagnostic, kind: Kind, at: Option<(u32, u32)>, fragment: &str) {
    assert_eq!(d.kind, kind, "kind of {d:#?}");
    assert_eq!(
        d.position,
        at.map(|(l, c)| Position::new(l, c)),
        "position of {d:#?}"
    );
    assert!(
        d.message.contains(fragment),
        "message {:?} lacks {fragment:?}",
        d.message
    );
}

/// The repository's root.
/// The built-in checklist's `version:` line, checked to stand in its file (tests that make a
/// revised copy replace it, and must not silently replace nothing after a version bump).
pub fn builtin_version_line() -> String {
    let checklist = adscheck::Checklist::builtin().unwrap();
    let line = format!("version: {}", checklist.version.as_str());
    let text = std::fs::read_to_string(root().join("checklists/nyc-ll49-2018.yaml")).unwrap();
    assert!(text.contains(&format!("\n{line}\n")), "{line}");
    line
}

pub fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// A copy of the folder `from` (files and folders, recursively) at `to`.
pub fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// A path under `tests/fixtures`.
pub fn fixture(name: &str) -> PathBuf {
    root().join("tests/fixtures").join(name)
}

/// Every file under `dir`, sorted.
pub fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(walk(&path));
        } else {
            files.push(path);
        }
    }
    files.sort();
    files
}

/// One `adscheck` command, built fluently and run in a clean environment:
///
/// ```ignore
/// adscheck(["check", "inv"]).at(dir).run().code(1).stderr_has("duplicate-tool");
/// ```
///
/// The environment is the test's less every variable that changes what adscheck prints
/// (colour, pager, GitHub Actions, the build date), so a test passes the same on a
/// developer's terminal, in CI and under GitHub Actions.
pub struct Cmd {
    command: std::process::Command,
    stdin: Vec<u8>,
    shown: String,
}

/// Variables removed from every command's environment.
const CLEARED: [&str; 11] = [
    "GITHUB_ACTIONS",
    "GITHUB_STEP_SUMMARY",
    "NO_COLOR",
    "CLICOLOR",
    "CLICOLOR_FORCE",
    "ADSCHECK_PAGER",
    "PAGER",
    "LESS",
    "COLUMNS",
    "SOURCE_DATE_EPOCH",
    "TERM",
];

/// `adscheck` with `args`, in the repository's root until [`Cmd::at`] says otherwise.
pub fn adscheck<I, S>(args: I) -> Cmd
where
    I: IntoIterator<Item = S>,
    S: AsRef<std::ffi::OsStr>,
{
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_adscheck"));
    command.current_dir(root());
    for name in CLEARED {
        command.env_remove(name);
    }
    let args: Vec<std::ffi::OsString> = args.into_iter().map(|a| a.as_ref().into()).collect();
    let shown = format!(
        "adscheck {}",
        args.iter()
            .map(|a| a.to_string_lossy().into_owned())
            .collect::<Vec<_>>()
            .join(" ")
    );
    command.args(args);
    Cmd {
        command,
        stdin: Vec::new(),
        shown,
    }
}

impl Cmd {
    /// Run in `dir`.
    #[must_use]
    pub fn at(mut self, dir: &Path) -> Self {
        self.command.current_dir(dir);
        self
    }

    /// Set an environment variable.
    #[must_use]
    pub fn env(mut self, name: &str, value: &str) -> Self {
        self.command.env(name, value);
        self
    }

    /// Give `text` on standard input.
    #[must_use]
    pub fn stdin(mut self, text: &str) -> Self {
        self.stdin = text.as_bytes().to_vec();
        self
    }

    /// Run it to the end.
    pub fn run(mut self) -> Ran {
        use std::io::Write;
        use std::process::Stdio;
        let mut child = self
            .command
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut input = child.stdin.take().unwrap();
        let stdin = std::mem::take(&mut self.stdin);
        let writer = std::thread::spawn(move || {
            // A command that does not read its input closes the pipe: not an error here.
            let _ = input.write_all(&stdin);
        });
        let output = child.wait_with_output().unwrap();
        writer.join().unwrap();
        Ran {
            shown: self.shown,
            code: output.status.code(),
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        }
    }
}

/// What a command did.
pub struct Ran {
    shown: String,
    /// Its exit code (`None`: ended by a signal).
    pub code: Option<i32>,
    /// What it wrote to standard output.
    pub stdout: String,
    /// What it wrote to standard error.
    pub stderr: String,
}

impl Ran {
    #[track_caller]
    fn fail(&self, what: &str) -> ! {
        panic!(
            "{}: {what}\n--- stdout\n{}--- stderr\n{}",
            self.shown, self.stdout, self.stderr
        )
    }

    /// It exited with `code`.
    #[track_caller]
    pub fn code(&self, code: i32) -> &Self {
        if self.code != Some(code) {
            self.fail(&format!("exit code {:?}, expected {code}", self.code));
        }
        self
    }

    /// Its standard output is `expected`, exactly (a line diff on failure).
    #[track_caller]
    pub fn stdout(&self, expected: &str) -> &Self {
        if self.stdout != expected {
            let diff = similar::TextDiff::from_lines(expected, self.stdout.as_str());
            panic!(
                "{}: standard output differs (- expected, + got):\n{}",
                self.shown,
                diff.unified_diff().context_radius(3)
            );
        }
        self
    }

    /// Its standard output holds `fragment`.
    #[track_caller]
    pub fn stdout_has(&self, fragment: &str) -> &Self {
        if !self.stdout.contains(fragment) {
            self.fail(&format!("standard output lacks {fragment:?}"));
        }
        self
    }

    /// Its standard error holds `fragment`.
    #[track_caller]
    pub fn stderr_has(&self, fragment: &str) -> &Self {
        if !self.stderr.contains(fragment) {
            self.fail(&format!("standard error lacks {fragment:?}"));
        }
        self
    }

    /// Neither stream holds `fragment`.
    #[track_caller]
    pub fn lacks(&self, fragment: &str) -> &Self {
        if self.stdout.contains(fragment) || self.stderr.contains(fragment) {
            self.fail(&format!("the output holds {fragment:?}"));
        }
        self
    }
}

/// The public site of the bundled example directory, built into `site/` of a new folder
/// (on the day `SOURCE_DATE_EPOCH` names, when given), with what `report` said.
pub fn example_site(source_date_epoch: Option<&str>) -> (tempfile::TempDir, Ran) {
    let out = tempfile::tempdir().unwrap();
    let site = out.path().join("site");
    let mut cmd = adscheck([
        "report".as_ref(),
        "examples/directory".as_ref(),
        "--out".as_ref(),
        site.as_os_str(),
    ]);
    if let Some(epoch) = source_date_epoch {
        cmd = cmd.env("SOURCE_DATE_EPOCH", epoch);
    }
    let ran = cmd.run();
    (out, ran)
}

/// A new folder holding `files` (path relative to it, content), for one test.
pub fn files(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (path, text) in files {
        let path = dir.path().join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    dir
}

/// The harness's own promise: what a developer's terminal or GitHub Actions sets does not
/// reach the command (`check` would write GitHub annotations, the table would be coloured).
#[test]
fn the_harness_runs_every_command_in_a_clean_environment() {
    let cmd = adscheck(["check", "t.yaml"]);
    let removed: Vec<String> = cmd
        .command
        .get_envs()
        .filter(|(_, value)| value.is_none())
        .map(|(name, _)| name.to_string_lossy().into_owned())
        .collect();
    for name in CLEARED {
        assert!(removed.iter().any(|r| r == name), "{name} is not cleared");
    }
    let dir = files(&[(
        "t.yaml",
        "tool: {name: A, agency: B}\nanswers: {1a: unsure}\n",
    )]);
    let ran = cmd.at(dir.path()).run();
    ran.code(1).stdout_has("undetermined").lacks("::error");
    adscheck(["--version"])
        .run()
        .code(0)
        .stdout(&format!("adscheck {}\n", env!("CARGO_PKG_VERSION")));
}
