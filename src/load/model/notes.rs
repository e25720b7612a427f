//! `_notes.json`: per-key context notes and length limits for translators.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Notes for translators, keyed by the dotted key of a text (`country.name`).
#[derive(Debug, Clone, Default, Serialize, Deserialize, JsonSchema)]
pub struct Notes {
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    #[serde(flatten)]
    pub keys: BTreeMap<String, Note>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Note {
    /// Where the text appears and what to mind when translating it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub context: Option<String>,
    /// The most characters the text may have (checked by `mgi-press check`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_length: Option<usize>,
    /// `false` for a setting that is not text (a writing direction, an alphabet, a web
    /// address): it is set per language by whoever adds the language, and is not a translation
    /// unit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub translate: Option<bool>,
}
