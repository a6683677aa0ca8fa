//! Rules compiled to a flat program of nodes.
//!
//! Every determination's rule becomes a run of nodes in one vector, children before their
//! parents and determinations after those they refer to (validation has ruled out loops).
//! Evaluating all determinations is then one pass from the first node to the last.

use crate::checklist::{Checklist, Rule};

/// What a node computes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Op {
    /// The answer to question `i`.
    Question(usize),
    /// The value of determination `i` (its root node is evaluated earlier).
    Determination(usize),
    /// Kleene conjunction of the children.
    All,
    /// Kleene disjunction of the children.
    Any,
    /// Kleene negation of the one child.
    Not,
}

/// One node: an operation and its children, as a range into [`Program::children`].
#[derive(Clone, Debug)]
pub(crate) struct Node {
    pub(crate) op: Op,
    pub(crate) first_child: usize,
    pub(crate) child_count: usize,
}

/// All rules of a checklist, compiled.
#[derive(Clone, Debug)]
pub(crate) struct Program {
    pub(crate) nodes: Vec<Node>,
    pub(crate) children: Vec<usize>,
    /// The node that computes each determination, by determination index.
    pub(crate) roots: Vec<usize>,
    /// The number of questions of the checklist.
    pub(crate) question_count: usize,
}

impl Program {
    /// Compile the rules of a validated checklist.
    pub(crate) fn compile(checklist: &Checklist) -> Program {
        let mut program = Program {
            nodes: Vec::new(),
            children: Vec::new(),
            roots: vec![usize::MAX; checklist.determinations.len()],
            question_count: checklist.questions.len(),
        };
        let mut state = vec![false; checklist.determinations.len()];
        for d in 0..checklist.determinations.len() {
            program.compile_determination(checklist, d, &mut state);
        }
        program
    }

    /// Compile determination `d` after those it refers to. `started` guards against loops,
    /// which validation reports; here a loop would only leave a reference unresolved.
    fn compile_determination(&mut self, checklist: &Checklist, d: usize, started: &mut [bool]) {
        if started.get(d).copied().unwrap_or(true) {
            return;
        }
        if let Some(s) = started.get_mut(d) {
            *s = true;
        }
        let Some(det) = checklist.determinations.get(d) else {
            return;
        };
        let mut deps = Vec::new();
        collect_determinations(checklist, &det.rule, &mut deps);
        for dep in deps {
            self.compile_determination(checklist, dep, started);
        }
        let root = self.compile_rule(checklist, &det.rule);
        if let Some(r) = self.roots.get_mut(d) {
            *r = root;
        }
    }

    fn compile_rule(&mut self, checklist: &Checklist, rule: &Rule) -> usize {
        let (op, parts): (Op, Vec<&Rule>) = match rule {
            Rule::Question(id) => (
                Op::Question(checklist.question_index(id).unwrap_or(usize::MAX)),
                Vec::new(),
            ),
            Rule::Determination(id) => (
                Op::Determination(checklist.determination_index(id).unwrap_or(usize::MAX)),
                Vec::new(),
            ),
            Rule::AllOf(parts) => (Op::All, parts.iter().map(|p| &p.value).collect()),
            Rule::AnyOf(parts) => (Op::Any, parts.iter().map(|p| &p.value).collect()),
            Rule::Not(inner) => (Op::Not, vec![&inner.value]),
        };
        let compiled: Vec<usize> = parts
            .into_iter()
            .map(|p| self.compile_rule(checklist, p))
            .collect();
        let first_child = self.children.len();
        self.children.extend_from_slice(&compiled);
        self.nodes.push(Node {
            op,
            first_child,
            child_count: compiled.len(),
        });
        self.nodes.len() - 1
    }

    /// The children of node `n`.
    pub(crate) fn children_of(&self, n: &Node) -> &[usize] {
        self.children
            .get(n.first_child..n.first_child + n.child_count)
            .unwrap_or_default()
    }

    /// The questions determination `d` depends on, directly or through other determinations.
    pub(crate) fn questions_of(&self, d: usize) -> Vec<usize> {
        let mut seen_nodes = vec![false; self.nodes.len()];
        let mut questions = vec![false; self.question_count];
        let mut stack: Vec<usize> = self.roots.get(d).copied().into_iter().collect();
        while let Some(n) = stack.pop() {
            match seen_nodes.get_mut(n) {
                Some(seen) if !*seen => *seen = true,
                _ => continue,
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
                Op::Determination(dep) => stack.extend(self.roots.get(dep).copied()),
                Op::All | Op::Any | Op::Not => stack.extend_from_slice(self.children_of(node)),
            }
        }
        questions
            .iter()
            .enumerate()
            .filter_map(|(q, &used)| used.then_some(q))
            .collect()
    }
}

fn collect_determinations(checklist: &Checklist, rule: &Rule, out: &mut Vec<usize>) {
    match rule {
        Rule::Question(_) => {}
        Rule::Determination(id) => out.extend(checklist.determination_index(id)),
        Rule::AllOf(parts) | Rule::AnyOf(parts) => {
            for p in parts {
                collect_determinations(checklist, p, out);
            }
        }
        Rule::Not(inner) => collect_determinations(checklist, inner, out),
    }
}
