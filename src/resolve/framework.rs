//! The conceptual framework (`framework.typ`): the MiGOF's principles and objectives, what the
//! MGI is and is not, and the SDG Target 10.7 box.

use schemars::JsonSchema;
use serde::Serialize;

use super::Blocks;
use super::lookup::Resolver;

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Framework {
    pub title: String,
    pub migof_title: String,
    pub migof_body: Blocks,
    pub principles_title: String,
    pub principles: Vec<Blocks>,
    pub objectives_title: String,
    pub objectives: Vec<Blocks>,
    pub mgi_title: String,
    pub is_title: String,
    pub is: Vec<Blocks>,
    pub is_not_title: String,
    pub is_not: Vec<Blocks>,
    pub target_title: String,
    pub target_body: Blocks,
}

pub fn framework(r: &mut Resolver<'_>) -> Framework {
    Framework {
        title: r.pack_plain("framework.title"),
        migof_title: r.pack_plain("framework.migof_title"),
        migof_body: r.pack_blocks("framework.migof_body"),
        principles_title: r.pack_plain("framework.principles_title"),
        principles: r.pack_list("framework.principles"),
        objectives_title: r.pack_plain("framework.objectives_title"),
        objectives: r.pack_list("framework.objectives"),
        mgi_title: r.pack_plain("framework.mgi_title"),
        is_title: r.pack_plain("framework.is_title"),
        is: r.pack_list("framework.is"),
        is_not_title: r.pack_plain("framework.is_not_title"),
        is_not: r.pack_list("framework.is_not"),
        target_title: r.pack_plain("framework.target_title"),
        target_body: r.pack_blocks("framework.target_body"),
    }
}
