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

/// What decided a determination, as its own rule names it: the answer to a question, or the
/// value of another determination (which has deciders of its own: reasons refer to each other
/// rather than copying, so they stay linear in the size of the rules).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Decider {
    /// The answer to question `i`.
    Question(usize),
    /// The value of determination `i`.
    Determination(usize),
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
        let deciders = self.deciders(&values, &determinations);
        Evaluation {
            values: determinations,
            needed,
            deciders,
        }
    }

    /// Partial evaluation: the questions left in the undecided part of each undecided rule.
    /// Each node is visited at most once, so this is linear in the size of the rules.
    fn needed(&self, values: &[Truth], determinations: &[Truth]) -> Vec<usize> {
        let starts: Vec<usize> = determinations
            .iter()
            .zip(&self.roots)
            .filter(|(v, _)| !v.is_known())
            .map(|(_, &root)| root)
            .collect();
        let mut questions = vec![false; self.question_count];
        self.walk(&starts, |n, node| {
            if values.get(n).copied().unwrap_or(Truth::Unknown).is_known() {
                return false;
            }
            if let Op::Question(q) = node.op
                && let Some(slot) = questions.get_mut(q)
            {
                *slot = true;
            }
            true
        });
        questions
            .iter()
            .enumerate()
            .filter_map(|(q, &needed)| needed.then_some(q))
            .collect()
    }

    /// For each decided determination, what makes it the value it has, as its own rule says:
    /// for a conjunction that is yes, all of its parts; for one that is no, its first part that
    /// is no (the form stops at the first "no"); dually for a disjunction. A part that is
    /// another determination is named, not expanded, so each rule is walked once and the work
    /// is linear in the rules.
    fn deciders(&self, values: &[Truth], determinations: &[Truth]) -> Vec<Vec<Decider>> {
        let mut out: Vec<Vec<Decider>> = vec![Vec::new(); self.roots.len()];
        let mut seen_q = vec![usize::MAX; self.question_count];
        let mut seen_d = vec![usize::MAX; self.roots.len()];
        for (d, slot) in out.iter_mut().enumerate() {
            if !determinations.get(d).is_some_and(|v| v.is_known()) {
                continue;
            }
            let mut stack: Vec<usize> = self.roots.get(d).copied().into_iter().collect();
            while let Some(n) = stack.pop() {
                let (Some(node), Some(&value)) = (self.nodes.get(n), values.get(n)) else {
                    continue;
                };
                match node.op {
                    Op::Question(q) => {
                        if let Some(m) = seen_q.get_mut(q)
                            && *m != d
                        {
                            *m = d;
                            slot.push(Decider::Question(q));
                        }
                    }
                    Op::Determination(e) => {
                        if let Some(m) = seen_d.get_mut(e)
                            && *m != d
                        {
                            *m = d;
                            slot.push(Decider::Determination(e));
                        }
                    }
                    Op::Not => stack.extend(self.children_of(node).first().copied()),
                    Op::All | Op::Any => {
                        let children = self.children_of(node);
                        if (node.op == Op::All) == (value == Truth::Yes) {
                            // Every part counts: pushed last first, so they come out in order.
                            stack.extend(children.iter().rev());
                        } else {
                            let first = children.iter().find(|&&c| values.get(c) == Some(&value));
                            stack.extend(first.copied());
                        }
                    }
                }
            }
        }
        out
    }
}
