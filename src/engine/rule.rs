//! Rules compiled to a flat program of nodes.
//!
//! Every determination's rule becomes a run of nodes in one vector, children before their
//! parents and determinations after those they refer to (validation has ruled out loops).
//! Evaluating all determinations is then one pass from the first node to the last.
//!
//! Every walk over the program visits each node at most once: [`Program::walk`] follows
//! children and references with a visited mark, and the per-determination results that build
//! on other determinations (their questions, the answers that decided them) are computed once
//! each, in compile order, so a determination referred to many times costs once.

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
    /// Each node's parent in its rule (`NONE` for a determination's root): rules are trees,
    /// so a node has at most one.
    pub(crate) parent: Vec<usize>,
    /// For a root node, the determination it computes (`NONE` otherwise).
    pub(crate) determination_of: Vec<usize>,
    /// For each determination, the nodes that refer to it.
    pub(crate) references: Vec<Vec<usize>>,
    /// For each question, the nodes that read it.
    pub(crate) readers: Vec<Vec<usize>>,
    /// Determinations in compile order: each after those it refers to.
    pub(crate) order: Vec<usize>,
}

/// No node, no determination.
pub(crate) const NONE: usize = usize::MAX;

impl Program {
    /// Compile the rules of a validated checklist.
    pub(crate) fn compile(checklist: &Checklist) -> Program {
        let mut program = Program {
            nodes: Vec::new(),
            children: Vec::new(),
            roots: vec![NONE; checklist.determinations.len()],
            question_count: checklist.questions.len(),
            parent: Vec::new(),
            determination_of: Vec::new(),
            references: vec![Vec::new(); checklist.determinations.len()],
            readers: vec![Vec::new(); checklist.questions.len()],
            order: Vec::new(),
        };
        let mut state = vec![false; checklist.determinations.len()];
        for d in 0..checklist.determinations.len() {
            program.compile_determination(checklist, d, &mut state);
        }
        program.link();
        program
    }

    /// Fill in parents, roots' determinations, references and readers.
    fn link(&mut self) {
        let mut parent = vec![NONE; self.nodes.len()];
        self.determination_of = vec![NONE; self.nodes.len()];
        for (n, node) in self.nodes.iter().enumerate() {
            for &c in self.children_of(node) {
                if let Some(p) = parent.get_mut(c) {
                    *p = n;
                }
            }
            match node.op {
                Op::Question(q) => self.readers.get_mut(q).into_iter().for_each(|r| r.push(n)),
                Op::Determination(d) => {
                    if let Some(r) = self.references.get_mut(d) {
                        r.push(n);
                    }
                }
                Op::All | Op::Any | Op::Not => {}
            }
        }
        self.parent = parent;
        for (d, &root) in self.roots.iter().enumerate() {
            if let Some(slot) = self.determination_of.get_mut(root) {
                *slot = d;
            }
        }
        self.order = (0..self.roots.len()).collect();
        self.order
            .sort_by_key(|&d| self.roots.get(d).copied().unwrap_or(NONE));
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
        let deps: Vec<usize> = Rule::walk(&det.rule)
            .filter_map(|part| match &part.value {
                Rule::Determination(id) => checklist.determination_index(id),
                _ => None,
            })
            .collect();
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

    /// Visit every node reachable from `starts`, each once: `descend` is called on each node
    /// and says whether to go on into its children (and, for a reference, into the root of the
    /// determination it refers to).
    pub(crate) fn walk(&self, starts: &[usize], mut descend: impl FnMut(usize, &Node) -> bool) {
        let mut seen = vec![false; self.nodes.len()];
        let mut stack: Vec<usize> = starts.to_vec();
        while let Some(n) = stack.pop() {
            match seen.get_mut(n) {
                Some(s) if !*s => *s = true,
                _ => continue,
            }
            let Some(node) = self.nodes.get(n) else {
                continue;
            };
            if !descend(n, node) {
                continue;
            }
            match node.op {
                Op::Determination(d) => stack.extend(self.roots.get(d).copied()),
                _ => stack.extend_from_slice(self.children_of(node)),
            }
        }
    }

    /// For every determination, the questions it depends on, directly or through other
    /// determinations, in checklist order. Each determination's own rule is walked once and
    /// the lists of those it refers to are merged in, so the work is linear in the rules and
    /// the lists.
    pub(crate) fn questions_by_determination(&self) -> Vec<Vec<usize>> {
        let mut out: Vec<Vec<usize>> = vec![Vec::new(); self.roots.len()];
        let mut mark = vec![NONE; self.question_count];
        for &d in &self.order {
            let mut mine = Vec::new();
            let mut add = |q: usize, mine: &mut Vec<usize>| {
                if let Some(m) = mark.get_mut(q)
                    && *m != d
                {
                    *m = d;
                    mine.push(q);
                }
            };
            let mut stack: Vec<usize> = self.roots.get(d).copied().into_iter().collect();
            while let Some(n) = stack.pop() {
                let Some(node) = self.nodes.get(n) else {
                    continue;
                };
                match node.op {
                    Op::Question(q) => add(q, &mut mine),
                    Op::Determination(e) => {
                        for &q in out.get(e).into_iter().flatten() {
                            add(q, &mut mine);
                        }
                    }
                    Op::All | Op::Any | Op::Not => stack.extend_from_slice(self.children_of(node)),
                }
            }
            mine.sort_unstable();
            if let Some(slot) = out.get_mut(d) {
                *slot = mine;
            }
        }
        out
    }
}
