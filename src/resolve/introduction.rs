//! The introduction (`introduction.typ`): the pack's standard text, then the profile's own
//! `introduction_note` when it has one.

use schemars::JsonSchema;
use serde::Serialize;

use super::Blocks;
use super::lookup::Resolver;

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Introduction {
    pub title: String,
    pub body: Blocks,
}

pub fn introduction(r: &mut Resolver<'_>) -> Introduction {
    let mut body = r.pack_blocks("introduction.body");
    if r.text_has("introduction_note") {
        body.extend(r.text_blocks("introduction_note"));
    }
    Introduction {
        title: r.pack_plain("introduction.title"),
        body,
    }
}
