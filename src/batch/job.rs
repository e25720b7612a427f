//! One document of a batch, in each edition asked for: resolve → its output prepared →
//! fingerprint → skip if its stamp still holds (or, with `--check`, only say so) → the output
//! produces its files (see [`crate::output`]) → write them and then the stamp, each atomically.

use std::time::Instant;

use super::options::BuildOptions;
use super::previews;
use super::report::{DocReport, Status, Timings, lap};
use super::stamps::{FileHashes, Stale, StampStore};
use super::write::output_path;
use crate::diagnostics::{Diagnostic, WarningPolicy, has_errors};
use crate::edition::Edition;
use crate::fs::write_atomically;
use crate::hash::{Fingerprint, file_hash};
use crate::load::Profile;
use crate::output::{self, Document, Files, Output, Prepared, Produced};
use crate::resolve::{self, Provenance, ViewModel};
use crate::session::Session;

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
            environment: env.hex(),
        }
    }

    fn policy(&self) -> WarningPolicy {
        WarningPolicy {
            deny: self.options.deny_warnings,
        }
    }

    fn context(&self) -> output::Context<'_> {
        self.session.output_context(
            &self.options.standards,
            self.options.base_url.as_deref(),
            &self.options.editions,
        )
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
        // The batch lays out without the preview's source markers (nothing reads them here).
        let resolve_options = resolve::Options {
            strict: options.strict,
            provenance: Provenance::Plain,
        };
        let resolved = run
            .session
            .document(profile, lang, edition, resolve_options, run.policy());
        report.diagnostics.extend(resolved.diagnostics);
        let Some(vm) = resolved.vm.filter(|_| !has_errors(&report.diagnostics)) else {
            return report.finish(Status::Failed, start);
        };
        let output = output::of(edition);
        let doc = Document {
            profile,
            lang,
            vm: &vm,
        };
        let prepared = match output.prepare(&run.context(), &doc) {
            Ok(prepared) => prepared,
            Err(d) => {
                report.diagnostics.push(d);
                return report.finish(Status::Failed, start);
            }
        };
        let inputs = fingerprint(run, &vm, &prepared);
        let target = output_path(&options.out_dir, &profile.name, lang, edition);
        let name = output.file_name(&profile.name, lang);
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
                let made = Made {
                    output,
                    doc,
                    prepared: &prepared,
                    inputs,
                };
                made.produce_and_write(run, report, start)
            }
        }
    }
}

/// A document whose output is to be produced and written.
struct Made<'a> {
    output: &'static dyn Output,
    doc: Document<'a>,
    prepared: &'a Prepared,
    inputs: String,
}

impl Made<'_> {
    /// Produces the output's files (and page previews), writes them, then the stamp.
    fn produce_and_write(self, run: &Run<'_>, mut report: DocReport, start: Instant) -> DocReport {
        let produced = self
            .output
            .produce(&run.context(), &self.doc, self.prepared, run.policy());
        let produced = match produced {
            Ok(produced) => produced,
            Err(errors) => {
                report.diagnostics.extend(errors);
                return report.finish(Status::Failed, start);
            }
        };
        report.diagnostics.extend(produced.warnings.iter().cloned());
        report.pages = produced.pages;
        let mut t = Instant::now();
        let previews = match (run.options.previews, &produced.compiled) {
            (Some(dpi), Some(compiled)) => previews::render(compiled, dpi),
            _ => Vec::new(),
        };
        if let Some(timings) = &mut report.timings {
            timings.compile = produced.compile_ms;
            timings.export = produced.export_ms;
            timings.previews = lap(&mut t);
        }
        if let Err(message) = self.write(run, &produced, &previews) {
            report.diagnostics.push(Diagnostic::error(message));
            return report.finish(Status::Failed, start);
        }
        let name = self.output.file_name(&self.doc.profile.name, self.doc.lang);
        let mut stamp = run
            .stamps
            .stamp(self.inputs, &produced.read, &produced.files);
        stamp.pages = report.pages;
        stamp.record_previews(run.options.previews, &previews);
        report.output_facts(Some(&stamp));
        if let Err(e) = run.stamps.save(&name, &stamp) {
            // The output is good; without its stamp the next build only redoes it.
            let message = format!("cannot write the build stamp of {name}: {e}");
            report.diagnostics.push(Diagnostic::warning(message));
        }
        if let Some(timings) = &mut report.timings {
            timings.write = lap(&mut t);
        }
        report.finish(Status::Built, start)
    }

    /// Writes the previews, then the output (a file, or a folder replaced as a whole).
    fn write(
        &self,
        run: &Run<'_>,
        produced: &Produced,
        previews: &[(String, Vec<u8>)],
    ) -> Result<(), String> {
        let (out_dir, doc) = (&run.options.out_dir, &self.doc);
        let target = output_path(out_dir, &doc.profile.name, doc.lang, self.output.edition());
        let name = self.output.file_name(&doc.profile.name, doc.lang);
        let dir = previews::preview_dir(out_dir, &name);
        for (file, png) in previews {
            let path = dir.join(file);
            write_atomically(&path, png)
                .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        }
        // Shared files first (the html edition's stylesheet, fonts and cover sizes), each
        // written only when it differs, so that a page never refers to a missing one.
        for (rel, bytes) in &produced.shared {
            let path = out_dir.join(rel);
            if std::fs::read(&path).ok().as_deref() != Some(bytes.as_slice()) {
                write_atomically(&path, bytes)
                    .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
            }
        }
        match &produced.files {
            Files::One(bytes) => write_atomically(&target, bytes),
            Files::Folder(files) => crate::fs::replace_folder(&target, files),
        }
        .map_err(|e| format!("cannot write {}: {e}", target.display()))
    }
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

/// Everything the output depends on besides the files the layout reads.
fn fingerprint(run: &Run<'_>, vm: &ViewModel, prepared: &Prepared) -> String {
    let mut f = Fingerprint::new();
    f.write(&vm.to_json());
    f.write(run.environment.as_bytes());
    f.write(format!("{}|strict={}", prepared.identity, run.options.strict).as_bytes());
    f.hex()
}
