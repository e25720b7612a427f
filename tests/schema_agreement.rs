//! Our schema validator (which keeps every problem, with located messages and "did you mean")
//! against a standard one, the `jsonschema` crate: over the same generated schemas, both must
//! agree on valid / invalid for every sample file and every fixture file whose problem is not
//! syntax, byte-order mark or encoding (those never reach a schema).

mod common;

use std::path::{Path, PathBuf};

use common::root;
use mgi_press::load::{json, model, schema};
use mgi_press::project::REFERENCE_LANG;

/// The schema a file is validated against, as the loader chooses it: by file kind, and
/// without required keys for every language but English.
fn schema_for(path: &Path) -> Option<serde_json::Value> {
    let file = path.file_name()?.to_str()?;
    let parent = path.parent()?.file_name()?.to_str()?;
    let (name, complete) = match (parent, file) {
        (_, "profile.json") => ("profile.schema.json", true),
        (_, "_notes.json") => ("notes.schema.json", true),
        ("text", f) => ("text.schema.json", f == format!("{REFERENCE_LANG}.json")),
        ("lang", f) => ("pack.schema.json", f == format!("{REFERENCE_LANG}.json")),
        _ => return None,
    };
    let (_, full) = model::schemas().into_iter().find(|(n, _)| *n == name)?;
    Some(if complete {
        full
    } else {
        schema::without_required(&full)
    })
}

fn json_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            json_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "json") {
            out.push(path);
        }
    }
}

/// (ours valid, standard valid), or None when the file never reaches a schema.
fn verdicts(path: &Path) -> Option<(bool, bool)> {
    let schema = schema_for(path)?;
    let bytes = std::fs::read(path).unwrap();
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        return None;
    }
    let text = std::str::from_utf8(&bytes).ok()?;
    let ours = json::parse(text).ok()?;
    let value: serde_json::Value = serde_json::from_str(text).ok()?;
    let ours_valid = schema::validate(&schema, &ours).is_empty();
    let validator = jsonschema::validator_for(&schema).expect("a valid JSON Schema");
    Some((ours_valid, validator.is_valid(&value)))
}

#[test]
fn standard_validator_agrees_on_every_sample_and_fixture() {
    let mut files = Vec::new();
    for dir in ["profiles", "layouts", "tests/fixtures"] {
        json_files(&root().join(dir), &mut files);
    }
    files.sort();
    let mut compared = 0;
    let mut invalid = 0;
    let mut disagreements = Vec::new();
    for file in &files {
        let Some((ours, standard)) = verdicts(file) else {
            continue;
        };
        compared += 1;
        invalid += usize::from(!ours);
        if ours != standard {
            let rel = file.strip_prefix(root()).unwrap().display();
            disagreements.push(format!(
                "{rel}: ours valid={ours}, jsonschema valid={standard}"
            ));
        }
    }
    assert!(disagreements.is_empty(), "{}", disagreements.join("\n"));
    // The comparison covers real ground: samples, packs and the schema fixtures.
    assert!(compared >= 60, "only {compared} files compared");
    assert!(invalid >= 7, "only {invalid} invalid files compared");
    eprintln!("{compared} files compared, {invalid} of them invalid");
}
