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

    /// For each decided determination, the answers that make it the value it has: for a
    /// conjunction that is yes, all of its parts; for one that is no, its first part that is
    /// no (the form stops at the first "no"); dually for a disjunction. Each determination's
    /// own rule is walked once, in compile order, and the deciders of a determination it refers
    /// to are taken from its own entry (through it), so a determination referred to many times
    /// is worked out once.
    fn deciders(&self, values: &[Truth], determinations: &[Truth]) -> Vec<Vec<Decider>> {
        let mut out: Vec<Vec<Decider>> = vec![Vec::new(); self.roots.len()];
        let mut mark = vec![usize::MAX; self.question_count];
        for &d in &self.order {
            if !determinations.get(d).is_some_and(|v| v.is_known()) {
                continue;
            }
            let mut mine: Vec<Decider> = Vec::new();
            let mut add = |decider: Decider, mine: &mut Vec<Decider>| {
                if let Some(m) = mark.get_mut(decider.question)
                    && *m != d
                {
                    *m = d;
                    mine.push(decider);
                }
            };
            let mut stack: Vec<usize> = self.roots.get(d).copied().into_iter().collect();
            while let Some(n) = stack.pop() {
                let (Some(node), Some(&value)) = (self.nodes.get(n), values.get(n)) else {
                    continue;
                };
                match node.op {
                    Op::Question(question) => add(
                        Decider {
                            question,
                            via: Vec::new(),
                        },
                        &mut mine,
                    ),
                    Op::Determination(e) => {
                        for decider in out.get(e).into_iter().flatten() {
                            let mut via = Vec::with_capacity(decider.via.len() + 1);
                            via.push(e);
                            via.extend_from_slice(&decider.via);
                            add(
                                Decider {
                                    question: decider.question,
                                    via,
                                },
                                &mut mine,
                            );
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
            if let Some(slot) = out.get_mut(d) {
                *slot = mine;
            }
        }
        out
    }
}
