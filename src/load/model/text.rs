//! `text/<lang>.json`: every sentence of one profile in one language (i18next-style nested
//! JSON). Only its shape is declared here, for the schema; the loader reads it as dotted keys.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::common::Paragraphs;

/// The text of one profile in one language. Rich text fields use the markup of
/// `docs/data-format.md`.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ProfileText {
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    pub country: TextCountry,
    /// Extra paragraph(s) at the end of the introduction (rich text).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub introduction_note: Option<String>,
    /// TextFindings per dimension.
    pub findings: TextFindings,
    /// Names of conventions that are not in the language pack, by id.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub conventions: BTreeMap<String, String>,
    pub sources: TextSources,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cover: Option<TextCover>,
    /// Replacements for language-pack strings, by dotted key (e.g. `dimensions.rights.title`).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub overrides: BTreeMap<String, String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TextCountry {
    /// Full name, as on the cover (plain text).
    pub name: String,
    /// Short name used in running text (plain text).
    pub short_name: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TextFindings {
    pub rights: TextDimension,
    pub government: TextDimension,
    pub partnerships: TextDimension,
    pub wellbeing: TextDimension,
    pub crises: TextDimension,
    pub safe: TextDimension,
}

/// The two lists of findings of one dimension; paragraphs keyed `p1`, `p2`, … in order.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TextDimension {
    pub well_developed: Paragraphs,
    pub potential: Paragraphs,
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TextSources {
    /// Institution names by group id.
    pub groups: BTreeMap<String, String>,
    /// Entry titles by entry id (rich text).
    pub entries: BTreeMap<String, String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TextCover {
    /// Credit line for the cover photograph (rich text).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub photo_credit: Option<String>,
}
