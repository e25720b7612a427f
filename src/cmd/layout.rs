//! `mgi-press layout export DIR`: writes the layout built into mgi-press out, with what a
//! designer needs beside it (its language packs, the fonts, the default output profile and
//! the JSON Schemas), so that DIR becomes a project whose files override the built-in ones.

use std::process::ExitCode;

use mgi_press::diagnostics::Diagnostic;

use super::args::{LayoutCommand, LayoutExportArgs};
use super::{CmdResult, out};

/// What is written: every built-in file under these folders.
const EXPORTED: [&str; 4] = ["layouts/", "fonts/", "color/", "schemas/"];

pub fn run(command: LayoutCommand) -> CmdResult {
    match command {
        LayoutCommand::Export(args) => export(&args),
    }
}

fn export(args: &LayoutExportArgs) -> CmdResult {
    let existing: Vec<String> = mgi_press::builtin::files()
        .iter()
        .map(|(name, _)| *name)
        .filter(|name| EXPORTED.iter().any(|p| name.starts_with(p)))
        .filter(|name| args.dir.join(name).exists())
        .map(str::to_string)
        .collect();
    if !existing.is_empty() && !args.force {
        let shown: Vec<&str> = existing.iter().take(5).map(String::as_str).collect();
        let more = existing.len().saturating_sub(shown.len());
        let more = if more > 0 {
            format!(" and {more} more")
        } else {
            String::new()
        };
        return Err(vec![
            Diagnostic::error(format!(
                "{} already has {}{more}: nothing was written",
                args.dir.display(),
                shown.join(", ")
            ))
            .with_hint("choose another folder, or pass --force to overwrite them"),
        ]);
    }
    let written = mgi_press::builtin::export(&args.dir, &EXPORTED).map_err(|e| {
        vec![Diagnostic::error(format!(
            "cannot write into {}: {e}",
            args.dir.display()
        ))]
    })?;
    let dir = args.dir.display();
    out(&format!(
        "wrote {} files of mgi-press {} into {dir}: layouts/mgi (with lang/), fonts/, color/, schemas/\n\
         they now override the built-in ones for profiles under {dir} (or with --project {dir})\n",
        written.len(),
        env!("CARGO_PKG_VERSION")
    ));
    Ok(ExitCode::SUCCESS)
}
