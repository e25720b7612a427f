//! A session: what every command shares once per run — the project, its fonts and layout
//! sources (in Typst's shared state), the language packs — and the pipeline's stages for one
//! profile: load → check → resolve → compile.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::check;
use crate::date::Date;
use crate::diagnostics::{Diagnostic, has_errors};
use crate::edition::Edition;
use crate::edition::images::ScreenImages;
use crate::load::{DisplayNames, Packs, Profile, load_packs, load_profile};
use crate::project::Project;
use crate::resolve::{self, ViewModel};
use crate::typeset::{self, Compiled, DocInput, PdfSettings, Shared, load_fonts};

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
        })
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

    /// Loads a profile and runs the cross-file checks (images: size only; see `load_deep`).
    pub fn load(&self, dir: &Path) -> Checked {
        self.load_with(dir, false)
    }

    /// Like `load`, and also decodes every image completely (for `mgi-press check`).
    pub fn load_deep(&self, dir: &Path) -> Checked {
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
        let checked = self.load_deep(dir);
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

    /// Resolves a loaded profile in one language into the view model of its screen edition.
    pub fn resolve(
        &self,
        profile: &Profile,
        lang: &str,
        strict: bool,
    ) -> (Option<ViewModel>, Vec<Diagnostic>) {
        self.resolve_edition(profile, lang, strict, Edition::Screen)
    }

    /// Resolves a loaded profile in one language into the view model of one edition.
    pub fn resolve_edition(
        &self,
        profile: &Profile,
        lang: &str,
        strict: bool,
        edition: Edition,
    ) -> (Option<ViewModel>, Vec<Diagnostic>) {
        let fonts = self.shared.fonts();
        let covers = |c: char| fonts.covers(c);
        let options = resolve::Options { strict };
        let (mut vm, diags) =
            resolve::resolve(&self.project, profile, &self.packs, lang, options, &covers);
        if let Some(vm) = &mut vm {
            vm.meta.for_edition(edition, &profile.facts.print);
        }
        (vm, diags)
    }

    /// Lays out a view model with the layout, in the view model's edition. The footnote
    /// numbers the view model carries follow the standard layout's order; when the document
    /// shows them in another order (a layout that moves a part), they are numbered again in
    /// the order shown and the document laid out once more.
    pub fn compile(&self, profile: &Profile, vm: &ViewModel) -> Result<Compiled, Vec<Diagnostic>> {
        let compiled = self.compile_once(profile, vm)?;
        let printed = typeset::inspect::note_numbers(&compiled.document);
        if resolve::notes::in_order(&printed) {
            return Ok(compiled);
        }
        let mut renumbered = vm.clone();
        resolve::notes::renumber(&mut renumbered, &printed);
        self.compile_once(profile, &renumbered)
    }

    fn compile_once(&self, profile: &Profile, vm: &ViewModel) -> Result<Compiled, Vec<Diagnostic>> {
        let prefix = self.project.profile_prefix(&profile.dir);
        let layouts = self.project.layouts_dir();
        typeset::compile(
            &self.shared,
            DocInput {
                layout: &self.project.layout,
                layouts_dir: &layouts,
                profile: Some((&prefix, &profile.dir)),
                data: vm.to_json(),
                today: publication_date(profile),
                edition: vm.meta.edition,
                substitutes: self.substitutes(profile, vm),
            },
        )
    }

    /// Keep the screen edition's downsampled photographs in `dir` between runs.
    pub fn keep_screen_images_in(&self, dir: PathBuf) {
        self.screen_images.keep_in(dir);
    }

    /// Files served in place of the profile's own: in the screen edition, the cover
    /// photograph downsampled when it is far above screen resolution.
    fn substitutes(&self, profile: &Profile, vm: &ViewModel) -> Vec<(String, Vec<u8>, String)> {
        let Some(cover) = profile.facts.cover_image.as_deref() else {
            return Vec::new();
        };
        if vm.meta.edition != Edition::Screen {
            return Vec::new();
        }
        let rest = cover.trim_start_matches("./");
        let Ok(bytes) = std::fs::read(profile.dir.join(rest)) else {
            return Vec::new();
        };
        let width_mm = profile.facts.paper.width_mm();
        let original = crate::hash::content_hash(&bytes);
        match self.screen_images.get(&bytes, &original, width_mm) {
            Some(small) => vec![(rest.to_string(), small.to_vec(), original)],
            None => Vec::new(),
        }
    }

    /// The PDF settings of one document: a stable identifier and a fixed timestamp (the
    /// publication date, or `SOURCE_DATE_EPOCH` when set).
    pub fn pdf_settings(&self, profile: &Profile, lang: &str, standards: &[String]) -> PdfSettings {
        let timestamp =
            source_date_epoch().unwrap_or_else(|| publication_date(profile).unix_seconds());
        PdfSettings {
            ident: format!("mgi-press/{}/{lang}", profile.name),
            timestamp,
            standards: standards.to_vec(),
        }
    }
}

/// The publication date (checked by `check`), or January 1st of the profile year.
fn publication_date(profile: &Profile) -> Date {
    Date::parse(&profile.facts.published).unwrap_or(Date::new_year(profile.facts.year))
}

fn source_date_epoch() -> Option<i64> {
    std::env::var("SOURCE_DATE_EPOCH").ok()?.trim().parse().ok()
}

impl Session {
    /// Builds every requested document of the profiles in `dirs` (see [`crate::build`]).
    pub fn build(
        &self,
        dirs: &[PathBuf],
        options: &crate::build::BuildOptions,
    ) -> Vec<crate::build::DocReport> {
        crate::build::build(self, dirs, options, &|_| {})
    }
}
