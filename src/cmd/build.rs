//! `mgi-press build`: profiles to PDF, one line per document and a summary (or JSON).

use mgi_press::build::{BuildOptions, DocReport, Status, inputs_for_standards};
use mgi_press::diagnostics::{Diagnostic, RenderStyle, has_errors};

use super::args::{BuildArgs, Format};
use super::{CmdResult, check_lang, exit, open, out, out_json, report};

pub fn run(args: BuildArgs, style: &RenderStyle) -> CmdResult {
    for lang in &args.langs {
        check_lang(lang)?;
    }
    let inputs = inputs_for_standards(&args.pdf_standards);
    let session = open(&args.project, &inputs)?;
    report(&session.pack_diagnostics, style);
    if has_errors(&session.pack_diagnostics) {
        return Ok(std::process::ExitCode::from(2));
    }
    let dirs = session.profile_dirs(&args.profiles)?;
    let jobs = args
        .jobs
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
    let options = BuildOptions {
        langs: args.langs,
        out_dir: args.out,
        strict: args.strict,
        standards: args.pdf_standards,
        force: args.force,
        jobs,
    };
    let reports = session.build(&dirs, &options);
    print_reports(&reports, args.format, style);
    Ok(exit(reports.iter().any(|r| r.status == Status::Failed)))
}

/// Problems first (each once, though several documents of a profile share them), then the
/// results.
fn print_reports(reports: &[DocReport], format: Format, style: &RenderStyle) {
    let mut seen: Vec<&Diagnostic> = Vec::new();
    for r in reports {
        let fresh: Vec<Diagnostic> = r
            .diagnostics
            .iter()
            .filter(|d| !seen.contains(d))
            .cloned()
            .collect();
        seen.extend(r.diagnostics.iter());
        report(&fresh, style);
    }
    match format {
        Format::Json => out_json(&reports),
        Format::Human => {
            for r in reports {
                out(&result_line(r));
            }
            let count = |s: Status| reports.iter().filter(|r| r.status == s).count();
            out(&format!(
                "{} built, {} unchanged, {} failed\n",
                count(Status::Built),
                count(Status::Unchanged),
                count(Status::Failed)
            ));
        }
    }
}

fn result_line(r: &DocReport) -> String {
    match r.status {
        Status::Built => format!(
            "built     {} ({} pages, {} ms)\n",
            r.output,
            r.pages.unwrap_or(0),
            r.millis
        ),
        Status::Unchanged => format!("unchanged {}\n", r.output),
        Status::Failed => format!(
            "FAILED    {} ({} errors)\n",
            r.output,
            r.diagnostics.iter().filter(|d| d.is_error()).count()
        ),
    }
}
