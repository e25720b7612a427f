//! The length limits that a notes file sets per key (e.g. a card title must fit its card).

use crate::diagnostics::Diagnostic;
use crate::load::json::At;
use crate::load::model::notes::Notes;
use crate::load::{JsonFile, Strings};

/// Every text of `text` within the `max_length` its note sets.
pub fn within_limits(
    text: &Strings,
    notes_file: &JsonFile,
    notes: &Notes,
    diags: &mut Vec<Diagnostic>,
) {
    for (k, note) in &notes.keys {
        let Some(max) = note.max_length else { continue };
        let Some(entry) = text.entries.get(k) else {
            continue;
        };
        let n = entry.value.chars().count();
        if n > max {
            let d = Diagnostic::error(format!(
                "`{k}` is {n} characters long, more than the {max} allowed"
            ))
            .with_hint(format!("the limit is set in {}", notes_file.name));
            diags.push(text.file.diag(d, &entry.path, At::Value));
        }
    }
}
