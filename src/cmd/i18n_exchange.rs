//! `mgi-press i18n export` and `i18n import`: XLIFF 1.2 and PO exchange files. The work is in
//! `mgi_press::i18n::exchange`; here are the arguments, the files and the messages.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use mgi_press::Session;
use mgi_press::diagnostics::{Diagnostic, RenderStyle, has_errors};
use mgi_press::fs::write_atomically;
use mgi_press::i18n::exchange::{self, Exchange, Format};
use mgi_press::i18n::{
    self,
    units::{Catalog, UnitState},
};

use super::args::{ExchangeFormat, I18nExportArgs, I18nImportArgs, I18nTarget};
use super::{CmdResult, check_lang, open, out, report};

pub fn export(args: I18nExportArgs) -> CmdResult {
    let given: Vec<PathBuf> = args.target.profile.iter().cloned().collect();
    let session = super::open_for(&args.project, &given)?;
    let catalog = catalog_of(&session, &args.target)?;
    let file = project_name(&session, &catalog);
    let format = match args.format {
        ExchangeFormat::Xliff => Format::Xliff,
        ExchangeFormat::Po => Format::Po,
    };
    let text = exchange::export(&catalog, format, &file)?;
    let Some(output) = &args.output else {
        out(&text);
        return Ok(ExitCode::SUCCESS);
    };
    write_atomically(output, text.as_bytes()).map_err(|e| {
        vec![Diagnostic::error(format!(
            "cannot write {}: {e}",
            session.names.name(output)
        ))]
    })?;
    let count = |state| catalog.units.iter().filter(|u| u.state == state).count();
    eprintln!(
        "exported {} units of {} to {} ({} untranslated, {} to review)",
        catalog.units.len(),
        catalog.file,
        session.names.name(output),
        count(UnitState::New),
        count(UnitState::NeedsReview)
    );
    Ok(ExitCode::SUCCESS)
}

/// The translation's JSON file as exchange files name it: from the project root, with `/`
/// (absolute for a profile outside the project).
fn project_name(session: &Session, catalog: &Catalog) -> String {
    let dir = catalog
        .dir
        .canonicalize()
        .unwrap_or_else(|_| catalog.dir.clone());
    let path = dir.join(format!("{}.json", catalog.lang));
    // A built-in pack is named as it is in a project (`layouts/mgi/lang/fr.json`), so that
    // the file can be imported into the layout once it is written out (`layout export`).
    let shown = path
        .strip_prefix(&session.project.layout_root)
        .or_else(|_| path.strip_prefix(&session.project.root))
        .unwrap_or(&path);
    shown.to_string_lossy().replace('\\', "/")
}

pub fn import(args: I18nImportArgs, style: &RenderStyle) -> CmdResult {
    let session = open(&args.project)?;
    let name = session.names.name(&args.file);
    let text = read_text(&args.file, &name)?;
    let (exchange, mut diags) = exchange::read(&name, &args.file, &text);
    let Some(exchange) = exchange else {
        return Ok(refused(&diags, style, &name));
    };
    let catalog = match target_catalog(&session, &exchange) {
        Ok(catalog) => catalog,
        Err(found) => {
            diags.extend(found);
            return Ok(refused(&diags, style, &name));
        }
    };
    let fonts = session.shared.fonts();
    let (plan, found) = exchange::plan(&catalog, &exchange, &|c| fonts.covers(c));
    diags.extend(found);
    let plan = match plan {
        Some(plan) if !has_errors(&diags) => plan,
        _ => return Ok(refused(&diags, style, &catalog.file)),
    };
    report(&diags, style);
    let summary = format!(
        "{} units into {} ({} changed)",
        plan.imported, catalog.file, plan.changed
    );
    if args.dry_run {
        out(&format!(
            "would import {summary}; nothing written (--dry-run)\n"
        ));
        return Ok(ExitCode::SUCCESS);
    }
    exchange::apply(&plan, &catalog).map_err(|e| {
        vec![Diagnostic::error(format!(
            "cannot write {}: {e}",
            catalog.file
        ))]
    })?;
    out(&format!("imported {summary}\n"));
    Ok(ExitCode::SUCCESS)
}

/// Reports the problems of a refused import: exit 1, nothing written.
fn refused(diags: &[Diagnostic], style: &RenderStyle, file: &str) -> ExitCode {
    // In the order of the exchange file, as a translator goes through it.
    let mut sorted = diags.to_vec();
    sorted.sort_by_key(|d| {
        d.location
            .as_ref()
            .map(|l| (l.file.clone(), l.line, l.column))
    });
    report(&sorted, style);
    let errors = diags.iter().filter(|d| d.is_error()).count();
    eprintln!("import refused ({errors} problems): nothing was written to {file}");
    ExitCode::from(1)
}

/// The exchange file's text (a usage error when it cannot be read).
fn read_text(path: &Path, name: &str) -> Result<String, Vec<Diagnostic>> {
    let too_big = std::fs::metadata(path)
        .map(|m| m.len() > 8 * mgi_press::load::source::MAX_FILE_BYTES)
        .unwrap_or(false);
    if too_big {
        return Err(vec![Diagnostic::error(format!("{name} is too large"))]);
    }
    let bytes = std::fs::read(path)
        .map_err(|e| vec![Diagnostic::error(format!("cannot read {name}: {e}"))])?;
    String::from_utf8(bytes).map_err(|e| {
        vec![Diagnostic::error(format!(
            "{name} is not UTF-8 (invalid byte at {})",
            e.utf8_error().valid_up_to()
        ))]
    })
}

/// The catalog an exchange file is for: a profile's `text/<lang>.json`, or the layout's
/// `lang/<lang>.json`.
fn target_catalog(session: &Session, exchange: &Exchange) -> Result<Catalog, Vec<Diagnostic>> {
    let error = |m: String| vec![Diagnostic::error(m)];
    let lang = check_lang(&exchange.lang)?;
    if lang == mgi_press::project::REFERENCE_LANG {
        return Err(error(
            "the file is for English, the source language: only translations are imported".into(),
        ));
    }
    let path = Path::new(&exchange.file);
    let path: PathBuf = if path.is_absolute() {
        path.into()
    } else {
        session.project.root.join(path)
    };
    let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
    if mgi_press::project::normalize_lang(stem).as_deref() != Some(lang.as_str()) {
        return Err(error(format!(
            "the file is for the language `{lang}`, but names {} as its JSON file",
            exchange.file
        )));
    }
    let dir = path.parent().unwrap_or(Path::new("."));
    let canonical = |p: &Path| p.canonicalize().unwrap_or_else(|_| p.to_path_buf());
    let mut target = I18nTarget {
        profile: None,
        lang: None,
        pack: None,
    };
    let pack_in_project = session
        .project
        .root
        .join("layouts")
        .join(&session.project.layout)
        .join("lang");
    if canonical(dir) == canonical(&session.project.lang_dir()) || dir == pack_in_project {
        writable_pack(session)?;
        target.pack = Some(lang);
    } else if dir.file_name().is_some_and(|n| n == "text") {
        target.profile = dir.parent().map(Path::to_path_buf);
        target.lang = Some(lang);
    } else {
        return Err(vec![
            Diagnostic::error(format!(
                "{} is neither a profile's text nor the language pack of the layout `{}`",
                exchange.file, session.project.layout
            ))
            .with_hint("pass --project (and --layout) of the project the file was exported from"),
        ]);
    }
    catalog_of(session, &target)
}

/// The catalog a target names: a profile's text in a language, or a language pack.
pub fn catalog_of(session: &Session, target: &I18nTarget) -> Result<Catalog, Vec<Diagnostic>> {
    if let Some(pack) = &target.pack {
        let lang = check_lang(pack)?;
        return i18n::units::pack_catalog(&session.i18n(), &lang)
            .ok_or_else(|| vec![Diagnostic::error("the layout has no English language pack")]);
    }
    let (Some(dir), Some(lang)) = (&target.profile, &target.lang) else {
        return Err(vec![Diagnostic::error(
            "name a profile and --lang, or --pack LANG",
        )]);
    };
    let lang = check_lang(lang)?;
    let checked = session.load_checked(dir);
    let profile = checked.profile.ok_or(checked.diagnostics)?;
    i18n::units::profile_catalog(&session.i18n(), &profile, &lang)
        .ok_or_else(|| vec![Diagnostic::error("the profile has no English text")])
}

/// Refuses to write into the language packs of the built-in layout.
pub fn writable_pack(session: &Session) -> Result<(), Vec<Diagnostic>> {
    if !session.project.layout_is_builtin() {
        return Ok(());
    }
    let layout = &session.project.layout;
    Err(vec![
        Diagnostic::error(format!(
            "the language packs of the layout `{layout}` are built into mgi-press, which cannot change them"
        ))
        .with_hint(format!(
            "write the layout out with `mgi-press layout export DIR`, then run this command again in DIR (or with --project DIR): it works on DIR/layouts/{layout}/lang"
        )),
    ])
}
