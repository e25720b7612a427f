//! Reading a page's objects with lopdf: inherited resources, named resources, page attributes,
//! and a walk over every resource dictionary a page reaches (forms, patterns, Type3 fonts).

use std::collections::HashSet;

use lopdf::{Dictionary, Document, Object, ObjectId};

/// The most content-stream levels (forms inside forms, patterns) we follow: real files use a
/// handful; a loop or a bomb stops here.
pub const MAX_NESTING: usize = 24;

/// The most bytes a content stream may decompress to (a bomb is refused, not read): 32 MiB,
/// some 8 million operators, parsed in about 2 s into about 1 GB; a page of a profile has
/// well under 1 MiB. (At 256 MiB, 200 MB of `q Q` from a 200 KB file took 3.6 GB.)
pub const MAX_CONTENT_BYTES: usize = 32 * 1024 * 1024;

/// A page attribute, looked up on the page and, for the inheritable ones (Resources,
/// MediaBox, CropBox, Rotate), on its ancestors in the page tree.
pub fn page_attribute<'a>(doc: &'a Document, page: ObjectId, key: &[u8]) -> Option<&'a Object> {
    let inheritable = matches!(key, b"Resources" | b"MediaBox" | b"CropBox" | b"Rotate");
    let mut node = doc.get_dictionary(page).ok()?;
    for _ in 0..MAX_NESTING {
        if let Ok(value) = node.get(key) {
            return Some(value);
        }
        if !inheritable {
            return None;
        }
        node = node
            .get(b"Parent")
            .and_then(Object::as_reference)
            .and_then(|id| doc.get_dictionary(id))
            .ok()?;
    }
    None
}

/// A dictionary, following a reference.
pub fn dict<'a>(doc: &'a Document, obj: &'a Object) -> Option<&'a Dictionary> {
    match doc.dereference(obj).ok()?.1 {
        Object::Dictionary(d) => Some(d),
        Object::Stream(s) => Some(&s.dict),
        _ => None,
    }
}

/// An entry of a dictionary, following a reference.
pub fn get<'a>(doc: &'a Document, d: &'a Dictionary, key: &[u8]) -> Option<&'a Object> {
    doc.dereference(d.get(key).ok()?).ok().map(|(_, o)| o)
}

/// A page's resource dictionary (inherited when the page has none).
pub fn page_resources(doc: &Document, page: ObjectId) -> Option<&Dictionary> {
    dict(doc, page_attribute(doc, page, b"Resources")?)
}

/// A named resource of a category (`XObject`, `Font`, `Shading`, `Pattern`, `ExtGState`): its
/// object number when it is an indirect object, and the object.
pub fn named<'a>(
    doc: &'a Document,
    resources: Option<&'a Dictionary>,
    category: &[u8],
    name: &[u8],
) -> Option<(Option<ObjectId>, &'a Object)> {
    let category = dict(doc, resources?.get(category).ok()?)?;
    doc.dereference(category.get(name).ok()?).ok()
}

/// A name as text.
pub fn text(name: &[u8]) -> String {
    String::from_utf8_lossy(name).into_owned()
}

/// How an object is named in a message: `/Im3 (obj 42)`.
pub fn label(name: &str, id: Option<ObjectId>) -> String {
    match id {
        Some((number, _)) => format!("/{name} (obj {number})"),
        None => format!("/{name}"),
    }
}

/// Calls `visit` on every resource dictionary reachable from `root`: the page's own, those of
/// its form XObjects, tiling patterns and Type3 fonts, at any depth, each once.
pub fn each_resources<'a>(
    doc: &'a Document,
    root: &'a Dictionary,
    visit: &mut dyn FnMut(&'a Dictionary),
) {
    let mut seen: HashSet<*const Dictionary> = HashSet::new();
    let mut todo = vec![root];
    while let Some(resources) = todo.pop() {
        if !seen.insert(resources as *const Dictionary) || seen.len() > 10_000 {
            continue;
        }
        visit(resources);
        for category in [&b"XObject"[..], b"Pattern", b"Font"] {
            let Some(entries) = resources.get(category).ok().and_then(|c| dict(doc, c)) else {
                continue;
            };
            for (_, entry) in entries.iter() {
                let nested = dict(doc, entry).and_then(|d| d.get(b"Resources").ok());
                if let Some(nested) = nested.and_then(|r| dict(doc, r)) {
                    todo.push(nested);
                }
            }
        }
    }
}
