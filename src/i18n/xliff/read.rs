//! Reading an XLIFF file: a small element tree with positions (quick-xml's events), then the
//! units — each main unit put back together with its footnote units, its target's codes
//! checked against its source's and replaced by the source's native text.

use std::collections::{HashMap, HashSet};

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use crate::diagnostics::{Diagnostic, Location, Locator};
use crate::i18n::exchange::{Exchange, Format, Incoming};
use crate::i18n::segments::{self, Kind, Piece};

/// Whether a target in this state was reviewed by its translator (and so is recorded in the
/// lock): not `new`, not `needs-…`, and not `approved="no"` on its unit.
pub fn reviewed_state(state: Option<&str>, approved: Option<&str>) -> bool {
    state.is_none_or(|s| s != "new" && !s.starts_with("needs-")) && approved != Some("no")
}

/// An element, with the byte offset of its `<` in the file.
#[derive(Debug, Default)]
struct El {
    name: String,
    attrs: Vec<(String, String)>,
    at: usize,
    children: Vec<Node>,
}

#[derive(Debug)]
enum Node {
    El(El),
    Text(String),
}

impl El {
    fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    fn elements<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a El> + 'a {
        self.children.iter().filter_map(move |c| match c {
            Node::El(e) if e.name == name => Some(e),
            _ => None,
        })
    }

    /// The text of the element and its descendants.
    fn text(&self) -> String {
        let mut out = String::new();
        for child in &self.children {
            match child {
                Node::Text(t) => out.push_str(t),
                Node::El(e) => out.push_str(&e.text()),
            }
        }
        out
    }
}

/// Deepest nesting accepted (XLIFF needs a handful of levels); deeper input is refused rather
/// than walked recursively.
const MAX_DEPTH: usize = 64;

/// Parses XML into a tree of elements (local names, attributes unescaped, text with entity and
/// character references resolved). An error carries its byte offset.
fn parse_tree(text: &str) -> Result<El, (usize, String)> {
    let mut reader = Reader::from_str(text);
    reader.config_mut().expand_empty_elements = true;
    let mut stack: Vec<El> = vec![El::default()];
    loop {
        let at = reader.buffer_position() as usize;
        let event = reader
            .read_event()
            .map_err(|e| (reader.error_position() as usize, e.to_string()))?;
        match event {
            Event::Start(_) if stack.len() > MAX_DEPTH => {
                return Err((
                    at,
                    format!("elements nested deeper than {MAX_DEPTH} levels"),
                ));
            }
            Event::Start(e) => stack.push(start_element(&e, at)?),
            Event::End(_) => {
                if stack.len() < 2 {
                    return Err((at, "an end tag without its start".into()));
                }
                let done = stack.pop().unwrap_or_default();
                if let Some(parent) = stack.last_mut() {
                    parent.children.push(Node::El(done));
                }
            }
            Event::Text(t) => push_text(&mut stack, &t.xml10_content()),
            Event::CData(t) => push_text(&mut stack, &t.xml10_content()),
            Event::GeneralRef(r) => {
                let name = r.xml10_content();
                let resolved = match r.resolve_char_ref() {
                    Ok(Some(c)) => c.to_string(),
                    _ => predefined(&name)
                        .ok_or_else(|| (at, format!("unknown entity `&{name};`")))?
                        .to_string(),
                };
                push_text(&mut stack, &resolved);
            }
            Event::Eof => break,
            _ => {}
        }
    }
    let mut doc = stack.pop().unwrap_or_default();
    if !stack.is_empty() {
        return Err((text.len(), "the document ends inside an element".into()));
    }
    doc.children
        .drain(..)
        .find_map(|c| match c {
            Node::El(e) => Some(e),
            Node::Text(_) => None,
        })
        .ok_or((0, "no root element".into()))
}

fn start_element(e: &BytesStart<'_>, at: usize) -> Result<El, (usize, String)> {
    let mut attrs = Vec::new();
    for a in e.attributes() {
        let a = a.map_err(|err| (at, err.to_string()))?;
        let value = a
            .normalized_value(quick_xml::XmlVersion::Implicit1_0)
            .map_err(|err| (at, err.to_string()))?;
        attrs.push((a.key.0.to_string(), value.into_owned()));
    }
    Ok(El {
        name: e.name().local_name().into_inner().to_string(),
        attrs,
        at,
        children: Vec::new(),
    })
}

fn push_text(stack: &mut [El], text: &str) {
    let Some(el) = stack.last_mut() else { return };
    match el.children.last_mut() {
        Some(Node::Text(t)) => t.push_str(text),
        _ => el.children.push(Node::Text(text.to_string())),
    }
}

/// The text of a predefined entity.
fn predefined(name: &str) -> Option<&'static str> {
    match name {
        "amp" => Some("&"),
        "lt" => Some("<"),
        "gt" => Some(">"),
        "quot" => Some("\""),
        "apos" => Some("'"),
        _ => None,
    }
}

/// An inline element of a source or target.
#[derive(Debug, Clone)]
enum Inline {
    Text(String),
    /// `bpt`, `ept` or `ph`, with its id, ctype, xid, native text and position.
    Code {
        element: String,
        id: String,
        ctype: Option<String>,
        xid: Option<String>,
        native: String,
        at: usize,
    },
}

/// The inline content of a `<source>` or `<target>`; `<mrk>` is read through. Other inline
/// elements (`g`, `x`, `bx`, `ex`, `it`, `sub`) are not what mgi-press writes: an error.
fn inlines(el: &El, out: &mut Vec<Inline>) -> Result<(), (usize, String)> {
    for child in &el.children {
        match child {
            Node::Text(t) => match out.last_mut() {
                Some(Inline::Text(last)) => last.push_str(t),
                _ => out.push(Inline::Text(t.clone())),
            },
            Node::El(e) if e.name == "mrk" => inlines(e, out)?,
            Node::El(e) if matches!(e.name.as_str(), "bpt" | "ept" | "ph") => {
                if e.elements("sub").next().is_some() {
                    return Err((
                        e.at,
                        "a <sub> inside an inline code is not supported".into(),
                    ));
                }
                out.push(Inline::Code {
                    element: e.name.clone(),
                    id: e.attr("id").unwrap_or_default().to_string(),
                    ctype: e.attr("ctype").map(str::to_string),
                    xid: e.attr("xid").map(str::to_string),
                    native: e.text(),
                    at: e.at,
                });
            }
            Node::El(e) => {
                return Err((
                    e.at,
                    format!(
                        "the inline element <{}> is not supported: keep the codes as they are in the source (bpt, ept, ph)",
                        e.name
                    ),
                ));
            }
        }
    }
    Ok(())
}

/// A `<trans-unit>` as read.
struct RawUnit {
    id: String,
    at: usize,
    source: Vec<Inline>,
    target: Option<(Vec<Inline>, usize)>,
    state: Option<String>,
    approved: Option<String>,
}

/// Reads an XLIFF file: the JSON file it is for, its language and its translated units
/// (untranslated ones are left out). Problems of single units come back beside the units.
pub fn read(name: &str, text: &str) -> (Option<Exchange>, Vec<Diagnostic>) {
    // Indexed once: every unit is located (a scan per unit made big files quadratic).
    let locator = Locator::new(name, text);
    let at = |offset: usize| locator.at(offset, 1);
    let err = |offset: usize, message: String| vec![Diagnostic::error(message).at(at(offset))];
    let root = match parse_tree(text) {
        Ok(root) => root,
        Err((offset, e)) => return (None, err(offset, format!("invalid XML: {e}"))),
    };
    let file = match the_file(&root) {
        Ok(file) => file,
        Err((offset, e)) => return (None, err(offset, e)),
    };
    let (Some(original), Some(lang)) = (file.attr("original"), file.attr("target-language")) else {
        let message = "the <file> element has no `original` or no `target-language`: this is not an export of mgi-press";
        return (None, err(file.at, message.into()));
    };
    let mut diags = Vec::new();
    let mut raw = Vec::new();
    collect_units(file, &mut raw, &mut diags, &at);
    let units = Assembler::new(&raw, &locator).incoming(&mut diags);
    let exchange = Exchange {
        format: Format::Xliff,
        file: original.to_string(),
        lang: lang.to_string(),
        units,
    };
    (Some(exchange), diags)
}

/// The one `<file>` of an `<xliff>` document.
fn the_file(root: &El) -> Result<&El, (usize, String)> {
    if root.name != "xliff" {
        return Err((
            root.at,
            format!("the root element is <{}>, not <xliff>", root.name),
        ));
    }
    let version = root.attr("version").unwrap_or("");
    if !version.starts_with("1.") {
        return Err((
            root.at,
            format!("XLIFF version `{version}` is not supported, only 1.2"),
        ));
    }
    let files: Vec<&El> = root.elements("file").collect();
    match files.as_slice() {
        [one] => Ok(one),
        [] => Err((root.at, "the document has no <file>".into())),
        [_, second, ..] => Err((
            second.at,
            "one <file> per exchange file: split the document".into(),
        )),
    }
}

/// Every `<trans-unit>` of the `<body>` (through `<group>`s).
fn collect_units(
    el: &El,
    out: &mut Vec<RawUnit>,
    diags: &mut Vec<Diagnostic>,
    at: &dyn Fn(usize) -> Location,
) {
    for child in &el.children {
        let Node::El(e) = child else { continue };
        match e.name.as_str() {
            "body" | "group" => collect_units(e, out, diags, at),
            "trans-unit" => match raw_unit(e) {
                Ok(unit) => out.push(unit),
                Err((offset, message)) => diags.push(Diagnostic::error(message).at(at(offset))),
            },
            _ => {}
        }
    }
}

fn raw_unit(e: &El) -> Result<RawUnit, (usize, String)> {
    let id = e
        .attr("id")
        .ok_or((e.at, "a <trans-unit> without an id".to_string()))?;
    let source_el = e
        .elements("source")
        .next()
        .ok_or((e.at, format!("the unit `{id}` has no <source>")))?;
    let mut source = Vec::new();
    inlines(source_el, &mut source)?;
    let target_el = e.elements("target").next();
    let target = match target_el {
        Some(t) => {
            let mut content = Vec::new();
            inlines(t, &mut content)?;
            Some((content, t.at))
        }
        None => None,
    };
    Ok(RawUnit {
        id: id.to_string(),
        at: e.at,
        source,
        target,
        state: target_el.and_then(|t| t.attr("state")).map(str::to_string),
        approved: e.attr("approved").map(str::to_string),
    })
}

/// Puts the units of a key back together: the main unit with its footnote units.
struct Assembler<'a> {
    units: &'a [RawUnit],
    by_id: HashMap<&'a str, &'a RawUnit>,
    /// The units some source points at with an `xid`: footnotes.
    referenced: HashSet<&'a str>,
    locator: &'a Locator<'a>,
}

/// A problem at a byte offset of the file.
type Problem = (usize, String);

impl<'a> Assembler<'a> {
    fn new(units: &'a [RawUnit], locator: &'a Locator<'a>) -> Self {
        let by_id = units.iter().map(|u| (u.id.as_str(), u)).collect();
        let referenced = units
            .iter()
            .flat_map(|u| &u.source)
            .filter_map(|i| match i {
                Inline::Code { xid: Some(x), .. } => Some(x.as_str()),
                _ => None,
            })
            .collect();
        Assembler {
            units,
            by_id,
            referenced,
            locator,
        }
    }

    fn incoming(&self, diags: &mut Vec<Diagnostic>) -> Vec<Incoming> {
        let mut seen = HashSet::new();
        let mut out = Vec::new();
        for unit in self.units {
            if !seen.insert(unit.id.as_str()) {
                diags.push(self.error(unit.at, format!("the unit `{}` appears twice", unit.id)));
                continue;
            }
            if self.referenced.contains(unit.id.as_str()) {
                continue;
            }
            match self.main_unit(unit) {
                Ok(Some(incoming)) => out.push(incoming),
                Ok(None) => {}
                Err(problems) => {
                    diags.extend(problems.into_iter().map(|(at, m)| self.error(at, m)))
                }
            }
        }
        out
    }

    fn error(&self, at: usize, message: String) -> Diagnostic {
        Diagnostic::error(message).at(self.locator.at(at, 1))
    }

    /// A main unit with a translation, as markup; `None` when it has no translation.
    fn main_unit(&self, unit: &RawUnit) -> Result<Option<Incoming>, Vec<Problem>> {
        let source = self.source_text(unit, 0).map_err(|p| vec![p])?;
        let Some((target, target_at)) = &unit.target else {
            return Ok(None);
        };
        if is_empty(target) {
            return Ok(None);
        }
        let mut reviewed = reviewed_state(unit.state.as_deref(), unit.approved.as_deref());
        let pieces = self.target_pieces(unit, target, &mut reviewed, 0)?;
        let rebuilt = segments::join(&pieces);
        if !segments::same_shape(&segments::segment(&rebuilt), &pieces) {
            let message = format!(
                "unit `{}`: the text between the codes has markup characters (`*`, `[`, `]`, `^[`, `{{{{`) that would change the formatting; write them with a backslash (`\\*`) or use the codes of the source",
                unit.id
            );
            return Err(vec![(*target_at, message)]);
        }
        Ok(Some(Incoming {
            key: unit.id.clone(),
            source,
            target: rebuilt,
            reviewed,
            at: self.locator.at(*target_at, "<target".len()),
        }))
    }

    fn footnote(&self, xid: &str, at: usize) -> Result<&'a RawUnit, Problem> {
        self.by_id.get(xid).copied().ok_or((
            at,
            format!("the footnote unit `{xid}` is missing from the file"),
        ))
    }

    /// The English of a unit as markup, footnotes included.
    fn source_text(&self, unit: &RawUnit, depth: usize) -> Result<String, Problem> {
        if depth > 8 {
            return Err((unit.at, "footnotes nested too deeply".into()));
        }
        let mut out = String::new();
        for inline in &unit.source {
            match inline {
                Inline::Text(t) => out.push_str(t),
                Inline::Code {
                    xid: Some(xid), at, ..
                } => {
                    let note = self.footnote(xid, *at)?;
                    out.push_str("^[");
                    out.push_str(&self.source_text(note, depth + 1)?);
                    out.push(']');
                }
                Inline::Code { native, .. } => out.push_str(native),
            }
        }
        Ok(out)
    }

    /// The pieces of a translation: its text, and the codes of its source by id.
    fn target_pieces(
        &self,
        unit: &RawUnit,
        target: &[Inline],
        reviewed: &mut bool,
        depth: usize,
    ) -> Result<Vec<Piece>, Vec<Problem>> {
        let at = unit.target.as_ref().map_or(unit.at, |t| t.1);
        let source = source_codes(&unit.source);
        check_codes(&unit.id, &source, target, at)?;
        let mut pieces: Vec<Piece> = Vec::new();
        let mut problems = Vec::new();
        for inline in target {
            let (element, id) = match inline {
                Inline::Text(t) => {
                    match pieces.last_mut() {
                        Some(Piece::Text(last)) => last.push_str(t),
                        _ => pieces.push(Piece::Text(t.clone())),
                    }
                    continue;
                }
                Inline::Code { element, id, .. } => (element.as_str(), id.as_str()),
            };
            let code = &source[&(element.to_string(), id.to_string())];
            match self.piece(unit, code, reviewed, depth) {
                Ok(piece) => pieces.push(piece),
                Err(mut p) => problems.append(&mut p),
            }
        }
        if problems.is_empty() {
            Ok(pieces)
        } else {
            Err(problems)
        }
    }

    /// The piece a code of a translation stands for (the source's code of the same id).
    fn piece(
        &self,
        unit: &RawUnit,
        code: &SourceCode<'_>,
        reviewed: &mut bool,
        depth: usize,
    ) -> Result<Piece, Vec<Problem>> {
        let native = code.native.to_string();
        Ok(match (code.element, code.kind) {
            ("ept", _) => Piece::Close { id: 0, native },
            ("bpt", kind) => Piece::Open {
                id: 0,
                kind,
                native,
            },
            (_, Kind::Footnote) => {
                let xid = code.xid.unwrap_or_default();
                let note = self.footnote(xid, code.at).map_err(|p| vec![p])?;
                let Some((target, target_at)) = note.target.as_ref().filter(|t| !is_empty(&t.0))
                else {
                    let message = format!(
                        "unit `{}`: its footnote `{xid}` has no translation",
                        unit.id
                    );
                    let at = unit.target.as_ref().map_or(unit.at, |t| t.1);
                    return Err(vec![(at, message)]);
                };
                if depth > 8 {
                    return Err(vec![(*target_at, "footnotes nested too deeply".into())]);
                }
                *reviewed &= reviewed_state(note.state.as_deref(), note.approved.as_deref());
                let body = self.target_pieces(note, target, reviewed, depth + 1)?;
                Piece::Note { id: 0, body }
            }
            (_, kind) => Piece::Ph {
                id: 0,
                kind,
                native,
            },
        })
    }
}

fn is_empty(inlines: &[Inline]) -> bool {
    inlines
        .iter()
        .all(|i| matches!(i, Inline::Text(t) if t.is_empty()))
}

/// A code of a source, by (element, id).
struct SourceCode<'a> {
    element: &'a str,
    kind: Kind,
    native: &'a str,
    xid: Option<&'a str>,
    at: usize,
}

fn source_codes(source: &[Inline]) -> HashMap<(String, String), SourceCode<'_>> {
    let mut ctypes: HashMap<&str, Kind> = HashMap::new();
    let mut out = HashMap::new();
    for inline in source {
        let Inline::Code {
            element,
            id,
            ctype,
            xid,
            native,
            at,
        } = inline
        else {
            continue;
        };
        let kind = ctype
            .as_deref()
            .and_then(kind_of)
            .or_else(|| ctypes.get(id.as_str()).copied())
            .unwrap_or(if xid.is_some() {
                Kind::Footnote
            } else {
                Kind::Placeholder
            });
        if element == "bpt" {
            ctypes.insert(id, kind);
        }
        let code = SourceCode {
            element,
            kind,
            native,
            xid: xid.as_deref(),
            at: *at,
        };
        out.insert((element.clone(), id.clone()), code);
    }
    out
}

fn kind_of(ctype: &str) -> Option<Kind> {
    [
        Kind::Bold,
        Kind::Italic,
        Kind::Link,
        Kind::Placeholder,
        Kind::Escape,
        Kind::Footnote,
    ]
    .into_iter()
    .find(|k| k.ctype() == ctype)
}

/// Every code of the source is in the target once (escapes: any number of times), and the
/// target has no code the source does not have.
fn check_codes(
    unit: &str,
    source: &HashMap<(String, String), SourceCode<'_>>,
    target: &[Inline],
    at: usize,
) -> Result<(), Vec<Problem>> {
    let mut problems = Vec::new();
    let mut count: HashMap<(String, String), usize> = HashMap::new();
    for inline in target {
        let Inline::Code {
            element,
            id,
            at: code_at,
            ..
        } = inline
        else {
            continue;
        };
        let key = (element.clone(), id.clone());
        match source.get(&key) {
            None => problems.push((
                *code_at,
                format!("unit `{unit}`: the translation adds a code the source does not have: <{element} id=\"{id}\">"),
            )),
            Some(code) => {
                let n = count.entry(key).or_default();
                *n += 1;
                if *n == 2 && code.kind.required() {
                    problems.push((*code_at, format!("unit `{unit}`: the translation has {} twice", describe(code))));
                }
            }
        }
    }
    let mut lost: Vec<(&(String, String), &SourceCode<'_>)> = source
        .iter()
        .filter(|(k, c)| c.kind.required() && !count.contains_key(*k))
        .collect();
    lost.sort_by_key(|(_, c)| c.at);
    let is_lost = |element: &str, id: &str| lost.iter().any(|((e, i), _)| e == element && i == id);
    for ((element, id), code) in &lost {
        let what = match element.as_str() {
            "ept" if is_lost("bpt", id) => continue,
            "bpt" if is_lost("ept", id) => {
                let close = &source[&("ept".to_string(), id.clone())];
                format!(
                    "the {} `{}…{}`",
                    code.kind.describe(),
                    code.native,
                    close.native
                )
            }
            _ => describe(code),
        };
        problems.push((at, format!("unit `{unit}`: the translation lost {what}")));
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems)
    }
}

/// A code as named in messages: "the placeholder `{{year}}`", "the end of the link
/// `](https://…)`".
fn describe(code: &SourceCode<'_>) -> String {
    match (code.kind, code.element) {
        (Kind::Footnote, _) => format!("the footnote `{}`", code.xid.unwrap_or_default()),
        (kind, "ept") => format!("the end of the {} `{}`", kind.describe(), code.native),
        (kind, "bpt") => format!("the start of the {} `{}`", kind.describe(), code.native),
        (kind, _) => format!("the {} `{}`", kind.describe(), code.native),
    }
}
