//! mgi-press: builds IOM Migration Governance Indicators country profiles as print-ready PDFs.
//!
//! The pipeline is a chain of plain stages over plain data:
//! discover ([`project`]) → load ([`profile`], [`source`], [`schema`]) → check ([`check`]) →
//! resolve ([`resolve`] into a [`view::ViewModel`]) → compile ([`render`] in the hermetic
//! [`world`]) → export and write ([`build`]). Typst's types stay inside `world`, `render`,
//! `fonts` and `inspect`.

// Diagnostics are rich (file, line, column, source line, hints) and errors are the cold path.
#![allow(clippy::result_large_err)]

pub mod build;
pub mod check;
pub mod diagnostics;
pub mod fonts;
pub mod i18n;
pub mod inspect;
pub mod json;
pub mod markup;
pub mod model;
pub mod profile;
pub mod project;
pub mod render;
pub mod resolve;
pub mod scaffold;
pub mod schema;
pub mod source;
pub mod strings;
pub mod view;
pub mod world;

pub use build::{BuildOptions, DocReport, Session, Status};
pub use diagnostics::{Diagnostic, Severity};
