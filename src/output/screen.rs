//! The screen edition's output, for the web portal and for review: the brand's sRGB colours,
//! PDF/A-2b with PDF/UA-1 unless other standards are asked for, and the cover photograph
//! downsampled to screen resolution before Typst embeds it.

use super::images::ScreenImages;
use super::pdf::lay_out_and_export;
use super::seam::{Context, Document, Files, Output, PdfPlan, Prepared, Produced};
use super::typesetting::pdf_settings;
use crate::diagnostics::{Diagnostic, WarningPolicy};
use crate::edition::Edition;
use crate::load::Profile;

/// The screen edition's standards by default: an archivable, accessible file for the portal.
pub const SCREEN_STANDARDS: [&str; 2] = ["a-2b", "ua-1"];

/// `OUT/<profile>.<lang>.pdf`.
pub struct ScreenPdf;

impl ScreenPdf {
    /// The standards it is exported with: those asked for, or the default.
    pub fn standards(asked: &[String]) -> Vec<String> {
        if asked.is_empty() {
            SCREEN_STANDARDS.map(String::from).to_vec()
        } else {
            asked.to_vec()
        }
    }

    /// Files served in place of the profile's own: the cover photograph downsampled when it
    /// is far above screen resolution.
    pub fn substitutes(images: &ScreenImages, profile: &Profile) -> Vec<(String, Vec<u8>, String)> {
        let Some(cover) = profile.facts.cover_image.as_deref() else {
            return Vec::new();
        };
        let rest = cover.trim_start_matches("./");
        let Ok(bytes) = std::fs::read(profile.dir.join(rest)) else {
            return Vec::new();
        };
        let width_mm = profile.facts.paper.width_mm();
        let original = crate::hash::content_hash(&bytes);
        match images.get(&bytes, &original, width_mm) {
            Some(small) => vec![(rest.to_string(), small.to_vec(), original)],
            None => Vec::new(),
        }
    }
}

impl Output for ScreenPdf {
    fn edition(&self) -> Edition {
        Edition::Screen
    }

    fn file_name(&self, profile: &str, lang: &str) -> String {
        format!("{profile}.{lang}.pdf")
    }

    fn prepare(&self, cx: &Context<'_>, doc: &Document<'_>) -> Result<Prepared, Diagnostic> {
        let standards = ScreenPdf::standards(cx.screen_standards);
        let settings = pdf_settings(doc.profile, doc.lang, &standards);
        Ok(Prepared {
            identity: format!("{settings:?}"),
            pdf: Some(PdfPlan {
                settings,
                icc: None,
                substitutes: ScreenPdf::substitutes(cx.screen_images, doc.profile),
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
        let done = lay_out_and_export(cx.typesetting, doc, plan, policy)?;
        Ok(Produced {
            files: Files::One(done.pdf),
            read: done.compiled.files.clone(),
            pages: Some(done.compiled.document.pages().len()),
            warnings: done.warnings,
            compiled: Some(done.compiled),
            compile_ms: done.compile_ms,
            export_ms: done.export_ms,
            shared: Vec::new(),
        })
    }
}
