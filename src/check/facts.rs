//! Rules on `profile.json` alone (and the names the packs give its ids): a real publication
//! date, all six dimensions once, conventions that exist, well-formed unique source ids and
//! usable source URLs.

use std::collections::HashMap;

use super::path::{idx, key};
use crate::date::Date;
use crate::diagnostics::Diagnostic;
use crate::links::LinkField;
use crate::load::json::At;
use crate::load::model::DimensionId;
use crate::load::schema::closest;
use crate::load::{Packs, Profile};
use crate::project::REFERENCE_LANG;

/// The ids of the source groups and entries, with where each stands in `profile.json`.
pub struct SourceIds<'a> {
    pub groups: HashMap<&'a str, usize>,
    pub entries: HashMap<&'a str, (usize, usize)>,
}

pub fn published_date(profile: &Profile, diags: &mut Vec<Diagnostic>) {
    let published = &profile.facts.published;
    if Date::parse(published).is_none() {
        let d = Diagnostic::error(format!("\"{published}\" is not a real calendar date"))
            .with_hint("write the date as YYYY-MM-DD");
        diags.push(profile.facts_file.diag(d, &[key("published")], At::Value));
    }
}

pub fn dimensions_once_each(profile: &Profile, diags: &mut Vec<Diagnostic>) {
    let ff = &profile.facts_file;
    let mut seen: HashMap<DimensionId, usize> = HashMap::new();
    for (i, d) in profile.facts.dimensions.iter().enumerate() {
        if let Some(first) = seen.insert(*d, i) {
            let message = format!(
                "dimension \"{}\" is listed twice (also at index {first})",
                d.as_str()
            );
            diags.push(ff.diag(
                Diagnostic::error(message),
                &[key("dimensions"), idx(i)],
                At::Value,
            ));
        }
    }
    let missing: Vec<&str> = DimensionId::ALL
        .iter()
        .filter(|d| !seen.contains_key(d))
        .map(|d| d.as_str())
        .collect();
    if !missing.is_empty() {
        let message = format!(
            "the profile must list all six dimensions; missing: {}",
            missing.join(", ")
        );
        diags.push(ff.diag(Diagnostic::error(message), &[key("dimensions")], At::Value));
    }
}

/// Conventions: listed once, named by the pack or the profile text, ratified in a plausible year.
pub fn conventions_named(profile: &Profile, packs: &Packs, diags: &mut Vec<Diagnostic>) {
    let ff = &profile.facts_file;
    let pack_en = packs.reference();
    let text_en = profile.texts.get(REFERENCE_LANG);
    let known: Vec<String> = pack_en
        .map(|p| p.children("conventions"))
        .unwrap_or_default();
    let mut ids: HashMap<&str, usize> = HashMap::new();
    for (i, c) in profile.facts.conventions.iter().enumerate() {
        let path = [key("conventions"), idx(i), key("id")];
        if ids.insert(c.id.as_str(), i).is_some() {
            let d = Diagnostic::error(format!("convention \"{}\" is listed twice", c.id));
            diags.push(ff.diag(d, &path, At::Value));
        }
        let name_key = format!("conventions.{}", c.id);
        let named = pack_en.is_some_and(|p| p.get(&name_key).is_some())
            || text_en.is_some_and(|t| t.get(&name_key).is_some());
        if !named {
            let mut d = Diagnostic::error(format!("unknown convention \"{}\"", c.id));
            if let Some(near) = closest(&c.id, known.iter().map(String::as_str)) {
                d = d.with_hint(format!("did you mean \"{near}\"?"));
            }
            d = d.with_hint("name a new convention in the profile text under `conventions`, or use one of the language pack's ids");
            diags.push(ff.diag(d, &path, At::Value));
        }
        if let Some(y) = c.ratified
            && !(1900..=2200).contains(&y)
        {
            let d = Diagnostic::error(format!("ratification year {y} is not plausible"));
            diags.push(ff.diag(d, &[key("conventions"), idx(i), key("ratified")], At::Value));
        }
    }
}

/// Sources: ids well-formed and unique across the profile; URLs usable. Returns the ids.
pub fn source_ids<'a>(profile: &'a Profile, diags: &mut Vec<Diagnostic>) -> SourceIds<'a> {
    let ff = &profile.facts_file;
    let mut ids = SourceIds {
        groups: HashMap::new(),
        entries: HashMap::new(),
    };
    for (g, group) in profile.facts.sources.iter().enumerate() {
        let gpath = [key("sources"), idx(g), key("id")];
        if !is_id(&group.id) {
            diags.push(ff.diag(bad_id(&group.id), &gpath, At::Value));
        }
        if ids.groups.insert(group.id.as_str(), g).is_some() {
            let d = Diagnostic::error(format!("duplicate source group id \"{}\"", group.id));
            diags.push(ff.diag(d, &gpath, At::Value));
        }
        if group.entries.is_empty() {
            let d = Diagnostic::warning(format!("source group \"{}\" has no entries", group.id));
            diags.push(ff.diag(d, &gpath, At::Value));
        }
        for (e, entry) in group.entries.iter().enumerate() {
            let epath = [key("sources"), idx(g), key("entries"), idx(e), key("id")];
            if !is_id(&entry.id) {
                diags.push(ff.diag(bad_id(&entry.id), &epath, At::Value));
            }
            if let Some((g0, e0)) = ids.entries.insert(entry.id.as_str(), (g, e)) {
                let d = Diagnostic::error(format!(
                    "duplicate source id \"{}\" (first at $.sources[{g0}].entries[{e0}])",
                    entry.id
                ));
                diags.push(ff.diag(d, &epath, At::Value));
            }
            if let Some(url) = &entry.url
                && !LinkField::SourceUrl.allows(url)
            {
                let d = Diagnostic::error(format!(
                    "the URL \"{url}\" must start with {}",
                    LinkField::SourceUrl.expected()
                ));
                let upath = [key("sources"), idx(g), key("entries"), idx(e), key("url")];
                diags.push(ff.diag(d, &upath, At::Value));
            }
        }
    }
    ids
}

fn is_id(s: &str) -> bool {
    s.chars()
        .next()
        .is_some_and(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
}

fn bad_id(id: &str) -> Diagnostic {
    Diagnostic::error(format!("\"{id}\" is not a valid id")).with_hint(
        "ids use lower-case letters, digits, `-` and `_`, e.g. \"law-on-migration-2015\"",
    )
}

/// The languages the profile declares are language codes, each with a text file.
pub fn declared_languages(profile: &Profile, diags: &mut Vec<Diagnostic>) {
    let ff = &profile.facts_file;
    for (i, lang) in profile.facts.languages.iter().enumerate() {
        let path = [key("languages"), idx(i)];
        match crate::project::normalize_lang(lang) {
            None => {
                let d = Diagnostic::error(format!("\"{lang}\" is not a language code"))
                    .with_hint("use codes such as en, fr, ar, pt-BR");
                diags.push(ff.diag(d, &path, At::Value));
            }
            Some(code) if !profile.texts.contains_key(&code) => {
                let d = Diagnostic::warning(format!(
                    "the profile is published in `{code}` but has no text in it yet ({}/text/{code}.json)",
                    profile.shown
                ));
                diags.push(ff.diag(d, &path, At::Value));
            }
            Some(_) => {}
        }
    }
}
