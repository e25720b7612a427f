//! Compiles a view model with the layout into a laid-out document, and turns Typst's
//! diagnostics into ours without losing file, line, column and the call trace.

use std::path::Path;
use std::sync::Arc;

use typst::World;
use typst::WorldExt;
use typst::diag::{Severity as TypstSeverity, SourceDiagnostic};
use typst::foundations::Datetime;
use typst_layout::PagedDocument;

use super::world::{DocWorld, Mount, Shared};
use crate::date::Date;
use crate::diagnostics::{Diagnostic, Location, Severity};
use crate::edition::Edition;

/// Everything one compile needs besides the shared state.
pub struct DocInput<'a> {
    /// Layout name, the folder under `layouts/`.
    pub layout: &'a str,
    pub layouts_dir: &'a Path,
    /// The profile folder and the virtual prefix it is served under.
    pub profile: Option<(&'a str, &'a Path)>,
    /// The view model JSON.
    pub data: Vec<u8>,
    pub today: Date,
    /// The edition: the layout sees it as `sys.inputs.mgi-edition` (brand colours).
    pub edition: Edition,
    /// Bytes served in place of files of the profile folder: (path relative to it, bytes,
    /// hash of the real file they were made from).
    pub substitutes: Vec<(String, Vec<u8>, String)>,
}

/// A successfully laid-out document with the warnings found on the way.
pub struct Compiled {
    pub document: PagedDocument,
    pub warnings: Vec<Diagnostic>,
    /// The real files the layout read (layout sources, images), sorted, with the hashes of
    /// the bytes it was given (`None`: asked for but not found).
    pub files: Vec<(std::path::PathBuf, Option<String>)>,
}

/// Compiles the layout against one view model.
pub fn compile(shared: &Arc<Shared>, input: DocInput<'_>) -> Result<Compiled, Vec<Diagnostic>> {
    let mount_err = |e: std::io::Error, what: &Path| {
        vec![Diagnostic::error(format!(
            "cannot open folder {}: {e}",
            what.display()
        ))]
    };
    let layouts =
        Mount::new("/layouts", input.layouts_dir).map_err(|e| mount_err(e, input.layouts_dir))?;
    let profile = match input.profile {
        Some((prefix, dir)) => Some(Mount::new(prefix, dir).map_err(|e| mount_err(e, dir))?),
        None => None,
    };
    let today = Datetime::from_ymd(input.today.year, input.today.month, input.today.day)
        .ok_or_else(|| vec![Diagnostic::error("invalid publication date")])?;
    let world = DocWorld::new(
        shared.clone(),
        input.edition,
        input.layout,
        layouts,
        profile,
        input.data,
        today,
    );
    for (rest, bytes, original) in input.substitutes {
        world.substitute(&rest, bytes, original);
    }
    let result = typst::compile::<PagedDocument>(&world);
    let warnings = convert_all(&world, &result.warnings);
    match result.output {
        Ok(document) => Ok(Compiled {
            document,
            warnings,
            files: world.accessed(),
        }),
        Err(errors) => {
            let mut all = convert_all(&world, &errors);
            all.extend(warnings);
            Err(all)
        }
    }
}

fn convert_all(world: &DocWorld, diags: &[SourceDiagnostic]) -> Vec<Diagnostic> {
    diags.iter().map(|d| convert(world, d)).collect()
}

/// Converts one Typst diagnostic, keeping its position and source line.
fn convert(world: &DocWorld, diag: &SourceDiagnostic) -> Diagnostic {
    let severity = match diag.severity {
        TypstSeverity::Error => Severity::Error,
        TypstSeverity::Warning => Severity::Warning,
    };
    let mut out = Diagnostic::error(diag.message.to_string());
    out.severity = severity;
    out.location = locate(world, diag.span);
    out.hints = diag.hints.iter().map(|h| h.v.to_string()).collect();
    out.trace = diag
        .trace
        .iter()
        .map(|point| match locate(world, point.span.into()) {
            Some(loc) => format!("{} ({}:{}:{})", point.v, loc.file, loc.line, loc.column),
            None => point.v.to_string(),
        })
        .collect();
    out
}

fn locate(world: &DocWorld, span: typst::syntax::DiagSpan) -> Option<Location> {
    let id = span.id()?;
    let range = world.range(span)?;
    let name = id.vpath().get_without_slash().to_string();
    let bytes = world.file(id).ok()?;
    let text = String::from_utf8_lossy(bytes.as_slice());
    Some(Location::in_text(
        name,
        &text,
        range.start,
        range.end.saturating_sub(range.start),
    ))
}
