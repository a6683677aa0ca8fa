//! A Markdown (GitHub-flavoured) table, one row per file, written at the end (so that a
//! column of other laws' determinations is there only when a file fills it).

use std::io::{self, Write};

use super::{Prepared, Renderer, header, row};
use crate::classification::Classification;
use crate::engine::Engine;
use crate::text::markdown_cell;

pub(crate) struct Markdown<'e> {
    engine: &'e Engine,
    rows: std::sync::Mutex<Vec<Vec<String>>>,
}

impl<'e> Markdown<'e> {
    pub(crate) fn new(engine: &'e Engine) -> Self {
        Markdown {
            engine,
            rows: std::sync::Mutex::new(Vec::new()),
        }
    }
}

fn line(out: &mut dyn Write, cells: &[String]) -> io::Result<()> {
    let cells: Vec<String> = cells.iter().map(|c| markdown_cell(c)).collect();
    writeln!(out, "| {} |", cells.join(" | "))
}

impl Renderer for Markdown<'_> {
    fn prepare(&self, report: &Classification) -> Prepared {
        Prepared::Row(row(self.engine, report))
    }

    fn emit(&self, _out: &mut dyn Write, _index: usize, prepared: Prepared) -> io::Result<()> {
        if let (Prepared::Row(r), Ok(mut rows)) = (prepared, self.rows.lock()) {
            rows.push(r);
        }
        Ok(())
    }

    /// The table; under it, what a reader of its "no" must know: where the form never asked.
    fn finish(&self, out: &mut dyn Write, _count: usize) -> io::Result<()> {
        let mut rows: Vec<Vec<String>> = self
            .rows
            .lock()
            .map(|mut rows| rows.drain(..).collect())
            .unwrap_or_default();
        let mut header = header(self.engine);
        super::drop_empty_other_laws(&mut header, &mut rows);
        line(out, &header)?;
        writeln!(out, "|{}", "---|".repeat(header.len()))?;
        for r in &rows {
            line(out, r)?;
        }
        for note in crate::render::checklist::notes::not_asked_notes(self.engine.checklist()) {
            writeln!(
                out,
                "\n*{}: {}*",
                crate::render::checklist::text::EDITORIAL,
                note
            )?;
        }
        Ok(())
    }
}
