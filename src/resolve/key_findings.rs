//! The key findings overview (`key-findings.typ`): its title and introduction; the six cards
//! are drawn from the dimensions of [`super::findings`].

use schemars::JsonSchema;
use serde::Serialize;

use super::Blocks;
use super::lookup::Resolver;

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct KeyFindings {
    pub title: String,
    pub intro: Blocks,
}

pub fn key_findings(r: &mut Resolver<'_>) -> KeyFindings {
    KeyFindings {
        title: r.pack_plain("key_findings.title"),
        intro: r.pack_blocks("key_findings.intro"),
    }
}
