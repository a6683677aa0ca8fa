//! The Local Law 35 report's fields in a real terminal: the agency with type-ahead over the
//! agencies adscheck knows, typed text checked as it is typed, one value from a list, or any
//! from a list with the text of `Other`.

use std::io;

use adscheck::interview::{Field, Reply, ReportAsking};
use adscheck::tool::agencies::{self, Agency, Typed};
use inquire::validator::Validation;
use inquire::{MultiSelect, Select, Text};
use serde_json::Value;

use super::{KEYS, answered, fit, listed, reply, say};

/// Type-ahead over the agencies adscheck knows: each as "FDNY: Fire Department", those whose
/// name or abbreviation holds what is typed.
#[derive(Clone)]
struct Agencies;

impl inquire::Autocomplete for Agencies {
    fn get_suggestions(&mut self, input: &str) -> Result<Vec<String>, inquire::CustomUserError> {
        if input.trim().is_empty() {
            return Ok(Vec::new());
        }
        // "FDNY: Fire Department", cut at a space to the terminal: the abbreviation names it.
        let width = super::super::text_width().saturating_sub(4);
        Ok(agencies::matching(input)
            .into_iter()
            .map(|a| adscheck::text::clipped(&format!("{}: {}", a.abbreviation, a.name()), width))
            .collect())
    }

    fn get_completion(
        &mut self,
        _input: &str,
        highlighted: Option<String>,
    ) -> Result<inquire::autocompletion::Replacement, inquire::CustomUserError> {
        Ok(highlighted)
    }
}

/// The agency, typed with suggestions from the agencies adscheck knows: one of those is
/// recorded by its full name; another is offered the agencies it is close to, or kept as typed
/// once confirmed.
pub(super) fn agency(field: &Field, current: Option<&str>) -> io::Result<Reply<String>> {
    let help = fit("Type a name or abbreviation · ↑↓ and Tab pick a suggestion · Esc to go back");
    let label = fit(field.label);
    let shown_answer = |text: &str| answered(&label, text);
    loop {
        let mut prompt = Text::new(&label)
            .with_formatter(&shown_answer)
            .with_autocomplete(Agencies)
            .with_help_message(&help)
            .with_validator(|text: &str| {
                Ok(if text.trim().is_empty() {
                    Validation::Invalid(
                        "This is needed for the inventory; please fill it in.".into(),
                    )
                } else {
                    Validation::Valid
                })
            });
        if let Some(current) = current {
            prompt = prompt.with_initial_value(current);
        }
        let text = match reply(prompt.prompt())? {
            Reply::Value(text) => text.trim().to_owned(),
            other => return Ok(other),
        };
        let offered: Vec<&Agency> = match agencies::typed(&text) {
            Typed::Known(a) => {
                say(&format!("Recorded: agency {}.", a.shown()))?;
                return Ok(Reply::Value(a.name().to_owned()));
            }
            Typed::Near(a) => std::iter::once(a)
                .chain(agencies::matching(&text).into_iter().filter(|m| *m != a))
                .take(5)
                .collect(),
            Typed::Unknown => agencies::matching(&text).into_iter().take(5).collect(),
        };
        let shown = adscheck::text::visible(&text);
        let keep = format!("Keep {shown} as typed");
        let again = "Type it again".to_owned();
        let width = super::super::text_width().saturating_sub(4);
        let mut choices: Vec<String> = offered
            .iter()
            .map(|a| adscheck::text::clipped(&a.shown(), width))
            .collect();
        choices.push(keep.clone());
        choices.push(again.clone());
        let message = fit(&format!(
            "{shown} is not an agency adscheck knows. Which is it?"
        ));
        let chosen = Select::new(&message, choices)
            .with_formatter(&|o| answered(&message, o.value))
            .with_help_message(&fit("↑↓ to move · Enter to choose · Esc to type it again"))
            .raw_prompt();
        match reply(chosen)? {
            Reply::Value(choice) if choice.value == keep => return Ok(Reply::Value(text)),
            Reply::Value(choice) => match offered.get(choice.index) {
                Some(a) => return Ok(Reply::Value(a.name().to_owned())),
                None => continue,
            },
            Reply::Back => continue,
            Reply::Quit => return Ok(Reply::Quit),
        }
    }
}

/// A report field typed in: checked as it is typed, starting from its value so far.
pub(super) fn typed(
    asking: &ReportAsking,
    needed: &str,
    current: Option<&Value>,
) -> io::Result<Reply<Value>> {
    let keys = fit(KEYS);
    let check = asking.clone();
    let initial = current.map(|c| adscheck::tool::join(Some(c)));
    let needed = fit(needed);
    let shown = |text: &str| answered(&needed, text);
    let mut prompt = Text::new(&needed)
        .with_formatter(&shown)
        .with_help_message(&keys)
        .with_validator(move |text: &str| {
            Ok(match check.typed(text) {
                Ok(_) => Validation::Valid,
                Err(why) => Validation::Invalid(why.into()),
            })
        });
    if let Some(initial) = &initial {
        prompt = prompt.with_initial_value(initial);
    }
    Ok(match reply(prompt.prompt())? {
        Reply::Value(text) => Reply::Value(asking.typed(&text).map_err(io::Error::other)?),
        Reply::Back => Reply::Back,
        Reply::Quit => Reply::Quit,
    })
}

/// Any of a report field's values (and the text of `Other`), those chosen before ticked.
pub(super) fn any_of(
    asking: &ReportAsking,
    needed: &str,
    picked: &[usize],
    other: Option<&str>,
) -> io::Result<Reply<Result<Value, String>>> {
    let width = super::super::text_width().saturating_sub(7);
    let choices: Vec<String> = asking
        .choices
        .iter()
        .map(|c| adscheck::text::clipped(c, width))
        .collect();
    let needed = fit(needed);
    let chosen = MultiSelect::new(&needed, choices)
        .with_formatter(&|os| answered(&needed, &listed(os)))
        .with_default(picked)
        .with_page_size(9)
        .with_help_message(&fit(
            "↑↓ to move · Space to tick · Enter to confirm · Esc to go back",
        ))
        .raw_prompt();
    let ticked: Vec<usize> = match reply(chosen)? {
        Reply::Value(items) => items.into_iter().map(|o| o.index).collect(),
        Reply::Back => return Ok(Reply::Back),
        Reply::Quit => return Ok(Reply::Quit),
    };
    let mut other_text = None;
    if asking.other_text {
        let keys = fit(KEYS);
        let message = fit("Other, not listed (optional; Enter for none):");
        let shown = |text: &str| answered(&message, text);
        let mut prompt = Text::new(&message)
            .with_formatter(&shown)
            .with_help_message(&keys);
        if let Some(other) = other {
            prompt = prompt.with_initial_value(other);
        }
        match reply(prompt.prompt())? {
            Reply::Value(text) => other_text = Some(text),
            Reply::Back => return Ok(Reply::Back),
            Reply::Quit => return Ok(Reply::Quit),
        }
    }
    Ok(Reply::Value(asking.picked(&ticked, other_text.as_deref())))
}

/// One of a report field's values (or none, where it is optional), the cursor on the one
/// chosen before.
pub(super) fn one_of(
    asking: &ReportAsking,
    needed: &str,
    picked: &[usize],
) -> io::Result<Reply<Result<Value, String>>> {
    let width = super::super::text_width().saturating_sub(4);
    let mut choices: Vec<String> = asking
        .choices
        .iter()
        .map(|c| adscheck::text::clipped(c, width))
        .collect();
    let none = "(none: leave it empty)".to_owned();
    if !asking.required {
        choices.push(none.clone());
    }
    let needed = fit(needed);
    let chosen = Select::new(&needed, choices)
        .with_formatter(&|o| answered(&needed, o.value))
        .with_starting_cursor(picked.first().copied().unwrap_or(0))
        .with_help_message(&fit("↑↓ to move · Enter to choose · Esc to go back"))
        .raw_prompt();
    Ok(match reply(chosen)? {
        Reply::Value(choice) if choice.value == none => Reply::Value(Ok(Value::Null)),
        Reply::Value(choice) => Reply::Value(asking.picked(&[choice.index], None)),
        Reply::Back => Reply::Back,
        Reply::Quit => Reply::Quit,
    })
}
