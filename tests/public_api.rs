//! The readers the fuzz targets drive (`fuzz/fuzz_targets/`), reached through the library's
//! public face as the targets reach them. The fuzz crate is built apart (docs/fuzzing.md), so
//! this test is what fails when narrowing the library's visibility would break it.

use std::path::Path;

use mgi_press::load::{self, DisplayNames, JsonFile, json, model, schema};
use mgi_press::resolve::markup::{self, Issue};

const VARS: &[(&str, &str)] = &[("country", "X"), ("year", "2025")];

fn sample() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("profiles/valdoria")
}

#[test]
fn the_loader_targets_path_runs_on_the_sample() {
    let dir = sample();
    let (loaded, diags) = load::load_profile(&dir, &DisplayNames::relative_to(&dir));
    assert!(diags.is_empty(), "{diags:?}");
    let profile = loaded.expect("the sample loads");
    let mut issues_seen = 0;
    for strings in profile.texts.values() {
        for entry in strings.entries.values() {
            let (_, issues): (_, Vec<Issue>) = markup::parse_blocks(&entry.value, VARS);
            for issue in issues {
                issues_seen += 1;
                let _ = strings
                    .file
                    .locate_in_string(&entry.path, issue.start, issue.len);
            }
        }
    }
    assert_eq!(issues_seen, 0, "the sample's markup is clean");
}

#[test]
fn the_json_and_schema_readers_locate_every_violation() {
    let text = r#"{ "year": "twenty", "unknown_key": 1 }"#;
    let root = json::parse(text).expect("valid JSON");
    let _ = root.to_serde();
    let file = JsonFile {
        path: "profile.json".into(),
        name: "profile.json".into(),
        text: text.to_string(),
        root,
    };
    let schemas = model::schemas();
    let (_, facts) = schemas
        .iter()
        .find(|(name, _)| *name == "profile.schema.json")
        .expect("the facts schema");
    let mut located = 0;
    for schema in [facts.clone(), schema::without_required(facts)] {
        for v in schema::validate(&schema, &file.root) {
            assert!(!json::format_path(&v.path).is_empty());
            if file.locate(&v.path, v.at).is_some() {
                located += 1;
            }
        }
    }
    assert!(
        located >= 2,
        "the wrong year and the unknown key are located"
    );
}

#[test]
fn the_markup_targets_functions_keep_plain_text() {
    let (inlines, issues) = markup::parse_inlines("plain words, nothing else", VARS);
    assert!(issues.is_empty());
    assert_eq!(markup::plain_text(&inlines), "plain words, nothing else");
}
