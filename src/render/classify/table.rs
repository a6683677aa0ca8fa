//! A table for people (comfy-table), sized to the width the caller gives.

use std::io::{self, Write};

use comfy_table::{Attribute, Cell, Color, ColumnConstraint, ContentArrangement, Width, presets};

use std::sync::Mutex;

use super::{Options, Prepared, Renderer, header, row};
use crate::classification::Classification;
use crate::engine::Engine;
use crate::text::visible;

/// The fewest columns a wrapped prose column keeps.
const MIN_PROSE: u16 = 16;

/// Holds rows until the end, then prints one table.
pub(crate) struct Table<'e> {
    engine: &'e Engine,
    options: Options,
    rows: Mutex<Vec<Vec<String>>>,
}

impl<'e> Table<'e> {
    pub(crate) fn new(engine: &'e Engine, options: Options) -> Self {
        Table {
            engine,
            options,
            rows: Mutex::new(Vec::new()),
        }
    }
}

impl Renderer for Table<'_> {
    fn prepare(&self, report: &Classification) -> Prepared {
        Prepared::Row(row(self.engine, report))
    }

    fn emit(&self, _out: &mut dyn Write, _index: usize, prepared: Prepared) -> io::Result<()> {
        if let (Prepared::Row(r), Ok(mut rows)) = (prepared, self.rows.lock()) {
            rows.push(r);
        }
        Ok(())
    }

    fn finish(&self, out: &mut dyn Write, _count: usize) -> io::Result<()> {
        let rows: Vec<Vec<String>> = self
            .rows
            .lock()
            .map(|mut rows| rows.drain(..).collect())
            .unwrap_or_default();
        let mut header = header(self.engine);
        let mut rows = rows;
        super::drop_empty_other_laws(&mut header, &mut rows);
        let count = self.engine.checklist().determinations.len();
        if !self.options.wide {
            narrow(&mut header, &mut rows, count);
        }
        // Where the determinations stand: after the file, or after file, tool and agency.
        let first = if self.options.wide { 3 } else { 1 };
        let determinations = first..first + count;
        let color = self.options.color;
        let mut table = comfy_table::Table::new();
        table.load_style(presets::UTF8_FULL_CONDENSED);
        if color {
            table.enforce_styling();
        } else {
            table.force_no_tty();
        }
        table.set_header(header.clone());
        for r in &rows {
            table.add_row(r.iter().enumerate().map(|(i, text)| {
                let cell = Cell::new(visible(text));
                match value_color(text) {
                    Some(c) if color && determinations.contains(&i) => {
                        cell.fg(c).add_attribute(Attribute::Bold)
                    }
                    _ => cell,
                }
            }));
        }
        let Some(width) = self.options.width else {
            return writeln!(out, "{table}");
        };
        // A table that fits is printed whole. One that does not would have to break cells,
        // file names among them (which people copy into the next command): each file is then
        // a block of its own, one field a line, wrapped at spaces only.
        let natural = table
            .lines()
            .map(|l| textwrap::core::display_width(&l))
            .max()
            .unwrap_or(0);
        if natural <= usize::from(width) {
            return writeln!(out, "{table}");
        }
        // Narrower: the prose columns (tool, agency, reason) wrap, if each keeps at least
        // MIN_PROSE columns beside the file names and determinations, which never break
        // (nor does the assessment, one of three words).
        let unbroken = |i: usize| {
            i == 0 || determinations.contains(&i) || (self.options.wide && i == determinations.end)
        };
        let widest = |i: usize| {
            header
                .get(i)
                .into_iter()
                .chain(rows.iter().filter_map(|r| r.get(i)))
                .map(|c| textwrap::core::display_width(&visible(c)))
                .max()
                .unwrap_or(0)
        };
        let needed: usize = (0..header.len())
            .map(|i| {
                if unbroken(i) {
                    widest(i)
                } else {
                    usize::from(MIN_PROSE)
                }
            })
            .map(|w| w + 3)
            .sum::<usize>()
            + 1;
        if needed > usize::from(width) {
            return stacked(
                &header,
                &rows,
                &determinations,
                usize::from(width),
                color,
                out,
            );
        }
        table
            .set_content_arrangement(ContentArrangement::Dynamic)
            .set_width(width);
        for i in 0..header.len() {
            if let Some(column) = table.column_mut(i) {
                column.set_constraint(if unbroken(i) {
                    ColumnConstraint::ContentWidth
                } else {
                    ColumnConstraint::LowerBoundary(Width::Fixed(MIN_PROSE))
                });
            }
        }
        writeln!(out, "{table}")
    }
}

/// The default table's columns: the file, each determination, the short reason (the tool,
/// agency, assessment and other laws are `--wide`'s). Files that share a folder are named
/// within it, the folder said once in the header, so a terminal of 100 columns holds the
/// table.
fn narrow(header: &mut Vec<String>, rows: &mut [Vec<String>], count: usize) {
    let keep = |cells: &mut Vec<String>| {
        let last = cells.pop().unwrap_or_default();
        cells.truncate(3 + count);
        cells.drain(1..3);
        cells.push(last);
    };
    keep(header);
    for row in rows.iter_mut() {
        keep(row);
    }
    let folder = shared_folder(rows.iter().filter_map(|r| r.first().map(String::as_str)));
    if rows.len() > 1 && !folder.is_empty() {
        if let Some(file) = header.first_mut() {
            *file = format!("File (in {folder})");
        }
        for row in rows.iter_mut() {
            if let Some(file) = row.first_mut() {
                file.drain(..folder.len());
            }
        }
    }
}

/// The longest folder every one of `files` is in, ending in `/` (or empty): one pass,
/// shortening the candidate as files disagree.
fn shared_folder<'a>(mut files: impl Iterator<Item = &'a str>) -> String {
    let Some(first) = files.next() else {
        return String::new();
    };
    let mut shared = first.rfind('/').map_or(0, |i| i + 1);
    for file in files {
        let same = first
            .bytes()
            .zip(file.bytes())
            .take(shared)
            .take_while(|(a, b)| a == b)
            .count();
        // Bytes, not characters: a shared run may end inside a character, never after a `/`.
        let folder_end = |end: usize| {
            first
                .as_bytes()
                .get(..end)
                .unwrap_or_default()
                .iter()
                .rposition(|b| *b == b'/')
                .map_or(0, |i| i + 1)
        };
        if same < shared {
            shared = folder_end(same);
        }
        // A file named as the folder itself (no name after it) keeps its path whole.
        if file.len() <= shared {
            shared = folder_end(shared.saturating_sub(1));
        }
    }
    first.get(..shared).unwrap_or_default().to_owned()
}

/// Each row as a block: the file on its own line, then `Field: value` lines, wrapped to
/// `width` at spaces (a file name is never broken).
fn stacked(
    header: &[String],
    rows: &[Vec<String>],
    determinations: &std::ops::Range<usize>,
    width: usize,
    color: bool,
    out: &mut dyn Write,
) -> io::Result<()> {
    let label = header
        .iter()
        .skip(1)
        .map(|h| h.chars().count())
        .max()
        .unwrap_or(0);
    for (n, row) in rows.iter().enumerate() {
        if n > 0 {
            writeln!(out)?;
        }
        let mut cells = row.iter();
        if let Some(file) = cells.next() {
            writeln!(out, "{}", visible(file))?;
        }
        for (i, (name, value)) in header.iter().skip(1).zip(cells).enumerate() {
            let first = format!("  {name:<label$}  ");
            if let Some(c) =
                value_color(value).filter(|_| color && determinations.contains(&(i + 1)))
            {
                // One word: painted whole, after the label (wrapping would count the codes).
                let style = anstyle::Style::new().bold().fg_color(Some(ansi(c).into()));
                writeln!(out, "{first}{style}{value}{style:#}")?;
                continue;
            }
            let rest = " ".repeat(first.chars().count());
            for line in crate::text::wrap(&visible(value), width, &first, &rest) {
                writeln!(out, "{line}")?;
            }
        }
    }
    Ok(())
}

/// The colour of a determination's value, as `--explain` paints it: yes green, no red,
/// undetermined yellow, error red.
fn value_color(value: &str) -> Option<Color> {
    match value {
        "yes" => Some(Color::DarkGreen),
        "no" | "error" => Some(Color::DarkRed),
        "undetermined" => Some(Color::DarkYellow),
        _ => None,
    }
}

/// [`value_color`]'s colours as ANSI colours, for the stacked layout.
fn ansi(color: Color) -> anstyle::AnsiColor {
    match color {
        Color::DarkGreen => anstyle::AnsiColor::Green,
        Color::DarkYellow => anstyle::AnsiColor::Yellow,
        _ => anstyle::AnsiColor::Red,
    }
}

#[cfg(test)]
mod tests {
    use super::shared_folder;

    #[test]
    fn files_are_named_within_the_folder_they_share() {
        let folder = |files: &[&str]| shared_folder(files.iter().copied());
        assert_eq!(folder(&["a/b/x.yaml", "a/b/y.yaml"]), "a/b/");
        assert_eq!(folder(&["a/b/x.yaml", "a/bc/y.yaml"]), "a/");
        assert_eq!(folder(&["a/x.yaml", "b/y.yaml"]), "");
        assert_eq!(folder(&["-", "a/y.yaml"]), "");
        assert_eq!(folder(&["a/b/x.yaml", "a/b/"]), "a/");
        assert_eq!(folder(&["é/x.yaml", "é/y.yaml"]), "é/");
        // "é" and "è" share their first byte: the folder ends before them, not inside.
        assert_eq!(folder(&["d/é/x", "d/è/x"]), "d/");
    }
}
