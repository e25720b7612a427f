//! Where each keyed text lies on the laid-out pages, for the preview's "where is this text?".
//! The layout frames every text it takes from a file with two `metadata` markers, `<mgi-src>`
//! before and `<mgi-end>` after (see `layouts/mgi/rich.typ`); the text runs laid out between
//! them, in the pages' frame order, are that text's, so a paragraph that runs over two pages
//! has a box on each. Runs go to the innermost open text (a footnote inside a paragraph is its
//! own), and only within the part of the page (header, body, footer) where that text has a
//! marker, so a running footer is never taken for the paragraph that breaks above it.

use typst::foundations::{Content, Label, Value};
use typst::introspection::{MetadataElem, Tag};
use typst::layout::{FrameItem, Point};
use typst_layout::PagedDocument;

/// A rectangle of a page, in points from its top-left corner.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct PageBox {
    /// 1-based page.
    pub page: usize,
    pub x0: f64,
    pub y0: f64,
    pub x1: f64,
    pub y1: f64,
}

impl PageBox {
    fn area(&self) -> f64 {
        (self.x1 - self.x0) * (self.y1 - self.y0)
    }

    /// Whether the point is inside, with `pad` points to spare (clicks between lines).
    fn contains(&self, x: Option<f64>, y: f64, pad: f64) -> bool {
        let in_x = x.is_none_or(|x| x >= self.x0 - pad && x <= self.x1 + pad);
        in_x && y >= self.y0 - pad && y <= self.y1 + pad
    }
}

/// A keyed text and the boxes it covers: one per page (and part of the page) it is on, in
/// reading order.
#[derive(Debug, Clone, serde::Serialize)]
pub struct SourceRegion {
    pub key: String,
    pub file: String,
    pub boxes: Vec<PageBox>,
}

impl SourceRegion {
    /// Where the text starts: its first box.
    pub fn start(&self) -> Option<&PageBox> {
        self.boxes.first()
    }
}

/// The innermost keyed text at a point of a page (1-based), `x` ignored when absent.
pub fn region_at(
    regions: &[SourceRegion],
    page: usize,
    x: Option<f64>,
    y: f64,
) -> Option<&SourceRegion> {
    regions
        .iter()
        .filter_map(|r| {
            let hit = r
                .boxes
                .iter()
                .filter(|b| b.page == page && b.contains(x, y, 3.0));
            hit.map(|b| b.area()).reduce(f64::min).map(|area| (r, area))
        })
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(r, _)| r)
}

/// What the walk meets, in frame order; `part` is the index of the page's top-level item it
/// is in (background, header, body, footer).
enum Event {
    Start { key: String, file: String },
    End { key: String, file: String },
    Run { rect: [f64; 4] },
}

struct Met {
    page: usize,
    part: usize,
    event: Event,
}

/// Every keyed text of a laid-out document with its boxes, in document order.
pub fn source_regions(document: &PagedDocument) -> Vec<SourceRegion> {
    let (Some(start), Some(end)) = (label("mgi-src"), label("mgi-end")) else {
        return Vec::new();
    };
    let mut events = Vec::new();
    for (i, page) in document.pages().iter().enumerate() {
        for (part, (pos, item)) in page.frame.items().enumerate() {
            walk_item(item, *pos, (start, end), &mut |event| {
                events.push(Met {
                    page: i + 1,
                    part,
                    event,
                })
            });
        }
    }
    attribute(&events)
}

fn walk_item(item: &FrameItem, at: Point, labels: (Label, Label), out: &mut dyn FnMut(Event)) {
    match item {
        FrameItem::Group(group) => {
            // Our layouts only translate groups; rotated or scaled ones are approximate.
            for (pos, child) in group.frame.items() {
                walk_item(child, at + *pos, labels, out);
            }
        }
        FrameItem::Text(text) => {
            let (x, y, size) = (at.x.to_pt(), at.y.to_pt(), text.size.to_pt());
            let width = text.width().to_pt();
            // The run's position is its baseline: ascent and descent approximated.
            out(Event::Run {
                rect: [x, y - 0.8 * size, x + width, y + 0.25 * size],
            });
        }
        FrameItem::Tag(Tag::Start(content, _)) => {
            if let Some(event) = marker(content, labels) {
                out(event);
            }
        }
        _ => {}
    }
}

/// A start or end marker's event, if `content` is one.
fn marker(content: &Content, (start, end): (Label, Label)) -> Option<Event> {
    let label = content.label()?;
    if label != start && label != end {
        return None;
    }
    let Value::Dict(dict) = &content.to_packed::<MetadataElem>()?.value else {
        return None;
    };
    let text = |k: &str| {
        dict.get(k)
            .ok()?
            .clone()
            .cast::<typst::foundations::Str>()
            .ok()
    };
    let (key, file) = (text("key")?.to_string(), text("file")?.to_string());
    Some(if label == start {
        Event::Start { key, file }
    } else {
        Event::End { key, file }
    })
}

/// Matches start and end markers (an end closes the innermost open text with its key and
/// file), then gives each run to the innermost open text that has a marker in the run's part
/// of the page (or, on a page where it has none, to one whose page it fills).
fn attribute(events: &[Met]) -> Vec<SourceRegion> {
    let mut regions: Vec<SourceRegion> = Vec::new();
    // Per region, the (page, part) pairs where it has a marker.
    let mut homes: Vec<Vec<(usize, usize)>> = Vec::new();
    // Per event, the region a start opens or an end closes.
    let mut ids: Vec<Option<usize>> = Vec::with_capacity(events.len());
    let mut open: Vec<usize> = Vec::new();
    for m in events {
        let id = match &m.event {
            Event::Start { key, file } => {
                regions.push(SourceRegion {
                    key: key.clone(),
                    file: file.clone(),
                    boxes: Vec::new(),
                });
                homes.push(Vec::new());
                open.push(regions.len() - 1);
                open.last().copied()
            }
            Event::End { key, file } => open
                .iter()
                .rposition(|&r| regions[r].key == *key && regions[r].file == *file)
                .map(|at| open.remove(at)),
            Event::Run { .. } => None,
        };
        if let Some(id) = id {
            homes[id].push((m.page, m.part));
        }
        ids.push(id);
    }
    let body = body_parts(events);
    let mut open: Vec<usize> = Vec::new();
    for (m, id) in events.iter().zip(&ids) {
        match (&m.event, id) {
            (Event::Start { .. }, Some(id)) => open.push(*id),
            (Event::End { .. }, Some(id)) => open.retain(|r| r != id),
            (Event::Run { rect }, _) => {
                let home = |r: &usize| {
                    let here: Vec<_> = homes[*r].iter().filter(|(p, _)| *p == m.page).collect();
                    if here.is_empty() {
                        body.get(m.page - 1) == Some(&m.part)
                    } else {
                        here.iter().any(|(_, part)| *part == m.part)
                    }
                };
                if let Some(&r) = open.iter().rev().find(|r| home(r)) {
                    extend(&mut regions[r].boxes, m.page, *rect);
                }
            }
            _ => {}
        }
    }
    regions.retain(|r| !r.boxes.is_empty());
    regions
}

/// Per page, the part with the most text runs (the body), for texts that fill a page without
/// a marker on it.
fn body_parts(events: &[Met]) -> Vec<usize> {
    let pages = events.last().map_or(0, |m| m.page);
    (1..=pages)
        .map(|page| {
            let mut counts: Vec<(usize, usize)> = Vec::new();
            for m in events
                .iter()
                .filter(|m| m.page == page && matches!(m.event, Event::Run { .. }))
            {
                match counts.iter_mut().find(|(part, _)| *part == m.part) {
                    Some(c) => c.1 += 1,
                    None => counts.push((m.part, 1)),
                }
            }
            counts
                .into_iter()
                .max_by_key(|c| c.1)
                .map_or(usize::MAX, |c| c.0)
        })
        .collect()
}

/// Grows the region's box on this page (a new box on a new page). A text has runs in one part
/// of each page (see [`attribute`]), so one box per page.
fn extend(boxes: &mut Vec<PageBox>, page: usize, [x0, y0, x1, y1]: [f64; 4]) {
    match boxes.last_mut() {
        Some(b) if b.page == page => {
            b.x0 = b.x0.min(x0);
            b.y0 = b.y0.min(y0);
            b.x1 = b.x1.max(x1);
            b.y1 = b.y1.max(y1);
        }
        _ => boxes.push(PageBox {
            page,
            x0,
            y0,
            x1,
            y1,
        }),
    }
}

/// A label by name (the layout's `<mgi-…>` markers).
pub(super) fn label(name: &str) -> Option<Label> {
    Label::new(typst::utils::PicoStr::intern(name))
}
