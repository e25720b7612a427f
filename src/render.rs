//! Compiles a view model with the layout into a laid-out document and exports it to PDF, and
//! turns Typst's diagnostics into ours without losing file, line and column. Together with
//! `world.rs` and `inspect.rs`, this is where Typst's types live.

use std::path::Path;
use std::sync::Arc;

use typst::World;
use typst::WorldExt;
use typst::diag::{Severity as TypstSeverity, SourceDiagnostic};
use typst::foundations::{Datetime, Smart};
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards, Timestamp};

use crate::diagnostics::{Diagnostic, Location, Severity};
use crate::world::{DocWorld, Mount, Shared};

/// A calendar date, used as the document's "today" and its PDF timestamp.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Date {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

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
}

/// The PDF settings of a build.
#[derive(Debug, Clone)]
pub struct PdfSettings {
    /// A stable identifier of the document (profile and language).
    pub ident: String,
    /// The creation timestamp written into the PDF, in seconds since the Unix epoch.
    pub timestamp: i64,
    /// PDF standards to conform to, by their Typst names (`a-2b`, `ua-1`, ...).
    pub standards: Vec<String>,
}

/// A successfully laid-out document with the warnings found on the way.
pub struct Compiled {
    pub document: PagedDocument,
    pub warnings: Vec<Diagnostic>,
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
        input.layout,
        layouts,
        profile,
        input.data,
        today,
    );
    let result = typst::compile::<PagedDocument>(&world);
    let warnings = convert_all(&world, &result.warnings);
    match result.output {
        Ok(document) => Ok(Compiled { document, warnings }),
        Err(errors) => {
            let mut all = convert_all(&world, &errors);
            all.extend(warnings);
            Err(all)
        }
    }
}

/// Exports a laid-out document to PDF bytes.
pub fn export_pdf(
    document: &PagedDocument,
    settings: &PdfSettings,
) -> Result<Vec<u8>, Vec<Diagnostic>> {
    let standards = parse_standards(&settings.standards).map_err(|e| vec![Diagnostic::error(e)])?;
    let timestamp = timestamp(settings.timestamp)
        .ok_or_else(|| vec![Diagnostic::error("the PDF timestamp is out of range")])?;
    let options = PdfOptions {
        ident: Smart::Custom(settings.ident.clone()),
        creator: Smart::Custom(Some(format!("mgi-press {}", env!("CARGO_PKG_VERSION")))),
        timestamp: Some(timestamp),
        page_ranges: None,
        standards,
        tagged: true,
        pretty: false,
    };
    typst_pdf::pdf(document, &options).map_err(|errors| {
        errors
            .iter()
            .map(|e| {
                let mut d = Diagnostic::error(format!("PDF export: {}", e.message));
                d.hints = e.hints.iter().map(|h| h.v.to_string()).collect();
                d
            })
            .collect()
    })
}

fn parse_standards(names: &[String]) -> Result<PdfStandards, String> {
    let mut list = Vec::new();
    for name in names {
        let standard: PdfStandard = serde_json::from_value(serde_json::Value::String(name.clone()))
            .map_err(|_| {
                format!("unknown PDF standard `{name}` (known: 1.7, 2.0, a-2b, a-2u, a-2a, a-3b, a-4, ua-1, ...)")
            })?;
        list.push(standard);
    }
    PdfStandards::new(&list).map_err(|e| e.message().to_string())
}

fn timestamp(epoch: i64) -> Option<Timestamp> {
    let days = epoch.div_euclid(86_400);
    let secs = epoch.rem_euclid(86_400);
    let (y, m, d) = civil_from_days(days);
    let dt = Datetime::from_ymd_hms(
        i32::try_from(y).ok()?,
        m,
        d,
        (secs / 3600) as u8,
        ((secs % 3600) / 60) as u8,
        (secs % 60) as u8,
    )?;
    Some(Timestamp::new_utc(dt))
}

/// Days since 1970-01-01 → (year, month, day), proleptic Gregorian.
pub fn civil_from_days(z: i64) -> (i64, u8, u8) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

/// (year, month, day) → days since 1970-01-01.
pub fn days_from_civil(y: i64, m: u8, d: u8) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
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
