//! What the engine says of one answer set, worked out once per run: a batch of thousands of
//! files holds few distinct answer sets (a five-question checklist has at most 4^5), and
//! each one's evaluation, fewest changes and relevance are the same whichever file holds it.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use super::{Engine, Evaluation, Flip, Truth};

/// Checklists with more questions than this are not remembered: their answer sets rarely
/// repeat, and each judgement is large.
const MAX_QUESTIONS: usize = 64;

/// How many answer sets an engine remembers; further ones are worked out each time, so
/// memory stays flat however many files there are.
const CAPACITY: usize = 1024;

/// The engine's verdicts on one answer set.
#[derive(Debug)]
pub struct Judgement {
    /// Each determination's value, what is still needed, and what decided it.
    pub evaluation: Evaluation,
    /// For each determination, the fewest answer changes that would give it another value.
    pub flips: Arc<[Vec<Flip>]>,
    /// For each question, whether an interview asking only relevant questions would ask it.
    pub would_ask: Vec<bool>,
}

/// Judgements already made, by answer set.
#[derive(Debug, Default)]
pub(super) struct Remembered(Mutex<HashMap<Box<[Truth]>, Arc<Judgement>>>);

impl Engine {
    /// Whether this engine remembers its judgements: answer sets repeat across a batch, so
    /// what is made of one (its judgement, or its rendering) is worth keeping.
    #[must_use]
    pub fn remembers(&self) -> bool {
        self.checklist.questions.len() <= MAX_QUESTIONS
    }

    /// The engine's evaluation, fewest changes and relevance for `answers` (see
    /// [`Engine::evaluate`], [`Engine::flips`], [`Engine::would_ask`]), remembered for the
    /// answer sets a batch repeats.
    #[must_use]
    pub fn judge(&self, answers: &[Truth]) -> Arc<Judgement> {
        let remember = self.remembers();
        if remember
            && let Ok(known) = self.remembered.0.lock()
            && let Some(judgement) = known.get(answers)
        {
            return Arc::clone(judgement);
        }
        let judgement = Arc::new(Judgement {
            evaluation: self.evaluate(answers),
            flips: self.flips(answers).into(),
            would_ask: self.would_ask(answers),
        });
        if remember
            && let Ok(mut known) = self.remembered.0.lock()
            && known.len() < CAPACITY
        {
            known.insert(answers.into(), Arc::clone(&judgement));
        }
        judgement
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A fresh engine: its memory is this test's alone.
    fn engine() -> Engine {
        let checklist = crate::checklist::Checklist::builtin_with_id("nyc-ll49-2018")
            .expect("a built-in checklist")
            .expect("it loads");
        Engine::new(checklist, "t").expect("it compiles")
    }

    #[test]
    fn a_remembered_judgement_is_the_one_worked_out_afresh() {
        let engine = &engine();
        let n = engine.checklist().questions.len();
        let values = [Truth::Yes, Truth::No, Truth::Unknown];
        // Every answer set of the first five questions, twice: the second time from memory.
        for round in 0..2 {
            for code in 0..3usize.pow(5) {
                let mut answers = vec![Truth::Unknown; n];
                let mut c = code;
                for a in answers.iter_mut().take(5) {
                    *a = values[c % 3];
                    c /= 3;
                }
                let judged = engine.judge(&answers);
                assert_eq!(judged.evaluation, engine.evaluate(&answers), "{answers:?}");
                assert_eq!(*judged.flips, engine.flips(&answers)[..], "{answers:?}");
                assert_eq!(judged.would_ask, engine.would_ask(&answers), "{answers:?}");
                if round == 1 {
                    assert!(Arc::ptr_eq(&judged, &engine.judge(&answers)));
                }
            }
        }
    }

    #[test]
    fn memory_stays_bounded() {
        let engine = &engine();
        let n = engine.checklist().questions.len();
        for code in 0..(CAPACITY + 50) {
            let mut answers = vec![Truth::Unknown; n.max(12)];
            for (i, a) in answers.iter_mut().enumerate() {
                *a = if code >> i & 1 == 1 {
                    Truth::Yes
                } else {
                    Truth::No
                };
            }
            let _ = engine.judge(&answers);
        }
        let known = engine.remembered.0.lock().map(|k| k.len()).unwrap_or(0);
        assert!(known <= CAPACITY, "{known}");
    }
}
