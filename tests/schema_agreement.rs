//! Our schema validator (which keeps every problem, with located messages and "did you mean")
//! against a standard one, Python's `jsonschema` (the reference implementation of JSON Schema,
//! installed by `.ci/run`): over the same generated schemas, both must agree on valid / invalid
//! for every sample file and every fixture file whose problem is not syntax, byte-order mark or
//! encoding (those never reach a schema). (The Rust `jsonschema` crate would do as well, but as
//! a dev-dependency it changes the features of crates Typst shares with it, so the tests would
//! compile Typst a second time after the README's first command.)

mod common;

use std::path::{Path, PathBuf};

use common::root;
use mgi_press::load::{json, model, schema};
use mgi_press::project::REFERENCE_LANG;

/// The schema a file is validated against, as the loader chooses it: by file kind, and
/// without required keys for every language but English.
fn schema_for(path: &Path) -> Option<serde_json::Value> {
    let file = path.file_name()?.to_str()?;
    if file.starts_with("_lock.") {
        return None; // written by mgi-press, not a file kind with a schema
    }
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

/// Our verdict, with the schema and the instance for the standard validator; None when the
/// file never reaches a schema.
fn ours(path: &Path) -> Option<(bool, serde_json::Value, serde_json::Value)> {
    let schema = schema_for(path)?;
    let bytes = std::fs::read(path).unwrap();
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        return None;
    }
    let text = std::str::from_utf8(&bytes).ok()?;
    let parsed = json::parse(text).ok()?;
    let value: serde_json::Value = serde_json::from_str(text).ok()?;
    Some((schema::validate(&schema, &parsed).is_empty(), schema, value))
}

/// Python's jsonschema on every (schema, instance) pair at once: one verdict each.
fn standard(pairs: &[(serde_json::Value, serde_json::Value)]) -> Vec<bool> {
    const SCRIPT: &str = r#"
import json, sys
import jsonschema
pairs = json.load(open(sys.argv[1]))
out = []
for schema, instance in pairs:
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    out.append(cls(schema).is_valid(instance))
print(json.dumps(out))
"#;
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("pairs.json");
    std::fs::write(&input, serde_json::to_vec(pairs).unwrap()).unwrap();
    let run = std::process::Command::new("python3")
        .args(["-c", SCRIPT])
        .arg(&input)
        .output()
        .expect("python3 runs");
    assert!(
        run.status.success(),
        "Python's jsonschema failed (install it as .ci/run does: python3 -m pip install jsonschema):\n{}",
        String::from_utf8_lossy(&run.stderr)
    );
    serde_json::from_slice(&run.stdout).unwrap()
}

#[test]
fn standard_validator_agrees_on_every_sample_and_fixture() {
    let mut files = Vec::new();
    for dir in ["profiles", "layouts", "tests/fixtures"] {
        json_files(&root().join(dir), &mut files);
    }
    files.sort();
    let checked: Vec<(PathBuf, bool, serde_json::Value, serde_json::Value)> = files
        .iter()
        .filter_map(|f| ours(f).map(|(v, schema, value)| (f.clone(), v, schema, value)))
        .collect();
    let pairs: Vec<(serde_json::Value, serde_json::Value)> = checked
        .iter()
        .map(|(_, _, schema, value)| (schema.clone(), value.clone()))
        .collect();
    let verdicts = standard(&pairs);
    let compared = checked.len();
    let invalid = checked.iter().filter(|c| !c.1).count();
    let mut disagreements = Vec::new();
    for ((file, ours, _, _), standard) in checked.iter().zip(&verdicts) {
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
