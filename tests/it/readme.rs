//! Every `adscheck` command in the README's shell examples, run as written (in a folder with
//! the bundled examples, and the files the README's prose says the reader has), with the exit
//! code it must give; or set aside here with the reason. A command added to, changed in or
//! removed from the README fails this test until it is listed, so the README cannot drift
//! from the program.

use std::path::Path;
use std::process::Command;

/// What to do with a README command.
enum Expect {
    /// Run it; it must exit with this code.
    Exit(i32),
    /// Not run, and why.
    Skip(&'static str),
}

/// The README's commands, in its order, without their trailing comments.
const COMMANDS: &[(&str, Expect)] = &[
    ("adscheck --help", Expect::Exit(0)),
    (
        "adscheck interview",
        Expect::Skip("interactive: tests/it/terminal.rs and tests/it/plain.rs drive it"),
    ),
    (
        "adscheck interview --out fire-model.yaml",
        Expect::Skip("interactive: tests/it/terminal.rs and tests/it/plain.rs drive it"),
    ),
    (
        "adscheck interview --resume fire-model.yaml",
        Expect::Skip("interactive: tests/it/terminal.rs and tests/it/plain.rs drive it"),
    ),
    ("adscheck template --out fire-model.yaml", Expect::Exit(0)),
    (
        "adscheck schema --out nyc-ll49-2018.schema.json",
        Expect::Exit(0),
    ),
    // The blank template, with every question open, and the schema beside it (not read).
    (
        "adscheck classify --explain fire-model.yaml",
        Expect::Exit(0),
    ),
    ("adscheck classify examples/answers/", Expect::Exit(0)),
    (
        "adscheck classify --explain examples/answers/it-ticket-triage.yaml",
        Expect::Exit(0),
    ),
    (
        "adscheck classify -f json examples/answers/ > results.json",
        Expect::Exit(0),
    ),
    (
        "adscheck classify -f csv inventory/ > inventory.csv",
        Expect::Exit(0),
    ),
    ("cat tool.yaml | adscheck classify -", Expect::Exit(0)),
    ("adscheck checklist show", Expect::Exit(0)),
    ("adscheck checklist show -f markdown", Expect::Exit(0)),
    (
        "adscheck checklist lint my-revised-checklist.yaml",
        Expect::Exit(0),
    ),
    (
        "adscheck checklist test my-revised-checklist.yaml",
        Expect::Exit(0),
    ),
    // The "revision" here is the checklist itself: nothing changes.
    (
        "adscheck recheck --against my-revised-checklist.yaml answers/",
        Expect::Exit(0),
    ),
    (
        "adscheck classify --checklist my-revised-checklist.yaml answers/",
        Expect::Exit(0),
    ),
    (
        "adscheck ll35 import examples/ll35/algorithmic-tools-2022-2023.csv --out inventory-ll35/",
        Expect::Exit(0),
    ),
    // Imported tools have no answers yet: undetermined, which check fails.
    ("adscheck check inventory-ll35/", Expect::Exit(1)),
    (
        "adscheck ll35 export inventory-ll35/ --edition 2023 --year 2023 --out ll35-2023.csv",
        Expect::Exit(0),
    ),
    ("adscheck report examples/directory/", Expect::Exit(0)),
    (
        "adscheck report examples/directory/ -f json > report.json",
        Expect::Exit(0),
    ),
    (
        "adscheck report examples/directory/ --since report.json",
        Expect::Exit(0),
    ),
    (
        "adscheck report examples/directory/ --out site/",
        Expect::Exit(0),
    ),
];

/// The `adscheck` commands of the README's shell blocks, comments removed.
fn readme_commands() -> Vec<String> {
    let readme = std::fs::read_to_string("README.md").unwrap();
    let mut commands = Vec::new();
    let mut in_shell = false;
    for line in readme.lines() {
        let fence = line.trim_start();
        if fence.starts_with("```") {
            in_shell = !in_shell && matches!(fence, "```sh" | "```bash" | "```shell");
            continue;
        }
        if in_shell && line.contains("adscheck ") {
            let command = line.split(" #").next().unwrap_or(line).trim_end();
            commands.push(command.to_owned());
        }
    }
    commands
}

fn link(from: &str, to: &Path) {
    std::os::unix::fs::symlink(Path::new(env!("CARGO_MANIFEST_DIR")).join(from), to).unwrap();
}

#[test]
fn the_readmes_commands_are_all_listed() {
    let listed: Vec<&str> = COMMANDS.iter().map(|(c, _)| *c).collect();
    assert_eq!(
        readme_commands(),
        listed,
        "the README's adscheck commands changed: list each here, with its exit code or why it \
         is not run"
    );
    // A command that is not run here names the tests that cover it, and they exist.
    for (command, expect) in COMMANDS {
        if let Expect::Skip(why) = expect {
            let covered: Vec<&str> = why
                .split_whitespace()
                .filter(|w| w.starts_with("tests/"))
                .collect();
            assert!(!covered.is_empty(), "`{command}`: {why}");
            for file in covered {
                assert!(
                    Path::new(file).is_file(),
                    "`{command}`: {file} does not exist"
                );
            }
        }
    }
}

#[test]
fn the_readmes_commands_run_as_written() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    // What the README's reader has: the bundled examples and checklists, an inventory folder,
    // a folder of answers, one answer file, and a revised checklist.
    link("examples", &root.join("examples"));
    link("checklists", &root.join("checklists"));
    link("examples/inventory", &root.join("inventory"));
    link("examples/answers", &root.join("answers"));
    link(
        "examples/answers/fire-inspection-risk-model.yaml",
        &root.join("tool.yaml"),
    );
    link(
        "checklists/nyc-ll49-2018.yaml",
        &root.join("my-revised-checklist.yaml"),
    );
    let bin = Path::new(env!("CARGO_BIN_EXE_adscheck")).parent().unwrap();
    let path = format!(
        "{}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let mut ran = 0;
    for (command, expect) in COMMANDS {
        let Expect::Exit(code) = expect else {
            continue;
        };
        let output = Command::new("sh")
            .args(["-c", command])
            .current_dir(root)
            .env("PATH", &path)
            .env_remove("GITHUB_ACTIONS")
            .output()
            .unwrap();
        assert_eq!(
            output.status.code(),
            Some(*code),
            "`{command}`:\n{}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
        ran += 1;
    }
    assert_eq!(ran, 22);
    // What they wrote is there, and is what the README says it is.
    let results = std::fs::read_to_string(root.join("results.json")).unwrap();
    let results: serde_json::Value = serde_json::from_str(&results).unwrap();
    assert_eq!(results.as_array().unwrap().len(), 9);
    let csv = std::fs::read_to_string(root.join("inventory.csv")).unwrap();
    assert!(csv.starts_with("file,"), "{csv}");
    assert!(root.join("fire-model.yaml").is_file());
    assert!(root.join("nyc-ll49-2018.schema.json").is_file());
}

#[test]
fn every_dependency_is_explained_in_the_readme() {
    let manifest = std::fs::read_to_string("Cargo.toml").unwrap();
    let readme = std::fs::read_to_string("README.md").unwrap();
    let table = readme
        .split("## Dependencies, and why each is there")
        .nth(1)
        .and_then(|rest| rest.split("\n## ").next())
        .expect("the README has a dependencies section");
    let section = manifest
        .split("[dependencies]")
        .nth(1)
        .and_then(|rest| rest.split("\n[").next())
        .unwrap();
    let mut named = 0;
    for line in section.lines().filter(|l| l.contains('=')) {
        let name = line.split('=').next().unwrap().trim();
        assert!(
            table.contains(name),
            "{name} is a dependency the README does not explain"
        );
        named += 1;
    }
    assert!(named > 20, "{named}");
}
