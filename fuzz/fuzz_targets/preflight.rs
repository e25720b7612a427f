//! Fuzzes `mgi-press preflight`'s reading of a PDF (`mgi_press::preflight::try_preflight`):
//! lopdf's parser, then our checks over its objects and the content-stream interpreter
//! (src/preflight/content.rs), for both editions.
//!
//! Input: the PDF's bytes. Checks: nothing panics; a file without `%PDF-` in its first
//! kilobyte is `NotAPdf`, and the report of any other file serialises to JSON (as
//! `--format json` prints it) with findings whose pages are inside the document.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mgi_press::preflight::{Edition, NotAPdf, try_preflight};

fuzz_target!(|data: &[u8]| {
    for edition in [Edition::Print, Edition::Screen] {
        let report = match try_preflight(data, edition) {
            Ok(report) => report,
            Err(NotAPdf) => {
                let head = &data[..data.len().min(1024)];
                assert!(!head.windows(5).any(|w| w == b"%PDF-"));
                return;
            }
        };
        serde_json::to_string(&report).expect("a report serialises");
        for finding in &report.findings {
            for page in finding.page.iter().chain(&finding.more_pages) {
                assert!(
                    *page >= 1 && *page as usize <= report.facts.pages,
                    "finding on page {page} of {}: {finding:?}",
                    report.facts.pages
                );
            }
        }
    }
});
