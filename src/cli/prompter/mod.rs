//! The interview's prompts in a real terminal, with inquire.
//!
//! Keys: arrows and Enter to choose, typing filters a list, Esc goes back one step, Ctrl-C
//! stops (everything answered is already saved). `?` (choosing "Show guidance...") prints the
//! question's guidance, legal definition and footnotes, then asks again.

use std::fmt;
use std::io::{self, Write};
use std::path::Path;

use adscheck::AnswerValue;
use adscheck::checklist::OptionKind;
use adscheck::interview::{Asking, Field, Prompter, Reply, ReportAsking};
use adscheck::render;
use adscheck::tool::{Edition, Shape};
use inquire::ui::{ErrorMessageRenderConfig, RenderConfig, Styled};
use inquire::validator::Validation;
use inquire::{InquireError, MultiSelect, Select, Text};
use serde_json::Value;

mod messages;
mod report;

pub use messages::{
    checklist_begins_message, name_taken_message, not_asked_message, report_begins_message,
    review_items,
};

const KEYS: &str = "Enter to confirm · Esc to go back · Ctrl-C to save and stop";

/// How inquire draws the prompts: a problem with what was typed reads "error: ..." (not
/// inquire's "#", which reads as a comment), and a prompt left with Esc says "(back)", which
/// is what Esc does here (not "<canceled>").
pub fn render_config(colored: bool) -> RenderConfig<'static> {
    let (base, error) = if colored {
        (
            RenderConfig::default_colored(),
            ErrorMessageRenderConfig::default_colored(),
        )
    } else {
        (RenderConfig::empty(), ErrorMessageRenderConfig::empty())
    };
    base.with_error_message(error.with_prefix(Styled::new("error:")))
        .with_canceled_prompt_indicator(Styled::new("(back)"))
}

/// Prompts on the terminal.
pub struct TerminalPrompter {
    /// The determination heading last shown, so each is shown once as the walk enters it.
    section: Option<String>,
}

impl TerminalPrompter {
    pub fn new() -> Self {
        TerminalPrompter { section: None }
    }

    fn heading(&mut self, asking: &Asking<'_>) {
        let Some(id) = asking.question.part_of.as_ref().map(|p| p.value.clone()) else {
            return;
        };
        if self.section.as_deref() == Some(id.as_str()) {
            return;
        }
        if let Some(d) = asking.checklist.determination(&id) {
            println!();
            let heading = format!("{}: {}", d.heading(), d.shown_question());
            println!("{}", textwrap::fill(&heading, margin()));
        }
        self.section = Some(id);
    }
}

/// One line of the yes/no/unsure list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Choice {
    Answer(AnswerValue),
    Help,
    Back,
}

impl fmt::Display for Choice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Choice::Answer(AnswerValue::Yes) => f.write_str("Yes"),
            Choice::Answer(AnswerValue::No) => f.write_str("No"),
            Choice::Answer(AnswerValue::Unsure) => f.write_str("Unsure (decide later)"),
            Choice::Help => f.write_str("? Show guidance and the law"),
            Choice::Back => f.write_str("< Back to the previous question"),
        }
    }
}

/// The yes/no/unsure list, in the order shown.
const CHOICES: [Choice; 5] = [
    Choice::Answer(AnswerValue::Yes),
    Choice::Answer(AnswerValue::No),
    Choice::Answer(AnswerValue::Unsure),
    Choice::Help,
    Choice::Back,
];

/// Where the cursor starts. No default answer: a question not yet answered starts on "Show
/// guidance", so Enter alone never answers it; a question being revised starts on its answer.
fn starting_cursor(current: Option<AnswerValue>) -> usize {
    let on = current.map_or(Choice::Help, Choice::Answer);
    CHOICES.iter().position(|c| *c == on).unwrap_or(0)
}

/// One line of the review of a complete file.
#[derive(Clone)]
enum ReviewChoice {
    Change(usize, String),
    Keep,
}

impl fmt::Display for ReviewChoice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReviewChoice::Change(_, line) => f.write_str(line),
            ReviewChoice::Keep => f.write_str("Keep these answers"),
        }
    }
}

/// A checkbox: label, shown with its id.
struct OptionItem {
    id: String,
    label: String,
}

impl fmt::Display for OptionItem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.label)
    }
}

/// `text` wrapped at spaces to the terminal, less the two columns inquire adds around a
/// prompt or help line (`? `, `[ ]`) and one more, so that no line fills the terminal to its
/// edge and neither inquire nor the terminal ever breaks a word.
fn fit(text: &str) -> String {
    textwrap::fill(text, super::text_width().saturating_sub(3))
}

/// Map inquire's outcome to the interview's: Esc is "back", Ctrl-C is "stop".
fn reply<T>(result: Result<T, InquireError>) -> io::Result<Reply<T>> {
    match result {
        Ok(value) => Ok(Reply::Value(value)),
        Err(InquireError::OperationCanceled) => Ok(Reply::Back),
        Err(InquireError::OperationInterrupted) => Ok(Reply::Quit),
        Err(InquireError::IO(e)) => Err(e),
        Err(other) => Err(io::Error::other(other.to_string())),
    }
}

impl Prompter for TerminalPrompter {
    fn field(&mut self, field: &Field, current: Option<&str>) -> io::Result<Reply<String>> {
        if field.key == "agency" {
            return report::agency(field, current);
        }
        let help = fit(KEYS);
        let label = fit(field.label);
        let shown = |text: &str| answered(&label, text);
        let mut prompt = Text::new(&label)
            .with_help_message(&help)
            .with_formatter(&shown);
        if let Some(current) = current {
            prompt = prompt.with_initial_value(current);
        }
        if field.required {
            prompt = prompt.with_validator(|text: &str| {
                Ok(if text.trim().is_empty() {
                    Validation::Invalid(
                        "This is needed for the inventory; please fill it in.".into(),
                    )
                } else {
                    Validation::Valid
                })
            });
        }
        reply(prompt.prompt())
    }

    fn report_begins(&mut self, edition: Edition, why: &str, count: usize) -> io::Result<()> {
        println!();
        say(&report_begins_message(edition, why, count))
    }

    fn report(
        &mut self,
        asking: &ReportAsking,
        current: Option<&Value>,
    ) -> io::Result<Reply<Value>> {
        println!();
        say(&asking.heading())?;
        say(&asking.description())?;
        let current = current.filter(|v| !v.is_null());
        let needed = if asking.required {
            "Your answer:"
        } else {
            "Your answer (optional; Enter to skip):"
        };
        if asking.choices.is_empty() {
            return report::typed(asking, needed, current);
        }
        let (picked, other) = asking.chosen(current);
        // A choice the library refuses (a required list left empty) is said and asked again.
        loop {
            let made = if asking.shape == Shape::List {
                report::any_of(asking, needed, &picked, other.as_deref())?
            } else {
                report::one_of(asking, needed, &picked)?
            };
            match made {
                Reply::Value(Ok(value)) => return Ok(Reply::Value(value)),
                Reply::Value(Err(why)) => say(&format!("error: {why}"))?,
                Reply::Back => return Ok(Reply::Back),
                Reply::Quit => return Ok(Reply::Quit),
            }
        }
    }

    fn answer(
        &mut self,
        asking: &Asking<'_>,
        current: Option<AnswerValue>,
    ) -> io::Result<Reply<AnswerValue>> {
        self.heading(asking);
        let message = format!(
            "{} {}",
            asking.question.number.as_str(),
            asking.question.shown_text()
        );
        let choices = CHOICES.to_vec();
        let start = starting_cursor(current);
        let mut cursor = start;
        loop {
            let message = fit(&message);
            let chosen = Select::new(&message, choices.clone())
                .with_formatter(&|o| answered(&message, &o.value.to_string()))
                .with_starting_cursor(cursor)
                .with_help_message(&fit("↑↓ to move · Enter to choose · ? for guidance · Esc to go back · Ctrl-C to save and stop"))
                .with_page_size(5)
                .prompt();
            match reply(chosen)? {
                Reply::Value(Choice::Answer(value)) => return Ok(Reply::Value(value)),
                Reply::Value(Choice::Help) => {
                    // The terminal's width, up to the page width of explanations.
                    let width = super::text_width().min(adscheck::text::WIDTH);
                    let help = render::question_help_at(asking.checklist, asking.question, width);
                    let text = format!("\n{}\n{help}", textwrap::fill(&message, width));
                    super::pager::show(&text)?;
                    cursor = start;
                }
                Reply::Value(Choice::Back) | Reply::Back => return Ok(Reply::Back),
                Reply::Quit => return Ok(Reply::Quit),
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
        let items: Vec<OptionItem> = options
            .choices
            .iter()
            .map(|c| OptionItem {
                id: c.id.value.clone(),
                // One line an item, cut at a space: inquire draws "> [ ] " before it.
                label: adscheck::text::clipped(
                    c.short_label(),
                    super::text_width().saturating_sub(7),
                ),
            })
            .collect();
        let ticked: Vec<usize> = items
            .iter()
            .enumerate()
            .filter(|(_, item)| current.contains(&item.id))
            .map(|(i, _)| i)
            .collect();
        // The form's lead-in can be a paragraph (2)(b)): print it, keep the prompt short.
        println!(
            "{}",
            textwrap::fill(&asking.checklist.shown_prompt(options), margin())
        );
        // What the list is on the form decides how it is offered (adscheck's wording).
        let ask = match options.kind {
            OptionKind::Informational => "For information only, tick any that apply:",
            OptionKind::Examples => {
                "Tick the kinds of decision it is used for (examples; optional):"
            }
            OptionKind::Factors => {
                "Tick the factors that apply (the form lists them among others; optional):"
            }
        };
        let ask = fit(ask);
        let chosen = MultiSelect::new(&ask, items)
            .with_formatter(&|os| answered(&ask, &listed(os)))
            .with_default(&ticked)
            .with_page_size(9)
            .with_help_message(&fit(
                "↑↓ to move · Space to tick · Enter to confirm · Esc to go back",
            ))
            .prompt();
        Ok(match reply(chosen)? {
            Reply::Value(items) => Reply::Value(items.into_iter().map(|i| i.id).collect()),
            Reply::Back => Reply::Back,
            Reply::Quit => Reply::Quit,
        })
    }

    fn note(&mut self, _asking: &Asking<'_>, current: Option<&str>) -> io::Result<Reply<String>> {
        // An earlier note is shown, not pre-filled: Enter keeps it, typing replaces it, and a
        // single - removes it (as in the plain interview), so nothing is deleted key by key.
        let Some(current) = current else {
            return reply(
                Text::new("Note (optional; Enter to skip):")
                    .with_formatter(&|a| answered("Note (optional; Enter to skip):", a))
                    .with_help_message(&fit(
                        "Why this answer, who confirmed it · Esc to change the answer",
                    ))
                    .prompt(),
            );
        };
        let chosen = Text::new("Note:")
            .with_formatter(&|a| answered("Note:", a))
            .with_default(current)
            .with_help_message(&fit(
                "Enter keeps the note shown · typing replaces it · - removes it",
            ))
            .prompt();
        Ok(match reply(chosen)? {
            Reply::Value(text) if text.trim() == "-" => Reply::Value(String::new()),
            other => other,
        })
    }

    fn review(
        &mut self,
        checklist: &adscheck::Checklist,
        answers: &[Option<adscheck::Answer>],
    ) -> io::Result<Reply<Option<usize>>> {
        // One line an item, cut at a space to the terminal (less inquire's "> " and a margin).
        let width = super::text_width().saturating_sub(4);
        let mut choices: Vec<ReviewChoice> = review_items(checklist, answers)
            .into_iter()
            .map(|item| ReviewChoice::Change(item.index, item.fitted(width)))
            .collect();
        choices.push(ReviewChoice::Keep);
        let keep = choices.len() - 1;
        let message = fit("Every question that matters is answered. Change an answer?");
        let chosen = Select::new(&message, choices)
            .with_formatter(&|o| answered(&message, &o.value.to_string()))
            .with_starting_cursor(keep)
            .with_page_size(12)
            .with_help_message(&fit("↑↓ to move · Enter to choose · Ctrl-C to stop"))
            .prompt();
        Ok(match reply(chosen)? {
            Reply::Value(ReviewChoice::Change(q, _)) => Reply::Value(Some(q)),
            Reply::Value(ReviewChoice::Keep) => Reply::Value(None),
            Reply::Back => Reply::Back,
            Reply::Quit => Reply::Quit,
        })
    }

    fn saved(&mut self, _path: &Path) {}

    fn not_asked(&mut self, questions: &[&adscheck::checklist::Question]) -> io::Result<()> {
        say(&not_asked_message(questions))
    }

    fn checklist_begins(&mut self, checklist: &adscheck::Checklist) -> io::Result<()> {
        println!();
        self.section = None;
        say(&checklist_begins_message(checklist))
    }

    fn name_taken(&mut self, taken: &Path, saved_as: &Path) -> io::Result<()> {
        say(&name_taken_message(taken, saved_as))
    }
}

/// An answered prompt's answer as inquire shows it after the question: on the question's last
/// line when it fits there, else on lines of its own, wrapped at spaces and indented, so that
/// inquire (which breaks a line wherever it runs out of room) never breaks a word.
pub(super) fn answered(message: &str, answer: &str) -> String {
    let width = super::text_width();
    let display = textwrap::core::display_width;
    let last = message.lines().last().map_or(0, display);
    if last + display(answer) + 4 <= width {
        answer.to_owned()
    } else {
        format!(
            "\n{}",
            adscheck::text::hanging_at(answer, width.saturating_sub(1), 2, 2)
        )
    }
}

/// The items ticked in a list, as an answered prompt shows them.
pub(super) fn listed<T: fmt::Display>(ticked: &[inquire::list_option::ListOption<&T>]) -> String {
    ticked
        .iter()
        .map(|o| o.value.to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

/// The width adscheck's own lines are wrapped to: the terminal's less one column, so that no
/// line fills it to the edge (where a terminal's wrap and a word's end cannot be told apart).
fn margin() -> usize {
    super::text_width().saturating_sub(1)
}

/// A message between prompts, wrapped to the terminal.
fn say(text: &str) -> io::Result<()> {
    let width = margin();
    let mut out = io::stdout().lock();
    writeln!(out, "{}", textwrap::fill(text, width))?;
    out.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unanswered_question_has_no_default_answer() {
        assert_eq!(CHOICES.get(starting_cursor(None)), Some(&Choice::Help));
    }

    #[test]
    fn a_revised_question_starts_on_its_answer() {
        for value in [AnswerValue::Yes, AnswerValue::No, AnswerValue::Unsure] {
            assert_eq!(
                CHOICES.get(starting_cursor(Some(value))),
                Some(&Choice::Answer(value))
            );
        }
    }
}
