//! One diagnostic type for every problem mgi-press reports — bad JSON, schema violations,
//! cross-file checks and Typst's own errors — so that all of them carry file, line, column,
//! JSON path, the source line and hints, print in the same style ([`render`]) and serialise to
//! the same JSON.

mod render;

pub mod locator;

pub use locator::Locator;
pub use render::{ColorChoice, DiagnosticFormat, RenderStyle, render_all, render_all_with};

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

/// A place in a file: 1-based line and column (in characters), and the text of that line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Location {
    pub file: String,
    pub line: usize,
    pub column: usize,
    /// How many characters to underline, at least 1.
    pub len: usize,
    #[serde(skip)]
    pub source_line: Option<String>,
}

impl Location {
    /// The location of byte `offset` (and `len` bytes after it) in `text`.
    pub fn in_text(file: impl Into<String>, text: &str, offset: usize, len: usize) -> Self {
        let offset = floor_char_boundary(text, offset.min(text.len()));
        let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
        let line_end = text[offset..].find('\n').map_or(text.len(), |i| offset + i);
        let line = text[..offset].matches('\n').count() + 1;
        let column = text[line_start..offset].chars().count() + 1;
        let end = floor_char_boundary(text, (offset + len).min(line_end).max(offset));
        let len = text[offset..end].chars().count().max(1);
        let source_line = text[line_start..line_end]
            .trim_end_matches('\r')
            .to_string();
        Location {
            file: file.into(),
            line,
            column,
            len,
            source_line: Some(source_line),
        }
    }
}

fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    pub severity: Severity,
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub location: Option<Location>,
    /// A file named without a position (when no line is known).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
    /// JSON path of the value concerned, e.g. `$.findings.rights.potential.p2`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub json_path: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub hints: Vec<String>,
    /// Where the problem was reached from (Typst's call trace), outermost last.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub trace: Vec<String>,
}

impl Diagnostic {
    pub fn error(message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            message: message.into(),
            location: None,
            file: None,
            json_path: None,
            hints: Vec::new(),
            trace: Vec::new(),
        }
    }

    pub fn warning(message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(message)
        }
    }

    pub fn at(mut self, location: Location) -> Self {
        self.location = Some(location);
        self
    }

    pub fn in_file(mut self, file: impl Into<String>) -> Self {
        self.file = Some(file.into());
        self
    }

    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hints.push(hint.into());
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// The file this diagnostic is about, if any.
    pub fn file_name(&self) -> Option<&str> {
        self.location
            .as_ref()
            .map(|l| l.file.as_str())
            .or(self.file.as_deref())
    }
}

/// True when any diagnostic is an error.
pub fn has_errors(diags: &[Diagnostic]) -> bool {
    diags.iter().any(Diagnostic::is_error)
}

/// What warnings mean for the outcome: reported and let through (the default), or turned into
/// errors (`--deny-warnings`, for release builds and CI gates). One policy for every command
/// and every kind of warning: placeholders, low-resolution images, fallbacks, bidi controls,
/// Typst's own warnings.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct WarningPolicy {
    pub deny: bool,
}

impl WarningPolicy {
    /// Applies the policy to diagnostics in place.
    pub fn apply(self, diags: &mut [Diagnostic]) {
        if !self.deny {
            return;
        }
        for d in diags.iter_mut().filter(|d| d.severity == Severity::Warning) {
            d.severity = Severity::Error;
            d.hints
                .push("--deny-warnings turns warnings into errors".into());
        }
    }
}
