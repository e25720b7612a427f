//! The PDF outputs' common step: a document laid out and exported, refused when the layout
//! leaves an error (or a warning the policy made one) or a character without a glyph.

use std::time::Instant;

use super::seam::{Document, PdfPlan};
use super::typesetting::{Typesetting, lay_out_checked};
use crate::diagnostics::{Diagnostic, WarningPolicy, has_errors};
use crate::typeset::{self, Compiled};

/// A document laid out and exported to PDF bytes (not yet post-processed), with the
/// layout's warnings under `policy`; refused when the layout leaves an error, a warning the
/// policy made one, or a character without a glyph.
pub(super) struct Exported {
    pub pdf: Vec<u8>,
    pub compiled: Compiled,
    pub warnings: Vec<Diagnostic>,
    pub compile_ms: f64,
    pub export_ms: f64,
}

pub(super) fn lay_out_and_export(
    ts: Typesetting<'_>,
    doc: &Document<'_>,
    plan: &PdfPlan,
    policy: WarningPolicy,
) -> Result<Exported, Vec<Diagnostic>> {
    let start = Instant::now();
    let laid = lay_out_checked(ts, doc.profile, doc.vm, &plan.substitutes, policy)?;
    let compile_ms = start.elapsed().as_secs_f64() * 1000.0;
    let (compiled, warnings) = (laid.compiled, laid.diagnostics);
    if has_errors(&warnings) {
        return Err(warnings);
    }
    let start = Instant::now();
    let pdf = typeset::export_pdf(&compiled.document, &plan.settings)?;
    Ok(Exported {
        pdf,
        compiled,
        warnings,
        compile_ms,
        export_ms: start.elapsed().as_secs_f64() * 1000.0,
    })
}
