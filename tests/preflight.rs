//! `mgi-press preflight` on PDFs built here with lopdf: a print file that passes, then the
//! same file with one thing wrong at a time (each must be reported under its rule and exit
//! 1), screen-edition files, usage errors, and the sample profile's current build.
//!
//! To add a case: start from `print_file()` (or `screen_file()`), change one thing with the
//! builder, and assert on `rules(...)`.

mod common;

use std::path::Path;
use std::process::Command;

use lopdf::{Dictionary, Document, Object, Stream, dictionary};
use serde_json::Value;

const BIN: &str = env!("CARGO_BIN_EXE_mgi-press");

/// 3 mm in points.
const BLEED: f32 = 8.503937;
/// A4 trim in points.
const A4: (f32, f32) = (595.2756, 841.8898);

/// One page of a test PDF.
struct Page {
    content: String,
    resources: Dictionary,
    media: [f32; 4],
    trim: Option<[f32; 4]>,
    bleed: Option<[f32; 4]>,
}

impl Page {
    /// An A4 page with 3 mm bleed: media = bleed box, trim inset by 3 mm.
    fn a4(content: &str) -> Page {
        let media = [0.0, 0.0, A4.0 + 2.0 * BLEED, A4.1 + 2.0 * BLEED];
        Page {
            content: content.to_string(),
            resources: Dictionary::new(),
            media,
            trim: Some([BLEED, BLEED, A4.0 + BLEED, A4.1 + BLEED]),
            bleed: Some(media),
        }
    }

    fn resource(mut self, category: &str, name: &str, value: Object) -> Page {
        if !self.resources.has(category.as_bytes()) {
            self.resources.set(category, Dictionary::new());
        }
        if let Ok(Object::Dictionary(d)) = self.resources.get_mut(category.as_bytes()) {
            d.set(name, value);
        }
        self
    }
}

/// A PDF under construction: pages plus what the catalog and the info say.
struct Pdf {
    doc: Document,
    pages: Vec<Page>,
    catalog: Dictionary,
    info: Dictionary,
    xmp: String,
}

const PDFX_XMP: &str = r#"<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about="" xmlns:pdfxid="http://www.npes.org/pdfx/ns/id/" xmlns:dc="http://purl.org/dc/elements/1.1/"><pdfxid:GTS_PDFXVersion>PDF/X-4</pdfxid:GTS_PDFXVersion><dc:title><rdf:Alt><rdf:li xml:lang="x-default">Test</rdf:li></rdf:Alt></dc:title></rdf:Description></rdf:RDF></x:xmpmeta>"#;

const UA_XMP: &str = r#"<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about="" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/" pdfuaid:part="1"/></rdf:RDF></x:xmpmeta>"#;

/// A print file that passes: CMYK fill inside the trim, 4-component output intent,
/// GTS_PDFXVersion in info and XMP, /Trapped, both boxes on every page.
fn print_file(pages: Vec<Page>) -> Pdf {
    let mut doc = Document::with_version("1.6");
    let profile = doc.add_object(Stream::new(
        dictionary! { "N" => 4 },
        b"not a real profile".to_vec(),
    ));
    let intent = dictionary! {
        "Type" => "OutputIntent",
        "S" => "GTS_PDFX",
        "OutputConditionIdentifier" => Object::string_literal("FOGRA39"),
        "DestOutputProfile" => profile,
    };
    let catalog = dictionary! { "OutputIntents" => vec![Object::Dictionary(intent)] };
    let info = dictionary! {
        "Title" => Object::string_literal("Test"),
        "GTS_PDFXVersion" => Object::string_literal("PDF/X-4"),
        "Trapped" => "False",
    };
    Pdf {
        doc,
        pages,
        catalog,
        info,
        xmp: PDFX_XMP.into(),
    }
}

/// A screen file that passes: /Lang, title, DisplayDocTitle, a structure tree, RGB colour.
fn screen_file(pages: Vec<Page>) -> Pdf {
    let mut doc = Document::with_version("1.7");
    let tree = doc.add_object(dictionary! { "Type" => "StructTreeRoot" });
    let catalog = dictionary! {
        "Lang" => Object::string_literal("en"),
        "ViewerPreferences" => dictionary! { "DisplayDocTitle" => true },
        "MarkInfo" => dictionary! { "Marked" => true },
        "StructTreeRoot" => tree,
    };
    let info = dictionary! { "Title" => Object::string_literal("Test") };
    Pdf {
        doc,
        pages,
        catalog,
        info,
        xmp: UA_XMP.into(),
    }
}

fn ints(values: &[i64]) -> Object {
    Object::Array(values.iter().map(|v| Object::Integer(*v)).collect())
}

fn rect(r: [f32; 4]) -> Object {
    Object::Array(r.iter().map(|v| Object::Real(*v)).collect())
}

impl Pdf {
    fn bytes(mut self) -> Vec<u8> {
        let doc = &mut self.doc;
        let pages_id = doc.new_object_id();
        let mut kids = Vec::new();
        for page in self.pages {
            let content = doc.add_object(Stream::new(Dictionary::new(), page.content.into_bytes()));
            let mut d = dictionary! {
                "Type" => "Page",
                "Parent" => pages_id,
                "MediaBox" => rect(page.media),
                "Contents" => content,
                "Resources" => page.resources,
            };
            if let Some(t) = page.trim {
                d.set("TrimBox", rect(t));
            }
            if let Some(b) = page.bleed {
                d.set("BleedBox", rect(b));
            }
            kids.push(Object::Reference(doc.add_object(d)));
        }
        let count = kids.len() as i64;
        doc.objects.insert(
            pages_id,
            Object::Dictionary(dictionary! { "Type" => "Pages", "Kids" => kids, "Count" => count }),
        );
        let metadata = doc.add_object(Stream::new(
            dictionary! { "Type" => "Metadata", "Subtype" => "XML" },
            self.xmp.into_bytes(),
        ));
        let mut catalog = self.catalog;
        catalog.set("Type", "Catalog");
        catalog.set("Pages", pages_id);
        catalog.set("Metadata", metadata);
        let catalog = doc.add_object(catalog);
        let info = doc.add_object(self.info);
        doc.trailer.set("Root", catalog);
        doc.trailer.set("Info", info);
        let mut out = Vec::new();
        doc.save_to(&mut out).unwrap();
        out
    }
}

/// An image XObject of `w` × `h` pixels in a colour space (pixels all zero).
fn image(doc: &mut Document, w: i64, h: i64, space: &str) -> Object {
    let n = if space == "DeviceCMYK" { 4 } else { 3 };
    let data = vec![0u8; (w * h * n) as usize];
    let d = dictionary! {
        "Type" => "XObject", "Subtype" => "Image", "Width" => w, "Height" => h,
        "ColorSpace" => space, "BitsPerComponent" => 8,
    };
    let mut s = Stream::new(d, data);
    s.compress().unwrap();
    Object::Reference(doc.add_object(s))
}

/// Runs `mgi-press preflight` on the bytes: exit code and the JSON report of the file.
fn preflight(bytes: &[u8], edition: &str) -> (i32, Value) {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("test.pdf");
    std::fs::write(&path, bytes).unwrap();
    run(&path, edition)
}

fn run(path: &Path, edition: &str) -> (i32, Value) {
    let out = Command::new(BIN)
        .args(["preflight", "--edition", edition, "--format", "json"])
        .arg(path)
        .output()
        .unwrap();
    let json: Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stderr)));
    (out.status.code().unwrap(), json["files"][0].clone())
}

/// The rule ids of the findings of a given severity.
fn rules(report: &Value, severity: &str) -> Vec<String> {
    report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["severity"] == severity)
        .map(|f| f["rule"].as_str().unwrap().to_string())
        .collect()
}

fn finding<'a>(report: &'a Value, rule: &str) -> &'a Value {
    report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == rule)
        .unwrap_or_else(|| panic!("no {rule} finding in {report:#}"))
}

const CMYK_FILL: &str = "0 0.8 0.1 0.2 k 100 100 200 200 re f";

#[test]
fn a_clean_print_file_passes() {
    let (code, report) = preflight(&print_file(vec![Page::a4(CMYK_FILL)]).bytes(), "print");
    assert_eq!(rules(&report, "error"), Vec::<String>::new(), "{report:#}");
    assert_eq!(code, 0);
    assert_eq!(report["facts"]["standards"][0], "PDF/X-4");
    assert_eq!(
        report["facts"]["output_intent"],
        "FOGRA39 (4-component profile)"
    );
    assert_eq!(report["facts"]["bleed_mm"], 3.0);
}

#[test]
fn a_150_ppi_image_is_named_with_its_page() {
    let mut pdf = print_file(vec![]);
    // 900 × 600 px drawn at 6 × 4 in (432 × 288 pt): 150 ppi.
    let low = image(&mut pdf.doc, 900, 600, "DeviceCMYK");
    // 1800 × 1200 px at the same size: 300 ppi, fine.
    let good = image(&mut pdf.doc, 1800, 1200, "DeviceCMYK");
    let content = "q 432 0 0 288 100 100 cm /Im1 Do Q q 432 0 0 288 100 400 cm /Im2 Do Q";
    let page = Page::a4(content)
        .resource("XObject", "Im1", low.clone())
        .resource("XObject", "Im2", good);
    pdf.pages = vec![Page::a4(CMYK_FILL), page];
    let (code, report) = preflight(&pdf.bytes(), "print");
    assert_eq!(code, 1);
    assert_eq!(rules(&report, "error"), ["image-resolution"], "{report:#}");
    let f = finding(&report, "image-resolution");
    assert_eq!(f["page"], 2);
    assert_eq!(f["object"]["name"], "Im1");
    assert_eq!(f["object"]["number"], low.as_reference().unwrap().0);
    let message = f["message"].as_str().unwrap();
    assert!(
        message.contains("/Im1") && message.contains("150 ppi"),
        "{message}"
    );
    assert!(message.contains("152 × 102 mm"), "{message}");
    // Both placements are in the facts, the good one at 300 ppi.
    let images = report["facts"]["images"].as_array().unwrap();
    assert_eq!(images.len(), 2);
    assert_eq!(images[1]["x_ppi"], 300.0);
    // On screen, 150 ppi is enough.
    let (code, report) = preflight(
        &{
            let mut pdf = screen_file(vec![]);
            let low = image(&mut pdf.doc, 900, 600, "DeviceRGB");
            pdf.pages = vec![
                Page::a4("q 432 0 0 288 100 100 cm /Im1 Do Q").resource("XObject", "Im1", low),
            ];
            pdf.bytes()
        },
        "screen",
    );
    assert_eq!((code, rules(&report, "warning")), (0, vec![]), "{report:#}");
}

#[test]
fn an_image_inside_a_scaled_form_counts_at_its_placed_size() {
    let mut pdf = print_file(vec![]);
    // 1800 × 800 px drawn at 216 × 144 pt inside a form whose /Matrix scales by 2.
    let img = image(&mut pdf.doc, 1800, 800, "DeviceCMYK");
    let mut form = Stream::new(
        dictionary! { "Type" => "XObject", "Subtype" => "Form", "BBox" => rect([0.0, 0.0, 300.0, 300.0]) },
        b"q 216 0 0 144 0 0 cm /Im1 Do Q".to_vec(),
    );
    let matrix = [2.0, 0.0, 0.0, 2.0, 10.0, 10.0];
    form.dict.set(
        "Matrix",
        Object::Array(matrix.iter().map(|v| Object::Real(*v)).collect()),
    );
    form.dict.set(
        "Resources",
        dictionary! { "XObject" => dictionary! { "Im1" => img } },
    );
    let form = doc_add(&mut pdf.doc, form);
    pdf.pages = vec![Page::a4("q 1 0 0 1 50 50 cm /Fm1 Do Q").resource("XObject", "Fm1", form)];
    let (code, report) = preflight(&pdf.bytes(), "print");
    assert_eq!(code, 1, "{report:#}");
    let image = &report["facts"]["images"][0];
    // 1800 px over 432 pt = 6 in → 300 ppi; 800 px over 288 pt = 4 in → 200 ppi.
    assert_eq!(
        (image["x_ppi"].as_f64(), image["y_ppi"].as_f64()),
        (Some(300.0), Some(200.0))
    );
    let message = finding(&report, "image-resolution")["message"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(
        message.contains("in form /Fm1") && message.contains("200 ppi"),
        "{message}"
    );
}

fn doc_add(doc: &mut Document, s: Stream) -> Object {
    Object::Reference(doc.add_object(s))
}

#[test]
fn a_full_bleed_image_counts_at_its_full_size() {
    // The issue's cover: 2480 px across 216 mm (page plus 2 × 3 mm bleed) is 292 ppi; the
    // part cut off at the trim does not make it sharper. 2552 px pass.
    for (px, ppi) in [(2480, "292 ppi"), (2552, "")] {
        let mut pdf = print_file(vec![]);
        let img = image(&mut pdf.doc, px, 100, "DeviceCMYK");
        // 100 px high at 24 pt: 300 ppi vertically.
        let (w, h) = (A4.0 + 2.0 * BLEED, 24.0);
        let content = format!("q 0 0 {w} {h} re W n q {w} 0 0 {h} 0 0 cm /Im1 Do Q Q");
        pdf.pages = vec![Page::a4(&content).resource("XObject", "Im1", img)];
        let (code, report) = preflight(&pdf.bytes(), "print");
        if ppi.is_empty() {
            assert_eq!((code, rules(&report, "error")), (0, vec![]), "{report:#}");
        } else {
            assert_eq!(code, 1);
            let message = finding(&report, "image-resolution")["message"]
                .as_str()
                .unwrap();
            assert!(
                message.contains(ppi) && message.contains("216 × "),
                "{message}"
            );
        }
    }
}

#[test]
fn rgb_in_a_print_file_is_an_error_and_fine_on_screen() {
    let build = |pdf: &mut Pdf| {
        let photo = image(&mut pdf.doc, 3000, 3000, "DeviceRGB");
        let content =
            format!("{CMYK_FILL} 1 0 0 rg 300 300 50 50 re f q 200 0 0 200 300 400 cm /Im7 Do Q");
        vec![Page::a4(&content).resource("XObject", "Im7", photo)]
    };
    let mut pdf = print_file(vec![]);
    pdf.pages = build(&mut pdf);
    let (code, report) = preflight(&pdf.bytes(), "print");
    assert_eq!(code, 1);
    assert_eq!(
        rules(&report, "error"),
        ["device-rgb", "device-rgb"],
        "{report:#}"
    );
    let messages: Vec<&str> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["message"].as_str().unwrap())
        .collect();
    assert!(messages[0].contains("`rg`"), "{messages:?}");
    assert!(messages[1].contains("image /Im7"), "{messages:?}");
    assert_eq!(report["findings"][1]["object"]["name"], "Im7");
    // Screen: RGB is the point; the CMYK fill is a warning.
    let mut pdf = screen_file(vec![]);
    pdf.pages = build(&mut pdf);
    let (code, report) = preflight(&pdf.bytes(), "screen");
    assert_eq!(code, 0, "{report:#}");
    assert_eq!(rules(&report, "warning"), ["device-cmyk"]);
}

#[test]
fn rgb_in_a_separation_alternate_and_a_group_is_found() {
    let mut pdf = print_file(vec![]);
    let tint = pdf.doc.add_object(dictionary! {
        "FunctionType" => 2, "Domain" => ints(&[0, 1]), "N" => 1,
        "C0" => ints(&[1, 1, 1]), "C1" => ints(&[0, 0, 0]),
    });
    let sep = Object::Array(vec![
        "Separation".into(),
        "All".into(),
        "DeviceRGB".into(),
        tint.into(),
    ]);
    let group = dictionary! { "S" => "Transparency", "CS" => "DeviceRGB" };
    let form = pdf.doc.add_object(Stream::new(
        dictionary! {
            "Type" => "XObject", "Subtype" => "Form", "BBox" => rect([0.0, 0.0, 10.0, 10.0]), "Group" => group,
        },
        CMYK_FILL.as_bytes().to_vec(),
    ));
    let content = format!("/CS0 CS 1 SCN 0 10 m 5 10 l S {CMYK_FILL} /Fx Do");
    let page = Page::a4(&content)
        .resource("ColorSpace", "CS0", sep)
        .resource("XObject", "Fx", form.into());
    pdf.pages = vec![page];
    let (code, report) = preflight(&pdf.bytes(), "print");
    assert_eq!(code, 1);
    assert_eq!(
        rules(&report, "error"),
        ["device-rgb", "device-rgb"],
        "{report:#}"
    );
    let message = report["findings"][0]["message"].as_str().unwrap();
    assert!(
        message.contains("Separation `All` (alternate DeviceRGB)") && message.contains("/CS0"),
        "{message}"
    );
    let message = report["findings"][1]["message"].as_str().unwrap();
    assert!(
        message.contains("transparency group of form /Fx"),
        "{message}"
    );
}

#[test]
fn missing_or_wrong_boxes_are_errors() {
    let mut no_boxes = Page::a4(CMYK_FILL);
    (no_boxes.trim, no_boxes.bleed) = (None, None);
    let (code, report) = preflight(
        &print_file(vec![Page::a4(CMYK_FILL), no_boxes]).bytes(),
        "print",
    );
    assert_eq!(code, 1);
    assert_eq!(
        rules(&report, "error"),
        ["missing-trimbox", "missing-bleedbox"],
        "{report:#}"
    );
    assert_eq!(finding(&report, "missing-trimbox")["page"], 2);

    let mut inside_out = Page::a4(CMYK_FILL);
    inside_out.bleed = Some([20.0, 20.0, 500.0, 700.0]);
    let (code, report) = preflight(&print_file(vec![inside_out]).bytes(), "print");
    assert_eq!(code, 1);
    assert_eq!(rules(&report, "error"), ["box-nesting"], "{report:#}");
}

#[test]
fn colour_at_the_trim_edge_needs_3_mm_of_bleed() {
    // A band from the left trim edge only: no bleed on that side.
    let short = format!("0 0.8 0.1 0.2 k {BLEED} 100 200 50 re f");
    let (code, report) = preflight(&print_file(vec![Page::a4(&short)]).bytes(), "print");
    assert_eq!(code, 1);
    let message = finding(&report, "bleed")["message"].as_str().unwrap();
    assert!(message.contains("left 0.0 mm"), "{message}");
    // The same band from the bleed edge passes.
    let full = "0 0.8 0.1 0.2 k 0 100 200 50 re f";
    let (code, report) = preflight(&print_file(vec![Page::a4(full)]).bytes(), "print");
    assert_eq!(code, 0, "{report:#}");
}

#[test]
fn fonts_without_their_program_are_named() {
    let mut pdf = print_file(vec![]);
    let doc = &mut pdf.doc;
    let helvetica = doc.add_object(
        dictionary! { "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica" },
    );
    let descriptor =
        doc.add_object(dictionary! { "Type" => "FontDescriptor", "FontName" => "NotoSans" });
    let cid = doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "CIDFontType2", "BaseFont" => "NotoSans", "FontDescriptor" => descriptor,
    });
    let type0 = doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "Type0", "BaseFont" => "NotoSans", "DescendantFonts" => vec![cid.into()],
    });
    let program = doc.add_object(Stream::new(Dictionary::new(), b"font program".to_vec()));
    let embedded_descriptor =
        doc.add_object(dictionary! { "Type" => "FontDescriptor", "FontFile2" => program });
    let embedded = doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "TrueType", "BaseFont" => "Embedded", "FontDescriptor" => embedded_descriptor,
    });
    // The Type0 font is used only inside a form XObject.
    let form = doc.add_object(Stream::new(
        dictionary! {
            "Type" => "XObject", "Subtype" => "Form", "BBox" => rect([0.0, 0.0, 100.0, 100.0]),
            "Resources" => dictionary! { "Font" => dictionary! { "F2" => type0 } },
        },
        b"BT /F2 10 Tf 20 20 Td <0001> Tj ET".to_vec(),
    ));
    let content =
        format!("{CMYK_FILL} BT /F1 10 Tf 100 700 Td (Hi) Tj /F3 10 Tf (Ok) Tj ET /Fm1 Do");
    let page = Page::a4(&content)
        .resource("Font", "F1", helvetica.into())
        .resource("Font", "F3", embedded.into())
        .resource("XObject", "Fm1", form.into());
    pdf.pages = vec![page];
    let (code, report) = preflight(&pdf.bytes(), "print");
    assert_eq!(code, 1);
    assert_eq!(
        rules(&report, "error"),
        ["font-not-embedded", "font-not-embedded"],
        "{report:#}"
    );
    let names: Vec<&str> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["object"]["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["F1", "F2"]);
    assert!(
        report["findings"][0]["message"]
            .as_str()
            .unwrap()
            .contains("Helvetica")
    );
    assert_eq!(report["findings"][1]["object"]["number"], type0.0);
}

#[test]
fn ink_above_300_inside_the_trim_fails_registration_marks_outside_do_not() {
    // Crop marks in registration colour (100/100/100/100 = 400 %) outside the trim, as
    // DeviceCMYK strokes and as Separation All, stopping 3 mm from the trim corner.
    let mut pdf = print_file(vec![]);
    let tint = pdf.doc.add_object(dictionary! {
        "FunctionType" => 2, "Domain" => ints(&[0, 1]), "N" => 1,
        "C0" => ints(&[0, 0, 0, 0]), "C1" => ints(&[1, 1, 1, 1]),
    });
    let all = Object::Array(vec![
        "Separation".into(),
        "All".into(),
        "DeviceCMYK".into(),
        tint.into(),
    ]);
    let marks = format!(
        "q 0.25 w 1 1 1 1 K 0 {BLEED} m 5 {BLEED} l S /All CS 1 SCN {BLEED} 0 m {BLEED} 5 l S Q"
    );
    let marks_only =
        Page::a4(&format!("{CMYK_FILL} {marks}")).resource("ColorSpace", "All", all.clone());
    pdf.pages = vec![marks_only];
    let (code, report) = preflight(&pdf.bytes(), "print");
    assert_eq!((code, rules(&report, "error")), (0, vec![]), "{report:#}");

    let mut pdf = print_file(vec![]);
    let heavy =
        format!("{marks} 1 1 1 1 k 200 200 100 100 re f 0.9 0.9 0.9 0.9 k 200 400 10 10 re f");
    pdf.pages = vec![
        Page::a4(CMYK_FILL),
        Page::a4(&heavy).resource("ColorSpace", "All", all),
    ];
    let (code, report) = preflight(&pdf.bytes(), "print");
    assert_eq!(code, 1);
    assert_eq!(rules(&report, "error"), ["ink-coverage"], "{report:#}");
    let f = finding(&report, "ink-coverage");
    assert_eq!(f["page"], 2);
    let message = f["message"].as_str().unwrap();
    assert!(
        message.starts_with("2 marks") && message.contains("400 %"),
        "{message}"
    );
    assert!(message.contains("100/100/100/100"), "{message}");
}

#[test]
fn a_screen_file_needs_lang_title_and_structure_when_ua_is_claimed() {
    let (code, report) = preflight(
        &screen_file(vec![Page::a4("0 0 1 rg 0 0 10 10 re f")]).bytes(),
        "screen",
    );
    assert_eq!((code, rules(&report, "error")), (0, vec![]), "{report:#}");
    assert_eq!(report["facts"]["standards"][0], "PDF/UA-1");

    let mut bare = screen_file(vec![Page::a4("0 0 1 rg 0 0 10 10 re f")]);
    bare.catalog = Dictionary::new();
    bare.info = Dictionary::new();
    let (code, report) = preflight(&bare.bytes(), "screen");
    assert_eq!(code, 1);
    assert_eq!(
        rules(&report, "error"),
        ["lang", "title", "display-doc-title", "structure"],
        "{report:#}"
    );
}

#[test]
fn not_a_pdf_and_a_missing_file_are_usage_errors() {
    let tmp = tempfile::tempdir().unwrap();
    let text = tmp.path().join("notes.pdf");
    std::fs::write(&text, "just text").unwrap();
    let out = Command::new(BIN)
        .arg("preflight")
        .arg(&text)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("is not a PDF"), "{stderr}");
    let out = Command::new(BIN)
        .arg("preflight")
        .arg(tmp.path().join("absent.pdf"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot read"));
    // A damaged PDF is the file's fault: a finding, exit 1.
    let broken = tmp.path().join("broken.pdf");
    std::fs::write(&broken, "%PDF-1.7\nthis is not a PDF body").unwrap();
    let (code, report) = run(&broken, "print");
    assert_eq!(code, 1);
    assert_eq!(rules(&report, "error"), ["pdf-syntax"]);
}

/// The sample as `build` writes it today (neither edition yet): what each preflight says.
/// When the lead wires `--edition`, build each edition here and expect both to pass.
#[test]
fn the_samples_editions_pass_their_preflight() {
    let tmp = tempfile::tempdir().unwrap();
    let out = Command::new(BIN)
        .args([
            "build",
            "profiles/valdoria",
            "--lang",
            "en",
            "--edition",
            "both",
            "-q",
            "-o",
        ])
        .arg(tmp.path())
        .current_dir(common::root())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    // The print edition: PDF/X-4, boxes, fonts embedded, CMYK only, the cover photograph at
    // 300 ppi or more at its size with the bleed.
    let print_pdf = tmp.path().join("valdoria.en.print.pdf");
    let (code, print) = run(&print_pdf, "print");
    assert_eq!(code, 0, "{print:#}");
    assert!(rules(&print, "error").is_empty(), "{print:#}");
    let cover = &print["facts"]["images"][0];
    assert_eq!(cover["page"].as_u64(), Some(1));
    assert!(cover["x_ppi"].as_f64().unwrap() >= 300.0, "{cover}");
    cross_check_with_pdfimages(&print_pdf, &print);

    // The screen edition: language, title, tags; no CMYK.
    let screen_pdf = tmp.path().join("valdoria.en.pdf");
    let (code, screen) = run(&screen_pdf, "screen");
    assert_eq!(code, 0, "{screen:#}");
    assert_eq!(screen["facts"]["lang"], "en");
    assert!(
        screen["facts"]["title"]
            .as_str()
            .unwrap()
            .contains("Valdoria")
    );
    let warnings = rules(&screen, "warning");
    assert!(!warnings.iter().any(|r| r == "device-cmyk"), "{warnings:?}");

    // The screen edition is not a print file: the print preflight names what it lacks.
    let (code, as_print) = run(&screen_pdf, "print");
    assert_eq!(code, 1);
    let errors = rules(&as_print, "error");
    for expected in [
        "output-intent",
        "pdfx-version",
        "missing-trimbox",
        "missing-bleedbox",
    ] {
        assert!(
            errors.iter().any(|r| r == expected),
            "{expected} missing: {errors:?}"
        );
    }
}

#[test]
fn a_low_resolution_cover_fails_the_print_build_but_not_the_screen_build_or_check() {
    let (_tmp, dir) = common::sample_copy();
    // The photograph at 1200 px: about 136 ppi across the cover with its bleed.
    let img = image::open(dir.join("cover.jpg")).unwrap();
    img.resize(1200, 800, image::imageops::FilterType::Triangle)
        .save(dir.join("cover.jpg"))
        .unwrap();
    let out = tempfile::tempdir().unwrap();
    let build = |edition: &str| {
        Command::new(BIN)
            .args(["build", "--lang", "en", "-q", "--edition", edition, "-o"])
            .arg(out.path())
            .arg(&dir)
            .current_dir(common::root())
            .output()
            .unwrap()
    };
    let print = build("print");
    let stderr = String::from_utf8_lossy(&print.stderr);
    assert_eq!(print.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("image-resolution") && stderr.contains("page 1"),
        "{stderr}"
    );
    assert!(
        !out.path().join("valdoria.en.print.pdf").exists(),
        "a rejected PDF was written"
    );
    assert_eq!(build("screen").status.code(), Some(0));
    let check = Command::new(BIN)
        .arg("check")
        .arg(&dir)
        .current_dir(common::root())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&check.stderr);
    assert_eq!(check.status.code(), Some(0), "{stderr}");
    assert!(stderr.contains("warning"), "{stderr}");
}

/// Our placements against poppler's `pdfimages -list` (skipped when poppler is absent).
fn cross_check_with_pdfimages(pdf: &Path, report: &Value) {
    let Ok(out) = Command::new("pdfimages").arg("-list").arg(pdf).output() else {
        eprintln!("pdfimages not installed: cross-check skipped");
        return;
    };
    let text = String::from_utf8_lossy(&out.stdout);
    let rows: Vec<Vec<&str>> = text
        .lines()
        .skip(2)
        .map(|l| l.split_whitespace().collect())
        .filter(|c: &Vec<&str>| c.len() > 13 && c[2] == "image")
        .collect();
    let ours = report["facts"]["images"].as_array().unwrap();
    assert_eq!(rows.len(), ours.len(), "{text}");
    for (row, image) in rows.iter().zip(ours) {
        assert_eq!(row[0], image["page"].to_string());
        assert_eq!(row[3], image["width_px"].to_string());
        assert_eq!(row[10], image["object"].to_string());
        let (x, y): (f64, f64) = (row[12].parse().unwrap(), row[13].parse().unwrap());
        assert!(
            (x - image["x_ppi"].as_f64().unwrap()).abs() <= 1.0,
            "{row:?} vs {image}"
        );
        assert!(
            (y - image["y_ppi"].as_f64().unwrap()).abs() <= 1.0,
            "{row:?} vs {image}"
        );
    }
}
