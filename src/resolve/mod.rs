//! Resolution: facts + the profile's text in one language + the layout's language pack → one
//! [`ViewModel`], the JSON the layout reads. One module and one function per part of the
//! document, named like the layout's `<part>.typ`. Missing text falls back to English here (a
//! warning, or an error with `--strict`), and all rich text is parsed by [`markup`], with
//! problems pointed at the exact place in the text file.

pub mod anchors;
mod annexes;
mod back_cover;
mod cover;
mod findings;
mod framework;
mod introduction;
mod key_findings;
mod labels;
mod legal;
pub mod lookup;
pub mod markup;
mod meta;
pub mod notes;
mod objective;
mod options;
pub mod origin;
mod sources;
mod view_model;
mod web;

pub use annexes::{Annexes, Step};
pub use back_cover::{BackCover, Social};
pub use cover::Cover;
pub use findings::{ConventionRow, Conventions, Dimension, Section};
pub use framework::Framework;
pub use introduction::Introduction;
pub use key_findings::KeyFindings;
pub use labels::Labels;
pub use legal::Legal;
pub use lookup::needs_glyph;
pub use markup::Blocks;
pub use meta::Meta;
pub use objective::Objective;
pub use options::{Options, Provenance};
pub use sources::{SourceEntry, SourceGroup, Sources, source_keys};
pub use view_model::ViewModel;
pub use web::WebLabels;

use crate::diagnostics::Diagnostic;
use crate::load::{Packs, Profile};
use crate::project::{Project, REFERENCE_LANG};
use lookup::Resolver;

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
    let (vm, diags, _) = resolve_reading(project, profile, packs, lang, options, covers);
    (vm, diags)
}

/// [`resolve`], also returning every key read (see [`Resolver::read`]).
fn resolve_reading(
    project: &Project,
    profile: &Profile,
    packs: &Packs,
    lang: &str,
    options: Options,
    covers: &dyn Fn(char) -> bool,
) -> (Option<ViewModel>, Vec<Diagnostic>, Vec<String>) {
    let mut r = Resolver {
        covers,
        lang,
        text: profile.texts.get(lang),
        text_en: profile.texts.get(REFERENCE_LANG),
        pack: packs.by_lang.get(lang),
        pack_en: packs.reference(),
        strict: options.strict,
        provenance: options.provenance,
        vars: Vec::new(),
        diags: Vec::new(),
        read: Vec::new(),
    };
    if r.text_en.is_none() || r.pack_en.is_none() {
        // Already reported by the loader.
        return (None, r.diags, r.read);
    }
    if lang != REFERENCE_LANG {
        if r.text.is_none() {
            let d = r.fallback_severity(format!(
                "profile {} has no text in `{lang}` ({}/text/{lang}.json does not exist); all of its text falls back to English",
                profile.name,
                profile.shown
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
    let vm = view_model(&mut r, project, profile);
    let failed = r.diags.iter().any(Diagnostic::is_error);
    (if failed { None } else { Some(vm) }, r.diags, r.read)
}

/// Resolves every part, in the order of the document (which is also the order in which
/// fallbacks and problems are reported).
fn view_model(r: &mut Resolver<'_>, project: &Project, profile: &Profile) -> ViewModel {
    let facts = &profile.facts;
    let country = meta::country(r);
    r.vars = vec![
        ("country".into(), country.name.clone()),
        ("country_short".into(), country.short.clone()),
        ("year".into(), facts.year.to_string()),
    ];
    let labels = labels::labels(r);
    let title = cover::title(r);
    let published_text = meta::published_text(r, &facts.published);
    let cover = cover::cover(r, project, profile, title);
    let legal = legal::legal(r, &cover);
    let objective = objective::objective(r);
    let introduction = introduction::introduction(r);
    let framework = framework::framework(r);
    let key_findings = key_findings::key_findings(r);
    let dimensions = findings::findings(r, facts, &labels);
    let sources = sources::sources(r, facts, &labels);
    let annexes = annexes::annexes(r);
    let back_cover = back_cover::back_cover(r);
    let web = web::web(r);
    let meta = meta::meta(
        r,
        facts,
        country,
        published_text,
        &labels,
        &cover,
        &dimensions,
    );
    let mut vm = ViewModel {
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
        web,
    };
    notes::number(&mut vm);
    vm
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::load::{DisplayNames, load_packs, load_profile, model};

    /// The dotted keys a schema declares; `*` stands for any key of a map.
    fn declared(schema: &serde_json::Value) -> Vec<String> {
        fn walk(
            root: &serde_json::Value,
            s: &serde_json::Value,
            prefix: &str,
            out: &mut Vec<String>,
        ) {
            let s = match s.get("$ref").and_then(|r| r.as_str()) {
                Some(r) => r
                    .trim_start_matches("#/")
                    .split('/')
                    .fold(root, |acc, seg| &acc[seg]),
                None => s,
            };
            let join = |k: &str| {
                if prefix.is_empty() {
                    k.to_string()
                } else {
                    format!("{prefix}.{k}")
                }
            };
            for key in ["anyOf", "oneOf"] {
                for option in s.get(key).and_then(|o| o.as_array()).into_iter().flatten() {
                    walk(root, option, prefix, out);
                }
            }
            if let Some(props) = s.get("properties").and_then(|p| p.as_object()) {
                for (k, v) in props {
                    walk(root, v, &join(k), out);
                }
            }
            if let Some(extra) = s.get("additionalProperties").filter(|a| a.is_object()) {
                out.push(join("*"));
                walk(root, extra, &join("*"), out);
            }
            out.push(prefix.to_string());
        }
        let mut out = Vec::new();
        walk(schema, schema, "", &mut out);
        out
    }

    fn matches(pattern: &str, key: &str) -> bool {
        let (p, k): (Vec<&str>, Vec<&str>) =
            (pattern.split('.').collect(), key.split('.').collect());
        p.len() == k.len() && p.iter().zip(&k).all(|(p, k)| *p == "*" || p == k)
    }

    #[test]
    fn every_key_the_resolver_reads_is_declared_by_its_schema() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let names = DisplayNames::relative_to(root);
        let project = Project::open(root, "mgi").unwrap();
        let (packs, _) = load_packs(&project.lang_dir(), &names);
        let (profile, _) = load_profile(&root.join("profiles/valdoria"), &names);
        let profile = profile.unwrap();
        let schemas = model::schemas();
        let schema = |n: &str| declared(&schemas.iter().find(|(k, _)| *k == n).unwrap().1);
        let (pack_keys, text_keys) = (schema("pack.schema.json"), schema("text.schema.json"));
        let mut read = Vec::new();
        for lang in ["en", "ru", "ar", "fr"] {
            let options = Options::default();
            let (vm, _, keys) =
                resolve_reading(&project, &profile, &packs, lang, options, &|_| true);
            assert!(vm.is_some(), "{lang} does not resolve");
            read.extend(keys);
        }
        let undeclared: Vec<&String> = read
            .iter()
            .filter(|k| match k.split_once(':') {
                Some(("pack", key)) => !pack_keys.iter().any(|p| matches(p, key)),
                Some(("text", key)) => !text_keys.iter().any(|p| matches(p, key)),
                _ => true,
            })
            .collect();
        assert!(
            undeclared.is_empty(),
            "keys no file can have: {undeclared:?}"
        );
        // And the other way round: every leaf of the pack is read by some part (a list is read
        // with all its children). `language.name` is for people and `$schema` for editors.
        let pack_read: Vec<&str> = read
            .iter()
            .filter_map(|k| k.strip_prefix("pack:"))
            .collect();
        let is_read = |leaf: &str| {
            pack_read.iter().any(|k| match k.strip_suffix(".*") {
                Some(list) => leaf.starts_with(&format!("{list}.")),
                None => matches(leaf, k),
            })
        };
        let unread: Vec<&String> = pack_keys
            .iter()
            .filter(|p| !["", "$schema", "language", "language.name"].contains(&p.as_str()))
            .filter(|p| !pack_keys.iter().any(|q| q.starts_with(&format!("{p}."))))
            .filter(|p| !is_read(p))
            .collect();
        assert!(unread.is_empty(), "pack keys no part reads: {unread:?}");
        assert!(read.len() > 200, "only {} reads", read.len());
    }
}
