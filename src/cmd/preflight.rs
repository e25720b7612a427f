//! `mgi-press preflight FILE.pdf … [--edition print|screen] [--format json]`: what a
//! printer's or an archive's preflight would say about any PDF (docs/preflight.md). Exit 0
//! when every file passes, 1 when some file has an error finding, 2 on a usage error — a file
//! that cannot be read or is not a PDF at all (wrong file given, not a bad PDF).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Args;
use mgi_press::diagnostics::{Diagnostic, RenderStyle};
use mgi_press::edition::Edition;
use mgi_press::preflight::{self, PreflightReport};
use serde::Serialize;

use super::args::Format;
use super::{CmdResult, out, out_json, report};

/// Check PDFs as a printer's or an archive's preflight would (print or screen edition).
#[derive(Args)]
pub struct PreflightArgs {
    /// The PDF files to check (any PDF, not only mgi-press output).
    #[arg(required = true, value_name = "FILE.pdf")]
    pub files: Vec<PathBuf>,
    /// The edition to check for: print (PDF/X-4 rules: CMYK, boxes, output intent, 300 ppi,
    /// ink) or screen (language, title, structure, sRGB).
    #[arg(long, value_parser = parse_edition, default_value = "print")]
    pub edition: Edition,
    /// Results on standard output: one line per finding, or JSON.
    #[arg(long, value_enum, default_value = "human")]
    pub format: Format,
}

fn parse_edition(s: &str) -> Result<Edition, String> {
    s.parse()
}

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
