//! Cross-file checks that no schema can express, one function per rule: every dimension once,
//! unique ids, conventions and sources that exist, text for every fact (`facts`, `texts`),
//! images that decode at print resolution (`image`), a usable printer's output profile
//! (`print`), translations that keep English's placeholders, notes and links and are not stale
//! (`translations`), length limits from the notes files (`lengths`), no stray bidi controls
//! (`bidi`).

mod bidi;
mod facts;
mod image;
mod lengths;
mod other_languages;
mod path;
mod print;
mod texts;
mod translations;

use crate::diagnostics::Diagnostic;
use crate::load::json::At;
use crate::load::{Packs, Profile};
use crate::project::REFERENCE_LANG;

pub use image::PRINT_DPI;
pub use other_languages::set_aside_other_languages;

/// Checks a profile's facts against themselves, its texts and the language packs.
///
/// `deep` also decodes images completely (for `mgi-press check`); builds only read their size.
pub fn check_profile(profile: &Profile, packs: &Packs, deep: bool) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    facts::published_date(profile, &mut diags);
    facts::dimensions_once_each(profile, &mut diags);
    facts::conventions_named(profile, packs, &mut diags);
    let ids = facts::source_ids(profile, &mut diags);
    for text in profile.texts.values() {
        texts::sources_have_text(text, &ids, &mut diags);
        texts::no_findings_beyond_english(profile, text, &mut diags);
        bidi::bidi_controls(text, &mut diags);
        if let Some(en) = profile
            .texts
            .get(REFERENCE_LANG)
            .filter(|_| text.lang != REFERENCE_LANG)
        {
            let dir = profile.dir.join("text");
            let notes = profile.notes.as_ref();
            translations::translation_checks(text, en, notes, &dir, &mut diags);
        }
    }
    facts::declared_languages(profile, &mut diags);
    image::cover_image(profile, deep, &mut diags);
    print::output_profile(profile, &mut diags);
    if let Some((notes_file, notes)) = &profile.notes {
        for text in profile.texts.values() {
            lengths::within_limits(text, notes_file, notes, &mut diags);
        }
    }
    diags
}

/// Checks the language packs: lengths, and that every pack's keys exist in English.
pub fn check_packs(packs: &Packs) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    if let Some((notes_file, notes)) = &packs.notes {
        for pack in packs.by_lang.values() {
            lengths::within_limits(pack, notes_file, notes, &mut diags);
        }
    }
    for pack in packs.by_lang.values() {
        bidi::bidi_controls(pack, &mut diags);
        if let (Some(en), Some(dir)) = (packs.reference(), pack.file.path.parent())
            && pack.lang != REFERENCE_LANG
        {
            translations::translation_checks(pack, en, packs.notes.as_ref(), dir, &mut diags);
        }
    }
    if let Some(en) = packs.reference() {
        for pack in packs.by_lang.values().filter(|p| p.lang != REFERENCE_LANG) {
            for (k, entry) in &pack.entries {
                if en.get(k).is_none() {
                    diags.push(pack.file.diag(
                        Diagnostic::warning(format!(
                            "`{k}` is not in the English pack, so nothing uses it"
                        )),
                        &entry.path,
                        At::Key,
                    ));
                }
            }
        }
    }
    diags
}
