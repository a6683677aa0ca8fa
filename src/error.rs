//! Errors and warnings that point at a place in a file.
//!
//! Every problem adscheck reports about an input (a checklist or an answer file) is a
//! [`Diagnostic`]: what kind of problem it is, where (file, line, column when known) and a
//! message for people that says what is allowed. The kind is a closed enum so that callers
//! (tests, `check`, JSON output) can match on it and so each kind has a stable code.

use std::fmt;

use serde::Serialize;

/// A 1-based line and column in a source file. Columns count characters, not bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
pub struct Position {
    /// 1-based line.
    pub line: u32,
    /// 1-based column, in characters.
    pub column: u32,
}

impl Position {
    /// A position from 1-based line and column.
    #[must_use]
    pub const fn new(line: u32, column: u32) -> Self {
        Position { line, column }
    }
}

/// Defines [`Kind`] from one table: each kind with its doc, stable code, one-sentence summary,
/// and whether answer files can have it (so `check` can list it as a rule).
macro_rules! kinds {
    ($($(#[doc = $doc:literal])* $name:ident => $code:literal, $summary:literal, $answers:literal;)*) => {
        /// The class of a problem. Each has a stable kebab-case [`code`](Kind::code).
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Kind {
            $($(#[doc = $doc])* $name,)*
        }

        impl Kind {
            /// Every kind, in the order of the table.
            pub const ALL: &'static [Kind] = &[$(Kind::$name),*];

            /// The stable identifier of this kind, used in JSON output and rule ids.
            #[must_use]
            pub const fn code(self) -> &'static str {
                match self { $(Kind::$name => $code,)* }
            }

            /// What this kind of problem means, in a sentence (for rule listings such as SARIF).
            #[must_use]
            pub const fn summary(self) -> &'static str {
                match self { $(Kind::$name => $summary,)* }
            }

            /// Whether an answer file can have this kind of problem (the others are about
            /// checklists).
            #[must_use]
            pub const fn about_answer_files(self) -> bool {
                match self { $(Kind::$name => $answers,)* }
            }
        }
    };
}

kinds! {
    /// The file could not be read (missing, a directory, permissions, ...).
    Io => "io", "The file could not be read.", true;
    /// The file is larger than the limit for its kind.
    TooLarge => "file-too-large", "The file is larger than the limit for answer files.", true;
    /// The file is not well-formed YAML or JSON, or breaks a parser limit.
    Syntax => "syntax", "The file is not well-formed YAML or JSON, or breaks a parser limit.", true;
    /// A value has the wrong shape: a list where a mapping belongs, a number where text belongs.
    WrongType => "wrong-type", "A value has the wrong shape or type.", true;
    /// A key that the format does not define.
    UnknownField => "unknown-field", "A key that the format does not define.", true;
    /// A required key is missing.
    MissingField => "missing-field", "A required key is missing.", true;
    /// An answer names a question the checklist does not have.
    UnknownQuestion => "unknown-question", "An answer names a question the checklist does not have.", true;
    /// An answer value outside yes / no / unsure.
    InvalidAnswer => "invalid-answer", "An answer or declared value outside the allowed words.", true;
    /// A ticked option that the question does not offer.
    UnknownOption => "unknown-option", "A ticked option that the question does not offer.", true;
    /// An answer file written for another checklist.
    ChecklistMismatch => "checklist-mismatch", "The file was written for another checklist.", true;
    /// Two items of a checklist share an id.
    DuplicateId => "duplicate-id", "Two items of a checklist share an id.", false;
    /// A rule or footnote reference to something the checklist does not define.
    UnknownReference => "unknown-reference", "A checklist refers to something it does not define.", false;
    /// Determinations whose rules refer to each other in a loop.
    Cycle => "cycle", "Determinations refer to each other in a loop.", false;
    /// A determination that no set of answers can make `yes`.
    Unsatisfiable => "unsatisfiable", "No answers can make a determination yes.", false;
    /// A text that must say something is empty.
    EmptyText => "empty-text", "A text that must say something is empty.", false;
    /// An id that is empty or has characters ids may not have.
    InvalidId => "invalid-id", "An id is empty or has characters ids may not have (a checklist's, or a tool.id that cannot name a page).", true;
    /// A yes to a question with informational checkboxes, none ticked (warning).
    NoOptionsTicked => "no-options-ticked", "A yes to a question with informational checkboxes, none ticked.", true;
    /// Items that describe a yes ticked on an answer that is not yes (warning).
    OptionsWithoutYes => "options-without-yes", "Items that describe a yes ticked on an answer that is not yes.", true;
    /// An answer to a question the checklist would not have asked (warning).
    AnswerNotNeeded => "answer-not-needed", "An answer to a question earlier answers made unnecessary.", true;
    /// A setting points at something it may not use (a checklist outside the repository).
    NotAllowed => "not-allowed", "A setting points outside what it may use.", false;
    /// The file was answered under another version or text of the checklist (warning).
    StampMismatch => "stamp-mismatch", "The file was answered under another version of the checklist.", true;
    /// An answer file with no history, so nothing says which version of the checklist it was
    /// answered under (`recheck`).
    MissingStamp => "missing-stamp", "Nothing says which version of the checklist the file was answered under.", false;
    /// A Local Law 35 field the settings require is missing or empty.
    Ll35Missing => "ll35-missing", "A Local Law 35 field the settings require is missing or empty.", true;
    /// A Local Law 35 coded field holds a value its edition does not list.
    Ll35Value => "ll35-value", "A Local Law 35 coded field holds a value its edition does not list.", true;
    /// A Local Law 35 first-use date that is not YYYY/MM, or is in the future.
    Ll35Date => "ll35-date", "A Local Law 35 first-use date is not YYYY/MM, or is in the future.", true;
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// One problem found in one file: an error or, where the caller says so, a warning.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{}: {message}", self.location())]
pub struct Diagnostic {
    /// What kind of problem this is.
    pub kind: Kind,
    /// The file as the user named it (`-` or `<stdin>` for standard input).
    pub file: String,
    /// Where in the file, when known.
    pub position: Option<Position>,
    /// What is wrong and what is allowed, for people.
    pub message: String,
}

impl Diagnostic {
    /// A diagnostic of `kind` in `file` at `position`.
    pub fn new(
        kind: Kind,
        file: impl Into<String>,
        position: Option<Position>,
        message: impl Into<String>,
    ) -> Self {
        Diagnostic {
            kind,
            file: file.into(),
            position,
            message: message.into(),
        }
    }

    /// `file:line:col`, or just `file` when the position is unknown.
    #[must_use]
    pub fn location(&self) -> Location<'_> {
        Location {
            file: &self.file,
            position: self.position,
        }
    }
}

/// A file name with an optional position, displayed compiler-style as `file:line:col`.
#[derive(Clone, Copy, Debug)]
pub struct Location<'a> {
    /// The file as the user named it.
    pub file: &'a str,
    /// Where in it, when known.
    pub position: Option<Position>,
}

impl fmt::Display for Location<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.position {
            Some(p) => write!(f, "{}:{}:{}", self.file, p.line, p.column),
            None => f.write_str(self.file),
        }
    }
}

/// Every problem found in one file (a checklist or an answer file): all of them, not just
/// the first, so that one run shows everything there is to fix.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{}", join_lines(.0))]
pub struct Diagnostics(pub Vec<Diagnostic>);

impl Diagnostics {
    /// The first problem, if any.
    #[must_use]
    pub fn first(&self) -> Option<&Diagnostic> {
        self.0.first()
    }
}

impl From<Diagnostic> for Diagnostics {
    fn from(d: Diagnostic) -> Self {
        Diagnostics(vec![d])
    }
}

fn join_lines(diagnostics: &[Diagnostic]) -> String {
    diagnostics
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("\n")
}

/// How serious a problem is: every command reports each problem as one of these.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Said so the reader knows (which checklist a file was read under); fails nothing.
    Note,
    /// Reported; fails the check only with `fail-on: warning`.
    Warning,
    /// Fails the check.
    Error,
}

impl Severity {
    /// `note`, `warning` or `error`.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Severity::Note => "note",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}
