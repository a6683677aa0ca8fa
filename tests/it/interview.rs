//! The interview's logic through a scripted prompter: every path through the checklist, back,
//! resume from every point, and a valid file on disk after every save.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use adscheck::document::Format;
use adscheck::interview::{
    Asking, Ending, Field, Interview, Prompter, Reply, ReportAsking, Target,
};
use adscheck::{AnswerFile, AnswerValue, Classification, Engine, Truth};

use crate::support::ll49;

fn fixed_clock() -> String {
    "2026-11-23T12:00:00Z".to_owned()
}

/// What a respondent would answer: metadata, and per question an answer, options, note.
#[derive(Clone, Default)]
struct Oracle {
    fields: BTreeMap<&'static str, &'static str>,
    /// The Local Law 35 report's fields, by key (what the prompter would have made of a reply).
    report: BTreeMap<&'static str, serde_json::Value>,
    answers: BTreeMap<&'static str, (AnswerValue, Vec<&'static str>, &'static str)>,
}

fn oracle(answers: &[(&'static str, AnswerValue, &[&'static str], &'static str)]) -> Oracle {
    let mut o = Oracle::default();
    o.fields.insert("name", "Fire risk model");
    o.fields.insert("agency", "Fire Department");
    o.fields
        .insert("description", "Ranks buildings for inspection");
    o.fields.insert("contact", "");
    o.fields.insert("answered_by", "Pat Lee, data governance");
    for (q, a, options, note) in answers {
        o.answers.insert(q, (*a, options.to_vec(), note));
    }
    o
}

use AnswerValue::{No, Unsure, Yes};

/// A prompter that answers from an oracle, can be told to go back or stop at given prompts,
/// and records every prompt it saw (with the default it was offered).
struct Scripted<'o> {
    oracle: &'o Oracle,
    engine: &'o Engine,
    /// Prompt number (0-based) -> what to do instead of answering.
    overrides: BTreeMap<usize, Reply<()>>,
    /// Every prompt: e.g. "field name", "answer 1a (default: yes)", "options 1a", "note 1a".
    seen: Vec<String>,
    /// Every save's path; the file is parsed on each save.
    saves: usize,
}

impl<'o> Scripted<'o> {
    fn new(engine: &'o Engine, oracle: &'o Oracle) -> Self {
        Scripted {
            oracle,
            engine,
            overrides: BTreeMap::new(),
            seen: Vec::new(),
            saves: 0,
        }
    }

    fn with(mut self, at: usize, reply: Reply<()>) -> Self {
        self.overrides.insert(at, reply);
        self
    }

    /// Record the prompt and say whether an override applies.
    fn prompt(&mut self, what: String) -> Option<Reply<()>> {
        let n = self.seen.len();
        self.seen.push(what);
        self.overrides.get(&n).cloned()
    }
}

fn overridden<T>(r: Reply<()>) -> Reply<T> {
    match r {
        Reply::Back => Reply::Back,
        Reply::Quit => Reply::Quit,
        Reply::Value(()) => unreachable!("overrides are Back or Quit"),
    }
}

impl Prompter for Scripted<'_> {
    fn field(&mut self, field: &Field, current: Option<&str>) -> std::io::Result<Reply<String>> {
        if let Some(r) = self.prompt(format!("field {} (default: {current:?})", field.key)) {
            return Ok(overridden(r));
        }
        Ok(Reply::Value(self.oracle.fields[field.key].to_owned()))
    }

    fn answer(
        &mut self,
        asking: &Asking<'_>,
        current: Option<AnswerValue>,
    ) -> std::io::Result<Reply<AnswerValue>> {
        let id = asking.question.id.as_str();
        let default = current.map_or("none", |a| a.as_str());
        if let Some(r) = self.prompt(format!("answer {id} (default: {default})")) {
            return Ok(overridden(r));
        }
        let (value, _, _) = self
            .oracle
            .answers
            .get(id)
            .unwrap_or_else(|| panic!("{id} was asked"));
        Ok(Reply::Value(*value))
    }

    fn options(
        &mut self,
        asking: &Asking<'_>,
        current: &[String],
    ) -> std::io::Result<Reply<Vec<String>>> {
        let id = asking.question.id.as_str();
        if let Some(r) = self.prompt(format!("options {id} (default: {current:?})")) {
            return Ok(overridden(r));
        }
        let (_, options, _) = &self.oracle.answers[id];
        Ok(Reply::Value(
            options.iter().map(|s| (*s).to_owned()).collect(),
        ))
    }

    fn note(
        &mut self,
        asking: &Asking<'_>,
        current: Option<&str>,
    ) -> std::io::Result<Reply<String>> {
        let id = asking.question.id.as_str();
        if let Some(r) = self.prompt(format!("note {id} (default: {current:?})")) {
            return Ok(overridden(r));
        }
        Ok(Reply::Value(self.oracle.answers[id].2.to_owned()))
    }

    fn report(
        &mut self,
        asking: &ReportAsking,
        current: Option<&serde_json::Value>,
    ) -> std::io::Result<Reply<serde_json::Value>> {
        let key = asking.key;
        let shown = current.map_or_else(|| "none".to_owned(), ReportAsking::shown);
        let required = if asking.required { ", required" } else { "" };
        if let Some(r) = self.prompt(format!("report {key} (default: {shown}{required})")) {
            return Ok(overridden(r));
        }
        // Kept as it is unless the oracle says otherwise (Enter keeps a value).
        Ok(Reply::Value(match self.oracle.report.get(key) {
            Some(value) => value.clone(),
            None => current.cloned().unwrap_or(serde_json::Value::Null),
        }))
    }

    fn saved(&mut self, path: &Path) {
        // The file on disk is a valid answer file after every save.
        let text = std::fs::read_to_string(path).unwrap();
        let parsed = AnswerFile::parse("saved.yaml", &text, Format::Yaml, self.engine.checklist());
        assert!(
            parsed.is_ok(),
            "invalid file after save {}:\n{text}\n{parsed:?}",
            self.saves
        );
        self.saves += 1;
    }
}

fn read(engine: &Engine, path: &Path) -> AnswerFile {
    let text = std::fs::read_to_string(path).unwrap();
    AnswerFile::parse("f.yaml", &text, Format::Yaml, engine.checklist()).unwrap()
}

fn determinations(engine: &Engine, path: &Path) -> Vec<Truth> {
    Classification::evaluate(engine, read(engine, path))
        .outcome
        .unwrap()
        .determinations
}

fn new_target(dir: &Path) -> (Target, PathBuf) {
    let path = dir.join("answers.yaml");
    (
        Target::New {
            path: path.clone(),
            replace: false,
        },
        path,
    )
}

/// Run an interview to its end with `oracle`; the prompts seen and the saved file.
fn interview(engine: &Engine, oracle: &Oracle) -> (Vec<String>, String, Vec<Truth>) {
    let dir = tempfile::tempdir().unwrap();
    let (target, path) = new_target(dir.path());
    let mut prompter = Scripted::new(engine, oracle);
    let ending = Interview::new(engine, target)
        .with_clock(fixed_clock)
        .run(&mut prompter)
        .unwrap();
    assert_eq!(ending, Ending::Finished);
    let text = std::fs::read_to_string(&path).unwrap();
    (prompter.seen, text, determinations(engine, &path))
}

fn asked_questions(seen: &[String]) -> Vec<String> {
    seen.iter()
        .filter_map(|s| s.strip_prefix("answer "))
        .map(|s| s.split(' ').next().unwrap().to_owned())
        .collect()
}

#[test]
fn agency_ads_path_asks_everything_once() {
    let engine = ll49();
    let o = oracle(&[
        ("1a", Yes, &["machine_learning"], "trained on incidents"),
        ("1b", Yes, &[], ""),
        ("1c", Yes, &["public_safety"], ""),
        ("2a", Yes, &[], ""),
        ("2b", Yes, &["subject_to_program"], "inspections"),
    ]);
    let (seen, text, result) = interview(&engine, &o);
    assert_eq!(result, [Truth::Yes, Truth::Yes]);
    assert_eq!(asked_questions(&seen), ["1a", "1b", "1c", "2a", "2b"]);
    assert_eq!(
        seen.len(),
        4 + 5 * 2 + 3 + 1,
        "4 fields, 5 answers + notes, 3 option lists, who answered"
    );
    assert_eq!(seen.last().unwrap(), "field answered_by (default: None)");
    assert!(
        text.contains(
            "stamps:\n  - event: answered\n    checklist: \"nyc-ll49-2018\"\n    version: \"1.2.0\"\n    sha256: \""
        ),
        "{text}"
    );
    assert!(
        text.contains("    at: \"2026-11-23T12:00:00Z\"\n    by: \"Pat Lee, data governance\"\n"),
        "{text}"
    );
    assert!(text.contains("    options: [machine_learning]\n    note: \"trained on incidents\""));
    assert!(
        !text.contains("contact"),
        "an empty optional field is not written"
    );
}

#[test]
fn each_stop_rule_ends_the_interview() {
    let engine = ll49();
    type Case<'a> = (&'a [(&'a str, AnswerValue)], &'a [&'a str], [Truth; 2]);
    let cases: [Case; 5] = [
        (&[("1a", No)], &["1a"], [Truth::No, Truth::No]),
        (
            &[("1a", Yes), ("1b", No)],
            &["1a", "1b"],
            [Truth::No, Truth::No],
        ),
        (
            &[("1a", Yes), ("1b", Yes), ("1c", No)],
            &["1a", "1b", "1c"],
            [Truth::No, Truth::No],
        ),
        (
            &[("1a", Yes), ("1b", Yes), ("1c", Yes), ("2a", No)],
            &["1a", "1b", "1c", "2a"],
            [Truth::Yes, Truth::No],
        ),
        (
            &[
                ("1a", Yes),
                ("1b", Yes),
                ("1c", Yes),
                ("2a", Yes),
                ("2b", No),
            ],
            &["1a", "1b", "1c", "2a", "2b"],
            [Truth::Yes, Truth::No],
        ),
    ];
    for (answers, expected_asked, expected) in cases {
        let mut all: Vec<(&'static str, AnswerValue, &[&'static str], &'static str)> = Vec::new();
        for q in ["1a", "1b", "1c", "2a", "2b"] {
            // Questions after the stop would be answered yes if asked: they must not be.
            let value = answers
                .iter()
                .find(|(id, _)| *id == q)
                .map_or(Yes, |(_, v)| *v);
            all.push((q, value, &[], ""));
        }
        let (seen, text, result) = interview(&engine, &oracle(&all));
        assert_eq!(asked_questions(&seen), expected_asked, "{answers:?}");
        assert_eq!(result, expected);
        assert!(!text.contains("not_needed"));
    }
}

#[test]
fn unsure_keeps_going_and_ends_undetermined() {
    let engine = ll49();
    let o = oracle(&[
        ("1a", Yes, &[], ""),
        ("1b", Unsure, &[], "asking IT"),
        ("1c", Yes, &[], ""),
        ("2a", Yes, &[], ""),
        ("2b", Unsure, &[], ""),
    ]);
    let (seen, text, result) = interview(&engine, &o);
    assert_eq!(asked_questions(&seen), ["1a", "1b", "1c", "2a", "2b"]);
    assert_eq!(result, [Truth::Unknown, Truth::Unknown]);
    assert!(text.contains("  1b:\n    answer: unsure\n    note: \"asking IT\""));
    // A no after an unsure still stops the Agency ADS question.
    let o = oracle(&[
        ("1a", Unsure, &[], ""),
        ("1b", Yes, &[], ""),
        ("1c", Yes, &[], ""),
        ("2a", No, &[], ""),
    ]);
    let (seen, _, result) = interview(&engine, &o);
    assert_eq!(asked_questions(&seen), ["1a", "1b", "1c", "2a"]);
    assert_eq!(result, [Truth::Unknown, Truth::No]);
}

#[test]
fn back_changes_an_earlier_answer_and_keeps_later_ones_marked_not_needed() {
    let engine = ll49();
    let dir = tempfile::tempdir().unwrap();
    let (target, path) = new_target(dir.path());
    let first = oracle(&[
        ("1a", Yes, &["other"], ""),
        ("1b", Yes, &[], ""),
        ("1c", Yes, &[], ""),
        ("2a", Yes, &[], ""),
        ("2b", Yes, &[], ""),
    ]);
    // Prompts: 4 fields (0-3), 1a answer (4), 1a options (5), 1a note (6), 1b answer (7),
    // 1b note (8), 1c answer (9), 1c options (10), 1c note (11), 2a answer (12): go back.
    let mut prompter = Scripted::new(&engine, &first).with(12, Reply::Back);
    let mut session = Interview::new(&engine, target).with_clock(fixed_clock);
    // After going back to 1c, stop: then resume with 1a changed to no.
    prompter.overrides.insert(13, Reply::Back); // back again at 1c's answer -> 1b
    prompter.overrides.insert(14, Reply::Back); // -> 1a
    prompter.overrides.insert(15, Reply::Quit); // stop at 1a
    assert_eq!(session.run(&mut prompter).unwrap(), Ending::Quit);
    assert_eq!(
        prompter.seen[13], "answer 1c (default: yes)",
        "back offers the earlier answer"
    );
    assert_eq!(prompter.seen[15], "answer 1a (default: yes)");

    let mut second = first.clone();
    second
        .answers
        .insert("1a", (No, vec![], "not an algorithm after all"));
    let file = read(&engine, &path);
    let mut session = Interview::resume(&engine, path.clone(), file).with_clock(fixed_clock);
    let mut prompter = Scripted::new(&engine, &second);
    // Resume starts at the first unanswered question (2a); go back to 1c, 1b, 1a and change it.
    for i in 0..3 {
        prompter.overrides.insert(i, Reply::Back);
    }
    assert_eq!(session.run(&mut prompter).unwrap(), Ending::Finished);
    assert_eq!(
        prompter.seen[..4],
        [
            "answer 2a (default: none)",
            "answer 1c (default: yes)",
            "answer 1b (default: yes)",
            "answer 1a (default: yes)"
        ]
    );
    assert_eq!(
        prompter.seen.len(),
        6,
        "after 1a = no only its note, then who answered: {:?}",
        prompter.seen
    );
    let text = std::fs::read_to_string(&path).unwrap();
    assert_eq!(determinations(&engine, &path), [Truth::No, Truth::No]);
    // 1b and 1c are kept, marked not needed; classify does not warn about them.
    assert!(
        text.contains("  1b:\n    answer: yes\n    not_needed: true"),
        "{text}"
    );
    assert!(
        text.contains("  1c:\n    answer: yes\n    not_needed: true"),
        "{text}"
    );
    let report = Classification::evaluate(&engine, read(&engine, &path));
    let warnings = report.outcome.unwrap().warnings;
    assert!(
        warnings
            .iter()
            .all(|w| w.kind != adscheck::Kind::AnswerNotNeeded),
        "{warnings:#?}"
    );
}

#[test]
fn back_from_the_checkboxes_asks_the_answer_again() {
    let engine = ll49();
    let o = oracle(&[("1a", No, &[], "")]);
    let dir = tempfile::tempdir().unwrap();
    let (target, path) = new_target(dir.path());
    let mut yes_first = o.clone();
    yes_first.answers.insert("1a", (Yes, vec!["other"], ""));
    // 1a answered yes (prompt 4), back at the options (5): 1a is asked again, answered no.
    let mut prompter = Scripted::new(&engine, &yes_first).with(5, Reply::Back);
    let mut session = Interview::new(&engine, target).with_clock(fixed_clock);
    prompter.overrides.insert(6, Reply::Quit);
    assert_eq!(session.run(&mut prompter).unwrap(), Ending::Quit);
    assert_eq!(prompter.seen[4], "answer 1a (default: none)");
    assert_eq!(prompter.seen[5], "options 1a (default: [])");
    assert_eq!(
        prompter.seen[6], "answer 1a (default: none)",
        "the answer is asked again"
    );
    let mut session =
        Interview::resume(&engine, path.clone(), read(&engine, &path)).with_clock(fixed_clock);
    let mut prompter = Scripted::new(&engine, &o);
    assert_eq!(session.run(&mut prompter).unwrap(), Ending::Finished);
    assert_eq!(determinations(&engine, &path), [Truth::No, Truth::No]);
}

#[test]
fn back_at_the_first_question_returns_to_the_metadata() {
    let engine = ll49();
    let o = oracle(&[("1a", No, &[], "")]);
    let dir = tempfile::tempdir().unwrap();
    let (target, _) = new_target(dir.path());
    let mut prompter = Scripted::new(&engine, &o).with(4, Reply::Back);
    Interview::new(&engine, target)
        .with_clock(fixed_clock)
        .run(&mut prompter)
        .unwrap();
    assert_eq!(prompter.seen[5], "field contact (default: None)");
    assert_eq!(prompter.seen[6], "answer 1a (default: none)");
}

#[test]
fn resume_from_every_point_gives_the_uninterrupted_result() {
    let engine = ll49();
    let o = oracle(&[
        ("1a", Yes, &["machine_learning", "data_processing"], "model"),
        ("1b", Yes, &[], "servers"),
        ("1c", Yes, &["allocating_resources"], ""),
        ("2a", Yes, &[], ""),
        ("2b", Unsure, &[], "counsel reviewing"),
    ]);
    let (seen, uninterrupted, result) = interview(&engine, &o);
    for (stop_at, stopped_prompt) in seen.iter().enumerate() {
        let dir = tempfile::tempdir().unwrap();
        let (target, path) = new_target(dir.path());
        let mut prompter = Scripted::new(&engine, &o).with(stop_at, Reply::Quit);
        let mut session = Interview::new(&engine, target).with_clock(fixed_clock);
        assert_eq!(session.run(&mut prompter).unwrap(), Ending::Quit);
        if !path.exists() {
            // Stopped before the tool had a name: nothing to resume; a new run starts over.
            assert_eq!(
                stop_at, 0,
                "only the first prompt comes before the first save"
            );
            continue;
        }
        let before = read(&engine, &path);
        let mut session =
            Interview::resume(&engine, path.clone(), before.clone()).with_clock(fixed_clock);
        let mut resumed = Scripted::new(&engine, &o);
        assert_eq!(
            session.run(&mut resumed).unwrap(),
            Ending::Finished,
            "stop at {stop_at}"
        );
        // Nothing answered before the stop is asked again.
        for (q, answer) in engine.checklist().questions.iter().zip(&before.answers) {
            if answer.is_some() {
                let again = format!("answer {} ", q.id.as_str());
                assert!(
                    !resumed.seen.iter().any(|s| s.starts_with(&again)),
                    "{again} re-asked after stop at {stop_at}"
                );
            }
        }
        assert_eq!(determinations(&engine, &path), result, "stop at {stop_at}");
        let text = std::fs::read_to_string(&path).unwrap();
        if stopped_prompt.starts_with("note ") || stopped_prompt.starts_with("options ") {
            // Stopped at a note: the answer was saved, the note was not given. Stopped at the
            // checkboxes: the yes just chosen was saved, the boxes and note were not given.
            let q = stopped_prompt.split(' ').nth(1).unwrap();
            let at_options = stopped_prompt.starts_with("options ");
            let after = read(&engine, &path);
            let full =
                AnswerFile::parse("u", &uninterrupted, Format::Yaml, engine.checklist()).unwrap();
            for (i, question) in engine.checklist().questions.iter().enumerate() {
                let (a, b) = (
                    after.answers[i].as_ref().unwrap(),
                    full.answers[i].as_ref().unwrap(),
                );
                assert_eq!(a.value, b.value);
                if question.id.as_str() != q {
                    assert_eq!((&a.options, &a.note), (&b.options, &b.note));
                } else if at_options {
                    assert_eq!((a.options.len(), &a.note), (0, &None), "stop at {stop_at}");
                } else {
                    assert_eq!(a.options, b.options);
                }
            }
        } else {
            assert_eq!(text, uninterrupted, "stop at {stop_at} ({stopped_prompt})");
        }
    }
}

#[test]
fn an_existing_file_is_never_overwritten_without_force() {
    let engine = ll49();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("answers.yaml");
    std::fs::write(&path, "precious").unwrap();
    let o = oracle(&[("1a", No, &[], "")]);
    let mut prompter = Scripted::new(&engine, &o);
    let target = Target::New {
        path: path.clone(),
        replace: false,
    };
    let e = Interview::new(&engine, target)
        .with_clock(fixed_clock)
        .run(&mut prompter)
        .unwrap_err();
    assert!(e.to_string().contains("answers.yaml"), "{e}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "precious");
    let target = Target::New {
        path: path.clone(),
        replace: true,
    };
    let mut prompter = Scripted::new(&engine, &o);
    Interview::new(&engine, target)
        .with_clock(fixed_clock)
        .run(&mut prompter)
        .unwrap();
    assert_eq!(determinations(&engine, &path), [Truth::No, Truth::No]);
}

#[test]
fn a_file_named_after_the_tool_never_replaces_another() {
    let engine = ll49();
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("fire-risk-model.yaml"), "precious").unwrap();
    let o = oracle(&[("1a", No, &[], "")]);
    let mut prompter = Scripted::new(&engine, &o);
    let mut session = Interview::new(&engine, Target::NamedAfterTool(dir.path().to_path_buf()))
        .with_clock(fixed_clock);
    session.run(&mut prompter).unwrap();
    assert_eq!(
        session.path().unwrap(),
        dir.path().join("fire-risk-model-2.yaml")
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("fire-risk-model.yaml")).unwrap(),
        "precious"
    );
}

#[test]
fn resuming_never_rewrites_the_history() {
    let engine = ll49();
    let o = oracle(&[("1a", No, &[], "")]);
    let dir = tempfile::tempdir().unwrap();
    let (target, path) = new_target(dir.path());
    let mut prompter = Scripted::new(&engine, &o);
    let ending = Interview::new(&engine, target)
        .with_clock(fixed_clock)
        .run(&mut prompter)
        .unwrap();
    assert_eq!(ending, Ending::Finished);
    let finished = std::fs::read_to_string(&path).unwrap();

    // Resumed under the same checklist with nothing changed: nothing asked, nothing written.
    let mut session = Interview::resume(&engine, path.clone(), read(&engine, &path));
    assert_eq!(session.version_note(), None);
    let mut prompter = Scripted::new(&engine, &o);
    assert_eq!(session.run(&mut prompter).unwrap(), Ending::Finished);
    assert!(prompter.seen.is_empty(), "{:?}", prompter.seen);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), finished);

    // Stopped under version 1.2.0, taken up under 2.0.0: the session adds an entry of its own,
    // the first stays as it was.
    let (target, path) = (
        Target::New {
            path: dir.path().join("stopped.yaml"),
            replace: false,
        },
        dir.path().join("stopped.yaml"),
    );
    let mut prompter = Scripted::new(&engine, &o).with(4, Reply::Quit);
    let ending = Interview::new(&engine, target)
        .with_clock(fixed_clock)
        .run(&mut prompter)
        .unwrap();
    assert_eq!(ending, Ending::Quit);
    let text =
        std::fs::read_to_string(crate::support::root().join("checklists/nyc-ll49-2018.yaml"))
            .unwrap()
            .replace(&crate::support::builtin_version_line(), "version: 2.0.0");
    let v2 = adscheck::Engine::new(
        adscheck::Checklist::from_text("v2.yaml", &text, Format::Yaml).unwrap(),
        "v2.yaml",
    )
    .unwrap();
    let mut session = Interview::resume(&v2, path.clone(), read(&v2, &path))
        .with_clock(|| "2026-12-01T09:00:00Z".to_owned());
    let note = session.version_note().unwrap();
    assert!(
        note.contains("version 1.2.0") && note.contains("version 2.0.0"),
        "{note}"
    );
    let mut prompter = Scripted::new(&v2, &o);
    assert_eq!(session.run(&mut prompter).unwrap(), Ending::Finished);
    let file = read(&v2, &path);
    let history: Vec<(&str, &str, &str, &str)> = file
        .stamps
        .iter()
        .map(|s| {
            (
                s.event.as_str(),
                s.version.as_str(),
                s.at.as_str(),
                s.by.as_deref().unwrap_or(""),
            )
        })
        .collect();
    assert_eq!(
        history,
        [
            ("answered", "1.2.0", "2026-11-23T12:00:00Z", ""),
            (
                "resumed",
                "2.0.0",
                "2026-12-01T09:00:00Z",
                "Pat Lee, data governance"
            ),
        ]
    );
}

/// Issue 25: the Local Law 35 report's fields, after the checklist, for a tool in the reporting
/// scope of the settings.
mod report {
    use super::*;
    use adscheck::interview::ReportFields;
    use adscheck::settings::Ll35;
    use adscheck::tool::Edition;
    use serde_json::json;

    /// An Agency ADS, and what its owner knows of it for the report.
    fn owner() -> Oracle {
        let mut o = oracle(&[
            ("1a", Yes, &[], ""),
            ("1b", Yes, &[], ""),
            ("1c", Yes, &[], ""),
            ("2a", Yes, &[], ""),
            ("2b", Yes, &[], ""),
        ]);
        for (key, value) in [
            ("purpose", json!("Ranks buildings by fire risk")),
            ("data_input", json!("Inspection records, from FDNY")),
            ("data_output", json!("A ranked list for inspectors")),
            ("vendor_involved", json!(true)),
            ("vendor_name", json!("Acme Analytics")),
            ("date_use", json!("2019/04")),
            ("computation_type", json!(["Scoring"])),
            ("population_type", json!(["Individuals"])),
            ("updated", json!("No")),
        ] {
            o.report.insert(key, value);
        }
        o
    }

    fn fields(always: bool) -> ReportFields {
        ReportFields {
            settings: Ll35::defaults(Edition::E2024),
            always,
        }
    }

    /// The report's prompts seen, in order.
    fn report_prompts(seen: &[String]) -> Vec<&str> {
        seen.iter()
            .filter_map(|s| s.strip_prefix("report "))
            .collect()
    }

    fn run(oracle: &Oracle, report: ReportFields) -> (Vec<String>, PathBuf, tempfile::TempDir) {
        let engine = ll49();
        let dir = tempfile::tempdir().unwrap();
        let (target, path) = new_target(dir.path());
        let mut prompter = Scripted::new(&engine, oracle);
        let ending = Interview::new(&engine, target)
            .with_clock(fixed_clock)
            .with_report(report)
            .run(&mut prompter)
            .unwrap();
        assert_eq!(ending, Ending::Finished);
        (prompter.seen, path, dir)
    }

    /// The Local Law 35 problems `check` finds in the file at `path`.
    fn ll35_problems(path: &Path) -> Vec<String> {
        let engine = ll49();
        let file = read(&engine, path);
        let report = Classification::evaluate(&engine, file.clone());
        let outcome = report.outcome.unwrap();
        let determinations: Vec<(String, Truth)> = engine
            .checklist()
            .determinations
            .iter()
            .map(|d| d.id.value.clone())
            .zip(outcome.determinations)
            .collect();
        adscheck::check::ll35::check(
            &Ll35::defaults(Edition::E2024),
            "f.yaml",
            &file.tool,
            file.tool_position,
            &file.tool_keys,
            &determinations,
            (2026, 11),
        )
        .into_iter()
        .map(|d| d.message)
        .collect()
    }

    #[test]
    fn a_tool_in_scope_is_asked_the_law_s_items_in_order_and_passes_check() {
        let (seen, path, _dir) = run(&owner(), fields(false));
        assert_eq!(
            report_prompts(&seen),
            [
                "purpose (default: none, required)",
                "data_training (default: none)",
                "data_input (default: none, required)",
                "data_output (default: none, required)",
                "vendor_involved (default: none, required)",
                "vendor_name (default: none, required)",
                "vendor_desc (default: none)",
                "date_use (default: none, required)",
                "department (default: none)",
                "identifying_info (default: none)",
                "computation_type (default: none)",
                "purpose_type (default: none)",
                "population_type (default: none)",
                // Asked because the population is "Individuals"; "Other" was not chosen.
                "population_type_individual (default: none)",
                "updated (default: none)",
            ]
        );
        // The report after the checklist, the respondent last.
        let last_answer = seen.iter().rposition(|s| s.starts_with("note ")).unwrap();
        let first_report = seen.iter().position(|s| s.starts_with("report ")).unwrap();
        assert!(last_answer < first_report, "{seen:?}");
        assert!(
            seen.last().unwrap().starts_with("field answered_by"),
            "{seen:?}"
        );
        assert_eq!(ll35_problems(&path), Vec::<String>::new());
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(
            text.contains("  vendor_name: \"Acme Analytics\"\n"),
            "{text}"
        );
        assert!(
            text.contains("  computation_type: [\"Scoring\"]\n"),
            "{text}"
        );
        // The vendor question is no field of its own.
        assert!(!text.contains("vendor_involved"), "{text}");
    }

    #[test]
    fn no_vendor_writes_the_table_s_word_for_none_and_skips_the_vendor_s_fields() {
        let mut o = owner();
        o.report.insert("vendor_involved", json!(false));
        let (seen, path, _dir) = run(&o, fields(false));
        let prompts = report_prompts(&seen);
        assert!(
            !prompts.iter().any(|p| p.starts_with("vendor_name")),
            "{prompts:?}"
        );
        assert!(
            !prompts.iter().any(|p| p.starts_with("vendor_desc")),
            "{prompts:?}"
        );
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains("  vendor_name: \"None\"\n"), "{text}");
        assert_eq!(ll35_problems(&path), Vec::<String>::new());
    }

    #[test]
    fn training_data_given_makes_input_data_optional() {
        let mut o = owner();
        o.report
            .insert("data_training", json!("Ten years of fires"));
        o.report.insert("data_input", serde_json::Value::Null);
        let (seen, path, _dir) = run(&o, fields(false));
        assert!(
            report_prompts(&seen).contains(&"data_input (default: none)"),
            "{seen:?}"
        );
        assert_eq!(ll35_problems(&path), Vec::<String>::new());
    }

    #[test]
    fn a_tool_outside_the_scope_is_not_asked_unless_asked_for() {
        let mut o = owner();
        o.answers.insert("2b", (No, vec![], ""));
        let (seen, _, _dir) = run(&o, fields(false));
        assert!(report_prompts(&seen).is_empty(), "{seen:?}");
        // --ll35 asks them of every tool.
        let (seen, path, _dir) = run(&o, fields(true));
        assert_eq!(report_prompts(&seen).len(), 15, "{seen:?}");
        assert!(std::fs::read_to_string(path).unwrap().contains("purpose:"));
    }

    #[test]
    fn back_from_the_first_report_field_returns_to_the_last_question() {
        let engine = ll49();
        let o = owner();
        let dir = tempfile::tempdir().unwrap();
        let (target, _) = new_target(dir.path());
        // Where the report's first prompt comes, from a run straight through.
        let mut probe = Scripted::new(&engine, &o);
        Interview::new(&engine, target.clone())
            .with_clock(fixed_clock)
            .with_report(fields(false))
            .run(&mut probe)
            .unwrap();
        let first_report = probe
            .seen
            .iter()
            .position(|s| s.starts_with("report "))
            .unwrap();
        std::fs::remove_file(dir.path().join("answers.yaml")).unwrap();
        let mut prompter = Scripted::new(&engine, &o).with(first_report, Reply::Back);
        Interview::new(&engine, target)
            .with_clock(fixed_clock)
            .with_report(fields(false))
            .run(&mut prompter)
            .unwrap();
        // Back at the last question, its answer offered again; then on to the report.
        assert_eq!(
            prompter.seen[first_report + 1..first_report + 5],
            [
                "answer 2b (default: yes)",
                "options 2b (default: [])",
                "note 2b (default: None)",
                "report purpose (default: none, required)"
            ],
            "{:?}",
            prompter.seen
        );
    }

    #[test]
    fn resume_offers_every_value_for_review_and_enter_keeps_them() {
        let engine = ll49();
        let (_, path, _dir) = run(&owner(), fields(false));
        let before = std::fs::read_to_string(&path).unwrap();
        // Nothing new to say: every value is kept as it is offered.
        let mut keep = oracle(&[]);
        keep.answers = owner().answers;
        let mut prompter = Scripted::new(&engine, &keep);
        let ending = Interview::resume(&engine, path.clone(), read(&engine, &path))
            .with_clock(fixed_clock)
            .with_report(fields(false))
            .run(&mut prompter)
            .unwrap();
        assert_eq!(ending, Ending::Finished);
        let prompts = report_prompts(&prompter.seen);
        assert!(
            prompts.contains(&"purpose (default: Ranks buildings by fire risk, required)"),
            "{prompts:?}"
        );
        assert!(
            prompts.contains(&"vendor_involved (default: Yes, required)"),
            "{prompts:?}"
        );
        assert!(
            prompts.contains(&"date_use (default: 2019/04, required)"),
            "{prompts:?}"
        );
        assert!(
            !prompter
                .seen
                .iter()
                .any(|s| s.starts_with("field answered_by")),
            "nothing changed, so no one is asked to sign: {:?}",
            prompter.seen
        );
        assert_eq!(std::fs::read_to_string(&path).unwrap(), before);
    }
}
