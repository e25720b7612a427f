//! The annexes (`annexes.typ`): the MiGOF in full and the steps of the MGI process.

use schemars::JsonSchema;
use serde::Serialize;

use super::Blocks;
use super::lookup::Resolver;

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Annexes {
    pub title: String,
    pub migof_title: String,
    pub migof_body: Blocks,
    pub process_title: String,
    pub steps: Vec<Step>,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Step {
    pub number: usize,
    pub title: String,
    pub body: Blocks,
}

pub fn annexes(r: &mut Resolver<'_>) -> Annexes {
    let step_keys = r.pack_children("annexes.steps");
    let steps = step_keys
        .iter()
        .enumerate()
        .map(|(i, k)| Step {
            number: i + 1,
            title: r.pack_plain(&format!("annexes.steps.{k}.title")),
            body: r.pack_blocks(&format!("annexes.steps.{k}.body")),
        })
        .collect();
    Annexes {
        title: r.pack_plain("annexes.title"),
        migof_title: r.pack_plain("annexes.migof_title"),
        migof_body: r.pack_blocks("annexes.migof_body"),
        process_title: r.pack_plain("annexes.process_title"),
        steps,
    }
}
