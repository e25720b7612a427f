//! The objective (`objective.typ`): a standard text of the language pack.

use schemars::JsonSchema;
use serde::Serialize;

use super::Blocks;
use super::lookup::Resolver;
use super::origin::Origins;

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Objective {
    pub title: String,
    /// The part's anchor (`anchors.rs`): its label in the PDF, its id on the web page.
    pub anchor: String,
    pub body: Blocks,
    /// Where each plain field comes from (see `origin.rs`).
    #[serde(skip_serializing_if = "Origins::is_empty")]
    pub src: Origins,
}

pub fn objective(r: &mut Resolver<'_>) -> Objective {
    let mut src = Origins::default();
    Objective {
        title: src.take("title", r.pack_keyed("objective.title")),
        anchor: super::anchors::OBJECTIVE.to_string(),
        body: r.pack_blocks("objective.body"),
        src,
    }
}
