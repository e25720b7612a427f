//! Installing anywhere: the binary alone (copied to an empty folder) makes and builds a new
//! profile with its built-in layout; the scaffold passes the print preflight; `preflight`
//! picks its rules from what the file claims; the built-in layout and the same files on disk
//! give byte-identical PDFs and stamps; the built-in packs refuse writes; other languages'
//! stale translations are one line of a build; the shipped completions and manual are current.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use common::*;

const BIN: &str = env!("CARGO_BIN_EXE_mgi-press");

fn run(bin: &Path, args: &[&str], dir: &Path) -> Output {
    Command::new(bin)
        .args(args)
        .current_dir(dir)
        .env_remove("SOURCE_DATE_EPOCH")
        .output()
        .unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// The program copied alone into `tmp/bin`, and an empty working folder `tmp/work`.
fn binary_alone(tmp: &Path) -> (PathBuf, PathBuf) {
    let bin = tmp.join("bin").join("mgi-press");
    std::fs::create_dir_all(bin.parent().unwrap()).unwrap();
    std::fs::copy(BIN, &bin).unwrap();
    let work = tmp.join("work");
    std::fs::create_dir_all(&work).unwrap();
    (bin, work)
}

#[test]
fn the_binary_alone_makes_builds_and_preflights_a_new_profile() {
    let tmp = tempfile::tempdir().unwrap();
    let (bin, work) = binary_alone(tmp.path());
    let new = run(&bin, &["new", "freedonia", "--country", "Freedonia"], &work);
    assert!(new.status.success(), "{}", text(&new.stderr));
    // `$schema` points at schemas that exist.
    let facts = std::fs::read_to_string(work.join("freedonia/profile.json")).unwrap();
    assert!(
        facts.contains("\"$schema\": \"schemas/profile.schema.json\""),
        "{facts}"
    );
    assert!(work.join("freedonia/schemas/profile.schema.json").is_file());
    assert!(work.join("freedonia/schemas/text.schema.json").is_file());
    // Placeholders name the dimension, not its id.
    let en = std::fs::read_to_string(work.join("freedonia/text/en.json")).unwrap();
    assert!(en.contains("TODO (Migrants' rights)"), "{en}");

    let build = run(&bin, &["build", "freedonia", "--edition", "both"], &work);
    let stderr = text(&build.stderr);
    assert!(build.status.success(), "{stderr}");
    assert!(
        stderr.contains("layout: mgi built into mgi-press"),
        "{stderr}"
    );
    for pdf in ["freedonia.en.pdf", "freedonia.en.print.pdf"] {
        assert!(work.join("out").join(pdf).is_file(), "{pdf}");
    }

    // Without --edition, each file is checked by the rules of what it claims.
    let print = run(&bin, &["preflight", "out/freedonia.en.print.pdf"], &work);
    let said = text(&print.stdout);
    assert_eq!(
        print.status.code(),
        Some(0),
        "the scaffold passes print: {said}"
    );
    assert!(
        said.starts_with("rules: print (the file claims PDF/X-4"),
        "{said}"
    );
    assert!(said.contains("passes the print preflight"), "{said}");
    let screen = run(&bin, &["preflight", "out/freedonia.en.pdf"], &work);
    let said = text(&screen.stdout);
    assert_eq!(screen.status.code(), Some(0), "{said}");
    assert!(
        said.starts_with("rules: screen (the file claims PDF/A-2b"),
        "{said}"
    );
    // --edition still decides when given: the screen file fails the print rules.
    let forced = run(
        &bin,
        &["preflight", "--edition", "print", "out/freedonia.en.pdf"],
        &work,
    );
    assert_eq!(forced.status.code(), Some(1));
    assert!(!text(&forced.stdout).contains("rules:"));

    // The built-in packs cannot be written to.
    let mark = run(&bin, &["i18n", "mark", "--pack", "fr"], &work);
    assert_eq!(mark.status.code(), Some(2));
    assert!(
        text(&mark.stderr).contains("are built into mgi-press"),
        "{}",
        text(&mark.stderr)
    );
    let licenses = run(&bin, &["licenses"], &work);
    let said = text(&licenses.stdout);
    assert!(
        said.contains("SIL Open Font License, Version 1.1"),
        "{said}"
    );
    assert!(said.contains("basICColor GmbH"), "{said}");
}

#[test]
fn built_in_and_exported_layout_give_identical_pdfs_and_stamps() {
    let tmp = tempfile::tempdir().unwrap();
    let project = tmp.path();
    copy_dir(&sample(), &project.join("profiles/valdoria"));
    let build = |out: &str| {
        let o = run(
            Path::new(BIN),
            &["build", "--lang", "en", "--out", out],
            project,
        );
        assert!(o.status.success(), "{}", text(&o.stderr));
        text(&o.stderr)
    };
    assert!(build("built-in").contains("layout: mgi built into"));
    let export = run(Path::new(BIN), &["layout", "export", "."], project);
    assert!(export.status.success(), "{}", text(&export.stderr));
    let said = build("on-disk");
    assert!(
        said.contains(&format!(
            "layout: {}",
            project
                .canonicalize()
                .unwrap()
                .join("layouts/mgi")
                .display()
        )),
        "{said}"
    );
    for file in ["valdoria.en.pdf", ".mgi-press/valdoria.en.pdf.json"] {
        let a = std::fs::read(project.join("built-in").join(file)).unwrap();
        let b = std::fs::read(project.join("on-disk").join(file)).unwrap();
        assert!(
            a == b,
            "{file} differs between the built-in and the exported layout"
        );
    }
    // The stamps written with the built-in layout still hold with the same files on disk.
    let again = run(
        Path::new(BIN),
        &["build", "--lang", "en", "--out", "built-in"],
        project,
    );
    assert!(
        text(&again.stdout).contains("unchanged"),
        "{}",
        text(&again.stdout)
    );
    // A second export does not overwrite a designer's files.
    let twice = run(Path::new(BIN), &["layout", "export", "."], project);
    assert_eq!(twice.status.code(), Some(2));
    assert!(text(&twice.stderr).contains("nothing was written"));
}

#[test]
fn a_stray_layouts_folder_is_passed_over_and_said() {
    let tmp = tempfile::tempdir().unwrap();
    let project = tmp.path();
    std::fs::create_dir_all(project.join("layouts/_default")).unwrap();
    std::fs::write(
        project.join("layouts/_default/single.html"),
        "{{ .Content }}",
    )
    .unwrap();
    copy_dir(&sample(), &project.join("profiles/valdoria"));
    let o = run(
        Path::new(BIN),
        &["build", "--check", "--lang", "en"],
        project,
    );
    let stderr = text(&o.stderr);
    assert!(stderr.contains("layout: mgi built into"), "{stderr}");
    assert!(stderr.contains("passed over"), "{stderr}");
}

#[test]
fn other_languages_stale_translations_are_one_line_of_a_build() {
    let tmp = tempfile::tempdir().unwrap();
    let project = tmp.path();
    copy_dir(&sample(), &project.join("profiles/valdoria"));
    edit_json(&project.join("profiles/valdoria/text/en.json"), |v| {
        let p = &mut v["findings"]["rights"]["potential"]["p2"];
        *p = format!("{} Edited.", p.as_str().unwrap()).into();
    });
    let o = run(
        Path::new(BIN),
        &[
            "build",
            "--lang",
            "en",
            "--deny-warnings",
            "--color",
            "never",
        ],
        project,
    );
    let stderr = text(&o.stderr);
    assert!(o.status.success(), "{stderr}");
    assert!(!stderr.contains("needs review"), "{stderr}");
    let notes: Vec<&str> = stderr.lines().filter(|l| l.starts_with("note: ")).collect();
    assert_eq!(
        notes,
        [
            "note: profiles/valdoria: 5 stale translations in ar, es, fr, pt, ru, languages this build does not make (`mgi-press i18n status profiles/valdoria` lists them)"
        ],
        "{stderr}"
    );
    // `check` still reports each of them.
    let check = run(Path::new(BIN), &["check", "--color", "never"], project);
    let stderr = text(&check.stderr);
    assert_eq!(stderr.matches("(needs review)").count(), 5, "{stderr}");
    // A build of French reports French's as warnings.
    let fr = run(
        Path::new(BIN),
        &["build", "--lang", "fr", "--color", "never"],
        project,
    );
    let stderr = text(&fr.stderr);
    assert_eq!(stderr.matches("(needs review)").count(), 1, "{stderr}");
    assert!(
        stderr.contains("4 stale translations in ar, es, pt, ru"),
        "{stderr}"
    );
}

#[test]
fn shipped_completions_and_manual_are_current() {
    let shipped = |args: &[&str], file: &str| {
        let o = run(Path::new(BIN), args, &root());
        let path = root().join("dist").join(file);
        if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(&path, &o.stdout).unwrap();
        }
        let committed = std::fs::read(&path).unwrap_or_default();
        assert!(
            committed == o.stdout,
            "dist/{file} is not what `mgi-press {}` prints: run UPDATE_SNAPSHOTS=1 cargo test --release --test install",
            args.join(" ")
        );
    };
    shipped(&["completions", "bash"], "completions/mgi-press.bash");
    shipped(&["completions", "zsh"], "completions/_mgi-press");
    shipped(&["completions", "fish"], "completions/mgi-press.fish");
    shipped(&["man"], "man/mgi-press.1");
}
