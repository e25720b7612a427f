//! The batch: many profiles and languages in one process that shares fonts, layouts and
//! Typst's memoized work, on a thread pool; every document written atomically, unchanged ones
//! skipped by their input stamps, and a report for each, failures included (the batch never
//! stops at the first).

mod job;
mod report;
mod stamps;
mod write;

use std::path::{Path, PathBuf};

use rayon::prelude::*;

pub use report::{DocReport, Status};
pub use stamps::Fingerprint;
pub use write::{output_path, write_atomically};

use crate::diagnostics::Diagnostic;
use crate::session::{Checked, Session};
use job::{Job, RunInputs};
use stamps::Stamps;

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

/// The layout inputs a set of PDF standards needs: PDF/A gets RGB colours.
pub fn inputs_for_standards(standards: &[String]) -> Vec<(&'static str, &'static str)> {
    if standards.iter().any(|s| s.starts_with("a-")) {
        vec![("mgi-colour", "rgb")]
    } else {
        Vec::new()
    }
}

/// Builds every requested document of the profiles in `dirs`.
pub fn build(session: &Session, dirs: &[PathBuf], options: &BuildOptions) -> Vec<DocReport> {
    let checked: Vec<(PathBuf, Checked)> =
        dirs.iter().map(|d| (d.clone(), session.load(d))).collect();
    let (mut jobs, mut reports) = plan(&checked, options);
    if let Err(e) = std::fs::create_dir_all(&options.out_dir) {
        let message = format!(
            "cannot create the output folder {}: {e}",
            options.out_dir.display()
        );
        for job in jobs.drain(..) {
            let d = vec![Diagnostic::error(message.clone())];
            reports.push(DocReport::failed(
                &options.out_dir,
                &job.profile.name,
                &job.lang,
                d,
            ));
        }
    }
    let mut stamps = Stamps::load(&options.out_dir);
    let inputs = RunInputs::new(session);
    let run = |job: &Job<'_>| {
        let built = job.run(session, options, &stamps, &inputs);
        crate::typeset::evict(options.jobs.max(1) * 2);
        built
    };
    let built: Vec<(DocReport, Option<(String, String)>)> = match pool(options.jobs) {
        Some(pool) => pool.install(|| jobs.par_iter().map(run).collect()),
        None => jobs.iter().map(run).collect(),
    };
    for (report, stamp) in built {
        if let Some((file, digest)) = stamp {
            stamps.entries.insert(file, digest);
        }
        reports.push(report);
    }
    stamps.save(&options.out_dir);
    reports
}

/// One job per loaded profile and language; a failed report for each language of a profile
/// that could not be loaded.
fn plan<'a>(
    checked: &'a [(PathBuf, Checked)],
    options: &BuildOptions,
) -> (Vec<Job<'a>>, Vec<DocReport>) {
    let mut jobs = Vec::new();
    let mut reports = Vec::new();
    for (dir, c) in checked {
        let langs: Vec<String> = if !options.langs.is_empty() {
            options.langs.clone()
        } else if let Some(p) = &c.profile {
            p.languages()
        } else {
            vec!["*".into()]
        };
        match &c.profile {
            Some(profile) => jobs.extend(langs.into_iter().map(|lang| Job {
                profile,
                lang,
                profile_diags: &c.diagnostics,
            })),
            None => {
                let name = folder_name(dir);
                for lang in langs {
                    let d = c.diagnostics.clone();
                    reports.push(DocReport::failed(&options.out_dir, &name, &lang, d));
                }
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
