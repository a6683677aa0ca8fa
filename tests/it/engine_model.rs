//! The engine's linear walks agree with their definitions, written here the slow and obvious
//! way, on random checklists: the interview walk (`would_ask`) recomputes relevance from scratch
//! before each question, and the deciding answers recurse through every reference.

use adscheck::checklist::Rule;
use adscheck::document::{Format, Located};
use adscheck::engine::Decider;
use adscheck::{Checklist, Engine, Truth};
use proptest::prelude::*;

#[derive(Clone, Debug)]
enum R {
    Q(usize),
    D(usize),
    All(Vec<R>),
    Any(Vec<R>),
    Not(Box<R>),
}

/// A rule over `questions` questions and the determinations before `d`.
fn rule(questions: usize, d: usize) -> impl Strategy<Value = R> {
    let leaf = if d == 0 {
        (0..questions).prop_map(R::Q).boxed()
    } else {
        prop_oneof![3 => (0..questions).prop_map(R::Q), 2 => (0..d).prop_map(R::D)].boxed()
    };
    leaf.prop_recursive(3, 12, 3, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 1..4).prop_map(R::All),
            prop::collection::vec(inner.clone(), 1..4).prop_map(R::Any),
            inner.prop_map(|r| R::Not(Box::new(r))),
        ]
    })
}

fn checklist() -> impl Strategy<Value = (usize, Vec<R>)> {
    (1usize..6, 1usize..5).prop_flat_map(|(questions, determinations)| {
        let rules: Vec<_> = (0..determinations).map(|d| rule(questions, d)).collect();
        (Just(questions), rules)
    })
}

fn yaml(r: &R, indent: usize, out: &mut String) {
    let pad = " ".repeat(indent);
    match r {
        R::Q(q) => out.push_str(&format!("{pad}question: q{q}\n")),
        R::D(d) => out.push_str(&format!("{pad}determination: d{d}\n")),
        R::All(parts) | R::Any(parts) => {
            let word = if matches!(r, R::All(_)) {
                "all_of"
            } else {
                "any_of"
            };
            out.push_str(&format!("{pad}{word}:\n"));
            for p in parts {
                out.push_str(&format!("{pad}  -\n"));
                yaml(p, indent + 4, out);
            }
        }
        R::Not(inner) => {
            out.push_str(&format!("{pad}not:\n"));
            yaml(inner, indent + 2, out);
        }
    }
}

fn engine(questions: usize, rules: &[R]) -> Option<Engine> {
    let mut text = String::from("id: random\ntitle: t\nversion: '1'\nsource: s\ndeterminations:\n");
    for (d, r) in rules.iter().enumerate() {
        text.push_str(&format!(
            "  - id: d{d}\n    number: '{d}'\n    label: d{d}\n    question: q?\n    term: t\n    \
             definition: x\n    citation: c\n    rule:\n"
        ));
        yaml(r, 6, &mut text);
    }
    text.push_str("questions:\n");
    for q in 0..questions {
        text.push_str(&format!(
            "  - id: q{q}\n    number: '({q})'\n    text: q{q}?\n"
        ));
    }
    let checklist = Checklist::from_text("r.yaml", &text, Format::Yaml).ok()?;
    Engine::new(checklist, "r.yaml").ok()
}

fn value(c: &Checklist, rule: &Located<Rule>, answers: &[Truth]) -> Truth {
    match &rule.value {
        Rule::Question(id) => answers[c.question_index(id).unwrap()],
        Rule::Determination(id) => value(c, &c.determination(id).unwrap().rule, answers),
        Rule::AllOf(parts) => {
            parts
                .iter()
                .fold(Truth::Yes, |acc, p| match (acc, value(c, p, answers)) {
                    (Truth::No, _) | (_, Truth::No) => Truth::No,
                    (Truth::Unknown, _) | (_, Truth::Unknown) => Truth::Unknown,
                    _ => Truth::Yes,
                })
        }
        Rule::AnyOf(parts) => {
            parts
                .iter()
                .fold(Truth::No, |acc, p| match (acc, value(c, p, answers)) {
                    (Truth::Yes, _) | (_, Truth::Yes) => Truth::Yes,
                    (Truth::Unknown, _) | (_, Truth::Unknown) => Truth::Unknown,
                    _ => Truth::No,
                })
        }
        Rule::Not(inner) => value(c, inner, answers).not(),
    }
}

/// What decides a determination, as its own rule says, by recursion: answers, and other
/// determinations named (not expanded); each counted the first time it is met.
fn deciders(c: &Checklist, rule: &Located<Rule>, answers: &[Truth], out: &mut Vec<Decider>) {
    let v = value(c, rule, answers);
    let add = |d: Decider, out: &mut Vec<Decider>| {
        if !out.contains(&d) {
            out.push(d);
        }
    };
    match &rule.value {
        Rule::Question(id) => add(Decider::Question(c.question_index(id).unwrap()), out),
        Rule::Determination(id) => {
            add(
                Decider::Determination(c.determination_index(id).unwrap()),
                out,
            );
        }
        Rule::Not(inner) => deciders(c, inner, answers, out),
        Rule::AllOf(parts) | Rule::AnyOf(parts) => {
            let every = matches!(rule.value, Rule::AllOf(_)) == (v == Truth::Yes);
            for p in parts {
                if every {
                    deciders(c, p, answers, out);
                } else if value(c, p, answers) == v {
                    deciders(c, p, answers, out);
                    break;
                }
            }
        }
    }
}

fn truth(i: u8) -> Truth {
    [Truth::Yes, Truth::No, Truth::Unknown][usize::from(i % 3)]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn linear_walks_agree_with_their_definitions(
        (questions, rules) in checklist(),
        picks in prop::collection::vec(0u8..3, 5),
    ) {
        let engine = engine(questions, &rules);
        // Checklists with a contradictory rule are refused at load; too many refusals fail.
        prop_assume!(engine.is_some());
        let engine = engine.unwrap();
        let c = engine.checklist();
        let answers: Vec<Truth> = picks.iter().take(questions).map(|&i| truth(i)).collect();

        // would_ask: relevance recomputed from scratch before each question.
        let mut known = vec![Truth::Unknown; questions];
        let mut expected = vec![false; questions];
        for q in 0..questions {
            if engine.evaluate(&known).needed.contains(&q) {
                expected[q] = true;
                known[q] = answers[q];
            }
        }
        prop_assert_eq!(engine.would_ask(&answers), expected);

        let evaluation = engine.evaluate(&answers);
        for (d, det) in c.determinations.iter().enumerate() {
            prop_assert_eq!(evaluation.values[d], value(c, &det.rule, &answers));
            let mut slow = Vec::new();
            if evaluation.values[d].is_known() {
                deciders(c, &det.rule, &answers, &mut slow);
            }
            prop_assert_eq!(&evaluation.deciders[d], &slow);
        }
    }
}
