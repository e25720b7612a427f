//! The one place PDF files are opened and drawn (hayro): reading a file, its pages' sizes,
//! rasterising a page to an RGB image, and running a page through a drawing device.

use std::path::Path;

use hayro::hayro_interpret::hayro_syntax::Pdf;
use hayro::hayro_interpret::{
    Context, Device, InterpreterCache, InterpreterSettings, TransformExt, interpret_page,
};
use hayro::vello_cpu::color::palette::css::WHITE;
use hayro::vello_cpu::kurbo::Rect;
use hayro::{RenderCache, RenderSettings};
use image::RgbImage;

use crate::diagnostics::Diagnostic;

/// The most pages a compared document may have (a profile has about 30; a small hostile file
/// can declare tens of thousands, each rendered).
pub const MAX_PAGES: usize = 5_000;

/// The most bytes a page's content may decompress to, as `preflight` allows (a 200 KB file
/// of 200 MB of `q Q` took 51 s to draw).
pub const MAX_CONTENT_BYTES: usize = 32 * 1024 * 1024;

/// The most pixels a page is rendered with: 16 million, A0 at 60 dpi is 5.6 million; the
/// largest page PDF allows (200 × 200 inches) is rendered at 20 dpi.
pub const MAX_PAGE_PIXELS: f32 = 16_000_000.0;

/// The scale (pixels per point) for `dpi`, lowered to keep a page of `size` points within
/// [`MAX_PAGE_PIXELS`].
pub fn capped_scale((width, height): (f32, f32), dpi: f32) -> f32 {
    let scale = dpi / 72.0;
    let pixels = width * height * scale * scale;
    if pixels > MAX_PAGE_PIXELS {
        scale * (MAX_PAGE_PIXELS / pixels).sqrt()
    } else {
        scale
    }
}

/// A PDF file read into memory and parsed.
pub struct PdfFile {
    pdf: Pdf,
}

impl PdfFile {
    /// Reads and parses `path`; `display` names it in errors.
    pub fn open(path: &Path, display: &str) -> Result<Self, Diagnostic> {
        let bytes = std::fs::read(path).map_err(|e| {
            Diagnostic::error(format!("cannot read {display}: {e}")).in_file(display)
        })?;
        Self::from_bytes(bytes, display)
    }

    /// Parses PDF bytes; `display` names the file in errors.
    pub fn from_bytes(bytes: Vec<u8>, display: &str) -> Result<Self, Diagnostic> {
        // The header may follow up to 1024 bytes of something else.
        let head = &bytes[..bytes.len().min(1024)];
        if !head.windows(5).any(|w| w == b"%PDF-") {
            return Err(not_a_pdf(display, "no `%PDF-` header"));
        }
        let pdf = Pdf::new(bytes).map_err(|e| not_a_pdf(display, &format!("{e:?}")))?;
        let pages = pdf.pages().len();
        if pages > MAX_PAGES {
            return Err(Diagnostic::error(format!(
                "{display} has {pages} pages; diff compares documents of at most {MAX_PAGES}"
            ))
            .in_file(display));
        }
        if let Some((index, len)) = pdf
            .pages()
            .iter()
            .map(|page| page.page_stream().map_or(0, <[u8]>::len))
            .enumerate()
            .find(|(_, len)| *len > MAX_CONTENT_BYTES)
        {
            let message = format!(
                "{display}: page {} has {} MiB of content once decompressed; diff reads at most {} MiB a page",
                index + 1,
                len / (1024 * 1024),
                MAX_CONTENT_BYTES / (1024 * 1024)
            );
            return Err(Diagnostic::error(message).in_file(display));
        }
        Ok(PdfFile { pdf })
    }

    pub fn page_count(&self) -> usize {
        self.pdf.pages().len()
    }

    /// The size of page `index` (0-based) in points, as displayed (rotation applied).
    pub fn page_size(&self, index: usize) -> (f32, f32) {
        self.pdf.pages()[index].render_dimensions()
    }

    /// Draws page `index` on `device` in points, origin top left, y downwards.
    pub fn interpret<'a>(&'a self, index: usize, device: &mut impl Device<'a>) {
        let page = &self.pdf.pages()[index];
        let (w, h) = page.render_dimensions();
        let cache = InterpreterCache::new();
        let mut context = Context::new(
            page.initial_transform(true).to_kurbo(),
            Rect::new(0.0, 0.0, w as f64, h as f64),
            &cache,
            page.xref(),
            settings(),
        );
        interpret_page(page, &mut context, device);
    }

    /// Rasterises page `index` at `dpi` on white, or at the lower resolution that keeps the
    /// image within [`MAX_PAGE_PIXELS`] (a hostile MediaBox would otherwise ask for gigabytes).
    pub fn render(&self, index: usize, dpi: f32) -> RgbImage {
        let page = &self.pdf.pages()[index];
        let scale = capped_scale(page.render_dimensions(), dpi);
        let render_settings = RenderSettings {
            x_scale: scale,
            y_scale: scale,
            bg_color: WHITE,
            ..RenderSettings::default()
        };
        let pixmap = hayro::render(page, &RenderCache::new(), &settings(), &render_settings);
        let (w, h) = (u32::from(pixmap.width()), u32::from(pixmap.height()));
        // Opaque on white: premultiplied and straight RGBA are the same.
        let rgb = pixmap
            .data_as_u8_slice()
            .chunks_exact(4)
            .flat_map(|p| [p[0], p[1], p[2]])
            .collect();
        RgbImage::from_raw(w, h, rgb).unwrap_or_else(|| RgbImage::new(w.max(1), h.max(1)))
    }
}

/// Fonts are embedded in the PDFs mgi-press writes; nothing is looked up on the machine.
fn settings() -> InterpreterSettings {
    InterpreterSettings {
        render_annotations: false,
        ..InterpreterSettings::default()
    }
}

fn not_a_pdf(display: &str, why: &str) -> Diagnostic {
    Diagnostic::error(format!("{display} is not a readable PDF ({why})")).in_file(display)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn giant_pages_are_rendered_at_a_lower_resolution() {
        let a4 = (595.0, 842.0);
        assert_eq!(capped_scale(a4, 60.0), 60.0 / 72.0);
        let largest = (14_400.0, 14_400.0);
        let scale = capped_scale(largest, 60.0);
        let pixels = 14_400.0 * 14_400.0 * scale * scale;
        assert!(pixels <= MAX_PAGE_PIXELS * 1.001, "{pixels}");
        assert!((scale * 72.0 - 20.0).abs() < 0.01, "{}", scale * 72.0);
        assert!(capped_scale((f32::INFINITY, 1.0), 60.0) >= 0.0);
    }
}
