//! `mgi-press completions SHELL` and `mgi-press man`: shell completions (clap_complete) and the
//! manual page (clap_mangen), generated from the same argument definitions as the program.
//! The Debian package ships copies committed under `dist/` (a test keeps them current).

use std::process::ExitCode;

use clap::CommandFactory;
use clap_complete::Shell;

use super::args::{Cli, CompletionsArgs, ShellArg};
use super::{CmdResult, out};

pub fn completions(args: &CompletionsArgs) -> CmdResult {
    let shell = match args.shell {
        ShellArg::Bash => Shell::Bash,
        ShellArg::Zsh => Shell::Zsh,
        ShellArg::Fish => Shell::Fish,
    };
    let mut bytes = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "mgi-press", &mut bytes);
    out(&String::from_utf8_lossy(&bytes));
    Ok(ExitCode::SUCCESS)
}

pub fn man() -> CmdResult {
    let mut bytes = Vec::new();
    clap_mangen::Man::new(Cli::command())
        .render(&mut bytes)
        .map_err(|e| vec![mgi_press::diagnostics::Diagnostic::error(e.to_string())])?;
    out(&String::from_utf8_lossy(&bytes));
    Ok(ExitCode::SUCCESS)
}
