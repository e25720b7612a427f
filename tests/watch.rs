//! `mgi-press watch`: builds, then rebuilds on a change; broken input fails without touching
//! the last good PDF, and the PDF comes back when the input is fixed; a later `build` knows
//! the watched builds (stamps).

mod common;

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::time::Duration;

use common::*;

const BIN: &str = env!("CARGO_BIN_EXE_mgi-press");

/// A running watcher, killed when dropped.
struct Watch {
    child: Child,
    lines: Receiver<String>,
}

impl Drop for Watch {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Watch {
    fn start(project: &Path) -> Watch {
        let mut child = Command::new(BIN)
            .args(["watch", "--lang", "en", "--out", "out"])
            .current_dir(project)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let stdout = child.stdout.take().unwrap();
        let (tx, lines) = channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                let _ = tx.send(line);
            }
        });
        Watch { child, lines }
    }

    /// The result lines of the next rebuild, up to its summary line.
    fn next_rebuild(&self) -> Vec<String> {
        let mut lines = Vec::new();
        loop {
            let line = self
                .lines
                .recv_timeout(Duration::from_secs(60))
                .expect("a rebuild within a minute");
            let done = line.starts_with("rebuilt in ");
            lines.push(line);
            if done {
                return lines;
            }
        }
    }
}

#[test]
fn watch_rebuilds_on_change_and_keeps_the_last_good_pdf() {
    let tmp = tempfile::tempdir().unwrap();
    let root_dir = tmp.path();
    for dir in ["layouts", "fonts"] {
        copy_dir(&root().join(dir), &root_dir.join(dir));
    }
    copy_dir(&sample(), &root_dir.join("profiles/valdoria"));
    let text = root_dir.join("profiles/valdoria/text/en.json");
    let pdf = root_dir.join("out/valdoria.en.pdf");
    let watch = Watch::start(root_dir);
    let first = watch.next_rebuild();
    assert!(
        first[0].starts_with("built     out/valdoria.en.pdf"),
        "{first:?}"
    );
    let before = std::fs::read(&pdf).unwrap();

    // A file written beside the profile folder (a log in profiles/) is not an input: no
    // rebuild (the parent folder is watched only to see the profile folder come and go).
    std::fs::write(root_dir.join("profiles/watch.log"), "a line\n").unwrap();
    assert!(
        watch
            .lines
            .recv_timeout(Duration::from_millis(1500))
            .is_err(),
        "a file beside the profile started a rebuild"
    );

    edit_json(&text, |t| {
        t["country"]["name"] = "Republic of Valdorra".into()
    });
    let edited = watch.next_rebuild();
    assert!(
        edited[0].starts_with("built     out/valdoria.en.pdf"),
        "{edited:?}"
    );
    let after = std::fs::read(&pdf).unwrap();
    assert!(before != after, "the PDF was not rewritten after the edit");

    let good = std::fs::read(&text).unwrap();
    std::fs::write(&text, "{ \"country\": ").unwrap(); // saved half-way
    let broken = watch.next_rebuild();
    assert!(
        broken[0].starts_with("FAILED    out/valdoria.en.pdf"),
        "{broken:?}"
    );
    assert!(
        std::fs::read(&pdf).unwrap() == after,
        "the last good PDF stays"
    );

    std::fs::write(&text, &good).unwrap();
    let fixed = watch.next_rebuild();
    assert!(fixed.last().unwrap().contains("0 failed"), "{fixed:?}");
    drop(watch);

    // The watched build left stamps that a later build trusts.
    let check = Command::new(BIN)
        .args(["build", "--check", "--lang", "en", "--out", "out"])
        .current_dir(root_dir)
        .output()
        .unwrap();
    assert_eq!(
        check.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&check.stdout)
    );
}
