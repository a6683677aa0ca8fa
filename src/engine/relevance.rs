//! Which questions an interview would ask: the walk through the checklist in order, asking a
//! question only while it can still change an undecided determination.
//!
//! Done incrementally, in one pass: as each answer is taken in, the values it settles are
//! propagated up the rules (each node settles at most once: in Kleene logic a known value never
//! changes when more answers become known), and a settled node takes its whole subtree out of
//! the "still relevant" part (each node leaves it at most once). A question is asked when one
//! of the nodes that read it is still relevant. The work is linear in the size of the rules.

use super::evaluate::Truth;
use super::rule::{NONE, Op, Program};

/// The state of the walk.
struct Walk<'p> {
    program: &'p Program,
    values: Vec<Truth>,
    /// For conjunctions and disjunctions, how many parts are yes and how many no.
    yes: Vec<u32>,
    no: Vec<u32>,
    /// Whether the node is in the undecided part of an undecided rule.
    relevant: Vec<bool>,
    /// For each question, how many of the nodes that read it are relevant.
    relevant_readers: Vec<u32>,
}

impl<'p> Walk<'p> {
    fn new(program: &'p Program) -> Self {
        let values = program.node_values(&vec![Truth::Unknown; program.question_count]);
        let mut yes = vec![0u32; program.nodes.len()];
        let mut no = vec![0u32; program.nodes.len()];
        for (n, node) in program.nodes.iter().enumerate() {
            for &c in program.children_of(node) {
                match values.get(c) {
                    Some(Truth::Yes) => yes.get_mut(n).into_iter().for_each(|y| *y += 1),
                    Some(Truth::No) => no.get_mut(n).into_iter().for_each(|x| *x += 1),
                    _ => {}
                }
            }
        }
        // Parents come after their children: from the last node down, a node is relevant when
        // it is undecided and is a root or has a relevant parent.
        let mut relevant = vec![false; program.nodes.len()];
        for n in (0..program.nodes.len()).rev() {
            let undecided = !values.get(n).is_some_and(|v| v.is_known());
            let parent = program.parent.get(n).copied().unwrap_or(NONE);
            let reachable = parent == NONE || relevant.get(parent).copied().unwrap_or(false);
            if let Some(r) = relevant.get_mut(n) {
                *r = undecided && reachable;
            }
        }
        let relevant_readers = program
            .readers
            .iter()
            .map(|nodes| {
                let count = nodes
                    .iter()
                    .filter(|&&n| relevant.get(n).copied().unwrap_or(false))
                    .count();
                u32::try_from(count).unwrap_or(u32::MAX)
            })
            .collect();
        Walk {
            program,
            values,
            yes,
            no,
            relevant,
            relevant_readers,
        }
    }

    /// Whether question `q` could still change an undecided determination.
    fn is_relevant(&self, q: usize) -> bool {
        self.relevant_readers.get(q).is_some_and(|&c| c > 0)
    }

    /// Take in the answer `value` (yes or no) to question `q`.
    fn answer(&mut self, q: usize, value: Truth) {
        let mut settled: Vec<usize> = Vec::new();
        for &n in self.program.readers.get(q).into_iter().flatten() {
            self.settle(n, value, &mut settled);
        }
        while let Some(n) = settled.pop() {
            self.leave(n);
            let value = self.values.get(n).copied().unwrap_or(Truth::Unknown);
            let d = self
                .program
                .determination_of
                .get(n)
                .copied()
                .unwrap_or(NONE);
            for &r in self.program.references.get(d).into_iter().flatten() {
                self.settle(r, value, &mut settled);
            }
            let parent = self.program.parent.get(n).copied().unwrap_or(NONE);
            if let Some(value) = self.count(parent, value) {
                self.settle(parent, value, &mut settled);
            }
        }
    }

    /// Give node `n` its value, once, and queue it to pass the value on.
    fn settle(&mut self, n: usize, value: Truth, settled: &mut Vec<usize>) {
        if let Some(slot) = self.values.get_mut(n)
            && !slot.is_known()
        {
            *slot = value;
            settled.push(n);
        }
    }

    /// Count a part of `parent` that became `value`; the parent's value if that settles it.
    fn count(&mut self, parent: usize, value: Truth) -> Option<Truth> {
        let node = self.program.nodes.get(parent)?;
        if self.values.get(parent)?.is_known() {
            return None;
        }
        let parts = u32::try_from(node.child_count).unwrap_or(u32::MAX);
        let (yes, no) = (self.yes.get_mut(parent)?, self.no.get_mut(parent)?);
        match value {
            Truth::Yes => *yes += 1,
            Truth::No => *no += 1,
            Truth::Unknown => return None,
        }
        match node.op {
            Op::All if *no > 0 => Some(Truth::No),
            Op::All if *yes == parts => Some(Truth::Yes),
            Op::Any if *yes > 0 => Some(Truth::Yes),
            Op::Any if *no == parts => Some(Truth::No),
            Op::Not => Some(value.not()),
            _ => None,
        }
    }

    /// Node `n` and everything below it are no longer relevant.
    fn leave(&mut self, n: usize) {
        let mut stack = vec![n];
        while let Some(n) = stack.pop() {
            match self.relevant.get_mut(n) {
                Some(r) if *r => *r = false,
                _ => continue,
            }
            let Some(node) = self.program.nodes.get(n) else {
                continue;
            };
            if let Op::Question(q) = node.op
                && let Some(c) = self.relevant_readers.get_mut(q)
            {
                *c = c.saturating_sub(1);
            }
            stack.extend_from_slice(self.program.children_of(node));
        }
    }
}

impl Program {
    /// For each question, whether an interview that asks only relevant questions, in checklist
    /// order, would have asked it given these answers.
    pub(crate) fn would_ask(&self, answers: &[Truth]) -> Vec<bool> {
        let mut walk = Walk::new(self);
        let mut asked = vec![false; self.question_count];
        for (q, slot) in asked.iter_mut().enumerate() {
            if !walk.is_relevant(q) {
                continue;
            }
            *slot = true;
            match answers.get(q) {
                Some(&value) if value.is_known() => walk.answer(q, value),
                _ => {}
            }
        }
        asked
    }
}
