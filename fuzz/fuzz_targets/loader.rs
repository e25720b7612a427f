//! Fuzzes loading a profile folder (`mgi_press::load::load_profile`) and the JSON parser and
//! schema validator under it.
//!
//! Input: bytes `P [0xFF T]`. `P` is written as `profile.json`; when the input contains a 0xFF
//! byte (never part of UTF-8), the bytes after the first one are written as `text/en.json`
//! (otherwise there is no `text/` folder). Checks, all "never panics":
//! - `load_profile` on that folder (reading, BOM/UTF-8 handling, JSON parsing, schema
//!   validation, typed deserialisation, diagnostics with locations);
//! - `json::parse` on each part that is UTF-8, and `schema::validate` of the parsed value
//!   against every schema of `model::schemas()` (complete, and without required keys), plus
//!   `format_path` / `JsonFile::locate` of each violation;
//! - for a loaded profile, every text string is parsed as markup and each markup issue is
//!   located in the file with `JsonFile::locate_in_string`, as the resolve stage does.
#![no_main]

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use mgi_press::load::{self, DisplayNames, JsonFile, json, model, schema};
use mgi_press::resolve::markup;

const VARS: &[(&str, &str)] = &[("country", "X"), ("year", "2025")];

/// One scratch folder per fuzzing process, rewritten for every input.
fn scratch() -> &'static Path {
    static DIR: OnceLock<tempfile::TempDir> = OnceLock::new();
    DIR.get_or_init(|| {
        tempfile::Builder::new()
            .prefix("mgi-fuzz-loader-")
            .tempdir()
            .expect("create scratch folder")
    })
    .path()
}

fn schemas() -> &'static [(&'static str, serde_json::Value)] {
    static SCHEMAS: OnceLock<Vec<(&'static str, serde_json::Value)>> = OnceLock::new();
    SCHEMAS.get_or_init(model::schemas)
}

fn check_json(name: &str, bytes: &[u8]) {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return;
    };
    let Ok(root) = json::parse(text) else {
        return;
    };
    let _ = root.to_serde();
    let file = JsonFile {
        path: PathBuf::from(name),
        name: name.to_string(),
        text: text.to_string(),
        root,
    };
    for (_, schema) in schemas() {
        for schema in [schema.clone(), schema::without_required(schema)] {
            let violations = schema::validate(&schema, &file.root);
            for v in violations {
                let _ = json::format_path(&v.path);
                let _ = file.locate(&v.path, v.at);
            }
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let dir = scratch();
    let (facts, text) = match data.iter().position(|&b| b == 0xFF) {
        Some(i) => (&data[..i], Some(&data[i + 1..])),
        None => (data, None),
    };
    let text_dir = dir.join("text");
    fs::write(dir.join("profile.json"), facts).expect("write profile.json");
    match text {
        Some(text) => {
            fs::create_dir_all(&text_dir).expect("create text folder");
            fs::write(text_dir.join("en.json"), text).expect("write text/en.json");
        }
        None => {
            if text_dir.exists() {
                fs::remove_dir_all(&text_dir).expect("remove text folder");
            }
        }
    }

    let (loaded, _diags) = load::load_profile(dir, &DisplayNames::relative_to(dir));
    if let Some(p) = loaded {
        for strings in p.texts.values() {
            for entry in strings.entries.values() {
                let (_, issues) = markup::parse_blocks(&entry.value, VARS);
                for issue in issues {
                    let _ = strings
                        .file
                        .locate_in_string(&entry.path, issue.start, issue.len);
                }
            }
        }
    }

    check_json("profile.json", facts);
    if let Some(text) = text {
        check_json("text/en.json", text);
    }
});
