//! What an exchange file (XLIFF, PO) holds once read: its format, the JSON file it is for, its
//! language, and each translated unit with where it stands in the file.

use std::path::Path;

use super::units::Scope;
use crate::diagnostics::Location;

/// The two exchange formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Xliff,
    Po,
}

impl Format {
    /// The format of a file: from its extension, else from its first character.
    pub fn detect(path: &Path, text: &str) -> Format {
        let ext = path
            .extension()
            .map(|e| e.to_string_lossy().to_ascii_lowercase());
        match ext.as_deref() {
            Some("po" | "pot") => Format::Po,
            Some("xlf" | "xliff" | "xml") => Format::Xliff,
            _ if text
                .trim_start_matches('\u{feff}')
                .trim_start()
                .starts_with('<') =>
            {
                Format::Xliff
            }
            _ => Format::Po,
        }
    }
}

/// One translated unit of an exchange file, as markup.
#[derive(Debug, Clone)]
pub struct Incoming {
    pub key: String,
    /// The English the translation was made from, as the file has it.
    pub source: String,
    pub target: String,
    /// The translator confirmed it (XLIFF `translated`/`final`, PO not `fuzzy`).
    pub reviewed: bool,
    /// Where the translation stands in the exchange file.
    pub at: Location,
}

/// An exchange file as read.
#[derive(Debug, Clone)]
pub struct Exchange {
    pub format: Format,
    /// The JSON file the translations are for: relative to the project root, or absolute.
    pub file: String,
    pub lang: String,
    pub units: Vec<Incoming>,
}

/// What a catalog belongs to, as exchange files name it: `profile valdoria`, `pack mgi`.
pub fn scope_label(scope: &Scope) -> String {
    match scope {
        Scope::Profile { name } => format!("profile {name}"),
        Scope::Pack { layout } => format!("pack {layout}"),
    }
}
