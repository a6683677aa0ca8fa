//! Property tests: hostile documents never panic the readers, and the engine's results do not
//! depend on the order of answers or files and only sharpen as `unsure` answers are resolved.

use adscheck::document::Format;
use adscheck::{AnswerFile, Checklist, Classification, Engine, Truth};
use proptest::prelude::*;

use crate::support::ll49;

fn engine() -> &'static Engine {
    static ENGINE: std::sync::OnceLock<Engine> = std::sync::OnceLock::new();
    ENGINE.get_or_init(ll49)
}

/// Read `text` every way adscheck reads documents; nothing may panic.
fn read_everything(text: &str) {
    for format in [Format::Yaml, Format::Json] {
        let report = Classification::classify(engine(), "p", text, format);
        let _ = adscheck::render::report_json(engine(), &report);
        if let Ok(checklist) = Checklist::from_text("p", text, format) {
            let _ = Engine::new(checklist, "p");
        }
    }
}

/// A YAML-ish tree: scalars that matter to adscheck, mappings with its keys, lists.
#[derive(Clone, Debug)]
enum Doc {
    Scalar(String),
    Map(Vec<(String, Doc)>),
    List(Vec<Doc>),
}

fn scalar() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(vec![
            "yes",
            "no",
            "unsure",
            "Yes",
            "off",
            "n",
            "true",
            "~",
            "null",
            "1",
            "-0",
            "0x1f",
            ".inf",
            "1a",
            "2b",
            "machine_learning",
            "'quoted'",
            "\"dq\"",
            "&a x",
            "*a",
            "!tag x",
            "|",
            ">",
            "- ",
            "? ",
            "# c",
            "{",
            "[",
            "%",
            "@",
            "`",
        ])
        .prop_map(str::to_owned),
        "[ -~]{0,12}",
        "\\PC{0,6}",
    ]
}

fn key() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(vec![
            "checklist",
            "tool",
            "answers",
            "declared",
            "answer",
            "note",
            "options",
            "not_needed",
            "1a",
            "1b",
            "1c",
            "2a",
            "2b",
            "name",
            "agency",
            "ads",
            "agency_ads",
            "id",
            "questions",
            "determinations",
            "rule",
            "all_of",
            "any_of",
            "not",
            "question",
            "determination",
            "title",
            "version",
            "source",
            "text",
            "number",
            "label",
            "term",
            "definition",
            "citation",
            "choices",
            "prompt",
        ])
        .prop_map(str::to_owned),
        "[a-z0-9_]{1,6}",
    ]
}

fn doc() -> impl Strategy<Value = Doc> {
    scalar()
        .prop_map(Doc::Scalar)
        .prop_recursive(5, 64, 6, |inner| {
            prop_oneof![
                prop::collection::vec((key(), inner.clone()), 0..6).prop_map(Doc::Map),
                prop::collection::vec(inner, 0..5).prop_map(Doc::List),
            ]
        })
}

/// Block-style YAML with plain scalars, so that the YAML reading of each word is exercised.
fn emit(doc: &Doc, indent: usize, out: &mut String) {
    let pad = " ".repeat(indent);
    match doc {
        Doc::Scalar(s) => {
            out.push(' ');
            out.push_str(s);
            out.push('\n');
        }
        Doc::Map(entries) if entries.is_empty() => out.push_str(" {}\n"),
        Doc::List(items) if items.is_empty() => out.push_str(" []\n"),
        Doc::Map(entries) => {
            out.push('\n');
            for (k, v) in entries {
                out.push_str(&format!("{pad}{k}:"));
                emit(v, indent + 2, out);
            }
        }
        Doc::List(items) => {
            out.push('\n');
            for item in items {
                out.push_str(&format!("{pad}-"));
                emit(item, indent + 2, out);
            }
        }
    }
}

fn to_json(doc: &Doc) -> serde_json::Value {
    match doc {
        Doc::Scalar(s) => serde_json::Value::String(s.clone()),
        Doc::Map(entries) => serde_json::Value::Object(
            entries
                .iter()
                .map(|(k, v)| (k.clone(), to_json(v)))
                .collect(),
        ),
        Doc::List(items) => serde_json::Value::Array(items.iter().map(to_json).collect()),
    }
}

/// An answer per question: yes, no, unsure, or none.
fn answers() -> impl Strategy<Value = Vec<Option<&'static str>>> {
    prop::collection::vec(
        prop::option::of(prop::sample::select(vec!["yes", "no", "unsure"])),
        5,
    )
}

const IDS: [&str; 5] = ["1a", "1b", "1c", "2a", "2b"];

fn answer_file(answers: &[Option<&str>], order: &[usize]) -> String {
    let mut text = String::from("answers:\n");
    for &i in order {
        if let Some(a) = answers[i] {
            text.push_str(&format!("  {}: {a}\n", IDS[i]));
        }
    }
    text
}

/// Determinations, needed questions, summary, and (determination, question, answer) reasons.
type Said = (Vec<Truth>, Vec<usize>, String, Vec<(usize, usize, String)>);

/// What a report says, without positions (which move when keys move).
fn outcome(text: &str) -> Said {
    let file = AnswerFile::parse("p", text, Format::Yaml, engine().checklist()).unwrap();
    said(&Classification::evaluate(engine(), file))
}

fn said(report: &Classification) -> Said {
    let o = report.outcome.as_ref().unwrap().clone();
    let reasons = o
        .reasons
        .iter()
        .map(|r| {
            (
                r.determination,
                r.question().unwrap_or(usize::MAX),
                format!("{:?}", r.value()),
            )
        })
        .collect();
    let summary = adscheck::render::summary(engine(), &o);
    (o.determinations, o.needed, summary, reasons)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        read_everything(&String::from_utf8_lossy(&bytes));
    }

    #[test]
    fn yaml_shaped_documents_never_panic(doc in doc()) {
        let mut text = String::new();
        emit(&doc, 0, &mut text);
        read_everything(&text);
        read_everything(&serde_json::to_string(&to_json(&doc)).unwrap());
    }

    #[test]
    fn results_do_not_depend_on_the_order_of_answers(
        answers in answers(),
        order in Just((0..5).collect::<Vec<usize>>()).prop_shuffle(),
    ) {
        let in_order = outcome(&answer_file(&answers, &[0, 1, 2, 3, 4]));
        let shuffled = outcome(&answer_file(&answers, &order));
        prop_assert_eq!(in_order, shuffled);
    }

    /// Through the real batch path (folder listing, chunks, worker threads, results in path
    /// order): each file's result is what it is alone, whatever order the files come in.
    #[test]
    fn results_do_not_depend_on_the_order_of_files(
        files in prop::collection::vec(answers(), 1..40),
        seed in any::<u64>(),
    ) {
        let texts: Vec<String> = files.iter().map(|a| answer_file(a, &[0, 1, 2, 3, 4])).collect();
        let mut order: Vec<usize> = (0..texts.len()).collect();
        // A permutation from the seed: file i is written under the name of position order[i].
        let mut s = seed | 1;
        for i in (1..order.len()).rev() {
            s ^= s << 13; s ^= s >> 7; s ^= s << 17;
            order.swap(i, (s % (i as u64 + 1)) as usize);
        }
        let dir = tempfile::tempdir().unwrap();
        for (i, text) in texts.iter().enumerate() {
            std::fs::write(dir.path().join(format!("f{:03}.yaml", order[i])), text).unwrap();
        }
        let alone: Vec<Said> = texts.iter().map(|t| outcome(t)).collect();
        let mut together: Vec<Option<Said>> = vec![None; texts.len()];
        let names: Vec<String> = (0..texts.len())
            .map(|i| format!("f{:03}.yaml", order[i]))
            .collect();
        let sources = adscheck::batch::sources(&[dir.path().to_path_buf()]);
        let count = adscheck::batch::in_order(
            sources,
            |source| adscheck::batch::classify(engine(), source, 1 << 20),
            |source, report| -> Result<(), ()> {
                let name = source.name();
                let i = names.iter().position(|n| name.ends_with(n.as_str())).unwrap();
                together[i] = Some(said(&report));
                Ok(())
            },
        ).unwrap();
        prop_assert_eq!(count, texts.len());
        let together: Vec<Said> = together.into_iter().map(Option::unwrap).collect();
        prop_assert_eq!(alone, together);
    }

    #[test]
    fn resolving_an_unsure_answer_never_undoes_a_determination(
        answers in answers(),
        pick in 0usize..5,
        to_yes in any::<bool>(),
    ) {
        let unsure: Vec<usize> = (0..5).filter(|&i| answers[i] == Some("unsure")).collect();
        prop_assume!(!unsure.is_empty());
        let q = unsure[pick % unsure.len()];
        let mut resolved = answers.clone();
        resolved[q] = Some(if to_yes { "yes" } else { "no" });
        let before = outcome(&answer_file(&answers, &[0, 1, 2, 3, 4])).0;
        let after = outcome(&answer_file(&resolved, &[0, 1, 2, 3, 4])).0;
        for (b, a) in before.iter().zip(&after) {
            if b.is_known() {
                prop_assert_eq!(b, a, "{:?} -> {:?}", answers, resolved);
            }
        }
    }
}
