//! A review draft read back into `text/<lang>.json`. Each paragraph's key comes from its
//! anchor; its runs are compared with the runs of the key's current text (so an untouched
//! draft changes nothing, however Word or LibreOffice re-split it); the keys whose text changed
//! go through the translators' import path (`i18n::exchange::plan_changes`: byte-preserving,
//! the same checks, the lock). Tracked changes not yet accepted and comments are review items
//! per key, edits to facts are reported for `profile.json`, and structural damage — an anchor
//! lost, duplicated or unknown, a keyed paragraph split or two joined, markup lost — refuses
//! the whole file with every problem at once.

use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;

use serde::Serialize;

use super::draft::Draft;
use super::read::{self, Doc, Para};
use super::rich;
use super::{PROP_ENGLISH, PROP_LANG, PROP_PROFILE, anchors, package};
use crate::diagnostics::Diagnostic;
use crate::i18n::exchange::{self, Change, Plan};
use crate::i18n::lock::Lock;
use crate::i18n::units::{Catalog, profile_catalog};
use crate::load::Profile;
use crate::session::Session;

#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Apply tracked changes as Word would on "accept all".
    pub accept_changes: bool,
    /// The profile folder, instead of the one the draft names.
    pub profile: Option<PathBuf>,
}

/// A tracked change not yet accepted, per key.
#[derive(Debug, Clone, Serialize)]
pub struct TrackedItem {
    pub key: Option<String>,
    pub paragraph: usize,
    pub kind: String,
    pub author: String,
    pub date: String,
    pub text: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct CommentItem {
    pub key: Option<String>,
    pub author: String,
    pub date: String,
    pub text: String,
    pub anchor: Option<String>,
    pub reply_to: Option<String>,
    pub id: String,
    pub resolved: bool,
}

/// An edit to a fact shown in the draft, for `profile.json`.
#[derive(Debug, Clone, Serialize)]
pub struct FactItem {
    pub fact: String,
    pub old: String,
    pub new: String,
}

/// What import found.
#[derive(Debug, Clone, Serialize, Default)]
pub struct Report {
    pub profile: String,
    pub lang: String,
    pub changed: Vec<String>,
    pub tracked: Vec<TrackedItem>,
    pub comments: Vec<CommentItem>,
    pub facts: Vec<FactItem>,
}

/// The outcome: the report, and the plan when the file can be imported.
pub struct Outcome {
    pub report: Report,
    pub plan: Option<Plan>,
    pub catalog: Option<Catalog>,
    pub diagnostics: Vec<Diagnostic>,
}

/// A usage problem (exit 2) rather than a refused file.
pub struct Usage(pub Vec<Diagnostic>);

/// Reads a draft and works out what importing it does; writes nothing.
pub fn import(
    session: &Session,
    bytes: &[u8],
    name: &str,
    options: &Options,
) -> Result<Outcome, Usage> {
    let refused = |diagnostics: Vec<Diagnostic>| Outcome {
        report: Report::default(),
        plan: None,
        catalog: None,
        diagnostics,
    };
    let in_file = |problems: Vec<String>| -> Vec<Diagnostic> {
        problems
            .into_iter()
            .map(|p| Diagnostic::error(p).in_file(name))
            .collect()
    };
    let package = match package::read(bytes) {
        Ok(p) => p,
        Err(problems) => return Ok(refused(in_file(problems))),
    };
    let doc = match read::read(&package) {
        Ok(d) => d,
        Err(problems) => return Ok(refused(in_file(problems))),
    };
    let (dir, lang) = target(session, &doc, name, options)?;
    let checked = session.load_checked(&dir);
    let Some(profile) = checked.profile else {
        let mut diags = checked.diagnostics;
        diags.push(Diagnostic::error(format!(
            "the profile {} has errors: fix them before importing",
            session.names.name(&dir)
        )));
        return Ok(refused(diags));
    };
    let (draft, _) = super::draft_of(session, &profile, &lang).map_err(|d| Usage(vec![d]))?;
    let Some(catalog) = profile_catalog(&session.i18n(), &profile, &lang) else {
        return Err(Usage(vec![Diagnostic::error(format!(
            "{} has no English text",
            profile.shown
        ))]));
    };
    let mut ctx = Context::new(&draft, &profile, &lang, name, options.accept_changes);
    ctx.map_paragraphs(&doc);
    ctx.review_items(&doc);
    let changes = ctx.changes(&profile);
    let mut diagnostics = std::mem::take(&mut ctx.diags);
    diagnostics.extend(provenance(&doc, &profile, name));
    let mut report = ctx.report;
    report.profile = profile.name.clone();
    report.lang = lang.clone();
    report.changed = changes.iter().map(|c| c.key.clone()).collect();
    // The texts' own checks run even when the structure is damaged: every problem at once.
    let fonts = session.shared.fonts();
    let (plan, found) = exchange::plan_changes(&catalog, &changes, &|c| fonts.covers(c));
    diagnostics.extend(found);
    let plan = plan.filter(|_| !diagnostics.iter().any(Diagnostic::is_error));
    Ok(Outcome {
        report,
        plan,
        catalog: Some(catalog),
        diagnostics,
    })
}

/// Warnings when the draft was made from another profile folder or another English text.
fn provenance(doc: &Doc, profile: &Profile, name: &str) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let said = |p: &str| doc.properties.get(p).map(String::as_str);
    if let Some(folder) = said(PROP_PROFILE).filter(|f| *f != profile.name) {
        out.push(Diagnostic::warning(format!(
            "the draft was exported from the profile `{folder}` and is imported into `{}`",
            profile.name
        )));
    }
    if said(PROP_ENGLISH).is_some_and(|e| e != super::english_fingerprint(profile)) {
        out.push(Diagnostic::warning(
            "the English text has changed since this draft was exported: compare the changed keys with the current English",
        ));
    }
    out.into_iter().map(|d| d.in_file(name)).collect()
}

/// The profile folder and language a draft is for.
fn target(
    session: &Session,
    doc: &Doc,
    name: &str,
    options: &Options,
) -> Result<(PathBuf, String), Usage> {
    let usage = |m: String| Usage(vec![Diagnostic::error(m).in_file(name)]);
    let lang = doc.properties.get(PROP_LANG).cloned().ok_or_else(|| {
        usage("the file does not say which language it holds: it was not exported by `mgi-press docx export` (for an author's manuscript, use `docx manuscript`)".into())
    })?;
    let lang = crate::project::normalize_lang(&lang)
        .ok_or_else(|| usage(format!("the file names `{lang}` as its language")))?;
    if let Some(dir) = &options.profile {
        return Ok((dir.clone(), lang));
    }
    let folder = doc
        .properties
        .get(PROP_PROFILE)
        .cloned()
        .unwrap_or_default();
    let plain =
        !folder.is_empty() && !folder.contains(['/', '\\']) && folder != ".." && folder != ".";
    if !plain {
        return Err(Usage(vec![
            Diagnostic::error(format!(
                "the file does not name a profile folder (it says `{folder}`)"
            ))
            .in_file(name)
            .with_hint("pass --profile DIR"),
        ]));
    }
    Ok((session.project.profiles_dir().join(folder), lang))
}

/// A paragraph with its key, as mapped.
struct Placed<'a> {
    para: &'a Para,
    /// Runs in the chosen view, paragraphs joined by tracked paragraph marks included.
    runs: Vec<rich::Run>,
    item: bool,
}

struct Context<'a> {
    draft: &'a Draft,
    name: &'a str,
    accept: bool,
    lang: &'a str,
    /// Bookmark name → anchor tag.
    bookmarks: HashMap<String, String>,
    /// Current text by key.
    texts: HashMap<&'a str, &'a str>,
    facts: HashMap<&'a str, &'a str>,
    /// Key → its paragraphs by index.
    keyed: BTreeMap<String, BTreeMap<usize, Placed<'a>>>,
    /// Paragraph number → key, for review items.
    key_of: HashMap<usize, String>,
    diags: Vec<Diagnostic>,
    report: Report,
}

impl<'a> Context<'a> {
    fn new(
        draft: &'a Draft,
        profile: &'a Profile,
        lang: &'a str,
        name: &'a str,
        accept: bool,
    ) -> Self {
        let mut texts = HashMap::new();
        if let Some(strings) = profile.texts.get(lang) {
            for (key, entry) in &strings.entries {
                texts.insert(key.as_str(), entry.value.as_str());
            }
        }
        let mut bookmarks = HashMap::new();
        for key in draft.keys() {
            let n = texts
                .get(key)
                .map_or(1, |t| rich::from_markup(t).len().max(1));
            for index in 0..n + 20 {
                let tag = anchors::tag(key, index);
                bookmarks.insert(anchors::bookmark(&tag), tag);
            }
        }
        let facts: HashMap<&str, &str> = draft.facts().into_iter().collect();
        for fact in facts.keys() {
            bookmarks.insert(anchors::bookmark(fact), fact.to_string());
        }
        Context {
            draft,
            name,
            accept,
            lang,
            bookmarks,
            texts,
            facts,
            keyed: BTreeMap::new(),
            key_of: HashMap::new(),
            diags: Vec::new(),
            report: Report::default(),
        }
    }

    fn error(&mut self, para: &Para, message: String) {
        let d = Diagnostic::error(format!(
            "paragraph {} (“{}”): {message}",
            para.number,
            para.excerpt()
        ))
        .in_file(self.name);
        self.diags.push(d);
    }

    /// The paragraphs in the chosen view: one whose paragraph mark a tracked change inserted
    /// (rejected view) or deleted (accepted view) runs on into the next.
    fn joined(&self, doc: &'a Doc) -> Vec<(Vec<&'a Para>, Vec<rich::Run>)> {
        let mut out: Vec<(Vec<&Para>, Vec<rich::Run>)> = Vec::new();
        let mut carry = false;
        for para in &doc.paras {
            let runs = para.runs(self.accept);
            match out.last_mut() {
                Some((paras, prev)) if carry => {
                    paras.push(para);
                    prev.extend(runs);
                    *prev = rich::normalize(std::mem::take(prev));
                }
                _ => out.push((vec![para], runs)),
            }
            carry = match para.mark {
                Some(true) => !self.accept,
                Some(false) => self.accept,
                None => false,
            };
        }
        out
    }

    /// Maps every paragraph to its anchor; problems for those that have none or too many.
    fn map_paragraphs(&mut self, doc: &'a Doc) {
        let labels = self.draft.labels();
        let mut last_keyed: Option<String> = None;
        for (paras, runs) in self.joined(doc) {
            let first = paras[0];
            let tags = self.anchors_of(&paras);
            let text = rich::plain(&runs);
            let text = text.trim();
            match tags.as_slice() {
                [] => {
                    if text.is_empty() || labels.contains(text) {
                        if !text.is_empty() {
                            last_keyed = None;
                        }
                        continue;
                    }
                    match &last_keyed {
                        Some(key) => {
                            let m = format!(
                                "text without an anchor after `{key}`: a keyed paragraph was split in two, or a paragraph added (join it to the one before, or move its text into a keyed paragraph)"
                            );
                            self.error(first, m);
                        }
                        None => {
                            let d = Diagnostic::warning(format!(
                                "paragraph {} (“{}”): not a text of the profile (headings and labels come from the language pack): not imported",
                                first.number,
                                first.excerpt()
                            ))
                            .in_file(self.name);
                            self.diags.push(d);
                        }
                    }
                }
                [tag] => {
                    let tag = tag.clone();
                    for p in &paras {
                        self.key_of
                            .insert(p.number, anchors::split_tag(&tag).0.to_string());
                    }
                    last_keyed = Some(tag.clone());
                    self.place(tag, first, runs);
                }
                many => {
                    let m = format!(
                        "one paragraph holds the anchors of {}: keyed paragraphs were joined (split them again)",
                        many.iter()
                            .map(|t| format!("`{t}`"))
                            .collect::<Vec<_>>()
                            .join(" and ")
                    );
                    self.error(first, m);
                }
            }
        }
        self.missing_anchors();
    }

    /// The anchors of (joined) paragraphs: tags, and the tags of our bookmarks; a tag and a
    /// bookmark that disagree, or a bookmark of ours that names no key, is an error.
    fn anchors_of(&mut self, paras: &[&Para]) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for para in paras {
            let mut from_marks = Vec::new();
            for b in &para.bookmarks {
                match self.bookmarks.get(b) {
                    Some(tag) => from_marks.push(tag.clone()),
                    None => {
                        let m = format!(
                            "the anchor `{b}` names no text of this profile: the draft was made from another profile or version"
                        );
                        self.error(para, m);
                    }
                }
            }
            if let (Some(tag), Some(mark)) = (para.tags.first(), from_marks.first())
                && para.tags.len() == 1
                && from_marks.len() == 1
                && tag != mark
            {
                let m = format!(
                    "its content control says `{tag}` but its bookmark says `{mark}`: the anchors were copied or damaged"
                );
                self.error(para, m);
                continue;
            }
            for tag in para.tags.iter().chain(&from_marks) {
                if !out.contains(tag) {
                    out.push(tag.clone());
                }
            }
        }
        out
    }

    fn place(&mut self, tag: String, para: &'a Para, runs: Vec<rich::Run>) {
        let (key, index) = anchors::split_tag(&tag);
        let known = self.texts.contains_key(key) || self.facts.contains_key(tag.as_str());
        if !known {
            self.error(para, format!("`{key}` is not a text of this profile"));
            return;
        }
        let entry = self.keyed.entry(key.to_string()).or_default();
        if entry.contains_key(&index) {
            self.error(
                para,
                format!("the anchor of `{tag}` appears twice: a keyed paragraph was copied"),
            );
            return;
        }
        entry.insert(
            index,
            Placed {
                para,
                runs,
                item: para.item,
            },
        );
    }

    fn missing_anchors(&mut self) {
        let expected: Vec<String> = self
            .draft
            .keys()
            .into_iter()
            .map(str::to_string)
            .chain(self.facts.keys().map(|f| f.to_string()))
            .collect();
        for key in expected {
            let first = self.keyed.get(&key).is_some_and(|p| p.contains_key(&0));
            if !first {
                self.diags.push(
                    Diagnostic::error(format!(
                        "the anchor of `{key}` is gone: its paragraph was deleted, or its anchor with it"
                    ))
                    .in_file(self.name)
                    .with_hint("export the draft again, or restore the paragraph"),
                );
            }
        }
    }

    /// Tracked changes and comments by key; fact edits.
    fn review_items(&mut self, doc: &Doc) {
        for para in &doc.paras {
            for t in &para.tracked {
                self.report.tracked.push(TrackedItem {
                    key: self.key_of.get(&para.number).cloned(),
                    paragraph: para.number,
                    kind: t.kind.clone(),
                    author: t.author.clone(),
                    date: t.date.clone(),
                    text: t.text.clone(),
                });
            }
        }
        let mut key_of_comment: HashMap<String, Option<String>> = HashMap::new();
        for c in &doc.comments {
            let key = c
                .para
                .and_then(|p| self.key_of.get(&p).cloned())
                .or_else(|| {
                    c.reply_to
                        .as_ref()
                        .and_then(|r| key_of_comment.get(r).cloned().flatten())
                });
            key_of_comment.insert(c.id.clone(), key.clone());
            self.report.comments.push(CommentItem {
                key,
                author: c.author.clone(),
                date: c.date.clone(),
                text: c.text.clone(),
                anchor: c.anchor.clone(),
                reply_to: c.reply_to.clone(),
                id: c.id.clone(),
                resolved: c.resolved,
            });
        }
        for (fact, old) in self.facts.clone() {
            let Some(placed) = self.keyed.get(fact).and_then(|p| p.get(&0)) else {
                continue;
            };
            let new = rich::plain(&placed.runs).trim().to_string();
            if new != old.trim() {
                self.report.facts.push(FactItem {
                    fact: fact.trim_start_matches('@').to_string(),
                    old: old.to_string(),
                    new,
                });
            }
        }
        self.report.facts.sort_by(|a, b| a.fact.cmp(&b.fact));
    }

    /// The changes of the keys whose text reads differently now.
    fn changes(&mut self, profile: &Profile) -> Vec<Change> {
        let english = profile.texts.get(crate::project::REFERENCE_LANG);
        let lock = Lock::load(&profile.dir.join("text"), self.lang);
        let mut out = Vec::new();
        for key in self.draft.keys() {
            let Some(placed) = self.keyed.get(key) else {
                continue;
            };
            let current = self.texts.get(key).copied().unwrap_or("");
            let before = rich::from_markup(current);
            let urls = rich::urls(&before);
            let paras: Vec<rich::Para> = placed
                .values()
                .map(|p| rich::Para {
                    item: p.item,
                    runs: rich::normalize(rich::with_urls_of(&p.runs, &urls)),
                })
                .filter(|p| !p.runs.is_empty())
                .collect();
            if paras == before {
                continue;
            }
            let first = placed.values().next().map(|p| p.para);
            let place = match first {
                Some(p) => format!("`{key}` (paragraph {}, “{}”)", p.number, p.excerpt()),
                None => format!("`{key}`"),
            };
            let text = match rich::to_markup(&paras) {
                Ok(text) => text,
                Err(m) => {
                    self.diags
                        .push(Diagnostic::error(format!("{place}: {m}")).in_file(self.name));
                    continue;
                }
            };
            // A translation keeps its lock, but "the same as the English on purpose" no
            // longer holds once it reads differently.
            let english_text = english.and_then(|e| e.get(key));
            let lock_entry = match english_text {
                Some(en)
                    if self.lang != crate::project::REFERENCE_LANG
                        && lock.confirmed_same(key, en) =>
                {
                    Some((en.to_string(), text == en))
                }
                _ => None,
            };
            out.push(Change {
                key: key.to_string(),
                text,
                base: current.to_string(),
                lock: lock_entry,
                at: None,
                place,
            });
        }
        out
    }
}
