//! The XML of a DOCX part as a small element tree, with names by namespace rather than by the
//! prefix a writer chose (`w:p` is WordprocessingML's `p` whoever wrote it), and the escaping
//! of text and attributes for the parts mgi-press writes. A DOCTYPE, and with it any entity
//! declaration, is refused: Office XML never has one, and entities are how XML bombs work.

use quick_xml::NsReader;
use quick_xml::events::{BytesStart, Event};
use quick_xml::name::ResolveResult;

/// WordprocessingML, relationships, and the Word 2010/2012 extensions (`paraId`, `done`).
const NAMESPACES: &[(&str, &str)] = &[
    (
        "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
        "w",
    ),
    (
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
        "r",
    ),
    (
        "http://schemas.microsoft.com/office/word/2010/wordml",
        "w14",
    ),
    (
        "http://schemas.microsoft.com/office/word/2012/wordml",
        "w15",
    ),
    (
        "http://schemas.openxmlformats.org/package/2006/relationships",
        "rel",
    ),
    (
        "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties",
        "op",
    ),
    (
        "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes",
        "vt",
    ),
];

/// Deepest nesting accepted: Word's documents need a few dozen levels (tables in tables).
const MAX_DEPTH: usize = 200;

/// An element: its name as `prefix:local` with the prefixes above (`x:local` for any other
/// namespace, the bare local name for none), attributes likewise, children in order.
#[derive(Debug, Default, Clone)]
pub struct El {
    pub name: String,
    pub attrs: Vec<(String, String)>,
    pub children: Vec<Node>,
}

#[derive(Debug, Clone)]
pub enum Node {
    El(El),
    Text(String),
}

impl El {
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// The child elements.
    pub fn elements(&self) -> impl Iterator<Item = &El> {
        self.children.iter().filter_map(|c| match c {
            Node::El(e) => Some(e),
            Node::Text(_) => None,
        })
    }

    pub fn child(&self, name: &str) -> Option<&El> {
        self.elements().find(|e| e.name == name)
    }

    /// Every descendant element of that name, in document order.
    pub fn descendants<'a>(&'a self, name: &str, out: &mut Vec<&'a El>) {
        for e in self.elements() {
            if e.name == name {
                out.push(e);
            }
            e.descendants(name, out);
        }
    }

    /// The text of the element and its descendants.
    pub fn text(&self) -> String {
        let mut out = String::new();
        for child in &self.children {
            match child {
                Node::Text(t) => out.push_str(t),
                Node::El(e) => out.push_str(&e.text()),
            }
        }
        out
    }
}

/// Whether a WordprocessingML on/off property (`<w:b/>`, `<w:b w:val="0"/>`) is on.
pub fn on(el: Option<&El>) -> bool {
    el.is_some_and(|e| !matches!(e.attr("w:val"), Some("0" | "false" | "off" | "none")))
}

/// Parses a part; an error says what and where (byte offset).
pub fn parse(text: &str) -> Result<El, String> {
    let mut reader = NsReader::from_str(text);
    reader.config_mut().expand_empty_elements = true;
    let mut stack: Vec<El> = vec![El::default()];
    loop {
        let at = reader.buffer_position();
        let event = match reader.read_resolved_event() {
            Ok(event) => event,
            Err(e) => return Err(format!("{e} (near byte {at})")),
        };
        match event {
            (_, Event::DocType(_)) => {
                return Err(format!(
                    "a DOCTYPE (at byte {at}): Word documents have none, and its entity declarations are refused"
                ));
            }
            (_, Event::Start(_)) if stack.len() > MAX_DEPTH => {
                return Err(format!(
                    "elements nested deeper than {MAX_DEPTH} levels (at byte {at})"
                ));
            }
            (ns, Event::Start(e)) => {
                let name = qualified(&ns, e.local_name().into_inner());
                stack.push(element(&reader, &e, name)?);
            }
            (_, Event::End(_)) => {
                let done = stack.pop().unwrap_or_default();
                match stack.last_mut() {
                    Some(parent) => parent.children.push(Node::El(done)),
                    None => return Err(format!("an end tag without its start (at byte {at})")),
                }
            }
            (_, Event::Text(t)) => push_text(&mut stack, &t.xml10_content()),
            (_, Event::CData(t)) => push_text(&mut stack, &t.xml10_content()),
            (_, Event::GeneralRef(r)) => {
                let resolved = match r.resolve_char_ref() {
                    Ok(Some(c)) => c.to_string(),
                    _ => {
                        let name = r.xml10_content();
                        predefined(&name)
                            .ok_or_else(|| format!("unknown entity `&{name};` (at byte {at})"))?
                            .to_string()
                    }
                };
                push_text(&mut stack, &resolved);
            }
            (_, Event::Eof) => break,
            _ => {}
        }
    }
    let mut doc = stack.pop().unwrap_or_default();
    if !stack.is_empty() {
        return Err("the part ends inside an element".into());
    }
    doc.children
        .drain(..)
        .find_map(|c| match c {
            Node::El(e) => Some(e),
            Node::Text(_) => None,
        })
        .ok_or_else(|| "no root element".into())
}

fn qualified(ns: &ResolveResult<'_>, local: &str) -> String {
    match ns {
        ResolveResult::Bound(uri) => {
            let uri = uri.into_inner();
            match NAMESPACES.iter().find(|(u, _)| *u == uri) {
                Some((_, prefix)) => format!("{prefix}:{local}"),
                None => format!("x:{local}"),
            }
        }
        _ => local.to_string(),
    }
}

fn element(reader: &NsReader<&[u8]>, e: &BytesStart<'_>, name: String) -> Result<El, String> {
    let mut attrs = Vec::new();
    for a in e.attributes() {
        let a = a.map_err(|err| err.to_string())?;
        if a.key.as_namespace_binding().is_some() {
            continue;
        }
        let (ns, local) = reader.resolver().resolve_attribute(a.key);
        let value = a
            .normalized_value(quick_xml::XmlVersion::Implicit1_0)
            .map_err(|err| err.to_string())?;
        attrs.push((qualified(&ns, local.into_inner()), value.into_owned()));
    }
    Ok(El {
        name,
        attrs,
        children: Vec::new(),
    })
}

fn push_text(stack: &mut [El], text: &str) {
    let Some(el) = stack.last_mut() else { return };
    match el.children.last_mut() {
        Some(Node::Text(t)) => t.push_str(text),
        _ => el.children.push(Node::Text(text.to_string())),
    }
}

fn predefined(name: &str) -> Option<&'static str> {
    match name {
        "amp" => Some("&"),
        "lt" => Some("<"),
        "gt" => Some(">"),
        "quot" => Some("\""),
        "apos" => Some("'"),
        _ => None,
    }
}

/// Text escaped for an element or a double-quoted attribute.
pub fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            // Characters XML 1.0 cannot carry at all are left out.
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_by_namespace_not_prefix() {
        let xml = r#"<a:document xmlns:a="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><a:p a:val="x &amp; &#x41;">t&lt;</a:p></a:document>"#;
        let root = parse(xml).unwrap();
        assert_eq!(root.name, "w:document");
        let p = root.child("w:p").unwrap();
        assert_eq!(p.attr("w:val"), Some("x & A"));
        assert_eq!(p.text(), "t<");
    }

    #[test]
    fn doctype_and_unknown_entities_are_refused() {
        let bomb = r#"<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>"#;
        assert!(parse(bomb).unwrap_err().contains("DOCTYPE"));
        assert!(parse("<x>&a;</x>").unwrap_err().contains("unknown entity"));
    }
}
