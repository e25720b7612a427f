//! What a preflight reports: the rule ids, each finding (severity, rule, page, object,
//! message), the facts of the document whatever the findings, and the collector the checks
//! report into (the same finding on several pages becomes one).

use std::collections::BTreeMap;

use serde::Serialize;

use crate::diagnostics::Severity;
use crate::edition::Edition;

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

/// One placement of an image, as `pdfimages -list` reports it.
#[derive(Debug, Clone, Serialize)]
pub struct ImageFact {
    pub page: u32,
    /// `/Im3 (obj 42)`, or `inline image`, with the forms it sits in.
    pub image: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub object: Option<u32>,
    pub width_px: u32,
    pub height_px: u32,
    pub x_ppi: f64,
    pub y_ppi: f64,
    /// Placed size in millimetres (width, height along the image's own axes).
    pub placed_mm: [f64; 2],
    /// A 1-bit stencil mask (not held to the edition's resolution).
    pub mask: bool,
}

/// Findings and notes as the checks make them.
#[derive(Default)]
pub(super) struct Collector {
    findings: Vec<Finding>,
    not_checked: BTreeMap<String, usize>,
}

impl Collector {
    pub(super) fn doc(
        &mut self,
        severity: Severity,
        rule: &'static str,
        message: impl Into<String>,
    ) {
        self.findings.push(Finding {
            severity,
            rule,
            page: None,
            more_pages: Vec::new(),
            object: None,
            message: message.into(),
        });
    }

    pub(super) fn page(
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
    pub(super) fn not_checked(&mut self, what: impl Into<String>) {
        *self.not_checked.entry(what.into()).or_default() += 1;
    }

    pub(super) fn finish(mut self, edition: Edition, facts: Facts) -> PreflightReport {
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
