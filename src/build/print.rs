//! The print edition's last steps: the exported PDF is made PDF/X-4 with the printer's output
//! profile, then preflighted; a document the preflight rejects is not written (the previous
//! PDF stays), its problems reported with the page and object they concern.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use crate::diagnostics::{Diagnostic, Severity};
use crate::edition::Edition;
use crate::edition::icc::{OutputConditionIdentifier, OutputProfile};
use crate::load::Profile;
use crate::preflight;

/// The output profiles of a batch, each read and validated once (the shipped default, or the
/// one a profile names in `print.output_profile`), with the condition the profile names.
#[derive(Default)]
pub struct OutputProfiles {
    loaded: Mutex<HashMap<ProfileKey, Loaded>>,
}

/// The file of an output profile and the output condition named for it.
type ProfileKey = (PathBuf, Option<String>);
type Loaded = Result<Arc<OutputProfile>, Diagnostic>;

impl OutputProfiles {
    /// The output profile of a profile's print edition.
    pub fn of(
        &self,
        root: &std::path::Path,
        profile: &Profile,
    ) -> Result<Arc<OutputProfile>, Diagnostic> {
        let print = &profile.facts.print;
        let path = match &print.output_profile {
            Some(rel) if rel.starts_with('/') || rel.split(['/', '\\']).any(|s| s == "..") => {
                let message = format!(
                    "the output profile \"{rel}\" must be a path inside the profile folder"
                );
                return Err(Diagnostic::error(message).in_file(profile.shown.clone()));
            }
            Some(rel) => profile.dir.join(rel),
            None => root.join(crate::edition::icc::DEFAULT_PROFILE),
        };
        let key = (path.clone(), print.output_condition.clone());
        let mut loaded = self.loaded.lock().unwrap_or_else(|p| p.into_inner());
        loaded
            .entry(key)
            .or_insert_with(|| {
                let mut icc = OutputProfile::load(&path)?;
                if let Some(named) = &print.output_condition {
                    icc.condition_identifier = OutputConditionIdentifier::Named(named.clone());
                }
                Ok(Arc::new(icc))
            })
            .clone()
    }
}

/// What identifies an output profile in a document's stamp.
pub fn identity(icc: &OutputProfile) -> String {
    format!(
        "{}|{}",
        crate::hash::content_hash(&icc.bytes),
        icc.condition_identifier.as_str()
    )
}

/// Makes the exported PDF PDF/X-4 and preflights it. Returns the final bytes and the
/// preflight's warnings, or every problem when it is rejected.
pub fn finish(
    pdf: &[u8],
    icc: &OutputProfile,
    bleed_mm: f64,
    output_name: &str,
) -> Result<(Vec<u8>, Vec<Diagnostic>), Vec<Diagnostic>> {
    let pdfx = crate::edition::pdfx::to_pdfx4(pdf, icc, bleed_mm).map_err(|e| {
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
