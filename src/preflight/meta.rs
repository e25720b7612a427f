//! Document-level facts and checks: the PDF version, the standards claimed in XMP, title and
//! language, and per edition — print: the PDF/X output intent, `GTS_PDFXVersion`, `/Trapped`;
//! screen: `/Lang`, a title shown in the window, a structure tree.

use lopdf::{Dictionary, Document, Object, decode_text_string};

use super::resources::{dict, get};
use super::xmp::{self, Xmp};
use super::{Collector, Edition, Severity, rule};

/// What the catalog, the document info and the XMP metadata say.
#[derive(Debug, Default)]
pub struct Meta {
    pub version: String,
    pub standards: Vec<String>,
    pub title: Option<String>,
    pub lang: Option<String>,
    pub pdfx_info: Option<String>,
    pub pdfx_xmp: Option<String>,
    pub ua: bool,
    pub trapped: Option<String>,
    pub intent: Option<Intent>,
    pub display_doc_title: bool,
    pub tagged: bool,
}

/// The PDF/X output intent.
#[derive(Debug)]
pub struct Intent {
    pub condition: Option<String>,
    /// Components of the embedded DestOutputProfile (None: no profile embedded).
    pub profile_components: Option<i64>,
}

impl Meta {
    pub fn output_intent_fact(&self) -> Option<String> {
        let intent = self.intent.as_ref()?;
        let condition = intent
            .condition
            .as_deref()
            .unwrap_or("no OutputConditionIdentifier");
        Some(match intent.profile_components {
            Some(n) => format!("{condition} ({n}-component profile)"),
            None => format!("{condition} (no profile embedded)"),
        })
    }
}

pub fn read(doc: &Document) -> Meta {
    let empty = Dictionary::new();
    let catalog = doc.catalog().unwrap_or(&empty);
    let info = doc
        .trailer
        .get(b"Info")
        .ok()
        .and_then(|i| dict(doc, i))
        .unwrap_or(&empty);
    let xmp = get(doc, catalog, b"Metadata")
        .and_then(|m| m.as_stream().ok())
        .and_then(|m| m.get_plain_content_with_limit(16 << 20).ok())
        .map(|bytes| Xmp::parse(&String::from_utf8_lossy(&bytes)))
        .unwrap_or_default();
    let info_text = |key: &[u8]| get(doc, info, key).and_then(|v| decode_text_string(v).ok());
    let pdfx_info = info_text(b"GTS_PDFXVersion").filter(|v| !v.trim().is_empty());
    let pdfx_xmp = xmp.get(xmp::PDFX_ID, "GTS_PDFXVersion").map(String::from);
    let mut meta = Meta {
        version: version(doc, catalog),
        standards: standards(&xmp, pdfx_info.as_deref()),
        title: info_text(b"Title")
            .or_else(|| xmp.get(xmp::DC, "title").map(String::from))
            .filter(|t| !t.trim().is_empty()),
        lang: get(doc, catalog, b"Lang")
            .and_then(|l| decode_text_string(l).ok())
            .filter(|l| !l.trim().is_empty()),
        pdfx_info,
        pdfx_xmp,
        ua: xmp.get(xmp::PDFUA_ID, "part").is_some(),
        trapped: get(doc, info, b"Trapped").map(|t| match t {
            Object::Name(n) => String::from_utf8_lossy(n).into_owned(),
            other => decode_text_string(other).unwrap_or_default(),
        }),
        intent: intent(doc, catalog),
        ..Meta::default()
    };
    meta.display_doc_title = get(doc, catalog, b"ViewerPreferences")
        .and_then(|v| dict(doc, v))
        .and_then(|v| get(doc, v, b"DisplayDocTitle"))
        .is_some_and(|d| d.as_bool().unwrap_or(false));
    let marked = get(doc, catalog, b"MarkInfo")
        .and_then(|m| dict(doc, m))
        .and_then(|m| get(doc, m, b"Marked"))
        .is_some_and(|m| m.as_bool().unwrap_or(false));
    meta.tagged = marked && catalog.has(b"StructTreeRoot");
    meta
}

/// The header's version, or the catalog's `/Version` when it is later (ISO 32000-1, 7.7.2).
fn version(doc: &Document, catalog: &Dictionary) -> String {
    let header = doc.version.clone();
    let catalog_version = get(doc, catalog, b"Version")
        .and_then(|v| v.as_name().ok())
        .map(|v| String::from_utf8_lossy(v).into_owned());
    match catalog_version {
        Some(v) if v.as_str() > header.as_str() => v,
        _ => header,
    }
}

fn standards(xmp: &Xmp, pdfx_info: Option<&str>) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(part) = xmp.get(xmp::PDFA_ID, "part") {
        let conformance = xmp
            .get(xmp::PDFA_ID, "conformance")
            .unwrap_or("")
            .to_lowercase();
        out.push(format!("PDF/A-{part}{conformance}"));
    }
    if let Some(part) = xmp.get(xmp::PDFUA_ID, "part") {
        out.push(format!("PDF/UA-{part}"));
    }
    match (xmp.get(xmp::PDFX_ID, "GTS_PDFXVersion"), pdfx_info) {
        (Some(x), _) => out.push(x.to_string()),
        (None, Some(x)) => out.push(format!("{x} (document info only)")),
        (None, None) => {}
    }
    out
}

fn intent(doc: &Document, catalog: &Dictionary) -> Option<Intent> {
    let intents = get(doc, catalog, b"OutputIntents")?.as_array().ok()?;
    let pdfx = intents
        .iter()
        .filter_map(|i| dict(doc, i))
        .find(|i| get(doc, i, b"S").and_then(|s| s.as_name().ok()) == Some(b"GTS_PDFX"))?;
    Some(Intent {
        condition: get(doc, pdfx, b"OutputConditionIdentifier")
            .and_then(|c| decode_text_string(c).ok())
            .filter(|c| !c.trim().is_empty()),
        profile_components: get(doc, pdfx, b"DestOutputProfile")
            .and_then(|p| p.as_stream().ok())
            .map(|p| p.dict.get(b"N").and_then(Object::as_i64).unwrap_or(0)),
    })
}

pub fn check(_doc: &Document, meta: &Meta, edition: Edition, out: &mut Collector) {
    match edition {
        Edition::Print => print(meta, out),
        Edition::Screen | Edition::Html => screen(meta, out),
    }
}

fn print(meta: &Meta, out: &mut Collector) {
    let mut error = |rule, message: &str| out.doc(Severity::Error, rule, message);
    match &meta.intent {
        None => error(
            rule::OUTPUT_INTENT,
            "no PDF/X output intent (/OutputIntents with /S /GTS_PDFX): the file does not say \
             which printing condition its CMYK values are for",
        ),
        Some(i) if i.profile_components.is_none() => error(
            rule::OUTPUT_INTENT,
            "the PDF/X output intent embeds no DestOutputProfile (an ICC output profile)",
        ),
        Some(i) if i.profile_components != Some(4) => error(
            rule::OUTPUT_INTENT,
            &format!(
                "the output intent's profile has {} components; a CMYK press profile has 4",
                i.profile_components.unwrap_or(0)
            ),
        ),
        Some(_) => {}
    }
    if meta.intent.as_ref().is_some_and(|i| i.condition.is_none()) {
        error(
            rule::OUTPUT_INTENT,
            "the output intent has no OutputConditionIdentifier",
        );
    }
    if meta.pdfx_info.is_none() {
        error(
            rule::PDFX_VERSION,
            "no GTS_PDFXVersion in the document info: the file does not claim PDF/X",
        );
    }
    if meta.pdfx_xmp.is_none() {
        error(
            rule::PDFX_VERSION,
            "no pdfxid:GTS_PDFXVersion in the XMP metadata (PDF/X-4 needs it there)",
        );
    }
    if !matches!(meta.trapped.as_deref(), Some("True" | "False")) {
        error(
            rule::TRAPPED,
            "the document info has no /Trapped True or False (PDF/X needs one)",
        );
    }
}

fn screen(meta: &Meta, out: &mut Collector) {
    if meta.lang.is_none() {
        out.doc(
            Severity::Error,
            rule::LANG,
            "the catalog has no /Lang: screen readers cannot tell the language",
        );
    }
    if meta.title.is_none() {
        out.doc(
            Severity::Error,
            rule::TITLE,
            "no title (neither /Title in the document info nor dc:title in XMP)",
        );
    }
    if !meta.display_doc_title {
        let (severity, why) = if meta.ua {
            (Severity::Error, "PDF/UA needs it")
        } else {
            (Severity::Warning, "readers show the file name instead")
        };
        let message = format!("/ViewerPreferences has no /DisplayDocTitle true: {why}");
        out.doc(severity, rule::DISPLAY_DOC_TITLE, message);
    }
    if !meta.tagged {
        let (severity, why) = if meta.ua {
            (Severity::Error, "PDF/UA is claimed but")
        } else {
            (Severity::Warning, "not accessible:")
        };
        let message = format!(
            "{why} the document has no structure tree (/StructTreeRoot with /MarkInfo /Marked true)"
        );
        out.doc(severity, rule::STRUCTURE, message);
    }
}
