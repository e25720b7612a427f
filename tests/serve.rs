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
        let host = format!("Host: 127.0.0.1:{}", self.port);
        let (status, _, body) = self.request("GET", path, &[&host]);
        (status, body)
    }

    /// A request with these header lines: (status, head, body).
    fn request(&self, method: &str, path: &str, headers: &[&str]) -> (u16, String, Vec<u8>) {
        let mut stream = TcpStream::connect(("127.0.0.1", self.port)).unwrap();
        stream
            .set_read_timeout(Some(Duration::from_secs(30)))
            .unwrap();
        let headers: String = headers.iter().map(|h| format!("{h}\r\n")).collect();
        write!(
            stream,
            "{method} {path} HTTP/1.1\r\n{headers}Connection: close\r\n\r\n"
        )
        .unwrap();
        let mut raw = Vec::new();
        stream.read_to_end(&mut raw).unwrap();
        let split = raw.windows(4).position(|w| w == b"\r\n\r\n").unwrap();
        let head = String::from_utf8_lossy(&raw[..split]).to_string();
        let status = head.split(' ').nth(1).unwrap().parse().unwrap();
        (status, head, raw[split + 4..].to_vec())
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
    write!(
        stream,
        "GET /events HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n"
    )
    .unwrap();
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

/// The number of threads of a process (Linux: its entries under /proc/PID/task).
fn threads(pid: u32) -> usize {
    std::fs::read_dir(format!("/proc/{pid}/task"))
        .unwrap()
        .count()
}

#[test]
fn serve_answers_only_its_own_hosts_and_origin_with_security_headers() {
    let tmp = project();
    let serve = Serve::start_with(tmp.path(), &["--allowed-host", "preview.example"], None);
    serve.state_after(0);
    let port = serve.port;
    let own = format!("Host: 127.0.0.1:{port}");
    // Another host (as after DNS rebinding): 403 on every route, and nothing of the profile.
    for path in [
        "/",
        "/state",
        "/page/1",
        "/where?page=5&y=300",
        "/lang/fr",
        "/events",
    ] {
        for host in [
            "Host: attacker.example",
            "Host: attacker.example:3000",
            "Host: 127.0.0.1.evil.example",
        ] {
            let (status, head, body) = serve.request("GET", path, &[host]);
            let body = String::from_utf8_lossy(&body);
            assert_eq!(status, 403, "{path} {host}: {head}");
            assert!(
                body.starts_with("forbidden:") && !body.contains("valdoria"),
                "{body}"
            );
            assert!(head.contains("X-Content-Type-Options: nosniff"), "{head}");
        }
    }
    assert_eq!(serve.request("GET", "/state", &[]).0, 403, "no Host");
    // Its own names, with or without the port, and the name given with --allowed-host.
    for host in [
        own.as_str(),
        "Host: localhost",
        "Host: [::1]:1",
        "Host: PREVIEW.example:80",
    ] {
        let (status, _, body) = serve.request("GET", "/", &[host]);
        assert_eq!(status, 200, "{host}");
        assert!(String::from_utf8_lossy(&body).contains("EventSource('/events')"));
    }
    // Another origin, or a cross-site fetch, is refused; the page's own origin is answered.
    let same = format!("Origin: http://127.0.0.1:{port}");
    assert_eq!(serve.request("GET", "/state", &[&own, &same]).0, 200);
    for other in [
        "Origin: http://attacker.example",
        "Origin: null",
        "Origin: http://127.0.0.1:1",
        "Sec-Fetch-Site: cross-site",
        "Sec-Fetch-Site: same-site",
    ] {
        let (status, _, body) = serve.request("GET", "/state", &[&own, other]);
        assert_eq!(status, 403, "{other}");
        assert!(!String::from_utf8_lossy(&body).contains("generation"));
    }
    assert_eq!(serve.request("POST", "/lang/fr", &[&own]).0, 405);

    // The headers, on pages, data, images, errors and the event stream; no CORS header.
    for path in ["/", "/state", "/page/1", "/nope"] {
        let (_, head, _) = serve.request("GET", path, &[&own]);
        for h in [
            "X-Content-Type-Options: nosniff",
            "Referrer-Policy: no-referrer",
            "Content-Security-Policy: default-src 'none';",
            "frame-ancestors 'none'",
        ] {
            assert!(head.contains(h), "{path}: {h} missing in {head}");
        }
        assert!(
            !head.to_ascii_lowercase().contains("access-control-"),
            "{head}"
        );
    }
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    write!(stream, "GET /events HTTP/1.1\r\n{own}\r\n\r\n").unwrap();
    let mut head = String::new();
    let mut reader = BufReader::new(stream);
    while !head.ends_with("\r\n\r\n") {
        assert!(reader.read_line(&mut head).unwrap() > 0);
    }
    assert!(
        head.contains("text/event-stream") && head.contains("frame-ancestors 'none'"),
        "{head}"
    );

    // The policy lets the page's own script and style run: their hashes, nothing inline else.
    let (_, head, page) = serve.request("GET", "/", &[&own]);
    let page = String::from_utf8(page).unwrap();
    let hash = |tag: &str| {
        use base64::Engine;
        use sha2::Digest;
        let (open, close) = (format!("<{tag}>"), format!("</{tag}>"));
        let start = page.find(&open).unwrap() + open.len();
        let body = &page[start..start + page[start..].find(&close).unwrap()];
        let digest = sha2::Sha256::digest(body.as_bytes());
        format!(
            "'sha256-{}'",
            base64::engine::general_purpose::STANDARD.encode(digest)
        )
    };
    assert!(
        head.contains(&format!("script-src {};", hash("script"))),
        "{head}"
    );
    assert!(
        head.contains(&format!("style-src {};", hash("style"))),
        "{head}"
    );
    assert_eq!(page.matches("<script").count(), 1);
    assert!(!page.contains(" style=") && !page.contains(" onclick="));
    for source in ["img-src 'self'", "connect-src 'self'"] {
        assert!(head.contains(source), "{head}");
    }
}

#[test]
fn event_streams_are_bounded_and_a_burst_leaves_the_threads_at_their_baseline() {
    let tmp = project();
    let serve = Serve::start(tmp.path());
    let first = serve.state_after(0)["generation"].as_u64().unwrap();
    assert_eq!(serve.get("/page/1").0, 200);
    std::thread::sleep(Duration::from_secs(6));
    let pid = serve.child.id();
    let baseline = threads(pid);

    // Nine streams: the first is dropped (a `bye` event), the other eight get the next update.
    let mut nine: Vec<TcpStream> = (0..9).map(|_| listen(serve.port)).collect();
    let mut reader = BufReader::new(nine.remove(0));
    let mut line = String::new();
    while !line.starts_with("event: bye") {
        line.clear();
        assert!(reader.read_line(&mut line).unwrap() > 0, "stream closed");
    }
    append_sentence(&tmp.path().join("profiles/valdoria/text/en.json"), 1);
    for stream in &mut nine {
        assert!(next_event(stream, first) > first);
    }
    drop(nine);

    // Closed clients are noticed within about a second: their streams' threads end.
    std::thread::sleep(Duration::from_secs(2));
    let five: Vec<TcpStream> = (0..5).map(|_| listen(serve.port)).collect();
    std::thread::sleep(Duration::from_millis(500));
    let open = threads(pid);
    drop(five);
    std::thread::sleep(Duration::from_millis(1500));
    let closed = threads(pid);
    eprintln!("threads: {open} with five streams open, {closed} 1.5 s after they closed");
    assert!(
        closed + 5 <= open,
        "{open} threads, {closed} after closing five streams"
    );

    // 1,000 streams, 50 at a time, opened and closed.
    let start = Instant::now();
    let mut peak = 0;
    for _ in 0..20 {
        let batch: Vec<TcpStream> = (0..50).map(|_| listen(serve.port)).collect();
        peak = peak.max(threads(pid));
        drop(batch);
    }
    let burst = start.elapsed();
    assert_eq!(serve.state()["failed"], false, "the server still answers");
    let settle = Instant::now();
    let after = loop {
        let now = threads(pid);
        // tiny_http's idle threads end after 5 s; a stream's thread within a second.
        if now <= baseline + 2 || settle.elapsed() > Duration::from_secs(10) {
            break now;
        }
        std::thread::sleep(Duration::from_millis(250));
    };
    eprintln!(
        "threads: baseline {baseline}, peak {peak} during 1000 streams ({burst:?}), {after} after {:?}",
        settle.elapsed()
    );
    assert!(
        after <= baseline + 2,
        "threads: baseline {baseline}, after {after}"
    );
    assert_eq!(serve.get("/page/1").0, 200);
}
