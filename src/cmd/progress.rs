//! Progress of a batch on standard error, as documents finish: a bar with the last document on
//! a terminal, one line per document otherwise (CI logs), nothing with `--quiet`. Each
//! document's problems are printed when it finishes, once even when several documents share
//! them. Standard output stays free for the results (`--format json`). When standard output
//! and standard error are one file or pipe (a CI log), the per-document lines are shown once:
//! as progress here, and standard output adds only the count line (see `same_log`).

use std::io::IsTerminal;
use std::sync::Mutex;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressStyle};
use mgi_press::batch::{DocReport, Status};
use mgi_press::diagnostics::{Diagnostic, RenderStyle, render_all_with};

pub struct Progress {
    bar: Option<ProgressBar>,
    lines: bool,
    style: RenderStyle,
    seen: Mutex<Vec<Diagnostic>>,
    /// Notes already printed (each profile's once, not once per document).
    seen_notes: Mutex<Vec<String>>,
}

impl Progress {
    pub fn new(quiet: bool, style: RenderStyle) -> Self {
        let terminal = std::io::stderr().is_terminal();
        let bar = (terminal && !quiet).then(|| {
            let bar = ProgressBar::no_length();
            let template = "{spinner} {elapsed_precise} {pos} documents  {wide_msg}";
            if let Ok(s) = ProgressStyle::with_template(template) {
                bar.set_style(s);
            }
            bar.enable_steady_tick(Duration::from_millis(120));
            bar
        });
        Progress {
            bar,
            lines: !terminal && !quiet,
            style,
            seen: Mutex::new(Vec::new()),
            seen_notes: Mutex::new(Vec::new()),
        }
    }

    /// Reports a finished document.
    pub fn done(&self, r: &DocReport) {
        let fresh: Vec<Diagnostic> = {
            let mut seen = self.seen.lock().unwrap_or_else(|p| p.into_inner());
            let fresh: Vec<Diagnostic> = r
                .diagnostics
                .iter()
                .filter(|d| !seen.contains(d))
                .cloned()
                .collect();
            seen.extend(fresh.iter().cloned());
            fresh
        };
        let mut problems = (!fresh.is_empty()).then(|| render_all_with(&fresh, &self.style));
        for note in self.fresh_notes(r) {
            problems
                .get_or_insert_with(String::new)
                .push_str(&format!("note: {note}\n"));
        }
        let line = self.lines.then(|| format!("{}\n", result_line(r)));
        let text = problems.unwrap_or_default() + &line.unwrap_or_default();
        match &self.bar {
            Some(bar) => {
                bar.suspend(|| eprint!("{text}"));
                bar.inc(1);
                bar.set_message(r.output.clone());
            }
            None => eprint!("{text}"),
        }
    }

    /// The report's notes not printed yet.
    fn fresh_notes(&self, r: &DocReport) -> Vec<String> {
        let mut seen = self.seen_notes.lock().unwrap_or_else(|p| p.into_inner());
        let fresh: Vec<String> = r
            .notes
            .iter()
            .filter(|n| !seen.contains(n))
            .cloned()
            .collect();
        seen.extend(fresh.iter().cloned());
        fresh
    }

    /// Whether the per-document lines were already written as progress into the same file or
    /// pipe as standard output, so that the results should not repeat them.
    pub fn lines_in_same_log(&self) -> bool {
        self.lines && same_log()
    }

    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

/// `built     out/x.en.pdf (26 pages, 480 ms)` and the like.
pub fn result_line(r: &DocReport) -> String {
    match r.status {
        // A web page has no pages.
        Status::Built => match r.pages {
            Some(pages) => format!("built     {} ({pages} pages, {} ms)", r.output, r.millis),
            None => format!("built     {} ({} ms)", r.output, r.millis),
        },
        Status::Unchanged => format!("unchanged {}", r.output),
        Status::Stale => format!(
            "stale     {} ({})",
            r.output,
            r.reason.as_deref().unwrap_or("out of date")
        ),
        Status::Failed => format!(
            "FAILED    {} ({} errors)",
            r.output,
            r.diagnostics.iter().filter(|d| d.is_error()).count()
        ),
    }
}

/// Whether standard output and standard error are the same open file or pipe (as with
/// `cmd >log 2>&1`, or a CI runner's one log): same device and inode.
#[cfg(unix)]
fn same_log() -> bool {
    use std::os::fd::AsFd;
    use std::os::unix::fs::MetadataExt;
    let meta = |fd: std::os::fd::BorrowedFd<'_>| {
        let file = std::fs::File::from(fd.try_clone_to_owned().ok()?);
        file.metadata().ok()
    };
    match (
        meta(std::io::stdout().as_fd()),
        meta(std::io::stderr().as_fd()),
    ) {
        (Some(a), Some(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
        _ => false,
    }
}

#[cfg(not(unix))]
fn same_log() -> bool {
    false
}
