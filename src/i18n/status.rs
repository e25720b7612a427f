//! The translator's report: for each profile and language pack, which translation units are
//! missing, untranslated (identical to English and not confirmed), stale (translated from an
//! older English text) or extra, with their JSON paths; settings are not units.

use std::collections::BTreeSet;

use serde::Serialize;

use super::checks;
use super::units::{Catalog, Sources, UnitState, pack_catalog, profile_catalog};
use crate::load::json::format_path;
use crate::load::{Strings, load_profile};
use crate::project::REFERENCE_LANG;

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
    /// The profile declares this language (`languages` in profile.json): it must be complete.
    pub declared: bool,
    /// Translation units (English texts that are not settings).
    pub total: usize,
    /// Units translated and up to date (or confirmed the same as English).
    pub translated: usize,
    pub missing: Vec<KeyRef>,
    pub untranslated: Vec<KeyRef>,
    /// Translated from an English text that has changed since: needs review.
    pub stale: Vec<KeyRef>,
    pub extra: Vec<KeyRef>,
    /// Placeholders, links, footnotes or numbers not kept (see `checks`).
    pub mismatched: Vec<KeyRef>,
}

impl LangStatus {
    /// Nothing missing and nothing stale.
    pub fn complete(&self) -> bool {
        self.missing.is_empty() && self.stale.is_empty()
    }
}

fn key_ref(strings: &Strings, key: &str) -> KeyRef {
    let json_path = strings
        .entries
        .get(key)
        .map_or_else(|| format!("$.{key}"), |e| format_path(&e.path));
    KeyRef {
        key: key.to_string(),
        json_path,
    }
}

/// The status of one catalog; `own` is the language's text (for extra keys).
pub fn compare(
    scope: &str,
    catalog: &Catalog,
    english: &Strings,
    own: Option<&Strings>,
    declared: bool,
) -> LangStatus {
    let mut st = LangStatus {
        scope: scope.to_string(),
        lang: catalog.lang.clone(),
        file: catalog.file.clone(),
        exists: own.is_some(),
        declared,
        total: catalog.units.len(),
        translated: 0,
        missing: Vec::new(),
        untranslated: Vec::new(),
        stale: Vec::new(),
        extra: Vec::new(),
        mismatched: Vec::new(),
    };
    for unit in &catalog.units {
        let r = key_ref(english, &unit.key);
        let target = unit.target.as_deref().unwrap_or_default();
        if unit.target.is_some() && !checks::compare(&unit.source, target).is_empty() {
            st.mismatched.push(r.clone());
        }
        match unit.state {
            UnitState::New => st.missing.push(r),
            UnitState::NeedsReview => st.stale.push(r),
            UnitState::Translated if target == unit.source && needs_translation(target) => {
                st.untranslated.push(r)
            }
            UnitState::Translated | UnitState::Final => st.translated += 1,
        }
    }
    if let Some(own) = own {
        for key in own.entries.keys().filter(|k| english.get(k).is_none()) {
            st.extra.push(key_ref(own, key));
        }
    }
    st
}

/// Text that reads the same in every language (URLs, numbers, handles, placeholders only) is
/// not counted as untranslated.
pub fn needs_translation(value: &str) -> bool {
    let mut stripped = value.to_string();
    for p in checks::placeholders(value) {
        stripped = stripped.replace(&p, "");
    }
    let letters = stripped.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 3 && !stripped.contains("://") && !stripped.contains('@')
}

/// The report for the language packs and the given profiles, in every language that a pack
/// or the profile has, or the profile declares.
pub fn status(sources: &Sources<'_>, dirs: &[std::path::PathBuf]) -> Vec<LangStatus> {
    let packs = sources.packs;
    let profiles: Vec<_> = dirs
        .iter()
        .filter_map(|d| load_profile(d, sources.names).0)
        .collect();
    let declared_anywhere: BTreeSet<String> = profiles
        .iter()
        .flat_map(|p| p.facts.languages.iter().cloned())
        .collect();
    let pack_langs: Vec<String> = packs.by_lang.keys().cloned().collect();
    let mut out = Vec::new();
    if let Some(en) = packs.reference() {
        for lang in pack_langs.iter().filter(|l| *l != REFERENCE_LANG) {
            if let Some(c) = pack_catalog(sources, lang) {
                let declared = declared_anywhere.contains(lang);
                out.push(compare(
                    "layout pack",
                    &c,
                    en,
                    packs.by_lang.get(lang),
                    declared,
                ));
            }
        }
    }
    for profile in &profiles {
        let Some(en) = profile.texts.get(REFERENCE_LANG) else {
            continue;
        };
        let mut langs: BTreeSet<String> = profile.languages().into_iter().collect();
        langs.extend(pack_langs.iter().cloned());
        langs.extend(profile.facts.languages.iter().cloned());
        for lang in langs.iter().filter(|l| *l != REFERENCE_LANG) {
            if let Some(c) = profile_catalog(sources, profile, lang) {
                let declared = profile.facts.languages.contains(lang);
                out.push(compare(
                    &profile.name,
                    &c,
                    en,
                    profile.texts.get(lang),
                    declared,
                ));
            }
        }
    }
    out
}

/// A human-readable report.
pub fn render(statuses: &[LangStatus]) -> String {
    let mut s = String::new();
    for st in statuses {
        s.push_str(&summary_line(st));
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
        list("stale       ", &st.stale, &mut s);
        list("untranslated", &st.untranslated, &mut s);
        list("mismatched  ", &st.mismatched, &mut s);
        list("extra       ", &st.extra, &mut s);
    }
    s
}

fn summary_line(st: &LangStatus) -> String {
    let pct = if st.total == 0 {
        100.0
    } else {
        100.0 * st.translated as f64 / st.total as f64
    };
    let declared = match (st.declared, st.complete()) {
        (true, true) => " — declared, complete",
        (true, false) => " — declared, INCOMPLETE",
        _ => "",
    };
    format!(
        "{} [{}] {}: {}/{} translated ({pct:.0}%), {} missing, {} stale, {} untranslated, {} extra{}{declared}\n",
        st.scope,
        st.lang,
        st.file,
        st.translated,
        st.total,
        st.missing.len(),
        st.stale.len(),
        st.untranslated.len(),
        st.extra.len(),
        if st.exists {
            ""
        } else {
            " (file does not exist)"
        },
    )
}
