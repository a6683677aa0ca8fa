//! Criterion benchmarks of the per-file work: parsing an answer file, evaluating it, and the
//! whole classification of one file as the batch does it (without the disk).

// A benchmark may unwrap its own fixed inputs.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::hint::black_box;

use adscheck::document::Format;
use adscheck::render::report_json;
use adscheck::{AnswerFile, Checklist, Classification, Engine};
use criterion::{Criterion, criterion_group, criterion_main};

#[path = "../tests/it/synthetic.rs"]
mod synthetic;

const YAML: &str = include_str!("../examples/answers/fire-inspection-risk-model.yaml");
const JSON: &str = include_str!("../examples/answers/high-school-admissions-matching.json");
const SMALL: &str = "checklist: nyc-ll49-2018
tool:
  name: \"Risk model 3761\"
  agency: \"Department of Education\"
  description: \"Generated for the batch benchmark.\"
  date_use: \"2023-09\"
answers:
  1a: yes
  1b:
    answer: yes
    note: \"Runs nightly on agency servers.\"
  1c: yes
  2a:
    answer: yes
    options: [allocating_resources, public_safety]
  2b:
    answer: unsure
";

fn benches(c: &mut Criterion) {
    let engine = adscheck::load_engine(None).expect("built-in checklist");
    let checklist = engine.checklist();

    c.bench_function("load built-in checklist", |b| {
        b.iter(|| adscheck::load_engine(None).expect("loads"));
    });
    // The floor under parsing: the YAML parser's events alone, nothing built from them.
    c.bench_function("YAML parser events only (the floor)", |b| {
        b.iter(|| {
            serde_saphyr::granit_parser::Parser::new_from_str(black_box(YAML))
                .filter(Result::is_ok)
                .count()
        });
    });
    // A small file like those of benches/bench-batch.sh (340 bytes): the parser's events
    // alone against the whole tree the shortcut reader builds.
    c.bench_function("small file: YAML parser events only", |b| {
        b.iter(|| {
            serde_saphyr::granit_parser::Parser::new_from_str(black_box(SMALL))
                .filter(Result::is_ok)
                .count()
        });
    });
    c.bench_function("small file: tree with positions (shortcut)", |b| {
        b.iter(|| adscheck::yaml::parse_tree("f.yaml", black_box(SMALL), Format::Yaml));
    });
    c.bench_function("parse answer file (YAML)", |b| {
        b.iter(|| AnswerFile::parse("f.yaml", black_box(YAML), Format::Yaml, checklist));
    });
    // The same file with a document marker, which the shortcut reader leaves to the parser:
    // the shortcut's gain, side by side.
    let marked = format!("---\n{YAML}");
    c.bench_function("parse answer file (YAML), through the parser", |b| {
        b.iter(|| AnswerFile::parse("f.yaml", black_box(&marked), Format::Yaml, checklist));
    });
    c.bench_function("parse answer file (JSON)", |b| {
        b.iter(|| AnswerFile::parse("f.json", black_box(JSON), Format::Json, checklist));
    });
    let parsed = AnswerFile::parse("f.yaml", YAML, Format::Yaml, checklist).expect("valid");
    let truths = parsed.truths();
    c.bench_function("evaluate (three-valued, relevance, reasons)", |b| {
        b.iter(|| engine.evaluate(black_box(&truths)));
    });
    c.bench_function("report (evaluate + not-needed + summary)", |b| {
        b.iter(|| Classification::evaluate(&engine, black_box(parsed.clone())));
    });
    let report = Classification::evaluate(&engine, parsed.clone());
    c.bench_function("render one JSON line", |b| {
        b.iter(|| serde_json::to_vec(&report_json(&engine, black_box(&report))));
    });
    c.bench_function("classify one file end to end (no disk)", |b| {
        b.iter(|| {
            let report = Classification::classify(&engine, "f.yaml", black_box(YAML), Format::Yaml);
            serde_json::to_vec(&report_json(&engine, &report))
        });
    });
}

/// The per-file cost on checklists built to catch work that is not linear in the rules.
fn scale(c: &mut Criterion) {
    let engine_of = |text: String| {
        let checklist = Checklist::from_text("synthetic.yaml", &text, Format::Yaml).unwrap();
        Engine::new(checklist, "synthetic.yaml").unwrap()
    };
    let chain = engine_of(synthetic::doubling_chain(64));
    c.bench_function("classify one file: 64-level doubling chain", |b| {
        b.iter(|| {
            Classification::classify(
                &chain,
                "f.yaml",
                black_box("answers: {q0: yes}"),
                Format::Yaml,
            )
        });
    });
    let big = engine_of(synthetic::chain(100, 100));
    let answers = synthetic::answers(10_000, 7, 4);
    let mut group = c.benchmark_group("10,000 questions");
    group.sample_size(10);
    group.bench_function("load and compile the checklist", |b| {
        let text = synthetic::chain(100, 100);
        b.iter(|| engine_of(black_box(text.clone())));
    });
    group.bench_function("classify one file", |b| {
        b.iter(|| Classification::classify(&big, "f.yaml", black_box(&answers), Format::Yaml));
    });
    group.finish();

    // 16 MiB of answer file whose tool block has 99,000 keys of 156 characters (under the
    // 200,000-value limit): duplicate keys are found with a hash map, so this is linear.
    let mut keys = String::from("{\"tool\": {");
    for i in 0..99_000 {
        if i > 0 {
            keys.push_str(", ");
        }
        keys.push_str(&format!("\"k{i:06}{}\": \"v\"", "x".repeat(150)));
    }
    keys.push_str("}, \"answers\": {\"1a\": \"no\"}}");
    let ll49 = adscheck::load_engine(None).unwrap();
    let mut group = c.benchmark_group("16 MiB answer file");
    group.sample_size(10);
    group.bench_function("classify 99,000 long keys (JSON)", |b| {
        b.iter(|| Classification::classify(&ll49, "f.json", black_box(&keys), Format::Json));
    });
    group.finish();
}

criterion_group!(engine, benches, scale);
criterion_main!(engine);
