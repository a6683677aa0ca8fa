//! `--explain`: the full reasoning behind each result, for people.
//!
//! For each determination: its value, the legal definition it rests on, and the answers that
//! decided it (question number, text, answer, ticked options, the respondent's note), or, when
//! undetermined, the questions still needed.

use std::io::{self, Write};

use anstyle::{AnsiColor, Style};

use super::{Options, Prepared, Renderer};
use crate::answers::AnswerValue;
use crate::checklist::Question;
use crate::checklist::shown;
use crate::engine::{Engine, Truth};
use crate::render::checklist::text::EDITORIAL;
use crate::report::{Basis, Reason, Report};
use crate::text::{visible, visible_lines};

pub(crate) struct Explain<'e> {
    engine: &'e Engine,
    options: Options,
}

impl<'e> Explain<'e> {
    pub(crate) fn new(engine: &'e Engine, options: Options) -> Self {
        Explain { engine, options }
    }

    fn paint(&self, style: Style, text: &str) -> String {
        if self.options.color {
            format!("{style}{text}{style:#}")
        } else {
            text.to_owned()
        }
    }

    fn value(&self, truth: Truth) -> String {
        let color = match truth {
            Truth::Yes => AnsiColor::Green,
            Truth::No => AnsiColor::Red,
            Truth::Unknown => AnsiColor::Yellow,
        };
        self.paint(
            Style::new().bold().fg_color(Some(color.into())),
            truth.as_str(),
        )
    }
}

impl Renderer for Explain<'_> {
    fn prepare(&self, report: &Report) -> Prepared {
        let mut bytes = Vec::new();
        let _ = self.explain(&mut bytes, report);
        Prepared::Bytes(bytes)
    }

    fn emit(&self, out: &mut dyn Write, index: usize, prepared: Prepared) -> io::Result<()> {
        if index > 0 {
            writeln!(out)?;
        }
        if let Prepared::Bytes(bytes) = prepared {
            out.write_all(&bytes)?;
        }
        Ok(())
    }
}

impl Explain<'_> {
    fn explain(&self, out: &mut dyn Write, report: &Report) -> io::Result<()> {
        let checklist = self.engine.checklist();
        writeln!(
            out,
            "{}",
            self.paint(Style::new().bold().underline(), &visible(&report.file))
        )?;
        // Values from the file are escaped: none can move the cursor or recolour the screen.
        let name = report.tool_field("name").map(visible);
        let agency = report.tool_field("agency").map(visible);
        let tool = match (name, agency) {
            (Some(n), Some(a)) => Some(format!("Tool: {n} ({a})")),
            (Some(n), None) => Some(format!("Tool: {n}")),
            (None, Some(a)) => Some(format!("Agency: {a}")),
            (None, None) => None,
        };
        if let Some(tool) = tool {
            writeln!(out, "{}", self.hanging(&tool, 2, 4))?;
        }
        let outcome = match &report.outcome {
            Ok(outcome) => outcome,
            Err(errors) => {
                writeln!(out, "  Could not be evaluated:")?;
                for e in &errors.0 {
                    let label = self.paint(
                        Style::new().bold().fg_color(Some(AnsiColor::Red.into())),
                        "error",
                    );
                    let at = e.location().to_string();
                    writeln!(
                        out,
                        "    {}: {label}: {}",
                        visible(&at),
                        visible(&e.message)
                    )?;
                }
                return Ok(());
            }
        };
        for d in 0..checklist.determinations.len() {
            self.determination(out, outcome, d)?;
        }
        // The footnotes the definitions above mark, with adscheck's notes on them.
        let mut marked: Vec<&str> = checklist
            .determinations
            .iter()
            .flat_map(|d| {
                d.definition_heading
                    .iter()
                    .chain(std::iter::once(&d.definition))
            })
            .flat_map(|t| crate::checklist::footnote_marks(t))
            .collect();
        marked.sort_unstable();
        marked.dedup();
        let mut notes = String::new();
        crate::render::checklist::text::footnotes(
            &mut notes,
            checklist,
            marked.into_iter(),
            2,
            self.width(),
        );
        out.write_all(notes.as_bytes())?;
        if !outcome.warnings.is_empty() {
            writeln!(out)?;
            writeln!(out, "  Warnings:")?;
            for w in &outcome.warnings {
                let label = self.paint(
                    Style::new().bold().fg_color(Some(AnsiColor::Yellow.into())),
                    "warning",
                );
                let at = w.location().to_string();
                writeln!(
                    out,
                    "    {}: {label}: {}",
                    visible(&at),
                    visible(&w.message)
                )?;
            }
        }
        Ok(())
    }
}

/// "a", "a or b", "a, b or c".
fn join_or(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} or {last}", init.join(", ")),
    }
}

/// "an ADS", "a Widget": the label with its article.
fn with_article(label: &str) -> String {
    let vowel = label
        .chars()
        .next()
        .is_some_and(|c| "AEIOUaeiou".contains(c));
    format!("{} {label}", if vowel { "an" } else { "a" })
}

/// "a", "a and b", "a, b and c".
fn join_and(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

impl Explain<'_> {
    /// The width explanations wrap at: the page width, or a narrower terminal's.
    fn width(&self) -> usize {
        self.options.width.map_or(crate::text::WIDTH, |w| {
            usize::from(w).clamp(40, crate::text::WIDTH)
        })
    }

    /// [`crate::text::hanging`] at [`Explain::width`].
    fn hanging(&self, text: &str, first: usize, rest: usize) -> String {
        crate::text::hanging_at(text, self.width(), first, rest)
    }

    /// One determination: its value in the form's words, the law's definition it rests on, the
    /// answers that decided it (or the questions still needed), and what would change it.
    fn determination(
        &self,
        out: &mut dyn Write,
        outcome: &crate::report::Outcome,
        d: usize,
    ) -> io::Result<()> {
        let checklist = self.engine.checklist();
        let Some(determination) = checklist.determinations.get(d) else {
            return Ok(());
        };
        let value = outcome
            .determinations
            .get(d)
            .copied()
            .unwrap_or(Truth::Unknown);
        writeln!(out)?;
        writeln!(
            out,
            "  {}: {}",
            self.paint(Style::new().bold(), determination.label.as_str()),
            self.value(value)
        )?;
        let reasons: Vec<&Reason> = outcome
            .reasons
            .iter()
            .filter(|r| r.determination == d)
            .collect();
        self.in_the_forms_words(out, outcome, d, value, &reasons)?;
        let definition = format!(
            "{}{}: {}: {}",
            determination
                .definition_heading
                .as_ref()
                .map_or_else(|| "Legal definition".to_owned(), |h| shown(h)),
            self.from(
                determination.definition_source.as_ref(),
                Some(determination.citation.as_str())
            ),
            shown(&determination.term),
            shown(&determination.definition)
        );
        writeln!(out, "{}", self.hanging(&definition, 4, 6))?;
        writeln!(
            out,
            "    {}",
            if value.is_known() {
                "Decided by:"
            } else {
                "Still needed:"
            }
        )?;
        for r in &reasons {
            match r.basis {
                Basis::Answer { question, .. } => {
                    if let Some(question) = checklist.questions.get(question) {
                        self.reason(out, question, r)?;
                    }
                }
                Basis::Determination(e) => self.rests_on(out, outcome, e)?,
            }
        }
        self.what_would_change_it(out, outcome, d, value)
    }

    /// "because it is not an ADS (Question 1): (1)(b) no": a determination this one rests on,
    /// with the answers of its own rule that decided it (its own explanation has the rest).
    fn rests_on(
        &self,
        out: &mut dyn Write,
        outcome: &crate::report::Outcome,
        e: usize,
    ) -> io::Result<()> {
        let checklist = self.engine.checklist();
        let is = match outcome.determinations.get(e) {
            Some(Truth::Yes) => "because it is",
            Some(Truth::No) => "because it is not",
            _ => "until it is settled whether it is",
        };
        let answers: Vec<String> = outcome
            .reasons
            .iter()
            .filter(|r| r.determination == e)
            .map(|r| match r.basis {
                Basis::Answer { question, .. } => format!(
                    "{} {}",
                    checklist.number(question),
                    r.value().map_or("not answered", AnswerValue::as_str)
                ),
                Basis::Determination(f) => format!(
                    "{} {}",
                    checklist.label(f),
                    outcome
                        .determinations
                        .get(f)
                        .map_or("undetermined", |t| t.as_str())
                ),
            })
            .collect();
        let line = format!(
            "{is} {} (Question {}): {}",
            with_article(checklist.label(e)),
            checklist
                .determinations
                .get(e)
                .map_or("?", |x| x.number.as_str()),
            answers.join(", ")
        );
        writeln!(out, "{}", self.hanging(&line, 6, 8))
    }

    /// " (NYC ADS Task Force checklist)" for a block's source, with `extra` (a citation).
    fn from(
        &self,
        source: Option<&crate::document::Located<String>>,
        extra: Option<&str>,
    ) -> String {
        let name = self.engine.checklist().source_name(source);
        match (name, extra) {
            (Some(n), Some(e)) if e.contains(n) => format!(" ({e})"),
            (Some(n), Some(e)) => format!(" ({n}; {e})"),
            (Some(n), None) => format!(" ({n})"),
            (None, Some(e)) => format!(" ({e})"),
            (None, None) => String::new(),
        }
    }

    /// The result stated as the form states it: the form's question answered YES, or the stop
    /// rule that applied, quoted; and, where a determination was decided while one it rests on
    /// is still open, adscheck's note saying so.
    fn in_the_forms_words(
        &self,
        out: &mut dyn Write,
        outcome: &crate::report::Outcome,
        d: usize,
        value: Truth,
        reasons: &[&Reason],
    ) -> io::Result<()> {
        let checklist = self.engine.checklist();
        let Some(determination) = checklist.determinations.get(d) else {
            return Ok(());
        };
        let question = format!(
            "Question {}{}: {}",
            determination.number.as_str(),
            self.from(determination.source.as_ref(), None),
            shown(&determination.question)
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
                        "Stop rule of Question {}{}: {}",
                        rule_of.number.as_str(),
                        self.from(rule_of.source.as_ref(), None),
                        shown(stop)
                    );
                    writeln!(out, "{}", self.hanging(&line, 4, 6))?;
                    if applied != d {
                        let note = format!(
                            "{EDITORIAL}: that stop rule says the tool is not {}; the form asks \
                             Question {} only of one that is, and the law's definition of {} \
                             builds on it, so adscheck gives no here too.",
                            with_article(rule_of.label.as_str()),
                            determination.number.as_str(),
                            shown(&determination.term)
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
                        "Question {} ({})",
                        checklist
                            .determinations
                            .get(e)
                            .map_or("?", |x| x.number.as_str()),
                        checklist.label(e)
                    )
                })
                .collect();
            if !open.is_empty() {
                let note = format!(
                    "{EDITORIAL}: {} is not settled yet. The form asks Question {} only once it \
                     is; the answers below already decide this one whatever it turns out to be.",
                    join_and(&open),
                    determination.number.as_str()
                );
                writeln!(out, "{}", self.hanging(&note, 4, 6))?;
            }
        }
        Ok(())
    }

    /// "Would be ..." lines: the fewest answer changes that give another value, changes to
    /// open (unanswered or unsure) questions first; for an undetermined result, the settled
    /// answers that would decide it too.
    fn what_would_change_it(
        &self,
        out: &mut dyn Write,
        outcome: &crate::report::Outcome,
        d: usize,
        value: Truth,
    ) -> io::Result<()> {
        let checklist = self.engine.checklist();
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
            writeln!(out, "{}", self.hanging(&line, 4, 6))?;
        } else {
            for flip in flips {
                let changes: Vec<String> = flip
                    .changes
                    .iter()
                    .map(|c| format!("{} were {}", checklist.number(c.question), c.to.as_str()))
                    .collect();
                let line = format!("Would be {} if {}.", flip.to.as_str(), join_and(&changes));
                writeln!(out, "{}", self.hanging(&line, 4, 6))?;
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
        if !also.is_empty() {
            let line = if value.is_known() {
                format!("Or changed by any one of: {}.", join_or(&also))
            } else {
                format!(
                    "A change to an answer already given would decide it too: {}.",
                    join_or(&also)
                )
            };
            writeln!(out, "{}", self.hanging(&line, 4, 6))?;
        }
        Ok(())
    }

    /// The answered (yes or no) questions whose change alone would give determination `d` a
    /// known value other than `value`: "(1)(a) no".
    fn settled_that_decide(
        &self,
        outcome: &crate::report::Outcome,
        d: usize,
        value: Truth,
    ) -> Vec<(usize, String)> {
        let checklist = self.engine.checklist();
        let answers: Vec<Truth> = (0..checklist.questions.len())
            .map(|q| {
                outcome
                    .answers
                    .get(q)
                    .copied()
                    .flatten()
                    .map_or(Truth::Unknown, AnswerValue::truth)
            })
            .collect();
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

    fn reason(&self, out: &mut dyn Write, question: &Question, r: &Reason) -> io::Result<()> {
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
        let line = format!("{number} {}", shown(&question.text));
        writeln!(out, "{}", self.hanging(&line, indent, detail))?;
        writeln!(out, "{}answer: {answer}", " ".repeat(detail))?;
        if !r.options().is_empty() {
            let labels: Vec<&str> = r
                .options()
                .iter()
                .map(|id| question.choice(id).map_or(id.as_str(), |c| c.short_label()))
                .collect();
            writeln!(
                out,
                "{}",
                self.hanging(
                    &format!(
                        "{}: {}",
                        match question.options.as_ref().map(|o| o.kind) {
                            Some(crate::checklist::OptionKind::Examples) => "kinds of decision",
                            Some(crate::checklist::OptionKind::Factors) => "factors considered",
                            _ => "ticked",
                        },
                        labels.join("; ")
                    ),
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

/// The result in one line per determination, in the form's words: its question, answered
/// YES or NO, or "(not yet decided)"; for the end of an interview.
#[must_use]
pub fn verdict(engine: &Engine, report: &Report) -> Vec<String> {
    let Ok(outcome) = &report.outcome else {
        return vec!["The answers could not be evaluated (see above).".to_owned()];
    };
    engine
        .checklist()
        .determinations
        .iter()
        .zip(&outcome.determinations)
        .map(|(d, value)| {
            let answer = match value {
                Truth::Yes => "YES",
                Truth::No => "NO",
                Truth::Unknown => "(not yet decided)",
            };
            format!(
                "Question {}: {}  {answer}",
                d.number.as_str(),
                shown(&d.question)
            )
        })
        .collect()
}
