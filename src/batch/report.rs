//! The outcome of each document of a batch, printed by the CLI and, as JSON, by
//! `build --format json`.

use std::path::Path;
use std::time::Instant;

use serde::Serialize;

use super::stamps::Stamp;
use super::write::output_path;
use crate::diagnostics::Diagnostic;
use crate::edition::Edition;

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

/// Where one document's time went, in milliseconds: resolving the view model and checking its
/// stamp (`prepare`, after the profile was loaded and checked once for all its documents),
/// Typst's layout (`compile`), the PDF export with any post-processing (`export`), previews
/// (`previews`) and writing the files and the stamp (`write`).
#[derive(Debug, Clone, Copy, Default, Serialize)]
pub struct Timings {
    pub prepare: f64,
    pub compile: f64,
    pub export: f64,
    pub previews: f64,
    pub write: f64,
}

/// Milliseconds since `t`, and resets `t` to now.
pub fn lap(t: &mut Instant) -> f64 {
    let ms = (t.elapsed().as_secs_f64() * 10_000.0).round() / 10.0;
    *t = Instant::now();
    ms
}

/// The outcome of one document.
#[derive(Debug, Clone, Serialize)]
pub struct DocReport {
    pub profile: String,
    pub lang: String,
    pub edition: Edition,
    pub output: String,
    pub status: Status,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pages: Option<usize>,
    /// Size of the output (built or unchanged).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bytes: Option<u64>,
    /// SHA-256 of the output, in hex, for an upload step to verify.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sha256: Option<String>,
    pub millis: u64,
    /// Where the document's time went, in milliseconds (built documents).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub timings: Option<Timings>,
    /// Why a stale output must be rebuilt.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    pub diagnostics: Vec<Diagnostic>,
    /// Lines about the profile that are not problems of this document (the translation
    /// warnings of languages the batch does not build, summed up).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
}

impl DocReport {
    /// A report of a document not (yet) built, carrying the problems found so far.
    pub fn failed(
        out_dir: &Path,
        profile: &str,
        lang: &str,
        edition: Edition,
        diagnostics: Vec<Diagnostic>,
    ) -> Self {
        DocReport {
            profile: profile.to_string(),
            lang: lang.to_string(),
            edition,
            output: output_path(out_dir, profile, lang, edition)
                .to_string_lossy()
                .into_owned(),
            status: Status::Failed,
            pages: None,
            bytes: None,
            sha256: None,
            millis: 0,
            timings: None,
            reason: None,
            diagnostics,
            notes: Vec::new(),
        }
    }

    /// Pages, size and SHA-256 of the output, as its stamp records them.
    pub fn output_facts(&mut self, stamp: Option<&Stamp>) {
        if let Some(stamp) = stamp {
            self.pages = self.pages.or(stamp.pages);
            self.bytes = stamp.bytes;
            self.sha256 = stamp.sha256.clone();
        }
    }

    /// Records the time since `start` and the final status.
    pub fn finish(mut self, status: Status, start: Instant) -> Self {
        self.status = status;
        self.millis = start.elapsed().as_millis() as u64;
        self
    }
}
