//! Every output adscheck makes of the bundled examples (each `classify` format, `--explain`,
//! the summary in Markdown and JSON, every page and download of the site), read as a lawyer
//! would. Each sentence that speaks of the law (its terms: ADS, automated decision system,
//! Local Law, algorithmic tool) must be one of:
//! - the form's or the law's words, as the built-in checklist holds them;
//! - the examples' own words (their notes and `tool:` fields: the respondents', not adscheck's);
//! - marked as adscheck's ("adscheck note", "adscheck's words"), to the end of its paragraph;
//! - one of adscheck's labels and headings listed in [`ADSCHECK_PHRASES`], each a name for a
//!   column, a count or a page, never a statement about a tool.
//!
//! Whatever is left fails, printed with the output it came from. The phrases issue 23 found
//! fail anywhere, marked or not ([`FORBIDDEN`]).

use crate::support::{adscheck, root};

/// Statements the form does not make, and wordings issue 23 found.
const FORBIDDEN: [&str; 10] = [
    "is not an ADS",
    "it is an ADS",
    "it is not an",
    "not an automated decision system",
    "must report",
    "The law:",
    "Algorithmic tools: automated decision systems",
    "(of due)",
    "because it is",
    "an ADS but not an Agency ADS",
];

/// The words that make a sentence one about the law.
const LEGAL_TERMS: [&str; 5] = [
    "ADS",
    "automated decision system",
    "Local Law",
    "algorithmic tool",
    "Algorithmic tool",
];

/// adscheck's own labels that name a legal term: column and chart headings, counts, page
/// titles, the footer. Each names what is counted or shown; none says what a tool is.
const ADSCHECK_PHRASES: [&str; 29] = [
    // The determinations' labels, as column headings, chart titles and counts.
    "Agency ADS yes / no / undetermined",
    "ADS yes / no / undetermined",
    "Agency ADS determinations by agency",
    "ADS determinations by agency",
    "Agency ADS: 0 yes, 0 no, 0 undetermined",
    "ADS: 0 yes, 0 no, 0 undetermined",
    // The site's title and footer: what the directory is, under whose checklist.
    "Algorithmic tools: determinations under the NYC ADS Task Force's checklist",
    "Determinations under the NYC ADS Task Force's checklist for Local Law 0 of 0",
    // Whose words a quotation is, as every quotation is labelled; the form by its name.
    "(NYC ADS Task Force checklist)",
    "NYC ADS Task Force checklist",
    "(Local Law 0 of 0, § 0(a))",
    // The Local Law 35 report and its parts, named as the report names itself.
    "Local Law 0 report",
    "Local Law 0 table for 0 (0 edition, CSV)",
    "Local Law 0 coded fields",
    "Local Law 0 fields checked against the",
    "Local Law 0 fields complete",
    "Local Law 0 fields",
    "Local Law 0 field",
    "(Local Law 0 table)",
    "Local Law 0 column",
    // The reporting scope's default, named as the setting it is.
    "by default, Agency ADS yes or undetermined",
    "reported in under Local Law 0",
    "the Local Law 0 values",
    "Local Law 0 report, Open Data table",
    // The Task Force by its name, as the form's source line gives it.
    "NYC Automated Decision Systems (ADS) Task Force",
    "coded field of the Local Law 0 table",
    "coded fields of the Local Law 0 table",
    "nyc-ll0-0",
    "algorithmic-tools",
];

/// A determination's label beside its value, as every output names a result: "ADS: yes",
/// "Question #1 (ADS) is no", "(ADS) undetermined".
fn label_values() -> Vec<String> {
    let mut out = Vec::new();
    for label in ["Agency ADS", "ADS", "Algorithmic tool", "ADM tool"] {
        for value in ["yes", "no", "undetermined"] {
            out.push(format!("{label}: {value}"));
            out.push(format!("({label}) is {value}"));
            out.push(format!("({label}) {value}"));
        }
    }
    out
}

/// Every run of digits as one "0", so that a phrase stands for its counts and years.
fn digits_as_zero(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if !c.is_ascii_digit() {
            out.push(c);
        } else if !out.ends_with('0') || out.is_empty() {
            out.push('0');
        }
    }
    out
}

/// adscheck's labels that are a whole cell, heading or line: the determinations' names, and
/// "ADS: yes" and the like, a result beside its label.
fn is_label(paragraph: &str) -> bool {
    let label = paragraph
        .trim_end_matches(|c: char| c == ':' || c.is_whitespace())
        .trim();
    let bare = ["yes", "no", "undetermined"]
        .iter()
        .fold(label, |l, v| l.strip_suffix(v).unwrap_or(l))
        .trim_end()
        .trim_end_matches(':');
    matches!(bare, "ADS" | "Agency ADS" | "Algorithmic tool" | "ADM tool")
}

/// Every text of the built-in checklist that is the form's or the law's (not adscheck's
/// `editorial_note`s, `short` words or test names).
fn forms_words() -> Vec<String> {
    const KEYS: [&str; 16] = [
        "title",
        "text",
        "question",
        "term",
        "definition",
        "definition_heading",
        "citation",
        "instructions",
        "stop_rule",
        "prompt",
        "label",
        "description",
        "items",
        "heading",
        "called",
        "words",
    ];
    fn walk(value: &serde_json::Value, key: Option<&str>, out: &mut Vec<String>) {
        match value {
            serde_json::Value::String(s) if key.is_some_and(|k| KEYS.contains(&k)) => {
                out.push(plain(s));
            }
            serde_json::Value::Array(items) => items.iter().for_each(|v| walk(v, key, out)),
            serde_json::Value::Object(map) => {
                for (k, v) in map {
                    if k != "tests" {
                        walk(v, Some(k), out);
                    }
                }
            }
            _ => {}
        }
    }
    let yaml = std::fs::read_to_string(root().join("checklists/nyc-ll49-2018.yaml")).unwrap();
    let value: serde_json::Value = serde_saphyr::from_str(&yaml).unwrap();
    let mut out = Vec::new();
    walk(&value, None, &mut out);
    // The determinations' labels are adscheck's short names, not the form's text.
    out.retain(|t| t != "ADS" && t != "Agency ADS");
    out.extend(other_laws_words());
    out
}

/// The words of the built-in checklists on other laws: the law's texts, and adscheck's
/// questions only as every output shows them, marked "(adscheck's question)".
fn other_laws_words() -> Vec<String> {
    let mut out = Vec::new();
    for id in ["nyc-ll35-2022", "nys-stt-501"] {
        let engine = adscheck::load_engine(Some(std::path::Path::new(id))).unwrap();
        let c = engine.checklist();
        for d in &c.determinations {
            out.extend([
                plain(d.definition.as_str()),
                plain(d.citation.as_str()),
                plain(&format!("Legal definition: {}", d.term.as_str())),
                // The determination's heading (adscheck's label for it) with its source, and
                // before its question, as explanations and pages show it.
                plain(&format!(
                    "{} ({})",
                    d.heading(),
                    c.source_name(d.source.as_ref()).unwrap_or_default()
                )),
                plain(&format!("{}: {}", d.heading(), d.plain_question())),
                plain(&format!("{}: {}", d.term.as_str(), d.definition.as_str())),
                plain(&d.shown_question()),
                plain(&d.plain_question()),
            ]);
        }
        for q in &c.questions {
            out.extend([plain(&q.shown_text()), plain(&q.plain_text())]);
            for g in &q.guidance {
                out.push(plain(g.text.as_str()));
            }
            if let Some(o) = &q.options {
                out.push(plain(o.prompt.as_str()));
                out.extend(o.choices.iter().map(|c| plain(c.label.as_str())));
            }
        }
        if let Some(sources) = &c.sources {
            out.extend(sources.0.iter().map(|(_, name)| plain(name.as_str())));
        }
    }
    out
}

/// The examples' own words: the notes and `tool:` fields of every example answer file (not
/// adscheck's words in them, such as a stamp's event).
fn examples_words() -> Vec<String> {
    fn strings(value: &serde_json::Value, out: &mut Vec<String>) {
        match value {
            serde_json::Value::String(s) => out.push(plain(s)),
            serde_json::Value::Array(items) => items.iter().for_each(|v| strings(v, out)),
            serde_json::Value::Object(map) => map.values().for_each(|v| strings(v, out)),
            _ => {}
        }
    }
    fn walk(value: &serde_json::Value, out: &mut Vec<String>) {
        let Some(file) = value.as_object() else {
            return;
        };
        if let Some(tool) = file.get("tool") {
            strings(tool, out);
        }
        for answer in file
            .get("answers")
            .and_then(serde_json::Value::as_object)
            .into_iter()
            .flat_map(|a| a.values())
        {
            if let Some(note) = answer.get("note") {
                strings(note, out);
            }
        }
    }
    let mut out = Vec::new();
    for folder in ["examples/answers", "examples/directory"] {
        for file in crate::support::walk(&root().join(folder)) {
            let Ok(text) = std::fs::read_to_string(&file) else {
                continue;
            };
            if let Ok(value) = serde_saphyr::from_str::<serde_json::Value>(&text) {
                walk(&value, &mut out);
            } else if let Ok(value) = serde_json::from_str::<serde_json::Value>(&text) {
                walk(&value, &mut out);
            }
        }
    }
    out
}

/// Footnote marks out, typographic quotes straight, white space squeezed.
fn plain(text: &str) -> String {
    let mut t = text
        .replace(['\u{201c}', '\u{201d}'], "\"")
        .replace('\u{2019}', "'");
    for n in 1..=3 {
        t = t
            .replace(&format!("[^{n}]"), "")
            .replace(&format!("[{n}]"), "");
    }
    t.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// An output cut into paragraphs of plain text: HTML without its markup (block elements end
/// a paragraph), JSON's and CSV's strings each alone, a table's cells each alone, a text's
/// blank-line-separated blocks.
fn paragraphs(name: &str, text: &str) -> Vec<String> {
    let out: Vec<String> =
        if name.ends_with(".html") || name.ends_with(".svg") || name.ends_with(".atom") {
            html_paragraphs(text)
        } else if name.ends_with(".json")
            || name.contains("-f json")
            || name.contains("-f jsonl")
            || name == "schema"
        {
            let mut strings = Vec::new();
            for value in serde_json::Deserializer::from_str(text).into_iter::<serde_json::Value>() {
                collect_strings(&value.unwrap(), &mut strings);
            }
            strings
        } else if name.ends_with(".csv") || name.contains("-f csv") {
            let mut reader = csv::ReaderBuilder::new()
                .has_headers(false)
                .flexible(true)
                .from_reader(text.as_bytes());
            reader
                .records()
                .flat_map(|r| r.unwrap().iter().map(str::to_owned).collect::<Vec<_>>())
                .collect()
        } else {
            items(&text.replace(['│', '┆', '|'], "\n\n"))
        };
    out.iter()
        .map(|p| plain(p))
        .filter(|p| !p.is_empty())
        .collect()
}

/// A text's logical items: a line and the lines under it indented further (a wrapped line, or
/// an answer's details), or at the same depth where the line before ends mid-sentence (a
/// paragraph wrapped flush); a blank line, a bullet or a mark of adscheck's ends an item.
fn items(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut indent: Option<usize> = None;
    for line in text.lines() {
        let depth = line.len() - line.trim_start().len();
        let flush = |i: usize| {
            depth == i
                && !out
                    .last()
                    .is_some_and(|l| l.ends_with(['.', ':', '?', '!', ')']))
                && !line.trim_start().starts_with(['-', '*', '['])
                && !line.trim_start().starts_with("adscheck")
        };
        match indent {
            _ if line.trim().is_empty() => indent = None,
            Some(i) if depth > i || flush(i) => {
                if let Some(last) = out.last_mut() {
                    last.push(' ');
                    last.push_str(line.trim());
                }
            }
            _ => {
                indent = Some(depth);
                out.push(line.trim().to_owned());
            }
        }
    }
    out
}

fn collect_strings(value: &serde_json::Value, out: &mut Vec<String>) {
    match value {
        serde_json::Value::String(s) => out.push(s.clone()),
        serde_json::Value::Array(items) => items.iter().for_each(|v| collect_strings(v, out)),
        serde_json::Value::Object(map) => map.values().for_each(|v| collect_strings(v, out)),
        _ => {}
    }
}

fn html_paragraphs(text: &str) -> Vec<String> {
    const BLOCKS: [&str; 27] = [
        "id",
        "summary",
        "updated",
        "p",
        "li",
        "tr",
        "td",
        "th",
        "h1",
        "h2",
        "h3",
        "h4",
        "div",
        "dt",
        "dd",
        "title",
        "caption",
        "br",
        "option",
        "section",
        "header",
        "footer",
        "nav",
        "table",
        "ul",
        "figcaption",
        "text",
    ];
    let mut out = String::new();
    let mut rest = text;
    // Scripts and styles are code, not words.
    while let Some(start) = rest.find('<') {
        out.push_str(&rest[..start]);
        let tail = &rest[start..];
        let Some(end) = tail.find('>') else {
            break;
        };
        let tag = &tail[1..end];
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .collect();
        if !tag.starts_with('/') && (name == "script" || name == "style") {
            let close = format!("</{name}>");
            rest = tail.find(&close).map_or("", |i| &tail[i + close.len()..]);
            continue;
        }
        if BLOCKS.contains(&name.as_str()) {
            out.push_str("\n\n");
        }
        rest = &tail[end + 1..];
    }
    out.push_str(rest);
    let out = out
        .replace("&ldquo;", "\"")
        .replace("&rdquo;", "\"")
        .replace("&quot;", "\"")
        .replace("&#34;", "\"")
        .replace("&#39;", "'")
        .replace("&apos;", "'")
        .replace("&#x27;", "'")
        .replace("&rsquo;", "'")
        .replace("&sect;", "§")
        .replace("&nbsp;", " ")
        .replace("&ndash;", "–")
        .replace("&mdash;", "—")
        .replace("&rsaquo;", "›")
        .replace("&middot;", "·")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&#x2f;", "/")
        .replace("&amp;", "&");
    out.split("\n\n").map(str::to_owned).collect()
}

/// Whether `text` has `term` as a word of its own (not inside another word).
fn has_term(text: &str, term: &str) -> bool {
    text.match_indices(term).any(|(i, _)| {
        let before = text[..i].chars().next_back();
        let after = text[i + term.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// What is left of `paragraph` once the form's and the law's words, the examples' words,
/// adscheck's marked notes and adscheck's listed labels are taken out.
fn unaccounted(paragraph: &str, known: &[String]) -> String {
    let mut p = paragraph.to_owned();
    // The form's, the law's and the examples' words first (a text whole, before a mark
    // inside it cuts it short), then what is marked as adscheck's.
    for text in known {
        if text.len() > 3 {
            p = p.replace(text.as_str(), " ");
        }
    }
    // Marked as adscheck's: from the mark to the end of the paragraph.
    for mark in [
        "adscheck note",
        "adscheck's words",
        "adscheck's short words",
        "adscheck's questions",
    ] {
        if let Some(i) = p.find(mark) {
            p.truncate(i);
        }
    }
    let mut p = digits_as_zero(&p);
    for phrase in ADSCHECK_PHRASES {
        p = p.replace(phrase, " ");
    }
    for phrase in label_values() {
        p = p.replace(&phrase, " ");
    }
    p
}

fn outputs() -> Vec<(String, String)> {
    let mut outputs: Vec<(String, String)> = Vec::new();
    for examples in ["examples/answers", "examples/directory"] {
        for format in ["table", "json", "jsonl", "csv", "markdown"] {
            let ran = adscheck(["classify", "-f", format, examples]).run();
            outputs.push((format!("classify -f {format} {examples}"), ran.stdout));
        }
        let ran = adscheck(["classify", "--explain", examples]).run();
        outputs.push((format!("classify --explain {examples}"), ran.stdout));
    }
    for format in ["markdown", "json"] {
        let ran = adscheck(["report", "examples/directory", "-f", format]).run();
        outputs.push((format!("report -f {format}"), ran.stdout));
    }
    for args in [
        &["checklist", "show"][..],
        &["checklist", "show", "-f", "markdown"],
        &["schema"],
    ] {
        let ran = adscheck(args.iter().copied()).run();
        outputs.push((args.join(" "), ran.stdout));
    }
    // The plain interview, as a screen reader hears it (pinned by `plain.rs`).
    let transcript = std::fs::read_to_string(
        root().join("tests/it/snapshots/it__plain__plain_interview_transcript.snap"),
    )
    .unwrap();
    outputs.push(("interview --plain".to_owned(), transcript));
    let (out, ran) = crate::support::example_site(None);
    ran.code(0);
    for file in crate::support::walk(&out.path().join("site")) {
        if let Ok(text) = std::fs::read_to_string(&file) {
            outputs.push((file.display().to_string(), text));
        }
    }
    assert!(outputs.len() > 40, "{} outputs", outputs.len());
    outputs
}

#[test]
fn every_sentence_about_the_law_is_the_forms_or_marked_as_adschecks() {
    let outputs = outputs();
    let mut known = forms_words();
    assert!(known.len() > 40, "{} texts of the form", known.len());
    known.extend(examples_words());
    // Longest first, so that a text is taken out whole before a shorter one inside it.
    known.sort_by_key(|t| std::cmp::Reverse(t.len()));
    let mut found = Vec::new();
    let mut read = 0;
    for (what, text) in &outputs {
        assert!(!text.is_empty(), "{what} is empty");
        let squeezed = plain(text);
        for phrase in FORBIDDEN {
            assert!(!squeezed.contains(phrase), "{what} says {phrase:?}");
        }
        for paragraph in paragraphs(what, text) {
            if !LEGAL_TERMS.iter().any(|t| has_term(&paragraph, t)) {
                continue;
            }
            read += 1;
            if is_label(&paragraph) {
                continue;
            }
            let left = unaccounted(&paragraph, &known);
            if let Some(term) = LEGAL_TERMS.iter().find(|t| has_term(&left, t)) {
                let left = plain(&left);
                found.push(format!("{term:?} in {left:?} (of {what}, {paragraph:?})"));
            }
        }
    }
    found.sort();
    found.dedup();
    assert!(read > 200, "{read} paragraphs about the law read");
    assert!(
        found.is_empty(),
        "{} paragraphs say something about the law that is neither the form's nor marked as \
         adscheck's:\n{}",
        found.len(),
        found.join("\n")
    );
}

/// The test above is not blind: a sentence of adscheck's about the law, unmarked, fails it,
/// and the same sentence marked passes.
#[test]
fn an_unmarked_sentence_about_the_law_is_found() {
    let known = forms_words();
    let unmarked = plain("The budget spreadsheet is excluded from the ADS definition.");
    let left = unaccounted(&unmarked, &known);
    assert!(has_term(&left, "ADS"), "{left:?}");
    let marked =
        plain("adscheck note: the budget spreadsheet is excluded from the ADS definition.");
    assert!(!has_term(&unaccounted(&marked, &known), "ADS"));
    // The form's own stop rule is the form's, wherever it is quoted.
    let quoted = plain(
        "Stop rule of Question #1: If any of the above questions is answered \"no\", then the \
         system or tool under review is not considered an \"automated decision system (ADS)\" \
         as defined by Local Law 49 (2018).",
    );
    let left = unaccounted(&quoted, &known);
    assert!(!LEGAL_TERMS.iter().any(|t| has_term(&left, t)), "{left:?}");
}
