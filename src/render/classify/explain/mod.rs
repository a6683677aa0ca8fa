//! `--explain`: the full reasoning behind each result, for people.
//!
//! For each determination: its value, the legal definition it rests on, and the answers that
//! decided it (question number, text, answer, ticked options, the respondent's note), or, when
//! undetermined, the questions still needed.

use std::io::{self, Write};

use anstyle::{AnsiColor, Style};

mod words;

use super::{Options, Prepared, Renderer};
use crate::answers::AnswerValue;
use crate::checklist::shown;
use crate::classification::{Basis, Classification, Reason};
use crate::engine::{Engine, Truth};
use crate::text::visible;

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
    fn prepare(&self, report: &Classification) -> Prepared {
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
    /// One checklist's determinations, each with its definition and reasons, and the footnotes
    /// they mark.
    fn outcome(
        &self,
        out: &mut dyn Write,
        outcome: &crate::classification::Outcome,
    ) -> io::Result<()> {
        let checklist = self.engine.checklist();
        for d in 0..checklist.determinations.len() {
            self.determination(out, outcome, d)?;
        }
        // The footnotes the definitions above mark, and the introductions of the lists whose
        // ticked items are quoted, with adscheck's notes on them.
        let prompts = outcome
            .reasons
            .iter()
            .filter(|r| !r.options().is_empty())
            .filter_map(|r| r.question().and_then(|q| checklist.questions.get(q)))
            .filter_map(|q| q.options.as_ref().map(|o| &o.prompt));
        let mut marked: Vec<&str> = checklist
            .determinations
            .iter()
            .flat_map(|d| {
                d.definition_heading
                    .iter()
                    .chain(std::iter::once(&d.definition))
            })
            .chain(prompts)
            .flat_map(|t| crate::checklist::footnote_marks(t))
            .collect();
        marked.sort_unstable();
        marked.dedup();
        let mut notes = String::new();
        crate::render::checklist::text::footnotes(
            &mut notes,
            checklist,
            marked.into_iter(),
            (2, self.width()),
            crate::render::checklist::text::Voice::Page,
        );
        out.write_all(notes.as_bytes())?;
        Ok(())
    }

    fn explain(&self, out: &mut dyn Write, report: &Classification) -> io::Result<()> {
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
        self.outcome(out, outcome)?;
        // Each further checklist the file answers, under its own title, in the same layout.
        for also in &outcome.also {
            let Some(engine) = also.engine() else {
                continue;
            };
            let other = engine.checklist();
            writeln!(out)?;
            let heading = format!(
                "Also answered: {} ({} version {})",
                visible(other.title.as_str()),
                other.id.as_str(),
                other.version.as_str()
            );
            writeln!(out, "{}", self.hanging(&heading, 2, 4))?;
            Explain::new(engine, self.options).outcome(out, &also.outcome)?;
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

/// "a", "a or b", "a, b or c".
fn join_or(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} or {last}", init.join(", ")),
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
        outcome: &crate::classification::Outcome,
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

    /// "because Question #1 (ADS) is no: (1)(b) no": a determination this one rests on, by its
    /// question and value (never restated as a legal conclusion), with the answers of its own
    /// rule that decided it (its own explanation has the rest).
    fn rests_on(
        &self,
        out: &mut dyn Write,
        outcome: &crate::classification::Outcome,
        e: usize,
    ) -> io::Result<()> {
        let checklist = self.engine.checklist();
        // Its value as the form would check it; an open one is named as still open.
        let (lead, value) = match outcome.determinations.get(e) {
            Some(Truth::Yes) => ("because", "is yes"),
            Some(Truth::No) => ("because", "is no"),
            _ => ("and", "undetermined"),
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
            "{lead} {} ({}) {value}: {}",
            checklist
                .determinations
                .get(e)
                .map_or_else(|| "?".to_owned(), |x| x.called()),
            checklist.label(e),
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
}

/// The result in one line per determination, in the form's words: its question, answered
/// YES or NO, or "(not yet decided)"; for the end of an interview.
#[must_use]
pub fn verdict(engine: &Engine, report: &Classification) -> Vec<String> {
    let Ok(outcome) = &report.outcome else {
        return vec!["The answers could not be evaluated (see above).".to_owned()];
    };
    // The file's own checklist, then each further one it answers, in the file's order.
    outcome
        .determinations_with_also(engine)
        .map(|(d, value)| {
            let answer = match value {
                Truth::Yes => "YES",
                Truth::No => "NO",
                Truth::Unknown => "(not yet decided)",
            };
            format!("{}: {}  {answer}", d.heading(), d.shown_question())
        })
        .collect()
}

/// The determinations in one short line, for the ear: "Result: ADS: yes; Agency ADS: yes."
#[must_use]
pub fn result_line(engine: &Engine, report: &Classification) -> String {
    let Ok(outcome) = &report.outcome else {
        return "Result: the answers could not be evaluated.".to_owned();
    };
    let parts: Vec<String> = outcome
        .determinations_with_also(engine)
        .map(|(d, value)| format!("{}: {}", d.label.as_str(), value.as_str()))
        .collect();
    format!("Result: {}.", parts.join("; "))
}
