//! Where each plain string of the view model comes from (file and key), so that the preview
//! can answer "where is this text?" for headings, table cells and titles too. Rich text carries
//! its origin inline (`mark` nodes); a plain string cannot, so each part lists its plain
//! fields' origins in a `src` map beside them. Both only with [`super::Provenance::Marked`]:
//! without origins a `src` map is empty and left out of the JSON.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::Serialize;

/// The file and key a text was read from.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Origin {
    pub key: String,
    /// Display name of the file, e.g. `layouts/mgi/lang/en.json`.
    pub file: String,
}

/// A plain string with where it comes from (none when the key was missing).
#[derive(Debug, Clone)]
pub struct Keyed {
    pub text: String,
    pub origin: Option<Origin>,
}

/// The origins of a part's plain fields, by field name (`"title"`, `"heading"`, …).
#[derive(Debug, Clone, Default, PartialEq, Serialize, JsonSchema)]
#[serde(transparent)]
pub struct Origins(BTreeMap<String, Origin>);

impl Origins {
    /// Records where the string of `field` comes from and returns the string.
    pub fn take(&mut self, field: &str, keyed: Keyed) -> String {
        if let Some(origin) = keyed.origin {
            self.0.insert(field.to_string(), origin);
        }
        keyed.text
    }

    /// Records that `field` comes from the same place as `other`'s field `from`.
    pub fn copy(&mut self, field: &str, other: &Origins, from: &str) {
        if let Some(origin) = other.0.get(from) {
            self.0.insert(field.to_string(), origin.clone());
        }
    }

    pub fn get(&self, field: &str) -> Option<&Origin> {
        self.0.get(field)
    }

    /// No origins (a plain view model's `src` maps are left out of the JSON).
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}
