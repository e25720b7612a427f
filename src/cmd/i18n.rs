//! `mgi-press i18n …`: the translator's tools — status, export and import of exchange files
//! (in `i18n_exchange.rs`), and marking translations as made from the current English.

use std::process::ExitCode;

use mgi_press::diagnostics::Diagnostic;
use mgi_press::i18n::{self, lock::Lock};

use super::args::{Format, I18nCommand, I18nMarkArgs, I18nStatusArgs};
use super::i18n_exchange::{catalog_of, writable_pack};
use super::{CmdResult, open_for, out, out_json};

pub fn run(command: I18nCommand, style: &mgi_press::diagnostics::RenderStyle) -> CmdResult {
    match command {
        I18nCommand::Status(args) => status(args),
        I18nCommand::Export(args) => super::i18n_exchange::export(args),
        I18nCommand::Import(args) => super::i18n_exchange::import(args, style),
        I18nCommand::Mark(args) => mark(args),
    }
}

fn status(args: I18nStatusArgs) -> CmdResult {
    let session = open_for(&args.project, &args.profiles)?;
    let dirs = session.profile_dirs(&args.profiles)?;
    let status = i18n::status(&session.i18n(), &dirs);
    match args.format {
        Format::Human => out(&i18n::render(&status)),
        Format::Json => out_json(&status),
    }
    let incomplete = status.iter().any(|s| s.declared && !s.complete());
    Ok(super::exit(incomplete))
}

fn mark(args: I18nMarkArgs) -> CmdResult {
    let given: Vec<std::path::PathBuf> = args.target.profile.iter().cloned().collect();
    let session = open_for(&args.project, &given)?;
    if args.target.pack.is_some() {
        writable_pack(&session)?;
    }
    let catalog = catalog_of(&session, &args.target)?;
    let mut lock = Lock::load(&catalog.dir, &catalog.lang);
    let mut marked = 0;
    for unit in &catalog.units {
        let Some(target) = &unit.target else { continue };
        let same = args.same.contains(&unit.key);
        if same && target != &unit.source {
            return Err(vec![Diagnostic::error(format!(
                "`{}` is not the same as the English, so it cannot be marked --same",
                unit.key
            ))]);
        }
        lock.record(&unit.key, &unit.source, same);
        marked += 1;
    }
    lock.save(&catalog.dir, &catalog.lang).map_err(|e| {
        vec![Diagnostic::error(format!(
            "cannot write the lock of {}: {e}",
            catalog.file
        ))]
    })?;
    out(&format!(
        "marked {marked} translations of {} as made from the current English\n",
        catalog.file
    ));
    Ok(ExitCode::SUCCESS)
}
