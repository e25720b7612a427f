//! `mgi-press preflight FILE.pdf … [--edition print|screen] [--format json]`: what a
//! printer's or an archive's preflight would say about any PDF (docs/preflight.md). Without
//! `--edition`, each file is checked by the rules of what it claims to be: PDF/X → print,
//! PDF/A or PDF/UA → screen, neither → print; the report says which rules it used. Exit 0
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
    /// Why these rules: `option` (`--edition`) or the claim they were picked by.
    rules_from: &'a str,
    #[serde(flatten)]
    report: &'a PreflightReport,
}

pub fn run(args: PreflightArgs, style: &RenderStyle) -> CmdResult {
    let mut usage: Vec<Diagnostic> = Vec::new();
    let mut reports: Vec<Checked> = Vec::new();
    for path in &args.files {
        let name = path.display().to_string();
        match read(path, args.edition) {
            Ok((report, why)) => reports.push(Checked {
                file: name,
                report,
                why,
            }),
            Err(d) => usage.push((*d).in_file(name)),
        }
    }
    match args.format {
        Format::Human => out(&human(&reports)),
        Format::Json => {
            let files: Vec<FileReport> = reports
                .iter()
                .map(|c| FileReport {
                    file: c.file.clone(),
                    passed: c.report.passed(),
                    rules_from: &c.why,
                    report: &c.report,
                })
                .collect();
            let edition = args.edition.map_or("auto".to_string(), |e| e.to_string());
            out_json(&serde_json::json!({ "edition": edition, "files": files }));
        }
    }
    report(&usage, style);
    Ok(if !usage.is_empty() {
        ExitCode::from(2)
    } else if reports.iter().any(|c| !c.report.passed()) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// One file's report and why its rules were chosen.
struct Checked {
    file: String,
    report: PreflightReport,
    why: String,
}

/// The file's report by the rules of `edition`, or of what the file claims when `None`.
fn read(
    path: &Path,
    edition: Option<Edition>,
) -> Result<(PreflightReport, String), Box<Diagnostic>> {
    let bytes = std::fs::read(path).map_err(|e| {
        Box::new(
            Diagnostic::error(format!("cannot read {}: {e}", path.display()))
                .with_hint("give the path of a PDF file"),
        )
    })?;
    let not_a_pdf = |_| {
        Box::new(
            Diagnostic::error(format!("{} is not a PDF (no %PDF- header)", path.display()))
                .with_hint("preflight reads PDF files; build one with `mgi-press build`"),
        )
    };
    if let Some(edition) = edition {
        let report = preflight::try_preflight(&bytes, edition).map_err(not_a_pdf)?;
        return Ok((report, "option".to_string()));
    }
    let first = preflight::try_preflight(&bytes, Edition::Print).map_err(not_a_pdf)?;
    let (edition, why) = claimed_edition(&first.facts.standards);
    let report = match edition {
        Edition::Print => first,
        other => preflight::try_preflight(&bytes, other).map_err(not_a_pdf)?,
    };
    Ok((report, why))
}

/// The edition whose rules fit what a file claims: PDF/X → print; PDF/A or PDF/UA → screen;
/// neither → print (the stricter rules, for a file of unknown purpose); and why.
pub fn claimed_edition(standards: &[String]) -> (Edition, String) {
    let find = |prefix: &str| standards.iter().find(|s| s.starts_with(prefix));
    if let Some(x) = find("PDF/X") {
        return (Edition::Print, format!("the file claims {x}"));
    }
    if let Some(a) = find("PDF/A").or_else(|| find("PDF/UA")) {
        return (Edition::Screen, format!("the file claims {a}"));
    }
    (
        Edition::Print,
        "the file claims no PDF/X, PDF/A or PDF/UA".to_string(),
    )
}

/// For each file: which rules, its findings one line each, then its verdict.
fn human(reports: &[Checked]) -> String {
    let mut text = String::new();
    for Checked { file, report, why } in reports {
        if reports.len() > 1 {
            text.push_str(&format!("{file}:\n"));
        }
        if why != "option" {
            text.push_str(&format!(
                "rules: {} ({why}; --edition print|screen to choose)\n",
                report.edition
            ));
        }
        text.push_str(&report.human_lines());
        for note in &report.not_checked {
            text.push_str(&format!("note: not checked: {note}\n"));
        }
        text.push_str(&format!("{file}: {}\n", report.summary()));
    }
    text
}
