//! The view model: everything the layout needs for one document, already merged and parsed.
//! It is the contract between Rust and the Typst layout (see `docs/view-model.md`); the layout
//! reads it as JSON from a virtual file.

use schemars::JsonSchema;
use serde::Serialize;

use crate::markup::{Block, Inline};

pub type Blocks = Vec<Block>;

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct ViewModel {
    pub meta: Meta,
    pub labels: Labels,
    pub cover: Cover,
    pub legal: Legal,
    pub objective: Part,
    pub introduction: Part,
    pub framework: Framework,
    pub key_findings: KeyFindings,
    pub dimensions: Vec<Dimension>,
    pub sources: Sources,
    pub annexes: Annexes,
    pub back_cover: BackCover,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Meta {
    pub lang: String,
    pub dir: String,
    pub country: String,
    pub country_short: String,
    /// The running header and cover line, e.g. `REPUBLIC OF VALDORIA | PROFILE 2025`.
    pub header: String,
    pub year: i32,
    pub published: String,
    pub published_text: String,
    pub paper: String,
    pub bleed_mm: f64,
    pub crop_marks: bool,
    pub title: String,
    pub author: String,
    pub keywords: Vec<String>,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Labels {
    pub profile: String,
    pub page: String,
    pub table: String,
    pub yes: String,
    pub no: String,
    pub available_at: String,
    pub no_date: String,
    pub empty_section: String,
    pub contents: String,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Cover {
    pub title_lines: Vec<String>,
    pub image: Option<String>,
    pub photo_credit: Option<Blocks>,
    pub publisher: String,
    pub partner_label: String,
    pub partner: String,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Legal {
    pub disclaimer: Blocks,
    pub publisher_block: Blocks,
    pub partner_label: String,
    pub partner: String,
    pub citation: Blocks,
    pub copyright: String,
    pub licence: Blocks,
    pub permissions: Blocks,
}

/// A titled part with a body.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Part {
    pub title: String,
    pub body: Blocks,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct KeyFindings {
    pub title: String,
    pub intro: Blocks,
}

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

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Dimension {
    pub id: String,
    pub number: usize,
    pub title: String,
    pub card_title: String,
    pub description: Blocks,
    pub conventions: Option<Conventions>,
    pub sections: Vec<Section>,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Conventions {
    pub number: String,
    pub heading: String,
    pub caption: String,
    pub col_convention: String,
    pub col_ratified: String,
    pub rows: Vec<ConventionRow>,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct ConventionRow {
    pub name: String,
    pub ratified: bool,
    pub year: Option<i32>,
    pub text: String,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Section {
    pub number: String,
    pub heading: String,
    pub body: Blocks,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Sources {
    pub title: String,
    pub groups: Vec<SourceGroup>,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct SourceGroup {
    pub name: String,
    pub entries: Vec<SourceEntry>,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct SourceEntry {
    pub key: String,
    pub title: Vec<Inline>,
    pub url: Option<String>,
}

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

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct BackCover {
    pub portal: String,
    pub portal_url: String,
    pub social: Vec<Social>,
    pub email: String,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Social {
    pub network: String,
    pub handle: String,
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
