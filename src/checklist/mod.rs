//! Checklists: the model of a checklist file, loading it, and validating it.
//!
//! A checklist is data, not code: its questions, the legal definitions it rests on, and the
//! rules that turn answers into determinations all live in YAML. The default one, Local Law 49
//! of 2018, is embedded in the binary; any other file of the same shape can be loaded instead.

mod keys;
mod load;
mod model;
mod validate;
mod wording;

pub use load::{
    BUILTIN_ID, BUILTINS, Builtin, DEFAULT_CHECKLIST_NAME, DEFAULT_CHECKLIST_YAML, EARLIER_BUILTIN,
    sha256_hex,
};
pub use model::{
    Checklist, Choice, Determination, Footnote, Guidance, OptionKind, OptionList, Question, Rule,
    Underlined, footnote_marks, shown, without_footnotes,
};
pub use wording::{ADSCHECK_SOURCE, ADSCHECK_WORDING, is_adschecks};
