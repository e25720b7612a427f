//! `mgi-press preflight FILE.pdf … [--edition print|screen] [--format json]`: what a
//! printer's or an archive's preflight would say about any PDF (docs/preflight.md). Exit 0
//! when every file passes, 1 when some file has an error finding, 2 on a usage error — a file
//! that cannot be read or is not a PDF at all (wrong file given, not a bad PDF).

use std::path::Path;
use std::process::ExitCode;

use mgi_press::diagnostics::{Diagnostic, RenderStyle};
use mgi_press::edition::Edition;
use mgi_press::preflight::{self, PreflightReport};
use serde::Serialize;

use super::args::{Format, PreflightArgs};
use super::{CmdResult, out, out_json, report};

#[derive(Serialize)]
struct FileReport<'a> {
    file: String,
    passed: bool,
    #[serde(flatten)]
    report: &'a PreflightReport,
}

pub fn run(args: PreflightArgs, style: &RenderStyle) -> CmdResult {
    let mut usage: Vec<Diagnostic> = Vec::new();
    let mut reports: Vec<(String, PreflightReport)> = Vec::new();
    for path in &args.files {
        let name = path.display().to_string();
        match read(path, args.edition) {
            Ok(r) => reports.push((name, r)),
            Err(d) => usage.push((*d).in_file(name)),
        }
    }
    match args.format {
        Format::Human => out(&human(&reports)),
        Format::Json => {
            let files: Vec<FileReport> = reports
                .iter()
                .map(|(file, report)| FileReport {
                    file: file.clone(),
                    passed: report.passed(),
                    report,
                })
                .collect();
            out_json(&serde_json::json!({ "edition": args.edition, "files": files }));
        }
    }
    report(&usage, style);
    Ok(if !usage.is_empty() {
        ExitCode::from(2)
    } else if reports.iter().any(|(_, r)| !r.passed()) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn read(path: &Path, edition: Edition) -> Result<PreflightReport, Box<Diagnostic>> {
    let bytes = std::fs::read(path).map_err(|e| {
        Box::new(
            Diagnostic::error(format!("cannot read {}: {e}", path.display()))
                .with_hint("give the path of a PDF file"),
        )
    })?;
    preflight::try_preflight(&bytes, edition).map_err(|_| {
        Box::new(
            Diagnostic::error(format!("{} is not a PDF (no %PDF- header)", path.display()))
                .with_hint("preflight reads PDF files; build one with `mgi-press build`"),
        )
    })
}

/// For each file: its findings, one line each, then its verdict.
fn human(reports: &[(String, PreflightReport)]) -> String {
    let mut text = String::new();
    for (file, report) in reports {
        if reports.len() > 1 {
            text.push_str(&format!("{file}:\n"));
        }
        text.push_str(&report.human_lines());
        for note in &report.not_checked {
            text.push_str(&format!("note: not checked: {note}\n"));
        }
        text.push_str(&format!("{file}: {}\n", report.summary()));
    }
    text
}
