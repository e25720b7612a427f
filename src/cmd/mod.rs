//! The subcommands, one file each; each turns its arguments into calls of the library and
//! prints the results. What they share is here: printing, opening the project.

pub mod args;
pub mod browser;
pub mod build;
pub mod check;
pub mod completions;
pub mod data;
pub mod diff;
pub mod docx;
pub mod i18n;
pub mod i18n_exchange;
pub mod layout;
pub mod licenses;
pub mod new;
pub mod preflight;
pub mod progress;
pub mod schema;
pub mod serve;
pub mod watch;

use std::io::Write;
use std::process::ExitCode;

use mgi_press::Session;
use mgi_press::diagnostics::{Diagnostic, RenderStyle, render_all_with};
use mgi_press::load::DisplayNames;

use args::ProjectArgs;

/// What a command returns: an exit code, or problems that stop it before any work (exit 2).
pub type CmdResult = Result<ExitCode, Vec<Diagnostic>>;

/// Prints to standard output, treating a closed pipe as success.
pub fn out(text: &str) {
    let mut stdout = std::io::stdout().lock();
    let _ = stdout.write_all(text.as_bytes());
}

/// Prints diagnostics to standard error in the chosen style.
pub fn report(diags: &[Diagnostic], style: &RenderStyle) {
    if !diags.is_empty() {
        eprint!("{}", render_all_with(diags, style));
    }
}

/// Opens the project found from the working folder (see `open_for`).
pub fn open(project: &ProjectArgs) -> Result<Session, Vec<Diagnostic>> {
    open_for(project, &[])
}

/// Opens the project (`--project`, else the nearest one above the first of `profiles`, then
/// above the working folder, else the built-in layout), naming files relative to the working
/// folder.
pub fn open_for(
    project: &ProjectArgs,
    profiles: &[std::path::PathBuf],
) -> Result<Session, Vec<Diagnostic>> {
    Session::find(
        project.project.as_deref(),
        profiles,
        &project.layout,
        DisplayNames::from_working_dir(),
    )
}

/// A usage error for something that is not a language code; the code in its canonical case.
pub fn check_lang(lang: &str) -> Result<String, Vec<Diagnostic>> {
    mgi_press::project::normalize_lang(lang).ok_or_else(|| {
        vec![
            Diagnostic::error(format!("`{lang}` is not a language code"))
                .with_hint("use codes such as en, fr, ar, pt-BR"),
        ]
    })
}

/// The `--lang` values in their canonical case, each one a language that a language pack or
/// one of the profiles has text for: anything else is a usage error, not an English document
/// under another language's name.
pub fn languages(
    session: &Session,
    dirs: &[std::path::PathBuf],
    given: &[String],
) -> Result<Vec<String>, Vec<Diagnostic>> {
    let known = session.languages(dirs);
    let mut langs = Vec::new();
    for lang in given {
        let code = check_lang(lang)?;
        if !known.contains(&code) {
            let list: Vec<&str> = known.iter().map(String::as_str).collect();
            return Err(vec![
                Diagnostic::error(format!("no language pack and no profile text in `{code}`"))
                    .with_hint(format!("the languages there are: {}", list.join(", "))),
            ]);
        }
        langs.push(code);
    }
    Ok(langs)
}

/// 0 when `failed` is false, else 1.
pub fn exit(failed: bool) -> ExitCode {
    if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// Pretty JSON on standard output.
pub fn out_json(value: &impl serde::Serialize) {
    out(&format!(
        "{}\n",
        serde_json::to_string_pretty(value).unwrap_or_default()
    ));
}
