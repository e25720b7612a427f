//! Languages: every pack and sample text is covered by the embedded fonts, Arabic is laid out
//! right to left, Cyrillic (with Tajik letters) is present, missing text falls back to English
//! with a warning (an error with --strict), and `i18n status` reports what translators need.

mod common;

use std::process::Command;

use common::*;
use mgi_press::Status;
use mgi_press::diagnostics::render_all;

#[test]
fn sample_builds_in_six_languages_without_fallback() {
    let out = tempfile::tempdir().unwrap();
    let langs = ["en", "fr", "es", "pt", "ru", "ar"];
    let reports = build(&[sample()], &langs, out.path());
    assert_eq!(reports.len(), 6);
    for r in &reports {
        assert_eq!(
            r.status,
            Status::Built,
            "{}: {}",
            r.lang,
            render_all(&r.diagnostics)
        );
        let pages = r.pages.unwrap();
        assert!((24..=40).contains(&pages), "{}: {pages} pages", r.lang);
        // Every language is complete: no fallback, no warning at all.
        assert!(
            r.diagnostics.is_empty(),
            "{}: {}",
            r.lang,
            render_all(&r.diagnostics)
        );
    }
    // All fonts are embedded in the Arabic PDF.
    let pdf = String::from_utf8_lossy(&std::fs::read(out.path().join("valdoria.ar.pdf")).unwrap())
        .into_owned();
    assert!(pdf.contains("NotoSansArabic"), "Arabic font not embedded");
}

#[test]
fn a_language_without_profile_text_falls_back_to_english_with_a_warning() {
    let (_tmp, dir) = sample_copy();
    std::fs::remove_file(dir.join("text/fr.json")).unwrap();
    let out = tempfile::tempdir().unwrap();
    let reports = build(&[dir], &["fr"], out.path());
    assert_eq!(reports[0].status, Status::Built);
    let warnings = render_all(&reports[0].diagnostics);
    assert!(
        warnings.contains("text/fr.json does not exist"),
        "{warnings}"
    );
    assert!(warnings.contains("falls back to English"), "{warnings}");
}

#[test]
fn every_character_of_every_pack_and_sample_text_has_a_glyph() {
    let s = session();
    let fonts = s.shared.fonts();
    let profile = s.load_checked(&sample()).profile.unwrap();
    let mut checked = 0;
    let texts = s.packs.by_lang.values().chain(profile.texts.values());
    for strings in texts {
        for (key, entry) in &strings.entries {
            for c in entry
                .value
                .chars()
                .filter(|c| mgi_press::resolve::needs_glyph(*c))
            {
                assert!(
                    fonts.covers(c),
                    "{} `{key}`: no glyph for {c:?} (U+{:04X})",
                    strings.file.name,
                    c as u32
                );
                checked += 1;
            }
        }
    }
    assert!(checked > 50_000, "only {checked} characters checked");
    for c in "ғӣқӯҳҷҒӢҚӮҲҶ".chars() {
        assert!(fonts.covers(c), "Tajik letter {c} not covered");
    }
}

#[test]
fn a_character_without_glyph_fails_the_build_naming_it() {
    let (_tmp, dir) = sample_copy();
    edit_json(&dir.join("text").join("ru.json"), |t| {
        t["findings"]["safe"]["potential"]["p1"] = "Текст с иероглифом 中 внутри.".into();
    });
    let out = tempfile::tempdir().unwrap();
    let reports = build(&[dir], &["ru"], out.path());
    assert_eq!(reports[0].status, Status::Failed);
    let text = render_all(&reports[0].diagnostics);
    assert!(
        text.contains("no embedded font has a glyph for '中' (U+4E2D)"),
        "{text}"
    );
    assert!(
        text.contains("ru.json:") && text.contains("findings.safe.potential.p1"),
        "{text}"
    );
    assert!(!out.path().join("valdoria.ru.pdf").exists());
}

fn heading_run<'a>(
    pages: &'a [mgi_press::typeset::inspect::PageInfo],
    title: &str,
) -> (
    &'a mgi_press::typeset::inspect::PageInfo,
    &'a mgi_press::typeset::inspect::TextRun,
) {
    pages
        .iter()
        .skip(3)
        .find_map(|p| {
            p.runs
                .iter()
                .find(|r| r.text.trim() == title && r.size >= 18.0)
                .map(|r| (p, r))
        })
        .unwrap_or_else(|| panic!("heading `{title}` not found"))
}

#[test]
fn arabic_is_laid_out_right_to_left() {
    let s = session();
    let profile = s.load_checked(&sample()).profile.unwrap();
    let title = |lang: &str| s.resolve(&profile, lang, false).0.unwrap().objective.title;
    let en = sample_layout("en");
    let ar = sample_layout("ar");
    // The objective heading starts at the left margin in English and ends at the right
    // margin in Arabic.
    let (pe, he) = heading_run(en, &title("en").to_uppercase());
    let (pa, ha) = heading_run(ar, &title("ar"));
    assert!(
        he.x < pe.width * 0.25,
        "English heading not at the left: {he:?}"
    );
    assert!(
        ha.x > pa.width * 0.5 && ha.x + ha.width > pa.width * 0.8,
        "Arabic heading not at the right: {ha:?}"
    );
    // Body lines of the Arabic objective all end at the right margin (start alignment in RTL);
    // the last line of each paragraph is short on the left (the end side).
    let mut lines: std::collections::BTreeMap<i64, (f64, f64)> = Default::default();
    for r in pa.runs.iter().filter(|r| {
        r.size >= 9.0 && r.y > ha.y + 10.0 && r.y < pa.height - 60.0 && r.font.contains("Arabic")
    }) {
        let e = lines.entry(r.y.round() as i64).or_insert((f64::MAX, 0.0));
        e.0 = e.0.min(r.x);
        e.1 = e.1.max(r.x + r.width);
    }
    assert!(
        lines.len() >= 5,
        "no Arabic body text on the objective page"
    );
    let right = lines.values().map(|l| l.1).fold(0.0, f64::max);
    let left = lines.values().map(|l| l.0).fold(f64::MAX, f64::min);
    let flush_right = lines.values().filter(|l| (l.1 - right).abs() < 2.0).count();
    assert!(
        flush_right * 2 >= lines.len(),
        "most Arabic lines should end at the right margin: {lines:?}"
    );
    assert!(
        lines.values().any(|l| l.0 > left + 30.0),
        "no Arabic line is ragged on the left: {lines:?}"
    );
    // Page numbers mirror too: right in English, left in Arabic (on the same page).
    let num = |p: &mgi_press::typeset::inspect::PageInfo| {
        p.runs
            .iter()
            .find(|r| r.y > p.height - 60.0 && r.text.trim().parse::<usize>().is_ok())
            .cloned()
    };
    let (ne, na) = (num(pe).unwrap(), num(pa).unwrap());
    assert!(
        ne.x > pe.width / 2.0 && na.x < pa.width / 2.0,
        "page numbers not mirrored: en {ne:?}, ar {na:?}"
    );
}

#[test]
fn cyrillic_and_tajik_text_is_present_in_the_russian_document() {
    let ru = sample_layout("ru");
    let all: String = ru.iter().map(|p| p.text()).collect();
    assert!(all.contains("Валдория"), "no Russian country name");
    for c in "ғӣқӯҳҷ".chars() {
        assert!(
            all.contains(c),
            "Tajik letter {c} missing from the Russian document"
        );
    }
    let fonts: Vec<&str> = ru
        .iter()
        .flat_map(|p| p.runs.iter().map(|r| r.font.as_str()))
        .collect();
    assert!(
        fonts.iter().all(|f| f.starts_with("Noto Sans")),
        "unexpected fonts: {fonts:?}"
    );
}

#[test]
fn dates_use_the_language_month_names() {
    let s = session();
    let profile = s.load_checked(&sample()).profile.unwrap();
    let date = |lang: &str| {
        s.resolve(&profile, lang, false)
            .0
            .unwrap()
            .meta
            .published_text
    };
    assert_eq!(date("en"), "30 September 2025");
    assert!(date("ru").contains("сентября"), "{}", date("ru"));
    assert!(date("fr").contains("septembre"), "{}", date("fr"));
    // The date is printed on the legal page.
    let legal = &sample_layout("ru")[1];
    assert!(
        legal.text().contains("30 сентября 2025"),
        "{}",
        legal.text()
    );
}

#[test]
fn missing_keys_fall_back_with_a_warning_and_strict_fails() {
    let (_tmp, dir) = sample_copy();
    edit_json(&dir.join("text").join("ru.json"), |t| {
        t["findings"]["rights"]["potential"]
            .as_object_mut()
            .unwrap()
            .remove("p2");
    });
    let s = session();
    let profile = s.load_checked(&dir).profile.unwrap();
    let (vm, diags) = s.resolve(&profile, "ru", false);
    assert!(vm.is_some());
    let text = render_all(&diags);
    assert!(
        text.contains("warning: missing translation: `findings.rights.potential.p2` is not in"),
        "{text}"
    );
    assert!(text.contains("ru.json"), "{text}");
    let (vm, diags) = s.resolve(&profile, "ru", true);
    assert!(vm.is_none(), "--strict accepted a fallback");
    assert!(render_all(&diags).contains("error: missing translation"));

    // The same through the command line: --strict exits 1.
    let bin = env!("CARGO_BIN_EXE_mgi-press");
    let out = tempfile::tempdir().unwrap();
    let run = |strict: bool| {
        let mut cmd = Command::new(bin);
        cmd.args([
            "build",
            dir.to_str().unwrap(),
            "--lang",
            "ru",
            "--out",
            out.path().to_str().unwrap(),
            "--force",
        ]);
        if strict {
            cmd.arg("--strict");
        }
        cmd.current_dir(root()).output().unwrap()
    };
    assert_eq!(run(false).status.code(), Some(0));
    let strict = run(true);
    assert_eq!(
        strict.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&strict.stderr)
    );
}

#[test]
fn i18n_status_reports_missing_untranslated_and_extra_keys() {
    let (_tmp, dir) = sample_copy();
    std::fs::remove_file(dir.join("text").join("fr.json")).unwrap();
    edit_json(&dir.join("text").join("ar.json"), |t| {
        t["findings"]["crises"]["well_developed"]
            .as_object_mut()
            .unwrap()
            .remove("p1");
        t["country"]["short_name"] = "Valdoria".into(); // identical to English
        t["findings"]["crises"]["potential"]["p9"] = "نص زائد".into(); // not in English
    });
    let bin = env!("CARGO_BIN_EXE_mgi-press");
    let output = Command::new(bin)
        .args(["i18n", "status", dir.to_str().unwrap(), "--format", "json"])
        .current_dir(root())
        .output()
        .unwrap();
    // Arabic is declared in profile.json and now incomplete: the report fails.
    assert_eq!(output.status.code(), Some(1));
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let entries = report.as_array().unwrap();
    let find = |scope: &str, lang: &str| {
        entries
            .iter()
            .find(|e| e["scope"] == scope && e["lang"] == lang)
            .unwrap_or_else(|| panic!("no {scope}/{lang}"))
    };
    let ar = find("valdoria", "ar");
    let keys = |field: &str| {
        ar[field]
            .as_array()
            .unwrap()
            .iter()
            .map(|k| k["json_path"].as_str().unwrap().to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(keys("missing"), vec!["$.findings.crises.well_developed.p1"]);
    assert_eq!(keys("untranslated"), vec!["$.country.short_name"]);
    assert_eq!(keys("extra"), vec!["$.findings.crises.potential.p9"]);
    // fr has no profile text at all; its pack is complete.
    let fr = find("valdoria", "fr");
    assert_eq!(fr["exists"], false);
    assert_eq!(fr["translated"], 0);
    let fr_pack = find("layout pack", "fr");
    assert_eq!(fr_pack["missing"].as_array().unwrap().len(), 0);
    assert!(fr_pack["translated"].as_u64().unwrap() > 50);
    // The human format names the file and paths.
    let human = Command::new(bin)
        .args(["i18n", "status", dir.to_str().unwrap()])
        .current_dir(root())
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&human.stdout);
    assert!(
        text.contains("valdoria [ar]")
            && text.contains("missing      $.findings.crises.well_developed.p1"),
        "{text}"
    );
}

#[test]
fn arabic_page_matches_its_png_reference() {
    let (doc, pages) = layout(&sample(), "ar");
    let objective = pages
        .iter()
        .skip(3)
        .position(|p| {
            p.runs
                .iter()
                .any(|r| r.text.trim() == "الهدف" && r.size >= 18.0)
        })
        .unwrap()
        + 3;
    compare_with_reference(&doc, objective, "ar-objective");
}

#[test]
fn source_year_keys_use_the_language_letters() {
    let s = session();
    let profile = s.load_checked(&sample()).profile.unwrap();
    let keys = |lang: &str| -> Vec<String> {
        let vm = s.resolve(&profile, lang, false).0.unwrap();
        vm.sources
            .groups
            .iter()
            .flat_map(|g| g.entries.iter().map(|e| e.key.clone()))
            .collect()
    };
    assert!(keys("en").iter().any(|k| k == "2015a") && keys("en").iter().any(|k| k == "n.d.b"));
    assert!(
        keys("ru").iter().any(|k| k == "2015а") && keys("ru").iter().any(|k| k == "б.д.б"),
        "{:?}",
        keys("ru")
    );
}

#[test]
fn editing_an_english_paragraph_makes_exactly_that_key_stale_in_every_language() {
    let (_tmp, dir) = sample_copy();
    let key = "findings.rights.potential.p2";
    edit_json(&dir.join("text/en.json"), |t| {
        let p2 = t["findings"]["rights"]["potential"]["p2"]
            .as_str()
            .unwrap()
            .to_string();
        t["findings"]["rights"]["potential"]["p2"] = format!("{p2} A sentence added later.").into();
    });
    let diags = session().check(&dir, false);
    let stale: Vec<&mgi_press::Diagnostic> = diags
        .iter()
        .filter(|d| {
            d.message
                .contains("was translated from an older English text")
        })
        .collect();
    let langs: Vec<String> = stale
        .iter()
        .map(|d| {
            d.location
                .as_ref()
                .unwrap()
                .file
                .rsplit('/')
                .next()
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(
        langs,
        ["ar.json", "es.json", "fr.json", "pt.json", "ru.json"],
        "{}",
        render_all(&diags)
    );
    assert!(stale.iter().all(|d| d.message.contains(key)));
    assert!(
        stale
            .iter()
            .all(|d| d.json_path.as_deref() == Some("$.findings.rights.potential.p2"))
    );
    // i18n status lists it as stale, and fails: every language is declared.
    let bin = env!("CARGO_BIN_EXE_mgi-press");
    let output = Command::new(bin)
        .args(["i18n", "status", dir.to_str().unwrap(), "--format", "json"])
        .current_dir(root())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    for entry in report
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["scope"] == "valdoria")
    {
        let stale: Vec<&str> = entry["stale"]
            .as_array()
            .unwrap()
            .iter()
            .map(|k| k["key"].as_str().unwrap())
            .collect();
        assert_eq!(stale, [key], "{}", entry["lang"]);
    }
}

#[test]
fn settings_are_not_translation_units() {
    let s = session();
    let catalog = mgi_press::i18n::units::pack_catalog(&s.i18n(), "fr").unwrap();
    let keys: Vec<&str> = catalog.units.iter().map(|u| u.key.as_str()).collect();
    for setting in [
        "language.dir",
        "labels.key_letters",
        "back_cover.portal_url",
        "back_cover.email",
    ] {
        assert!(!keys.contains(&setting), "{setting} is a unit");
    }
    assert!(keys.contains(&"labels.profile"));
    // And French words that are the same as English on purpose are confirmed, not flagged.
    let status = mgi_press::i18n::status(&s.i18n(), &[sample()]);
    let fr_pack = status
        .iter()
        .find(|st| st.scope == "layout pack" && st.lang == "fr")
        .unwrap();
    assert!(
        fr_pack.untranslated.is_empty(),
        "{:?}",
        fr_pack.untranslated
    );
    assert_eq!(fr_pack.translated, fr_pack.total);
}
