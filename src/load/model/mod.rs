//! The file kinds a user writes — facts, profile text, language packs, notes — as Rust types.
//! The JSON Schemas in `schemas/` are generated from these types, and validation runs against
//! those schemas, so the documentation, the editor support and the checks cannot drift apart.

mod common;
pub mod facts;
pub mod notes;
pub mod pack;
pub mod text;

pub use common::{DimensionId, Paragraphs};

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
