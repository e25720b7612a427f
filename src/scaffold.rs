//! `mgi-press new`: writes a complete profile folder that passes `check`, with every text a
//! `TODO` placeholder (reported as a warning until replaced) and a plain placeholder cover.

use std::path::Path;

use serde_json::{Value, json};

use crate::diagnostics::Diagnostic;
use crate::fs::write_atomically;
use crate::load::Packs;
use crate::load::model::DimensionId;
use crate::project::Project;

/// Width in pixels of the scaffold's placeholder cover.
pub const PLACEHOLDER_COVER_WIDTH: u32 = 2560;

/// Creates `folder` (which must not exist yet, or be empty).
pub fn new_profile(
    packs: &Packs,
    project: &Project,
    folder: &Path,
    country: Option<&str>,
    year: Option<i32>,
) -> Result<(), Vec<Diagnostic>> {
    let err = |m: String| vec![Diagnostic::error(m)];
    let not_empty = folder.exists()
        && std::fs::read_dir(folder)
            .map(|mut d| d.next().is_some())
            .unwrap_or(true);
    if not_empty {
        return Err(err(format!(
            "{} already exists and is not empty; choose a new folder",
            folder.display()
        )));
    }
    let year = year.unwrap_or(2026);
    if !(1990..=2200).contains(&year) {
        return Err(err(format!("--year {year} is not plausible")));
    }
    let write = |path: &Path, value: &Value| -> Result<(), Vec<Diagnostic>> {
        let mut bytes = serde_json::to_vec_pretty(value).unwrap_or_default();
        bytes.push(b'\n');
        write_atomically(path, &bytes)
            .map_err(|e| err(format!("cannot write {}: {e}", path.display())))
    };
    std::fs::create_dir_all(folder.join("text"))
        .map_err(|e| err(format!("cannot create {}: {e}", folder.display())))?;
    let schemas = schemas_for(project, folder).map_err(|e| {
        err(format!(
            "cannot write the JSON Schemas into {}: {e}",
            folder.display()
        ))
    })?;
    let mut facts = facts(packs, year);
    facts["$schema"] = format!("{schemas}/profile.schema.json").into();
    let mut text = english_text(packs, country);
    text["$schema"] = format!("../{schemas}/text.schema.json").into();
    write(&folder.join("profile.json"), &facts)?;
    write(&folder.join("text").join("en.json"), &text)?;
    placeholder_cover(&folder.join("cover.png"))
        .map_err(|e| err(format!("cannot write the placeholder cover: {e}")))?;
    Ok(())
}

/// The folder of the JSON Schemas for the files of the profile `folder`, relative to it, for
/// their `$schema` keys (editors validate with them): the project's `schemas/` when the
/// profile lies inside a project that has one (`../../schemas`), else a copy of the built-in
/// schemas written into the profile (`schemas`), so that the path never dangles.
fn schemas_for(project: &Project, folder: &Path) -> std::io::Result<String> {
    let root = &project.root;
    let absolute = folder.canonicalize()?;
    let inside = absolute
        .strip_prefix(root)
        .ok()
        .filter(|_| root.join("schemas").join("profile.schema.json").is_file());
    if let Some(rel) = inside {
        let up = vec![".."; rel.components().count()];
        return Ok(format!("{}/schemas", up.join("/")));
    }
    crate::builtin::export(folder, &["schemas/"])?;
    Ok("schemas".to_string())
}

/// `profile.json`: every convention the pack knows (not ratified), one example source.
fn facts(packs: &Packs, year: i32) -> Value {
    let conventions: Vec<Value> = packs
        .reference()
        .map(|p| p.children("conventions"))
        .unwrap_or_default()
        .into_iter()
        .map(|id| json!({ "id": id, "ratified": null }))
        .collect();
    json!({
        "$schema": "",
        "year": year,
        "published": format!("{year}-01-01"),
        "paper": "a4",
        "cover_image": "cover.png",
        "dimensions": DimensionId::ALL.iter().map(|d| d.as_str()).collect::<Vec<_>>(),
        "conventions": conventions,
        "sources": [
            { "id": "government", "entries": [
                { "id": "example-law", "year": year - 1, "url": "https://example.org/law" }
            ] }
        ]
    })
}

/// `text/en.json`: a `TODO` placeholder for every text, naming each dimension as the
/// English pack does (its card title, e.g. "Migrants' rights"; the id when the pack has none).
fn english_text(packs: &Packs, country: Option<&str>) -> Value {
    let mut findings = serde_json::Map::new();
    for d in DimensionId::ALL {
        let id = d.as_str();
        let key = format!("dimensions.{id}.card_title");
        let name = packs.reference().and_then(|p| p.get(&key)).unwrap_or(id);
        findings.insert(
            id.to_string(),
            json!({
                "well_developed": { "p1": format!("TODO ({name}): an area that is well developed.") },
                "potential": { "p1": format!("TODO ({name}): an area with potential for further development.") }
            }),
        );
    }
    let name = country.map_or_else(|| "TODO: full country name".into(), str::to_string);
    let short = country.map_or_else(|| "TODO: short name".into(), str::to_string);
    json!({
        "$schema": "",
        "country": { "name": name, "short_name": short },
        "findings": findings,
        "sources": {
            "groups": { "government": "TODO: name of the institution" },
            "entries": { "example-law": "TODO: title of the source" }
        },
        "cover": { "photo_credit": "TODO: credit for the cover photograph" }
    })
}

/// A plain blue placeholder photograph at print resolution: 300 dpi across the A4 page and
/// its default bleed (216 mm need 2552 px; 2560 leaves a margin), so that the print edition's
/// preflight accepts the scaffold as it is.
fn placeholder_cover(path: &Path) -> Result<(), String> {
    let (w, h) = (PLACEHOLDER_COVER_WIDTH, 1704u32);
    let img = image::RgbImage::from_fn(w, h, |_, y| {
        let t = y as f32 / h as f32;
        image::Rgb([
            (40.0 + 60.0 * t) as u8,
            (80.0 + 70.0 * t) as u8,
            (160.0 + 50.0 * t) as u8,
        ])
    });
    let mut bytes = Vec::new();
    img.write_to(
        &mut std::io::Cursor::new(&mut bytes),
        image::ImageFormat::Png,
    )
    .map_err(|e| e.to_string())?;
    write_atomically(path, &bytes).map_err(|e| e.to_string())
}
