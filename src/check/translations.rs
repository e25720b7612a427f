//! Translation checks on every translated key of a profile's text or a language pack, as
//! localisation platforms run them: placeholders, link targets, footnotes and numbers kept
//! (`i18n::checks`), text identical to the English that nobody confirmed, and translations
//! made from an English text that has changed since (stale, from the language's lock).

use std::path::Path;

use crate::diagnostics::Diagnostic;
use crate::i18n::checks;
use crate::i18n::lock::Lock;
use crate::i18n::status::needs_translation;
use crate::i18n::units::is_setting;
use crate::load::json::At;
use crate::load::model::notes::Notes;
use crate::load::{JsonFile, Strings};

/// Warnings for `text` (a translation) against `english`; `dir` holds the language's lock.
pub fn translation_checks(
    text: &Strings,
    english: &Strings,
    notes: Option<&(JsonFile, Notes)>,
    dir: &Path,
    diags: &mut Vec<Diagnostic>,
) {
    let findings = translation_findings(text, english, notes, dir);
    diags.extend(findings.into_iter().map(|(_, d)| d));
}

/// The warnings of [`translation_checks`], each marked `true` when it is a stale translation.
pub fn translation_findings(
    text: &Strings,
    english: &Strings,
    notes: Option<&(JsonFile, Notes)>,
    dir: &Path,
) -> Vec<(bool, Diagnostic)> {
    let mut found = Vec::new();
    let lock = Lock::load(dir, &text.lang);
    for (key, entry) in &text.entries {
        let Some(source) = english.get(key) else {
            continue;
        };
        if is_setting(notes, key) {
            continue;
        }
        let mut warn = |message: String, hint: &str, stale: bool| {
            let d = Diagnostic::warning(message).with_hint(hint);
            found.push((stale, text.file.diag(d, &entry.path, At::Value)));
        };
        for m in checks::compare(source, &entry.value) {
            warn(
                format!("`{key}`: {}", m.message()),
                "keep the English text's markup, links and numbers in the translation",
                false,
            );
        }
        if lock.is_stale(key, source) {
            warn(
                format!("`{key}` was translated from an older English text (needs review)"),
                "review the translation, then import it or run `mgi-press i18n mark`",
                true,
            );
        } else if entry.value == source
            && needs_translation(source)
            && !lock.confirmed_same(key, source)
        {
            warn(
                format!("`{key}` is the same as the English: not translated yet?"),
                "translate it, or confirm it is the same on purpose: `mgi-press i18n mark … --same KEY`",
                false,
            );
        }
    }
    found
}
