//! The batch pipeline: discover → load → check → resolve → compile → export → write, for many
//! profiles and languages in one process that shares fonts, layouts and Typst's memoized work.
//! Each PDF is written to a temporary file beside its target and renamed into place, so a failed
//! build never replaces a good PDF; unchanged inputs are skipped.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

use rayon::prelude::*;
use serde::Serialize;

use crate::check;
use crate::diagnostics::{Diagnostic, has_errors};
use crate::fonts::load_fonts;
use crate::profile::{Packs, Profile, load_packs, load_profile};
use crate::project::Project;
use crate::render::{self, Compiled, Date, DocInput, PdfSettings};
use crate::resolve::{self, resolve};
use crate::view::ViewModel;
use crate::world::Shared;

/// Everything loaded once per run.
pub struct Session {
    pub project: Project,
    pub shared: Arc<Shared>,
    pub packs: Packs,
    /// Problems of the language packs, reported once.
    pub pack_diagnostics: Vec<Diagnostic>,
}

#[derive(Debug, Clone)]
pub struct BuildOptions {
    /// Languages to build; empty means every language each profile has.
    pub langs: Vec<String>,
    pub out_dir: PathBuf,
    pub strict: bool,
    /// PDF standards (`a-2b`, `ua-1`, …).
    pub standards: Vec<String>,
    /// Rebuild even when the inputs have not changed.
    pub force: bool,
    /// Documents compiled at once.
    pub jobs: usize,
}

impl Default for BuildOptions {
    fn default() -> Self {
        BuildOptions {
            langs: Vec::new(),
            out_dir: PathBuf::from("out"),
            strict: false,
            standards: Vec::new(),
            force: false,
            jobs: 1,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Built,
    Unchanged,
    Failed,
}

/// The layout inputs a set of PDF standards needs.
pub fn inputs_for_standards(standards: &[String]) -> Vec<(&'static str, &'static str)> {
    if standards.iter().any(|s| s.starts_with("a-")) {
        vec![("mgi-colour", "rgb")]
    } else {
        Vec::new()
    }
}

/// The outcome of one document, also printed as JSON by `build --format json`.
#[derive(Debug, Clone, Serialize)]
pub struct DocReport {
    pub profile: String,
    pub lang: String,
    pub output: String,
    pub status: Status,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pages: Option<usize>,
    pub millis: u64,
    pub diagnostics: Vec<Diagnostic>,
}

/// A profile loaded and checked, ready for resolution in each language.
pub struct Checked {
    pub profile: Option<Profile>,
    pub diagnostics: Vec<Diagnostic>,
}

impl Session {
    pub fn open(root: &Path, layout: &str) -> Result<Session, Vec<Diagnostic>> {
        Session::open_with(root, layout, &[])
    }

    /// Opens a session whose layout sees the given `sys.inputs`. Builds for PDF/A pass
    /// `mgi-colour=rgb`, since Typst cannot embed the CMYK output profile PDF/A requires.
    pub fn open_with(
        root: &Path,
        layout: &str,
        inputs: &[(&str, &str)],
    ) -> Result<Session, Vec<Diagnostic>> {
        let project = Project::open(root, layout).map_err(|d| vec![d])?;
        let fonts = load_fonts(&project.fonts_dir()).map_err(|e| vec![Diagnostic::error(e)])?;
        let (packs, mut pack_diagnostics) = load_packs(&project.lang_dir());
        pack_diagnostics.extend(check::check_packs(&packs));
        Ok(Session {
            project,
            shared: Arc::new(Shared::new(fonts, inputs)),
            packs,
            pack_diagnostics,
        })
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
        let (profile, mut diagnostics) = load_profile(dir);
        if let Some(p) = &profile {
            diagnostics.extend(check::check_profile(p, &self.packs, deep));
        }
        let profile = if has_errors(&diagnostics) {
            None
        } else {
            profile
        };
        Checked {
            profile,
            diagnostics,
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

    /// Resolves a loaded profile in one language into its view model.
    pub fn resolve(
        &self,
        profile: &Profile,
        lang: &str,
        strict: bool,
    ) -> (Option<ViewModel>, Vec<Diagnostic>) {
        let fonts = self.shared.fonts();
        let covers = |c: char| fonts.covers(c);
        resolve(
            &self.project,
            profile,
            &self.packs,
            lang,
            resolve::Options { strict },
            &covers,
        )
    }

    /// Lays out a view model with the layout.
    pub fn compile(&self, profile: &Profile, vm: &ViewModel) -> Result<Compiled, Vec<Diagnostic>> {
        let prefix = self.project.profile_prefix(&profile.dir);
        let (year, month, day) =
            check::parse_date(&vm.meta.published).unwrap_or((profile.facts.year, 1, 1));
        let layouts = self.project.layouts_dir();
        render::compile(
            &self.shared,
            DocInput {
                layout: &self.project.layout,
                layouts_dir: &layouts,
                profile: Some((&prefix, &profile.dir)),
                data: vm.to_json(),
                today: Date { year, month, day },
            },
        )
    }

    /// The PDF settings of one document: a stable identifier and a fixed timestamp (the
    /// publication date, or `SOURCE_DATE_EPOCH` when set).
    pub fn pdf_settings(&self, profile: &Profile, lang: &str, standards: &[String]) -> PdfSettings {
        let (y, m, d) =
            check::parse_date(&profile.facts.published).unwrap_or((profile.facts.year, 1, 1));
        let timestamp = source_date_epoch()
            .unwrap_or_else(|| render::days_from_civil(i64::from(y), m, d) * 86_400);
        PdfSettings {
            ident: format!("mgi-press/{}/{lang}", profile.name),
            timestamp,
            standards: standards.to_vec(),
        }
    }

    /// Builds every requested document. Never stops at the first failure.
    pub fn build(&self, dirs: &[PathBuf], options: &BuildOptions) -> Vec<DocReport> {
        let checked: Vec<(PathBuf, Checked)> =
            dirs.iter().map(|d| (d.clone(), self.load(d))).collect();
        let mut jobs: Vec<(usize, String)> = Vec::new();
        let mut reports = Vec::new();
        for (i, (dir, c)) in checked.iter().enumerate() {
            let name = dir
                .canonicalize()
                .ok()
                .and_then(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
                .unwrap_or_else(|| dir.to_string_lossy().into_owned());
            let langs: Vec<String> = if !options.langs.is_empty() {
                options.langs.clone()
            } else if let Some(p) = &c.profile {
                p.languages()
            } else {
                vec!["*".into()]
            };
            match &c.profile {
                Some(_) => jobs.extend(langs.into_iter().map(|l| (i, l))),
                None => {
                    for lang in langs {
                        reports.push(DocReport {
                            profile: name.clone(),
                            lang: lang.clone(),
                            output: output_path(&options.out_dir, &name, &lang)
                                .to_string_lossy()
                                .into_owned(),
                            status: Status::Failed,
                            pages: None,
                            millis: 0,
                            diagnostics: c.diagnostics.clone(),
                        });
                    }
                }
            }
        }
        if let Err(e) = std::fs::create_dir_all(&options.out_dir) {
            for (i, lang) in jobs.drain(..) {
                let name = checked[i]
                    .1
                    .profile
                    .as_ref()
                    .map(|p| p.name.clone())
                    .unwrap_or_default();
                reports.push(DocReport {
                    output: output_path(&options.out_dir, &name, &lang)
                        .to_string_lossy()
                        .into_owned(),
                    profile: name,
                    lang,
                    status: Status::Failed,
                    pages: None,
                    millis: 0,
                    diagnostics: vec![Diagnostic::error(format!(
                        "cannot create the output folder {}: {e}",
                        options.out_dir.display()
                    ))],
                });
            }
        }
        let stamps = Stamps::load(&options.out_dir);
        let layout_digest = digest_tree(&self.project.layout_dir());
        let fonts_digest = self
            .shared
            .fonts()
            .files
            .iter()
            .fold(Digest::new(), |mut h, f| {
                h.write(f.to_string_lossy().as_bytes());
                h.write(&std::fs::read(f).unwrap_or_default());
                h
            });
        let run = |(i, lang): &(usize, String)| -> (DocReport, Option<(String, String)>) {
            let c = &checked[*i].1;
            let profile = c
                .profile
                .as_ref()
                .expect("jobs exist only for loaded profiles");
            let built = self.build_one(
                profile,
                lang,
                options,
                &c.diagnostics,
                &stamps,
                layout_digest.clone(),
                fonts_digest.clone(),
            );
            typst::comemo::evict(options.jobs.max(1) * 2);
            built
        };
        let built: Vec<(DocReport, Option<(String, String)>)> = if options.jobs > 1 {
            match rayon::ThreadPoolBuilder::new()
                .num_threads(options.jobs)
                .build()
            {
                Ok(pool) => pool.install(|| jobs.par_iter().map(run).collect()),
                Err(_) => jobs.iter().map(run).collect(),
            }
        } else {
            jobs.iter().map(run).collect()
        };
        let mut stamps = stamps;
        for (report, stamp) in built {
            if let Some((file, digest)) = stamp {
                stamps.entries.insert(file, digest);
            }
            reports.push(report);
        }
        stamps.save(&options.out_dir);
        reports
    }

    #[allow(clippy::too_many_arguments)]
    fn build_one(
        &self,
        profile: &Profile,
        lang: &str,
        options: &BuildOptions,
        profile_diags: &[Diagnostic],
        stamps: &Stamps,
        mut digest: Digest,
        fonts_digest: Digest,
    ) -> (DocReport, Option<(String, String)>) {
        let start = Instant::now();
        let target = output_path(&options.out_dir, &profile.name, lang);
        let mut report = DocReport {
            profile: profile.name.clone(),
            lang: lang.to_string(),
            output: target.to_string_lossy().into_owned(),
            status: Status::Failed,
            pages: None,
            millis: 0,
            diagnostics: profile_diags.to_vec(),
        };
        let (vm, diags) = self.resolve(profile, lang, options.strict);
        report.diagnostics.extend(diags);
        let Some(vm) = vm else {
            report.millis = start.elapsed().as_millis() as u64;
            return (report, None);
        };
        let settings = self.pdf_settings(profile, lang, &options.standards);
        let data = vm.to_json();
        digest.write(&data);
        digest.write(&fonts_digest.finish().to_le_bytes());
        digest.write(
            format!(
                "{:?}|{}|{}",
                settings,
                env!("CARGO_PKG_VERSION"),
                options.strict
            )
            .as_bytes(),
        );
        if let Some(image) = &profile.facts.cover_image {
            digest.write(&std::fs::read(profile.dir.join(image)).unwrap_or_default());
        }
        let stamp = format!("{:016x}", digest.finish());
        let file_name = target
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        if !options.force && target.is_file() && stamps.entries.get(&file_name) == Some(&stamp) {
            report.status = Status::Unchanged;
            report.millis = start.elapsed().as_millis() as u64;
            return (report, None);
        }
        let compiled = match self.compile(profile, &vm) {
            Ok(c) => c,
            Err(errors) => {
                report.diagnostics.extend(errors);
                report.millis = start.elapsed().as_millis() as u64;
                return (report, None);
            }
        };
        report.diagnostics.extend(compiled.warnings.iter().cloned());
        report.pages = Some(compiled.document.pages().len());
        let tofu = crate::inspect::missing_glyphs(&compiled.document);
        if !tofu.is_empty() {
            report.diagnostics.extend(tofu);
            report.millis = start.elapsed().as_millis() as u64;
            return (report, None);
        }
        let pdf = match render::export_pdf(&compiled.document, &settings) {
            Ok(pdf) => pdf,
            Err(errors) => {
                report.diagnostics.extend(errors);
                report.millis = start.elapsed().as_millis() as u64;
                return (report, None);
            }
        };
        let written = match write_atomically(&target, &pdf) {
            Ok(()) => {
                report.status = Status::Built;
                Some((file_name, stamp))
            }
            Err(e) => {
                report.diagnostics.push(Diagnostic::error(format!(
                    "cannot write {}: {e}",
                    target.display()
                )));
                None
            }
        };
        report.millis = start.elapsed().as_millis() as u64;
        (report, written)
    }
}

/// `OUT/<profile>.<lang>.pdf`
pub fn output_path(out_dir: &Path, profile: &str, lang: &str) -> PathBuf {
    out_dir.join(format!("{profile}.{lang}.pdf"))
}

/// Writes `bytes` to a temporary file in the target's folder, then renames it over the target,
/// so readers see either the old file or the complete new one.
pub fn write_atomically(target: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    let dir = target
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    let mut tmp = tempfile::Builder::new()
        .prefix(".mgi-press-")
        .suffix(".tmp")
        .tempfile_in(dir)?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    tmp.persist(target).map_err(|e| e.error)?;
    Ok(())
}

fn source_date_epoch() -> Option<i64> {
    std::env::var("SOURCE_DATE_EPOCH").ok()?.trim().parse().ok()
}

/// The input digests of the documents in an output folder, for skipping unchanged builds.
struct Stamps {
    entries: BTreeMap<String, String>,
}

const STAMPS_FILE: &str = ".mgi-press-stamps.json";

impl Stamps {
    fn load(out_dir: &Path) -> Stamps {
        let entries = std::fs::read(out_dir.join(STAMPS_FILE))
            .ok()
            .and_then(|b| serde_json::from_slice(&b).ok())
            .unwrap_or_default();
        Stamps { entries }
    }

    fn save(&self, out_dir: &Path) {
        if let Ok(bytes) = serde_json::to_vec_pretty(&self.entries) {
            let _ = write_atomically(&out_dir.join(STAMPS_FILE), &bytes);
        }
    }
}

/// FNV-1a, 64 bits: a stable digest for change detection (not for security).
#[derive(Clone)]
struct Digest(u64);

impl Digest {
    fn new() -> Self {
        Digest(0xcbf2_9ce4_8422_2325)
    }

    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 ^= u64::from(*b);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
        // Separate consecutive writes.
        self.0 = self.0.rotate_left(5) ^ bytes.len() as u64;
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// Digest of every file below a folder (names and contents), in sorted order.
fn digest_tree(dir: &Path) -> Digest {
    fn walk(dir: &Path, files: &mut Vec<PathBuf>) {
        if let Ok(entries) = std::fs::read_dir(dir) {
            for e in entries.flatten() {
                let p = e.path();
                if p.is_dir() {
                    walk(&p, files);
                } else {
                    files.push(p);
                }
            }
        }
    }
    let mut files = Vec::new();
    walk(dir, &mut files);
    files.sort();
    let mut d = Digest::new();
    for f in files {
        // A designer's dumped data.json is not an input: the view model is served virtually.
        if f.file_name().is_some_and(|n| n == "data.json") {
            continue;
        }
        d.write(
            f.strip_prefix(dir)
                .unwrap_or(&f)
                .to_string_lossy()
                .as_bytes(),
        );
        d.write(&std::fs::read(&f).unwrap_or_default());
    }
    d
}
