//! The html edition's output: the document's page (`crate::web`) as a folder,
//! `OUT/<profile>.<lang>/index.html`, replaced whole, and the files every page shares
//! (`OUT/assets/`: stylesheet, fonts, the cover's sizes). No Typst: the page is written from the
//! view model.

use std::collections::BTreeMap;

use super::print::PrintPdf;
use super::screen::ScreenPdf;
use super::seam::{Context, Document, Files, Output, Prepared, Produced};
use crate::diagnostics::{Diagnostic, WarningPolicy};
use crate::edition::Edition;
use crate::load::Packs;
use crate::web::{Language, Site, assets, render};

/// `OUT/<profile>.<lang>/`.
pub struct HtmlPage;

impl HtmlPage {
    /// The profile's languages as its pages list them: the ones it is published in (its
    /// `languages`), then any other it has text for.
    fn languages(packs: &Packs, doc: &Document<'_>) -> Vec<Language> {
        let declared = &doc.profile.facts.languages;
        let mut codes = declared.clone();
        codes.extend(
            doc.profile
                .languages()
                .into_iter()
                .filter(|l| !declared.contains(l)),
        );
        codes
            .into_iter()
            .map(|code| {
                let pack = packs.by_lang.get(&code);
                let get = |k: &str| pack.and_then(|p| p.get(k)).map(str::to_string);
                Language {
                    name: get("language.name").unwrap_or_else(|| code.clone()),
                    dir: get("language.dir").unwrap_or_else(|| "ltr".into()),
                    code,
                }
            })
            .collect()
    }

    /// The PDFs the page links to: those of the run's editions, with their file names.
    fn pdfs(cx: &Context<'_>, doc: &Document<'_>) -> Vec<(Edition, String)> {
        let (profile, lang) = (&doc.profile.name, doc.lang);
        cx.web
            .editions
            .iter()
            .filter_map(|&e| match e {
                Edition::Screen => Some((e, ScreenPdf.file_name(profile, lang))),
                Edition::Print => Some((e, PrintPdf.file_name(profile, lang))),
                Edition::Html => None,
            })
            .collect()
    }
}

impl Output for HtmlPage {
    fn edition(&self) -> Edition {
        Edition::Html
    }

    fn file_name(&self, profile: &str, lang: &str) -> String {
        crate::web::folder_name(profile, lang)
    }

    /// The page depends, besides its view model, on the other languages (their names), the
    /// PDFs linked and the base URL.
    fn prepare(&self, cx: &Context<'_>, doc: &Document<'_>) -> Result<Prepared, Diagnostic> {
        let languages: Vec<String> = HtmlPage::languages(cx.web.packs, doc)
            .into_iter()
            .map(|l| format!("{}={}/{}", l.code, l.name, l.dir))
            .collect();
        let pdfs: Vec<String> = HtmlPage::pdfs(cx, doc)
            .into_iter()
            .map(|(_, n)| n)
            .collect();
        Ok(Prepared {
            identity: format!(
                "html|languages={}|pdfs={}|base={}",
                languages.join(","),
                pdfs.join(","),
                cx.web.base_url.unwrap_or("")
            ),
            pdf: None,
        })
    }

    fn produce(
        &self,
        cx: &Context<'_>,
        doc: &Document<'_>,
        _prepared: &Prepared,
        _policy: WarningPolicy,
    ) -> Result<Produced, Vec<Diagnostic>> {
        let start = std::time::Instant::now();
        let project = cx.typesetting.project;
        let languages = HtmlPage::languages(cx.web.packs, doc);
        let pdfs = HtmlPage::pdfs(cx, doc);
        let site = Site {
            profile: &doc.profile.name,
            languages: &languages,
            pdfs: &pdfs,
            base_url: cx.web.base_url.map(|b| b.trim_end_matches('/')),
            root: &project.root,
            profile_dir: &doc.profile.dir,
        };
        let fail = |e: String| vec![Diagnostic::error(e)];
        let rendered = render(doc.vm, &site, cx.web.covers).map_err(fail)?;
        let mut shared: BTreeMap<String, Vec<u8>> =
            assets::shared(&project.fonts_dir()).map_err(fail)?;
        shared.extend(rendered.assets);
        let read = match doc.vm.cover.image.as_deref() {
            Some(_) => cover_file(doc).into_iter().collect(),
            None => Vec::new(),
        };
        Ok(Produced {
            files: Files::Folder(rendered.page.into_iter().collect()),
            read,
            pages: None,
            warnings: Vec::new(),
            compiled: None,
            compile_ms: 0.0,
            export_ms: start.elapsed().as_secs_f64() * 1000.0,
            shared: shared.into_iter().collect(),
        })
    }
}

/// The cover photograph as a file the page was made from, with its hash (for the stamp).
fn cover_file(doc: &Document<'_>) -> Option<(std::path::PathBuf, Option<String>)> {
    let name = doc.profile.facts.cover_image.as_deref()?;
    let path = doc.profile.dir.join(name.trim_start_matches("./"));
    let hash = crate::hash::file_hash(&path);
    Some((path, hash))
}
