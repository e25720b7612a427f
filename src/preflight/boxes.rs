//! Page boxes for print: every page needs a TrimBox (the finished size) and a BleedBox (how
//! far colour runs past it), the bleed containing the trim and both inside the MediaBox.

use lopdf::{Document, ObjectId};

use super::content::Event;
use super::geometry::{EPSILON, Rect, mm};
use super::resources::page_attribute;
use super::{Collector, Facts, Severity, rule};

#[derive(Debug, Clone, Copy)]
pub struct Boxes {
    pub media: Option<Rect>,
    pub crop: Option<Rect>,
    pub bleed: Option<Rect>,
    pub trim: Option<Rect>,
}

impl Boxes {
    /// A page's boxes as written (MediaBox and CropBox inherited through the page tree;
    /// TrimBox and BleedBox are not inheritable and must be on the page).
    pub fn of(doc: &Document, page: ObjectId) -> Boxes {
        let get =
            |key: &[u8]| page_attribute(doc, page, key).and_then(|b| Rect::from_object(doc, b));
        Boxes {
            media: get(b"MediaBox"),
            crop: get(b"CropBox"),
            bleed: get(b"BleedBox"),
            trim: get(b"TrimBox"),
        }
    }

    /// The area "inside the trim" for ink: the TrimBox, or what is shown when there is none.
    pub fn trim_or_crop(&self) -> Option<Rect> {
        self.trim.or(self.crop).or(self.media)
    }
}

pub fn check(page: u32, boxes: &Boxes, out: &mut Collector) {
    let mut error = |rule, message: String| out.page(Severity::Error, rule, page, None, message);
    if boxes.trim.is_none() {
        error(
            rule::MISSING_TRIMBOX,
            "no TrimBox: the printer cannot tell the finished size".into(),
        );
    }
    if boxes.bleed.is_none() {
        error(
            rule::MISSING_BLEEDBOX,
            "no BleedBox: the printer cannot tell how far colour runs past the trim".into(),
        );
    }
    if let (Some(trim), Some(bleed)) = (boxes.trim, boxes.bleed)
        && !bleed.contains(&trim)
    {
        error(
            rule::BOX_NESTING,
            format!(
                "the BleedBox {} does not contain the TrimBox {}",
                show(&bleed),
                show(&trim)
            ),
        );
    }
    let Some(media) = boxes.media else {
        error(rule::BOX_NESTING, "no MediaBox".into());
        return;
    };
    for (name, inner) in [("TrimBox", boxes.trim), ("BleedBox", boxes.bleed)] {
        if let Some(inner) = inner.filter(|b| !media.contains(b)) {
            error(
                rule::BOX_NESTING,
                format!(
                    "the {name} {} runs outside the MediaBox {}",
                    show(&inner),
                    show(&media)
                ),
            );
        }
    }
}

/// Trim size of page 1 and the smallest bleed of all pages, into the facts.
pub fn record(page: u32, boxes: &Boxes, facts: &mut Facts) {
    if page == 1 {
        facts.trim_mm = boxes
            .trim
            .map(|t| [round1(mm(t.width())), round1(mm(t.height()))]);
    }
    if let (Some(trim), Some(bleed)) = (boxes.trim, boxes.bleed) {
        let margins = [
            trim.x0 - bleed.x0,
            trim.y0 - bleed.y0,
            bleed.x1 - trim.x1,
            bleed.y1 - trim.y1,
        ];
        let least = margins
            .iter()
            .copied()
            .fold(f64::INFINITY, f64::min)
            .max(0.0);
        let least = round1(mm(if least < EPSILON { 0.0 } else { least }));
        facts.bleed_mm = Some(facts.bleed_mm.map_or(least, |b| b.min(least)));
    }
}

fn show(r: &Rect) -> String {
    format!("[{:.2} {:.2} {:.2} {:.2}]", r.x0, r.y0, r.x1, r.y1)
}

fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

/// The bleed a printer asks for where colour or an image reaches the trim edge: 3 mm.
pub const BLEED: f64 = 3.0 / 25.4 * 72.0;

/// Images and inked fills that reach a trim edge must run at least 3 mm past it, so that
/// cutting off-register leaves no white hairline; one finding per page.
pub fn check_bleed(page: u32, boxes: &Boxes, events: &[Event], out: &mut Collector) {
    let Some(trim) = boxes.trim else { return };
    let mut short: Vec<String> = Vec::new();
    for event in events {
        let (what, area) = match event {
            Event::Image(p) if p.place.within.iter().all(|w| !w.starts_with("pattern")) => (
                format!("image {}{}", p.label, p.place.suffix()),
                p.ctm.unit_square(),
            ),
            Event::Ink {
                what: "fill",
                bbox,
                ink,
                place,
                ..
            } if *ink >= 0.5 => (format!("a fill{}", place.suffix()), *bbox),
            _ => continue,
        };
        if !area.reaches_into(&trim) {
            continue;
        }
        let sides = [
            ("left", area.x0 <= trim.x0 + EPSILON, trim.x0 - area.x0),
            ("bottom", area.y0 <= trim.y0 + EPSILON, trim.y0 - area.y0),
            ("right", area.x1 >= trim.x1 - EPSILON, area.x1 - trim.x1),
            ("top", area.y1 >= trim.y1 - EPSILON, area.y1 - trim.y1),
        ];
        let lacking: Vec<String> = sides
            .iter()
            .filter(|(_, touches, past)| *touches && *past < BLEED - 0.1)
            .map(|(side, _, past)| format!("{side} {:.1} mm", mm(past.max(0.0))))
            .collect();
        if !lacking.is_empty() {
            short.push(format!(
                "{what} reaches the trim edge but runs past it only {}",
                lacking.join(", ")
            ));
        }
    }
    if let Some(first) = short.first() {
        let more = match short.len() {
            1 => String::new(),
            n => format!(" (and {} more)", n - 1),
        };
        let message =
            format!("{first}{more}; print needs 3 mm of bleed where colour meets the edge");
        out.page(Severity::Error, rule::BLEED, page, None, message);
    }
}
