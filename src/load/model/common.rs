//! Types several file kinds share: the six dimensions' ids and a map of paragraphs.

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
