//! Renders diagnostics for people: the compiler-style report (title, `--> file:line:col`, the
//! source line with carets under the exact characters, hints) is laid out by
//! `annotate-snippets`, which measures wide characters, cuts long lines around the column to
//! the terminal width and colours the output; `--diagnostic-format short` gives one line per
//! problem for editors and CI logs.

use std::fmt;
use std::io::IsTerminal;

use annotate_snippets::{AnnotationKind, Group, Level, Origin, Renderer, Snippet};

use super::{Diagnostic, Location, Severity};

/// Width the report is cut to when the terminal's is unknown.
pub const DEFAULT_WIDTH: usize = 120;

/// When to colour the output (`--color`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum ColorChoice {
    /// Colour when standard error is a terminal and `NO_COLOR` is not set.
    #[default]
    Auto,
    Always,
    Never,
}

/// How each diagnostic is printed (`--diagnostic-format`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum DiagnosticFormat {
    /// The full report with the source line and hints.
    #[default]
    Human,
    /// One line: `file:line:col: level: message`.
    Short,
}

/// How to render: colours, format and the width long source lines are cut to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RenderStyle {
    pub color: bool,
    pub format: DiagnosticFormat,
    pub width: usize,
}

impl RenderStyle {
    /// No colour, full reports, the default width: what tests and files get.
    pub fn plain() -> Self {
        RenderStyle {
            color: false,
            format: DiagnosticFormat::Human,
            width: DEFAULT_WIDTH,
        }
    }

    /// The style for standard error: colour as chosen (or detected), the terminal's width
    /// (`COLUMNS`) when known.
    pub fn for_stderr(color: ColorChoice, format: DiagnosticFormat) -> Self {
        let color = match color {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                    && std::io::stderr().is_terminal()
            }
        };
        let width = std::env::var("COLUMNS")
            .ok()
            .and_then(|c| c.trim().parse().ok())
            .filter(|w: &usize| *w >= 40)
            .unwrap_or(DEFAULT_WIDTH);
        RenderStyle {
            color,
            format,
            width,
        }
    }
}

/// Renders many diagnostics in the order given, in the plain style.
pub fn render_all(diags: &[Diagnostic]) -> String {
    render_all_with(diags, &RenderStyle::plain())
}

/// Renders many diagnostics in the order given; full reports are separated by a blank line.
pub fn render_all_with(diags: &[Diagnostic], style: &RenderStyle) -> String {
    let mut out = String::new();
    for d in diags {
        out.push_str(&render(d, style));
        out.push('\n');
        if style.format == DiagnosticFormat::Human {
            out.push('\n');
        }
    }
    out
}

/// Renders one diagnostic (without a trailing newline).
pub fn render(d: &Diagnostic, style: &RenderStyle) -> String {
    match style.format {
        DiagnosticFormat::Human => human(d, style),
        DiagnosticFormat::Short => short(d, style.color),
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&render(self, &RenderStyle::plain()))
    }
}

fn human(d: &Diagnostic, style: &RenderStyle) -> String {
    let level = match d.severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
    };
    let mut group = Group::with_title(level.primary_title(d.message.as_str()));
    let at_path = d.json_path.as_ref().map(|p| format!("at {p}"));
    match (&d.location, &d.file) {
        (Some(loc), _) => group = group.element(snippet(loc, at_path.clone())),
        (None, Some(file)) => {
            let origin = match &at_path {
                Some(p) => format!("{file} {p}"),
                None => file.clone(),
            };
            group = group.element(Origin::path(origin));
        }
        (None, None) => {
            if let Some(p) = &at_path {
                group = group.element(Level::NOTE.no_name().message(p.clone()));
            }
        }
    }
    for hint in &d.hints {
        group = group.element(Level::HELP.with_name("hint").message(hint.as_str()));
    }
    for point in &d.trace {
        group = group.element(Level::NOTE.no_name().message(point.as_str()));
    }
    let renderer = if style.color {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    renderer.term_width(style.width).render(&[group])
}

/// The source line of a location with its span, in bytes of that line.
fn snippet(
    loc: &Location,
    label: Option<String>,
) -> Snippet<'_, annotate_snippets::Annotation<'_>> {
    let Some(line) = loc.source_line.as_deref() else {
        let origin_only = Snippet::source("").path(loc.file.as_str());
        return origin_only;
    };
    let byte_at = |chars: usize| {
        line.char_indices()
            .nth(chars)
            .map_or(line.len(), |(i, _)| i)
    };
    let start = byte_at(loc.column.saturating_sub(1));
    let end = byte_at(loc.column.saturating_sub(1) + loc.len.max(1)).max(start);
    let mut annotation = AnnotationKind::Primary.span(start..end);
    if let Some(label) = label {
        annotation = annotation.label(label);
    }
    Snippet::source(line)
        .line_start(loc.line)
        .path(loc.file.as_str())
        .annotation(annotation)
}

/// `file:line:col: level: message [$.path]` — one line, for editors and CI logs.
fn short(d: &Diagnostic, color: bool) -> String {
    let (word, ansi) = match d.severity {
        Severity::Error => ("error", "\x1b[1;31m"),
        Severity::Warning => ("warning", "\x1b[1;33m"),
    };
    let level = if color {
        format!("{ansi}{word}\x1b[0m")
    } else {
        word.to_string()
    };
    let place = match (&d.location, &d.file) {
        (Some(l), _) => format!("{}:{}:{}: ", l.file, l.line, l.column),
        (None, Some(f)) => format!("{f}: "),
        (None, None) => String::new(),
    };
    let path = d
        .json_path
        .as_ref()
        .map(|p| format!(" [{p}]"))
        .unwrap_or_default();
    // A message is one line by construction; keep the promise even if one is not.
    let message = d.message.replace('\n', " ");
    format!("{place}{level}: {message}{path}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn located(line: &str, column: usize, len: usize) -> Diagnostic {
        Diagnostic::warning("check this").at(Location {
            file: "text/x.json".into(),
            line: 7,
            column,
            len,
            source_line: Some(line.into()),
        })
    }

    #[test]
    fn carets_sit_under_cyrillic_arabic_and_wide_characters() {
        // Cyrillic (Tajik letters): one column per character.
        let d = located(r#"  "p1": "Ҳукумати Ҷумҳурии Тоҷикистон","#, 19, 7);
        assert_eq!(
            render(&d, &RenderStyle::plain()),
            "warning: check this\n --> text/x.json:7:19\n  |\n7 |   \"p1\": \"Ҳукумати Ҷумҳурии Тоҷикистон\",\n  |                   ^^^^^^^"
        );
        // Arabic letters take one column each in the report (in logical order, as stored).
        let d = located(r#"  "p1": "الهجرة الآمنة","#, 17, 6);
        assert_eq!(
            render(&d, &RenderStyle::plain()),
            "warning: check this\n --> text/x.json:7:17\n  |\n7 |   \"p1\": \"الهجرة الآمنة\",\n  |                 ^^^^^^"
        );
        // Wide (CJK) characters take two columns: the carets move and widen with them.
        let d = located(r#"  "p1": "移民 治理","#, 13, 2);
        assert_eq!(
            render(&d, &RenderStyle::plain()),
            "warning: check this\n --> text/x.json:7:13\n  |\n7 |   \"p1\": \"移民 治理\",\n  |               ^^^^"
        );
    }

    #[test]
    fn long_lines_are_cut_around_the_column() {
        let line = format!(
            "  \"p2\": \"{} ERROR HERE {}\",",
            "lorem ipsum ".repeat(40),
            "dolor sit ".repeat(40)
        );
        let column = line.find("ERROR").unwrap() + 1;
        let d = located(&line, column, 5);
        let out = render(&d, &RenderStyle::plain());
        assert!(
            out.lines().all(|l| l.chars().count() <= DEFAULT_WIDTH),
            "{out}"
        );
        assert!(out.contains("ERROR HERE"), "{out}");
        assert!(out.contains("..."), "{out}");
        let source = out.lines().find(|l| l.contains("ERROR")).unwrap();
        let carets = out.lines().find(|l| l.contains('^')).unwrap();
        assert_eq!(source.find("ERROR"), carets.find('^'), "{out}");
    }

    #[test]
    fn short_format_is_one_line() {
        let mut d = located("  \"x\": 1", 3, 3);
        d.json_path = Some("$.x".into());
        d.hints.push("a hint".into());
        let style = RenderStyle {
            format: DiagnosticFormat::Short,
            ..RenderStyle::plain()
        };
        assert_eq!(
            render_all_with(&[d], &style),
            "text/x.json:7:3: warning: check this [$.x]\n"
        );
        let e = Diagnostic::error("no profiles found");
        assert_eq!(render(&e, &style), "error: no profiles found");
    }

    #[test]
    fn colour_only_when_asked() {
        let d = located("  \"x\": 1", 3, 3);
        let coloured = RenderStyle {
            color: true,
            ..RenderStyle::plain()
        };
        assert!(render(&d, &coloured).contains("\x1b["));
        assert!(!render(&d, &RenderStyle::plain()).contains("\x1b["));
    }
}
