//! What a page is given and gives back: the site it belongs to (its profile's languages, the
//! PDF files, the base URL), the cover as the page refers to it, and the files rendered.

use std::collections::BTreeMap;
use std::path::Path;

use crate::edition::Edition;

/// Files by path relative to their folder, in path order.
pub type Files = BTreeMap<String, Vec<u8>>;

/// A language the profile is published in, for the page's language links.
#[derive(Debug, Clone)]
pub struct Language {
    /// `fr`, `pt-BR`.
    pub code: String,
    /// The language's own name (`language.name` of its pack): `Français`.
    pub name: String,
    /// `ltr` or `rtl`.
    pub dir: String,
}

/// What a page links to besides itself.
pub struct Site<'a> {
    /// The profile's output name: `valdoria` for `OUT/valdoria.en/`.
    pub profile: &'a str,
    /// Every language of the profile, the page's own included, in the order to list them.
    pub languages: &'a [Language],
    /// The PDF editions the page links to, with their file names in the output folder
    /// (`valdoria.en.pdf`, `valdoria.en.print.pdf`).
    pub pdfs: &'a [(Edition, String)],
    /// With `--base-url`: the address the output folder is published at, for the links that
    /// must be absolute (canonical, hreflang alternates, Open Graph).
    pub base_url: Option<&'a str>,
    /// The project's root and the profile's folder: where the view model's image paths lead.
    pub root: &'a Path,
    pub profile_dir: &'a Path,
}

/// One document's files.
#[derive(Debug, Default)]
pub struct Rendered {
    /// The document's folder: `index.html`.
    pub page: Files,
    /// Files of the shared assets folder this page uses (its cover's sizes), relative to the
    /// output folder.
    pub assets: Files,
}

/// A size of the cover photograph as the page refers to it.
pub(crate) struct SizeRef {
    /// Relative to the output folder: `assets/covers/<hash>-960.jpg`.
    pub path: String,
    pub width: u32,
    pub height: u32,
}

/// The cover photograph on the page.
pub(crate) struct CoverImage {
    pub sizes: Vec<SizeRef>,
    pub alt: String,
}

impl CoverImage {
    /// The size the `src` attribute names and the `width`/`height` come from: the middle one.
    pub fn main(&self) -> &SizeRef {
        &self.sizes[self.sizes.len().saturating_sub(1).min(1)]
    }

    pub fn largest(&self) -> &SizeRef {
        &self.sizes[self.sizes.len() - 1]
    }
}

/// `valdoria.en`: the document's folder in the output.
pub fn folder_name(profile: &str, lang: &str) -> String {
    format!("{profile}.{lang}")
}
