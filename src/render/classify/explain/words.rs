//! The explanation's longer passages: each reason in the form's words, what would change a
//! result, the settled answers that decide it.

use std::io::{self, Write};

use anstyle::{AnsiColor, Style};

use super::{Explain, join_and, join_or};
use crate::answers::AnswerValue;
use crate::checklist::{Question, shown};
use crate::classification::Reason;
use crate::engine::Truth;
use crate::render::checklist::text::EDITORIAL;
use crate::text::visible_lines;

impl Explain<'_> {
    /// The result stated as the form states it: the form's question answered YES, or the stop
    /// rule that applied, quoted; and, where a determination was decided while one it rests on
    /// is still open, adscheck's note saying so.
    pub(super) fn in_the_forms_words(
        &self,
        out: &mut dyn Write,
        outcome: &crate::classification::Outcome,
        d: usize,
        value: Truth,
        reasons: &[&Reason],
    ) -> io::Result<()> {
        let checklist = self.engine.checklist();
        let Some(determination) = checklist.determinations.get(d) else {
            return Ok(());
        };
        let question = format!(
            "{}{}: {}",
            determination.heading(),
            self.from(determination.source.as_ref(), None),
            determination.shown_question()
        );
        match value {
            Truth::Yes => writeln!(out, "{}", self.hanging(&format!("{question}  YES"), 4, 6))?,
            Truth::Unknown => writeln!(
                out,
                "{}",
                self.hanging(&format!("{question}  (not yet decided)"), 4, 6)
            )?,
            Truth::No => {
                writeln!(out, "{}", self.hanging(&format!("{question}  NO"), 4, 6))?;
                // The stop rule that applied: this determination's own, or, when every
                // deciding answer counts through another one, that one's.
                let through = reasons.first().and_then(|r| r.rests_on());
                let applied = match through {
                    Some(v) if reasons.iter().all(|r| r.rests_on() == Some(v)) => v,
                    _ => d,
                };
                if let Some(rule_of) = checklist.determinations.get(applied)
                    && let Some(stop) = &rule_of.stop_rule
                {
                    let line = format!(
                        "Stop rule of {}{}: {}",
                        rule_of.called(),
                        self.from(rule_of.source.as_ref(), None),
                        shown(stop)
                    );
                    writeln!(out, "{}", self.hanging(&line, 4, 6))?;
                    if applied != d {
                        let note = format!(
                            "{EDITORIAL}: {}",
                            crate::render::checklist::notes::asked_only_after(
                                determination,
                                rule_of
                            )
                        );
                        writeln!(out, "{}", self.hanging(&note, 4, 6))?;
                    }
                }
            }
        }
        // Decided while a determination it rests on is open (a "no" to (2)(a) before Question
        // 1 is settled): sound logic, but not the form's order; say so.
        if value.is_known() {
            let open: Vec<String> = self
                .engine
                .refers_to(d)
                .iter()
                .filter(|&&e| outcome.determinations.get(e) == Some(&Truth::Unknown))
                .map(|&e| {
                    format!(
                        "{} ({})",
                        checklist
                            .determinations
                            .get(e)
                            .map_or_else(|| "?".to_owned(), |x| x.called()),
                        checklist.label(e)
                    )
                })
                .collect();
            if !open.is_empty() {
                let note = format!(
                    "{EDITORIAL}: {} is not settled yet. The form asks {} only once it is; the \
                     answers below already decide this one whatever it turns out to be.",
                    join_and(&open),
                    determination.called()
                );
                writeln!(out, "{}", self.hanging(&note, 4, 6))?;
            }
        }
        Ok(())
    }

    /// "Would be ..." lines: the fewest answer changes that give another value, changes to
    /// open (unanswered or unsure) questions first; for an undetermined result, the settled
    /// answers that would decide it too.
    pub(super) fn what_would_change_it(
        &self,
        out: &mut dyn Write,
        outcome: &crate::classification::Outcome,
        d: usize,
        value: Truth,
    ) -> io::Result<()> {
        let checklist = self.engine.checklist();
        // adscheck's reading of the rules, not the form's words: one note, marked as such.
        let mut lines: Vec<String> = Vec::new();
        let flips = outcome.flips.get(d).map_or(&[][..], Vec::as_slice);
        let single = |to: Truth| {
            flips
                .iter()
                .find(|f| f.to == to)
                .and_then(|f| match f.changes.as_slice() {
                    [one] => Some(one.question),
                    _ => None,
                })
        };
        let combined = !value.is_known()
            && single(Truth::Yes).is_some()
            && single(Truth::Yes) == single(Truth::No);
        if combined && let Some(q) = single(Truth::Yes) {
            let line = format!(
                "Would be yes if {} were yes; no if it were no.",
                checklist.number(q)
            );
            lines.push(line);
        } else {
            for flip in flips {
                let changes: Vec<String> = flip
                    .changes
                    .iter()
                    .map(|c| format!("{} were {}", checklist.number(c.question), c.to.as_str()))
                    .collect();
                let line = format!("Would be {} if {}.", flip.to.as_str(), join_and(&changes));
                lines.push(line);
            }
        }
        // Answers already given whose change alone would decide it (undetermined) or change
        // it (decided), beyond those just named.
        let named: Vec<usize> = flips
            .iter()
            .flat_map(|f| f.changes.iter().map(|c| c.question))
            .collect();
        let also: Vec<String> = self
            .settled_that_decide(outcome, d, value)
            .into_iter()
            .filter(|(q, _)| !named.contains(q))
            .map(|(_, s)| s)
            .collect();
        // Undetermined: every open answer that alone would decide it, beyond those named (with
        // (2)(a) unsure and (2)(b) open, (2)(b) "no" decides as well as (2)(a) "no").
        if !value.is_known() {
            // Those already said as a change of their own ("Would be no if (2)(a) were no").
            let said: Vec<(usize, Truth)> = flips
                .iter()
                .filter_map(|f| match f.changes.as_slice() {
                    [one] => Some((one.question, one.to)),
                    _ => None,
                })
                .collect();
            let open: Vec<String> = self
                .open_that_decide(outcome, d)
                .into_iter()
                .filter(|(q, to, _)| !said.contains(&(*q, *to)))
                .map(|(_, _, s)| s)
                .collect();
            if !open.is_empty() {
                let line = format!("Or decided by any one of: {}.", join_or(&open));
                lines.push(line);
            }
        }
        // A settled result one answer would change, and others would alike: named together,
        // none first ("any one of (1)(a) no, (1)(b) no or (1)(c) no"), as the form's stop rule
        // treats them alike.
        if value.is_known()
            && !also.is_empty()
            && let [flip] = flips
            && let [one] = flip.changes.as_slice()
            && flip.to == value.not()
        {
            let mut all = vec![format!(
                "{} {}",
                checklist.number(one.question),
                one.to.as_str()
            )];
            all.extend(also);
            lines = vec![format!(
                "Would be {} if any one of these answers were given instead: {}.",
                flip.to.as_str(),
                join_or(&all)
            )];
        } else if !also.is_empty() {
            let line = if value.is_known() {
                format!("Or changed by any one of: {}.", join_or(&also))
            } else {
                format!(
                    "A change to an answer already given would decide it too: {}.",
                    join_or(&also)
                )
            };
            lines.push(line);
        }
        if let Some((first, rest)) = lines.split_first() {
            let mut note = first.clone();
            if let Some(c) = note.get(..1) {
                note.replace_range(..1, &c.to_lowercase());
            }
            for line in rest {
                note.push(' ');
                note.push_str(line);
            }
            let note = format!("{EDITORIAL}: {note}");
            writeln!(out, "{}", self.hanging(&note, 4, 6))?;
        }
        Ok(())
    }

    /// The open (unsure or unanswered) questions that, answered alone, would decide the open
    /// determination `d`: "(2)(b) no".
    fn open_that_decide(
        &self,
        outcome: &crate::classification::Outcome,
        d: usize,
    ) -> Vec<(usize, Truth, String)> {
        let checklist = self.engine.checklist();
        let answers = truths(outcome, checklist.questions.len());
        let mut out = Vec::new();
        for &q in self.engine.questions_of(d) {
            if answers.get(q).is_none_or(|a| a.is_known()) {
                continue;
            }
            for to in [Truth::Yes, Truth::No] {
                let mut changed = answers.clone();
                if let Some(a) = changed.get_mut(q) {
                    *a = to;
                }
                let now = self.engine.evaluate(&changed).values.get(d).copied();
                if now.is_some_and(Truth::is_known) {
                    out.push((q, to, format!("{} {}", checklist.number(q), to.as_str())));
                }
            }
        }
        out
    }

    /// The answered (yes or no) questions whose change alone would give determination `d` a
    /// known value other than `value`: "(1)(a) no".
    pub(super) fn settled_that_decide(
        &self,
        outcome: &crate::classification::Outcome,
        d: usize,
        value: Truth,
    ) -> Vec<(usize, String)> {
        let checklist = self.engine.checklist();
        let answers = truths(outcome, checklist.questions.len());
        let mut out = Vec::new();
        for &q in self.engine.questions_of(d) {
            let Some(&given) = answers.get(q) else {
                continue;
            };
            if !given.is_known() {
                continue;
            }
            let mut changed = answers.clone();
            if let Some(a) = changed.get_mut(q) {
                *a = given.not();
            }
            let now = self.engine.evaluate(&changed).values.get(d).copied();
            if now.is_some_and(|v| v.is_known() && v != value) {
                out.push((
                    q,
                    format!("{} {}", checklist.number(q), given.not().as_str()),
                ));
            }
        }
        out
    }

    pub(super) fn reason(
        &self,
        out: &mut dyn Write,
        question: &Question,
        r: &Reason,
    ) -> io::Result<()> {
        let answer = match r.value() {
            Some(a) => {
                let truth = a.truth();
                if a == AnswerValue::Unsure {
                    self.paint(
                        Style::new().bold().fg_color(Some(AnsiColor::Yellow.into())),
                        "unsure",
                    )
                } else {
                    self.value(truth)
                }
            }
            None => self.paint(Style::new().italic(), "not answered"),
        };
        // "(1)(a) Is it an algorithm?" with the details aligned under the question text.
        let number = question.number.as_str();
        let indent = 6;
        let detail = indent + number.chars().count() + 1;
        let line = format!("{number} {}", question.shown_text());
        writeln!(out, "{}", self.hanging(&line, indent, detail))?;
        writeln!(out, "{}answer: {answer}", " ".repeat(detail))?;
        if !r.options().is_empty() {
            // Quoted under the words the form introduces the list with, so that a reader sees
            // examples as examples and factors as factors to consider, not as the test.
            let intro = question
                .options
                .as_ref()
                .map_or_else(String::new, |o| format!(" of \"{}\"", shown(&o.prompt)));
            writeln!(
                out,
                "{}",
                self.hanging(
                    &format!("ticked{intro}: \"{}\"", question.ticked(r.options())),
                    detail,
                    detail + 8
                )
            )?;
        }
        if let Some(note) = r.note() {
            writeln!(
                out,
                "{}",
                self.hanging(
                    &format!("note: {}", visible_lines(note)),
                    detail,
                    detail + 6
                )
            )?;
        }
        // A deciding "no" that rests on guidance adscheck placed under this question (the
        // form's administrative-convenience exclusion): the text, where the form prints it,
        // and adscheck's reading of it.
        if r.value() == Some(AnswerValue::No) {
            for g in question
                .guidance
                .iter()
                .filter(|g| g.editorial_note.is_some())
            {
                let place = g.printed_under.as_ref().map_or_else(String::new, |p| {
                    format!(", printed under {} on the form", p.as_str())
                });
                let line = format!(
                    "guidance{}{place}: {}",
                    self.from(g.source.as_ref(), None),
                    shown(&g.text)
                );
                writeln!(out, "{}", self.hanging(&line, detail, detail + 2))?;
                if let Some(note) = &g.editorial_note {
                    let line = format!("{EDITORIAL}: {}", note.as_str());
                    writeln!(out, "{}", self.hanging(&line, detail, detail + 2))?;
                }
            }
        }
        Ok(())
    }
}

/// Every question's answer as a truth value (unsure and unanswered: unknown), for trying one
/// changed answer against the rules.
fn truths(outcome: &crate::classification::Outcome, questions: usize) -> Vec<Truth> {
    (0..questions)
        .map(|q| {
            outcome
                .answers
                .get(q)
                .copied()
                .flatten()
                .map_or(Truth::Unknown, AnswerValue::truth)
        })
        .collect()
}
