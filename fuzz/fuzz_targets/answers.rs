//! Any bytes as an answer file, YAML and JSON: parsing and evaluation must never panic, and
//! whatever parses must evaluate and render.
#![no_main]

use std::sync::OnceLock;

use adscheck::document::Format;
use adscheck::{Engine, Classification};
use libfuzzer_sys::fuzz_target;

fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| adscheck::load_engine(None).expect("built-in checklist"))
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    for format in [Format::Yaml, Format::Json] {
        let report = Classification::classify(engine(), "fuzz", text, format);
        let _ = adscheck::render::report_json(engine(), &report);
    }
});
