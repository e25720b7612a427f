//! The outcome of each document of a batch, printed by the CLI and, as JSON, by
//! `build --format json`.

use std::path::Path;
use std::time::Instant;

use serde::Serialize;

use super::write::output_path;
use crate::diagnostics::Diagnostic;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Built,
    /// Up to date: not rebuilt (or, with `--check`, nothing to do).
    Unchanged,
    /// With `--check`: the output is missing or out of date (see `reason`).
    Stale,
    Failed,
}

/// The outcome of one document.
#[derive(Debug, Clone, Serialize)]
pub struct DocReport {
    pub profile: String,
    pub lang: String,
    pub output: String,
    pub status: Status,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pages: Option<usize>,
    pub millis: u64,
    /// Why a stale output must be rebuilt.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    pub diagnostics: Vec<Diagnostic>,
}

impl DocReport {
    /// A report of a document not (yet) built, carrying the problems found so far.
    pub fn failed(out_dir: &Path, profile: &str, lang: &str, diagnostics: Vec<Diagnostic>) -> Self {
        DocReport {
            profile: profile.to_string(),
            lang: lang.to_string(),
            output: output_path(out_dir, profile, lang)
                .to_string_lossy()
                .into_owned(),
            status: Status::Failed,
            pages: None,
            millis: 0,
            reason: None,
            diagnostics,
        }
    }

    /// Records the time since `start` and the final status.
    pub fn finish(mut self, status: Status, start: Instant) -> Self {
        self.status = status;
        self.millis = start.elapsed().as_millis() as u64;
        self
    }
}
