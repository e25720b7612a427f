//! Compares one document of OLD with the same document of NEW: the word diff of the whole
//! text, then page N against page N, rendered, for the blocks of changed pixels.

use std::path::Path;

use image::RgbImage;
use image::codecs::png::{CompressionType, FilterType, PngEncoder};
use rayon::prelude::*;

use super::glyphs::GlyphCollector;
use super::inputs::DocPair;
use super::pdf::PdfFile;
use super::pixels::{PixelRect, changed_regions};
use super::report::{DocStatus, DocumentReview, PageImages, PageReview, PageStatus, Region};
use super::text_diff::{TextChange, diff_pages};
use super::words::{Word, page_words};
use crate::diagnostics::Diagnostic;

/// How to compare.
#[derive(Debug, Clone, Copy)]
pub struct ReviewOptions {
    /// The resolution pages are rendered at, for the pixel comparison and the report's images.
    pub dpi: f32,
    /// Keep PNG images of the changed pages (for the HTML report).
    pub images: bool,
}

impl Default for ReviewOptions {
    fn default() -> Self {
        ReviewOptions {
            dpi: 60.0,
            images: false,
        }
    }
}

/// The review of one document (present on one side or both).
pub fn document(pair: &DocPair, options: &ReviewOptions) -> Result<DocumentReview, Diagnostic> {
    let review = |status, old_pages, new_pages| DocumentReview {
        name: pair.name.clone(),
        status,
        old_pages,
        new_pages,
        pages: Vec::new(),
    };
    match (&pair.old, &pair.new) {
        (Some(old), Some(new)) => both(pair, old, new, options),
        (Some(old), None) => Ok(review(
            DocStatus::Removed,
            Some(open(old)?.page_count()),
            None,
        )),
        (None, Some(new)) => Ok(review(
            DocStatus::Added,
            None,
            Some(open(new)?.page_count()),
        )),
        (None, None) => Ok(review(DocStatus::Unchanged, None, None)),
    }
}

fn open(path: &Path) -> Result<PdfFile, Diagnostic> {
    PdfFile::open(path, &path.display().to_string())
}

fn read(path: &Path) -> Result<Vec<u8>, Diagnostic> {
    let name = path.display().to_string();
    std::fs::read(path)
        .map_err(|e| Diagnostic::error(format!("cannot read {name}: {e}")).in_file(name))
}

/// A document on both sides: byte-identical files are unchanged without looking further; other
/// files are compared page by page (they may differ only in metadata).
fn both(
    pair: &DocPair,
    old_path: &Path,
    new_path: &Path,
    options: &ReviewOptions,
) -> Result<DocumentReview, Diagnostic> {
    let (old_bytes, new_bytes) = (read(old_path)?, read(new_path)?);
    let identical = old_bytes == new_bytes;
    let old = PdfFile::from_bytes(old_bytes, &old_path.display().to_string())?;
    let new = match identical {
        true => None,
        false => Some(PdfFile::from_bytes(
            new_bytes,
            &new_path.display().to_string(),
        )?),
    };
    let new_count = new.as_ref().map_or(old.page_count(), PdfFile::page_count);
    let pages = match &new {
        Some(new) => changed_pages(&old, new, options),
        None => Vec::new(),
    };
    let status = if pages.is_empty() && old.page_count() == new_count {
        DocStatus::Unchanged
    } else {
        DocStatus::Changed
    };
    Ok(DocumentReview {
        name: pair.name.clone(),
        status,
        old_pages: Some(old.page_count()),
        new_pages: Some(new_count),
        pages,
    })
}

/// The words of every page of a document.
pub fn document_words(pdf: &PdfFile) -> Vec<Vec<Word>> {
    (0..pdf.page_count())
        .map(|i| {
            let mut collector = GlyphCollector::default();
            pdf.interpret(i, &mut collector);
            page_words(&collector.glyphs)
        })
        .collect()
}

/// The pages that differ in text or in pixels, in order.
fn changed_pages(old: &PdfFile, new: &PdfFile, options: &ReviewOptions) -> Vec<PageReview> {
    let text = diff_pages(&document_words(old), &document_words(new));
    let count = old.page_count().max(new.page_count());
    (0..count)
        .into_par_iter()
        .filter_map(|i| {
            let on_page: Vec<TextChange> = text
                .iter()
                .filter(|c| c.new_page.or(c.old_page) == Some(i + 1))
                .cloned()
                .collect();
            compare_page(old, new, i, on_page, options)
        })
        .collect()
}

/// Page `index` of both documents, or `None` when it did not change.
fn compare_page(
    old: &PdfFile,
    new: &PdfFile,
    index: usize,
    text: Vec<TextChange>,
    options: &ReviewOptions,
) -> Option<PageReview> {
    let render = |pdf: &PdfFile| (index < pdf.page_count()).then(|| pdf.render(index, options.dpi));
    let (old_image, new_image) = (render(old), render(new));
    let (status, pixels) = match (&old_image, &new_image) {
        (Some(a), Some(b)) => (PageStatus::Changed, changed_regions(a, b)),
        (None, _) => (PageStatus::Added, Vec::new()),
        (_, None) => (PageStatus::Removed, Vec::new()),
    };
    if status == PageStatus::Changed && pixels.is_empty() && text.is_empty() {
        return None;
    }
    let side = if index < new.page_count() { new } else { old };
    let (width, height) = side.page_size(index);
    // The resolution the page was rendered at (lower than asked for a giant page).
    let scale = super::pdf::capped_scale((width, height), options.dpi);
    let images = options.images.then(|| PageImages {
        old: old_image.as_ref().map(png),
        new: new_image.as_ref().map(png),
    });
    Some(PageReview {
        page: index + 1,
        status,
        text,
        regions: pixels.iter().map(|r| to_points(r, scale)).collect(),
        width,
        height,
        images,
    })
}

fn to_points(rect: &PixelRect, scale: f32) -> Region {
    let pt = |px: u32| (px as f32 / scale * 10.0).round() / 10.0;
    Region {
        x: pt(rect.x),
        y: pt(rect.y),
        width: pt(rect.width),
        height: pt(rect.height),
    }
}

/// The image as PNG, compressed hard: the report embeds it and should stay small.
fn png(image: &RgbImage) -> Vec<u8> {
    let mut bytes = Vec::new();
    let encoder =
        PngEncoder::new_with_quality(&mut bytes, CompressionType::Best, FilterType::Adaptive);
    // Encoding an RGB image to memory cannot fail.
    let _ = image.write_with_encoder(encoder);
    bytes
}
