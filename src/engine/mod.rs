//! The rules engine: three-valued evaluation of a checklist's rules, relevance, and reasons.
//!
//! A checklist's rules are compiled once into a flat [`rule::Program`]; evaluating an answer
//! set is then a single sweep over it. Nothing here knows about Local Law 49: the engine
//! evaluates whatever rules the checklist file states.

mod counterfactual;
mod evaluate;
mod judgement;
mod relevance;
mod rule;
mod satisfiable;

pub use counterfactual::{Change, Flip};
pub use evaluate::{Decider, Evaluation, Truth};
pub use judgement::Judgement;

use crate::checklist::Checklist;
use crate::error::{Diagnostic, Diagnostics, Kind};

/// A validated checklist with its rules compiled, ready to evaluate answer sets.
#[derive(Debug)]
pub struct Engine {
    checklist: Checklist,
    program: rule::Program,
    /// For each determination, the questions its value depends on (computed once).
    questions_of: Vec<Vec<usize>>,
    /// For each determination, the determinations its rule names.
    refers_to: Vec<Vec<usize>>,
    /// For each determination, the questions its own rule names (not through others).
    own_questions: Vec<Vec<usize>>,
    /// Answer sets already judged ([`Engine::judge`]).
    remembered: judgement::Remembered,
}

/// The built-in checklists' engines, each compiled on first use and kept for the run.
static BUILTIN_ENGINES: [std::sync::OnceLock<Option<Engine>>; crate::checklist::BUILTINS.len()] =
    [const { std::sync::OnceLock::new() }; crate::checklist::BUILTINS.len()];

impl Engine {
    /// The engine of the built-in checklist with id `id` (see [`crate::checklist::BUILTINS`]),
    /// compiled once per run; `None` for an id that is no built-in checklist.
    #[must_use]
    pub fn builtin(id: &str) -> Option<&'static Engine> {
        let at = crate::checklist::BUILTINS.iter().position(|b| b.id == id)?;
        let builtin = crate::checklist::BUILTINS.get(at)?;
        BUILTIN_ENGINES
            .get(at)?
            .get_or_init(|| {
                let checklist = Checklist::builtin_with_id(builtin.id)?.ok()?;
                Engine::new(checklist, builtin.name).ok()
            })
            .as_ref()
    }

    /// Every built-in checklist's engine but this one's (by id), in the order adscheck lists
    /// them: the laws a file can answer besides its own, under `also:`.
    #[must_use]
    pub fn other_builtins(&self) -> Vec<&'static Engine> {
        let own = self.checklist.id.as_str();
        crate::checklist::BUILTINS
            .iter()
            .filter(|b| b.id != own)
            .filter_map(|b| Engine::builtin(b.id))
            .collect()
    }

    /// Compile the rules of `checklist`, refusing determinations that no answers can make yes,
    /// or no.
    ///
    /// # Errors
    /// A [`Kind::Unsatisfiable`] diagnostic for each determination that can never be `yes` or
    /// never be `no`.
    pub fn new(checklist: Checklist, file: &str) -> Result<Engine, Diagnostics> {
        let program = rule::Program::compile(&checklist);
        let questions_of = program.questions_by_determination();
        let possible = program.possible_values(&questions_of);
        let mut problems: Vec<Diagnostic> = Vec::new();
        for (det, &(can_be_yes, can_be_no)) in checklist.determinations.iter().zip(&possible) {
            for (value, word, can) in [
                (Truth::Yes, "yes", can_be_yes),
                (Truth::No, "no", can_be_no),
            ] {
                if !can {
                    problems.push(Diagnostic::new(
                        Kind::Unsatisfiable,
                        file,
                        det.rule.position,
                        format!(
                            "no set of answers can make determination `{}` {word}: its rule {}",
                            det.id.as_str(),
                            if value == Truth::Yes {
                                "contradicts itself"
                            } else {
                                "holds whatever the answers"
                            }
                        ),
                    ));
                }
            }
        }
        if problems.is_empty() {
            let named = |pick: fn(&Checklist, &crate::checklist::Rule) -> Option<usize>| {
                checklist
                    .determinations
                    .iter()
                    .map(|det| {
                        let mut named: Vec<usize> = crate::checklist::Rule::walk(&det.rule)
                            .filter_map(|part| pick(&checklist, &part.value))
                            .collect();
                        named.sort_unstable();
                        named.dedup();
                        named
                    })
                    .collect::<Vec<_>>()
            };
            let refers_to = named(|c, rule| match rule {
                crate::checklist::Rule::Determination(id) => c.determination_index(id),
                _ => None,
            });
            let own_questions = named(|c, rule| match rule {
                crate::checklist::Rule::Question(id) => c.question_index(id),
                _ => None,
            });
            Ok(Engine {
                refers_to,
                own_questions,
                checklist,
                program,
                questions_of,
                remembered: judgement::Remembered::default(),
            })
        } else {
            Err(Diagnostics(problems))
        }
    }

    /// The checklist this engine evaluates.
    #[must_use]
    pub fn checklist(&self) -> &Checklist {
        &self.checklist
    }

    /// Evaluate one answer set: `answers[i]` is the answer to question `i` of the checklist
    /// (missing entries count as unknown).
    #[must_use]
    pub fn evaluate(&self, answers: &[Truth]) -> Evaluation {
        self.program.evaluate(answers)
    }

    /// For each determination, the fewest answer changes that would give it each value it does
    /// not have ("Agency ADS would be yes if (2)(b) were yes").
    #[must_use]
    pub fn flips(&self, answers: &[Truth]) -> Vec<Vec<Flip>> {
        self.program.flips(answers)
    }

    /// For each question, whether an interview that asks only relevant questions, in checklist
    /// order, would have asked it given these answers. Answers to questions it would not ask
    /// were not needed.
    #[must_use]
    pub fn would_ask(&self, answers: &[Truth]) -> Vec<bool> {
        self.program.would_ask(answers)
    }
}

impl Engine {
    /// The questions determination `d` depends on, directly or through other determinations,
    /// in checklist order.
    #[must_use]
    pub fn questions_of(&self, d: usize) -> &[usize] {
        self.questions_of.get(d).map_or(&[], Vec::as_slice)
    }

    /// The questions determination `d`'s own rule names (not through other determinations),
    /// in checklist order.
    #[must_use]
    pub fn own_questions(&self, d: usize) -> &[usize] {
        self.own_questions.get(d).map_or(&[], Vec::as_slice)
    }

    /// The determinations determination `d`'s rule names, in checklist order.
    #[must_use]
    pub fn refers_to(&self, d: usize) -> &[usize] {
        self.refers_to.get(d).map_or(&[], Vec::as_slice)
    }
}
