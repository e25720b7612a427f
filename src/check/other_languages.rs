//! A build of some languages only (`build --lang en`) does not make the documents of the
//! others, so the translation warnings of those languages (stale, untranslated, markup not
//! kept) are not problems of that build: they are set aside and summed up in one line that
//! names the command listing them. `check` and `i18n status` still report them in full.

use std::collections::BTreeSet;

use super::translations::translation_findings;
use crate::diagnostics::Diagnostic;
use crate::load::Profile;
use crate::project::REFERENCE_LANG;

/// Removes from `diags` the translation warnings of the profile's languages that are not in
/// `built` (every language is built when it is empty) and returns the line that sums them
/// up, if there were any.
pub fn set_aside_other_languages(
    profile: &Profile,
    built: &[String],
    shown_dir: &str,
    diags: &mut Vec<Diagnostic>,
) -> Option<String> {
    let en = profile.texts.get(REFERENCE_LANG)?;
    if built.is_empty() {
        return None;
    }
    let (mut stale, mut other) = (0usize, 0usize);
    let mut langs = BTreeSet::new();
    let dir = profile.dir.join("text");
    let others = profile
        .texts
        .values()
        .filter(|t| t.lang != REFERENCE_LANG && !built.contains(&t.lang));
    for text in others {
        let notes = profile.notes.as_ref();
        for (is_stale, d) in translation_findings(text, en, notes, &dir) {
            let before = diags.len();
            diags.retain(|kept| kept != &d);
            if diags.len() < before {
                langs.insert(text.lang.clone());
                if is_stale { stale += 1 } else { other += 1 }
            }
        }
    }
    summary_line(stale, other, &langs, shown_dir)
}

/// `valdoria: 5 stale translations in ar, es, fr, pt, ru, languages this build does not make
/// (`mgi-press i18n status profiles/valdoria` lists them)`.
fn summary_line(
    stale: usize,
    other: usize,
    langs: &BTreeSet<String>,
    shown_dir: &str,
) -> Option<String> {
    let plural =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let mut parts = Vec::new();
    if stale > 0 {
        parts.push(plural(stale, "stale translation", "stale translations"));
    }
    if other > 0 {
        parts.push(plural(
            other,
            "other translation warning",
            "other translation warnings",
        ));
    }
    if parts.is_empty() {
        return None;
    }
    let list: Vec<&str> = langs.iter().map(String::as_str).collect();
    let command = if other > 0 {
        format!("`mgi-press check {shown_dir}`")
    } else {
        format!("`mgi-press i18n status {shown_dir}`")
    };
    Some(format!(
        "{}: {} in {}, languages this build does not make ({command} lists them)",
        shown_dir,
        parts.join(" and "),
        list.join(", ")
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_line_counts_and_names_the_command() {
        let langs: BTreeSet<String> = ["fr", "ru"].iter().map(|s| s.to_string()).collect();
        let line = summary_line(5, 0, &langs, "profiles/valdoria");
        assert_eq!(
            line.as_deref(),
            Some(
                "profiles/valdoria: 5 stale translations in fr, ru, languages this build does not make (`mgi-press i18n status profiles/valdoria` lists them)"
            )
        );
        assert_eq!(summary_line(0, 0, &langs, "p"), None);
        let both = summary_line(1, 2, &langs, "p").unwrap_or_default();
        assert!(
            both.contains("1 stale translation and 2 other translation warnings"),
            "{both}"
        );
        assert!(both.contains("`mgi-press check p`"), "{both}");
    }
}
