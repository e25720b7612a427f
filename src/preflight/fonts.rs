//! Fonts not embedded: every font in every page's resources — and in the resources of its
//! form XObjects, tiling patterns and Type3 fonts — must carry its font program (FontFile,
//! FontFile2 or FontFile3 in its descriptor; a Type0 font's in its descendant CIDFont).
//! A print file needs it so the RIP does not substitute; PDF/A needs it too.

use std::collections::{BTreeMap, HashSet};

use lopdf::{Dictionary, Document, Object, ObjectId};

use super::resources::{dict, each_resources, get, label, page_resources, text};
use super::{Collector, ObjectRef, Severity, rule};

pub fn check(doc: &Document, pages: &BTreeMap<u32, ObjectId>, out: &mut Collector) {
    let mut seen: HashSet<*const Dictionary> = HashSet::new();
    for (&number, &page) in pages {
        let Some(res) = page_resources(doc, page) else {
            continue;
        };
        each_resources(doc, res, &mut |resources| {
            let Some(fonts) = resources.get(b"Font").ok().and_then(|f| dict(doc, f)) else {
                return;
            };
            for (name, entry) in fonts.iter() {
                let (id, font) = match entry {
                    Object::Reference(id) => (Some(*id), doc.get_dictionary(*id).ok()),
                    other => (None, other.as_dict().ok()),
                };
                let Some(font) = font else { continue };
                if !seen.insert(font as *const Dictionary) {
                    continue;
                }
                if let Err(why) = embedded(doc, font) {
                    report(out, number, &text(name), id, font, &why);
                }
            }
        });
    }
}

fn report(
    out: &mut Collector,
    page: u32,
    name: &str,
    id: Option<ObjectId>,
    font: &Dictionary,
    why: &str,
) {
    let base = font
        .get(b"BaseFont")
        .and_then(Object::as_name)
        .map(|b| format!(" {}", text(b)))
        .unwrap_or_default();
    let message = format!(
        "font {}{base} is not embedded ({why}); the printer's RIP or the reader would substitute it",
        label(name, id)
    );
    let object = ObjectRef {
        name: Some(name.to_string()),
        number: id.map(|(n, _)| n),
    };
    out.page(
        Severity::Error,
        rule::FONT_NOT_EMBEDDED,
        page,
        Some(object),
        message,
    );
}

/// Ok when the font carries its program; otherwise why not. (Also the PDF/X-4 step's test.)
pub(crate) fn embedded(doc: &Document, font: &Dictionary) -> Result<(), String> {
    match font
        .get(b"Subtype")
        .and_then(Object::as_name)
        .unwrap_or(b"")
    {
        // Type3 glyphs are content streams in the file; their own fonts are walked as resources.
        b"Type3" => Ok(()),
        b"Type0" => {
            let descendant = get(doc, font, b"DescendantFonts")
                .and_then(|d| d.as_array().ok())
                .and_then(|d| d.first())
                .and_then(|d| dict(doc, d))
                .ok_or("a Type0 font without its descendant CIDFont")?;
            descriptor_has_program(doc, descendant)
        }
        _ => descriptor_has_program(doc, font),
    }
}

fn descriptor_has_program(doc: &Document, font: &Dictionary) -> Result<(), String> {
    let Some(descriptor) = get(doc, font, b"FontDescriptor").and_then(|d| dict(doc, d)) else {
        return Err("no FontDescriptor: a standard font left to the reader".into());
    };
    let has = |key: &[u8]| get(doc, descriptor, key).is_some_and(|f| f.as_stream().is_ok());
    if has(b"FontFile") || has(b"FontFile2") || has(b"FontFile3") {
        Ok(())
    } else {
        Err("its FontDescriptor has no FontFile, FontFile2 or FontFile3".into())
    }
}
