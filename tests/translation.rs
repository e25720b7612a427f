//! Translator exchange files: `i18n export` as XLIFF 1.2 and PO, and `i18n import` back into the
//! JSON. Export then import gives byte-identical files for every language of the sample and
//! every language pack; the files are read by independent tools (gettext's `msgfmt`,
//! translate-toolkit); translations that lose markup are refused, located, with nothing
//! written; an English edit makes exactly that key stale, and a fresh import clears it.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use common::{root, sample, sample_copy};
use mgi_press::i18n::lock::{Lock, source_hash};
use mgi_press::i18n::segments;
use mgi_press::i18n::units::{Catalog, UnitState, pack_catalog, profile_catalog};

const BIN: &str = env!("CARGO_BIN_EXE_mgi-press");
const LANGS: [&str; 5] = ["fr", "es", "pt", "ru", "ar"];
const FORMATS: [(&str, &str); 2] = [("xliff", "xlf"), ("po", "po")];

/// Runs mgi-press on a project (short diagnostics, `file:line:col: …`).
fn run(project: &Path, args: &[&str]) -> Output {
    Command::new(BIN)
        .args(["--diagnostic-format", "short", "--color", "never"])
        .args(args)
        .arg("--project")
        .arg(project)
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

/// The catalog of a profile folder in a language (the lock read from that folder).
fn catalog(dir: &Path, lang: &str) -> Catalog {
    let session = common::session();
    let checked = session.load_checked(dir);
    let profile = checked.profile.unwrap_or_else(|| {
        panic!(
            "{}",
            mgi_press::diagnostics::render_all(&checked.diagnostics)
        )
    });
    profile_catalog(&session.i18n(), &profile, lang).unwrap()
}

/// The locks of the sample exist (the project ships them); a copy without them gets them.
fn ensure_locks(dir: &Path) {
    for lang in LANGS {
        if !dir.join("text").join(format!("_lock.{lang}.json")).exists() {
            ok(&run(&root(), &["i18n", "mark", s(dir), "--lang", lang]));
        }
    }
}

/// Every imported key's lock entry is the fingerprint of its current English.
fn assert_lock_current(dir: &Path, lang: &str, catalog: &Catalog) {
    let lock = Lock::load(dir, lang);
    for unit in catalog.units.iter().filter(|u| u.target.is_some()) {
        let entry = lock.keys.get(&unit.key);
        assert_eq!(
            entry.map(|e| e.source.as_str()),
            Some(source_hash(&unit.source).as_str()),
            "{lang}: lock of {}",
            unit.key
        );
    }
}

#[test]
fn profile_round_trip_is_byte_identical_for_every_language_and_format() {
    let (tmp, dir) = sample_copy();
    ensure_locks(&dir);
    for lang in LANGS {
        let json = dir.join("text").join(format!("{lang}.json"));
        let before = std::fs::read(&json).unwrap();
        let lock_before = Lock::load(&dir.join("text"), lang);
        for (format, ext) in FORMATS {
            let file = tmp.path().join(format!("{lang}.{ext}"));
            ok(&run(
                &root(),
                &[
                    "i18n",
                    "export",
                    s(&dir),
                    "--lang",
                    lang,
                    "--format",
                    format,
                    "-o",
                    s(&file),
                ],
            ));
            let said = ok(&run(&root(), &["i18n", "import", s(&file)]));
            assert!(
                said.contains("imported 127 units") && said.contains("(0 changed)"),
                "{said}"
            );
            assert!(
                std::fs::read(&json).unwrap() == before,
                "{lang} {format}: {json:?} changed"
            );
        }
        // The lock: every key recorded from the current English, nothing else touched.
        let cat = catalog(&dir, lang);
        assert_lock_current(&dir.join("text"), lang, &cat);
        let lock_after = Lock::load(&dir.join("text"), lang);
        for (key, entry) in &lock_before.keys {
            if !cat.units.iter().any(|u| &u.key == key) {
                assert_eq!(lock_after.keys.get(key), Some(entry), "{lang}: {key}");
            }
        }
        assert!(cat.units.iter().all(|u| u.state != UnitState::NeedsReview));
    }
}

/// A project of its own with a copy of the layouts and fonts (and no profiles).
fn pack_project() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let project = tmp.path().join("project");
    common::copy_dir(&root().join("layouts"), &project.join("layouts"));
    common::copy_dir(&root().join("fonts"), &project.join("fonts"));
    (tmp, project)
}

#[test]
fn pack_round_trip_is_byte_identical_for_every_language_and_format() {
    let (tmp, project) = pack_project();
    // The session the importer opens on this project sees the same packs.
    let names = mgi_press::load::DisplayNames::relative_to(&project);
    let session = mgi_press::Session::open_with(&project, "mgi", names).unwrap();
    for lang in LANGS {
        let json = project
            .join("layouts/mgi/lang")
            .join(format!("{lang}.json"));
        let original = std::fs::read(root().join("layouts/mgi/lang").join(format!("{lang}.json")));
        for (format, ext) in FORMATS {
            let file = tmp.path().join(format!("pack-{lang}.{ext}"));
            let args = [
                "i18n",
                "export",
                "--pack",
                lang,
                "--format",
                format,
                "-o",
                s(&file),
            ];
            ok(&run(&project, &args));
            let exported = std::fs::read_to_string(&file).unwrap();
            assert!(
                exported.contains(&format!("layouts/mgi/lang/{lang}.json")),
                "{exported:.600}"
            );
            let said = ok(&run(&project, &["i18n", "import", s(&file)]));
            assert!(said.contains("(0 changed)"), "{said}");
            assert!(
                std::fs::read(&json).ok() == original.as_ref().ok().cloned(),
                "{lang} {format}"
            );
        }
        let cat = pack_catalog(&session.i18n(), lang).unwrap();
        assert_lock_current(&project.join("layouts/mgi/lang"), lang, &cat);
    }
}

/// Fails with the install step when a tool the test needs is missing.
fn require(tool: &str, probe: &mut Command) {
    let found = probe.output().is_ok_and(|o| o.status.success());
    assert!(
        found,
        "{tool} is not installed: run the install step of .ci/run \
         (apt-get install -y gettext; python3 -m pip install translate-toolkit)"
    );
}

/// What translate-toolkit reads from an XLIFF file: per unit, id, notes, maxwidth, target and
/// whether it is fuzzy.
const TTK_SCRIPT: &str = r#"
import json, sys
from translate.storage import xliff
store = xliff.xlifffile.parsefile(sys.argv[1])
units = [u for u in store.units if not u.isheader()]
print(json.dumps([{"id": u.getid().split("\x04")[-1], "notes": u.getnotes(),
                   "maxwidth": u.xmlelement.get("maxwidth"),
                   "target": str(u.target) if u.target is not None else None,
                   "fuzzy": u.isfuzzy()} for u in units]))
"#;

fn translate_toolkit(file: &Path) -> Vec<serde_json::Value> {
    let out = Command::new("python3")
        .args(["-c", TTK_SCRIPT])
        .arg(file)
        .output()
        .unwrap();
    let text = ok(&out);
    serde_json::from_str::<Vec<serde_json::Value>>(&text).unwrap()
}

/// The units of the catalog plus one per footnote.
fn expected_units(cat: &Catalog) -> usize {
    cat.units
        .iter()
        .map(|u| 1 + segments::notes(&segments::segment(&u.source)).len())
        .sum()
}

fn assert_read_by_independent_tools(cat: &Catalog, xliff: &Path, po: &Path) {
    let msgfmt = Command::new("msgfmt")
        .args(["--check", "-o", "/dev/null"])
        .arg(po)
        .output()
        .unwrap();
    assert!(
        msgfmt.status.success(),
        "msgfmt --check {}: {}",
        po.display(),
        String::from_utf8_lossy(&msgfmt.stderr)
    );
    let units = translate_toolkit(xliff);
    assert_eq!(units.len(), expected_units(cat), "{}", xliff.display());
    for unit in &cat.units {
        let read = units
            .iter()
            .find(|u| u["id"].as_str().is_some_and(|id| id.ends_with(&unit.key)))
            .unwrap_or_else(|| panic!("translate-toolkit did not find {}", unit.key));
        if let Some(note) = &unit.note {
            assert!(
                read["notes"].as_str().unwrap().contains(note.as_str()),
                "{read}"
            );
        }
        let max = unit.max_length.map(|m| m.to_string());
        assert_eq!(read["maxwidth"].as_str(), max.as_deref(), "{}", unit.key);
        if unit.state == UnitState::Translated && !unit.source.contains(['*', '[', '{', '\\']) {
            assert_eq!(
                read["target"].as_str(),
                unit.target.as_deref(),
                "{}",
                unit.key
            );
            assert_eq!(read["fuzzy"], false, "{}", unit.key);
        }
    }
}

#[test]
fn exported_files_are_read_by_gettext_and_translate_toolkit() {
    require("gettext (msgfmt)", Command::new("msgfmt").arg("--version"));
    require(
        "translate-toolkit",
        Command::new("python3").args(["-c", "import translate.storage.xliff"]),
    );
    let tmp = tempfile::tempdir().unwrap();
    // A complete translation, one that does not exist yet, and a language pack.
    for (target, lang) in [("profile", "fr"), ("profile", "de"), ("pack", "ar")] {
        let (xliff, po) = (
            tmp.path().join(format!("{target}-{lang}.xlf")),
            tmp.path().join(format!("{target}-{lang}.po")),
        );
        for (file, format) in [(&xliff, "xliff"), (&po, "po")] {
            let mut args = vec!["i18n", "export", "--format", format, "-o", s(file)];
            let sample = sample();
            if target == "pack" {
                args.extend(["--pack", lang]);
            } else {
                args.extend([s(&sample), "--lang", lang]);
            }
            ok(&run(&root(), &args));
        }
        let cat = match target {
            "pack" => pack_catalog(&common::session().i18n(), lang).unwrap(),
            _ => catalog(&sample(), lang),
        };
        assert!(
            cat.units
                .iter()
                .any(|u| u.note.is_some() && u.max_length.is_some())
        );
        assert_read_by_independent_tools(&cat, &xliff, &po);
    }
}

/// The 1-based line of the first occurrence of `needle` after `after` in `text`.
fn line_of(text: &str, after: &str, needle: &str) -> usize {
    let start = text.find(after).unwrap_or_else(|| panic!("no {after}"));
    let at = start
        + text[start..]
            .find(needle)
            .unwrap_or_else(|| panic!("no {needle}"));
    text[..at].matches('\n').count() + 1
}

/// Imports a file that must be refused: exit 1, nothing written; the short diagnostics.
fn refused(project: &Path, file: &Path, watched: &[PathBuf]) -> String {
    let before: Vec<Option<Vec<u8>>> = watched.iter().map(|p| std::fs::read(p).ok()).collect();
    let out = run(project, &["i18n", "import", s(file)]);
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("nothing was written"), "{stderr}");
    let after: Vec<Option<Vec<u8>>> = watched.iter().map(|p| std::fs::read(p).ok()).collect();
    assert!(before == after, "a refused import changed a file");
    stderr
}

/// `file:LINE:COL: error: …` naming `unit` is among the diagnostics.
fn assert_located(stderr: &str, file: &Path, line: usize, unit: &str, what: &str) {
    let prefix = format!("{}:{line}:", file.display());
    let found = stderr
        .lines()
        .any(|l| l.starts_with(&prefix) && l.contains(&format!("`{unit}`")) && l.contains(what));
    assert!(found, "no `{prefix}…{unit}…{what}` in:\n{stderr}");
}

/// The byte range of the content of the `<target>` of unit `id`.
fn target_range(text: &str, id: &str) -> std::ops::Range<usize> {
    let unit = text
        .find(&format!("id=\"{id}\""))
        .unwrap_or_else(|| panic!("no unit {id}"));
    let start = unit + text[unit..].find("<target").unwrap();
    let start = start + text[start..].find('>').unwrap() + 1;
    start..start + text[start..].find("</target>").unwrap()
}

/// Removes what `pattern` matches in the target of unit `id`.
fn strip_in_target(text: &mut String, id: &str, pattern: &str) {
    let range = target_range(text, id);
    let re = regex_lite::Regex::new(pattern).unwrap();
    let stripped = re.replace_all(&text[range.clone()], "").into_owned();
    assert_ne!(
        stripped,
        text[range.clone()],
        "{id}: nothing matches {pattern}"
    );
    text.replace_range(range, &stripped);
}

#[test]
fn xliff_that_drops_a_footnote_a_link_or_a_placeholder_is_refused() {
    let (tmp, dir) = sample_copy();
    let watched = [dir.join("text/fr.json"), dir.join("text/_lock.fr.json")];
    let file = tmp.path().join("fr.xlf");
    ok(&run(
        &root(),
        &["i18n", "export", s(&dir), "--lang", "fr", "-o", s(&file)],
    ));
    let mut text = std::fs::read_to_string(&file).unwrap();
    // Drop the footnote marker of one unit and the link codes of another; give a unit an
    // unknown id and another a text over its limit.
    let (note_unit, link_unit) = (
        "findings.rights.well_developed.p1",
        "findings.government.well_developed.p5",
    );
    strip_in_target(
        &mut text,
        note_unit,
        r#"<ph id="\d+" ctype="x-footnote"[^>]*>\^\[…\]</ph>"#,
    );
    strip_in_target(
        &mut text,
        link_unit,
        r#"<bpt id="\d+" ctype="link">\[</bpt>|<ept id="\d+">\]\([^<]*\)</ept>"#,
    );
    text = text.replacen(
        "id=\"introduction_note\" resname",
        "id=\"introduction.nope\" resname",
        1,
    );
    let name = target_range(&text, "country.name");
    text.replace_range(name, &"R".repeat(81));
    let short = target_range(&text, "country.short_name");
    text.replace_range(short, "Valdoria \u{1F600}");
    std::fs::write(&file, &text).unwrap();
    let stderr = refused(&root(), &file, &watched);
    let target_line = |id: &str| line_of(&text, &format!("id=\"{id}\""), "<target");
    assert_located(
        &stderr,
        &file,
        target_line(note_unit),
        note_unit,
        "lost the footnote",
    );
    assert_located(
        &stderr,
        &file,
        target_line(link_unit),
        link_unit,
        "lost the link `[…](https://",
    );
    let short = "country.short_name";
    assert_located(
        &stderr,
        &file,
        target_line(short),
        short,
        "no embedded font has a glyph",
    );
    let unknown = "introduction.nope";
    assert_located(
        &stderr,
        &file,
        target_line(unknown),
        unknown,
        "unknown unit id",
    );
    let limit = "81 characters long, more than the 80 allowed";
    assert_located(
        &stderr,
        &file,
        target_line("country.name"),
        "country.name",
        limit,
    );
}

#[test]
fn po_that_drops_a_footnote_a_link_or_a_placeholder_is_refused() {
    // The language pack has placeholders; a project of its own keeps the real one untouched.
    let (tmp, project) = pack_project();
    let lang_dir = project.join("layouts/mgi/lang");
    let watched = [lang_dir.join("fr.json"), lang_dir.join("_lock.fr.json")];
    let file = tmp.path().join("fr.po");
    ok(&run(
        &project,
        &[
            "i18n",
            "export",
            "--pack",
            "fr",
            "--format",
            "po",
            "-o",
            s(&file),
        ],
    ));
    let mut text = std::fs::read_to_string(&file).unwrap();
    let msgstr_of = |text: &str, key: &str| {
        let at = text.find(&format!("msgctxt \"{key}\"")).unwrap();
        at + text[at..].find("msgstr").unwrap()
    };
    // A placeholder, a footnote and a link, each taken out of one translation; a footnote
    // left empty, which `check` refuses.
    let note = r"\^\[([^\[\]]|\[[^\]]*\]\([^)]*\))*\]";
    let cases = [
        ("legal.copyright", r"\{\{year\}\}", "", "placeholders"),
        ("introduction.body", note, "", "footnote"),
        ("legal.licence", r"\]\(https?://[^)]*\)", "", "link"),
        ("annexes.migof_body", note, "^[]", "this footnote is empty"),
    ];
    let mut lines = Vec::new();
    for (key, pattern, replacement, what) in cases {
        let at = msgstr_of(&text, key);
        let end = at + text[at..].find("\n\n").unwrap_or(text.len() - at);
        let re = regex_lite::Regex::new(pattern).unwrap();
        let entry = text[at..end].to_string();
        assert!(
            re.is_match(&entry),
            "the pack changed: {key} has no match of {pattern}"
        );
        text.replace_range(at..end, &re.replace(&entry, replacement));
        lines.push((key, text[..at].matches('\n').count() + 1, what));
    }
    std::fs::write(&file, &text).unwrap();
    let stderr = refused(&project, &file, &watched);
    for (key, line, what) in lines {
        assert_located(&stderr, &file, line, key, what);
    }
}

#[test]
fn an_english_edit_makes_that_key_stale_and_a_fresh_import_clears_it() {
    let (tmp, dir) = sample_copy();
    ensure_locks(&dir);
    let key = "findings.rights.potential.p1";
    let en = dir.join("text/en.json");
    common::edit_json(&en, |v| {
        let p = &mut v["findings"]["rights"]["potential"]["p1"];
        *p = serde_json::Value::String(format!("{} It was revised in 2025.", p.as_str().unwrap()));
    });
    for lang in LANGS {
        let stale: Vec<String> = catalog(&dir, lang)
            .units
            .into_iter()
            .filter(|u| u.state == UnitState::NeedsReview)
            .map(|u| u.key)
            .collect();
        assert_eq!(stale, vec![key.to_string()], "{lang}");
    }
    // The export says so: XLIFF needs-review-translation, PO fuzzy.
    let (xlf, po) = (tmp.path().join("fr.xlf"), tmp.path().join("fr.po"));
    ok(&run(
        &root(),
        &["i18n", "export", s(&dir), "--lang", "fr", "-o", s(&xlf)],
    ));
    ok(&run(
        &root(),
        &[
            "i18n",
            "export",
            s(&dir),
            "--lang",
            "fr",
            "--format",
            "po",
            "-o",
            s(&po),
        ],
    ));
    let xliff = std::fs::read_to_string(&xlf).unwrap();
    assert_eq!(
        xliff.matches("state=\"needs-review-translation\"").count(),
        1 + footnotes(&dir, key)
    );
    assert!(
        xliff[xliff.find(&format!("id=\"{key}\"")).unwrap()..]
            .starts_with(&format!("id=\"{key}\" resname=\"{key}\" xml:space"))
    );
    let po_text = std::fs::read_to_string(&po).unwrap();
    assert_eq!(po_text.matches("#, fuzzy\n").count(), 1);
    assert!(po_text.contains(&format!("#, fuzzy\nmsgctxt \"{key}\"")));
    // Importing the file as it is keeps the key stale (nobody reviewed it) …
    ok(&run(&root(), &["i18n", "import", s(&xlf)]));
    assert_eq!(state_of(&dir, "fr", key), UnitState::NeedsReview);
    // … a fresh translation clears it, in French only.
    // (Only this key's units, its footnotes' included, need review.)
    let mut fresh = xliff.replace("state=\"needs-review-translation\"", "state=\"translated\"");
    let range = target_range(&fresh, key);
    fresh.insert_str(range.end, " Il a été révisé en 2025.");
    std::fs::write(&xlf, &fresh).unwrap();
    let said = ok(&run(&root(), &["i18n", "import", s(&xlf)]));
    assert!(said.contains("(1 changed)"), "{said}");
    assert_eq!(state_of(&dir, "fr", key), UnitState::Translated);
    let fr: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.join("text/fr.json")).unwrap()).unwrap();
    assert!(
        fr["findings"]["rights"]["potential"]["p1"]
            .as_str()
            .unwrap()
            .ends_with("Il a été révisé en 2025.")
    );
    assert_eq!(state_of(&dir, "es", key), UnitState::NeedsReview);
}

fn footnotes(dir: &Path, key: &str) -> usize {
    let cat = catalog(dir, "fr");
    let unit = cat.units.iter().find(|u| u.key == key).unwrap();
    segments::notes(&segments::segment(&unit.source)).len()
}

fn state_of(dir: &Path, lang: &str, key: &str) -> UnitState {
    catalog(dir, lang)
        .units
        .into_iter()
        .find(|u| u.key == key)
        .unwrap()
        .state
}

#[test]
fn import_creates_a_new_language_in_english_key_order() {
    let (tmp, dir) = sample_copy();
    let file = tmp.path().join("de.xlf");
    ok(&run(
        &root(),
        &["i18n", "export", s(&dir), "--lang", "de", "-o", s(&file)],
    ));
    let mut text = std::fs::read_to_string(&file).unwrap();
    assert!(!text.contains("<target"), "a new language has no targets");
    for (key, german) in [
        ("country.short_name", "Valdorien"),
        ("country.name", "Republik Valdorien"),
    ] {
        let at = text.find(&format!("id=\"{key}\"")).unwrap();
        let end = at + text[at..].find("</source>").unwrap() + "</source>".len();
        text.insert_str(
            end,
            &format!("\n        <target state=\"translated\">{german}</target>"),
        );
    }
    std::fs::write(&file, &text).unwrap();
    let de = dir.join("text/de.json");
    let dry = ok(&run(&root(), &["i18n", "import", s(&file), "--dry-run"]));
    assert!(dry.contains("nothing written") && !de.exists(), "{dry}");
    let said = ok(&run(&root(), &["i18n", "import", s(&file)]));
    assert!(
        said.contains("imported 2 units") && said.contains("(2 changed)"),
        "{said}"
    );
    let written = std::fs::read_to_string(&de).unwrap();
    let expected = "{\n  \"$schema\": \"../../../schemas/text.schema.json\",\n  \"country\": {\n    \"name\": \"Republik Valdorien\",\n    \"short_name\": \"Valdorien\"\n  }\n}\n";
    assert_eq!(written, expected);
    assert_eq!(Lock::load(&dir.join("text"), "de").keys.len(), 2);
    ok(&run(&root(), &["check", s(&dir)]));
}
