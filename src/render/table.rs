//! A table for people (comfy-table), sized to the width the caller gives.

use std::io::{self, Write};

use comfy_table::{ContentArrangement, presets};

use std::sync::Mutex;

use super::{Options, Prepared, Renderer, header, row};
use crate::engine::Engine;
use crate::report::Report;
use crate::text::visible;

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
    fn prepare(&self, report: &Report) -> Prepared {
        Prepared::Row(row(self.engine, report))
    }

    fn emit(&self, _out: &mut dyn Write, _index: usize, prepared: Prepared) -> io::Result<()> {
        if let (Prepared::Row(r), Ok(mut rows)) = (prepared, self.rows.lock()) {
            rows.push(r);
        }
        Ok(())
    }

    fn finish(&self, out: &mut dyn Write, _count: usize) -> io::Result<()> {
        let mut table = comfy_table::Table::new();
        table.load_style(presets::UTF8_FULL_CONDENSED);
        if let Some(width) = self.options.width {
            table
                .set_content_arrangement(ContentArrangement::Dynamic)
                .set_width(width);
        }
        table.set_header(header(self.engine));
        if let Ok(mut rows) = self.rows.lock() {
            for r in rows.drain(..) {
                table.add_row(r.iter().map(|cell| visible(cell).into_owned()));
            }
        }
        writeln!(out, "{table}")
    }
}
