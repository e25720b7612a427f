//! The batch: many profiles and languages in one process that shares fonts, layouts and
//! Typst's memoized work, on a thread pool; every document written atomically, unchanged ones
//! skipped by their stamps, and a report for each as it finishes, failures included (the batch
//! never stops at the first).

mod job;
mod report;
mod shard;
mod stamps;
mod write;

use std::path::{Path, PathBuf};

use rayon::prelude::*;

pub use report::{DocReport, Status};
pub use shard::Shard;
pub use stamps::{Stale, Stamp};
pub use write::{output_path, write_atomically};

use crate::diagnostics::{Diagnostic, WarningPolicy};
use crate::session::{Checked, Session};
use job::{Job, Run};

#[derive(Debug, Clone)]
pub struct BuildOptions {
    /// Languages to build; empty means every language each profile has.
    pub langs: Vec<String>,
    pub out_dir: PathBuf,
    pub strict: bool,
    /// Warnings fail the document (`--deny-warnings`).
    pub deny_warnings: bool,
    /// PDF standards (`a-2b`, `ua-1`, …).
    pub standards: Vec<String>,
    /// Rebuild even when the inputs have not changed.
    pub force: bool,
    /// Write nothing: report which outputs are missing or out of date (`--check`).
    pub check: bool,
    /// Build only this share of the documents (`--shard K/N`).
    pub shard: Option<Shard>,
    /// Documents compiled at once.
    pub jobs: usize,
}

impl Default for BuildOptions {
    fn default() -> Self {
        BuildOptions {
            langs: Vec::new(),
            out_dir: PathBuf::from("out"),
            strict: false,
            deny_warnings: false,
            standards: Vec::new(),
            force: false,
            check: false,
            shard: None,
            jobs: 1,
        }
    }
}

/// The layout inputs a set of PDF standards needs: PDF/A gets RGB colours.
pub fn inputs_for_standards(standards: &[String]) -> Vec<(&'static str, &'static str)> {
    if standards.iter().any(|s| s.starts_with("a-")) {
        vec![("mgi-colour", "rgb")]
    } else {
        Vec::new()
    }
}

/// Builds every requested document of the profiles in `dirs`; `on_done` sees each report as
/// its document finishes (from the thread that built it).
pub fn build(
    session: &Session,
    dirs: &[PathBuf],
    options: &BuildOptions,
    on_done: &(dyn Fn(&DocReport) + Sync),
) -> Vec<DocReport> {
    let policy = WarningPolicy {
        deny: options.deny_warnings,
    };
    let checked: Vec<(PathBuf, Checked)> = dirs
        .iter()
        .map(|d| {
            let mut c = session.load(d);
            policy.apply(&mut c.diagnostics);
            (d.clone(), c)
        })
        .collect();
    let (mut jobs, mut reports) = plan(&checked, options);
    reports.iter().for_each(on_done);
    if !options.check
        && let Err(e) = std::fs::create_dir_all(&options.out_dir)
    {
        let message = format!(
            "cannot create the output folder {}: {e}",
            options.out_dir.display()
        );
        for job in jobs.drain(..) {
            let d = vec![Diagnostic::error(message.clone())];
            let r = DocReport::failed(&options.out_dir, &job.profile.name, &job.lang, d);
            on_done(&r);
            reports.push(r);
        }
    }
    let run = Run::new(session, options);
    let one = |job: &Job<'_>| {
        let report = job.run(&run);
        crate::typeset::evict(options.jobs.max(1) * 2);
        on_done(&report);
        report
    };
    let built: Vec<DocReport> = match pool(options.jobs) {
        Some(pool) => pool.install(|| jobs.par_iter().map(one).collect()),
        None => jobs.iter().map(one).collect(),
    };
    reports.extend(built);
    reports
}

/// One job per loaded profile and language, in this shard; a failed report for each language
/// of a profile that could not be loaded.
fn plan<'a>(
    checked: &'a [(PathBuf, Checked)],
    options: &BuildOptions,
) -> (Vec<Job<'a>>, Vec<DocReport>) {
    let mut jobs = Vec::new();
    let mut reports = Vec::new();
    let mut all: Vec<(String, String, usize)> = Vec::new();
    for (i, (dir, c)) in checked.iter().enumerate() {
        let langs: Vec<String> = if !options.langs.is_empty() {
            options.langs.clone()
        } else if let Some(p) = &c.profile {
            p.languages()
        } else {
            vec!["*".into()]
        };
        let name = c
            .profile
            .as_ref()
            .map_or_else(|| folder_name(dir), |p| p.name.clone());
        all.extend(langs.into_iter().map(|lang| (name.clone(), lang, i)));
    }
    let mine = Shard::select(options.shard, all);
    for (name, lang, i) in mine {
        let c = &checked[i].1;
        match &c.profile {
            Some(profile) => jobs.push(Job {
                profile,
                lang,
                profile_diags: &c.diagnostics,
            }),
            None => {
                let d = c.diagnostics.clone();
                reports.push(DocReport::failed(&options.out_dir, &name, &lang, d));
            }
        }
    }
    (jobs, reports)
}

/// The name of a profile folder, as outputs are named.
fn folder_name(dir: &Path) -> String {
    dir.canonicalize()
        .ok()
        .and_then(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
        .unwrap_or_else(|| dir.to_string_lossy().into_owned())
}

/// A pool of `jobs` threads, or none when documents are built one at a time.
fn pool(jobs: usize) -> Option<rayon::ThreadPool> {
    if jobs <= 1 {
        return None;
    }
    rayon::ThreadPoolBuilder::new()
        .num_threads(jobs)
        .build()
        .ok()
}
