//! Answer files: each error and warning, with its exact place and what is allowed.

use adscheck::document::Format;
use adscheck::{AnswerFile, AnswerValue, Kind};

use crate::support::{assert_diag, ll49, only_error, parse_yaml};

#[test]
fn short_and_long_forms() {
    let file = parse_yaml(
        "checklist: nyc-ll49-2018
tool: {name: X, agency: Y, vendor_name: Z}
answers:
  1a: YES
  1b: {answer: true, note: nightly}
  1c:
    answer: Unsure
  2a: false
  2b:
",
    )
    .unwrap();
    let values: Vec<Option<AnswerValue>> = file
        .answers
        .iter()
        .map(|a| a.as_ref().map(|a| a.value))
        .collect();
    assert_eq!(
        values,
        [
            Some(AnswerValue::Yes),
            Some(AnswerValue::Yes),
            Some(AnswerValue::Unsure),
            Some(AnswerValue::No),
            None
        ]
    );
    assert_eq!(
        file.answers[1].as_ref().unwrap().note.as_deref(),
        Some("nightly")
    );
    assert_eq!(
        file.tool_field("vendor_name"),
        Some("Z"),
        "unknown tool fields are kept"
    );
    // A yes on (1)(a), which has checkboxes, with none ticked.
    assert_eq!(file.warnings.len(), 1);
    assert_diag(
        &file.warnings[0],
        Kind::NoOptionsTicked,
        Some((4, 7)),
        "none of its informational checkboxes",
    );
}

#[test]
fn not_yaml() {
    let e = only_error(parse_yaml("answers:\n  1a: [yes\n"));
    assert_eq!(e.kind, Kind::Syntax);
    assert_eq!(e.position.map(|p| p.line), Some(2));
}

#[test]
fn not_json() {
    let engine = ll49();
    let e = AnswerFile::parse(
        "a.json",
        "{\"answers\": {\"1a\": \"yes\",}}",
        Format::Json,
        engine.checklist(),
    )
    .map_err(|e| e.0);
    let e = only_error(e);
    assert_diag(
        &e,
        Kind::Syntax,
        Some((1, 26)),
        "not valid JSON: trailing comma",
    );
}

#[test]
fn json_errors_have_positions_too() {
    let engine = ll49();
    let text = "{\n  \"answers\": {\n    \"1a\": \"maybe\"\n  }\n}\n";
    let e = AnswerFile::parse("a.json", text, Format::Json, engine.checklist()).map_err(|e| e.0);
    assert_diag(
        &only_error(e),
        Kind::InvalidAnswer,
        Some((3, 11)),
        "invalid answer `maybe`",
    );
}

#[test]
fn unknown_question_suggests_the_nearest() {
    let e = only_error(parse_yaml("answers:\n  1A: yes\n"));
    assert_diag(
        &e,
        Kind::UnknownQuestion,
        Some((2, 3)),
        "unknown question `1A`: did you mean `1a`?",
    );
    assert!(e.message.contains("1a, 1b, 1c, 2a, 2b"));
    let e = only_error(parse_yaml("answers:\n  (2)(b): yes\n"));
    assert_diag(
        &e,
        Kind::UnknownQuestion,
        Some((2, 3)),
        "did you mean `2b`?",
    );
    let e = only_error(parse_yaml("answers:\n  \" 1a\": yes\n"));
    assert_diag(
        &e,
        Kind::UnknownQuestion,
        Some((2, 3)),
        "did you mean `1a`?",
    );
}

#[test]
fn invalid_answer_values_say_what_is_allowed() {
    for (value, column) in [("maybe", 7), ("off", 7), ("n", 7), ("'1'", 7)] {
        let e = only_error(parse_yaml(&format!("answers:\n  1a: {value}\n")));
        assert_diag(
            &e,
            Kind::InvalidAnswer,
            Some((2, column)),
            "allowed: yes, no, unsure",
        );
    }
    let e = only_error(parse_yaml("answers:\n  1b: 1\n"));
    assert_diag(
        &e,
        Kind::InvalidAnswer,
        Some((2, 7)),
        "invalid answer `1` to 1b",
    );
}

#[test]
fn unknown_option_suggests_and_lists() {
    let e = only_error(parse_yaml(
        "answers:\n  1a:\n    answer: yes\n    options: [machine_learning, machine-lerning]\n",
    ));
    assert_diag(
        &e,
        Kind::UnknownOption,
        Some((4, 33)),
        "unknown option `machine-lerning` for 1a: did you mean `machine_learning`? allowed: machine_learning, data_processing, ai_techniques, other",
    );
    let e = only_error(parse_yaml("answers:\n  1b: {answer: yes, options: [x]}\n"));
    assert_diag(
        &e,
        Kind::UnknownOption,
        Some((2, 31)),
        "question 1b has no informational checkboxes",
    );
}

#[test]
fn wrong_types() {
    let e = only_error(parse_yaml("answers:\n  - 1a: yes\n"));
    assert_diag(
        &e,
        Kind::WrongType,
        Some((2, 3)),
        "`answers` must be a mapping from question id to answer",
    );
    let e = only_error(parse_yaml("answers:\n  1a: [yes]\n"));
    assert_diag(&e, Kind::WrongType, Some((2, 7)), "not a list");
    let e = only_error(parse_yaml("- answers\n"));
    assert_diag(
        &e,
        Kind::WrongType,
        Some((1, 1)),
        "an answer file must be a mapping",
    );
    let e = only_error(parse_yaml("tool: Fire model\n"));
    assert_diag(
        &e,
        Kind::WrongType,
        Some((1, 7)),
        "`tool` must be a mapping",
    );
    let e = only_error(parse_yaml("answers:\n  1b: {answer: yes, note: 12}\n"));
    assert_diag(&e, Kind::WrongType, Some((2, 27)), "a note must be text");
    let e = only_error(parse_yaml(
        "answers:\n  1a: {answer: yes, options: data_processing}\n",
    ));
    assert_diag(
        &e,
        Kind::WrongType,
        Some((2, 30)),
        "`options` must be a list",
    );
    let e = only_error(parse_yaml(""));
    assert_diag(&e, Kind::WrongType, Some((1, 1)), "the file is empty");
}

#[test]
fn checklist_mismatch() {
    let e = only_error(parse_yaml("checklist: nyc-ll49-2017\nanswers: {}\n"));
    assert_diag(
        &e,
        Kind::ChecklistMismatch,
        Some((1, 12)),
        "written for checklist `nyc-ll49-2017`",
    );
}

#[test]
fn unknown_keys() {
    let e = only_error(parse_yaml("answer:\n  1a: yes\n"));
    assert_diag(
        &e,
        Kind::UnknownField,
        Some((1, 1)),
        "unknown key `answer` at the top of an answer file: did you mean `answers`? allowed: checklist, tool, answers",
    );
    let e = only_error(parse_yaml("answers:\n  1b: {answer: yes, notes: x}\n"));
    assert_diag(
        &e,
        Kind::UnknownField,
        Some((2, 21)),
        "did you mean `note`?",
    );
    let e = only_error(parse_yaml("answers:\n  1b: {note: x}\n"));
    assert_diag(&e, Kind::MissingField, Some((2, 7)), "has no `answer:` key");
}

#[test]
fn every_error_of_a_file_is_reported() {
    let errors = parse_yaml("answers:\n  1a: maybe\n  1z: yes\n  1c: [no]\n").unwrap_err();
    let lines: Vec<u32> = errors.iter().map(|e| e.position.unwrap().line).collect();
    assert_eq!(lines, [2, 3, 4]);
}

#[test]
fn options_on_a_no_are_a_warning() {
    let file = parse_yaml("answers:\n  1c: {answer: no, options: [auditing]}\n").unwrap();
    assert_eq!(file.warnings.len(), 1);
    assert_diag(
        &file.warnings[0],
        Kind::OptionsWithoutYes,
        Some((2, 16)),
        "(1)(c) is answered no but has items of its list ticked",
    );
    // (2)(b)'s factors may be weighed and the impact still found immaterial, but the form
    // lists them as what makes an impact material: a "no" beside them wants a note (issue 23).
    let file = parse_yaml(
        "answers:\n  1a: {answer: yes, options: [other]}\n  1b: yes\n  1c: {answer: yes, options: [auditing]}\n  2a: yes\n  2b: {answer: no, options: [protected_status]}\n",
    )
    .unwrap();
    assert_eq!(file.warnings.len(), 1, "{:?}", file.warnings);
    assert_diag(
        &file.warnings[0],
        Kind::OptionsWithoutYes,
        Some((6, 16)),
        "(2)(b) is answered no with factors ticked",
    );
    let file = parse_yaml(
        "answers:\n  1a: {answer: yes, options: [other]}\n  1b: yes\n  1c: {answer: yes, options: [auditing]}\n  2a: yes\n  2b: {answer: no, options: [protected_status], note: \"Only a notice\"}\n",
    )
    .unwrap();
    assert!(file.warnings.is_empty(), "{:?}", file.warnings);
    // Only (1)(a)'s informational checkboxes describe a yes; (1)(c)'s open list of examples
    // and (2)(b)'s factors may be left empty.
    let file =
        parse_yaml("answers:\n  1a: {answer: yes, options: [other]}\n  1c: yes\n  2b: yes\n")
            .unwrap();
    assert!(
        file.warnings
            .iter()
            .all(|w| w.kind != Kind::NoOptionsTicked),
        "{:?}",
        file.warnings
    );
}
