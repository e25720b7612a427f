//! The review draft as WordprocessingML: `document.xml` with every keyed paragraph anchored
//! (`anchors`), real footnotes in `footnotes.xml` (numbered by Word), hyperlinks as
//! relationships, paragraph styles with plain names, `w:bidi`/`w:rtl` and complex-script
//! bold/italic for right-to-left languages, `w:lang` per language, and the profile, language
//! and English it was made from in custom document properties. Written in a fixed order with
//! fixed timestamps: the same draft gives the same bytes.

use super::anchors;
use super::draft::{Draft, Item, Style, Table};
use super::package;
use super::rich::{self, Look, Run};
use super::xml::esc;
use super::{Meta, parts};

const W_NS: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships""#;
const XML_DECL: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
/// The width of the text on an A4 page with 2 cm margins, in twentieths of a point.
const TEXT_WIDTH: u32 = 9638;

/// The DOCX bytes of a draft.
pub fn export(draft: &Draft, meta: &Meta) -> Vec<u8> {
    let mut w = Writer {
        meta,
        body: String::new(),
        notes: Vec::new(),
        doc_links: Vec::new(),
        note_links: Vec::new(),
        next_bookmark: 0,
        next_sdt: 1,
    };
    for item in &draft.items {
        w.item(item);
    }
    let document = format!(
        "{XML_DECL}<w:document {W_NS}><w:body>{}<w:sectPr><w:footnotePr><w:numFmt w:val=\"decimal\"/></w:footnotePr><w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"1134\" w:right=\"1134\" w:bottom=\"1134\" w:left=\"1134\" w:header=\"567\" w:footer=\"567\" w:gutter=\"0\"/>{}</w:sectPr></w:body></w:document>",
        w.body,
        if meta.rtl { "<w:bidi/>" } else { "" }
    );
    let footnotes = footnotes_xml(&w.notes);
    let parts: Vec<(String, Vec<u8>)> = vec![
        (parts::CONTENT_TYPES.into(), content_types().into_bytes()),
        ("_rels/.rels".into(), package_rels().into_bytes()),
        ("docProps/core.xml".into(), core_xml(meta).into_bytes()),
        ("docProps/app.xml".into(), app_xml().into_bytes()),
        (parts::CUSTOM.into(), custom_xml(meta).into_bytes()),
        (parts::DOCUMENT.into(), document.into_bytes()),
        (
            parts::DOCUMENT_RELS.into(),
            document_rels(&w.doc_links).into_bytes(),
        ),
        ("word/styles.xml".into(), styles_xml(meta).into_bytes()),
        ("word/settings.xml".into(), settings_xml(meta).into_bytes()),
        ("word/numbering.xml".into(), numbering_xml().into_bytes()),
        (parts::FOOTNOTES.into(), footnotes.into_bytes()),
        (
            parts::FOOTNOTES_RELS.into(),
            rels(&link_rels(&w.note_links)).into_bytes(),
        ),
    ];
    package::write(&parts)
}

struct Writer<'a> {
    meta: &'a Meta,
    body: String,
    /// The paragraphs of each footnote, in order (ids from 1).
    notes: Vec<String>,
    doc_links: Vec<String>,
    note_links: Vec<String>,
    next_bookmark: u32,
    next_sdt: u32,
}

/// Where runs are written: the document or a footnote (their hyperlinks are relationships of
/// different parts).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Part {
    Document,
    Footnote,
}

impl Writer<'_> {
    fn item(&mut self, item: &Item) {
        let xml = self.item_xml(item);
        self.body.push_str(&xml);
    }

    fn item_xml(&mut self, item: &Item) -> String {
        match item {
            Item::Label(style, text) => self.paragraph(*style, false, &self.plain_runs(text)),
            Item::Keyed(style, key, text) => self.keyed(*style, key, text),
            Item::Fact(key, text) => {
                let runs = self.plain_runs(text);
                self.anchored(Style::Cell, false, key, &runs)
            }
            Item::Table(table) => self.table(table),
        }
    }

    fn plain_runs(&self, text: &str) -> String {
        if text.is_empty() {
            return String::new();
        }
        self.run(text, &Look::default(), "")
    }

    /// A keyed text: one anchored paragraph per paragraph or list item (one, empty, for an
    /// empty text).
    fn keyed(&mut self, style: Style, key: &str, text: &str) -> String {
        let mut paras = rich::from_markup(text);
        if paras.is_empty() {
            paras.push(rich::Para {
                item: false,
                runs: Vec::new(),
            });
        }
        let mut out = String::new();
        for (index, para) in paras.iter().enumerate() {
            let runs = self.runs(&para.runs, Part::Document);
            out.push_str(&self.anchored(style, para.item, &anchors::tag(key, index), &runs));
        }
        out
    }

    fn anchored(&mut self, style: Style, item: bool, tag: &str, runs: &str) -> String {
        let (b, s) = (self.next_bookmark, self.next_sdt);
        self.next_bookmark += 1;
        self.next_sdt += 1;
        let content = format!(
            "<w:bookmarkStart w:id=\"{b}\" w:name=\"{}\"/><w:bookmarkEnd w:id=\"{b}\"/><w:sdt><w:sdtPr><w:tag w:val=\"{}\"/><w:id w:val=\"{s}\"/><w:lock w:val=\"sdtLocked\"/></w:sdtPr><w:sdtContent>{runs}</w:sdtContent></w:sdt>",
            anchors::bookmark(tag),
            esc(tag)
        );
        self.paragraph(style, item, &content)
    }

    fn paragraph(&self, style: Style, item: bool, content: &str) -> String {
        let (id, numbering) = if item {
            (
                "ListBullet",
                "<w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr>",
            )
        } else {
            (style.id(), "")
        };
        let bidi = if self.meta.rtl { "<w:bidi/>" } else { "" };
        format!("<w:p><w:pPr><w:pStyle w:val=\"{id}\"/>{numbering}{bidi}</w:pPr>{content}</w:p>")
    }

    /// Runs as XML; consecutive runs of one link go into one `w:hyperlink`.
    fn runs(&mut self, runs: &[Run], part: Part) -> String {
        let mut out = String::new();
        let mut i = 0;
        while i < runs.len() {
            match &runs[i] {
                Run::Text(
                    _,
                    Look {
                        link: Some(url), ..
                    },
                ) => {
                    let mut inner = String::new();
                    while let Some(Run::Text(t, look)) = runs.get(i) {
                        if look.link.as_ref() != Some(url) {
                            break;
                        }
                        inner.push_str(&self.run(t, look, "Hyperlink"));
                        i += 1;
                    }
                    let id = self.link_id(url, part);
                    out.push_str(&format!(
                        "<w:hyperlink r:id=\"{id}\" w:history=\"1\">{inner}</w:hyperlink>"
                    ));
                }
                Run::Text(t, look) => {
                    out.push_str(&self.run(t, look, ""));
                    i += 1;
                }
                Run::Break => {
                    out.push_str("<w:r><w:br/></w:r>");
                    i += 1;
                }
                Run::Note(inner) => {
                    let id = self.footnote(inner);
                    out.push_str(&format!(
                        "<w:r><w:rPr><w:rStyle w:val=\"FootnoteReference\"/></w:rPr><w:footnoteReference w:id=\"{id}\"/></w:r>"
                    ));
                    i += 1;
                }
            }
        }
        out
    }

    fn run(&self, text: &str, look: &Look, char_style: &str) -> String {
        let mut props = String::new();
        if !char_style.is_empty() {
            props.push_str(&format!("<w:rStyle w:val=\"{char_style}\"/>"));
        }
        if look.bold {
            props.push_str("<w:b/><w:bCs/>");
        }
        if look.italic {
            props.push_str("<w:i/><w:iCs/>");
        }
        if self.meta.rtl {
            props.push_str("<w:rtl/>");
        }
        let props = if props.is_empty() {
            String::new()
        } else {
            format!("<w:rPr>{props}</w:rPr>")
        };
        format!(
            "<w:r>{props}<w:t xml:space=\"preserve\">{}</w:t></w:r>",
            esc(text)
        )
    }

    fn link_id(&mut self, url: &str, part: Part) -> String {
        let links = match part {
            Part::Document => &mut self.doc_links,
            Part::Footnote => &mut self.note_links,
        };
        let index = match links.iter().position(|u| u == url) {
            Some(i) => i,
            None => {
                links.push(url.to_string());
                links.len() - 1
            }
        };
        format!("rIdLink{}", index + 1)
    }

    /// Writes a footnote; its id (from 1).
    fn footnote(&mut self, runs: &[Run]) -> usize {
        let content = self.runs(runs, Part::Footnote);
        let bidi = if self.meta.rtl { "<w:bidi/>" } else { "" };
        let space = self.run(" ", &Look::default(), "");
        self.notes.push(format!(
            "<w:p><w:pPr><w:pStyle w:val=\"FootnoteText\"/>{bidi}</w:pPr><w:r><w:rPr><w:rStyle w:val=\"FootnoteReference\"/></w:rPr><w:footnoteRef/></w:r>{space}{content}</w:p>"
        ));
        self.notes.len()
    }

    fn table(&mut self, table: &Table) -> String {
        let columns = table
            .rows
            .first()
            .map_or(table.header.len(), Vec::len)
            .max(1);
        let widths: Vec<u32> = match columns {
            2 => vec![7000, TEXT_WIDTH - 7000],
            3 => vec![1200, 5300, TEXT_WIDTH - 6500],
            n => vec![TEXT_WIDTH / n as u32; n],
        };
        let bidi = if self.meta.rtl { "<w:bidiVisual/>" } else { "" };
        let mut out = format!(
            "<w:tbl><w:tblPr><w:tblStyle w:val=\"TableGrid\"/>{bidi}<w:tblW w:w=\"{TEXT_WIDTH}\" w:type=\"dxa\"/></w:tblPr><w:tblGrid>"
        );
        for w in &widths {
            out.push_str(&format!("<w:gridCol w:w=\"{w}\"/>"));
        }
        out.push_str("</w:tblGrid>");
        if !table.header.is_empty() {
            out.push_str("<w:tr><w:trPr><w:tblHeader/></w:trPr>");
            for (text, w) in table.header.iter().zip(&widths) {
                let p = self.paragraph(Style::CellHeader, false, &self.plain_runs(text));
                out.push_str(&cell(*w, &p));
            }
            out.push_str("</w:tr>");
        }
        for row in &table.rows {
            out.push_str("<w:tr>");
            for (item, w) in row.iter().zip(&widths) {
                let p = self.item_xml(item);
                out.push_str(&cell(*w, &p));
            }
            out.push_str("</w:tr>");
        }
        out.push_str("</w:tbl>");
        // A paragraph between tables keeps them apart (Word merges adjacent tables).
        out.push_str(&self.paragraph(Style::Label, false, ""));
        out
    }
}

fn cell(width: u32, content: &str) -> String {
    format!("<w:tc><w:tcPr><w:tcW w:w=\"{width}\" w:type=\"dxa\"/></w:tcPr>{content}</w:tc>")
}

fn footnotes_xml(notes: &[String]) -> String {
    let mut out = format!(
        "{XML_DECL}<w:footnotes {W_NS}><w:footnote w:type=\"separator\" w:id=\"-1\"><w:p><w:r><w:separator/></w:r></w:p></w:footnote><w:footnote w:type=\"continuationSeparator\" w:id=\"0\"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>"
    );
    for (i, note) in notes.iter().enumerate() {
        out.push_str(&format!(
            "<w:footnote w:id=\"{}\">{note}</w:footnote>",
            i + 1
        ));
    }
    out.push_str("</w:footnotes>");
    out
}

const REL_NS: &str = "http://schemas.openxmlformats.org/package/2006/relationships";
const DOC_REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

fn rels(entries: &[(String, String, String, bool)]) -> String {
    let mut out = format!("{XML_DECL}<Relationships xmlns=\"{REL_NS}\">");
    for (id, kind, target, external) in entries {
        let mode = if *external {
            " TargetMode=\"External\""
        } else {
            ""
        };
        out.push_str(&format!(
            "<Relationship Id=\"{id}\" Type=\"{kind}\" Target=\"{}\"{mode}/>",
            esc(target)
        ));
    }
    out.push_str("</Relationships>");
    out
}

fn link_rels(links: &[String]) -> Vec<(String, String, String, bool)> {
    links
        .iter()
        .enumerate()
        .map(|(i, url)| {
            (
                format!("rIdLink{}", i + 1),
                format!("{DOC_REL}/hyperlink"),
                url.clone(),
                true,
            )
        })
        .collect()
}

fn package_rels() -> String {
    let entries = [
        (
            "rId1",
            format!("{DOC_REL}/officeDocument"),
            "word/document.xml",
        ),
        (
            "rId2",
            "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
                .to_string(),
            "docProps/core.xml",
        ),
        (
            "rId3",
            format!("{DOC_REL}/extended-properties"),
            "docProps/app.xml",
        ),
        (
            "rId4",
            format!("{DOC_REL}/custom-properties"),
            "docProps/custom.xml",
        ),
    ];
    let entries: Vec<_> = entries
        .into_iter()
        .map(|(id, kind, target)| (id.to_string(), kind, target.to_string(), false))
        .collect();
    rels(&entries)
}

fn document_rels(links: &[String]) -> String {
    let mut entries: Vec<(String, String, String, bool)> = [
        ("rIdStyles", "styles", "styles.xml"),
        ("rIdSettings", "settings", "settings.xml"),
        ("rIdNumbering", "numbering", "numbering.xml"),
        ("rIdFootnotes", "footnotes", "footnotes.xml"),
    ]
    .into_iter()
    .map(|(id, kind, target)| {
        (
            id.to_string(),
            format!("{DOC_REL}/{kind}"),
            target.to_string(),
            false,
        )
    })
    .collect();
    entries.extend(link_rels(links));
    rels(&entries)
}

fn content_types() -> String {
    let main = "application/vnd.openxmlformats-officedocument";
    let overrides = [
        (
            "/word/document.xml",
            format!("{main}.wordprocessingml.document.main+xml"),
        ),
        (
            "/word/styles.xml",
            format!("{main}.wordprocessingml.styles+xml"),
        ),
        (
            "/word/settings.xml",
            format!("{main}.wordprocessingml.settings+xml"),
        ),
        (
            "/word/numbering.xml",
            format!("{main}.wordprocessingml.numbering+xml"),
        ),
        (
            "/word/footnotes.xml",
            format!("{main}.wordprocessingml.footnotes+xml"),
        ),
        (
            "/docProps/core.xml",
            "application/vnd.openxmlformats-package.core-properties+xml".into(),
        ),
        (
            "/docProps/app.xml",
            format!("{main}.extended-properties+xml"),
        ),
        (
            "/docProps/custom.xml",
            format!("{main}.custom-properties+xml"),
        ),
    ];
    let mut out = format!(
        "{XML_DECL}<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/>"
    );
    for (part, kind) in overrides {
        out.push_str(&format!(
            "<Override PartName=\"{part}\" ContentType=\"{kind}\"/>"
        ));
    }
    out.push_str("</Types>");
    out
}

fn core_xml(meta: &Meta) -> String {
    format!(
        "{XML_DECL}<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><dc:title>{}</dc:title><dc:language>{}</dc:language><dc:creator>mgi-press</dc:creator><dcterms:created xsi:type=\"dcterms:W3CDTF\">{}T00:00:00Z</dcterms:created><dcterms:modified xsi:type=\"dcterms:W3CDTF\">{}T00:00:00Z</dcterms:modified></cp:coreProperties>",
        esc(&meta.title),
        esc(&meta.lang_tag),
        esc(&meta.date),
        esc(&meta.date)
    )
}

fn app_xml() -> String {
    format!(
        "{XML_DECL}<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\"><Application>mgi-press</Application></Properties>"
    )
}

fn custom_xml(meta: &Meta) -> String {
    let mut out = format!(
        "{XML_DECL}<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/custom-properties\" xmlns:vt=\"http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes\">"
    );
    for (i, (name, value)) in meta.properties().iter().enumerate() {
        out.push_str(&format!(
            "<property fmtid=\"{{D5CDD505-2E9C-101B-9397-08002B2CF9AE}}\" pid=\"{}\" name=\"{name}\"><vt:lpwstr>{}</vt:lpwstr></property>",
            i + 2,
            esc(value)
        ));
    }
    out.push_str("</Properties>");
    out
}

fn settings_xml(meta: &Meta) -> String {
    let bidi = if meta.rtl {
        format!(" w:bidi=\"{}\"", esc(&meta.lang_tag))
    } else {
        String::new()
    };
    format!(
        "{XML_DECL}<w:settings {W_NS}><w:defaultTabStop w:val=\"720\"/><w:footnotePr><w:footnote w:id=\"-1\"/><w:footnote w:id=\"0\"/></w:footnotePr><w:compat><w:compatSetting w:name=\"compatibilityMode\" w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat><w:themeFontLang w:val=\"{}\"{bidi}/></w:settings>",
        esc(&meta.lang_tag)
    )
}

fn numbering_xml() -> String {
    format!(
        "{XML_DECL}<w:numbering {W_NS}><w:abstractNum w:abstractNumId=\"0\"><w:multiLevelType w:val=\"singleLevel\"/><w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"bullet\"/><w:lvlText w:val=\"\u{2022}\"/><w:lvlJc w:val=\"left\"/><w:pPr><w:ind w:left=\"567\" w:hanging=\"283\"/></w:pPr></w:lvl></w:abstractNum><w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num></w:numbering>"
    )
}

/// A paragraph style: id, name, outline level, paragraph and run properties.
fn para_style(id: &str, name: &str, props: &str, run: &str) -> String {
    format!(
        "<w:style w:type=\"paragraph\" w:customStyle=\"{}\" w:styleId=\"{id}\"><w:name w:val=\"{name}\"/><w:basedOn w:val=\"Normal\"/><w:qFormat/><w:pPr>{props}</w:pPr><w:rPr>{run}</w:rPr></w:style>",
        if id.starts_with("MGI") { 1 } else { 0 }
    )
}

fn styles_xml(meta: &Meta) -> String {
    let lang = if meta.rtl {
        format!(
            "<w:lang w:val=\"{0}\" w:bidi=\"{0}\"/>",
            esc(&meta.lang_tag)
        )
    } else {
        format!("<w:lang w:val=\"{}\"/>", esc(&meta.lang_tag))
    };
    let rtl = if meta.rtl { "<w:rtl/>" } else { "" };
    let mut out = format!(
        "{XML_DECL}<w:styles {W_NS}><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"Noto Sans\" w:hAnsi=\"Noto Sans\" w:eastAsia=\"Noto Sans\" w:cs=\"Noto Sans Arabic\"/><w:sz w:val=\"20\"/><w:szCs w:val=\"20\"/>{lang}</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after=\"120\" w:line=\"264\" w:lineRule=\"auto\"/></w:pPr></w:pPrDefault></w:docDefaults>"
    );
    out.push_str("<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/></w:style>");
    out.push_str("<w:style w:type=\"character\" w:default=\"1\" w:styleId=\"DefaultParagraphFont\"><w:name w:val=\"Default Paragraph Font\"/><w:uiPriority w:val=\"1\"/><w:semiHidden/></w:style>");
    out.push_str("<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name w:val=\"Normal Table\"/><w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/><w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/><w:left w:w=\"108\" w:type=\"dxa\"/><w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"108\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>");
    let styles = [
        (
            "Title",
            "Title",
            "<w:spacing w:after=\"240\"/>",
            "<w:b/><w:bCs/><w:color w:val=\"0033A0\"/><w:sz w:val=\"44\"/><w:szCs w:val=\"44\"/>",
        ),
        (
            "Subtitle",
            "Subtitle",
            "<w:spacing w:after=\"120\"/>",
            "<w:color w:val=\"0033A0\"/><w:sz w:val=\"32\"/><w:szCs w:val=\"32\"/>",
        ),
        (
            "Heading1",
            "heading 1",
            "<w:keepNext/><w:spacing w:before=\"360\" w:after=\"120\"/><w:outlineLvl w:val=\"0\"/>",
            "<w:b/><w:bCs/><w:color w:val=\"0033A0\"/><w:sz w:val=\"30\"/><w:szCs w:val=\"30\"/>",
        ),
        (
            "Heading2",
            "heading 2",
            "<w:keepNext/><w:spacing w:before=\"240\" w:after=\"80\"/><w:outlineLvl w:val=\"1\"/>",
            "<w:b/><w:bCs/><w:sz w:val=\"24\"/><w:szCs w:val=\"24\"/>",
        ),
        // Justified but for right-to-left text, which word processors justify with kashidas.
        (
            "BodyText",
            "Body Text",
            if meta.rtl {
                ""
            } else {
                "<w:jc w:val=\"both\"/>"
            },
            "",
        ),
        (
            "ListBullet",
            "List Bullet",
            "<w:numPr><w:numId w:val=\"1\"/></w:numPr><w:ind w:left=\"567\" w:hanging=\"283\"/>",
            "",
        ),
        (
            "MGILabel",
            "MGI Label",
            "",
            "<w:color w:val=\"595959\"/><w:sz w:val=\"18\"/><w:szCs w:val=\"18\"/>",
        ),
        (
            "Caption",
            "caption",
            "<w:keepNext/>",
            "<w:b/><w:bCs/><w:sz w:val=\"18\"/><w:szCs w:val=\"18\"/>",
        ),
        (
            "MGITableText",
            "MGI Table Text",
            "<w:spacing w:after=\"40\"/>",
            "<w:sz w:val=\"18\"/><w:szCs w:val=\"18\"/>",
        ),
        (
            "MGITableHeading",
            "MGI Table Heading",
            "<w:keepNext/><w:spacing w:after=\"40\"/>",
            "<w:b/><w:bCs/><w:sz w:val=\"18\"/><w:szCs w:val=\"18\"/>",
        ),
        (
            "FootnoteText",
            "footnote text",
            "<w:spacing w:after=\"0\"/>",
            "<w:sz w:val=\"16\"/><w:szCs w:val=\"16\"/>",
        ),
    ];
    for (id, name, props, run) in styles {
        out.push_str(&para_style(id, name, props, &format!("{run}{rtl}")));
    }
    out.push_str("<w:style w:type=\"character\" w:styleId=\"FootnoteReference\"><w:name w:val=\"footnote reference\"/><w:rPr><w:vertAlign w:val=\"superscript\"/></w:rPr></w:style>");
    out.push_str("<w:style w:type=\"character\" w:styleId=\"Hyperlink\"><w:name w:val=\"Hyperlink\"/><w:rPr><w:color w:val=\"0563C1\"/><w:u w:val=\"single\"/></w:rPr></w:style>");
    out.push_str("<w:style w:type=\"table\" w:styleId=\"TableGrid\"><w:name w:val=\"Table Grid\"/><w:basedOn w:val=\"TableNormal\"/><w:tblPr><w:tblBorders><w:top w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"A6A6A6\"/><w:left w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"A6A6A6\"/><w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"A6A6A6\"/><w:right w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"A6A6A6\"/><w:insideH w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"A6A6A6\"/><w:insideV w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"A6A6A6\"/></w:tblBorders></w:tblPr></w:style>");
    out.push_str("</w:styles>");
    out
}
