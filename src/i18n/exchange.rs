//! Exchange files for translators: a catalog exported as XLIFF 1.2 ([`xliff`]) or PO
//! ([`po`]), and a translated file imported back into the language's JSON.
//!
//! Import refuses the whole file — writes nothing — when any unit is wrong: an unknown id, a
//! lost or added inline code, placeholder, link or footnote, a text over its length limit, or
//! a text that `check` would refuse; every problem is reported at its line and column in the
//! exchange file. Otherwise the JSON is rewritten byte for byte but for the values that
//! changed (a new key rebuilds the file in the English key order), and the lock records the
//! English each reviewed translation was made from. A translation still marked for review
//! (XLIFF `needs-…`, PO `fuzzy`) is written but not recorded, so it stays stale until someone
//! confirms it.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use indexmap::IndexMap;

use super::lock::Lock;
use super::units::{Catalog, Scope, Unit};
use super::{checks, po, xliff};
use crate::diagnostics::{Diagnostic, Location};
use crate::fs::write_atomically;
use crate::load::{JsonFile, Strings, json, schema, schema_of};
use crate::resolve::markup;

pub use super::incoming::{Exchange, Format, Incoming, scope_label};

/// The exchange file of a catalog; `file` names its JSON file from the project root (or
/// absolutely, for a profile outside the project).
pub fn export(catalog: &Catalog, format: Format, file: &str) -> Result<String, Vec<Diagnostic>> {
    match format {
        Format::Xliff => xliff::write(catalog, file),
        Format::Po => {
            let english = match file.rsplit_once('/') {
                Some((dir, _)) => format!("{dir}/en.json"),
                None => "en.json".into(),
            };
            let lines = english_lines(&catalog.dir);
            let reference = |key: &str| lines.get(key).map(|l| format!("{english}:{l}"));
            let scope = scope_label(&catalog.scope);
            Ok(po::write(catalog, file, &scope, &reference))
        }
    }
}

/// The line of every key in the English file of a folder.
fn english_lines(dir: &Path) -> HashMap<String, usize> {
    let Some((text, strings)) = read_strings(&dir.join("en.json"), "en") else {
        return HashMap::new();
    };
    strings
        .entries
        .iter()
        .filter_map(|(key, entry)| {
            let node = strings.file.root.find(&entry.path)?;
            Some((key.clone(), text[..node.start].matches('\n').count() + 1))
        })
        .collect()
}

/// Reads an exchange file of either format.
pub fn read(name: &str, path: &Path, text: &str) -> (Option<Exchange>, Vec<Diagnostic>) {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    match Format::detect(path, text) {
        Format::Xliff => xliff::read(name, text),
        Format::Po => po::read(name, text),
    }
}

/// What an import will do: the JSON file's new bytes and the new lock.
#[derive(Debug)]
pub struct Plan {
    pub path: PathBuf,
    pub bytes: Vec<u8>,
    /// Whether the bytes differ from the file's.
    pub rewrite: bool,
    pub imported: usize,
    pub changed: usize,
    pub lock: Lock,
    pub lock_changed: bool,
}

/// Checks every unit of an exchange file against the catalog and works out the new file;
/// `covers` tells whether the embedded fonts have a glyph for a character. `None` (with the
/// errors among the diagnostics) when anything is wrong.
pub fn plan(
    catalog: &Catalog,
    exchange: &Exchange,
    covers: &dyn Fn(char) -> bool,
) -> (Option<Plan>, Vec<Diagnostic>) {
    let units: HashMap<&str, &Unit> = catalog.units.iter().map(|u| (u.key.as_str(), u)).collect();
    let mut diags = Vec::new();
    let mut changes = Vec::new();
    for incoming in &exchange.units {
        let key = &incoming.key;
        if units
            .get(key.as_str())
            .is_some_and(|u| incoming.source != u.source)
        {
            let message = format!(
                "unit `{key}`: the English has changed since this file was exported; the translation is imported and will show as needing review"
            );
            diags.push(Diagnostic::warning(message).at(incoming.at.clone()));
        }
        changes.push(Change {
            key: key.clone(),
            text: incoming.target.clone(),
            base: incoming.source.clone(),
            lock: incoming
                .reviewed
                .then(|| (incoming.source.clone(), incoming.target == incoming.source)),
            at: Some(incoming.at.clone()),
            place: format!("unit `{key}`"),
        });
    }
    let (plan, found) = plan_changes(catalog, &changes, covers);
    diags.extend(found);
    (plan, diags)
}

/// One text to write into a language's JSON file: the one import path of XLIFF, PO and Word.
#[derive(Debug, Clone)]
pub struct Change {
    pub key: String,
    /// The new text, in the markup.
    pub text: String,
    /// The text whose placeholders, links and footnotes the new text must keep.
    pub base: String,
    /// What to record in the lock: the English the text was made from, and whether it is the
    /// same on purpose. `None` leaves the key's lock as it is.
    pub lock: Option<(String, bool)>,
    /// Where the text stands in the file it came from, when that has lines.
    pub at: Option<Location>,
    /// How messages name it (`unit `KEY``, `KEY (paragraph 12, “…”)`).
    pub place: String,
}

/// Checks every change against the catalog and works out the new file, byte-preserving:
/// unknown keys, a lost or added placeholder, link or footnote (against `base`), markup
/// errors, length limits, characters no font has, and the schema of the file as it would be.
/// `None` (with the errors among the diagnostics) when anything is wrong.
pub fn plan_changes(
    catalog: &Catalog,
    changes: &[Change],
    covers: &dyn Fn(char) -> bool,
) -> (Option<Plan>, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let units: HashMap<&str, &Unit> = catalog.units.iter().map(|u| (u.key.as_str(), u)).collect();
    let mut seen = HashSet::new();
    let old_lock = Lock::load(&catalog.dir, &catalog.lang);
    let mut lock = old_lock.clone();
    let mut values: IndexMap<String, String> = IndexMap::new();
    for change in changes {
        let place = |d: Diagnostic| match &change.at {
            Some(at) => d.at(at.clone()),
            None => d,
        };
        if !seen.insert(change.key.as_str()) {
            let message = format!("the unit `{}` appears twice", change.key);
            diags.push(place(Diagnostic::error(message)));
            continue;
        }
        let unit = units.get(change.key.as_str()).copied();
        let mut found = check_change(unit, change, catalog);
        found.extend(glyphs(change, covers));
        let ok = !found.iter().any(Diagnostic::is_error);
        diags.extend(found.into_iter().map(place));
        if ok {
            values.insert(change.key.clone(), change.text.clone());
            if let Some((english, same)) = &change.lock {
                lock.record(&change.key, english, *same);
            }
        }
    }
    if diags.iter().any(Diagnostic::is_error) {
        return (None, diags);
    }
    let (path, current, bytes, changed) = match updated_json(catalog, &values) {
        Ok(found) => found,
        Err(d) => {
            diags.push(d);
            return (None, diags);
        }
    };
    diags.extend(would_be_problems(catalog, &bytes));
    if diags.iter().any(Diagnostic::is_error) {
        return (None, diags);
    }
    let plan = Plan {
        rewrite: current.as_deref() != Some(bytes.as_slice()),
        path,
        bytes,
        imported: values.len(),
        changed,
        lock_changed: lock != old_lock,
        lock,
    };
    (Some(plan), diags)
}

/// Writes the JSON file (atomically) and the lock, when they change.
pub fn apply(plan: &Plan, catalog: &Catalog) -> std::io::Result<()> {
    if plan.rewrite {
        write_atomically(&plan.path, &plan.bytes)?;
    }
    if plan.lock_changed {
        plan.lock.save(&catalog.dir, &catalog.lang)?;
    }
    Ok(())
}

/// Placeholder values for checking a translation's markup: only the names matter.
const VARS: &[(&str, &str)] = &[("country", "C"), ("country_short", "C"), ("year", "2000")];

/// The problems of one change (without its location: the caller adds it).
fn check_change(unit: Option<&Unit>, change: &Change, catalog: &Catalog) -> Vec<Diagnostic> {
    let (key, place) = (&change.key, &change.place);
    let error = |message: String| Diagnostic::error(message);
    let Some(unit) = unit else {
        let message = format!("unknown unit id `{key}`: {} has no such text", catalog.file);
        return vec![error(message)];
    };
    let mut out = Vec::new();
    for m in checks::compare(&change.base, &change.text) {
        if m.breaks_markup() {
            out.push(error(format!("{place}: {}", m.message())));
        }
    }
    let base_issues: Vec<String> = markup::parse_blocks(&change.base, VARS)
        .1
        .into_iter()
        .map(|i| i.message)
        .collect();
    for issue in markup::parse_blocks(&change.text, VARS).1 {
        if issue.error && !base_issues.contains(&issue.message) {
            let near = excerpt(&change.text, issue.start);
            out.push(error(format!("{place}: {} (at `{near}`)", issue.message)));
        }
    }
    let n = change.text.chars().count();
    if let Some(max) = unit.max_length.filter(|&max| n > max) {
        out.push(error(format!(
            "{place}: the translation is {n} characters long, more than the {max} allowed"
        )));
    }
    out
}

/// Characters of a text that no embedded font can show (`check` refuses them).
fn glyphs(change: &Change, covers: &dyn Fn(char) -> bool) -> Vec<Diagnostic> {
    let mut missing: Vec<char> = Vec::new();
    for c in change.text.chars() {
        if crate::resolve::needs_glyph(c) && !covers(c) && !missing.contains(&c) {
            missing.push(c);
        }
    }
    missing
        .into_iter()
        .map(|c| {
            let message = format!(
                "{}: no embedded font has a glyph for '{c}' (U+{:04X})",
                change.place, c as u32
            );
            Diagnostic::error(message)
                .with_hint("replace the character, or add a font that covers it to fonts/")
        })
        .collect()
}

/// A few characters of `text` from byte `at`, for messages.
fn excerpt(text: &str, at: usize) -> String {
    let start = (0..=at.min(text.len()))
        .rev()
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(0);
    text[start..].chars().take(24).collect()
}

/// Reads a text file as dotted keys (`None` when it is missing or not JSON).
fn read_strings(path: &Path, lang: &str) -> Option<(String, Strings)> {
    let bytes = std::fs::read(path).ok()?;
    let text = String::from_utf8(bytes).ok()?;
    let body = text.strip_prefix('\u{feff}').unwrap_or(&text).to_string();
    let root = json::parse(&body).ok()?;
    let file = JsonFile {
        path: path.to_path_buf(),
        name: path.to_string_lossy().into_owned(),
        text: body.clone(),
        root,
    };
    Some((body, Strings::new(lang, file)))
}

/// The new bytes of the language's JSON file with `values` in it, the current bytes, and how
/// many values change. Values of existing keys are replaced where they stand, so every other
/// byte stays; keys the file does not have yet make it rebuilt in the English key order.
#[allow(clippy::type_complexity)]
fn updated_json(
    catalog: &Catalog,
    values: &IndexMap<String, String>,
) -> Result<(PathBuf, Option<Vec<u8>>, Vec<u8>, usize), Diagnostic> {
    let path = catalog.dir.join(format!("{}.json", catalog.lang));
    let current = match std::fs::read(&path) {
        Ok(bytes) => Some(bytes),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => {
            return Err(Diagnostic::error(format!(
                "cannot read {}: {e}",
                catalog.file
            )));
        }
    };
    let own = match &current {
        Some(_) => Some(read_strings(&path, &catalog.lang).ok_or_else(|| {
            Diagnostic::error(format!(
                "{} is not valid JSON: fix it before importing",
                catalog.file
            ))
        })?),
        None => None,
    };
    let own_strings = own.as_ref().map(|(_, s)| s);
    let changed: Vec<(&String, &String)> = values
        .iter()
        .filter(|(k, v)| own_strings.and_then(|s| s.get(k)) != Some(v.as_str()))
        .collect();
    let in_place = own_strings.filter(|s| changed.iter().all(|(k, _)| s.entries.contains_key(*k)));
    let bytes = match (in_place, &current) {
        (Some(strings), Some(bytes)) => replace_in_place(bytes, strings, &changed),
        _ => rebuild(catalog, own_strings, values)?,
    };
    Ok((path, current, bytes, changed.len()))
}

/// The file with the string values of `changed` replaced where they stand.
fn replace_in_place(bytes: &[u8], strings: &Strings, changed: &[(&String, &String)]) -> Vec<u8> {
    let bom_len = if bytes.starts_with(b"\xEF\xBB\xBF") {
        3
    } else {
        0
    };
    let mut text = strings.file.text.clone();
    let mut spans: Vec<(usize, usize, String)> = changed
        .iter()
        .filter_map(|(key, value)| {
            let node = strings.file.root.find(&strings.entries.get(*key)?.path)?;
            let encoded = serde_json::to_string(value).ok()?;
            Some((node.start, node.end, encoded))
        })
        .collect();
    spans.sort_by_key(|s| std::cmp::Reverse(s.0));
    for (start, end, encoded) in spans {
        text.replace_range(start..end, &encoded);
    }
    let mut out = bytes[..bom_len].to_vec();
    out.extend_from_slice(text.as_bytes());
    out
}

/// The whole file in the English key order (`$schema` first): the imported values, the
/// file's other values, and at the end of each object the keys English does not have. The
/// repository's JSON is serde_json's pretty print with a final newline, and so is this.
fn rebuild(
    catalog: &Catalog,
    own: Option<&Strings>,
    values: &IndexMap<String, String>,
) -> Result<Vec<u8>, Diagnostic> {
    let english_path = catalog.dir.join("en.json");
    let english: serde_json::Value = std::fs::read(&english_path)
        .ok()
        .and_then(|b| serde_json::from_slice(b.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&b)).ok())
        .ok_or_else(|| {
            Diagnostic::error(format!(
                "cannot read the English text {}",
                english_path.display()
            ))
        })?;
    let own_value = own.map(|s| s.file.root.to_serde());
    let merged = merge(&english, own_value.as_ref(), "", values)
        .unwrap_or_else(|| serde_json::Value::Object(serde_json::Map::new()));
    let mut text = serde_json::to_string_pretty(&merged).unwrap_or_default();
    text.push('\n');
    Ok(text.into_bytes())
}

/// One level of [`rebuild`]: `prefix` is the dotted key of `english`.
fn merge(
    english: &serde_json::Value,
    own: Option<&serde_json::Value>,
    prefix: &str,
    values: &IndexMap<String, String>,
) -> Option<serde_json::Value> {
    use serde_json::Value;
    let Value::Object(en) = english else {
        return match english {
            Value::String(_) => values
                .get(prefix)
                .map(|v| Value::String(v.clone()))
                .or_else(|| own.cloned()),
            _ => own.cloned(),
        };
    };
    let own = own.and_then(Value::as_object);
    let mut out = serde_json::Map::new();
    for (k, value) in en {
        if prefix.is_empty() && k == "$schema" {
            out.insert(
                k.clone(),
                own.and_then(|o| o.get(k)).unwrap_or(value).clone(),
            );
            continue;
        }
        let key = if prefix.is_empty() {
            k.clone()
        } else {
            format!("{prefix}.{k}")
        };
        if let Some(v) = merge(value, own.and_then(|o| o.get(k)), &key, values) {
            out.insert(k.clone(), v);
        }
    }
    for (k, v) in own.into_iter().flatten() {
        if !en.contains_key(k) {
            out.insert(k.clone(), v.clone());
        }
    }
    (!out.is_empty() || en.is_empty()).then_some(Value::Object(out))
}

/// What the schema says of the file as the import would write it.
fn would_be_problems(catalog: &Catalog, bytes: &[u8]) -> Vec<Diagnostic> {
    let text = String::from_utf8_lossy(bytes).into_owned();
    let body = text.strip_prefix('\u{feff}').unwrap_or(&text).to_string();
    let root = match json::parse(&body) {
        Ok(root) => root,
        Err(e) => {
            return vec![Diagnostic::error(format!(
                "the import would write invalid JSON: {}",
                e.message
            ))];
        }
    };
    let schema_name = match catalog.scope {
        Scope::Profile { .. } => "text.schema.json",
        Scope::Pack { .. } => "pack.schema.json",
    };
    let complete = catalog.lang == crate::project::REFERENCE_LANG;
    let file = JsonFile {
        path: catalog.dir.join(format!("{}.json", catalog.lang)),
        name: catalog.file.clone(),
        text: body,
        root,
    };
    schema::validate(schema_of(schema_name, complete), &file.root)
        .into_iter()
        .map(|v| {
            let mut d =
                Diagnostic::error(v.message).with_hint("in the file as the import would write it");
            d.hints.extend(v.hints);
            file.diag(d, &v.path, v.at)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn merge_follows_english_order_and_keeps_the_rest() {
        let en: serde_json::Value = serde_json::from_str(
            r#"{"$schema": "s", "a": {"x": "X", "y": "Y"}, "b": "B", "e": {}}"#,
        )
        .unwrap();
        let own: serde_json::Value =
            serde_json::from_str(r#"{"b": "b", "a": {"y": "y"}, "extra": "z"}"#).unwrap();
        let values: IndexMap<String, String> = [("a.x".to_string(), "x".to_string())].into();
        let merged = merge(&en, Some(&own), "", &values).unwrap();
        assert_eq!(
            serde_json::to_string(&merged).unwrap(),
            r#"{"$schema":"s","a":{"x":"x","y":"y"},"b":"b","e":{},"extra":"z"}"#
        );
    }

    #[test]
    fn formats_are_detected() {
        assert_eq!(Format::detect(Path::new("a.po"), "<"), Format::Po);
        assert_eq!(Format::detect(Path::new("a.xlf"), ""), Format::Xliff);
        assert_eq!(
            Format::detect(Path::new("a"), "\u{feff} <?xml"),
            Format::Xliff
        );
        assert_eq!(Format::detect(Path::new("a"), "msgid"), Format::Po);
    }
}
