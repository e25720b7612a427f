//! The view model's rich text as HTML: paragraphs, lists, bold, italic, links and footnote
//! references. Each footnote's text is kept with its number and written at the end of its
//! chapter ([`Notes`]), with a link back to the reference. Text is escaped, never interpreted.

use super::html::{self, Html};
use crate::resolve::markup::{Block, Inline};

/// A footnote met in a chapter, waiting to be written at the chapter's end.
pub struct Note {
    /// What the ids end with: `3` for `fn-3`/`fnref-3`, `s1` for the first note without a
    /// number.
    pub id: String,
    /// What the reference shows: the number, or a symbol for notes the layout numbers itself.
    pub label: String,
    /// The note's text, HTML.
    pub html: String,
}

/// The notes met so far in the current chapter.
#[derive(Default)]
pub struct Notes {
    pub pending: Vec<Note>,
    /// Notes without a number so far in the whole page (the legal page's), for their symbols.
    unnumbered: usize,
}

impl Notes {
    /// Inline nodes as HTML; notes leave a reference here and their text in `self`.
    pub fn inlines(&mut self, nodes: &[Inline]) -> String {
        let mut out = String::new();
        for node in nodes {
            match node {
                Inline::Text { text } => out.push_str(&html::text(text)),
                Inline::Strong { content } => {
                    out.push_str(&html::element("strong", &[], &self.inlines(content)));
                }
                Inline::Emph { content } => {
                    out.push_str(&html::element("em", &[], &self.inlines(content)));
                }
                Inline::Link { url, content } => {
                    let inner = self.inlines(content);
                    out.push_str(&html::element("a", &[("href", Some(url))], &inner));
                }
                Inline::Note { content, number } => out.push_str(&self.note(content, *number)),
                Inline::Linebreak => out.push_str("<br>"),
                // Where a text comes from, for the PDF preview: nothing to show.
                Inline::Mark { .. } => {}
            }
        }
        out
    }

    /// The reference `<sup><a …>3</a></sup>`; the note's text goes to the pending notes.
    fn note(&mut self, content: &[Inline], number: Option<u32>) -> String {
        let (id, label) = match number {
            Some(n) => (n.to_string(), n.to_string()),
            None => {
                self.unnumbered += 1;
                let n = self.unnumbered;
                (
                    format!("s{n}"),
                    "*".repeat(n.min(3)) + &"†".repeat(n.saturating_sub(3)),
                )
            }
        };
        let html = self.inlines(content);
        let reference = html::element(
            "a",
            &[
                ("href", Some(&format!("#fn-{id}"))),
                ("id", Some(&format!("fnref-{id}"))),
                ("role", Some("doc-noteref")),
            ],
            &html::text(&label),
        );
        self.pending.push(Note { id, label, html });
        html::element("sup", &[], &reference)
    }

    /// Blocks as `<p>` and `<ul>` lines.
    pub fn blocks(&mut self, h: &mut Html, blocks: &[Block]) {
        for block in blocks {
            match block {
                Block::Par { content } => {
                    let inner = self.inlines(content);
                    h.element("p", &[], &inner);
                }
                Block::List { items } => {
                    h.open("ul", &[]);
                    for item in items {
                        let inner = self.inlines(item);
                        h.element("li", &[], &inner);
                    }
                    h.close("ul");
                }
            }
        }
    }

    /// Blocks inside an element that is itself a paragraph-like box (a list item, a card): a
    /// single paragraph is written inline, anything else as blocks.
    pub fn blocks_in(
        &mut self,
        h: &mut Html,
        tag: &str,
        attrs: &[(&str, Option<&str>)],
        blocks: &[Block],
    ) {
        if let [Block::Par { content }] = blocks {
            let inner = self.inlines(content);
            h.element(tag, attrs, &inner);
        } else {
            h.open(tag, attrs);
            self.blocks(h, blocks);
            h.close(tag);
        }
    }

    /// The pending notes as the chapter's notes section, if there are any. `heading` is the
    /// notes heading, `back` the back link's label with `{number}`, `chapter` the chapter's
    /// anchor (for the heading's id).
    pub fn flush(&mut self, h: &mut Html, chapter: &str, heading: &str, back: &str, level: u8) {
        if self.pending.is_empty() {
            return;
        }
        // Not labelled by its heading: every chapter's notes are called the same, and regions
        // (labelled sections) must have names of their own.
        let title_id = format!("notes-{chapter}");
        h.open("section", &[("class", Some("notes"))]);
        h.element(
            &format!("h{level}"),
            &[("id", Some(&title_id))],
            &html::text(heading),
        );
        h.open("ol", &[]);
        for note in std::mem::take(&mut self.pending) {
            let back_label = back.replace("{number}", &note.label);
            let back_link = html::element(
                "a",
                &[
                    ("href", Some(&format!("#fnref-{}", note.id))),
                    ("role", Some("doc-backlink")),
                    ("aria-label", Some(&back_label)),
                ],
                "↩",
            );
            let number = html::element(
                "span",
                &[("class", Some("note-num"))],
                &html::text(&note.label),
            );
            h.element(
                "li",
                &[("id", Some(&format!("fn-{}", note.id)))],
                &format!("{number} {} {back_link}", note.html),
            );
        }
        h.close("ol");
        h.close("section");
    }
}

/// Inline nodes as plain text (metadata, alt text); notes are left out.
pub fn plain(nodes: &[Inline]) -> String {
    let mut out = String::new();
    for node in nodes {
        match node {
            Inline::Text { text } => out.push_str(text),
            Inline::Linebreak => out.push(' '),
            Inline::Strong { content }
            | Inline::Emph { content }
            | Inline::Link { content, .. } => {
                out.push_str(&plain(content));
            }
            Inline::Note { .. } | Inline::Mark { .. } => {}
        }
    }
    out
}

/// Blocks as plain text, paragraphs and items joined by spaces.
pub fn plain_blocks(blocks: &[Block]) -> String {
    let parts: Vec<String> = blocks
        .iter()
        .flat_map(|b| match b {
            Block::Par { content } => vec![plain(content)],
            Block::List { items } => items.iter().map(|i| plain(i)).collect(),
        })
        .collect();
    parts.join(" ")
}
