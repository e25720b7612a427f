//! `mgi-press diff`: what changed between two builds, for the people who review a publication
//! before it goes out — which documents and pages changed, the words removed and added on each
//! page, and the changed regions of each page drawn side by side in an HTML report.
//!
//! [`inputs`] pairs the files (two PDFs, or two output folders matched by name); [`pdf`] is the
//! one place PDFs are read and drawn (hayro, the rasteriser typst-render uses); [`glyphs`] and
//! [`words`] read each page's words back; [`text_diff`] diffs the words of the whole document;
//! [`pixels`] finds the changed blocks of a rendered page; [`compare`] puts them together per
//! document; [`summary`] and [`html`] present the [`Review`].

pub mod compare;
pub mod glyphs;
pub mod html;
pub mod inputs;
pub mod pdf;
pub mod pixels;
pub mod report;
pub mod summary;
pub mod text_diff;
pub mod words;

use std::path::Path;

use rayon::prelude::*;

use crate::diagnostics::Diagnostic;

pub use compare::ReviewOptions;
pub use report::{DocStatus, DocumentReview, PageReview, PageStatus, Region, Review};
pub use text_diff::TextChange;

/// Compares two PDF files, or two folders of PDF files matched by name. An error (exit code 2
/// on the command line) for a path that cannot be read or a file that is not a PDF.
pub fn review(old: &Path, new: &Path, options: &ReviewOptions) -> Result<Review, Vec<Diagnostic>> {
    let pairs = inputs::pair(old, new)?;
    let results: Vec<_> = pairs
        .par_iter()
        .map(|pair| guarded(pair, options))
        .collect();
    let mut documents = Vec::new();
    let mut errors = Vec::new();
    for result in results {
        match result {
            Ok(doc) => documents.push(doc),
            Err(e) => errors.push(e),
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(Review::new(
        old.display().to_string(),
        new.display().to_string(),
        documents,
    ))
}

/// Compares one document; a failure inside the PDF reader on a malformed file becomes an error
/// (exit code 2) instead of ending the program.
fn guarded(pair: &inputs::DocPair, options: &ReviewOptions) -> Result<DocumentReview, Diagnostic> {
    let run = std::panic::AssertUnwindSafe(|| compare::document(pair, options));
    std::panic::catch_unwind(run).unwrap_or_else(|_| {
        Err(Diagnostic::error(format!(
            "{}: the PDF reader failed on this document",
            pair.name
        )))
    })
}
