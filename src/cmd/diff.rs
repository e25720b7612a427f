//! `mgi-press diff OLD NEW`: what changed between two builds (see docs/review.md). Exit codes as
//! `diff` and `cmp`: 0 nothing changed, 1 something changed, 2 an error.

use std::process::ExitCode;

use mgi_press::diagnostics::Diagnostic;
use mgi_press::fs::write_atomically;
use mgi_press::review::{self, ReviewOptions, html, summary};

use super::args::{DiffArgs, Format};
use super::{CmdResult, out, out_json};

pub fn run(args: DiffArgs) -> CmdResult {
    let options = ReviewOptions {
        dpi: f32::from(args.dpi),
        images: args.report.is_some(),
    };
    let review = review::review(&args.old, &args.new, &options)?;
    if let Some(path) = &args.report {
        write_atomically(path, html::report(&review).as_bytes()).map_err(|e| {
            vec![Diagnostic::error(format!(
                "cannot write {}: {e}",
                path.display()
            ))]
        })?;
    }
    match args.format {
        Format::Human => {
            out(&summary::human(&review));
            if let Some(path) = &args.report {
                out(&format!("report: {}\n", path.display()));
            }
        }
        Format::Json => out_json(&review),
    }
    Ok(if review.changed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
