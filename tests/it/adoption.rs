//! Issue 28: the files an inventory repository adopts adscheck with (the GitHub Action at the
//! root, the pre-commit hook, the example GitHub, pre-commit and GitLab configurations) parse,
//! say plainly what must be replaced, and their adscheck commands run as written on a copy of
//! the example inventory, with the exit codes and files the guide promises.

use std::path::Path;
use std::process::Command;

use serde_json::Value;

use crate::support::{copy_tree as copy, root};

fn yaml(path: &str) -> Value {
    let text = std::fs::read_to_string(root().join(path)).unwrap();
    serde_saphyr::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// A copy of the example inventory: a repository that adopts adscheck.
fn repository() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy(&root().join("examples/inventory"), dir.path());
    dir
}

/// Run `script` with `sh` in `dir`, the built adscheck first on the PATH, GitHub's variables
/// cleared and `env` set.
fn sh(dir: &Path, script: &str, env: &[(&str, &str)]) -> (i32, String, String) {
    let bin = Path::new(env!("CARGO_BIN_EXE_adscheck")).parent().unwrap();
    let path = format!(
        "{}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let mut command = Command::new("sh");
    command
        .args(["-c", script])
        .current_dir(dir)
        .env("PATH", path)
        .env_remove("GITHUB_ACTIONS")
        .env_remove("GITHUB_STEP_SUMMARY");
    for (k, v) in env {
        command.env(k, v);
    }
    let out = command.output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn the_action_builds_from_its_own_sources_and_checks_with_the_github_format() {
    let action = yaml("action.yml");
    assert_eq!(action["runs"]["using"], "composite", "{action}");
    assert_eq!(action["inputs"]["paths"]["default"], ".");
    assert_eq!(action["inputs"]["args"]["default"], "");
    let steps = action["runs"]["steps"].as_array().unwrap();
    let run_of = |s: &Value| s["run"].as_str().unwrap_or("").to_owned();
    // Built with cargo install --locked from the action's own checkout, and cached by a hash
    // of the sources that build it.
    let install = steps
        .iter()
        .find(|s| run_of(s).contains("cargo install"))
        .unwrap();
    assert!(
        run_of(install).contains("cargo install --locked --path \"$GITHUB_ACTION_PATH\""),
        "{install}"
    );
    assert_eq!(
        install["if"], "steps.cache.outputs.cache-hit != 'true'",
        "{install}"
    );
    let cache = steps
        .iter()
        .find(|s| {
            s["uses"]
                .as_str()
                .is_some_and(|u| u.starts_with("actions/cache@"))
        })
        .unwrap();
    assert!(
        cache["with"]["key"]
            .as_str()
            .unwrap()
            .contains("steps.sources.outputs.hash")
    );
    // Every file the fingerprint names exists (a renamed folder would freeze the cache).
    let fingerprint = run_of(steps.iter().find(|s| s["id"] == "sources").unwrap());
    let named = fingerprint
        .split("find ")
        .nth(1)
        .unwrap()
        .split(" -type")
        .next()
        .unwrap();
    for path in named.split_whitespace() {
        assert!(root().join(path).exists(), "{path}");
    }
    // The check, run as written, with the inputs' defaults: annotations on standard output
    // and the job summary in the file GitHub names.
    let check = steps.last().unwrap();
    let script = run_of(check);
    assert!(script.starts_with("adscheck check -f github "), "{script}");
    let repo = repository();
    let summary = repo.path().join("..").join("summary.md");
    let summary = summary.to_str().unwrap();
    let (code, stdout, stderr) = sh(
        repo.path(),
        &script,
        &[
            ("ADSCHECK_PATHS", "."),
            ("ADSCHECK_ARGS", ""),
            ("GITHUB_STEP_SUMMARY", summary),
        ],
    );
    assert_eq!(code, 0, "{stdout}{stderr}");
    let written = std::fs::read_to_string(summary).unwrap();
    std::fs::remove_file(summary).unwrap();
    assert!(
        written.starts_with("### adscheck check: 3 files, 0 errors"),
        "{written}"
    );
    // An argument given as the `args` input reaches the command.
    let (code, stdout, _) = sh(
        repo.path(),
        &script,
        &[
            ("ADSCHECK_PATHS", "."),
            ("ADSCHECK_ARGS", "--fail-on nonsense"),
        ],
    );
    assert_eq!(code, 2, "{stdout}");
}

#[test]
fn the_pre_commit_hook_checks_the_files_a_commit_touches() {
    let hooks = yaml(".pre-commit-hooks.yaml");
    let hook = &hooks[0];
    let config = yaml("examples/ci/pre-commit-config.yaml");
    assert_eq!(config["repos"][0]["hooks"][0]["id"], hook["id"]);
    let entry = hook["entry"].as_str().unwrap();
    assert!(entry.starts_with("adscheck check"), "{entry}");
    // pre-commit runs the entry with the touched files that match `files`.
    let files = regex_lite(hook["files"].as_str().unwrap());
    let repo = repository();
    let touched = "sanitation/collection-route-optimization.yaml";
    assert!(repo.path().join(touched).is_file());
    assert!(files(touched));
    let (code, stdout, stderr) = sh(repo.path(), &format!("{entry} {touched}"), &[]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    // A touched file that fails fails the commit.
    std::fs::write(
        repo.path().join("sanitation/new.yaml"),
        "tool: {name: A, agency: B}\nanswers: {1a: perhaps}\n",
    )
    .unwrap();
    let (code, stdout, _) = sh(repo.path(), &format!("{entry} sanitation/new.yaml"), &[]);
    assert_eq!(code, 1, "{stdout}");
    assert!(stdout.contains("sanitation/new.yaml"), "{stdout}");
    std::fs::remove_file(repo.path().join("sanitation/new.yaml")).unwrap();
    // pre-commit names files from the repository's root: a bare name, second, still runs
    // under the root's settings (it once made the common folder `/`, and the settings were
    // dropped: a draft was checked).
    std::fs::write(
        repo.path().join("root-tool.yaml"),
        "tool: {name: Root tool, agency: Department of Sanitation, description: A tool.}\n\
         answers: {1a: no}\n",
    )
    .unwrap();
    let (code, stdout, stderr) = sh(
        repo.path(),
        &format!("{entry} {touched} root-tool.yaml sanitation/drafts/litter-basket-sensors.yaml"),
        &[],
    );
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(
        stdout.contains("settings: .adscheck.yaml; 1 file excluded"),
        "{stdout}"
    );
    // Named files say nothing of patterns that matched none of them.
    assert!(!stdout.contains("unused-pattern"), "{stdout}");
    // A commit that touches only excluded files has nothing to check: not a failure.
    let (code, stdout, stderr) = sh(
        repo.path(),
        &format!("{entry} sanitation/drafts/litter-basket-sensors.yaml"),
        &[],
    );
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(stderr.contains("nothing to check"), "{stderr}");
    // The hook runs once for all the files a commit touches (duplicates across them are seen).
    assert_eq!(hook["require_serial"], true);
}

/// The hook's `files` pattern, `\.(ya?ml|json)$`, as a test of a name (the only pattern it
/// has; a changed pattern fails here first).
fn regex_lite(pattern: &str) -> impl Fn(&str) -> bool {
    assert_eq!(pattern, r"\.(ya?ml|json)$");
    |name: &str| [".yaml", ".yml", ".json"].iter().any(|e| name.ends_with(e))
}

#[test]
fn the_gitlab_job_runs_as_written() {
    let job = &yaml("examples/ci/gitlab-ci.yml")["adscheck"];
    let lines = |key: &str| -> Vec<String> {
        job[key]
            .as_array()
            .unwrap()
            .iter()
            .map(|l| l.as_str().unwrap().to_owned())
            .collect()
    };
    let (before, script) = (lines("before_script"), lines("script"));
    assert!(
        before[1].starts_with(
            "command -v adscheck || cargo install --locked --root \"$ADSCHECK_ROOT\" --git "
        ),
        "{before:?}"
    );
    // As a later pipeline finds it: the program where the first one installed it (the
    // cached folder), and nothing else on the PATH that names adscheck. The job's own lines
    // must put it on the PATH; the install line is not run (the program is there).
    let repo = repository();
    let root = job["variables"]["ADSCHECK_ROOT"]
        .as_str()
        .unwrap()
        .replace("$CI_PROJECT_DIR", repo.path().to_str().unwrap());
    std::fs::create_dir_all(Path::new(&root).join("bin")).unwrap();
    std::fs::copy(
        env!("CARGO_BIN_EXE_adscheck"),
        Path::new(&root).join("bin/adscheck"),
    )
    .unwrap();
    assert_eq!(job["cache"]["paths"][0], ".adscheck-bin/");
    assert!(root.ends_with("/.adscheck-bin"), "{root}");
    let whole = format!("set -e\n{}\n{}\n", before.join("\n"), script.join("\n"));
    let mut command = Command::new("sh");
    command
        .args(["-c", &whole])
        .current_dir(repo.path())
        .env("PATH", "/usr/bin:/bin")
        .env("ADSCHECK_ROOT", &root);
    let out = command.output().unwrap();
    assert!(
        out.status.success(),
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("adscheck check: 3 files"));
    let report = job["artifacts"]["reports"]["junit"].as_str().unwrap();
    let junit = std::fs::read_to_string(repo.path().join(report)).unwrap();
    assert!(junit.starts_with("<?xml"), "{junit}");
    assert!(junit.contains("<testsuite"), "{junit}");
    // Run again in the same working copy, the report is replaced, not refused.
    let again = Command::new("sh")
        .args(["-c", &whole])
        .current_dir(repo.path())
        .env("PATH", "/usr/bin:/bin")
        .env("ADSCHECK_ROOT", &root)
        .output()
        .unwrap();
    assert!(again.status.success());
    assert!(
        !String::from_utf8_lossy(&again.stderr).contains("not replaced"),
        "{}",
        String::from_utf8_lossy(&again.stderr)
    );
}

#[test]
fn what_must_be_replaced_is_plainly_a_placeholder() {
    for path in [
        "examples/ci/github-workflow.yml",
        "examples/ci/pre-commit-config.yaml",
        "examples/ci/gitlab-ci.yml",
    ] {
        let text = std::fs::read_to_string(root().join(path)).unwrap();
        assert!(text.contains("YOUR-ORG/adscheck"), "{path}");
        assert!(text.contains("YOUR-COMMIT-SHA"), "{path}");
        assert!(!text.contains("example.org"), "{path}");
        assert!(text.contains("placeholder"), "{path} says what they are");
    }
    let workflow = yaml("examples/ci/github-workflow.yml");
    let steps = workflow["jobs"]["check"]["steps"].as_array().unwrap();
    assert_eq!(steps[1]["uses"], "YOUR-ORG/adscheck@YOUR-COMMIT-SHA");
    // The inputs it gives are the action's.
    let action = yaml("action.yml");
    for input in steps[1]["with"].as_object().unwrap().keys() {
        assert!(action["inputs"].get(input).is_some(), "{input}");
    }
}
