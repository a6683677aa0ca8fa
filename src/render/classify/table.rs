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
        let color = self.options.color;
        let mut table = comfy_table::Table::new();
        table.load_style(presets::UTF8_FULL_CONDENSED);
        if color {
            table.enforce_styling();
        } else {
            table.force_no_tty();
        }
        table.set_header(header.clone());
        let determinations = 3..header.len().saturating_sub(1);
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
        // MIN_PROSE columns beside the file names and determinations, which never break.
        let unbroken = |i: usize| i == 0 || (3..header.len().saturating_sub(1)).contains(&i);
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
            return stacked(&header, &rows, usize::from(width), color, out);
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

/// Each row as a block: the file on its own line, then `Field: value` lines, wrapped to
/// `width` at spaces (a file name is never broken).
fn stacked(
    header: &[String],
    rows: &[Vec<String>],
    width: usize,
    color: bool,
    out: &mut dyn Write,
) -> io::Result<()> {
    let determinations = 3..header.len().saturating_sub(1);
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
