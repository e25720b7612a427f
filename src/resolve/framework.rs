//! The conceptual framework (`framework.typ`): the MiGOF's principles and objectives, what the
//! MGI is and is not, and the SDG Target 10.7 box.

use schemars::JsonSchema;
use serde::Serialize;

use super::Blocks;
use super::lookup::Resolver;
use super::origin::Origins;

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Framework {
    pub title: String,
    /// The part's anchor (`anchors.rs`): its label in the PDF, its id on the web page.
    pub anchor: String,
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
    /// Where each plain field comes from (see `origin.rs`).
    #[serde(skip_serializing_if = "Origins::is_empty")]
    pub src: Origins,
}

pub fn framework(r: &mut Resolver<'_>) -> Framework {
    let mut src = Origins::default();
    Framework {
        title: src.take("title", r.pack_keyed("framework.title")),
        anchor: super::anchors::FRAMEWORK.to_string(),
        migof_title: src.take("migof_title", r.pack_keyed("framework.migof_title")),
        migof_body: r.pack_blocks("framework.migof_body"),
        principles_title: src.take(
            "principles_title",
            r.pack_keyed("framework.principles_title"),
        ),
        principles: r.pack_list("framework.principles"),
        objectives_title: src.take(
            "objectives_title",
            r.pack_keyed("framework.objectives_title"),
        ),
        objectives: r.pack_list("framework.objectives"),
        mgi_title: src.take("mgi_title", r.pack_keyed("framework.mgi_title")),
        is_title: src.take("is_title", r.pack_keyed("framework.is_title")),
        is: r.pack_list("framework.is"),
        is_not_title: src.take("is_not_title", r.pack_keyed("framework.is_not_title")),
        is_not: r.pack_list("framework.is_not"),
        target_title: src.take("target_title", r.pack_keyed("framework.target_title")),
        target_body: r.pack_blocks("framework.target_body"),
        src,
    }
}
