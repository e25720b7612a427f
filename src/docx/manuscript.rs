//! An author's first manuscript, which has no anchors, mapped by its structure into a
//! profile: chapter headings (by the style's name `heading 1` or the outline level, never a
//! localised style id) matched to the six dimensions through the language pack's titles,
//! the two standard sub-headings, paragraphs as `p1…pN` (list items joined to the paragraph
//! before them), footnotes, italics, bold and links as markup, the conventions table to the
//! profile's conventions, the key-sources section to source groups and entries. Matching is
//! tolerant (numbering, case, small wording differences, a convention named differently);
//! whatever stays unmatched is listed with its place, never dropped silently.

use std::collections::HashSet;
use std::path::Path;

use serde_json::{Map, Value, json};

use super::read::{Doc, Para};
use super::rich::{self, Look, Run};
use crate::diagnostics::Diagnostic;
use crate::load::Strings;
use crate::load::model::DimensionId;
use crate::session::Session;

/// Something of the manuscript that was not mapped, and where it is.
#[derive(Debug, Clone)]
pub struct Unmapped {
    pub place: String,
    pub why: String,
}

#[derive(Debug, Clone, Default)]
pub struct Entry {
    pub year: Option<i32>,
    pub title: String,
    pub url: Option<String>,
}

#[derive(Debug, Clone, Default)]
pub struct Group {
    pub name: String,
    pub entries: Vec<Entry>,
}

/// What a manuscript says, mapped.
#[derive(Debug, Clone, Default)]
pub struct Manuscript {
    pub country: Option<String>,
    pub introduction: Vec<String>,
    /// Per dimension found, in the manuscript's order: the paragraphs of its two lists.
    pub findings: Vec<(DimensionId, [Vec<String>; 2])>,
    pub conventions: Vec<(String, Option<i32>)>,
    pub groups: Vec<Group>,
    pub unmapped: Vec<Unmapped>,
}

/// The language pack of the manuscript's language and English, for matching.
pub struct Packs<'a> {
    pub own: Option<&'a Strings>,
    pub english: Option<&'a Strings>,
}

impl Packs<'_> {
    /// The pack's texts for a key, in the language and in English.
    fn texts(&self, key: &str) -> Vec<String> {
        [self.own, self.english]
            .into_iter()
            .flatten()
            .filter_map(|s| s.get(key))
            .map(|t| t.replace('\n', " "))
            .collect()
    }
}

/// Lower-case words of a text, numbering and short words left out.
fn words(text: &str) -> Vec<String> {
    let lower = text.to_lowercase();
    let trimmed =
        lower.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.' || c.is_whitespace());
    trimmed
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() > 2 || w.chars().all(|c| c.is_ascii_digit()) && !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// How alike two texts are: the Dice coefficient of their word sets (0 to 1).
fn likeness(a: &str, b: &str) -> f64 {
    let (a, b): (HashSet<String>, HashSet<String>) = (
        words(a).into_iter().collect(),
        words(b).into_iter().collect(),
    );
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    2.0 * a.intersection(&b).count() as f64 / (a.len() + b.len()) as f64
}

/// The best of `candidates` (id, texts) for `text`, when it is alike enough and clearly best.
fn best<'c>(text: &str, candidates: &'c [(String, Vec<String>)]) -> Option<&'c str> {
    let mut scored: Vec<(f64, &str)> = candidates
        .iter()
        .map(|(id, texts)| {
            let score = texts.iter().map(|t| likeness(text, t)).fold(0.0, f64::max);
            (score, id.as_str())
        })
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0));
    match scored.as_slice() {
        [(s, id), rest @ ..] if *s >= 0.5 && rest.first().is_none_or(|r| r.0 < *s) => Some(id),
        _ => None,
    }
}

/// The heading level of a paragraph (0 for a chapter), by outline level or style name.
fn level(p: &Para) -> Option<u8> {
    if p.cell.is_some() {
        return None;
    }
    let name = p.style_name.to_lowercase();
    if let Some(n) = name
        .strip_prefix("heading ")
        .and_then(|n| n.trim().parse::<u8>().ok())
    {
        return n.checked_sub(1);
    }
    p.outline.filter(|&l| l < 9)
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Part {
    None,
    Introduction,
    Dimension(usize),
    Sources,
}

struct Mapper<'a> {
    packs: &'a Packs<'a>,
    out: Manuscript,
    part: Part,
    /// The list of the current dimension being filled (0 well developed, 1 potential).
    list: Option<usize>,
    /// The paragraphs (markup blocks) of the current key.
    tables_done: HashSet<usize>,
}

/// Maps a manuscript; `Err` when it has no chapter that matches a dimension.
pub fn map(doc: &Doc, packs: &Packs<'_>) -> Result<Manuscript, String> {
    let mut m = Mapper {
        packs,
        out: Manuscript::default(),
        part: Part::None,
        list: None,
        tables_done: HashSet::new(),
    };
    for p in &doc.paras {
        m.paragraph(p, doc);
    }
    if m.out.findings.is_empty() {
        return Err("no chapter heading matches a dimension of the MGI (headings are read from the styles `heading 1`/outline level 1)".into());
    }
    Ok(m.out)
}

fn place(p: &Para) -> String {
    format!("paragraph {} (“{}”)", p.number, p.excerpt())
}

impl Mapper<'_> {
    fn unmapped(&mut self, p: &Para, why: &str) {
        self.out.unmapped.push(Unmapped {
            place: place(p),
            why: why.to_string(),
        });
    }

    fn paragraph(&mut self, p: &Para, doc: &Doc) {
        let runs = p.runs(true);
        let text = rich::plain(&runs).trim().to_string();
        if let Some((table, _, _)) = p.cell {
            if self.tables_done.insert(table) {
                self.table(table, doc);
            }
            return;
        }
        if text.is_empty() {
            return;
        }
        if p.style_name.eq_ignore_ascii_case("title") {
            if self.out.country.is_none() {
                self.out.country = Some(text);
            }
            return;
        }
        match level(p) {
            Some(0) => self.chapter(p, &text),
            Some(_) => self.sub_heading(p, &text),
            None => self.body(p, runs),
        }
    }

    fn chapter(&mut self, p: &Para, text: &str) {
        self.list = None;
        let dims: Vec<(String, Vec<String>)> = DimensionId::ALL
            .iter()
            .map(|d| {
                let id = d.as_str().to_string();
                let texts = self.packs.texts(&format!("dimensions.{id}.title"));
                (id, texts)
            })
            .collect();
        if let Some(id) = best(text, &dims) {
            let index = DimensionId::ALL
                .iter()
                .position(|d| d.as_str() == id)
                .unwrap_or(0);
            let dim = DimensionId::ALL[index];
            if self.out.findings.iter().any(|(d, _)| *d == dim) {
                self.unmapped(
                    p,
                    "a second chapter for the same dimension: its text is not mapped",
                );
                self.part = Part::None;
                return;
            }
            self.out.findings.push((dim, [Vec::new(), Vec::new()]));
            self.part = Part::Dimension(self.out.findings.len() - 1);
            return;
        }
        let others = [
            (
                "introduction".to_string(),
                self.packs.texts("introduction.title"),
            ),
            ("sources".to_string(), self.packs.texts("sources.title")),
        ];
        self.part = match best(text, &others) {
            Some("introduction") => Part::Introduction,
            Some(_) => Part::Sources,
            None => {
                self.unmapped(p, "a chapter that matches no dimension, the introduction or the key sources: its text is not mapped");
                Part::None
            }
        };
    }

    fn sub_heading(&mut self, p: &Para, text: &str) {
        match self.part {
            Part::Dimension(_) => {
                let lists = [
                    (
                        "0".to_string(),
                        self.packs.texts("findings.well_developed_heading"),
                    ),
                    (
                        "1".to_string(),
                        self.packs.texts("findings.potential_heading"),
                    ),
                    (
                        "t".to_string(),
                        self.packs.texts("findings.conventions_heading"),
                    ),
                ];
                self.list = match best(text, &lists) {
                    Some("0") => Some(0),
                    Some("1") => Some(1),
                    Some(_) => None,
                    None => {
                        self.unmapped(p, "a sub-heading that is neither of the two standard ones: the paragraphs under it are not mapped");
                        None
                    }
                };
            }
            Part::Sources => self.out.groups.push(Group {
                name: text.to_string(),
                entries: Vec::new(),
            }),
            _ => self.unmapped(p, "a sub-heading outside the findings and the key sources"),
        }
    }

    fn body(&mut self, p: &Para, runs: Vec<Run>) {
        let markup = match rich::to_markup(&[rich::Para {
            item: false,
            runs: runs.clone(),
        }]) {
            Ok(m) => m,
            Err(e) => {
                self.unmapped(p, &e);
                return;
            }
        };
        match self.part {
            Part::Introduction => self.out.introduction.push(markup),
            Part::Dimension(d) => match self.list {
                Some(list) => {
                    let paras = &mut self.out.findings[d].1[list];
                    match paras.last_mut() {
                        Some(last) if p.item => {
                            let sep = if last.contains("\n- ") || last.starts_with("- ") {
                                "\n"
                            } else {
                                "\n\n"
                            };
                            last.push_str(&format!("{sep}- {markup}"));
                        }
                        _ => paras.push(markup),
                    }
                }
                None => self.unmapped(p, "a paragraph under no standard sub-heading"),
            },
            Part::Sources => self.entry(p, &runs),
            Part::None => self.unmapped(p, "a paragraph outside the chapters that are mapped"),
        }
    }

    /// One key source: `1996 Title. Available at URL.`, `n.d.a Title.`, `1994b Title …`.
    fn entry(&mut self, p: &Para, runs: &[Run]) {
        let Some(group) = self.out.groups.last_mut() else {
            self.unmapped(p, "a source before any institution heading");
            return;
        };
        let text = rich::plain(runs);
        let (year, start) = match source_year(&text) {
            Some(found) => found,
            None => {
                self.unmapped(p, "a source without a year or n.d. at its start");
                return;
            }
        };
        let url = first_link(runs).or_else(|| bare_url(&text));
        let lower = text.to_lowercase();
        let mut end = text.len();
        for label in self
            .packs
            .texts("labels.available_at")
            .into_iter()
            .chain(["Available at".to_string()])
        {
            if let Some(i) = lower.find(&label.to_lowercase()).filter(|&i| i > start) {
                end = end.min(i);
            }
        }
        if let Some(u) = &url
            && let Some(i) = text.find(u.as_str()).filter(|&i| i > start)
        {
            end = end.min(i);
        }
        let title_runs = cut(runs, start, end);
        let title = rich::to_markup(&[rich::Para {
            item: false,
            runs: title_runs,
        }])
        .unwrap_or_else(|_| text[start..end].to_string());
        let title = title.trim().trim_end_matches(['.', ' ']).trim().to_string();
        group.entries.push(Entry { year, title, url });
    }

    /// A table: the conventions when its rows read as name + Yes (year) / No.
    fn table(&mut self, table: usize, doc: &Doc) {
        let mut rows: Vec<Vec<String>> = Vec::new();
        let mut first: Option<&Para> = None;
        for p in doc
            .paras
            .iter()
            .filter(|p| p.cell.is_some_and(|c| c.0 == table))
        {
            let (_, r, c) = p.cell.unwrap_or_default();
            first.get_or_insert(p);
            while rows.len() <= r {
                rows.push(Vec::new());
            }
            while rows[r].len() <= c {
                rows[r].push(String::new());
            }
            let text = rich::plain(&p.runs(true));
            let cell = &mut rows[r][c];
            if !cell.is_empty() {
                cell.push(' ');
            }
            cell.push_str(text.trim());
        }
        let Some(first) = first else { return };
        let yes = self.packs.texts("labels.yes");
        let no = self.packs.texts("labels.no");
        let ids: Vec<(String, Vec<String>)> = self
            .packs
            .english
            .map(|s| s.children("conventions"))
            .unwrap_or_default()
            .into_iter()
            .map(|id| {
                let texts = self.packs.texts(&format!("conventions.{id}"));
                (id, texts)
            })
            .collect();
        let mut found = 0;
        for (r, row) in rows.iter().enumerate() {
            let (Some(name), Some(state)) = (row.first(), row.get(1)) else {
                continue;
            };
            let Some(ratified) = ratification(state, &yes, &no) else {
                if r > 0 {
                    self.unmapped(
                        first,
                        &format!(
                            "table row {}: `{state}` is neither Yes (year) nor No",
                            r + 1
                        ),
                    );
                }
                continue;
            };
            match best(name, &ids) {
                Some(id) if !self.out.conventions.iter().any(|(c, _)| c == id) => {
                    self.out.conventions.push((id.to_string(), ratified));
                    found += 1;
                }
                _ => self.unmapped(
                    first,
                    &format!(
                        "table row {}: the convention `{name}` matches none of the language pack's",
                        r + 1
                    ),
                ),
            }
        }
        if found == 0 {
            self.unmapped(
                first,
                "a table that is not the conventions table: not mapped",
            );
        }
    }
}

/// `Some(Some(year))` for "Yes (2007)", `Some(None)` for "No".
fn ratification(state: &str, yes: &[String], no: &[String]) -> Option<Option<i32>> {
    let lower = state.trim().to_lowercase();
    let starts = |labels: &[String], default: &str| {
        labels
            .iter()
            .map(|l| l.to_lowercase())
            .chain([default.to_string()])
            .any(|l| lower.starts_with(&l))
    };
    if starts(yes, "yes") {
        let digits: String = lower.chars().filter(char::is_ascii_digit).collect();
        return digits.get(..4).and_then(|y| y.parse().ok()).map(Some);
    }
    starts(no, "no").then_some(None)
}

/// The year at the start of a source (`1996`, `1994b`, `n.d.`, `n.d.a`) and where its title
/// begins.
fn source_year(text: &str) -> Option<(Option<i32>, usize)> {
    let t = text.trim_start();
    let lead = text.len() - t.len();
    let (year, rest) = if let Some(rest) = t.strip_prefix("n.d.") {
        (None, rest)
    } else {
        let digits: String = t.chars().take_while(char::is_ascii_digit).collect();
        if digits.len() != 4 {
            return None;
        }
        (digits.parse().ok(), &t[4..])
    };
    // An optional letter (1994b, n.d.a), then punctuation and space.
    let mut rest_chars = rest.char_indices();
    let mut skip = match rest_chars.next() {
        Some((_, c))
            if c.is_ascii_lowercase() && rest[1..].starts_with(|c: char| !c.is_alphabetic()) =>
        {
            1
        }
        _ => 0,
    };
    skip += rest[skip..].len()
        - rest[skip..]
            .trim_start_matches(['.', ',', ':', ' ', ')'])
            .len();
    Some((year, lead + (t.len() - rest.len()) + skip))
}

fn first_link(runs: &[Run]) -> Option<String> {
    runs.iter().find_map(|r| match r {
        Run::Text(
            _,
            Look {
                link: Some(url), ..
            },
        ) => Some(url.clone()),
        _ => None,
    })
}

fn bare_url(text: &str) -> Option<String> {
    let start = text.find("https://").or_else(|| text.find("http://"))?;
    let url: String = text[start..]
        .chars()
        .take_while(|c| !c.is_whitespace() && *c != '>')
        .collect();
    Some(url.trim_end_matches(['.', ',', ')', ';']).to_string())
}

/// The runs covering bytes `start..end` of their plain text (footnotes dropped, links kept
/// only as text: a title is not a link).
fn cut(runs: &[Run], start: usize, end: usize) -> Vec<Run> {
    let mut out = Vec::new();
    let mut at = 0;
    for run in runs {
        match run {
            Run::Text(t, look) => {
                let (s, e) = (start.max(at), end.min(at + t.len()));
                if s < e && t.is_char_boundary(s - at) && t.is_char_boundary(e - at) {
                    let look = Look {
                        link: None,
                        ..look.clone()
                    };
                    out.push(Run::Text(t[s - at..e - at].to_string(), look));
                }
                at += t.len();
            }
            Run::Break => at += 1,
            Run::Note(_) => {}
        }
    }
    rich::normalize(out)
}

/// A slug for an id: lower-case ASCII letters and digits joined by hyphens, from the first
/// words of a name; unique among `taken`.
fn slug(name: &str, taken: &mut HashSet<String>) -> String {
    let base: Vec<String> = name
        .to_lowercase()
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(5)
        .map(str::to_string)
        .collect();
    let base = if base.is_empty() {
        "source".to_string()
    } else {
        base.join("-")
    };
    let mut id = base.clone();
    let mut n = 2;
    while !taken.insert(id.clone()) {
        id = format!("{base}-{n}");
        n += 1;
    }
    id
}

/// Whether a language's text is still only placeholders (every string starts with `TODO`).
fn only_placeholders(value: &Value) -> bool {
    match value {
        Value::String(s) => s.starts_with("TODO") || s.starts_with("../"),
        Value::Object(m) => m
            .iter()
            .all(|(k, v)| k == "$schema" || only_placeholders(v)),
        _ => true,
    }
}

fn read_value(path: &Path) -> Option<Value> {
    serde_json::from_slice(&std::fs::read(path).ok()?).ok()
}

/// The text file's new value: `base` with what the manuscript gives; `ids` are the source
/// group and entry ids, in the manuscript's order.
fn text_value(base: Value, m: &Manuscript, ids: &[(String, Vec<String>)]) -> Value {
    let mut text = match base {
        Value::Object(map) => map,
        _ => Map::new(),
    };
    if let Some(country) = &m.country {
        text.insert(
            "country".into(),
            json!({ "name": country, "short_name": country }),
        );
    }
    if !m.introduction.is_empty() {
        text.insert(
            "introduction_note".into(),
            m.introduction.join("\n\n").into(),
        );
    }
    let mut findings = text
        .get("findings")
        .and_then(Value::as_object)
        .cloned()
        .unwrap_or_default();
    for (dim, lists) in &m.findings {
        let mut d = findings
            .get(dim.as_str())
            .and_then(Value::as_object)
            .cloned()
            .unwrap_or_default();
        for (name, paras) in ["well_developed", "potential"].iter().zip(lists) {
            if paras.is_empty() {
                continue;
            }
            let numbered: Map<String, Value> = paras
                .iter()
                .enumerate()
                .map(|(i, p)| (format!("p{}", i + 1), Value::String(p.clone())))
                .collect();
            d.insert(name.to_string(), Value::Object(numbered));
        }
        findings.insert(dim.as_str().into(), Value::Object(d));
    }
    text.insert("findings".into(), Value::Object(findings));
    if !m.groups.is_empty() {
        let mut groups = Map::new();
        let mut entries = Map::new();
        for (group, (gid, eids)) in m.groups.iter().zip(ids) {
            groups.insert(gid.clone(), group.name.clone().into());
            for (entry, eid) in group.entries.iter().zip(eids) {
                entries.insert(eid.clone(), entry.title.clone().into());
            }
        }
        text.insert(
            "sources".into(),
            json!({ "groups": groups, "entries": entries }),
        );
    }
    Value::Object(text)
}

/// Source ids for a new profile: from the names and titles.
fn new_ids(m: &Manuscript) -> Vec<(String, Vec<String>)> {
    let mut taken = HashSet::new();
    m.groups
        .iter()
        .map(|g| {
            let gid = slug(&g.name, &mut taken);
            let eids = g
                .entries
                .iter()
                .map(|e| slug(&e.title, &mut taken))
                .collect();
            (gid, eids)
        })
        .collect()
}

/// Source ids of an existing profile's facts, when the manuscript's sources line up with
/// them group by group and entry by entry.
fn existing_ids(facts: &Value, m: &Manuscript) -> Result<Vec<(String, Vec<String>)>, String> {
    let groups = facts["sources"].as_array().cloned().unwrap_or_default();
    let shape = |g: &Value| g["entries"].as_array().map_or(0, Vec::len);
    let fits = groups.len() == m.groups.len()
        && groups
            .iter()
            .zip(&m.groups)
            .all(|(g, mg)| shape(g) == mg.entries.len());
    if !fits {
        return Err(format!(
            "the key sources ({} groups here) do not line up with profile.json's ({} groups): source names and titles are not written; add the sources to profile.json first",
            m.groups.len(),
            groups.len()
        ));
    }
    Ok(groups
        .iter()
        .map(|g| {
            let id = g["id"].as_str().unwrap_or("").to_string();
            let entries = g["entries"].as_array().into_iter().flatten();
            (
                id,
                entries
                    .map(|e| e["id"].as_str().unwrap_or("").to_string())
                    .collect(),
            )
        })
        .collect())
}

/// The facts of a new profile with the manuscript's dimensions order, conventions and sources.
fn new_facts(mut facts: Value, m: &Manuscript, ids: &[(String, Vec<String>)]) -> Value {
    if m.findings.len() == DimensionId::ALL.len() {
        facts["dimensions"] = m
            .findings
            .iter()
            .map(|(d, _)| Value::from(d.as_str()))
            .collect();
    }
    if !m.conventions.is_empty() {
        facts["conventions"] = m
            .conventions
            .iter()
            .map(|(id, year)| json!({ "id": id, "ratified": year }))
            .collect();
    }
    if !m.groups.is_empty() {
        facts["sources"] = m
            .groups
            .iter()
            .zip(ids)
            .map(|(g, (gid, eids))| {
                let entries: Vec<Value> = g
                    .entries
                    .iter()
                    .zip(eids)
                    .map(|(e, eid)| json!({ "id": eid, "year": e.year, "url": e.url }))
                    .collect();
                json!({ "id": gid, "entries": entries })
            })
            .collect();
    }
    facts
}

/// What `run` did.
pub struct Written {
    pub manuscript: Manuscript,
    /// The files written (or that would be), with their new bytes.
    pub files: Vec<(std::path::PathBuf, Vec<u8>)>,
}

fn pretty(value: &Value) -> Vec<u8> {
    let mut bytes = serde_json::to_vec_pretty(value).unwrap_or_default();
    bytes.push(b'\n');
    bytes
}

/// Maps a manuscript into `folder` (a new profile, or a language of an existing one) and
/// writes it unless `dry_run`. Errors are sentences (exit 1).
pub fn write(
    session: &Session,
    doc: &Doc,
    folder: &Path,
    lang: &str,
    dry_run: bool,
    force: bool,
) -> Result<Written, Vec<Diagnostic>> {
    let err = |m: String| vec![Diagnostic::error(m)];
    let packs = Packs {
        own: session.packs.by_lang.get(lang),
        english: session.packs.reference(),
    };
    let mut m = map(doc, &packs).map_err(err)?;
    let facts_path = folder.join("profile.json");
    let text_path = folder.join("text").join(format!("{lang}.json"));
    let existing = facts_path.exists();
    if let Some(current) = read_value(&text_path)
        && !only_placeholders(&current)
        && !force
    {
        return Err(err(format!(
            "{} already has real text: pass --force to replace it",
            session.names.name(&text_path)
        )));
    }
    let mut files = Vec::new();
    let ids = if existing {
        let facts = read_value(&facts_path).unwrap_or(Value::Null);
        existing_ids(&facts, &m).unwrap_or_else(|why| {
            m.unmapped.push(Unmapped {
                place: "key sources".into(),
                why,
            });
            m.groups.clear();
            Vec::new()
        })
    } else {
        let ids = new_ids(&m);
        if !dry_run {
            crate::scaffold::new_profile(
                &session.packs,
                &session.project,
                folder,
                m.country.as_deref(),
                None,
            )?;
        }
        let scaffold_facts = read_value(&facts_path).unwrap_or(json!({}));
        files.push((
            facts_path.clone(),
            pretty(&new_facts(scaffold_facts, &m, &ids)),
        ));
        ids
    };
    let base = read_value(&text_path)
        .or_else(|| read_value(&folder.join("text").join("en.json")))
        .unwrap_or(json!({ "$schema": "../../../schemas/text.schema.json" }));
    files.push((text_path, pretty(&text_value(base, &m, &ids))));
    if !dry_run {
        for (path, bytes) in &files {
            crate::fs::write_atomically(path, bytes)
                .map_err(|e| err(format!("cannot write {}: {e}", session.names.name(path))))?;
        }
    }
    Ok(Written {
        manuscript: m,
        files,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn source_years() {
        assert_eq!(source_year("1996 Constitution"), Some((Some(1996), 5)));
        assert_eq!(source_year("1994b Law"), Some((Some(1994), 6)));
        assert_eq!(source_year("n.d.a Home page"), Some((None, 6)));
        assert_eq!(source_year("n.d. Home page"), Some((None, 5)));
        assert_eq!(source_year("Law of 1996"), None);
    }

    #[test]
    fn convention_names_match_tolerantly() {
        let ids = vec![
            (
                "refugees-1951".to_string(),
                vec![
                    "Convention relating to the Status of Refugees, 1951, and its Protocol of 1967"
                        .to_string(),
                ],
            ),
            (
                "statelessness".to_string(),
                vec!["Conventions on statelessness, 1954 and 1961".to_string()],
            ),
            (
                "ilo-97".to_string(),
                vec![
                    "ILO Migration for Employment Convention (Revised), 1949 (No. 97)".to_string(),
                ],
            ),
            (
                "ilo-143".to_string(),
                vec![
                    "ILO Migrant Workers (Supplementary Provisions) Convention, 1975 (No. 143)"
                        .to_string(),
                ],
            ),
        ];
        let geneva = "Convention relating to the Status of Refugees (commonly called the Geneva Convention), 1951";
        assert_eq!(best(geneva, &ids), Some("refugees-1951"));
        assert_eq!(
            best("Migration for Employment Convention, 1949 (No. 97)", &ids),
            Some("ilo-97")
        );
        assert_eq!(best("Something else entirely", &ids), None);
    }

    #[test]
    fn ratification_reads_yes_and_no() {
        let (yes, no) = (vec!["Yes".to_string()], vec!["No".to_string()]);
        assert_eq!(ratification("Yes (2007)", &yes, &no), Some(Some(2007)));
        assert_eq!(ratification("No", &yes, &no), Some(None));
        assert_eq!(ratification("Ratified", &yes, &no), None);
    }
}
