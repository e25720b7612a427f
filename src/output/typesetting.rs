//! Laying a view model out with the project's layout (numbering the notes again when a layout
//! prints the parts in another order), the layout's warnings under the run's policy, the
//! refusal of missing glyphs, and a PDF's fixed settings: what every Typst output and the
//! preview share.

use crate::date::Date;
use crate::diagnostics::{Diagnostic, WarningPolicy};
use crate::load::Profile;
use crate::project::Project;
use crate::resolve::{self, ViewModel};
use crate::typeset::{self, Compiled, DocInput, PdfSettings, Shared, inspect};

/// The project's layout and the fonts, to lay documents out with.
#[derive(Clone, Copy)]
pub struct Typesetting<'a> {
    pub project: &'a Project,
    pub shared: &'a std::sync::Arc<Shared>,
}

/// Lays out a view model with the layout, in the view model's edition, serving
/// `substitutes` in place of the profile's files. The footnote numbers the view model carries
/// follow the standard layout's order; when the document shows them in another order (a
/// layout that moves a part), they are numbered again in the order shown and the document
/// laid out once more.
pub fn lay_out(
    ts: Typesetting<'_>,
    profile: &Profile,
    vm: &ViewModel,
    substitutes: &[(String, Vec<u8>, String)],
) -> Result<Compiled, Vec<Diagnostic>> {
    let compiled = lay_out_once(ts, profile, vm, substitutes)?;
    let printed = inspect::note_numbers(&compiled.document);
    if resolve::notes::in_order(&printed) {
        return Ok(compiled);
    }
    let mut renumbered = vm.clone();
    resolve::notes::renumber(&mut renumbered, &printed);
    lay_out_once(ts, profile, &renumbered, substitutes)
}

fn lay_out_once(
    ts: Typesetting<'_>,
    profile: &Profile,
    vm: &ViewModel,
    substitutes: &[(String, Vec<u8>, String)],
) -> Result<Compiled, Vec<Diagnostic>> {
    let prefix = ts.project.profile_prefix(&profile.dir);
    let layouts = ts.project.layouts_dir();
    typeset::compile(
        ts.shared,
        DocInput {
            layout: &ts.project.layout,
            layouts_dir: &layouts,
            profile: Some((&prefix, &profile.dir)),
            data: vm.to_json(),
            today: publication_date(profile),
            edition: vm.meta.edition,
            substitutes: substitutes.to_vec(),
        },
    )
}

/// A laid-out document with its problems: the layout's warnings under the run's policy, and
/// an error for every character no embedded font has a glyph for.
pub struct LaidOut {
    pub compiled: Compiled,
    pub diagnostics: Vec<Diagnostic>,
}

/// The document pipeline after resolution, written once for every output and the preview:
/// lay out → the layout's warnings → the policy → missing glyphs. `Err` when Typst could not
/// lay the document out at all.
pub fn lay_out_checked(
    ts: Typesetting<'_>,
    profile: &Profile,
    vm: &ViewModel,
    substitutes: &[(String, Vec<u8>, String)],
    policy: WarningPolicy,
) -> Result<LaidOut, Vec<Diagnostic>> {
    let compiled = lay_out(ts, profile, vm, substitutes)?;
    let mut diagnostics = compiled.warnings.clone();
    policy.apply(&mut diagnostics);
    diagnostics.extend(inspect::missing_glyphs(&compiled.document));
    Ok(LaidOut {
        compiled,
        diagnostics,
    })
}

/// The PDF settings of one document: a stable identifier and a fixed timestamp (the
/// publication date, or `SOURCE_DATE_EPOCH` when set).
pub fn pdf_settings(profile: &Profile, lang: &str, standards: &[String]) -> PdfSettings {
    let timestamp = source_date_epoch().unwrap_or_else(|| publication_date(profile).unix_seconds());
    PdfSettings {
        ident: format!("mgi-press/{}/{lang}", profile.name),
        timestamp,
        standards: standards.to_vec(),
    }
}

/// The publication date (checked by `check`), or January 1st of the profile year.
pub fn publication_date(profile: &Profile) -> Date {
    Date::parse(&profile.facts.published).unwrap_or(Date::new_year(profile.facts.year))
}

fn source_date_epoch() -> Option<i64> {
    std::env::var("SOURCE_DATE_EPOCH").ok()?.trim().parse().ok()
}
