//! The comments of an answer file that a rewrite by adscheck cannot keep: found by a scan of
//! the text (a `#` outside quotes and block scalars), and told apart from adscheck's own.

use super::template::{template, unanswered};
use super::write::IMPORTED_NOTE;
use crate::checklist::Checklist;

/// The comment of one YAML line, if it has one: `#` at the start or after white space,
/// outside quotes.
fn comment_of(line: &str) -> Option<&str> {
    let mut quote: Option<char> = None;
    let mut previous = ' ';
    for (i, c) in line.char_indices() {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if c == '\'' || c == '"' => quote = Some(c),
            None if c == '#' && previous.is_whitespace() => {
                return line.get(i..).map(str::trim_end);
            }
            None => {}
        }
        previous = c;
    }
    None
}

/// The key of a YAML line (`  1a: yes` -> `1a`), unquoted.
fn key_of(line: &str) -> Option<&str> {
    let (key, _) = line.trim().split_once(':')?;
    Some(key.trim().trim_matches(['"', '\'']))
}

/// Runs of whole-line comments of `text`, each as (first line number, its lines trimmed, the
/// key of the line below it), skipping the contents of block scalars (`note: |`), where a `#`
/// is text.
fn comment_runs(text: &str) -> Vec<(usize, Vec<&str>, Option<&str>)> {
    let lines: Vec<&str> = text.lines().collect();
    let indent = |l: &str| l.len() - l.trim_start().len();
    let mut runs = Vec::new();
    let mut i = 0;
    while let Some(&line) = lines.get(i) {
        let trimmed = line.trim_end();
        if !line.trim_start().starts_with('#') {
            i += 1;
            if trimmed.ends_with(['|', '>']) || trimmed.ends_with("|-") || trimmed.ends_with(">-") {
                // A block scalar: its more-indented lines are text.
                let base = indent(line);
                while lines
                    .get(i)
                    .is_some_and(|l| l.trim().is_empty() || indent(l) > base)
                {
                    i += 1;
                }
            }
            continue;
        }
        let start = i;
        while lines
            .get(i)
            .is_some_and(|l| l.trim_start().starts_with('#'))
        {
            i += 1;
        }
        let run = lines
            .get(start..i)
            .unwrap_or_default()
            .iter()
            .map(|l| l.trim())
            .collect();
        runs.push((start + 1, run, lines.get(i).and_then(|l| key_of(l))));
    }
    runs
}

/// The comments of `original` (line number, text) that rewriting it as `rewritten` drops:
/// adscheck writes answer files itself, with its own comments, and cannot keep a person's.
/// What adscheck wrote is not counted: its header (of any checklist version) above
/// `checklist:`, above an answer the very comment the rewrite puts there again, and every
/// comment line a template or an imported file of `checklist` holds.
#[must_use]
pub fn lost_comments(
    original: &str,
    rewritten: &str,
    checklist: &Checklist,
) -> Vec<(usize, String)> {
    let ours_text = format!(
        "{}{}",
        template(checklist, None),
        unanswered(checklist, &serde_json::Map::new(), IMPORTED_NOTE)
    );
    let ours: std::collections::HashSet<&str> = ours_text
        .lines()
        .map(str::trim)
        .filter(|l| l.starts_with('#'))
        .collect();
    let written: std::collections::HashMap<&str, Vec<&str>> = comment_runs(rewritten)
        .into_iter()
        .filter_map(|(_, run, key)| key.map(|k| (k, run)))
        .collect();
    let mut lost = Vec::new();
    let mut in_runs = std::collections::HashSet::new();
    for (first, run, key) in comment_runs(original) {
        in_runs.extend(first..first + run.len());
        let generated = match key {
            Some("checklist") => header(&run),
            Some(key) => written
                .get(key)
                .filter(|own| run.ends_with(own))
                .map_or(0..0, |own| run.len() - own.len()..run.len()),
            None => 0..0,
        };
        for (n, line) in run.iter().enumerate() {
            if !generated.contains(&n)
                && !line.starts_with("# yaml-language-server")
                && !ours.contains(line.trim())
            {
                lost.push((first + n, (*line).to_owned()));
            }
        }
    }
    // Comments at the end of a line.
    for (n, line) in original.lines().enumerate() {
        if !in_runs.contains(&(n + 1))
            && !line.trim_start().starts_with('#')
            && let Some(c) = comment_of(line)
        {
            lost.push((n + 1, c.to_owned()));
        }
    }
    lost.sort();
    lost
}

/// Where adscheck's header stands in a run of comments above `checklist:`: from its first line
/// ("# Answers to ...") to the one that ends "classify FILE".
fn header(run: &[&str]) -> std::ops::Range<usize> {
    let Some(start) = run.iter().position(|l| l.starts_with("# Answers to \"")) else {
        return 0..0;
    };
    match run
        .iter()
        .skip(start)
        .position(|l| l.ends_with("classify FILE"))
    {
        Some(end) => start..start + end + 1,
        None => 0..0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_are_found_outside_quotes_only() {
        assert_eq!(comment_of("# whole line"), Some("# whole line"));
        assert_eq!(comment_of("  1a: yes   # inline  "), Some("# inline"));
        assert_eq!(comment_of("  note: \"a # in quotes\""), None);
        assert_eq!(comment_of("  note: 'it''s # here'"), None);
        assert_eq!(comment_of("  url: a#b"), None);
        let checklist = crate::Checklist::builtin().unwrap();
        let text = "# mine first\n# Answers to \"Old title\" (nyc-ll49-2018 version 0.9). Classify with:\n\
                    # adscheck classify FILE\n# mine after the header\nchecklist: nyc-ll49-2018\n\
                    answers:\n  # (1)(a) Is it an algorithm?\n  1a:\n    answer: yes # why\n  \
                    # (1)(b) Is it a computerized implementation of an algorithm?\n  \
                    # REVIEWER: borderline\n  1b:\n    answer: no\n    note: |\n      \
                    # not a comment\n";
        let file =
            crate::answers::AnswerFile::parse("t", text, crate::document::Format::Yaml, &checklist)
                .unwrap();
        let lost = lost_comments(text, &file.to_yaml(&checklist), &checklist);
        assert_eq!(
            lost,
            [
                (1, "# mine first".to_owned()),
                (4, "# mine after the header".to_owned()),
                (9, "# why".to_owned()),
                // Line 10 is the template's own words for (1)(b): adscheck's, not lost.
                (11, "# REVIEWER: borderline".to_owned()),
            ]
        );
    }
}
