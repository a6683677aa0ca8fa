//! Converts the built-in checklist to JSON at build time, so that the binary reads it with
//! serde_json at start-up (about ten times faster than YAML with positions, which matters for
//! one-file runs). The YAML file stays the source of truth: `checklist lint` and every error
//! about a checklist read the YAML itself, with positions.

// A build script reports a broken build input by failing the build, which is what a panic does.
#![allow(clippy::panic)]

use std::path::PathBuf;

fn main() {
    let source = "checklists/nyc-ll49-2018.yaml";
    println!("cargo:rerun-if-changed={source}");
    let yaml =
        std::fs::read_to_string(source).unwrap_or_else(|e| panic!("cannot read {source}: {e}"));
    // As at run time: `yes`/`no` stay text (YAML 1.2), never booleans.
    let options = serde_saphyr::options! { strict_booleans: true };
    let value: serde_json::Value = serde_saphyr::from_str_with_options(&yaml, options)
        .unwrap_or_else(|e| panic!("{source} is not valid YAML: {e}"));
    let json =
        serde_json::to_string(&value).unwrap_or_else(|e| panic!("cannot convert {source}: {e}"));
    let out =
        PathBuf::from(std::env::var_os("OUT_DIR").unwrap_or_default()).join("nyc-ll49-2018.json");
    std::fs::write(&out, json).unwrap_or_else(|e| panic!("cannot write {}: {e}", out.display()));
    // Its SHA-256, for stamps, so that start-up does not hash the text on every run.
    use sha2::Digest;
    let hex: String = sha2::Sha256::digest(yaml.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    let out = out.with_file_name("nyc-ll49-2018.sha256");
    std::fs::write(&out, hex).unwrap_or_else(|e| panic!("cannot write {}: {e}", out.display()));
}
