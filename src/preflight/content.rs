//! The content-stream interpreter of preflight: it follows the graphics state through a page
//! (`q`/`Q`/`cm`, colours, paths, text, form XObjects with their `/Matrix`, tiling patterns)
//! and reports what the checks need as plain events: each colour space used and by what, each
//! image with its transformation at `Do`, each fill/stroke/text with its ink and its bounding
//! box on the page. Written here because lopdf decodes operators but keeps no state, and
//! hayro's interpreter renders rather than reporting colour spaces as written in the file.

use std::collections::HashSet;

use lopdf::content::{Content, Operation};
use lopdf::{Dictionary, Document, Object, ObjectId, Stream};

use super::ObjectRef;
use super::geometry::{Matrix, Rect};
use super::resources::{self, MAX_CONTENT_BYTES, label, text};
use super::space::Space;

/// Where something is: the page (1-based) and the forms or patterns it sits in, outermost first.
#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    pub page: u32,
    pub within: Vec<String>,
}

impl Place {
    /// ` in form /Fm0 (obj 7)`, or nothing on the page itself.
    pub fn suffix(&self) -> String {
        self.within.iter().map(|w| format!(" in {w}")).collect()
    }
}

/// An image drawn with `Do` (or inline): its pixels and its transformation, which maps the
/// unit square onto the page (in points).
#[derive(Debug, Clone)]
pub struct Placement {
    pub place: Place,
    /// `/Im3 (obj 42)`, or `inline image`.
    pub label: String,
    pub name: String,
    pub id: Option<ObjectId>,
    pub width_px: u32,
    pub height_px: u32,
    pub ctm: Matrix,
    /// A stencil mask (`/ImageMask true`): 1-bit shapes painted in the fill colour.
    pub mask: bool,
}

#[derive(Debug, Clone)]
pub enum Event {
    /// A colour space was used by an operator, an image, a shading or a transparency group.
    Colour {
        place: Place,
        by: String,
        space: Space,
        object: Option<ObjectRef>,
    },
    Image(Placement),
    /// A fill, stroke or text show whose ink we know, with its bounding box on the page
    /// (control points of curves included, line width not: strokes count along their centre).
    Ink {
        place: Place,
        bbox: Rect,
        ink: f64,
        components: Vec<f64>,
        space: String,
        what: &'static str,
    },
    /// Something painted whose ink we cannot compute: images, shadings, pattern fills.
    Unmeasured {
        what: &'static str,
    },
    /// A content stream or resource that could not be read.
    Broken {
        place: Place,
        what: String,
    },
}

#[derive(Debug, Clone)]
struct Colour {
    space: Space,
    components: Vec<f64>,
}

impl Colour {
    fn gray() -> Colour {
        Colour {
            space: Space::Gray,
            components: vec![0.0],
        }
    }
}

#[derive(Debug, Clone)]
struct State {
    ctm: Matrix,
    fill: Colour,
    stroke: Colour,
    text_mode: i64,
}

/// The deepest graphics state stack kept (`q` inside `q`): PDF's own implementation limit is 28
/// (ISO 32000-1, annex C); a million `q`s would otherwise keep a million copies.
const MAX_SAVED_STATES: usize = 256;

/// One content stream being read: its resources, graphics state stack, current path and text.
struct Frame<'a> {
    res: Option<&'a Dictionary>,
    gs: State,
    saved: Vec<State>,
    /// `q`s beyond [`MAX_SAVED_STATES`], not saved (their `Q`s restore nothing).
    unsaved: usize,
    path: Option<Rect>,
    tm: Matrix,
    tlm: Matrix,
    leading: f64,
}

pub struct Walker<'a> {
    doc: &'a Document,
    place: Place,
    events: Vec<Event>,
    /// Forms and patterns being read, innermost last (loops are refused).
    open: Vec<ObjectId>,
    /// Inside a tiling pattern: its marks repeat over an area we do not compute.
    in_pattern: usize,
    patterns_seen: HashSet<ObjectId>,
}

/// The events of one page (1-based `number`).
pub fn page_events(doc: &Document, number: u32, page: ObjectId) -> Vec<Event> {
    let mut w = Walker {
        doc,
        place: Place {
            page: number,
            within: Vec::new(),
        },
        events: Vec::new(),
        open: Vec::new(),
        in_pattern: 0,
        patterns_seen: HashSet::new(),
    };
    if let Some(group) = resources::page_attribute(doc, page, b"Group") {
        w.group(group, "the page's transparency group".into());
    }
    let res = resources::page_resources(doc, page);
    match doc.get_page_content_with_limit(page, MAX_CONTENT_BYTES) {
        Ok(bytes) => w.decode_and_run(&bytes, "the page's content stream", res, Matrix::IDENTITY),
        Err(e) => w.broken(format!(
            "the page's content stream cannot be read ({e}; preflight reads at most {} MiB of content a stream)",
            MAX_CONTENT_BYTES / (1024 * 1024)
        )),
    }
    w.events
}

impl<'a> Walker<'a> {
    fn emit(&mut self, event: Event) {
        self.events.push(event);
    }

    fn broken(&mut self, what: String) {
        let place = self.place.clone();
        self.emit(Event::Broken { place, what });
    }

    fn colour(&mut self, by: String, space: Space) {
        self.colour_of(by, space, None);
    }

    fn colour_of(&mut self, by: String, space: Space, object: Option<ObjectRef>) {
        let place = self.place.clone();
        self.emit(Event::Colour {
            place,
            by,
            space,
            object,
        });
    }

    fn unmeasured(&mut self, what: &'static str) {
        self.emit(Event::Unmeasured { what });
    }

    fn decode_and_run(
        &mut self,
        bytes: &[u8],
        what: &str,
        res: Option<&'a Dictionary>,
        ctm: Matrix,
    ) {
        match Content::decode(bytes) {
            Ok(content) => self.run(&content.operations, res, ctm),
            Err(e) => self.broken(format!("{what} cannot be parsed ({e})")),
        }
    }

    fn run(&mut self, ops: &[Operation], res: Option<&'a Dictionary>, ctm: Matrix) {
        let mut f = Frame {
            res,
            gs: State {
                ctm,
                fill: Colour::gray(),
                stroke: Colour::gray(),
                text_mode: 0,
            },
            saved: Vec::new(),
            unsaved: 0,
            path: None,
            tm: Matrix::IDENTITY,
            tlm: Matrix::IDENTITY,
            leading: 0.0,
        };
        for op in ops {
            let o = op.operands.as_slice();
            match op.operator.as_str() {
                "q" if f.saved.len() < MAX_SAVED_STATES => f.saved.push(f.gs.clone()),
                "q" => f.unsaved += 1,
                "Q" if f.unsaved > 0 => f.unsaved -= 1,
                "Q" => f.gs = f.saved.pop().unwrap_or_else(|| f.gs.clone()),
                "cm" => {
                    if let Some(m) = Matrix::from_numbers(o) {
                        f.gs.ctm = m.then(f.gs.ctm);
                    }
                }
                "Do" => self.xobject(&f, o),
                "BI" => self.inline_image(&f, o),
                "sh" => self.shading(&f, o),
                "gs" => self.ext_gstate(&f, o),
                name if self.colour_op(&mut f, name, o) => {}
                name if path_op(&mut f, name, o) => {}
                name if self.paint_op(&mut f, name) => {}
                name => self.text_op(&mut f, name, o),
            }
        }
    }

    /// `g`/`rg`/`k`/`cs`/`sc`/`scn` and their stroking twins.
    fn colour_op(&mut self, f: &mut Frame<'a>, name: &str, o: &[Object]) -> bool {
        let stroke = name.chars().next().is_some_and(|c| c.is_ascii_uppercase());
        let space = match name {
            "g" | "G" => Some(Space::Gray),
            "rg" | "RG" => Some(Space::Rgb),
            "k" | "K" => Some(Space::Cmyk),
            "cs" | "CS" => {
                let space = match o.first() {
                    Some(obj) => Space::resolve(self.doc, obj, f.res),
                    None => Space::Unknown("(no operand)".into()),
                };
                let initial = space.initial();
                self.set_colour(f, name, o, stroke, space, initial);
                return true;
            }
            "sc" | "scn" | "SC" | "SCN" => {
                self.set_components(f, o, stroke);
                return true;
            }
            _ => None,
        };
        let Some(space) = space else { return false };
        self.set_colour(f, name, o, stroke, space, numbers(o));
        true
    }

    fn set_colour(
        &mut self,
        f: &mut Frame<'a>,
        op: &str,
        o: &[Object],
        stroke: bool,
        space: Space,
        components: Vec<f64>,
    ) {
        if !matches!(space, Space::Gray) {
            let kind = if stroke { "stroke" } else { "fill" };
            let operand = match o.first() {
                Some(Object::Name(n)) if op.eq_ignore_ascii_case("cs") => format!(" /{}", text(n)),
                _ => String::new(),
            };
            self.colour(
                format!("{kind} colour set with `{op}{operand}`"),
                space.clone(),
            );
        }
        let colour = Colour { space, components };
        if stroke {
            f.gs.stroke = colour;
        } else {
            f.gs.fill = colour;
        }
    }

    fn set_components(&mut self, f: &mut Frame<'a>, o: &[Object], stroke: bool) {
        let values = numbers(o);
        let colour = if stroke {
            &mut f.gs.stroke
        } else {
            &mut f.gs.fill
        };
        if !values.is_empty() {
            colour.components = values;
        }
        if let (Space::Pattern(_), Some(Object::Name(name))) = (&colour.space, o.last()) {
            let name = name.clone();
            self.pattern(f, &name);
        }
    }

    /// `f`, `S`, `B` and friends: the current path is painted (or dropped with `n`).
    fn paint_op(&mut self, f: &mut Frame<'a>, name: &str) -> bool {
        let (fill, stroke) = match name {
            "f" | "F" | "f*" => (true, false),
            "S" | "s" => (false, true),
            "B" | "B*" | "b" | "b*" => (true, true),
            "n" => (false, false),
            _ => return false,
        };
        if let Some(bbox) = f.path.take() {
            if fill {
                self.ink(&f.gs.fill.clone(), bbox, "fill");
            }
            if stroke {
                self.ink(&f.gs.stroke.clone(), bbox, "stroke");
            }
        }
        true
    }

    fn ink(&mut self, colour: &Colour, bbox: Rect, what: &'static str) {
        if self.in_pattern > 0 {
            return;
        }
        match colour.space.ink(&colour.components) {
            Some(ink) => {
                let place = self.place.clone();
                self.emit(Event::Ink {
                    place,
                    bbox,
                    ink,
                    components: colour.components.clone(),
                    space: colour.space.describe(),
                    what,
                });
            }
            None if matches!(colour.space, Space::Pattern(_)) => self.unmeasured("pattern fill"),
            None => {}
        }
    }

    /// Text state and text showing: the ink of a text show is attributed to the point where
    /// it starts (glyph extents would need the font's metrics).
    fn text_op(&mut self, f: &mut Frame<'a>, name: &str, o: &[Object]) {
        let nums = numbers(o);
        match (name, nums.as_slice()) {
            ("BT", _) => (f.tm, f.tlm) = (Matrix::IDENTITY, Matrix::IDENTITY),
            ("Tm", _) => {
                if let Some(m) = Matrix::from_numbers(o) {
                    (f.tm, f.tlm) = (m, m);
                }
            }
            ("Td", [tx, ty]) => next_line(f, *tx, *ty),
            ("TD", [tx, ty]) => {
                f.leading = -ty;
                next_line(f, *tx, *ty);
            }
            ("TL", [tl]) => f.leading = *tl,
            ("T*", _) => next_line(f, 0.0, -f.leading),
            ("Tr", [mode]) => f.gs.text_mode = *mode as i64,
            ("Tj" | "TJ", _) => self.show(f),
            ("'" | "\"", _) => {
                next_line(f, 0.0, -f.leading);
                self.show(f);
            }
            _ => {}
        }
    }

    fn show(&mut self, f: &Frame<'a>) {
        let at = Rect::point(f.tm.then(f.gs.ctm).apply(0.0, 0.0));
        let mode = f.gs.text_mode;
        if matches!(mode, 0 | 2 | 4 | 6) {
            self.ink(&f.gs.fill.clone(), at, "text");
        }
        if matches!(mode, 1 | 2 | 5 | 6) {
            self.ink(&f.gs.stroke.clone(), at, "text outline");
        }
    }
}

fn next_line(f: &mut Frame<'_>, tx: f64, ty: f64) {
    f.tlm = Matrix([1.0, 0.0, 0.0, 1.0, tx, ty]).then(f.tlm);
    f.tm = f.tlm;
}

/// Path construction: the bounding box of the points (curves by their control points).
fn path_op(f: &mut Frame<'_>, name: &str, o: &[Object]) -> bool {
    let n = numbers(o);
    let points: Vec<(f64, f64)> = match (name, n.as_slice()) {
        ("m" | "l", [x, y]) => vec![(*x, *y)],
        ("c", [x1, y1, x2, y2, x3, y3]) => vec![(*x1, *y1), (*x2, *y2), (*x3, *y3)],
        ("v" | "y", [x1, y1, x2, y2]) => vec![(*x1, *y1), (*x2, *y2)],
        ("re", [x, y, w, h]) => vec![(*x, *y), (x + w, *y), (*x, y + h), (x + w, y + h)],
        ("h" | "W" | "W*", _) => return true,
        ("m" | "l" | "c" | "v" | "y" | "re", _) => return true,
        _ => return false,
    };
    for (x, y) in points {
        let p = f.gs.ctm.apply(x, y);
        match &mut f.path {
            Some(r) => r.include(p),
            None => f.path = Some(Rect::point(p)),
        }
    }
    true
}

/// The numeric operands, in order (names and other operands skipped).
fn numbers(o: &[Object]) -> Vec<f64> {
    o.iter()
        .filter_map(|x| x.as_float().ok())
        .map(f64::from)
        .collect()
}

mod objects;

/// The decoded content of a stream, within the size limit.
fn stream_operations(stream: &Stream) -> Result<Vec<Operation>, String> {
    let bytes = stream
        .get_plain_content_with_limit(MAX_CONTENT_BYTES)
        .map_err(|e| e.to_string())?;
    Content::decode(&bytes)
        .map(|c| c.operations)
        .map_err(|e| e.to_string())
}

/// The label of a named object in a message.
fn object_label(name: &[u8], id: Option<ObjectId>) -> String {
    label(&text(name), id)
}
