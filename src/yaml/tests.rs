use std::path::Path;

use super::*;
use crate::document::{Format, Node, Value};
use crate::error::{Diagnostic, Kind, Position};

fn node(text: &str, format: Format) -> Result<Node, Diagnostic> {
    let tree = parse_tree("t", text, format);
    // The serde path (used for JSON the YAML parser cannot read) agrees on values.
    if let (Ok(a), Ok(b)) = (&tree, parse::<Node>("t", text, format)) {
        assert_eq!(strip(a), strip(&b), "{text}");
    }
    tree
}

fn strip(n: &Node) -> Value {
    match &n.value {
        Value::Seq(items) => Value::Seq(
            items
                .iter()
                .map(|i| Node {
                    value: strip(i),
                    position: None,
                })
                .collect(),
        ),
        Value::Map(entries) => Value::Map(
            entries
                .iter()
                .map(|(k, v)| {
                    (
                        Node {
                            value: Value::String(k.key_text().into_owned()),
                            position: None,
                        },
                        Node {
                            value: strip(v),
                            position: None,
                        },
                    )
                })
                .collect(),
        ),
        other => other.clone(),
    }
}

#[test]
fn core_schema_scalars() {
    let n = node(
        "[~, null, '', true, False, 12, -3, 0x1f, 0o17, 1.5, 1e3, .5, 1a, '12', 1.2.3]",
        Format::Yaml,
    )
    .unwrap();
    let Value::Seq(items) = n.value else {
        panic!("not a list")
    };
    let got: Vec<String> = items
        .iter()
        .map(|i| match &i.value {
            Value::Number(n) => format!("Number({n})"),
            other => format!("{other:?}"),
        })
        .collect();
    assert_eq!(
        got,
        [
            "Null",
            "Null",
            "String(\"\")",
            "Bool(true)",
            "Bool(false)",
            "Number(12)",
            "Number(-3)",
            "Number(31)",
            "Number(15)",
            "Number(1.5)",
            "Number(1000.0)",
            "Number(0.5)",
            "String(\"1a\")",
            "String(\"12\")",
            "String(\"1.2.3\")"
        ]
    );
}

#[test]
fn limits_and_shapes_are_refused_with_a_position() {
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    // Flow nesting is stopped by the parser's own limit, block nesting by ours.
    let e = parse_tree("t", &deep, Format::Yaml).unwrap_err();
    assert_eq!(e.kind, Kind::Syntax);
    assert_eq!(e.position.map(|p| p.line), Some(1));
    let block: String = (0..100)
        .map(|i| format!("{}k{i}:\n", "  ".repeat(i)))
        .collect();
    let e = parse_tree("t", &block, Format::Yaml).unwrap_err();
    assert!(e.message.contains("nested deeper than 64"), "{}", e.message);
    assert_eq!(e.position, Some(Position::new(65, 129)));
    let bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]\n";
    let e = parse_tree("t", bomb, Format::Yaml).unwrap_err();
    assert!(e.message.contains("alias bomb"), "{}", e.message);
    let e = parse_tree("t", "a: 1\n---\nb: 2\n", Format::Yaml).unwrap_err();
    assert!(
        e.message.contains("more than one YAML document"),
        "{}",
        e.message
    );
    let e = parse_tree("t", "a: !custom 1\n", Format::Yaml).unwrap_err();
    assert!(e.message.contains("unsupported tag"), "{}", e.message);
    let n = parse_tree("t", "a: &x {b: 1}\nc: *x\n", Format::Yaml).unwrap();
    let Value::Map(entries) = n.value else {
        panic!()
    };
    assert_eq!(
        entries[0].1.value, entries[1].1.value,
        "aliases copy their anchor"
    );
    assert_eq!(
        parse_tree("t", "# only a comment\n", Format::Yaml)
            .unwrap()
            .value,
        Value::Null
    );
}

#[test]
fn yaml_1_1_booleans_stay_text() {
    let n = node("[yes, no, off, n, true]", Format::Yaml).unwrap();
    let Value::Seq(items) = n.value else {
        panic!("not a list")
    };
    let got: Vec<_> = items.iter().map(|i| i.value.clone()).collect();
    assert_eq!(
        got,
        vec![
            Value::String("yes".into()),
            Value::String("no".into()),
            Value::String("off".into()),
            Value::String("n".into()),
            Value::Bool(true),
        ]
    );
}

#[test]
fn positions_are_one_based_line_and_column() {
    let n = node("a: 1\nb:\n  c: x\n", Format::Yaml).unwrap();
    let Value::Map(entries) = n.value else {
        panic!("not a map")
    };
    let (key_b, value_b) = &entries[1];
    assert_eq!(key_b.position, Some(Position::new(2, 1)));
    let Value::Map(inner) = &value_b.value else {
        panic!("not a map")
    };
    assert_eq!(inner[0].1.position, Some(Position::new(3, 6)));
}

#[test]
fn json_trailing_comma_is_a_syntax_error_with_position() {
    let e = node("{\"a\": 1,\n}", Format::Json).unwrap_err();
    assert_eq!(e.kind, Kind::Syntax);
    assert_eq!(e.position, Some(Position::new(2, 1)));
    assert!(
        e.message.starts_with("not valid JSON: trailing comma"),
        "{}",
        e.message
    );
}

#[test]
fn json_values_have_positions() {
    let n = node("{\n  \"a\": \"yes\"\n}", Format::Json).unwrap();
    let Value::Map(entries) = n.value else {
        panic!("not a map")
    };
    assert_eq!(entries[0].1.position, Some(Position::new(2, 8)));
}

#[test]
fn yaml_errors_have_positions_without_repeating_them_in_the_message() {
    let e = node("a: [1, 2\n", Format::Yaml).unwrap_err();
    assert_eq!(e.kind, Kind::Syntax);
    assert!(e.position.is_some());
    assert!(!e.message.contains("at line"), "{}", e.message);
}

#[test]
fn duplicate_keys_are_rejected() {
    let e = node("a: 1\na: 2\n", Format::Yaml).unwrap_err();
    assert_eq!(e.position, Some(Position::new(2, 1)));
    assert!(e.message.contains("duplicate"), "{}", e.message);
}

#[test]
fn sniffing() {
    assert_eq!(Format::sniff("  {\"a\":1}"), Format::Json);
    assert_eq!(Format::sniff("\u{feff}[1]"), Format::Json);
    assert_eq!(Format::sniff("a: 1"), Format::Yaml);
    assert_eq!(Format::from_path(Path::new("x.YML")), Some(Format::Yaml));
    assert_eq!(Format::from_path(Path::new("x.txt")), None);
}
