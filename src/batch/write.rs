//! Where outputs go: one path per document and edition.

use std::path::{Path, PathBuf};

use crate::edition::Edition;

/// The path of one edition of a document: the output folder and the name its output gives
/// (`OUT/<profile>.<lang>.pdf` for the screen edition, `OUT/<profile>.<lang>.print.pdf` for the
/// print edition).
pub fn output_path(out_dir: &Path, profile: &str, lang: &str, edition: Edition) -> PathBuf {
    out_dir.join(crate::output::of(edition).file_name(profile, lang))
}
