//! `mgi-press data`: the view model of one profile and language, for designers.

use std::process::ExitCode;

use mgi_press::diagnostics::{Diagnostic, RenderStyle};
use mgi_press::fs::write_atomically;
use mgi_press::resolve::{self, Provenance};

use super::args::DataArgs;
use super::{CmdResult, languages, open_for, out, report};

pub fn run(args: DataArgs, style: &RenderStyle) -> CmdResult {
    let session = open_for(&args.project, std::slice::from_ref(&args.profile))?;
    let lang = languages(&session, std::slice::from_ref(&args.profile), &[args.lang])?.remove(0);
    let checked = session.load_checked(&args.profile);
    let mut diags = session.pack_diagnostics.clone();
    diags.extend(checked.diagnostics);
    let vm = checked.profile.as_ref().and_then(|p| {
        let options = resolve::Options {
            strict: args.strict,
            provenance: match args.marked {
                true => Provenance::Marked,
                false => Provenance::Plain,
            },
        };
        let (vm, d) = session.resolve_edition(p, &lang, options, args.edition.edition());
        diags.extend(d);
        vm
    });
    report(&diags, style);
    let Some(vm) = vm else {
        return Ok(ExitCode::from(1));
    };
    match args.output {
        Some(path) => write_atomically(&path, &vm.to_json()).map_err(|e| {
            vec![Diagnostic::error(format!(
                "cannot write {}: {e}",
                path.display()
            ))]
        })?,
        None => out(&String::from_utf8_lossy(&vm.to_json())),
    }
    Ok(ExitCode::SUCCESS)
}
