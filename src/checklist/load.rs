//! Reading a checklist file and checking it before anything evaluates it.

use std::path::Path;

use super::model::Checklist;
use super::{keys, validate};
use crate::error::{Diagnostic, Diagnostics, Kind};
use crate::{document::Format, yaml};

/// The Local Law 49 checklist, compiled into the binary so that it works with no files around.
pub const DEFAULT_CHECKLIST_YAML: &str = include_str!("../../checklists/nyc-ll49-2018.yaml");

/// The built-in checklist converted to JSON at build time (see `build.rs`), read at start-up.
const DEFAULT_CHECKLIST_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/nyc-ll49-2018.json"));

/// The largest checklist file read (the Local Law 49 one is 15 KB).
pub const MAX_CHECKLIST_SIZE: u64 = crate::input::CHECKLIST.max;

/// SHA-256 of [`DEFAULT_CHECKLIST_YAML`], computed at build time.
const DEFAULT_CHECKLIST_SHA256: &str =
    include_str!(concat!(env!("OUT_DIR"), "/nyc-ll49-2018.sha256"));

/// The id of the built-in checklist.
pub const BUILTIN_ID: &str = "nyc-ll49-2018";

/// The name the built-in checklist goes by in messages.
pub const DEFAULT_CHECKLIST_NAME: &str = "checklists/nyc-ll49-2018.yaml (built in)";

/// A checklist compiled into the binary.
#[derive(Clone, Copy, Debug)]
pub struct Builtin {
    /// Its id, which `--checklist` and an answer file's `also:` accept.
    pub id: &'static str,
    /// The name it goes by in messages.
    pub name: &'static str,
    /// Its text, as shipped.
    pub text: &'static str,
}

/// Every checklist compiled into the binary: Local Law 49's (the default) and adscheck's
/// questions on Local Law 35's "algorithmic tool" and New York State's "automated
/// decision-making tool".
pub const BUILTINS: [Builtin; 3] = [
    Builtin {
        id: BUILTIN_ID,
        name: DEFAULT_CHECKLIST_NAME,
        text: DEFAULT_CHECKLIST_YAML,
    },
    Builtin {
        id: "nyc-ll35-2022",
        name: "checklists/nyc-ll35-2022.yaml (built in)",
        text: include_str!("../../checklists/nyc-ll35-2022.yaml"),
    },
    Builtin {
        id: "nys-stt-501",
        name: "checklists/nys-stt-501.yaml (built in)",
        text: include_str!("../../checklists/nys-stt-501.yaml"),
    },
];

/// Earlier versions of the built-in checklist, word for word as they shipped (name, text):
/// answer files stamped under them can still be re-checked (`adscheck recheck`) with no
/// copy around. A new version adds its predecessor here; none is ever removed.
pub const EARLIER_BUILTIN: [(&str, &str); 1] = [(
    "checklists/earlier/nyc-ll49-2018-1.1.0.yaml (built in)",
    include_str!("../../checklists/earlier/nyc-ll49-2018-1.1.0.yaml"),
)];

impl Checklist {
    /// Parse and validate a checklist from its text. `file` names it in errors.
    ///
    /// # Errors
    /// Every problem found: syntax, unknown fields, duplicate ids, unknown references, cycles
    /// between determinations, empty texts; each with its position.
    pub fn from_text(file: &str, text: &str, format: Format) -> Result<Checklist, Diagnostics> {
        let mut checklist: Checklist = match yaml::parse(file, text, format) {
            Ok(checklist) => checklist,
            // serde stops at the first unknown key: find them all, to report them together.
            Err(first) if first.kind == Kind::UnknownField => {
                let all = yaml::parse_tree(file, text, format)
                    .map(|root| keys::unknown_keys(file, &root))
                    .unwrap_or_default();
                return Err(Diagnostics(if all.is_empty() { vec![first] } else { all }));
            }
            Err(e) => return Err(e.into()),
        };
        checklist.sha256 = sha256_hex(text);
        let problems = validate::validate(&mut checklist, file);
        if problems.is_empty() {
            Ok(checklist)
        } else {
            Err(Diagnostics(problems))
        }
    }

    /// Read, parse and validate the checklist file at `path` (YAML, or JSON by extension).
    ///
    /// # Errors
    /// As [`Checklist::from_text`], or a [`Kind::Io`] error when the file cannot be read.
    pub fn load(path: &Path) -> Result<Checklist, Diagnostics> {
        let file = path.display().to_string();
        let text = crate::input::read_text(path, MAX_CHECKLIST_SIZE, crate::input::CHECKLIST)?;
        let format = Format::from_path(path).unwrap_or(Format::Yaml);
        Checklist::from_text(&file, &text, format)
    }

    /// The earlier versions of the built-in checklist ([`EARLIER_BUILTIN`]), each read as
    /// it shipped; one that no longer reads is left out.
    #[must_use]
    pub fn earlier_builtin() -> Vec<(&'static str, Checklist)> {
        EARLIER_BUILTIN
            .iter()
            .filter_map(|&(name, text)| {
                Checklist::from_text(name, text, Format::Yaml)
                    .ok()
                    .map(|c| (name, c))
            })
            .collect()
    }

    /// The built-in checklist with id `id`, if there is one (the Local Law 49 one from its
    /// prepared JSON, the others from their text).
    ///
    /// # Errors
    /// Only if an embedded file were broken, which the test suite rules out.
    pub fn builtin_with_id(id: &str) -> Option<Result<Checklist, Diagnostics>> {
        let builtin = BUILTINS.iter().find(|b| b.id == id)?;
        Some(if builtin.id == BUILTIN_ID {
            Checklist::builtin()
        } else {
            Checklist::from_text(builtin.name, builtin.text, Format::Yaml)
        })
    }

    /// The built-in Local Law 49 checklist.
    ///
    /// # Errors
    /// Only if the embedded file were broken, which the test suite rules out.
    pub fn builtin() -> Result<Checklist, Diagnostics> {
        let mut checklist: Checklist =
            serde_json::from_str(DEFAULT_CHECKLIST_JSON).map_err(|e| {
                Diagnostic::new(Kind::Syntax, DEFAULT_CHECKLIST_NAME, None, e.to_string())
            })?;
        checklist.sha256 = DEFAULT_CHECKLIST_SHA256.to_owned();
        let problems = validate::validate(&mut checklist, DEFAULT_CHECKLIST_NAME);
        if problems.is_empty() {
            Ok(checklist)
        } else {
            Err(Diagnostics(problems))
        }
    }
}

/// SHA-256 of `text`, in lowercase hex.
#[must_use]
pub fn sha256_hex(text: &str) -> String {
    use sha2::Digest;
    use std::fmt::Write;
    let digest = sha2::Sha256::digest(text.as_bytes());
    digest.iter().fold(String::with_capacity(64), |mut s, b| {
        let _ = write!(s, "{b:02x}");
        s
    })
}
