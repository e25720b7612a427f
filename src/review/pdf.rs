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

    /// Rasterises page `index` at `dpi` on white.
    pub fn render(&self, index: usize, dpi: f32) -> RgbImage {
        let page = &self.pdf.pages()[index];
        let scale = dpi / 72.0;
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
