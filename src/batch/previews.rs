//! Page previews for a portal (`build --png`): every page as a PNG at the asked resolution and
//! a cover thumbnail, rendered in-process from the laid-out document, written beside the PDF in
//! `OUT/previews/<profile>.<lang>[.print]/`, and recorded in the PDF's stamp.

use std::path::{Path, PathBuf};

use crate::typeset::{Compiled, inspect};

/// Width of the cover thumbnail, in pixels.
pub const THUMBNAIL_WIDTH: f64 = 400.0;

/// The folder of an output's previews: `OUT/previews/<output file name without .pdf>`.
pub fn preview_dir(out_dir: &Path, output_name: &str) -> PathBuf {
    let stem = output_name.strip_suffix(".pdf").unwrap_or(output_name);
    out_dir.join("previews").join(stem)
}

/// The previews of a document at `dpi`: (file name, PNG bytes), pages first (`page-001.png`,
/// …), then `cover-thumbnail.png`.
pub fn render(compiled: &Compiled, dpi: u32) -> Vec<(String, Vec<u8>)> {
    let document = &compiled.document;
    let count = document.pages().len();
    let scale = dpi as f32 / 72.0;
    let mut out: Vec<(String, Vec<u8>)> = (0..count)
        .filter_map(|i| {
            let png = inspect::render_png(document, i, scale)?;
            Some((format!("page-{:03}.png", i + 1), png))
        })
        .collect();
    if let Some(width) = inspect::page_width_pt(document, 0) {
        let scale = (THUMBNAIL_WIDTH / width) as f32;
        if let Some(png) = inspect::render_png(document, 0, scale) {
            out.push(("cover-thumbnail.png".into(), png));
        }
    }
    out
}
