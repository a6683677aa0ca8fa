//! The shortcut readers against the general parser: whatever it accepts, it must read
//! exactly as the parser does, positions included.

use std::path::{Path, PathBuf};

use crate::document::{Format, Node, Value};

mod generated;
use crate::yaml::tree::parse_events;

fn parse(text: &str) -> Option<Node> {
    super::read(text, Format::Yaml)
}

/// Compare on `text` (YAML); true when the shortcut accepted it.
fn agrees(text: &str) -> bool {
    agrees_as(text, Format::Yaml)
}

/// Compare on `text` in `format`; true when the shortcut accepted it. JSON that is not strict
/// JSON never reaches the shortcut.
fn agrees_as(text: &str, format: Format) -> bool {
    if format == Format::Json && crate::yaml::strict_json("t", text).is_err() {
        return false;
    }
    let Some(fast) = super::read(text, format) else {
        return false;
    };
    match parse_events("t", text) {
        Ok(full) => {
            if full != fast {
                panic!(
                    "disagree on:\n{text}\n---\n{}",
                    difference(&fast, &full, "root")
                );
            }
        }
        Err(e) => panic!("the shortcut read what the parser refuses ({e}):\n{text}"),
    }
    true
}

/// Where two trees first differ, for a readable failure.
fn difference(a: &Node, b: &Node, path: &str) -> String {
    if a.position != b.position {
        return format!(
            "{path}: position {:?} against the parser's {:?}",
            a.position, b.position
        );
    }
    match (&a.value, &b.value) {
        (Value::Map(x), Value::Map(y)) if x.len() == y.len() => {
            for ((ka, va), (kb, vb)) in x.iter().zip(y) {
                let here = format!("{path}.{}", ka.key_text());
                if ka != kb {
                    return difference(ka, kb, &format!("{here} (key)"));
                }
                if va != vb {
                    return difference(va, vb, &here);
                }
            }
            String::new()
        }
        (Value::Seq(x), Value::Seq(y)) if x.len() == y.len() => {
            for (i, (va, vb)) in x.iter().zip(y).enumerate() {
                if va != vb {
                    return difference(va, vb, &format!("{path}[{i}]"));
                }
            }
            String::new()
        }
        (x, y) => format!("{path}: {x:?} against the parser's {y:?}"),
    }
}

/// A small fixed-seed generator (xorshift), so that every run tries the same cases.
struct Rng {
    state: u64,
    /// Out of 100, how often a choice may be a wild one.
    noise: usize,
}

impl Rng {
    fn n(&mut self, n: usize) -> usize {
        self.state ^= self.state << 13;
        self.state ^= self.state >> 7;
        self.state ^= self.state << 17;
        usize::try_from(self.state % n.max(1) as u64).unwrap_or(0)
    }
    fn wild(&mut self) -> bool {
        self.n(100) < self.noise
    }
    fn pick<'a>(&mut self, s: &[&'a str]) -> &'a str {
        s[self.n(s.len())]
    }
}

/// Put one of `marks` at a random place (a character boundary) in `text`.
fn insert_random(rng: &mut Rng, text: &mut String, marks: &[&str]) {
    let mut at = rng.n(text.len() + 1);
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    text.insert_str(at, rng.pick(marks));
}

fn yaml_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            if path.ends_with("node_modules") {
                continue;
            }
            yaml_files(&path, out);
        } else if path
            .extension()
            .is_some_and(|e| e == "yaml" || e == "yml" || e == "json")
        {
            out.push(path);
        }
    }
}

fn corpus() -> Vec<(PathBuf, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for dir in ["examples", "tests", "checklists"] {
        yaml_files(&root.join(dir), &mut files);
    }
    files.sort();
    files
        .into_iter()
        .filter_map(|p| std::fs::read_to_string(&p).ok().map(|t| (p, t)))
        .collect()
}

#[test]
fn every_bundled_answer_file_takes_the_shortcut() {
    let corpus = corpus();
    let answers: Vec<_> = corpus
        .iter()
        .filter(|(p, _)| {
            let p = p.to_string_lossy();
            p.contains("examples/answers") || p.contains("examples/directory")
        })
        .collect();
    assert!(answers.len() > 20, "{}", answers.len());
    for (path, text) in answers {
        let format = Format::from_path(path).unwrap_or(Format::Yaml);
        assert!(
            agrees_as(text, format),
            "{} went to the parser",
            path.display()
        );
    }
}

/// Each line of each bundled YAML file altered in ways that break, bend or keep the shape.
#[test]
fn altered_files_read_alike_or_go_to_the_parser() {
    let edits: [&dyn Fn(&str) -> String; 22] = [
        &|_| String::new(),
        &|l| format!("{l}\n{l}"),
        &|l| format!(" {l}"),
        &|l| format!("  {l}"),
        &|l| l.strip_prefix(' ').unwrap_or(l).to_owned(),
        &|l| format!("{l} # note"),
        &|l| format!("{l}#x"),
        &|l| format!("{l}:"),
        &|l| format!("{l}  "),
        &|l| format!("{l}\t"),
        &|l| format!("{l}\r"),
        &|l| format!("{l}\n"),
        &|l| format!("{l}\n   "),
        &|l| format!("{l}\n      more"),
        &|l| format!("{l}\n  - item"),
        &|l| l.replacen(": ", ":", 1),
        &|l| l.replacen(": ", ": &a ", 1),
        &|l| l.replacen(": ", ": \"", 1),
        &|l| l.replacen(": ", ": 'it''s ", 1),
        &|l| l.replace('"', "'"),
        &|l| l.replacen(' ', "\u{e9}", 1),
        &|l| format!("---\n{l}"),
    ];
    let mut accepted = 0;
    let mut tried = 0;
    for (path, text) in corpus() {
        let lines: Vec<&str> = text.split('\n').collect();
        if lines.len() > 200
            || !path.starts_with(Path::new(env!("CARGO_MANIFEST_DIR")).join("examples"))
        {
            continue;
        }
        for i in 0..lines.len() {
            for edit in &edits {
                let mut altered = lines.clone();
                let new = edit(lines[i]);
                altered[i] = &new;
                tried += 1;
                if agrees(&altered.join("\n")) {
                    accepted += 1;
                }
            }
        }
    }
    assert!(
        tried > 10_000 && accepted > tried / 5,
        "{accepted} of {tried}"
    );
}

/// Each bundled answer file with characters that matter to YAML put at random places.
#[test]
fn files_with_random_insertions_read_alike_or_go_to_the_parser() {
    const MARKS: [&str; 30] = [
        " ", "  ", "\n", "\n  ", "\"", "'", "#", " #", ":", ": ", "-", "- ", "[", "]", "{", "}",
        ",", ">", "|", "&a ", "*a", "!", "?", "%", "\\", "\t", "\r", "\u{e9}", "\u{2028}",
        "\u{85}",
    ];
    let mut rng = Rng {
        state: 0x2018_0049,
        noise: 0,
    };
    let mut accepted = 0;
    let mut tried = 0;
    for (path, text) in corpus() {
        let p = path.to_string_lossy();
        if !(p.contains("examples/answers") || p.contains("examples/directory")) {
            continue;
        }
        for _ in 0..300 {
            let mut altered = text.clone();
            for _ in 0..=rng.n(3) {
                insert_random(&mut rng, &mut altered, &MARKS);
            }
            tried += 1;
            if agrees(&altered) {
                accepted += 1;
            }
        }
    }
    assert!(
        tried > 5_000 && accepted > tried / 10,
        "{accepted} of {tried}"
    );
}

/// The shapes the shortcut reads, each compared with the parser.
#[test]
fn shapes_read_alike() {
    let taken = [
        "a: 1\nb: -2\nc: 1.5\nd: true\ne: ~\nf: null\ng: yes\nh: 0x1F\ni: 2024-01\n",
        "a: \"x \\\"q\\\" \\\\ \\/ \\n \\t \\u00e9 \\U0001F600\"\n",
        "a: 'it''s'\nb: ''\nc: \"\"\n",
        "a: [x, y_z, 3, \"q, r\", \"\u{e9}\", w]\nb: []\nc: {}\n",
        "a: [ x ,y ]\n",
        "a: {b: yes, c: \"d\"}\nf: {g: 1}\nh: { i: j }\n",
        "a: {b: [c, {d: e}], \"f\": []}\n\"2023\":\n  \"g h\": i\n",
        "a: >-\n  one\n  two\nb: |\n  three\n  four\nc: |-\n  five\nd: >\n  six\n\ne: x\n",
        "a: >-\n  last line\n",
        "stamps:\n  - event: answered\n    at: \"x\"\n  - event: reviewed\n    by: y\nz: 1\n",
        "list:\n  - a\n  - \"b\"\n  - [c]\nz: 1\n",
        "a:\n  b:\n    c:\n      d: e\n  f: g\nh: i\n",
        "a: x # comment\nb: \"y\" # c\n# full\nc: z#not\n",
        "a:\n  # comment before nested\n  b: c\n",
        "a: \u{e9}t\u{e9} d\u{e9}j\u{e0}\nb: [\"\u{e9}\u{e9}\", c]\n",
        "a: x\n\n\n",
        "\"a\": x\n",
        "list:\n  - >-\n    folded\n    text\n  - |\n    literal\n  - b\nz: 1\n",
        "list:\n  -   key: v\n      more: w\n  - key: x\n",
        "a: ---\nb: a - b\nc: a\"b\nd: x:y\ne: 'q' # c\nf: [ ]\n",
        "a: on\nyes: no\nnull: ~\n",
        "a.b-c_d: x\n1a: y\n2024: z\n",
    ];
    for case in taken {
        assert!(agrees(case), "went to the parser:\n{case}");
    }
}

/// What the shortcut leaves to the parser: errors (which the parser words), and shapes it
/// does not read.
#[test]
fn other_shapes_go_to_the_parser() {
    let left = [
        // Errors.
        "a: x\na: y\n",
        "a: x\n b: y\n",
        "a: b: c\n",
        "a: b:\n",
        "a: {b: c, b: d}\n",
        "a: \"unterminated\n",
        "a: \"bad \\q escape\"\n",
        "a: \"\\ud800\"\n",
        "a: [x,]\n",
        "a: >-\n  one\n b: c\n",
        // Valid, but not this reader's.
        "a: {b:c}\n",
        "a: [[[[[[x]]]]]]\n",
        "a: >\n  one\n   two\nb: x\n",
        "a: |\n  one\n\n  two\n",
        "a: >-\n  last line",
        "a: x\n  # more indented comment after a scalar\n",
        "a: x\n  continued\n",
        "list:\n- a\n- b\n",
        "- a\n- b\n",
        "a:\nb: x\n",
        "a: :x\n",
        "a: -x\nb: - c\n",
        "a: &x 1\nb: *x\n",
        "a: !!str 1\n",
        "\u{e9}a: x\n",
        "key with space: x\n",
        "a:\tx\n",
        "a: x\r\n",
        "\u{feff}a: x\n",
        "---\na: x\n",
        "",
        "# only a comment\n",
    ];
    for case in left {
        assert!(parse(case).is_none(), "read without the parser:\n{case}");
    }
    // A line of spaces past a block scalar's indentation, after an empty line, is the
    // scalar's (the parser reads "x\n\n \n"); keys longer than YAML's 1,024 characters are
    // refused by the parser.
    let long = "k".repeat(1025);
    let quoted = format!("\"{}\"", "k".repeat(1023));
    let more = [
        "a: |\n  x\n\n   \n".to_owned(),
        "a: |\n  x\n\n   ".to_owned(),
        "a: >\n  x\n\n     \nb: 1\n".to_owned(),
        "a:\n  b: |\n    x\n  \n      \n".to_owned(),
        "a:\n  - |\n    x\n\n      \n".to_owned(),
        format!("{long}: x\n"),
        format!("a: 1\n{long}: x\n"),
        format!("{quoted}: x\n"),
        format!("a:\n  - {long}: x\n"),
        format!("a: {{{long}: x}}\n"),
        format!("a: [{{{long}: x}}]\n"),
    ];
    for case in &more {
        assert!(parse(case).is_none(), "read without the parser:\n{case}");
        assert!(!agrees(case));
    }
    // Up to the limit, they agree.
    let at_limit = format!("{}: x\na: |\n  x\n\nb: 1\n", "k".repeat(1000));
    assert!(agrees(&at_limit));
}

/// Every bundled file that reads as YAML, written as JSON (pretty and compact), and each of
/// those with characters that matter to JSON or YAML put at random places.
#[test]
fn json_reads_alike() {
    const MARKS: [&str; 16] = [
        " ", "\n", "\n  ", "\"", ",", ":", "[", "]", "{", "}", "\\", "\\u00e9", "\\ud83d",
        "\u{e9}", "\t", "1e5",
    ];
    let mut rng = Rng {
        state: 0x0035_2022,
        noise: 0,
    };
    // Each text, and whether it is an answer file (which must take the shortcut).
    let mut texts: Vec<(String, bool)> = Vec::new();
    for (path, text) in corpus() {
        let answer = path.to_string_lossy().contains("examples/");
        if let Ok(node) = parse_events("t", &text) {
            let json = node.to_json();
            texts.push((
                serde_json::to_string_pretty(&json).unwrap_or_default(),
                answer,
            ));
            texts.push((serde_json::to_string(&json).unwrap_or_default(), answer));
        }
        if path.extension().is_some_and(|e| e == "json") {
            texts.push((text, answer));
        }
    }
    let mut accepted = 0;
    for (text, answer) in &texts {
        if agrees_as(text, Format::Json) {
            accepted += 1;
        } else {
            assert!(!answer, "went to the parser:\n{text}");
        }
        for _ in 0..40 {
            let mut altered = text.clone();
            insert_random(&mut rng, &mut altered, &MARKS);
            if agrees_as(&altered, Format::Json) {
                accepted += 1;
            }
        }
    }
    assert!(
        texts.len() > 100 && accepted > texts.len() * 2,
        "{accepted} of {}",
        texts.len()
    );
}

/// Positions on long lines of non-ASCII text, where columns are counted in characters.
#[test]
fn columns_on_long_lines_of_non_ascii_text() {
    let items: Vec<String> = (0..300).map(|i| format!("\"\u{e9}t\u{e9} {i}\"")).collect();
    let yaml = format!(
        "a: [{}]\nb: {{x: \"\u{e9}\", y: [\"\u{e9}\", z]}}\n",
        items.join(", ")
    );
    assert!(agrees(&yaml), "went to the parser");
    let json = format!(
        "{{\"a\": [{}], \"b\": {{\"\u{e9}\": [\"\u{e9}\", 1]}}}}",
        items.join(",")
    );
    assert!(agrees_as(&json, Format::Json), "went to the parser");
}

/// JSON shapes the shortcut reads, each compared with the parser.
#[test]
fn json_shapes_read_alike() {
    let taken = [
        "{\"a\":\n1}",
        "[\n1\n,\n2\n]",
        "\"a\"",
        "1",
        "null",
        "{\"yes\": \"no\", \"1\": true, \"null\": null, \"x\": \"# : - [ ] { }\"}",
        "{\"a\": \"\\u0000 \\/ \\b \\f\"}",
        "  {\"a\": [1.5, -2, 1e5, 0.0]}  \n",
    ];
    for case in taken {
        assert!(agrees_as(case, Format::Json), "went to the parser:\n{case}");
    }
}

/// JSON the shortcut leaves to the parser.
#[test]
fn other_json_goes_to_the_parser() {
    let long_key = format!("{{\"{}\": 1}}", "k".repeat(1100));
    let deep = format!("{}{}", "[".repeat(20), "]".repeat(20));
    // The key and the spaces before its colon count towards YAML's 1,024 characters.
    let spaced = format!("{{\"a\"{}: 1}}", " ".repeat(1022));
    let left = [
        "{\"a\": 1, \"a\": 2}",
        "{\"a\"\n: 1}",
        "{\"a\": \"\\ud83d\\ude00\"}",
        "{\"a\":\t1}",
        "{\"a\": 1}\r\n",
        "{\"a\": \"\u{85}\"}",
        long_key.as_str(),
        deep.as_str(),
        spaced.as_str(),
    ];
    for case in left {
        assert!(
            super::read(case, Format::Json).is_none(),
            "read without the parser:\n{case}"
        );
    }
}
