//! The resolver's lookups: a key of the profile text or of the language pack, in the
//! document's language or else in English (a reported fallback), parsed as plain or rich text
//! with placeholders substituted; placeholder text left from `new` and characters no font
//! covers are reported where they stand.

use super::Provenance;
use super::markup::{self, Block, Inline};
use super::origin::{Keyed, Origin};
use crate::diagnostics::{Diagnostic, Severity};
use crate::load::Strings;
use crate::load::json::At;
use crate::project::REFERENCE_LANG;

pub struct Resolver<'a> {
    /// Whether the embedded fonts have a glyph for a character.
    pub covers: &'a dyn Fn(char) -> bool,
    pub lang: &'a str,
    /// The profile's text in the document's language, and in English.
    pub text: Option<&'a Strings>,
    pub text_en: Option<&'a Strings>,
    /// The language pack of the document's language, and the English one.
    pub pack: Option<&'a Strings>,
    pub pack_en: Option<&'a Strings>,
    /// Fallbacks to English are errors.
    pub strict: bool,
    /// Whether texts carry where they come from (`mark` nodes, the origins of `src` maps).
    pub provenance: Provenance,
    /// Values of the `{{placeholders}}`.
    pub vars: Vec<(String, String)>,
    pub diags: Vec<Diagnostic>,
    /// Every key read, as `pack:<key>` or `text:<key>` (a list as `<prefix>.*`): the test of
    /// this module checks each against the schema of its file kind, so that a key written
    /// here that the files cannot have is caught.
    pub read: Vec<String>,
}

/// Where a string was found.
struct Found<'a> {
    value: &'a str,
    from: &'a Strings,
    key: String,
}

impl<'a> Resolver<'a> {
    pub fn fallback_severity(&self, message: String) -> Diagnostic {
        let mut d = Diagnostic::warning(message);
        if self.strict {
            d.severity = Severity::Error;
            d.hints
                .push("--strict turns fallbacks to English into errors".into());
        }
        d
    }

    /// Looks `key` up in the language's file, then in English (reporting the fallback).
    fn lookup(
        &mut self,
        key: &str,
        own: Option<&'a Strings>,
        english: Option<&'a Strings>,
        report: bool,
    ) -> Option<Found<'a>> {
        if let Some(s) = own
            && let Some(value) = s.get(key)
        {
            return Some(Found {
                value,
                from: s,
                key: key.to_string(),
            });
        }
        let en = english?;
        let value = en.get(key)?;
        if report
            && let Some(s) = own
            && s.lang != REFERENCE_LANG
        {
            let d = self.fallback_severity(format!(
                "missing translation: `{key}` is not in {}; the English text is used",
                s.file.name
            ));
            let path = &en.entries[key].path;
            self.diags.push(en.file.diag(d, path, At::Key));
        }
        Some(Found {
            value,
            from: en,
            key: key.to_string(),
        })
    }

    /// Whether the profile has the optional text `key` (in this language or in English).
    pub fn text_has(&mut self, key: &str) -> bool {
        self.read.push(format!("text:{key}"));
        [self.text, self.text_en]
            .into_iter()
            .flatten()
            .any(|t| t.get(key).is_some())
    }

    fn text_found(&mut self, key: &str) -> Option<Found<'a>> {
        self.read.push(format!("text:{key}"));
        self.lookup(key, self.text, self.text_en, true)
    }

    /// A language-pack string, with the profile's `overrides` taking precedence.
    fn pack_found(&mut self, key: &str) -> Option<Found<'a>> {
        self.read.push(format!("pack:{key}"));
        let override_key = format!("overrides.{key}");
        for s in [self.text, self.text_en].into_iter().flatten() {
            if let Some(value) = s.get(&override_key) {
                return Some(Found {
                    value,
                    from: s,
                    key: override_key,
                });
            }
            if s.lang == self.lang {
                break;
            }
        }
        self.lookup(key, self.pack, self.pack_en, true)
    }

    fn marked(&self) -> bool {
        self.provenance == Provenance::Marked
    }

    fn missing(&mut self, key: &str, where_: &str) {
        self.diags.push(Diagnostic::error(format!(
            "missing text `{key}` in {where_} (also in English)"
        )));
    }

    fn report_issues(&mut self, found: &Found<'_>, issues: Vec<markup::Issue>) {
        for issue in issues {
            let path = &found.from.entries[&found.key].path;
            let mut d = if issue.error {
                Diagnostic::error(issue.message)
            } else {
                Diagnostic::warning(issue.message)
            };
            d.json_path = Some(crate::load::json::format_path(path));
            d = match found
                .from
                .file
                .locate_in_string(path, issue.start, issue.len)
            {
                Some(loc) => d.at(loc),
                None => d.in_file(&found.from.file.name),
            };
            self.diags.push(d);
        }
    }

    fn plain_of(&mut self, found: Option<Found<'_>>, key: &str, where_: &str) -> Keyed {
        match found {
            Some(f) => {
                check_placeholder(self, &f);
                let owned = self.vars.clone();
                let vars = borrow_vars(&owned);
                // Plain strings keep their characters; only placeholders are substituted. They
                // are parsed anyway so that an unknown placeholder is reported where it stands.
                let (_, issues) = markup::parse_inlines(f.value, &vars);
                let errors: Vec<_> = issues.into_iter().filter(|i| i.error).collect();
                self.report_issues(&f, errors);
                Keyed {
                    text: substitute(f.value, &vars),
                    origin: self.marked().then(|| origin(&f)),
                }
            }
            None => {
                self.missing(key, where_);
                Keyed {
                    text: String::new(),
                    origin: None,
                }
            }
        }
    }

    fn blocks_of(&mut self, found: Option<Found<'_>>, key: &str, where_: &str) -> Vec<Block> {
        match found {
            Some(f) => {
                check_placeholder(self, &f);
                let owned = self.vars.clone();
                let vars = borrow_vars(&owned);
                let (mut blocks, issues) = markup::parse_blocks(f.value, &vars);
                self.report_issues(&f, issues);
                if self.marked() {
                    mark_source(&mut blocks, &f);
                }
                blocks
            }
            None => {
                self.missing(key, where_);
                Vec::new()
            }
        }
    }

    pub fn pack_plain(&mut self, key: &str) -> String {
        self.pack_keyed(key).text
    }

    /// A plain language-pack string with where it was found (for the preview).
    pub fn pack_keyed(&mut self, key: &str) -> Keyed {
        let f = self.pack_found(key);
        self.plain_of(f, key, "the language pack")
    }

    pub fn pack_blocks(&mut self, key: &str) -> Vec<Block> {
        let f = self.pack_found(key);
        self.blocks_of(f, key, "the language pack")
    }

    pub fn text_plain(&mut self, key: &str) -> String {
        self.text_keyed(key).text
    }

    /// A plain profile-text string with where it was found (for the preview).
    pub fn text_keyed(&mut self, key: &str) -> Keyed {
        let f = self.text_found(key);
        self.plain_of(f, key, "the profile text")
    }

    pub fn text_blocks(&mut self, key: &str) -> Vec<Block> {
        let f = self.text_found(key);
        self.blocks_of(f, key, "the profile text")
    }

    pub fn text_inlines(&mut self, key: &str) -> Vec<Inline> {
        let blocks = self.text_blocks(key);
        let mut out = Vec::new();
        for block in blocks {
            match block {
                Block::Par { content } => {
                    if !out.is_empty() {
                        out.push(Inline::Linebreak);
                    }
                    out.extend(content);
                }
                Block::List { items } => items.into_iter().for_each(|i| out.extend(i)),
            }
        }
        out
    }

    /// Child keys under `prefix` in the profile text: the English order, then any the
    /// language adds.
    pub fn text_children(&mut self, prefix: &str) -> Vec<String> {
        self.read.push(format!("text:{prefix}.*"));
        children(self.text, self.text_en, prefix)
    }

    /// Child keys under `prefix` in the language pack, as [`Self::text_children`].
    pub fn pack_children(&mut self, prefix: &str) -> Vec<String> {
        self.read.push(format!("pack:{prefix}.*"));
        children(self.pack, self.pack_en, prefix)
    }

    /// A pack setting that is not text (e.g. `language.dir`), in the language's pack or else
    /// the English one; no fallback is reported.
    pub fn pack_setting(&mut self, key: &str) -> Option<&'a str> {
        self.read.push(format!("pack:{key}"));
        self.pack.or(self.pack_en).and_then(|p| p.get(key))
    }

    pub fn pack_list(&mut self, prefix: &str) -> Vec<Vec<Block>> {
        let keys = self.pack_children(prefix);
        keys.iter()
            .map(|k| self.pack_blocks(&format!("{prefix}.{k}")))
            .collect()
    }
}

/// The file and key of a text. A built-in pack's file is named as in a project
/// (`layouts/mgi/lang/en.json`, without `<built-in>/`), so that the view model, and with it
/// the build stamps, are the same for the built-in layout and the same files on disk.
fn origin(f: &Found<'_>) -> Origin {
    let name = &f.from.file.name;
    let builtin = format!("{}/", crate::builtin::ROOT);
    Origin {
        key: f.key.clone(),
        file: name.strip_prefix(&builtin).unwrap_or(name).to_string(),
    }
}

/// Puts marks of the text's file and key at the start of its first block and at the end of
/// its last one (a paragraph may run over two pages), and around each footnote's text (which
/// the layout sets apart, at the foot of the page), for the preview.
fn mark_source(blocks: &mut [Block], f: &Found<'_>) {
    let o = origin(f);
    let mark = |end| Inline::Mark {
        key: o.key.clone(),
        file: o.file.clone(),
        end,
    };
    for block in blocks.iter_mut() {
        match block {
            Block::Par { content } => mark_notes(content, &mark),
            Block::List { items } => items.iter_mut().for_each(|i| mark_notes(i, &mark)),
        }
    }
    let first = match blocks.first_mut() {
        Some(Block::Par { content }) => Some(content),
        Some(Block::List { items }) => items.first_mut(),
        None => None,
    };
    if let Some(first) = first {
        first.insert(0, mark(false));
    }
    let last = match blocks.last_mut() {
        Some(Block::Par { content }) => Some(content),
        Some(Block::List { items }) => items.last_mut(),
        None => None,
    };
    if let Some(last) = last {
        last.push(mark(true));
    }
}

/// Marks the text of every footnote below `inlines` (start and end).
fn mark_notes(inlines: &mut [Inline], mark: &dyn Fn(bool) -> Inline) {
    for inline in inlines {
        match inline {
            Inline::Note { content, .. } => {
                content.insert(0, mark(false));
                content.push(mark(true));
            }
            Inline::Strong { content }
            | Inline::Emph { content }
            | Inline::Link { content, .. } => mark_notes(content, mark),
            _ => {}
        }
    }
}

/// Child keys under `prefix`: the English order, then any the language adds.
fn children(own: Option<&Strings>, english: Option<&Strings>, prefix: &str) -> Vec<String> {
    let mut keys = english.map(|e| e.children(prefix)).unwrap_or_default();
    if let Some(own) = own {
        for k in own.children(prefix) {
            if !keys.contains(&k) {
                keys.push(k);
            }
        }
    }
    keys
}

/// Flags scaffolded placeholder text that was never replaced, and characters that no embedded
/// font can show (which would print as empty boxes).
fn check_placeholder(r: &mut Resolver<'_>, f: &Found<'_>) {
    let path = &f.from.entries[&f.key].path;
    if f.value.trim_start().starts_with("TODO") {
        let d = Diagnostic::warning(format!("placeholder text not yet replaced: `{}`", f.key));
        r.diags.push(f.from.file.diag(d, path, At::Value));
    }
    let mut reported: Vec<char> = Vec::new();
    for (offset, c) in f.value.char_indices() {
        if needs_glyph(c) && !(r.covers)(c) && !reported.contains(&c) {
            reported.push(c);
            let mut d = Diagnostic::error(format!(
                "no embedded font has a glyph for '{c}' (U+{:04X}), used in `{}`",
                c as u32, f.key
            ))
            .with_hint("add a font that covers it to fonts/, or replace the character");
            d.json_path = Some(crate::load::json::format_path(path));
            d = match f.from.file.locate_in_string(path, offset, c.len_utf8()) {
                Some(loc) => d.at(loc),
                None => d.in_file(&f.from.file.name),
            };
            r.diags.push(d);
        }
    }
}

fn borrow_vars(vars: &[(String, String)]) -> Vec<(&str, &str)> {
    vars.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect()
}

fn substitute(value: &str, vars: &[(&str, &str)]) -> String {
    let mut out = value.to_string();
    for (k, v) in vars {
        out = out.replace(&format!("{{{{{k}}}}}"), v);
    }
    out
}

/// Characters that need no glyph: whitespace, controls and invisible formatting marks.
pub fn needs_glyph(c: char) -> bool {
    !(c.is_whitespace()
        || c.is_control()
        || matches!(
            c,
            '\u{200B}'..='\u{200F}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}'
        ))
}
