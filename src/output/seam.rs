//! The seam every output implements: what it reads of the run ([`Context`]), the document it
//! is given ([`Document`]), how it is made ready ([`Prepared`]) and what it produces
//! ([`Produced`]: one file or a folder), and the hash a stamp keeps of what was written.

use std::path::PathBuf;
use std::sync::Arc;

use super::images::ScreenImages;
use super::profiles::OutputProfiles;
use super::typesetting::Typesetting;
use crate::diagnostics::{Diagnostic, WarningPolicy};
use crate::edition::Edition;
use crate::edition::icc::OutputProfile;
use crate::load::{Packs, Profile};
use crate::resolve::ViewModel;
use crate::typeset::{Compiled, PdfSettings};
use crate::web::cover::CoverSizes;

/// What the outputs read of a run, shared by all its documents.
#[derive(Clone, Copy)]
pub struct Context<'a> {
    /// The layout, the fonts and the project, to lay documents out with.
    pub typesetting: Typesetting<'a>,
    /// The screen edition's downsampled photographs.
    pub screen_images: &'a ScreenImages,
    /// The print edition's output profiles, each read once.
    pub output_profiles: &'a OutputProfiles,
    /// PDF standards asked for the screen edition (`--pdf-standard`); empty: the default.
    pub screen_standards: &'a [String],
    /// What the html edition reads of the run.
    pub web: WebSettings<'a>,
}

/// What the html edition reads of the run.
#[derive(Clone, Copy)]
pub struct WebSettings<'a> {
    /// `--base-url`, for the links that must be absolute.
    pub base_url: Option<&'a str>,
    /// The run's editions: the pages link to the PDFs built with them.
    pub editions: &'a [Edition],
    /// The languages' own names (`language.name` of each pack).
    pub packs: &'a Packs,
    /// The cover's sizes, shared by a profile's languages and kept between runs.
    pub covers: &'a CoverSizes,
}

/// One document: a profile in one language, resolved for the output's edition.
#[derive(Clone, Copy)]
pub struct Document<'a> {
    pub profile: &'a Profile,
    pub lang: &'a str,
    pub vm: &'a ViewModel,
}

/// An output made ready for one document: everything its files depend on besides the view
/// model and the files the layout reads.
pub struct Prepared {
    /// What identifies the preparation in the document's stamp.
    pub identity: String,
    /// How a PDF output exports (absent for outputs that do not make a PDF).
    pub pdf: Option<PdfPlan>,
}

/// How a PDF is made: its export settings, the printer's output profile of a PDF/X-4 step,
/// and the files served to the layout in place of the profile's own.
pub struct PdfPlan {
    pub settings: PdfSettings,
    pub icc: Option<Arc<OutputProfile>>,
    pub substitutes: Vec<(String, Vec<u8>, String)>,
}

/// The files an output writes for one document.
pub enum Files {
    /// One file at the output's path.
    One(Vec<u8>),
    /// A folder at the output's path: (path relative to it, bytes), replaced as a whole.
    Folder(Vec<(String, Vec<u8>)>),
}

impl Files {
    /// The hash that identifies the output in its stamp: of the file, or of every file of
    /// the folder with its name (see [`written_hash`]).
    pub fn hash(&self) -> String {
        match self {
            Files::One(bytes) => crate::hash::content_hash(bytes),
            Files::Folder(files) => folder_hash(
                files
                    .iter()
                    .map(|(name, bytes)| (name.clone(), crate::hash::content_hash(bytes))),
            ),
        }
    }

    /// The SHA-256 of the file, for upload steps (a folder has none).
    pub fn sha256(&self) -> Option<String> {
        match self {
            Files::One(bytes) => Some(crate::hash::sha256_hex(bytes)),
            Files::Folder(_) => None,
        }
    }

    /// How many bytes are written.
    pub fn len(&self) -> u64 {
        match self {
            Files::One(bytes) => bytes.len() as u64,
            Files::Folder(files) => files.iter().map(|(_, b)| b.len() as u64).sum(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// What an output produced for one document.
pub struct Produced {
    pub files: Files,
    /// The real files the layout read, with the hashes of what it was given.
    pub read: Vec<(PathBuf, Option<String>)>,
    pub pages: Option<usize>,
    /// Warnings of the production (layout, preflight), the policy applied.
    pub warnings: Vec<Diagnostic>,
    /// The laid-out document, for page previews (outputs laid out by Typst).
    pub compiled: Option<Compiled>,
    /// Milliseconds spent laying out, and exporting or rendering.
    pub compile_ms: f64,
    pub export_ms: f64,
    /// Files shared by the documents of the output folder, by path relative to it (the html
    /// edition's stylesheet, fonts and cover sizes): written when they differ from what is
    /// there, outside the document's own file or folder and stamp.
    pub shared: Vec<(String, Vec<u8>)>,
}

/// One output of a document.
pub trait Output: Sync {
    /// The edition it makes.
    fn edition(&self) -> Edition;

    /// The name of its file (or folder) in the output folder.
    fn file_name(&self, profile: &str, lang: &str) -> String;

    /// Makes the output ready for one document (its settings, output profile, substitutes);
    /// an error stops the document before anything is laid out.
    fn prepare(&self, cx: &Context<'_>, doc: &Document<'_>) -> Result<Prepared, Diagnostic>;

    /// Produces the files, with the warnings found on the way under `policy`; every problem
    /// when the output must not be written.
    fn produce(
        &self,
        cx: &Context<'_>,
        doc: &Document<'_>,
        prepared: &Prepared,
        policy: WarningPolicy,
    ) -> Result<Produced, Vec<Diagnostic>>;
}

/// The hash of what is at an output's path now, as [`Files::hash`] gives it for what was
/// written: a file's content hash, or a folder's hash over its files' names and hashes;
/// `None` when nothing is there.
pub fn written_hash(target: &std::path::Path) -> Option<String> {
    if !target.is_dir() {
        return crate::hash::file_hash(target);
    }
    let mut files = Vec::new();
    let mut stack = vec![target.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).ok()?.flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let rel = path.strip_prefix(target).ok()?;
                let name = rel.to_string_lossy().replace('\\', "/");
                files.push((name, crate::hash::file_hash(&path)?));
            }
        }
    }
    Some(folder_hash(files.into_iter()))
}

/// One hash over (name, hash) pairs, in name order.
fn folder_hash(files: impl Iterator<Item = (String, String)>) -> String {
    let mut sorted: Vec<(String, String)> = files.collect();
    sorted.sort();
    let mut f = crate::hash::Fingerprint::new();
    for (name, hash) in sorted {
        f.write(format!("{name}\0{hash}\n").as_bytes());
    }
    f.hex()
}
