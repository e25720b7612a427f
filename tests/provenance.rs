//! Source markers only where they are read: `build` and `watch` lay out the view model without
//! the preview's `mark` nodes and `src` maps, `serve`'s preview lays it out with them, and
//! `data` writes the batch's view model unless asked for the preview's (`--marked`).

mod common;

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::*;
use mgi_press::edition::Edition;
use mgi_press::preview::Preview;
use serde_json::Value;

const BIN: &str = env!("CARGO_BIN_EXE_mgi-press");

/// A layout that fails, naming how many it found, when its view model carries any source
/// marker (a `mark` node or a `src` map); otherwise it prints the country's name.
const COUNTING_LAYOUT: &str = r#"
#let count(v) = if type(v) == dictionary {
  int(v.at("type", default: none) == "mark") + int("src" in v) + v.values().map(count).sum(default: 0)
} else if type(v) == array {
  v.map(count).sum(default: 0)
} else { 0 }
#let data = json("data.json")
#let n = count(data)
#assert(n == 0, message: "source markers in the view model: " + str(n))
#set document(title: "Markers")
#set text(font: "Noto Sans", lang: "en")
#data.meta.country
"#;

/// A throwaway project with the counting layout (and the real packs and fonts) and a copy of
/// the sample profile; returns it and the profile's folder.
fn counting_project() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let layout = tmp.path().join("layouts/mgi");
    copy_dir(&root().join("layouts/mgi/lang"), &layout.join("lang"));
    std::fs::write(layout.join("main.typ"), COUNTING_LAYOUT).unwrap();
    copy_dir(&root().join("fonts"), &tmp.path().join("fonts"));
    let profile = tmp.path().join("profiles/valdoria");
    copy_dir(&sample(), &profile);
    (tmp, profile)
}

fn run(args: &[&str], dir: &Path) -> std::process::Output {
    Command::new(BIN)
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap()
}

#[test]
fn build_lays_out_without_markers_and_the_preview_with_them() {
    let (tmp, profile) = counting_project();
    let out = run(
        &[
            "build", "--lang", "en", "--lang", "ar", "--force", "--color", "never",
        ],
        tmp.path(),
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "build failed: {stderr}");
    for lang in ["en", "ar"] {
        let pdf = tmp.path().join(format!("out/valdoria.{lang}.pdf"));
        assert!(pdf.is_file(), "no {}: {stderr}", pdf.display());
    }
    // The same layout in the preview sees the markers (so the layout does count them).
    let names = mgi_press::load::DisplayNames::relative_to(tmp.path());
    let session = mgi_press::Session::open_with(tmp.path(), "mgi", names).unwrap();
    let mut preview = Preview::of_edition(Edition::Screen);
    preview.update(&session, &profile, "en", false);
    assert!(preview.failed, "the preview laid out without markers");
    let messages: Vec<&str> = preview
        .diagnostics
        .iter()
        .map(|d| d.message.as_str())
        .collect();
    let found = messages
        .iter()
        .find_map(|m| m.split("source markers in the view model: ").nth(1))
        .and_then(|n| n.trim().parse::<usize>().ok());
    assert!(matches!(found, Some(n) if n > 100), "{messages:?}");
}

#[test]
fn watch_lays_out_without_markers() {
    let (tmp, _) = counting_project();
    let mut child = Command::new(BIN)
        .args(["watch", "--lang", "en", "--out", "out"])
        .current_dir(tmp.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            let _ = tx.send(line);
        }
    });
    let deadline = Instant::now() + Duration::from_secs(60);
    let mut lines = Vec::new();
    while !lines
        .last()
        .is_some_and(|l: &String| l.starts_with("rebuilt in "))
    {
        let left = deadline.saturating_duration_since(Instant::now());
        match rx.recv_timeout(left) {
            Ok(line) => lines.push(line),
            Err(_) => break,
        }
    }
    let _ = child.kill();
    let _ = child.wait();
    assert!(
        lines
            .first()
            .is_some_and(|l| l.starts_with("built     out/valdoria.en.pdf")),
        "{lines:?}"
    );
}

/// Counts `mark` nodes and `src` maps anywhere below `v`.
fn markers(v: &Value) -> (usize, usize) {
    match v {
        Value::Object(m) => {
            let own = (
                usize::from(m.get("type").and_then(Value::as_str) == Some("mark")),
                usize::from(m.contains_key("src")),
            );
            m.values()
                .map(markers)
                .fold(own, |a, b| (a.0 + b.0, a.1 + b.1))
        }
        Value::Array(a) => a
            .iter()
            .map(markers)
            .fold((0, 0), |a, b| (a.0 + b.0, a.1 + b.1)),
        _ => (0, 0),
    }
}

/// `v` without its `mark` nodes and `src` maps.
fn unmarked(v: &Value) -> Value {
    match v {
        Value::Object(m) => Value::Object(
            m.iter()
                .filter(|(k, _)| k.as_str() != "src")
                .map(|(k, v)| (k.clone(), unmarked(v)))
                .collect(),
        ),
        Value::Array(a) => Value::Array(
            a.iter()
                .filter(|x| x.get("type").and_then(Value::as_str) != Some("mark"))
                .map(unmarked)
                .collect(),
        ),
        other => other.clone(),
    }
}

#[test]
fn data_writes_the_batch_view_model_unless_marked() {
    let dir = sample();
    let dir = dir.to_str().unwrap();
    let dump = |extra: &[&str]| -> Value {
        let mut args = vec!["data", dir, "--lang", "fr"];
        args.extend(extra);
        let out = run(&args, &root());
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        serde_json::from_slice(&out.stdout).unwrap()
    };
    let (plain, marked) = (dump(&[]), dump(&["--marked"]));
    assert_eq!(markers(&plain), (0, 0));
    let (marks, src) = markers(&marked);
    // Every rich text has a start and an end mark; every part with plain strings a `src` map.
    assert!(marks > 100 && marks % 2 == 0, "{marks} marks");
    assert!(src > 20, "{src} src maps");
    let fr_pack = "layouts/mgi/lang/fr.json";
    assert_eq!(
        marked["framework"]["src"]["title"]["file"].as_str(),
        Some(fr_pack)
    );
    // Apart from the markers, the two are the same view model.
    assert_eq!(unmarked(&marked), plain);
}
