//! XLIFF 1.2 exchange files, for CAT tools (Trados, memoQ, OmegaT, Poedit, Weblate…).
//!
//! One `<trans-unit>` per translation unit, its id the dotted key. The rich-text markup is
//! protected as inline codes, so that a translator moves the codes but cannot break the
//! syntax: bold, italic and links are paired codes (`<bpt ctype="bold">**</bpt>…<ept>**</ept>`,
//! the link's URL in the native code of its `<ept>`), placeholders and escapes are `<ph>`
//! codes. A footnote is a unit of its own (`KEY#fn1`, `KEY#fn2`, … numbered depth first), and
//! a `<ph ctype="x-footnote" xid="KEY#fn1">` marks in the main text where it stands. Line
//! breaks and blank lines (paragraphs) are text, kept by `xml:space="preserve"`; a carriage
//! return is written `&#13;` so that XML's end-of-line handling keeps it.
//!
//! On import a target's codes are matched by id with the codes of its source, and their native
//! text is taken from the source: a translation can move a link, not change where it points.

mod read;

use std::collections::HashMap;

use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};

pub use read::read;

use super::segments::{self, Kind, Piece};
use super::units::{Catalog, Unit, UnitState};
use crate::diagnostics::Diagnostic;

pub const NAMESPACE: &str = "urn:oasis:names:tc:xliff:document:1.2";

/// The `state` of a target, by the unit's state (`None`: no target is written).
fn state_attr(state: UnitState) -> Option<&'static str> {
    match state {
        UnitState::New => None,
        UnitState::Translated => Some("translated"),
        UnitState::NeedsReview => Some("needs-review-translation"),
        UnitState::Final => Some("final"),
    }
}

// ---------------------------------------------------------------------------------------------
// Writing

/// The XLIFF document of a catalog; `original` names its JSON file relative to the project
/// root. Fails only for a text with a control character that XML 1.0 cannot carry.
pub fn write(catalog: &Catalog, original: &str) -> Result<String, Vec<Diagnostic>> {
    let bad: Vec<Diagnostic> = catalog
        .units
        .iter()
        .filter_map(|u| unit_xml_problem(u, &catalog.file))
        .collect();
    if !bad.is_empty() {
        return Err(bad);
    }
    let mut out = Out::default();
    out.document(catalog, original);
    String::from_utf8(out.w.into_inner()).map_err(|e| vec![Diagnostic::error(e.to_string())])
}

/// A control character XML 1.0 cannot carry, in the source or the target of a unit.
fn unit_xml_problem(unit: &Unit, file: &str) -> Option<Diagnostic> {
    let texts = std::iter::once(&unit.source).chain(unit.target.as_ref());
    let c = texts.flat_map(|t| t.chars()).find(|&c| {
        (c < ' ' && !matches!(c, '\t' | '\n' | '\r')) || matches!(c, '\u{FFFE}' | '\u{FFFF}')
    })?;
    Some(
        Diagnostic::error(format!(
            "`{}` has the control character U+{:04X}, which XML 1.0 cannot carry",
            unit.key, c as u32
        ))
        .in_file(file)
        .with_hint("remove it from the text, or export as PO (--format po)"),
    )
}

/// The XML being written. Writing to memory cannot fail, so the writer's results are dropped.
struct Out {
    w: Writer<Vec<u8>>,
}

impl Default for Out {
    fn default() -> Self {
        Out {
            w: Writer::new(Vec::new()),
        }
    }
}

impl Out {
    fn event<'a>(&mut self, e: impl Into<Event<'a>>) {
        let _ = self.w.write_event(e);
    }

    fn newline(&mut self, depth: usize) {
        let indent = format!("\n{}", "  ".repeat(depth));
        self.event(Event::Text(BytesText::from_escaped(indent)));
    }

    fn open(&mut self, depth: usize, name: &str, attrs: &[(&str, &str)]) {
        self.newline(depth);
        self.event(Event::Start(
            BytesStart::new(name).with_attributes(attrs.iter().copied()),
        ));
    }

    fn close(&mut self, depth: usize, name: &str) {
        self.newline(depth);
        self.event(Event::End(BytesEnd::new(name)));
    }

    /// `<name attrs>text</name>` on its own line.
    fn leaf(&mut self, depth: usize, name: &str, attrs: &[(&str, &str)], text: &str) {
        self.open(depth, name, attrs);
        self.text(text);
        self.event(Event::End(BytesEnd::new(name)));
    }

    fn text(&mut self, text: &str) {
        // `partial_escape` writes `<`, `>`, `&` and a carriage return as references.
        let escaped = quick_xml::escape::partial_escape(text);
        self.event(Event::Text(BytesText::from_escaped(escaped)));
    }

    fn document(&mut self, catalog: &Catalog, original: &str) {
        self.event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)));
        self.newline(0);
        let root =
            BytesStart::new("xliff").with_attributes([("version", "1.2"), ("xmlns", NAMESPACE)]);
        self.event(Event::Start(root));
        let file_attrs = [
            ("original", original),
            ("source-language", "en"),
            ("target-language", catalog.lang.as_str()),
            ("datatype", "plaintext"),
        ];
        self.open(1, "file", &file_attrs);
        self.header();
        self.open(2, "body", &[]);
        for unit in &catalog.units {
            self.unit(unit);
        }
        self.close(2, "body");
        self.close(1, "file");
        self.close(0, "xliff");
        self.newline(0);
    }

    fn header(&mut self) {
        self.open(2, "header", &[]);
        let tool = BytesStart::new("tool").with_attributes([
            ("tool-id", "mgi-press"),
            ("tool-name", "mgi-press"),
            ("tool-version", env!("CARGO_PKG_VERSION")),
        ]);
        self.newline(3);
        self.event(Event::Empty(tool));
        let note = "Inline codes protect the markup: bpt/ept pairs are bold, italic and links \
                    (the URL is in the closing code), ph codes are placeholders, escaped \
                    characters and footnotes. A footnote is its own unit (KEY#fn1, …); its ph \
                    (xid) marks where it stands. Keep every code; move it where the language \
                    needs it. Keep line breaks and blank lines (paragraphs).";
        self.leaf(3, "note", &[("from", "mgi-press")], note);
        self.close(2, "header");
    }

    fn unit(&mut self, unit: &Unit) {
        let source = segments::segment(&unit.source);
        let state = state_attr(unit.state);
        let target = unit
            .target
            .as_deref()
            .filter(|_| state.is_some())
            .map(|t| align(&source, segments::segment(t)));
        let max = unit.max_length.map(|m| m.to_string());
        let one = UnitXml {
            id: &unit.key,
            max: max.as_deref(),
            first_note: 0,
            source: &source,
            target: target.as_deref(),
            state,
            note: unit.note.as_deref(),
        };
        self.trans_unit(&unit.key, &one);
        let source_notes = segments::notes(&source);
        let target_notes = target.as_deref().map(segments::notes).unwrap_or_default();
        for n in 0..source_notes.len().max(target_notes.len()) {
            let id = format!("{}#fn{}", unit.key, n + 1);
            let note = format!(
                "Footnote {} of {}: it stands where the main text has the code with xid=\"{id}\".",
                n + 1,
                unit.key
            );
            let sub = UnitXml {
                id: &id,
                max: None,
                first_note: n + 1,
                source: source_notes.get(n).copied().unwrap_or_default(),
                target: target_notes.get(n).copied(),
                state,
                note: Some(&note),
            };
            self.trans_unit(&unit.key, &sub);
        }
    }

    fn trans_unit(&mut self, key: &str, u: &UnitXml<'_>) {
        let mut attrs = vec![("id", u.id), ("resname", u.id)];
        if let Some(max) = u.max {
            attrs.extend([("maxwidth", max), ("size-unit", "char")]);
        }
        // `approved` is how translate-toolkit (and the platforms on it) tell a finished
        // translation from a fuzzy one.
        if matches!(u.state, Some("translated" | "final")) {
            attrs.push(("approved", "yes"));
        }
        attrs.push(("xml:space", "preserve"));
        self.open(3, "trans-unit", &attrs);
        self.open(4, "source", &[]);
        self.inlines(u.source, key, &mut u.first_note.clone());
        self.event(Event::End(BytesEnd::new("source")));
        if let (Some(target), Some(state)) = (u.target, u.state) {
            self.open(4, "target", &[("state", state)]);
            self.inlines(target, key, &mut u.first_note.clone());
            self.event(Event::End(BytesEnd::new("target")));
        }
        if let Some(note) = u.note {
            self.leaf(4, "note", &[], note);
        }
        self.close(3, "trans-unit");
    }

    /// The pieces as XLIFF inline content; `last_note` counts the footnotes numbered so far.
    fn inlines(&mut self, pieces: &[Piece], key: &str, last_note: &mut usize) {
        for piece in pieces {
            match piece {
                Piece::Text(t) => self.text(t),
                Piece::Open { id, kind, native } => self.code(
                    "bpt",
                    &[("id", &id.to_string()), ("ctype", kind.ctype())],
                    native,
                ),
                Piece::Close { id, native } => self.code("ept", &[("id", &id.to_string())], native),
                Piece::Ph { id, kind, native } => self.code(
                    "ph",
                    &[("id", &id.to_string()), ("ctype", kind.ctype())],
                    native,
                ),
                Piece::Note { id, body } => {
                    *last_note += 1;
                    let xid = format!("{key}#fn{last_note}");
                    let attrs = [
                        ("id", id.to_string()),
                        ("ctype", "x-footnote".into()),
                        ("xid", xid),
                    ];
                    let attrs: Vec<(&str, &str)> =
                        attrs.iter().map(|(k, v)| (*k, v.as_str())).collect();
                    self.code("ph", &attrs, "^[…]");
                    *last_note += segments::notes(body).len();
                }
            }
        }
    }

    fn code(&mut self, name: &str, attrs: &[(&str, &str)], native: &str) {
        self.event(Event::Start(
            BytesStart::new(name).with_attributes(attrs.iter().copied()),
        ));
        self.text(native);
        self.event(Event::End(BytesEnd::new(name)));
    }
}

/// One `<trans-unit>` to write.
struct UnitXml<'a> {
    id: &'a str,
    max: Option<&'a str>,
    /// How many footnotes of the key come before this unit's text (0 for the main unit).
    first_note: usize,
    source: &'a [Piece],
    target: Option<&'a [Piece]>,
    state: Option<&'static str>,
    note: Option<&'a str>,
}

/// A code's identity for matching a translation's codes with the English ones: its kind and
/// native text, and for a pair the native text of its closing code (a link's URL).
type CodeKey = (Option<Kind>, String, String);

/// Renumbers the codes of a translation so that each has the id of the same code in the
/// English (same kind and native text, taken in order); a code the English does not have gets
/// a new id (and will be refused on import, as an added code).
fn align(source: &[Piece], mut target: Vec<Piece>) -> Vec<Piece> {
    let mut free: Vec<(CodeKey, u32)> = codes(source);
    let mut next = free.iter().map(|(_, id)| *id).max().unwrap_or(0) + 1;
    let mut renamed: HashMap<u32, u32> = HashMap::new();
    let source_notes: Vec<&Vec<Piece>> = source
        .iter()
        .filter_map(|p| match p {
            Piece::Note { body, .. } => Some(body),
            _ => None,
        })
        .collect();
    let mut note_index = 0;
    for (key, old) in codes(&target) {
        let new = match free.iter().position(|(k, _)| *k == key) {
            Some(i) => free.remove(i).1,
            None => {
                next += 1;
                next - 1
            }
        };
        renamed.insert(old, new);
    }
    for piece in &mut target {
        match piece {
            Piece::Open { id, .. } | Piece::Close { id, .. } | Piece::Ph { id, .. } => {
                *id = renamed.get(id).copied().unwrap_or(*id)
            }
            Piece::Note { id, body } => {
                *id = renamed.get(id).copied().unwrap_or(*id);
                let english = source_notes
                    .get(note_index)
                    .map_or(&[][..], |b| b.as_slice());
                *body = align(english, std::mem::take(body));
                note_index += 1;
            }
            Piece::Text(_) => {}
        }
    }
    target
}

/// The codes of one level of pieces, in order, with their identity.
fn codes(pieces: &[Piece]) -> Vec<(CodeKey, u32)> {
    let close_of = |id: u32| {
        pieces.iter().find_map(|p| match p {
            Piece::Close { id: c, native } if *c == id => Some(native.clone()),
            _ => None,
        })
    };
    pieces
        .iter()
        .filter_map(|p| match p {
            Piece::Open { id, kind, native } => Some((
                (
                    Some(*kind),
                    native.clone(),
                    close_of(*id).unwrap_or_default(),
                ),
                *id,
            )),
            Piece::Ph { id, kind, native } => {
                Some(((Some(*kind), native.clone(), String::new()), *id))
            }
            Piece::Note { id, .. } => {
                Some(((Some(Kind::Footnote), String::new(), String::new()), *id))
            }
            _ => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::units::Scope;

    fn catalog(units: Vec<(&str, &str, Option<&str>, UnitState)>) -> Catalog {
        Catalog {
            scope: Scope::Profile { name: "x".into() },
            lang: "fr".into(),
            dir: "text".into(),
            file: "text/fr.json".into(),
            units: units
                .into_iter()
                .map(|(key, source, target, state)| Unit {
                    key: key.into(),
                    source: source.into(),
                    target: target.map(str::to_string),
                    state,
                    note: Some("Where it shows".into()),
                    max_length: Some(400),
                })
                .collect(),
        }
    }

    const EN: &str = "In {{year}}, **10** people used [the *portal*](https://a.org)^[See \\* and [b](https://b.org).].\r\n\nNext & <last>";
    const FR: &str = "En {{year}}, [le *portail*](https://a.org) a servi à **10** personnes^[Voir \\* et [b](https://b.org).].\r\n\nSuite & <fin>";

    #[test]
    fn round_trip_keeps_every_byte() {
        let cat = catalog(vec![
            ("p1", EN, Some(FR), UnitState::Translated),
            ("p2", "x", None, UnitState::New),
        ]);
        let xml = write(&cat, "text/fr.json").unwrap();
        assert!(xml.contains("xid=\"p1#fn1\""), "{xml}");
        assert!(xml.contains("&#13;"), "{xml}");
        let (exchange, diags) = read("fr.xlf", &xml);
        assert!(diags.is_empty(), "{diags:?}");
        let exchange = exchange.unwrap();
        assert_eq!(exchange.lang, "fr");
        assert_eq!(exchange.units.len(), 1);
        let unit = &exchange.units[0];
        assert_eq!(
            (
                unit.key.as_str(),
                unit.source.as_str(),
                unit.target.as_str()
            ),
            ("p1", EN, FR)
        );
        assert!(unit.reviewed);
    }

    #[test]
    fn lost_and_added_codes_are_located() {
        let cat = catalog(vec![("p1", EN, Some(FR), UnitState::NeedsReview)]);
        let xml = write(&cat, "text/fr.json").unwrap();
        let target_start = xml.find("<target").unwrap();
        let (head, tail) = xml.split_at(target_start);
        // Drop the link's closing code and the placeholder from the target; add a code.
        let tail = tail
            .replacen("<ept id=\"3\">](https://a.org)</ept>", "", 1)
            .replacen(
                "<ph id=\"1\" ctype=\"x-placeholder\">{{year}}</ph>",
                "<ph id=\"9\">x</ph>",
                1,
            );
        let (exchange, diags) = read("fr.xlf", &format!("{head}{tail}"));
        assert!(exchange.unwrap().units.is_empty());
        let messages: Vec<&str> = diags.iter().map(|d| d.message.as_str()).collect();
        assert!(
            messages.iter().any(|m| m.contains("adds a code")),
            "{messages:?}"
        );
        assert!(
            messages
                .iter()
                .any(|m| m.contains("lost the placeholder `{{year}}`")),
            "{messages:?}"
        );
        assert!(
            messages
                .iter()
                .any(|m| m.contains("lost the end of the link `](https://a.org)`")),
            "{messages:?}"
        );
        assert!(
            diags
                .iter()
                .all(|d| d.location.as_ref().is_some_and(|l| l.line > 1))
        );
    }

    #[test]
    fn markup_typed_as_text_is_refused() {
        let cat = catalog(vec![("p1", "plain", Some("plain"), UnitState::Translated)]);
        let xml = write(&cat, "t")
            .unwrap()
            .replace(">plain</target>", ">**bold**</target>");
        let (_, diags) = read("fr.xlf", &xml);
        assert!(diags[0].message.contains("markup characters"), "{diags:?}");
    }

    #[test]
    fn states_and_untranslated_units() {
        assert!(read::reviewed_state(Some("translated"), Some("yes")));
        assert!(read::reviewed_state(Some("final"), None) && read::reviewed_state(None, None));
        assert!(!read::reviewed_state(Some("translated"), Some("no")));
        assert!(!read::reviewed_state(
            Some("needs-review-translation"),
            None
        ));
        assert!(!read::reviewed_state(Some("new"), None));
        let cat = catalog(vec![("a", "x", None, UnitState::New)]);
        let xml = write(&cat, "t").unwrap();
        assert!(!xml.contains("<target"));
        assert!(xml.contains("maxwidth=\"400\" size-unit=\"char\""));
    }
}
