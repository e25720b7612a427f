//! The editions of a publication: the print edition for the printer (PDF/X-4: CMYK, an
//! output intent, bleed, crop marks, trim and bleed boxes), the screen edition for the web
//! portal (sRGB brand colours, PDF/A-2b with PDF/UA-1, light images), and the html edition, a
//! web page per document (`crate::web`).

pub mod icc;

use std::fmt;
use std::str::FromStr;

/// One edition of a document.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Default,
    serde::Serialize,
    serde::Deserialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Edition {
    Print,
    #[default]
    Screen,
    /// A web page per document; never laid out by Typst (its view model is the screen's).
    Html,
}

impl Edition {
    pub fn name(self) -> &'static str {
        match self {
            Edition::Print => "print",
            Edition::Screen => "screen",
            Edition::Html => "html",
        }
    }

    /// Whether the edition is a PDF (laid out by Typst).
    pub fn is_pdf(self) -> bool {
        self != Edition::Html
    }
}

impl fmt::Display for Edition {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Edition {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "print" => Ok(Edition::Print),
            "screen" => Ok(Edition::Screen),
            "html" => Ok(Edition::Html),
            _ => Err(format!(
                "unknown edition `{s}` (known: print, screen, html)"
            )),
        }
    }
}
