//! A layout's language packs: the standard texts and labels every profile shares, one file per
//! language in `layouts/<layout>/lang/`, with their notes for translators.

use std::collections::BTreeMap;
use std::path::Path;

use super::model::notes::Notes;
use super::texts::{load_notes, load_texts};
use super::{DisplayNames, JsonFile, Strings};
use crate::diagnostics::Diagnostic;
use crate::project::REFERENCE_LANG;

/// The language packs of a layout.
#[derive(Debug, Clone)]
pub struct Packs {
    pub by_lang: BTreeMap<String, Strings>,
    pub notes: Option<(JsonFile, Notes)>,
}

impl Packs {
    /// The English pack, which every other falls back to.
    pub fn reference(&self) -> Option<&Strings> {
        self.by_lang.get(REFERENCE_LANG)
    }
}

/// Loads the language packs of a layout.
pub fn load_packs(lang_dir: &Path, names: &DisplayNames) -> (Packs, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    if !crate::builtin::is_folder(lang_dir) {
        diags.push(Diagnostic::error(format!(
            "no language packs: {} does not exist",
            names.name(lang_dir)
        )));
    }
    let by_lang = load_texts(
        lang_dir,
        "pack.schema.json",
        "the layout's language packs",
        names,
        &mut diags,
    );
    let notes = load_notes(lang_dir, names, &mut diags);
    (Packs { by_lang, notes }, diags)
}
