//! The `mgi-press` command line: a thin layer over the library. Exit codes: 0 when everything
//! succeeded, 1 when some document or profile failed, 2 for usage or configuration errors.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};
use mgi_press::build::{BuildOptions, DocReport, Session, Status};
use mgi_press::diagnostics::{Diagnostic, has_errors, render_all};
use mgi_press::{i18n, scaffold};

#[derive(Parser)]
#[command(
    name = "mgi-press",
    version,
    about = "Builds IOM Migration Governance Indicators profiles as print-ready PDFs"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Args, Clone)]
struct ProjectArgs {
    /// The project folder holding layouts/, fonts/ and profiles/.
    #[arg(long, default_value = ".", global = true)]
    project: PathBuf,
    /// The layout to use, a folder under layouts/.
    #[arg(long, default_value = "mgi", global = true)]
    layout: String,
}

#[derive(Copy, Clone, PartialEq, Eq, ValueEnum)]
enum Format {
    Human,
    Json,
}

#[derive(Subcommand)]
enum Command {
    /// Build profiles to PDF: OUT/<profile>.<lang>.pdf.
    Build {
        /// Profile folders; all of profiles/ when none is given.
        profiles: Vec<PathBuf>,
        /// Languages to build (repeatable); every language a profile has when none is given.
        #[arg(long = "lang", short = 'l')]
        langs: Vec<String>,
        /// Output folder.
        #[arg(long, short = 'o', default_value = "out")]
        out: PathBuf,
        /// Fail on any fallback to English (for release builds).
        #[arg(long)]
        strict: bool,
        /// PDF standard to conform to, e.g. a-2b or ua-1 (repeatable).
        #[arg(long = "pdf-standard")]
        pdf_standards: Vec<String>,
        /// Rebuild even documents whose inputs have not changed.
        #[arg(long)]
        force: bool,
        /// Documents compiled in parallel (default: the number of cores).
        #[arg(long, short = 'j')]
        jobs: Option<usize>,
        /// Report format on standard output.
        #[arg(long, value_enum, default_value = "human")]
        format: Format,
        #[command(flatten)]
        project: ProjectArgs,
    },
    /// Write the resolved view model (the JSON the layout reads) of one profile and language.
    Data {
        profile: PathBuf,
        #[arg(long, short = 'l', default_value = "en")]
        lang: String,
        /// Output file; standard output when absent.
        #[arg(long, short = 'o')]
        output: Option<PathBuf>,
        #[arg(long)]
        strict: bool,
        #[command(flatten)]
        project: ProjectArgs,
    },
    /// Validate profiles and language packs without rendering; report every problem.
    Check {
        profiles: Vec<PathBuf>,
        #[arg(long)]
        strict: bool,
        #[arg(long, value_enum, default_value = "human")]
        format: Format,
        #[command(flatten)]
        project: ProjectArgs,
    },
    /// Create a new profile folder that passes `check` (placeholders are flagged until replaced).
    New {
        folder: PathBuf,
        #[arg(long)]
        country: Option<String>,
        #[arg(long)]
        year: Option<i32>,
        #[command(flatten)]
        project: ProjectArgs,
    },
    /// Translation tools.
    I18n {
        #[command(subcommand)]
        command: I18nCommand,
    },
    /// Write the JSON Schemas of the data files (generated from the Rust types).
    Schema {
        /// Output folder.
        #[arg(long, short = 'o', default_value = "schemas")]
        out: PathBuf,
    },
}

#[derive(Subcommand)]
enum I18nCommand {
    /// Per profile and language: missing, untranslated and extra keys.
    Status {
        profiles: Vec<PathBuf>,
        #[arg(long, value_enum, default_value = "human")]
        format: Format,
        #[command(flatten)]
        project: ProjectArgs,
    },
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    match run(cli) {
        Ok(code) => code,
        Err(diags) => {
            eprint!("{}", render_all(&diags));
            ExitCode::from(2)
        }
    }
}

/// Prints to stdout, treating a closed pipe as success.
fn out(text: &str) {
    let mut stdout = std::io::stdout().lock();
    let _ = stdout.write_all(text.as_bytes());
}

fn open(project: &ProjectArgs) -> Result<Session, Vec<Diagnostic>> {
    Session::open(&project.project, &project.layout)
}

fn profile_dirs(session: &Session, given: &[PathBuf]) -> Result<Vec<PathBuf>, Vec<Diagnostic>> {
    if !given.is_empty() {
        return Ok(given.to_vec());
    }
    let found = session.project.discover_profiles();
    if found.is_empty() {
        return Err(vec![
            Diagnostic::error(format!(
                "no profiles found in {}",
                session.project.profiles_dir().display()
            ))
            .with_hint("pass a profile folder, or create one with `mgi-press new profiles/NAME`"),
        ]);
    }
    Ok(found)
}

fn run(cli: Cli) -> Result<ExitCode, Vec<Diagnostic>> {
    match cli.command {
        Command::Build {
            profiles,
            langs,
            out: out_dir,
            strict,
            pdf_standards,
            force,
            jobs,
            format,
            project,
        } => {
            if let Some(bad) = langs.iter().find(|l| !mgi_press::project::is_lang_code(l)) {
                return Err(vec![
                    Diagnostic::error(format!("`{bad}` is not a language code"))
                        .with_hint("use codes such as en, fr, ar, pt-BR"),
                ]);
            }
            let inputs = mgi_press::build::inputs_for_standards(&pdf_standards);
            let session = Session::open_with(&project.project, &project.layout, &inputs)?;
            eprint!("{}", render_all(&session.pack_diagnostics));
            if has_errors(&session.pack_diagnostics) {
                return Ok(ExitCode::from(2));
            }
            let dirs = profile_dirs(&session, &profiles)?;
            let jobs =
                jobs.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
            let options = BuildOptions {
                langs,
                out_dir,
                strict,
                standards: pdf_standards,
                force,
                jobs,
            };
            let reports = session.build(&dirs, &options);
            report_builds(&reports, format);
            let failed = reports.iter().any(|r| r.status == Status::Failed);
            Ok(if failed {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            })
        }
        Command::Data {
            profile,
            lang,
            output,
            strict,
            project,
        } => {
            if !mgi_press::project::is_lang_code(&lang) {
                return Err(vec![Diagnostic::error(format!(
                    "`{lang}` is not a language code"
                ))]);
            }
            let session = open(&project)?;
            let checked = session.load(&profile);
            let mut diags = session.pack_diagnostics.clone();
            diags.extend(checked.diagnostics);
            let vm = checked.profile.as_ref().and_then(|p| {
                let (vm, d) = session.resolve(p, &lang, strict);
                diags.extend(d);
                vm
            });
            eprint!("{}", render_all(&diags));
            let Some(vm) = vm else {
                return Ok(ExitCode::from(1));
            };
            match output {
                Some(path) => {
                    mgi_press::build::write_atomically(&path, &vm.to_json()).map_err(|e| {
                        vec![Diagnostic::error(format!(
                            "cannot write {}: {e}",
                            path.display()
                        ))]
                    })?
                }
                None => out(&String::from_utf8_lossy(&vm.to_json())),
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Check {
            profiles,
            strict,
            format,
            project,
        } => {
            let session = open(&project)?;
            let dirs = profile_dirs(&session, &profiles)?;
            let results = check_all(&session, &dirs, strict);
            let all: Vec<Diagnostic> = session
                .pack_diagnostics
                .iter()
                .cloned()
                .chain(results.iter().flat_map(|(_, d)| d.clone()))
                .collect();
            match format {
                Format::Human => {
                    eprint!("{}", render_all(&all));
                    for (name, diags) in &results {
                        let errors = diags.iter().filter(|d| d.is_error()).count();
                        let warnings = diags.len() - errors;
                        let verdict = if errors == 0 { "ok" } else { "FAILED" };
                        out(&format!(
                            "{verdict}: {name} ({errors} errors, {warnings} warnings)\n"
                        ));
                    }
                }
                Format::Json => out(&format!(
                    "{}\n",
                    serde_json::to_string_pretty(&all).unwrap_or_default()
                )),
            }
            Ok(if has_errors(&all) {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            })
        }
        Command::New {
            folder,
            country,
            year,
            project,
        } => {
            let session = open(&project)?;
            scaffold::new_profile(&session, &folder, country.as_deref(), year)?;
            out(&format!(
                "created {} — fill in the TODO texts, then run `mgi-press check {}`\n",
                folder.display(),
                folder.display()
            ));
            Ok(ExitCode::SUCCESS)
        }
        Command::I18n {
            command:
                I18nCommand::Status {
                    profiles,
                    format,
                    project,
                },
        } => {
            let session = open(&project)?;
            let dirs = profile_dirs(&session, &profiles)?;
            let status = i18n::status(&session, &dirs);
            match format {
                Format::Human => out(&i18n::render(&status)),
                Format::Json => out(&format!(
                    "{}\n",
                    serde_json::to_string_pretty(&status).unwrap_or_default()
                )),
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Schema { out: dir } => {
            std::fs::create_dir_all(&dir).map_err(|e| {
                vec![Diagnostic::error(format!(
                    "cannot create {}: {e}",
                    dir.display()
                ))]
            })?;
            for (name, schema) in mgi_press::model::schemas() {
                let path = dir.join(name);
                let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
                text.push('\n');
                mgi_press::build::write_atomically(&path, text.as_bytes()).map_err(|e| {
                    vec![Diagnostic::error(format!(
                        "cannot write {}: {e}",
                        path.display()
                    ))]
                })?;
                out(&format!("wrote {}\n", path.display()));
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// Checks each profile (see `Session::check`), named as the user gave it.
fn check_all(session: &Session, dirs: &[PathBuf], strict: bool) -> Vec<(String, Vec<Diagnostic>)> {
    dirs.iter()
        .map(|dir| {
            (
                mgi_press::source::display_name(dir),
                session.check(dir, strict),
            )
        })
        .collect()
}

fn report_builds(reports: &[DocReport], format: Format) {
    let mut seen: Vec<&Diagnostic> = Vec::new();
    for r in reports {
        let fresh: Vec<Diagnostic> = r
            .diagnostics
            .iter()
            .filter(|d| !seen.contains(d))
            .cloned()
            .collect();
        seen.extend(r.diagnostics.iter());
        eprint!("{}", render_all(&fresh));
    }
    match format {
        Format::Json => out(&format!(
            "{}\n",
            serde_json::to_string_pretty(reports).unwrap_or_default()
        )),
        Format::Human => {
            for r in reports {
                let line = match r.status {
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
                };
                out(&line);
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
