//! The document's XMP metadata read as properties (namespace, name, text), with quick-xml's
//! namespace resolution, so that `pdfaid:part="2"` (an attribute) and
//! `<pdfaid:part>2</pdfaid:part>` (an element) read alike, whatever prefix the file uses.

use quick_xml::NsReader;
use quick_xml::events::{BytesStart, Event};
use quick_xml::name::ResolveResult;

pub const RDF: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
pub const DC: &str = "http://purl.org/dc/elements/1.1/";
pub const PDFA_ID: &str = "http://www.aiim.org/pdfa/ns/id/";
pub const PDFUA_ID: &str = "http://www.aiim.org/pdfua/ns/id/";
pub const PDFX_ID: &str = "http://www.npes.org/pdfx/ns/id/";

/// Deepest element nesting read (XMP packets need a handful of levels).
const MAX_DEPTH: usize = 64;

#[derive(Debug, Default)]
pub struct Xmp {
    props: Vec<(String, String, String)>,
}

impl Xmp {
    /// The text of a property (for `rdf:Alt`/`rdf:Seq` values, the items' text joined).
    pub fn get(&self, ns: &str, name: &str) -> Option<&str> {
        self.props
            .iter()
            .find(|(n, l, v)| n == ns && l == name && !v.trim().is_empty())
            .map(|(_, _, v)| v.trim())
    }

    /// Reads an XMP packet; an unreadable packet gives the properties read before the error.
    pub fn parse(text: &str) -> Xmp {
        let mut xmp = Xmp::default();
        let mut reader = NsReader::from_str(text);
        // For each open element: the property it started, if it is one (not RDF syntax).
        let mut open: Vec<Option<usize>> = Vec::new();
        while let Ok((ns, event)) = reader.read_resolved_event() {
            let ns = match ns {
                ResolveResult::Bound(ns) => ns.0.to_string(),
                _ => String::new(),
            };
            match event {
                Event::Start(e) if open.len() < MAX_DEPTH => {
                    open.push(xmp.element(&reader, ns, &e));
                }
                Event::Start(_) => break,
                Event::Empty(e) => {
                    xmp.element(&reader, ns, &e);
                }
                Event::End(_) => {
                    open.pop();
                }
                Event::Text(t) => xmp.append(&open, &t.xml10_content()),
                Event::CData(t) => xmp.append(&open, &t.xml10_content()),
                Event::GeneralRef(r) => {
                    let c = r.resolve_char_ref().ok().flatten();
                    let s = c
                        .map(String::from)
                        .unwrap_or_else(|| predefined(&r.xml10_content()));
                    xmp.append(&open, &s);
                }
                Event::Eof => break,
                _ => {}
            }
        }
        xmp
    }

    /// An element's start: a property unless it is RDF syntax; its attributes in a namespace
    /// are properties too (`pdfaid:part="2"`).
    fn element(
        &mut self,
        reader: &NsReader<&[u8]>,
        ns: String,
        e: &BytesStart<'_>,
    ) -> Option<usize> {
        for attr in e.attributes().flatten() {
            let (ans, local) = reader.resolver().resolve_attribute(attr.key);
            if let ResolveResult::Bound(ans) = ans
                && ans.0 != RDF
                && !ans.0.starts_with("http://www.w3.org/")
            {
                let value = attr
                    .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                    .unwrap_or_default()
                    .into_owned();
                let name = local.into_inner().to_string();
                self.props.push((ans.0.to_string(), name, value));
            }
        }
        if ns == RDF || ns.is_empty() {
            return None;
        }
        let local = e.local_name().into_inner().to_string();
        self.props.push((ns, local, String::new()));
        Some(self.props.len() - 1)
    }

    /// Text belongs to the innermost open property.
    fn append(&mut self, open: &[Option<usize>], text: &str) {
        if let Some(i) = open.iter().rev().find_map(|p| *p) {
            self.props[i].2.push_str(text);
        }
    }
}

fn predefined(name: &str) -> String {
    match name {
        "amp" => "&",
        "lt" => "<",
        "gt" => ">",
        "quot" => "\"",
        "apos" => "'",
        _ => "",
    }
    .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attributes_and_elements_read_alike() {
        let text = r#"<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:a="http://www.aiim.org/pdfa/ns/id/" a:part="2" a:conformance="B"/>
<rdf:Description rdf:about="" xmlns:u="http://www.aiim.org/pdfua/ns/id/"><u:part>1</u:part></rdf:Description>
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title><rdf:Alt><rdf:li xml:lang="x-default">A &amp; B</rdf:li></rdf:Alt></dc:title></rdf:Description>
</rdf:RDF></x:xmpmeta>"#;
        let xmp = Xmp::parse(text);
        assert_eq!(xmp.get(PDFA_ID, "part"), Some("2"));
        assert_eq!(xmp.get(PDFA_ID, "conformance"), Some("B"));
        assert_eq!(xmp.get(PDFUA_ID, "part"), Some("1"));
        assert_eq!(xmp.get(DC, "title"), Some("A & B"));
        assert_eq!(xmp.get(PDFX_ID, "GTS_PDFXVersion"), None);
    }
}
