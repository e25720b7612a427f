//! The printers' output profiles of a run, each read and validated once, and what identifies
//! one in a document's stamp.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use crate::diagnostics::Diagnostic;
use crate::edition::icc::{OutputConditionIdentifier, OutputProfile};
use crate::load::Profile;

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
