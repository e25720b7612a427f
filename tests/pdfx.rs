//! The sample's print edition (`build --edition print`: 3 mm bleed, crop marks, PDF 1.6, then
//! the PDF/X-4 step), read back with lopdf: output intent, identification, boxes, crop marks,
//! no DeviceRGB, brand colours as CMYK, determinism; and the output profile's validation.

mod common;

use std::path::PathBuf;
use std::process::Command;
use std::sync::OnceLock;

use common::*;
use lopdf::content::Content;
use lopdf::{Document, Object};
use mgi_press::edition::Edition;
use mgi_press::edition::icc::OutputProfile;
use mgi_press::output::pdfx::to_pdfx4;

const BIN: &str = env!("CARGO_BIN_EXE_mgi-press");
const BLEED_MM: f64 = 3.0;

/// The sample's print edition as Typst exports it, before the PDF/X-4 step (bleed, crop marks,
/// CMYK, PDF 1.6), through the library.
fn print_like_pdf() -> &'static [u8] {
    static PDF: OnceLock<Vec<u8>> = OnceLock::new();
    PDF.get_or_init(|| {
        let s = session();
        let profile = s.load_checked(&sample()).profile.unwrap();
        let (vm, _) = s.resolve_edition(&profile, "en", false, Edition::Print);
        let vm = vm.unwrap();
        assert_eq!(vm.meta.bleed_mm, BLEED_MM);
        let compiled = s.compile(&profile, &vm).unwrap();
        let settings = mgi_press::output::pdf_settings(&profile, "en", &["1.6".to_string()]);
        mgi_press::typeset::export_pdf(&compiled.document, &settings).unwrap()
    })
}

/// Builds `dir` in English with `extra` arguments into a new folder; returns the PDF `name`.
fn build_en(dir: &std::path::Path, extra: &[&str], name: &str) -> Vec<u8> {
    let tmp = tempfile::tempdir().unwrap();
    let out: PathBuf = tmp.path().join("out");
    let status = Command::new(BIN)
        .current_dir(root())
        .args(["build", "--quiet", "--lang", "en", "--out"])
        .arg(&out)
        .args(extra)
        .arg(dir)
        .status()
        .unwrap();
    assert!(status.success());
    std::fs::read(out.join(name)).unwrap()
}

/// The print edition as `mgi-press build --edition print` writes it.
fn built_print_edition() -> Vec<u8> {
    build_en(&sample(), &["--edition", "print"], "valdoria.en.print.pdf")
}

fn profile() -> &'static OutputProfile {
    static P: OnceLock<OutputProfile> = OnceLock::new();
    P.get_or_init(|| OutputProfile::default_profile(&root()).unwrap())
}

/// The produced print edition, read back.
fn pdfx() -> &'static (Vec<u8>, Document) {
    static OUT: OnceLock<(Vec<u8>, Document)> = OnceLock::new();
    OUT.get_or_init(|| {
        let bytes = built_print_edition();
        let doc = Document::load_mem(&bytes).unwrap();
        (bytes, doc)
    })
}

fn rect(doc: &Document, page: lopdf::ObjectId, key: &[u8]) -> Vec<f64> {
    let dict = doc.get_dictionary(page).unwrap();
    let array = dict.get(key).unwrap().as_array().unwrap();
    array.iter().map(|n| n.as_float().unwrap() as f64).collect()
}

#[test]
fn the_output_intent_embeds_the_cmyk_profile() {
    let (_, doc) = pdfx();
    let intents = doc
        .catalog()
        .unwrap()
        .get(b"OutputIntents")
        .unwrap()
        .as_array()
        .unwrap();
    assert_eq!(intents.len(), 1);
    let intent = doc.dereference(&intents[0]).unwrap().1.as_dict().unwrap();
    assert_eq!(intent.get(b"S").unwrap().as_name().unwrap(), b"GTS_PDFX");
    assert_eq!(
        intent
            .get(b"OutputConditionIdentifier")
            .unwrap()
            .as_str()
            .unwrap(),
        b"FOGRA39"
    );
    assert_eq!(
        intent.get(b"RegistryName").unwrap().as_str().unwrap(),
        b"http://www.color.org"
    );
    assert!(intent.has(b"Info"));
    let stream = intent
        .get_deref(b"DestOutputProfile", doc)
        .unwrap()
        .as_stream()
        .unwrap();
    assert_eq!(stream.dict.get(b"N").unwrap().as_i64().unwrap(), 4);
    assert_eq!(
        stream.dict.get(b"Filter").unwrap().as_name().unwrap(),
        b"FlateDecode"
    );
    let icc = stream.decompressed_content().unwrap();
    assert_eq!(&icc[..], &profile().bytes[..]);
    assert_eq!((&icc[12..16], &icc[16..20]), (&b"prtr"[..], &b"CMYK"[..]));
}

#[test]
fn info_and_xmp_identify_pdfx4() {
    let (bytes, doc) = pdfx();
    assert!(bytes.starts_with(b"%PDF-1.6"));
    let info_id = doc.trailer.get(b"Info").unwrap().as_reference().unwrap();
    let info = doc.get_dictionary(info_id).unwrap();
    assert_eq!(
        info.get(b"GTS_PDFXVersion").unwrap().as_str().unwrap(),
        b"PDF/X-4"
    );
    assert_eq!(info.get(b"Trapped").unwrap().as_name().unwrap(), b"False");
    assert!(!info.get(b"Title").unwrap().as_str().unwrap().is_empty());
    let xmp = doc
        .catalog()
        .unwrap()
        .get_deref(b"Metadata", doc)
        .unwrap()
        .as_stream()
        .unwrap();
    assert!(!xmp.dict.has(b"Filter"), "XMP left uncompressed");
    let xmp = String::from_utf8(xmp.content.clone()).unwrap();
    for needle in [
        r#"xmlns:pdfxid="http://www.npes.org/pdfx/ns/id/""#,
        "<pdfxid:GTS_PDFXVersion>PDF/X-4</pdfxid:GTS_PDFXVersion>",
        "<pdf:Trapped>False</pdf:Trapped>",
        "<xmpMM:VersionID>1</xmpMM:VersionID>",
        "<xmpMM:RenditionClass>default</xmpMM:RenditionClass>",
        "<xmp:MetadataDate>2025-09-30T00:00:00Z</xmp:MetadataDate>",
        "<xmpMM:DocumentID>",
        "<dc:title>",
    ] {
        assert!(xmp.contains(needle), "{needle} missing in {xmp}");
    }
    // The document's identifier is the input's.
    let before = Document::load_mem(print_like_pdf()).unwrap();
    assert_eq!(
        doc.trailer.get(b"ID").unwrap(),
        before.trailer.get(b"ID").unwrap()
    );
}

#[test]
fn every_page_has_a_bleed_box_3mm_outside_its_trim_box() {
    let (_, doc) = pdfx();
    let bleed_pt = BLEED_MM * 72.0 / 25.4;
    let pages = doc.get_pages();
    assert_eq!(pages.len(), 26);
    for (number, page) in pages {
        let trim = rect(doc, page, b"TrimBox");
        let bleed = rect(doc, page, b"BleedBox");
        let media = rect(doc, page, b"MediaBox");
        for i in 0..4 {
            let outward = if i < 2 {
                trim[i] - bleed[i]
            } else {
                bleed[i] - trim[i]
            };
            assert!(
                (outward - bleed_pt).abs() < 0.01,
                "page {number}: {trim:?} {bleed:?}"
            );
        }
        assert!(media[0] <= bleed[0] && media[1] <= bleed[1]);
        assert!(media[2] >= bleed[2] && media[3] >= bleed[3]);
        assert!(!doc.get_dictionary(page).unwrap().has(b"ArtBox"));
    }
}

/// Whether an object mentions the name DeviceRGB anywhere (dictionaries, arrays, stream dicts).
fn mentions_device_rgb(object: &Object) -> bool {
    match object {
        Object::Name(n) => n == b"DeviceRGB",
        Object::Array(a) => a.iter().any(mentions_device_rgb),
        Object::Dictionary(d) => d.iter().any(|(_, v)| mentions_device_rgb(v)),
        Object::Stream(s) => s.dict.iter().any(|(_, v)| mentions_device_rgb(v)),
        _ => false,
    }
}

#[test]
fn no_device_rgb_anywhere() {
    let (_, doc) = pdfx();
    for (id, object) in &doc.objects {
        assert!(
            !mentions_device_rgb(object),
            "object {id:?} names DeviceRGB"
        );
    }
    let mut operators = 0;
    for page in doc.get_pages().into_values() {
        let content = Content::decode(&doc.get_page_content(page)).unwrap();
        for op in &content.operations {
            operators += 1;
            assert!(!matches!(op.operator.as_str(), "rg" | "RG"), "{op:?}");
            if matches!(op.operator.as_str(), "cs" | "CS") {
                assert!(!mentions_device_rgb(&op.operands[0]), "{op:?}");
            }
        }
    }
    assert!(operators > 1000);
    // The cover photograph is ICC-based RGB, with a 3-component profile.
    let images: Vec<_> = doc
        .objects
        .values()
        .filter_map(|o| o.as_stream().ok())
        .filter(|s| s.dict.get(b"Subtype").and_then(Object::as_name).ok() == Some(b"Image"))
        .collect();
    assert!(!images.is_empty());
    for image in images {
        let space = image
            .dict
            .get_deref(b"ColorSpace", doc)
            .unwrap()
            .as_array()
            .unwrap();
        assert_eq!(space[0].as_name().unwrap(), b"ICCBased");
    }
}

#[test]
fn links_do_not_print() {
    let (_, doc) = pdfx();
    let mut links = 0;
    for object in doc.objects.values() {
        let Ok(d) = object.as_dict() else { continue };
        if d.get(b"Subtype").and_then(Object::as_name).ok() == Some(b"Link") {
            links += 1;
            assert_eq!(d.get(b"F").unwrap().as_i64().unwrap() & 4, 0);
        }
    }
    assert!(links > 0);
}

#[test]
fn the_same_input_gives_the_same_bytes() {
    // The build's output is the PDF/X-4 step applied to Typst's export, and nothing else.
    let (first, _) = pdfx();
    let second = to_pdfx4(print_like_pdf(), profile(), BLEED_MM).unwrap();
    assert!(first == &second, "the build and the library differ");
    assert!(first == &built_print_edition(), "two builds differ");
    // A fresh profile (no cached compression) gives the same bytes too.
    let fresh = OutputProfile::default_profile(&root()).unwrap();
    assert!(first == &to_pdfx4(print_like_pdf(), &fresh, BLEED_MM).unwrap());
}

#[test]
fn pages_without_a_trim_box_are_refused() {
    // The screen edition has no bleed: Typst writes only a MediaBox.
    let pdf = build_en(&sample(), &["--pdf-standard", "1.6"], "valdoria.en.pdf");
    let err = to_pdfx4(&pdf, profile(), BLEED_MM).unwrap_err();
    assert!(err.starts_with("page 1 has no TrimBox"), "{err}");
    let err = to_pdfx4(print_like_pdf(), profile(), -1.0).unwrap_err();
    assert!(err.contains("0 mm or more"), "{err}");
}

#[test]
fn output_profiles_that_are_not_cmyk_output_profiles_are_refused() {
    // krilla's sRGB display profile, as shipped in color/.
    let rgb = std::fs::read(root().join("color/sRGB-v2-magic.icc")).unwrap();
    let err = OutputProfile::from_bytes(rgb, "profiles/x/printer.icc").unwrap_err();
    assert!(
        err.starts_with(
            "profiles/x/printer.icc is an RGB display profile (class mntr, colour space RGB)"
        ),
        "{err}"
    );
    let garbage = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(garbage.path(), b"%PDF-1.7 not a colour profile at all").unwrap();
    let d = OutputProfile::load(garbage.path()).unwrap_err();
    assert!(d.message.contains("is not an ICC profile"), "{}", d.message);
    assert_eq!(
        d.file.as_deref(),
        Some(garbage.path().display().to_string().as_str())
    );
}

/// Page 1's content as operations with their operands as numbers (others as NaN).
fn page_ops(doc: &Document, page: lopdf::ObjectId) -> Vec<(String, Vec<f64>)> {
    let bytes = doc.get_page_content(page);
    let content = Content::decode(&bytes).unwrap();
    content
        .operations
        .into_iter()
        .map(|op| {
            let nums = op
                .operands
                .iter()
                .map(|o| o.as_float().map(f64::from).unwrap_or(f64::NAN))
                .collect();
            (op.operator, nums)
        })
        .collect()
}

type Matrix = [f64; 6];

/// Equal within Typst's 8-bit quantisation of colour components (82 % is written 209/255).
fn close(a: &[f64], b: &[f64]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| (x - y).abs() < 0.6 / 255.0)
}

fn concat(m: &Matrix, n: &Matrix) -> Matrix {
    [
        m[0] * n[0] + m[1] * n[2],
        m[0] * n[1] + m[1] * n[3],
        m[2] * n[0] + m[3] * n[2],
        m[2] * n[1] + m[3] * n[3],
        m[4] * n[0] + m[5] * n[2] + n[4],
        m[4] * n[1] + m[5] * n[3] + n[5],
    ]
}

#[test]
fn crop_marks_lie_outside_the_trim_and_brand_colours_are_cmyk() {
    let (_, doc) = pdfx();
    let pages = doc.get_pages();
    let page = pages[&1];
    let trim = rect(doc, page, b"TrimBox");
    let (mut ctm, mut stack): (Matrix, Vec<Matrix>) = ([1.0, 0.0, 0.0, 1.0, 0.0, 0.0], vec![]);
    let mut registration = false;
    let (mut marks, mut inside) = (0, 0);
    let mut blue = false;
    for (op, n) in page_ops(doc, page) {
        match op.as_str() {
            "q" => stack.push(ctm),
            "Q" => ctm = stack.pop().unwrap_or(ctm),
            "cm" => ctm = concat(&[n[0], n[1], n[2], n[3], n[4], n[5]], &ctm),
            "K" => registration = close(&n, &[1.0, 1.0, 1.0, 1.0]),
            "k" if close(&n, &[1.0, 0.82, 0.0, 0.06]) => blue = true,
            "m" | "l" if registration => {
                let x = ctm[0] * n[0] + ctm[2] * n[1] + ctm[4];
                let y = ctm[1] * n[0] + ctm[3] * n[1] + ctm[5];
                let within = x > trim[0] + 0.01
                    && x < trim[2] - 0.01
                    && y > trim[1] + 0.01
                    && y < trim[3] - 0.01;
                if within {
                    inside += 1;
                }
                marks += 1;
            }
            _ => {}
        }
    }
    // Eight marks (two per corner), each a line of two points, in registration colour.
    assert!(marks >= 16, "{marks} crop-mark points");
    assert_eq!(inside, 0, "crop-mark points inside the trim box");
    assert!(
        blue,
        "IOM blue is not set as the CMYK operator 1 0.82 0 0.06 k on the cover"
    );
}
