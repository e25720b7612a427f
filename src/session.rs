//! A session: what every command shares once per run — the project, its fonts and layout
//! sources (in Typst's shared state), the language packs — and the pipeline's stages for one
//! profile: load → check → resolve → compile.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::check;
use crate::diagnostics::{Diagnostic, WarningPolicy, has_errors};
use crate::edition::Edition;
use crate::load::{DisplayNames, Packs, Profile, load_packs, load_profile};
use crate::output::{self, OutputProfiles, ScreenImages};
use crate::project::Project;
use crate::resolve::{self, Provenance, ViewModel};
use crate::typeset::{Compiled, Shared, load_fonts};

/// Everything loaded once per run.
pub struct Session {
    pub project: Project,
    pub shared: Arc<Shared>,
    pub packs: Packs,
    /// Problems of the language packs, reported once.
    pub pack_diagnostics: Vec<Diagnostic>,
    /// How files are named in messages.
    pub names: DisplayNames,
    /// Downsampled cover photographs of the screen edition.
    screen_images: ScreenImages,
    /// The html edition's cover sizes.
    cover_sizes: crate::web::cover::CoverSizes,
    /// The print edition's output profiles, each read once.
    output_profiles: OutputProfiles,
}

/// A profile resolved in one language and edition (see [`Session::document`]).
pub struct Resolved {
    pub vm: Option<ViewModel>,
    pub diagnostics: Vec<Diagnostic>,
}

/// A profile loaded and checked, ready for resolution in each language.
pub struct Checked {
    pub profile: Option<Profile>,
    pub diagnostics: Vec<Diagnostic>,
    /// Lines that are neither errors nor warnings of this run (e.g. the translation warnings of
    /// languages a build does not make, summed up).
    pub notes: Vec<String>,
}

impl Session {
    /// Opens the project at `root` with one of its layouts; files are named in messages
    /// relative to the working folder.
    pub fn open(root: &Path, layout: &str) -> Result<Session, Vec<Diagnostic>> {
        Session::open_with(root, layout, DisplayNames::from_working_dir())
    }

    /// Opens a session naming files in messages as `names` says. Its layout sees one
    /// `sys.inputs` key, `mgi-edition` (the view model's edition; see `typeset::world`).
    pub fn open_with(
        root: &Path,
        layout: &str,
        names: DisplayNames,
    ) -> Result<Session, Vec<Diagnostic>> {
        let project = Project::open(root, layout).map_err(|d| vec![d])?;
        Session::with_project(project, names)
    }

    /// Opens the project that [`Project::find`] finds: `--project DIR`, else the nearest
    /// folder above the first profile (then above the working folder) with its own layout,
    /// else the built-in layout.
    pub fn find(
        explicit: Option<&Path>,
        profiles: &[PathBuf],
        layout: &str,
        names: DisplayNames,
    ) -> Result<Session, Vec<Diagnostic>> {
        let project = Project::find(explicit, profiles, layout).map_err(|d| vec![d])?;
        Session::with_project(project, names)
    }

    fn with_project(project: Project, names: DisplayNames) -> Result<Session, Vec<Diagnostic>> {
        let fonts = load_fonts(&project.fonts_dir()).map_err(|e| vec![Diagnostic::error(e)])?;
        let (packs, mut pack_diagnostics) = load_packs(&project.lang_dir(), &names);
        pack_diagnostics.extend(check::check_packs(&packs));
        Ok(Session {
            project,
            shared: Arc::new(Shared::new(fonts)),
            packs,
            pack_diagnostics,
            names,
            screen_images: ScreenImages::default(),
            cover_sizes: crate::web::cover::CoverSizes::default(),
            output_profiles: OutputProfiles::default(),
        })
    }

    /// What the translation functions read of this run (`crate::i18n`).
    pub fn i18n(&self) -> crate::i18n::Sources<'_> {
        crate::i18n::Sources {
            packs: &self.packs,
            project: &self.project,
            names: &self.names,
        }
    }

    /// The profile folders a command works on: those given, or every one under `profiles/`.
    pub fn profile_dirs(&self, given: &[PathBuf]) -> Result<Vec<PathBuf>, Vec<Diagnostic>> {
        if !given.is_empty() {
            return Ok(given.to_vec());
        }
        let found = self.project.discover_profiles();
        if found.is_empty() {
            let d = Diagnostic::error(format!(
                "no profiles found in {}",
                self.project.profiles_dir().display()
            ))
            .with_hint("pass a profile folder, or create one with `mgi-press new profiles/NAME`");
            return Err(vec![d]);
        }
        Ok(found)
    }

    /// Every language a language pack or one of the profiles in `dirs` has text for.
    pub fn languages(&self, dirs: &[PathBuf]) -> std::collections::BTreeSet<String> {
        let mut langs: std::collections::BTreeSet<String> =
            self.packs.by_lang.keys().cloned().collect();
        for dir in dirs {
            langs.extend(crate::load::text_languages(dir));
        }
        langs
    }

    /// Loads a profile and runs the cross-file checks (images: size only; see
    /// `load_checked_deep`).
    pub fn load_checked(&self, dir: &Path) -> Checked {
        self.load_with(dir, false)
    }

    /// Like `load_checked`, and also decodes every image completely (for `mgi-press check`).
    pub fn load_checked_deep(&self, dir: &Path) -> Checked {
        self.load_with(dir, true)
    }

    fn load_with(&self, dir: &Path, deep: bool) -> Checked {
        let (profile, mut diagnostics) = load_profile(dir, &self.names);
        if let Some(p) = &profile {
            diagnostics.extend(check::check_profile(p, &self.packs, deep));
        }
        let profile = profile.filter(|_| !has_errors(&diagnostics));
        Checked {
            profile,
            diagnostics,
            notes: Vec::new(),
        }
    }

    /// Everything `mgi-press check` reports for one profile: loading with full image decoding,
    /// the cross-file checks, and resolution in every language it has (without rendering).
    /// A problem reported by several languages' runs appears once.
    pub fn check(&self, dir: &Path, strict: bool) -> Vec<Diagnostic> {
        let checked = self.load_checked_deep(dir);
        let mut diags = checked.diagnostics;
        if let Some(p) = &checked.profile {
            for lang in p.languages() {
                for d in self.resolve(p, &lang, strict).1 {
                    if !diags.contains(&d) {
                        diags.push(d);
                    }
                }
            }
        }
        diags
    }

    /// Resolves a loaded profile in one language into the view model of its screen edition,
    /// without the preview's source markers.
    pub fn resolve(
        &self,
        profile: &Profile,
        lang: &str,
        strict: bool,
    ) -> (Option<ViewModel>, Vec<Diagnostic>) {
        let options = resolve::Options {
            strict,
            provenance: Provenance::Plain,
        };
        self.resolve_edition(profile, lang, options, Edition::Screen)
    }

    /// Resolves a loaded profile in one language into the view model of one edition; the
    /// caller chooses whether it carries the preview's source markers (`options.provenance`).
    pub fn resolve_edition(
        &self,
        profile: &Profile,
        lang: &str,
        options: resolve::Options,
        edition: Edition,
    ) -> (Option<ViewModel>, Vec<Diagnostic>) {
        let fonts = self.shared.fonts();
        let covers = |c: char| fonts.covers(c);
        let (mut vm, diags) =
            resolve::resolve(&self.project, profile, &self.packs, lang, options, &covers);
        if let Some(vm) = &mut vm {
            vm.meta.for_edition(edition, &profile.facts.print);
        }
        (vm, diags)
    }

    /// The document pipeline's first step, the same for the batch, the preview and the
    /// tests: a loaded profile resolved in one language for one edition, its problems under
    /// `policy` (no view model when they include an error).
    pub fn document(
        &self,
        profile: &Profile,
        lang: &str,
        edition: Edition,
        options: resolve::Options,
        policy: WarningPolicy,
    ) -> Resolved {
        let (vm, mut diagnostics) = self.resolve_edition(profile, lang, options, edition);
        policy.apply(&mut diagnostics);
        let vm = vm.filter(|_| !has_errors(&diagnostics));
        Resolved { vm, diagnostics }
    }

    /// The pipeline's next step without an export (the preview): the view model laid out in
    /// its edition, with the layout's problems under `policy` (see [`output::lay_out_checked`]).
    pub fn lay_out(
        &self,
        profile: &Profile,
        vm: &ViewModel,
        policy: WarningPolicy,
    ) -> Result<output::LaidOut, Vec<Diagnostic>> {
        let substitutes = self.substitutes(profile, vm);
        output::lay_out_checked(self.typesetting(), profile, vm, &substitutes, policy)
    }

    /// What the outputs read of this session (see [`crate::output`]).
    /// `base_url` and `editions` (the run's, whose PDFs the web pages link to) are read by
    /// the html edition.
    pub fn output_context<'a>(
        &'a self,
        screen_standards: &'a [String],
        base_url: Option<&'a str>,
        editions: &'a [Edition],
    ) -> output::Context<'a> {
        output::Context {
            typesetting: self.typesetting(),
            screen_images: &self.screen_images,
            output_profiles: &self.output_profiles,
            screen_standards,
            web: output::WebSettings {
                base_url,
                editions,
                packs: &self.packs,
                covers: &self.cover_sizes,
            },
        }
    }

    /// The layout and fonts of this session.
    pub fn typesetting(&self) -> output::Typesetting<'_> {
        output::Typesetting {
            project: &self.project,
            shared: &self.shared,
        }
    }

    /// Lays out a view model with the layout, in the view model's edition (the screen
    /// edition with its downsampled cover), without exporting it: for the preview and tests.
    pub fn compile(&self, profile: &Profile, vm: &ViewModel) -> Result<Compiled, Vec<Diagnostic>> {
        output::lay_out(
            self.typesetting(),
            profile,
            vm,
            &self.substitutes(profile, vm),
        )
    }

    /// Files served in place of the profile's own in the view model's edition.
    fn substitutes(&self, profile: &Profile, vm: &ViewModel) -> Vec<(String, Vec<u8>, String)> {
        match vm.meta.edition {
            Edition::Screen => output::ScreenPdf::substitutes(&self.screen_images, profile),
            Edition::Print | Edition::Html => Vec::new(),
        }
    }

    /// Keep the screen edition's downsampled photographs in `dir` between runs.
    pub fn keep_screen_images_in(&self, dir: PathBuf) {
        self.screen_images.keep_in(dir.clone());
        self.cover_sizes.keep_in(dir);
    }
}
