//! `mgi-press serve`: the preview's routes (page, state, page images), only those, an event on
//! every change with only the changed pages' ids new, and the last good pages kept while the
//! input is broken.

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::*;

const BIN: &str = env!("CARGO_BIN_EXE_mgi-press");

struct Serve {
    child: Child,
    port: u16,
}

impl Drop for Serve {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Serve {
    fn start(project: &Path) -> Serve {
        Serve::start_with(project, &[], None)
    }

    /// Starts `serve` with more arguments and, if given, a `BROWSER` command.
    fn start_with(project: &Path, more: &[&str], browser: Option<&Path>) -> Serve {
        let mut command = Command::new(BIN);
        if let Some(browser) = browser {
            command.env("BROWSER", browser);
        }
        let mut child = command
            .args(["serve", "profiles/valdoria", "--lang", "en", "--port", "0"])
            .args(more)
            .current_dir(project)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        let port = line
            .split("127.0.0.1:")
            .nth(1)
            .and_then(|rest| rest.split('/').next())
            .and_then(|p| p.parse().ok())
            .unwrap_or_else(|| panic!("no port in {line:?}"));
        Serve { child, port }
    }

    /// GET `path`: (status, body).
    fn get(&self, path: &str) -> (u16, Vec<u8>) {
        let mut stream = TcpStream::connect(("127.0.0.1", self.port)).unwrap();
        stream
            .set_read_timeout(Some(Duration::from_secs(30)))
            .unwrap();
        write!(
            stream,
            "GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
        )
        .unwrap();
        let mut raw = Vec::new();
        stream.read_to_end(&mut raw).unwrap();
        let split = raw.windows(4).position(|w| w == b"\r\n\r\n").unwrap();
        let head = String::from_utf8_lossy(&raw[..split]).to_string();
        let status = head.split(' ').nth(1).unwrap().parse().unwrap();
        (status, raw[split + 4..].to_vec())
    }

    /// `/where` at a point: the answer, or `None` when no keyed text is there (404).
    fn where_is(&self, page: usize, x: Option<f64>, y: f64) -> Option<serde_json::Value> {
        let x = x.map_or(String::new(), |x| format!("&x={x}"));
        let (status, body) = self.get(&format!("/where?page={page}{x}&y={y}"));
        match status {
            200 => Some(serde_json::from_slice(&body).unwrap()),
            404 => None,
            other => panic!("/where answered {other}"),
        }
    }

    fn state(&self) -> serde_json::Value {
        let (status, body) = self.get("/state");
        assert_eq!(status, 200);
        serde_json::from_slice(&body).unwrap()
    }

    /// The state once its generation passes `after` (within a minute).
    fn state_after(&self, after: u64) -> serde_json::Value {
        let start = Instant::now();
        loop {
            let state = self.state();
            if state["generation"].as_u64().unwrap() > after {
                return state;
            }
            assert!(start.elapsed() < Duration::from_secs(60), "no update");
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

fn ids(state: &serde_json::Value) -> Vec<String> {
    state["pages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p.as_str().unwrap().to_string())
        .collect()
}

#[test]
fn serve_shows_pages_updates_them_and_keeps_the_last_good_ones() {
    let tmp = tempfile::tempdir().unwrap();
    for dir in ["layouts", "fonts"] {
        copy_dir(&root().join(dir), &tmp.path().join(dir));
    }
    copy_dir(&sample(), &tmp.path().join("profiles/valdoria"));
    let serve = Serve::start(tmp.path());
    let first = serve.state_after(0);
    let before = ids(&first);
    assert_eq!(before.len(), 26);
    let (status, page) = serve.get("/page/1");
    assert_eq!(status, 200);
    assert!(page.starts_with(b"\x89PNG"));
    let (status, html) = serve.get("/");
    assert_eq!(status, 200);
    assert!(String::from_utf8_lossy(&html).contains("EventSource('/events')"));
    assert!(String::from_utf8_lossy(&html).contains("src=\"/page/26?id="));
    for path in [
        "/../../etc/passwd",
        "/page/0",
        "/page/99",
        "/page/..%2f..%2fetc%2fpasswd",
        "/profiles/valdoria/text/en.json",
        "/lang/xx",
    ] {
        assert_eq!(serve.get(path).0, 404, "{path}");
    }

    // Where is this text? The objective's body on page 5 comes from the English pack.
    let here = serve.where_is(5, None, 300.0).unwrap();
    assert_eq!(here["key"], "objective.body", "{here}");
    assert!(
        here["file"].as_str().unwrap().ends_with("lang/en.json"),
        "{here}"
    );
    assert_eq!(serve.get("/where?page=5&y=nope").0, 404);

    // An edit on one findings page changes that page and the ones it pushes, not the cover.
    let text = tmp.path().join("profiles/valdoria/text/en.json");
    let good = std::fs::read(&text).unwrap();
    edit_json(&text, |t| {
        let p = t["findings"]["safe"]["potential"]["p1"]
            .as_str()
            .unwrap()
            .to_string();
        t["findings"]["safe"]["potential"]["p1"] = format!("{p} An added sentence.").into();
    });
    let edited = serve.state_after(first["generation"].as_u64().unwrap());
    let after = ids(&edited);
    assert_eq!(before[0], after[0], "the cover did not change");
    assert!(before != after, "some page changed");

    // Saved half-way: the problem is shown, the last good pages stay.
    std::fs::write(&text, "{ \"country\": ").unwrap();
    let broken = serve.state_after(edited["generation"].as_u64().unwrap());
    assert_eq!(broken["failed"], true);
    assert_eq!(ids(&broken), after);
    assert!(
        broken["problems"].as_str().unwrap().contains("en.json"),
        "{}",
        broken["problems"]
    );
    std::fs::write(&text, &good).unwrap();
    let fixed = serve.state_after(broken["generation"].as_u64().unwrap());
    assert_eq!(fixed["failed"], false);
    assert_eq!(ids(&fixed), before);

    // A key that check flags is marked where it stands on the page.
    edit_json(&text, |t| {
        t["findings"]["safe"]["potential"]["p1"] = "TODO: write this.".into()
    });
    let flagged = serve.state_after(fixed["generation"].as_u64().unwrap());
    let flags = flagged["flags"].as_array().unwrap();
    assert!(
        flags
            .iter()
            .any(|f| f["key"] == "findings.safe.potential.p1"
                && f["message"].as_str().unwrap().contains("placeholder")
                && f["page"].as_u64().unwrap() > 5),
        "{flags:?}"
    );
}

/// A temporary project with the layout, the fonts and the sample profile.
fn project() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    for dir in ["layouts", "fonts"] {
        copy_dir(&root().join(dir), &tmp.path().join(dir));
    }
    copy_dir(&sample(), &tmp.path().join("profiles/valdoria"));
    tmp
}

/// The middle of a box of a `/where` answer: (page, x, y).
fn centre(b: &serde_json::Value) -> (usize, f64, f64) {
    let f = |k: &str| b[k].as_f64().unwrap();
    (
        b["page"].as_u64().unwrap() as usize,
        (f("x0") + f("x1")) / 2.0,
        (f("y0") + f("y1")) / 2.0,
    )
}

#[test]
fn where_answers_the_file_and_key_of_paragraphs_notes_cells_and_headings() {
    let tmp = project();
    let serve = Serve::start(tmp.path());
    serve.state_after(0);
    let text = "profiles/valdoria/text/en.json";
    let pack = "layouts/mgi/lang/en.json";
    let is = |w: &serde_json::Value, file: &str, key: &str| {
        assert_eq!(
            (w["file"].as_str(), w["key"].as_str()),
            (Some(file), Some(key)),
            "{w}"
        );
    };

    // A paragraph that runs over two pages: found by its boxes at the foot of a findings page;
    // a point of its part on the next page answers its key, and so does one on the first.
    let split = (9..=21)
        .flat_map(|page| (0..24).map(move |i| (page, 600.0 + 8.0 * f64::from(i))))
        .filter_map(|(page, y)| serve.where_is(page, Some(300.0), y))
        .find(|w| w["boxes"].as_array().unwrap().len() == 2)
        .expect("a paragraph broken across two pages");
    let key = split["key"].as_str().unwrap().to_string();
    assert!(key.starts_with("findings."), "{split}");
    let boxes = split["boxes"].as_array().unwrap();
    let ((p1, x1, y1), (p2, x2, y2)) = (centre(&boxes[0]), centre(&boxes[1]));
    assert_eq!(p2, p1 + 1, "{split}");
    is(&serve.where_is(p2, Some(x2), y2).unwrap(), text, &key);
    is(&serve.where_is(p1, Some(x1), y1).unwrap(), text, &key);

    // A footnote (page 9, at the foot) is its paragraph's key, with a box of its own.
    let note = serve.where_is(9, Some(200.0), 765.0).unwrap();
    is(&note, text, "findings.rights.well_developed.p1");
    assert!(note["boxes"][0]["y0"].as_f64().unwrap() > 700.0, "{note}");
    // A table cell (the conventions table) and its column heading.
    is(
        &serve.where_is(9, Some(150.0), 280.0).unwrap(),
        pack,
        "conventions.ilo-97",
    );
    is(
        &serve.where_is(9, Some(100.0), 258.0).unwrap(),
        pack,
        "findings.col_convention",
    );
    // Headings: a part title, a framework heading beside another column, a card title.
    is(
        &serve.where_is(5, Some(100.0), 85.0).unwrap(),
        pack,
        "objective.title",
    );
    is(
        &serve.where_is(7, Some(90.0), 446.0).unwrap(),
        pack,
        "framework.is_title",
    );
    let column = serve.where_is(7, Some(400.0), 470.0).unwrap();
    is(&column, pack, "framework.is_not.p1");
    is(
        &serve.where_is(8, Some(150.0), 199.0).unwrap(),
        pack,
        "dimensions.rights.card_title",
    );
    // The running footer and the margins are no text of the profile.
    assert!(serve.where_is(10, Some(300.0), 830.0).is_none());
    assert!(serve.where_is(10, Some(10.0), 300.0).is_none());
}

/// Opens `/events` and reads the response head.
fn listen(port: u16) -> TcpStream {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(60)))
        .unwrap();
    write!(stream, "GET /events HTTP/1.1\r\nHost: x\r\n\r\n").unwrap();
    let mut head = Vec::new();
    let mut byte = [0u8];
    while !head.ends_with(b"\r\n\r\n") {
        stream.read_exact(&mut byte).unwrap();
        head.push(byte[0]);
    }
    assert!(String::from_utf8_lossy(&head).contains("text/event-stream"));
    stream
}

/// Reads events until one names a generation after `after`.
fn next_event(stream: &mut TcpStream, after: u64) -> u64 {
    let mut reader = BufReader::new(stream);
    loop {
        let mut line = String::new();
        assert!(reader.read_line(&mut line).unwrap() > 0, "stream closed");
        if let Some(n) = line.trim().strip_prefix("data: ") {
            let n: u64 = n.parse().unwrap();
            if n > after {
                return n;
            }
        }
    }
}

fn append_sentence(text: &Path, n: usize) {
    edit_json(text, |t| {
        let p = t["findings"]["safe"]["potential"]["p1"]
            .as_str()
            .unwrap()
            .to_string();
        t["findings"]["safe"]["potential"]["p1"] = format!("{p} Sentence {n}.").into();
    });
}

#[test]
fn serve_survives_clients_that_go_away_mid_stream() {
    let tmp = project();
    let serve = Serve::start(tmp.path());
    let first = serve.state_after(0)["generation"].as_u64().unwrap();
    let text = tmp.path().join("profiles/valdoria/text/en.json");
    // Clients that disconnect: one before any event, one after reading one.
    drop(listen(serve.port));
    let mut reader = listen(serve.port);
    let mut steady = listen(serve.port);
    append_sentence(&text, 1);
    let second = next_event(&mut reader, first);
    assert_eq!(next_event(&mut steady, first), second);
    drop(reader);
    // Later edits still reach the remaining client, and the server still answers.
    for n in 2..=3 {
        append_sentence(&text, n);
        let state = serve.state_after(second + u64::try_from(n).unwrap() - 2);
        assert_eq!(state["failed"], false);
        let (status, png) = serve.get("/page/1");
        assert_eq!((status, &png[..4]), (200, &b"\x89PNG"[..]));
    }
    assert!(next_event(&mut steady, second) > second);
    // A new client gets the next event too.
    let mut late = listen(serve.port);
    let now = serve.state()["generation"].as_u64().unwrap();
    append_sentence(&text, 4);
    assert!(next_event(&mut late, now) > now);
}

#[test]
fn serve_recovers_when_the_profile_folder_is_deleted_and_restored() {
    let tmp = project();
    let serve = Serve::start(tmp.path());
    let first = serve.state_after(0);
    let dir = tmp.path().join("profiles/valdoria");
    let aside = tmp.path().join("valdoria-aside");
    copy_dir(&dir, &aside);
    std::fs::remove_dir_all(&dir).unwrap();
    let gone = serve.state_after(first["generation"].as_u64().unwrap());
    assert_eq!(gone["failed"], true, "{gone}");
    assert_eq!(ids(&gone), ids(&first), "the last good pages stay");
    assert_eq!(serve.get("/page/3").0, 200);
    copy_dir(&aside, &dir);
    let start = Instant::now();
    let back = loop {
        let state = serve.state();
        if state["failed"] == false && ids(&state) == ids(&first) {
            break state;
        }
        assert!(
            start.elapsed() < Duration::from_secs(60),
            "no recovery: {}",
            state["problems"]
        );
        std::thread::sleep(Duration::from_millis(200));
    };
    assert_eq!(back["pages"].as_array().unwrap().len(), 26);
}

#[test]
fn open_starts_the_browser_on_the_preview() {
    use std::os::unix::fs::PermissionsExt;
    let tmp = project();
    let seen = tmp.path().join("opened.txt");
    let browser = tmp.path().join("browser.sh");
    std::fs::write(
        &browser,
        format!("#!/bin/sh\necho \"$1\" > '{}'\n", seen.display()),
    )
    .unwrap();
    std::fs::set_permissions(&browser, std::fs::Permissions::from_mode(0o755)).unwrap();
    let serve = Serve::start_with(tmp.path(), &["--open"], Some(&browser));
    let start = Instant::now();
    while !seen.exists() {
        assert!(
            start.elapsed() < Duration::from_secs(30),
            "no browser started"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    std::thread::sleep(Duration::from_millis(100));
    let url = std::fs::read_to_string(&seen).unwrap();
    assert_eq!(url.trim(), format!("http://127.0.0.1:{}/", serve.port));
}

#[test]
fn serve_reads_the_language_pack_again_when_it_changes() {
    let tmp = project();
    let serve = Serve::start(tmp.path());
    let first = serve.state_after(0);
    // An edit of the profile (the session is kept), then one of the pack (a new session).
    append_sentence(&tmp.path().join("profiles/valdoria/text/en.json"), 1);
    let edited = serve.state_after(first["generation"].as_u64().unwrap());
    let pack = tmp.path().join("layouts/mgi/lang/en.json");
    edit_json(&pack, |p| {
        p["objective"]["title"] = "Purpose of this profile".into()
    });
    let start = Instant::now();
    let renamed = loop {
        let state = serve.state_after(edited["generation"].as_u64().unwrap());
        if ids(&state)[4] != ids(&edited)[4] {
            break state;
        }
        assert!(
            start.elapsed() < Duration::from_secs(60),
            "the pack edit was not seen"
        );
        std::thread::sleep(Duration::from_millis(100));
    };
    assert_eq!(renamed["failed"], false);
    let title = serve.where_is(5, Some(100.0), 85.0).unwrap();
    assert_eq!(title["key"], "objective.title", "{title}");
}
