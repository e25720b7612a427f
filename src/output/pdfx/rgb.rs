//! No `DeviceRGB` in a PDF/X file with a CMYK output intent: every RGB colour becomes ICC-based
//! sRGB (allowed by PDF/X-4, converted by the printer's RIP through the output profile), so the
//! colours keep their meaning. Covers colour-space values anywhere in the objects (images,
//! transparency groups, shadings, resources, Indexed/Separation bases) and the `rg`/`RG`
//! operators, `/DeviceRGB cs` and RGB inline images in page, form and pattern content streams.
//!
//! The sRGB profile is krilla's `sRGB-v2-magic.icc` (CC0, from saucecontrol's
//! Compact-ICC-Profiles), shipped in `color/` — the same profile Typst uses for RGB images.

use lopdf::content::{Content, Operation};
use lopdf::{Dictionary, Document, Object, ObjectId, Stream};

/// The compact sRGB ICC profile (v2, 736 bytes, CC0).
pub const SRGB_ICC: &[u8] = include_bytes!("../../../color/sRGB-v2-magic.icc");

/// Resource name of the sRGB colour space added where content streams used RGB.
const SRGB_NAME: &[u8] = b"MgiSRGB";

/// Replaces every DeviceRGB with ICC-based sRGB, or explains why it cannot.
pub(super) fn remove_device_rgb(doc: &mut Document) -> Result<(), String> {
    let mut srgb = None;
    rewrite_content_streams(doc, &mut srgb)?;
    replace_names(doc, &mut srgb);
    Ok(())
}

/// The `[/ICCBased <sRGB stream>]` colour space, the stream added on first use.
fn srgb_space(doc: &mut Document, srgb: &mut Option<ObjectId>) -> Object {
    let id = *srgb.get_or_insert_with(|| {
        let mut dict = Dictionary::new();
        dict.set("N", 3);
        doc.add_object(Stream::new(dict, SRGB_ICC.to_vec()))
    });
    Object::Array(vec![
        Object::Name(b"ICCBased".to_vec()),
        Object::Reference(id),
    ])
}

/// Colour-space values named `DeviceRGB` become the sRGB colour space; an ICC stream's optional
/// `/Alternate /DeviceRGB` is dropped (the profile itself defines the colours).
fn replace_names(doc: &mut Document, srgb: &mut Option<ObjectId>) {
    let ids: Vec<ObjectId> = doc
        .objects
        .iter()
        .filter(|(_, o)| mentions_device_rgb(o))
        .map(|(id, _)| *id)
        .collect();
    for id in ids {
        let space = srgb_space(doc, srgb);
        let Some(object) = doc.objects.get_mut(&id) else {
            continue;
        };
        if let Object::Stream(stream) = object
            && stream.dict.has(b"N")
            && is_device_rgb(stream.dict.get(b"Alternate").ok())
        {
            stream.dict.remove(b"Alternate");
        }
        replace_in(object, &space);
    }
}

fn is_device_rgb(object: Option<&Object>) -> bool {
    matches!(object, Some(Object::Name(n)) if n == b"DeviceRGB")
}

fn mentions_device_rgb(object: &Object) -> bool {
    match object {
        Object::Name(n) => n == b"DeviceRGB",
        Object::Array(items) => items.iter().any(mentions_device_rgb),
        Object::Dictionary(d) => d.iter().any(|(_, v)| mentions_device_rgb(v)),
        Object::Stream(s) => s.dict.iter().any(|(_, v)| mentions_device_rgb(v)),
        _ => false,
    }
}

fn replace_in(object: &mut Object, space: &Object) {
    match object {
        Object::Name(n) if n == b"DeviceRGB" => *object = space.clone(),
        Object::Array(items) => items.iter_mut().for_each(|o| replace_in(o, space)),
        Object::Dictionary(d) => d.iter_mut().for_each(|(_, v)| replace_in(v, space)),
        Object::Stream(s) => s.dict.iter_mut().for_each(|(_, v)| replace_in(v, space)),
        _ => {}
    }
}

/// A content stream and whose resources its names refer to.
enum Owner {
    Page(ObjectId),
    /// A form XObject or tiling pattern: its own `/Resources`.
    Itself,
    /// A Type 3 glyph: RGB there is refused (its resources are the font's, rarely present).
    Type3Glyph,
}

fn content_streams(doc: &Document) -> Vec<(ObjectId, Owner)> {
    let mut streams = Vec::new();
    for page in doc.get_pages().into_values() {
        streams.extend(
            doc.get_page_contents(page)
                .into_iter()
                .map(|c| (c, Owner::Page(page))),
        );
    }
    for (id, object) in &doc.objects {
        match object {
            Object::Stream(s)
                if s.dict.get(b"Subtype").and_then(Object::as_name).ok() == Some(b"Form")
                    || s.dict.get(b"PatternType").and_then(Object::as_i64).ok() == Some(1) =>
            {
                streams.push((*id, Owner::Itself));
            }
            Object::Dictionary(d)
                if d.get(b"Subtype").and_then(Object::as_name).ok() == Some(b"Type3") =>
            {
                if let Ok(procs) = d.get_deref(b"CharProcs", doc).and_then(Object::as_dict) {
                    streams.extend(procs.iter().filter_map(|(_, v)| {
                        v.as_reference().ok().map(|r| (r, Owner::Type3Glyph))
                    }));
                }
            }
            _ => {}
        }
    }
    streams
}

/// Rewrites the streams that set RGB colours; each is decoded only if its bytes may hold an
/// RGB operator (a quick scan), so the usual document (CMYK only) costs one decompression.
fn rewrite_content_streams(doc: &mut Document, srgb: &mut Option<ObjectId>) -> Result<(), String> {
    for (id, owner) in content_streams(doc) {
        let Ok(stream) = doc.get_object(id).and_then(Object::as_stream) else {
            continue;
        };
        let bytes = stream
            .decompressed_content()
            .or_else(|_| stream.get_plain_content())
            .map_err(|e| format!("cannot read content stream {} {}: {e}", id.0, id.1))?;
        if !may_set_rgb(&bytes) {
            continue;
        }
        let mut content = Content::decode(&bytes)
            .map_err(|e| format!("cannot parse content stream {} {}: {e}", id.0, id.1))?;
        if !rewrite_operations(&mut content.operations) {
            continue;
        }
        if matches!(owner, Owner::Type3Glyph) {
            return Err(format!(
                "a Type 3 glyph (content stream {} {}) sets an RGB colour; PDF/X with a CMYK output intent forbids DeviceRGB",
                id.0, id.1
            ));
        }
        let encoded = content
            .encode()
            .map_err(|e| format!("cannot write content stream {} {}: {e}", id.0, id.1))?;
        let space = srgb_space(doc, srgb);
        let resources_of = match owner {
            Owner::Page(page) => page,
            _ => id,
        };
        add_colour_space(doc, resources_of, space)?;
        let stream = doc
            .get_object_mut(id)
            .and_then(Object::as_stream_mut)
            .map_err(|e| e.to_string())?;
        stream.set_plain_content(encoded);
        let _ = stream.compress();
    }
    Ok(())
}

/// Whether the bytes contain `rg`, `RG` or `/RGB` as a token, or `DeviceRGB` (false positives
/// only cost a parse).
fn may_set_rgb(bytes: &[u8]) -> bool {
    let delimiter =
        |b: Option<&u8>| b.is_none_or(|b| b.is_ascii_whitespace() || b"()<>[]{}/%".contains(b));
    let operator = bytes.windows(2).enumerate().any(|(i, w)| {
        (w == b"rg" || w == b"RG")
            && (i == 0 || delimiter(bytes.get(i - 1)))
            && (delimiter(bytes.get(i + 2)) || bytes.get(i + 2) == Some(&b'B'))
    });
    operator || bytes.windows(9).any(|w| w == b"DeviceRGB")
}

/// `r g b rg` → `/MgiSRGB cs r g b sc` (and `RG` → `CS … SC`), `/DeviceRGB cs` → `/MgiSRGB cs`,
/// RGB inline images → `/CS /MgiSRGB`. Returns whether anything changed.
fn rewrite_operations(ops: &mut Vec<Operation>) -> bool {
    let srgb = || Object::Name(SRGB_NAME.to_vec());
    let mut changed = false;
    let mut out = Vec::with_capacity(ops.len());
    for mut op in ops.drain(..) {
        match op.operator.as_str() {
            "rg" | "RG" if op.operands.len() == 3 => {
                let stroke = op.operator == "RG";
                out.push(Operation::new(
                    if stroke { "CS" } else { "cs" },
                    vec![srgb()],
                ));
                out.push(Operation::new(
                    if stroke { "SC" } else { "sc" },
                    op.operands,
                ));
                changed = true;
                continue;
            }
            "cs" | "CS" if is_device_rgb(op.operands.first()) => {
                op.operands[0] = srgb();
                changed = true;
            }
            "BI" => {
                if let Some(Object::Stream(image)) = op.operands.first_mut() {
                    changed |= rename_inline_rgb(&mut image.dict, &srgb());
                }
            }
            _ => {}
        }
        out.push(op);
    }
    *ops = out;
    changed
}

/// An inline image's colour space (`/CS` or `/ColorSpace`, also an Indexed base) named `RGB` or
/// `DeviceRGB` becomes the resource name of the sRGB space.
fn rename_inline_rgb(dict: &mut Dictionary, srgb: &Object) -> bool {
    fn rename(object: &mut Object, srgb: &Object) -> bool {
        match object {
            Object::Name(n) if n == b"RGB" || n == b"DeviceRGB" => {
                *object = srgb.clone();
                true
            }
            Object::Array(items) => items.iter_mut().fold(false, |c, o| rename(o, srgb) | c),
            _ => false,
        }
    }
    let mut changed = false;
    for key in [b"CS".as_slice(), b"ColorSpace"] {
        if let Ok(value) = dict.get_mut(key) {
            changed |= rename(value, srgb);
        }
    }
    changed
}

/// Adds `/MgiSRGB` to the `/ColorSpace` resources of `owner` (a page or a form), following
/// indirect references and creating the dictionaries if missing.
fn add_colour_space(doc: &mut Document, owner: ObjectId, space: Object) -> Result<(), String> {
    let resources = match owner_dict(doc, owner)?.get(b"Resources") {
        Ok(Object::Reference(r)) => Some(*r),
        Ok(_) => None,
        Err(_) => {
            owner_dict(doc, owner)?.set("Resources", Dictionary::new());
            None
        }
    };
    let resources: &mut Dictionary = match resources {
        Some(r) => doc.get_dictionary_mut(r).map_err(|e| e.to_string())?,
        None => owner_dict(doc, owner)?
            .get_mut(b"Resources")
            .and_then(Object::as_dict_mut)
            .map_err(|e| e.to_string())?,
    };
    match resources.get(b"ColorSpace") {
        Ok(Object::Reference(r)) => {
            let r = *r;
            doc.get_dictionary_mut(r)
                .map_err(|e| e.to_string())?
                .set(SRGB_NAME.to_vec(), space);
        }
        Ok(Object::Dictionary(_)) => {
            let spaces = resources
                .get_mut(b"ColorSpace")
                .and_then(Object::as_dict_mut);
            spaces
                .map_err(|e| e.to_string())?
                .set(SRGB_NAME.to_vec(), space);
        }
        _ => {
            let mut spaces = Dictionary::new();
            spaces.set(SRGB_NAME.to_vec(), space);
            resources.set("ColorSpace", spaces);
        }
    }
    Ok(())
}

/// The dictionary of a page, or of a form's stream.
fn owner_dict(doc: &mut Document, owner: ObjectId) -> Result<&mut Dictionary, String> {
    match doc.get_object_mut(owner).map_err(|e| e.to_string())? {
        Object::Stream(s) => Ok(&mut s.dict),
        Object::Dictionary(d) => Ok(d),
        _ => Err(format!("object {} {} has no resources", owner.0, owner.1)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_quick_scan_finds_rgb_operators_only_as_tokens() {
        assert!(may_set_rgb(b"1 0 0 rg"));
        assert!(may_set_rgb(b"q 0 1 0 RG\n"));
        assert!(may_set_rgb(b"/DeviceRGB cs"));
        assert!(may_set_rgb(b"BI /CS /RGB /W 1"));
        assert!(!may_set_rgb(b"0 0 0 1 k (hamburger) Tj"));
        assert!(!may_set_rgb(b"/Fargo Tf"));
    }

    #[test]
    fn operators_become_icc_based() {
        let mut content = Content::decode(b"1 0 0 rg 0 0 1 RG /DeviceRGB cs 0 0 0 1 k").unwrap();
        assert!(rewrite_operations(&mut content.operations));
        let text = String::from_utf8(content.encode().unwrap()).unwrap();
        assert!(
            !text.contains(" rg") && !text.contains(" RG") && !text.contains("DeviceRGB"),
            "{text}"
        );
        assert!(text.contains("/MgiSRGB cs"), "{text}");
        assert!(text.contains("/MgiSRGB CS"), "{text}");
        assert!(text.contains("1 0 0 sc"), "{text}");
        assert!(text.contains("0 0 1 SC"), "{text}");
        assert!(text.contains("0 0 0 1 k"), "{text}");
    }

    #[test]
    fn the_srgb_profile_is_an_rgb_profile() {
        assert_eq!(&SRGB_ICC[16..20], b"RGB ");
        assert_eq!(&SRGB_ICC[36..40], b"acsp");
        assert_eq!(
            u32::from_be_bytes(SRGB_ICC[0..4].try_into().unwrap()) as usize,
            SRGB_ICC.len()
        );
    }
}
