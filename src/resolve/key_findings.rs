//! The key findings overview (`key-findings.typ`): its title and introduction; the six cards
//! are drawn from the dimensions of [`super::findings`].

use schemars::JsonSchema;
use serde::Serialize;

use super::Blocks;
use super::lookup::Resolver;
use super::origin::Origins;

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct KeyFindings {
    pub title: String,
    /// The part's anchor (`anchors.rs`): its label in the PDF, its id on the web page.
    pub anchor: String,
    pub intro: Blocks,
    /// Where each plain field comes from (see `origin.rs`).
    #[serde(skip_serializing_if = "Origins::is_empty")]
    pub src: Origins,
}

pub fn key_findings(r: &mut Resolver<'_>) -> KeyFindings {
    let mut src = Origins::default();
    KeyFindings {
        title: src.take("title", r.pack_keyed("key_findings.title")),
        anchor: super::anchors::KEY_FINDINGS.to_string(),
        intro: r.pack_blocks("key_findings.intro"),
        src,
    }
}
