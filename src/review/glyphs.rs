//! Reads the text of a page back from its PDF: a drawing device that keeps each glyph's
//! Unicode (from the fonts' ToUnicode maps) and where it stands, and draws nothing else.

use hayro::hayro_interpret::font::Glyph;
use hayro::hayro_interpret::hayro_cmap::BfString;
use hayro::hayro_interpret::{
    BlendMode, ClipPath, Device, GlyphDrawMode, Image, Paint, PathDrawMode, SoftMask,
};
use hayro::vello_cpu::kurbo::{Affine, BezPath, Point};

/// One glyph as placed on the page (points, origin top left, y downwards).
#[derive(Debug, Clone, PartialEq)]
pub struct PlacedGlyph {
    pub text: String,
    /// The glyph's origin on the baseline.
    pub x: f64,
    pub y: f64,
    /// The font size (the height of an em).
    pub size: f64,
    /// The advance (the width the glyph takes on its line).
    pub advance: f64,
}

/// A device that records the glyphs drawn, in the order they are drawn.
#[derive(Default)]
pub struct GlyphCollector {
    pub glyphs: Vec<PlacedGlyph>,
}

impl<'a> Device<'a> for GlyphCollector {
    fn draw_glyph(
        &mut self,
        glyph: &Glyph<'a>,
        transform: Affine,
        glyph_transform: Affine,
        _: &Paint<'a>,
        _: &GlyphDrawMode,
    ) {
        let Some(text) = glyph.as_unicode().map(|u| match u {
            BfString::Char(c) => c.to_string(),
            BfString::String(s) => s,
        }) else {
            return;
        };
        let m = transform * glyph_transform;
        let origin = m * Point::ZERO;
        let [a, b, c, d, _, _] = m.as_coeffs();
        // Glyph space has 1000 units per em.
        let size = c.hypot(d) * 1000.0;
        let width = match glyph {
            Glyph::Outline(g) => g.advance_width().map(f64::from),
            Glyph::Type3(_) => None,
        };
        let advance = width.map_or(size * 0.5, |w| w * a.hypot(b));
        self.glyphs.push(PlacedGlyph {
            text,
            x: origin.x,
            y: origin.y,
            size,
            advance,
        });
    }

    fn set_soft_mask(&mut self, _: Option<SoftMask<'a>>) {}
    fn set_blend_mode(&mut self, _: BlendMode) {}
    fn draw_path(&mut self, _: &BezPath, _: Affine, _: &Paint<'a>, _: &PathDrawMode) {}
    fn push_clip_path(&mut self, _: &ClipPath) {}
    fn push_transparency_group(&mut self, _: f32, _: Option<SoftMask<'a>>, _: BlendMode) {}
    fn draw_image(&mut self, _: Image<'a, '_>, _: Affine) {}
    fn pop_clip_path(&mut self) {}
    fn pop_transparency_group(&mut self) {}
}
