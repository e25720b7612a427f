//! The live preview's pages: a profile laid out in one language, its pages rendered to PNG
//! when first asked for, and a page's image kept for as long as its laid-out content does not
//! change (so an edit costs one layout and the images of the pages it changed, no PDF).

use std::collections::HashMap;
use std::path::Path;
use std::sync::{Arc, OnceLock};
use std::time::Instant;

use crate::diagnostics::{Diagnostic, WarningPolicy};
use crate::edition::Edition;
use crate::session::Session;
use crate::typeset::inspect::{self, Pages};
use crate::typeset::marks::{self, SourceRegion};

/// Pixels per point of the preview images (72 dpi: a 595 × 842 px A4 page).
pub const SCALE: f32 = 1.0;

/// One page: its id, and its image once rendered.
#[derive(Clone)]
pub struct Page {
    /// Changes exactly when the page's pixels do (hex of the layout fingerprint).
    pub id: String,
    png: Arc<OnceLock<Arc<Vec<u8>>>>,
}

/// A page's image, to be rendered (if it is not yet) outside the preview's lock.
pub struct PagePng {
    png: Arc<OnceLock<Arc<Vec<u8>>>>,
    pages: Pages,
    index: usize,
}

impl PagePng {
    /// The PNG bytes, rendered on the first call (empty if the page cannot be rendered).
    pub fn bytes(&self) -> Arc<Vec<u8>> {
        self.png
            .get_or_init(|| Arc::new(self.pages.png(self.index, SCALE).unwrap_or_default()))
            .clone()
    }
}

/// The pages of the last good layout, and what the last attempt reported.
#[derive(Default)]
pub struct Preview {
    pub pages: Vec<Page>,
    /// The last good layout, which the pages not yet rendered are rendered from.
    document: Option<Pages>,
    pub diagnostics: Vec<Diagnostic>,
    pub millis: u64,
    /// Whether the last attempt failed (the pages are then the last good ones).
    pub failed: bool,
    /// Where each keyed text lies on the pages (of the last good layout).
    pub regions: Vec<SourceRegion>,
    /// The edition shown (screen by default: colours, no bleed; print shows the bleed and
    /// crop marks and the CMYK colours as a viewer converts them).
    pub edition: Edition,
}

impl Preview {
    /// An empty preview of one edition.
    pub fn of_edition(edition: Edition) -> Preview {
        Preview {
            edition,
            ..Preview::default()
        }
    }

    /// Lays out `dir` in `lang`; on failure the last good pages stay and the problems are
    /// kept for display.
    pub fn update(&mut self, session: &Session, dir: &Path, lang: &str, strict: bool) {
        let start = Instant::now();
        let checked = session.load_checked(dir);
        let mut diags = session.pack_diagnostics.clone();
        diags.extend(checked.diagnostics);
        let policy = WarningPolicy::default();
        policy.apply(&mut diags);
        let compiled = checked.profile.as_ref().and_then(|profile| {
            let resolved = session.document(profile, lang, self.edition, strict, policy);
            diags.extend(resolved.diagnostics);
            match session.lay_out(profile, &resolved.vm?, policy) {
                Ok(laid) => {
                    diags.extend(laid.diagnostics);
                    Some(laid.compiled)
                }
                Err(errors) => {
                    diags.extend(errors);
                    None
                }
            }
        });
        self.failed = compiled.is_none();
        if let Some(compiled) = compiled {
            let document = Pages::new(compiled.document);
            self.pages = self.keep_unchanged(&document);
            self.regions = marks::source_regions(document.document());
            self.document = Some(document);
        }
        self.diagnostics = diags;
        self.millis = start.elapsed().as_millis() as u64;
        crate::typeset::evict(10);
    }

    /// The new layout's pages, each with the image of the old page of the same id when that
    /// one was rendered (equal ids draw the same pixels).
    fn keep_unchanged(&self, document: &Pages) -> Vec<Page> {
        let old: HashMap<&str, &Page> = self
            .pages
            .iter()
            .filter(|p| p.png.get().is_some())
            .map(|p| (p.id.as_str(), p))
            .collect();
        inspect::page_fingerprints(document.document())
            .into_iter()
            .map(|fp| {
                let id = format!("{fp:032x}");
                match old.get(id.as_str()) {
                    Some(page) => (*page).clone(),
                    None => Page {
                        id,
                        png: Arc::default(),
                    },
                }
            })
            .collect()
    }

    /// The image of page `index` (0-based), to render outside the lock if need be.
    pub fn png(&self, index: usize) -> Option<PagePng> {
        Some(PagePng {
            png: self.pages.get(index)?.png.clone(),
            pages: self.document.clone()?,
            index,
        })
    }

    /// The keyed text at a point of a page (1-based, points from the top-left corner; `x`
    /// ignored when absent): the innermost one whose box on that page holds the point.
    pub fn source_at(&self, page: usize, x: Option<f64>, y: f64) -> Option<&SourceRegion> {
        marks::region_at(&self.regions, page, x, y)
    }

    /// The texts whose keys a problem is about (its file and JSON path), with the problem.
    pub fn flagged(&self) -> Vec<(&SourceRegion, &Diagnostic)> {
        let mut out = Vec::new();
        for d in &self.diagnostics {
            let (Some(file), Some(path)) = (d.file_name(), d.json_path.as_deref()) else {
                continue;
            };
            let key = path.trim_start_matches("$.");
            for r in self
                .regions
                .iter()
                .filter(|r| r.key == key && r.file == file)
            {
                out.push((r, d));
            }
        }
        out
    }
}
