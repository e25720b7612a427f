//! A profile folder: `profile.json` (the facts), `text/<lang>.json` (every sentence, one file
//! per language) and `text/_notes.json` (context and length limits for translators).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::model::facts::Facts;
use super::model::notes::Notes;
use super::texts::{load_notes, load_texts, schema_of};
use super::{DisplayNames, JsonFile, Strings, read_json};
use crate::diagnostics::Diagnostic;

/// A loaded profile.
#[derive(Debug, Clone)]
pub struct Profile {
    /// Canonical folder.
    pub dir: PathBuf,
    /// The folder as it is named in messages.
    pub shown: String,
    /// Folder name, used for output file names.
    pub name: String,
    pub facts_file: JsonFile,
    pub facts: Facts,
    /// Text by language code.
    pub texts: BTreeMap<String, Strings>,
    pub notes: Option<(JsonFile, Notes)>,
}

impl Profile {
    /// The languages this profile has text for.
    pub fn languages(&self) -> Vec<String> {
        self.texts.keys().cloned().collect()
    }
}

/// Loads a profile folder. Returns the profile when its files could be read at all, and every
/// problem found on the way.
pub fn load_profile(dir: &Path, names: &DisplayNames) -> (Option<Profile>, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let shown = names.name(dir);
    let canonical = match dir.canonicalize() {
        Ok(d) if d.is_dir() => d,
        _ => {
            let d = Diagnostic::error(format!("profile folder not found: {shown}"));
            return (None, vec![d]);
        }
    };
    let (facts_file, problems) = read_json(
        &dir.join("profile.json"),
        schema_of("profile.schema.json", true),
        names,
    );
    let facts_ok = problems.is_empty();
    diags.extend(problems);
    let text_dir = dir.join("text");
    if !text_dir.is_dir() {
        diags.push(Diagnostic::error(format!(
            "profile {shown} has no text folder ({} is missing)",
            names.name(&text_dir)
        )));
    }
    let what = format!("profile {shown}");
    let texts = load_texts(&text_dir, "text.schema.json", &what, names, &mut diags);
    let notes = load_notes(&text_dir, names, &mut diags);
    let Some(facts_file) = facts_file.filter(|_| facts_ok) else {
        return (None, diags);
    };
    let facts: Facts = match facts_file.deserialize() {
        Ok(f) => f,
        Err(d) => {
            diags.push(d);
            return (None, diags);
        }
    };
    let name = canonical
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "profile".into());
    let profile = Profile {
        dir: canonical,
        shown,
        name,
        facts_file,
        facts,
        texts,
        notes,
    };
    (Some(profile), diags)
}
