//! The files of a folder that hold text: one per language (`en.json`, `fr.json`, …) and the
//! notes file beside them, read and validated against their schemas.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::model::{self, notes::Notes};
use super::schema;
use super::source::{DisplayNames, JsonFile, read_json};
use super::strings::Strings;
use crate::diagnostics::Diagnostic;
use crate::project::{REFERENCE_LANG, normalize_lang};

/// The name of the per-folder notes file (context and length limits for translators).
pub const NOTES_FILE: &str = "_notes.json";

/// The schema of a file kind, generated once per process. `complete: false` gives the variant
/// without required keys, for texts that fall back to English.
pub fn schema_of(name: &str, complete: bool) -> &'static serde_json::Value {
    type Schemas = Vec<(&'static str, serde_json::Value, serde_json::Value)>;
    static SCHEMAS: std::sync::OnceLock<Schemas> = std::sync::OnceLock::new();
    static EMPTY: serde_json::Value = serde_json::Value::Null;
    SCHEMAS
        .get_or_init(|| {
            model::schemas()
                .into_iter()
                .map(|(n, s)| {
                    let partial = schema::without_required(&s);
                    (n, s, partial)
                })
                .collect()
        })
        .iter()
        .find(|(n, _, _)| *n == name)
        .map_or(
            &EMPTY,
            |(_, full, partial)| {
                if complete { full } else { partial }
            },
        )
}

/// The languages a profile folder has text files for (`text/<lang>.json`), without reading
/// them.
pub fn text_languages(profile_dir: &Path) -> Vec<String> {
    let mut ignored = Vec::new();
    let names = DisplayNames::relative_to(profile_dir);
    let mut langs: Vec<String> = lang_files(&profile_dir.join("text"), &names, &mut ignored)
        .into_iter()
        .map(|(lang, _)| lang)
        .collect();
    langs.dedup();
    langs
}

/// Lists the `<lang>.json` files of a folder, reporting oddly named ones.
fn lang_files(
    dir: &Path,
    names: &DisplayNames,
    diags: &mut Vec<Diagnostic>,
) -> Vec<(String, PathBuf)> {
    let Some(entries) = crate::builtin::read_dir(dir) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for path in entries {
        let Some(file) = path.file_name().and_then(|n| n.to_str()) else {
            continue;
        };
        // `_notes.json`, `_lock.<lang>.json`: files about the texts, not texts.
        if file.starts_with('_') || !file.ends_with(".json") {
            continue;
        }
        let code = file.trim_end_matches(".json");
        if let Some(code) = normalize_lang(code) {
            out.push((code, path.clone()));
        } else {
            diags.push(
                Diagnostic::warning(format!(
                    "{} is ignored: its name is not a language code",
                    names.name(&path)
                ))
                .with_hint("text files are named by language, e.g. en.json, fr.json, pt-BR.json"),
            );
        }
    }
    out.sort();
    out
}

/// Reads every language's text file of a folder; English must be there.
pub(super) fn load_texts(
    dir: &Path,
    schema_name: &str,
    what: &str,
    names: &DisplayNames,
    diags: &mut Vec<Diagnostic>,
) -> BTreeMap<String, Strings> {
    let mut texts = BTreeMap::new();
    let mut unreadable = Vec::new();
    for (lang, path) in lang_files(dir, names, diags) {
        let schema = schema_of(schema_name, lang == REFERENCE_LANG);
        let (file, problems) = read_json(&path, schema, names);
        diags.extend(problems);
        match file {
            Some(file) => {
                texts.insert(lang.clone(), Strings::new(&lang, file));
            }
            None => unreadable.push(lang),
        }
    }
    if !texts.contains_key(REFERENCE_LANG)
        && !unreadable.iter().any(|l| l == REFERENCE_LANG)
        && crate::builtin::is_folder(dir)
    {
        diags.push(
            Diagnostic::error(format!(
                "{what} has no English text: {} is missing",
                names.name(&dir.join("en.json"))
            ))
            .with_hint("English is the reference language that the others fall back to"),
        );
    }
    texts
}

/// Reads the notes file of a folder, if there is one.
pub(super) fn load_notes(
    dir: &Path,
    names: &DisplayNames,
    diags: &mut Vec<Diagnostic>,
) -> Option<(JsonFile, Notes)> {
    let path = dir.join(NOTES_FILE);
    if !crate::builtin::is_file(&path) && !path.exists() {
        return None;
    }
    let (file, problems) = read_json(&path, schema_of("notes.schema.json", true), names);
    let valid = problems.is_empty();
    diags.extend(problems);
    let file = file?;
    match file.deserialize::<Notes>() {
        Ok(notes) => Some((file, notes)),
        Err(d) => {
            // A file that broke the schema has been reported already.
            if valid {
                diags.push(d);
            }
            None
        }
    }
}
