//! Local Law 35 of 2022 (Administrative Code § 3-119.5): the yearly report of every
//! algorithmic tool an agency uses, published on NYC Open Data ("Algorithmic Tools Compliance
//! Report") and as a PDF.
//!
//! An inventory keeps each tool's report fields under `tool:` in its answer file, mapped once,
//! in [`crate::tool::fields`], to the table's columns in both editions. [`import`] turns the published
//! table into answer files (and merges it into an existing inventory), [`export`] turns an
//! inventory back into the table, and `check` ([`crate::check::ll35`]) finds the gaps.

pub mod export;
pub mod import;
pub mod record;
pub mod table;

pub use crate::tool::fields::{Edition, FIELDS, Field, Shape};
pub use table::Table;
