//! The print edition's output, for the printer: laid out in CMYK with bleed and crop marks,
//! exported as PDF 1.6, made PDF/X-4 with the printer's output profile, then preflighted; a
//! document the preflight rejects is not written (the previous PDF stays), its problems
//! reported with the page and object they concern.

use super::pdf::lay_out_and_export;
use super::profiles::identity;
use super::seam::{Context, Document, Files, Output, PdfPlan, Prepared, Produced};
use super::typesetting::pdf_settings;
use crate::diagnostics::{Diagnostic, Severity, WarningPolicy, has_errors};
use crate::edition::Edition;
use crate::edition::icc::OutputProfile;
use crate::preflight;

/// Makes the exported PDF PDF/X-4 and preflights it. Returns the final bytes and the
/// preflight's warnings, or every problem when it is rejected.
pub fn finish(
    pdf: &[u8],
    icc: &OutputProfile,
    bleed_mm: f64,
    output_name: &str,
) -> Result<(Vec<u8>, Vec<Diagnostic>), Vec<Diagnostic>> {
    let pdfx = super::pdfx::to_pdfx4(pdf, icc, bleed_mm).map_err(|e| {
        vec![Diagnostic::error(format!("PDF/X-4: {e}")).in_file(output_name.to_string())]
    })?;
    let report = preflight::preflight(&pdfx, Edition::Print);
    let mut diags = report.to_diagnostics(output_name);
    for d in &mut diags {
        d.message = format!("preflight: {}", d.message);
    }
    if diags.iter().any(|d| d.severity == Severity::Error) {
        return Err(diags);
    }
    Ok((pdfx, diags))
}

/// `OUT/<profile>.<lang>.print.pdf`.
pub struct PrintPdf;

impl Output for PrintPdf {
    fn edition(&self) -> Edition {
        Edition::Print
    }

    fn file_name(&self, profile: &str, lang: &str) -> String {
        format!("{profile}.{lang}.print.pdf")
    }

    fn prepare(&self, cx: &Context<'_>, doc: &Document<'_>) -> Result<Prepared, Diagnostic> {
        let root = cx.typesetting.project.color_root();
        let icc = cx.output_profiles.of(root, doc.profile)?;
        // PDF 1.6, the base of PDF/X-4, which `finish` then makes it.
        let settings = pdf_settings(doc.profile, doc.lang, &["1.6".to_string()]);
        Ok(Prepared {
            identity: format!("{settings:?}|{}", identity(&icc)),
            pdf: Some(PdfPlan {
                settings,
                icc: Some(icc),
                substitutes: Vec::new(),
            }),
        })
    }

    fn produce(
        &self,
        cx: &Context<'_>,
        doc: &Document<'_>,
        prepared: &Prepared,
        policy: WarningPolicy,
    ) -> Result<Produced, Vec<Diagnostic>> {
        let plan = prepared.pdf.as_ref().ok_or_else(Vec::new)?;
        let icc = plan.icc.as_deref().ok_or_else(Vec::new)?;
        let mut done = lay_out_and_export(cx.typesetting, doc, plan, policy)?;
        let start = std::time::Instant::now();
        let name = self.file_name(&doc.profile.name, doc.lang);
        let (pdfx, mut warnings) = match finish(&done.pdf, icc, doc.vm.meta.bleed_mm, &name) {
            Ok(finished) => finished,
            Err(errors) => {
                done.warnings.extend(errors);
                return Err(done.warnings);
            }
        };
        policy.apply(&mut warnings);
        done.warnings.extend(warnings);
        if has_errors(&done.warnings) {
            return Err(done.warnings);
        }
        Ok(Produced {
            files: Files::One(pdfx),
            read: done.compiled.files.clone(),
            pages: Some(done.compiled.document.pages().len()),
            warnings: done.warnings,
            compiled: Some(done.compiled),
            compile_ms: done.compile_ms,
            export_ms: done.export_ms + start.elapsed().as_secs_f64() * 1000.0,
            shared: Vec::new(),
        })
    }
}
