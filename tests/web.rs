//! The html edition (docs/editions.md): every sample language's page is valid HTML for the W3C
//! Nu validator, has no axe-core violations (WCAG 2.1 A/AA and best practices) in chromium for
//! English and Arabic, holds every paragraph, footnote and source address of its view model
//! (read back with Python's HTML parser), and has a target for every in-page link. The tools
//! are installed by `.ci/run` (Debian's chromium and Java, `npm ci` in tests/web/).

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use mgi_press::batch::{BuildOptions, DocReport, Status};
use mgi_press::edition::Edition;

const LANGS: [&str; 6] = ["en", "fr", "es", "pt", "ru", "ar"];

/// The sample's html edition in all languages (`build --edition html`), built once for every
/// test of this binary.
fn site() -> &'static Path {
    static SITE: OnceLock<tempfile::TempDir> = OnceLock::new();
    SITE.get_or_init(|| {
        let out = tempfile::tempdir().unwrap();
        let reports = build(out.path(), &[Edition::Html], &[], None, false);
        assert!(
            reports.iter().all(|r| r.status == Status::Built),
            "{reports:#?}"
        );
        out
    })
    .path()
}

/// `build --edition …` of the sample into `out`.
fn build(
    out: &Path,
    editions: &[Edition],
    langs: &[&str],
    base_url: Option<&str>,
    check: bool,
) -> Vec<DocReport> {
    let options = BuildOptions {
        langs: langs.iter().map(|l| l.to_string()).collect(),
        out_dir: out.to_path_buf(),
        editions: editions.to_vec(),
        base_url: base_url.map(str::to_string),
        check,
        jobs: 1,
        ..BuildOptions::default()
    };
    mgi_press::batch::build(common::session(), &[common::sample()], &options, &|_| {})
}

fn page(lang: &str) -> PathBuf {
    site().join(format!("valdoria.{lang}")).join("index.html")
}

fn web_tools() -> PathBuf {
    common::root().join("tests").join("web")
}

/// Fails with the install step when a tool the test needs is missing.
fn require(what: &str, path: &Path) {
    assert!(
        path.exists(),
        "{what} is not installed ({} is missing): run the install step of .ci/run \
         (apt-get install chromium default-jre-headless; cd tests/web && \
         PUPPETEER_SKIP_DOWNLOAD=true npm ci)",
        path.display()
    );
}

#[test]
fn every_language_is_valid_html_for_the_nu_validator() {
    let jar = web_tools().join("node_modules/vnu-jar/build/dist/vnu.jar");
    require("vnu-jar", &jar);
    let mut cmd = Command::new("java");
    cmd.arg("-jar")
        .arg(&jar)
        .args(["--format", "json", "--also-check-css"]);
    for lang in LANGS {
        cmd.arg(page(lang));
    }
    cmd.arg(site().join("assets/mgi.css"));
    let out = cmd
        .output()
        .expect("java runs (apt-get install default-jre-headless)");
    let report: serde_json::Value = serde_json::from_slice(&out.stderr).unwrap_or_else(|e| {
        panic!(
            "vnu's report is not JSON ({e}): {}",
            String::from_utf8_lossy(&out.stderr)
        )
    });
    let messages = report["messages"].as_array().expect("messages");
    let errors: Vec<String> = messages
        .iter()
        .filter(|m| m["type"] == "error" || m["subType"] == "fatal")
        .map(|m| {
            format!(
                "{}:{}: {}",
                m["url"].as_str().unwrap_or(""),
                m["lastLine"],
                m["message"].as_str().unwrap_or("")
            )
        })
        .collect();
    assert!(
        errors.is_empty(),
        "the Nu validator reports:\n{}",
        errors.join("\n")
    );
}

#[test]
fn english_and_arabic_have_no_axe_violations() {
    let tools = web_tools();
    require(
        "puppeteer-core and axe-core",
        &tools.join("node_modules/axe-core/axe.min.js"),
    );
    require("chromium", Path::new("/usr/bin/chromium"));
    let out = Command::new("node")
        .current_dir(&tools)
        .arg("axe.js")
        .args([page("en"), page("ar")])
        .output()
        .expect("node runs");
    assert!(
        out.status.success(),
        "axe.js failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    for (file, result) in report.as_object().unwrap() {
        let violations = result["violations"].as_array().unwrap();
        assert!(
            violations.is_empty(),
            "axe-core finds in {file}:\n{}",
            serde_json::to_string_pretty(violations).unwrap()
        );
        // The run checked something: axe passes dozens of rules on a real page.
        assert!(result["passes"].as_u64().unwrap() > 20, "{file}: {result}");
    }
}

/// What Python's HTML parser reads from a page (tests/web/page_text.py).
struct Read {
    text: String,
    ids: Vec<String>,
    hrefs: Vec<String>,
    lang: String,
    dir: String,
    h1: u64,
}

fn read(page: &Path) -> Read {
    let out = Command::new("python3")
        .arg(web_tools().join("page_text.py"))
        .arg(page)
        .output()
        .expect("python3 runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let strings = |k: &str| -> Vec<String> {
        v[k].as_array()
            .unwrap()
            .iter()
            .map(|s| s.as_str().unwrap().to_string())
            .collect()
    };
    Read {
        text: squash(v["text"].as_str().unwrap()),
        ids: strings("ids"),
        hrefs: strings("hrefs"),
        lang: v["html"]["lang"].as_str().unwrap_or("").into(),
        dir: v["html"]["dir"].as_str().unwrap_or("").into(),
        h1: v["h1"].as_u64().unwrap(),
    }
}

/// Whitespace runs as one space.
fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// What a view model says must be on the page, found by walking its JSON (not the renderer's
/// types): the text of every paragraph and list item (without its footnotes), of every
/// footnote, and every source's address.
#[derive(Default)]
struct Expected {
    texts: Vec<String>,
    urls: Vec<String>,
}

fn inline_text(nodes: &serde_json::Value, notes: &mut Vec<String>) -> String {
    let mut out = String::new();
    for n in nodes.as_array().into_iter().flatten() {
        match n["type"].as_str().unwrap_or("") {
            "text" => out.push_str(n["text"].as_str().unwrap_or("")),
            "linebreak" => out.push(' '),
            "strong" | "emph" | "link" => out.push_str(&inline_text(&n["content"], notes)),
            "note" => {
                let text = inline_text(&n["content"], notes);
                notes.push(text);
            }
            _ => {}
        }
    }
    out
}

fn expected(v: &serde_json::Value, out: &mut Expected) {
    match v {
        serde_json::Value::Object(map) => {
            let mut notes = Vec::new();
            match map.get("type").and_then(|t| t.as_str()) {
                Some("par") => out.texts.push(inline_text(&map["content"], &mut notes)),
                Some("list") => {
                    for item in map["items"].as_array().unwrap() {
                        out.texts.push(inline_text(item, &mut notes));
                    }
                }
                _ => {
                    // A source entry: its title (inline nodes) and its address.
                    if let (Some(title), Some(_)) = (map.get("title"), map.get("key")) {
                        out.texts.push(inline_text(title, &mut notes));
                        if let Some(url) = map.get("url").and_then(|u| u.as_str()) {
                            out.urls.push(url.to_string());
                        }
                    }
                    for child in map.values() {
                        expected(child, out);
                    }
                }
            }
            out.texts.extend(notes);
        }
        serde_json::Value::Array(items) => items.iter().for_each(|i| expected(i, out)),
        _ => {}
    }
}

fn view_json(lang: &str) -> serde_json::Value {
    let session = common::session();
    let profile = session
        .load_checked(&common::sample())
        .profile
        .expect("the sample loads");
    let (view, _) = session.resolve(&profile, lang, false);
    serde_json::from_slice(&view.expect("the sample resolves").to_json()).unwrap()
}

#[test]
fn every_paragraph_footnote_and_source_address_is_on_the_page() {
    for lang in LANGS {
        let page = read(&page(lang));
        let mut want = Expected::default();
        expected(&view_json(lang), &mut want);
        assert!(
            want.texts.len() > 80,
            "{lang}: only {} texts",
            want.texts.len()
        );
        assert!(
            want.urls.len() > 5,
            "{lang}: only {} addresses",
            want.urls.len()
        );
        let missing: Vec<&String> = want
            .texts
            .iter()
            .map(|t| squash(t))
            .filter(|t| !t.is_empty())
            .zip(&want.texts)
            .filter(|(t, _)| !page.text.contains(t.as_str()))
            .map(|(_, original)| original)
            .collect();
        assert!(missing.is_empty(), "{lang}: not on the page: {missing:#?}");
        for url in &want.urls {
            assert!(page.hrefs.contains(url), "{lang}: no link to {url}");
        }
    }
}

#[test]
fn every_link_on_the_page_has_its_target() {
    for lang in LANGS {
        let p = page(lang);
        let read = read(&p);
        let dir = p.parent().unwrap();
        for href in &read.hrefs {
            if let Some(id) = href.strip_prefix('#') {
                assert!(
                    read.ids.iter().any(|i| i == id),
                    "{lang}: nothing has the id {id}"
                );
            } else if !href.contains(':') && !href.ends_with(".pdf") {
                // Relative: the stylesheet, the cover's sizes, the other languages' pages.
                assert!(dir.join(href).exists(), "{lang}: {href} does not exist");
            }
        }
        let mut ids = read.ids.clone();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), read.ids.len(), "{lang}: an id is used twice");
        // Footnote references and notes come in pairs.
        let refs = read.ids.iter().filter(|i| i.starts_with("fnref-")).count();
        let notes = read.ids.iter().filter(|i| i.starts_with("fn-")).count();
        assert!(
            refs > 5 && refs == notes,
            "{lang}: {refs} references, {notes} notes"
        );
        // The section anchors of the view model, the same in every language.
        for anchor in [
            "sec-contents",
            "sec-objective",
            "sec-key-findings",
            "dim-rights",
            "sec-annexes",
        ] {
            assert!(read.ids.iter().any(|i| i == anchor), "{lang}: no #{anchor}");
        }
    }
}

#[test]
fn the_page_says_its_language_and_direction_and_has_one_title() {
    for lang in LANGS {
        let read = read(&page(lang));
        assert_eq!(read.lang, lang);
        assert_eq!(read.dir, if lang == "ar" { "rtl" } else { "ltr" }, "{lang}");
        assert_eq!(read.h1, 1, "{lang}");
    }
}

#[test]
fn a_rebuild_is_byte_identical_and_stamped() {
    let again = tempfile::tempdir().unwrap();
    build(again.path(), &[Edition::Html], &[], None, false);
    for lang in LANGS {
        let rel = format!("valdoria.{lang}/index.html");
        assert_eq!(
            std::fs::read(site().join(&rel)).unwrap(),
            std::fs::read(again.path().join(&rel)).unwrap(),
            "{rel}"
        );
    }
    let assets = std::fs::read_dir(site().join("assets/covers"))
        .unwrap()
        .count();
    assert!(assets >= 2, "{assets} cover sizes");
    // The stamps cover the folders: nothing to do the next time, `--check` is content, and a
    // page removed makes its document stale.
    let next = build(again.path(), &[Edition::Html], &[], None, false);
    assert!(
        next.iter().all(|r| r.status == Status::Unchanged),
        "{next:#?}"
    );
    let check = build(again.path(), &[Edition::Html], &[], None, true);
    assert!(
        check.iter().all(|r| r.status == Status::Unchanged),
        "{check:#?}"
    );
    std::fs::remove_file(again.path().join("valdoria.fr/index.html")).unwrap();
    let check = build(again.path(), &[Edition::Html], &["fr"], None, true);
    assert_eq!(check[0].status, Status::Stale, "{check:#?}");
    let html = std::fs::read_to_string(page("en")).unwrap();
    assert!(html.contains("href=\"../valdoria.fr/index.html\""));
    assert!(
        !html.contains("href=\"../valdoria.en.pdf\""),
        "no PDF built, none linked"
    );
}

#[test]
fn the_pages_link_the_pdfs_built_with_them_and_base_url_adds_the_absolute_links() {
    let base = tempfile::tempdir().unwrap();
    let url = Some("https://portal.example/mgi/");
    let reports = build(
        base.path(),
        &[Edition::Screen, Edition::Html],
        &["en"],
        url,
        false,
    );
    assert!(
        reports.iter().all(|r| r.status == Status::Built),
        "{reports:#?}"
    );
    let html = std::fs::read_to_string(base.path().join("valdoria.en/index.html")).unwrap();
    assert!(html.contains("href=\"../valdoria.en.pdf\""));
    assert!(
        !html.contains("print.pdf"),
        "the print edition was not built"
    );
    assert!(base.path().join("valdoria.en.pdf").is_file());
    for wanted in [
        "<link rel=\"canonical\" href=\"https://portal.example/mgi/valdoria.en/\">",
        "<link rel=\"alternate\" hreflang=\"ar\" href=\"https://portal.example/mgi/valdoria.ar/\">",
        "<meta property=\"og:image\" content=\"https://portal.example/mgi/assets/covers/",
        "<meta property=\"og:title\" content=\"",
    ] {
        assert!(html.contains(wanted), "no {wanted}");
    }
}
