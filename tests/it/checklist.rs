//! Loading and validating checklists: the built-in one, and each kind of error with its place.

use adscheck::document::Format;
use adscheck::{Checklist, Diagnostic, Engine, Kind};

use crate::support::{assert_diag, ll49};

/// Load checklist text as `checklist lint` does: parse, validate, compile.
fn load(text: &str) -> Result<Engine, Vec<Diagnostic>> {
    let checklist = Checklist::from_text("c.yaml", text, Format::Yaml).map_err(|e| e.0)?;
    Engine::new(checklist, "c.yaml").map_err(|e| e.0)
}

#[track_caller]
fn errors(text: &str) -> Vec<Diagnostic> {
    match load(text) {
        Ok(_) => panic!("expected errors for:\n{text}"),
        Err(e) => e,
    }
}

/// A minimal valid checklist; tests replace parts of it.
const BASE: &str = "\
id: small
title: Small
version: '1'
source: a test
determinations:
  - id: d
    number: '1'
    label: D
    question: Is it D?
    term: D
    definition: A thing that is D.
    citation: Test law
    rule:
      all_of:
        - question: q1
        - question: q2
questions:
  - id: q1
    number: '(1)'
    text: First?
  - id: q2
    number: '(2)'
    text: Second?
";

#[test]
fn the_base_fixture_is_valid() {
    let engine = load(BASE).unwrap();
    assert_eq!(engine.checklist().questions.len(), 2);
}

#[test]
fn builtin_checklist_encodes_the_form() {
    let engine = ll49();
    let c = engine.checklist();
    assert_eq!(c.id.as_str(), "nyc-ll49-2018");
    let ids: Vec<&str> = c.questions.iter().map(|q| q.id.as_str()).collect();
    assert_eq!(ids, ["1a", "1b", "1c", "2a", "2b"]);
    let numbers: Vec<&str> = c.questions.iter().map(|q| q.number.as_str()).collect();
    assert_eq!(numbers, ["(1)(a)", "(1)(b)", "(1)(c)", "(2)(a)", "(2)(b)"]);
    let dets: Vec<&str> = c.determinations.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(dets, ["ads", "agency_ads"]);
    for d in &c.determinations {
        assert_eq!(d.citation.as_str(), "Local Law 49 of 2018, § 1(a)");
    }
    assert!(
        c.determinations[0]
            .definition
            .starts_with("Computerized implementations of algorithms")
    );
    assert!(
        c.determinations[1]
            .definition
            .starts_with("An ADS used by an agency")
    );
    let options = |q: &str| -> Vec<String> {
        c.question(q)
            .unwrap()
            .choice_ids()
            .map(str::to_owned)
            .collect()
    };
    assert_eq!(
        options("1a"),
        [
            "machine_learning",
            "data_processing",
            "ai_techniques",
            "other"
        ]
    );
    assert_eq!(options("1c").len(), 8);
    assert_eq!(options("2b").len(), 5);
    assert!(options("1b").is_empty() && options("2a").is_empty());
    // The administrative-convenience exclusion belongs to (1)(b).
    let b = c.question("1b").unwrap();
    assert!(
        b.guidance
            .iter()
            .any(|g| g.text.contains("administrative convenience"))
    );
    assert!(
        c.question("2b")
            .unwrap()
            .guidance
            .iter()
            .all(|g| !g.text.contains("administrative convenience"))
    );
    // Footnotes 1-3, marked where the form has them: after "Legal definition" of Question 1,
    // in 1a's options prompt, and after "decisions" in the Agency ADS definition.
    assert_eq!(c.footnotes.len(), 3);
    let marks = |t: &str| {
        adscheck::checklist::footnote_marks(t)
            .map(str::to_owned)
            .collect::<Vec<_>>()
    };
    assert_eq!(
        marks(c.determinations[0].definition_heading.as_ref().unwrap()),
        ["1"]
    );
    assert_eq!(
        marks(&c.question("1a").unwrap().options.as_ref().unwrap().prompt),
        ["2"]
    );
    assert_eq!(marks(&c.determinations[1].definition), ["3"]);
}

#[test]
fn unknown_field_names_its_place() {
    let text = BASE.replace("    text: First?\n", "    text: First?\n    hint: nope\n");
    let e = errors(&text);
    assert_eq!(e.len(), 1);
    assert_diag(
        &e[0],
        Kind::UnknownField,
        Some((21, 5)),
        "unknown field `hint`",
    );
}

#[test]
fn duplicate_question_id() {
    let text = BASE.replace("  - id: q2\n", "  - id: q1\n");
    let e = errors(&text);
    let dup = e.iter().find(|d| d.kind == Kind::DuplicateId).unwrap();
    assert_diag(
        dup,
        Kind::DuplicateId,
        Some((21, 9)),
        "duplicate question id `q1` (first at line 18)",
    );
}

#[test]
fn unknown_question_in_a_rule_suggests_the_nearest() {
    let text = BASE.replace("        - question: q2\n", "        - question: Q2\n");
    let e = errors(&text);
    assert_eq!(e.len(), 1);
    assert_diag(
        &e[0],
        Kind::UnknownReference,
        Some((16, 21)),
        "unknown question `Q2`; did you mean `q2`?",
    );
}

#[test]
fn unknown_determination_reference() {
    let text = BASE.replace(
        "        - question: q2\n",
        "        - determination: nope\n",
    );
    let e = errors(&text);
    assert_diag(
        &e[0],
        Kind::UnknownReference,
        Some((16, 26)),
        "unknown determination `nope`",
    );
}

#[test]
fn unknown_rule_operator() {
    let text = BASE.replace("      all_of:\n", "      xor_of:\n");
    let e = errors(&text);
    assert_eq!(e.len(), 1);
    assert_eq!(e[0].kind, Kind::Syntax);
    assert!(
        e[0].message.contains("unknown variant `xor_of`"),
        "{}",
        e[0].message
    );
    assert_eq!(e[0].position.map(|p| p.line), Some(14));
}

#[test]
fn self_reference_is_a_cycle() {
    let text = BASE.replace("        - question: q2\n", "        - determination: d\n");
    let e = errors(&text);
    assert_eq!(e.len(), 1);
    assert_diag(&e[0], Kind::Cycle, Some((16, 26)), "in a loop: d -> d");
}

#[test]
fn cycle_between_determinations() {
    let text = BASE
        .replace(
            "questions:\n",
            "  - id: e
    number: '2'
    label: E
    question: Is it E?
    term: E
    definition: E.
    citation: Test law
    rule:
      any_of:
        - determination: d
questions:
",
        )
        .replace("        - question: q2\n", "        - determination: e\n");
    let e = errors(&text);
    assert_eq!(e.len(), 1, "{e:#?}");
    assert_diag(&e[0], Kind::Cycle, Some((26, 26)), "d -> e -> d");
}

#[test]
fn a_determination_that_can_never_be_yes() {
    let text = BASE.replace(
        "        - question: q2\n",
        "        - not:\n            question: q1\n",
    );
    let e = errors(&text);
    assert_eq!(e.len(), 1);
    assert_diag(
        &e[0],
        Kind::Unsatisfiable,
        Some((14, 7)),
        "no set of answers can make determination `d` yes",
    );
}

#[test]
fn empty_texts_are_errors() {
    let text = BASE
        .replace("    text: First?\n", "    text: '  '\n")
        .replace("title: Small", "title: ''");
    let e = errors(&text);
    let found: Vec<(Kind, u32)> = e
        .iter()
        .map(|d| (d.kind, d.position.unwrap().line))
        .collect();
    assert_eq!(found, [(Kind::EmptyText, 2), (Kind::EmptyText, 20)]);
    assert!(e[1].message.contains("the text of question `q1` is empty"));
}

#[test]
fn every_problem_is_reported_not_only_the_first() {
    let text = BASE
        .replace("        - question: q2\n", "        - question: q3\n")
        .replace("  - id: q2\n", "  - id: q1\n");
    let e = errors(&text);
    let kinds: Vec<Kind> = e.iter().map(|d| d.kind).collect();
    assert_eq!(kinds, [Kind::UnknownReference, Kind::DuplicateId]);
}

#[test]
fn bad_ids_and_footnote_references() {
    let text = BASE
        .replace("  - id: q2\n", "  - id: q 2\n")
        .replace("        - question: q2\n", "        - question: q1\n")
        .replace("    text: First?\n", "    text: First?[^9]\n");
    let e = errors(&text);
    let kinds: Vec<(Kind, u32)> = e
        .iter()
        .map(|d| (d.kind, d.position.unwrap().line))
        .collect();
    assert_eq!(kinds, [(Kind::UnknownReference, 20), (Kind::InvalidId, 21)]);
}

#[test]
fn rules_with_not_that_some_answers_satisfy_load() {
    let text = BASE.replace(
        "        - question: q2\n",
        "        - not:\n            question: q2\n",
    );
    assert!(load(&text).is_ok());
    let text = BASE.replace(
        "      all_of:\n        - question: q1\n        - question: q2\n",
        "      any_of:\n        - question: q1\n        - not:\n            question: q2\n",
    );
    assert!(load(&text).is_ok(), "q1 or not q2 can be yes and can be no");
}

#[test]
fn the_built_in_checklist_is_the_yaml_file() {
    // The binary embeds the checklist converted to JSON at build time; it must be the same
    // checklist as the YAML in checklists/, field for field.
    let builtin = adscheck::Checklist::builtin().unwrap();
    let path = crate::support::root().join("checklists/nyc-ll49-2018.yaml");
    let from_file = adscheck::Checklist::load(&path).unwrap();
    assert_eq!(
        serde_json::to_value(&builtin).unwrap(),
        serde_json::to_value(&from_file).unwrap()
    );
    assert!(
        serde_json::to_string(&builtin)
            .unwrap()
            .contains("Markov decision process")
    );
}

#[test]
fn huge_option_lists_load() {
    let choices: String = (0..50_000)
        .map(|i| format!("        - id: c{i}\n          label: Choice {i}\n"))
        .collect();
    let text = BASE.replace(
        "    text: First?\n",
        &format!("    text: First?\n    options:\n      prompt: Which?\n      choices:\n{choices}"),
    );
    let engine = load(&text).unwrap();
    assert_eq!(engine.checklist().questions[0].choice_ids().count(), 50_000);
}

#[test]
fn deeply_nested_rules_are_refused_not_overflowed() {
    let depth = 10_000;
    let mut rule = String::from("{question: q1}");
    for _ in 0..depth {
        rule = format!("{{not: {rule}}}");
    }
    let text = BASE.replace(
        "      all_of:\n        - question: q1\n        - question: q2\n",
        &format!("      {rule}\n"),
    );
    let e = errors(&text);
    assert_eq!(e[0].kind, Kind::Syntax);
    assert_eq!(e[0].position.map(|p| p.line), Some(14));
}

#[test]
fn lint_never_panics_on_garbage() {
    let dir = tempfile::tempdir().unwrap();
    for (name, bytes) in [
        ("binary.yaml", &b"\x89PNG\r\n\x1a\n\x00\x00"[..]),
        ("list.yaml", b"- a\n- b\n"),
        ("empty.yaml", b""),
        ("bomb.yaml", b"a: &a [x, x]\nb: &b [*a, *a]\nid: *b\n"),
    ] {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        let output = assert_cmd::Command::cargo_bin("adscheck")
            .unwrap()
            .args(["checklist", "lint"])
            .arg(&path)
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(1), "{name}");
        let stderr = String::from_utf8(output.stderr).unwrap();
        assert!(
            stderr.contains(&format!("{}", path.display())),
            "{name}: {stderr}"
        );
        assert!(!stderr.contains("panicked"), "{name}: {stderr}");
    }
}

#[test]
fn a_determination_that_can_never_be_no() {
    let text = BASE.replace(
        "      all_of:\n        - question: q1\n        - question: q2\n",
        "      any_of:\n        - question: q1\n        - not:\n            question: q1\n",
    );
    let e = errors(&text);
    assert_eq!(e.len(), 1, "{e:#?}");
    assert_diag(
        &e[0],
        Kind::Unsatisfiable,
        Some((14, 7)),
        "can make determination `d` no: its rule holds whatever",
    );
}

#[test]
fn unreachable_questions_and_unreferenced_footnotes_are_warnings() {
    let text = BASE
        .replace("        - question: q2\n", "        - question: q1\n")
        .replace(
            "source: a test\n",
            "source: a test\nfootnotes:\n  - id: '9'\n    text: Unused.\n",
        );
    let engine = load(&text).unwrap();
    let warnings = engine.checklist().unused("c.yaml");
    let found: Vec<(u32, &str)> = warnings
        .iter()
        .map(|w| (w.position.unwrap().line, w.message.as_str()))
        .collect();
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(found[0].1.starts_with("question `q2` is unreachable"));
    assert!(found[1].1.starts_with("footnote `9` is never referenced"));
    assert!(
        ll49().checklist().unused("x").is_empty(),
        "the LL49 checklist uses everything"
    );
}

#[test]
fn the_builtin_id_constant_is_the_builtin_checklists() {
    let c = adscheck::Checklist::builtin().unwrap();
    assert_eq!(c.id.as_str(), adscheck::checklist::BUILTIN_ID);
}
