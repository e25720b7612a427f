//! `mgi-press check`: every problem of the packs and profiles, without rendering.

use mgi_press::diagnostics::{Diagnostic, RenderStyle, WarningPolicy, has_errors};

use super::args::{CheckArgs, Format};
use super::{CmdResult, exit, open_for, out, out_json, report};

pub fn run(args: CheckArgs, style: &RenderStyle) -> CmdResult {
    let session = open_for(&args.project, &args.profiles)?;
    let dirs = session.profile_dirs(&args.profiles)?;
    let results: Vec<(String, Vec<Diagnostic>)> = dirs
        .iter()
        .map(|dir| (session.names.name(dir), session.check(dir, args.strict)))
        .collect();
    let mut all: Vec<Diagnostic> = session
        .pack_diagnostics
        .iter()
        .cloned()
        .chain(results.iter().flat_map(|(_, d)| d.clone()))
        .collect();
    let policy = WarningPolicy {
        deny: args.deny_warnings,
    };
    policy.apply(&mut all);
    match args.format {
        Format::Human => {
            report(&all, style);
            for (name, diags) in &results {
                let mut diags = diags.clone();
                policy.apply(&mut diags);
                let errors = diags.iter().filter(|d| d.is_error()).count();
                let warnings = diags.len() - errors;
                let verdict = if errors == 0 { "ok" } else { "FAILED" };
                out(&format!(
                    "{verdict}: {name} ({errors} errors, {warnings} warnings)\n"
                ));
            }
        }
        Format::Json => out_json(&all),
    }
    Ok(exit(has_errors(&all)))
}
