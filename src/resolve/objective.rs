//! The objective (`objective.typ`): a standard text of the language pack.

use schemars::JsonSchema;
use serde::Serialize;

use super::Blocks;
use super::lookup::Resolver;

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Objective {
    pub title: String,
    pub body: Blocks,
}

pub fn objective(r: &mut Resolver<'_>) -> Objective {
    Objective {
        title: r.pack_plain("objective.title"),
        body: r.pack_blocks("objective.body"),
    }
}
