//! Three-valued evaluation, relevance and the answers that decided each determination.

use serde::Serialize;

use super::rule::{Op, Program};

/// A value in Kleene's three-valued logic: an answer or a determination.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Truth {
    /// Yes.
    Yes,
    /// No.
    No,
    /// Not known: an `unsure` or missing answer, or a determination not yet decided.
    #[serde(rename = "undetermined")]
    Unknown,
}

impl Truth {
    /// Kleene negation: unknown stays unknown.
    #[must_use]
    pub const fn not(self) -> Truth {
        match self {
            Truth::Yes => Truth::No,
            Truth::No => Truth::Yes,
            Truth::Unknown => Truth::Unknown,
        }
    }

    /// `yes`, `no` or `undetermined`.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Truth::Yes => "yes",
            Truth::No => "no",
            Truth::Unknown => "undetermined",
        }
    }

    /// Whether the value is yes or no.
    #[must_use]
    pub const fn is_known(self) -> bool {
        !matches!(self, Truth::Unknown)
    }
}

/// An answer that decided a determination: question `question`, reached through the
/// determinations in `via` (outermost first; empty when the rule names the question itself).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decider {
    /// Index of the question in the checklist.
    pub question: usize,
    /// Indices of the determinations the rule went through to reach the question.
    pub via: Vec<usize>,
}

/// The outcome of evaluating one answer set.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Evaluation {
    /// Each determination's value, by determination index.
    pub values: Vec<Truth>,
    /// The questions whose answer could still change an undetermined determination, in
    /// checklist order (including those answered `unsure`).
    pub needed: Vec<usize>,
    /// For each determination that is yes or no, the answers that decided it.
    pub deciders: Vec<Vec<Decider>>,
}

impl Program {
    /// Evaluate every node, children and referenced determinations first (the compile order).
    pub(crate) fn node_values(&self, answers: &[Truth]) -> Vec<Truth> {
        let mut values = Vec::with_capacity(self.nodes.len());
        self.node_values_into(answers, &mut values);
        values
    }

    /// [`Program::node_values`] into a buffer the caller reuses.
    pub(crate) fn node_values_into(&self, answers: &[Truth], values: &mut Vec<Truth>) {
        values.clear();
        for node in &self.nodes {
            let value = match node.op {
                Op::Question(q) => answers.get(q).copied().unwrap_or(Truth::Unknown),
                Op::Determination(d) => self
                    .roots
                    .get(d)
                    .and_then(|&r| values.get(r))
                    .copied()
                    .unwrap_or(Truth::Unknown),
                Op::All => {
                    let mut acc = Truth::Yes;
                    for &c in self.children_of(node) {
                        match values.get(c).copied().unwrap_or(Truth::Unknown) {
                            Truth::No => {
                                acc = Truth::No;
                                break;
                            }
                            Truth::Unknown => acc = Truth::Unknown,
                            Truth::Yes => {}
                        }
                    }
                    acc
                }
                Op::Any => {
                    let mut acc = Truth::No;
                    for &c in self.children_of(node) {
                        match values.get(c).copied().unwrap_or(Truth::Unknown) {
                            Truth::Yes => {
                                acc = Truth::Yes;
                                break;
                            }
                            Truth::Unknown => acc = Truth::Unknown,
                            Truth::No => {}
                        }
                    }
                    acc
                }
                Op::Not => self
                    .children_of(node)
                    .first()
                    .and_then(|&c| values.get(c))
                    .map_or(Truth::Unknown, |v| v.not()),
            };
            values.push(value);
        }
    }

    pub(crate) fn root_value(&self, values: &[Truth], d: usize) -> Truth {
        self.roots
            .get(d)
            .and_then(|&r| values.get(r))
            .copied()
            .unwrap_or(Truth::Unknown)
    }

    pub(crate) fn evaluate(&self, answers: &[Truth]) -> Evaluation {
        let values = self.node_values(answers);
        let determinations: Vec<Truth> = (0..self.roots.len())
            .map(|d| self.root_value(&values, d))
            .collect();
        let needed = self.needed(&values, &determinations);
        let deciders = determinations
            .iter()
            .enumerate()
            .map(|(d, v)| {
                if v.is_known() {
                    let mut out = Vec::new();
                    self.deciders(
                        &values,
                        self.roots.get(d).copied(),
                        &mut Vec::new(),
                        &mut out,
                    );
                    out
                } else {
                    Vec::new()
                }
            })
            .collect();
        Evaluation {
            values: determinations,
            needed,
            deciders,
        }
    }

    /// Partial evaluation: the questions left in the undecided part of each undecided rule.
    /// Each node is visited at most once, so this is linear in the size of the rules.
    fn needed(&self, values: &[Truth], determinations: &[Truth]) -> Vec<usize> {
        let mut visited = vec![false; self.nodes.len()];
        let mut questions = vec![false; self.question_count];
        let mut stack: Vec<usize> = determinations
            .iter()
            .enumerate()
            .filter(|(_, v)| !v.is_known())
            .filter_map(|(d, _)| self.roots.get(d).copied())
            .collect();
        self.mark_needed(values, &mut visited, &mut questions, &mut stack);
        questions
            .iter()
            .enumerate()
            .filter_map(|(q, &needed)| needed.then_some(q))
            .collect()
    }

    /// Walk the undecided part of the rules from the nodes on `stack`, marking the questions
    /// found there in `questions`.
    fn mark_needed(
        &self,
        values: &[Truth],
        visited: &mut [bool],
        questions: &mut [bool],
        stack: &mut Vec<usize>,
    ) {
        while let Some(n) = stack.pop() {
            match visited.get_mut(n) {
                Some(seen) if !*seen => *seen = true,
                _ => continue,
            }
            if values.get(n).copied().unwrap_or(Truth::Unknown).is_known() {
                continue;
            }
            let Some(node) = self.nodes.get(n) else {
                continue;
            };
            match node.op {
                Op::Question(q) => {
                    if let Some(slot) = questions.get_mut(q) {
                        *slot = true;
                    }
                }
                Op::Determination(d) => stack.extend(self.roots.get(d).copied()),
                Op::All | Op::Any | Op::Not => stack.extend_from_slice(self.children_of(node)),
            }
        }
    }

    /// The answers that make node `n` the value it has: for a conjunction that is yes, all of
    /// its parts; for one that is no, its first part that is no (the form stops at the first
    /// "no"); dually for a disjunction.
    fn deciders(
        &self,
        values: &[Truth],
        n: Option<usize>,
        via: &mut Vec<usize>,
        out: &mut Vec<Decider>,
    ) {
        let Some(n) = n else { return };
        let (Some(node), Some(&value)) = (self.nodes.get(n), values.get(n)) else {
            return;
        };
        match node.op {
            Op::Question(q) => {
                if !out.iter().any(|d| d.question == q) {
                    out.push(Decider {
                        question: q,
                        via: via.clone(),
                    });
                }
            }
            Op::Determination(d) => {
                via.push(d);
                self.deciders(values, self.roots.get(d).copied(), via, out);
                via.pop();
            }
            Op::Not => {
                self.deciders(values, self.children_of(node).first().copied(), via, out);
            }
            Op::All | Op::Any => {
                let all_count = (node.op == Op::All) == (value == Truth::Yes);
                for &c in self.children_of(node) {
                    if all_count {
                        self.deciders(values, Some(c), via, out);
                    } else if values.get(c) == Some(&value) {
                        self.deciders(values, Some(c), via, out);
                        break;
                    }
                }
            }
        }
    }

    pub(crate) fn would_ask(&self, answers: &[Truth]) -> Vec<bool> {
        // Runs for every answer file: one set of buffers, reused for each question.
        let mut known = vec![Truth::Unknown; self.question_count];
        let mut asked = vec![false; self.question_count];
        let mut values = Vec::with_capacity(self.nodes.len());
        let mut visited = vec![false; self.nodes.len()];
        let mut needed = vec![false; self.question_count];
        let mut stack = Vec::new();
        for q in 0..self.question_count {
            self.node_values_into(&known, &mut values);
            let open: Vec<usize> = (0..self.roots.len())
                .filter(|&d| !self.root_value(&values, d).is_known())
                .filter_map(|d| self.roots.get(d).copied())
                .collect();
            if open.is_empty() {
                break; // everything is decided: nothing further is asked
            }
            visited.iter_mut().for_each(|v| *v = false);
            needed.iter_mut().for_each(|v| *v = false);
            stack.clear();
            stack.extend(open);
            self.mark_needed(&values, &mut visited, &mut needed, &mut stack);
            if needed.get(q) == Some(&true) {
                if let Some(slot) = asked.get_mut(q) {
                    *slot = true;
                }
                if let (Some(k), Some(&a)) = (known.get_mut(q), answers.get(q)) {
                    *k = a;
                }
            }
        }
        asked
    }
}
