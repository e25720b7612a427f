//! `layouts/<layout>/lang/<lang>.json`: the standard texts and labels every profile shares.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::common::Paragraphs;

/// A language pack. Strings documented as rich use the markup of `docs/data-format.md`.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Pack {
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    pub language: PackLanguage,
    pub labels: PackLabels,
    /// Month names `m01` … `m12`.
    pub months: BTreeMap<String, String>,
    pub cover: PackCover,
    pub legal: PackLegal,
    pub contents: PackTitled,
    pub objective: PackTitledBody,
    pub introduction: PackTitledBody,
    pub framework: PackFramework,
    pub key_findings: PackKeyFindings,
    pub dimensions: PackDimensions,
    pub findings: PackFindings,
    /// Convention names by id.
    pub conventions: BTreeMap<String, String>,
    pub sources: PackTitled,
    pub annexes: PackAnnexes,
    pub back_cover: PackBackCover,
    pub web: PackWeb,
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PackLanguage {
    /// The language's own name.
    pub name: String,
    /// Writing direction.
    pub dir: Direction,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    Ltr,
    Rtl,
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PackLabels {
    pub profile: String,
    pub page: String,
    pub table: String,
    pub yes: String,
    pub no: String,
    pub available_at: String,
    pub no_date: String,
    pub empty_section: String,
    /// Letters that tell apart sources of the same year (`2015a`, `2015b`), in order; the
    /// Latin alphabet when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key_letters: Option<String>,
    /// How a date is written, with `{day}`, `{month}` (a name from `months`) and `{year}`;
    /// `{day} {month} {year}` when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_format: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PackCover {
    /// The title; each line on its own line of the cover.
    pub title: String,
    pub publisher: String,
    pub partner_label: String,
    pub partner: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PackLegal {
    pub disclaimer: String,
    pub publisher_block: String,
    pub citation: String,
    pub copyright: String,
    pub licence: String,
    pub permissions: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PackTitled {
    pub title: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PackTitledBody {
    pub title: String,
    pub body: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PackFramework {
    pub title: String,
    pub migof_title: String,
    pub migof_body: String,
    pub principles_title: String,
    pub principles: Paragraphs,
    pub objectives_title: String,
    pub objectives: Paragraphs,
    pub mgi_title: String,
    pub is_title: String,
    pub is: Paragraphs,
    pub is_not_title: String,
    pub is_not: Paragraphs,
    pub target_title: String,
    pub target_body: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PackKeyFindings {
    pub title: String,
    pub intro: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PackDimensions {
    pub rights: PackDimension,
    pub government: PackDimension,
    pub partnerships: PackDimension,
    pub wellbeing: PackDimension,
    pub crises: PackDimension,
    pub safe: PackDimension,
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PackDimension {
    pub title: String,
    pub card_title: String,
    pub description: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PackFindings {
    pub conventions_heading: String,
    pub table_caption: String,
    pub col_convention: String,
    pub col_ratified: String,
    pub well_developed_heading: String,
    pub potential_heading: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PackAnnexes {
    pub title: String,
    pub migof_title: String,
    pub migof_body: String,
    pub process_title: String,
    pub steps: BTreeMap<String, PackStep>,
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PackStep {
    pub title: String,
    pub body: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PackBackCover {
    pub portal: String,
    pub portal_url: String,
    /// Social media handles by network (`x`, `facebook`, …).
    pub social: BTreeMap<String, String>,
    pub email: String,
}

/// Words only the web edition shows (the page's navigation and notes).
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PackWeb {
    /// The skip link, the first thing a keyboard reaches.
    pub skip_link: String,
    /// Name of the list of the page in other languages.
    pub languages: String,
    /// Name of the list of PDF files.
    pub downloads: String,
    pub pdf_screen: String,
    pub pdf_print: String,
    /// Heading of the notes at the end of a chapter.
    pub notes: String,
    /// What the link from a note back to its reference says to a screen reader; `{number}` is
    /// the note's number.
    pub back_to_text: String,
}
