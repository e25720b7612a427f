//! Incremental builds: a fingerprint (BLAKE3) of every input of a document — view model,
//! layout folder with its packs, fonts, cover image, settings, version — kept per output file
//! in the output folder; a document whose fingerprint has not changed is not rebuilt.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::write::write_atomically;

const STAMPS_FILE: &str = ".mgi-press-stamps.json";

/// A running fingerprint of inputs. Each write is length-prefixed, so that consecutive writes
/// cannot run into each other (`ab`+`c` differs from `a`+`bc`).
#[derive(Clone)]
pub struct Fingerprint(blake3::Hasher);

impl Fingerprint {
    pub fn new() -> Self {
        Fingerprint(blake3::Hasher::new())
    }

    pub fn write(&mut self, bytes: &[u8]) {
        self.0.update(&(bytes.len() as u64).to_le_bytes());
        self.0.update(bytes);
    }

    /// The fingerprint so far, as hexadecimal.
    pub fn hex(&self) -> String {
        self.0.finalize().to_hex().to_string()
    }

    /// Names and contents of every file below a folder, in sorted order.
    pub fn of_tree(dir: &Path) -> Fingerprint {
        let mut files = Vec::new();
        walk(dir, &mut files);
        files.sort();
        let mut f = Fingerprint::new();
        for file in files {
            // A designer's dumped data.json is not an input: the view model is served virtually.
            if file.file_name().is_some_and(|n| n == "data.json") {
                continue;
            }
            let rel = file.strip_prefix(dir).unwrap_or(&file);
            f.write(rel.to_string_lossy().as_bytes());
            f.write(&std::fs::read(&file).unwrap_or_default());
        }
        f
    }

    /// Names and contents of the given files, in the order given.
    pub fn of_files(files: &[PathBuf]) -> Fingerprint {
        let mut f = Fingerprint::new();
        for file in files {
            f.write(file.to_string_lossy().as_bytes());
            f.write(&std::fs::read(file).unwrap_or_default());
        }
        f
    }
}

impl Default for Fingerprint {
    fn default() -> Self {
        Fingerprint::new()
    }
}

fn walk(dir: &Path, files: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            walk(&p, files);
        } else {
            files.push(p);
        }
    }
}

/// The fingerprints of the documents in an output folder, by output file name.
pub struct Stamps {
    pub entries: BTreeMap<String, String>,
}

impl Stamps {
    pub fn load(out_dir: &Path) -> Stamps {
        let entries = std::fs::read(out_dir.join(STAMPS_FILE))
            .ok()
            .and_then(|b| serde_json::from_slice(&b).ok())
            .unwrap_or_default();
        Stamps { entries }
    }

    pub fn save(&self, out_dir: &Path) {
        if let Ok(bytes) = serde_json::to_vec_pretty(&self.entries) {
            let _ = write_atomically(&out_dir.join(STAMPS_FILE), &bytes);
        }
    }
}
