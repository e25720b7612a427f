//! The command line's arguments (clap), apart from what the commands do with them.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use mgi_press::batch::Shard;

#[derive(Parser)]
#[command(
    name = "mgi-press",
    version,
    about = "Builds IOM Migration Governance Indicators profiles as print-ready PDFs"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
    #[command(flatten)]
    pub report: ReportArgs,
}

/// How problems are printed on standard error.
#[derive(Args, Clone, Copy)]
pub struct ReportArgs {
    /// Colour in messages.
    #[arg(long, value_enum, default_value = "auto", global = true)]
    pub color: Color,
    /// `human`: the full report with the source line; `short`: one line per problem
    /// (file:line:col: level: message), for editors and CI logs.
    #[arg(long, value_enum, default_value = "human", global = true)]
    pub diagnostic_format: DiagnosticFormatArg,
}

#[derive(Copy, Clone, PartialEq, Eq, ValueEnum)]
pub enum Color {
    Auto,
    Always,
    Never,
}

#[derive(Copy, Clone, PartialEq, Eq, ValueEnum)]
pub enum DiagnosticFormatArg {
    Human,
    Short,
}

#[derive(Args, Clone)]
pub struct ProjectArgs {
    /// The project folder holding profiles/ and, to override the built-in ones, layouts/,
    /// fonts/ and color/. Default: the nearest folder above the profile (then above the
    /// working folder) holding layouts/<layout>/main.typ and lang/en.json; else the working
    /// folder with the layout built into mgi-press.
    #[arg(long, global = true)]
    pub project: Option<PathBuf>,
    /// The layout to use, a folder under layouts/.
    #[arg(long, default_value = "mgi", global = true)]
    pub layout: String,
}

/// The format of results on standard output.
#[derive(Copy, Clone, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Human,
    Json,
}

#[derive(Subcommand)]
pub enum Command {
    /// Build profiles to PDF: OUT/<profile>.<lang>.pdf.
    Build(BuildArgs),
    /// Write the resolved view model (the JSON the layout reads) of one profile and language.
    Data(DataArgs),
    /// Validate profiles and language packs without rendering; report every problem.
    Check(CheckArgs),
    /// Create a new profile folder that passes `check` (placeholders are flagged until replaced).
    New(NewArgs),
    /// Translation tools.
    I18n {
        #[command(subcommand)]
        command: I18nCommand,
    },
    /// Write the JSON Schemas of the data files (generated from the Rust types).
    Schema(SchemaArgs),
    /// Compare two builds (two PDFs or two output folders): changed documents, pages and words.
    Diff(DiffArgs),
    /// Build, then rebuild on every change to the profiles, the layout, its packs or the fonts.
    Watch(WatchArgs),
    /// Preview a profile in the browser, updated on every change.
    Serve(ServeArgs),
    Preflight(PreflightArgs),
    /// The layout built into mgi-press: write it out for a designer to start from.
    Layout {
        #[command(subcommand)]
        command: LayoutCommand,
    },
    /// Print the licences of the fonts and colour profiles built into mgi-press.
    Licenses,
    /// Print shell completions (bash, zsh, fish) to standard output.
    Completions(CompletionsArgs),
    /// Print the manual page (roff) to standard output.
    #[command(hide = true)]
    Man,
    /// Word in and out: review drafts, their edits and comments, authors' manuscripts.
    Docx {
        #[command(subcommand)]
        command: DocxCommand,
    },
}

#[derive(Args)]
pub struct ServeArgs {
    /// The profile folder; the first under profiles/ when absent.
    pub profile: Option<PathBuf>,
    /// The language shown first (the page switches between the profile's languages).
    #[arg(long, short = 'l', default_value = "en")]
    pub lang: String,
    /// Port to listen on; 0 picks a free one (printed).
    #[arg(long, default_value_t = 3000)]
    pub port: u16,
    /// Address to listen on; only this machine by default.
    #[arg(long, default_value = "127.0.0.1")]
    pub host: String,
    /// Another host name the preview answers to (repeatable), besides localhost, 127.0.0.1,
    /// [::1] and --host: e.g. the machine's name when --host 0.0.0.0 shares it on a network.
    /// Requests naming any other host get 403 (docs/preview-security.md).
    #[arg(long = "allowed-host", value_name = "NAME")]
    pub allowed_hosts: Vec<String>,
    /// Open the preview in the default browser ($BROWSER, else xdg-open / open / explorer).
    #[arg(long)]
    pub open: bool,
    /// The edition previewed.
    #[arg(long, value_enum, default_value = "screen")]
    pub edition: SingleEdition,
    #[command(flatten)]
    pub project: ProjectArgs,
}

/// Which documents, and how strictly: shared by `build` and `watch`.
#[derive(Args)]
pub struct DocumentsArgs {
    /// Profile folders; all of profiles/ when none is given.
    pub profiles: Vec<PathBuf>,
    /// Languages to build (repeatable); every language a profile has when none is given.
    #[arg(long = "lang", short = 'l')]
    pub langs: Vec<String>,
    /// Output folder.
    #[arg(long, short = 'o', default_value = "out")]
    pub out: PathBuf,
    /// Fail on any fallback to English (for release builds).
    #[arg(long)]
    pub strict: bool,
    /// Warnings fail the document: placeholders, low-resolution images, fallbacks, bidi
    /// controls, Typst's warnings (for release builds and CI gates).
    #[arg(long)]
    pub deny_warnings: bool,
    /// Which editions to build: `screen` (sRGB, PDF/A-2b + PDF/UA-1, `<profile>.<lang>.pdf`),
    /// `print` (CMYK PDF/X-4 with bleed and crop marks, `<profile>.<lang>.print.pdf`), `html`
    /// (a web page, `<profile>.<lang>/index.html`, shared files in `assets/`); a list
    /// (`screen,print,html`) or the flag repeated; `both` (screen and print) or `all`.
    #[arg(long, value_enum, value_delimiter = ',', default_value = "screen")]
    pub edition: Vec<EditionArg>,
}

#[derive(Args)]
pub struct WatchArgs {
    #[command(flatten)]
    pub docs: DocumentsArgs,
    #[command(flatten)]
    pub project: ProjectArgs,
}

/// `--edition` where one edition is meant.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum SingleEdition {
    Print,
    Screen,
}

impl SingleEdition {
    pub fn edition(self) -> mgi_press::edition::Edition {
        match self {
            SingleEdition::Print => mgi_press::edition::Edition::Print,
            SingleEdition::Screen => mgi_press::edition::Edition::Screen,
        }
    }
}

/// One word of `--edition`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum EditionArg {
    Print,
    Screen,
    Html,
    Both,
    All,
}

/// The editions `--edition` names, each once, in the order screen, print, html.
pub fn editions(words: &[EditionArg]) -> Vec<mgi_press::edition::Edition> {
    use mgi_press::edition::Edition;
    let named = |e: Edition| {
        words.iter().any(|w| match w {
            EditionArg::Print => e == Edition::Print,
            EditionArg::Screen => e == Edition::Screen,
            EditionArg::Html => e == Edition::Html,
            EditionArg::Both => e != Edition::Html,
            EditionArg::All => true,
        })
    };
    [Edition::Screen, Edition::Print, Edition::Html]
        .into_iter()
        .filter(|&e| named(e))
        .collect()
}

#[derive(Args)]
pub struct BuildArgs {
    #[command(flatten)]
    pub docs: DocumentsArgs,
    /// The address the output folder is published at (`https://…/mgi/`): the html edition
    /// then also writes the links that must be absolute (canonical, hreflang alternates, Open
    /// Graph).
    #[arg(long, value_name = "URL")]
    pub base_url: Option<String>,
    /// PDF standards of the screen edition instead of a-2b + ua-1, e.g. a-3b (repeatable).
    #[arg(long = "pdf-standard")]
    pub pdf_standards: Vec<String>,
    /// Rebuild even documents whose inputs have not changed.
    #[arg(long)]
    pub force: bool,
    /// Write nothing: list every output that is missing or out of date, and exit 1 if any is.
    #[arg(long, conflicts_with = "force")]
    pub check: bool,
    /// Build only shard K of N (e.g. 2/4): N machines with K = 1..N cover every document once.
    #[arg(long, value_name = "K/N")]
    pub shard: Option<Shard>,
    /// Documents compiled in parallel (default: the number of cores).
    #[arg(long, short = 'j')]
    pub jobs: Option<usize>,
    /// Also write page previews (PNG) and a cover thumbnail of each output, in
    /// `OUT/previews/<profile>.<lang>[.print]/`.
    #[arg(long)]
    pub png: bool,
    /// Resolution of the page previews.
    #[arg(long, default_value_t = 96, requires = "png", value_parser = clap::value_parser!(u32).range(10..=600))]
    pub dpi: u32,
    /// No progress lines or bar on standard error (problems are still reported).
    #[arg(long, short = 'q')]
    pub quiet: bool,
    /// Report format on standard output.
    #[arg(long, value_enum, default_value = "human")]
    pub format: Format,
    #[command(flatten)]
    pub project: ProjectArgs,
}

#[derive(Args)]
pub struct DataArgs {
    pub profile: PathBuf,
    #[arg(long, short = 'l', default_value = "en")]
    pub lang: String,
    /// The edition whose view model to write (bleed and crop marks differ; for the colours,
    /// pass the same edition to Typst: `--input mgi-edition=screen`).
    #[arg(long, value_enum, default_value = "screen")]
    pub edition: SingleEdition,
    /// Output file; standard output when absent.
    #[arg(long, short = 'o')]
    pub output: Option<PathBuf>,
    #[arg(long)]
    pub strict: bool,
    /// Write the live preview's view model: with the source markers (`mark` nodes and `src`
    /// maps) that tell `serve` which file and key each text comes from. Without this flag, the
    /// view model of `build`, which the layout prints the same and lays out faster.
    #[arg(long)]
    pub marked: bool,
    #[command(flatten)]
    pub project: ProjectArgs,
}

#[derive(Args)]
pub struct CheckArgs {
    pub profiles: Vec<PathBuf>,
    #[arg(long)]
    pub strict: bool,
    /// Warnings count as errors (exit 1).
    #[arg(long)]
    pub deny_warnings: bool,
    #[arg(long, value_enum, default_value = "human")]
    pub format: Format,
    #[command(flatten)]
    pub project: ProjectArgs,
}

#[derive(Args)]
pub struct NewArgs {
    pub folder: PathBuf,
    #[arg(long)]
    pub country: Option<String>,
    #[arg(long)]
    pub year: Option<i32>,
    #[command(flatten)]
    pub project: ProjectArgs,
}

#[derive(Subcommand)]
pub enum I18nCommand {
    /// Per profile and language: missing, untranslated, stale and extra keys; exits 1 when a
    /// language the profile declares is not complete.
    Status(I18nStatusArgs),
    /// Write the units of one language as XLIFF 1.2 or PO, for a CAT tool or a platform.
    Export(I18nExportArgs),
    /// Read a translated XLIFF or PO file back into the language's JSON.
    Import(I18nImportArgs),
    /// Record the English each current translation was made from (after editing JSON by hand).
    Mark(I18nMarkArgs),
}

/// Which text of which language.
#[derive(Args)]
pub struct I18nTarget {
    /// The profile folder (not with --pack).
    #[arg(required_unless_present = "pack")]
    pub profile: Option<PathBuf>,
    /// The language of the profile's text.
    #[arg(long, short = 'l', required_unless_present = "pack")]
    pub lang: Option<String>,
    /// The layout's language pack of this language, instead of a profile.
    #[arg(long, value_name = "LANG", conflicts_with_all = ["profile", "lang"])]
    pub pack: Option<String>,
}

#[derive(Copy, Clone, PartialEq, Eq, ValueEnum)]
pub enum ExchangeFormat {
    Xliff,
    Po,
}

#[derive(Args)]
pub struct I18nExportArgs {
    #[command(flatten)]
    pub target: I18nTarget,
    #[arg(long, value_enum, default_value = "xliff")]
    pub format: ExchangeFormat,
    /// Output file; standard output when absent.
    #[arg(long, short = 'o')]
    pub output: Option<PathBuf>,
    #[command(flatten)]
    pub project: ProjectArgs,
}

#[derive(Args)]
pub struct I18nImportArgs {
    /// The translated .xlf/.xliff or .po file.
    pub file: PathBuf,
    /// Check everything, write nothing.
    #[arg(long)]
    pub dry_run: bool,
    #[command(flatten)]
    pub project: ProjectArgs,
}

#[derive(Args)]
pub struct I18nMarkArgs {
    #[command(flatten)]
    pub target: I18nTarget,
    /// Keys whose translation is the same as the English on purpose.
    #[arg(long = "same", value_name = "KEY")]
    pub same: Vec<String>,
    #[command(flatten)]
    pub project: ProjectArgs,
}

#[derive(Args)]
pub struct I18nStatusArgs {
    pub profiles: Vec<PathBuf>,
    #[arg(long, value_enum, default_value = "human")]
    pub format: Format,
    #[command(flatten)]
    pub project: ProjectArgs,
}

#[derive(Args)]
pub struct SchemaArgs {
    /// Output folder.
    #[arg(long, short = 'o', default_value = "schemas")]
    pub out: PathBuf,
}

/// `mgi-press diff OLD NEW` (see docs/review.md). Exit codes as `diff`: 0 nothing changed,
/// 1 something changed, 2 an error.
#[derive(Args)]
pub struct DiffArgs {
    /// The old PDF, or the output folder of the old build.
    pub old: PathBuf,
    /// The new PDF, or the output folder of the new build (files matched by name).
    pub new: PathBuf,
    /// Also write a self-contained HTML report (page images embedded) to this file.
    #[arg(long, value_name = "FILE")]
    pub report: Option<PathBuf>,
    /// Resolution of the rendered pages compared and shown in the report (20 to 150).
    #[arg(long, default_value_t = 60, value_parser = clap::value_parser!(u16).range(20..=150))]
    pub dpi: u16,
    /// Results on standard output: a human summary, or JSON.
    #[arg(long, value_enum, default_value = "human")]
    pub format: Format,
}

/// Check PDFs as a printer's or an archive's preflight would (print or screen edition).
#[derive(Args)]
pub struct PreflightArgs {
    /// The PDF files to check (any PDF, not only mgi-press output).
    #[arg(required = true, value_name = "FILE.pdf")]
    pub files: Vec<PathBuf>,
    /// The edition to check for: print (PDF/X-4 rules: CMYK, boxes, output intent, 300 ppi,
    /// ink) or screen (language, title, structure, sRGB). Default: what each file claims
    /// (PDF/X → print, PDF/A or PDF/UA → screen, neither → print).
    #[arg(long, value_parser = parse_edition)]
    pub edition: Option<mgi_press::edition::Edition>,
    /// Results on standard output: one line per finding, or JSON.
    #[arg(long, value_enum, default_value = "human")]
    pub format: Format,
}

fn parse_edition(s: &str) -> Result<mgi_press::edition::Edition, String> {
    match s.parse()? {
        mgi_press::edition::Edition::Html => {
            Err("a preflight checks a PDF: print or screen".into())
        }
        pdf => Ok(pdf),
    }
}

// `mgi-press docx`

#[derive(Subcommand)]
pub enum DocxCommand {
    /// Write a profile's text in one language as a Word review draft (every text anchored).
    Export(DocxExportArgs),
    /// Read an edited review draft back: changed texts, tracked changes, comments, fact edits.
    Import(DocxImportArgs),
    /// Map an author's manuscript (no anchors) by its structure into a profile's text.
    Manuscript(DocxManuscriptArgs),
}

#[derive(Args)]
pub struct DocxExportArgs {
    /// The profile folder.
    pub profile: PathBuf,
    #[arg(long, short = 'l')]
    pub lang: String,
    /// Output file; `<profile>.<lang>.docx` when absent.
    #[arg(long, short = 'o')]
    pub output: Option<PathBuf>,
    #[command(flatten)]
    pub project: ProjectArgs,
}

#[derive(Args)]
pub struct DocxImportArgs {
    /// The edited .docx.
    pub file: PathBuf,
    /// Check and report everything, write nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// Apply the tracked changes not yet accepted, as Word's "accept all" would.
    #[arg(long)]
    pub accept_changes: bool,
    /// The profile folder, instead of the one the draft names.
    #[arg(long)]
    pub profile: Option<PathBuf>,
    #[arg(long, value_enum, default_value = "human")]
    pub format: Format,
    #[command(flatten)]
    pub project: ProjectArgs,
}

#[derive(Args)]
pub struct DocxManuscriptArgs {
    /// The author's .docx.
    pub file: PathBuf,
    /// The profile folder to write: a new one, or an existing one to add a language to.
    #[arg(long)]
    pub profile: PathBuf,
    #[arg(long, short = 'l')]
    pub lang: String,
    /// Report what would be mapped, write nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// Replace a language's text that is more than the scaffold's placeholders.
    #[arg(long)]
    pub force: bool,
    #[command(flatten)]
    pub project: ProjectArgs,
}

// `mgi-press layout`

#[derive(Subcommand)]
pub enum LayoutCommand {
    /// Write the built-in layout (layouts/mgi with its language packs), fonts/, color/ and
    /// schemas/ into DIR, which then overrides them (--project DIR, or run inside DIR).
    Export(LayoutExportArgs),
}

#[derive(Args)]
pub struct LayoutExportArgs {
    /// The folder to write into (created when missing).
    pub dir: PathBuf,
    /// Overwrite files that are already there.
    #[arg(long)]
    pub force: bool,
}

// `mgi-press completions`

#[derive(Args)]
pub struct CompletionsArgs {
    /// The shell to complete for.
    #[arg(value_enum)]
    pub shell: ShellArg,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum ShellArg {
    Bash,
    Zsh,
    Fish,
}
