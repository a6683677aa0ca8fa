//! The engine on the LL49 checklist: every combination of answers, checked against an
//! independent statement of the rules, of relevance, and of the stop rules.

use adscheck::{AnswerValue, Classification, Truth};

use crate::support::{ll49, parse_yaml};

const QUESTIONS: [&str; 5] = ["1a", "1b", "1c", "2a", "2b"];

/// One answer in the truth table: `None` is "not answered".
type Cell = Option<AnswerValue>;

const CELLS: [Cell; 4] = [
    Some(AnswerValue::Yes),
    Some(AnswerValue::No),
    Some(AnswerValue::Unsure),
    None,
];

fn all_combinations() -> Vec<[Cell; 5]> {
    let mut out = Vec::new();
    for i in 0..4usize.pow(5) {
        let mut combo = [None; 5];
        let mut n = i;
        for slot in &mut combo {
            *slot = CELLS[n % 4];
            n /= 4;
        }
        out.push(combo);
    }
    out
}

fn yaml_of(combo: &[Cell; 5]) -> String {
    let mut s = String::from("answers:\n");
    for (id, cell) in QUESTIONS.iter().zip(combo) {
        if let Some(a) = cell {
            s.push_str(&format!("  {id}: {}\n", a.as_str()));
        }
    }
    s
}

/// The form, read independently: a determination is "no" as soon as one of its questions is
/// "no", "yes" when all are "yes", and otherwise undetermined.
fn form_all(values: &[Option<bool>]) -> Option<bool> {
    if values.contains(&Some(false)) {
        Some(false)
    } else if values.iter().all(|v| *v == Some(true)) {
        Some(true)
    } else {
        None
    }
}

fn known(cell: Cell) -> Option<bool> {
    match cell {
        Some(AnswerValue::Yes) => Some(true),
        Some(AnswerValue::No) => Some(false),
        _ => None,
    }
}

/// (ADS, Agency ADS) as the form states them.
fn form(values: [Option<bool>; 5]) -> (Option<bool>, Option<bool>) {
    let ads = form_all(&values[0..3]);
    let agency = form_all(&[ads, values[3], values[4]]);
    (ads, agency)
}

fn truth(v: Option<bool>) -> Truth {
    match v {
        Some(true) => Truth::Yes,
        Some(false) => Truth::No,
        None => Truth::Unknown,
    }
}

/// Relevance by brute force: a question is needed when it is not a definite answer and some
/// completion of the unknown answers changes a determination when only that one changes.
fn brute_force_needed(values: [Option<bool>; 5]) -> Vec<&'static str> {
    let unknown: Vec<usize> = (0..5).filter(|&i| values[i].is_none()).collect();
    let mut needed = Vec::new();
    for &q in &unknown {
        let others: Vec<usize> = unknown.iter().copied().filter(|&i| i != q).collect();
        let mut matters = false;
        for bits in 0..(1u32 << others.len()) {
            let mut complete = values;
            for (k, &i) in others.iter().enumerate() {
                complete[i] = Some(bits & (1 << k) != 0);
            }
            let mut with_yes = complete;
            with_yes[q] = Some(true);
            let mut with_no = complete;
            with_no[q] = Some(false);
            if form(with_yes) != form(with_no) {
                matters = true;
                break;
            }
        }
        if matters {
            needed.push(QUESTIONS[q]);
        }
    }
    needed
}

#[test]
fn every_combination_of_answers_matches_the_form() {
    let engine = ll49();
    let combos = all_combinations();
    assert_eq!(combos.len(), 1024);
    for combo in combos {
        let answers = parse_yaml(&yaml_of(&combo)).expect("valid answers");
        let values = combo.map(known);
        let (ads, agency) = form(values);
        let report = Classification::evaluate(&engine, answers);
        let outcome = report.outcome.as_ref().expect("evaluated");
        assert_eq!(
            outcome.determinations,
            vec![truth(ads), truth(agency)],
            "answers {combo:?}"
        );
        let needed: Vec<&str> = outcome
            .needed
            .iter()
            .map(|&q| engine.checklist().questions[q].id.as_str())
            .collect();
        assert_eq!(needed, brute_force_needed(values), "needed for {combo:?}");
    }
}

#[test]
fn a_no_is_decided_by_the_first_no_in_form_order() {
    let engine = ll49();
    for combo in all_combinations() {
        let values = combo.map(known);
        let answers = parse_yaml(&yaml_of(&combo)).unwrap();
        let report = Classification::evaluate(&engine, answers);
        let outcome = report.outcome.unwrap();
        let ads_reasons: Vec<(&str, Option<AnswerValue>)> = outcome
            .reasons
            .iter()
            .filter(|r| r.determination == 0)
            .map(|r| (QUESTIONS[r.question().unwrap()], r.value()))
            .collect();
        match form(values).0 {
            Some(false) => {
                let first_no = (0..3).find(|&i| values[i] == Some(false)).unwrap();
                assert_eq!(
                    ads_reasons,
                    vec![(QUESTIONS[first_no], Some(AnswerValue::No))]
                );
            }
            Some(true) => assert_eq!(
                ads_reasons,
                vec![
                    ("1a", Some(AnswerValue::Yes)),
                    ("1b", Some(AnswerValue::Yes)),
                    ("1c", Some(AnswerValue::Yes))
                ]
            ),
            None => {
                // Undetermined: the reasons are the questions still needed for ADS.
                let expected: Vec<&str> = (0..3)
                    .filter(|&i| values[i].is_none())
                    .map(|i| QUESTIONS[i])
                    .collect();
                let got: Vec<&str> = ads_reasons.iter().map(|r| r.0).collect();
                assert_eq!(got, expected, "{combo:?}");
            }
        }
    }
}

fn needed_after(yaml: &str) -> Vec<String> {
    let engine = ll49();
    let report = Classification::evaluate(&engine, parse_yaml(yaml).unwrap());
    let outcome = report.outcome.unwrap();
    outcome
        .needed
        .iter()
        .map(|&q| engine.checklist().questions[q].id.value.clone())
        .collect()
}

#[test]
fn stop_rules_of_the_form_follow_from_relevance() {
    // Nothing answered: every question may matter.
    assert_eq!(needed_after("answers: {}"), ["1a", "1b", "1c", "2a", "2b"]);
    // Question 1's stop rule: any "no" in (1)(a)-(1)(c) ends the checklist.
    assert!(needed_after("answers: {1a: no}").is_empty());
    assert!(needed_after("answers: {1a: yes, 1b: no}").is_empty());
    assert!(needed_after("answers: {1a: yes, 1b: yes, 1c: no}").is_empty());
    // Question 2's stop rule: a "no" to (2)(a) or (2)(b) ends it, ADS still open.
    assert_eq!(needed_after("answers: {2a: no}"), ["1a", "1b", "1c"]);
    assert!(needed_after("answers: {1a: yes, 1b: yes, 1c: yes, 2a: no}").is_empty());
    // Unsure keeps a question needed.
    assert_eq!(
        needed_after("answers: {1a: yes, 1b: yes, 1c: yes, 2a: unsure}"),
        ["2a", "2b"]
    );
}

#[test]
fn answers_after_a_stop_are_flagged_as_not_needed() {
    let engine = ll49();
    let yaml = "answers:\n  1a: no\n  1b: yes\n  2a: yes\n";
    let report = Classification::evaluate(&engine, parse_yaml(yaml).unwrap());
    let outcome = report.outcome.unwrap();
    let flagged: Vec<(u32, &str)> = outcome
        .warnings
        .iter()
        .map(|w| (w.position.unwrap().line, w.kind.code()))
        .collect();
    assert_eq!(
        flagged,
        [(3, "answer-not-needed"), (4, "answer-not-needed")]
    );
    // Answering in form order up to the deciding "no" is not flagged.
    let yaml = "answers:\n  1a: yes\n  1b: yes\n  1c: no\n";
    let report = Classification::evaluate(&engine, parse_yaml(yaml).unwrap());
    let warnings = report.outcome.unwrap().warnings;
    assert!(
        warnings
            .iter()
            .all(|w| w.kind != adscheck::Kind::AnswerNotNeeded),
        "{warnings:#?}"
    );
}

#[test]
fn agency_ads_no_through_ads_names_the_path() {
    let engine = ll49();
    let report =
        Classification::evaluate(&engine, parse_yaml("answers: {1a: yes, 1b: no}").unwrap());
    let outcome = report.outcome.unwrap();
    let agency: Vec<&adscheck::classification::Basis> = outcome
        .reasons
        .iter()
        .filter(|r| r.determination == 1)
        .map(|r| &r.basis)
        .collect();
    assert_eq!(
        agency,
        [&adscheck::classification::Basis::Determination(0)],
        "agency ADS is no because ADS is (which rests on 1b), by reference"
    );
    let ads: Vec<Option<usize>> = outcome
        .reasons
        .iter()
        .filter(|r| r.determination == 0)
        .map(|r| r.question())
        .collect();
    assert_eq!(ads, [Some(1)]);
    assert_eq!(
        adscheck::render::summary(&engine, &outcome),
        "(1)(b) no: not a computerized implementation (adscheck reads with (1)(b) an exclusion \
         the form prints under (2)(b))"
    );
}

#[test]
fn would_ask_walks_the_form_in_order() {
    let engine = ll49();
    let t = |s: &str| match s {
        "y" => Truth::Yes,
        "n" => Truth::No,
        _ => Truth::Unknown,
    };
    let asked = |answers: [&str; 5]| engine.would_ask(&answers.map(t));
    assert_eq!(asked(["y", "y", "y", "y", "y"]), [true; 5]);
    assert_eq!(
        asked(["n", "y", "y", "y", "y"]),
        [true, false, false, false, false]
    );
    assert_eq!(
        asked(["y", "y", "n", "y", "y"]),
        [true, true, true, false, false]
    );
    assert_eq!(
        asked(["u", "y", "y", "n", "y"]),
        [true, true, true, true, false]
    );
    assert_eq!(
        asked(["y", "y", "y", "n", "y"]),
        [true, true, true, true, false]
    );
}

/// The fewest answer changes that give determination `d` the value `to`, by trying every
/// combination (3^5 per answer set): the independent check of the engine's one-pass flips.
fn brute_force_flip(
    engine: &adscheck::Engine,
    answers: &[Truth],
    d: usize,
    to: Truth,
) -> Option<usize> {
    let mut best: Option<usize> = None;
    for combo in 0..3usize.pow(5) {
        let mut changed = answers.to_vec();
        let mut cost = 0;
        let mut n = combo;
        for slot in changed.iter_mut() {
            let choice = n % 3;
            n /= 3;
            let new = match choice {
                0 => *slot,
                1 => Truth::Yes,
                _ => Truth::No,
            };
            if new != *slot {
                cost += 1;
                *slot = new;
            }
        }
        if engine.evaluate(&changed).values[d] == to && best.is_none_or(|b| cost < b) {
            best = Some(cost);
        }
    }
    best
}

#[test]
fn what_would_change_it_is_the_smallest_change_checked_by_brute_force() {
    let engine = ll49();
    let truth = |c: Cell| match c {
        Some(AnswerValue::Yes) => Truth::Yes,
        Some(AnswerValue::No) => Truth::No,
        _ => Truth::Unknown,
    };
    for combo in all_combinations() {
        let answers: Vec<Truth> = combo.iter().map(|&c| truth(c)).collect();
        let values = engine.evaluate(&answers).values;
        let flips = engine.flips(&answers);
        for d in 0..2 {
            for to in [Truth::Yes, Truth::No] {
                let flip = flips[d].iter().find(|f| f.to == to);
                if values[d] == to {
                    assert!(flip.is_none(), "no flip to the value it has: {combo:?}");
                    continue;
                }
                let fewest = brute_force_flip(&engine, &answers, d, to);
                match (flip, fewest) {
                    (Some(flip), Some(n)) => {
                        assert_eq!(flip.changes.len(), n, "{combo:?} d={d} to={to:?}: {flip:?}");
                        let mut changed = answers.clone();
                        for c in &flip.changes {
                            changed[c.question] = c.to;
                        }
                        assert_eq!(
                            engine.evaluate(&changed).values[d],
                            to,
                            "{combo:?}: {flip:?}"
                        );
                    }
                    (None, None) => {}
                    (flip, fewest) => panic!("{combo:?} d={d} to={to:?}: {flip:?} vs {fewest:?}"),
                }
            }
        }
    }
}
