//! The two editions of a publication: the print edition for the printer (PDF/X-4: CMYK, an
//! output intent, bleed, crop marks, trim and bleed boxes) and the screen edition for the web
//! portal (sRGB brand colours, PDF/A-2b with PDF/UA-1, light images).

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
}

impl Edition {
    pub fn name(self) -> &'static str {
        match self {
            Edition::Print => "print",
            Edition::Screen => "screen",
        }
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
            _ => Err(format!("unknown edition `{s}` (known: print, screen)")),
        }
    }
}
