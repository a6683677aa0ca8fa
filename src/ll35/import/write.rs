//! Writing imported tools into an inventory: each into the file that already holds it (its
//! `tool:` block rewritten in place, everything else untouched and verified so), or a new file.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use serde_json::{Map, Value};

use super::Reported;
use super::existing::{Existing, Planned};
use crate::answers::{AnswerFile, replace_tool_block};
use crate::checklist::Checklist;
use crate::error::{Diagnostic, Kind};
use crate::tool::agencies;
use crate::tool::fields::keys;

/// What an import did (or, with nothing written, would do).
#[derive(Debug, Default)]
pub struct Import {
    /// Files created, relative to the inventory's folder.
    pub created: Vec<PathBuf>,
    /// Files whose `tool:` block was updated, with the fields that changed.
    pub updated: Vec<(PathBuf, Vec<FieldChange>)>,
    /// Files that already held the table's values.
    pub unchanged: Vec<PathBuf>,
    /// Problems: files that could not be read, written or merged (the rest went on).
    pub errors: Vec<Diagnostic>,
    /// What the reader should know: renamed agencies not merged, files not read.
    pub warnings: Vec<Diagnostic>,
}

/// One `tool:` field changed by a merge.
#[derive(Clone, Debug, PartialEq)]
pub struct FieldChange {
    /// The key under `tool:`.
    pub key: String,
    /// Its value before (`None`: it was not there).
    pub before: Option<Value>,
    /// Its value after.
    pub after: Value,
}

/// Write `tools` into the inventory at `dir`: each into the file that already holds it (found
/// by agency and name), or a new file at `dir/<agency>/<tool>.yaml`.
#[must_use]
pub fn write(checklist: &Checklist, tools: &[Reported], dir: &Path, max_bytes: u64) -> Import {
    let mut summary = Import::default();
    let index = Existing::read(checklist, dir, max_bytes, &mut summary.errors);
    warn_renamed(tools, &mut summary.warnings);
    let mut planned = Planned::of(dir, &index);
    for tool in tools {
        match index.by_key.get(&tool.key) {
            Some(path) => merge(checklist, tool, (path, dir), max_bytes, &mut summary),
            None => create(
                checklist,
                tool,
                (dir, max_bytes),
                &mut planned,
                &mut summary,
            ),
        }
    }
    summary
}

/// Warn once for each agency in the table that was renamed or absorbed.
fn warn_renamed(tools: &[Reported], warnings: &mut Vec<Diagnostic>) {
    let mut told = HashSet::new();
    for tool in tools {
        let Some(agency) = agencies::lookup(tool.text("agency")) else {
            continue;
        };
        if let Some((other, why)) = agencies::renamed(agency)
            && told.insert(agency.abbreviation)
        {
            warnings.push(Diagnostic::new(
                Kind::WrongType,
                "",
                None,
                format!(
                    "{} and {other} are kept apart ({why}): a tool reported under both is two \
                     files; merge them by hand if they are the same tool",
                    agency.abbreviation
                ),
            ));
        }
    }
}

fn create(
    checklist: &Checklist,
    tool: &Reported,
    (dir, max_bytes): (&Path, u64),
    planned: &mut Planned,
    summary: &mut Import,
) {
    // A folder that differs from one already there only by case is that folder (one folder
    // on macOS and Windows).
    let natural = agencies::folder(tool.text("agency"));
    let folder = planned
        .folders
        .entry(natural.to_lowercase())
        .or_insert(natural)
        .clone();
    let stem = crate::text::safe_name(tool.text("name"), "tool");
    // Another tool's file at the natural name, or its id (two names that differ only in
    // punctuation, or an id given by hand): a suffix from this tool's own identity, so the
    // name and the page's address are the same on every run.
    let mut relative = PathBuf::from(&folder).join(format!("{stem}.yaml"));
    let mut id = crate::tool::identity::derived_id(tool.text("agency"), tool.text("name"));
    if planned.taken(&dir.join(&relative), &id) {
        let short = tool.key.hash();
        relative = PathBuf::from(&folder).join(format!("{stem}-{short}.yaml"));
        id = format!("{id}-{short}");
        if planned.taken(&dir.join(&relative), &id) {
            summary.errors.push(Diagnostic::new(
                Kind::InvalidId,
                dir.join(&relative).display().to_string(),
                None,
                format!(
                    "not written: no file name and id of its own for `{}` (`{id}` is taken): \
                     give the tool in the inventory a `tool.id`, then import again",
                    crate::text::excerpt(tool.text("name"))
                ),
            ));
            return;
        }
    }
    let path = dir.join(&relative);
    planned.add(&path, &id);
    if let Some(link) = through_link(dir, &path) {
        summary.errors.push(link_error(&link));
        return;
    }
    let mut fields = Map::new();
    fields.insert(keys::ID.to_owned(), Value::String(id));
    fields.extend(tool.fields.clone());
    let text = crate::answers::unanswered(checklist, &fields, crate::answers::IMPORTED_NOTE);
    // What adscheck writes, it must read back to the same fields, within its own limits.
    match crate::answers::read_back(&path.display().to_string(), &text, checklist, max_bytes) {
        Ok(back) if back.tool == fields => {}
        Ok(_) => {
            summary.errors.push(Diagnostic::new(
                Kind::Io,
                path.display().to_string(),
                None,
                format!(
                    "not written: the fields of `{}` would not read back as the table gives \
                     them",
                    crate::text::excerpt(tool.text("name"))
                ),
            ));
            return;
        }
        Err(e) => {
            summary.errors.push(e);
            return;
        }
    }
    let written = path
        .parent()
        .map_or(Ok(()), std::fs::create_dir_all)
        .map_err(|e| {
            Diagnostic::new(
                Kind::Io,
                path.display().to_string(),
                None,
                format!("cannot create its folder: {e}"),
            )
        })
        .and_then(|()| crate::atomic_file::create_new(&path, text.as_bytes()));
    match written {
        Ok(()) => summary.created.push(relative),
        Err(e) => summary.errors.push(e),
    }
}

fn merge(
    checklist: &Checklist,
    tool: &Reported,
    (path, dir): (&Path, &Path),
    max_bytes: u64,
    summary: &mut Import,
) {
    update(checklist, (path, dir), max_bytes, summary, |fields| {
        Ok(merged(fields, tool))
    });
}

/// Rewrite the `tool:` block of the answer file at `path` (inside the inventory at `dir`) in
/// place with what `change` makes of its fields, and nothing else of the file: verified by
/// reading it back before it is written atomically. `change` gives the new fields and the
/// changes (none: the file is left as it is), or an error message naming why not.
pub(crate) fn update(
    checklist: &Checklist,
    (path, dir): (&Path, &Path),
    max_bytes: u64,
    summary: &mut Import,
    change: impl FnOnce(&Map<String, Value>) -> Result<(Map<String, Value>, Vec<FieldChange>), String>,
) {
    if let Some(link) = through_link(dir, path) {
        summary.errors.push(link_error(&link));
        return;
    }
    let relative = path.strip_prefix(dir).unwrap_or(path).to_path_buf();
    let name = path.display().to_string();
    let fail = |message: String| Diagnostic::new(Kind::WrongType, &name, None, message);
    // An answer file, read under the answer files' limit (not the table's).
    let text = match crate::input::read_text(path, max_bytes, crate::input::ANSWER_FILE) {
        Ok(text) => text,
        Err(e) => {
            summary.errors.push(e);
            return;
        }
    };
    let format = crate::document::Format::from_path(path).unwrap_or(crate::document::Format::Yaml);
    let before = match AnswerFile::parse(&name, &text, format, checklist) {
        Ok(file) => file,
        Err(e) => {
            summary.errors.extend(e.0);
            return;
        }
    };
    let (fields, changes) = match change(&before.tool) {
        Ok(changed) => changed,
        Err(why) => {
            summary.errors.push(fail(why));
            return;
        }
    };
    if changes.is_empty() {
        summary.unchanged.push(relative);
        return;
    }
    if format != crate::document::Format::Yaml {
        summary.errors.push(fail(
            "holds this tool, but is JSON: adscheck updates the `tool:` block of YAML files \
             only (and never replaces a file whole); update it by hand"
                .to_owned(),
        ));
        return;
    }
    let Some(rewritten) = replace_tool_block(&text, &crate::answers::tool_block(&fields)) else {
        summary.errors.push(fail(
            "holds this tool, but its `tool:` is not a block mapping at the top level \
             (`tool:` on a line of its own, its fields indented below): update it by hand"
                .to_owned(),
        ));
        return;
    };
    // The rewritten file must read back with the same answers, history and declarations, and
    // the new fields; otherwise nothing is written.
    // Positions move when the block grows or shrinks: compared without them.
    match crate::answers::read_back(&name, &rewritten, checklist, max_bytes).map_err(|e| vec![e]) {
        Ok(after) if after.tool == fields && same_content(&before, &after) => {}
        Ok(_) => {
            summary.errors.push(fail(
                "holds this tool, but updating its `tool:` block in place would change its \
                 answers, history or declarations too (a key of the block at the left margin?): \
                 update it by hand"
                    .to_owned(),
            ));
            return;
        }
        Err(e) => {
            summary.errors.push(fail(format!(
                "holds this tool, but with its `tool:` block updated in place it would no longer \
                 read ({}): update it by hand",
                e.first().map_or_else(String::new, |d| d.message.clone())
            )));
            return;
        }
    }
    // Comments inside the block cannot be kept where the block is written anew: said, as the
    // interview and `stamp` say it.
    let lost = crate::answers::lost_comments(&text, &rewritten, checklist);
    if let Some((line, _)) = lost.first() {
        summary.warnings.push(Diagnostic::new(
            Kind::WrongType,
            &name,
            Some(crate::error::Position::new(
                u32::try_from(*line).unwrap_or(u32::MAX),
                1,
            )),
            format!(
                "{} not kept: adscheck writes the `tool:` block anew (a comment on the `tool:` \
                 line itself is kept)",
                crate::text::count(lost.len(), "comment line")
            ),
        ));
    }
    match crate::atomic_file::replace(path, rewritten.as_bytes()) {
        Ok(()) => summary.updated.push((relative, changes)),
        Err(e) => summary.errors.push(e),
    }
}

/// Whether two readings of a file hold the same answers, history, declarations and checklist,
/// wherever they stand in it.
fn same_content(a: &AnswerFile, b: &AnswerFile) -> bool {
    type Content = (
        crate::answers::AnswerValue,
        Option<String>,
        Vec<String>,
        bool,
    );
    let answers = |f: &AnswerFile| -> Vec<Option<Content>> {
        f.answers
            .iter()
            .map(|a| {
                a.as_ref()
                    .map(|a| (a.value, a.note.clone(), a.options.clone(), a.not_needed))
            })
            .collect()
    };
    let stamps = |f: &AnswerFile| -> Vec<crate::answers::Stamp> {
        f.stamps
            .iter()
            .map(|s| crate::answers::Stamp {
                position: None,
                ..s.clone()
            })
            .collect()
    };
    let declared = |f: &AnswerFile| -> Vec<Option<crate::engine::Truth>> {
        f.declared
            .iter()
            .map(|d| d.as_ref().map(|d| d.value))
            .collect()
    };
    answers(a) == answers(b)
        && stamps(a) == stamps(b)
        && declared(a) == declared(b)
        && a.checklist == b.checklist
}

/// Why a path inside the inventory may not be written through: a symbolic link at it, or at
/// a folder between the inventory's folder and it.
fn through_link(dir: &Path, path: &Path) -> Option<PathBuf> {
    let relative = path.strip_prefix(dir).ok()?;
    let mut at = dir.to_path_buf();
    for part in relative.components() {
        at.push(part);
        if at
            .symlink_metadata()
            .is_ok_and(|m| m.file_type().is_symlink())
        {
            return Some(at);
        }
    }
    None
}

fn link_error(link: &Path) -> Diagnostic {
    Diagnostic::new(
        Kind::NotAllowed,
        link.display().to_string(),
        None,
        "is a symbolic link: adscheck does not write through links in an inventory (they may \
         lead outside it); replace it with the file or folder itself"
            .to_owned(),
    )
}

/// The file's `tool:` fields updated from the table: the table's values replace the file's,
/// a field the table leaves empty keeps the file's value, and the years, sources and each
/// year's report are added to those the file has (a year the table has again replaces the
/// file's record of it, and the change is listed). The file's own fields (`id`, `contact`,
/// ...) are kept.
fn merged(file: &Map<String, Value>, tool: &Reported) -> (Map<String, Value>, Vec<FieldChange>) {
    let mut fields = file.clone();
    let mut changes = Vec::new();
    // The latest year wins: a table older than what the file holds adds its years and sources,
    // and leaves the newer values as they are.
    let latest = |v: Option<&Value>| {
        v.and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(Value::as_u64)
            .max()
    };
    let older = match (
        latest(tool.fields.get(keys::REPORTED)),
        latest(file.get(keys::REPORTED)),
    ) {
        (Some(table), Some(file)) => table < file,
        _ => false,
    };
    for (key, value) in &tool.fields {
        if older && ![keys::REPORTED, keys::IMPORTED_FROM, keys::REPORTS].contains(&key.as_str()) {
            continue;
        }
        let new = match key.as_str() {
            keys::REPORTED => union(file.get(key), value),
            // Each year's report: the file's other years kept, the table's years as the table
            // has them, in year order.
            // Each change listed by its year ("reports.2023").
            keys::REPORTS => {
                for (y, v) in value.as_object().into_iter().flatten() {
                    let before = crate::tool::set_report(&mut fields, y, v.clone());
                    if before.as_ref() != Some(v) {
                        changes.push(FieldChange {
                            key: format!("{key}.{y}"),
                            before,
                            after: v.clone(),
                        });
                    }
                }
                continue;
            }
            // One source per year: a year imported again (from this table or a renamed copy)
            // replaces its earlier source.
            keys::IMPORTED_FROM => {
                let years: Vec<&Value> = value
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter_map(|s| s.get("year"))
                    .collect();
                let kept: Vec<Value> = file
                    .get(key)
                    .and_then(Value::as_array)
                    .into_iter()
                    .flatten()
                    .filter(|s| s.get("year").is_none_or(|y| !years.contains(&y)))
                    .cloned()
                    .collect();
                union(Some(&Value::Array(kept)), value)
            }
            _ => value.clone(),
        };
        if file.get(key) != Some(&new) {
            changes.push(FieldChange {
                key: key.clone(),
                before: file.get(key).cloned(),
                after: new.clone(),
            });
            fields.insert(key.clone(), new);
        }
    }
    (fields, changes)
}

/// The items of two lists, each once, in order (numbers sorted).
fn union(old: Option<&Value>, new: &Value) -> Value {
    let mut items: Vec<Value> = old.and_then(Value::as_array).cloned().unwrap_or_default();
    for item in new.as_array().into_iter().flatten() {
        if !items.contains(item) {
            items.push(item.clone());
        }
    }
    if items.iter().all(Value::is_u64) {
        items.sort_by_key(|v| v.as_u64());
    }
    Value::Array(items)
}
