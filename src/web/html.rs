//! A small writer of readable HTML: one block element per line, indented by its depth, inline
//! content on the line of its block, attribute values always in double quotes, text and
//! attribute values escaped here and nowhere else. Hand-written because it is forty lines and
//! the page needs nothing a templating or HTML-building crate would add (see `mod.rs` for why
//! the page is Rust code rather than templates).

use std::fmt::Write as _;

/// Text content escaped for HTML: `&`, `<` and `>`.
pub fn text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            // U+00A0 stays a character; the others are ordinary text.
            _ => out.push(c),
        }
    }
    out
}

/// An attribute value escaped for a double-quoted attribute.
pub fn attr(s: &str) -> String {
    text(s).replace('"', "&quot;")
}

/// `<tag a="v" b="w">`; an attribute whose value is `None` is left out.
pub fn start(tag: &str, attrs: &[(&str, Option<&str>)]) -> String {
    let mut out = format!("<{tag}");
    for (name, value) in attrs {
        if let Some(v) = value {
            let _ = write!(out, " {name}=\"{}\"", attr(v));
        }
    }
    out.push('>');
    out
}

/// `<tag …>inner</tag>` on one line; `inner` is HTML already.
pub fn element(tag: &str, attrs: &[(&str, Option<&str>)], inner: &str) -> String {
    format!("{}{inner}</{tag}>", start(tag, attrs))
}

/// The document being written, one line at a time.
#[derive(Default)]
pub struct Html {
    out: String,
    depth: usize,
}

impl Html {
    /// A line at the current depth; `html` is HTML already.
    pub fn line(&mut self, html: &str) {
        for _ in 0..self.depth {
            self.out.push_str("  ");
        }
        self.out.push_str(html);
        self.out.push('\n');
    }

    /// An element on one line: `<tag …>inner</tag>`.
    pub fn element(&mut self, tag: &str, attrs: &[(&str, Option<&str>)], inner: &str) {
        self.line(&element(tag, attrs, inner));
    }

    /// A start tag on its own line; what follows is indented until [`Html::close`].
    pub fn open(&mut self, tag: &str, attrs: &[(&str, Option<&str>)]) {
        self.line(&start(tag, attrs));
        self.depth += 1;
    }

    pub fn close(&mut self, tag: &str) {
        self.depth = self.depth.saturating_sub(1);
        self.line(&format!("</{tag}>"));
    }

    pub fn finish(self) -> String {
        self.out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_and_attributes_are_escaped() {
        assert_eq!(text("a < b & c > d \"q\""), "a &lt; b &amp; c &gt; d \"q\"");
        assert_eq!(
            start("a", &[("href", Some("x?a=1&b=\"2\"")), ("id", None)]),
            "<a href=\"x?a=1&amp;b=&quot;2&quot;\">"
        );
        let mut h = Html::default();
        h.open("ul", &[]);
        h.element("li", &[("class", Some("x"))], "one");
        h.close("ul");
        assert_eq!(h.finish(), "<ul>\n  <li class=\"x\">one</li>\n</ul>\n");
    }
}
