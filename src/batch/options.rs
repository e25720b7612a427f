//! What a batch is asked to do: languages, output folder, editions, standards, policies,
//! incremental checks, sharding, parallelism and previews.

use std::path::PathBuf;

use super::shard::Shard;
use crate::edition::Edition;

/// The options of one batch (`mgi-press build`'s flags).
#[derive(Debug, Clone)]
pub struct BuildOptions {
    /// Languages to build; empty means every language each profile has.
    pub langs: Vec<String>,
    pub out_dir: PathBuf,
    pub strict: bool,
    /// Warnings fail the document (`--deny-warnings`).
    pub deny_warnings: bool,
    /// The editions to build, each to its own file (see [`output_path`]).
    pub editions: Vec<Edition>,
    /// PDF standards of the screen edition (`a-2b`, `ua-1`, …); empty: PDF/A-2b with PDF/UA-1.
    pub standards: Vec<String>,
    /// Rebuild even when the inputs have not changed.
    pub force: bool,
    /// Write nothing: report which outputs are missing or out of date (`--check`).
    pub check: bool,
    /// Build only this share of the documents (`--shard K/N`).
    pub shard: Option<Shard>,
    /// Documents compiled at once.
    pub jobs: usize,
    /// Write page previews and a cover thumbnail at this resolution (`--png --dpi N`).
    pub previews: Option<u32>,
    /// Where the output folder is published (`--base-url`), for the html edition's absolute
    /// links.
    pub base_url: Option<String>,
}

impl Default for BuildOptions {
    fn default() -> Self {
        BuildOptions {
            langs: Vec::new(),
            out_dir: PathBuf::from("out"),
            strict: false,
            deny_warnings: false,
            editions: vec![Edition::Screen],
            standards: Vec::new(),
            force: false,
            check: false,
            shard: None,
            jobs: 1,
            previews: None,
            base_url: None,
        }
    }
}
