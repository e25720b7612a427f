//! Progress of a batch on standard error, as documents finish: a bar with the last document on
//! a terminal, one line per document otherwise (CI logs), nothing with `--quiet`. Each
//! document's problems are printed when it finishes, once even when several documents share
//! them. Standard output stays free for the results (`--format json`).

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
        let problems = (!fresh.is_empty()).then(|| render_all_with(&fresh, &self.style));
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
