//! The record's fields in plain lines: the agency, confirmed against the agencies adscheck
//! knows, and the Local Law 35 report's fields, typed or chosen by number.

use std::io::{self, BufRead, Write};

use adscheck::interview::{Field, Reply, ReportAsking};
use adscheck::tool::{Edition, Shape, agencies};
use serde_json::Value;

use super::{Line, PlainPrompter};

impl<R: BufRead, W: Write> PlainPrompter<R, W> {
    /// The agency: a name or abbreviation adscheck knows is confirmed by its full name; another
    /// is offered the agencies it is close to or contains, or kept as typed once confirmed.
    pub(super) fn agency(
        &mut self,
        field: &Field,
        current: Option<&str>,
    ) -> io::Result<Reply<String>> {
        let now = current.map_or_else(String::new, |c| format!(" [now: {c}; empty line keeps it]"));
        let prompt = format!(
            "{} (a name or abbreviation, e.g. FDNY; ? lists the agencies adscheck knows){now}:",
            field.label
        );
        loop {
            let text = match self.ask(&prompt)? {
                Line::End => return Ok(Reply::Quit),
                Line::Back => return Ok(Reply::Back),
                Line::Text(t) if t == "?" => {
                    for a in agencies::AGENCIES {
                        self.say(&format!("{}: {}.", a.abbreviation, a.name()))?;
                    }
                    continue;
                }
                Line::Text(t) if t.is_empty() => match current {
                    Some(c) => c.to_owned(),
                    None => {
                        self.not_understood("this is needed for the inventory; type it in")?;
                        continue;
                    }
                },
                Line::Text(t) => t,
            };
            let offered: Vec<&agencies::Agency> = match agencies::typed(&text) {
                agencies::Typed::Known(a) => {
                    self.say(&format!("Recorded: agency {}.", a.shown()))?;
                    return Ok(Reply::Value(a.name().to_owned()));
                }
                agencies::Typed::Near(a) => std::iter::once(a)
                    .chain(agencies::matching(&text).into_iter().filter(|m| *m != a))
                    .take(5)
                    .collect(),
                agencies::Typed::Unknown => agencies::matching(&text).into_iter().take(5).collect(),
            };
            let shown = adscheck::text::visible(&text);
            self.say(&format!("{shown} is not an agency adscheck knows."))?;
            let count = offered.len() + 1;
            for (n, a) in offered.iter().enumerate() {
                self.say(&format!("Option {} of {count}: {}.", n + 1, a.shown()))?;
            }
            self.say(&format!(
                "Option {count} of {count}: keep {shown} as typed."
            ))?;
            let choice = "The number of one, or an empty line to type it again:";
            match self.ask(choice)? {
                Line::End => return Ok(Reply::Quit),
                Line::Back => {}
                Line::Text(t) => match t.parse::<usize>().ok().and_then(|n| n.checked_sub(1)) {
                    Some(n) if n < offered.len() => {
                        if let Some(a) = offered.get(n) {
                            self.say(&format!("Recorded: agency {}.", a.shown()))?;
                            return Ok(Reply::Value(a.name().to_owned()));
                        }
                    }
                    Some(n) if n == offered.len() => {
                        self.say(&format!("Recorded: agency {shown}, as typed."))?;
                        return Ok(Reply::Value(text));
                    }
                    _ if t.is_empty() => {}
                    _ => self.not_understood(&format!(
                        "{} is not one of the numbers 1 to {count}",
                        adscheck::text::excerpt(&t)
                    ))?,
                },
            }
        }
    }

    /// Before the report's fields: the edition, how many there can be, and why they are asked.
    pub(super) fn introduce_report(
        &mut self,
        edition: Edition,
        why: &str,
        count: usize,
    ) -> io::Result<()> {
        writeln!(self.out)?;
        self.say(&super::super::prompter::report_begins_message(
            edition, why, count,
        ))
    }

    /// One field of the report: typed, or chosen from its numbered values ("Option 1 of 8: ..."),
    /// an empty line keeping the value it has; confirmed in one line.
    pub(super) fn report_field(
        &mut self,
        asking: &ReportAsking,
        current: Option<&Value>,
    ) -> io::Result<Reply<Value>> {
        self.say(&asking.heading())?;
        self.say(&asking.description())?;
        // The value now, whole, on a line of its own: a review reads it before keeping it.
        let current = current.filter(|v| !v.is_null());
        if let Some(value) = current {
            // Shown, not obeyed: a value read from a file cannot move the cursor or recolour.
            let now = ReportAsking::shown(value);
            self.say(&format!("Now: {}", adscheck::text::visible_lines(&now)))?;
        }
        let now = current.map(|_| {
            if asking.required {
                "; an empty line keeps the value now"
            } else {
                "; an empty line keeps the value now, - clears it"
            }
        });
        let needed = if asking.required {
            " (required)"
        } else {
            " (optional)"
        };
        let choosing = !asking.choices.is_empty();
        if choosing {
            let count = asking.choices.len();
            for (n, choice) in asking.choices.iter().enumerate() {
                self.say(&format!("Option {} of {count}: {choice}.", n + 1))?;
            }
        }
        let how = match asking.shape {
            _ if !choosing => "Type it on one line",
            Shape::List if asking.other_text => {
                "Numbers of all that apply, separated by commas or spaces; Other: and a text for \
                 one not listed"
            }
            Shape::List => "Numbers of all that apply, separated by commas or spaces",
            _ => "The number of one",
        };
        let prompt = format!("{how}{needed}; back to go back{}:", now.unwrap_or_default());
        loop {
            let text = match self.ask(&prompt)? {
                Line::End => return Ok(Reply::Quit),
                Line::Back => return Ok(Reply::Back),
                Line::Text(t) => t,
            };
            let reply = match (text.as_str(), current) {
                ("", Some(c)) => {
                    self.say(&format!("Kept: {}.", asking.label))?;
                    return Ok(Reply::Value(c.clone()));
                }
                ("-", Some(_)) if !asking.required => Ok(Value::Null),
                _ if !choosing => asking.typed(&text),
                _ => picks(asking, &text)
                    .and_then(|(picked, other)| asking.picked(&picked, other.as_deref())),
            };
            match reply {
                Ok(value) => {
                    let shown = if value.is_null() {
                        "none".to_owned()
                    } else {
                        ReportAsking::shown(&value)
                    };
                    let end = if shown.ends_with(['.', '?', '!']) {
                        ""
                    } else {
                        "."
                    };
                    let shown = adscheck::text::visible(&shown);
                    self.say(&format!("Recorded: {}: {shown}{end}", asking.label))?;
                    return Ok(Reply::Value(value));
                }
                Err(why) => self.not_understood(&why)?,
            }
        }
    }
}

/// A reply to a list: the numbers (0-based) of the choices named, by number or by their words,
/// and the text after `Other:`.
fn picks(asking: &ReportAsking, text: &str) -> Result<(Vec<usize>, Option<String>), String> {
    let lower = text.to_ascii_lowercase();
    let (listed, other) = match lower.find("other:") {
        Some(at) if asking.other_text => (
            text.get(..at).unwrap_or_default(),
            text.get(at + "other:".len()..).map(|t| t.trim().to_owned()),
        ),
        _ => (text, None),
    };
    // A whole reply that is one choice's words ("Yes", "Not specified") names that choice.
    if let Some(i) = asking
        .choices
        .iter()
        .position(|c| c.eq_ignore_ascii_case(listed.trim()))
    {
        return Ok((vec![i], other));
    }
    let picked = listed
        .split([',', ' ', ';'])
        .filter(|p| !p.is_empty())
        .map(|p| {
            p.parse::<usize>()
                .ok()
                .and_then(|n| n.checked_sub(1))
                .filter(|n| *n < asking.choices.len())
                .ok_or_else(|| {
                    format!(
                        "{} is not one of the numbers 1 to {}",
                        adscheck::text::excerpt(p),
                        asking.choices.len()
                    )
                })
        })
        .collect::<Result<Vec<usize>, String>>()?;
    Ok((picked, other))
}
