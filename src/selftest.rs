//! A checklist's own tests (`tests:` in its YAML): named answer sets and the determinations,
//! and questions still needed, that they must give. `adscheck checklist test` runs them, so an
//! edit that breaks a stop rule is caught before the checklist ships.

use crate::answers::AnswerValue;
use crate::engine::{Engine, Truth};

/// The result of one test.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TestResult {
    /// The test's name.
    pub name: String,
    /// Line of the test in the checklist file, when known.
    pub line: Option<u32>,
    /// What differed, one line each (`ads: expected yes, got undetermined`); empty if it passed.
    pub differences: Vec<String>,
}

impl TestResult {
    /// Whether the test passed.
    #[must_use]
    pub fn passed(&self) -> bool {
        self.differences.is_empty()
    }
}

/// Run every test of the engine's checklist.
#[must_use]
pub fn run(engine: &Engine) -> Vec<TestResult> {
    let checklist = engine.checklist();
    checklist
        .tests
        .iter()
        .map(|test| {
            let mut answers = vec![Truth::Unknown; checklist.questions.len()];
            for (id, value) in &test.answers.0 {
                if let (Some(q), Some(a)) =
                    (checklist.question_index(id), AnswerValue::parse(value))
                    && let Some(slot) = answers.get_mut(q)
                {
                    *slot = a.truth();
                }
            }
            let evaluation = engine.evaluate(&answers);
            let mut differences = Vec::new();
            for (id, expected) in &test.expect.0 {
                let got = checklist
                    .determination_index(id)
                    .and_then(|d| evaluation.values.get(d))
                    .map_or("?", |t| t.as_str());
                if got != expected.as_str() {
                    differences.push(format!(
                        "{}: expected {}, got {got}",
                        id.as_str(),
                        expected.as_str()
                    ));
                }
            }
            if let Some(needed) = &test.needed {
                let expected: Vec<&str> = needed.iter().map(|n| n.as_str()).collect();
                let got: Vec<&str> = evaluation
                    .needed
                    .iter()
                    .filter_map(|&q| checklist.questions.get(q).map(|q| q.id.as_str()))
                    .collect();
                if expected != got {
                    differences.push(format!(
                        "needed: expected [{}], got [{}]",
                        expected.join(", "),
                        got.join(", ")
                    ));
                }
            }
            TestResult {
                name: test.name.value.clone(),
                line: test.name.position.map(|p| p.line),
                differences,
            }
        })
        .collect()
}
