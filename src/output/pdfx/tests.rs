//! Unit tests of the PDF/X-4 step on small hand-made PDFs, for what the sample does not have
//! (RGB colours in content, forms, images, groups; fonts not embedded; other output intents).
//! The sample itself is tested in tests/pdfx.rs.

use lopdf::content::Content;
use lopdf::{Dictionary, Document, Object, Stream, StringFormat, dictionary};

use super::*;

const XMP: &str = r#"<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/"><dc:title><rdf:Alt><rdf:li xml:lang="x-default">T</rdf:li></rdf:Alt></dc:title><xmp:ModifyDate>2025-01-02T00:00:00Z</xmp:ModifyDate><xmp:CreateDate>2025-01-02T00:00:00Z</xmp:CreateDate><xmpMM:DocumentID>abc</xmpMM:DocumentID></rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="r"?>"#;

fn lit(s: &str) -> Object {
    Object::String(s.as_bytes().to_vec(), StringFormat::Literal)
}

/// One page (A4 with 10 mm slug, TrimBox inside) drawing with `rg`, a form using `RG`, an RGB
/// image, an RGB transparency group, an Indexed RGB space and an ICC stream with an RGB
/// alternate; `font` is added to the page's resources.
fn rgb_pdf(font: Option<Dictionary>) -> Vec<u8> {
    let mut doc = Document::with_version("1.6");
    let pages_id = doc.new_object_id();
    let form = Stream::new(
        dictionary! { "Type" => "XObject", "Subtype" => "Form", "BBox" => vec![0.into(), 0.into(), 10.into(), 10.into()] },
        b"0 0 1 RG 0 0 m 10 10 l S".to_vec(),
    );
    let form_id = doc.add_object(form);
    let image = Stream::new(
        dictionary! { "Type" => "XObject", "Subtype" => "Image", "Width" => 1, "Height" => 1,
        "ColorSpace" => "DeviceRGB", "BitsPerComponent" => 8 },
        vec![255, 0, 0],
    );
    let image_id = doc.add_object(image);
    let icc = Stream::new(
        dictionary! { "N" => 3, "Alternate" => "DeviceRGB" },
        SRGB_FOR_TEST.to_vec(),
    );
    let icc_id = doc.add_object(icc);
    let indexed = vec![
        Object::Name(b"Indexed".to_vec()),
        Object::Name(b"DeviceRGB".to_vec()),
        0.into(),
        Object::String(vec![0, 0, 0], StringFormat::Hexadecimal),
    ];
    let mut resources = dictionary! {
        "XObject" => dictionary! { "Fm0" => form_id, "Im0" => image_id },
        "ColorSpace" => dictionary! { "Ix" => indexed, "Icc" => vec![Object::Name(b"ICCBased".to_vec()), icc_id.into()] },
    };
    if let Some(font) = font {
        let font_id = doc.add_object(font);
        resources.set("Font", dictionary! { "F0" => font_id });
    }
    let content = doc.add_object(Stream::new(
        Dictionary::new(),
        b"1 0 0 rg 0 0 10 10 re f /DeviceRGB cs 0 1 0 sc /Fm0 Do /Im0 Do".to_vec(),
    ));
    let page = doc.add_object(dictionary! {
        "Type" => "Page", "Parent" => pages_id, "Contents" => content, "Resources" => resources,
        "MediaBox" => vec![0.into(), 0.into(), 651.97.into(), 898.58.into()],
        "TrimBox" => vec![28.35.into(), 28.35.into(), 623.62.into(), 870.23.into()],
        "Group" => dictionary! { "S" => "Transparency", "CS" => "DeviceRGB" },
    });
    doc.objects.insert(
        pages_id,
        Object::Dictionary(
            dictionary! { "Type" => "Pages", "Kids" => vec![page.into()], "Count" => 1 },
        ),
    );
    let metadata = doc.add_object(Stream::new(
        dictionary! { "Type" => "Metadata", "Subtype" => "XML" },
        XMP.as_bytes().to_vec(),
    ));
    let catalog = doc.add_object(
        dictionary! { "Type" => "Catalog", "Pages" => pages_id, "Metadata" => metadata },
    );
    let info = doc.add_object(dictionary! {
        "Title" => lit("T"), "CreationDate" => lit("D:20250102000000Z"), "ModDate" => lit("D:20250102000000Z"),
    });
    doc.trailer.set("Root", catalog);
    doc.trailer.set("Info", info);
    let mut out = Vec::new();
    doc.save_to(&mut out).unwrap();
    out
}

const SRGB_FOR_TEST: &[u8] = rgb::SRGB_ICC;

fn profile() -> OutputProfile {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    OutputProfile::default_profile(root).unwrap()
}

fn names_device_rgb(o: &Object) -> bool {
    match o {
        Object::Name(n) => n == b"DeviceRGB",
        Object::Array(a) => a.iter().any(names_device_rgb),
        Object::Dictionary(d) => d.iter().any(|(_, v)| names_device_rgb(v)),
        Object::Stream(s) => s.dict.iter().any(|(_, v)| names_device_rgb(v)),
        _ => false,
    }
}

/// Content as words separated by single spaces.
fn words(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn rgb_everywhere_becomes_icc_based_srgb() {
    let out = to_pdfx4(&rgb_pdf(None), &profile(), 3.0).unwrap();
    let doc = Document::load_mem(&out).unwrap();
    for (id, o) in &doc.objects {
        assert!(!names_device_rgb(o), "{id:?} still names DeviceRGB: {o:?}");
    }
    let page = *doc.get_pages().get(&1).unwrap();
    let ops = Content::decode(&doc.get_page_content(page))
        .unwrap()
        .operations;
    let text = words(&Content { operations: ops }.encode().unwrap());
    assert!(text.contains("/MgiSRGB cs 1 0 0 sc"), "{text}");
    assert!(text.contains("/MgiSRGB cs 0 1 0 sc"), "{text}");
    // The form's stroke colour, in the form's own resources.
    let (form_id, form) = doc
        .objects
        .iter()
        .find(|(_, o)| {
            o.as_stream().is_ok_and(|s| {
                s.dict.get(b"Subtype").and_then(Object::as_name).ok() == Some(b"Form")
            })
        })
        .unwrap();
    let form = form.as_stream().unwrap();
    let form_text = words(&form.decompressed_content().unwrap_or(form.content.clone()));
    assert!(
        form_text.contains("/MgiSRGB CS 0 0 1 SC"),
        "{form_id:?}: {form_text}"
    );
    let spaces = form
        .dict
        .get(b"Resources")
        .unwrap()
        .as_dict()
        .unwrap()
        .get(b"ColorSpace")
        .unwrap();
    assert!(spaces.as_dict().unwrap().has(b"MgiSRGB"));
    // The page's colour spaces keep theirs and gain the sRGB one.
    let resources = doc
        .get_dictionary(page)
        .unwrap()
        .get(b"Resources")
        .unwrap()
        .as_dict()
        .unwrap();
    let spaces = resources.get(b"ColorSpace").unwrap().as_dict().unwrap();
    assert!(spaces.has(b"Ix") && spaces.has(b"Icc") && spaces.has(b"MgiSRGB"));
    // One sRGB profile stream, shared.
    let srgb_streams = doc
        .objects
        .values()
        .filter(|o| o.as_stream().is_ok_and(|s| s.content == rgb::SRGB_ICC))
        .count();
    assert_eq!(
        srgb_streams, 2,
        "the added sRGB stream and the test's own ICC stream"
    );
}

#[test]
fn fonts_must_be_embedded() {
    let font = dictionary! { "Type" => "Font", "Subtype" => "TrueType", "BaseFont" => "Arial",
    "FontDescriptor" => dictionary! { "Type" => "FontDescriptor", "FontName" => "Arial" } };
    let err = to_pdfx4(&rgb_pdf(Some(font)), &profile(), 3.0).unwrap_err();
    assert!(err.starts_with("the font Arial"), "{err}");
    assert!(err.contains("not embedded"), "{err}");
}

#[test]
fn other_output_intents_newer_pdfs_and_missing_titles_are_refused() {
    let mut doc = Document::load_mem(&rgb_pdf(None)).unwrap();
    let intent = doc.add_object(dictionary! { "Type" => "OutputIntent", "S" => "GTS_PDFA1" });
    doc.catalog_mut()
        .unwrap()
        .set("OutputIntents", vec![intent.into()]);
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).unwrap();
    let err = to_pdfx4(&bytes, &profile(), 3.0).unwrap_err();
    assert!(err.contains("/GTS_PDFA1"), "{err}");

    let mut doc = Document::load_mem(&rgb_pdf(None)).unwrap();
    doc.version = "1.7".into();
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).unwrap();
    let err = to_pdfx4(&bytes, &profile(), 3.0).unwrap_err();
    assert!(err.contains("version 1.7"), "{err}");

    let mut doc = Document::load_mem(&rgb_pdf(None)).unwrap();
    let info = doc.trailer.get(b"Info").unwrap().as_reference().unwrap();
    doc.get_dictionary_mut(info).unwrap().remove(b"Title");
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).unwrap();
    let err = to_pdfx4(&bytes, &profile(), 3.0).unwrap_err();
    assert!(err.contains("no Title"), "{err}");
}

#[test]
fn the_bleed_box_is_clamped_to_the_media_box() {
    let out = to_pdfx4(&rgb_pdf(None), &profile(), 20.0).unwrap();
    let doc = Document::load_mem(&out).unwrap();
    let page = *doc.get_pages().get(&1).unwrap();
    let bleed: Vec<f32> = doc
        .get_dictionary(page)
        .unwrap()
        .get(b"BleedBox")
        .unwrap()
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n.as_float().unwrap())
        .collect();
    assert_eq!(bleed, vec![0.0, 0.0, 651.97, 898.58]);
}

#[test]
fn running_twice_changes_nothing_more() {
    let once = to_pdfx4(&rgb_pdf(None), &profile(), 3.0).unwrap();
    let twice = to_pdfx4(&once, &profile(), 3.0).unwrap();
    let (a, b) = (
        Document::load_mem(&once).unwrap(),
        Document::load_mem(&twice).unwrap(),
    );
    let intents = |d: &Document| {
        d.catalog()
            .unwrap()
            .get(b"OutputIntents")
            .unwrap()
            .as_array()
            .unwrap()
            .len()
    };
    assert_eq!((intents(&a), intents(&b)), (1, 1));
    // The first run's intent and profile stream are replaced, not left behind.
    assert_eq!(a.objects.len(), b.objects.len());
    assert!(
        twice.len().abs_diff(once.len()) < 100,
        "{} {}",
        once.len(),
        twice.len()
    );
    let xmp = |d: &Document| {
        d.catalog()
            .unwrap()
            .get_deref(b"Metadata", d)
            .unwrap()
            .as_stream()
            .unwrap()
            .content
            .clone()
    };
    assert_eq!(xmp(&a), xmp(&b));
}
