//! Loads the fonts the documents may use from the project's `fonts/` folder only, in a fixed
//! order, so that output never depends on what the machine has installed.

use std::path::{Path, PathBuf};

use typst::foundations::Bytes;
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;

/// The fonts of a project, loaded once and shared by every document of a run.
pub struct FontSet {
    pub book: LazyHash<FontBook>,
    pub fonts: Vec<Font>,
    /// The files the fonts came from, in load order.
    pub files: Vec<PathBuf>,
}

/// Reads every `.ttf`, `.otf`, `.ttc` and `.otc` file directly inside `dir` (a real folder or
/// the built-in one), sorted by file name.
pub fn load_fonts(dir: &Path) -> Result<FontSet, String> {
    let entries = crate::builtin::read_dir(dir)
        .ok_or_else(|| format!("cannot read the font folder {}", dir.display()))?;
    let mut files: Vec<PathBuf> = entries
        .into_iter()
        .filter(|path| {
            path.extension()
                .and_then(|ext| ext.to_str())
                .map(|ext| {
                    matches!(
                        ext.to_ascii_lowercase().as_str(),
                        "ttf" | "otf" | "ttc" | "otc"
                    )
                })
                .unwrap_or(false)
        })
        .collect();
    files.sort();
    let mut fonts = Vec::new();
    for path in &files {
        let data = crate::builtin::read(path)
            .map_err(|e| format!("cannot read font {}: {e}", path.display()))?;
        let before = fonts.len();
        fonts.extend(Font::iter(Bytes::new(data)));
        if fonts.len() == before {
            return Err(format!("{} is not a font typst can read", path.display()));
        }
    }
    if fonts.is_empty() {
        return Err(format!(
            "no fonts found in {} (expected .ttf or .otf files)",
            dir.display()
        ));
    }
    let book = LazyHash::new(FontBook::from_fonts(&fonts));
    Ok(FontSet { book, fonts, files })
}

impl FontSet {
    /// Whether some embedded font has a glyph for `c`.
    pub fn covers(&self, c: char) -> bool {
        (0..self.fonts.len()).any(|i| {
            self.book
                .info(i)
                .is_some_and(|info| info.coverage.contains(c as u32))
        })
    }
}

/// A font file of the folder as a web page declares it in `@font-face`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WebFace {
    pub file: PathBuf,
    pub family: String,
    /// 100–900.
    pub weight: u16,
    pub italic: bool,
}

/// The single-font files (`.ttf`, `.otf`) of `dir`, sorted by name, with the family, weight
/// and style Typst reads from them, for the web edition's stylesheet. Collections (`.ttc`,
/// `.otc`) are left out: `@font-face` cannot name one font of a collection.
pub fn web_faces(dir: &Path) -> Result<Vec<WebFace>, String> {
    let set = load_fonts(dir)?;
    let mut faces = Vec::new();
    for path in &set.files {
        let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
        if !matches!(ext.to_ascii_lowercase().as_str(), "ttf" | "otf") {
            continue;
        }
        let data =
            std::fs::read(path).map_err(|e| format!("cannot read font {}: {e}", path.display()))?;
        let font = Font::new(Bytes::new(data), 0)
            .ok_or_else(|| format!("{} is not a font typst can read", path.display()))?;
        let info = font.info();
        faces.push(WebFace {
            file: path.clone(),
            family: info.family.clone(),
            weight: info.variant.weight.to_number(),
            italic: info.variant.style != typst::text::FontStyle::Normal,
        });
    }
    Ok(faces)
}
