//! Preflight: reads any PDF (ours or not) and reports what a printer's or an archive's
//! preflight would, for the print or the screen edition — fonts not embedded, images below
//! the edition's resolution at their placed size, DeviceRGB in a print file, missing boxes,
//! output intent or PDF/X identification, ink above 300 % inside the trim, missing language,
//! title or structure in a screen file. Each check is a small module over lopdf's objects and
//! the events of [`content`], the content-stream interpreter. See docs/preflight.md.

mod boxes;
mod colour;
mod content;
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

use std::collections::BTreeMap;

use serde::Serialize;

pub use crate::diagnostics::Severity;
pub use crate::edition::Edition;
pub use images::ImageFact;

/// The rule ids, as printed in `error[rule]` and in JSON.
pub mod rule {
    pub const NOT_PDF: &str = "not-pdf";
    pub const PDF_SYNTAX: &str = "pdf-syntax";
    pub const FONT_NOT_EMBEDDED: &str = "font-not-embedded";
    pub const IMAGE_RESOLUTION: &str = "image-resolution";
    pub const DEVICE_RGB: &str = "device-rgb";
    pub const DEVICE_CMYK: &str = "device-cmyk";
    pub const INK_COVERAGE: &str = "ink-coverage";
    pub const MISSING_TRIMBOX: &str = "missing-trimbox";
    pub const MISSING_BLEEDBOX: &str = "missing-bleedbox";
    pub const BOX_NESTING: &str = "box-nesting";
    pub const BLEED: &str = "bleed";
    pub const OUTPUT_INTENT: &str = "output-intent";
    pub const PDFX_VERSION: &str = "pdfx-version";
    pub const TRAPPED: &str = "trapped";
    pub const LANG: &str = "lang";
    pub const TITLE: &str = "title";
    pub const DISPLAY_DOC_TITLE: &str = "display-doc-title";
    pub const STRUCTURE: &str = "structure";
}

/// The object a finding is about: its resource name and object number, when known.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ObjectRef {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub number: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    pub severity: Severity,
    pub rule: &'static str,
    /// 1-based; absent for document-level findings.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
    /// Further pages with the very same finding (boxes missing on every page: one finding).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub more_pages: Vec<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub object: Option<ObjectRef>,
    pub message: String,
}

/// What the document is, whatever the findings.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Facts {
    pub pages: usize,
    pub pdf_version: String,
    /// Standards the XMP metadata (or, for PDF/X, the document info) claims: `PDF/A-2b`,
    /// `PDF/UA-1`, `PDF/X-4`.
    pub standards: Vec<String>,
    pub title: Option<String>,
    pub lang: Option<String>,
    /// The PDF/X output intent's condition and profile, e.g. `FOGRA39 (4-component profile)`.
    pub output_intent: Option<String>,
    /// The trim size of page 1 in millimetres.
    pub trim_mm: Option<[f64; 2]>,
    /// The smallest distance between TrimBox and BleedBox over all pages, in millimetres.
    pub bleed_mm: Option<f64>,
    /// Every image placement with its effective resolution.
    pub images: Vec<ImageFact>,
}

#[derive(Debug, Clone, Serialize)]
pub struct PreflightReport {
    pub edition: Edition,
    pub facts: Facts,
    pub findings: Vec<Finding>,
    /// What this preflight could not compute in this file (said rather than guessed).
    pub not_checked: Vec<String>,
}

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

/// Findings and notes as the checks make them.
#[derive(Default)]
struct Collector {
    findings: Vec<Finding>,
    not_checked: BTreeMap<String, usize>,
}

impl Collector {
    fn doc(&mut self, severity: Severity, rule: &'static str, message: impl Into<String>) {
        self.findings.push(Finding {
            severity,
            rule,
            page: None,
            more_pages: Vec::new(),
            object: None,
            message: message.into(),
        });
    }

    fn page(
        &mut self,
        severity: Severity,
        rule: &'static str,
        page: u32,
        object: Option<ObjectRef>,
        message: impl Into<String>,
    ) {
        self.findings.push(Finding {
            severity,
            rule,
            page: Some(page),
            more_pages: Vec::new(),
            object,
            message: message.into(),
        });
    }

    /// Something not computed, counted (`ink of images: 3`).
    fn not_checked(&mut self, what: impl Into<String>) {
        *self.not_checked.entry(what.into()).or_default() += 1;
    }

    fn finish(mut self, edition: Edition, facts: Facts) -> PreflightReport {
        // Document-level findings first, then page by page; stable within a page.
        self.findings.sort_by_key(|f| f.page.unwrap_or(0));
        let findings = merge_pages(self.findings);
        let not_checked = self
            .not_checked
            .into_iter()
            .map(|(what, n)| {
                if n > 1 {
                    format!("{what} ({n}×)")
                } else {
                    what
                }
            })
            .collect();
        PreflightReport {
            edition,
            facts,
            findings,
            not_checked,
        }
    }
}

/// The same finding on several pages (same rule, severity, object and message) becomes one.
fn merge_pages(findings: Vec<Finding>) -> Vec<Finding> {
    let mut merged: Vec<Finding> = Vec::new();
    for f in findings {
        let same = merged.iter_mut().find(|m| {
            m.page.is_some()
                && f.page.is_some()
                && m.rule == f.rule
                && m.severity == f.severity
                && m.object == f.object
                && m.message == f.message
        });
        match (same, f.page) {
            (Some(m), Some(page)) => m.more_pages.push(page),
            _ => merged.push(f),
        }
    }
    merged
}
