//! Reads a laid-out document back: the text, links, images and positions on each page, pages
//! rendered to pixels, and characters set with a font's "no glyph" box. Tests assert on this
//! (rather than on pixels), and builds refuse a document with missing glyphs.

use typst::foundations::{Selector, Value};
use typst::introspection::{Introspector, MetadataElem};
use typst::layout::{Frame, FrameItem, Point};
use typst::model::Destination;
use typst_layout::PagedDocument;

/// A run of text on a page, in points from the top-left corner.
#[derive(Debug, Clone, serde::Serialize)]
pub struct TextRun {
    pub text: String,
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub size: f64,
    pub font: String,
}

/// What one page holds.
#[derive(Debug, Clone, serde::Serialize)]
pub struct PageInfo {
    /// 1-based physical page number.
    pub number: usize,
    pub width: f64,
    pub height: f64,
    pub runs: Vec<TextRun>,
    /// External link targets.
    pub urls: Vec<String>,
    /// Internal links: the 1-based page each points to.
    pub internal_links: Vec<usize>,
    pub images: usize,
    /// Text that was set with a font's empty "no glyph" box (tofu).
    pub missing_glyphs: Vec<String>,
}

impl PageInfo {
    /// All text of the page, runs separated by spaces.
    pub fn text(&self) -> String {
        self.runs
            .iter()
            .map(|r| r.text.as_str())
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// Summarises every page of a document.
pub fn pages(document: &PagedDocument) -> Vec<PageInfo> {
    document
        .pages()
        .iter()
        .enumerate()
        .map(|(i, page)| {
            let size = page.frame.size();
            let mut info = PageInfo {
                number: i + 1,
                width: size.x.to_pt(),
                height: size.y.to_pt(),
                runs: Vec::new(),
                urls: Vec::new(),
                internal_links: Vec::new(),
                images: 0,
                missing_glyphs: Vec::new(),
            };
            walk(
                &page.frame,
                Point::zero(),
                document.introspector().as_ref(),
                &mut info,
            );
            info
        })
        .collect()
}

fn walk(frame: &Frame, origin: Point, introspector: &dyn Introspector, info: &mut PageInfo) {
    for (pos, item) in frame.items() {
        let at = origin + *pos;
        match item {
            FrameItem::Group(group) => {
                // Our layouts only translate groups; rotated or scaled ones are approximate.
                walk(&group.frame, at, introspector, info);
            }
            FrameItem::Text(text) => {
                for glyph in text.glyphs.iter().filter(|g| g.id == 0) {
                    if let Some(s) = text.text.get(glyph.range()) {
                        info.missing_glyphs.push(s.to_string());
                    }
                }
                info.runs.push(TextRun {
                    text: text.text.to_string(),
                    x: at.x.to_pt(),
                    y: at.y.to_pt(),
                    width: text.width().to_pt(),
                    size: text.size.to_pt(),
                    font: text.font.font().info().family.clone(),
                })
            }
            FrameItem::Link(dest, _) => match dest {
                Destination::Url(url) => info.urls.push(url.as_str().to_string()),
                Destination::Position(p) => info.internal_links.push(p.page.get()),
                Destination::Location(loc) => {
                    if let Some(page) = introspector.page(*loc) {
                        info.internal_links.push(page.get());
                    }
                }
            },
            FrameItem::Image(..) => info.images += 1,
            _ => {}
        }
    }
}

/// Renders one page (0-based) to RGBA pixels at `pixel_per_pt`: (width, height, pixels).
pub fn render_rgba(
    document: &PagedDocument,
    page: usize,
    pixel_per_pt: f32,
) -> Option<(u32, u32, Vec<u8>)> {
    let page = document.pages().get(page)?;
    let options = typst_render::RenderOptions {
        pixel_per_pt: typst::utils::Scalar::new(f64::from(pixel_per_pt)),
        render_bleed: false,
    };
    let pixmap = typst_render::render(page, &options);
    Some((pixmap.width(), pixmap.height(), pixmap.data().to_vec()))
}

/// The width of one page (0-based) in points (the trimmed page: its frame, without bleed).
pub fn page_width_pt(document: &PagedDocument, page: usize) -> Option<f64> {
    Some(document.pages().get(page)?.frame.width().to_pt())
}

/// A laid-out document kept to render its pages later, from any thread (the preview renders
/// a page when it is first asked for).
#[derive(Clone)]
pub struct Pages(std::sync::Arc<PagedDocument>);

impl Pages {
    pub fn new(document: PagedDocument) -> Pages {
        Pages(std::sync::Arc::new(document))
    }

    pub fn document(&self) -> &PagedDocument {
        &self.0
    }

    /// One page (0-based) as PNG bytes.
    pub fn png(&self, page: usize, pixel_per_pt: f32) -> Option<Vec<u8>> {
        render_png(&self.0, page, pixel_per_pt)
    }
}

/// Renders one page (0-based) to PNG bytes.
pub fn render_png(document: &PagedDocument, page: usize, pixel_per_pt: f32) -> Option<Vec<u8>> {
    let page = document.pages().get(page)?;
    let options = typst_render::RenderOptions {
        pixel_per_pt: typst::utils::Scalar::new(f64::from(pixel_per_pt)),
        render_bleed: false,
    };
    typst_render::render(page, &options).encode_png().ok()
}

/// Errors for every character the laid-out document shows as an empty box because no
/// embedded font has it (characters that come from the layout itself rather than the data,
/// which `resolve` checks earlier with their file and line).
pub fn missing_glyphs(document: &PagedDocument) -> Vec<crate::diagnostics::Diagnostic> {
    let mut seen: Vec<String> = Vec::new();
    let mut out = Vec::new();
    for page in pages(document) {
        for s in page.missing_glyphs {
            if seen.contains(&s) {
                continue;
            }
            let codes: Vec<String> = s.chars().map(|c| format!("U+{:04X}", c as u32)).collect();
            out.push(
                crate::diagnostics::Diagnostic::error(format!(
                    "no embedded font has a glyph for '{s}' ({}), first on page {}",
                    codes.join(" "),
                    page.number
                ))
                .with_hint("the character comes from the layout; use one the fonts in fonts/ cover, or add a font"),
            );
            seen.push(s);
        }
    }
    out
}

/// A fingerprint of each page's laid-out content: equal fingerprints draw the same pixels, so a
/// preview re-renders only pages whose fingerprint changed. Links and introspection tags draw
/// nothing and are left out: their targets and locations move when text elsewhere changes
/// (the key-findings cards link to the dimensions), which would make unchanged pages new.
pub fn page_fingerprints(document: &PagedDocument) -> Vec<u128> {
    document
        .pages()
        .iter()
        .map(|page| typst::utils::hash128(&(Drawn(&page.frame), &page.fill)))
        .collect()
}

/// What a frame draws, for hashing: its items without links and tags.
struct Drawn<'a>(&'a Frame);

impl std::hash::Hash for Drawn<'_> {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.0.size().hash(state);
        for (pos, item) in self.0.items() {
            match item {
                FrameItem::Group(group) => {
                    (pos, group.transform, &group.clip).hash(state);
                    Drawn(&group.frame).hash(state);
                }
                FrameItem::Text(text) => (pos, text).hash(state),
                FrameItem::Shape(shape, _) => (pos, shape).hash(state),
                FrameItem::Image(image, size, _) => (pos, image, size).hash(state),
                FrameItem::Link(..) | FrameItem::Tag(..) => {}
            }
        }
    }
}

/// The footnote numbers the layout was given (see `resolve::notes`), in the order the
/// document shows the footnotes: the values of its `<mgi-note>` metadata, in document order.
pub fn note_numbers(document: &PagedDocument) -> Vec<u32> {
    let Some(label) = super::marks::label("mgi-note") else {
        return Vec::new();
    };
    let found = document.introspector().query(&Selector::Label(label));
    found
        .iter()
        .filter_map(|c| c.to_packed::<MetadataElem>())
        .filter_map(|m| match &m.value {
            Value::Int(n) => u32::try_from(*n).ok(),
            _ => None,
        })
        .collect()
}
