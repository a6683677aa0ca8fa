//! Writing answer files: the interview's saved state and `adscheck template`.
//!
//! Output is YAML that the reader in this module's parent reads back to the same answers.
//! Every text value is written double-quoted with JSON escapes (a subset of YAML's), so no
//! text, however odd, can change meaning (`no`, `null`, `#`, `: `, newlines).

use std::fmt::Write as _;

use super::AnswerFile;
use crate::checklist::{Checklist, Question};
use crate::document::Located;
use crate::engine::Truth;

/// Quote a text as a YAML double-quoted scalar: JSON's escapes, and every character YAML
/// does not allow raw in a file (DEL, C1 controls, U+FFFE, U+FFFF) or that would hide in it
/// (bidirectional controls, zero-width characters) written as a `\u` escape, which YAML reads
/// back to the same character.
pub(super) fn quoted(text: &str) -> String {
    let json = serde_json::to_string(text).unwrap_or_else(|_| "\"\"".to_owned());
    if !json.chars().any(crate::text::is_unsafe) {
        return json;
    }
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        if crate::text::is_unsafe(c) {
            let n = u32::from(c);
            if n > 0xFFFF {
                let _ = write!(out, "\\U{n:08X}");
            } else {
                let _ = write!(out, "\\u{n:04X}");
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// A mapping key: plain when it cannot be misread, quoted otherwise.
pub(super) fn key(text: &str) -> String {
    const RESERVED: [&str; 12] = [
        "yes", "no", "true", "false", "on", "off", "y", "n", "null", "~", "<<", "=",
    ];
    let plain = !text.is_empty()
        && text.chars().any(|c| c.is_ascii_alphabetic())
        && text
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.'))
        && !text.starts_with(['-', '.'])
        && !RESERVED.contains(&text.to_ascii_lowercase().as_str())
        && text.parse::<f64>().is_err();
    if plain { text.to_owned() } else { quoted(text) }
}

/// Any metadata value: text quoted, everything else as JSON (valid YAML flow style).
pub(super) fn value(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::String(s) => quoted(s),
        other => other.to_string(),
    }
}

/// `# ...` comment lines wrapped to 90 columns at `indent`.
pub(super) fn comment(out: &mut String, indent: usize, text: &str) {
    hanging_comment(out, indent, text, 0);
}

/// Like [`comment`], continuation lines indented `extra` more inside the comment.
pub(super) fn hanging_comment(out: &mut String, indent: usize, text: &str, extra: usize) {
    let pad = format!("{}# ", " ".repeat(indent));
    let rest = format!("{pad}{}", " ".repeat(extra));
    for line in crate::text::wrap(text, 90, &pad, &rest) {
        let _ = writeln!(out, "{line}");
    }
}

pub(super) fn question_comment(out: &mut String, q: &Question) {
    comment(out, 2, &format!("{} {}", q.number.as_str(), q.shown_text()));
}

impl AnswerFile {
    /// The file as YAML ([`AnswerFile::to_yaml`]), read back before it is handed out: what
    /// adscheck writes, it can read, within the answer files' limits, to the same answers,
    /// notes, options and history.
    ///
    /// # Errors
    /// A diagnostic naming the file when the text would not read back as written.
    pub fn to_checked_yaml(
        &self,
        checklist: &Checklist,
        max_bytes: u64,
    ) -> Result<String, crate::error::Diagnostic> {
        let text = self.to_yaml(checklist);
        let back = read_back(&self.file, &text, checklist, max_bytes)?;
        let answer = |a: &Option<super::Answer>| {
            a.as_ref()
                .map(|a| (a.value, a.note.clone(), a.options.clone(), a.not_needed))
        };
        let same = back
            .answers
            .iter()
            .map(answer)
            .eq(self.answers.iter().map(answer))
            && back.stamps.len() == self.stamps.len()
            && back.stamps.iter().zip(&self.stamps).all(|(a, b)| {
                (&a.event, &a.checklist, &a.version, &a.sha256, &a.at, &a.by)
                    == (&b.event, &b.checklist, &b.version, &b.sha256, &b.at, &b.by)
            })
            && back.tool == self.tool
            && back.also.len() == self.also.len()
            && back.also.iter().zip(&self.also).all(|(a, b)| {
                a.checklist == b.checklist
                    && a.answers
                        .iter()
                        .map(answer)
                        .eq(b.answers.iter().map(answer))
                    && a.stamps.len() == b.stamps.len()
            });
        if same {
            Ok(text)
        } else {
            Err(crate::error::Diagnostic::new(
                crate::error::Kind::Io,
                &self.file,
                None,
                "not saved: written out, the answers would not read back the same (a value \
                 adscheck cannot write faithfully); nothing was changed"
                    .to_owned(),
            ))
        }
    }

    /// The file as YAML, answers in checklist order, with each question's number and text as a
    /// comment above its answer.
    #[must_use]
    pub fn to_yaml(&self, checklist: &Checklist) -> String {
        let mut out = String::new();
        comment(
            &mut out,
            0,
            &format!(
                "Answers to \"{}\" ({} version {}). Classify with: adscheck classify FILE",
                checklist.title.as_str(),
                checklist.id.as_str(),
                checklist.version.as_str()
            ),
        );
        let _ = writeln!(out, "checklist: {}", key(checklist.id.as_str()));
        out.push_str(&tool_block(&self.tool));
        history_and_answers(
            &mut out,
            "",
            checklist,
            (&self.stamps, &self.declared, &self.answers),
        );
        if !self.also.is_empty() {
            // Answers to further checklists, each under its id, in the same shape.
            let _ = writeln!(out, "also:");
            for also in &self.also {
                let Some(engine) = crate::engine::Engine::builtin(&also.checklist) else {
                    continue;
                };
                let _ = writeln!(out, "  {}:", key(&also.checklist));
                history_and_answers(
                    &mut out,
                    "    ",
                    engine.checklist(),
                    (&also.stamps, &also.declared, &also.answers),
                );
            }
        }
        out
    }
}

/// A file's (or an `also:` block's) history, declarations and answers.
type Blocks<'a> = (
    &'a [super::Stamp],
    &'a [Option<Located<Truth>>],
    &'a [Option<super::Answer>],
);

/// A file's (or an `also:` block's) `stamps:`, `declared:` and `answers:` under `checklist`,
/// each line indented by `indent`.
fn history_and_answers(
    out: &mut String,
    indent: &str,
    checklist: &Checklist,
    (stamps, declared, answers): Blocks<'_>,
) {
    if !stamps.is_empty() {
        let _ = writeln!(out, "{indent}stamps:");
        for stamp in stamps {
            let _ = writeln!(out, "{indent}  - event: {}", stamp.event.as_str());
            for (k, v) in [
                ("checklist", Some(&stamp.checklist)),
                ("version", Some(&stamp.version)),
                ("sha256", Some(&stamp.sha256)),
                ("adscheck", Some(&stamp.adscheck)),
                ("at", Some(&stamp.at)),
                ("by", stamp.by.as_ref()),
            ] {
                if let Some(v) = v {
                    let _ = writeln!(out, "{indent}    {k}: {}", quoted(v));
                }
            }
        }
    }
    let declared: Vec<(&str, &str)> = checklist
        .determinations
        .iter()
        .zip(declared)
        .filter_map(|(d, v)| v.as_ref().map(|v| (d.id.as_str(), v.value.as_str())))
        .collect();
    if !declared.is_empty() {
        let _ = writeln!(out, "{indent}declared:");
        for (id, v) in declared {
            let _ = writeln!(out, "{indent}  {}: {v}", key(id));
        }
    }
    let answered: Vec<(&Question, &super::Answer)> = checklist
        .questions
        .iter()
        .zip(answers)
        .filter_map(|(q, a)| a.as_ref().map(|a| (q, a)))
        .collect();
    if answered.is_empty() {
        let _ = writeln!(out, "{indent}answers: {{}}");
        return;
    }
    let _ = writeln!(out, "{indent}answers:");
    for (q, a) in answered {
        let mut note = String::new();
        question_comment(&mut note, q);
        for line in note.lines() {
            let _ = writeln!(out, "{indent}{line}");
        }
        let _ = writeln!(out, "{indent}  {}:", key(q.id.as_str()));
        let _ = writeln!(out, "{indent}    answer: {}", a.value.as_str());
        if !a.options.is_empty() {
            let ids: Vec<String> = a.options.iter().map(|o| key(o)).collect();
            let _ = writeln!(out, "{indent}    options: [{}]", ids.join(", "));
        }
        if let Some(note) = &a.note {
            let _ = writeln!(out, "{indent}    note: {}", quoted(note));
        }
        if a.not_needed {
            let _ = writeln!(out, "{indent}    not_needed: true");
        }
    }
}

/// The `tool:` block of an answer file: `tool: {}` when empty, else one `key: value` line each
/// (text double-quoted, other values in JSON's flow style, which YAML reads alike). A mapping
/// of mappings (each year's report under `reports`) is written as nested blocks, a line per
/// field, so that a person can read and compare the years.
#[must_use]
pub fn tool_block(tool: &serde_json::Map<String, serde_json::Value>) -> String {
    if tool.is_empty() {
        return "tool: {}\n".to_owned();
    }
    let mut out = "tool:\n".to_owned();
    block(&mut out, 2, tool);
    out
}

fn block(out: &mut String, indent: usize, map: &serde_json::Map<String, serde_json::Value>) {
    let pad = " ".repeat(indent);
    for (k, v) in map {
        match v {
            serde_json::Value::Object(inner)
                if !inner.is_empty() && inner.values().all(serde_json::Value::is_object) =>
            {
                let _ = writeln!(out, "{pad}{}:", key(k));
                for (year, fields) in inner {
                    match fields {
                        serde_json::Value::Object(f) if !f.is_empty() => {
                            let _ = writeln!(out, "{pad}  {}:", key(year));
                            block(out, indent + 4, f);
                        }
                        other => {
                            let _ = writeln!(out, "{pad}  {}: {}", key(year), value(other));
                        }
                    }
                }
            }
            _ => {
                let _ = writeln!(out, "{pad}{}: {}", key(k), value(v));
            }
        }
    }
}

/// `text`, about to be written as the answer file `file`, read back under `checklist` and the
/// answer files' size limit `max_bytes`: nothing adscheck writes is kept unless adscheck can
/// read it.
///
/// # Errors
/// The first problem reading it back, naming the file: too large, or not an answer file
/// adscheck reads.
pub fn read_back(
    file: &str,
    text: &str,
    checklist: &Checklist,
    max_bytes: u64,
) -> Result<AnswerFile, crate::error::Diagnostic> {
    let refuse = |why: String| {
        crate::error::Diagnostic::new(
            crate::error::Kind::Io,
            file,
            None,
            format!("not written: {why}; nothing was changed"),
        )
    };
    if u64::try_from(text.len()).unwrap_or(u64::MAX) > max_bytes {
        return Err(refuse(format!(
            "it would be {}, over the answer files' limit of {} (--max-file-size)",
            crate::input::size(u64::try_from(text.len()).unwrap_or(u64::MAX)),
            crate::input::size(max_bytes)
        )));
    }
    AnswerFile::parse(file, text, crate::document::Format::Yaml, checklist).map_err(|e| {
        let first = e.0.into_iter().next();
        refuse(format!(
            "adscheck could not read it back ({})",
            first.map_or_else(|| "no reason given".to_owned(), |d| d.to_string())
        ))
    })
}

/// The note at the top of a file `ll35 import` creates.
pub const IMPORTED_NOTE: &str = "Imported from the Local Law 35 table (see tool.imported_from). \
                                 Answer the checklist with: adscheck interview --resume FILE";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_quoted_only_when_needed() {
        assert_eq!(key("1a"), "1a");
        assert_eq!(key("agency_ads"), "agency_ads");
        assert_eq!(key("no"), "\"no\"");
        assert_eq!(key("12"), "\"12\"");
        assert_eq!(key("1e5"), "\"1e5\"");
        assert_eq!(key("a b"), "\"a b\"");
        assert_eq!(key(""), "\"\"");
    }

    #[test]
    fn texts_are_always_quoted() {
        assert_eq!(quoted("no"), "\"no\"");
        assert_eq!(quoted("a: b # c\nd"), "\"a: b # c\\nd\"");
    }
}
