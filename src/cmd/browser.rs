//! `serve --open`: shows the preview in the default browser. Written by hand rather than with
//! the `opener` or `webbrowser` crates: it is one process start (`$BROWSER`, else the
//! platform's opener), and neither crate is in the dependency tree yet.

use std::process::{Command, Stdio};

/// The command that opens a URL here: `$BROWSER` if set (the first of its `:`-separated
/// entries), else `xdg-open` (Linux and BSD), `open` (macOS) or `explorer` (Windows).
fn opener() -> String {
    if let Ok(browser) = std::env::var("BROWSER")
        && let Some(first) = browser.split(':').find(|s| !s.trim().is_empty())
    {
        return first.trim().to_string();
    }
    match std::env::consts::OS {
        "macos" => "open",
        "windows" => "explorer",
        _ => "xdg-open",
    }
    .to_string()
}

/// Opens `url` without waiting for the browser; says so on standard error when it cannot.
pub fn open(url: &str) {
    let program = opener();
    let started = Command::new(&program)
        .arg(url)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn();
    match started {
        // Reaped by a thread of its own, so that no zombie is left behind.
        Ok(mut child) => {
            std::thread::spawn(move || child.wait());
        }
        Err(e) => eprintln!(
            "cannot open a browser ({program}: {e}); open {url} yourself, or set BROWSER to the browser's command"
        ),
    }
}
