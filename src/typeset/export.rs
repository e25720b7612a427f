//! Exports a laid-out document to PDF: a stable document identifier, a fixed timestamp, tagged
//! for accessibility, and the PDF standards asked for (checked by Typst's exporter).

use typst::foundations::{Datetime, Smart};
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards, Timestamp};

use crate::date;
use crate::diagnostics::Diagnostic;

/// The PDF settings of a build.
#[derive(Debug, Clone)]
pub struct PdfSettings {
    /// A stable identifier of the document (profile and language).
    pub ident: String,
    /// The creation timestamp written into the PDF, in seconds since the Unix epoch.
    pub timestamp: i64,
    /// PDF standards to conform to, by their Typst names (`a-2b`, `ua-1`, ...).
    pub standards: Vec<String>,
}

/// Exports a laid-out document to PDF bytes.
pub fn export_pdf(
    document: &PagedDocument,
    settings: &PdfSettings,
) -> Result<Vec<u8>, Vec<Diagnostic>> {
    let standards = parse_standards(&settings.standards).map_err(|e| vec![Diagnostic::error(e)])?;
    let timestamp = timestamp(settings.timestamp)
        .ok_or_else(|| vec![Diagnostic::error("the PDF timestamp is out of range")])?;
    let options = PdfOptions {
        ident: Smart::Custom(settings.ident.clone()),
        creator: Smart::Custom(Some(format!("mgi-press {}", env!("CARGO_PKG_VERSION")))),
        timestamp: Some(timestamp),
        page_ranges: None,
        standards,
        tagged: true,
        pretty: false,
    };
    typst_pdf::pdf(document, &options).map_err(|errors| {
        errors
            .iter()
            .map(|e| {
                let mut d = Diagnostic::error(format!("PDF export: {}", e.message));
                d.hints = e.hints.iter().map(|h| h.v.to_string()).collect();
                d
            })
            .collect()
    })
}

/// Checks PDF standard names and their combination before any work is done (a usage error).
pub fn check_standards(names: &[String]) -> Result<(), String> {
    parse_standards(names).map(|_| ())
}

fn parse_standards(names: &[String]) -> Result<PdfStandards, String> {
    let mut list = Vec::new();
    for name in names {
        let standard: PdfStandard = serde_json::from_value(serde_json::Value::String(name.clone()))
            .map_err(|_| {
                format!("unknown PDF standard `{name}` (known: 1.7, 2.0, a-2b, a-2u, a-2a, a-3b, a-4, ua-1, ...)")
            })?;
        list.push(standard);
    }
    PdfStandards::new(&list).map_err(|e| e.message().to_string())
}

fn timestamp(epoch: i64) -> Option<Timestamp> {
    let (y, m, d, hour, minute, second) = date::from_unix_seconds(epoch);
    let dt = Datetime::from_ymd_hms(i32::try_from(y).ok()?, m, d, hour, minute, second)?;
    Some(Timestamp::new_utc(dt))
}
