//! Any bytes as a checklist: loading, validation and compiling the rules must never panic.
#![no_main]

use adscheck::document::Format;
use adscheck::{Checklist, Engine};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(checklist) = Checklist::from_text("fuzz", text, Format::Yaml) {
        if let Ok(engine) = Engine::new(checklist, "fuzz") {
            let _ = adscheck::render::checklist_text(engine.checklist());
            let _ = engine.evaluate(&[]);
        }
    }
});
