//! Answer-file-like YAML and JSON generated at random (fixed seeds), some of it mutated, each
//! compared with the parser: the shapes the shortcut reads, and their near misses. (A run of
//! this generator over 18 million cases found the last two classes of disagreement fixed.)

use super::{Rng, agrees_as, corpus};
use crate::document::Format;

const MARKS: [&str; 40] = [
    " ",
    "  ",
    "\n",
    "\n  ",
    "\"",
    "'",
    "#",
    " #",
    ":",
    ": ",
    "-",
    "- ",
    "\n- ",
    "[",
    "]",
    "{",
    "}",
    ",",
    ">",
    "|",
    ">-",
    "|+",
    "\\",
    "\\n",
    "\\u00e9",
    "\u{e9}",
    "\u{1F600}",
    "\u{a0}",
    "x",
    "1",
    "~",
    "...",
    "---",
    "?",
    "''",
    "\"\"",
    "\n\n",
    "\n#c\n",
    "0x",
    ".",
];

fn mutate(rng: &mut Rng, text: &str) -> String {
    let mut t = text.to_owned();
    for _ in 0..=rng.n(4) {
        let mut at = rng.n(t.len() + 1);
        while !t.is_char_boundary(at) {
            at -= 1;
        }
        let mut end = (at + 1 + rng.n(4)).min(t.len());
        while !t.is_char_boundary(end) {
            end += 1;
        }
        match rng.n(4) {
            0 | 1 => t.insert_str(at, rng.pick(&MARKS)),
            2 => t.replace_range(at..end, ""),
            _ => t.replace_range(at..end, rng.pick(&MARKS)),
        }
    }
    t
}

fn word(rng: &mut Rng) -> String {
    const PARTS: [&str; 18] = [
        "a", "b", "x", "yes", "no", "true", "null", "1", "0", "-", "_", ".", "e", "1e5", "0x1F",
        "2024", "on", "\u{e9}",
    ];
    let mut s = String::new();
    for _ in 0..=rng.n(3) {
        let upto = if rng.wild() { 18 } else { 17 };
        s.push_str(rng.pick(&PARTS[..upto]));
    }
    if !rng.wild() && !s.as_bytes()[0].is_ascii_alphanumeric() {
        s.insert(0, 'k');
    }
    s
}

fn text(rng: &mut Rng) -> String {
    const WILD: [&str; 24] = [
        " #", ": ", "- ", "'", "\"", "[", "]", "{", "}", ",", "\\", "!", "&", "*", "?", "|", ">",
        "%", "@", "`", "~", "\u{a0}", "  ", "#",
    ];
    const TAME: [&str; 16] = [
        "a",
        "b",
        " ",
        "x",
        "1",
        "word",
        "\u{e9}",
        "\u{1F600}",
        ".",
        "-",
        "(",
        ")",
        "yes",
        "0x1F",
        ":",
        "/",
    ];
    let mut s = String::new();
    for _ in 0..=rng.n(6) {
        let part = if rng.wild() {
            rng.pick(&WILD)
        } else {
            rng.pick(&TAME)
        };
        s.push_str(part);
    }
    s
}

fn double_quoted(rng: &mut Rng) -> String {
    const PARTS: [&str; 20] = [
        "a",
        " ",
        "#",
        ":",
        "'",
        "\\\"",
        "\\\\",
        "\\/",
        "\\n",
        "\\t",
        "\\u00e9",
        "\\U0001F600",
        "\\b",
        "\\f",
        "\u{e9}",
        "\\u0000",
        "\\x41",
        "\\e",
        "\\ ",
        "\\N",
    ];
    let mut s = String::from("\"");
    for _ in 0..rng.n(5) {
        let upto = if rng.wild() { 20 } else { 16 };
        let part = rng.pick(&PARTS[..upto]);
        s.push_str(part);
    }
    s.push('"');
    s
}

fn flow(rng: &mut Rng, depth: usize) -> String {
    let map = rng.n(2) == 0;
    let mut items = Vec::new();
    for _ in 0..rng.n(4) {
        let value = match rng.n(if depth < 3 { 5 } else { 3 }) {
            0 => double_quoted(rng),
            1 | 2 => word(rng),
            _ => flow(rng, depth + 1),
        };
        let space = rng.pick(&["", " ", "  "]);
        items.push(if map {
            let key = if rng.n(4) == 0 {
                double_quoted(rng)
            } else {
                word(rng)
            };
            format!("{space}{key}:{}{value}", rng.pick(&[" ", "", "  "]))
        } else {
            format!("{space}{value}")
        });
    }
    let (open, close) = if map { ("{", "}") } else { ("[", "]") };
    format!("{open}{}{close}", items.join(","))
}

fn scalar(rng: &mut Rng) -> String {
    match rng.n(6) {
        0 => double_quoted(rng),
        1 => format!("'{}'", text(rng).replace('\'', "''")),
        2 => flow(rng, 0),
        3 => word(rng),
        _ => text(rng),
    }
}

/// A value after `key:` or `- ` at column `col`.
fn value(rng: &mut Rng, out: &mut String, col: usize, depth: usize) {
    let comment = rng.pick(&["", "", "", " # c", "  #c", "#c"]);
    match rng.n(if depth < 4 { 10 } else { 7 }) {
        0..=4 => {
            out.push_str(if rng.n(5) == 0 { "  " } else { " " });
            out.push_str(&scalar(rng));
            out.push_str(comment);
            out.push('\n');
        }
        5 | 6 => {
            out.push(' ');
            out.push_str(rng.pick(&["|", ">", "|-", ">-", "| # c", "|+", "|2"]));
            out.push('\n');
            let indent = col + 1 + rng.n(3);
            let lines = 1 + rng.n(3);
            for i in 0..lines {
                let extra = if rng.wild() { rng.n(3) } else { 0 };
                out.push_str(&" ".repeat(indent + extra));
                if !rng.wild() {
                    out.push_str(&text(rng));
                }
                if i + 1 < lines || rng.n(10) != 0 {
                    out.push('\n');
                }
                if rng.n(8) == 0 {
                    out.push_str(&" ".repeat(if rng.wild() { rng.n(indent + 2) } else { 0 }));
                    out.push('\n');
                }
            }
        }
        7 => {
            out.push_str(comment);
            out.push('\n');
            let indent = col + 1 + rng.n(3);
            mapping(rng, out, indent, depth + 1);
        }
        _ => {
            out.push_str(comment);
            out.push('\n');
            let indent = col + if rng.n(6) == 0 { 0 } else { 1 + rng.n(3) };
            for _ in 0..=rng.n(3) {
                out.push_str(&" ".repeat(indent));
                out.push('-');
                if rng.n(3) == 0 && depth < 4 {
                    let spaces = 1 + rng.n(2);
                    out.push_str(&" ".repeat(spaces));
                    mapping(rng, out, indent + 1 + spaces, depth + 1);
                } else {
                    value(rng, out, indent, depth + 1);
                }
            }
        }
    }
}

/// A block mapping at column `col` (its first key right after `- ` when the text ends so).
fn mapping(rng: &mut Rng, out: &mut String, col: usize, depth: usize) {
    for i in 0..=rng.n(3) {
        if rng.n(8) == 0 {
            out.push_str(&" ".repeat(rng.n(col + 3)));
            out.push_str("# c\n");
        }
        if i > 0 || !out.ends_with(' ') {
            out.push_str(&" ".repeat(col));
        }
        out.push_str(&if rng.n(4) == 0 {
            double_quoted(rng)
        } else {
            word(rng)
        });
        out.push(':');
        value(rng, out, col, depth);
    }
}

fn json(rng: &mut Rng, out: &mut String, depth: usize) {
    const SPACE: [&str; 6] = ["", "", " ", "\n", "\n  ", " \n"];
    match rng.n(if depth < 5 { 8 } else { 4 }) {
        0 => out.push_str(rng.pick(&[
            "-0",
            "1E5",
            "1e-7",
            "-1.5E+10",
            "0",
            "123456789012345678901234",
            "1.0",
            "1e400",
        ])),
        1 => out.push_str(rng.pick(&["true", "false", "null"])),
        2 | 3 => out.push_str(&double_quoted(rng)),
        kind => {
            let map = kind >= 6;
            out.push(if map { '{' } else { '[' });
            let n = rng.n(4);
            for i in 0..n {
                out.push_str(rng.pick(&SPACE));
                if map {
                    out.push_str(&double_quoted(rng));
                    out.push_str(rng.pick(&["", " "]));
                    out.push(':');
                    out.push_str(rng.pick(&SPACE));
                }
                json(rng, out, depth + 1);
                out.push_str(rng.pick(&SPACE));
                if i + 1 < n {
                    out.push(',');
                }
            }
            out.push(if map { '}' } else { ']' });
        }
    }
}

#[test]
fn generated_and_mutated_files_read_alike_or_go_to_the_parser() {
    let examples: Vec<_> = corpus()
        .into_iter()
        .filter(|(p, _)| p.to_string_lossy().contains("examples/"))
        .collect();
    let mut taken = [0usize; 4];
    for (seed, noise) in [(0x4c4c_3439, 5), (0x4c4c_3335, 15), (0x4e59_5331, 40)] {
        let mut rng = Rng { state: seed, noise };
        for _ in 0..1_000 {
            let (path, text) = &examples[rng.n(examples.len())];
            let format = Format::from_path(path).unwrap_or(Format::Yaml);
            let mut yaml = String::new();
            mapping(&mut rng, &mut yaml, 0, 0);
            let mutated = mutate(&mut rng, &yaml);
            let mut generated_json = String::new();
            json(&mut rng, &mut generated_json, 0);
            let cases = [
                (mutate(&mut rng, text), format),
                (yaml, Format::Yaml),
                (mutated, Format::Yaml),
                (generated_json, Format::Json),
            ];
            for (i, (case, format)) in cases.iter().enumerate() {
                if agrees_as(case, *format) {
                    taken[i] += 1;
                }
            }
        }
    }
    // Each kind has cases the shortcut reads, so each is a comparison, not only refusals.
    assert!(taken.iter().all(|&n| n > 100), "{taken:?}");
}
