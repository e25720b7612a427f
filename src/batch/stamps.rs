//! Incremental builds. Each output has a stamp beside it (`OUT/.mgi-press/<file>.json`): the
//! fingerprint of its inputs (view model, PDF settings, fonts, the binary itself), the hash of
//! every file the layout read while compiling it (layout sources, images), and the hash of the
//! PDF that was written. A document is skipped only when all of these still hold, so a changed
//! input, a missing output or an output changed after the build (truncated, overwritten) is
//! rebuilt. Each stamp is its own file, written atomically after its PDF: two builds on one
//! folder, or a build killed half-way, can leave a stamp that no longer matches its PDF, which
//! only causes a rebuild, never a wrong `unchanged`.

use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use serde::{Deserialize, Serialize};

use crate::fs::write_atomically;
use crate::hash::file_hash;

/// The folder of the stamps inside an output folder.
const STAMPS_DIR: &str = ".mgi-press";

/// Where the screen edition's downsampled photographs are kept between runs.
pub fn images_dir(out_dir: &Path) -> PathBuf {
    out_dir.join(STAMPS_DIR).join("images")
}

/// What one output was built from, and what was built.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stamp {
    /// Fingerprint of the view model, settings, fonts, binary and options.
    pub inputs: String,
    /// Each file the layout read → the hash of its contents (`missing` when it was not found).
    /// Paths are relative to the project root when they lie inside it.
    pub files: BTreeMap<String, String>,
    /// Hash of the PDF.
    pub output: String,
    /// Pages, size and SHA-256 of the PDF, reported for unchanged outputs too.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pages: Option<usize>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bytes: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sha256: Option<String>,
    /// Resolution of the page previews written with the PDF (`--png`), and each preview file
    /// (name in the previews folder) → its hash.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub previews_dpi: Option<u32>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub previews: BTreeMap<String, String>,
}

impl Stamp {
    /// Records the previews written with the PDF.
    pub fn record_previews(&mut self, dpi: Option<u32>, files: &[(String, Vec<u8>)]) {
        self.previews_dpi = dpi;
        self.previews = files
            .iter()
            .map(|(name, png)| (name.clone(), crate::hash::content_hash(png)))
            .collect();
    }
}

/// Why an output must be rebuilt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Stale {
    /// Never built here (or its stamp is gone).
    NoStamp,
    /// The view model, settings, fonts, options or the binary changed.
    Inputs,
    /// A file the layout read changed (or appeared, or disappeared).
    File(String),
    OutputMissing,
    /// The output was changed after it was built.
    OutputChanged,
    /// `--png`: the page previews are missing, changed or at another resolution.
    PreviewsMissing,
}

impl fmt::Display for Stale {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Stale::NoStamp => write!(f, "not built yet"),
            Stale::Inputs => write!(f, "its text, facts, options, fonts or mgi-press changed"),
            Stale::File(path) => write!(f, "{path} changed"),
            Stale::OutputMissing => write!(f, "the output is missing"),
            Stale::OutputChanged => write!(f, "the output was changed after it was built"),
            Stale::PreviewsMissing => write!(f, "its page previews are missing or out of date"),
        }
    }
}

/// The stamps of one output folder.
pub struct StampStore {
    dir: PathBuf,
    root: PathBuf,
    /// The folder holding `layouts/`: the project root, or the built-in files.
    layout_root: PathBuf,
}

impl StampStore {
    /// The stamps of `out_dir`, with file paths relative to the project `root`, and the
    /// layout's files (below `layout_root`) named `layouts/…` wherever they come from, so that
    /// the same layout built in or on disk gives the same stamps.
    pub fn new(out_dir: &Path, root: &Path, layout_root: &Path) -> Self {
        StampStore {
            dir: out_dir.join(STAMPS_DIR),
            root: root.to_path_buf(),
            layout_root: layout_root.to_path_buf(),
        }
    }

    /// The file a stamp's name stands for now.
    fn file_of(&self, name: &str) -> PathBuf {
        if name.starts_with("layouts/") {
            self.layout_root.join(name)
        } else {
            self.root.join(name)
        }
    }

    fn path(&self, output_name: &str) -> PathBuf {
        self.dir.join(format!("{output_name}.json"))
    }

    pub fn load(&self, output_name: &str) -> Option<Stamp> {
        let bytes = std::fs::read(self.path(output_name)).ok()?;
        serde_json::from_slice(&bytes).ok()
    }

    pub fn save(&self, output_name: &str, stamp: &Stamp) -> std::io::Result<()> {
        let mut bytes = serde_json::to_vec_pretty(stamp).unwrap_or_default();
        bytes.push(b'\n');
        write_atomically(&self.path(output_name), &bytes)
    }

    /// A stamp for a freshly written output.
    pub fn stamp(
        &self,
        inputs: String,
        files: &[(PathBuf, Option<String>)],
        output: &crate::output::Files,
    ) -> Stamp {
        let files = files
            .iter()
            .map(|(path, hash)| {
                let hash = hash.clone().unwrap_or_else(|| "missing".into());
                (self.name(path), hash)
            })
            .collect();
        Stamp {
            inputs,
            files,
            output: output.hash(),
            pages: None,
            bytes: Some(output.len()),
            sha256: output.sha256(),
            previews_dpi: None,
            previews: BTreeMap::new(),
        }
    }

    fn name(&self, path: &Path) -> String {
        let rel = path
            .strip_prefix(&self.layout_root)
            .or_else(|_| path.strip_prefix(&self.root))
            .unwrap_or(path);
        rel.to_string_lossy().replace('\\', "/")
    }

    /// Why `target` must be rebuilt, or `None` when its stamp still holds.
    pub fn staleness(
        &self,
        target: &Path,
        output_name: &str,
        inputs: &str,
        hashes: &FileHashes,
    ) -> Option<Stale> {
        let Some(stamp) = self.load(output_name) else {
            return Some(Stale::NoStamp);
        };
        if stamp.inputs != inputs {
            return Some(Stale::Inputs);
        }
        for (name, hash) in &stamp.files {
            let now = hashes.get(&self.file_of(name));
            if now.as_deref().unwrap_or("missing") != hash {
                return Some(Stale::File(name.clone()));
            }
        }
        match crate::output::written_hash(target) {
            None => Some(Stale::OutputMissing),
            Some(h) if h != stamp.output => Some(Stale::OutputChanged),
            Some(_) => None,
        }
    }
}

impl StampStore {
    /// With `--png` at `dpi`: whether the previews in `dir` are missing, at another resolution
    /// or changed since they were written (a PDF whose stamp holds is then built again).
    pub fn previews_stale(&self, output_name: &str, dpi: Option<u32>, dir: &Path) -> Option<Stale> {
        let dpi = dpi?;
        let stamp = self.load(output_name)?;
        let intact = stamp.previews_dpi == Some(dpi)
            && !stamp.previews.is_empty()
            && stamp
                .previews
                .iter()
                .all(|(name, hash)| file_hash(&dir.join(name)).as_deref() == Some(hash));
        (!intact).then_some(Stale::PreviewsMissing)
    }
}

/// File hashes computed at most once per run (a cover image is shared by every language).
#[derive(Default)]
pub struct FileHashes(Mutex<HashMap<PathBuf, Option<String>>>);

impl FileHashes {
    pub fn get(&self, path: &Path) -> Option<String> {
        let mut cache = self.0.lock().unwrap_or_else(|p| p.into_inner());
        cache
            .entry(path.to_path_buf())
            .or_insert_with(|| file_hash(path))
            .clone()
    }
}
