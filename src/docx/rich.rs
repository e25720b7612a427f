//! A keyed text as Word holds it: paragraphs (a list item is one too) of runs that are bold,
//! italic and inside a link or not, footnotes and line breaks — flat, where the profile's
//! markup nests. Markup → runs goes through the project's own parser
//! (`resolve::markup::parse_blocks`, placeholders kept as written); runs → markup is printed
//! here and checked by parsing it back. Export → import compares runs with runs, so a text is
//! changed only when what Word shows changed, whatever way its markup was written.

use crate::resolve::markup::{self, Block, Inline};

/// How a run looks.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Look {
    pub bold: bool,
    pub italic: bool,
    pub link: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Run {
    Text(String, Look),
    Break,
    /// A footnote at this point, with its text.
    Note(Vec<Run>),
}

/// One Word paragraph of a keyed text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Para {
    /// A list item (`- ` in the markup).
    pub item: bool,
    pub runs: Vec<Run>,
}

/// The paragraphs of a text written in the markup.
pub fn from_markup(text: &str) -> Vec<Para> {
    let (blocks, _) = markup::parse_blocks(text, &[]);
    let mut out = Vec::new();
    for block in blocks {
        match block {
            Block::Par { content } => out.push(Para {
                item: false,
                runs: flat(&content),
            }),
            Block::List { items } => out.extend(items.iter().map(|item| Para {
                item: true,
                runs: flat(item),
            })),
        }
    }
    out
}

/// The runs of inline nodes, normalised.
pub fn flat(inlines: &[Inline]) -> Vec<Run> {
    let mut out = Vec::new();
    flatten(inlines, &Look::default(), &mut out);
    normalize(out)
}

fn flatten(inlines: &[Inline], look: &Look, out: &mut Vec<Run>) {
    for inline in inlines {
        match inline {
            Inline::Text { text } => out.push(Run::Text(text.clone(), look.clone())),
            Inline::Strong { content } => {
                let inner = Look {
                    bold: true,
                    ..look.clone()
                };
                flatten(content, &inner, out);
            }
            Inline::Emph { content } => {
                let inner = Look {
                    italic: true,
                    ..look.clone()
                };
                flatten(content, &inner, out);
            }
            Inline::Link { url, content } => {
                let inner = Look {
                    link: Some(url.clone()),
                    ..look.clone()
                };
                flatten(content, &inner, out);
            }
            Inline::Note { content, .. } => out.push(Run::Note(flat(content))),
            Inline::Linebreak => out.push(Run::Break),
            Inline::Mark { .. } => {}
        }
    }
}

/// Adjacent runs that look the same merged, empty ones dropped, a footnote's text trimmed
/// (Word puts a space after the footnote's number): the form both sides are compared in.
pub fn normalize(runs: Vec<Run>) -> Vec<Run> {
    let mut out: Vec<Run> = Vec::new();
    for run in runs {
        match run {
            Run::Text(t, _) if t.is_empty() => {}
            Run::Text(t, look) => match out.last_mut() {
                Some(Run::Text(prev, prev_look)) if *prev_look == look => prev.push_str(&t),
                _ => out.push(Run::Text(t, look)),
            },
            Run::Note(inner) => out.push(Run::Note(trim(normalize(inner)))),
            Run::Break => out.push(Run::Break),
        }
    }
    out
}

fn trim(mut runs: Vec<Run>) -> Vec<Run> {
    if let Some(Run::Text(t, _)) = runs.first_mut() {
        *t = t.trim_start().to_string();
    }
    if let Some(Run::Text(t, _)) = runs.last_mut() {
        *t = t.trim_end().to_string();
    }
    runs.retain(|r| !matches!(r, Run::Text(t, _) if t.is_empty()));
    runs
}

/// Every link target of paragraphs.
pub fn urls(paras: &[Para]) -> Vec<String> {
    fn collect(runs: &[Run], out: &mut Vec<String>) {
        for run in runs {
            match run {
                Run::Text(
                    _,
                    Look {
                        link: Some(url), ..
                    },
                ) if !out.contains(url) => out.push(url.clone()),
                Run::Note(inner) => collect(inner, out),
                _ => {}
            }
        }
    }
    let mut out = Vec::new();
    for p in paras {
        collect(&p.runs, &mut out);
    }
    out
}

/// Runs whose link targets are written back as `known` has them where they differ only by
/// the slash a word processor adds after a bare host (LibreOffice writes
/// `https://a.org` as `https://a.org/`).
pub fn with_urls_of(runs: &[Run], known: &[String]) -> Vec<Run> {
    let same = |a: &str, b: &str| a.trim_end_matches('/') == b.trim_end_matches('/');
    runs.iter()
        .map(|run| match run {
            Run::Text(t, look) => {
                let mut look = look.clone();
                if let Some(url) = &look.link
                    && let Some(k) = known.iter().find(|k| same(k, url))
                {
                    look.link = Some(k.clone());
                }
                Run::Text(t.clone(), look)
            }
            Run::Note(inner) => Run::Note(with_urls_of(inner, known)),
            Run::Break => Run::Break,
        })
        .collect()
}

/// The plain text of runs (footnotes left out).
pub fn plain(runs: &[Run]) -> String {
    let mut out = String::new();
    for run in runs {
        match run {
            Run::Text(t, _) => out.push_str(t),
            Run::Break => out.push('\n'),
            Run::Note(_) => {}
        }
    }
    out
}

/// The markup of paragraphs; `Err` with a sentence when the runs cannot be written in the
/// markup (bold and italic starting at the same character, which `***` cannot say).
pub fn to_markup(paras: &[Para]) -> Result<String, String> {
    let mut out = String::new();
    let mut prev_item = None;
    for para in paras {
        match prev_item {
            Some(true) if para.item => out.push('\n'),
            Some(_) => out.push_str("\n\n"),
            None => {}
        }
        if para.item {
            out.push_str("- ");
        }
        out.push_str(&print_runs(&para.runs));
        prev_item = Some(para.item);
    }
    let back = from_markup(&out);
    let same = back.len() == paras.len()
        && back
            .iter()
            .zip(paras)
            .all(|(a, b)| a.item == b.item && loosely_equal(&a.runs, &b.runs));
    if same {
        Ok(out)
    } else {
        Err("its formatting cannot be written in the profile's markup (for example bold and italic beginning on the same character): simplify it".into())
    }
}

/// Equal but for the look of whitespace (the markup cannot make a space alone bold).
fn loosely_equal(a: &[Run], b: &[Run]) -> bool {
    fn key(runs: &[Run]) -> Vec<(char, Look)> {
        let mut out = Vec::new();
        for run in runs {
            match run {
                Run::Text(t, look) => {
                    for c in t.chars() {
                        let look = if c.is_whitespace() && look.link.is_none() {
                            Look::default()
                        } else {
                            look.clone()
                        };
                        out.push((c, look));
                    }
                }
                Run::Break => out.push(('\n', Look::default())),
                Run::Note(inner) => {
                    out.push(('\u{1}', Look::default()));
                    out.extend(key(inner));
                    out.push(('\u{2}', Look::default()));
                }
            }
        }
        out
    }
    key(a) == key(b)
}

/// Runs as markup: links outermost, then bold, then italic; whitespace at the edges of a
/// bold or italic stretch moved outside its delimiters.
fn print_runs(runs: &[Run]) -> String {
    let mut out = String::new();
    let mut i = 0;
    while i < runs.len() {
        match &runs[i] {
            Run::Break => {
                out.push('\n');
                i += 1;
            }
            Run::Note(inner) => {
                out.push_str("^[");
                out.push_str(&print_runs(inner));
                out.push(']');
                i += 1;
            }
            Run::Text(_, look) => {
                let link = look.link.clone();
                let mut j = i;
                let mut pieces = Vec::new();
                while let Some(Run::Text(t, l)) = runs.get(j) {
                    if l.link != link {
                        break;
                    }
                    pieces.push((t.as_str(), l.bold, l.italic));
                    j += 1;
                }
                let styled = print_styled(&pieces);
                match link {
                    Some(url) => out.push_str(&format!("[{styled}]({url})")),
                    None => out.push_str(&styled),
                }
                i = j;
            }
        }
    }
    out
}

/// Text pieces with bold and italic flags as markup.
fn print_styled(pieces: &[(&str, bool, bool)]) -> String {
    // Split off edge whitespace of styled pieces, as unstyled pieces.
    let mut parts: Vec<(String, bool, bool)> = Vec::new();
    for (text, bold, italic) in pieces {
        if !bold && !italic {
            parts.push((text.to_string(), false, false));
            continue;
        }
        let core = text.trim();
        if core.is_empty() {
            parts.push((text.to_string(), false, false));
            continue;
        }
        let start = text.len() - text.trim_start().len();
        parts.push((text[..start].to_string(), false, false));
        parts.push((core.to_string(), *bold, *italic));
        parts.push((text[start + core.len()..].to_string(), false, false));
    }
    let mut out = String::new();
    let (mut b, mut it) = (false, false);
    for (text, bold, italic) in parts.into_iter().filter(|p| !p.0.is_empty()) {
        if it && (!italic || bold != b) {
            out.push('*');
            it = false;
        }
        if b && !bold {
            out.push_str("**");
            b = false;
        }
        if bold && !b {
            out.push_str("**");
            b = true;
        }
        if italic && !it {
            out.push('*');
            it = true;
        }
        out.push_str(&escape(&text));
    }
    if it {
        out.push('*');
    }
    if b {
        out.push_str("**");
    }
    out
}

/// Literal text as markup: the markup's special characters escaped, but `{{name}}`
/// placeholders kept (Word shows them as written, and they are meant as placeholders).
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        if let Some(len) = placeholder_len(rest) {
            out.push_str(&rest[..len]);
            rest = &rest[len..];
            continue;
        }
        match c {
            '*' | '[' | ']' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            '{' if rest.starts_with("{{") => out.push_str("\\{"),
            '^' if rest.starts_with("^[") => out.push('^'),
            _ => out.push(c),
        }
        rest = &rest[c.len_utf8()..];
    }
    out
}

fn placeholder_len(rest: &str) -> Option<usize> {
    let inner = rest.strip_prefix("{{")?;
    let close = inner.find("}}")?;
    let name = &inner[..close];
    (!name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'))
        .then_some(close + 4)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round(text: &str) -> String {
        to_markup(&from_markup(text)).unwrap()
    }

    #[test]
    fn markup_round_trips_through_runs() {
        for text in [
            "plain",
            "In {{year}}, **10** [the *portal*](https://a.org)^[See \\*.]",
            "a\n\n- one;\n- **two**",
            "line\nbreak",
            "*Law on Health Care* (2015)",
            "a \\[b\\] c \\*",
        ] {
            let printed = round(text);
            assert_eq!(
                from_markup(&printed),
                from_markup(text),
                "{text} → {printed}"
            );
        }
    }

    #[test]
    fn same_look_different_markup_compares_equal() {
        assert_eq!(
            from_markup("[**a**](https://a.org)"),
            from_markup("**[a](https://a.org)**")
        );
        assert_ne!(from_markup("**a b**"), from_markup("*a b*"));
        assert_eq!(from_markup("x^[ note ]"), from_markup("x^[note]"));
    }

    #[test]
    fn edge_whitespace_moves_outside_delimiters() {
        let paras = vec![Para {
            item: false,
            runs: vec![
                Run::Text("a".into(), Look::default()),
                Run::Text(
                    " bold ".into(),
                    Look {
                        bold: true,
                        ..Look::default()
                    },
                ),
                Run::Text("c".into(), Look::default()),
            ],
        }];
        assert_eq!(to_markup(&paras).unwrap(), "a **bold** c");
    }

    #[test]
    fn bold_italic_on_the_same_character_is_refused() {
        let paras = vec![Para {
            item: false,
            runs: vec![Run::Text(
                "x".into(),
                Look {
                    bold: true,
                    italic: true,
                    link: None,
                },
            )],
        }];
        assert!(to_markup(&paras).is_err());
    }
}
