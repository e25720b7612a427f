//! The cover photograph: a file inside the profile folder (not through a link), that decodes,
//! wide enough for print at its printed size.

use std::path::{Path, PathBuf};

use super::path::key;
use crate::diagnostics::Diagnostic;
use crate::load::Profile;
use crate::load::json::At;
use crate::load::model::facts::Paper;

/// Print resolution the cover photograph should reach.
pub const PRINT_DPI: f64 = 300.0;

pub fn cover_image(profile: &Profile, deep: bool, diags: &mut Vec<Diagnostic>) {
    let Some(image) = &profile.facts.cover_image else {
        return;
    };
    let at = |d: Diagnostic| profile.facts_file.diag(d, &[key("cover_image")], At::Value);
    let checked = inside_folder(profile, image)
        .and_then(|real| pixel_size(&real, image, deep))
        .and_then(|(w, h)| {
            print_resolution(w, h, profile.facts.paper, profile.facts.print.bleed_mm)
        });
    if let Err(d) = checked {
        diags.push(at(d));
    }
}

/// The real path of the image, which must stay inside the profile folder.
fn inside_folder(profile: &Profile, image: &str) -> Result<PathBuf, Diagnostic> {
    if image.starts_with('/') || image.contains('\\') || image.split('/').any(|s| s == "..") {
        return Err(Diagnostic::error(format!(
            "the cover image \"{image}\" must be a path inside the profile folder (no `..`, not absolute)"
        )));
    }
    let real = profile.dir.join(image).canonicalize().map_err(|_| {
        Diagnostic::error(format!(
            "the cover image \"{image}\" does not exist in {}",
            profile.shown
        ))
    })?;
    if !real.starts_with(&profile.dir) {
        return Err(Diagnostic::error(format!(
            "the cover image \"{image}\" leads outside the profile folder (through a link)"
        )));
    }
    Ok(real)
}

/// Width and height in pixels. A full decode proves the file is sound; for builds, where
/// Typst decodes the image anyway, reading the header for the size is enough.
fn pixel_size(real: &Path, image: &str, deep: bool) -> Result<(u32, u32), Diagnostic> {
    image::ImageReader::open(real)
        .and_then(|r| r.with_guessed_format())
        .map_err(|e| e.to_string())
        .and_then(|r| {
            if deep {
                r.decode()
                    .map(|img| (img.width(), img.height()))
                    .map_err(|e| e.to_string())
            } else {
                r.into_dimensions().map_err(|e| e.to_string())
            }
        })
        .map_err(|e| {
            Diagnostic::error(format!(
                "the cover image \"{image}\" cannot be decoded: {e}"
            ))
        })
}

/// The cover photograph is printed across the full page width and into the bleed on both
/// sides: it must reach [`PRINT_DPI`] there, as the print edition's preflight requires (a
/// warning here; the print build fails on it).
fn print_resolution(
    width: u32,
    height: u32,
    paper: Paper,
    bleed_mm: f64,
) -> Result<(), Diagnostic> {
    let width_mm = paper.width_mm() + 2.0 * bleed_mm.max(0.0);
    let dpi = f64::from(width) / (width_mm / 25.4);
    if dpi + 0.5 >= PRINT_DPI {
        return Ok(());
    }
    let need = (width_mm / 25.4 * PRINT_DPI).ceil();
    Err(Diagnostic::warning(format!(
        "the cover image is {width}×{height} pixels: {dpi:.0} dpi across the {width_mm:.1} mm it is printed (page and bleed), below the {PRINT_DPI:.0} dpi print needs"
    ))
    .with_hint(format!("use an image at least {need} pixels wide; the print edition fails below that")))
}
