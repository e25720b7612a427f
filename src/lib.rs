//! mgi-press: builds IOM Migration Governance Indicators country profiles as print-ready PDFs.
//!
//! The pipeline is a chain of plain stages over plain data, one folder each:
//! discover ([`project`]) → [`load`] (read, parse with positions, validate against the
//! schemas, profile and packs) → [`check`] (cross-file rules) → [`resolve`] (facts + text +
//! pack into one [`resolve::ViewModel`], one function per part) → [`typeset`] (compile in the
//! hermetic Typst world, export to PDF) → [`build`] (batch, stamps, atomic writes).
//! A [`Session`] holds what a run shares; [`diagnostics`] is the one report type of them all.
//! Typst's types stay inside [`typeset`].

// Diagnostics are rich (file, line, column, source line, hints) and errors are the cold path.
#![allow(clippy::result_large_err)]

pub mod batch;
pub mod builtin;
pub mod check;
pub mod date;
pub mod diagnostics;
pub mod docx;
pub mod edition;
pub mod fs;
pub mod hash;
pub mod i18n;
pub mod links;
pub mod load;
pub mod output;
pub mod preflight;
pub mod preview;
pub mod project;
pub mod resolve;
pub mod review;
pub mod scaffold;
pub mod session;
pub mod typeset;
pub mod web;

pub use batch::{BuildOptions, DocReport, Status};
pub use diagnostics::{Diagnostic, Severity};
pub use session::Session;
