//! Load-time check that each determination can be made `yes` by some answers.
//!
//! This runs once when a checklist is loaded (and by `checklist lint`), never per answer file:
//! it is the one place where combinations of answers may be tried, and only for rules with
//! `not` over few questions, where no cheaper exact test exists.

use super::evaluate::Truth;
use super::rule::{Op, Program};

/// Up to this many questions in one rule with `not`, satisfiability is checked exactly.
const EXACT_LIMIT: usize = 16;

impl Program {
    /// Whether some complete set of yes/no answers makes determination `d` take `value`.
    ///
    /// Rules without `not` are decided by answering everything yes. Exact for rules with `not`
    /// over up to [`EXACT_LIMIT`] questions (every combination is tried; this
    /// runs once per checklist load, never per answer file). Larger rules get a sound
    /// structural check that treats every mention of a question as independent: it never
    /// reports a satisfiable rule as contradictory, but may miss a contradiction.
    pub(crate) fn can_be(&self, d: usize, value: Truth) -> bool {
        if !self.has_negation(d) {
            // Without `not`, more yes answers never turn a yes into a no: answering everything
            // yes (or everything no) decides.
            let all = vec![value; self.question_count];
            return self.root_value(&self.node_values(&all), d) == value;
        }
        let questions = self.questions_of(d);
        if questions.len() <= EXACT_LIMIT {
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
        } else {
            let (yes, no) = self.structurally_possible(d);
            if value == Truth::Yes { yes } else { no }
        }
    }

    fn structurally_possible(&self, d: usize) -> (bool, bool) {
        // (can be yes, can be no) per node, in compile order.
        let mut possible: Vec<(bool, bool)> = Vec::with_capacity(self.nodes.len());
        for node in &self.nodes {
            let children: Vec<(bool, bool)> = self
                .children_of(node)
                .iter()
                .filter_map(|&c| possible.get(c).copied())
                .collect();
            let p = match node.op {
                Op::Question(_) => (true, true),
                Op::Determination(dep) => self
                    .roots
                    .get(dep)
                    .and_then(|&r| possible.get(r).copied())
                    .unwrap_or((true, true)),
                Op::All => (children.iter().all(|c| c.0), children.iter().any(|c| c.1)),
                Op::Any => (children.iter().any(|c| c.0), children.iter().all(|c| c.1)),
                Op::Not => children.first().map_or((true, true), |c| (c.1, c.0)),
            };
            possible.push(p);
        }
        self.roots
            .get(d)
            .and_then(|&r| possible.get(r).copied())
            .unwrap_or((true, true))
    }

    /// Whether determination `d`'s rule, or one it refers to, contains a `not`.
    fn has_negation(&self, d: usize) -> bool {
        let mut seen = vec![false; self.nodes.len()];
        let mut stack: Vec<usize> = self.roots.get(d).copied().into_iter().collect();
        while let Some(n) = stack.pop() {
            match seen.get_mut(n) {
                Some(s) if !*s => *s = true,
                _ => continue,
            }
            let Some(node) = self.nodes.get(n) else {
                continue;
            };
            match node.op {
                Op::Not => return true,
                Op::Question(_) => {}
                Op::Determination(dep) => stack.extend(self.roots.get(dep).copied()),
                Op::All | Op::Any => stack.extend_from_slice(self.children_of(node)),
            }
        }
        false
    }
}
