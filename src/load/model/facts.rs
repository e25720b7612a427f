//! `profile.json`: the language-neutral facts of a profile.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::common::DimensionId;

/// The facts of one MGI profile (language-neutral).
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Facts {
    /// Path or URL of this file's JSON Schema, for editors.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// The profile year shown on the cover and in the running header.
    #[schemars(range(min = 1990, max = 2200))]
    pub year: i32,
    /// Publication date, `YYYY-MM-DD`; also the PDF's fixed timestamp.
    #[schemars(regex(pattern = r"^\d{4}-\d{2}-\d{2}$"))]
    pub published: String,
    /// Page size.
    #[serde(default)]
    pub paper: Paper,
    /// Cover photograph, relative to the profile folder.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cover_image: Option<String>,
    /// The languages the profile is published in (`en`, `fr`, …): each must be complete
    /// (`mgi-press i18n status` exits 1 otherwise).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub languages: Vec<String>,
    /// Order of the six findings sections; each dimension exactly once.
    pub dimensions: Vec<DimensionId>,
    /// Rows of Table 1 (international conventions).
    #[serde(default)]
    pub conventions: Vec<ConventionFacts>,
    /// Key sources, grouped by institution.
    #[serde(default)]
    pub sources: Vec<SourceGroupFacts>,
    /// Print options.
    #[serde(default)]
    pub print: Print,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Paper {
    #[default]
    A4,
    Letter,
}

impl Paper {
    pub fn as_str(self) -> &'static str {
        match self {
            Paper::A4 => "a4",
            Paper::Letter => "letter",
        }
    }

    /// The trimmed page width.
    pub fn width_mm(self) -> f64 {
        match self {
            Paper::A4 => 210.0,
            Paper::Letter => 215.9,
        }
    }
}

/// Options of the print edition (the screen edition has no bleed and no marks).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Print {
    /// Bleed added on each side of every page of the print edition, in millimetres.
    #[serde(default = "default_bleed_mm")]
    #[schemars(range(min = 0.0, max = 20.0))]
    pub bleed_mm: f64,
    /// Crop marks outside the trim of the print edition.
    #[serde(default = "default_crop_marks")]
    pub crop_marks: bool,
    /// The printer's CMYK output profile (an `.icc` file, relative to the profile folder),
    /// embedded as the PDF/X output intent; the profile shipped in `color/` when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub output_profile: Option<String>,
    /// The output condition the printer names (e.g. `FOGRA51`); when absent, read from the
    /// output profile's description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub output_condition: Option<String>,
}

fn default_bleed_mm() -> f64 {
    3.0
}

fn default_crop_marks() -> bool {
    true
}

impl Default for Print {
    fn default() -> Self {
        Print {
            bleed_mm: default_bleed_mm(),
            crop_marks: default_crop_marks(),
            output_profile: None,
            output_condition: None,
        }
    }
}

/// One row of the conventions table.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ConventionFacts {
    /// Id of the convention; its name comes from the language pack or the profile text.
    pub id: String,
    /// Year of ratification, or `null` when not ratified.
    pub ratified: Option<i32>,
}

/// The sources of one institution.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SourceGroupFacts {
    /// Id of the group; its name is in the profile text under `sources.groups`.
    pub id: String,
    pub entries: Vec<SourceFacts>,
}

/// One key source.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SourceFacts {
    /// Id of the entry; its title is in the profile text under `sources.entries`.
    pub id: String,
    /// Year of publication, or `null` for *n.d.*
    pub year: Option<i32>,
    /// Where to find it online.
    #[serde(default)]
    pub url: Option<String>,
}
