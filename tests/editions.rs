//! The editions, read back from the PDFs with a PDF library: the screen edition is PDF/A-2b
//! with PDF/UA-1, tagged, titled, in the document's language, with clickable source links and
//! only RGB or ICC-based colour; `--png` previews and the JSON report of each output.

mod common;

use std::path::Path;
use std::process::Command;

use common::*;
use lopdf::content::Content;
use lopdf::{Document, Object};

fn mgi_press(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_mgi-press"))
        .args(args)
        .current_dir(root())
        .output()
        .unwrap()
}

/// Builds the sample in `lang` with extra arguments; returns the JSON report.
fn build_sample(out: &Path, lang: &str, extra: &[&str]) -> serde_json::Value {
    let sample = sample();
    let mut args = vec![
        "build",
        sample.to_str().unwrap(),
        "--lang",
        lang,
        "--out",
        out.to_str().unwrap(),
        "--format",
        "json",
        "-q",
    ];
    args.extend_from_slice(extra);
    let run = mgi_press(&args);
    assert_eq!(
        run.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    serde_json::from_slice(&run.stdout).unwrap()
}

fn metadata_xml(doc: &Document) -> String {
    let id = doc
        .catalog()
        .unwrap()
        .get(b"Metadata")
        .unwrap()
        .as_reference()
        .unwrap();
    let stream = doc.get_object(id).unwrap().as_stream().unwrap();
    let bytes = stream
        .decompressed_content()
        .unwrap_or_else(|_| stream.content.clone());
    String::from_utf8(bytes).unwrap()
}

/// Every colour operator of every page's content stream and of the form XObjects.
fn colour_operators(doc: &Document) -> Vec<String> {
    let mut ops = Vec::new();
    for (_, object) in doc.objects.iter() {
        let Ok(stream) = object.as_stream() else {
            continue;
        };
        let is_form = stream
            .dict
            .get(b"Subtype")
            .and_then(Object::as_name)
            .is_ok_and(|n| n == b"Form");
        let is_page_content = !stream.dict.has(b"Subtype") && !stream.dict.has(b"Type");
        if !(is_form || is_page_content) {
            continue;
        }
        let Ok(bytes) = stream
            .decompressed_content()
            .or_else(|_| Ok::<_, ()>(stream.content.clone()))
        else {
            continue;
        };
        if let Ok(content) = Content::decode(&bytes) {
            for op in content.operations {
                if [
                    "k", "K", "rg", "RG", "g", "G", "cs", "CS", "sc", "scn", "SC", "SCN",
                ]
                .contains(&op.operator.as_str())
                {
                    ops.push(op.operator);
                }
            }
        }
    }
    ops
}

fn all_names(doc: &Document) -> Vec<Vec<u8>> {
    let mut names = Vec::new();
    fn walk(o: &Object, names: &mut Vec<Vec<u8>>) {
        match o {
            Object::Name(n) => names.push(n.clone()),
            Object::Array(a) => a.iter().for_each(|o| walk(o, names)),
            Object::Dictionary(d) => d.iter().for_each(|(_, o)| walk(o, names)),
            Object::Stream(s) => s.dict.iter().for_each(|(_, o)| walk(o, names)),
            _ => {}
        }
    }
    for (_, o) in doc.objects.iter() {
        walk(o, &mut names);
    }
    names
}

#[test]
fn screen_edition_is_pdf_a_and_ua_tagged_titled_linked_and_rgb() {
    let out = tempfile::tempdir().unwrap();
    let report = build_sample(out.path(), "en", &[]);
    assert_eq!(report[0]["edition"], "screen");
    let pdf_path = out.path().join("valdoria.en.pdf");
    let bytes = std::fs::read(&pdf_path).unwrap();
    let doc = Document::load_mem(&bytes).unwrap();

    let xmp = metadata_xml(&doc);
    assert!(
        xmp.contains("pdfaid:part") && xmp.contains(">2<") || xmp.contains("pdfaid:part=\"2\""),
        "{xmp}"
    );
    assert!(
        xmp.contains("pdfuaid:part"),
        "no PDF/UA identification: {xmp}"
    );
    assert!(xmp.contains("dc:title"), "no title in the XMP");

    let catalog = doc.catalog().unwrap();
    assert!(catalog.has(b"StructTreeRoot"), "not tagged");
    let lang = catalog.get(b"Lang").unwrap().as_str().unwrap();
    assert_eq!(lang, b"en");
    let info_id = doc.trailer.get(b"Info").unwrap().as_reference().unwrap();
    let title = doc.get_dictionary(info_id).unwrap().get(b"Title").unwrap();
    assert!(!title.as_str().unwrap().is_empty());
    assert!(catalog.has(b"Outlines"), "no bookmarks");

    // Clickable links to the key sources' addresses.
    let mut uris = Vec::new();
    for (_, page) in doc.get_pages() {
        for annot in doc.get_page_annotations(page).unwrap_or_default() {
            if let Ok(action) = annot
                .get(b"A")
                .and_then(|a| doc.dereference(a))
                .map(|(_, a)| a)
                && let Ok(dict) = action.as_dict()
                && let Ok(uri) = dict.get(b"URI").and_then(Object::as_str)
            {
                uris.push(String::from_utf8_lossy(uri).into_owned());
            }
        }
    }
    assert!(
        uris.iter()
            .any(|u| u == "https://www.parliament.vd/en/legislation/constitution-1996"),
        "{uris:?}"
    );

    // Only RGB or ICC-based colour: no CMYK operators or colour spaces; the ICC profiles are
    // RGB (3 components) or grey.
    let ops = colour_operators(&doc);
    assert!(ops.iter().any(|o| o == "scn"), "no colour set at all");
    assert!(
        !ops.iter().any(|o| o == "k" || o == "K"),
        "CMYK colour in the screen edition"
    );
    assert!(
        !all_names(&doc).iter().any(|n| n == b"DeviceCMYK"),
        "DeviceCMYK in the screen edition"
    );
    let mut icc_components = Vec::new();
    for (_, o) in doc.objects.iter() {
        if let Ok(s) = o.as_stream()
            && let Ok(n) = s.dict.get(b"N").and_then(Object::as_i64)
            && !s.dict.has(b"Subtype")
        {
            icc_components.push(n);
        }
    }
    assert!(
        icc_components.contains(&3),
        "no sRGB profile: {icc_components:?}"
    );
    assert!(
        !icc_components.contains(&4),
        "a CMYK profile: {icc_components:?}"
    );

    // The cover photograph is downsampled for the screen (the source is 2560 px wide).
    let mut widths = Vec::new();
    for (_, o) in doc.objects.iter() {
        if let Ok(s) = o.as_stream()
            && s.dict
                .get(b"Subtype")
                .and_then(Object::as_name)
                .is_ok_and(|n| n == b"Image")
            && let Ok(w) = s.dict.get(b"Width").and_then(Object::as_i64)
        {
            widths.push(w);
        }
    }
    assert!(widths.iter().any(|&w| w > 1200 && w < 2000), "{widths:?}");
    assert!(!widths.contains(&2560), "{widths:?}");

    // The JSON report lists what an upload step needs.
    let r = &report[0];
    assert_eq!(r["bytes"].as_u64().unwrap(), bytes.len() as u64);
    assert_eq!(r["pages"].as_u64().unwrap(), doc.get_pages().len() as u64);
    assert_eq!(
        r["sha256"].as_str().unwrap(),
        mgi_press::hash::sha256_hex(&bytes)
    );
}

#[test]
fn previews_are_written_recorded_and_rebuilt_when_missing() {
    let out = tempfile::tempdir().unwrap();
    let report = build_sample(out.path(), "ru", &["--png", "--dpi", "30"]);
    assert_eq!(report[0]["status"], "built");
    let dir = out.path().join("previews").join("valdoria.ru");
    let pages = report[0]["pages"].as_u64().unwrap();
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names.len() as u64, pages + 1, "{names:?}");
    assert_eq!(names[0], "cover-thumbnail.png");
    let thumb = image::open(dir.join("cover-thumbnail.png")).unwrap();
    assert_eq!(thumb.width(), 400);
    let page = image::open(dir.join("page-002.png")).unwrap();
    assert_eq!(page.width(), (595.28f64 * 30.0 / 72.0).round() as u32);
    let first = std::fs::read(dir.join("page-002.png")).unwrap();

    // Up to date with the previews; a missing preview makes the output stale.
    let again = build_sample(out.path(), "ru", &["--png", "--dpi", "30"]);
    assert_eq!(again[0]["status"], "unchanged");
    std::fs::remove_file(dir.join("page-002.png")).unwrap();
    let again = build_sample(out.path(), "ru", &["--png", "--dpi", "30"]);
    assert_eq!(again[0]["status"], "built");
    assert_eq!(
        std::fs::read(dir.join("page-002.png")).unwrap(),
        first,
        "deterministic"
    );
}

#[test]
fn both_editions_go_to_their_own_files_and_flags_are_checked_first() {
    let out = tempfile::tempdir().unwrap();
    let report = build_sample(out.path(), "en", &["--edition", "both"]);
    let editions: Vec<&str> = report
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["edition"].as_str().unwrap())
        .collect();
    assert_eq!(editions, ["screen", "print"]);
    assert!(out.path().join("valdoria.en.pdf").is_file());
    assert!(out.path().join("valdoria.en.print.pdf").is_file());

    let bad = mgi_press(&["build", "--edition", "web"]);
    assert_eq!(bad.status.code(), Some(2));
    let bad = mgi_press(&["build", "--edition", "print", "--pdf-standard", "a-2b"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("screen edition"));
}

#[test]
fn the_print_edition_takes_the_printers_output_profile_and_refuses_one_that_is_not_cmyk() {
    let (_tmp, dir) = sample_copy();
    let out = tempfile::tempdir().unwrap();
    let build_print = |extra: &str| {
        mgi_press(&[
            "build",
            dir.to_str().unwrap(),
            "--lang",
            "en",
            "--edition",
            "print",
            extra,
            "--out",
            out.path().to_str().unwrap(),
        ])
    };
    let build = || build_print("-q");
    // An RGB display profile given as the printer's profile: the document fails, saying why.
    std::fs::copy(
        root().join("color/sRGB-v2-magic.icc"),
        dir.join("printer.icc"),
    )
    .unwrap();
    edit_json(&dir.join("profile.json"), |f| {
        f["print"] = serde_json::json!({ "output_profile": "printer.icc" });
    });
    let run = build();
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("printer.icc is an RGB display profile"),
        "{stderr}"
    );
    assert!(!out.path().join("valdoria.en.print.pdf").exists());

    // The shipped CMYK profile under another name, with the condition the printer names.
    std::fs::copy(
        root().join("color/ISOcoated_v2_300_bas.icc"),
        dir.join("printer.icc"),
    )
    .unwrap();
    edit_json(&dir.join("profile.json"), |f| {
        f["print"]["output_condition"] = "FOGRA51".into();
    });
    let run = build();
    assert_eq!(
        run.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let bytes = std::fs::read(out.path().join("valdoria.en.print.pdf")).unwrap();
    let doc = Document::load_mem(&bytes).unwrap();
    let intents = doc.catalog().unwrap().get(b"OutputIntents").unwrap();
    let intent = doc.dereference(&intents.as_array().unwrap()[0]).unwrap().1;
    let condition = intent
        .as_dict()
        .unwrap()
        .get(b"OutputConditionIdentifier")
        .unwrap()
        .as_str()
        .unwrap();
    assert_eq!(condition, b"FOGRA51");

    // Another condition is another input: the print edition is rebuilt.
    edit_json(&dir.join("profile.json"), |f| {
        f["print"]["output_condition"] = "FOGRA39".into();
    });
    let again = build_print("--check");
    assert_eq!(again.status.code(), Some(1));
}
