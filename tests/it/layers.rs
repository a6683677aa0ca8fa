//! The house keeps its shape: every `crate::`, `super::` and `self::` path in the library's
//! files is read, resolved to the file it names, and
//!
//! - an edge between two top-level modules must run up the layer table at the top of
//!   `src/lib.rs` (a module uses only modules on lines above its own; the table is both the
//!   documentation and this test's data, as the README is `readme.rs`'s);
//! - no files import each other in a circle (a `mod.rs` naming its own children aside: that is
//!   how a module re-exports them);
//! - every library module is in the table, and every module in the table exists.
//!
//! Comment lines are not read: a doc link to a module above is not a dependency.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use crate::support::root;

/// The module path of a library file: `src/a/b.rs` and `src/a/b/mod.rs` are `[a, b]`.
fn module_of(src: &Path, file: &Path) -> Vec<String> {
    let rel = file.strip_prefix(src).unwrap();
    let mut parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    let last = parts.pop().unwrap();
    let stem = last.trim_end_matches(".rs");
    if stem != "mod" && stem != "lib" {
        parts.push(stem.to_owned());
    }
    parts
}

/// The file that defines module `path`, if one does.
fn file_of(src: &Path, path: &[String]) -> Option<PathBuf> {
    if path.is_empty() {
        return Some(src.join("lib.rs"));
    }
    let joined: PathBuf = path.iter().collect();
    let flat = src.join(&joined).with_extension("rs");
    let nested = src.join(&joined).join("mod.rs");
    [flat, nested].into_iter().find(|f| f.is_file())
}

/// Every path a line of code names from `crate::`, `super::` or `self::`, made absolute
/// against `module` (groups such as `crate::{a::B, c}` expanded).
fn paths_in(code: &str, module: &[String]) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    let bytes: Vec<char> = code.chars().collect();
    let mut i = 0;
    while i < bytes.len() {
        let rest: String = bytes[i..bytes.len().min(i + 7)].iter().collect();
        let boundary = i == 0 || !(bytes[i - 1].is_alphanumeric() || bytes[i - 1] == '_');
        let base = if !boundary {
            None
        } else if rest.starts_with("crate::") {
            Some((Vec::new(), 7))
        } else if rest.starts_with("super::") {
            let mut parent = module.to_vec();
            parent.pop();
            Some((parent, 7))
        } else if rest.starts_with("self::") {
            Some((module.to_vec(), 6))
        } else {
            None
        };
        match base {
            Some((prefix, skip)) => {
                i += skip;
                i = tree(&bytes, i, prefix, &mut out);
            }
            None => i += 1,
        }
    }
    out
}

/// Read a use tree at `i` below `prefix` into `out`; returns where it ends.
fn tree(
    chars: &[char],
    mut i: usize,
    mut prefix: Vec<String>,
    out: &mut Vec<Vec<String>>,
) -> usize {
    loop {
        while i < chars.len() && chars[i] == ' ' {
            i += 1;
        }
        if i < chars.len() && chars[i] == '{' {
            i += 1;
            loop {
                i = tree(chars, i, prefix.clone(), out);
                while i < chars.len() && (chars[i] == ' ' || chars[i] == '\n') {
                    i += 1;
                }
                match chars.get(i) {
                    Some(',') => i += 1,
                    Some('}') => return i + 1,
                    _ => return i,
                }
                while i < chars.len() && (chars[i] == ' ' || chars[i] == '\n') {
                    i += 1;
                }
                if chars.get(i) == Some(&'}') {
                    return i + 1;
                }
            }
        }
        let start = i;
        while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_') {
            i += 1;
        }
        let name: String = chars[start..i].iter().collect();
        if name.is_empty() {
            out.push(prefix);
            return i;
        }
        if name == "super" {
            prefix.pop();
        } else if name != "self" {
            prefix.push(name);
        }
        if chars.get(i) == Some(&':') && chars.get(i + 1) == Some(&':') {
            i += 2;
        } else {
            out.push(prefix);
            return i;
        }
    }
}

/// The layer table of `src/lib.rs`: each top-level module with the number of its line.
fn layer_table(lib: &str) -> BTreeMap<String, usize> {
    let block = lib
        .split("//! ```text\n")
        .nth(1)
        .expect("src/lib.rs has a ```text block: the layer table")
        .split("//! ```")
        .next()
        .unwrap();
    let mut layers = BTreeMap::new();
    for (n, line) in block.lines().enumerate() {
        let line = line.trim_start_matches("//!").trim();
        if line.starts_with('(') {
            continue; // the binary, which may use every layer
        }
        let names = line.split("  ").next().unwrap_or("");
        for name in names.split(',').map(str::trim).filter(|n| !n.is_empty()) {
            assert!(
                layers.insert(name.to_owned(), n).is_none(),
                "`{name}` is twice in the layer table"
            );
        }
    }
    layers
}

fn library_files(src: &Path) -> Vec<PathBuf> {
    crate::support::walk(src)
        .into_iter()
        .filter(|f| f.extension().is_some_and(|e| e == "rs"))
        .filter(|f| !f.starts_with(src.join("cli")) && *f != src.join("main.rs"))
        .collect()
}

/// Every edge between library files: (from, to), each once.
fn edges(src: &Path) -> BTreeSet<(PathBuf, PathBuf)> {
    let mut edges = BTreeSet::new();
    for file in library_files(src) {
        let module = module_of(src, &file);
        let text = std::fs::read_to_string(&file).unwrap();
        for line in text.lines().filter(|l| !l.trim_start().starts_with("//")) {
            for path in paths_in(line, &module) {
                // The longest prefix of the path that is a module's file.
                let target = (1..=path.len())
                    .rev()
                    .find_map(|n| file_of(src, &path[..n]));
                if let Some(target) = target
                    && target != file
                {
                    edges.insert((file.clone(), target));
                }
            }
        }
    }
    edges
}

#[test]
fn every_import_runs_up_the_layer_table() {
    let src = root().join("src");
    let lib = std::fs::read_to_string(src.join("lib.rs")).unwrap();
    let layers = layer_table(&lib);
    // Every library module is in the table, and every module of the table exists.
    let modules: BTreeSet<String> = library_files(&src)
        .iter()
        .filter_map(|f| module_of(&src, f).first().cloned())
        .collect();
    let listed: BTreeSet<String> = layers.keys().cloned().collect();
    assert_eq!(
        modules, listed,
        "the layer table in src/lib.rs and the modules under src/ differ"
    );
    let mut wrong = Vec::new();
    for (from, to) in edges(&src) {
        let (a, b) = (module_of(&src, &from), module_of(&src, &to));
        let (Some(a), Some(b)) = (a.first(), b.first()) else {
            continue; // lib.rs itself, or a path to the crate root's own items
        };
        if a != b && layers[b] >= layers[a] {
            wrong.push(format!(
                "{} uses {} ({a} is on line {} of the table, {b} on line {})",
                from.strip_prefix(&src).unwrap().display(),
                to.strip_prefix(&src).unwrap().display(),
                layers[a] + 1,
                layers[b] + 1
            ));
        }
    }
    assert!(
        wrong.is_empty(),
        "imports against the layer table in src/lib.rs:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn no_files_import_each_other_in_a_circle() {
    let src = root().join("src");
    let mut next: BTreeMap<PathBuf, Vec<PathBuf>> = BTreeMap::new();
    for (from, to) in edges(&src) {
        // A mod.rs naming its own children re-exports them: not a circle.
        let own_child = from.file_name().is_some_and(|n| n == "mod.rs")
            && to.starts_with(from.parent().unwrap());
        if !own_child {
            next.entry(from).or_default().push(to);
        }
    }
    // Depth-first search; a file met again while still on the path closes a circle.
    let mut done = BTreeSet::new();
    let mut circles = Vec::new();
    for start in next.keys() {
        let mut path: Vec<PathBuf> = Vec::new();
        visit(start, &next, &mut path, &mut done, &mut circles);
    }
    assert!(
        circles.is_empty(),
        "files that import each other in a circle:\n{}",
        circles
            .iter()
            .map(|c: &Vec<PathBuf>| c
                .iter()
                .map(|f| f.strip_prefix(&src).unwrap().display().to_string())
                .collect::<Vec<_>>()
                .join(" -> "))
            .collect::<Vec<_>>()
            .join("\n")
    );
}

fn visit(
    file: &PathBuf,
    next: &BTreeMap<PathBuf, Vec<PathBuf>>,
    path: &mut Vec<PathBuf>,
    done: &mut BTreeSet<PathBuf>,
    circles: &mut Vec<Vec<PathBuf>>,
) {
    if let Some(at) = path.iter().position(|f| f == file) {
        let mut circle = path[at..].to_vec();
        circle.push(file.clone());
        circles.push(circle);
        return;
    }
    if !done.insert(file.clone()) {
        return;
    }
    path.push(file.clone());
    for to in next.get(file).into_iter().flatten() {
        visit(to, next, path, done, circles);
    }
    path.pop();
}

#[test]
fn the_reader_of_paths_reads_groups_and_relative_paths() {
    let module = vec!["check".to_owned(), "scope".to_owned()];
    assert_eq!(
        paths_in("use crate::{input, yaml::parse};", &module),
        [vec!["input"], vec!["yaml", "parse"]]
    );
    assert_eq!(
        paths_in("use super::{FileResult, ll35::check};", &module),
        [vec!["check", "FileResult"], vec!["check", "ll35", "check"]]
    );
    assert_eq!(
        paths_in("let x = crate::tool::withheld(t); notcrate::x", &module),
        [vec!["tool", "withheld"]]
    );
}

/// The layout table of the design chapter (`docs/design.md`) names every top-level module of
/// the library, and every path it names exists.
#[test]
fn the_design_chapters_layout_matches_the_tree() {
    let chapter = std::fs::read_to_string(root().join("docs/design.md")).unwrap();
    let table = chapter
        .split("Layout, in the order of the layers")
        .nth(1)
        .expect("docs/design.md has its layout section")
        .split("\n\n")
        .nth(1)
        .unwrap();
    let named: Vec<&str> = table
        .lines()
        .filter_map(|l| l.strip_prefix("| "))
        .flat_map(|l| l.split(" | ").next().unwrap_or("").split(", "))
        .map(|p| p.trim_matches('`'))
        .filter(|p| p.starts_with("src/"))
        .collect();
    for path in &named {
        assert!(
            root().join(path).exists(),
            "docs/design.md names {path}, which does not exist"
        );
    }
    let src = root().join("src");
    let lib = std::fs::read_to_string(src.join("lib.rs")).unwrap();
    for module in layer_table(&lib).keys() {
        assert!(
            named
                .iter()
                .any(|p| *p == format!("src/{module}.rs") || *p == format!("src/{module}/")),
            "the layout in docs/design.md does not name the module {module}"
        );
    }
}
