//! The XMP identification PDF/X-4 asks for, written into the packet Typst (krilla's
//! xmp-writer) produced: `pdfxid:GTS_PDFXVersion`, `pdf:Trapped`, `xmpMM:VersionID`,
//! `xmpMM:RenditionClass` and `xmp:MetadataDate`. Everything else — title, dates, document and
//! instance ids, PDF/A or PDF/UA identification — is kept as written. The packet is rewritten
//! event by event with quick-xml, with namespaces resolved, so any earlier value of these
//! properties (as an element or as an attribute, under any prefix) is replaced, not doubled.

use lopdf::{Document, Object};
use quick_xml::events::attributes::Attribute;
use quick_xml::events::{BytesEnd, BytesStart, BytesText, Event};
use quick_xml::name::{QName, ResolveResult};
use quick_xml::{NsReader, Writer};

/// The `GTS_PDFXVersion` the PDF/X-4 step writes (in the Info dictionary and the XMP).
pub const PDFX_VERSION: &str = "PDF/X-4";

const RDF: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
const XMP: &str = "http://ns.adobe.com/xap/1.0/";
const XMP_MM: &str = "http://ns.adobe.com/xap/1.0/mm/";
const PDF: &str = "http://ns.adobe.com/pdf/1.3/";
const PDFXID: &str = "http://www.npes.org/pdfx/ns/id/";
const DC: &str = "http://purl.org/dc/elements/1.1/";

/// The properties this step writes: namespace, prefix, local name.
const OWNED: [(&str, &str, &str); 5] = [
    (PDFXID, "pdfxid", "GTS_PDFXVersion"),
    (PDF, "pdf", "Trapped"),
    (XMP_MM, "xmpMM", "VersionID"),
    (XMP_MM, "xmpMM", "RenditionClass"),
    (XMP, "xmp", "MetadataDate"),
];

/// Properties PDF/X-4 requires that Typst writes and we keep (checked, not written).
const REQUIRED: [(&str, &str); 4] = [
    (DC, "title"),
    (XMP, "CreateDate"),
    (XMP, "ModifyDate"),
    (XMP_MM, "DocumentID"),
];

/// Rewrites the catalog's `/Metadata` stream (uncompressed, so that tools can read it).
pub(super) fn update_metadata(doc: &mut Document) -> Result<(), String> {
    let id = doc
        .catalog()
        .and_then(|c| c.get(b"Metadata"))
        .and_then(Object::as_reference)
        .map_err(|_| "the PDF has no XMP metadata stream; PDF/X-4 needs one".to_string())?;
    let stream = doc
        .get_object_mut(id)
        .and_then(Object::as_stream_mut)
        .map_err(|e| format!("the XMP metadata is not a stream: {e}"))?;
    let bytes = match stream.dict.has(b"Filter") {
        true => stream.decompressed_content(),
        false => Ok(stream.content.clone()),
    }
    .map_err(|e| format!("cannot read the XMP metadata: {e}"))?;
    let text = std::str::from_utf8(&bytes).map_err(|_| "the XMP metadata is not UTF-8")?;
    let updated = rewrite(text)?;
    stream.set_plain_content(updated.into_bytes());
    Ok(())
}

/// What the first pass found: the values of the properties, by (namespace, local name).
#[derive(Default)]
struct Found {
    values: Vec<((String, String), String)>,
}

impl Found {
    fn get(&self, ns: &str, local: &str) -> Option<&str> {
        self.values
            .iter()
            .find(|((n, l), _)| n == ns && l == local)
            .map(|(_, v)| v.as_str())
    }
}

fn xml_error(e: impl std::fmt::Display) -> String {
    format!("the XMP metadata is not well-formed XML: {e}")
}

fn namespace(result: &ResolveResult) -> String {
    match result {
        ResolveResult::Bound(ns) => ns.0.to_string(),
        _ => String::new(),
    }
}

/// First pass: the properties of every `rdf:Description` (child elements and attributes),
/// their text escaped as in the packet.
fn scan(text: &str) -> Result<Found, String> {
    let mut reader = NsReader::from_str(text);
    let mut found = Found::default();
    let mut stack: Vec<(String, String)> = Vec::new();
    loop {
        let (ns, event) = reader.read_resolved_event().map_err(xml_error)?;
        let ns = namespace(&ns);
        let (e, empty) = match event {
            Event::Start(e) => (e, false),
            Event::Empty(e) => (e, true),
            Event::Text(t) => {
                let direct = stack.len() >= 2 && is_description(&stack[stack.len() - 2]);
                if direct && let Some((_, value)) = found.values.last_mut() {
                    value.push_str(&t);
                }
                continue;
            }
            Event::End(_) => {
                stack.pop();
                continue;
            }
            Event::Eof => break,
            _ => continue,
        };
        let local = e.local_name().as_ref().to_string();
        if ns == RDF && local == "Description" {
            for attr in e.attributes().flatten() {
                let (ans, alocal) = reader.resolver().resolve_attribute(attr.key);
                let key = (namespace(&ans), alocal.as_ref().to_string());
                found.values.push((key, attr.value.to_string()));
            }
        }
        if stack.last().is_some_and(is_description) {
            found
                .values
                .push(((ns.clone(), local.clone()), String::new()));
        }
        if !empty {
            stack.push((ns, local));
        }
    }
    Ok(found)
}

fn is_description((ns, local): &(String, String)) -> bool {
    ns == RDF && local == "Description"
}

/// Second pass: copies the packet, leaving out the owned properties, declaring the namespaces
/// they need on the first `rdf:Description` and writing them at its end.
fn rewrite(text: &str) -> Result<String, String> {
    let values = owned_values(&scan(text)?)?;
    let mut reader = NsReader::from_str(text);
    let mut writer = Writer::new(Vec::with_capacity(text.len() + 512));
    let mut stack: Vec<(String, String)> = Vec::new();
    let mut skip_depth: Option<usize> = None;
    let mut done = false;
    loop {
        let (ns, event) = reader.read_resolved_event().map_err(xml_error)?;
        let ns = namespace(&ns);
        let write = |w: &mut Writer<Vec<u8>>, e: Event| w.write_event(e).map_err(xml_error);
        match event {
            Event::Eof => break,
            Event::Start(ref e) | Event::Empty(ref e) => {
                let empty = matches!(event, Event::Empty(_));
                let local = e.local_name().as_ref().to_string();
                let in_description = stack
                    .last()
                    .is_some_and(|(n, l)| n == RDF && l == "Description");
                if !empty {
                    stack.push((ns.clone(), local.clone()));
                }
                if skip_depth.is_some() {
                    continue;
                }
                if in_description && OWNED.iter().any(|(n, _, l)| *n == ns && *l == local) {
                    if !empty {
                        skip_depth = Some(stack.len());
                    }
                    continue;
                }
                if ns == RDF && local == "Description" && !done {
                    let start = description_start(e, &reader)?;
                    write(&mut writer, Event::Start(start.borrow()))?;
                    if empty {
                        write_owned(&mut writer, &values)?;
                        write(&mut writer, Event::End(BytesEnd::new(name_of(e))))?;
                        done = true;
                    }
                    continue;
                }
                write(&mut writer, event.borrow())?;
            }
            Event::End(ref e) => {
                let depth = stack.len();
                let closing = stack.pop();
                if let Some(d) = skip_depth {
                    if d == depth {
                        skip_depth = None;
                    }
                    continue;
                }
                if !done && closing.is_some_and(|(n, l)| n == RDF && l == "Description") {
                    write_owned(&mut writer, &values)?;
                    done = true;
                }
                write(&mut writer, Event::End(e.borrow()))?;
            }
            other => {
                if skip_depth.is_none() {
                    write(&mut writer, other)?;
                }
            }
        }
    }
    if !done {
        return Err(
            "the XMP metadata has no rdf:Description to add the PDF/X identification to".into(),
        );
    }
    String::from_utf8(writer.into_inner()).map_err(xml_error)
}

/// The values of [`OWNED`], after checking that the packet has the [`REQUIRED`] properties.
fn owned_values(found: &Found) -> Result<[String; 5], String> {
    for (ns, local) in REQUIRED {
        if found.get(ns, local).is_none() {
            return Err(format!(
                "the XMP metadata has no {local} ({ns}); PDF/X-4 requires it"
            ));
        }
    }
    // No clock: the metadata date is the document's modification date.
    let modified = found.get(XMP, "ModifyDate").unwrap_or_default().trim();
    Ok([PDFX_VERSION, "False", "1", "default", modified].map(String::from))
}

fn name_of(e: &BytesStart) -> String {
    e.name().as_ref().to_string()
}

/// The first `rdf:Description`'s start tag without owned properties given as attributes, with
/// the namespaces of the owned properties declared unless already bound to the same URI.
fn description_start(
    e: &BytesStart,
    reader: &NsReader<&[u8]>,
) -> Result<BytesStart<'static>, String> {
    let mut start = BytesStart::new(name_of(e));
    for attr in e.attributes() {
        let attr = attr.map_err(xml_error)?;
        let (ans, alocal) = reader.resolver().resolve_attribute(attr.key);
        let ans = namespace(&ans);
        let alocal = alocal.as_ref().to_string();
        if !OWNED.iter().any(|(n, _, l)| *n == ans && *l == alocal) {
            start.push_attribute(Attribute {
                key: QName(attr.key.as_ref()),
                value: attr.value.clone(),
            });
        }
    }
    let mut declared: Vec<&str> = Vec::new();
    for (uri, prefix, _) in OWNED {
        if declared.contains(&prefix) {
            continue;
        }
        declared.push(prefix);
        let probe = format!("{prefix}:x");
        match reader.resolver().resolve_element(QName(probe.as_str())).0 {
            ResolveResult::Bound(ns) if ns.0 == uri => {}
            ResolveResult::Bound(ns) => {
                return Err(format!(
                    "the XMP metadata binds the prefix `{prefix}` to {}, not {}",
                    ns.0, uri
                ));
            }
            _ => start.push_attribute((format!("xmlns:{prefix}").as_str(), uri)),
        }
    }
    Ok(start.into_owned())
}

/// `<prefix:Name>value</prefix:Name>` for each owned property, values already XML-safe.
fn write_owned(writer: &mut Writer<Vec<u8>>, values: &[String; 5]) -> Result<(), String> {
    for ((_, prefix, local), value) in OWNED.iter().zip(values) {
        let name = format!("{prefix}:{local}");
        writer
            .write_event(Event::Start(BytesStart::new(name.as_str())))
            .and_then(|_| writer.write_event(Event::Text(BytesText::from_escaped(value.as_str()))))
            .and_then(|_| writer.write_event(Event::End(BytesEnd::new(name.as_str()))))
            .map_err(xml_error)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const TYPST: &str = r#"<?xpacket begin="﻿" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/" x:xmptk="xmp-writer"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"  xmlns:xmp="http://ns.adobe.com/xap/1.0/"  xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/"  xmlns:pdf="http://ns.adobe.com/pdf/1.3/" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/"><dc:title><rdf:Alt><rdf:li xml:lang="x-default">A &amp; B</rdf:li></rdf:Alt></dc:title><pdf:Keywords>Migrants&apos; rights</pdf:Keywords><xmp:ModifyDate>2025-09-30T00:00:00Z</xmp:ModifyDate><xmp:CreateDate>2025-09-30T00:00:00Z</xmp:CreateDate><xmpMM:DocumentID>JQ0yv+ANOcDnicdLOJQfqQ==</xmpMM:DocumentID><xmpMM:RenditionClass>proof</xmpMM:RenditionClass><pdfuaid:part>1</pdfuaid:part></rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="r"?>"#;

    #[test]
    fn adds_the_pdfx_identification_and_keeps_the_rest() {
        let out = rewrite(TYPST).unwrap();
        assert!(
            out.contains(r#"xmlns:pdfxid="http://www.npes.org/pdfx/ns/id/""#),
            "{out}"
        );
        assert!(out.contains("<pdfxid:GTS_PDFXVersion>PDF/X-4</pdfxid:GTS_PDFXVersion>"));
        assert!(out.contains("<pdf:Trapped>False</pdf:Trapped>"));
        assert!(out.contains("<xmpMM:VersionID>1</xmpMM:VersionID>"));
        assert!(out.contains("<xmp:MetadataDate>2025-09-30T00:00:00Z</xmp:MetadataDate>"));
        // RenditionClass replaced, not doubled.
        assert_eq!(out.matches("RenditionClass>").count(), 2, "{out}");
        assert!(out.contains("<xmpMM:RenditionClass>default</xmpMM:RenditionClass>"));
        assert!(!out.contains("proof"));
        // Kept as written.
        assert!(out.contains("<pdfuaid:part>1</pdfuaid:part>"));
        assert!(out.contains("A &amp; B") && out.contains("Migrants&apos; rights"));
        assert!(out.starts_with("<?xpacket begin=\"\u{feff}\""));
        assert!(out.ends_with("<?xpacket end=\"r\"?>"));
        // Already-declared namespaces are not declared twice.
        assert_eq!(out.matches("xmlns:pdf=").count(), 1);
        // Idempotent.
        assert_eq!(rewrite(&out).unwrap(), out);
    }

    #[test]
    fn replaces_attribute_forms_and_other_prefixes() {
        let text = TYPST
            .replace(
                r#"rdf:about="""#,
                r#"rdf:about="" xmlns:p="http://ns.adobe.com/pdf/1.3/" p:Trapped="Unknown""#,
            )
            .replace(
                "<pdfuaid:part>",
                "<xmp:MetadataDate>2020-01-01T00:00:00Z</xmp:MetadataDate><pdfuaid:part>",
            );
        let out = rewrite(&text).unwrap();
        assert!(
            !out.contains("Unknown") && !out.contains("2020-01-01"),
            "{out}"
        );
        assert_eq!(out.matches("Trapped").count(), 2, "{out}");
    }

    #[test]
    fn missing_required_properties_are_refused() {
        let text = TYPST.replace(
            "<xmpMM:DocumentID>JQ0yv+ANOcDnicdLOJQfqQ==</xmpMM:DocumentID>",
            "",
        );
        let err = rewrite(&text).unwrap_err();
        assert!(err.contains("no DocumentID"), "{err}");
        assert!(
            rewrite("<a><b></a>")
                .unwrap_err()
                .contains("not well-formed")
        );
    }
}
