//! Translation: the units a translator works on ([`units`]), what each translation was made
//! from ([`lock`]), the checks localisation platforms run ([`checks`]), and the translator's
//! report ([`status`]).

pub mod checks;
pub mod exchange;
mod incoming;
pub mod lock;
pub mod po;
pub mod segments;
pub mod status;
pub mod units;
pub mod xliff;

pub use status::{KeyRef, LangStatus, compare, render, status};
pub use units::Sources;
