//! The data format: every bad input in `tests/fixtures/invalid/<case>/` gets the located
//! messages kept in its `expected.txt` snapshot (set UPDATE_SNAPSHOTS=1 to rewrite them after
//! an intended change); profile text is never executed; `new` scaffolds a profile that passes.

mod common;

use std::path::Path;
use std::process::Command;

use common::*;
use mgi_press::diagnostics::render_all;

fn check_output(dir: &Path) -> (String, bool) {
    let diags = session().check(dir, false);
    let failed = diags.iter().any(|d| d.is_error());
    (render_all(&diags), failed)
}

#[test]
fn invalid_fixtures_match_their_snapshots() {
    let base = root().join("tests/fixtures/invalid");
    let mut cases: Vec<_> = std::fs::read_dir(&base)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_dir())
        .collect();
    cases.sort();
    assert!(cases.len() >= 25, "only {} invalid fixtures", cases.len());
    let update = std::env::var_os("UPDATE_SNAPSHOTS").is_some();
    let mut mismatches = Vec::new();
    // Messages name files relative to the project root (the session's display base).
    for case in &cases {
        let (got, failed) = check_output(case);
        let name = case.file_name().unwrap().to_string_lossy().to_string();
        assert!(failed, "{name}: expected an error, got:\n{got}");
        let snapshot = case.join("expected.txt");
        if update {
            std::fs::write(&snapshot, &got).unwrap();
            continue;
        }
        let want = std::fs::read_to_string(&snapshot).unwrap_or_default();
        if want != got {
            mismatches.push(format!("== {name}\n-- expected:\n{want}\n-- got:\n{got}"));
        }
    }
    assert!(
        mismatches.is_empty(),
        "{} snapshot(s) differ:\n{}",
        mismatches.len(),
        mismatches.join("\n")
    );
}

#[test]
fn every_error_names_file_line_column_and_path() {
    let (out, _) = check_output(&root().join("tests/fixtures/invalid/many-problems-at-once"));
    // All problems of both files at once, each located.
    for needle in [
        "unknown field `yaer`",
        "did you mean `year`?",
        "expected one of \"a4\", \"letter\", found the string \"A4\"",
        "unknown field `nmae`",
        "expected a string, found the number 7",
    ] {
        assert!(out.contains(needle), "`{needle}` missing in:\n{out}");
    }
    // The JSON path labels the carets under the located value (diagnostics rendering).
    assert!(
        out.contains("many-problems-at-once/profile.json:40:3\n")
            && out.contains("^^^^^^ at $.yaer"),
        "{out}"
    );
    assert!(
        out.contains("many-problems-at-once/text/en.json:6:5\n")
            && out.contains("^^^^^^ at $.country.nmae"),
        "{out}"
    );
    assert!(
        out.contains("at $.findings.rights.well_developed.p2"),
        "{out}"
    );
}

#[test]
fn oversized_files_are_refused_with_a_clear_message() {
    let (_tmp, dir) = sample_copy();
    let big = format!("{{\"x\": \"{}\"}}", "a".repeat(9 * 1024 * 1024));
    std::fs::write(dir.join("text").join("en.json"), big).unwrap();
    let (out, failed) = check_output(&dir);
    assert!(failed);
    assert!(
        out.contains("more than the 8388608 bytes a data file may have"),
        "{out}"
    );
}

#[test]
fn no_panic_on_arbitrary_bytes() {
    let (_tmp, dir) = sample_copy();
    let inputs: [&[u8]; 8] = [
        b"",
        b"\xff\xfe",
        b"[",
        b"{\"year\":",
        b"{}",
        b"null",
        b"\"\\ud800\"",
        b"{\"a\":1e999999}",
    ];
    for input in inputs {
        std::fs::write(dir.join("profile.json"), input).unwrap();
        let (out, failed) = check_output(&dir);
        assert!(failed, "{input:?} accepted:\n{out}");
    }
}

/// Strings that would do something in Typst markup or code.
const INJECTIONS: [&str; 10] = [
    "#read(\"/etc/passwd\")",
    "#set page(width: 1cm)",
    "$x^2$",
    "@label",
    "<tag>",
    "back\\slash",
    "[brackets]",
    "// line comment",
    "/* block comment */",
    "#{ panic(\"boom\") }",
];

#[test]
fn profile_text_is_printed_not_executed() {
    let (_tmp, dir) = sample_copy();
    edit_json(&dir.join("text").join("en.json"), |t| {
        let para = INJECTIONS.join(" ~ ");
        t["findings"]["safe"]["potential"]["p1"] =
            serde_json::Value::String(format!("Injected: {para}"));
        t["sources"]["groups"]["parliament"] =
            serde_json::Value::String("#set text(size: 40pt) Parliament".into());
    });
    let (_, pages) = layout(&dir, "en");
    // Join the page text without separators to read across line and run breaks.
    let text: String = pages
        .iter()
        .flat_map(|p| p.runs.iter().map(|r| r.text.clone()))
        .collect::<Vec<_>>()
        .join("");
    let squeezed: String = text.split_whitespace().collect();
    for s in INJECTIONS {
        let want: String = s.split_whitespace().collect();
        assert!(squeezed.contains(&want), "`{s}` not printed literally");
    }
    assert!(squeezed.contains("#settext(size:40pt)Parliament"));
    // The page size did not change.
    assert!(pages.iter().all(|p| p.width > 500.0));
}

#[test]
fn scaffolded_profile_passes_check_with_placeholder_warnings() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("newland");
    let bin = env!("CARGO_BIN_EXE_mgi-press");
    let status = Command::new(bin)
        .args([
            "new",
            dir.to_str().unwrap(),
            "--country",
            "Republic of Newland",
            "--year",
            "2026",
        ])
        .current_dir(root())
        .status()
        .unwrap();
    assert!(status.success());
    let check = Command::new(bin)
        .args(["check", dir.to_str().unwrap()])
        .current_dir(root())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&check.stderr);
    assert_eq!(check.status.code(), Some(0), "{stderr}");
    assert!(
        stderr.contains("placeholder text not yet replaced"),
        "{stderr}"
    );
    // And it builds.
    let out = tempfile::tempdir().unwrap();
    let reports = build(&[dir], &["en"], out.path());
    assert_eq!(
        reports[0].status,
        mgi_press::Status::Built,
        "{}",
        render_all(&reports[0].diagnostics)
    );
}

#[test]
fn sample_passes_check_without_errors() {
    let (out, failed) = check_output(&sample());
    assert!(!failed, "{out}");
}

#[test]
fn schemas_on_disk_are_current_and_validate_the_sample() {
    for (name, schema) in mgi_press::load::model::schemas() {
        let on_disk =
            std::fs::read_to_string(root().join("schemas").join(name)).unwrap_or_default();
        let mut want = serde_json::to_string_pretty(&schema).unwrap();
        want.push('\n');
        assert_eq!(
            on_disk, want,
            "schemas/{name} is stale: run `mgi-press schema`"
        );
    }
    let schemas = mgi_press::load::model::schemas();
    let get = |n: &str| schemas.iter().find(|(k, _)| *k == n).unwrap().1.clone();
    let names = mgi_press::load::DisplayNames::relative_to(root());
    for (file, schema) in [
        ("profiles/valdoria/profile.json", "profile.schema.json"),
        ("profiles/valdoria/text/en.json", "text.schema.json"),
        ("layouts/mgi/lang/en.json", "pack.schema.json"),
    ] {
        let (parsed, diags) = mgi_press::load::read_json(&root().join(file), &get(schema), &names);
        assert!(
            parsed.is_some() && diags.is_empty(),
            "{file}: {}",
            render_all(&diags)
        );
    }
}
