//! The print edition's settings: the printer's output profile named in `print.output_profile`
//! lies inside the profile folder and is a CMYK output profile, so that `check` says so before
//! a print build fails on it. Warnings, as for a cover too small for print: the screen edition
//! does not use it, and the print edition fails on it with its own error.

use super::path::key;
use crate::diagnostics::{Diagnostic, Severity};
use crate::edition::icc::OutputProfile;
use crate::load::Profile;
use crate::load::json::At;

pub fn output_profile(profile: &Profile, diags: &mut Vec<Diagnostic>) {
    let Some(rel) = &profile.facts.print.output_profile else {
        return;
    };
    let at = |d: Diagnostic| {
        let path = [key("print"), key("output_profile")];
        profile.facts_file.diag(d, &path, At::Value)
    };
    if rel.starts_with('/') || rel.contains('\\') || rel.split('/').any(|s| s == "..") {
        let message = format!(
            "the output profile \"{rel}\" must be a path inside the profile folder (no `..`, not absolute)"
        );
        diags.push(at(Diagnostic::warning(message)));
        return;
    }
    if let Err(mut d) = OutputProfile::load(&profile.dir.join(rel)) {
        d.location = None;
        d.severity = Severity::Warning;
        d.hints
            .push("the print edition fails on it; the screen edition does not use it".into());
        diags.push(at(d));
    }
}
