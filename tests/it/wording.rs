//! The law's words, exactly: every text of the built-in checklist that is the form's or the
//! law's stands word for word in the reference copy of the form
//! (`tests/fixtures/reference/ll49-ads-checklist.md`, kept equal to the project's shared
//! reference). Only white space and footnote marks are normalised, so a changed word, a
//! dropped or added punctuation mark, or a reworded question fails here.

use crate::support::root;

/// White space collapsed; Markdown emphasis, headings, bullets and checkboxes, and footnote
/// marks (`[1]`, `[^1]`) removed.
fn normalise(text: &str) -> String {
    let mut t = text.replace("**", "");
    for mark in ["[^1]", "[^2]", "[^3]", " [1]", " [2]", " [3]"] {
        t = t.replace(mark, "");
    }
    t.lines()
        .map(|l| {
            l.trim_start()
                .trim_start_matches('#')
                .trim_start()
                .trim_start_matches("- [ ] ")
                .trim_start_matches("- ")
        })
        .collect::<Vec<_>>()
        .join(" ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn reference() -> String {
    std::fs::read_to_string(root().join("tests/fixtures/reference/ll49-ads-checklist.md")).unwrap()
}

#[test]
fn the_reference_copy_is_the_shared_one() {
    // The project's shared reference sits beside the repository (on developers' machines and
    // in CI); when it is there, the copy under tests/ must not have drifted from it.
    let shared = root().join("../shared/reference/ll49-ads-checklist.md");
    if let Ok(text) = std::fs::read_to_string(&shared) {
        assert_eq!(text, reference(), "tests/fixtures/reference is out of date");
    }
}

#[test]
fn every_text_of_the_form_and_the_law_is_the_forms_word_for_word() {
    let checklist =
        adscheck::Checklist::load(&root().join("checklists/nyc-ll49-2018.yaml")).unwrap();
    let form = normalise(&reference());
    let mut checked = 0;
    for text in checklist.marked_texts() {
        let words = normalise(text);
        assert!(
            form.contains(&words),
            "not in the form, word for word (line {:?} of the checklist):\n  {words}",
            text.position.map(|p| p.line)
        );
        checked += 1;
    }
    // Every question, determination, guidance bullet, list item and footnote was compared.
    assert!(checked >= 55, "only {checked} texts compared");
    // The citation, the labels and the question numbers are the form's too.
    for d in &checklist.determinations {
        assert!(
            form.contains(&normalise(&d.citation)),
            "{}",
            d.citation.as_str()
        );
        assert!(form.contains(d.label.as_str()), "{}", d.label.as_str());
    }
    for q in &checklist.questions {
        assert!(form.contains(q.number.as_str()), "{}", q.number.as_str());
    }
}

#[test]
fn footnote_marks_stand_where_the_form_has_them() {
    let checklist =
        adscheck::Checklist::load(&root().join("checklists/nyc-ll49-2018.yaml")).unwrap();
    let ads = checklist.determination("ads").unwrap();
    assert_eq!(
        ads.definition_heading.as_ref().unwrap().as_str(),
        "Legal definition[^1]"
    );
    let agency = checklist.determination("agency_ads").unwrap();
    assert!(
        agency
            .definition
            .contains("making decisions[^3] concerning")
    );
    let prompt = &checklist
        .question("1a")
        .unwrap()
        .options
        .as_ref()
        .unwrap()
        .prompt;
    assert!(
        prompt.ends_with("any of the following[^2]:"),
        "{}",
        prompt.as_str()
    );
    // Footnote 3 keeps the form's "(1)(d)"; the correction is adscheck's note.
    let three = checklist.footnote("3").unwrap();
    assert!(three.text.contains("at (1)(d)."));
    assert!(three.editorial_note.as_ref().unwrap().contains("[sic"));
}

#[test]
fn every_block_says_where_its_words_come_from() {
    let text = std::fs::read_to_string(root().join("checklists/nyc-ll49-2018.yaml")).unwrap();
    // Dropping one `source:` is an error that names the block.
    let without = text.replacen(
        "    source: form\n    text: Is it an algorithm?",
        "    text: Is it an algorithm?",
        1,
    );
    assert_ne!(without, text);
    let errors =
        adscheck::Checklist::from_text("c.yaml", &without, adscheck::document::Format::Yaml)
            .unwrap_err();
    assert!(
        errors.0.iter().any(|e| e
            .message
            .contains("question `1a` does not say where its words come from")),
        "{errors:?}"
    );
}

fn explain(answers: &str) -> String {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_adscheck"))
        .args(["classify", "--explain", "--color", "never", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .and_then(|mut child| {
            use std::io::Write;
            child.stdin.take().unwrap().write_all(answers.as_bytes())?;
            child.wait_with_output()
        })
        .unwrap();
    String::from_utf8(output.stdout)
        .unwrap()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn explain_states_results_in_the_forms_words() {
    // A "no": the form's stop rule, quoted, names the result; never adscheck's paraphrase.
    let text = explain("answers: {1a: yes, 1b: no}\n");
    assert!(
        text.contains(
            "Stop rule of Question #1 (NYC ADS Task Force checklist): If any of the above \
             questions is answered \"no\", then the system or tool under review is not \
             considered an \"automated decision system (ADS)\" as defined by Local Law 49 \
             (2018)."
        ),
        "{text}"
    );
    // The exclusion adscheck reads with (1)(b) is shown where a (1)(b) no decides, with where
    // the form prints it and adscheck's note.
    assert!(
        text.contains("printed under (2)(b) on the form: Programs that solely perform"),
        "{text}"
    );
    assert!(
        text.contains("adscheck note: The form prints this exclusion under (2)(b)"),
        "{text}"
    );
    // Agency ADS rests on Question 1 by its question and value, never by a conclusion the
    // form does not state ("it is not an ADS"), and not "through ADS".
    assert!(
        text.contains("because Question #1 (ADS) is no: (1)(b) no"),
        "{text}"
    );
    assert!(!text.contains("through ADS"), "{text}");
    assert!(!text.contains("because it is not"), "{text}");
    // Agency ADS "no" after Question 1's stop rule: adscheck's inference, labelled as such.
    assert!(
        text.contains("adscheck note: the form asks Question #2 only once Question #1 is yes"),
        "{text}"
    );
    // The footnotes the definitions mark are shown, footnote 3 with its [sic].
    assert!(
        text.contains("[3] Refer to clarification on meaning of \"Decisions\""),
        "{text}"
    );
    assert!(
        text.contains("[sic; the guidance on decisions is at (1)(c)]"),
        "{text}"
    );
    // The one-line summary says when it rests on adscheck's reading of the form.
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_adscheck"))
        .args(["classify", "-f", "csv", "-"])
        .stdin(
            std::fs::File::open(root().join("examples/answers/budget-tracking-spreadsheet.yaml"))
                .unwrap(),
        )
        .output()
        .unwrap();
    let csv = String::from_utf8(output.stdout).unwrap();
    assert!(
        csv.contains("adscheck reads with (1)(b) an exclusion the form prints under (2)(b)"),
        "{csv}"
    );
    // A yes: the form's question, answered YES.
    let text = explain("answers: {1a: yes, 1b: yes, 1c: yes, 2a: yes, 2b: yes}\n");
    assert!(
        text.contains("Does the ADS constitute an \"Agency ADS\"? YES"),
        "{text}"
    );
}

#[test]
fn open_questions_come_first_in_what_would_change_it() {
    let text = explain("answers: {1a: yes, 1b: yes, 1c: unsure}\n");
    assert!(
        text.contains("adscheck note: would be yes if (1)(c) were yes; no if it were no."),
        "{text}"
    );
    assert!(
        text.contains(
            "A change to an answer already given would decide it too: (1)(a) no or (1)(b) no."
        ),
        "{text}"
    );
    assert!(
        !text
            .to_lowercase()
            .contains("would be no if (1)(a) were no"),
        "{text}"
    );
}

#[test]
fn question_2_decided_before_question_1_is_settled_says_so() {
    let text = explain("answers: {1a: unsure, 2a: no}\n");
    assert!(text.contains("Agency ADS: no"), "{text}");
    assert!(
        text.contains("adscheck note: Question #1 (ADS) is not settled yet. The form asks Question #2 only once it is"),
        "{text}"
    );
}

#[test]
fn explain_wraps_to_a_narrow_terminal_without_splitting_words() {
    let engine = crate::support::ll49();
    let text = std::fs::read_to_string("examples/answers/fire-inspection-risk-model.yaml").unwrap();
    let report = adscheck::Classification::classify(
        &engine,
        "fire.yaml",
        &text,
        adscheck::document::Format::Yaml,
    );
    let render = |width: Option<u16>| {
        let mut out = Vec::new();
        let options = adscheck::render::Options {
            color: false,
            width,
            csv_raw: false,
            wide: false,
        };
        adscheck::render::render_all(
            adscheck::render::Format::Explain,
            &engine,
            options,
            std::slice::from_ref(&report),
            &mut out,
        )
        .unwrap();
        String::from_utf8(out).unwrap()
    };
    let words = |s: &str| s.split_whitespace().map(str::to_owned).collect::<Vec<_>>();
    let page = render(None);
    // 40 is the narrowest width explanations wrap to; the report's file name ("fire.yaml"
    // here) is the only thing never broken.
    for width in [40u16, 60, 72] {
        let narrow = render(Some(width));
        let longest = narrow.lines().map(|l| l.chars().count()).max().unwrap();
        assert!(
            longest <= usize::from(width),
            "{width}: {longest}\n{narrow}"
        );
        // The same words in the same order: wrapping moved line breaks only.
        assert_eq!(words(&narrow), words(&page), "{width}");
    }
    // Off a terminal (no width) it is the page width, 88.
    assert!(page.lines().any(|l| l.chars().count() > 72));
    assert!(page.lines().all(|l| l.chars().count() <= 88));
}

#[test]
fn question_help_wraps_to_a_narrow_terminal_without_splitting_words() {
    let engine = crate::support::ll49();
    let checklist = engine.checklist();
    let words = |s: &str| s.split_whitespace().map(str::to_owned).collect::<Vec<_>>();
    for question in &checklist.questions {
        let page = adscheck::render::question_help(checklist, question);
        let narrow = adscheck::render::question_help_at(checklist, question, 60);
        let longest = narrow.lines().map(|l| l.chars().count()).max().unwrap();
        assert!(
            longest <= 60,
            "{}: {longest}\n{narrow}",
            question.id.as_str()
        );
        assert_eq!(words(&narrow), words(&page), "{}", question.id.as_str());
        assert!(page.lines().any(|l| l.chars().count() > 60));
    }
}

#[test]
fn the_table_fits_the_terminal_without_breaking_file_names() {
    let engine = crate::support::ll49();
    let mut reports = Vec::new();
    let mut names = Vec::new();
    for entry in std::fs::read_dir("examples/answers").unwrap() {
        let path = entry.unwrap().path();
        let name = path.display().to_string();
        let text = std::fs::read_to_string(&path).unwrap();
        let format = adscheck::document::Format::from_path(&path).unwrap();
        reports.push(adscheck::Classification::classify(
            &engine, &name, &text, format,
        ));
        names.push(name);
    }
    let render_wide = |width: Option<u16>, color: bool, wide: bool| {
        let mut out = Vec::new();
        let options = adscheck::render::Options {
            color,
            width,
            csv_raw: false,
            wide,
        };
        adscheck::render::render_all(
            adscheck::render::Format::Table,
            &engine,
            options,
            &reports,
            &mut out,
        )
        .unwrap();
        String::from_utf8(out).unwrap()
    };
    let widest = |s: &str| s.lines().map(|l| l.chars().count()).max().unwrap();
    // Issue 28: by default, the files (named within their folder), the determinations and
    // the short reasons: a table that fits 100 columns, every name whole.
    for width in [100u16, 160] {
        let shown = render_wide(Some(width), false, false);
        assert!(shown.starts_with('┌'), "{width}:\n{shown}");
        assert!(widest(&shown) <= usize::from(width), "{width}:\n{shown}");
        assert!(shown.contains("File (in examples/answers/)"), "{shown}");
        for name in &names {
            let name = name.strip_prefix("examples/answers/").unwrap();
            assert!(
                shown.contains(&format!("│ {name} ")),
                "{width}: {name}:\n{shown}"
            );
        }
        assert!(
            !shown.contains("Department of"),
            "the agency is --wide's:\n{shown}"
        );
    }
    // `--wide`: every column.
    let render_in = |width: Option<u16>, color: bool| render_wide(width, color, true);
    let render = |width: Option<u16>| render_in(width, false);
    // Off a terminal: the whole table, as wide as it needs.
    let natural = render(None);
    assert!(widest(&natural) > 160);
    for width in [60u16, 100, 160] {
        let shown = render(Some(width));
        assert!(widest(&shown) <= usize::from(width), "{width}:\n{shown}");
        for name in &names {
            assert!(
                shown.contains(name.as_str()),
                "{width}: {name} broken:\n{shown}"
            );
        }
        // Wide enough, a table whose prose wraps; narrower, one block per file.
        assert_eq!(shown.starts_with('┌'), width >= 160, "{width}:\n{shown}");
        // In colour: the same text, laid out the same, with each determination painted.
        let painted = render_in(Some(width), true);
        assert_eq!(strip_sgr(&painted), shown, "{width}");
        for (value, code) in [("yes", "2"), ("no", "1"), ("undetermined", "3")] {
            let block = format!("\u{1b}[1m\u{1b}[3{code}m{value}\u{1b}[0m");
            let cell = format!("\u{1b}[38;5;{code}m\u{1b}[1m {value} ");
            assert!(
                painted.contains(&block) || painted.contains(&cell),
                "{width}: {value} not painted:\n{painted:?}"
            );
        }
    }
    assert!(!render(None).contains('\u{1b}'));
}

/// `text` without its SGR (colour and weight) sequences.
fn strip_sgr(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(start) = rest.find("\u{1b}[") {
        out.push_str(&rest[..start]);
        let after = &rest[start + 2..];
        let end = after.find('m').expect("an SGR sequence ends with m");
        rest = &after[end + 1..];
    }
    out.push_str(rest);
    out
}

/// Regression (issue 23): with (2)(a) unsure and (2)(b) open, only "(2)(a) were no" was
/// offered, though (2)(b) "no" decides too: every open answer that decides is listed.
#[test]
fn would_be_hints_list_every_open_answer_that_decides() {
    let text = explain(
        "answers:\n  1a: {answer: yes, options: [data_processing]}\n  1b: yes\n  1c: {answer: \
         yes, options: [allocating_resources]}\n  2a: unsure\n",
    );
    assert!(text.contains("Would be no if (2)(a) were no."), "{text}");
    assert!(
        text.contains("Or decided by any one of: (2)(b) no."),
        "{text}"
    );
}
