//! `mgi-press diff`: two identical builds show no change (exit 0), a one-word edit is named with
//! its page and words and drawn in the HTML report, errors exit with 2.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;

use common::*;
use mgi_press::review::{
    self, DocStatus, PageStatus, ReviewOptions, compare::document_words, pdf::PdfFile,
};

const BIN: &str = env!("CARGO_BIN_EXE_mgi-press");

/// The sample in English built twice, and once with one word changed: "emergency treatment" →
/// "urgent treatment" in `findings.rights.well_developed.p1`.
struct Builds {
    _dirs: Vec<tempfile::TempDir>,
    old: PathBuf,
    same: PathBuf,
    edited: PathBuf,
}

fn builds() -> &'static Builds {
    static BUILDS: OnceLock<Builds> = OnceLock::new();
    BUILDS.get_or_init(|| {
        let (old, same) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
        build(&[sample()], &["en"], old.path());
        build(&[sample()], &["en"], same.path());
        let (copy, dir) = sample_copy();
        edit_json(&dir.join("text").join("en.json"), |v| {
            let p1 = &mut v["findings"]["rights"]["well_developed"]["p1"];
            let text = p1.as_str().unwrap();
            assert!(
                text.contains("emergency treatment"),
                "the sample changed: {text}"
            );
            *p1 = text
                .replacen("emergency treatment", "urgent treatment", 1)
                .into();
        });
        let edited = tempfile::tempdir().unwrap();
        build(&[dir], &["en"], edited.path());
        Builds {
            old: old.path().to_path_buf(),
            same: same.path().to_path_buf(),
            edited: edited.path().to_path_buf(),
            _dirs: vec![old, same, copy, edited],
        }
    })
}

fn diff(args: &[&Path]) -> Output {
    Command::new(BIN).arg("diff").args(args).output().unwrap()
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[test]
fn identical_builds_have_no_change() {
    let b = builds();
    let review = review::review(&b.old, &b.same, &ReviewOptions::default()).unwrap();
    assert!(!review.changed);
    assert_eq!(review.counts.unchanged, 1);
    let output = diff(&[&b.old, &b.same]);
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    assert!(stdout(&output).contains("unchanged  valdoria.en.pdf"));
}

#[test]
fn a_file_that_differs_only_in_its_bytes_has_no_change() {
    // Bytes after %%EOF: the file differs, the pages do not, so every page is compared.
    let b = builds();
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = std::fs::read(b.old.join("valdoria.en.pdf")).unwrap();
    bytes.extend_from_slice(b"\n% touched\n");
    let touched = dir.path().join("valdoria.en.pdf");
    std::fs::write(&touched, bytes).unwrap();
    let review = review::review(
        &b.old.join("valdoria.en.pdf"),
        &touched,
        &ReviewOptions::default(),
    )
    .unwrap();
    assert!(!review.changed, "{:#?}", review.documents);
}

#[test]
fn a_one_word_edit_names_the_page_and_the_words() {
    let b = builds();
    let review = review::review(&b.old, &b.edited, &ReviewOptions::default()).unwrap();
    assert!(review.changed);
    let doc = &review.documents[0];
    assert_eq!(
        (doc.name.as_str(), doc.status),
        ("valdoria.en.pdf", DocStatus::Changed)
    );
    let changes: Vec<_> = doc.pages.iter().flat_map(|p| &p.text).collect();
    assert_eq!(changes.len(), 1, "{changes:#?}");
    let change = changes[0];
    assert_eq!(
        (change.removed.as_str(), change.added.as_str()),
        ("emergency", "urgent")
    );
    assert!(change.after.starts_with("treatment"), "{change:?}");
    // The page named is the page of the old document that has the word.
    let page = change.new_page.unwrap();
    assert_eq!(change.old_page, Some(page));
    let old = PdfFile::open(&b.old.join("valdoria.en.pdf"), "old").unwrap();
    assert!(
        document_words(&old)[page - 1]
            .iter()
            .any(|w| w.text == "emergency")
    );
    // Only that page changed, and its changed region is where the paragraph is.
    assert_eq!(doc.pages.len(), 1);
    let changed = &doc.pages[0];
    assert_eq!((changed.page, changed.status), (page, PageStatus::Changed));
    assert!(!changed.regions.is_empty());
    assert!(
        changed.regions.iter().all(|r| r.height < 100.0),
        "{:?}",
        changed.regions
    );
}

#[test]
fn the_command_reports_the_edit_with_exit_code_1_and_writes_the_html_report() {
    let b = builds();
    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("review.html");
    let output = diff(&[&b.old, &b.edited, Path::new("--report"), &report]);
    assert_eq!(output.status.code(), Some(1));
    let text = stdout(&output);
    assert!(text.contains("changed    valdoria.en.pdf"), "{text}");
    assert!(text.contains(": − \"emergency\" + \"urgent\""), "{text}");
    assert!(text.contains("[-emergency-]{+urgent+} treatment"), "{text}");

    let html = std::fs::read_to_string(&report).unwrap();
    assert_eq!(
        html.matches("src=\"data:image/png;base64,").count(),
        2,
        "OLD and NEW images"
    );
    assert!(
        html.matches("class=\"mark\"").count() >= 2,
        "no changed region marked"
    );
    assert!(html.contains("<del>emergency</del>") && html.contains("<ins>urgent</ins>"));
    // Self-contained: nothing is loaded from elsewhere.
    assert!(!html.contains("http://") && !html.contains("https://") && !html.contains("<script"));
    assert!(html.len() < 1_000_000, "report of {} bytes", html.len());
}

#[test]
fn json_output_lists_documents_pages_and_words() {
    let b = builds();
    let output = Command::new(BIN)
        .arg("diff")
        .args([&b.old, &b.edited])
        .args(["--format", "json"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(json["changed"], true);
    let page = &json["documents"][0]["pages"][0];
    assert_eq!(page["status"], "changed");
    assert_eq!(page["text"][0]["removed"], "emergency");
    assert_eq!(page["text"][0]["added"], "urgent");
    assert!(page["regions"][0]["width"].as_f64().unwrap() > 0.0);
}

#[test]
fn documents_only_on_one_side_are_added_or_removed() {
    let b = builds();
    let (old, new) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let pdf = b.old.join("valdoria.en.pdf");
    std::fs::copy(&pdf, old.path().join("valdoria.en.pdf")).unwrap();
    std::fs::copy(&pdf, old.path().join("valdoria.fr.pdf")).unwrap();
    std::fs::copy(&pdf, new.path().join("valdoria.en.pdf")).unwrap();
    std::fs::copy(&pdf, new.path().join("valdoria.ar.pdf")).unwrap();
    let review = review::review(old.path(), new.path(), &ReviewOptions::default()).unwrap();
    let states: Vec<_> = review
        .documents
        .iter()
        .map(|d| (d.name.as_str(), d.status))
        .collect();
    assert_eq!(
        states,
        [
            ("valdoria.ar.pdf", DocStatus::Added),
            ("valdoria.en.pdf", DocStatus::Unchanged),
            ("valdoria.fr.pdf", DocStatus::Removed),
        ]
    );
    assert_eq!(diff(&[old.path(), new.path()]).status.code(), Some(1));
}

#[test]
fn unreadable_inputs_exit_with_2() {
    let b = builds();
    let dir = tempfile::tempdir().unwrap();
    let not_pdf = dir.path().join("notes.pdf");
    std::fs::write(&not_pdf, "not a PDF").unwrap();
    let pdf = b.old.join("valdoria.en.pdf");
    for (args, expected) in [
        (
            vec![pdf.as_path(), not_pdf.as_path()],
            "is not a readable PDF",
        ),
        (
            vec![pdf.as_path(), &dir.path().join("missing.pdf")],
            "cannot read",
        ),
        (
            vec![pdf.as_path(), b.old.as_path()],
            "cannot compare a file with a folder",
        ),
    ] {
        let output = diff(&args);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(stderr.contains(expected), "{args:?}: {stderr}");
    }
}
