//! `mgi-press build`: profiles to PDF (or, with `--check`, which PDFs are out of date), progress
//! on standard error as documents finish, one line per document and a summary (or JSON) on
//! standard output (the lines once only when both go to one log: see `progress`).

use std::process::ExitCode;

use mgi_press::batch::{BuildOptions, DocReport, Status};
use mgi_press::diagnostics::{Diagnostic, RenderStyle, WarningPolicy, has_errors};
use mgi_press::edition::Edition;
use mgi_press::typeset::check_standards;

use super::args::{BuildArgs, Format};
use super::progress::{Progress, result_line};
use super::{CmdResult, languages, open_for, out, out_json, report};

pub fn run(args: BuildArgs, style: &RenderStyle) -> CmdResult {
    let editions = super::args::editions(&args.docs.edition);
    if !args.pdf_standards.is_empty() && !editions.contains(&Edition::Screen) {
        let d = Diagnostic::error("`--pdf-standard` sets the standards of the screen edition")
            .with_hint("the print edition is always PDF/X-4; use `--edition screen` or `both`");
        return Err(vec![d]);
    }
    check_standards(&args.pdf_standards).map_err(|e| vec![Diagnostic::error(e)])?;
    let session = open_for(&args.project, &args.docs.profiles)?;
    if !args.quiet {
        eprintln!("{}", session.project.describe());
    }
    let mut pack_diags = session.pack_diagnostics.clone();
    WarningPolicy {
        deny: args.docs.deny_warnings,
    }
    .apply(&mut pack_diags);
    report(&pack_diags, style);
    if has_errors(&pack_diags) {
        return Ok(ExitCode::from(2));
    }
    let dirs = session.profile_dirs(&args.docs.profiles)?;
    let langs = languages(&session, &dirs, &args.docs.langs)?;
    let jobs = args
        .jobs
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
    let options = BuildOptions {
        langs,
        out_dir: args.docs.out,
        strict: args.docs.strict,
        deny_warnings: args.docs.deny_warnings,
        editions,
        standards: args.pdf_standards,
        force: args.force,
        check: args.check,
        shard: args.shard,
        jobs,
        previews: args.png.then_some(args.dpi),
        base_url: args.base_url,
    };
    let progress = Progress::new(args.quiet, *style);
    let reports = mgi_press::batch::build(&session, &dirs, &options, &|r| progress.done(r));
    progress.finish();
    print_results(&reports, args.format, progress.lines_in_same_log());
    let bad = |r: &DocReport| matches!(r.status, Status::Failed | Status::Stale);
    Ok(super::exit(reports.iter().any(bad)))
}

/// The results on standard output: JSON, or a line per document (unless the progress wrote the
/// same lines into the same log) and the counts.
fn print_results(reports: &[DocReport], format: Format, lines_shown: bool) {
    match format {
        Format::Json => out_json(&reports),
        Format::Human => {
            for r in reports.iter().filter(|_| !lines_shown) {
                out(&format!("{}\n", result_line(r)));
            }
            let count = |s: Status| reports.iter().filter(|r| r.status == s).count();
            let stale = match count(Status::Stale) {
                0 => String::new(),
                n => format!(", {n} stale"),
            };
            out(&format!(
                "{} built, {} unchanged{stale}, {} failed\n",
                count(Status::Built),
                count(Status::Unchanged),
                count(Status::Failed)
            ));
        }
    }
}
