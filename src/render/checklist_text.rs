//! `checklist show`: a checklist laid out close to its printed form, as text or Markdown.

use std::fmt::Write as _;

use crate::checklist::{Checklist, Question};
use crate::text::{hanging, wrapped};

fn marks(ids: &[crate::document::Located<String>]) -> String {
    ids.iter().map(|id| format!(" [{}]", id.as_str())).collect()
}

fn questions_of<'c>(checklist: &'c Checklist, part_of: Option<&str>) -> Vec<&'c Question> {
    checklist
        .questions
        .iter()
        .filter(|q| q.part_of.as_ref().map(|p| p.as_str()) == part_of)
        .collect()
}

/// The checklist as plain text.
#[must_use]
pub fn checklist_text(checklist: &Checklist) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "{}", wrapped(checklist.title.as_str(), 0));
    let _ = writeln!(
        s,
        "Checklist `{}`, version {}",
        checklist.id.as_str(),
        checklist.version.as_str()
    );
    let _ = writeln!(
        s,
        "{}",
        wrapped(&format!("Source: {}", checklist.source.as_str()), 0)
    );
    for d in &checklist.determinations {
        let _ = writeln!(s);
        let _ = writeln!(s, "{}", "=".repeat(88));
        let _ = writeln!(
            s,
            "{}",
            wrapped(
                &format!(
                    "Question {}: {}  YES / NO",
                    d.number.as_str(),
                    d.question.as_str()
                ),
                0
            )
        );
        let _ = writeln!(s);
        legal_definition(&mut s, d);
        if let Some(instructions) = &d.instructions {
            let _ = writeln!(s);
            let _ = writeln!(s, "{}", wrapped(instructions.as_str(), 0));
        }
        for q in questions_of(checklist, Some(d.id.as_str())) {
            question_text(&mut s, q);
        }
        if let Some(stop) = &d.stop_rule {
            let _ = writeln!(s);
            let _ = writeln!(
                s,
                "{}",
                wrapped(&format!("Stop rule: {}", stop.as_str()), 0)
            );
        }
    }
    let loose = questions_of(checklist, None);
    if !loose.is_empty() {
        let _ = writeln!(s);
        let _ = writeln!(s, "Other questions");
        for q in loose {
            question_text(&mut s, q);
        }
    }
    if !checklist.footnotes.is_empty() {
        let _ = writeln!(s);
        let _ = writeln!(s, "Footnotes");
        for f in &checklist.footnotes {
            let mark = format!("[{}] ", f.id.as_str());
            let text = format!("{mark}{}", f.text.as_str());
            let _ = writeln!(s, "{}", hanging(&text, 2, 2 + mark.chars().count()));
            if let Some(note) = &f.editorial_note {
                let _ = writeln!(
                    s,
                    "{}",
                    wrapped(&format!("(Editorial note: {})", note.as_str()), 6)
                );
            }
        }
    }
    if !checklist.editorial_notes.is_empty() {
        let _ = writeln!(s);
        let _ = writeln!(s, "Editorial notes (how this encoding reads the form)");
        for n in &checklist.editorial_notes {
            let _ = writeln!(s, "{}", wrapped(&format!("- {}", n.as_str()), 2));
        }
    }
    s
}

fn question_text(s: &mut String, q: &Question) {
    let _ = writeln!(s);
    let heading = format!(
        "{} {}{}  YES / NO",
        q.number.as_str(),
        q.text.as_str(),
        marks(&q.text_footnotes),
    );
    let _ = writeln!(s, "{}", hanging(&heading, 2, 3 + q.number.chars().count()));
    let _ = writeln!(s, "    (answer-file key: {})", q.id.as_str());
    guidance_and_options(s, q, 4, true);
}

/// "Legal definition (citation):" and the term with its definition and footnote marks.
fn legal_definition(s: &mut String, d: &crate::checklist::Determination) {
    let _ = writeln!(s, "Legal definition ({}):", d.citation.as_str());
    let definition = format!(
        "{}: {}{}",
        d.term.as_str(),
        d.definition.as_str(),
        marks(&d.definition_footnotes)
    );
    let _ = writeln!(s, "{}", wrapped(&definition, 2));
}

/// A question's guidance bullets (with sub-bullets and editorial notes) and its checkboxes
/// (with descriptions and sub-types), from `indent`; `ids` adds each checkbox's answer-file id.
fn guidance_and_options(s: &mut String, q: &Question, indent: usize, ids: bool) {
    for g in &q.guidance {
        let _ = writeln!(s, "{}", bullet(g.text.as_str(), indent));
        for item in &g.items {
            let _ = writeln!(s, "{}", bullet(item.as_str(), indent + 2));
        }
        if let Some(note) = &g.editorial_note {
            let note = format!("(Editorial note: {})", note.as_str());
            let _ = writeln!(s, "{}", wrapped(&note, indent + 2));
        }
    }
    if let Some(options) = &q.options {
        let prompt = format!(
            "{}{}",
            options.prompt.as_str(),
            marks(&options.prompt_footnotes)
        );
        let _ = writeln!(s, "{}", bullet(&prompt, indent));
        for c in &options.choices {
            let line = if ids {
                format!("[ ] {}  [{}]", c.label.as_str(), c.id.as_str())
            } else {
                format!("[ ] {}", c.label.as_str())
            };
            let _ = writeln!(s, "{}", hanging(&line, indent + 2, indent + 6));
            if let Some(d) = &c.description {
                let _ = writeln!(s, "{}", wrapped(d.as_str(), indent + 6));
            }
            for item in &c.items {
                let _ = writeln!(s, "{}", bullet(item.as_str(), indent + 6));
            }
        }
    }
}

fn bullet(text: &str, indent: usize) -> String {
    let pad = " ".repeat(indent);
    let first = format!("{pad}- ");
    let rest = " ".repeat(indent + 2);
    textwrap::fill(
        text,
        textwrap::Options::new(88usize.max(indent + 20))
            .initial_indent(&first)
            .subsequent_indent(&rest)
            .word_splitter(textwrap::WordSplitter::NoHyphenation),
    )
}

/// The checklist as Markdown, laid out like the printed form.
#[must_use]
pub fn checklist_markdown(checklist: &Checklist) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "# {}", checklist.title.as_str());
    let _ = writeln!(s);
    let _ = writeln!(
        s,
        "Checklist `{}`, version {}. Source: {}",
        checklist.id.as_str(),
        checklist.version.as_str(),
        checklist.source.as_str()
    );
    for d in &checklist.determinations {
        let _ = writeln!(s);
        let _ = writeln!(s, "---");
        let _ = writeln!(s);
        let _ = writeln!(
            s,
            "## Question {}: {}  YES / NO",
            d.number.as_str(),
            d.question.as_str()
        );
        let _ = writeln!(s);
        let _ = writeln!(s, "**Legal definition** ({}):", d.citation.as_str());
        let _ = writeln!(
            s,
            "{}: {}{}",
            d.term.as_str(),
            d.definition.as_str(),
            marks(&d.definition_footnotes)
        );
        if let Some(instructions) = &d.instructions {
            let _ = writeln!(s);
            let _ = writeln!(s, "{}", instructions.as_str());
        }
        for q in questions_of(checklist, Some(d.id.as_str())) {
            question_markdown(&mut s, q);
        }
        if let Some(stop) = &d.stop_rule {
            let _ = writeln!(s);
            let _ = writeln!(s, "**Stop rule:** {}", stop.as_str());
        }
    }
    let loose = questions_of(checklist, None);
    if !loose.is_empty() {
        let _ = writeln!(s);
        let _ = writeln!(s, "## Other questions");
        for q in loose {
            question_markdown(&mut s, q);
        }
    }
    if !checklist.footnotes.is_empty() {
        let _ = writeln!(s);
        let _ = writeln!(s, "## Footnotes");
        let _ = writeln!(s);
        for f in &checklist.footnotes {
            let note = f.editorial_note.as_ref().map_or_else(String::new, |n| {
                format!(" (Editorial note: {})", n.as_str())
            });
            let _ = writeln!(s, "- [{}] {}{note}", f.id.as_str(), f.text.as_str());
        }
    }
    if !checklist.editorial_notes.is_empty() {
        let _ = writeln!(s);
        let _ = writeln!(s, "## Editorial notes");
        let _ = writeln!(s);
        for n in &checklist.editorial_notes {
            let _ = writeln!(s, "- {}", n.as_str());
        }
    }
    s
}

fn question_markdown(s: &mut String, q: &Question) {
    let _ = writeln!(s);
    let _ = writeln!(
        s,
        "### {} {}{}  YES / NO",
        q.number.as_str(),
        q.text.as_str(),
        marks(&q.text_footnotes)
    );
    let _ = writeln!(s);
    let _ = writeln!(s, "Answer-file key: `{}`", q.id.as_str());
    let _ = writeln!(s);
    for g in &q.guidance {
        let _ = writeln!(s, "- {}", g.text.as_str());
        for item in &g.items {
            let _ = writeln!(s, "  - {item}", item = item.as_str());
        }
        if let Some(note) = &g.editorial_note {
            let _ = writeln!(s, "  (Editorial note: {})", note.as_str());
        }
    }
    if let Some(options) = &q.options {
        let _ = writeln!(
            s,
            "- {}{}",
            options.prompt.as_str(),
            marks(&options.prompt_footnotes)
        );
        for c in &options.choices {
            match &c.description {
                Some(d) => {
                    let _ = writeln!(
                        s,
                        "  - [ ] **{}** (`{}`) — {}",
                        c.label.as_str(),
                        c.id.as_str(),
                        d.as_str()
                    );
                }
                None => {
                    let _ = writeln!(s, "  - [ ] {} (`{}`)", c.label.as_str(), c.id.as_str());
                }
            }
            for item in &c.items {
                let _ = writeln!(s, "    - {}", item.as_str());
            }
        }
    }
}

/// What a person answering `question` may want to read: its guidance and checkboxes, the
/// legal definition it serves, the footnotes it refers to, and the encoder's notes.
#[must_use]
pub fn question_help(checklist: &Checklist, question: &Question) -> String {
    let mut s = String::new();
    let mut footnotes: Vec<&str> = question.text_footnotes.iter().map(|f| f.as_str()).collect();
    if !question.guidance.is_empty() {
        let _ = writeln!(s, "Guidance:");
    }
    if let Some(options) = &question.options {
        footnotes.extend(options.prompt_footnotes.iter().map(|f| f.as_str()));
    }
    guidance_and_options(&mut s, question, 2, false);
    let determination = question
        .part_of
        .as_ref()
        .and_then(|id| checklist.determination(id));
    if let Some(d) = determination {
        footnotes.extend(d.definition_footnotes.iter().map(|f| f.as_str()));
        let _ = writeln!(s);
        legal_definition(&mut s, d);
        if let Some(stop) = &d.stop_rule {
            let _ = writeln!(
                s,
                "{}",
                wrapped(&format!("Stop rule: {}", stop.as_str()), 2)
            );
        }
    }
    if !footnotes.is_empty() {
        let _ = writeln!(s);
        let _ = writeln!(s, "Footnotes:");
        for id in footnotes {
            if let Some(f) = checklist.footnote(id) {
                let mark = format!("[{}] ", f.id.as_str());
                let _ = writeln!(
                    s,
                    "{}",
                    hanging(
                        &format!("{mark}{}", f.text.as_str()),
                        2,
                        2 + mark.chars().count()
                    )
                );
                if let Some(note) = &f.editorial_note {
                    let _ = writeln!(
                        s,
                        "{}",
                        wrapped(&format!("(Editorial note: {})", note.as_str()), 6)
                    );
                }
            }
        }
    }
    s
}
