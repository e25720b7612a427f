//! The translator's report: for each profile and language pack, which keys are missing,
//! untranslated (identical to English) or extra, with their JSON paths.

use serde::Serialize;

use crate::load::json::format_path;
use crate::load::{Strings, load_profile};
use crate::project::REFERENCE_LANG;
use crate::session::Session;

#[derive(Debug, Clone, Serialize)]
pub struct KeyRef {
    pub key: String,
    pub json_path: String,
}

/// The state of one text file against its English reference.
#[derive(Debug, Clone, Serialize)]
pub struct LangStatus {
    /// `layout pack` or the profile folder name.
    pub scope: String,
    pub lang: String,
    /// The file that holds (or would hold) the language's text.
    pub file: String,
    pub exists: bool,
    /// Keys in the English reference.
    pub total: usize,
    /// Keys present and different from English.
    pub translated: usize,
    pub missing: Vec<KeyRef>,
    pub untranslated: Vec<KeyRef>,
    pub extra: Vec<KeyRef>,
}

/// Compares `own` (absent when the file does not exist) to the English `reference`.
pub fn compare(
    scope: &str,
    lang: &str,
    file: String,
    own: Option<&Strings>,
    reference: &Strings,
) -> LangStatus {
    let mut status = LangStatus {
        scope: scope.to_string(),
        lang: lang.to_string(),
        file,
        exists: own.is_some(),
        total: reference.entries.len(),
        translated: 0,
        missing: Vec::new(),
        untranslated: Vec::new(),
        extra: Vec::new(),
    };
    for (key, entry) in &reference.entries {
        let r = KeyRef {
            key: key.clone(),
            json_path: format_path(&entry.path),
        };
        match own.and_then(|o| o.get(key)) {
            None => status.missing.push(r),
            Some(value) if value == entry.value && needs_translation(value) => {
                status.untranslated.push(r)
            }
            Some(_) => status.translated += 1,
        }
    }
    if let Some(own) = own {
        for (key, entry) in &own.entries {
            if reference.get(key).is_none() {
                status.extra.push(KeyRef {
                    key: key.clone(),
                    json_path: format_path(&entry.path),
                });
            }
        }
    }
    status
}

/// Text that reads the same in every language (URLs, numbers, handles, placeholders only) is
/// not counted as untranslated.
fn needs_translation(value: &str) -> bool {
    let stripped = value
        .replace("{{country}}", "")
        .replace("{{country_short}}", "")
        .replace("{{year}}", "");
    let letters = stripped.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 3
        && !stripped.contains("://")
        && !stripped.starts_with('@')
        && !stripped.contains('@')
}

/// The report for the language packs and the given profiles, in every language that either a
/// pack or the profile has.
pub fn status(session: &Session, dirs: &[std::path::PathBuf]) -> Vec<LangStatus> {
    let mut out = Vec::new();
    let packs = &session.packs;
    let pack_langs: Vec<String> = packs.by_lang.keys().cloned().collect();
    if let Some(en) = packs.reference() {
        for lang in pack_langs.iter().filter(|l| *l != REFERENCE_LANG) {
            let own = packs.by_lang.get(lang);
            let file = session
                .names
                .name(&session.project.lang_dir().join(format!("{lang}.json")));
            out.push(compare("layout pack", lang, file, own, en));
        }
    }
    for dir in dirs {
        let (profile, _) = load_profile(dir, &session.names);
        let Some(profile) = profile else { continue };
        let Some(en) = profile.texts.get(REFERENCE_LANG) else {
            continue;
        };
        let mut langs: Vec<String> = profile.languages();
        langs.extend(pack_langs.iter().cloned());
        langs.sort();
        langs.dedup();
        for lang in langs.iter().filter(|l| *l != REFERENCE_LANG) {
            let file = session
                .names
                .name(&profile.dir.join("text").join(format!("{lang}.json")));
            out.push(compare(
                &profile.name,
                lang,
                file,
                profile.texts.get(lang),
                en,
            ));
        }
    }
    out
}

/// A human-readable report.
pub fn render(statuses: &[LangStatus]) -> String {
    let mut s = String::new();
    for st in statuses {
        let pct = if st.total == 0 {
            100.0
        } else {
            100.0 * st.translated as f64 / st.total as f64
        };
        s.push_str(&format!(
            "{} [{}] {}: {}/{} translated ({pct:.0}%), {} missing, {} untranslated, {} extra{}\n",
            st.scope,
            st.lang,
            st.file,
            st.translated,
            st.total,
            st.missing.len(),
            st.untranslated.len(),
            st.extra.len(),
            if st.exists {
                ""
            } else {
                " (file does not exist)"
            }
        ));
        let list = |label: &str, keys: &[KeyRef], s: &mut String| {
            const SHOWN: usize = 12;
            for k in keys.iter().take(SHOWN) {
                s.push_str(&format!("    {label} {}\n", k.json_path));
            }
            if keys.len() > SHOWN {
                s.push_str(&format!(
                    "    {label} … and {} more (use --format json for all)\n",
                    keys.len() - SHOWN
                ));
            }
        };
        if st.exists {
            list("missing     ", &st.missing, &mut s);
        }
        list("untranslated", &st.untranslated, &mut s);
        list("extra       ", &st.extra, &mut s);
    }
    s
}
