//! Resolution: facts + the profile's text in one language + the language pack → one view model.
//! Missing text falls back to English here (a warning, or an error with `--strict`), and all
//! rich text is parsed, with markup problems pointed at the exact place in the text file.

use crate::diagnostics::{Diagnostic, Severity};
use crate::markup::{self, Block, Inline};
use crate::model::DimensionId;
use crate::profile::{Packs, Profile};
use crate::project::{Project, REFERENCE_LANG};
use crate::strings::Strings;
use crate::view::*;

/// How strictly to resolve.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    /// Turn every fallback to English into an error (for release builds).
    pub strict: bool,
}

/// Resolves one profile in one language. Returns the view model unless an error was found.
///
/// `covers` tells whether the embedded fonts have a glyph for a character; text with a
/// character no font covers is an error pointing at that character.
pub fn resolve(
    project: &Project,
    profile: &Profile,
    packs: &Packs,
    lang: &str,
    options: Options,
    covers: &dyn Fn(char) -> bool,
) -> (Option<ViewModel>, Vec<Diagnostic>) {
    let mut r = Resolver {
        covers,
        lang,
        text: profile.texts.get(lang),
        text_en: profile.texts.get(REFERENCE_LANG),
        pack: packs.by_lang.get(lang),
        pack_en: packs.reference(),
        strict: options.strict,
        vars: Vec::new(),
        diags: Vec::new(),
    };
    if r.text_en.is_none() || r.pack_en.is_none() {
        // Already reported by the loader.
        return (None, r.diags);
    }
    if lang != REFERENCE_LANG {
        if r.text.is_none() {
            let d = r.fallback_severity(format!(
                "profile {} has no text in `{lang}` ({}/text/{lang}.json does not exist); all of its text falls back to English",
                profile.name,
                crate::source::display_name(&profile.dir)
            ));
            r.diags.push(d);
        }
        if r.pack.is_none() {
            let d = r.fallback_severity(format!(
                "there is no language pack for `{lang}` (layouts/{}/lang/{lang}.json); the standard texts fall back to English",
                project.layout
            ));
            r.diags.push(d);
        }
    }
    let vm = build(&mut r, project, profile);
    let failed = r.diags.iter().any(Diagnostic::is_error);
    (if failed { None } else { Some(vm) }, r.diags)
}

struct Resolver<'a> {
    covers: &'a dyn Fn(char) -> bool,
    lang: &'a str,
    text: Option<&'a Strings>,
    text_en: Option<&'a Strings>,
    pack: Option<&'a Strings>,
    pack_en: Option<&'a Strings>,
    strict: bool,
    vars: Vec<(String, String)>,
    diags: Vec<Diagnostic>,
}

/// Where a string was found.
struct Found<'a> {
    value: &'a str,
    from: &'a Strings,
    key: String,
}

impl<'a> Resolver<'a> {
    fn fallback_severity(&self, message: String) -> Diagnostic {
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
            self.diags.push(en.file.diag(d, path, true));
        }
        Some(Found {
            value,
            from: en,
            key: key.to_string(),
        })
    }

    /// Whether the profile has the optional text `key` (in this language or in English).
    fn text_has(&self, key: &str) -> bool {
        [self.text, self.text_en]
            .into_iter()
            .flatten()
            .any(|t| t.get(key).is_some())
    }

    fn text_found(&mut self, key: &str) -> Option<Found<'a>> {
        self.lookup(key, self.text, self.text_en, true)
    }

    /// A language-pack string, with the profile's `overrides` taking precedence.
    fn pack_found(&mut self, key: &str) -> Option<Found<'a>> {
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
            d.json_path = Some(crate::json::format_path(path));
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

    fn plain_of(&mut self, found: Option<Found<'_>>, key: &str, where_: &str) -> String {
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
                substitute(f.value, &vars)
            }
            None => {
                self.missing(key, where_);
                String::new()
            }
        }
    }

    fn blocks_of(&mut self, found: Option<Found<'_>>, key: &str, where_: &str) -> Vec<Block> {
        match found {
            Some(f) => {
                check_placeholder(self, &f);
                let owned = self.vars.clone();
                let vars = borrow_vars(&owned);
                let (blocks, issues) = markup::parse_blocks(f.value, &vars);
                self.report_issues(&f, issues);
                blocks
            }
            None => {
                self.missing(key, where_);
                Vec::new()
            }
        }
    }

    fn pack_plain(&mut self, key: &str) -> String {
        let f = self.pack_found(key);
        self.plain_of(f, key, "the language pack")
    }

    fn pack_blocks(&mut self, key: &str) -> Vec<Block> {
        let f = self.pack_found(key);
        self.blocks_of(f, key, "the language pack")
    }

    fn text_plain(&mut self, key: &str) -> String {
        let f = self.text_found(key);
        self.plain_of(f, key, "the profile text")
    }

    fn text_blocks(&mut self, key: &str) -> Vec<Block> {
        let f = self.text_found(key);
        self.blocks_of(f, key, "the profile text")
    }

    fn text_inlines(&mut self, key: &str) -> Vec<Inline> {
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

    /// Child keys under `prefix`: the English order, then any the language adds.
    fn children(
        &self,
        own: Option<&Strings>,
        english: Option<&Strings>,
        prefix: &str,
    ) -> Vec<String> {
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

    fn pack_list(&mut self, prefix: &str) -> Vec<Vec<Block>> {
        let keys = self.children(self.pack, self.pack_en, prefix);
        keys.iter()
            .map(|k| self.pack_blocks(&format!("{prefix}.{k}")))
            .collect()
    }
}

/// Flags scaffolded placeholder text that was never replaced, and characters that no embedded
/// font can show (which would print as empty boxes).
fn check_placeholder(r: &mut Resolver<'_>, f: &Found<'_>) {
    let path = &f.from.entries[&f.key].path;
    if f.value.trim_start().starts_with("TODO") {
        let d = Diagnostic::warning(format!("placeholder text not yet replaced: `{}`", f.key));
        r.diags.push(f.from.file.diag(d, path, false));
    }
    let mut reported: Vec<char> = Vec::new();
    for (offset, c) in f.value.char_indices() {
        if crate::fonts::needs_glyph(c) && !(r.covers)(c) && !reported.contains(&c) {
            reported.push(c);
            let mut d = Diagnostic::error(format!(
                "no embedded font has a glyph for '{c}' (U+{:04X}), used in `{}`",
                c as u32, f.key
            ))
            .with_hint("add a font that covers it to fonts/, or replace the character");
            d.json_path = Some(crate::json::format_path(path));
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

/// Year keys for the entries of one source group: `2015`, or `2015a`/`2015b` when a year
/// repeats; `n.d.`, `n.d.a`, … for undated entries. Returns indices in display order.
pub fn source_keys(years: &[Option<i32>], no_date: &str, letters: &[char]) -> Vec<(usize, String)> {
    let mut order: Vec<usize> = (0..years.len()).collect();
    order.sort_by_key(|&i| (years[i].is_none(), years[i].unwrap_or(0)));
    let mut out = Vec::new();
    for &i in &order {
        let same: Vec<usize> = order
            .iter()
            .copied()
            .filter(|&j| years[j] == years[i])
            .collect();
        let base = years[i].map_or(no_date.to_string(), |y| y.to_string());
        let key = if same.len() > 1 {
            let pos = same.iter().position(|&j| j == i).unwrap_or(0);
            format!("{base}{}", letter(pos, letters))
        } else {
            base
        };
        out.push((i, key));
    }
    out
}

/// The `n`th key letter: a, b, …, z, aa, ab, … (in the language's own letters).
fn letter(n: usize, letters: &[char]) -> String {
    const LATIN: &[char] = &[
        'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o', 'p', 'q', 'r',
        's', 't', 'u', 'v', 'w', 'x', 'y', 'z',
    ];
    let letters = if letters.is_empty() { LATIN } else { letters };
    let base = letters.len();
    let mut n = n;
    let mut s = String::new();
    loop {
        s.insert(0, letters[n % base]);
        if n < base {
            return s;
        }
        n = n / base - 1;
    }
}

fn build(r: &mut Resolver<'_>, project: &Project, profile: &Profile) -> ViewModel {
    let facts = &profile.facts;
    let country = r.text_plain("country.name");
    let country_short = r.text_plain("country.short_name");
    r.vars = vec![
        ("country".into(), country.clone()),
        ("country_short".into(), country_short.clone()),
        ("year".into(), facts.year.to_string()),
    ];
    let dir = r
        .pack
        .or(r.pack_en)
        .and_then(|p| p.get("language.dir"))
        .unwrap_or("ltr")
        .to_string();

    let labels = Labels {
        profile: r.pack_plain("labels.profile"),
        page: r.pack_plain("labels.page"),
        table: r.pack_plain("labels.table"),
        yes: r.pack_plain("labels.yes"),
        no: r.pack_plain("labels.no"),
        available_at: r.pack_plain("labels.available_at"),
        no_date: r.pack_plain("labels.no_date"),
        empty_section: r.pack_plain("labels.empty_section"),
        contents: r.pack_plain("contents.title"),
    };

    let title_text = r.pack_plain("cover.title");
    let title_lines: Vec<String> = title_text
        .lines()
        .map(|l| l.trim().to_string())
        .filter(|l| !l.is_empty())
        .collect();
    let published_text = published_text(r, &facts.published);
    let prefix = project.profile_prefix(&profile.dir);
    let photo_credit = r
        .text_has("cover.photo_credit")
        .then(|| r.text_blocks("cover.photo_credit"));
    let cover = Cover {
        title_lines: title_lines.clone(),
        image: facts
            .cover_image
            .as_ref()
            .map(|img| format!("{prefix}/{}", img.trim_start_matches("./"))),
        photo_credit,
        publisher: r.pack_plain("cover.publisher"),
        partner_label: r.pack_plain("cover.partner_label"),
        partner: r.pack_plain("cover.partner"),
    };
    let legal = Legal {
        disclaimer: r.pack_blocks("legal.disclaimer"),
        publisher_block: r.pack_blocks("legal.publisher_block"),
        partner_label: cover.partner_label.clone(),
        partner: cover.partner.clone(),
        citation: r.pack_blocks("legal.citation"),
        copyright: r.pack_plain("legal.copyright"),
        licence: r.pack_blocks("legal.licence"),
        permissions: r.pack_blocks("legal.permissions"),
    };
    let objective = Part {
        title: r.pack_plain("objective.title"),
        body: r.pack_blocks("objective.body"),
    };
    let mut intro_body = r.pack_blocks("introduction.body");
    if r.text_has("introduction_note") {
        intro_body.extend(r.text_blocks("introduction_note"));
    }
    let introduction = Part {
        title: r.pack_plain("introduction.title"),
        body: intro_body,
    };
    let framework = Framework {
        title: r.pack_plain("framework.title"),
        migof_title: r.pack_plain("framework.migof_title"),
        migof_body: r.pack_blocks("framework.migof_body"),
        principles_title: r.pack_plain("framework.principles_title"),
        principles: r.pack_list("framework.principles"),
        objectives_title: r.pack_plain("framework.objectives_title"),
        objectives: r.pack_list("framework.objectives"),
        mgi_title: r.pack_plain("framework.mgi_title"),
        is_title: r.pack_plain("framework.is_title"),
        is: r.pack_list("framework.is"),
        is_not_title: r.pack_plain("framework.is_not_title"),
        is_not: r.pack_list("framework.is_not"),
        target_title: r.pack_plain("framework.target_title"),
        target_body: r.pack_blocks("framework.target_body"),
    };
    let key_findings = KeyFindings {
        title: r.pack_plain("key_findings.title"),
        intro: r.pack_blocks("key_findings.intro"),
    };

    let mut dimensions = Vec::new();
    for (index, id) in facts.dimensions.iter().enumerate() {
        let number = index + 1;
        let d = id.as_str();
        let mut sections = Vec::new();
        let conventions = if *id == DimensionId::Rights && !facts.conventions.is_empty() {
            let rows = facts
                .conventions
                .iter()
                .map(|c| {
                    let name_key = format!("conventions.{}", c.id);
                    let own = r.text.and_then(|t| t.get(&name_key)).is_some()
                        || r.text_en.and_then(|t| t.get(&name_key)).is_some();
                    let name = if own {
                        r.text_plain(&name_key)
                    } else {
                        r.pack_plain(&name_key)
                    };
                    let (yes, no) = (labels.yes.clone(), labels.no.clone());
                    ConventionRow {
                        name,
                        ratified: c.ratified.is_some(),
                        year: c.ratified,
                        text: c.ratified.map_or(no, |y| format!("{yes} ({y})")),
                    }
                })
                .collect();
            Some(Conventions {
                number: format!("{number}.1"),
                heading: r.pack_plain("findings.conventions_heading"),
                caption: r.pack_plain("findings.table_caption"),
                col_convention: r.pack_plain("findings.col_convention"),
                col_ratified: r.pack_plain("findings.col_ratified"),
                rows,
            })
        } else {
            None
        };
        let first = if conventions.is_some() { 2 } else { 1 };
        for (offset, (list, heading_key)) in [
            ("well_developed", "findings.well_developed_heading"),
            ("potential", "findings.potential_heading"),
        ]
        .into_iter()
        .enumerate()
        {
            let prefix = format!("findings.{d}.{list}");
            let keys = r.children(r.text, r.text_en, &prefix);
            let mut body = Vec::new();
            for k in keys {
                body.extend(r.text_blocks(&format!("{prefix}.{k}")));
            }
            sections.push(Section {
                number: format!("{number}.{}", first + offset),
                heading: r.pack_plain(heading_key),
                body,
            });
        }
        dimensions.push(Dimension {
            id: d.to_string(),
            number,
            title: r.pack_plain(&format!("dimensions.{d}.title")),
            card_title: r.pack_plain(&format!("dimensions.{d}.card_title")),
            description: r.pack_blocks(&format!("dimensions.{d}.description")),
            conventions,
            sections,
        });
    }

    let key_letters: Vec<char> = r
        .pack
        .and_then(|p| p.get("labels.key_letters"))
        .unwrap_or("")
        .chars()
        .filter(|c| c.is_alphabetic())
        .collect();
    let mut groups = Vec::new();
    for group in &facts.sources {
        let name = r.text_plain(&format!("sources.groups.{}", group.id));
        let years: Vec<Option<i32>> = group.entries.iter().map(|e| e.year).collect();
        let entries = source_keys(&years, &labels.no_date, &key_letters)
            .into_iter()
            .map(|(i, key)| {
                let e = &group.entries[i];
                SourceEntry {
                    key,
                    title: r.text_inlines(&format!("sources.entries.{}", e.id)),
                    url: e.url.clone(),
                }
            })
            .collect();
        groups.push(SourceGroup { name, entries });
    }
    let sources = Sources {
        title: r.pack_plain("sources.title"),
        groups,
    };

    let step_keys = r.children(r.pack, r.pack_en, "annexes.steps");
    let steps = step_keys
        .iter()
        .enumerate()
        .map(|(i, k)| Step {
            number: i + 1,
            title: r.pack_plain(&format!("annexes.steps.{k}.title")),
            body: r.pack_blocks(&format!("annexes.steps.{k}.body")),
        })
        .collect();
    let annexes = Annexes {
        title: r.pack_plain("annexes.title"),
        migof_title: r.pack_plain("annexes.migof_title"),
        migof_body: r.pack_blocks("annexes.migof_body"),
        process_title: r.pack_plain("annexes.process_title"),
        steps,
    };
    let social_keys = r.children(r.pack, r.pack_en, "back_cover.social");
    let back_cover = BackCover {
        portal: r.pack_plain("back_cover.portal"),
        portal_url: r.pack_plain("back_cover.portal_url"),
        social: social_keys
            .iter()
            .map(|k| Social {
                network: k.clone(),
                handle: r.pack_plain(&format!("back_cover.social.{k}")),
            })
            .collect(),
        email: r.pack_plain("back_cover.email"),
    };

    let header = format!(
        "{} | {} {}",
        country.to_uppercase(),
        labels.profile.to_uppercase(),
        facts.year
    );
    let title = format!(
        "{} {} {} – {}",
        title_lines.join(" "),
        labels.profile,
        facts.year,
        country
    );
    let mut keywords = vec![country.clone(), cover.publisher.clone()];
    keywords.extend(dimensions.iter().map(|d| d.card_title.clone()));
    let meta = Meta {
        lang: r.lang.to_string(),
        dir,
        country,
        country_short,
        header,
        year: facts.year,
        published: facts.published.clone(),
        published_text,
        paper: facts.paper.as_str().to_string(),
        bleed_mm: facts.print.bleed_mm,
        crop_marks: facts.print.crop_marks,
        title,
        author: cover.publisher.clone(),
        keywords,
    };
    ViewModel {
        meta,
        labels,
        cover,
        legal,
        objective,
        introduction,
        framework,
        key_findings,
        dimensions,
        sources,
        annexes,
        back_cover,
    }
}

fn published_text(r: &mut Resolver<'_>, published: &str) -> String {
    let mut parts = published.split('-');
    let (Some(y), Some(m), Some(d)) = (parts.next(), parts.next(), parts.next()) else {
        return published.to_string();
    };
    let month = r.pack_plain(&format!("months.m{m}"));
    let day = d.trim_start_matches('0');
    format!("{day} {month} {y}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn year_keys_get_letters_only_when_repeated() {
        let keys = source_keys(
            &[Some(2015), None, Some(2010), Some(2015), None],
            "n.d.",
            &[],
        );
        let keys: Vec<(usize, &str)> = keys.iter().map(|(i, k)| (*i, k.as_str())).collect();
        assert_eq!(
            keys,
            vec![
                (2, "2010"),
                (0, "2015a"),
                (3, "2015b"),
                (1, "n.d.a"),
                (4, "n.d.b")
            ]
        );
        assert_eq!(letter(26, &[]), "aa");
        assert_eq!(letter(1, &['а', 'б', 'в']), "б");
    }
}
