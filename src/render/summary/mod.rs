//! An inventory's summary ([`crate::summary`]) for the policy office: Markdown, JSON.

pub mod json;
pub mod markdown;
