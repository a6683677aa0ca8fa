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
use adscheck::interview::{Asking, Field, Prompter, Reply};
use adscheck::render;
use inquire::ui::{ErrorMessageRenderConfig, RenderConfig, Styled};
use inquire::validator::Validation;
use inquire::{InquireError, MultiSelect, Select, Text};

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

/// The answers of a complete file, one line each for the review: question index and
/// "(1)(a) Is it an algorithm?  yes (note: ...)".
pub fn review_items(
    checklist: &adscheck::Checklist,
    answers: &[Option<adscheck::Answer>],
) -> Vec<(usize, String)> {
    checklist
        .questions
        .iter()
        .zip(answers)
        .enumerate()
        .filter_map(|(i, (q, answer))| {
            let answer = answer.as_ref()?;
            let note = answer.note.as_deref().map_or_else(String::new, |n| {
                format!(" (note: {})", adscheck::text::excerpt(n))
            });
            Some((
                i,
                format!(
                    "{} {}  {}{note}",
                    q.number.as_str(),
                    adscheck::checklist::shown(&q.text),
                    answer.value.as_str()
                ),
            ))
        })
        .collect()
}

/// What both prompters say when the questions left cannot change a determination.
pub fn not_asked_message(questions: &[&adscheck::checklist::Question]) -> String {
    let numbers: Vec<&str> = questions.iter().map(|q| q.number.as_str()).collect();
    let list = match numbers.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
        _ => numbers.concat(),
    };
    format!(
        "No other answer can change the determinations now, so {list} {} not asked.",
        if numbers.len() == 1 { "is" } else { "are" }
    )
}

/// What both prompters say when the file named after the tool already exists.
pub fn name_taken_message(taken: &Path, saved_as: &Path) -> String {
    format!(
        "Note: {taken} already exists: answers for a tool of the same name. These answers are \
         saved as {saved_as}. If it is the same tool, stop here, remove {saved_as} and \
         continue the earlier interview instead (adscheck interview --resume {taken}): two \
         answer files for one tool fail `adscheck check` as duplicates.",
        taken = super::shown(taken),
        saved_as = super::shown(saved_as),
    )
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
            let heading = format!(
                "{}: {}",
                d.heading(),
                adscheck::checklist::shown(&d.question)
            );
            println!("{}", textwrap::fill(&heading, super::text_width()));
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
            Choice::Help => f.write_str("? Show guidance, legal definition and footnotes"),
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
/// prompt or help line (`? `, `[ ]`), so that the terminal never breaks a word.
fn fit(text: &str) -> String {
    textwrap::fill(text, super::text_width().saturating_sub(2))
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
        let help = fit(KEYS);
        let mut prompt = Text::new(field.label).with_help_message(&help);
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

    fn answer(
        &mut self,
        asking: &Asking<'_>,
        current: Option<AnswerValue>,
    ) -> io::Result<Reply<AnswerValue>> {
        self.heading(asking);
        let message = format!(
            "{} {}",
            asking.question.number.as_str(),
            adscheck::checklist::shown(&asking.question.text)
        );
        let choices = CHOICES.to_vec();
        let start = starting_cursor(current);
        let mut cursor = start;
        loop {
            let chosen = Select::new(&fit(&message), choices.clone())
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
                label: c.short_label().to_owned(),
            })
            .collect();
        let ticked: Vec<usize> = items
            .iter()
            .enumerate()
            .filter(|(_, item)| current.contains(&item.id))
            .map(|(i, _)| i)
            .collect();
        // The form's lead-in can be a paragraph (2)(b)): print it, keep the prompt short.
        let width = super::text_width();
        println!(
            "{}",
            textwrap::fill(&adscheck::checklist::shown(&options.prompt), width)
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
        let chosen = MultiSelect::new(&fit(ask), items)
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
                    .with_help_message(&fit(
                        "Why this answer, who confirmed it · Esc to change the answer",
                    ))
                    .prompt(),
            );
        };
        let chosen = Text::new("Note:")
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
        let items = review_items(checklist, answers);
        let mut choices: Vec<ReviewChoice> = items
            .into_iter()
            .map(|(q, line)| ReviewChoice::Change(q, line))
            .collect();
        choices.push(ReviewChoice::Keep);
        let keep = choices.len() - 1;
        let chosen = Select::new(
            "Every question that matters is answered. Change an answer?",
            choices,
        )
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

    fn name_taken(&mut self, taken: &Path, saved_as: &Path) -> io::Result<()> {
        say(&name_taken_message(taken, saved_as))
    }
}

/// A message between prompts, wrapped to the terminal.
fn say(text: &str) -> io::Result<()> {
    let width = super::text_width();
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
