//! Rules on the profile's text files against the facts: every source has text in English, no
//! text names a source that does not exist, and no translation adds findings English lacks.

use super::facts::SourceIds;
use super::path::key;
use crate::diagnostics::Diagnostic;
use crate::load::json::At;
use crate::load::json::PathSeg;
use crate::load::schema::closest;
use crate::load::{Profile, Strings};
use crate::project::REFERENCE_LANG;

/// Source groups and entries in the text match those of `profile.json` (all of them must have
/// English text; no language may name one that does not exist).
pub fn sources_have_text(text: &Strings, ids: &SourceIds<'_>, diags: &mut Vec<Diagnostic>) {
    let reference = text.lang == REFERENCE_LANG;
    let groups: Vec<&str> = ids.groups.keys().copied().collect();
    let entries: Vec<&str> = ids.entries.keys().copied().collect();
    for (section, ids, what) in [
        ("sources.groups", groups, "source group"),
        ("sources.entries", entries, "source"),
    ] {
        let present = text.children(section);
        for k in present.iter().filter(|k| !ids.contains(&k.as_str())) {
            let mut d = Diagnostic::error(format!(
                "{what} \"{k}\" has text here but is not in profile.json"
            ));
            if let Some(near) = closest(k, ids.iter().copied()) {
                d = d.with_hint(format!("did you mean \"{near}\"?"));
            }
            let path = text.entries[&format!("{section}.{k}")].path.clone();
            diags.push(text.file.diag(d, &path, At::Key));
        }
        if !reference {
            continue;
        }
        let mut missing: Vec<&str> = ids
            .iter()
            .copied()
            .filter(|id| !present.iter().any(|p| p == id))
            .collect();
        missing.sort();
        for id in missing {
            let path: Vec<PathSeg> = section.split('.').map(key).collect();
            let d = Diagnostic::error(format!(
                "{what} \"{id}\" of profile.json has no text in {}",
                text.file.name
            ));
            diags.push(text.file.diag(d, &path, At::Value));
        }
    }
}

/// Paragraphs a translation has but English has not (nothing would show them).
pub fn no_findings_beyond_english(profile: &Profile, text: &Strings, diags: &mut Vec<Diagnostic>) {
    let Some(en) = profile.texts.get(REFERENCE_LANG) else {
        return;
    };
    if text.lang == REFERENCE_LANG {
        return;
    }
    for (k, entry) in &text.entries {
        if k.starts_with("findings.") && en.get(k).is_none() {
            let d = Diagnostic::warning(format!("`{k}` is not in the English text"));
            diags.push(text.file.diag(d, &entry.path, At::Key));
        }
    }
}
