//! What the review draft holds, in order, before it is Word XML: headings and labels from the
//! language pack (not the reviewer's to edit), every text of the profile's own text file under
//! its key, and the facts a reviewer may correct (convention years, source years and URLs).
//! Export writes this; import rebuilds it to know the keys, the labels and the facts shown.

use std::collections::HashSet;

use crate::load::{Profile, Strings};
use crate::resolve::markup;
use crate::resolve::source_keys;

/// Paragraph styles of the draft (style id, the name Word shows).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    Title,
    Subtitle,
    Heading1,
    Heading2,
    Body,
    Label,
    Caption,
    Cell,
    CellHeader,
}

impl Style {
    pub fn id(self) -> &'static str {
        match self {
            Style::Title => "Title",
            Style::Subtitle => "Subtitle",
            Style::Heading1 => "Heading1",
            Style::Heading2 => "Heading2",
            Style::Body => "BodyText",
            Style::Label => "MGILabel",
            Style::Caption => "Caption",
            Style::Cell => "MGITableText",
            Style::CellHeader => "MGITableHeading",
        }
    }
}

/// A piece of the draft.
#[derive(Debug, Clone)]
pub enum Item {
    /// Text of the language pack or of mgi-press: shown, not imported.
    Label(Style, String),
    /// A text of the profile's text file, in the markup.
    Keyed(Style, String, String),
    /// A fact of `profile.json`, shown as text: `@conventions.crc`, `@sources.<id>.year|url`.
    Fact(String, String),
    Table(Table),
}

#[derive(Debug, Clone)]
pub struct Table {
    pub header: Vec<String>,
    pub rows: Vec<Vec<Item>>,
}

/// The draft of one language of a profile.
#[derive(Debug, Clone)]
pub struct Draft {
    pub lang: String,
    pub items: Vec<Item>,
}

impl Draft {
    /// Every keyed text's key, in order.
    pub fn keys(&self) -> Vec<&str> {
        let mut out = Vec::new();
        walk(&self.items, &mut |item| {
            if let Item::Keyed(_, key, _) = item {
                out.push(key.as_str());
            }
        });
        out
    }

    /// Every fact shown, with its text.
    pub fn facts(&self) -> Vec<(&str, &str)> {
        let mut out = Vec::new();
        walk(&self.items, &mut |item| {
            if let Item::Fact(key, text) = item {
                out.push((key.as_str(), text.as_str()));
            }
        });
        out
    }

    /// The plain text of every label, table headings included.
    pub fn labels(&self) -> HashSet<String> {
        let mut out = HashSet::new();
        walk(&self.items, &mut |item| match item {
            Item::Label(_, text) => {
                out.insert(text.clone());
            }
            Item::Table(t) => out.extend(t.header.iter().cloned()),
            _ => {}
        });
        out
    }
}

fn walk<'a>(items: &'a [Item], f: &mut dyn FnMut(&'a Item)) {
    for item in items {
        f(item);
        if let Item::Table(t) = item {
            for row in &t.rows {
                walk(row, f);
            }
        }
    }
}

/// Pack text in the draft's language, else English, as plain text.
struct Pack<'a> {
    own: Option<&'a Strings>,
    english: Option<&'a Strings>,
}

impl Pack<'_> {
    fn get(&self, key: &str) -> String {
        let raw = self
            .own
            .and_then(|s| s.get(key))
            .or_else(|| self.english.and_then(|s| s.get(key)))
            .unwrap_or(key);
        let (inlines, _) = markup::parse_inlines(raw, &[]);
        markup::plain_text(&inlines)
    }
}

/// The draft of `lang`: `text` is the profile's text file in that language.
pub fn draft(profile: &Profile, packs: &crate::load::Packs, lang: &str, text: &Strings) -> Draft {
    let pack = Pack {
        own: packs.by_lang.get(lang),
        english: packs.reference(),
    };
    let mut b = Builder {
        text,
        done: HashSet::new(),
        items: Vec::new(),
    };
    b.label(Style::Title, pack.get("cover.title").replace('\n', " "));
    b.keyed(Style::Subtitle, "country.name");
    b.label(
        Style::Label,
        format!("{} {}", pack.get("labels.profile"), profile.facts.year),
    );
    if text.get("introduction_note").is_some() {
        b.label(Style::Heading1, pack.get("introduction.title"));
        b.keyed(Style::Body, "introduction_note");
    }
    for (index, dim) in profile.facts.dimensions.iter().enumerate() {
        findings(&mut b, &pack, profile, index + 1, dim.as_str());
    }
    sources(&mut b, &pack, profile);
    rest(&mut b);
    Draft {
        lang: lang.to_string(),
        items: b.items,
    }
}

struct Builder<'a> {
    text: &'a Strings,
    done: HashSet<String>,
    items: Vec<Item>,
}

impl Builder<'_> {
    fn label(&mut self, style: Style, text: String) {
        self.items.push(Item::Label(style, text));
    }

    /// The keyed text, when the file has it.
    fn item(&mut self, style: Style, key: &str) -> Option<Item> {
        let value = self.text.get(key)?;
        self.done.insert(key.to_string());
        Some(Item::Keyed(style, key.to_string(), value.to_string()))
    }

    fn keyed(&mut self, style: Style, key: &str) {
        if let Some(item) = self.item(style, key) {
            self.items.push(item);
        }
    }
}

fn findings(b: &mut Builder<'_>, pack: &Pack<'_>, profile: &Profile, number: usize, dim: &str) {
    b.label(
        Style::Heading1,
        format!("{number}. {}", pack.get(&format!("dimensions.{dim}.title"))),
    );
    let mut first = 1;
    if dim == "rights" && !profile.facts.conventions.is_empty() {
        first = 2;
        b.label(
            Style::Heading2,
            format!("{number}.1 {}", pack.get("findings.conventions_heading")),
        );
        b.label(
            Style::Caption,
            format!(
                "{} 1. {}",
                pack.get("labels.table"),
                pack.get("findings.table_caption")
            ),
        );
        conventions(b, pack, profile);
    }
    for (offset, (list, heading)) in [
        ("well_developed", "findings.well_developed_heading"),
        ("potential", "findings.potential_heading"),
    ]
    .into_iter()
    .enumerate()
    {
        b.label(
            Style::Heading2,
            format!("{number}.{} {}", first + offset, pack.get(heading)),
        );
        let prefix = format!("findings.{dim}.{list}");
        for child in b.text.children(&prefix) {
            b.keyed(Style::Body, &format!("{prefix}.{child}"));
        }
    }
}

fn conventions(b: &mut Builder<'_>, pack: &Pack<'_>, profile: &Profile) {
    let rows = profile
        .facts
        .conventions
        .iter()
        .map(|c| {
            let key = format!("conventions.{}", c.id);
            let name = b
                .item(Style::Cell, &key)
                .unwrap_or_else(|| Item::Label(Style::Cell, pack.get(&key)));
            let ratified = match c.ratified {
                Some(y) => format!("{} ({y})", pack.get("labels.yes")),
                None => pack.get("labels.no"),
            };
            vec![name, Item::Fact(format!("@conventions.{}", c.id), ratified)]
        })
        .collect();
    b.items.push(Item::Table(Table {
        header: vec![
            pack.get("findings.col_convention"),
            pack.get("findings.col_ratified"),
        ],
        rows,
    }));
}

fn sources(b: &mut Builder<'_>, pack: &Pack<'_>, profile: &Profile) {
    if profile.facts.sources.is_empty() {
        return;
    }
    b.label(Style::Heading1, pack.get("sources.title"));
    let no_date = pack.get("labels.no_date");
    let letters: Vec<char> = pack
        .get("labels.key_letters")
        .chars()
        .filter(|c| c.is_alphabetic())
        .collect();
    for group in &profile.facts.sources {
        b.keyed(Style::Heading2, &format!("sources.groups.{}", group.id));
        let years: Vec<Option<i32>> = group.entries.iter().map(|e| e.year).collect();
        let rows = source_keys(&years, &no_date, &letters)
            .into_iter()
            .map(|(i, year)| {
                let e = &group.entries[i];
                let key = format!("sources.entries.{}", e.id);
                let title = b
                    .item(Style::Cell, &key)
                    .unwrap_or_else(|| Item::Label(Style::Cell, String::new()));
                let url = e.url.clone().unwrap_or_default();
                vec![
                    Item::Fact(format!("@sources.{}.year", e.id), year),
                    title,
                    Item::Fact(format!("@sources.{}.url", e.id), url),
                ]
            })
            .collect();
        b.items.push(Item::Table(Table {
            header: Vec::new(),
            rows,
        }));
    }
}

/// Every text of the file not placed yet (the short name, the cover's photo credit, names of
/// conventions not in Table 1, overrides of pack texts), each under its key.
fn rest(b: &mut Builder<'_>) {
    let left: Vec<String> = b
        .text
        .entries
        .keys()
        .filter(|k| !b.done.contains(*k))
        .cloned()
        .collect();
    if left.is_empty() {
        return;
    }
    b.label(Style::Heading1, "Other texts of the profile".into());
    for key in left {
        b.label(Style::Label, key.clone());
        b.keyed(Style::Body, &key);
    }
}
