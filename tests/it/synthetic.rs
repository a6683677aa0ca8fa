//! Synthetic checklists of any size, written as YAML (shared by the tests and `benches/`).

use std::fmt::Write as _;

fn header(out: &mut String, id: &str) {
    let _ = writeln!(
        out,
        "id: {id}\ntitle: Synthetic checklist ({id})\nversion: '1'\nsource: generated for \
         adscheck's tests and benchmarks\ndeterminations:"
    );
}

fn determination(out: &mut String, id: &str, rule: &str) {
    let _ = writeln!(
        out,
        "  - id: {id}\n    number: '{id}'\n    label: {id}\n    question: Is it {id}?\n    \
         term: {id}\n    definition: Generated.\n    citation: none\n    rule:\n{rule}"
    );
}

fn questions(out: &mut String, count: usize) {
    out.push_str("questions:\n");
    for q in 0..count {
        let _ = writeln!(
            out,
            "  - id: q{q}\n    number: '({q})'\n    text: Question {q}?"
        );
    }
}

/// `d0 = q0`, `d_i = all_of[d_(i-1), d_(i-1)]`: each determination refers to the previous one
/// twice, so a walk that follows references without memory doubles its work per level.
#[must_use]
pub fn doubling_chain(levels: usize) -> String {
    let mut out = String::new();
    header(&mut out, "doubling-chain");
    determination(&mut out, "d0", "      question: q0");
    for i in 1..levels {
        let rule = format!(
            "      all_of:\n        - determination: d{p}\n        - determination: d{p}",
            p = i - 1
        );
        determination(&mut out, &format!("d{i}"), &rule);
    }
    questions(&mut out, 1);
    out
}

/// `determinations` determinations of `per` questions each; each requires its own questions
/// and the previous determination.
#[must_use]
pub fn chain(determinations: usize, per: usize) -> String {
    let mut out = String::new();
    header(&mut out, "chain");
    for d in 0..determinations {
        let mut rule = String::from("      all_of:\n");
        if d > 0 {
            let _ = writeln!(rule, "        - determination: d{}", d - 1);
        }
        for q in d * per..(d + 1) * per {
            let _ = writeln!(rule, "        - question: q{q}");
        }
        determination(&mut out, &format!("d{d}"), rule.trim_end());
    }
    questions(&mut out, determinations * per);
    out
}

/// An answer file answering every question of a checklist of `count` questions: `yes`, except
/// every `unsure_every`-th (from a fixed seed), `unsure`.
#[must_use]
pub fn answers(count: usize, seed: u64, unsure_every: u64) -> String {
    let mut out = String::from("answers:\n");
    let mut s = seed | 1;
    for q in 0..count {
        s ^= s << 13;
        s ^= s >> 7;
        s ^= s << 17;
        let answer = if unsure_every > 0 && s.is_multiple_of(unsure_every) {
            "unsure"
        } else {
            "yes"
        };
        let _ = writeln!(out, "  q{q}: {answer}");
    }
    out
}
