//! Re-checking answer files against a revised checklist: what changes for each file.
//!
//! A file is read under the checklist it was answered under (its stamp names it, or the caller
//! gives it) and its answers are carried over, by question id, to the new checklist. The
//! report says which determinations change, which questions are new or reworded and now need
//! an answer, and which answers were given to questions that no longer exist.

use crate::answers::AnswerFile;
use crate::document::Format;
use crate::engine::{Engine, Truth};
use crate::error::{Diagnostic, Diagnostics, Kind, Position};

/// What changes for one file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Recheck {
    /// The file.
    pub file: String,
    /// Determinations whose value changes: (id, before, after).
    pub changed: Vec<(String, Truth, Truth)>,
    /// Questions of the new checklist that are new (or reworded: `true`) and that the new
    /// walk asks: (id, number, text, reworded, still answered).
    pub to_answer: Vec<Question>,
    /// Answers to questions the new checklist no longer has: (id, where).
    pub removed: Vec<(String, Option<Position>)>,
}

/// A question that needs (another) answer under the new checklist.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Question {
    /// Its id.
    pub id: String,
    /// Its printed number.
    pub number: String,
    /// Its text in the new checklist.
    pub text: String,
    /// Whether it existed before with other wording (otherwise it is new).
    pub reworded: bool,
}

impl Recheck {
    /// Whether anything at all changes for the file.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.changed.is_empty() && self.to_answer.is_empty() && self.removed.is_empty()
    }
}

/// Re-check the text of one answer file, answered under `old`, against `new`.
///
/// # Errors
/// Every problem that keeps the file from being read under the old checklist.
pub fn recheck(
    old: &Engine,
    new: &Engine,
    file: &str,
    text: &str,
    format: Format,
) -> Result<Recheck, Diagnostics> {
    let before = AnswerFile::parse(file, text, format, old.checklist())?;
    let (oc, nc) = (old.checklist(), new.checklist());
    let old_values = old.evaluate(&before.truths()).values;

    let mut truths = vec![Truth::Unknown; nc.questions.len()];
    let mut removed = Vec::new();
    for (question, answer) in oc.questions.iter().zip(&before.answers) {
        let Some(answer) = answer else { continue };
        match nc.question_index(question.id.as_str()) {
            Some(i) => {
                if let Some(slot) = truths.get_mut(i) {
                    *slot = answer.value.truth();
                }
            }
            None => removed.push((question.id.value.clone(), answer.position)),
        }
    }
    let new_values = new.evaluate(&truths).values;

    let mut changed = Vec::new();
    for (d, det) in nc.determinations.iter().enumerate() {
        let after = new_values.get(d).copied().unwrap_or(Truth::Unknown);
        // A determination the old checklist did not have was "undetermined" before.
        let before = oc
            .determination_index(det.id.as_str())
            .and_then(|i| old_values.get(i).copied())
            .unwrap_or(Truth::Unknown);
        if before != after {
            changed.push((det.id.value.clone(), before, after));
        }
    }

    let asked = new.would_ask(&truths);
    let to_answer = nc
        .questions
        .iter()
        .enumerate()
        .filter(|&(i, _)| asked.get(i) == Some(&true))
        .filter_map(|(_, q)| {
            let reworded = match oc.question(q.id.as_str()) {
                None => false,
                Some(before) if before.text.as_str() != q.text.as_str() => true,
                Some(_) => return None,
            };
            Some(Question {
                id: q.id.value.clone(),
                number: q.number.value.clone(),
                text: q.text.value.clone(),
                reworded,
            })
        })
        .collect();
    Ok(Recheck {
        file: file.to_owned(),
        changed,
        to_answer,
        removed,
    })
}

/// Checklists a file's stamp may name, when the caller does not say which one it was answered
/// under: the built-in one and its earlier versions, those in `./checklists/`, and those beside
/// the revised checklist.
#[derive(Debug, Default)]
pub struct Candidates(Vec<Engine>);

impl Candidates {
    /// Every checklist that loads, from the places above (`against` is the revised one).
    #[must_use]
    pub fn find(against: &std::path::Path) -> Candidates {
        let mut engines: Vec<Engine> = crate::load_engine(None).ok().into_iter().collect();
        for (name, checklist) in crate::checklist::Checklist::earlier_builtin() {
            if let Ok(engine) = Engine::new(checklist, name) {
                engines.push(engine);
            }
        }
        let beside = against.parent().map(std::path::Path::to_path_buf);
        for folder in [Some(std::path::PathBuf::from("checklists")), beside]
            .into_iter()
            .flatten()
        {
            let Ok(entries) = std::fs::read_dir(&folder) else {
                continue;
            };
            let mut paths: Vec<_> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
            paths.sort();
            for path in paths {
                if Format::from_path(&path).is_some()
                    && let Ok(engine) = crate::load_engine(Some(&path))
                {
                    engines.push(engine);
                }
            }
        }
        Candidates(engines)
    }

    /// The checklist a file's stamp names (id, version and, when the stamp has one, hash).
    #[must_use]
    pub fn named_by(&self, stamp: &crate::answers::Stamp) -> Option<&Engine> {
        self.0.iter().find(|e| stamp.is_under(e.checklist()))
    }

    /// For a file with no stamp, the built-in checklist when the file's `checklist:` id is the
    /// built-in one's (the only version adscheck can vouch for).
    #[must_use]
    pub fn builtin_with_id(&self, id: &str) -> Option<&Engine> {
        self.0.first().filter(|e| e.checklist().id.as_str() == id)
    }

    /// The checklist the answer file `text` (named `file`) was answered under: the one its
    /// latest stamp names; with no stamp, the built-in one when the file names its id (or none),
    /// with a note saying so.
    ///
    /// # Errors
    /// A diagnostic when no candidate is the checklist the stamp names, or a file with no stamp
    /// names a checklist that is not built in: the caller must say which (`--from`).
    pub fn answered_under(
        &self,
        file: &str,
        text: &str,
        format: Format,
    ) -> Result<(&Engine, Option<Diagnostic>), Diagnostic> {
        match crate::answers::header_of(file, text, format) {
            crate::answers::Header {
                stamp: Some(stamp), ..
            } => self.named_by(&stamp).map(|e| (e, None)).ok_or_else(|| {
                Diagnostic::new(
                    Kind::StampMismatch,
                    file,
                    None,
                    format!(
                        "the file was answered under checklist `{}` version {}, and no copy of \
                         that version is built in, in ./checklists/ or beside --against: give \
                         it with --from FILE",
                        crate::text::excerpt(&stamp.checklist),
                        crate::text::excerpt(&stamp.version)
                    ),
                )
            }),
            crate::answers::Header {
                checklist,
                stamp: None,
            } => {
                // A file that names no checklist is read under the built-in one, as everywhere
                // else.
                let id = checklist.unwrap_or_else(|| crate::checklist::BUILTIN_ID.to_owned());
                let engine = self.builtin_with_id(&id).ok_or_else(|| {
                    Diagnostic::new(
                        Kind::MissingStamp,
                        file,
                        None,
                        "no stamp and no built-in checklist id say which checklist the file \
                         was answered under: give it with --from FILE"
                            .to_owned(),
                    )
                })?;
                let note = Diagnostic::new(
                    Kind::MissingStamp,
                    file,
                    None,
                    format!(
                        "no stamp says which version of `{}` the file was answered under: read \
                         under the built-in version {} (give another with --from FILE)",
                        engine.checklist().id.as_str(),
                        engine.checklist().version.as_str()
                    ),
                );
                Ok((engine, Some(note)))
            }
        }
    }
}
