//! The documentation cannot drift from the program:
//!
//! - every `adscheck` command in the shell examples of `README.md` and of every `docs/*.md`
//!   file is run as written, with the exit code it must give, or set aside here with the
//!   reason and the tests that cover it. A command added to, changed in or removed from the
//!   documentation fails this test until it is listed;
//! - every relative link in those files leads to a file that exists, and a `#heading` link
//!   into a Markdown file to one of its headings;
//! - every dependency is explained in the dependencies chapter.
//!
//! The documents are read in a fixed order: `README.md`, then the `docs/*.md` files sorted by
//! name. Each document's commands run in its order, in a fresh folder holding the bundled
//! examples and the files the documents' prose says the reader has (see [`reader_folder`]).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

/// What to do with a documented command.
enum Expect {
    /// Run it; it must exit with this code.
    Exit(i32),
    /// Not run, and why (naming the tests that cover it).
    Skip(&'static str),
}

const INTERACTIVE: &str = "interactive: tests/it/terminal.rs and tests/it/plain.rs drive it";
const INTERACTIVE_LL35: &str = "interactive: tests/it/widths.rs and tests/it/plain.rs run the \
                                interview with the report's fields, in both modes";

/// Each document's commands, in the documents' order and each one's own, without their
/// trailing comments. Documents with no command are not listed.
const COMMANDS: &[(&str, &[(&str, Expect)])] = &[
    (
        "README.md",
        &[
            ("adscheck --help", Expect::Exit(0)),
            (
                "adscheck interview --out fire-model.yaml",
                Expect::Skip(INTERACTIVE),
            ),
            (
                "adscheck interview --plain --out fire-model.yaml",
                Expect::Skip("interactive: tests/it/plain.rs drives the plain interview"),
            ),
            (
                "adscheck classify --explain examples/answers/it-ticket-triage.yaml",
                Expect::Exit(0),
            ),
            (
                "adscheck classify -f csv examples/answers/ > tools.csv",
                Expect::Exit(0),
            ),
            ("adscheck check examples/inventory", Expect::Exit(0)),
            // One problem of each kind.
            ("adscheck check examples/inventory-failing", Expect::Exit(1)),
            (
                "adscheck ll35 import examples/ll35/algorithmic-tools-2022-2023.csv --out inventory-ll35/",
                Expect::Exit(0),
            ),
            ("adscheck report examples/directory/", Expect::Exit(0)),
            (
                "adscheck ll35 export examples/directory/ --out ll35.csv",
                Expect::Exit(0),
            ),
            (
                "adscheck report examples/directory/ --out site/",
                Expect::Exit(0),
            ),
            ("adscheck checklist show", Expect::Exit(0)),
            (
                "adscheck checklist lint checklists/nyc-ll49-2018.yaml",
                Expect::Exit(0),
            ),
            (
                "adscheck checklist test checklists/nyc-ll49-2018.yaml",
                Expect::Exit(0),
            ),
        ],
    ),
    (
        "docs/agency-staff.md",
        &[
            ("adscheck interview", Expect::Skip(INTERACTIVE)),
            (
                "adscheck interview --out fire-model.yaml",
                Expect::Skip(INTERACTIVE),
            ),
            (
                "adscheck interview --resume fire-model.yaml",
                Expect::Skip(INTERACTIVE),
            ),
            ("adscheck template --out fire-model.yaml", Expect::Exit(0)),
            (
                "adscheck schema --out nyc-ll49-2018.schema.json",
                Expect::Exit(0),
            ),
            // The blank template, with every question open, and the schema beside it.
            (
                "adscheck classify --explain fire-model.yaml",
                Expect::Exit(0),
            ),
        ],
    ),
    (
        "docs/analysts.md",
        &[
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
        ],
    ),
    (
        "docs/checklist-maintainers.md",
        &[
            ("adscheck checklist list", Expect::Exit(0)),
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
        ],
    ),
    (
        "docs/ci.md",
        &[
            ("adscheck check examples/inventory", Expect::Exit(0)),
            ("adscheck check examples/inventory-failing", Expect::Exit(1)),
        ],
    ),
    (
        "docs/install.md",
        &[
            ("adscheck --help", Expect::Exit(0)),
            ("adscheck completions bash > adscheck.bash", Expect::Exit(0)),
            ("adscheck man > adscheck.1", Expect::Exit(0)),
        ],
    ),
    (
        "docs/policy-office.md",
        &[
            (
                "adscheck ll35 import examples/ll35/algorithmic-tools-2022-2023.csv --out inventory-ll35/",
                Expect::Exit(0),
            ),
            // Imported tools have no answers yet: not assessed, which check fails.
            ("adscheck check inventory-ll35/", Expect::Exit(1)),
            (
                "adscheck interview --resume inventory-ll35/FDNY/building-fire-risk-model.yaml",
                Expect::Skip(INTERACTIVE_LL35),
            ),
            ("adscheck report inventory-ll35/", Expect::Exit(0)),
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
        ],
    ),
    (
        "docs/researchers.md",
        &[
            (
                "adscheck report examples/directory/ --out site/",
                Expect::Exit(0),
            ),
            (
                "jq '{checklist: .checklist.id, answers: .answers}' site/tools/fdny-building-fire-risk-model.json | adscheck classify --explain -",
                Expect::Skip(
                    "needs jq, which the tests do not install: tests/it/site.rs reproduces \
                     every record's determinations from its answers the same way",
                ),
            ),
        ],
    ),
];

/// The documents, in the order their commands are listed: `README.md`, then `docs/*.md`
/// sorted by name.
fn documents() -> Vec<PathBuf> {
    let mut docs: Vec<PathBuf> = std::fs::read_dir("docs")
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    docs.sort();
    let mut all = vec![PathBuf::from("README.md")];
    all.extend(docs);
    all
}

/// The `adscheck` commands of a document's shell blocks, comments removed.
fn shell_commands(text: &str) -> Vec<String> {
    let mut commands = Vec::new();
    let mut in_shell = false;
    let mut in_fence = false;
    for line in text.lines() {
        let fence = line.trim_start();
        if fence.starts_with("```") {
            in_shell = !in_fence && matches!(fence, "```sh" | "```bash" | "```shell");
            in_fence = !in_fence;
            continue;
        }
        if in_shell && line.contains("adscheck ") {
            let command = line.split(" #").next().unwrap_or(line).trim();
            commands.push(command.to_owned());
        }
    }
    commands
}

fn link(from: &str, to: &Path) {
    std::os::unix::fs::symlink(Path::new(env!("CARGO_MANIFEST_DIR")).join(from), to).unwrap();
}

/// A fresh folder with what the documents' reader has: the bundled examples and checklists,
/// an inventory folder, a folder of answers, one answer file, and a revised checklist.
fn reader_folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
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
    dir
}

#[test]
fn the_documented_commands_are_all_listed() {
    let found: Vec<(String, Vec<String>)> = documents()
        .iter()
        .map(|d| {
            let text = std::fs::read_to_string(d).unwrap();
            (d.display().to_string(), shell_commands(&text))
        })
        .filter(|(_, commands)| !commands.is_empty())
        .collect();
    let listed: Vec<(String, Vec<String>)> = COMMANDS
        .iter()
        .map(|(doc, commands)| {
            (
                (*doc).to_owned(),
                commands.iter().map(|(c, _)| (*c).to_owned()).collect(),
            )
        })
        .collect();
    assert_eq!(
        found, listed,
        "the documentation's adscheck commands changed: list each here, with its exit code or \
         why it is not run"
    );
    // A command that is not run here names the tests that cover it, and they exist.
    for (doc, commands) in COMMANDS {
        for (command, expect) in *commands {
            if let Expect::Skip(why) = expect {
                let covered: Vec<&str> = why
                    .split_whitespace()
                    .filter(|w| w.starts_with("tests/"))
                    .collect();
                assert!(!covered.is_empty(), "{doc}: `{command}`: {why}");
                for file in covered {
                    assert!(
                        Path::new(file).is_file(),
                        "{doc}: `{command}`: {file} does not exist"
                    );
                }
            }
        }
    }
}

#[test]
fn the_documented_commands_run_as_written() {
    let bin = Path::new(env!("CARGO_BIN_EXE_adscheck")).parent().unwrap();
    let path = format!(
        "{}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let mut ran = 0;
    for (doc, commands) in COMMANDS {
        let dir = reader_folder();
        let root = dir.path();
        for (command, expect) in *commands {
            let Expect::Exit(code) = expect else {
                continue;
            };
            let output = Command::new("sh")
                .args(["-c", command])
                .current_dir(root)
                .env("PATH", &path)
                .env_remove("GITHUB_ACTIONS")
                .env_remove("GITHUB_STEP_SUMMARY")
                .output()
                .unwrap();
            assert_eq!(
                output.status.code(),
                Some(*code),
                "{doc}: `{command}`:\n{}{}",
                String::from_utf8_lossy(&output.stdout),
                String::from_utf8_lossy(&output.stderr)
            );
            ran += 1;
        }
        wrote_what_the_document_says(doc, root);
    }
    assert_eq!(ran, 41);
}

/// What a document's commands wrote is there, and is what the document says it is.
fn wrote_what_the_document_says(doc: &str, root: &Path) {
    let read = |name: &str| {
        std::fs::read_to_string(root.join(name)).unwrap_or_else(|e| panic!("{doc}: {name}: {e}"))
    };
    let site_has = |files: &[&str]| {
        for file in files {
            assert!(root.join("site").join(file).is_file(), "{doc}: site/{file}");
        }
    };
    match doc {
        "README.md" => {
            assert!(read("tools.csv").starts_with("file,"), "{doc}: tools.csv");
            assert!(
                root.join("inventory-ll35/FDNY/building-fire-risk-model.yaml")
                    .is_file()
            );
            assert!(
                read("ll35.csv").starts_with("year,agency,"),
                "{doc}: ll35.csv"
            );
            site_has(&["index.html"]);
        }
        "docs/agency-staff.md" => {
            assert!(read("fire-model.yaml").contains("answers:"));
            let schema: serde_json::Value =
                serde_json::from_str(&read("nyc-ll49-2018.schema.json")).unwrap();
            assert!(schema.is_object());
        }
        "docs/analysts.md" => {
            let results: serde_json::Value = serde_json::from_str(&read("results.json")).unwrap();
            assert_eq!(results.as_array().unwrap().len(), 9);
            assert!(read("inventory.csv").starts_with("file,"));
        }
        "docs/install.md" => {
            assert!(read("adscheck.bash").contains("adscheck"));
            assert!(read("adscheck.1").contains(".TH"));
        }
        "docs/policy-office.md" => {
            assert!(read("ll35-2023.csv").starts_with("year,agency,tool_name,"));
            let report: serde_json::Value = serde_json::from_str(&read("report.json")).unwrap();
            assert!(report.is_object());
            site_has(&["index.html"]);
        }
        "docs/researchers.md" => {
            // Every page and download the chapter names.
            site_has(&[
                "index.html",
                "about.html",
                "laws.html",
                "report.html",
                "changes.html",
                "changes.atom",
                "tools/fdny-building-fire-risk-model.html",
                "tools/fdny-building-fire-risk-model.json",
                "downloads/tools.csv",
                "downloads/dictionary.html",
                "downloads/dictionary.csv",
                "downloads/records.json",
                "downloads/tools.json",
            ]);
            assert!(root.join("site/agencies").is_dir() && root.join("site/browse").is_dir());
            let ll35 = std::fs::read_dir(root.join("site/downloads"))
                .unwrap()
                .filter_map(|e| e.ok())
                .any(|e| {
                    let name = e.file_name().to_string_lossy().into_owned();
                    name.starts_with("ll35-")
                        && name.contains("-edition-")
                        && name.ends_with(".csv")
                });
            assert!(ll35, "{doc}: downloads/ll35-<year>-edition-<edition>.csv");
        }
        _ => {}
    }
}

/// A document's lines, those of fenced code blocks (and the fences) blanked: what is left can
/// hold links and headings.
fn outside_fences(text: &str) -> Vec<&str> {
    let mut lines = Vec::new();
    let mut in_fence = false;
    for line in text.lines() {
        if line.trim_start().starts_with("```") {
            in_fence = !in_fence;
            lines.push("");
        } else {
            lines.push(if in_fence { "" } else { line });
        }
    }
    lines
}

/// A line without its inline code spans (a run of N backticks up to the next run of N).
fn without_code_spans(line: &str) -> String {
    let chars: Vec<char> = line.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i] != '`' {
            out.push(chars[i]);
            i += 1;
            continue;
        }
        let run = chars[i..].iter().take_while(|c| **c == '`').count();
        let mut j = i + run;
        let mut closed = None;
        while j < chars.len() {
            if chars[j] == '`' {
                let other = chars[j..].iter().take_while(|c| **c == '`').count();
                if other == run {
                    closed = Some(j + other);
                    break;
                }
                j += other;
            } else {
                j += 1;
            }
        }
        match closed {
            Some(end) => i = end,
            None => {
                out.extend(&chars[i..i + run]);
                i += run;
            }
        }
    }
    out
}

/// The targets of a document's inline links and images, `[text](target)`.
fn link_targets(text: &str) -> Vec<String> {
    let mut targets = Vec::new();
    for line in outside_fences(text) {
        let line = without_code_spans(line);
        let mut rest = line.as_str();
        while let Some(at) = rest.find("](") {
            let after = &rest[at + 2..];
            let end = after.find(')').unwrap_or(after.len());
            let target = after[..end].split_whitespace().next().unwrap_or("");
            targets.push(target.to_owned());
            rest = &after[end..];
        }
    }
    targets
}

/// GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens.
fn slug(heading: &str) -> String {
    heading
        .trim()
        .to_lowercase()
        .chars()
        .filter(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | ' '))
        .map(|c| if c == ' ' { '-' } else { c })
        .collect()
}

/// The anchors of a Markdown file's headings, a repeated one numbered as GitHub numbers it.
fn anchors(text: &str) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    for line in outside_fences(text) {
        let hashes = line.chars().take_while(|c| *c == '#').count();
        if !(1..=6).contains(&hashes) || !line[hashes..].starts_with(' ') {
            continue;
        }
        let base = slug(&line[hashes..]);
        let mut anchor = base.clone();
        let mut n = 0;
        while found.contains(&anchor) {
            n += 1;
            anchor = format!("{base}-{n}");
        }
        found.insert(anchor);
    }
    found
}

#[test]
fn every_relative_link_in_the_documentation_resolves() {
    let mut checked = 0;
    for doc in documents() {
        let text = std::fs::read_to_string(&doc).unwrap();
        let folder = doc.parent().unwrap_or(Path::new(""));
        for target in link_targets(&text) {
            if target.contains("://") || target.starts_with("mailto:") {
                continue;
            }
            let (file, anchor) = match target.split_once('#') {
                Some((file, anchor)) => (file, Some(anchor)),
                None => (target.as_str(), None),
            };
            let path = if file.is_empty() {
                doc.clone()
            } else {
                folder.join(file)
            };
            assert!(
                path.exists(),
                "{}: the link `{target}` leads to {}, which does not exist",
                doc.display(),
                path.display()
            );
            if let Some(anchor) = anchor {
                assert!(
                    path.extension().is_some_and(|e| e == "md"),
                    "{}: `{target}`: an anchor into a file that is not Markdown",
                    doc.display()
                );
                let headings = anchors(&std::fs::read_to_string(&path).unwrap());
                assert!(
                    headings.contains(anchor),
                    "{}: the link `{target}` names no heading of {}; its anchors are {headings:?}",
                    doc.display(),
                    path.display()
                );
            }
            checked += 1;
        }
    }
    assert!(checked > 100, "{checked}");
}

#[test]
fn github_anchors_are_made_as_github_makes_them() {
    assert_eq!(slug(" The words of `--explain`"), "the-words-of---explain");
    assert_eq!(
        slug(" 1. Import last year's table"),
        "1-import-last-years-table"
    );
    assert_eq!(slug(" Settings: `.adscheck.yaml`"), "settings-adscheckyaml");
    assert_eq!(
        slug(" Why serde-saphyr, not serde_yaml"),
        "why-serde-saphyr-not-serde_yaml"
    );
    let found = anchors("# A\n\n```sh\n# not a heading\n```\n## A\n### `b` c\n");
    assert_eq!(
        found,
        ["a", "a-1", "b-c"].map(String::from).into_iter().collect()
    );
    assert_eq!(
        link_targets("[a](x.md#y) `[b](no.md)` ![c](d.png \"t\")\n```\n[e](no)\n```\n"),
        ["x.md#y", "d.png"]
    );
}

#[test]
fn every_dependency_is_explained_in_the_dependencies_chapter() {
    let manifest = std::fs::read_to_string("Cargo.toml").unwrap();
    let chapter = std::fs::read_to_string("docs/dependencies.md").unwrap();
    let table = chapter
        .split("## Dependencies, and why each is there")
        .nth(1)
        .and_then(|rest| rest.split("\n## ").next())
        .expect("docs/dependencies.md has its dependencies section");
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
            "{name} is a dependency docs/dependencies.md does not explain"
        );
        named += 1;
    }
    assert!(named > 20, "{named}");
}
