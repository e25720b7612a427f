//! One diagnostic type for every problem mgi-press reports — bad JSON, schema violations,
//! cross-file checks and Typst's own errors — so that all of them carry file, line, column,
//! JSON path, the source line and hints, print in the same style ([`render`]) and serialise to
//! the same JSON.

mod diagnostic;
mod render;

pub use diagnostic::{Diagnostic, Location, Severity, WarningPolicy, has_errors};
pub mod locator;

pub use locator::Locator;
pub use render::{ColorChoice, DiagnosticFormat, RenderStyle, render_all, render_all_with};
