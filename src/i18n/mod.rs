//! Translation tools: what translators need to know about the text files of the language
//! packs and profiles.

mod status;

pub use status::{KeyRef, LangStatus, compare, render, status};
