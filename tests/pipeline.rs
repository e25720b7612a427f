//! The pipeline end to end: the sample builds, is deterministic, failures are located and never
//! replace a good PDF, and layouts cannot read outside the project.

mod common;

use std::process::Command;

use common::*;
use mgi_press::batch::Status;

#[test]
fn sample_builds_to_a_full_length_pdf() {
    let out = tempfile::tempdir().unwrap();
    let reports = build(&[sample()], &["en"], out.path());
    assert_eq!(reports.len(), 1);
    let r = &reports[0];
    assert_eq!(
        r.status,
        Status::Built,
        "{}",
        mgi_press::diagnostics::render_all(&r.diagnostics)
    );
    let pages = r.pages.unwrap();
    assert!((25..=36).contains(&pages), "{pages} pages");
    let pdf = std::fs::read(out.path().join("valdoria.en.pdf")).unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
    // Fonts are embedded (font files streams present), and the creator is us.
    let text = String::from_utf8_lossy(&pdf);
    assert!(
        text.contains("/FontFile2") || text.contains("/FontFile3"),
        "no embedded font program"
    );
    assert!(text.contains("NotoSans"), "Noto Sans not embedded");
}

#[test]
fn laid_out_document_has_the_expected_parts_in_order() {
    let pages = sample_layout("en");
    let all: Vec<String> = pages.iter().map(|p| p.text()).collect();
    let toc = all
        .iter()
        .position(|t| t.contains("TABLE OF CONTENTS"))
        .expect("no contents page");
    assert!(
        all[0].contains("REPUBLIC OF VALDORIA | PROFILE 2025"),
        "cover line missing"
    );
    // Each part is found after the contents page, in the order of the brief.
    let mut at = toc + 1;
    for needle in [
        "OBJECTIVE",
        "INTRODUCTION",
        "CONCEPTUAL FRAMEWORK",
        "KEY FINDINGS",
        "International conventions ratified",
        "KEY SOURCES",
        "ANNEXES",
    ] {
        let found = all[at..]
            .iter()
            .position(|t| t.contains(needle))
            .unwrap_or_else(|| panic!("`{needle}` not found after page {at}"));
        at += found;
    }
    assert!(
        all[0].contains("MIGRATION"),
        "cover title missing: {}",
        all[0]
    );
    assert!(
        all.last().unwrap().contains("migrationdataportal.org/mgi"),
        "back cover missing"
    );
}

#[test]
fn two_builds_are_byte_identical() {
    let a = tempfile::tempdir().unwrap();
    let b = tempfile::tempdir().unwrap();
    build(&[sample()], &["en"], a.path());
    build(&[sample()], &["en"], b.path());
    let pa = std::fs::read(a.path().join("valdoria.en.pdf")).unwrap();
    let pb = std::fs::read(b.path().join("valdoria.en.pdf")).unwrap();
    assert!(!pa.is_empty());
    assert!(pa == pb, "the two PDFs differ");
}

#[test]
fn broken_profile_fails_with_a_located_message_and_keeps_the_old_pdf() {
    let (_tmp, dir) = sample_copy();
    let out = tempfile::tempdir().unwrap();
    let first = build(std::slice::from_ref(&dir), &["en"], out.path());
    assert_eq!(first[0].status, Status::Built);
    let pdf = out.path().join("valdoria.en.pdf");
    let good = std::fs::read(&pdf).unwrap();

    // Break the English text: a missing comma on a known line.
    let text_path = dir.join("text").join("en.json");
    let text = std::fs::read_to_string(&text_path).unwrap();
    let broken = text.replacen("\"Valdoria\"\n", "\"Valdoria\"\n  \"oops\": 1\n", 1);
    assert_ne!(text, broken);
    std::fs::write(&text_path, broken).unwrap();

    let bin = env!("CARGO_BIN_EXE_mgi-press");
    let output = Command::new(bin)
        .args([
            "build",
            dir.to_str().unwrap(),
            "--lang",
            "en",
            "--out",
            out.path().to_str().unwrap(),
        ])
        .current_dir(root())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("en.json:"), "no file:line:col in {stderr}");
    assert!(stderr.contains("error: invalid JSON"), "{stderr}");
    assert_eq!(
        std::fs::read(&pdf).unwrap(),
        good,
        "the good PDF was replaced"
    );
    // No temporary files were left behind.
    let leftovers: Vec<_> = std::fs::read_dir(out.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty());
}

#[test]
fn usage_errors_exit_2() {
    let bin = env!("CARGO_BIN_EXE_mgi-press");
    let bad_flag = Command::new(bin)
        .args(["build", "--no-such-flag"])
        .current_dir(root())
        .output()
        .unwrap();
    assert_eq!(bad_flag.status.code(), Some(2));
    // An empty folder has the built-in layout but no profiles.
    let tmp = tempfile::tempdir().unwrap();
    let no_profiles = Command::new(bin)
        .args(["build"])
        .current_dir(tmp.path())
        .output()
        .unwrap();
    assert_eq!(no_profiles.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&no_profiles.stderr).contains("no profiles found"));
    // A layout that is neither in the project nor built in.
    let no_layout = Command::new(bin)
        .args(["build", "--layout", "other"])
        .current_dir(tmp.path())
        .output()
        .unwrap();
    assert_eq!(no_layout.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&no_layout.stderr).contains("no layout found"));
}

#[test]
fn unchanged_inputs_are_not_rebuilt() {
    let out = tempfile::tempdir().unwrap();
    let options = mgi_press::BuildOptions {
        langs: vec!["en".into()],
        out_dir: out.path().to_path_buf(),
        ..Default::default()
    };
    let first = mgi_press::batch::build(session(), &[sample()], &options, &|_| {});
    assert_eq!(first[0].status, Status::Built);
    let second = mgi_press::batch::build(session(), &[sample()], &options, &|_| {});
    assert_eq!(second[0].status, Status::Unchanged);
}

/// A throwaway project whose layout is `main`, sharing the real fonts.
fn project_with_layout(main: &str) -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    let layout = tmp.path().join("layouts").join("mgi");
    copy_dir(
        &root().join("layouts").join("mgi").join("lang"),
        &layout.join("lang"),
    );
    std::fs::write(layout.join("main.typ"), main).unwrap();
    copy_dir(&root().join("fonts"), &tmp.path().join("fonts"));
    copy_dir(&sample(), &tmp.path().join("profiles").join("valdoria"));
    tmp
}

fn compile_in(project: &std::path::Path) -> Result<(), String> {
    let session = mgi_press::Session::open(project, "mgi")
        .map_err(|d| mgi_press::diagnostics::render_all(&d))?;
    let checked = session.load_checked(&project.join("profiles").join("valdoria"));
    let profile = checked.profile.ok_or("profile failed")?;
    let (vm, _) = session.resolve(&profile, "en", false);
    session
        .compile(&profile, &vm.unwrap())
        .map(|_| ())
        .map_err(|d| mgi_press::diagnostics::render_all(&d))
}

#[test]
fn layouts_cannot_read_outside_the_project() {
    for (path, expect) in [
        ("/etc/passwd", "outside the project"),
        ("../../../../../../etc/passwd", "escape the project root"),
        ("/fonts/OFL.txt", "outside the project"),
        ("/profiles/other/secret.txt", "outside the project"),
    ] {
        let tmp = project_with_layout(&format!("#read(\"{path}\")"));
        let err = compile_in(tmp.path()).expect_err(path);
        assert!(err.contains(expect), "{path}: {err}");
        assert!(
            err.contains("layouts/mgi/main.typ:1:"),
            "{path}: not located: {err}"
        );
    }
    // Packages are refused too.
    let tmp = project_with_layout("#import \"@preview/example:0.1.0\": *");
    let err = compile_in(tmp.path()).expect_err("package");
    assert!(err.contains("packages are not available"), "{err}");
}

#[cfg(unix)]
#[test]
fn symlinks_out_of_the_layout_folder_are_refused() {
    let tmp = project_with_layout("#read(\"escape.txt\")");
    let secret = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(secret.path(), "secret").unwrap();
    std::os::unix::fs::symlink(secret.path(), tmp.path().join("layouts/mgi/escape.txt")).unwrap();
    let err = compile_in(tmp.path()).expect_err("symlink");
    assert!(err.contains("outside the project"), "{err}");
}

#[test]
fn the_profile_folder_and_the_view_model_are_readable() {
    let tmp = project_with_layout(
        "#let d = json(\"data.json\")\n#d.meta.country\n#image(\"/profiles/valdoria/cover.jpg\", width: 1cm)",
    );
    compile_in(tmp.path()).unwrap();
}

#[test]
fn typst_errors_keep_file_line_and_column() {
    let tmp = project_with_layout("#let x = 1\n#let y = (x +)\n");
    let err = compile_in(tmp.path()).unwrap_err();
    assert!(err.contains("layouts/mgi/main.typ:2:"), "{err}");
    assert!(err.contains("#let y = (x +)"), "source line missing: {err}");
}

#[test]
fn a_glyph_missing_from_the_layout_fails_the_build() {
    let tmp = project_with_layout("#let d = json(\"data.json\")\n#d.meta.country ■");
    let session = mgi_press::Session::open(tmp.path(), "mgi").unwrap();
    let out = tempfile::tempdir().unwrap();
    let options = mgi_press::BuildOptions {
        langs: vec!["en".into()],
        out_dir: out.path().to_path_buf(),
        ..Default::default()
    };
    let reports = mgi_press::batch::build(
        &session,
        &[tmp.path().join("profiles/valdoria")],
        &options,
        &|_| {},
    );
    assert_eq!(reports[0].status, Status::Failed);
    let text = mgi_press::diagnostics::render_all(&reports[0].diagnostics);
    assert!(
        text.contains("no embedded font has a glyph for '■' (U+25A0)"),
        "{text}"
    );
    assert!(!out.path().join("valdoria.en.pdf").exists());
}

#[test]
fn archival_and_accessible_pdf_standards_build() {
    let bin = env!("CARGO_BIN_EXE_mgi-press");
    let out = tempfile::tempdir().unwrap();
    for (lang, standard) in [("en", "a-2b"), ("ar", "ua-1")] {
        let output = Command::new(bin)
            .args([
                "build",
                "profiles/valdoria",
                "--lang",
                lang,
                "--pdf-standard",
                standard,
                "--force",
            ])
            .arg("--out")
            .arg(out.path())
            .current_dir(root())
            .output()
            .unwrap();
        assert!(
            output.status.success(),
            "{standard}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        let pdf = std::fs::read(out.path().join(format!("valdoria.{lang}.pdf"))).unwrap();
        let text = String::from_utf8_lossy(&pdf);
        let marker = if standard == "a-2b" {
            "pdfaid:part"
        } else {
            "pdfuaid:part"
        };
        assert!(
            text.contains(marker),
            "{standard}: no {marker} in the XMP metadata"
        );
    }
}

#[test]
fn build_reports_machine_readable_results() {
    let bin = env!("CARGO_BIN_EXE_mgi-press");
    let out = tempfile::tempdir().unwrap();
    let output = Command::new(bin)
        .args(["build", "--lang", "en", "--format", "json", "--force"])
        .arg("--out")
        .arg(out.path())
        .current_dir(root())
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let reports: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let first = &reports.as_array().unwrap()[0];
    assert_eq!(first["profile"], "valdoria");
    assert_eq!(first["lang"], "en");
    assert_eq!(first["status"], "built");
    assert!(first["pages"].as_u64().unwrap() >= 24);
    assert!(first["diagnostics"].as_array().unwrap().is_empty());
}
