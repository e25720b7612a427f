//! Rich text cut into the pieces an exchange file carries: plain text that a translator edits,
//! and inline codes — bold, italic, links, placeholders, escapes, footnotes — that the
//! translator moves but cannot break. Joining the pieces gives back the text byte for byte.
//!
//! The cut follows `resolve::markup` exactly (the same block split, the same helpers for
//! delimiters and brackets), so a code here is a construct there: a `**` that the parser would
//! print as written is plain text here too.

use crate::resolve::markup::{ESCAPABLE, find_closing, link_at, matching_bracket, opens};

/// What an inline code stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Bold,
    Italic,
    Link,
    Placeholder,
    /// `\*` and the other escapes: a literal character.
    Escape,
    Footnote,
}

impl Kind {
    /// The XLIFF 1.2 `ctype` of the code.
    pub fn ctype(self) -> &'static str {
        match self {
            Kind::Bold => "bold",
            Kind::Italic => "italic",
            Kind::Link => "link",
            Kind::Placeholder => "x-placeholder",
            Kind::Escape => "x-escape",
            Kind::Footnote => "x-footnote",
        }
    }

    /// Whether a translation must keep the code: an escape is only a literal character, which
    /// a translation may do without.
    pub fn required(self) -> bool {
        self != Kind::Escape
    }

    /// How the code is named in messages.
    pub fn describe(self) -> &'static str {
        match self {
            Kind::Bold => "bold",
            Kind::Italic => "italic",
            Kind::Link => "link",
            Kind::Placeholder => "placeholder",
            Kind::Escape => "escaped character",
            Kind::Footnote => "footnote",
        }
    }
}

/// A piece of rich text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    Text(String),
    /// The opening code of a pair: `**`, `*` or `[`.
    Open {
        id: u32,
        kind: Kind,
        native: String,
    },
    /// The closing code of the pair with the same id: `**`, `*` or `](url)`.
    Close {
        id: u32,
        native: String,
    },
    /// A code on its own: a placeholder `{{name}}` or an escape `\*`.
    Ph {
        id: u32,
        kind: Kind,
        native: String,
    },
    /// A footnote `^[…]`, whose text is cut on its own (its own unit in XLIFF).
    Note {
        id: u32,
        body: Vec<Piece>,
    },
}

/// Cuts a text into pieces; the codes are numbered from 1 in order (a footnote's text has
/// its own numbering).
pub fn segment(text: &str) -> Vec<Piece> {
    let mut s = Segmenter::default();
    let mut at = 0;
    for (start, end) in inline_ranges(text) {
        s.text(&text[at..start]);
        s.inlines(&text[start..end]);
        at = end;
    }
    s.text(&text[at..]);
    s.out
}

/// The text the pieces stand for.
pub fn join(pieces: &[Piece]) -> String {
    let mut out = String::new();
    for piece in pieces {
        match piece {
            Piece::Text(t) => out.push_str(t),
            Piece::Open { native, .. } | Piece::Close { native, .. } | Piece::Ph { native, .. } => {
                out.push_str(native)
            }
            Piece::Note { body, .. } => {
                out.push_str("^[");
                out.push_str(&join(body));
                out.push(']');
            }
        }
    }
    out
}

/// Whether two cuts have the same text and codes in the same order, whatever their ids.
pub fn same_shape(a: &[Piece], b: &[Piece]) -> bool {
    a.len() == b.len()
        && a.iter().zip(b).all(|pair| match pair {
            (Piece::Text(x), Piece::Text(y)) => x == y,
            (
                Piece::Open {
                    kind: k1,
                    native: n1,
                    ..
                },
                Piece::Open {
                    kind: k2,
                    native: n2,
                    ..
                },
            )
            | (
                Piece::Ph {
                    kind: k1,
                    native: n1,
                    ..
                },
                Piece::Ph {
                    kind: k2,
                    native: n2,
                    ..
                },
            ) => k1 == k2 && n1 == n2,
            (Piece::Close { native: n1, .. }, Piece::Close { native: n2, .. }) => n1 == n2,
            (Piece::Note { body: b1, .. }, Piece::Note { body: b2, .. }) => same_shape(b1, b2),
            _ => false,
        })
}

/// The footnotes of a cut, depth first, in order: footnote `n` of a key is the unit
/// `KEY#fn<n>`.
pub fn notes(pieces: &[Piece]) -> Vec<&[Piece]> {
    let mut out = Vec::new();
    for piece in pieces {
        if let Piece::Note { body, .. } = piece {
            out.push(body.as_slice());
            out.extend(notes(body));
        }
    }
    out
}

/// The byte ranges that `markup::parse_blocks` parses as inline text: each paragraph (its
/// lines together) and each list item after its `- `. Blank lines, list markers and the
/// carriage return ending a paragraph lie between them.
fn inline_ranges(text: &str) -> Vec<(usize, usize)> {
    let mut ranges = Vec::new();
    let mut par: Option<(usize, usize)> = None;
    let mut offset = 0;
    for line in text.split('\n') {
        let line_offset = offset;
        offset += line.len() + 1;
        let trimmed = line.trim_end_matches('\r');
        let end = line_offset + trimmed.len();
        if trimmed.trim().is_empty() {
            ranges.extend(par.take());
        } else if trimmed.starts_with("- ") {
            ranges.extend(par.take());
            ranges.push((line_offset + 2, end));
        } else {
            par = Some((par.map_or(line_offset, |p| p.0), end));
        }
    }
    ranges.extend(par);
    ranges
}

#[derive(Default)]
struct Segmenter {
    out: Vec<Piece>,
    last_id: u32,
}

impl Segmenter {
    fn next_id(&mut self) -> u32 {
        self.last_id += 1;
        self.last_id
    }

    fn text(&mut self, t: &str) {
        if t.is_empty() {
            return;
        }
        match self.out.last_mut() {
            Some(Piece::Text(last)) => last.push_str(t),
            _ => self.out.push(Piece::Text(t.to_string())),
        }
    }

    /// One run of inline text, as `markup::parse_inlines_at` reads it.
    fn inlines(&mut self, t: &str) {
        let mut i = 0;
        while i < t.len() {
            let rest = &t[i..];
            let c = rest.chars().next().unwrap_or(' ');
            i = match c {
                '\\' => self.escape(t, i),
                '*' => self.emphasis(t, i),
                '^' if rest.starts_with("^[") => self.footnote(t, i),
                '[' => self.link(t, i),
                '{' if rest.starts_with("{{") => self.placeholder(t, i),
                _ => {
                    self.text(&rest[..c.len_utf8()]);
                    i + c.len_utf8()
                }
            };
        }
    }

    fn escape(&mut self, t: &str, i: usize) -> usize {
        match t[i + 1..].chars().next() {
            Some(n) if ESCAPABLE.contains(&n) => {
                let id = self.next_id();
                let native = t[i..i + 1 + n.len_utf8()].to_string();
                self.out.push(Piece::Ph {
                    id,
                    kind: Kind::Escape,
                    native,
                });
                i + 1 + n.len_utf8()
            }
            _ => {
                self.text("\\");
                i + 1
            }
        }
    }

    fn emphasis(&mut self, t: &str, i: usize) -> usize {
        let rest = &t[i..];
        let (delim, kind) = if rest.starts_with("**") {
            ("**", Kind::Bold)
        } else {
            ("*", Kind::Italic)
        };
        let n = delim.len();
        if !opens(rest, n) {
            self.text("*");
            return i + 1;
        }
        match find_closing(t, i + n, delim) {
            Some(end) if end > i + n => {
                let id = self.next_id();
                let native = delim.to_string();
                self.out.push(Piece::Open {
                    id,
                    kind,
                    native: native.clone(),
                });
                self.inlines(&t[i + n..end]);
                self.out.push(Piece::Close { id, native });
                end + n
            }
            _ => {
                self.text(delim);
                i + n
            }
        }
    }

    fn footnote(&mut self, t: &str, i: usize) -> usize {
        let Some(end) = matching_bracket(t, i + 1) else {
            self.text("^[");
            return i + 2;
        };
        let id = self.next_id();
        let mut inner = Segmenter::default();
        inner.inlines(&t[i + 2..end]);
        self.out.push(Piece::Note {
            id,
            body: inner.out,
        });
        end + 1
    }

    fn link(&mut self, t: &str, i: usize) -> usize {
        let Some((label_end, _, url_end)) = link_at(t, i) else {
            self.text("[");
            return i + 1;
        };
        let id = self.next_id();
        self.out.push(Piece::Open {
            id,
            kind: Kind::Link,
            native: "[".into(),
        });
        self.inlines(&t[i + 1..label_end]);
        self.out.push(Piece::Close {
            id,
            native: t[label_end..=url_end].to_string(),
        });
        url_end + 1
    }

    fn placeholder(&mut self, t: &str, i: usize) -> usize {
        let rest = &t[i..];
        let close = rest.find("}}").filter(|&close| {
            rest[2..close]
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_')
        });
        let Some(close) = close else {
            self.text("{{");
            return i + 2;
        };
        let id = self.next_id();
        self.out.push(Piece::Ph {
            id,
            kind: Kind::Placeholder,
            native: rest[..close + 2].to_string(),
        });
        i + close + 2
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> Piece {
        Piece::Text(s.into())
    }

    #[test]
    fn codes_of_every_kind() {
        let text = "In {{year}}, **10** [the *portal*](https://a.org)^[See \\*.]";
        let pieces = segment(text);
        assert_eq!(join(&pieces), text);
        let open = |id, kind, native: &str| Piece::Open {
            id,
            kind,
            native: native.into(),
        };
        let close = |id, native: &str| Piece::Close {
            id,
            native: native.into(),
        };
        assert_eq!(
            pieces,
            vec![
                t("In "),
                Piece::Ph {
                    id: 1,
                    kind: Kind::Placeholder,
                    native: "{{year}}".into()
                },
                t(", "),
                open(2, Kind::Bold, "**"),
                t("10"),
                close(2, "**"),
                t(" "),
                open(3, Kind::Link, "["),
                t("the "),
                open(4, Kind::Italic, "*"),
                t("portal"),
                close(4, "*"),
                close(3, "](https://a.org)"),
                Piece::Note {
                    id: 5,
                    body: vec![
                        t("See "),
                        Piece::Ph {
                            id: 1,
                            kind: Kind::Escape,
                            native: "\\*".into()
                        },
                        t(".")
                    ]
                },
            ]
        );
        assert_eq!(notes(&pieces).len(), 1);
    }

    #[test]
    fn literal_markers_stay_text() {
        for s in [
            "a * b",
            "a **b",
            "x [y] z",
            "^[never closed",
            "{{ x }}",
            "a \\ b",
            "[x]( y)",
        ] {
            assert_eq!(segment(s), vec![t(s)], "{s}");
        }
    }

    #[test]
    fn blocks_are_cut_like_the_parser() {
        // A footnote cannot span a blank line: the parser reads the paragraphs apart.
        let text = "a ^[b\n\nc] d\r\n\n- **x**\n- y *z*\r\nlast";
        let pieces = segment(text);
        assert_eq!(join(&pieces), text);
        assert!(notes(&pieces).is_empty());
        assert_eq!(
            pieces
                .iter()
                .filter(|p| matches!(p, Piece::Open { .. }))
                .count(),
            2
        );
    }

    #[test]
    fn join_gives_back_any_text() {
        // A small deterministic fuzz over the markup's characters.
        let alphabet = [
            'a', ' ', '*', '[', ']', '(', ')', '^', '{', '}', '\\', '\n', '-', ':',
        ];
        let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
        for _ in 0..5000 {
            let mut s = String::new();
            for _ in 0..(seed % 24) {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                s.push(alphabet[(seed % alphabet.len() as u64) as usize]);
            }
            let pieces = segment(&s);
            assert_eq!(join(&pieces), s);
            assert!(same_shape(&pieces, &segment(&join(&pieces))));
        }
    }
}
