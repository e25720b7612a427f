//! The rich-text markup of profile and language-pack text, parsed into structured nodes.
//!
//! Profile text is data, never code: the layout receives these nodes and prints text nodes
//! literally, so nothing a user writes is ever evaluated by Typst. The syntax is described in
//! `docs/data-format.md` (bold, italic, links, footnotes, placeholders, line breaks, lists).

use schemars::JsonSchema;
use serde::Serialize;

use crate::links::LinkField;

/// Rich text: paragraphs and lists.
pub type Blocks = Vec<Block>;

/// A block of rich text.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[serde(tag = "type", rename_all = "lowercase")]
pub enum Block {
    Par { content: Vec<Inline> },
    List { items: Vec<Vec<Inline>> },
}

/// An inline piece of rich text.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[serde(tag = "type", rename_all = "lowercase")]
pub enum Inline {
    Text {
        text: String,
    },
    Strong {
        content: Vec<Inline>,
    },
    Emph {
        content: Vec<Inline>,
    },
    Link {
        url: String,
        content: Vec<Inline>,
    },
    /// A footnote. `number` is the number it is printed with, given in document order by
    /// [`crate::resolve::notes`] so that the layout need not count footnotes (none on the legal
    /// page, whose notes keep the layout's own symbols).
    Note {
        content: Vec<Inline>,
        #[serde(skip_serializing_if = "Option::is_none")]
        number: Option<u32>,
    },
    Linebreak,
    /// Where a keyed text starts (and, with `end`, where it ends) and which file and key it
    /// comes from, for the preview's "where is this text?"; prints nothing. Never produced by
    /// the parser.
    Mark {
        key: String,
        file: String,
        #[serde(skip_serializing_if = "std::ops::Not::not")]
        end: bool,
    },
}

/// A problem found while parsing, at a byte range of the input.
#[derive(Debug, Clone, PartialEq)]
pub struct Issue {
    pub start: usize,
    pub len: usize,
    pub error: bool,
    pub message: String,
}

/// Values for `{{name}}` placeholders.
pub type Vars<'a> = &'a [(&'a str, &'a str)];

/// Parses a text into blocks: blank lines separate paragraphs, `- ` lines make lists.
pub fn parse_blocks(text: &str, vars: Vars<'_>) -> (Vec<Block>, Vec<Issue>) {
    let mut issues = Vec::new();
    let mut blocks = Vec::new();
    // (offset, line) pairs of the current chunk of non-blank lines.
    let mut par: Vec<(usize, &str)> = Vec::new();
    let mut list: Vec<Vec<Inline>> = Vec::new();
    let mut offset = 0;
    let flush_par =
        |par: &mut Vec<(usize, &str)>, blocks: &mut Vec<Block>, issues: &mut Vec<Issue>| {
            if let (Some(first), Some(last)) = (par.first(), par.last()) {
                let start = first.0;
                let end = last.0 + last.1.len();
                let content = parse_inlines_at(&text[start..end], start, vars, issues, true);
                if !content.is_empty() {
                    blocks.push(Block::Par { content });
                }
            }
            par.clear();
        };
    for line in text.split('\n') {
        let line_offset = offset;
        offset += line.len() + 1;
        let trimmed = line.trim_end_matches('\r');
        if trimmed.trim().is_empty() {
            flush_par(&mut par, &mut blocks, &mut issues);
            if !list.is_empty() {
                blocks.push(Block::List {
                    items: std::mem::take(&mut list),
                });
            }
            continue;
        }
        if let Some(item) = trimmed.strip_prefix("- ") {
            flush_par(&mut par, &mut blocks, &mut issues);
            let at = line_offset + 2;
            list.push(parse_inlines_at(item, at, vars, &mut issues, true));
        } else {
            if !list.is_empty() {
                blocks.push(Block::List {
                    items: std::mem::take(&mut list),
                });
            }
            par.push((line_offset, trimmed));
        }
    }
    flush_par(&mut par, &mut blocks, &mut issues);
    if !list.is_empty() {
        blocks.push(Block::List { items: list });
    }
    (blocks, issues)
}

/// Parses a single-paragraph text into inlines (newlines become line breaks).
pub fn parse_inlines(text: &str, vars: Vars<'_>) -> (Vec<Inline>, Vec<Issue>) {
    let mut issues = Vec::new();
    let inlines = parse_inlines_at(text, 0, vars, &mut issues, true);
    (inlines, issues)
}

/// The plain text of inlines (footnotes left out), e.g. for length checks and metadata.
pub fn plain_text(inlines: &[Inline]) -> String {
    let mut out = String::new();
    for inline in inlines {
        match inline {
            Inline::Text { text } => out.push_str(text),
            Inline::Strong { content }
            | Inline::Emph { content }
            | Inline::Link { content, .. } => out.push_str(&plain_text(content)),
            Inline::Note { .. } | Inline::Mark { .. } => {}
            Inline::Linebreak => out.push(' '),
        }
    }
    out
}

pub(crate) const ESCAPABLE: &[char] = &['*', '[', ']', '^', '{', '}', '\\'];

fn parse_inlines_at(
    text: &str,
    base: usize,
    vars: Vars<'_>,
    issues: &mut Vec<Issue>,
    notes_allowed: bool,
) -> Vec<Inline> {
    let mut p = InlineParser {
        text,
        base,
        vars,
        issues,
        notes_allowed,
        out: Vec::new(),
        buf: String::new(),
        i: 0,
    };
    while p.i < text.len() {
        let rest = &text[p.i..];
        let c = rest.chars().next().unwrap_or(' ');
        match c {
            '\\' => p.escape(rest),
            '\n' => {
                p.flush();
                p.out.push(Inline::Linebreak);
                p.i += 1;
            }
            '\r' => p.i += 1,
            '*' => p.emphasis(rest),
            '^' if rest.starts_with("^[") => p.footnote(),
            '[' => p.link(),
            '{' if rest.starts_with("{{") => p.placeholder(rest),
            _ => {
                p.buf.push(c);
                p.i += c.len_utf8();
            }
        }
    }
    p.flush();
    p.out
}

/// The state of parsing one run of inline text: the text, where it starts in the whole value
/// (`base`, for issue positions), the nodes made so far and the plain text not yet flushed.
/// Each construct of the markup has its own method, called with `i` at its first character.
struct InlineParser<'t, 'v, 'i> {
    text: &'t str,
    base: usize,
    vars: Vars<'v>,
    issues: &'i mut Vec<Issue>,
    notes_allowed: bool,
    out: Vec<Inline>,
    buf: String,
    i: usize,
}

impl InlineParser<'_, '_, '_> {
    fn flush(&mut self) {
        flush(&mut self.buf, &mut self.out);
    }

    /// Parses `text[from..to]` as nested inline content.
    fn nested(&mut self, from: usize, to: usize, notes_allowed: bool) -> Vec<Inline> {
        let (text, base, vars) = (self.text, self.base, self.vars);
        parse_inlines_at(
            &text[from..to],
            base + from,
            vars,
            self.issues,
            notes_allowed,
        )
    }

    /// `\*` and the other escapable characters; any other backslash is literal.
    fn escape(&mut self, rest: &str) {
        match rest[1..].chars().next() {
            Some(n) if ESCAPABLE.contains(&n) => {
                self.buf.push(n);
                self.i += 1 + n.len_utf8();
            }
            _ => {
                self.buf.push('\\');
                self.i += 1;
            }
        }
    }

    /// `**strong**` or `*emphasis*`; a delimiter that does not open is literal.
    fn emphasis(&mut self, rest: &str) {
        let delim = if rest.starts_with("**") { "**" } else { "*" };
        let (i, n) = (self.i, delim.len());
        if !opens(rest, n) {
            self.buf.push('*');
            self.i += 1;
            return;
        }
        match find_closing(self.text, i + n, delim) {
            Some(end) if end > i + n => {
                self.flush();
                let content = self.nested(i + n, end, self.notes_allowed);
                self.out.push(if n == 2 {
                    Inline::Strong { content }
                } else {
                    Inline::Emph { content }
                });
                self.i = end + n;
            }
            _ => {
                let escaped = delim.replace('*', "\\*");
                self.issues.push(warn(
                    self.base + i,
                    n,
                    &format!("`{delim}` is never closed, so it is printed as written (write `{escaped}` to silence this)"),
                ));
                self.buf.push_str(delim);
                self.i += n;
            }
        }
    }

    /// `^[footnote text]`: not inside another footnote, not empty.
    fn footnote(&mut self) {
        let i = self.i;
        let Some(end) = matching_bracket(self.text, i + 1) else {
            self.issues.push(warn(
                self.base + i,
                2,
                "`^[` is never closed with `]`, so it is printed as written",
            ));
            self.buf.push_str("^[");
            self.i += 2;
            return;
        };
        if !self.notes_allowed {
            self.issues.push(error(
                self.base + i,
                end + 1 - i,
                "a footnote cannot contain another footnote".into(),
            ));
        }
        self.flush();
        let content = self.nested(i + 2, end, false);
        if content.is_empty() {
            self.issues
                .push(error(self.base + i, 3, "this footnote is empty".into()));
        }
        self.out.push(Inline::Note {
            content,
            number: None,
        });
        self.i = end + 1;
    }

    /// `[label](target)`, with a target of a scheme that inline links allow.
    fn link(&mut self) {
        let i = self.i;
        let Some((label_end, url_start, url_end)) = link_at(self.text, i) else {
            self.buf.push('[');
            self.i += 1;
            return;
        };
        let url = &self.text[url_start..url_end];
        if !LinkField::Inline.allows(url) {
            let message = format!(
                "a link must start with {}, found `{url}`",
                LinkField::Inline.expected()
            );
            self.issues
                .push(error(self.base + url_start, url.len().max(1), message));
        }
        self.flush();
        let content = self.nested(i + 1, label_end, self.notes_allowed);
        self.out.push(Inline::Link {
            url: url.to_string(),
            content,
        });
        self.i = url_end + 1;
    }

    /// `{{name}}`, replaced by its value; an unknown name is an error and stays as written.
    fn placeholder(&mut self, rest: &str) {
        let close = rest.find("}}").filter(|&close| {
            rest[2..close]
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_')
        });
        let Some(close) = close else {
            self.buf.push_str("{{");
            self.i += 2;
            return;
        };
        let name = &rest[2..close];
        match self.vars.iter().find(|(k, _)| *k == name) {
            Some((_, value)) => self.buf.push_str(value),
            None => {
                let known: Vec<String> = self
                    .vars
                    .iter()
                    .map(|(k, _)| format!("{{{{{k}}}}}"))
                    .collect();
                let message = format!(
                    "unknown placeholder `{{{{{name}}}}}` (known: {})",
                    known.join(", ")
                );
                self.issues
                    .push(error(self.base + self.i, close + 2, message));
                self.buf.push_str(&rest[..close + 2]);
            }
        }
        self.i += close + 2;
    }
}

/// A `*` or `**` opens emphasis only when followed by a non-space character (so `a * b` and
/// `/* c */` stay literal).
pub(crate) fn opens(rest: &str, len: usize) -> bool {
    rest[len..]
        .chars()
        .next()
        .is_some_and(|c| !c.is_whitespace() && c != '*')
}

/// A delimiter at `i` closes emphasis only when preceded by a non-space character.
fn closes(text: &str, i: usize) -> bool {
    text[..i]
        .chars()
        .next_back()
        .is_some_and(|c| !c.is_whitespace())
}

fn error(start: usize, len: usize, message: String) -> Issue {
    Issue {
        start,
        len,
        error: true,
        message,
    }
}

fn warn(start: usize, len: usize, message: &str) -> Issue {
    Issue {
        start,
        len,
        error: false,
        message: message.into(),
    }
}

fn flush(buf: &mut String, out: &mut Vec<Inline>) {
    if !buf.is_empty() {
        out.push(Inline::Text {
            text: std::mem::take(buf),
        });
    }
}

/// Finds the closing delimiter `delim` from `from`, skipping escapes, bracketed spans and — for
/// a single `*` — pairs of `**`.
pub(crate) fn find_closing(text: &str, from: usize, delim: &str) -> Option<usize> {
    let mut i = from;
    while i < text.len() {
        let rest = &text[i..];
        if let Some(after) = rest.strip_prefix('\\') {
            i += 1 + after.chars().next().map_or(0, char::len_utf8);
            continue;
        }
        if rest.starts_with("\n\n") {
            return None;
        }
        if delim == "*" && rest.starts_with("**") && opens(rest, 2) {
            match find_closing(text, i + 2, "**") {
                Some(end) => {
                    i = end + 2;
                    continue;
                }
                None => return None,
            }
        }
        if rest.starts_with(delim) && closes(text, i) {
            return Some(i);
        }
        if rest.starts_with("^[") || rest.starts_with('[') {
            let open = if rest.starts_with('^') { i + 1 } else { i };
            if let Some(end) = matching_bracket(text, open) {
                i = end + 1;
                continue;
            }
        }
        i += rest.chars().next().map_or(1, char::len_utf8);
    }
    None
}

/// With `text[open] == '['`, the index of the matching `]` (escapes respected).
pub(crate) fn matching_bracket(text: &str, open: usize) -> Option<usize> {
    let mut depth = 0usize;
    let mut i = open;
    while i < text.len() {
        let rest = &text[i..];
        let c = rest.chars().next()?;
        match c {
            '\\' => {
                i += 1 + rest[1..].chars().next().map_or(0, char::len_utf8);
                continue;
            }
            '[' => depth += 1,
            ']' => {
                depth -= 1;
                if depth == 0 {
                    return Some(i);
                }
            }
            _ => {}
        }
        i += c.len_utf8();
    }
    None
}

/// `[label](url)` starting at `open`: (index of `]`, url start, index of `)`).
pub(crate) fn link_at(text: &str, open: usize) -> Option<(usize, usize, usize)> {
    let close = matching_bracket(text, open)?;
    let after = &text[close + 1..];
    if !after.starts_with('(') {
        return None;
    }
    let url_start = close + 2;
    let url_len = text[url_start..].find(|c: char| c == ')' || c.is_whitespace())?;
    if !text[url_start + url_len..].starts_with(')') || url_len == 0 {
        return None;
    }
    Some((close, url_start, url_start + url_len))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> Inline {
        Inline::Text { text: s.into() }
    }

    fn inl(s: &str) -> Vec<Inline> {
        let (inlines, issues) = parse_inlines(s, &[("country", "Valdoria")]);
        assert!(issues.iter().all(|i| !i.error), "{issues:?}");
        inlines
    }

    #[test]
    fn bold_italic_links_notes() {
        assert_eq!(
            inl("a **b** *c* [d](https://x.org) e^[f *g*]"),
            vec![
                t("a "),
                Inline::Strong {
                    content: vec![t("b")]
                },
                t(" "),
                Inline::Emph {
                    content: vec![t("c")]
                },
                t(" "),
                Inline::Link {
                    url: "https://x.org".into(),
                    content: vec![t("d")]
                },
                t(" e"),
                Inline::Note {
                    content: vec![
                        t("f "),
                        Inline::Emph {
                            content: vec![t("g")]
                        }
                    ],
                    number: None,
                },
            ]
        );
    }

    #[test]
    fn typst_syntax_is_literal() {
        for s in [
            "#read(\"/etc/passwd\")",
            "#set page(width: 1cm)",
            "$x^2$",
            "@label <tag>",
            "a \\ b",
            "[x]",
            "// c /* d */",
        ] {
            let inlines = inl(s);
            assert_eq!(plain_text(&inlines), s, "{s}");
        }
    }

    #[test]
    fn escapes_and_placeholders() {
        assert_eq!(inl("\\*not\\* {{country}}"), vec![t("*not* Valdoria")]);
        let (_, issues) = parse_inlines("{{nope}}", &[("country", "V")]);
        assert!(issues[0].error && issues[0].message.contains("unknown placeholder"));
    }

    #[test]
    fn unclosed_markers_are_literal_with_warning() {
        let (inlines, issues) = parse_inlines("a **b", &[]);
        assert_eq!(plain_text(&inlines), "a **b");
        assert!(!issues[0].error);
    }

    #[test]
    fn blocks_paragraphs_and_lists() {
        let (blocks, _) = parse_blocks("one\ntwo\n\n- x\n- y\nthree", &[]);
        assert_eq!(
            blocks,
            vec![
                Block::Par {
                    content: vec![t("one"), Inline::Linebreak, t("two")]
                },
                Block::List {
                    items: vec![vec![t("x")], vec![t("y")]]
                },
                Block::Par {
                    content: vec![t("three")]
                },
            ]
        );
    }

    #[test]
    fn bad_link_scheme_is_an_error() {
        let (_, issues) = parse_inlines("[x](javascript:alert)", &[]);
        assert!(issues.iter().any(|i| i.error));
    }
}
