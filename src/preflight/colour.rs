//! Colour checks over the content events: DeviceRGB anywhere in a print file (error),
//! DeviceCMYK in a screen file (warning), and total ink above 300 % in fills, strokes and
//! text that reach inside the trim box (marks outside the trim — crop marks in registration
//! colour — are excluded). Repeated uses are gathered per page and cause, counted.

use indexmap::IndexMap;

use super::content::Event;
use super::geometry::Rect;
use super::{Collector, Edition, ObjectRef, Severity, rule};

/// The most total ink a print file may put down (ISO 12647-2 sheet-fed offset: 300–350 %;
/// the commonly requested limit for coated paper is 300 %).
pub const INK_LIMIT: f64 = 300.0;

pub fn check(events: &[Event], edition: Edition, trim: Option<Rect>, out: &mut Collector) {
    match edition {
        Edition::Print => {
            device_spaces(events, true, out);
            ink(events, trim, out);
        }
        Edition::Screen | Edition::Html => device_spaces(events, false, out),
    }
    for event in events {
        match event {
            Event::Unmeasured { what } if edition == Edition::Print => {
                out.not_checked(format!("ink coverage of {what}s"))
            }
            Event::Colour { space, by, .. } if matches!(space, super::space::Space::Unknown(_)) => {
                out.not_checked(format!("{} used by {by}", space.describe()))
            }
            _ => {}
        }
    }
}

/// DeviceRGB in print (error) or DeviceCMYK on screen (warning): one finding per page for the
/// colour operators (`rg`, `cs /CS0` …, counted) and one per object (image, shading, group).
fn device_spaces(events: &[Event], print: bool, out: &mut Collector) {
    let mut uses: IndexMap<(u32, String), Use> = IndexMap::new();
    for event in events {
        let Event::Colour {
            place,
            by,
            space,
            object,
        } = event
        else {
            continue;
        };
        if !(if print {
            space.uses_rgb()
        } else {
            space.uses_cmyk()
        }) {
            continue;
        }
        let operator = by.starts_with("fill colour") || by.starts_with("stroke colour");
        let group = if operator {
            "operators".to_string()
        } else {
            by.clone()
        };
        let key = (place.page, format!("{group}{}", place.suffix()));
        let entry = uses.entry(key).or_insert_with(|| Use {
            count: 0,
            causes: Vec::new(),
            space: space.describe(),
            object: object.clone(),
        });
        entry.count += 1;
        let cause = format!("{by}{}", place.suffix());
        if !entry.causes.contains(&cause) {
            entry.causes.push(cause);
        }
    }
    for ((page, _), u) in uses {
        let times = if u.count > 1 {
            format!(" ({} times)", u.count)
        } else {
            String::new()
        };
        let (by, space) = (u.causes.join(", "), u.space);
        if print {
            let message = format!(
                "{by} uses {space}{times}; a print file needs CMYK, spot or ICC-based colour \
                 (PDF/X-4 allows no device RGB with a CMYK output intent)"
            );
            out.page(Severity::Error, rule::DEVICE_RGB, page, u.object, message);
        } else {
            let message = format!(
                "{by} uses {space}{times}; the screen edition should be in sRGB (each viewer \
                 converts device CMYK its own way)"
            );
            out.page(
                Severity::Warning,
                rule::DEVICE_CMYK,
                page,
                u.object,
                message,
            );
        }
    }
}

struct Use {
    count: usize,
    causes: Vec<String>,
    space: String,
    object: Option<ObjectRef>,
}

/// Total ink above the limit inside the trim box: one finding per page with the highest
/// value and how many marks exceed; marks wholly outside the trim are left out.
fn ink(events: &[Event], trim: Option<Rect>, out: &mut Collector) {
    let Some(trim) = trim else { return };
    let mut worst: IndexMap<u32, (usize, f64, String)> = IndexMap::new();
    for event in events {
        let Event::Ink {
            place,
            bbox,
            ink,
            components,
            space,
            what,
        } = event
        else {
            continue;
        };
        if *ink <= INK_LIMIT + 0.5 || !bbox.reaches_into(&trim) {
            continue;
        }
        let values: Vec<String> = components
            .iter()
            .map(|c| format!("{:.0}", c * 100.0))
            .collect();
        let example = format!(
            "{what} in {space} {}{} at ({:.0}, {:.0}) pt",
            values.join("/"),
            place.suffix(),
            bbox.x0,
            bbox.y0
        );
        let entry = worst.entry(place.page).or_insert((0, 0.0, String::new()));
        entry.0 += 1;
        if *ink > entry.1 {
            (entry.1, entry.2) = (*ink, example);
        }
    }
    for (page, (count, max, example)) in worst {
        let marks = if count == 1 {
            "1 mark".to_string()
        } else {
            format!("{count} marks")
        };
        let message = format!(
            "{marks} inside the trim box reach {max:.0} % total ink (highest: {example}); \
             print allows {INK_LIMIT:.0} %"
        );
        out.page(Severity::Error, rule::INK_COVERAGE, page, None, message);
    }
}
