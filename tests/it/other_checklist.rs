//! The engine evaluates a checklist other than LL49, written only in YAML (`any_of`, `not`,
//! a determination built on another).

use adscheck::document::Format;
use adscheck::{AnswerFile, Classification, Engine, Truth};

use crate::support::fixture;

fn engine() -> Engine {
    adscheck::load_engine(Some(&fixture("checklists/data-protection.yaml"))).unwrap()
}

fn evaluate(engine: &Engine, answers: &str) -> (Vec<Truth>, Vec<String>, Vec<(String, String)>) {
    let text = format!("answers: {answers}");
    let file = AnswerFile::parse("t.yaml", &text, Format::Yaml, engine.checklist()).unwrap();
    let outcome = Classification::evaluate(engine, file).outcome.unwrap();
    let c = engine.checklist();
    let needed = outcome
        .needed
        .iter()
        .map(|&q| c.questions[q].id.value.clone())
        .collect();
    let reasons = outcome
        .reasons
        .iter()
        .filter(|r| r.determination == 1)
        .map(|r| match r.rests_on() {
            // A determination this one rests on: `=id` and its value.
            Some(e) => (
                format!("={}", c.determinations[e].id.as_str()),
                outcome.determinations[e].as_str().to_owned(),
            ),
            None => (
                c.questions[r.question().unwrap()].id.value.clone(),
                r.value().map_or("unanswered", |a| a.as_str()).to_owned(),
            ),
        })
        .collect();
    (outcome.determinations, needed, reasons)
}

#[test]
fn any_of_is_yes_as_soon_as_one_part_is() {
    let e = engine();
    let (values, needed, reasons) = evaluate(
        &e,
        "{identifiable: yes, sensitive: unsure, large_scale: yes, exempt: no}",
    );
    assert_eq!(values, [Truth::Yes, Truth::Yes]);
    assert!(needed.is_empty());
    assert_eq!(
        reasons,
        [
            ("=personal".to_owned(), "yes".to_owned()),
            ("large_scale".to_owned(), "yes".to_owned()),
            ("exempt".to_owned(), "no".to_owned())
        ]
    );
}

#[test]
fn not_turns_a_yes_into_a_deciding_no() {
    let e = engine();
    let (values, needed, reasons) = evaluate(&e, "{identifiable: yes, exempt: yes}");
    assert_eq!(values, [Truth::Yes, Truth::No]);
    assert!(needed.is_empty(), "an exemption ends it: {needed:?}");
    assert_eq!(reasons, [("exempt".to_owned(), "yes".to_owned())]);
}

#[test]
fn undetermined_lists_only_what_can_still_change_it() {
    let e = engine();
    let (values, needed, _) = evaluate(&e, "{identifiable: yes, sensitive: no}");
    assert_eq!(values, [Truth::Yes, Truth::Unknown]);
    assert_eq!(needed, ["large_scale", "exempt"]);
    let (values, needed, _) = evaluate(&e, "{identifiable: no, sensitive: yes}");
    assert_eq!(values, [Truth::No, Truth::No]);
    assert!(needed.is_empty());
}
