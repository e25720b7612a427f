//! `mgi-press watch`: builds once, then rebuilds whenever a profile, the layout, its language
//! packs or the fonts change, in the same process (Typst's memoized work stays warm, eviction
//! bounded). Each rebuild opens a fresh session, so layout sources, packs and fonts are read
//! again; unchanged documents are skipped by their stamps, and every PDF is written atomically
//! with its stamp, so a later `build` knows it. Broken input is reported and the last good PDF
//! stays until the input is fixed.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use mgi_press::Session;
use mgi_press::batch::{BuildOptions, Status};
use mgi_press::diagnostics::{Diagnostic, RenderStyle};
use notify::event::{AccessKind, AccessMode, ModifyKind};
use notify::{Event, EventKind, RecursiveMode, Watcher};

use super::args::WatchArgs;
use super::progress::{Progress, result_line};
use super::{CmdResult, languages, open_for, out, report};

/// Editors save in several steps; events closer together than this are one change.
const DEBOUNCE: Duration = Duration::from_millis(200);

pub fn run(args: WatchArgs, style: &RenderStyle) -> CmdResult {
    let session = open_for(&args.project, &args.docs.profiles)?;
    eprintln!("{}", session.project.describe());
    let dirs = session.profile_dirs(&args.docs.profiles)?;
    let options = BuildOptions {
        langs: languages(&session, &dirs, &args.docs.langs)?,
        out_dir: args.docs.out.clone(),
        strict: args.docs.strict,
        deny_warnings: args.docs.deny_warnings,
        editions: super::args::editions(&args.docs.edition),
        jobs: 1,
        ..BuildOptions::default()
    };
    let watched = watched_paths(&session, &dirs);
    drop(session);
    let shown: Vec<String> = watched
        .roots
        .iter()
        .map(|p| p.display().to_string())
        .collect();
    eprintln!("watching {} (Ctrl-C to stop)", shown.join(", "));
    on_changes(&watched, &args.docs.out, DEBOUNCE, |_| {
        rebuild(&args, &dirs, &options, style)
    })?;
    Ok(ExitCode::SUCCESS)
}

/// Calls `changed` once the watcher is in place (so that no change made after that first call
/// is missed; with no paths), then with the changed paths after every change to the watched paths (events less than `debounce`
/// apart are one change; reads, metadata and the outputs in `out` are not changes), until
/// the watcher stops.
pub fn on_changes(
    watched: &Watched,
    out: &Path,
    debounce: Duration,
    mut changed: impl FnMut(&[PathBuf]),
) -> Result<(), Vec<Diagnostic>> {
    let (tx, rx) = mpsc::channel();
    let fail = |e: notify::Error| vec![Diagnostic::error(format!("cannot watch for changes: {e}"))];
    let mut watcher = notify::recommended_watcher(tx).map_err(fail)?;
    for path in &watched.roots {
        watcher
            .watch(path, RecursiveMode::Recursive)
            .map_err(fail)?;
    }
    let out_dir = std::path::absolute(out).unwrap_or(out.to_path_buf());
    changed(&[]);
    while let Ok(event) = rx.recv() {
        let mut paths = match event {
            Ok(event) if is_change(&event, &out_dir, &watched.inputs) => event.paths,
            _ => continue,
        };
        // Written by hand rather than with notify's debouncers: they drop the event kinds, and
        // here reading a file (which every rebuild does) must not count as a change. A changed
        // file closed after writing is saved: then only the events already queued are taken,
        // without waiting for the debounce (editors that save by renaming a temporary file
        // give no such event, and get the debounce).
        let mut saved = false;
        loop {
            let next = if saved {
                rx.try_recv().ok()
            } else {
                rx.recv_timeout(debounce).ok()
            };
            let Some(event) = next else { break };
            match event {
                Ok(event) if is_change(&event, &out_dir, &watched.inputs) => {
                    paths.extend(event.paths)
                }
                Ok(event) if is_closed_after_writing(&event, &paths) => saved = true,
                _ => {}
            }
        }
        changed(&paths);
    }
    Ok(())
}

/// What a watch loop watches, and which of the events there are about its inputs.
pub struct Watched {
    /// The folders watched (recursively).
    pub roots: Vec<PathBuf>,
    /// Only events under these count: the layout folder, the fonts and the profile folders,
    /// not the rest of a profile's parent folder (a log written beside the profile would
    /// otherwise start an update after every update).
    pub inputs: Vec<PathBuf>,
}

/// The layout folder (with its packs), the fonts, and the folder around each profile (so a
/// profile folder deleted and restored is seen again).
pub fn watched_paths(session: &Session, dirs: &[PathBuf]) -> Watched {
    let absolute = |p: PathBuf| std::path::absolute(&p).unwrap_or(p);
    // The built-in layout and fonts cannot change while the program runs.
    let mut roots: Vec<PathBuf> = [session.project.layout_dir(), session.project.fonts_dir()]
        .into_iter()
        .filter(|p| !mgi_press::builtin::is_builtin(p))
        .map(absolute)
        .collect();
    let mut inputs = roots.clone();
    for dir in dirs {
        let dir = absolute(dir.clone());
        let around = dir.parent().map_or(dir.clone(), Path::to_path_buf);
        if !roots.iter().any(|p| around.starts_with(p)) {
            roots.push(around);
        }
        inputs.push(dir);
    }
    Watched { roots, inputs }
}

/// Whether an event is a file closed after writing, among the `changed` ones.
fn is_closed_after_writing(event: &Event, changed: &[PathBuf]) -> bool {
    matches!(
        event.kind,
        EventKind::Access(AccessKind::Close(AccessMode::Write))
    ) && event.paths.iter().any(|p| changed.contains(p))
}

/// Whether an event changes an input: under one of `inputs`, not a read, not the outputs, not
/// our temporary files.
fn is_change(event: &Event, out_dir: &Path, inputs: &[PathBuf]) -> bool {
    let input = |path: &PathBuf| {
        inputs.iter().any(|i| path.starts_with(i))
            && !path.starts_with(out_dir)
            && !path
                .file_name()
                .is_some_and(|n| n.to_string_lossy().ends_with(".tmp"))
    };
    let read_or_metadata = matches!(
        event.kind,
        EventKind::Access(_) | EventKind::Modify(ModifyKind::Metadata(_))
    );
    !read_or_metadata && event.paths.iter().any(input)
}

/// One build in a fresh session; prints each document and the time it all took.
fn rebuild(args: &WatchArgs, dirs: &[PathBuf], options: &BuildOptions, style: &RenderStyle) {
    let start = Instant::now();
    let session = match open_for(&args.project, dirs) {
        Ok(s) => s,
        Err(diags) => return report(&diags, style),
    };
    report(&session.pack_diagnostics, style);
    let progress = Progress::new(true, *style);
    let reports = mgi_press::batch::build(&session, dirs, options, &|r| progress.done(r));
    mgi_press::typeset::evict(10);
    for r in reports.iter().filter(|r| r.status != Status::Unchanged) {
        out(&format!("{}\n", result_line(r)));
    }
    let count = |s: Status| reports.iter().filter(|r| r.status == s).count();
    out(&format!(
        "rebuilt in {} ms: {} built, {} unchanged, {} failed\n",
        start.elapsed().as_millis(),
        count(Status::Built),
        count(Status::Unchanged),
        count(Status::Failed)
    ));
}
