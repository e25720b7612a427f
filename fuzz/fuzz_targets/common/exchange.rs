//! What the `xliff` and `po` targets check of an exchange file as read: the format, and that
//! every location (of a diagnostic, of a unit) lies inside the text, since the command prints
//! them with the source line; the diagnostics also render.

use mgi_press::Diagnostic;
use mgi_press::diagnostics::{Location, render_all};
use mgi_press::i18n::exchange::{Exchange, Format};

/// A location in the exchange file (a diagnostic may name another file) lies inside its text.
fn inside(name: &str, text: &str, at: &Location) {
    if at.file != name {
        return;
    }
    let lines = text.matches('\n').count() + 1;
    assert!(
        at.line >= 1 && at.line <= lines && at.column >= 1 && at.len >= 1,
        "location {at:?} outside the {lines} lines of the text"
    );
}

pub fn check(
    name: &str,
    text: &str,
    read: Option<&Exchange>,
    diags: &[Diagnostic],
    format: Format,
) {
    for d in diags {
        if let Some(at) = &d.location {
            inside(name, text, at);
        }
    }
    let _ = render_all(diags);
    if let Some(exchange) = read {
        assert_eq!(exchange.format, format);
        for unit in &exchange.units {
            inside(name, text, &unit.at);
        }
    }
}
