//! The view model: everything the layout needs for one document, one field per part.

use schemars::JsonSchema;
use serde::Serialize;

use super::annexes::Annexes;
use super::back_cover::BackCover;
use super::cover::Cover;
use super::findings::Dimension;
use super::framework::Framework;
use super::introduction::Introduction;
use super::key_findings::KeyFindings;
use super::labels::Labels;
use super::legal::Legal;
use super::meta::Meta;
use super::objective::Objective;
use super::sources::Sources;
use super::web::WebLabels;

/// Everything the layout needs for one document, already merged and parsed. It is the contract
/// between Rust and the Typst layout (see `docs/view-model.md`); the layout reads it as JSON
/// from a virtual file. Field order is the order of the JSON.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct ViewModel {
    pub meta: Meta,
    pub labels: Labels,
    pub cover: Cover,
    pub legal: Legal,
    pub objective: Objective,
    pub introduction: Introduction,
    pub framework: Framework,
    pub key_findings: KeyFindings,
    pub dimensions: Vec<Dimension>,
    pub sources: Sources,
    pub annexes: Annexes,
    pub back_cover: BackCover,
    /// Words only the web edition shows.
    pub web: WebLabels,
}

impl ViewModel {
    /// The view model as the JSON bytes the layout reads (stable key order, pretty-printed so a
    /// designer can read a dumped copy).
    pub fn to_json(&self) -> Vec<u8> {
        let mut out = serde_json::to_vec_pretty(self).unwrap_or_default();
        out.push(b'\n');
        out
    }
}
