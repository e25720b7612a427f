//! The rich-text markup of profile and language-pack text, parsed into structured nodes.
//!
//! Profile text is data, never code: the layout receives these nodes and prints text nodes
//! literally, so nothing a user writes is ever evaluated by Typst. The syntax is described in
//! `docs/data-format.md` (bold, italic, links, footnotes, placeholders, line breaks, lists).

use schemars::JsonSchema;
use serde::Serialize;

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
    Text { text: String },
    Strong { content: Vec<Inline> },
    Emph { content: Vec<Inline> },
    Link { url: String, content: Vec<Inline> },
    Note { content: Vec<Inline> },
    Linebreak,
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
            Inline::Note { .. } => {}
            Inline::Linebreak => out.push(' '),
        }
    }
    out
}

/// Every character that ends up printed, footnotes included (for glyph coverage checks).
pub fn all_text(blocks: &[Block]) -> String {
    fn walk(inlines: &[Inline], out: &mut String) {
        for inline in inlines {
            match inline {
                Inline::Text { text } => out.push_str(text),
                Inline::Link { url, content } => {
                    out.push_str(url);
                    walk(content, out)
                }
                Inline::Strong { content }
                | Inline::Emph { content }
                | Inline::Note { content } => walk(content, out),
                Inline::Linebreak => {}
            }
        }
    }
    let mut out = String::new();
    for block in blocks {
        match block {
            Block::Par { content } => walk(content, &mut out),
            Block::List { items } => items.iter().for_each(|i| walk(i, &mut out)),
        }
    }
    out
}

/// Counts the footnotes in blocks.
pub fn count_notes(blocks: &[Block]) -> usize {
    fn walk(inlines: &[Inline]) -> usize {
        inlines
            .iter()
            .map(|i| match i {
                Inline::Note { content } => 1 + walk(content),
                Inline::Strong { content }
                | Inline::Emph { content }
                | Inline::Link { content, .. } => walk(content),
                _ => 0,
            })
            .sum()
    }
    blocks
        .iter()
        .map(|b| match b {
            Block::Par { content } => walk(content),
            Block::List { items } => items.iter().map(|i| walk(i)).sum(),
        })
        .sum()
}

const ESCAPABLE: &[char] = &['*', '[', ']', '^', '{', '}', '\\'];

fn parse_inlines_at(
    text: &str,
    base: usize,
    vars: Vars<'_>,
    issues: &mut Vec<Issue>,
    notes_allowed: bool,
) -> Vec<Inline> {
    let mut out = Vec::new();
    let mut buf = String::new();
    let mut i = 0;
    while i < text.len() {
        let rest = &text[i..];
        let c = rest.chars().next().unwrap_or(' ');
        match c {
            '\\' => {
                let next = rest[1..].chars().next();
                match next {
                    Some(n) if ESCAPABLE.contains(&n) => {
                        buf.push(n);
                        i += 1 + n.len_utf8();
                    }
                    _ => {
                        buf.push('\\');
                        i += 1;
                    }
                }
            }
            '\n' => {
                flush(&mut buf, &mut out);
                out.push(Inline::Linebreak);
                i += 1;
            }
            '\r' => i += 1,
            '*' => {
                // `**strong**` or `*emphasis*`; a delimiter that does not open is literal.
                let delim = if rest.starts_with("**") { "**" } else { "*" };
                let n = delim.len();
                if !opens(rest, n) {
                    buf.push('*');
                    i += 1;
                    continue;
                }
                match find_closing(text, i + n, delim) {
                    Some(end) if end > i + n => {
                        flush(&mut buf, &mut out);
                        let content = parse_inlines_at(
                            &text[i + n..end],
                            base + i + n,
                            vars,
                            issues,
                            notes_allowed,
                        );
                        out.push(if n == 2 {
                            Inline::Strong { content }
                        } else {
                            Inline::Emph { content }
                        });
                        i = end + n;
                    }
                    _ => {
                        let escaped = delim.replace('*', "\\*");
                        issues.push(warn(
                            base + i,
                            n,
                            &format!("`{delim}` is never closed, so it is printed as written (write `{escaped}` to silence this)"),
                        ));
                        buf.push_str(delim);
                        i += n;
                    }
                }
            }
            '^' if rest.starts_with("^[") => match matching_bracket(text, i + 1) {
                Some(end) => {
                    if !notes_allowed {
                        issues.push(Issue {
                            start: base + i,
                            len: end + 1 - i,
                            error: true,
                            message: "a footnote cannot contain another footnote".into(),
                        });
                    }
                    flush(&mut buf, &mut out);
                    let content =
                        parse_inlines_at(&text[i + 2..end], base + i + 2, vars, issues, false);
                    if content.is_empty() {
                        issues.push(Issue {
                            start: base + i,
                            len: 3,
                            error: true,
                            message: "this footnote is empty".into(),
                        });
                    }
                    out.push(Inline::Note { content });
                    i = end + 1;
                }
                None => {
                    issues.push(warn(
                        base + i,
                        2,
                        "`^[` is never closed with `]`, so it is printed as written",
                    ));
                    buf.push_str("^[");
                    i += 2;
                }
            },
            '[' => {
                match link_at(text, i) {
                    Some((label_end, url_start, url_end)) => {
                        let url = &text[url_start..url_end];
                        if !(url.starts_with("https://")
                            || url.starts_with("http://")
                            || url.starts_with("mailto:"))
                        {
                            issues.push(Issue {
                            start: base + url_start,
                            len: url.len().max(1),
                            error: true,
                            message: format!("a link must start with https://, http:// or mailto:, found `{url}`"),
                        });
                        }
                        flush(&mut buf, &mut out);
                        let content = parse_inlines_at(
                            &text[i + 1..label_end],
                            base + i + 1,
                            vars,
                            issues,
                            notes_allowed,
                        );
                        out.push(Inline::Link {
                            url: url.to_string(),
                            content,
                        });
                        i = url_end + 1;
                    }
                    None => {
                        buf.push('[');
                        i += 1;
                    }
                }
            }
            '{' if rest.starts_with("{{") => match rest.find("}}") {
                Some(close)
                    if rest[2..close]
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '_') =>
                {
                    let name = &rest[2..close];
                    match vars.iter().find(|(k, _)| *k == name) {
                        Some((_, value)) => buf.push_str(value),
                        None => {
                            let known: Vec<String> =
                                vars.iter().map(|(k, _)| format!("{{{{{k}}}}}")).collect();
                            issues.push(Issue {
                                start: base + i,
                                len: close + 2,
                                error: true,
                                message: format!(
                                    "unknown placeholder `{{{{{name}}}}}` (known: {})",
                                    known.join(", ")
                                ),
                            });
                            buf.push_str(&rest[..close + 2]);
                        }
                    }
                    i += close + 2;
                }
                _ => {
                    buf.push_str("{{");
                    i += 2;
                }
            },
            _ => {
                buf.push(c);
                i += c.len_utf8();
            }
        }
    }
    flush(&mut buf, &mut out);
    out
}

/// A `*` or `**` opens emphasis only when followed by a non-space character (so `a * b` and
/// `/* c */` stay literal).
fn opens(rest: &str, len: usize) -> bool {
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
fn find_closing(text: &str, from: usize, delim: &str) -> Option<usize> {
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
fn matching_bracket(text: &str, open: usize) -> Option<usize> {
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
fn link_at(text: &str, open: usize) -> Option<(usize, usize, usize)> {
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
                    ]
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
