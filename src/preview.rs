//! The live preview's pages: a profile laid out in one language and rendered to PNG, page by
//! page, re-rendering only the pages whose laid-out content changed since the last time.

use std::collections::HashMap;
use std::path::Path;
use std::time::Instant;

use crate::diagnostics::{Diagnostic, WarningPolicy};
use crate::session::Session;
use crate::typeset::inspect;
use crate::typeset::marks::{self, SourceRegion};

/// Pixels per point of the preview images (72 dpi: a 595 × 842 px A4 page).
pub const SCALE: f32 = 1.0;

/// One rendered page.
#[derive(Clone)]
pub struct Page {
    /// Changes exactly when the page's pixels do (hex of the layout fingerprint).
    pub id: String,
    pub png: std::sync::Arc<Vec<u8>>,
}

/// The pages of the last good layout, and what the last attempt reported.
#[derive(Default)]
pub struct Preview {
    pub pages: Vec<Page>,
    pub diagnostics: Vec<Diagnostic>,
    pub millis: u64,
    /// Whether the last attempt failed (the pages are then the last good ones).
    pub failed: bool,
    /// Where each keyed text lies on the pages (of the last good layout).
    pub regions: Vec<SourceRegion>,
}

impl Preview {
    /// Lays out `dir` in `lang` and renders the pages that changed; on failure the last good
    /// pages stay and the problems are kept for display.
    pub fn update(&mut self, session: &Session, dir: &Path, lang: &str, strict: bool) {
        let start = Instant::now();
        let checked = session.load(dir);
        let mut diags = session.pack_diagnostics.clone();
        diags.extend(checked.diagnostics);
        let compiled = checked.profile.as_ref().and_then(|profile| {
            let (vm, d) = session.resolve(profile, lang, strict);
            diags.extend(d);
            match session.compile(profile, &vm?) {
                Ok(c) => {
                    diags.extend(c.warnings.clone());
                    Some(c)
                }
                Err(errors) => {
                    diags.extend(errors);
                    None
                }
            }
        });
        WarningPolicy::default().apply(&mut diags);
        self.failed = compiled.is_none();
        if let Some(compiled) = compiled {
            self.pages = self.render(&compiled);
            self.regions = marks::source_regions(&compiled.document);
        }
        self.diagnostics = diags;
        self.millis = start.elapsed().as_millis() as u64;
        crate::typeset::evict(10);
    }

    /// Renders every page whose fingerprint is new; reuses the others' images.
    fn render(&self, compiled: &crate::typeset::Compiled) -> Vec<Page> {
        let document = &compiled.document;
        let old: HashMap<&str, &Page> = self.pages.iter().map(|p| (p.id.as_str(), p)).collect();
        inspect::page_fingerprints(document)
            .into_iter()
            .enumerate()
            .map(|(i, fp)| {
                let id = format!("{fp:032x}");
                match old.get(id.as_str()) {
                    Some(page) => (*page).clone(),
                    None => Page {
                        png: std::sync::Arc::new(
                            inspect::render_png(document, i, SCALE).unwrap_or_default(),
                        ),
                        id,
                    },
                }
            })
            .collect()
    }
}

impl Preview {
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
