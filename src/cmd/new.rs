//! `mgi-press new`: a new profile folder that passes `check`.

use std::process::ExitCode;

use mgi_press::scaffold;

use super::args::NewArgs;
use super::{CmdResult, open_for, out};

pub fn run(args: NewArgs) -> CmdResult {
    let session = open_for(&args.project, std::slice::from_ref(&args.folder))?;
    scaffold::new_profile(
        &session.packs,
        &session.project,
        &args.folder,
        args.country.as_deref(),
        args.year,
    )?;
    let folder = args.folder.display();
    out(&format!(
        "created {folder} — fill in the TODO texts, then run `mgi-press check {folder}`\n"
    ));
    Ok(ExitCode::SUCCESS)
}
