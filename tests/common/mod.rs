//! Shared helpers of the integration tests: the project, a session, temporary copies of
//! profiles, and compiling a profile to an inspected document.

#![allow(dead_code)]

pub mod view_json;

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use mgi_press::typeset::inspect::{self, PageInfo};
use mgi_press::{BuildOptions, DocReport, Session};

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn sample() -> PathBuf {
    root().join("profiles").join("valdoria")
}

/// One session for all tests of a binary (fonts and layouts loaded once).
pub fn session() -> &'static Session {
    static SESSION: OnceLock<Session> = OnceLock::new();
    let names = mgi_press::load::DisplayNames::relative_to(root());
    SESSION.get_or_init(|| match Session::open_with(&root(), "mgi", names) {
        Ok(s) => s,
        Err(d) => panic!(
            "cannot open the project: {}",
            mgi_press::diagnostics::render_all(&d)
        ),
    })
}

/// Copies a folder recursively.
pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// A copy of the sample profile in a temporary folder, to be changed by a test.
pub fn sample_copy() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("valdoria");
    copy_dir(&sample(), &dir);
    (tmp, dir)
}

/// Edits a JSON file of a profile in place.
pub fn edit_json(path: &Path, f: impl FnOnce(&mut serde_json::Value)) {
    let mut value: serde_json::Value =
        serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap();
    f(&mut value);
    std::fs::write(path, serde_json::to_vec_pretty(&value).unwrap()).unwrap();
}

pub fn build(dirs: &[PathBuf], langs: &[&str], out: &Path) -> Vec<DocReport> {
    let options = BuildOptions {
        langs: langs.iter().map(|s| s.to_string()).collect(),
        out_dir: out.to_path_buf(),
        force: true,
        jobs: 1,
        ..BuildOptions::default()
    };
    mgi_press::batch::build(session(), dirs, &options, &|_| {})
}

/// Loads, resolves and lays out a profile (screen edition); panics with the diagnostics on
/// failure.
pub fn layout(dir: &Path, lang: &str) -> (typst_layout::PagedDocument, Vec<PageInfo>) {
    layout_edition(dir, lang, mgi_press::edition::Edition::Screen)
}

/// `layout` in one edition.
pub fn layout_edition(
    dir: &Path,
    lang: &str,
    edition: mgi_press::edition::Edition,
) -> (typst_layout::PagedDocument, Vec<PageInfo>) {
    let s = session();
    let checked = s.load_checked(dir);
    let profile = checked.profile.unwrap_or_else(|| {
        panic!(
            "{}",
            mgi_press::diagnostics::render_all(&checked.diagnostics)
        )
    });
    let (vm, diags) = s.resolve_edition(&profile, lang, false, edition);
    let vm = vm.unwrap_or_else(|| panic!("{}", mgi_press::diagnostics::render_all(&diags)));
    let compiled = s
        .compile(&profile, &vm)
        .unwrap_or_else(|d| panic!("{}", mgi_press::diagnostics::render_all(&d)));
    let pages = inspect::pages(&compiled.document);
    (compiled.document, pages)
}

/// The sample laid out in a language, computed once per test binary.
pub fn sample_layout(lang: &str) -> &'static Vec<PageInfo> {
    static CACHE: OnceLock<
        std::sync::Mutex<std::collections::HashMap<String, &'static Vec<PageInfo>>>,
    > = OnceLock::new();
    let cache = CACHE.get_or_init(Default::default);
    let mut map = cache.lock().unwrap();
    if let Some(p) = map.get(lang) {
        return p;
    }
    let pages: &'static Vec<PageInfo> = Box::leak(Box::new(layout(&sample(), lang).1));
    map.insert(lang.to_string(), pages);
    pages
}

/// Compares a rendered page with a reference PNG: mean difference per channel under 3%.
pub fn compare_with_reference(doc: &typst_layout::PagedDocument, page: usize, name: &str) {
    let path = root()
        .join("tests")
        .join("references")
        .join(format!("{name}.png"));
    let (w, h, rgba) = mgi_press::typeset::inspect::render_rgba(doc, page, 0.5).unwrap();
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some()
        || !path.exists() && std::env::var_os("CI").is_none()
    {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(
            &path,
            mgi_press::typeset::inspect::render_png(doc, page, 0.5).unwrap(),
        )
        .unwrap();
        return;
    }
    let reference = image::open(&path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .to_rgba8();
    assert_eq!(
        (reference.width(), reference.height()),
        (w, h),
        "{name}: size changed"
    );
    // Tolerance: anti-aliasing may differ slightly, but no more than 1% of the pixels may
    // change visibly (by more than 48 of 255 in some channel).
    let changed = reference
        .as_raw()
        .chunks(4)
        .zip(rgba.chunks(4))
        .filter(|(a, b)| a.iter().zip(b.iter()).any(|(x, y)| x.abs_diff(*y) > 48))
        .count();
    let share = changed as f64 / (w as f64 * h as f64);
    assert!(
        share < 0.01,
        "{name}: {:.2}% of the pixels differ from the reference (set UPDATE_SNAPSHOTS=1 after an intended change)",
        share * 100.0
    );
}
