//! Helpers shared by the integration tests.

use std::path::{Path, PathBuf};

use adscheck::document::Format;
use adscheck::{AnswerFile, Diagnostic, Engine, Kind, Position};

/// The built-in LL49 engine.
pub fn ll49() -> Engine {
    adscheck::load_engine(None).expect("the built-in checklist loads")
}

/// Parse answer-file YAML against the LL49 checklist.
pub fn parse_yaml(text: &str) -> Result<AnswerFile, Vec<Diagnostic>> {
    let engine = ll49();
    AnswerFile::parse("answers.yaml", text, Format::Yaml, engine.checklist()).map_err(|e| e.0)
}

/// The single diagnostic of `result`, which must have failed with exactly one.
#[track_caller]
pub fn only_error<T: std::fmt::Debug>(result: Result<T, Vec<Diagnostic>>) -> Diagnostic {
    let errors = result.expect_err("expected an error");
    assert_eq!(errors.len(), 1, "expected one error, got {errors:#?}");
    errors.into_iter().next().unwrap()
}

/// Assert kind and position of a diagnostic, and that its message contains `fragment`.
#[track_caller]
pub fn assert_diag(d: &Diagnostic, kind: Kind, at: Option<(u32, u32)>, fragment: &str) {
    assert_eq!(d.kind, kind, "kind of {d:#?}");
    assert_eq!(
        d.position,
        at.map(|(l, c)| Position::new(l, c)),
        "position of {d:#?}"
    );
    assert!(
        d.message.contains(fragment),
        "message {:?} lacks {fragment:?}",
        d.message
    );
}

/// The repository's root.
pub fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// A path under `tests/fixtures`.
pub fn fixture(name: &str) -> PathBuf {
    root().join("tests/fixtures").join(name)
}

/// Every file under `dir`, sorted.
pub fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(walk(&path));
        } else {
            files.push(path);
        }
    }
    files.sort();
    files
}
