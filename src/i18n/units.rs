//! Translation units: what a translator works on for one language of a profile's text or of a
//! layout's language pack — every English text that is text (settings marked `"translate":
//! false` in the notes are left out), with its translation, its state, and the context and
//! length limit from the notes file. Exchange formats (XLIFF, PO) and `i18n status` are built
//! on this.

use std::path::PathBuf;

use serde::Serialize;

use super::lock::Lock;
use crate::load::model::notes::Notes;
use crate::load::{DisplayNames, JsonFile, Packs, Strings};
use crate::project::Project;

/// What the translation functions read of a run: the layout's packs, the project they are in,
/// and how files are named in messages.
#[derive(Clone, Copy)]
pub struct Sources<'a> {
    pub packs: &'a Packs,
    pub project: &'a Project,
    pub names: &'a DisplayNames,
}

/// Where a unit stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum UnitState {
    /// No translation yet.
    New,
    Translated,
    /// Translated from an English text that has changed since.
    NeedsReview,
    /// Confirmed the same as the English on purpose.
    Final,
}

/// One text to translate.
#[derive(Debug, Clone, Serialize)]
pub struct Unit {
    /// Dotted key, e.g. `findings.rights.potential.p2`: the unit's id.
    pub key: String,
    /// The English text.
    pub source: String,
    pub target: Option<String>,
    pub state: UnitState,
    /// Context for the translator, from the notes file.
    pub note: Option<String>,
    pub max_length: Option<usize>,
}

/// What is being translated: a profile's text, or the layout's language pack.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase", tag = "kind")]
pub enum Scope {
    Profile { name: String },
    Pack { layout: String },
}

/// All units of one language of one text folder.
#[derive(Debug, Clone, Serialize)]
pub struct Catalog {
    pub scope: Scope,
    pub lang: String,
    /// The folder of the text files (`profiles/x/text`, `layouts/mgi/lang`).
    #[serde(skip)]
    pub dir: PathBuf,
    /// The translation file as named in messages (`profiles/x/text/fr.json`).
    pub file: String,
    pub units: Vec<Unit>,
}

/// Whether the notes mark `key` as a setting rather than text.
pub fn is_setting(notes: Option<&(JsonFile, Notes)>, key: &str) -> bool {
    notes
        .and_then(|(_, n)| n.keys.get(key))
        .is_some_and(|note| note.translate == Some(false))
}

/// The units of `lang`, from the English text, the language's text (if any), the notes and the
/// lock.
pub fn catalog(
    scope: Scope,
    dir: PathBuf,
    file: String,
    english: &Strings,
    own: Option<&Strings>,
    notes: Option<&(JsonFile, Notes)>,
    lang: &str,
) -> Catalog {
    let lock = Lock::load(&dir, lang);
    let units = english
        .entries
        .iter()
        .filter(|(key, _)| !is_setting(notes, key))
        .map(|(key, entry)| {
            let target = own.and_then(|o| o.get(key)).map(str::to_string);
            let state = match &target {
                None => UnitState::New,
                Some(_) if lock.is_stale(key, &entry.value) => UnitState::NeedsReview,
                Some(_) if lock.confirmed_same(key, &entry.value) => UnitState::Final,
                Some(_) => UnitState::Translated,
            };
            let note = notes.and_then(|(_, n)| n.keys.get(key.as_str()));
            Unit {
                key: key.clone(),
                source: entry.value.clone(),
                target,
                state,
                note: note.and_then(|n| n.context.clone()),
                max_length: note.and_then(|n| n.max_length),
            }
        })
        .collect();
    Catalog {
        scope,
        lang: lang.to_string(),
        dir,
        file,
        units,
    }
}

/// The catalog of `lang` for a profile's text.
pub fn profile_catalog(
    sources: &Sources<'_>,
    profile: &crate::load::Profile,
    lang: &str,
) -> Option<Catalog> {
    let english = profile.texts.get(crate::project::REFERENCE_LANG)?;
    let dir = profile.dir.join("text");
    let file = sources.names.name(&dir.join(format!("{lang}.json")));
    let scope = Scope::Profile {
        name: profile.name.clone(),
    };
    let own = profile.texts.get(lang);
    Some(catalog(
        scope,
        dir,
        file,
        english,
        own,
        profile.notes.as_ref(),
        lang,
    ))
}

/// The catalog of `lang` for the layout's language pack.
pub fn pack_catalog(sources: &Sources<'_>, lang: &str) -> Option<Catalog> {
    let packs = sources.packs;
    let english = packs.reference()?;
    let dir = sources.project.lang_dir();
    let file = sources.names.name(&dir.join(format!("{lang}.json")));
    let scope = Scope::Pack {
        layout: sources.project.layout.clone(),
    };
    let own = packs.by_lang.get(lang);
    Some(catalog(
        scope,
        dir,
        file,
        english,
        own,
        packs.notes.as_ref(),
        lang,
    ))
}
