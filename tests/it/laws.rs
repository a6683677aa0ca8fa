//! Issue 26: Local Law 35's "algorithmic tool" and New York State's "automated decision-making
//! tool" as built-in checklists beside Local Law 49's. Their definitions are the law's words,
//! word for word as the reference copy gives them; every question is adscheck's and says so,
//! and carries the law's words it tests; `checklist list`, `show`, `lint` and `test` work for
//! each, by id.

use adscheck::checklist::{ADSCHECK_WORDING, is_adschecks};

use crate::support::{adscheck, root};

const NEW_LAWS: [&str; 2] = ["nyc-ll35-2022", "nys-stt-501"];

/// As `wording.rs` normalises: white space collapsed, Markdown quotes and emphasis removed.
fn normalise(text: &str) -> String {
    text.lines()
        .map(|l| l.trim_start().trim_start_matches('>').trim_start())
        .collect::<Vec<_>>()
        .join(" ")
        .replace("**", "")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn reference() -> String {
    std::fs::read_to_string(root().join("tests/fixtures/reference/other-laws.md")).unwrap()
}

fn load(id: &str) -> adscheck::Checklist {
    adscheck::load_engine(Some(std::path::Path::new(id)))
        .unwrap()
        .checklist()
        .clone()
}

#[test]
fn the_reference_copy_is_the_shared_one() {
    let shared = root().join("../shared/reference/other-laws.md");
    if let Ok(text) = std::fs::read_to_string(&shared) {
        assert_eq!(text, reference(), "tests/fixtures/reference is out of date");
    }
}

#[test]
fn every_text_of_the_law_is_the_law_s_word_for_word() {
    let law = normalise(&reference());
    for id in NEW_LAWS {
        let checklist = load(id);
        let mut checked = 0;
        // The definition, whole.
        for d in &checklist.determinations {
            let words = normalise(d.definition.as_str());
            assert!(
                law.contains(&words),
                "{id}: the definition is not the law's:\n  {words}"
            );
            checked += 1;
        }
        // Every quotation under a question, and every list the law gives.
        for q in &checklist.questions {
            for g in q
                .guidance
                .iter()
                .filter(|g| !is_adschecks(g.source.as_ref()))
            {
                let words = normalise(g.text.as_str());
                assert!(
                    law.contains(&words),
                    "{id} {}: not the law's words:\n  {words}",
                    q.id.as_str()
                );
                checked += 1;
            }
            if let Some(o) = q
                .options
                .as_ref()
                .filter(|o| !is_adschecks(o.source.as_ref()))
            {
                for text in std::iter::once(&o.prompt).chain(o.choices.iter().map(|c| &c.label)) {
                    let words = normalise(text.as_str());
                    assert!(
                        law.contains(&words),
                        "{id}: not the law's words:\n  {words}"
                    );
                    checked += 1;
                }
            }
        }
        assert!(checked >= 8, "{id}: only {checked} texts compared");
    }
}

#[test]
fn every_question_is_adscheck_s_and_quotes_the_words_it_tests() {
    for id in NEW_LAWS {
        let checklist = load(id);
        assert!(checklist.has_adschecks_questions(), "{id}");
        assert!(
            is_adschecks(checklist.title_source.as_ref()),
            "{id}: the title"
        );
        for d in &checklist.determinations {
            assert!(is_adschecks(d.source.as_ref()), "{id}: {}", d.id.as_str());
            assert!(d.shown_question().ends_with(ADSCHECK_WORDING));
        }
        for q in &checklist.questions {
            assert!(is_adschecks(q.source.as_ref()), "{id} {}", q.id.as_str());
            assert!(q.shown_text().ends_with(ADSCHECK_WORDING));
            assert!(
                q.guidance.iter().any(|g| !is_adschecks(g.source.as_ref())),
                "{id} {}: no quotation of the law's words",
                q.id.as_str()
            );
        }
        // Each reading the words leave open is said, as adscheck's.
        assert!(
            checklist
                .editorial_notes
                .iter()
                .any(|n| n.as_str().contains("does not settle")
                    || n.as_str().contains("do not settle")),
            "{id}: no note on the exclusion's closing clause"
        );
    }
}

#[test]
fn checklist_list_show_lint_and_test_work_by_id() {
    let listed = adscheck(["checklist", "list"]).run();
    listed.code(0);
    for id in ["nyc-ll49-2018", "nyc-ll35-2022", "nys-stt-501"] {
        assert!(
            listed.stdout.contains(&format!("{id} (version ")),
            "{}",
            listed.stdout
        );
        let lint = adscheck(["checklist", "lint", id]).run();
        lint.code(0);
        assert!(
            lint.stdout.contains(&format!("ok: checklist `{id}`")),
            "{}",
            lint.stdout
        );
        let test = adscheck(["checklist", "test", id]).run();
        test.code(0);
        assert!(test.stdout.contains(" 0 failed"), "{}", test.stdout);
        for format in ["text", "markdown"] {
            let show = adscheck(["checklist", "show", "-f", format, id]).run();
            show.code(0);
            assert!(show.stdout.contains("Legal definition"), "{}", show.stdout);
        }
    }
    let show = adscheck(["checklist", "show", "nyc-ll35-2022"]).run();
    assert!(
        show.stdout
            .contains("(a) Is it a technology or a computerized process? (adscheck's question)"),
        "{}",
        show.stdout
    );
    assert!(
        show.stdout.contains(
            "- NYC Administrative Code § 3-119.5(a) (Local Law 35 of 2022): \"Any technology or"
        ),
        "{}",
        show.stdout
    );
    // An id that is no checklist, and no file, is an error that says so.
    let missing = adscheck(["checklist", "show", "nyc-ll99"]).run();
    missing.code(2);
}

#[test]
fn classify_takes_a_built_in_checklist_by_id() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.yaml");
    std::fs::write(
        &path,
        "checklist: nys-stt-501\nanswers: {software: yes, methods: yes, decision_making: yes, \
         basic_processes: no, internal_management: no, employment: no}\n",
    )
    .unwrap();
    let ran = adscheck([
        "classify",
        "-f",
        "jsonl",
        "--checklist",
        "nys-stt-501",
        "t.yaml",
    ])
    .at(dir.path())
    .run();
    ran.code(0);
    let v: serde_json::Value = serde_json::from_str(ran.stdout.trim()).unwrap();
    assert_eq!(v["determinations"]["adm_tool"], "yes", "{}", ran.stdout);
}
