//! The introduction (`introduction.typ`): the pack's standard text, then the profile's own
//! `introduction_note` when it has one.

use schemars::JsonSchema;
use serde::Serialize;

use super::Blocks;
use super::lookup::Resolver;
use super::origin::Origins;

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Introduction {
    pub title: String,
    /// The part's anchor (`anchors.rs`): its label in the PDF, its id on the web page.
    pub anchor: String,
    pub body: Blocks,
    /// Where each plain field comes from (see `origin.rs`).
    #[serde(skip_serializing_if = "Origins::is_empty")]
    pub src: Origins,
}

pub fn introduction(r: &mut Resolver<'_>) -> Introduction {
    let mut body = r.pack_blocks("introduction.body");
    if r.text_has("introduction_note") {
        body.extend(r.text_blocks("introduction_note"));
    }
    let mut src = Origins::default();
    Introduction {
        title: src.take("title", r.pack_keyed("introduction.title")),
        anchor: super::anchors::INTRODUCTION.to_string(),
        body,
        src,
    }
}
