//! `mgi-press i18n …`: reports for translators.

use std::process::ExitCode;

use mgi_press::i18n;

use super::args::{Format, I18nCommand, I18nStatusArgs};
use super::{CmdResult, open, out, out_json};

pub fn run(command: I18nCommand) -> CmdResult {
    match command {
        I18nCommand::Status(args) => status(args),
    }
}

fn status(args: I18nStatusArgs) -> CmdResult {
    let session = open(&args.project, &[])?;
    let dirs = session.profile_dirs(&args.profiles)?;
    let status = i18n::status(&session, &dirs);
    match args.format {
        Format::Human => out(&i18n::render(&status)),
        Format::Json => out_json(&status),
    }
    Ok(ExitCode::SUCCESS)
}
