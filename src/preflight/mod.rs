//! Preflight: reads any PDF (ours or not) and reports what a printer's or an archive's
//! preflight would, for the print or the screen edition — fonts not embedded, images below
//! the edition's resolution at their placed size, DeviceRGB in a print file, missing boxes,
//! output intent or PDF/X identification, ink above 300 % inside the trim, missing language,
//! title or structure in a screen file. Each check is a small module over lopdf's objects and
//! the events of [`content`], the content-stream interpreter. See docs/preflight.md.

mod boxes;
mod colour;
mod content;
mod findings;
mod fonts;
mod geometry;
mod images;
mod meta;
mod report;
mod resources;
mod space;
mod xmp;

/// Whether a font carries its program (also the PDF/X-4 step's test).
pub(crate) use fonts::embedded as font_embedded;

pub use crate::diagnostics::Severity;
pub use crate::edition::Edition;
use findings::Collector;
pub use findings::{Facts, Finding, ImageFact, ObjectRef, PreflightReport, rule};

/// The file does not start like a PDF (no `%PDF-` header in its first kilobyte).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotAPdf;

/// Preflights a PDF for an edition. A file that is not a PDF at all is reported as a
/// `not-pdf` error; see [`try_preflight`] to tell it apart.
pub fn preflight(pdf: &[u8], edition: Edition) -> PreflightReport {
    try_preflight(pdf, edition).unwrap_or_else(|NotAPdf| {
        let mut out = Collector::default();
        out.doc(
            Severity::Error,
            rule::NOT_PDF,
            "the file is not a PDF (no %PDF- header)",
        );
        out.finish(edition, Facts::default())
    })
}

/// Preflights a PDF; `Err` when the bytes are not a PDF at all (a usage error for the
/// command line). A PDF that lopdf cannot read is a `pdf-syntax` error in the report.
pub fn try_preflight(pdf: &[u8], edition: Edition) -> Result<PreflightReport, NotAPdf> {
    let head = &pdf[..pdf.len().min(1024)];
    if !head.windows(5).any(|w| w == b"%PDF-") {
        return Err(NotAPdf);
    }
    let mut out = Collector::default();
    let doc = match lopdf::Document::load_mem(pdf) {
        Ok(doc) => doc,
        Err(e) => {
            let message = format!("the PDF cannot be read: {e}");
            out.doc(Severity::Error, rule::PDF_SYNTAX, message);
            return Ok(out.finish(edition, Facts::default()));
        }
    };
    let facts = check_document(&doc, edition, &mut out);
    Ok(out.finish(edition, facts))
}

fn check_document(doc: &lopdf::Document, edition: Edition, out: &mut Collector) -> Facts {
    let pages = doc.get_pages();
    let meta = meta::read(doc);
    let mut facts = Facts {
        pages: pages.len(),
        pdf_version: meta.version.clone(),
        standards: meta.standards.clone(),
        title: meta.title.clone(),
        lang: meta.lang.clone(),
        output_intent: meta.output_intent_fact(),
        ..Facts::default()
    };
    for (&number, &page) in &pages {
        let events = content::page_events(doc, number, page);
        let page_boxes = boxes::Boxes::of(doc, page);
        images::check(&events, edition, out, &mut facts.images);
        colour::check(&events, edition, page_boxes.trim_or_crop(), out);
        syntax(&events, out);
        if edition == Edition::Print {
            boxes::check(number, &page_boxes, out);
            boxes::check_bleed(number, &page_boxes, &events, out);
        }
        boxes::record(number, &page_boxes, &mut facts);
    }
    fonts::check(doc, &pages, out);
    meta::check(doc, &meta, edition, out);
    facts
}

/// Content that could not be read is an error: whatever it holds is unchecked.
fn syntax(events: &[content::Event], out: &mut Collector) {
    for event in events {
        if let content::Event::Broken { place, what } = event {
            let message = format!("{what}{}", place.suffix());
            out.page(Severity::Error, rule::PDF_SYNTAX, place.page, None, message);
        }
    }
}
