//! One diagnostic type and one reporter for every problem mgi-press reports — bad JSON, schema
//! violations, cross-file checks and Typst's own errors — so all of them carry file, line,
//! column, JSON path, the source line and hints, and print in the same style.

use std::fmt::{self, Write as _};

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

    pub fn with_path(mut self, path: impl Into<String>) -> Self {
        self.json_path = Some(path.into());
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

impl fmt::Display for Diagnostic {
    /// Renders the diagnostic the way compilers do:
    ///
    /// ```text
    /// error: unknown field `titel`
    ///   --> profiles/x/text/en.json:12:5 at $.cover.titel
    ///    |
    /// 12 |     "titel": "x"
    ///    |     ^^^^^^^
    ///    = hint: did you mean `title`?
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let kind = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        writeln!(f, "{kind}: {}", self.message)?;
        let path = self
            .json_path
            .as_ref()
            .map(|p| format!(" at {p}"))
            .unwrap_or_default();
        let mut gutter = 2;
        match (&self.location, &self.file) {
            (Some(loc), _) => {
                let number = loc.line.to_string();
                gutter = number.len() + 1;
                writeln!(
                    f,
                    "{:>w$} {}:{}:{}{path}",
                    "-->",
                    loc.file,
                    loc.line,
                    loc.column,
                    w = gutter + 2
                )?;
                if let Some(line) = &loc.source_line {
                    let shown: String = line
                        .chars()
                        .map(|c| if c == '\t' { ' ' } else { c })
                        .collect();
                    writeln!(f, "{:w$} |", "", w = gutter)?;
                    writeln!(f, "{number:>w$} | {shown}", w = gutter)?;
                    let mut marker = " ".repeat(loc.column.saturating_sub(1));
                    marker.push_str(&"^".repeat(loc.len.max(1)));
                    writeln!(f, "{:w$} | {marker}", "", w = gutter)?;
                }
            }
            (None, Some(file)) => writeln!(f, "{:>w$} {file}{path}", "-->", w = gutter + 2)?,
            (None, None) if !path.is_empty() => writeln!(f, "{:>w$}{path}", "-->", w = gutter + 2)?,
            (None, None) => {}
        }
        for hint in &self.hints {
            writeln!(f, "{:w$} = hint: {hint}", "", w = gutter)?;
        }
        for point in &self.trace {
            writeln!(f, "{:w$} = {point}", "", w = gutter)?;
        }
        Ok(())
    }
}

/// Renders many diagnostics, errors first in the order found, then a count line.
pub fn render_all(diags: &[Diagnostic]) -> String {
    let mut out = String::new();
    for d in diags {
        let _ = writeln!(out, "{d}");
    }
    out
}

/// True when any diagnostic is an error.
pub fn has_errors(diags: &[Diagnostic]) -> bool {
    diags.iter().any(Diagnostic::is_error)
}
