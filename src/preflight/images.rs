//! Image resolution at the placed size: pixels divided by the size the image is drawn at,
//! along both of its axes, the lower one counting. The size is the whole placement — an image
//! running into the bleed or cropped by a clip path is counted at its full placed size, as a
//! printer's RIP receives and scales all of its pixels whatever part shows.

use super::findings::ImageFact;

use super::content::Event;
use super::geometry::mm;
use super::{Collector, Edition, ObjectRef, Severity, rule};

/// The least effective resolution per edition: print needs 300 ppi (offset printing at a
/// 150–175 lpi screen); for the screen edition, below 150 ppi an image looks soft on a
/// high-density display when zoomed to the page, a warning.
pub fn threshold(edition: Edition) -> (f64, Severity) {
    match edition {
        Edition::Print => (300.0, Severity::Error),
        Edition::Screen | Edition::Html => (150.0, Severity::Warning),
    }
}

pub fn check(events: &[Event], edition: Edition, out: &mut Collector, facts: &mut Vec<ImageFact>) {
    let (least, severity) = threshold(edition);
    for event in events {
        let Event::Image(p) = event else { continue };
        let (w_pt, h_pt) = (p.ctm.x_length(), p.ctm.y_length());
        if w_pt <= 0.0 || h_pt <= 0.0 || p.width_px == 0 || p.height_px == 0 {
            continue;
        }
        let x_ppi = f64::from(p.width_px) / (w_pt / 72.0);
        let y_ppi = f64::from(p.height_px) / (h_pt / 72.0);
        let image = format!("{}{}", p.label, p.place.suffix());
        facts.push(ImageFact {
            page: p.place.page,
            image: image.clone(),
            object: p.id.map(|(n, _)| n),
            width_px: p.width_px,
            height_px: p.height_px,
            x_ppi: round1(x_ppi),
            y_ppi: round1(y_ppi),
            placed_mm: [round1(mm(w_pt)), round1(mm(h_pt))],
            mask: p.mask,
        });
        // Stencil masks are line art: their threshold (1200 ppi and up) is not this one.
        let ppi = x_ppi.min(y_ppi).round();
        if p.mask || ppi >= least {
            continue;
        }
        let axes = if x_ppi.round() == y_ppi.round() {
            String::new()
        } else {
            format!(" ({} × {} ppi)", x_ppi.round(), y_ppi.round())
        };
        let message = format!(
            "image {image} is {ppi} ppi{axes} at its placed size ({} × {} mm, {} × {} px); \
             {edition} needs {least}",
            mm(w_pt).round(),
            mm(h_pt).round(),
            p.width_px,
            p.height_px,
        );
        let object = ObjectRef {
            name: (!p.name.is_empty()).then(|| p.name.clone()),
            number: p.id.map(|(n, _)| n),
        };
        out.page(
            severity,
            rule::IMAGE_RESOLUTION,
            p.place.page,
            Some(object),
            message,
        );
    }
}

fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}
