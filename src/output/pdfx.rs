//! The print edition's last step: the PDF that Typst exports (PDF 1.6, tagged, DeviceCMYK
//! colours, MediaBox + TrimBox) made into a PDF/X-4 file (ISO 15930-7:2010) for the printer.
//! Typst 0.15 has no PDF/X export, so this edits the exported bytes with `lopdf`.
//!
//! What it does (see docs/editions.md): an output intent (`/GTS_PDFX`) with the embedded CMYK
//! output profile; `GTS_PDFXVersion` and `/Trapped /False` in the document information and, with
//! the other identification PDF/X-4 asks for, in the XMP metadata; a BleedBox beside every
//! TrimBox; no `DeviceRGB` (turned into ICC-based sRGB); link annotations made non-printing.
//! It refuses what it cannot make conform: a PDF newer than 1.6, encryption, a page without a
//! TrimBox, fonts that are not embedded, RGB colour in Type 3 glyphs. Deterministic: objects
//! keep their numbers, new ones follow in a fixed order, no clock, the document's `/ID` kept.

mod rgb;
mod xmp;

use lopdf::{Dictionary, Document, Object, ObjectId, Stream, StringFormat};

use crate::edition::icc::OutputProfile;

/// Points per millimetre.
const PT_PER_MM: f64 = 72.0 / 25.4;

pub use xmp::PDFX_VERSION;

/// Turns an exported PDF into PDF/X-4 with `profile` as its output intent and a BleedBox
/// `bleed_mm` outside each page's TrimBox (clamped to the MediaBox).
pub fn to_pdfx4(pdf: &[u8], profile: &OutputProfile, bleed_mm: f64) -> Result<Vec<u8>, String> {
    if !bleed_mm.is_finite() || bleed_mm < 0.0 {
        return Err(format!(
            "the bleed must be a length of 0 mm or more, not {bleed_mm}"
        ));
    }
    let mut doc = Document::load_mem(pdf).map_err(|e| format!("cannot read the PDF: {e}"))?;
    check_input(&doc)?;
    set_bleed_boxes(&mut doc, bleed_mm * PT_PER_MM)?;
    check_fonts_embedded(&doc)?;
    rgb::remove_device_rgb(&mut doc)?;
    make_annotations_non_printing(&mut doc);
    add_output_intent(&mut doc, profile)?;
    update_info(&mut doc)?;
    xmp::update_metadata(&mut doc)?;
    let mut out = Vec::with_capacity(pdf.len() + profile.bytes.len());
    doc.save_to(&mut out)
        .map_err(|e| format!("cannot write the PDF/X file: {e}"))?;
    Ok(out)
}

/// What this step does not convert: newer PDF versions, encryption, other output intents.
fn check_input(doc: &Document) -> Result<(), String> {
    let version = doc.version.as_str();
    if !matches!(
        version,
        "1.0" | "1.1" | "1.2" | "1.3" | "1.4" | "1.5" | "1.6"
    ) {
        return Err(format!(
            "the PDF is version {version}; PDF/X-4 is based on PDF 1.6 (export the print edition with the `1.6` PDF standard)"
        ));
    }
    if doc.trailer.has(b"Encrypt") {
        return Err("the PDF is encrypted; PDF/X forbids encryption".into());
    }
    let catalog = doc
        .catalog()
        .map_err(|e| format!("the PDF has no catalog: {e}"))?;
    if let Ok(intents) = catalog
        .get_deref(b"OutputIntents", doc)
        .and_then(Object::as_array)
    {
        for intent in intents {
            let kind = doc
                .dereference(intent)
                .ok()
                .and_then(|(_, o)| o.as_dict().ok())
                .and_then(|d| d.get(b"S").and_then(Object::as_name).ok());
            if kind != Some(b"GTS_PDFX".as_slice()) {
                return Err(format!(
                    "the PDF already has an output intent of kind {}; the print edition must be exported without PDF/A (one output profile, the printer's)",
                    kind.map_or("?".into(), |k| format!("/{}", String::from_utf8_lossy(k)))
                ));
            }
        }
    }
    Ok(())
}

/// A page box as `[x0 y0 x1 y1]` with x0 ≤ x1 and y0 ≤ y1.
fn page_box(doc: &Document, page: ObjectId, key: &[u8]) -> Option<[f64; 4]> {
    let mut node = doc.get_dictionary(page).ok()?;
    // MediaBox and CropBox are inheritable through the page tree; the others are not.
    let inheritable = key == b"MediaBox" || key == b"CropBox";
    for _ in 0..64 {
        if let Ok(value) = node.get_deref(key, doc).and_then(Object::as_array) {
            let v: Vec<f64> = value
                .iter()
                .filter_map(|n| n.as_float().ok())
                .map(f64::from)
                .collect();
            return (v.len() == 4).then(|| {
                [
                    v[0].min(v[2]),
                    v[1].min(v[3]),
                    v[0].max(v[2]),
                    v[1].max(v[3]),
                ]
            });
        }
        if !inheritable {
            return None;
        }
        node = node.get_deref(b"Parent", doc).ok()?.as_dict().ok()?;
    }
    None
}

fn rect_object(r: [f64; 4]) -> Object {
    // Rounded to 1/10000 pt, so that the numbers written do not depend on f32 noise.
    Object::Array(
        r.iter()
            .map(|v| Object::Real(((v * 10000.0).round() / 10000.0) as f32))
            .collect(),
    )
}

/// BleedBox = TrimBox grown by `bleed` points on each side, clamped to the MediaBox (and the
/// CropBox, if any). PDF/X-4 forbids a TrimBox together with an ArtBox: an ArtBox is dropped.
fn set_bleed_boxes(doc: &mut Document, bleed: f64) -> Result<(), String> {
    for (number, page) in doc.get_pages() {
        let trim = page_box(doc, page, b"TrimBox").ok_or_else(|| {
            format!("page {number} has no TrimBox; PDF/X-4 needs one on every page (set a page bleed in the layout)")
        })?;
        let media = page_box(doc, page, b"MediaBox")
            .ok_or_else(|| format!("page {number} has no MediaBox"))?;
        let outer = match page_box(doc, page, b"CropBox") {
            Some(c) => [
                media[0].max(c[0]),
                media[1].max(c[1]),
                media[2].min(c[2]),
                media[3].min(c[3]),
            ],
            None => media,
        };
        if trim[0] < outer[0] - 0.01
            || trim[1] < outer[1] - 0.01
            || trim[2] > outer[2] + 0.01
            || trim[3] > outer[3] + 0.01
        {
            return Err(format!(
                "page {number}: the TrimBox {trim:?} is not inside the MediaBox/CropBox {outer:?}"
            ));
        }
        let bleed_box = [
            (trim[0] - bleed).max(outer[0]),
            (trim[1] - bleed).max(outer[1]),
            (trim[2] + bleed).min(outer[2]),
            (trim[3] + bleed).min(outer[3]),
        ];
        let dict = doc.get_dictionary_mut(page).map_err(|e| e.to_string())?;
        dict.set("BleedBox", rect_object(bleed_box));
        dict.remove(b"ArtBox");
    }
    Ok(())
}

/// PDF/X needs every font's program in the file; the test is the preflight's.
fn check_fonts_embedded(doc: &Document) -> Result<(), String> {
    for (id, object) in &doc.objects {
        let Ok(dict) = object.as_dict() else { continue };
        if dict.get(b"Type").and_then(Object::as_name).ok() != Some(b"Font") {
            continue;
        }
        if let Err(why) = crate::preflight::font_embedded(doc, dict) {
            let name = dict
                .get(b"BaseFont")
                .and_then(Object::as_name)
                .map_or("?".into(), |n| String::from_utf8_lossy(n).into_owned());
            return Err(format!(
                "the font {name} (object {} {}) is not embedded ({why}); PDF/X needs every font in the file",
                id.0, id.1
            ));
        }
    }
    Ok(())
}

/// Link annotations stay clickable on screen but are marked non-printing (annotation flag
/// Print cleared), so that nothing but the page content prints inside the bleed box.
/// Printer's marks and trap networks are production annotations and are left alone.
fn make_annotations_non_printing(doc: &mut Document) {
    const PRINT: i64 = 1 << 2;
    for object in doc.objects.values_mut() {
        let Ok(dict) = object.as_dict_mut() else {
            continue;
        };
        if dict.get(b"Type").and_then(Object::as_name).ok() != Some(b"Annot") {
            continue;
        }
        let subtype = dict
            .get(b"Subtype")
            .and_then(Object::as_name)
            .unwrap_or(b"");
        if subtype == b"PrinterMark" || subtype == b"TrapNet" {
            continue;
        }
        let flags = dict.get(b"F").and_then(Object::as_i64).unwrap_or(0);
        if flags & PRINT != 0 {
            dict.set("F", flags & !PRINT);
        }
    }
}

/// `/OutputIntents [<< /S /GTS_PDFX … /DestOutputProfile (the profile, compressed) >>]`,
/// replacing the PDF/X intent of an earlier run (and its profile stream).
fn add_output_intent(doc: &mut Document, profile: &OutputProfile) -> Result<(), String> {
    remove_output_intents(doc);
    let deflated = profile.deflated_with(|bytes| {
        let mut stream = Stream::new(Dictionary::new(), bytes.to_vec());
        stream.compress().ok()?;
        stream.dict.has(b"Filter").then_some(stream.content)
    });
    let mut dict = Dictionary::new();
    dict.set("N", 4);
    let stream = match deflated {
        Some(bytes) => {
            dict.set("Filter", "FlateDecode");
            Stream::new(dict, bytes.to_vec())
        }
        None => Stream::new(dict, profile.bytes.to_vec()),
    };
    let profile_id = doc.add_object(stream);
    let text = |s: &str| Object::String(s.as_bytes().to_vec(), StringFormat::Literal);
    let mut intent = Dictionary::new();
    intent.set("Type", Object::Name(b"OutputIntent".to_vec()));
    intent.set("S", Object::Name(b"GTS_PDFX".to_vec()));
    intent.set(
        "OutputConditionIdentifier",
        text(profile.condition_identifier.as_str()),
    );
    intent.set("OutputCondition", text_string(&profile.description));
    intent.set("RegistryName", text(profile.registry_name));
    intent.set("Info", text_string(&profile.description));
    intent.set("DestOutputProfile", Object::Reference(profile_id));
    let intent_id = doc.add_object(intent);
    doc.catalog_mut()
        .map_err(|e| e.to_string())?
        .set("OutputIntents", vec![Object::Reference(intent_id)]);
    Ok(())
}

/// Removes the output intents (checked to be PDF/X ones) and their profile streams.
fn remove_output_intents(doc: &mut Document) {
    let Ok(intents) = doc
        .catalog()
        .and_then(|c| c.get_deref(b"OutputIntents", doc))
        .and_then(Object::as_array)
        .cloned()
    else {
        return;
    };
    for id in intents.iter().filter_map(|i| i.as_reference().ok()) {
        let stream = doc
            .get_dictionary(id)
            .and_then(|d| d.get(b"DestOutputProfile"))
            .and_then(Object::as_reference);
        if let Ok(stream) = stream {
            doc.objects.remove(&stream);
        }
        doc.objects.remove(&id);
    }
}

/// A PDF text string: ASCII as is, anything else as UTF-16BE with a byte order mark.
fn text_string(s: &str) -> Object {
    if s.is_ascii() {
        Object::String(s.as_bytes().to_vec(), StringFormat::Literal)
    } else {
        let mut bytes = vec![0xfe, 0xff];
        bytes.extend(s.encode_utf16().flat_map(u16::to_be_bytes));
        Object::String(bytes, StringFormat::Hexadecimal)
    }
}

/// Document information: `GTS_PDFXVersion`, `/Trapped /False`; a title and both dates are
/// required by PDF/X (Typst writes them from the document's metadata).
fn update_info(doc: &mut Document) -> Result<(), String> {
    let info_id = doc
        .trailer
        .get(b"Info")
        .and_then(Object::as_reference)
        .map_err(|_| "the PDF has no document information dictionary; PDF/X needs its Title, CreationDate and ModDate".to_string())?;
    let info = doc.get_dictionary_mut(info_id).map_err(|e| e.to_string())?;
    for key in ["Title", "CreationDate", "ModDate"] {
        let present = info
            .get(key.as_bytes())
            .and_then(Object::as_str)
            .is_ok_and(|s| !s.is_empty() && s != [0xfe, 0xff]);
        if !present {
            return Err(format!(
                "the document information has no {key}; PDF/X needs a Title, CreationDate and ModDate (the title comes from the document's metadata)"
            ));
        }
    }
    info.set(
        "GTS_PDFXVersion",
        Object::String(PDFX_VERSION.as_bytes().to_vec(), StringFormat::Literal),
    );
    info.set("Trapped", Object::Name(b"False".to_vec()));
    Ok(())
}

#[cfg(test)]
mod tests;
