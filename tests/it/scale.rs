//! Work that must stay linear in the size of the checklist and the answers: a checklist whose
//! determinations refer to each other many times, and one with 10,000 questions. Each runs
//! under a watchdog, so a regression fails in seconds instead of hanging CI.

use std::sync::mpsc;
use std::time::Duration;

use adscheck::document::Format;
use adscheck::{Checklist, Classification, Engine, Truth};

use crate::synthetic;

/// Run `f` on another thread; fail if it takes longer than `seconds`.
#[track_caller]
fn within<T: Send + 'static>(seconds: u64, f: impl FnOnce() -> T + Send + 'static) -> T {
    let (tx, rx) = mpsc::channel();
    std::thread::Builder::new()
        .stack_size(8 << 20)
        .spawn(move || {
            let _ = tx.send(f());
        })
        .unwrap();
    match rx.recv_timeout(Duration::from_secs(seconds)) {
        Ok(value) => value,
        Err(_) => panic!("did not finish within {seconds} s: the work is no longer linear"),
    }
}

fn engine(text: &str) -> Engine {
    let checklist = Checklist::from_text("synthetic.yaml", text, Format::Yaml).unwrap();
    Engine::new(checklist, "synthetic.yaml").unwrap()
}

#[test]
fn a_determination_referred_to_twice_per_level_costs_once() {
    let report = within(20, || {
        let engine = engine(&synthetic::doubling_chain(64));
        let report =
            Classification::classify(&engine, "a.yaml", "answers: {q0: yes}", Format::Yaml);
        let no = Classification::classify(&engine, "b.yaml", "answers: {q0: no}", Format::Yaml);
        let open =
            Classification::classify(&engine, "c.yaml", "answers: {q0: unsure}", Format::Yaml);
        (report, no, open)
    });
    let (yes, no, open) = report;
    let yes = yes.outcome.unwrap();
    assert_eq!(yes.determinations, vec![Truth::Yes; 64]);
    // Each determination rests on the one below it, by reference (named once although its
    // rule names it twice); only d0 names the answer. One reason per level: linear.
    let top: Vec<_> = yes
        .reasons
        .iter()
        .filter(|r| r.determination == 63)
        .collect();
    assert_eq!(top.len(), 1);
    assert_eq!(top[0].rests_on(), Some(62));
    assert_eq!(yes.reasons.len(), 64);
    let answered: Vec<usize> = yes.reasons.iter().filter_map(|r| r.question()).collect();
    assert_eq!(answered, [0]);
    assert_eq!(no.outcome.unwrap().determinations, vec![Truth::No; 64]);
    let open = open.outcome.unwrap();
    assert_eq!(open.determinations, vec![Truth::Unknown; 64]);
    assert_eq!(open.needed, [0]);
}

#[test]
fn ten_thousand_questions_classify_and_lint_in_linear_time() {
    let (reasons, unused, needed, asked_all) = within(60, || {
        let text = synthetic::chain(100, 100);
        let engine = engine(&text);
        let unused = engine.checklist().unused("synthetic.yaml").len();
        let answers = synthetic::answers(10_000, 7, 0);
        let report = Classification::classify(&engine, "a.yaml", &answers, Format::Yaml);
        let outcome = report.outcome.unwrap();
        assert_eq!(outcome.determinations, vec![Truth::Yes; 100]);
        // The last question unsure: only it is needed, and every question was asked.
        let open = answers.replace("q9999: yes", "q9999: unsure");
        let report = Classification::classify(&engine, "b.yaml", &open, Format::Yaml);
        let o = report.outcome.unwrap();
        let asked_all = o.warnings.is_empty();
        (outcome.reasons.len(), unused, o.needed, asked_all)
    });
    // d_i rests on its own 100 questions and on d_(i-1), by reference.
    assert_eq!(reasons, 100 * 100 + 99);
    assert_eq!(unused, 0);
    assert_eq!(needed, [9_999]);
    assert!(asked_all, "every answer was needed");
}

#[test]
fn output_grows_with_the_checklist_not_with_its_square() {
    // The pair of issue 12: 10 questions in 1 determination, 500 in 50 chained ones; answers
    // three in four yes, one in four unsure. A determination that rests on another refers to
    // it (reasons, and what would change it) instead of repeating it.
    let size = |determinations: usize| {
        within(60, move || {
            let engine = engine(&synthetic::chain(determinations, 10));
            let answers = synthetic::answers(determinations * 10, 12, 4);
            let report = Classification::classify(&engine, "a.yaml", &answers, Format::Yaml);
            let mut bytes = Vec::new();
            adscheck::render::write_report_json(&engine, &report, &mut bytes).unwrap();
            bytes.len()
        })
    };
    let (small, large) = (size(1), size(50));
    assert!(
        large <= 100 * small,
        "50x the questions gave {large} bytes against {small}: {}x",
        large / small
    );
}
