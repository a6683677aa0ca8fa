//! Text for people, one concern a file: wrapping ([`wrap`]), escaping ([`escape`]), names
//! ([`names`]), counts and lists in words ([`words`]).

pub mod escape;
pub mod names;
pub mod words;
pub mod wrap;

pub use escape::*;
pub use names::*;
pub use words::*;
pub use wrap::*;
