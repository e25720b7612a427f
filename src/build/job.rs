//! One document of a batch: resolve → fingerprint → (skip if unchanged) → compile → refuse
//! missing glyphs → export → write atomically.

use std::time::Instant;

use super::BuildOptions;
use super::report::{DocReport, Status};
use super::stamps::{Fingerprint, Stamps};
use super::write::{output_path, write_atomically};
use crate::diagnostics::Diagnostic;
use crate::load::Profile;
use crate::session::Session;
use crate::typeset::{self, inspect};

/// A document to build.
pub struct Job<'a> {
    pub profile: &'a Profile,
    pub lang: String,
    /// Problems found while loading the profile (warnings only, or it would not be built).
    pub profile_diags: &'a [Diagnostic],
}

/// Fingerprints shared by every document of a run.
pub struct RunInputs {
    layout: Fingerprint,
    fonts: String,
}

impl RunInputs {
    pub fn new(session: &Session) -> Self {
        RunInputs {
            layout: Fingerprint::of_tree(&session.project.layout_dir()),
            fonts: Fingerprint::of_files(&session.shared.fonts().files).hex(),
        }
    }
}

impl Job<'_> {
    /// Builds the document. Returns its report and, when a PDF was written, the stamp to keep
    /// (output file name, fingerprint).
    pub fn run(
        &self,
        session: &Session,
        options: &BuildOptions,
        stamps: &Stamps,
        inputs: &RunInputs,
    ) -> (DocReport, Option<(String, String)>) {
        let start = Instant::now();
        let (profile, lang) = (self.profile, self.lang.as_str());
        let mut report = DocReport::failed(
            &options.out_dir,
            &profile.name,
            lang,
            self.profile_diags.to_vec(),
        );
        let (vm, diags) = session.resolve(profile, lang, options.strict);
        report.diagnostics.extend(diags);
        let Some(vm) = vm else {
            return (report.finish(Status::Failed, start), None);
        };
        let settings = session.pdf_settings(profile, lang, &options.standards);
        let data = vm.to_json();
        let stamp = self.fingerprint(inputs, &data, &settings, options.strict);
        let target = output_path(&options.out_dir, &profile.name, lang);
        let file_name = target
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        if !options.force && target.is_file() && stamps.entries.get(&file_name) == Some(&stamp) {
            return (report.finish(Status::Unchanged, start), None);
        }
        let pdf = match self.typeset(session, &vm, &settings, &mut report) {
            Ok(pdf) => pdf,
            Err(errors) => {
                report.diagnostics.extend(errors);
                return (report.finish(Status::Failed, start), None);
            }
        };
        match write_atomically(&target, &pdf) {
            Ok(()) => (
                report.finish(Status::Built, start),
                Some((file_name, stamp)),
            ),
            Err(e) => {
                let message = format!("cannot write {}: {e}", target.display());
                report.diagnostics.push(Diagnostic::error(message));
                (report.finish(Status::Failed, start), None)
            }
        }
    }

    /// Compiles and exports; the document's warnings and page count go into the report.
    fn typeset(
        &self,
        session: &Session,
        vm: &crate::resolve::ViewModel,
        settings: &typeset::PdfSettings,
        report: &mut DocReport,
    ) -> Result<Vec<u8>, Vec<Diagnostic>> {
        let compiled = session.compile(self.profile, vm)?;
        report.diagnostics.extend(compiled.warnings.iter().cloned());
        report.pages = Some(compiled.document.pages().len());
        let tofu = inspect::missing_glyphs(&compiled.document);
        if !tofu.is_empty() {
            return Err(tofu);
        }
        typeset::export_pdf(&compiled.document, settings)
    }

    /// Everything the PDF depends on.
    fn fingerprint(
        &self,
        inputs: &RunInputs,
        data: &[u8],
        settings: &typeset::PdfSettings,
        strict: bool,
    ) -> String {
        let mut f = inputs.layout.clone();
        f.write(data);
        f.write(inputs.fonts.as_bytes());
        let options = format!("{settings:?}|{}|{strict}", env!("CARGO_PKG_VERSION"));
        f.write(options.as_bytes());
        if let Some(image) = &self.profile.facts.cover_image {
            f.write(&std::fs::read(self.profile.dir.join(image)).unwrap_or_default());
        }
        f.hex()
    }
}
