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
use crate::engine::{Engine, Truth};
use crate::report::{Reason, Report};
use crate::text::{hanging, visible, visible_lines, wrapped};

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
        match (name, agency) {
            (Some(n), Some(a)) => writeln!(out, "  Tool: {n} ({a})")?,
            (Some(n), None) => writeln!(out, "  Tool: {n}")?,
            (None, Some(a)) => writeln!(out, "  Agency: {a}")?,
            (None, None) => {}
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

/// "a", "a and b", "a, b and c".
fn join_and(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

impl Explain<'_> {
    /// One determination: its value, the definition it rests on, the answers that decided it
    /// (or the questions still needed), and what would change it.
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
        writeln!(
            out,
            "    {} ({}):",
            determination.term.as_str(),
            determination.citation.as_str()
        )?;
        writeln!(out, "{}", wrapped(determination.definition.as_str(), 6))?;
        let reasons: Vec<&Reason> = outcome
            .reasons
            .iter()
            .filter(|r| r.determination == d)
            .collect();
        writeln!(
            out,
            "    {}",
            if value.is_known() {
                "Decided by:"
            } else {
                "Still needed:"
            }
        )?;
        for r in reasons {
            let Some(question) = checklist.questions.get(r.question) else {
                continue;
            };
            self.reason(out, question, r)?;
        }
        for flip in outcome.flips.get(d).into_iter().flatten() {
            let changes: Vec<String> = flip
                .changes
                .iter()
                .map(|c| format!("{} were {}", checklist.number(c.question), c.to.as_str()))
                .collect();
            let line = format!("Would be {} if {}.", flip.to.as_str(), join_and(&changes));
            writeln!(out, "{}", hanging(&line, 4, 6))?;
        }
        Ok(())
    }

    fn reason(&self, out: &mut dyn Write, question: &Question, r: &Reason) -> io::Result<()> {
        let checklist = self.engine.checklist();
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
        let via = if r.via.is_empty() {
            String::new()
        } else {
            let names: Vec<&str> = r.via.iter().map(|&d| checklist.label(d)).collect();
            format!(" (through {})", names.join(", "))
        };
        // "(1)(a) Is it an algorithm?" with the details aligned under the question text.
        let number = question.number.as_str();
        let indent = 6;
        let detail = indent + number.chars().count() + 1;
        let line = format!("{number} {}", question.text.as_str());
        writeln!(out, "{}", hanging(&line, indent, detail))?;
        writeln!(out, "{}answer: {answer}{via}", " ".repeat(detail))?;
        if !r.options().is_empty() {
            let labels: Vec<&str> = r
                .options()
                .iter()
                .map(|id| question.choice(id).map_or(id.as_str(), |c| c.short_label()))
                .collect();
            writeln!(
                out,
                "{}",
                hanging(
                    &format!("ticked: {}", labels.join("; ")),
                    detail,
                    detail + 8
                )
            )?;
        }
        if let Some(note) = r.note() {
            writeln!(
                out,
                "{}",
                hanging(
                    &format!("note: {}", visible_lines(note)),
                    detail,
                    detail + 6
                )
            )?;
        }
        Ok(())
    }
}
