//! Unicode bidi controls pasted into text (from word processors, web pages): embeddings and
//! overrides (U+202A–U+202E) silently reorder or reverse the words after them in the PDF, and
//! an isolate (U+2066–U+2068) never closed by U+2069 leaks its direction into what follows.

use crate::diagnostics::Diagnostic;
use crate::load::Strings;
use crate::load::json::format_path;

fn control_name(c: char) -> &'static str {
    match c {
        '\u{202A}' => "LEFT-TO-RIGHT EMBEDDING",
        '\u{202B}' => "RIGHT-TO-LEFT EMBEDDING",
        '\u{202C}' => "POP DIRECTIONAL FORMATTING",
        '\u{202D}' => "LEFT-TO-RIGHT OVERRIDE",
        '\u{202E}' => "RIGHT-TO-LEFT OVERRIDE",
        '\u{2066}' => "LEFT-TO-RIGHT ISOLATE",
        '\u{2067}' => "RIGHT-TO-LEFT ISOLATE",
        '\u{2068}' => "FIRST STRONG ISOLATE",
        _ => "POP DIRECTIONAL ISOLATE",
    }
}

/// Warns about every embedding or override control, and every unbalanced isolate, in `text`.
pub fn bidi_controls(text: &Strings, diags: &mut Vec<Diagnostic>) {
    for (key, entry) in &text.entries {
        let mut open: Vec<(usize, char)> = Vec::new();
        let mut found: Vec<(usize, char, &str, &str)> = Vec::new();
        for (offset, c) in entry.value.char_indices() {
            match c {
                '\u{202A}'..='\u{202E}' => found.push((
                    offset,
                    c,
                    "embeds or overrides the direction of text, reordering words in the PDF",
                    "delete it; to set a run of the other direction apart, put it between U+2068 (FIRST STRONG ISOLATE) and U+2069 (POP DIRECTIONAL ISOLATE)",
                )),
                '\u{2066}'..='\u{2068}' => open.push((offset, c)),
                '\u{2069}' if open.pop().is_none() => found.push((
                    offset,
                    c,
                    "closes an isolate that was never opened",
                    "delete it, or open the isolate with U+2066, U+2067 or U+2068 before it",
                )),
                _ => {}
            }
        }
        found.extend(open.into_iter().map(|(offset, c)| {
            let what = "opens an isolate that is never closed, so its direction leaks into the text after it";
            (offset, c, what, "close it with U+2069 (POP DIRECTIONAL ISOLATE) at the end of the run")
        }));
        found.sort_by_key(|f| f.0);
        for (offset, c, what, hint) in found {
            let message = format!(
                "`{key}` contains the bidi control U+{:04X} ({}), which {what}",
                c as u32,
                control_name(c)
            );
            let mut d = Diagnostic::warning(message).with_hint(hint);
            d.json_path = Some(format_path(&entry.path));
            d = match text
                .file
                .locate_in_string(&entry.path, offset, c.len_utf8())
            {
                Some(loc) => d.at(loc),
                None => d.in_file(&text.file.name),
            };
            diags.push(d);
        }
    }
}
