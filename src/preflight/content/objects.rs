//! The objects a content stream draws by name: XObjects (images and forms), inline images,
//! shadings, patterns, soft masks and transparency groups.

use lopdf::{Dictionary, Object, ObjectId, Stream};

use super::{Event, Frame, Placement, Walker, object_label, stream_operations};
use crate::preflight::ObjectRef;
use crate::preflight::geometry::Matrix;
use crate::preflight::resources::{MAX_NESTING, dict, get, named};
use crate::preflight::space::Space;

impl<'a> Walker<'a> {
    /// `Do /Name`: an image is placed, a form is read with its matrix and resources.
    pub(super) fn xobject(&mut self, f: &Frame<'a>, o: &[Object]) {
        let Some(Object::Name(name)) = o.first() else {
            return;
        };
        let Some((id, obj)) = named(self.doc, f.res, b"XObject", name) else {
            self.broken(format!(
                "XObject /{} is not in the resources",
                super::text(name)
            ));
            return;
        };
        let Ok(stream) = obj.as_stream() else {
            self.broken(format!(
                "XObject {} is not a stream",
                object_label(name, id)
            ));
            return;
        };
        match stream.dict.get(b"Subtype").and_then(Object::as_name) {
            Ok(b"Image") => self.image(f, name, id, &stream.dict),
            Ok(b"Form") => self.form(f, name, id, stream),
            _ => {}
        }
    }

    fn image(&mut self, f: &Frame<'a>, name: &[u8], id: Option<ObjectId>, d: &'a Dictionary) {
        let label = object_label(name, id);
        self.place_image(f, d, label, super::text(name), id);
    }

    /// An inline image (`BI … ID … EI`), which lopdf hands over as a stream.
    pub(super) fn inline_image(&mut self, f: &Frame<'a>, o: &[Object]) {
        let Some(Object::Stream(image)) = o.first() else {
            return;
        };
        // The inline image lives in the operation list, not in the document: copy its
        // dictionary with the abbreviations spelt out, so one reader serves both.
        let mut d = Dictionary::new();
        for (short, long) in [("W", "Width"), ("H", "Height"), ("IM", "ImageMask")] {
            if let Ok(v) = image
                .dict
                .get(short.as_bytes())
                .or(image.dict.get(long.as_bytes()))
            {
                d.set(long, v.clone());
            }
        }
        let space = image.dict.get(b"CS").or(image.dict.get(b"ColorSpace")).ok();
        let space = space.map(|s| Space::resolve(self.doc, s, f.res));
        let mask = d
            .get(b"ImageMask")
            .and_then(Object::as_bool)
            .unwrap_or(false);
        if let (Some(space), false) = (space, mask) {
            self.colour("inline image".into(), space);
        }
        self.placement(f, &d, "inline image".into(), String::new(), None, mask);
    }

    fn place_image(
        &mut self,
        f: &Frame<'a>,
        d: &'a Dictionary,
        label: String,
        name: String,
        id: Option<ObjectId>,
    ) {
        let mask = d
            .get(b"ImageMask")
            .and_then(Object::as_bool)
            .unwrap_or(false);
        if !mask {
            match d.get(b"ColorSpace") {
                Ok(cs) => {
                    let space = Space::resolve(self.doc, cs, f.res);
                    let object = ObjectRef {
                        name: Some(name.clone()),
                        number: id.map(|(n, _)| n),
                    };
                    self.colour_of(format!("image {label}"), space, Some(object));
                }
                // JPEG 2000 images may carry their colour space inside the codestream.
                Err(_) => self.unmeasured("image colour space inside JPEG 2000 data"),
            }
        }
        self.placement(f, d, label, name, id, mask);
    }

    fn placement(
        &mut self,
        f: &Frame<'a>,
        d: &Dictionary,
        label: String,
        name: String,
        id: Option<ObjectId>,
        mask: bool,
    ) {
        let px = |key: &[u8]| {
            get(self.doc, d, key)
                .and_then(|v| v.as_i64().ok())
                .and_then(|v| u32::try_from(v).ok())
                .unwrap_or(0)
        };
        let (width_px, height_px) = (px(b"Width"), px(b"Height"));
        self.unmeasured("image");
        if self.in_pattern > 0 {
            return;
        }
        let place = self.place.clone();
        self.emit(Event::Image(Placement {
            place,
            label,
            name,
            id,
            width_px,
            height_px,
            ctm: f.gs.ctm,
            mask,
        }));
    }

    /// A form XObject: its content read under `/Matrix × CTM`, with its own resources (or,
    /// for old files without them, the resources of the stream that draws it).
    fn form(&mut self, f: &Frame<'a>, name: &[u8], id: Option<ObjectId>, stream: &'a Stream) {
        let label = format!("form {}", object_label(name, id));
        let Some(matrix) = self.enter(id, &label, &stream.dict) else {
            return;
        };
        if let Ok(group) = stream.dict.get(b"Group") {
            self.group(group, format!("the transparency group of {label}"));
        }
        let res = stream
            .dict
            .get(b"Resources")
            .ok()
            .and_then(|r| dict(self.doc, r));
        let ctm = matrix.then(f.gs.ctm);
        match stream_operations(stream) {
            Ok(ops) => self.run(&ops, res.or(f.res), ctm),
            Err(e) => self.broken(format!("the content of {label} cannot be read ({e})")),
        }
        self.leave();
    }

    /// Starts reading a nested content stream: refused when it loops or nests too deep.
    /// Returns the stream's `/Matrix`.
    fn enter(&mut self, id: Option<ObjectId>, label: &str, d: &Dictionary) -> Option<Matrix> {
        if id.is_some_and(|id| self.open.contains(&id)) || self.open.len() >= MAX_NESTING {
            self.broken(format!(
                "{label} draws itself or nests too deep; not followed"
            ));
            return None;
        }
        self.open.push(id.unwrap_or((0, 0)));
        self.place.within.push(label.to_string());
        let matrix = d.get(b"Matrix").ok().and_then(|m| {
            let (_, m) = self.doc.dereference(m).ok()?;
            Matrix::from_numbers(m.as_array().ok()?)
        });
        Some(matrix.unwrap_or(Matrix::IDENTITY))
    }

    fn leave(&mut self) {
        self.open.pop();
        self.place.within.pop();
    }

    /// A transparency group's blending colour space (`/Group << /S /Transparency /CS … >>`).
    pub(super) fn group(&mut self, group: &Object, by: String) {
        let cs = dict(self.doc, group).and_then(|g| g.get(b"CS").ok());
        if let Some(cs) = cs {
            let space = Space::resolve(self.doc, cs, None);
            self.colour(by, space);
        }
    }

    /// `sh /Name`: a shading painted over the clip; its colour space counts, its ink cannot.
    pub(super) fn shading(&mut self, f: &Frame<'a>, o: &[Object]) {
        let Some(Object::Name(name)) = o.first() else {
            return;
        };
        if let Some((id, obj)) = named(self.doc, f.res, b"Shading", name) {
            self.shading_space(obj, format!("shading {}", object_label(name, id)), f);
        }
        self.unmeasured("shading");
    }

    fn shading_space(&mut self, shading: &Object, by: String, f: &Frame<'a>) {
        let cs = dict(self.doc, shading).and_then(|d| d.get(b"ColorSpace").ok());
        if let Some(cs) = cs {
            let space = Space::resolve(self.doc, cs, f.res);
            self.colour(by, space);
        }
    }

    /// `gs /Name`: a soft mask's group has a colour space of its own.
    pub(super) fn ext_gstate(&mut self, f: &Frame<'a>, o: &[Object]) {
        let Some(Object::Name(name)) = o.first() else {
            return;
        };
        let Some((id, state)) = named(self.doc, f.res, b"ExtGState", name) else {
            return;
        };
        let group = dict(self.doc, state)
            .and_then(|s| get(self.doc, s, b"SMask"))
            .and_then(|m| dict(self.doc, m))
            .and_then(|m| get(self.doc, m, b"G"))
            .and_then(|g| dict(self.doc, g))
            .and_then(|g| g.get(b"Group").ok());
        if let Some(group) = group {
            let by = format!("the soft mask of graphics state {}", object_label(name, id));
            self.group(group, by);
        }
    }

    /// `scn /P` in a Pattern colour space: a shading pattern's colour space; a tiling
    /// pattern's content (read once per page; its marks repeat over an area not computed).
    pub(super) fn pattern(&mut self, f: &Frame<'a>, name: &[u8]) {
        let Some((id, obj)) = named(self.doc, f.res, b"Pattern", name) else {
            return;
        };
        let label = format!("pattern {}", object_label(name, id));
        let Some(d) = dict(self.doc, obj) else { return };
        if let Ok(shading) = d.get(b"Shading") {
            self.shading_space(shading, format!("shading of {label}"), f);
            return;
        }
        let Ok(stream) = obj.as_stream() else { return };
        if id.is_some_and(|id| !self.patterns_seen.insert(id)) {
            return;
        }
        let Some(matrix) = self.enter(id, &label, &stream.dict) else {
            return;
        };
        self.in_pattern += 1;
        let res = stream
            .dict
            .get(b"Resources")
            .ok()
            .and_then(|r| dict(self.doc, r));
        match stream_operations(stream) {
            Ok(ops) => self.run(&ops, res, matrix),
            Err(e) => self.broken(format!("the content of {label} cannot be read ({e})")),
        }
        self.in_pattern -= 1;
        self.leave();
    }
}
