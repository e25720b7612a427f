//! One document of a batch, in each edition asked for: resolve → fingerprint → skip if its
//! stamp still holds (or, with `--check`, only say so) → compile → refuse missing glyphs →
//! export → (print edition) PDF/X-4 and preflight → write the PDF and then its stamp, each
//! atomically.

use std::time::Instant;

use super::BuildOptions;
use super::previews;
use super::print::{self, OutputProfiles};
use super::report::{DocReport, Status, Timings, lap};
use super::stamps::{FileHashes, Stale, StampStore};
use super::write::{output_path, write_atomically};
use crate::diagnostics::{Diagnostic, WarningPolicy, has_errors};
use crate::edition::Edition;
use crate::edition::icc::OutputProfile;
use crate::hash::{Fingerprint, file_hash};
use crate::load::Profile;
use crate::resolve::ViewModel;
use crate::session::Session;
use crate::typeset::{self, PdfSettings, inspect};

/// A document to build.
pub struct Job<'a> {
    pub profile: &'a Profile,
    pub lang: String,
    /// Problems found while loading the profile (warnings only, or it would not be built).
    pub profile_diags: &'a [Diagnostic],
    /// Notes about the profile that are not problems of this document.
    pub profile_notes: &'a [String],
}

/// What every document of a run shares.
pub struct Run<'a> {
    pub session: &'a Session,
    pub options: &'a BuildOptions,
    pub stamps: StampStore,
    pub hashes: FileHashes,
    /// The print edition's output profiles, read once per batch.
    pub output_profiles: OutputProfiles,
    /// Fingerprint of the fonts and of the running binary.
    environment: String,
}

impl<'a> Run<'a> {
    pub fn new(session: &'a Session, options: &'a BuildOptions) -> Self {
        let mut env = Fingerprint::new();
        // Each font by file name and content, wherever it was read from (a project's `fonts/`
        // or the built-in one): the same fonts give the same stamps.
        for file in &session.shared.fonts().files {
            let name = file.file_name().unwrap_or_default();
            env.write(name.to_string_lossy().as_bytes());
            env.write(file_hash(file).unwrap_or_default().as_bytes());
        }
        // The binary itself, not only its version: a rebuilt mgi-press may lay out differently.
        env.write(binary_identity(&options.out_dir, !options.check).as_bytes());
        env.write(env!("CARGO_PKG_VERSION").as_bytes());
        Run {
            session,
            options,
            stamps: StampStore::new(
                &options.out_dir,
                &session.project.root,
                &session.project.layout_root,
            ),
            hashes: FileHashes::default(),
            output_profiles: OutputProfiles::default(),
            environment: env.hex(),
        }
    }

    fn policy(&self) -> WarningPolicy {
        WarningPolicy {
            deny: self.options.deny_warnings,
        }
    }
}

impl Job<'_> {
    /// Builds (or, with `--check`, checks) the document in every edition asked for.
    pub fn run_editions(&self, run: &Run<'_>, on_done: &dyn Fn(&DocReport)) -> Vec<DocReport> {
        let mut reports = Vec::new();
        for &edition in &run.options.editions {
            let report = self.run(run, edition);
            on_done(&report);
            reports.push(report);
        }
        reports
    }

    /// Builds (or, with `--check`, checks) one edition of the document.
    pub fn run(&self, run: &Run<'_>, edition: Edition) -> DocReport {
        let start = Instant::now();
        let (profile, lang, options) = (self.profile, self.lang.as_str(), run.options);
        let mut report = DocReport::failed(
            &options.out_dir,
            &profile.name,
            lang,
            edition,
            self.profile_diags.to_vec(),
        );
        report.notes = self.profile_notes.to_vec();
        let (vm, diags) = run
            .session
            .resolve_edition(profile, lang, options.strict, edition);
        report.diagnostics.extend(diags);
        run.policy().apply(&mut report.diagnostics);
        let Some(vm) = vm.filter(|_| !has_errors(&report.diagnostics)) else {
            return report.finish(Status::Failed, start);
        };
        let settings = run
            .session
            .pdf_settings(profile, lang, &options.standards_of(edition));
        let icc = match edition {
            Edition::Print => match run
                .output_profiles
                .of(run.session.project.color_root(), profile)
            {
                Ok(icc) => Some(icc),
                Err(d) => {
                    report.diagnostics.push(d);
                    return report.finish(Status::Failed, start);
                }
            },
            Edition::Screen => None,
        };
        let export = Export {
            settings: &settings,
            icc: icc.as_deref(),
        };
        let inputs = fingerprint(run, &vm, &export);
        let target = output_path(&options.out_dir, &profile.name, lang, edition);
        let name = output_name(&target);
        let stale = if options.force {
            Some(Stale::Inputs)
        } else {
            run.stamps
                .staleness(&target, &name, &inputs, &run.hashes)
                .or_else(|| {
                    let dir = previews::preview_dir(&options.out_dir, &name);
                    run.stamps.previews_stale(&name, options.previews, &dir)
                })
        };
        match (stale, options.check) {
            (None, _) => {
                report.output_facts(run.stamps.load(&name).as_ref());
                report.finish(Status::Unchanged, start)
            }
            (Some(why), true) => {
                report.reason = Some(why.to_string());
                report.finish(Status::Stale, start)
            }
            (Some(_), false) => {
                report.timings = Some(Timings {
                    prepare: lap(&mut start.clone()),
                    ..Timings::default()
                });
                self.write(run, &vm, &export, inputs, report, start)
            }
        }
    }

    /// Compiles, exports and writes the PDF, then its stamp.
    fn write(
        &self,
        run: &Run<'_>,
        vm: &ViewModel,
        export: &Export<'_>,
        inputs: String,
        mut report: DocReport,
        start: Instant,
    ) -> DocReport {
        let target = output_path(
            &run.options.out_dir,
            &self.profile.name,
            &self.lang,
            vm.meta.edition,
        );
        let built = match self.typeset(run, vm, export, &mut report) {
            Ok(built) => built,
            Err(errors) => {
                report.diagnostics.extend(errors);
                return report.finish(Status::Failed, start);
            }
        };
        let mut lap_start = Instant::now();
        let dir = previews::preview_dir(&run.options.out_dir, &output_name(&target));
        let mut written = Vec::new();
        for (name, png) in &built.previews {
            written.push((dir.join(name), png.as_slice()));
        }
        written.push((target.clone(), built.pdf.as_slice()));
        for (path, bytes) in written {
            if let Err(e) = write_atomically(&path, bytes) {
                let message = format!("cannot write {}: {e}", path.display());
                report.diagnostics.push(Diagnostic::error(message));
                return report.finish(Status::Failed, start);
            }
        }
        let mut stamp = run.stamps.stamp(inputs, &built.files, &built.pdf);
        let write_ms = |r: &mut DocReport, t: &mut Instant| {
            if let Some(timings) = &mut r.timings {
                timings.write = lap(t);
            }
        };
        stamp.pages = report.pages;
        stamp.record_previews(run.options.previews, &built.previews);
        report.output_facts(Some(&stamp));
        if let Err(e) = run.stamps.save(&output_name(&target), &stamp) {
            // The PDF is good; without its stamp the next build only redoes it.
            let message = format!("cannot write the build stamp of {}: {e}", target.display());
            report.diagnostics.push(Diagnostic::warning(message));
        }
        write_ms(&mut report, &mut lap_start);
        report.finish(Status::Built, start)
    }

    /// Compiles and exports; the document's warnings and page count go into the report.
    fn typeset(
        &self,
        run: &Run<'_>,
        vm: &ViewModel,
        export: &Export<'_>,
        report: &mut DocReport,
    ) -> Result<Built, Vec<Diagnostic>> {
        let mut t = Instant::now();
        let compiled = run.session.compile(self.profile, vm)?;
        let compile_ms = lap(&mut t);
        let mut warnings = compiled.warnings.clone();
        run.policy().apply(&mut warnings);
        report.diagnostics.extend(warnings);
        report.pages = Some(compiled.document.pages().len());
        let tofu = inspect::missing_glyphs(&compiled.document);
        if !tofu.is_empty() || has_errors(&report.diagnostics) {
            return Err(tofu);
        }
        let mut pdf = typeset::export_pdf(&compiled.document, export.settings)?;
        if let Some(icc) = export.icc {
            let name = output_name(&output_path(
                &run.options.out_dir,
                &self.profile.name,
                &self.lang,
                Edition::Print,
            ));
            let (pdfx, mut warnings) = print::finish(&pdf, icc, vm.meta.bleed_mm, &name)?;
            run.policy().apply(&mut warnings);
            report.diagnostics.extend(warnings);
            if has_errors(&report.diagnostics) {
                return Err(Vec::new());
            }
            pdf = pdfx;
        }
        let export_ms = lap(&mut t);
        let previews = match run.options.previews {
            Some(dpi) => previews::render(&compiled, dpi),
            None => Vec::new(),
        };
        if let Some(timings) = &mut report.timings {
            timings.compile = compile_ms;
            timings.export = export_ms;
            timings.previews = lap(&mut t);
        }
        Ok(Built {
            pdf,
            files: compiled.files,
            previews,
        })
    }
}

/// How a document is exported: the PDF settings, and for the print edition the output profile
/// of its PDF/X-4 step.
struct Export<'a> {
    settings: &'a PdfSettings,
    icc: Option<&'a OutputProfile>,
}

/// A document ready to be written.
struct Built {
    pdf: Vec<u8>,
    /// The files the layout read, with the hashes of what it was given.
    files: Vec<(std::path::PathBuf, Option<String>)>,
    /// Page previews (`--png`): file name and PNG bytes.
    previews: Vec<(String, Vec<u8>)>,
}

/// The hash of the running executable. Hashing a large binary on every run would cost more than
/// checking an up-to-date folder, so the hash is kept in the stamps folder with the length and
/// modification time it was computed for, and reused while both are the same.
fn binary_identity(out_dir: &std::path::Path, may_write: bool) -> String {
    let Ok(exe) = std::env::current_exe() else {
        return String::new();
    };
    let key = std::fs::metadata(&exe)
        .ok()
        .and_then(|m| {
            let mtime = m
                .modified()
                .ok()?
                .duration_since(std::time::UNIX_EPOCH)
                .ok()?;
            Some(format!(
                "{}|{}|{}",
                exe.display(),
                m.len(),
                mtime.as_nanos()
            ))
        })
        .unwrap_or_default();
    let cache = out_dir.join(".mgi-press").join("binary");
    if let Ok(text) = std::fs::read_to_string(&cache)
        && let Some((cached_key, hash)) = text.trim_end().rsplit_once('\n')
        && cached_key == key
        && !key.is_empty()
    {
        return hash.to_string();
    }
    let hash = file_hash(&exe).unwrap_or_default();
    // `--check` writes nothing, not even this cache.
    if may_write && !key.is_empty() && out_dir.is_dir() {
        let _ = write_atomically(&cache, format!("{key}\n{hash}\n").as_bytes());
    }
    hash
}

/// Everything the PDF depends on besides the files the layout reads.
fn fingerprint(run: &Run<'_>, vm: &ViewModel, export: &Export<'_>) -> String {
    let mut f = Fingerprint::new();
    f.write(&vm.to_json());
    f.write(run.environment.as_bytes());
    let settings = export.settings;
    f.write(format!("{settings:?}|strict={}", run.options.strict).as_bytes());
    f.write(
        export
            .icc
            .map(print::identity)
            .unwrap_or_default()
            .as_bytes(),
    );
    f.hex()
}

fn output_name(target: &std::path::Path) -> String {
    target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}
