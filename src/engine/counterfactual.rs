//! "What would change it": for each determination, the fewest answers whose change would give
//! it another value, computed in one pass over the compiled rules.
//!
//! Each node gets the cheapest set of answer changes that makes it `yes` and the cheapest that
//! makes it `no`: a question costs nothing if already so answered, one change otherwise; a
//! conjunction is made `yes` by making every part `yes` (the union) and `no` by the cheapest
//! part made `no`; a disjunction the other way round; `not` swaps the two. No combination of
//! answers is tried. When a rule mentions the same question in ways that pull opposite ways,
//! a union that would need both answers is dropped as impossible.

use std::rc::Rc;

use super::evaluate::Truth;
use super::rule::{Op, Program};

/// Answer question `question` with `to` (yes or no).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Change {
    /// Index of the question.
    pub question: usize,
    /// The answer it would need.
    pub to: Truth,
}

/// The fewest changes that give a determination a value it does not have.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Flip {
    /// The value the changes would give (yes or no).
    pub to: Truth,
    /// The changes, by question order.
    pub changes: Vec<Change>,
}

/// A set of changes, shared (a determination's sets are referred to, not copied), or `None`
/// when no changes can give the value.
type Set = Option<Rc<[Change]>>;

fn union<'s>(sets: impl Iterator<Item = &'s Set>) -> Set {
    let mut all: Vec<Change> = Vec::new();
    for set in sets {
        all.extend_from_slice(set.as_deref()?);
    }
    all.sort();
    all.dedup();
    // The same question needed both ways: this way cannot be taken.
    if all
        .windows(2)
        .any(|w| matches!(w, [a, b] if a.question == b.question))
    {
        return None;
    }
    Some(all.into())
}

/// The smallest set; between sets as small, the one that changes fewest answers already
/// given (changing an open question is the useful advice), then the first.
fn cheapest<'s>(sets: impl Iterator<Item = &'s Set>, answers: &[Truth]) -> Set {
    let settled = |set: &[Change]| {
        set.iter()
            .filter(|c| answers.get(c.question).is_some_and(|a| a.is_known()))
            .count()
    };
    sets.flatten()
        .min_by_key(|s| (s.len(), settled(s)))
        .cloned()
}

impl Program {
    /// For each determination, the flips to each value it does not have: one for a `yes` or a
    /// `no` (to the other), two for an undetermined one (to `yes` and to `no`), none where no
    /// answers can give that value.
    pub(crate) fn flips(&self, answers: &[Truth]) -> Vec<Vec<Flip>> {
        let values = self.node_values(answers);
        // (to yes, to no) per node, children and referenced determinations first.
        let mut best: Vec<(Set, Set)> = Vec::with_capacity(self.nodes.len());
        const NEITHER: &(Set, Set) = &(None, None);
        for node in &self.nodes {
            let children = self.children_of(node);
            let child = |i: &usize| best.get(*i).unwrap_or(NEITHER);
            let pair = match node.op {
                Op::Question(q) => {
                    let answer = answers.get(q).copied().unwrap_or(Truth::Unknown);
                    let set = |to: Truth| -> Set {
                        Some(if answer == to {
                            Rc::from([])
                        } else {
                            Rc::from([Change { question: q, to }])
                        })
                    };
                    (set(Truth::Yes), set(Truth::No))
                }
                Op::Determination(d) => self
                    .roots
                    .get(d)
                    .and_then(|&r| best.get(r).cloned())
                    .unwrap_or((None, None)),
                Op::All => (
                    union(children.iter().map(|c| &child(c).0)),
                    cheapest(children.iter().map(|c| &child(c).1), answers),
                ),
                Op::Any => (
                    cheapest(children.iter().map(|c| &child(c).0), answers),
                    union(children.iter().map(|c| &child(c).1)),
                ),
                Op::Not => children.first().map_or((None, None), |c| {
                    let (yes, no) = child(c);
                    (no.clone(), yes.clone())
                }),
            };
            best.push(pair);
        }
        self.roots
            .iter()
            .map(|&root| {
                let value = values.get(root).copied().unwrap_or(Truth::Unknown);
                let (yes, no) = best.get(root).cloned().unwrap_or((None, None));
                [(Truth::Yes, yes), (Truth::No, no)]
                    .into_iter()
                    .filter(|(to, _)| *to != value)
                    .filter_map(|(to, set)| {
                        set.map(|changes| Flip {
                            to,
                            changes: changes.to_vec(),
                        })
                    })
                    .collect()
            })
            .collect()
    }
}
