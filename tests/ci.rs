//! What CI relies on: incremental builds that rebuild exactly what changed (and a corrupted
//! output), the `--check` gate, sharding, progress as documents finish, usage errors for
//! unknown languages, `--deny-warnings`, bidi controls found, ordinary file permissions.

mod common;

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use common::*;
use mgi_press::batch::{BuildOptions, Shard};
use mgi_press::diagnostics::render_all;
use mgi_press::load::DisplayNames;
use mgi_press::{DocReport, Session, Status};

const BIN: &str = env!("CARGO_BIN_EXE_mgi-press");

/// A named change to the project.
type Change<'a> = (&'a str, Box<dyn FnOnce() + 'a>);

/// A copy of the project (layouts, fonts, the sample profile) that a test may change.
fn project_copy() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    for dir in ["layouts", "fonts"] {
        copy_dir(&root().join(dir), &tmp.path().join(dir));
    }
    copy_dir(&sample(), &tmp.path().join("profiles/valdoria"));
    let profile = tmp.path().join("profiles/valdoria");
    (tmp, profile)
}

/// Builds English in a fresh session (as a new run of the command would), into `root/out`.
fn build_en(root: &Path, extra: impl FnOnce(&mut BuildOptions)) -> DocReport {
    let names = DisplayNames::relative_to(root);
    let session = Session::open_with(root, "mgi", names).unwrap();
    let mut options = BuildOptions {
        langs: vec!["en".into()],
        out_dir: root.join("out"),
        ..Default::default()
    };
    extra(&mut options);
    let mut reports = mgi_press::batch::build(
        &session,
        &[root.join("profiles/valdoria")],
        &options,
        &|_| {},
    );
    assert_eq!(reports.len(), 1);
    reports.remove(0)
}

fn status_after(root: &Path, change: impl FnOnce()) -> Status {
    change();
    let r = build_en(root, |_| {});
    assert_ne!(r.status, Status::Failed, "{}", render_all(&r.diagnostics));
    r.status
}

#[test]
fn every_kind_of_input_change_rebuilds_and_nothing_else_does() {
    let (tmp, profile) = project_copy();
    let root = tmp.path();
    assert_eq!(status_after(root, || {}), Status::Built);
    let edit = |path: PathBuf, f: fn(&mut serde_json::Value)| move || edit_json(&path, f);
    let append = |path: PathBuf, bytes: &'static [u8]| {
        move || {
            let mut data = std::fs::read(&path).unwrap_or_default();
            data.extend_from_slice(bytes);
            std::fs::write(&path, data).unwrap();
        }
    };
    let unchanged: Vec<Change> = vec![
        ("nothing", Box::new(|| {})),
        (
            "a file nothing reads, in the profile",
            Box::new(append(profile.join("notes.txt"), b"x")),
        ),
        (
            "a file nothing reads, in the layout",
            Box::new(append(root.join("layouts/mgi/unused.typ"), b"// x")),
        ),
        (
            "the translators' notes",
            Box::new(edit(profile.join("text/_notes.json"), |v| {
                v["country.name"] = serde_json::json!({"max_length": 90})
            })),
        ),
        (
            "a pack key no part reads",
            Box::new(edit(root.join("layouts/mgi/lang/en.json"), |v| {
                v["language"]["name"] = "English (UK)".into()
            })),
        ),
    ];
    for (what, change) in unchanged {
        assert_eq!(status_after(root, change), Status::Unchanged, "{what}");
    }
    let rebuilt: Vec<Change> = vec![
        (
            "profile text",
            Box::new(edit(profile.join("text/en.json"), |v| {
                v["country"]["short_name"] = "Valdorija".into()
            })),
        ),
        (
            "facts",
            Box::new(edit(profile.join("profile.json"), |v| {
                v["published"] = "2025-10-01".into()
            })),
        ),
        (
            "cover image",
            Box::new(append(profile.join("cover.jpg"), b"\0")),
        ),
        (
            "language pack",
            Box::new(edit(root.join("layouts/mgi/lang/en.json"), |v| {
                v["labels"]["page"] = "P.".into()
            })),
        ),
        (
            "layout file",
            Box::new(append(
                root.join("layouts/mgi/cover.typ"),
                b"\n// changed\n",
            )),
        ),
        (
            "font",
            Box::new(append(root.join("fonts/NotoSans-Regular.ttf"), b"\0\0\0\0")),
        ),
    ];
    for (what, change) in rebuilt {
        assert_eq!(status_after(root, change), Status::Built, "{what}");
        assert_eq!(
            status_after(root, || {}),
            Status::Unchanged,
            "{what}, built again"
        );
    }
    let option = build_en(root, |o| o.standards = vec!["ua-1".into()]);
    assert_eq!(option.status, Status::Built, "an option");
}

#[test]
fn a_corrupted_or_missing_output_is_rebuilt() {
    let (tmp, _) = project_copy();
    let root = tmp.path();
    let pdf = root.join("out/valdoria.en.pdf");
    assert_eq!(status_after(root, || {}), Status::Built);
    let good = std::fs::read(&pdf).unwrap();
    let corruptions: [Change; 3] = [
        (
            "overwritten",
            Box::new(|| std::fs::write(&pdf, "garbage\n").unwrap()),
        ),
        (
            "truncated",
            Box::new(|| std::fs::write(&pdf, &good[..good.len() / 2]).unwrap()),
        ),
        ("deleted", Box::new(|| std::fs::remove_file(&pdf).unwrap())),
    ];
    for (what, corrupt) in corruptions {
        assert_eq!(status_after(root, corrupt), Status::Built, "{what}");
        assert_eq!(
            std::fs::read(&pdf).unwrap(),
            good,
            "{what}: rebuilt identically"
        );
    }
}

fn run(args: &[&str], dir: &Path) -> std::process::Output {
    Command::new(BIN)
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap()
}

#[test]
fn check_gate_exits_1_on_a_stale_output_and_0_after_a_build() {
    let (tmp, profile) = project_copy();
    let root = tmp.path();
    let check = |dir: &Path| run(&["build", "--check", "--lang", "en", "--lang", "ru"], dir);
    let first = check(root);
    assert_eq!(first.status.code(), Some(1), "nothing built yet");
    assert!(
        run(&["build", "--lang", "en", "--lang", "ru"], root)
            .status
            .success()
    );
    let ok = check(root);
    assert_eq!(
        ok.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&ok.stdout)
    );
    edit_json(&profile.join("text/ru.json"), |v| {
        v["country"]["short_name"] = "Вальдория!".into()
    });
    let stale = check(root);
    let stdout = String::from_utf8_lossy(&stale.stdout);
    assert_eq!(stale.status.code(), Some(1), "{stdout}");
    assert!(stdout.contains("stale     out/valdoria.ru.pdf"), "{stdout}");
    assert!(stdout.contains("unchanged out/valdoria.en.pdf"), "{stdout}");
    // --check wrote nothing.
    assert_eq!(check(root).status.code(), Some(1));
}

#[test]
fn shards_cover_every_document_exactly_once() {
    let tmp = tempfile::tempdir().unwrap();
    let dirs: Vec<PathBuf> = ["valdoria", "ostmark"]
        .iter()
        .map(|name| {
            let dir = tmp.path().join(name);
            copy_dir(&sample(), &dir);
            dir
        })
        .collect();
    let mut seen: Vec<String> = Vec::new();
    for index in 1..=3 {
        let options = BuildOptions {
            out_dir: tmp.path().join("out"),
            check: true,
            shard: Some(Shard { index, count: 3 }),
            ..Default::default()
        };
        let reports = mgi_press::batch::build(session(), &dirs, &options, &|_| {});
        assert_eq!(reports.len(), 4, "shard {index}/3 of 12 documents");
        seen.extend(reports.iter().map(|r| format!("{}.{}", r.profile, r.lang)));
    }
    seen.sort();
    let langs = ["ar", "en", "es", "fr", "pt", "ru"];
    let all: Vec<String> = ["ostmark", "valdoria"]
        .iter()
        .flat_map(|p| langs.iter().map(move |l| format!("{p}.{l}")))
        .collect();
    assert_eq!(seen, all);
}

#[test]
fn a_language_nobody_has_is_a_usage_error() {
    let out = tempfile::tempdir().unwrap();
    let o = out.path().to_str().unwrap();
    let typo = run(&["build", "--lang", "xx", "--out", o], &root());
    assert_eq!(typo.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&typo.stderr);
    assert!(
        stderr.contains("no language pack and no profile text in `xx`"),
        "{stderr}"
    );
    assert!(stderr.contains("ar, en, es, fr, pt, ru"), "{stderr}");
    // Case does not matter: `EN` is `en`.
    let upper = run(&["build", "--lang", "EN", "--out", o, "-q"], &root());
    assert_eq!(upper.status.code(), Some(0));
    assert!(out.path().join("valdoria.en.pdf").is_file());
}

#[test]
fn a_bidi_override_is_reported_where_it_stands() {
    let (_tmp, dir) = sample_copy();
    edit_json(&dir.join("text/en.json"), |v| {
        v["findings"]["safe"]["potential"]["p1"] =
            "Border \u{202E}posts\u{202C} are staffed.".into()
    });
    let diags = session().check(&dir, false);
    let out = render_all(&diags);
    assert!(
        out.contains("warning: `findings.safe.potential.p1` contains the bidi control U+202E (RIGHT-TO-LEFT OVERRIDE)"),
        "{out}"
    );
    let d = diags.iter().find(|d| d.message.contains("U+202E")).unwrap();
    let loc = d.location.as_ref().unwrap();
    assert!(loc.file.ends_with("text/en.json"), "{out}");
    let line = loc.source_line.as_deref().unwrap();
    assert_eq!(line.chars().nth(loc.column - 1), Some('\u{202E}'), "{out}");
    assert_eq!(d.json_path.as_deref(), Some("$.findings.safe.potential.p1"));
}

#[test]
fn deny_warnings_fails_on_a_placeholder() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("newland");
    assert!(
        run(&["new", dir.to_str().unwrap()], &root())
            .status
            .success()
    );
    let d = dir.to_str().unwrap();
    assert_eq!(run(&["check", d], &root()).status.code(), Some(0));
    let denied = run(&["check", d, "--deny-warnings"], &root());
    assert_eq!(denied.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&denied.stderr);
    assert!(
        stderr.contains("error: placeholder text not yet replaced"),
        "{stderr}"
    );
    let out = tmp.path().join("out");
    let o = out.to_str().unwrap();
    let build = run(
        &["build", d, "--lang", "en", "--out", o, "--deny-warnings"],
        &root(),
    );
    assert_eq!(build.status.code(), Some(1));
    assert!(!out.join("newland.en.pdf").exists(), "nothing written");
}

#[test]
fn progress_lines_appear_as_documents_finish() {
    let out = tempfile::tempdir().unwrap();
    let mut child = Command::new(BIN)
        .args([
            "build",
            "-j",
            "1",
            "--force",
            "--out",
            out.path().to_str().unwrap(),
        ])
        .args(["--lang", "en", "--lang", "ru", "--lang", "ar"])
        .current_dir(root())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stderr.take().unwrap()).lines();
    let said = lines.next().unwrap().unwrap();
    assert!(
        said.starts_with("layout: "),
        "the build says its layout first: {said}"
    );
    let first = lines.next().unwrap().unwrap();
    assert!(first.starts_with("built     "), "{first}");
    // The batch (three documents) is still running when the first line arrives.
    assert!(
        child.try_wait().unwrap().is_none(),
        "no progress before the end"
    );
    let rest: Vec<String> = lines.map(|l| l.unwrap()).collect();
    assert_eq!(
        rest.iter().filter(|l| l.starts_with("built ")).count(),
        2,
        "{rest:?}"
    );
    assert!(child.wait().unwrap().success());
}

#[test]
fn outputs_get_ordinary_permissions_that_follow_the_umask() {
    use std::os::unix::fs::PermissionsExt;
    for (umask, mode) in [("022", 0o644), ("027", 0o640)] {
        let out = tempfile::tempdir().unwrap();
        let script = format!(
            "umask {umask} && exec '{BIN}' build --lang en -q --out '{}'",
            out.path().display()
        );
        let status = Command::new("sh")
            .args(["-c", &script])
            .current_dir(root())
            .status()
            .unwrap();
        assert!(status.success());
        for file in ["valdoria.en.pdf", ".mgi-press/valdoria.en.pdf.json"] {
            let meta = std::fs::metadata(out.path().join(file)).unwrap();
            assert_eq!(
                meta.permissions().mode() & 0o777,
                mode,
                "{file} with umask {umask}"
            );
        }
    }
}
