//! `checklist show` and the interview's help: a checklist laid out close to its printed form,
//! as text or Markdown, every block labelled with where its words come from: the law, the
//! form, or adscheck's editorial notes.

use std::fmt::Write as _;

use crate::checklist::{Checklist, Determination, OptionKind, Question, shown};
use crate::document::Located;
use crate::text::{WIDTH, hanging, hanging_at, wrapped};

pub use super::notes::{EDITORIAL, Voice};

fn questions_of<'c>(checklist: &'c Checklist, part_of: Option<&str>) -> Vec<&'c Question> {
    checklist
        .questions
        .iter()
        .filter(|q| q.part_of.as_ref().map(|p| p.as_str()) == part_of)
        .collect()
}

/// " (NYC ADS Task Force checklist)", or nothing when the checklist names no sources.
pub(super) fn from(checklist: &Checklist, source: Option<&Located<String>>) -> String {
    checklist
        .source_name(source)
        .map_or_else(String::new, |name| format!(" ({name})"))
}

/// The heading above a definition: the form's own ("Legal definition[1]") or "Legal
/// definition", with the citation.
fn definition_heading(d: &Determination) -> String {
    let heading = d
        .definition_heading
        .as_ref()
        .map_or_else(|| "Legal definition".to_owned(), |h| shown(h));
    format!("{heading} ({})", d.citation.as_str())
}

/// The definition's heading with its citation, and its source when the citation does not
/// already name it.
pub(super) fn definition_label(checklist: &Checklist, d: &Determination) -> String {
    let heading = definition_heading(d);
    match checklist.source_name(d.definition_source.as_ref()) {
        Some(name) if !d.citation.contains(name) => format!("{heading}, {name}"),
        _ => heading,
    }
}

/// "Underlined on the form, clarified below: ..." for a definition's underlined words.
pub(super) fn underlined(checklist: &Checklist, d: &Determination) -> Option<String> {
    if d.underlined.is_empty() {
        return None;
    }
    let terms: Vec<String> = d
        .underlined
        .iter()
        .map(|u| {
            let by = checklist
                .question(&u.clarified_by)
                .map_or(u.clarified_by.as_str(), |q| q.number.as_str());
            format!("\"{}\" at {by}", u.words.as_str())
        })
        .collect();
    Some(format!(
        "Underlined on the form (footnote 1: terms clarified for the Task Force's work): {}",
        terms.join("; ")
    ))
}

/// The checklist as plain text.
#[must_use]
pub fn checklist_text(checklist: &Checklist) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "{}", wrapped(&shown(&checklist.title), 0));
    let _ = writeln!(
        s,
        "Checklist `{}`, version {}",
        checklist.id.as_str(),
        checklist.version.as_str()
    );
    let _ = writeln!(
        s,
        "{}",
        wrapped(
            &format!(
                "Source (adscheck's description): {}",
                checklist.source.as_str()
            ),
            0
        )
    );
    for d in &checklist.determinations {
        let _ = writeln!(s);
        let _ = writeln!(s, "{}", "=".repeat(88));
        let heading = format!("{}: {}  YES / NO", d.heading(), d.shown_question());
        let _ = writeln!(s, "{}", wrapped(&heading, 0));
        let _ = writeln!(s);
        legal_definition(&mut s, checklist, d, 0);
        if let Some(instructions) = &d.instructions {
            let _ = writeln!(s);
            let _ = writeln!(s, "{}", wrapped(&shown(instructions), 0));
        }
        for q in questions_of(checklist, Some(d.id.as_str())) {
            question_text(&mut s, checklist, q);
        }
        if let Some(stop) = &d.stop_rule {
            let _ = writeln!(s);
            let _ = writeln!(s, "{}", wrapped(&format!("Stop rule: {}", shown(stop)), 0));
        }
    }
    let loose = questions_of(checklist, None);
    if !loose.is_empty() {
        let _ = writeln!(s);
        let _ = writeln!(s, "Other questions");
        for q in loose {
            question_text(&mut s, checklist, q);
        }
    }
    footnotes(
        &mut s,
        checklist,
        checklist.footnotes.iter().map(|f| f.id.as_str()),
        (0, WIDTH),
        Voice::Page,
    );
    if !checklist.editorial_notes.is_empty() {
        let _ = writeln!(s);
        let _ = writeln!(
            s,
            "adscheck's editorial notes (how this encoding reads the form)"
        );
        for n in &checklist.editorial_notes {
            let _ = writeln!(
                s,
                "{}",
                wrapped(&format!("- {EDITORIAL}: {}", n.as_str()), 2)
            );
        }
    }
    s
}

fn question_text(s: &mut String, checklist: &Checklist, q: &Question) {
    let _ = writeln!(s);
    let heading = format!("{} {}  YES / NO", q.number.as_str(), q.shown_text());
    let _ = writeln!(s, "{}", hanging(&heading, 2, 3 + q.number.chars().count()));
    let _ = writeln!(s, "    (answer-file key: {})", q.id.as_str());
    guidance_and_options(s, checklist, q, 4, true, WIDTH, Voice::Page);
    for line in super::notes::printed_here(checklist, q, Voice::Page) {
        let _ = writeln!(s, "{}", hanging_at(&line, WIDTH, 4, 6));
    }
}

/// The definition's heading, the term with its definition (footnote marks where the form has
/// them) and the underlined words, from `indent`.
fn legal_definition(s: &mut String, checklist: &Checklist, d: &Determination, indent: usize) {
    let _ = writeln!(
        s,
        "{}",
        wrapped(&format!("{}:", definition_heading(d)), indent)
    );
    let definition = format!("{}: {}", shown(&d.term), shown(&d.definition));
    let _ = writeln!(s, "{}", wrapped(&definition, indent + 2));
    if let Some(terms) = underlined(checklist, d) {
        let note = format!("{EDITORIAL}: {terms}");
        let _ = writeln!(s, "{}", wrapped(&note, indent + 2));
    }
}

/// A bullet's editorial note, labelled as adscheck's, with where the form prints the bullet.
fn bullet_note(g: &crate::checklist::Guidance, voice: Voice) -> Option<String> {
    let note = g.editorial_note.as_ref()?;
    let place = g.printed_under.as_ref().map_or_else(String::new, |p| {
        format!("(printed under {} on the form) ", p.as_str())
    });
    Some(voice.note(&format!("{place}{}", note.as_str())))
}

/// What a list's items are, in adscheck's words, for the list's heading.
#[must_use]
pub fn option_kind(kind: OptionKind) -> &'static str {
    match kind {
        OptionKind::Informational => "informational checkboxes",
        OptionKind::Examples => "examples (the list is not limited to these)",
        OptionKind::Factors => "factors to consider (among other factors)",
    }
}

/// A question's guidance bullets (with sub-bullets and editorial notes) and its lists (with
/// descriptions and sub-types), from `indent`; `ids` adds each item's answer-file id.
pub(super) fn guidance_and_options(
    s: &mut String,
    checklist: &Checklist,
    q: &Question,
    indent: usize,
    ids: bool,
    width: usize,
    voice: Voice,
) {
    let item = |text: &str, indent: usize| {
        let hang = if voice == Voice::Page { 2 } else { 0 };
        hanging_at(&voice.item(text), width, indent, indent + hang)
    };
    for g in &q.guidance {
        let _ = writeln!(s, "{}", item(&checklist.shown_guidance(g), indent));
        for sub in &g.items {
            let _ = writeln!(s, "{}", item(&shown(sub), indent + 2));
        }
        if let Some(note) = bullet_note(g, voice) {
            let _ = writeln!(s, "{}", hanging_at(&note, width, indent + 2, indent + 2));
        }
    }
    if let Some(options) = &q.options {
        let _ = writeln!(s, "{}", item(&checklist.shown_prompt(options), indent));
        let kind = match voice {
            Voice::Page => format!("({})", voice.note(option_kind(options.kind))),
            Voice::Ear => voice.note(&format!("these are {}", option_kind(options.kind))),
        };
        let _ = writeln!(s, "{}", hanging_at(&kind, width, indent + 2, indent + 2));
        // Only (1)(a)-style informational lists are checkboxes on the form; the others are
        // bullet lists there, and are shown so; read aloud, each is "Option 1 of 4: ...".
        let mark = if options.kind == OptionKind::Informational {
            "[ ]"
        } else {
            "-"
        };
        let count = options.choices.len();
        for (n, c) in options.choices.iter().enumerate() {
            let line = match voice {
                Voice::Ear => format!("Option {} of {count}: {}", n + 1, shown(&c.label)),
                Voice::Page if ids => format!("{mark} {}  [{}]", shown(&c.label), c.id.as_str()),
                Voice::Page => format!("{mark} {}", shown(&c.label)),
            };
            let hang = match voice {
                Voice::Page => indent + 3 + mark.chars().count(),
                Voice::Ear => indent + 2,
            };
            let _ = writeln!(s, "{}", hanging_at(&line, width, indent + 2, hang));
            if let Some(d) = &c.description {
                let _ = writeln!(
                    s,
                    "{}",
                    hanging_at(&shown(d), width, indent + 6, indent + 6)
                );
            }
            for sub in &c.items {
                let _ = writeln!(s, "{}", item(&shown(sub), indent + 6));
            }
        }
    }
}

/// "Footnotes (source)" and each footnote named in `ids`, with its editorial note.
pub(crate) fn footnotes<'i>(
    s: &mut String,
    checklist: &Checklist,
    ids: impl Iterator<Item = &'i str>,
    (indent, width): (usize, usize),
    voice: Voice,
) {
    let found: Vec<_> = ids.filter_map(|id| checklist.footnote(id)).collect();
    let Some(first) = found.first() else {
        return;
    };
    let _ = writeln!(s);
    let heading = format!("Footnotes{}:", from(checklist, first.source.as_ref()));
    let _ = writeln!(s, "{}", hanging_at(&heading, width, indent, indent + 2));
    for f in found {
        let text = voice.footnote(f.id.as_str(), &shown(&f.text));
        let mark = match voice {
            Voice::Page => f.id.chars().count() + 3,
            Voice::Ear => 0,
        };
        let _ = writeln!(
            s,
            "{}",
            hanging_at(&text, width, indent + 2, indent + 2 + mark)
        );
        if let Some(note) = &f.editorial_note {
            let note = voice.note(note.as_str());
            let at = indent + 2 + mark;
            let _ = writeln!(s, "{}", hanging_at(&note, width, at, at));
        }
    }
}

/// The checklist as Markdown, laid out like the printed form.
#[must_use]
pub fn checklist_markdown(checklist: &Checklist) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "# {}", shown(&checklist.title));
    let _ = writeln!(s);
    let whose = if checklist.has_adschecks_questions() {
        format!(
            "The law's words below are quoted from: {}. Every question marked \"{}\" and \
             whatever is marked \"adscheck note\" are adscheck's.",
            checklist.source.as_str().trim_end_matches('.'),
            crate::checklist::ADSCHECK_WORDING
        )
    } else {
        format!(
            "The form's and the law's words below are quoted from: {}. Whatever is marked \
             \"adscheck note\" is adscheck's.",
            checklist.source.as_str().trim_end_matches('.')
        )
    };
    let _ = writeln!(
        s,
        "Checklist `{}`, version {}. {whose}",
        checklist.id.as_str(),
        checklist.version.as_str(),
    );
    for d in &checklist.determinations {
        let _ = writeln!(s);
        let _ = writeln!(s, "---");
        let _ = writeln!(s);
        let _ = writeln!(s, "## {}: {}  YES / NO", d.heading(), d.shown_question());
        let _ = writeln!(s);
        let _ = writeln!(s, "**{}:**", definition_heading(d));
        let mut definition = shown(&d.definition);
        for u in &d.underlined {
            definition = definition.replacen(
                u.words.as_str(),
                &format!("<ins>{}</ins>", u.words.as_str()),
                1,
            );
        }
        let _ = writeln!(s, "{}: {definition}", shown(&d.term));
        if let Some(terms) = underlined(checklist, d) {
            let _ = writeln!(s);
            let _ = writeln!(s, "*{EDITORIAL}: {terms}*");
        }
        if let Some(instructions) = &d.instructions {
            let _ = writeln!(s);
            let _ = writeln!(s, "{}", shown(instructions));
        }
        for q in questions_of(checklist, Some(d.id.as_str())) {
            question_markdown(&mut s, checklist, q);
        }
        if let Some(stop) = &d.stop_rule {
            let _ = writeln!(s);
            let _ = writeln!(s, "**Stop rule:** {}", shown(stop));
        }
    }
    let loose = questions_of(checklist, None);
    if !loose.is_empty() {
        let _ = writeln!(s);
        let _ = writeln!(s, "## Other questions");
        for q in loose {
            question_markdown(&mut s, checklist, q);
        }
    }
    if !checklist.footnotes.is_empty() {
        let _ = writeln!(s);
        let _ = writeln!(s, "## Footnotes");
        let _ = writeln!(s);
        for f in &checklist.footnotes {
            let note = f
                .editorial_note
                .as_ref()
                .map_or_else(String::new, |n| format!(" *({EDITORIAL}: {})*", n.as_str()));
            let _ = writeln!(s, "- [{}] {}{note}", f.id.as_str(), shown(&f.text));
        }
    }
    if !checklist.editorial_notes.is_empty() {
        let _ = writeln!(s);
        let _ = writeln!(s, "## adscheck's editorial notes");
        let _ = writeln!(s);
        for n in &checklist.editorial_notes {
            let _ = writeln!(s, "- *{EDITORIAL}:* {}", n.as_str());
        }
    }
    s
}

fn question_markdown(s: &mut String, checklist: &Checklist, q: &Question) {
    let _ = writeln!(s);
    let _ = writeln!(s, "### {} {}  YES / NO", q.number.as_str(), q.shown_text());
    let _ = writeln!(s);
    let _ = writeln!(s, "Answer-file key: `{}`", q.id.as_str());
    let _ = writeln!(s);
    for g in &q.guidance {
        let _ = writeln!(s, "- {}", checklist.shown_guidance(g));
        for item in &g.items {
            let _ = writeln!(s, "  - {}", shown(item));
        }
        if let Some(note) = bullet_note(g, Voice::Page) {
            let _ = writeln!(s, "  *({note})*");
        }
    }
    if let Some(options) = &q.options {
        let _ = writeln!(
            s,
            "- {} *({EDITORIAL}: {})*",
            checklist.shown_prompt(options),
            option_kind(options.kind)
        );
        let mark = if options.kind == OptionKind::Informational {
            "- [ ]"
        } else {
            "-"
        };
        for c in &options.choices {
            match &c.description {
                Some(d) => {
                    let _ = writeln!(
                        s,
                        "  {mark} **{}** (`{}`) — {}",
                        shown(&c.label),
                        c.id.as_str(),
                        shown(d)
                    );
                }
                None => {
                    let _ = writeln!(s, "  {mark} {} (`{}`)", shown(&c.label), c.id.as_str());
                }
            }
            for item in &c.items {
                let _ = writeln!(s, "    - {}", shown(item));
            }
        }
    }
    for line in super::notes::printed_here(checklist, q, Voice::Page) {
        match line.strip_prefix("  (") {
            Some(note) => {
                let _ = writeln!(s, "  *({note}*");
            }
            None => {
                let _ = writeln!(s, "{line}");
            }
        }
    }
}
