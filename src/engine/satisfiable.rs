//! Load-time check that each determination can be made `yes`, and `no`, by some answers.
//!
//! This runs once when a checklist is loaded (and by `checklist lint`), never per answer file:
//! it is the one place where combinations of answers may be tried, and only for rules with
//! `not` over few questions, where no cheaper exact test exists.

use super::evaluate::Truth;
use super::rule::{Op, Program};

/// Up to this many questions in one rule with `not`, satisfiability is checked exactly.
const EXACT_LIMIT: usize = 16;

impl Program {
    /// For each determination, whether some complete set of yes/no answers makes it `yes`, and
    /// whether some makes it `no`; `questions` are the questions each depends on.
    ///
    /// Rules without `not` are decided by answering everything yes (or everything no): more yes
    /// answers never turn a yes into a no. Exact for rules with `not` over up to
    /// [`EXACT_LIMIT`] questions (every combination is tried). Larger rules get a sound
    /// structural check that treats every mention of a question as independent: it never
    /// reports a satisfiable rule as contradictory, but may miss a contradiction. Apart from the
    /// exact check, each step is one pass over the program.
    pub(crate) fn possible_values(&self, questions: &[Vec<usize>]) -> Vec<(bool, bool)> {
        let negated = self.negated();
        let all_yes = self.node_values(&vec![Truth::Yes; self.question_count]);
        let all_no = self.node_values(&vec![Truth::No; self.question_count]);
        let structural = self.structurally_possible();
        (0..self.roots.len())
            .map(|d| {
                let root = self.roots.get(d).copied().unwrap_or(usize::MAX);
                if !negated.get(root).copied().unwrap_or(false) {
                    return (
                        self.root_value(&all_yes, d) == Truth::Yes,
                        self.root_value(&all_no, d) == Truth::No,
                    );
                }
                match questions.get(d) {
                    Some(qs) if qs.len() <= EXACT_LIMIT => {
                        (self.exact(d, qs, Truth::Yes), self.exact(d, qs, Truth::No))
                    }
                    _ => structural.get(root).copied().unwrap_or((true, true)),
                }
            })
            .collect()
    }

    /// Whether some combination of yes/no answers to `questions` makes `d` take `value`.
    fn exact(&self, d: usize, questions: &[usize], value: Truth) -> bool {
        let mut answers = vec![Truth::Unknown; self.question_count];
        for combination in 0u32..(1u32 << questions.len()) {
            for (bit, &q) in questions.iter().enumerate() {
                if let Some(a) = answers.get_mut(q) {
                    *a = if combination & (1 << bit) == 0 {
                        Truth::No
                    } else {
                        Truth::Yes
                    };
                }
            }
            if self.root_value(&self.node_values(&answers), d) == value {
                return true;
            }
        }
        false
    }

    /// (can be yes, can be no) per node, in compile order.
    fn structurally_possible(&self) -> Vec<(bool, bool)> {
        let mut possible: Vec<(bool, bool)> = Vec::with_capacity(self.nodes.len());
        for node in &self.nodes {
            let children = self
                .children_of(node)
                .iter()
                .filter_map(|&c| possible.get(c).copied());
            let p = match node.op {
                Op::Question(_) => (true, true),
                Op::Determination(dep) => self
                    .roots
                    .get(dep)
                    .and_then(|&r| possible.get(r).copied())
                    .unwrap_or((true, true)),
                Op::All => children.fold((true, false), |(y, n), c| (y && c.0, n || c.1)),
                Op::Any => children.fold((false, true), |(y, n), c| (y || c.0, n && c.1)),
                Op::Not => children.map(|c| (c.1, c.0)).next().unwrap_or((true, true)),
            };
            possible.push(p);
        }
        possible
    }

    /// Per node, whether it or anything it refers to contains a `not`.
    fn negated(&self) -> Vec<bool> {
        let mut negated: Vec<bool> = Vec::with_capacity(self.nodes.len());
        for node in &self.nodes {
            let value = match node.op {
                Op::Not => true,
                Op::Question(_) => false,
                Op::Determination(dep) => self
                    .roots
                    .get(dep)
                    .and_then(|&r| negated.get(r).copied())
                    .unwrap_or(false),
                Op::All | Op::Any => self
                    .children_of(node)
                    .iter()
                    .any(|&c| negated.get(c).copied().unwrap_or(false)),
            };
            negated.push(value);
        }
        negated
    }
}
