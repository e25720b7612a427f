//! `mgi-press docx export|import|manuscript`: Word in and out. The work is in
//! `mgi_press::docx`; here are the arguments, the files and the messages.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use mgi_press::diagnostics::{Diagnostic, RenderStyle, has_errors};
use mgi_press::docx::import::{self, Options, Outcome, Report, Usage};
use mgi_press::docx::{export, manuscript, package, read};
use mgi_press::fs::write_atomically;

use super::args::{DocxCommand, DocxExportArgs, DocxImportArgs, DocxManuscriptArgs, Format};
use super::{CmdResult, check_lang, open, out, out_json, report};

pub fn run(command: DocxCommand, style: &RenderStyle) -> CmdResult {
    match command {
        DocxCommand::Export(args) => export_cmd(args, style),
        DocxCommand::Import(args) => import_cmd(args, style),
        DocxCommand::Manuscript(args) => manuscript_cmd(args, style),
    }
}

fn export_cmd(args: DocxExportArgs, style: &RenderStyle) -> CmdResult {
    let session = open(&args.project)?;
    let lang = check_lang(&args.lang)?;
    let checked = session.load_checked(&args.profile);
    let Some(profile) = checked.profile else {
        report(&checked.diagnostics, style);
        eprintln!("nothing exported: the profile has errors");
        return Ok(ExitCode::from(1));
    };
    let (draft, meta) =
        mgi_press::docx::draft_of(&session, &profile, &lang).map_err(|d| vec![d])?;
    let bytes = export::export(&draft, &meta);
    let output = args
        .output
        .unwrap_or_else(|| PathBuf::from(format!("{}.{lang}.docx", profile.name)));
    write_atomically(&output, &bytes).map_err(|e| {
        vec![Diagnostic::error(format!(
            "cannot write {}: {e}",
            session.names.name(&output)
        ))]
    })?;
    eprintln!(
        "exported {} texts of {} ({lang}) to {}",
        draft.keys().len(),
        profile.shown,
        session.names.name(&output)
    );
    Ok(ExitCode::SUCCESS)
}

/// A DOCX file's bytes; a file too large is refused before it is read.
pub fn read_docx(path: &Path, name: &str) -> Result<Vec<u8>, Vec<Diagnostic>> {
    let cannot = |e: std::io::Error| vec![Diagnostic::error(format!("cannot read {name}: {e}"))];
    let meta = std::fs::metadata(path).map_err(cannot)?;
    if meta.len() > package::MAX_FILE_BYTES {
        return Err(vec![Diagnostic::error(format!(
            "{name} is {} MB, more than the {} MB a DOCX may have here: refused",
            meta.len() / (1024 * 1024),
            package::MAX_FILE_BYTES / (1024 * 1024)
        ))]);
    }
    std::fs::read(path).map_err(cannot)
}

fn import_cmd(args: DocxImportArgs, style: &RenderStyle) -> CmdResult {
    let session = open(&args.project)?;
    let name = session.names.name(&args.file);
    let json = args.format == Format::Json;
    let bytes = match read_docx(&args.file, &name) {
        Ok(b) => b,
        Err(d) => return Ok(refused(&d, None, json, style, &name)),
    };
    let options = Options {
        accept_changes: args.accept_changes,
        profile: args.profile.clone(),
    };
    let outcome = match import::import(&session, &bytes, &name, &options) {
        Ok(outcome) => outcome,
        Err(Usage(diags)) => return Err(diags),
    };
    let Outcome {
        report: found,
        plan,
        catalog,
        diagnostics,
    } = outcome;
    let (Some(plan), Some(catalog)) = (plan, catalog) else {
        return Ok(refused(&diagnostics, Some(&found), json, style, &name));
    };
    if has_errors(&diagnostics) {
        return Ok(refused(&diagnostics, Some(&found), json, style, &name));
    }
    report(&diagnostics, style);
    if !args.dry_run {
        mgi_press::i18n::exchange::apply(&plan, &catalog).map_err(|e| {
            vec![Diagnostic::error(format!(
                "cannot write {}: {e}",
                catalog.file
            ))]
        })?;
    }
    let status = if args.dry_run { "dry-run" } else { "imported" };
    if json {
        out_json(&serde_json::json!({
            "status": status,
            "file": catalog.file,
            "profile": found.profile,
            "lang": found.lang,
            "changed": found.changed,
            "tracked": found.tracked,
            "comments": found.comments,
            "facts": found.facts,
            "problems": diagnostics,
        }));
    } else {
        out(&human(&found));
        let what = format!("{} ({} changed)", catalog.file, plan.changed);
        out(&match args.dry_run {
            true => format!("would import into {what}; nothing written (--dry-run)\n"),
            false => format!("imported into {what}\n"),
        });
    }
    Ok(ExitCode::SUCCESS)
}

fn refused(
    diags: &[Diagnostic],
    found: Option<&Report>,
    json: bool,
    style: &RenderStyle,
    name: &str,
) -> ExitCode {
    report(diags, style);
    let errors = diags.iter().filter(|d| d.is_error()).count();
    if json {
        out_json(&serde_json::json!({
            "status": "refused",
            "file": name,
            "changed": found.map(|f| f.changed.clone()).unwrap_or_default(),
            "tracked": found.map(|f| f.tracked.clone()).unwrap_or_default(),
            "comments": found.map(|f| f.comments.clone()).unwrap_or_default(),
            "facts": found.map(|f| f.facts.clone()).unwrap_or_default(),
            "problems": diags,
        }));
    }
    eprintln!("import refused ({errors} problems): nothing was written");
    ExitCode::from(1)
}

/// The human report: what changed, the tracked changes, the comments, the fact edits.
fn human(found: &Report) -> String {
    let key = |k: &Option<String>| k.clone().unwrap_or_else(|| "(no key)".into());
    let mut s = format!(
        "{} ({}): {} text(s) changed\n",
        found.profile,
        found.lang,
        found.changed.len()
    );
    for k in &found.changed {
        s.push_str(&format!("  changed  {k}\n"));
    }
    if !found.tracked.is_empty() {
        s.push_str("tracked changes (review items; applied only with --accept-changes):\n");
        for t in &found.tracked {
            s.push_str(&format!(
                "  {}  {} by {} {}: “{}”\n",
                key(&t.key),
                t.kind,
                t.author,
                t.date,
                t.text
            ));
        }
    }
    if !found.comments.is_empty() {
        s.push_str("comments:\n");
        for c in &found.comments {
            let on = c
                .anchor
                .as_ref()
                .map(|a| format!(" on “{a}”"))
                .unwrap_or_default();
            let state = if c.resolved { " (resolved)" } else { "" };
            let reply = if c.reply_to.is_some() { " (reply)" } else { "" };
            s.push_str(&format!(
                "  {}  {} {}{reply}{state}: “{}”{on}\n",
                key(&c.key),
                c.author,
                c.date,
                c.text
            ));
        }
    }
    if !found.facts.is_empty() {
        s.push_str("fact edits (not applied: correct profile.json):\n");
        for f in &found.facts {
            s.push_str(&format!("  {}: “{}” → “{}”\n", f.fact, f.old, f.new));
        }
    }
    s
}

fn manuscript_cmd(args: DocxManuscriptArgs, style: &RenderStyle) -> CmdResult {
    let session = open(&args.project)?;
    let lang = check_lang(&args.lang)?;
    let name = session.names.name(&args.file);
    let failed = |diags: &[Diagnostic]| {
        report(diags, style);
        eprintln!("nothing written");
        Ok(ExitCode::from(1))
    };
    let bytes = match read_docx(&args.file, &name) {
        Ok(b) => b,
        Err(d) => return failed(&d),
    };
    let in_file = |problems: Vec<String>| -> Vec<Diagnostic> {
        problems
            .into_iter()
            .map(|p| Diagnostic::error(p).in_file(&name))
            .collect()
    };
    let doc = match package::read(&bytes).and_then(|p| read::read(&p)) {
        Ok(doc) => doc,
        Err(problems) => return failed(&in_file(problems)),
    };
    let written = match manuscript::write(
        &session,
        &doc,
        &args.profile,
        &lang,
        args.dry_run,
        args.force,
    ) {
        Ok(w) => w,
        Err(diags) => return failed(&diags),
    };
    let m = &written.manuscript;
    let paragraphs: usize = m
        .findings
        .iter()
        .map(|(_, l)| l[0].len() + l[1].len())
        .sum();
    let entries: usize = m.groups.iter().map(|g| g.entries.len()).sum();
    let mut s = format!(
        "mapped {paragraphs} findings paragraphs in {} dimensions, {} introduction paragraphs, {} conventions, {} source groups with {entries} entries\n",
        m.findings.len(),
        m.introduction.len(),
        m.conventions.len(),
        m.groups.len()
    );
    for u in &m.unmapped {
        s.push_str(&format!("  not mapped: {}: {}\n", u.place, u.why));
    }
    for (path, _) in &written.files {
        let verb = if args.dry_run { "would write" } else { "wrote" };
        s.push_str(&format!("{verb} {}\n", session.names.name(path)));
    }
    out(&s);
    if !args.dry_run {
        let diags = session.check(&args.profile, false);
        report(&diags, style);
        let errors = diags.iter().filter(|d| d.is_error()).count();
        if errors > 0 {
            eprintln!("check: {errors} error(s) in the profile as written");
        }
    }
    Ok(ExitCode::SUCCESS)
}
