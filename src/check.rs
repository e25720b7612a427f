//! Cross-file checks that no schema can express: every dimension once, unique ids, sources and
//! conventions that exist, text for every fact, images that decode at print resolution, length
//! limits from the notes files.

use std::collections::HashMap;
use std::path::Path;

use crate::diagnostics::Diagnostic;
use crate::json::PathSeg;
use crate::model::DimensionId;
use crate::model::facts::Paper;
use crate::profile::{Packs, Profile};
use crate::project::REFERENCE_LANG;
use crate::schema::closest;
use crate::source::JsonFile;
use crate::strings::Strings;

/// Print resolution the cover photograph should reach.
pub const PRINT_DPI: f64 = 300.0;

fn key(k: &str) -> PathSeg {
    PathSeg::Key(k.to_string())
}

fn idx(i: usize) -> PathSeg {
    PathSeg::Index(i)
}

fn is_id(s: &str) -> bool {
    !s.is_empty()
        && s.chars()
            .next()
            .is_some_and(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
}

/// Checks a profile's facts against themselves, its texts and the language packs.
///
/// `deep` also decodes images completely (for `mgi-press check`); builds only read their size.
pub fn check_profile(profile: &Profile, packs: &Packs, deep: bool) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    let facts = &profile.facts;
    let ff = &profile.facts_file;

    // Publication date.
    if !valid_date(&facts.published) {
        diags.push(
            ff.diag(
                Diagnostic::error(format!(
                    "\"{}\" is not a real calendar date",
                    facts.published
                ))
                .with_hint("write the date as YYYY-MM-DD"),
                &[key("published")],
                false,
            ),
        );
    }

    // Every dimension exactly once.
    let mut seen: HashMap<DimensionId, usize> = HashMap::new();
    for (i, d) in facts.dimensions.iter().enumerate() {
        if let Some(first) = seen.insert(*d, i) {
            diags.push(ff.diag(
                Diagnostic::error(format!(
                    "dimension \"{}\" is listed twice (also at index {first})",
                    d.as_str()
                )),
                &[key("dimensions"), idx(i)],
                false,
            ));
        }
    }
    let missing: Vec<&str> = DimensionId::ALL
        .iter()
        .filter(|d| !seen.contains_key(d))
        .map(|d| d.as_str())
        .collect();
    if !missing.is_empty() {
        diags.push(ff.diag(
            Diagnostic::error(format!(
                "the profile must list all six dimensions; missing: {}",
                missing.join(", ")
            )),
            &[key("dimensions")],
            false,
        ));
    }

    // Conventions: unique, and named somewhere.
    let pack_en = packs.reference();
    let text_en = profile.texts.get(REFERENCE_LANG);
    let known_conventions: Vec<String> = pack_en
        .map(|p| p.children("conventions"))
        .unwrap_or_default();
    let mut ids: HashMap<&str, usize> = HashMap::new();
    for (i, c) in facts.conventions.iter().enumerate() {
        let path = [key("conventions"), idx(i), key("id")];
        if ids.insert(c.id.as_str(), i).is_some() {
            diags.push(ff.diag(
                Diagnostic::error(format!("convention \"{}\" is listed twice", c.id)),
                &path,
                false,
            ));
        }
        let named = pack_en.is_some_and(|p| p.get(&format!("conventions.{}", c.id)).is_some())
            || text_en.is_some_and(|t| t.get(&format!("conventions.{}", c.id)).is_some());
        if !named {
            let mut d = Diagnostic::error(format!("unknown convention \"{}\"", c.id));
            if let Some(near) = closest(&c.id, known_conventions.iter().map(String::as_str)) {
                d = d.with_hint(format!("did you mean \"{near}\"?"));
            }
            d = d.with_hint("name a new convention in the profile text under `conventions`, or use one of the language pack's ids");
            diags.push(ff.diag(d, &path, false));
        }
        if let Some(y) = c.ratified
            && !(1900..=2200).contains(&y)
        {
            diags.push(ff.diag(
                Diagnostic::error(format!("ratification year {y} is not plausible")),
                &[key("conventions"), idx(i), key("ratified")],
                false,
            ));
        }
    }

    // Sources: ids well-formed and unique across the profile; URLs usable.
    let mut group_ids: HashMap<&str, usize> = HashMap::new();
    let mut entry_ids: HashMap<&str, (usize, usize)> = HashMap::new();
    for (g, group) in facts.sources.iter().enumerate() {
        let gpath = [key("sources"), idx(g), key("id")];
        if !is_id(&group.id) {
            diags.push(ff.diag(bad_id(&group.id), &gpath, false));
        }
        if group_ids.insert(group.id.as_str(), g).is_some() {
            diags.push(ff.diag(
                Diagnostic::error(format!("duplicate source group id \"{}\"", group.id)),
                &gpath,
                false,
            ));
        }
        if group.entries.is_empty() {
            diags.push(ff.diag(
                Diagnostic::warning(format!("source group \"{}\" has no entries", group.id)),
                &gpath,
                false,
            ));
        }
        for (e, entry) in group.entries.iter().enumerate() {
            let epath = [key("sources"), idx(g), key("entries"), idx(e), key("id")];
            if !is_id(&entry.id) {
                diags.push(ff.diag(bad_id(&entry.id), &epath, false));
            }
            if let Some((g0, e0)) = entry_ids.insert(entry.id.as_str(), (g, e)) {
                diags.push(ff.diag(
                    Diagnostic::error(format!(
                        "duplicate source id \"{}\" (first at $.sources[{g0}].entries[{e0}])",
                        entry.id
                    )),
                    &epath,
                    false,
                ));
            }
            if let Some(url) = &entry.url
                && !(url.starts_with("https://") || url.starts_with("http://"))
            {
                diags.push(ff.diag(
                    Diagnostic::error(format!(
                        "the URL \"{url}\" must start with https:// or http://"
                    )),
                    &[key("sources"), idx(g), key("entries"), idx(e), key("url")],
                    false,
                ));
            }
        }
    }

    // Text files against the facts.
    for (lang, text) in &profile.texts {
        check_text_against_facts(lang, text, &group_ids, &entry_ids, text_en, &mut diags);
    }

    // Cover image.
    if let Some(image) = &facts.cover_image {
        diags.extend(check_image(&profile.dir, image, ff, facts.paper, deep));
    }

    // Length limits.
    if let Some((notes_file, notes)) = &profile.notes {
        for text in profile.texts.values() {
            check_lengths(text, notes_file, notes, &mut diags);
        }
    }
    diags
}

/// Checks the language packs: lengths, and that every pack's keys exist in English.
pub fn check_packs(packs: &Packs) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    if let Some((notes_file, notes)) = &packs.notes {
        for pack in packs.by_lang.values() {
            check_lengths(pack, notes_file, notes, &mut diags);
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
                        true,
                    ));
                }
            }
        }
    }
    diags
}

fn bad_id(id: &str) -> Diagnostic {
    Diagnostic::error(format!("\"{id}\" is not a valid id")).with_hint(
        "ids use lower-case letters, digits, `-` and `_`, e.g. \"law-on-migration-2015\"",
    )
}

fn check_text_against_facts(
    lang: &str,
    text: &Strings,
    group_ids: &HashMap<&str, usize>,
    entry_ids: &HashMap<&str, (usize, usize)>,
    text_en: Option<&Strings>,
    diags: &mut Vec<Diagnostic>,
) {
    let reference = lang == REFERENCE_LANG;
    for (section, ids, what) in [
        (
            "sources.groups",
            group_ids.keys().copied().collect::<Vec<_>>(),
            "source group",
        ),
        (
            "sources.entries",
            entry_ids.keys().copied().collect(),
            "source",
        ),
    ] {
        let present = text.children(section);
        for k in &present {
            if !ids.contains(&k.as_str()) {
                let mut d = Diagnostic::error(format!(
                    "{what} \"{k}\" has text here but is not in profile.json"
                ));
                if let Some(near) = closest(k, ids.iter().copied()) {
                    d = d.with_hint(format!("did you mean \"{near}\"?"));
                }
                let path = text.entries[&format!("{section}.{k}")].path.clone();
                diags.push(text.file.diag(d, &path, true));
            }
        }
        if reference {
            let mut missing: Vec<&str> = ids
                .iter()
                .copied()
                .filter(|id| !present.iter().any(|p| p == id))
                .collect();
            missing.sort();
            for id in missing {
                let path: Vec<PathSeg> = section.split('.').map(key).collect();
                diags.push(text.file.diag(
                    Diagnostic::error(format!(
                        "{what} \"{id}\" of profile.json has no text in {}",
                        text.file.name
                    )),
                    &path,
                    false,
                ));
            }
        }
    }
    // Paragraphs a translation has but English has not.
    if let Some(en) = text_en.filter(|_| !reference) {
        for (k, entry) in &text.entries {
            if k.starts_with("findings.") && en.get(k).is_none() {
                diags.push(text.file.diag(
                    Diagnostic::warning(format!("`{k}` is not in the English text")),
                    &entry.path,
                    true,
                ));
            }
        }
    }
}

fn check_lengths(
    text: &Strings,
    notes_file: &JsonFile,
    notes: &crate::model::notes::Notes,
    diags: &mut Vec<Diagnostic>,
) {
    for (k, note) in &notes.keys {
        let Some(max) = note.max_length else { continue };
        if let Some(entry) = text.entries.get(k) {
            let n = entry.value.chars().count();
            if n > max {
                let d = Diagnostic::error(format!(
                    "`{k}` is {n} characters long, more than the {max} allowed"
                ))
                .with_hint(format!("the limit is set in {}", notes_file.name));
                diags.push(text.file.diag(d, &entry.path, false));
            }
        }
    }
}

/// Whether `s` is a real `YYYY-MM-DD` date.
pub fn valid_date(s: &str) -> bool {
    parse_date(s).is_some()
}

/// `YYYY-MM-DD` → (year, month, day), checked against the calendar.
pub fn parse_date(s: &str) -> Option<(i32, u8, u8)> {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let y: i32 = s[0..4].parse().ok()?;
    let m: u8 = s[5..7].parse().ok()?;
    let d: u8 = s[8..10].parse().ok()?;
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = [
        31,
        if leap { 29 } else { 28 },
        31,
        30,
        31,
        30,
        31,
        31,
        30,
        31,
        30,
        31,
    ];
    (1..=12).contains(&m).then_some(())?;
    (d >= 1 && d <= days[usize::from(m - 1)]).then_some((y, m, d))
}

fn check_image(
    dir: &Path,
    image: &str,
    ff: &JsonFile,
    paper: Paper,
    deep: bool,
) -> Vec<Diagnostic> {
    let path = [key("cover_image")];
    let err = |msg: String| vec![ff.diag(Diagnostic::error(msg), &path, false)];
    if image.starts_with('/') || image.contains('\\') || image.split('/').any(|s| s == "..") {
        return err(format!(
            "the cover image \"{image}\" must be a path inside the profile folder (no `..`, not absolute)"
        ));
    }
    let full = dir.join(image);
    let real = match full.canonicalize() {
        Ok(r) => r,
        Err(_) => {
            return err(format!(
                "the cover image \"{image}\" does not exist in {}",
                crate::source::display_name(dir)
            ));
        }
    };
    if !real.starts_with(dir) {
        return err(format!(
            "the cover image \"{image}\" leads outside the profile folder (through a link)"
        ));
    }
    let decoded = image::ImageReader::open(&real)
        .and_then(|r| r.with_guessed_format())
        .map_err(|e| e.to_string());
    // A full decode proves the file is sound; for builds, where Typst decodes the image anyway,
    // reading the header for the size is enough.
    let size = decoded.and_then(|r| {
        if deep {
            r.decode()
                .map(|img| (img.width(), img.height()))
                .map_err(|e| e.to_string())
        } else {
            r.into_dimensions().map_err(|e| e.to_string())
        }
    });
    let (width, height) = match size {
        Ok(size) => size,
        Err(e) => {
            return err(format!(
                "the cover image \"{image}\" cannot be decoded: {e}"
            ));
        }
    };
    // The cover photograph is printed across the full page width.
    let width_mm = match paper {
        Paper::A4 => 210.0,
        Paper::Letter => 215.9,
    };
    let dpi = f64::from(width) / (width_mm / 25.4);
    if dpi + 0.5 < PRINT_DPI {
        let need = (width_mm / 25.4 * PRINT_DPI).round();
        return vec![ff.diag(
            Diagnostic::warning(format!(
                "the cover image is {}×{} pixels: {dpi:.0} dpi across the {width_mm} mm page, below the {PRINT_DPI:.0} dpi print needs",
                width,
                height
            ))
            .with_hint(format!("use an image at least {need} pixels wide")),
            &path,
            false,
        )];
    }
    Vec::new()
}
