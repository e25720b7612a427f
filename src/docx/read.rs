//! A DOCX read back into what import and manuscript need: the paragraphs of the body in order
//! (tables included), each with its anchors (content-control tags, `_mgi_` bookmarks), its
//! style and outline level, and its text as runs both before and after its tracked changes;
//! the tracked changes themselves; the comments with the paragraph they belong to; the custom
//! document properties. Word's ways of splitting one text — runs, proofing marks, fields,
//! hyperlink elements, content controls, smart tags — are all read through, so that only what
//! a reader sees remains.

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;

use super::package::Package;
use super::parts;
use super::rich::{self, Look, Run};
use super::xml::{self, El, Node, on};

/// Whether a piece of text is as it was, inserted or deleted by a tracked change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Status {
    Normal,
    Inserted,
    Deleted,
}

#[derive(Debug, Clone)]
enum Seg {
    Text {
        text: String,
        /// The look before a tracked formatting change, and now.
        old: Look,
        new: Look,
        status: Status,
    },
    Break(Status),
    Note(Vec<Seg>, Status),
}

/// A tracked change, as listed for review.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Tracked {
    /// `insertion`, `deletion`, `move-from`, `move-to`, `formatting`, `paragraph-inserted`,
    /// `paragraph-deleted`, `paragraph-formatting`.
    pub kind: String,
    pub author: String,
    pub date: String,
    pub text: String,
}

/// One paragraph of the body.
#[derive(Debug, Clone, Default)]
pub struct Para {
    /// 1-based, in document order (paragraphs in tables counted too).
    pub number: usize,
    pub tags: Vec<String>,
    pub bookmarks: Vec<String>,
    /// The style's id and the name it has in `styles.xml`.
    pub style: String,
    pub style_name: String,
    /// Outline level (0 for a first-level heading), from the paragraph or its style.
    pub outline: Option<u8>,
    /// In a table: (table number, row, column), from 0.
    pub cell: Option<(usize, usize, usize)>,
    /// A list item (numbered or bulleted).
    pub item: bool,
    segs: Vec<Seg>,
    /// The paragraph mark itself was inserted (`Inserted`) or deleted by a tracked change.
    pub mark: Option<bool>,
    pub tracked: Vec<Tracked>,
    /// The footnote being read, while it is.
    note_buf: Option<Vec<Seg>>,
}

impl Para {
    /// The runs as they read with the tracked changes rejected (`accepted` false) or accepted.
    pub fn runs(&self, accepted: bool) -> Vec<Run> {
        rich::normalize(view(&self.segs, accepted))
    }

    /// A few words of the paragraph, for messages.
    pub fn excerpt(&self) -> String {
        let text = rich::plain(&self.runs(true)).replace('\n', " ");
        let cut: String = text.chars().take(48).collect();
        if cut.len() < text.len() {
            format!("{cut}…")
        } else {
            cut
        }
    }
}

fn view(segs: &[Seg], accepted: bool) -> Vec<Run> {
    let keep = |s: Status| match s {
        Status::Normal => true,
        Status::Inserted => accepted,
        Status::Deleted => !accepted,
    };
    let mut out = Vec::new();
    for seg in segs {
        match seg {
            Seg::Text {
                text,
                old,
                new,
                status,
            } if keep(*status) => {
                let look = if accepted { new } else { old };
                out.push(Run::Text(text.clone(), look.clone()));
            }
            Seg::Break(status) if keep(*status) => out.push(Run::Break),
            Seg::Note(inner, status) if keep(*status) => out.push(Run::Note(view(inner, accepted))),
            _ => {}
        }
    }
    out
}

/// A comment.
#[derive(Debug, Clone, Serialize)]
pub struct Comment {
    pub id: String,
    pub author: String,
    pub date: String,
    pub text: String,
    /// The commented text, when the file still marks it.
    pub anchor: Option<String>,
    /// The paragraph it belongs to: where its range starts, else its reference mark.
    #[serde(skip)]
    pub para: Option<usize>,
    /// The comment it replies to.
    pub reply_to: Option<String>,
    pub resolved: bool,
}

/// A DOCX as read.
#[derive(Debug, Default)]
pub struct Doc {
    pub properties: BTreeMap<String, String>,
    pub paras: Vec<Para>,
    pub comments: Vec<Comment>,
}

/// Reads a package; problems as sentences naming the part.
pub fn read(package: &Package) -> Result<Doc, Vec<String>> {
    let mut problems = Vec::new();
    let mut parse = |name: &str| -> Option<El> {
        let text = package.parts.get(name)?;
        match xml::parse(text) {
            Ok(root) => Some(root),
            Err(e) => {
                problems.push(format!("`{name}` is not well-formed XML: {e}"));
                None
            }
        }
    };
    let document = parse(parts::DOCUMENT);
    let footnotes = parse(parts::FOOTNOTES);
    let comments = parse(parts::COMMENTS);
    let extended = parse(parts::COMMENTS_EXTENDED);
    let custom = parse(parts::CUSTOM);
    let styles = parse("word/styles.xml");
    let doc_rels = parse(parts::DOCUMENT_RELS);
    let note_rels = parse(parts::FOOTNOTES_RELS);
    if !problems.is_empty() {
        return Err(problems);
    }
    let Some(document) = document else {
        return Err(vec!["the package has no `word/document.xml`".into()]);
    };
    let Some(body) = document.child("w:body") else {
        return Err(vec!["`word/document.xml` has no body".into()]);
    };
    let mut walker = Walker {
        doc_links: links(doc_rels.as_ref()),
        note_links: links(note_rels.as_ref()),
        notes: footnote_map(footnotes.as_ref()),
        styles: style_map(styles.as_ref()),
        ..Walker::default()
    };
    walker.block(body, None);
    let mut doc = Doc {
        properties: properties(custom.as_ref()),
        paras: walker.paras,
        comments: Vec::new(),
    };
    doc.comments = read_comments(
        comments.as_ref(),
        extended.as_ref(),
        &walker.comment_anchor,
        &walker.comment_para,
    );
    Ok(doc)
}

/// Relationship id → target.
fn links(rels: Option<&El>) -> HashMap<String, String> {
    let mut out = HashMap::new();
    for rel in rels.into_iter().flat_map(|r| r.elements()) {
        if let (Some(id), Some(target)) = (rel.attr("Id"), rel.attr("Target")) {
            out.insert(id.to_string(), target.to_string());
        }
    }
    out
}

fn footnote_map(root: Option<&El>) -> HashMap<String, El> {
    root.into_iter()
        .flat_map(|r| r.elements())
        .filter(|e| e.name == "w:footnote")
        .filter_map(|e| Some((e.attr("w:id")?.to_string(), e.clone())))
        .collect()
}

/// Style id → (name, outline level).
fn style_map(root: Option<&El>) -> HashMap<String, (String, Option<u8>)> {
    let mut out = HashMap::new();
    for style in root.into_iter().flat_map(|r| r.elements()) {
        if style.name != "w:style" {
            continue;
        }
        let Some(id) = style.attr("w:styleId") else {
            continue;
        };
        let name = style
            .child("w:name")
            .and_then(|n| n.attr("w:val"))
            .unwrap_or(id);
        let outline = style
            .child("w:pPr")
            .and_then(|p| p.child("w:outlineLvl"))
            .and_then(|o| o.attr("w:val")?.parse().ok());
        out.insert(id.to_string(), (name.to_string(), outline));
    }
    out
}

fn properties(root: Option<&El>) -> BTreeMap<String, String> {
    root.into_iter()
        .flat_map(|r| r.elements())
        .filter_map(|p| Some((p.attr("name")?.to_string(), p.text())))
        .collect()
}

/// A complex field being read: its instruction, and whether its result has begun.
#[derive(Debug, Default)]
struct Field {
    instr: String,
    in_result: bool,
}

#[derive(Default)]
struct Walker {
    doc_links: HashMap<String, String>,
    note_links: HashMap<String, String>,
    notes: HashMap<String, El>,
    styles: HashMap<String, (String, Option<u8>)>,
    paras: Vec<Para>,
    /// The paragraph being read.
    cur: Para,
    tables: usize,
    fields: Vec<Field>,
    /// Open comment ranges, and what each covered.
    open_comments: Vec<String>,
    comment_anchor: HashMap<String, String>,
    comment_para: HashMap<String, usize>,
    in_note: bool,
}

/// What applies to the runs inside an element.
#[derive(Clone, Default)]
struct Ctx {
    link: Option<String>,
    status: Option<Status>,
}

impl Walker {
    /// Block-level content: paragraphs, tables, block content controls.
    fn block(&mut self, el: &El, cell: Option<(usize, usize, usize)>) {
        for child in el.elements() {
            match child.name.as_str() {
                "w:p" => self.paragraph(child, cell, None),
                "w:tbl" => self.table(child),
                "w:sdt" => {
                    let tag = sdt_tag(child);
                    if let Some(content) = child.child("w:sdtContent") {
                        let ps = content.elements().filter(|e| e.name == "w:p").count();
                        if ps == 1 && tag.is_some() {
                            for p in content.elements().filter(|e| e.name == "w:p") {
                                self.paragraph(p, cell, tag.clone());
                            }
                        } else {
                            self.block(content, cell);
                        }
                    }
                }
                "w:customXml" | "w:ins" | "w:moveTo" => self.block(child, cell),
                _ => {}
            }
        }
    }

    fn table(&mut self, tbl: &El) {
        let number = self.tables;
        self.tables += 1;
        for (r, row) in tbl.elements().filter(|e| e.name == "w:tr").enumerate() {
            for (c, tc) in row.elements().filter(|e| e.name == "w:tc").enumerate() {
                self.block(tc, Some((number, r, c)));
            }
        }
    }

    fn paragraph(&mut self, p: &El, cell: Option<(usize, usize, usize)>, tag: Option<String>) {
        self.cur = Para {
            number: self.paras.len() + 1,
            cell,
            ..Para::default()
        };
        self.cur.tags.extend(tag);
        if let Some(ppr) = p.child("w:pPr") {
            self.paragraph_props(ppr);
        }
        self.inline(p, &Ctx::default());
        let para = std::mem::take(&mut self.cur);
        self.paras.push(para);
    }

    fn paragraph_props(&mut self, ppr: &El) {
        if let Some(style) = ppr.child("w:pStyle").and_then(|s| s.attr("w:val")) {
            self.cur.style = style.to_string();
            if let Some((name, outline)) = self.styles.get(style) {
                self.cur.style_name = name.clone();
                self.cur.outline = *outline;
            }
        }
        if let Some(level) = ppr
            .child("w:outlineLvl")
            .and_then(|o| o.attr("w:val")?.parse().ok())
        {
            self.cur.outline = Some(level);
        }
        self.cur.item = ppr.child("w:numPr").is_some() || self.cur.style == "ListBullet";
        if let Some(rpr) = ppr.child("w:rPr") {
            for (name, inserted, kind) in [
                ("w:ins", true, "paragraph-inserted"),
                ("w:del", false, "paragraph-deleted"),
            ] {
                if let Some(change) = rpr.child(name) {
                    self.cur.mark = Some(inserted);
                    self.track(change, kind, String::new());
                }
            }
        }
        if let Some(change) = ppr.child("w:pPrChange") {
            self.track(change, "paragraph-formatting", String::new());
        }
    }

    fn track(&mut self, change: &El, kind: &str, text: String) {
        let author = change.attr("w:author").unwrap_or("").to_string();
        let date = change.attr("w:date").unwrap_or("").to_string();
        if let Some(last) = self.cur.tracked.last_mut()
            && last.kind == kind
            && last.author == author
            && last.date == date
            && !kind.starts_with("paragraph")
        {
            last.text.push_str(&text);
            return;
        }
        self.cur.tracked.push(Tracked {
            kind: kind.to_string(),
            author,
            date,
            text,
        });
    }

    /// Paragraph content: runs and whatever wraps them.
    fn inline(&mut self, el: &El, ctx: &Ctx) {
        for child in el.elements() {
            match child.name.as_str() {
                "w:r" => self.run(child, ctx),
                "w:hyperlink" => {
                    let links = if self.in_note {
                        &self.note_links
                    } else {
                        &self.doc_links
                    };
                    let link = child
                        .attr("r:id")
                        .and_then(|id| links.get(id).cloned())
                        .or_else(|| ctx.link.clone());
                    let inner = Ctx {
                        link,
                        ..ctx.clone()
                    };
                    self.inline(child, &inner);
                }
                "w:fldSimple" => {
                    let inner = Ctx {
                        link: hyperlink_target(child.attr("w:instr").unwrap_or(""))
                            .or_else(|| ctx.link.clone()),
                        ..ctx.clone()
                    };
                    self.inline(child, &inner);
                }
                "w:sdt" => {
                    if let Some(tag) = sdt_tag(child)
                        && !self.in_note
                        && !self.cur.tags.contains(&tag)
                    {
                        self.cur.tags.push(tag);
                    }
                    if let Some(content) = child.child("w:sdtContent") {
                        self.inline(content, ctx);
                    }
                }
                "w:ins" | "w:del" | "w:moveFrom" | "w:moveTo" => self.change(child, ctx),
                "w:bookmarkStart" => {
                    let name = child.attr("w:name").unwrap_or("");
                    if name.starts_with(super::anchors::BOOKMARK_PREFIX) && !self.in_note {
                        self.cur.bookmarks.push(name.to_string());
                    }
                }
                "w:commentRangeStart" => {
                    if let Some(id) = child.attr("w:id") {
                        self.open_comments.push(id.to_string());
                        self.comment_para
                            .entry(id.to_string())
                            .or_insert(self.cur.number);
                        self.comment_anchor.entry(id.to_string()).or_default();
                    }
                }
                "w:commentRangeEnd" => {
                    let id = child.attr("w:id").unwrap_or("");
                    self.open_comments.retain(|c| c != id);
                }
                "w:smartTag" | "w:customXml" | "w:dir" | "w:bdo" => self.inline(child, ctx),
                _ => {}
            }
        }
    }

    fn change(&mut self, el: &El, ctx: &Ctx) {
        let (status, kind) = match el.name.as_str() {
            "w:ins" => (Status::Inserted, "insertion"),
            "w:moveTo" => (Status::Inserted, "move-to"),
            "w:del" => (Status::Deleted, "deletion"),
            _ => (Status::Deleted, "move-from"),
        };
        let inner = Ctx {
            status: Some(status),
            ..ctx.clone()
        };
        self.track(el, kind, text_of(el));
        self.inline(el, &inner);
    }

    fn run(&mut self, r: &El, ctx: &Ctx) {
        let rpr = r.child("w:rPr");
        let new_look = look(rpr);
        let old_look = match rpr.and_then(|p| p.child("w:rPrChange")) {
            Some(change) => {
                self.track(change, "formatting", text_of(r));
                look(change.child("w:rPr"))
            }
            None => new_look.clone(),
        };
        // A run marked deleted or inserted in its own properties (Word does this in some places).
        let status = ctx.status.unwrap_or(Status::Normal);
        for child in r.elements() {
            match child.name.as_str() {
                "w:t" | "w:delText" => self.text(&child.text(), &old_look, &new_look, ctx, status),
                "w:instrText" | "w:delInstrText" => {
                    if let Some(field) = self.fields.last_mut() {
                        field.instr.push_str(&child.text());
                    }
                }
                "w:fldChar" => self.field_char(child),
                "w:tab" | "w:ptab" => self.text("\t", &old_look, &new_look, ctx, status),
                "w:noBreakHyphen" => self.text("\u{2011}", &old_look, &new_look, ctx, status),
                "w:br" | "w:cr" => {
                    let kind = child.attr("w:type").unwrap_or("textWrapping");
                    if kind == "textWrapping" && self.field_visible() {
                        self.cur.segs_mut(self.in_note).push(Seg::Break(status));
                    }
                }
                "w:footnoteReference" => self.footnote(child, status),
                "w:commentReference" => {
                    if let Some(id) = child.attr("w:id") {
                        self.comment_para
                            .entry(id.to_string())
                            .or_insert(self.cur.number);
                    }
                }
                _ => {}
            }
        }
    }

    /// Whether text now is shown: not inside a field's instruction.
    fn field_visible(&self) -> bool {
        self.fields.iter().all(|f| f.in_result)
    }

    fn field_char(&mut self, el: &El) {
        match el.attr("w:fldCharType") {
            Some("begin") => self.fields.push(Field::default()),
            Some("separate") => {
                if let Some(f) = self.fields.last_mut() {
                    f.in_result = true;
                }
            }
            Some("end") => {
                self.fields.pop();
            }
            _ => {}
        }
    }

    fn text(&mut self, text: &str, old: &Look, new: &Look, ctx: &Ctx, status: Status) {
        if !self.field_visible() || text.is_empty() {
            return;
        }
        let field_link = self
            .fields
            .iter()
            .rev()
            .find_map(|f| hyperlink_target(&f.instr));
        let link = ctx.link.clone().or(field_link);
        let with_link = |l: &Look| Look {
            link: link.clone(),
            ..l.clone()
        };
        for id in &self.open_comments {
            if let Some(anchor) = self.comment_anchor.get_mut(id) {
                anchor.push_str(text);
            }
        }
        let seg = Seg::Text {
            text: text.to_string(),
            old: with_link(old),
            new: with_link(new),
            status,
        };
        self.cur.segs_mut(self.in_note).push(seg);
    }

    /// A footnote reference: the footnote's paragraphs read in place (one note; several
    /// paragraphs are joined by line breaks).
    fn footnote(&mut self, el: &El, status: Status) {
        if self.in_note {
            return;
        }
        let Some(note) = el.attr("w:id").and_then(|id| self.notes.get(id)).cloned() else {
            return;
        };
        let outer_fields = std::mem::take(&mut self.fields);
        self.in_note = true;
        self.cur.note_buf = Some(Vec::new());
        for (i, p) in note.elements().filter(|e| e.name == "w:p").enumerate() {
            if i > 0 {
                self.cur.segs_mut(true).push(Seg::Break(Status::Normal));
            }
            self.inline(p, &Ctx::default());
        }
        let segs = self.cur.note_buf.take().unwrap_or_default();
        self.in_note = false;
        self.fields = outer_fields;
        self.cur.segs.push(Seg::Note(segs, status));
    }
}

impl Para {
    fn segs_mut(&mut self, in_note: bool) -> &mut Vec<Seg> {
        if in_note && let Some(buf) = self.note_buf.as_mut() {
            return buf;
        }
        &mut self.segs
    }
}

/// The look of a run from its properties (bold, italic; the link comes from around it).
fn look(rpr: Option<&El>) -> Look {
    let Some(rpr) = rpr else {
        return Look::default();
    };
    Look {
        bold: on(rpr.child("w:b")) || on(rpr.child("w:bCs")) && rpr.child("w:b").is_none(),
        italic: on(rpr.child("w:i")) || on(rpr.child("w:iCs")) && rpr.child("w:i").is_none(),
        link: None,
    }
}

/// The text of an element's runs (inserted and deleted text alike), for review items.
fn text_of(el: &El) -> String {
    let mut out = String::new();
    for child in &el.children {
        if let Node::El(e) = child {
            match e.name.as_str() {
                "w:t" | "w:delText" => out.push_str(&e.text()),
                "w:tab" => out.push('\t'),
                "w:br" => out.push('\n'),
                "w:instrText" | "w:rPr" | "w:pPr" => {}
                _ => out.push_str(&text_of(e)),
            }
        }
    }
    out
}

/// The tag of a content control.
fn sdt_tag(sdt: &El) -> Option<String> {
    sdt.child("w:sdtPr")
        .and_then(|p| p.child("w:tag"))
        .and_then(|t| t.attr("w:val"))
        .filter(|v| !v.is_empty())
        .map(str::to_string)
}

/// The target of a `HYPERLINK "url"` field instruction (not `\l` bookmarks).
fn hyperlink_target(instr: &str) -> Option<String> {
    let rest = instr.trim_start().strip_prefix("HYPERLINK")?;
    let rest = rest.trim_start();
    if rest.starts_with("\\l") {
        return None;
    }
    let rest = rest.strip_prefix('"')?;
    let end = rest.find('"')?;
    Some(rest[..end].to_string())
}

fn read_comments(
    comments: Option<&El>,
    extended: Option<&El>,
    anchors: &HashMap<String, String>,
    paras: &HashMap<String, usize>,
) -> Vec<Comment> {
    // commentsExtended: paraId of a comment's last paragraph → (parent paraId, done).
    let mut ext: HashMap<String, (Option<String>, bool)> = HashMap::new();
    for e in extended.into_iter().flat_map(|e| e.elements()) {
        if let Some(id) = e.attr("w15:paraId") {
            let parent = e.attr("w15:paraIdParent").map(str::to_string);
            ext.insert(id.to_string(), (parent, e.attr("w15:done") == Some("1")));
        }
    }
    let mut by_para: HashMap<String, String> = HashMap::new();
    let mut out = Vec::new();
    for c in comments.into_iter().flat_map(|c| c.elements()) {
        if c.name != "w:comment" {
            continue;
        }
        let id = c.attr("w:id").unwrap_or("").to_string();
        let ps: Vec<&El> = c.elements().filter(|e| e.name == "w:p").collect();
        let text: Vec<String> = ps.iter().map(|p| text_of(p)).collect();
        let last_para = ps
            .last()
            .and_then(|p| p.attr("w14:paraId"))
            .map(str::to_string);
        let (parent, done) = last_para
            .as_ref()
            .and_then(|p| ext.get(p).cloned())
            .unwrap_or((None, false));
        if let Some(p) = &last_para {
            by_para.insert(p.clone(), id.clone());
        }
        out.push((
            Comment {
                anchor: anchors.get(&id).filter(|a| !a.is_empty()).cloned(),
                para: paras.get(&id).copied(),
                id,
                author: c.attr("w:author").unwrap_or("").to_string(),
                date: c.attr("w:date").unwrap_or("").to_string(),
                text: text.join("\n").trim().to_string(),
                reply_to: None,
                resolved: done,
            },
            parent,
        ));
    }
    out.into_iter()
        .map(|(mut c, parent)| {
            c.reply_to = parent.and_then(|p| by_para.get(&p).cloned());
            c
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml""#;

    fn doc(body: &str, comments: &str, extended: &str) -> Doc {
        let mut package = Package::default();
        let document = format!("<w:document {W}><w:body>{body}</w:body></w:document>");
        package.parts.insert(parts::DOCUMENT.into(), document);
        package.parts.insert(
            parts::COMMENTS.into(),
            format!("<w:comments {W}>{comments}</w:comments>"),
        );
        package.parts.insert(
            parts::COMMENTS_EXTENDED.into(),
            format!("<w15:commentsEx {W}>{extended}</w15:commentsEx>"),
        );
        read(&package).unwrap()
    }

    #[test]
    fn tracked_changes_fields_and_comment_replies() {
        let body = r#"<w:p><w:commentRangeStart w:id="1"/><w:r><w:t>Old </w:t></w:r><w:commentRangeEnd w:id="1"/><w:r><w:commentReference w:id="1"/></w:r>
            <w:del w:id="5" w:author="A" w:date="D"><w:r><w:delText>gone</w:delText></w:r></w:del>
            <w:ins w:id="6" w:author="A" w:date="D"><w:r><w:t>new</w:t></w:r></w:ins>
            <w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> HYPERLINK "https://a.org" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>link</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>"#;
        let comments = r#"<w:comment w:id="1" w:author="R" w:date="2026"><w:p w14:paraId="AA"><w:r><w:t>Check</w:t></w:r></w:p></w:comment><w:comment w:id="2" w:author="S" w:date="2026"><w:p w14:paraId="BB"><w:r><w:t>Done</w:t></w:r></w:p></w:comment>"#;
        let extended = r#"<w15:commentEx w15:paraId="AA" w15:done="1"/><w15:commentEx w15:paraId="BB" w15:paraIdParent="AA"/>"#;
        let d = doc(body, comments, extended);
        let p = &d.paras[0];
        let link = Look {
            bold: true,
            italic: false,
            link: Some("https://a.org".into()),
        };
        assert_eq!(
            p.runs(false),
            vec![
                Run::Text("Old gone".into(), Look::default()),
                Run::Text("link".into(), link.clone())
            ]
        );
        assert_eq!(
            p.runs(true),
            vec![
                Run::Text("Old new".into(), Look::default()),
                Run::Text("link".into(), link)
            ]
        );
        let kinds: Vec<&str> = p.tracked.iter().map(|t| t.kind.as_str()).collect();
        assert_eq!(kinds, ["deletion", "insertion"]);
        assert_eq!(d.comments[0].anchor.as_deref(), Some("Old "));
        assert!(d.comments[0].resolved);
        assert_eq!(d.comments[1].reply_to.as_deref(), Some("1"));
    }

    #[test]
    fn a_comment_without_its_range_is_placed_by_its_reference() {
        // What LibreOffice 7.4 was reported to leave: no commentRangeStart/End.
        let body = r#"<w:p><w:r><w:t>a</w:t></w:r></w:p><w:p><w:r><w:t>b</w:t></w:r><w:r><w:commentReference w:id="7"/></w:r></w:p>"#;
        let comments = r#"<w:comment w:id="7" w:author="R" w:date="2026"><w:p><w:r><w:t>Why?</w:t></w:r></w:p></w:comment>"#;
        let d = doc(body, comments, "");
        assert_eq!(d.comments[0].para, Some(2));
        assert_eq!(d.comments[0].anchor, None);
        assert_eq!(d.comments[0].text, "Why?");
    }

    #[test]
    fn an_inserted_paragraph_mark_is_seen() {
        let body = r#"<w:p><w:pPr><w:rPr><w:ins w:id="1" w:author="A" w:date="D"/></w:rPr></w:pPr><w:r><w:t>a</w:t></w:r></w:p><w:p><w:r><w:t>b</w:t></w:r></w:p>"#;
        let d = doc(body, "", "");
        assert_eq!(d.paras[0].mark, Some(true));
        assert_eq!(d.paras[0].tracked[0].kind, "paragraph-inserted");
    }

    #[test]
    fn hyperlink_fields() {
        assert_eq!(
            hyperlink_target(" HYPERLINK \"https://a.org/x\" \\o \"tip\""),
            Some("https://a.org/x".into())
        );
        assert_eq!(hyperlink_target("HYPERLINK \\l \"_Toc1\""), None);
        assert_eq!(hyperlink_target("PAGE"), None);
    }
}
