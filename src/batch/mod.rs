//! The batch: many profiles and languages in one process that shares fonts, layouts and
//! Typst's memoized work, on a thread pool; every document written atomically, unchanged ones
//! skipped by their stamps, and a report for each as it finishes, failures included (the batch
//! never stops at the first).

mod job;
mod options;
mod previews;
mod report;
mod shard;
mod stamps;
mod write;

use std::path::{Path, PathBuf};

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

pub use options::BuildOptions;
pub use previews::preview_dir;
pub use report::{DocReport, Status};
pub use shard::{Planned, Shard};
pub use stamps::{Stale, Stamp};
pub use write::output_path;

use crate::diagnostics::{Diagnostic, WarningPolicy};
use crate::edition::Edition;
use crate::session::{Checked, Session};
use job::{Job, Run};

/// Builds every requested document of the profiles in `dirs`; `on_done` sees each report as
/// its document finishes (from the thread that built it).
pub fn build(
    session: &Session,
    dirs: &[PathBuf],
    options: &BuildOptions,
    on_done: &(dyn Fn(&DocReport) + Sync),
) -> Vec<DocReport> {
    let slots: Vec<Slot> = dirs.iter().map(|d| Slot::new(d)).collect();
    let jobs = plan(&slots, options);
    if !options.check
        && let Err(e) = std::fs::create_dir_all(&options.out_dir)
    {
        let message = format!(
            "cannot create the output folder {}: {e}",
            options.out_dir.display()
        );
        let failed = |Planned { profile, lang, .. }: &Planned| {
            let failed = |&edition: &Edition| {
                let d = vec![Diagnostic::error(message.clone())];
                let r = DocReport::failed(&options.out_dir, profile, lang, edition, d);
                on_done(&r);
                r
            };
            options.editions.iter().map(failed).collect::<Vec<_>>()
        };
        return jobs.iter().flat_map(failed).collect();
    }
    let policy = WarningPolicy {
        deny: options.deny_warnings,
    };
    if !options.check {
        session.keep_screen_images_in(stamps::images_dir(&options.out_dir));
    }
    let run = Run::new(session, options);
    let finished = AtomicUsize::new(0);
    let one = |Planned {
                   profile: name,
                   lang,
                   slot,
               }: &Planned| {
        let slot = &slots[*slot];
        let checked = slot.get(session, policy, &options.langs);
        let reports = match &checked.profile {
            Some(profile) => {
                let job = Job {
                    profile,
                    lang: lang.clone(),
                    profile_diags: &checked.diagnostics,
                    profile_notes: &checked.notes,
                };
                job.run_editions(&run, on_done)
            }
            None => {
                let failed = |&edition: &Edition| {
                    let d = checked.diagnostics.clone();
                    let r = DocReport::failed(&options.out_dir, name, lang, edition, d);
                    on_done(&r);
                    r
                };
                options.editions.iter().map(failed).collect()
            }
        };
        drop(checked);
        slot.done();
        // Typst's memo cache is trimmed once per round of `jobs` documents (as often as
        // documents finish on each thread), keeping what that round used: documents run one
        // language after another, so the next round needs the same language's shared pages.
        // Each trim walks the whole cache, so it is not done after every document.
        let jobs = options.jobs.max(1);
        if finished.fetch_add(1, Ordering::Relaxed) % jobs == jobs - 1 {
            crate::typeset::evict(1);
        }
        reports
    };
    run_language_major(&jobs, options.jobs, one)
}

/// Profiles whose documents run language by language together (see `run_language_major`).
/// 16 rather than 8: on 32 profiles × 5 languages, 14.0–15.0 s against 15.0–15.9 s at
/// `-j 2` for about 10 MiB more (docs/performance.md); 32 was not clearly faster than 16.
pub(crate) const PROFILE_GROUP: usize = 16;
// The screen edition's cache of downsampled covers holds a whole group's.
const _: () = assert!(crate::output::images::KEEP > PROFILE_GROUP);

/// Runs the jobs in groups of `PROFILE_GROUP` profiles, each group one language after the
/// other (profiles in plan order within a language), and returns the reports in plan order.
/// The standard texts of a language (framework, key findings, annexes, …) are the same in
/// every profile, so the next document of the same language finds their layout in Typst's
/// memo cache; in plan order (profile by profile) the same language comes back only after
/// every other one, when the eviction after each round of documents has already dropped it. Groups
/// bound how many profiles are loaded at once (a profile stays loaded until its last
/// language), so memory does not grow with the batch (docs/performance.md). Every other group
/// takes the languages in reverse, so that a group starts with the language the one before
/// it ended with.
fn run_language_major(
    jobs: &[Planned],
    threads: usize,
    one: impl Fn(&Planned) -> Vec<DocReport> + Sync,
) -> Vec<DocReport> {
    let group = |i: usize| jobs[i].slot / PROFILE_GROUP;
    let mut order: Vec<usize> = (0..jobs.len()).collect();
    order.sort_by(|&a, &b| {
        let by_lang = jobs[a].lang.cmp(&jobs[b].lang);
        let by_lang = if group(a) % 2 == 1 {
            by_lang.reverse()
        } else {
            by_lang
        };
        group(a).cmp(&group(b)).then(by_lang).then(a.cmp(&b))
    });
    let run = run_all(&order, threads, |&i| one(&jobs[i]));
    let mut reports: Vec<Option<Vec<DocReport>>> = vec![None; jobs.len()];
    for (i, report) in order.into_iter().zip(run) {
        reports[i] = Some(report);
    }
    reports.into_iter().flatten().flatten().collect()
}

/// A profile of the batch, loaded when its first document starts and dropped when its last
/// one is done (documents run language by language in groups of `PROFILE_GROUP` profiles, so
/// at most about that many are loaded at once), so that memory does not grow with the
/// number of profiles.
struct Slot {
    dir: PathBuf,
    loaded: Mutex<Option<Arc<Checked>>>,
    /// Documents of this profile not finished yet.
    remaining: AtomicUsize,
}

impl Slot {
    fn new(dir: &Path) -> Self {
        Slot {
            dir: dir.to_path_buf(),
            loaded: Mutex::new(None),
            remaining: AtomicUsize::new(0),
        }
    }

    /// The loaded and checked profile (loading it on first use), without the translation
    /// warnings of languages this batch does not build (`langs`; summed up in a note).
    fn get(&self, session: &Session, policy: WarningPolicy, langs: &[String]) -> Arc<Checked> {
        let mut loaded = self.loaded.lock().unwrap_or_else(|p| p.into_inner());
        loaded
            .get_or_insert_with(|| {
                let mut c = session.load_checked(&self.dir);
                if let Some(p) = &c.profile {
                    let shown = session.names.name(&self.dir);
                    let set_aside = crate::check::set_aside_other_languages(
                        p,
                        langs,
                        &shown,
                        &mut c.diagnostics,
                    );
                    c.notes.extend(set_aside);
                }
                policy.apply(&mut c.diagnostics);
                Arc::new(c)
            })
            .clone()
    }

    /// One document of this profile is done; after the last, the profile is dropped.
    fn done(&self) {
        if self.remaining.fetch_sub(1, Ordering::AcqRel) == 1 {
            *self.loaded.lock().unwrap_or_else(|p| p.into_inner()) = None;
        }
    }
}

/// The documents of this shard, sorted by profile and language. The
/// languages of a profile are those given, or those it has text files for (one failing `*`
/// document when it has none, to report why).
fn plan(slots: &[Slot], options: &BuildOptions) -> Vec<Planned> {
    let mut all: Vec<Planned> = Vec::new();
    for (i, slot) in slots.iter().enumerate() {
        let mut langs = if options.langs.is_empty() {
            crate::load::text_languages(&slot.dir)
        } else {
            options.langs.clone()
        };
        if langs.is_empty() {
            langs.push("*".into());
        }
        let name = folder_name(&slot.dir);
        all.extend(langs.into_iter().map(|lang| Planned {
            profile: name.clone(),
            lang,
            slot: i,
        }));
    }
    let mine = Shard::select(options.shard, all);
    for doc in &mine {
        slots[doc.slot].remaining.fetch_add(1, Ordering::Relaxed);
    }
    mine
}

/// The name of a profile folder, as outputs are named (its last component, also when it is
/// missing).
fn folder_name(dir: &Path) -> String {
    let real = dir.canonicalize().unwrap_or_else(|_| dir.to_path_buf());
    real.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| dir.to_string_lossy().into_owned())
}

/// Runs the jobs on `threads` plain threads that take the next job when they finish one, and
/// returns the reports in job order. Not one shared rayon pool: Typst runs its own parallel
/// work (page layout, PDF compression) on rayon, and a rayon thread that waits for that work
/// picks up other queued work — here, whole documents — so a pool of two held ten or thirty
/// documents at once and memory grew with the corpus (docs/performance.md). A plain thread
/// builds one document at a time, inside a rayon pool of its own sized to its share of the
/// cores (see `pool_threads`), so that Typst's parallel work neither oversubscribes the
/// cores nor steals another document.
fn run_all<J: Sync, R: Send + Clone>(
    jobs: &[J],
    threads: usize,
    one: impl Fn(&J) -> R + Sync,
) -> Vec<R> {
    if threads <= 1 || jobs.len() <= 1 {
        return jobs.iter().map(one).collect();
    }
    let threads = threads.min(jobs.len());
    let per_pool = pool_threads(threads, cores());
    let next = AtomicUsize::new(0);
    let done: Mutex<Vec<Option<R>>> = Mutex::new(vec![None; jobs.len()]);
    let work = || {
        loop {
            let index = next.fetch_add(1, Ordering::Relaxed);
            let Some(job) = jobs.get(index) else { break };
            let report = one(job);
            done.lock().unwrap_or_else(|p| p.into_inner())[index] = Some(report);
        }
    };
    std::thread::scope(|scope| {
        for _ in 0..threads {
            scope.spawn(|| {
                match rayon::ThreadPoolBuilder::new()
                    .num_threads(per_pool)
                    .build()
                {
                    Ok(pool) => pool.install(work),
                    // No pool (threads could not be started): Typst's work goes to the global one.
                    Err(_) => work(),
                }
            });
        }
    });
    let done = done.into_inner().unwrap_or_else(|p| p.into_inner());
    done.into_iter().flatten().collect()
}

/// The cores this process may use.
fn cores() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

/// Rayon threads for each of `threads` document threads on `cores` cores: their share of the
/// cores, at least one. With as many documents in flight as cores, each lays out its pages
/// on its own thread; spare cores go to Typst's parallel page layout.
fn pool_threads(threads: usize, cores: usize) -> usize {
    (cores / threads.max(1)).max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(profile: &str, lang: &str, slot: usize) -> Planned {
        Planned {
            profile: profile.to_string(),
            lang: lang.to_string(),
            slot,
        }
    }

    fn jobs() -> Vec<Planned> {
        let mut all = Vec::new();
        for (i, p) in ["a", "b", "c"].iter().enumerate() {
            for l in ["ru", "en", "fr"] {
                all.push(doc(p, l, i));
            }
        }
        all
    }

    /// Runs the jobs on one thread; the documents in the order they ran, and the reports.
    fn run_recorded(jobs: &[Planned]) -> (Vec<String>, Vec<DocReport>) {
        let seen = Mutex::new(Vec::new());
        let reports = run_language_major(
            jobs,
            1,
            |Planned {
                 profile: p,
                 lang: l,
                 ..
             }| {
                seen.lock().unwrap().push(format!("{p}.{l}"));
                let out = Path::new("out");
                vec![DocReport::failed(out, p, l, Edition::Screen, Vec::new())]
            },
        );
        (seen.into_inner().unwrap(), reports)
    }

    #[test]
    fn runs_language_by_language_and_reports_in_plan_order() {
        let jobs = jobs();
        let (seen, reports) = run_recorded(&jobs);
        assert_eq!(
            seen,
            [
                "a.en", "b.en", "c.en", "a.fr", "b.fr", "c.fr", "a.ru", "b.ru", "c.ru"
            ]
        );
        let got: Vec<(String, String)> = reports
            .iter()
            .map(|r| (r.profile.clone(), r.lang.clone()))
            .collect();
        let want: Vec<(String, String)> = jobs
            .iter()
            .map(|d| (d.profile.clone(), d.lang.clone()))
            .collect();
        assert_eq!(got, want);
    }

    #[test]
    fn groups_profiles_before_languages() {
        let mut jobs = Vec::new();
        for i in 0..PROFILE_GROUP + 1 {
            for l in ["ru", "en"] {
                jobs.push(doc(&format!("p{i:02}"), l, i));
            }
        }
        let (seen, _) = run_recorded(&jobs);
        let last = format!("p{:02}", PROFILE_GROUP);
        // the first group, English then Russian; then the profile of the second group, in
        // Russian first (the language the first group ended with)
        assert_eq!(seen[0], "p00.en");
        assert_eq!(seen[PROFILE_GROUP], "p00.ru");
        assert_eq!(
            seen[2 * PROFILE_GROUP..],
            [format!("{last}.ru"), format!("{last}.en")]
        );
    }

    #[test]
    fn every_job_runs_once_on_two_threads() {
        let jobs = jobs();
        let reports = run_language_major(
            &jobs,
            2,
            |Planned {
                 profile: p,
                 lang: l,
                 ..
             }| {
                vec![DocReport::failed(
                    Path::new("out"),
                    p,
                    l,
                    Edition::Screen,
                    Vec::new(),
                )]
            },
        );
        assert_eq!(reports.len(), jobs.len());
        for (r, d) in reports.iter().zip(&jobs) {
            assert_eq!((&r.profile, &r.lang), (&d.profile, &d.lang));
        }
    }

    #[test]
    fn document_threads_share_the_cores() {
        assert_eq!(pool_threads(2, 2), 1);
        assert_eq!(pool_threads(1, 2), 2);
        assert_eq!(pool_threads(2, 8), 4);
        assert_eq!(pool_threads(3, 8), 2);
        assert_eq!(pool_threads(4, 2), 1);
        assert_eq!(pool_threads(0, 1), 1);
    }

    #[test]
    fn each_document_thread_has_its_own_pool() {
        let seen = run_all(&[0, 1, 2, 3], 2, |_| {
            (rayon::current_thread_index(), rayon::current_num_threads())
        });
        for (index, threads) in seen {
            assert!(index.is_some(), "a document ran outside a rayon pool");
            assert_eq!(threads, pool_threads(2, cores()));
        }
    }
}
