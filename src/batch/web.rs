//! The html edition of whole profiles, written straight to an output folder: a way to produce
//! it (tests, benchmarks, `examples/web_edition.rs`) until the batch drives it through the
//! output seam with stamps, shards and progress.

use std::path::{Path, PathBuf};

use crate::web::cover::CoverSizes;
use crate::web::{Language, Site, assets, render, write_document};
use crate::diagnostics::Diagnostic;
use crate::edition::Edition;
use crate::load::Profile;
use crate::session::Session;

/// What to build.
#[derive(Debug, Clone, Default)]
pub struct WebOptions {
    pub out_dir: PathBuf,
    /// Languages to build; every language of the profile when empty.
    pub langs: Vec<String>,
    /// PDF editions the pages link to.
    pub pdfs: Vec<Edition>,
    pub base_url: Option<String>,
}

/// The profile's languages as the pages list them: code, own name (the pack's
/// `language.name`, else the code) and direction.
/// The order is the profile's `languages` (the ones it is published in), then any other
/// language it has text for.
pub fn languages(session: &Session, profile: &Profile) -> Vec<Language> {
    let mut codes = profile.facts.languages.clone();
    codes.extend(profile.languages().into_iter().filter(|l| !profile.facts.languages.contains(l)));
    codes
        .into_iter()
        .map(|code| {
            let pack = session.packs.by_lang.get(&code);
            let get = |k: &str| pack.and_then(|p| p.get(k)).map(str::to_string);
            Language {
                name: get("language.name").unwrap_or_else(|| code.clone()),
                dir: get("language.dir").unwrap_or_else(|| "ltr".into()),
                code,
            }
        })
        .collect()
}

/// Builds the html edition of the profile in `dir`: loads and resolves it in each language,
/// renders the pages and writes them with the shared files. Returns the folders written, or
/// every problem found (a language that fails is not written; the others are).
pub fn build_profile(
    session: &Session,
    dir: &Path,
    options: &WebOptions,
    covers: &CoverSizes,
) -> Result<Vec<PathBuf>, Vec<Diagnostic>> {
    let checked = session.load_checked(dir);
    let Some(profile) = checked.profile else {
        return Err(checked.diagnostics);
    };
    let shared = assets::shared(&session.project.fonts_dir()).map_err(|e| vec![Diagnostic::error(e)])?;
    let languages = languages(session, &profile);
    let langs = if options.langs.is_empty() { profile.languages() } else { options.langs.clone() };
    let mut written = Vec::new();
    let mut problems = Vec::new();
    for lang in &langs {
        let (view, diags) = session.resolve(&profile, lang, false);
        problems.extend(diags.into_iter().filter(Diagnostic::is_error));
        let Some(view) = view else { continue };
        let pdfs: Vec<(Edition, String)> = options
            .pdfs
            .iter()
            .map(|&e| (e, crate::output::of(e).file_name(&profile.name, lang)))
            .collect();
        let site = Site {
            profile: &profile.name,
            languages: &languages,
            pdfs: &pdfs,
            base_url: options.base_url.as_deref().map(|b| b.trim_end_matches('/')),
            root: &session.project.root,
            profile_dir: &profile.dir,
        };
        let rendered = render(&view, &site, covers).map_err(|e| vec![Diagnostic::error(e)])?;
        match write_document(&rendered, &shared, &options.out_dir, &profile.name, lang) {
            Ok(folder) => written.push(folder),
            Err(e) => problems.push(Diagnostic::error(format!(
                "cannot write the html edition of {} in {lang}: {e}",
                profile.name
            ))),
        }
    }
    if problems.is_empty() { Ok(written) } else { Err(problems) }
}
