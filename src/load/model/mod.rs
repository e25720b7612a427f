//! The file kinds a user writes — facts, profile text, language packs, notes — as Rust types.
//! The JSON Schemas in `schemas/` are generated from these types, and validation runs against
//! those schemas, so the documentation, the editor support and the checks cannot drift apart.

pub mod facts;
pub mod notes;
pub mod pack;
pub mod text;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The six MGI dimensions, in their standard order.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum DimensionId {
    Rights,
    Government,
    Partnerships,
    Wellbeing,
    Crises,
    Safe,
}

impl DimensionId {
    pub const ALL: [DimensionId; 6] = [
        DimensionId::Rights,
        DimensionId::Government,
        DimensionId::Partnerships,
        DimensionId::Wellbeing,
        DimensionId::Crises,
        DimensionId::Safe,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            DimensionId::Rights => "rights",
            DimensionId::Government => "government",
            DimensionId::Partnerships => "partnerships",
            DimensionId::Wellbeing => "wellbeing",
            DimensionId::Crises => "crises",
            DimensionId::Safe => "safe",
        }
    }
}

/// A map of paragraphs (`p1`, `p2`, …) in file order; each value is rich text.
pub type Paragraphs = std::collections::BTreeMap<String, String>;

/// Generates the JSON Schema of each file kind, by file name.
pub fn schemas() -> Vec<(&'static str, serde_json::Value)> {
    let to_json = |s: schemars::Schema| serde_json::to_value(s).unwrap_or_default();
    vec![
        (
            "profile.schema.json",
            to_json(schemars::schema_for!(facts::Facts)),
        ),
        (
            "text.schema.json",
            to_json(schemars::schema_for!(text::ProfileText)),
        ),
        (
            "pack.schema.json",
            to_json(schemars::schema_for!(pack::Pack)),
        ),
        (
            "notes.schema.json",
            to_json(schemars::schema_for!(notes::Notes)),
        ),
    ]
}
