//! The interview as plain lines, for screen readers, braille displays, serial consoles and
//! scripts: every prompt is one line of text, choices are numbered and answered by number or by
//! word, nothing is redrawn, no cursor moves, no colour. One answer per input line.
//!
//! Typed at a terminal, an answer that is not understood is asked again. Read from a pipe, it
//! stops the interview (exit 2) naming the input line, so a script never drifts out of step.
//! When input ends, everything answered is already saved.

mod record;

use std::io::{self, BufRead, Write};
use std::path::Path;

use adscheck::AnswerValue;
use adscheck::checklist::OptionKind;
use adscheck::interview::{Asking, Field, Prompter, Reply, ReportAsking};
use adscheck::render;
use adscheck::tool::Edition;
use serde_json::Value;

/// Prompts as plain lines on `out`, answers read from `input`.
pub(crate) struct PlainPrompter<R: BufRead, W: Write> {
    input: R,
    out: W,
    /// Whether a person is typing (re-ask on a bad line) or a script is (stop).
    interactive: bool,
    /// Input lines read so far.
    line: usize,
    /// Input ended before the interview did.
    pub(crate) ended: bool,
    /// The determination heading last shown.
    section: Option<String>,
    /// The terminal's width, when the prompts go to one: lines are wrapped at spaces to it, the
    /// rest of a line indented, so that the terminal never breaks a word. Off a terminal
    /// (a pipe, a file, a screen reader's log) every line is whole.
    width: Option<usize>,
}

/// What a line said.
pub(super) enum Line {
    Text(String),
    Back,
    End,
}

/// The longest line of input read: an answer, a note or a name is far shorter.
const MAX_LINE: u64 = 64 * 1024;

impl<R: BufRead, W: Write> PlainPrompter<R, W> {
    pub(crate) fn new(input: R, out: W, interactive: bool, width: Option<usize>) -> Self {
        PlainPrompter {
            input,
            out,
            interactive,
            line: 0,
            ended: false,
            section: None,
            width,
        }
    }

    /// Write `text` as lines, wrapped to the terminal when there is one.
    pub(super) fn say(&mut self, text: &str) -> io::Result<()> {
        match self.width {
            Some(width) => {
                for line in text.split('\n') {
                    writeln!(
                        self.out,
                        "{}",
                        adscheck::text::hanging_at(line, width, 0, 2)
                    )?;
                }
                Ok(())
            }
            None => writeln!(self.out, "{text}"),
        }
    }

    /// Print `prompt` and read one line ("back" goes back; end of input ends).
    pub(super) fn ask(&mut self, prompt: &str) -> io::Result<Line> {
        self.say(prompt)?;
        self.out.flush()?;
        let mut text = String::new();
        // A line is read up to a bound, so that endless input (`< /dev/zero`) is an error, not
        // all the memory there is.
        let read = io::Read::take(&mut self.input, MAX_LINE + 1).read_line(&mut text)?;
        if read == 0 {
            self.ended = true;
            return Ok(Line::End);
        }
        self.line += 1;
        if u64::try_from(text.len()).unwrap_or(u64::MAX) > MAX_LINE {
            return Err(io::Error::other(format!(
                "input line {}: longer than {} KiB, which no answer needs",
                self.line,
                MAX_LINE / 1024
            )));
        }
        let text = text.trim().to_owned();
        if !self.interactive {
            // Echo what a script answered, so the transcript reads as a dialogue; shown, not
            // obeyed (a terminal escape in the input does not reach the terminal).
            self.say(&format!("> {}", adscheck::text::visible(&text)))?;
        }
        if text.eq_ignore_ascii_case("back") {
            return Ok(Line::Back);
        }
        Ok(Line::Text(text))
    }

    /// A yes-or-no question outside the walk (the reasons at the end): an empty line or the
    /// end of input is no.
    pub(crate) fn yes_or_no(&mut self, prompt: &str) -> io::Result<bool> {
        loop {
            match self.ask(prompt)? {
                Line::End | Line::Back => return Ok(false),
                Line::Text(t) => match t.to_ascii_lowercase().as_str() {
                    "" | "2" | "no" | "n" => return Ok(false),
                    "1" | "yes" | "y" => return Ok(true),
                    _ => self.not_understood("Please answer: 1 yes, 2 no")?,
                },
            }
        }
    }

    /// A line that is not understood: asked again when a person types; an error when a
    /// script does.
    pub(super) fn not_understood(&mut self, what: &str) -> io::Result<()> {
        if self.interactive {
            self.say(&format!("Not understood: {what}"))?;
            Ok(())
        } else {
            Err(io::Error::other(format!(
                "input line {}: {what}",
                self.line
            )))
        }
    }

    /// The answer just given, confirmed in one short line ("Recorded: (1)(a) yes.").
    fn recorded(
        &mut self,
        asking: &Asking<'_>,
        value: AnswerValue,
    ) -> io::Result<Reply<AnswerValue>> {
        self.say(&format!(
            "Recorded: {} {}.",
            asking.question.number.as_str(),
            value.as_str()
        ))?;
        Ok(Reply::Value(value))
    }

    fn heading(&mut self, asking: &Asking<'_>) -> io::Result<()> {
        let Some(id) = asking.question.part_of.as_ref().map(|p| p.value.clone()) else {
            return Ok(());
        };
        if self.section.as_deref() == Some(id.as_str()) {
            return Ok(());
        }
        if let Some(d) = asking.checklist.determination(&id) {
            writeln!(self.out)?;
            self.say(&format!("{}: {}", d.heading(), d.shown_question()))?;
        }
        self.section = Some(id);
        Ok(())
    }
}

impl<R: BufRead, W: Write> Prompter for PlainPrompter<R, W> {
    fn field(&mut self, field: &Field, current: Option<&str>) -> io::Result<Reply<String>> {
        if field.key == "agency" {
            return self.agency(field, current);
        }
        let mut prompt = field.label.to_owned();
        if let Some(c) = current {
            prompt.push_str(&format!(" [now: {c}; empty line keeps it]"));
        }
        prompt.push(':');
        loop {
            match self.ask(&prompt)? {
                Line::End => return Ok(Reply::Quit),
                Line::Back => return Ok(Reply::Back),
                Line::Text(t) if t.is_empty() => match current {
                    Some(c) => return Ok(Reply::Value(c.to_owned())),
                    None if field.required => {
                        self.not_understood("this is needed for the inventory; type it in")?;
                    }
                    None => return Ok(Reply::Value(String::new())),
                },
                Line::Text(t) => return Ok(Reply::Value(t)),
            }
        }
    }

    fn report_begins(&mut self, edition: Edition, why: &str, count: usize) -> io::Result<()> {
        self.introduce_report(edition, why, count)
    }

    fn report(
        &mut self,
        asking: &ReportAsking,
        current: Option<&Value>,
    ) -> io::Result<Reply<Value>> {
        self.report_field(asking, current)
    }

    fn answer(
        &mut self,
        asking: &Asking<'_>,
        current: Option<AnswerValue>,
    ) -> io::Result<Reply<AnswerValue>> {
        self.heading(asking)?;
        let question = format!(
            "{} {}",
            asking.question.number.as_str(),
            asking.question.shown_text()
        );
        let now = current.map_or_else(String::new, |c| {
            format!(" (now: {}; Enter keeps it)", c.as_str())
        });
        let prompt = format!(
            "{question}\nAnswer 1 yes, 2 no, 3 unsure; ? for guidance; back to go back{now}:"
        );
        loop {
            match self.ask(&prompt)? {
                Line::End => return Ok(Reply::Quit),
                Line::Back => return Ok(Reply::Back),
                Line::Text(t) if t == "?" => {
                    // Wrapped at spaces to the terminal, or to the page off one.
                    let width = self.width.unwrap_or(adscheck::text::WIDTH);
                    let help =
                        render::question_help_spoken(asking.checklist, asking.question, width);
                    writeln!(self.out, "{help}")?;
                }
                // An empty line keeps the answer being revised; with none, it is asked for
                // in words a screen reader reads well (not an empty quotation).
                Line::Text(t) if t.trim().is_empty() => match current {
                    Some(v) => return self.recorded(asking, v),
                    None => self.not_understood("Please answer: 1 yes, 2 no, 3 unsure, ? help")?,
                },
                Line::Text(t) => {
                    let value = match t.to_ascii_lowercase().as_str() {
                        "1" => Some(AnswerValue::Yes),
                        "2" => Some(AnswerValue::No),
                        "3" => Some(AnswerValue::Unsure),
                        word => AnswerValue::parse(word),
                    };
                    match value {
                        Some(v) => return self.recorded(asking, v),
                        None => self.not_understood(&format!(
                            "`{}` is not an answer: type 1, 2 or 3, or yes, no or unsure",
                            adscheck::text::excerpt(&t)
                        ))?,
                    }
                }
            }
        }
    }

    fn options(
        &mut self,
        asking: &Asking<'_>,
        current: &[String],
    ) -> io::Result<Reply<Vec<String>>> {
        let Some(options) = &asking.question.options else {
            return Ok(Reply::Value(Vec::new()));
        };
        self.say(&asking.checklist.shown_prompt(options))?;
        let count = options.choices.len();
        for (i, c) in options.choices.iter().enumerate() {
            let mark = if current.contains(&c.id.value) {
                " (ticked)"
            } else {
                ""
            };
            self.say(&format!(
                "Option {} of {count}: {}{mark}.",
                i + 1,
                c.short_label().trim_end_matches(['.', ';'])
            ))?;
        }
        let ask = match options.kind {
            OptionKind::Informational => "For information only, which apply?",
            OptionKind::Examples => "Which kinds of decision is it used for (examples)?",
            OptionKind::Factors => {
                "Which of these factors apply (the form lists them among others)?"
            }
        };
        let prompt = format!(
            "{ask} Numbers separated by commas or spaces; empty line for none; back to go back:"
        );
        loop {
            match self.ask(&prompt)? {
                Line::End => return Ok(Reply::Quit),
                Line::Back => return Ok(Reply::Back),
                Line::Text(t) => {
                    let picked: Result<Vec<String>, String> = t
                        .split([',', ' '])
                        .filter(|p| !p.is_empty())
                        .map(|p| {
                            p.parse::<usize>()
                                .ok()
                                .and_then(|n| n.checked_sub(1))
                                .and_then(|n| options.choices.get(n))
                                .map(|c| c.id.value.clone())
                                .ok_or_else(|| adscheck::text::excerpt(p))
                        })
                        .collect();
                    match picked {
                        Ok(mut ids) => {
                            ids.dedup();
                            return Ok(Reply::Value(ids));
                        }
                        Err(bad) => self.not_understood(&format!(
                            "`{bad}` is not one of the numbers 1 to {}",
                            options.choices.len()
                        ))?,
                    }
                }
            }
        }
    }

    fn note(&mut self, _asking: &Asking<'_>, current: Option<&str>) -> io::Result<Reply<String>> {
        let prompt = match current {
            Some(c) => format!(
                "Note (now: {c}; empty line keeps it, a single - removes it; back to go back):"
            ),
            None => "Note (optional; empty line for none; back to go back):".to_owned(),
        };
        match self.ask(&prompt)? {
            Line::End => Ok(Reply::Quit),
            Line::Back => Ok(Reply::Back),
            Line::Text(t) if t.is_empty() => {
                Ok(Reply::Value(current.unwrap_or_default().to_owned()))
            }
            Line::Text(t) if t == "-" => Ok(Reply::Value(String::new())),
            Line::Text(t) => Ok(Reply::Value(t)),
        }
    }

    fn review(
        &mut self,
        checklist: &adscheck::Checklist,
        answers: &[Option<adscheck::Answer>],
    ) -> io::Result<Reply<Option<usize>>> {
        let items = super::prompter::review_items(checklist, answers);
        // Numbered once, by the form's own numbers: "(2)(b) ...", chosen by typing 2b.
        self.say("Every question that matters is answered:")?;
        for item in &items {
            self.say(&item.line())?;
        }
        let ids: Vec<&str> = items
            .iter()
            .filter_map(|item| checklist.questions.get(item.index).map(|q| q.id.as_str()))
            .collect();
        let prompt = format!(
            "Question to change ({}), or an empty line to keep them all:",
            ids.join(", ")
        );
        loop {
            match self.ask(&prompt)? {
                // Input that ends here changes nothing: the answers are kept and shown.
                Line::End => return Ok(Reply::Value(None)),
                Line::Back => return Ok(Reply::Back),
                Line::Text(t) if t.is_empty() => return Ok(Reply::Value(None)),
                Line::Text(t) => {
                    let wanted = question_key(&t);
                    if let Some(item) = items.iter().find(|item| {
                        checklist.questions.get(item.index).is_some_and(|question| {
                            question_key(question.id.as_str()) == wanted
                                || question_key(question.number.as_str()) == wanted
                        })
                    }) {
                        return Ok(Reply::Value(Some(item.index)));
                    }
                    self.not_understood(&format!(
                        "{} is not one of the questions {}",
                        adscheck::text::excerpt(&t),
                        ids.join(", ")
                    ))?;
                }
            }
        }
    }

    fn checklist_begins(&mut self, checklist: &adscheck::Checklist) -> io::Result<()> {
        writeln!(self.out)?;
        self.say(&super::prompter::checklist_begins_message(checklist))
    }

    fn not_asked(&mut self, questions: &[&adscheck::checklist::Question]) -> io::Result<()> {
        self.say(&super::prompter::not_asked_message(questions))
    }

    fn name_taken(&mut self, taken: &Path, saved_as: &Path) -> io::Result<()> {
        self.say(&super::prompter::name_taken_message(taken, saved_as))
    }
}

/// A question as typed to choose it: `2b`, `(2)(b)` and `2(b)` alike.
fn question_key(text: &str) -> String {
    text.chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect()
}
