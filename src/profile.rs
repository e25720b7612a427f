//! Loading a profile folder (facts, one text per language, notes) and a layout's language
//! packs, with every problem collected as a located diagnostic.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::diagnostics::Diagnostic;
use crate::model::facts::Facts;
use crate::model::notes::Notes;
use crate::project::{REFERENCE_LANG, is_lang_code};
use crate::schema;
use crate::source::{JsonFile, display_name, read_json};
use crate::strings::Strings;

/// The name of the per-folder notes file.
pub const NOTES_FILE: &str = "_notes.json";

/// A loaded profile.
#[derive(Debug, Clone)]
pub struct Profile {
    /// Canonical folder.
    pub dir: PathBuf,
    /// Folder name, used for output file names.
    pub name: String,
    pub facts_file: JsonFile,
    pub facts: Facts,
    /// Text by language code.
    pub texts: BTreeMap<String, Strings>,
    pub notes: Option<(JsonFile, Notes)>,
}

/// The language packs of a layout.
#[derive(Debug, Clone)]
pub struct Packs {
    pub by_lang: BTreeMap<String, Strings>,
    pub notes: Option<(JsonFile, Notes)>,
}

impl Packs {
    pub fn reference(&self) -> Option<&Strings> {
        self.by_lang.get(REFERENCE_LANG)
    }
}

impl Profile {
    /// The languages this profile has text for.
    pub fn languages(&self) -> Vec<String> {
        self.texts.keys().cloned().collect()
    }
}

/// The schema of a file kind, generated once per process.
fn schema_of(name: &str) -> &'static serde_json::Value {
    static SCHEMAS: std::sync::OnceLock<Vec<(&'static str, serde_json::Value)>> =
        std::sync::OnceLock::new();
    static EMPTY: serde_json::Value = serde_json::Value::Null;
    SCHEMAS
        .get_or_init(crate::model::schemas)
        .iter()
        .find(|(n, _)| *n == name)
        .map_or(&EMPTY, |(_, s)| s)
}

/// Lists `<lang>.json` files of a folder, reporting oddly named ones.
fn lang_files(dir: &Path, diags: &mut Vec<Diagnostic>) -> Vec<(String, PathBuf)> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for path in entries.filter_map(|e| e.ok().map(|e| e.path())) {
        let Some(file) = path.file_name().and_then(|n| n.to_str()) else {
            continue;
        };
        if file == NOTES_FILE || !file.ends_with(".json") {
            continue;
        }
        let code = file.trim_end_matches(".json");
        if is_lang_code(code) {
            out.push((code.to_string(), path.clone()));
        } else {
            diags.push(
                Diagnostic::warning(format!(
                    "{} is ignored: its name is not a language code",
                    display_name(&path)
                ))
                .with_hint("text files are named by language, e.g. en.json, fr.json, pt-BR.json"),
            );
        }
    }
    out.sort();
    out
}

fn load_texts(
    dir: &Path,
    schema_name: &str,
    what: &str,
    diags: &mut Vec<Diagnostic>,
) -> BTreeMap<String, Strings> {
    let schema = schema_of(schema_name);
    let mut texts = BTreeMap::new();
    let mut unreadable = Vec::new();
    for (lang, path) in lang_files(dir, diags) {
        let options = schema::Options {
            allow_missing: lang != REFERENCE_LANG,
        };
        let (file, problems) = read_json(&path, schema, options);
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
        && dir.is_dir()
    {
        diags.push(
            Diagnostic::error(format!(
                "{what} has no English text: {} is missing",
                display_name(&dir.join("en.json"))
            ))
            .with_hint("English is the reference language that the others fall back to"),
        );
    }
    texts
}

fn load_notes(dir: &Path, diags: &mut Vec<Diagnostic>) -> Option<(JsonFile, Notes)> {
    let path = dir.join(NOTES_FILE);
    if !path.exists() {
        return None;
    }
    let (file, problems) = read_json(
        &path,
        schema_of("notes.schema.json"),
        schema::Options::default(),
    );
    diags.extend(problems);
    let file = file?;
    let notes: Notes = serde_json::from_value(file.root.to_serde()).ok()?;
    Some((file, notes))
}

/// Loads a profile folder. Returns the profile when its files could be read at all, and every
/// problem found on the way.
pub fn load_profile(dir: &Path) -> (Option<Profile>, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let shown = display_name(dir);
    let canonical = match dir.canonicalize() {
        Ok(d) if d.is_dir() => d,
        _ => {
            return (
                None,
                vec![Diagnostic::error(format!(
                    "profile folder not found: {shown}"
                ))],
            );
        }
    };
    let (facts_file, problems) = read_json(
        &dir.join("profile.json"),
        schema_of("profile.schema.json"),
        schema::Options::default(),
    );
    let facts_ok = problems.is_empty();
    diags.extend(problems);
    let text_dir = dir.join("text");
    if !text_dir.is_dir() {
        diags.push(Diagnostic::error(format!(
            "profile {shown} has no text folder ({} is missing)",
            display_name(&text_dir)
        )));
    }
    let texts = load_texts(
        &text_dir,
        "text.schema.json",
        &format!("profile {shown}"),
        &mut diags,
    );
    let notes = load_notes(&text_dir, &mut diags);
    let Some(facts_file) = facts_file else {
        return (None, diags);
    };
    if !facts_ok {
        return (None, diags);
    }
    let facts: Facts = match serde_json::from_value(facts_file.root.to_serde()) {
        Ok(f) => f,
        Err(e) => {
            diags.push(Diagnostic::error(format!("{}: {e}", facts_file.name)));
            return (None, diags);
        }
    };
    let name = canonical
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "profile".into());
    (
        Some(Profile {
            dir: canonical,
            name,
            facts_file,
            facts,
            texts,
            notes,
        }),
        diags,
    )
}

/// Loads the language packs of a layout.
pub fn load_packs(lang_dir: &Path) -> (Packs, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    if !lang_dir.is_dir() {
        diags.push(Diagnostic::error(format!(
            "no language packs: {} does not exist",
            display_name(lang_dir)
        )));
    }
    let by_lang = load_texts(
        lang_dir,
        "pack.schema.json",
        "the layout's language packs",
        &mut diags,
    );
    let notes = load_notes(lang_dir, &mut diags);
    (Packs { by_lang, notes }, diags)
}
