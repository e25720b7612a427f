//! Word in and out (`docx export|import|manuscript`) against real clients: LibreOffice
//! (headless re-save and PDF), python-docx (a reviewer's edit), pandoc (an independent reader,
//! and the writer of an author's manuscript); round trips of every sample language; bad input
//! and structural damage refused with nothing written.

mod common;

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use common::{root, sample, sample_copy};
use mgi_press::docx::rich;
use mgi_press::i18n::units::{UnitState, profile_catalog};

const BIN: &str = env!("CARGO_BIN_EXE_mgi-press");
const LANGS: [&str; 6] = ["en", "fr", "es", "pt", "ru", "ar"];

fn run(args: &[&str]) -> Output {
    Command::new(BIN)
        .args(["--diagnostic-format", "short", "--color", "never"])
        .args(args)
        .arg("--project")
        .arg(root())
        .output()
        .expect("run mgi-press")
}

fn ok(out: &Output) -> String {
    assert!(
        out.status.success(),
        "exit {:?}\nstdout: {}\nstderr: {}",
        out.status.code(),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

fn export(profile: &Path, lang: &str, out: &Path) {
    ok(&run(&[
        "docx",
        "export",
        s(profile),
        "--lang",
        lang,
        "-o",
        s(out),
    ]));
}

/// Every file of a folder (recursively) with its bytes.
fn snapshot(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(snapshot(&path));
        } else {
            out.push((path.clone(), std::fs::read(&path).unwrap()));
        }
    }
    out.sort();
    out
}

/// Runs LibreOffice headless with its own profile folder; `to` is `docx:"MS Word 2007 XML"` or
/// `pdf`. A file LibreOffice cannot load still exits 0, so every output is checked.
fn libreoffice(files: &[PathBuf], to: &str, outdir: &Path) -> Vec<PathBuf> {
    let profile = tempfile::tempdir().unwrap();
    let status = Command::new("soffice")
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.path().display()
        ))
        .args(["--headless", "--convert-to", to, "--outdir", s(outdir)])
        .args(files)
        .output()
        .expect("LibreOffice (soffice) is installed by .ci/run");
    let ext = to.split(':').next().unwrap();
    files
        .iter()
        .map(|f| {
            let stem = f.file_stem().unwrap().to_string_lossy();
            let out = outdir.join(format!("{stem}.{ext}"));
            assert!(
                out.exists(),
                "LibreOffice wrote no {}: {}",
                out.display(),
                String::from_utf8_lossy(&status.stderr)
            );
            out
        })
        .collect()
}

/// The plain text of every keyed text and footnote of a language, as the PDF should show it.
fn texts(lang: &str) -> Vec<String> {
    let session = common::session();
    let profile = session.load_checked(&sample()).profile.unwrap();
    let (draft, _) = mgi_press::docx::draft_of(session, &profile, lang).unwrap();
    let mut out = Vec::new();
    for key in draft.keys() {
        let value = profile.texts[lang].get(key).unwrap();
        for para in rich::from_markup(value) {
            out.push(rich::plain(&para.runs));
            for run in &para.runs {
                if let rich::Run::Note(inner) = run {
                    out.push(rich::plain(inner));
                }
            }
        }
    }
    out
}

/// Text compared with what pdftotext gives back: no spaces or bidi controls, presentation
/// forms folded.
fn comparable(text: &str, arabic: bool) -> String {
    comparable_as(text, arabic, false)
}

/// `comparable`; `expected` for the text the PDF should have, whose lam-alef ligatures
/// LibreOffice's PDF gives back as alef-lam.
fn comparable_as(text: &str, arabic: bool, expected: bool) -> String {
    let mut out: String = text
        .chars()
        .filter(|c| !c.is_whitespace() && !('\u{202a}'..='\u{202e}').contains(c))
        .filter(|c| !('\u{2066}'..='\u{2069}').contains(c) && !matches!(c, '\u{200e}' | '\u{200f}'))
        .map(|c| match c {
            '\u{fefb}' | '\u{fefc}' => 'ل',
            c => c,
        })
        .collect();
    if arabic {
        if expected {
            for alef in ['ا', 'أ', 'إ', 'آ'] {
                out = out.replace(&format!("ل{alef}"), &format!("{alef}ل"));
            }
        }
        // pdftotext gives numbers, ranges (2021–2030 as 2030-2021) and the punctuation next
        // to them in visual order within Arabic lines: Arabic is compared on its letters.
        out.retain(|c| {
            !c.is_ascii_punctuation() && !c.is_ascii_digit() && !"،؛؟–\u{640}".contains(c)
        });
    }
    out
}

fn words(text: &str, arabic: bool, expected: bool) -> Vec<String> {
    text.split_whitespace()
        .map(|w| comparable_as(w, arabic, expected))
        .filter(|w| !w.is_empty())
        .collect()
}

/// Whether `want` appears in `shown` (its words joined) word by word, in order, each word
/// within 3000 bytes of the one before: a paragraph that runs onto the next page has the
/// footnotes and the page's foot between its halves, a footnote's number sticks to the word
/// before it, and a long URL is broken across lines.
fn in_order(shown: &[String], want: &[String]) -> bool {
    let joined = shown.concat();
    let Some(first) = want.first() else {
        return true;
    };
    joined.match_indices(first.as_str()).any(|(start, _)| {
        let mut at = start + first.len();
        want[1..].iter().all(|w| {
            let mut end = (at + 3000).min(joined.len());
            while !joined.is_char_boundary(end) {
                end -= 1;
            }
            match joined[at..end].find(w.as_str()) {
                Some(k) => {
                    at += k + w.len();
                    true
                }
                None => false,
            }
        })
    })
}

#[test]
fn export_is_deterministic_and_an_untouched_draft_changes_no_byte() {
    let (_tmp, dir) = sample_copy();
    let before = snapshot(&dir);
    let out = tempfile::tempdir().unwrap();
    for lang in LANGS {
        let (a, b) = (out.path().join("a.docx"), out.path().join("b.docx"));
        export(&dir, lang, &a);
        export(&dir, lang, &b);
        assert_eq!(
            std::fs::read(&a).unwrap(),
            std::fs::read(&b).unwrap(),
            "{lang}"
        );
        let report = ok(&run(&["docx", "import", s(&a), "--profile", s(&dir)]));
        assert!(report.contains("0 text(s) changed"), "{lang}: {report}");
    }
    assert!(
        snapshot(&dir) == before,
        "an untouched draft changed a file"
    );
}

#[test]
fn libreoffice_resave_imports_unchanged_and_its_pdf_has_every_text() {
    let (_tmp, dir) = sample_copy();
    let before = snapshot(&dir);
    let out = tempfile::tempdir().unwrap();
    let drafts: Vec<PathBuf> = LANGS
        .iter()
        .map(|lang| {
            let path = out.path().join(format!("valdoria.{lang}.docx"));
            export(&dir, lang, &path);
            path
        })
        .collect();
    let resaved_dir = out.path().join("resaved");
    let resaved = libreoffice(&drafts, "docx:MS Word 2007 XML", &resaved_dir);
    for file in &resaved {
        let json = ok(&run(&[
            "docx",
            "import",
            s(file),
            "--profile",
            s(&dir),
            "--format",
            "json",
        ]));
        let report: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(report["changed"], serde_json::json!([]), "{json}");
        assert_eq!(report["status"], "imported");
    }
    assert!(snapshot(&dir) == before, "a re-saved draft changed a file");

    // The PDF of one Latin, the Cyrillic and the Arabic draft.
    let shown_langs = ["en", "ru", "ar"];
    let to_pdf: Vec<PathBuf> = drafts
        .iter()
        .zip(LANGS)
        .filter(|(_, l)| shown_langs.contains(l))
        .map(|(d, _)| d.clone())
        .collect();
    let pdfs = libreoffice(&to_pdf, "pdf", &out.path().join("pdf"));
    for (pdf, lang) in pdfs.iter().zip(shown_langs) {
        // Content-stream order for English (the reading-order analysis lost a line next to a
        // link); reading order for Arabic, which is drawn right to left.
        let mode: &[&str] = if lang == "ar" { &[] } else { &["-raw"] };
        let text = Command::new("pdftotext")
            .args(mode)
            .arg(pdf)
            .arg("-")
            .output()
            .unwrap();
        let arabic = lang == "ar";
        let shown = words(&String::from_utf8_lossy(&text.stdout), arabic, false);
        for t in texts(lang) {
            let want = words(&t, arabic, true);
            // Within a table cell pdftotext may give an Arabic line's runs in visual order.
            let joined = shown.concat();
            let found = in_order(&shown, &want)
                || arabic && want.iter().all(|w| joined.contains(w.as_str()));
            assert!(found, "{lang}: not in the PDF: {t}");
        }
    }
}

#[test]
fn a_reviewers_edit_comment_and_tracked_insertion_come_back_per_key() {
    let (_tmp, dir) = sample_copy();
    let out = tempfile::tempdir().unwrap();
    let draft = out.path().join("valdoria.en.docx");
    export(&dir, "en", &draft);
    let edited = out.path().join("edited.docx");
    let script = root().join("tests/word/reviewer.py");
    let py = Command::new("python3")
        .arg(script)
        .arg(&draft)
        .arg(&edited)
        .args([
            "The information in this profile",
            "gathered",
            "collected",
            "Foreign workers who do not hold",
            "Plans for recovery after",
        ])
        .output()
        .unwrap();
    assert!(
        py.status.success(),
        "{}",
        String::from_utf8_lossy(&py.stderr)
    );
    let resaved = libreoffice(&[edited], "docx:MS Word 2007 XML", &out.path().join("lo"));
    let file = s(&resaved[0]);

    let accepted = ok(&run(&[
        "docx",
        "import",
        file,
        "--profile",
        s(&dir),
        "--format",
        "json",
        "--dry-run",
        "--accept-changes",
    ]));
    let accepted: serde_json::Value = serde_json::from_str(&accepted).unwrap();
    assert_eq!(
        accepted["changed"],
        serde_json::json!(["introduction_note", "findings.crises.potential.p3"])
    );

    let en_path = dir.join("text/en.json");
    let en_before: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&en_path).unwrap()).unwrap();
    let json = ok(&run(&[
        "docx",
        "import",
        file,
        "--profile",
        s(&dir),
        "--format",
        "json",
    ]));
    let report: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(
        report["changed"],
        serde_json::json!(["introduction_note"]),
        "{json}"
    );
    let tracked = report["tracked"].as_array().unwrap();
    assert_eq!(tracked.len(), 1, "{json}");
    assert_eq!(tracked[0]["key"], "findings.crises.potential.p3");
    assert_eq!(tracked[0]["kind"], "insertion");
    assert_eq!(tracked[0]["author"], "Focal Point");
    assert_eq!(tracked[0]["text"], " (as amended in 2024)");
    let comments = report["comments"].as_array().unwrap();
    assert_eq!(comments.len(), 1, "{json}");
    assert_eq!(comments[0]["key"], "findings.rights.potential.p2");
    assert_eq!(
        comments[0]["text"],
        "Please check this figure with the Ministry."
    );

    // Exactly one value changed, as the reviewer wrote it; nothing else.
    let en_after: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&en_path).unwrap()).unwrap();
    let mut expected = en_before.clone();
    let note = expected["introduction_note"]
        .as_str()
        .unwrap()
        .replacen("gathered", "collected", 1);
    expected["introduction_note"] = note.into();
    assert_eq!(en_after, expected);
    // The English edit makes that key stale in the translations, and only that key.
    let session = common::session();
    let profile = session.load_checked(&dir).profile.unwrap();
    let fr = profile_catalog(&session.i18n(), &profile, "fr").unwrap();
    let stale: Vec<&str> = fr
        .units
        .iter()
        .filter(|u| u.state == UnitState::NeedsReview)
        .map(|u| u.key.as_str())
        .collect();
    assert_eq!(stale, ["introduction_note"]);
}

#[test]
fn pandoc_reads_the_same_footnotes_and_text() {
    let out = tempfile::tempdir().unwrap();
    let draft = out.path().join("valdoria.en.docx");
    export(&sample(), "en", &draft);
    let json = Command::new("pandoc")
        .args(["--track-changes=all", "-f", "docx", "-t", "json"])
        .arg(&draft)
        .output()
        .expect("pandoc is installed by .ci/run");
    assert!(json.status.success());
    let ast = String::from_utf8_lossy(&json.stdout);
    let notes_expected = std::fs::read_to_string(sample().join("text/en.json"))
        .unwrap()
        .matches("^[")
        .count();
    assert_eq!(ast.matches("\"t\":\"Note\"").count(), notes_expected);
    let plain = Command::new("pandoc")
        .args([
            "--track-changes=all",
            "-f",
            "docx",
            "-t",
            "plain",
            "--wrap=none",
        ])
        .arg(&draft)
        .output()
        .unwrap();
    // pandoc's plain text marks footnotes `[1]` where they stand.
    let mut text = String::from_utf8_lossy(&plain.stdout).into_owned();
    for n in (1..=notes_expected).rev() {
        text = text.replace(&format!("[{n}]"), "");
    }
    let shown = comparable(&text, false);
    for t in texts("en") {
        assert!(
            shown.contains(&comparable(&t, false)),
            "pandoc does not see: {t}"
        );
    }
}

/// A copy of a DOCX with `document.xml` rewritten.
fn rewrite(from: &Path, to: &Path, edit: impl Fn(String) -> String) {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(from).unwrap()).unwrap();
    let mut out = zip::ZipWriter::new(std::fs::File::create(to).unwrap());
    for i in 0..zip.len() {
        let mut entry = zip.by_index(i).unwrap();
        let name = entry.name().unwrap().to_string();
        let mut bytes = Vec::new();
        entry.read_to_end(&mut bytes).unwrap();
        if name == "word/document.xml" {
            bytes = edit(String::from_utf8(bytes).unwrap()).into_bytes();
        }
        out.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        out.write_all(&bytes).unwrap();
    }
    out.finish().unwrap();
}

/// The `<w:p>…</w:p>` holding `text`.
fn paragraph_of<'a>(xml: &'a str, text: &str) -> &'a str {
    let at = xml
        .find(text)
        .unwrap_or_else(|| panic!("{text} not in the draft"));
    let start = xml[..at].rfind("<w:p>").unwrap();
    let end = at + xml[at..].find("</w:p>").unwrap() + "</w:p>".len();
    &xml[start..end]
}

#[test]
fn structural_damage_is_refused_with_every_problem_and_nothing_written() {
    let (_tmp, dir) = sample_copy();
    let before = snapshot(&dir);
    let out = tempfile::tempdir().unwrap();
    let draft = out.path().join("valdoria.en.docx");
    export(&dir, "en", &draft);
    let damaged = out.path().join("damaged.docx");
    rewrite(&draft, &damaged, |xml| {
        // A paragraph deleted, another duplicated, a third split in two, a fourth's footnote
        // removed, and a tag that no longer matches its bookmark.
        let gone = paragraph_of(&xml, "Posts in the civil service").to_string();
        let twice = paragraph_of(&xml, "Refugees, beneficiaries of temporary").to_string();
        let xml = xml.replacen(&gone, "", 1);
        let xml = xml.replacen(&twice, &format!("{twice}{twice}"), 1);
        let xml = xml.replacen(
            "Schools may not ask",
            "</w:t></w:r></w:sdtContent></w:sdt></w:p><w:p><w:sdt><w:sdtContent><w:r><w:t xml:space=\"preserve\">Schools may not ask",
            1,
        );
        let p1 = paragraph_of(&xml, "Migrants who hold a residence permit").to_string();
        let cut = p1
            .find("<w:r><w:rPr><w:rStyle w:val=\"FootnoteReference\"/>")
            .unwrap();
        let end = cut + p1[cut..].find("</w:r>").unwrap() + "</w:r>".len();
        let without_note = format!("{}{}", &p1[..cut], &p1[end..]);
        let xml = xml.replacen(&p1, &without_note, 1);
        xml.replacen(
            "w:tag w:val=\"findings.safe.potential.p3\"",
            "w:tag w:val=\"findings.safe.potential.p2\"",
            1,
        )
    });
    let result = run(&["docx", "import", s(&damaged), "--profile", s(&dir)]);
    assert_eq!(result.status.code(), Some(1));
    let err = String::from_utf8_lossy(&result.stderr);
    for expected in [
        "the anchor of `findings.rights.potential.p3` is gone",
        "the anchor of `findings.rights.well_developed.p5` appears twice",
        "text without an anchor after `findings.rights.well_developed.p2`",
        "findings.rights.well_developed.p1` (paragraph",
        "footnote",
        "its content control says `findings.safe.potential.p2` but its bookmark says `findings.safe.potential.p3`",
        "import refused",
    ] {
        assert!(err.contains(expected), "missing `{expected}` in:\n{err}");
    }
    assert!(snapshot(&dir) == before, "a refused import wrote something");
}

/// Writes a zip of the given entries (deflated).
fn zip_of(path: &Path, entries: &[(&str, &[u8])]) {
    let mut out = zip::ZipWriter::new(std::fs::File::create(path).unwrap());
    for (name, bytes) in entries {
        out.start_file(*name, zip::write::SimpleFileOptions::default())
            .unwrap();
        out.write_all(bytes).unwrap();
    }
    out.finish().unwrap();
}

#[test]
fn bad_files_are_refused_clearly_without_writing() {
    let (_tmp, dir) = sample_copy();
    let before = snapshot(&dir);
    let out = tempfile::tempdir().unwrap();
    let p = |name: &str| out.path().join(name);
    let doc = br#"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body/></w:document>"#;
    std::fs::write(p("not-a-zip.docx"), b"just some text, not a zip").unwrap();
    let zeros = vec![b' '; 100 * 1024 * 1024];
    zip_of(&p("bomb.docx"), &[("word/document.xml", &zeros)]);
    zip_of(
        &p("dotdot.docx"),
        &[("word/document.xml", doc), ("../evil.xml", b"<x/>")],
    );
    zip_of(
        &p("absolute.docx"),
        &[("word/document.xml", doc), ("/etc/evil.xml", b"<x/>")],
    );
    let doctype = br#"<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&b;</w:t></w:r></w:p></w:body></w:document>"#;
    zip_of(&p("doctype.docx"), &[("word/document.xml", doctype)]);
    zip_of(&p("no-document.docx"), &[("word/styles.xml", b"<x/>")]);
    // 50 MB that do not compress: refused by size before anything is read.
    let mut big = std::fs::File::create(p("fifty-mb.docx")).unwrap();
    let mut seed: u64 = 1;
    let mut buf = vec![0u8; 1024 * 1024];
    big.write_all(b"PK").unwrap();
    for _ in 0..50 {
        for b in buf.iter_mut() {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            *b = seed as u8;
        }
        big.write_all(&buf).unwrap();
    }
    drop(big);
    for (file, message) in [
        ("not-a-zip.docx", "not a zip"),
        ("bomb.docx", "inflates to more than"),
        ("dotdot.docx", "outside the package"),
        ("absolute.docx", "outside the package"),
        ("doctype.docx", "DOCTYPE"),
        ("no-document.docx", "no `word/document.xml`"),
        ("fifty-mb.docx", "MB, more than the"),
    ] {
        let result = run(&["docx", "import", s(&p(file)), "--profile", s(&dir)]);
        let err = String::from_utf8_lossy(&result.stderr);
        assert_eq!(result.status.code(), Some(1), "{file}: {err}");
        assert!(
            err.contains(message),
            "{file}: expected `{message}` in {err}"
        );
        assert!(!err.contains("panicked"), "{file}: {err}");
    }
    assert!(snapshot(&dir) == before, "a bad file wrote something");
}

#[test]
fn a_pandoc_manuscript_becomes_a_profile_that_builds_with_every_sentence() {
    let tmp = tempfile::tempdir().unwrap();
    let docx = tmp.path().join("manuscript.docx");
    let md = root().join("tests/word/manuscript.md");
    let pandoc = Command::new("pandoc")
        .arg(&md)
        .arg("-o")
        .arg(&docx)
        .output()
        .unwrap();
    assert!(
        pandoc.status.success(),
        "{}",
        String::from_utf8_lossy(&pandoc.stderr)
    );
    let folder = tmp.path().join("norvania");
    let report = ok(&run(&[
        "docx",
        "manuscript",
        s(&docx),
        "--profile",
        s(&folder),
        "--lang",
        "en",
    ]));
    assert!(
        report.contains("13 findings paragraphs in 6 dimensions")
            && report.contains("3 conventions, 2 source groups with 4 entries"),
        "{report}"
    );
    // The chapter that is not part of a profile is listed, not dropped silently.
    assert!(report.contains("not mapped: paragraph") && report.contains("Acknowledgements"));
    let facts: serde_json::Value =
        serde_json::from_slice(&std::fs::read(folder.join("profile.json")).unwrap()).unwrap();
    assert_eq!(
        facts["conventions"][0],
        serde_json::json!({"id": "refugees-1951", "ratified": 1998})
    );
    assert_eq!(facts["sources"][0]["entries"][1]["year"], 1994);
    assert_eq!(
        facts["sources"][0]["entries"][2]["year"],
        serde_json::Value::Null
    );

    let out = tmp.path().join("out");
    ok(&run(&[
        "build",
        s(&folder),
        "--lang",
        "en",
        "--out",
        s(&out),
    ]));
    let pdf = out.join("norvania.en.pdf");
    let text = Command::new("pdftotext")
        .arg("-raw")
        .arg(&pdf)
        .arg("-")
        .output()
        .unwrap();
    // Typst hyphenates at line ends: hyphens are left out on both sides.
    let plain = |t: &str| comparable(t, false).replace(['-', '\u{ad}', '\u{2019}', '\''], "");
    let shown = plain(&String::from_utf8_lossy(&text.stdout));
    let markdown = std::fs::read_to_string(&md).unwrap();
    let body = markdown.split("\n# Acknowledgements").next().unwrap();
    let mut checked = 0;
    for line in body.lines() {
        let line = line.trim_start_matches("- ");
        let prose = !line.starts_with(['#', '|', '-', '[', '<']) && line.ends_with(['.', ':', ';']);
        if !prose || line.starts_with("title:") {
            continue;
        }
        // Markup and footnote marks out; a source entry's text as the layout shows it.
        let sentence: String = line
            .replace(['*', '[', ']', '<', '>'], "")
            .replace("^1", "")
            .split(" Available at")
            .next()
            .unwrap()
            .split("(https://")
            .next()
            .unwrap()
            .to_string();
        // A source's year is the layout's (1994b is 1994 when the year is not repeated).
        let dated =
            sentence.starts_with(|c: char| c.is_ascii_digit()) || sentence.starts_with("n.d.");
        let sentence = match sentence.split_once(' ') {
            Some((_, title)) if dated => title.to_string(),
            _ => sentence,
        };
        let want = plain(&sentence);
        assert!(shown.contains(&want), "not in the PDF: {sentence}");
        checked += 1;
    }
    let note = plain("Schools that ask are fined, according to the inspectorate's yearly report.");
    assert!(shown.contains(&note), "the footnote is not in the PDF");
    assert!(checked >= 18, "only {checked} sentences checked");
}

#[test]
fn fact_edits_are_reported_for_profile_json_not_applied() {
    let (_tmp, dir) = sample_copy();
    let before = snapshot(&dir);
    let out = tempfile::tempdir().unwrap();
    let draft = out.path().join("valdoria.fr.docx");
    export(&dir, "fr", &draft);
    let edited = out.path().join("facts.docx");
    rewrite(&draft, &edited, |xml| {
        let xml = xml.replacen(
            "https://www.parliament.vd/en/legislation/constitution-1996",
            "https://www.parliament.vd/fr/constitution",
            1,
        );
        // The first "(2003)" is Table 1's year of the ILO convention No. 97.
        xml.replacen("(2003)", "(2004)", 1)
    });
    let json = ok(&run(&[
        "docx",
        "import",
        s(&edited),
        "--profile",
        s(&dir),
        "--format",
        "json",
    ]));
    let report: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(report["changed"], serde_json::json!([]));
    let facts = report["facts"].as_array().unwrap();
    let names: Vec<&str> = facts.iter().map(|f| f["fact"].as_str().unwrap()).collect();
    assert_eq!(
        names,
        ["conventions.ilo-97", "sources.constitution.url"],
        "{json}"
    );
    assert!(facts[0]["new"].as_str().unwrap().ends_with("(2004)"));
    assert!(snapshot(&dir) == before, "a fact edit was applied");
}

#[test]
fn a_manuscript_does_not_overwrite_real_text_without_force() {
    let (_tmp, dir) = sample_copy();
    let tmp = tempfile::tempdir().unwrap();
    let docx = tmp.path().join("manuscript.docx");
    let md = root().join("tests/word/manuscript.md");
    assert!(
        Command::new("pandoc")
            .arg(&md)
            .arg("-o")
            .arg(&docx)
            .status()
            .unwrap()
            .success()
    );
    let before = snapshot(&dir);
    let refused = run(&[
        "docx",
        "manuscript",
        s(&docx),
        "--profile",
        s(&dir),
        "--lang",
        "fr",
    ]);
    assert_eq!(refused.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("--force"));
    assert!(snapshot(&dir) == before);
    // A language that is only the scaffold's placeholders is replaced.
    let folder = tmp.path().join("fresh");
    ok(&run(&["new", s(&folder)]));
    let report = ok(&run(&[
        "docx",
        "manuscript",
        s(&docx),
        "--profile",
        s(&folder),
        "--lang",
        "en",
    ]));
    // The scaffold's one source does not line up with the manuscript's: listed, not written.
    assert!(report.contains("not mapped: key sources"), "{report}");
    let text: serde_json::Value =
        serde_json::from_slice(&std::fs::read(folder.join("text/en.json")).unwrap()).unwrap();
    assert_eq!(
        text["findings"]["crises"]["potential"]["p1"],
        "No plan covers people displaced by slow-onset disasters."
    );
}
