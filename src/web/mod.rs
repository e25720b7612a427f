//! The html edition: each document as one accessible, responsive web page in its language,
//! written from the view model (not through Typst's HTML export, which drops the layout's
//! grids and places, writes no `dir`, and inlines images). [`render`] gives the files of one
//! document's folder, `OUT/<profile>.<lang>/`, and the shared files it uses in `OUT/assets/`
//! (cover sizes); [`assets::shared`] gives the stylesheet and fonts that every page shares.
//! Everything is returned in memory, relative path → bytes, for the build to stamp and write.
//!
//! The page is written by Rust code (`page.rs`), not by templates: the view model is typed, so
//! a renamed field breaks the build rather than a page; most of the page is rich text, whose
//! nodes and notes a template engine (minijinja) would receive as pre-rendered HTML anyway,
//! splitting the escaping between two places; and the look that designers change lives in one
//! plain stylesheet (`style.css`), which needs no Rust.

pub mod assets;
pub mod cover;
mod html;
mod page;
mod rich;
mod site;

use std::path::PathBuf;

use crate::resolve::ViewModel;
use cover::CoverSizes;
use site::{CoverImage, SizeRef};
pub use site::{Files, Language, Rendered, Site, folder_name};

/// The page of one document and the shared files it needs. `covers` keeps the cover's sizes
/// from one language (and, with [`CoverSizes::keep_in`], one build) to the next.
pub fn render(view: &ViewModel, site: &Site<'_>, covers: &CoverSizes) -> Result<Rendered, String> {
    let mut rendered = Rendered::default();
    let cover = match view.cover.image.as_deref() {
        Some(path) => Some(cover_image(view, site, path, covers, &mut rendered.assets)?),
        None => None,
    };
    let page = page::Page {
        view,
        site,
        cover: cover.as_ref(),
        h: html::Html::default(),
        notes: rich::Notes::default(),
    };
    rendered
        .page
        .insert("index.html".into(), page.write().into_bytes());
    Ok(rendered)
}

/// The cover's sizes, added to `assets`, and how the page refers to them.
fn cover_image(
    view: &ViewModel,
    site: &Site<'_>,
    path: &str,
    covers: &CoverSizes,
    assets: &mut Files,
) -> Result<CoverImage, String> {
    let file = local_path(path, site);
    let bytes = std::fs::read(&file)
        .map_err(|e| format!("cannot read the cover photograph {}: {e}", file.display()))?;
    let hash = crate::hash::content_hash(&bytes);
    let sizes = covers
        .get(&bytes, &hash)
        .map_err(|e| format!("cannot make the web sizes of {}: {e}", file.display()))?;
    let short = &hash[..16];
    let mut refs = Vec::new();
    for s in &sizes.sizes {
        let rel = format!("{}/covers/{short}-{}.{}", assets::DIR, s.width, sizes.ext);
        assets.insert(rel.clone(), s.bytes.clone());
        refs.push(SizeRef {
            path: rel,
            width: s.width,
            height: s.height,
        });
    }
    // The same text as the PDF's alternative text for the photograph (`cover.typ`).
    let alt = match &view.cover.photo_credit {
        Some(credit) if !credit.is_empty() => rich::plain_blocks(credit),
        _ => "Cover photograph".to_string(),
    };
    Ok(CoverImage { sizes: refs, alt })
}

/// A view-model path (`/profiles/valdoria/cover.jpg`, or `/profile/…` for a profile outside
/// the project) as a file on disk.
fn local_path(path: &str, site: &Site<'_>) -> PathBuf {
    match path.strip_prefix("/profile/") {
        Some(rest) if !site.profile_dir.starts_with(site.root) || site.profile_dir == site.root => {
            site.profile_dir.join(rest)
        }
        _ => site.root.join(path.trim_start_matches('/')),
    }
}
