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
        let mut child = Command::new(BIN)
            .args(["serve", "profiles/valdoria", "--lang", "en", "--port", "0"])
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
    let (status, body) = serve.get("/where?page=5&y=300");
    assert_eq!(status, 200);
    let here: serde_json::Value = serde_json::from_slice(&body).unwrap();
    assert_eq!(here["key"], "objective.body", "{here}");
    assert!(
        here["file"].as_str().unwrap().ends_with("lang/en.json"),
        "{here}"
    );

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
