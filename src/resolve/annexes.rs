//! The annexes (`annexes.typ`): the MiGOF in full and the steps of the MGI process.

use schemars::JsonSchema;
use serde::Serialize;

use super::Blocks;
use super::lookup::Resolver;
use super::origin::Origins;

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Annexes {
    pub title: String,
    /// The part's anchor (`anchors.rs`): its label in the PDF, its id on the web page.
    pub anchor: String,
    pub migof_title: String,
    pub migof_body: Blocks,
    pub process_title: String,
    pub steps: Vec<Step>,
    /// Where each plain field comes from (see `origin.rs`).
    #[serde(skip_serializing_if = "Origins::is_empty")]
    pub src: Origins,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Step {
    pub number: usize,
    pub title: String,
    pub body: Blocks,
    /// Where each plain field comes from (see `origin.rs`).
    #[serde(skip_serializing_if = "Origins::is_empty")]
    pub src: Origins,
}

pub fn annexes(r: &mut Resolver<'_>) -> Annexes {
    let step_keys = r.pack_children("annexes.steps");
    let steps = step_keys
        .iter()
        .enumerate()
        .map(|(i, k)| {
            let mut src = Origins::default();
            Step {
                number: i + 1,
                title: src.take("title", r.pack_keyed(&format!("annexes.steps.{k}.title"))),
                body: r.pack_blocks(&format!("annexes.steps.{k}.body")),
                src,
            }
        })
        .collect();
    let mut src = Origins::default();
    Annexes {
        title: src.take("title", r.pack_keyed("annexes.title")),
        anchor: super::anchors::ANNEXES.to_string(),
        migof_title: src.take("migof_title", r.pack_keyed("annexes.migof_title")),
        migof_body: r.pack_blocks("annexes.migof_body"),
        process_title: src.take("process_title", r.pack_keyed("annexes.process_title")),
        steps,
        src,
    }
}
