//! The `mgi-press` command line: a thin layer over the library, one line per command. Exit
//! codes: 0 when everything succeeded, 1 when some document or profile failed, 2 for usage or
//! configuration errors.

mod cmd;

use std::process::ExitCode;

use clap::Parser;
use mgi_press::diagnostics::{ColorChoice, DiagnosticFormat, RenderStyle};

use cmd::args::{Cli, Color, Command, DiagnosticFormatArg, ReportArgs};

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
    let style = render_style(cli.report);
    match dispatch(cli.command, &style) {
        Ok(code) => code,
        Err(diags) => {
            cmd::report(&diags, &style);
            ExitCode::from(2)
        }
    }
}

fn dispatch(command: Command, style: &RenderStyle) -> cmd::CmdResult {
    match command {
        Command::Build(args) => cmd::build::run(args, style),
        Command::Data(args) => cmd::data::run(args, style),
        Command::Check(args) => cmd::check::run(args, style),
        Command::New(args) => cmd::new::run(args),
        Command::I18n { command } => cmd::i18n::run(command, style),
        Command::Schema(args) => cmd::schema::run(args),
        Command::Diff(args) => cmd::diff::run(args),
        Command::Watch(args) => cmd::watch::run(args, style),
        Command::Serve(args) => cmd::serve::run(args, style),
        Command::Preflight(args) => cmd::preflight::run(args, style),
        Command::Layout { command } => cmd::layout::run(command),
        Command::Licenses => cmd::licenses::run(),
        Command::Completions(args) => cmd::completions::completions(&args),
        Command::Man => cmd::completions::man(),
        Command::Docx { command } => cmd::docx::run(command, style),
    }
}

fn render_style(args: ReportArgs) -> RenderStyle {
    let color = match args.color {
        Color::Auto => ColorChoice::Auto,
        Color::Always => ColorChoice::Always,
        Color::Never => ColorChoice::Never,
    };
    let format = match args.diagnostic_format {
        DiagnosticFormatArg::Human => DiagnosticFormat::Human,
        DiagnosticFormatArg::Short => DiagnosticFormat::Short,
    };
    RenderStyle::for_stderr(color, format)
}
