//! The six findings sections (`findings.typ`), one per dimension in the order of the facts:
//! number, title, card text, Table 1 of conventions (first dimension), and the lists of
//! well-developed areas and areas with potential, from the profile's text.

use schemars::JsonSchema;
use serde::Serialize;

use super::Blocks;
use super::labels::Labels;
use super::lookup::Resolver;
use super::origin::Origins;
use crate::load::model::DimensionId;
use crate::load::model::facts::Facts;

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Dimension {
    pub id: String,
    /// `dim-<id>` (`anchors.rs`): its label in the PDF, its id on the web page.
    pub anchor: String,
    pub number: usize,
    pub title: String,
    pub card_title: String,
    pub description: Blocks,
    pub conventions: Option<Conventions>,
    pub sections: Vec<Section>,
    /// Where each plain field comes from (see `origin.rs`).
    #[serde(skip_serializing_if = "Origins::is_empty")]
    pub src: Origins,
}

/// Table 1: international conventions ratified.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Conventions {
    pub number: String,
    pub heading: String,
    pub caption: String,
    pub col_convention: String,
    pub col_ratified: String,
    pub rows: Vec<ConventionRow>,
    /// Where each plain field comes from (see `origin.rs`).
    #[serde(skip_serializing_if = "Origins::is_empty")]
    pub src: Origins,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct ConventionRow {
    pub name: String,
    pub ratified: bool,
    pub year: Option<i32>,
    pub text: String,
    /// Where each plain field comes from (see `origin.rs`).
    #[serde(skip_serializing_if = "Origins::is_empty")]
    pub src: Origins,
}

/// A numbered list of findings: `1.2 Well-developed areas`.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Section {
    pub number: String,
    pub heading: String,
    pub body: Blocks,
    /// Where each plain field comes from (see `origin.rs`).
    #[serde(skip_serializing_if = "Origins::is_empty")]
    pub src: Origins,
}

pub fn findings(r: &mut Resolver<'_>, facts: &Facts, labels: &Labels) -> Vec<Dimension> {
    facts
        .dimensions
        .iter()
        .enumerate()
        .map(|(index, id)| dimension(r, index + 1, *id, facts, labels))
        .collect()
}

fn dimension(
    r: &mut Resolver<'_>,
    number: usize,
    id: DimensionId,
    facts: &Facts,
    labels: &Labels,
) -> Dimension {
    let d = id.as_str();
    let conventions = (id == DimensionId::Rights && !facts.conventions.is_empty())
        .then(|| conventions(r, number, facts, labels));
    let first = if conventions.is_some() { 2 } else { 1 };
    let mut sections = Vec::new();
    for (offset, (list, heading_key)) in [
        ("well_developed", "findings.well_developed_heading"),
        ("potential", "findings.potential_heading"),
    ]
    .into_iter()
    .enumerate()
    {
        let prefix = format!("findings.{d}.{list}");
        let keys = r.text_children(&prefix);
        let mut body = Vec::new();
        for k in keys {
            body.extend(r.text_blocks(&format!("{prefix}.{k}")));
        }
        let mut src = Origins::default();
        sections.push(Section {
            number: format!("{number}.{}", first + offset),
            heading: src.take("heading", r.pack_keyed(heading_key)),
            body,
            src,
        });
    }
    let mut src = Origins::default();
    Dimension {
        id: d.to_string(),
        anchor: super::anchors::dimension(d),
        number,
        title: src.take("title", r.pack_keyed(&format!("dimensions.{d}.title"))),
        card_title: src.take(
            "card_title",
            r.pack_keyed(&format!("dimensions.{d}.card_title")),
        ),
        description: r.pack_blocks(&format!("dimensions.{d}.description")),
        conventions,
        sections,
        src,
    }
}

/// Table 1. A convention is named by the profile text when it has the name, else by the pack.
fn conventions(r: &mut Resolver<'_>, number: usize, facts: &Facts, labels: &Labels) -> Conventions {
    let rows = facts
        .conventions
        .iter()
        .map(|c| {
            let name_key = format!("conventions.{}", c.id);
            let keyed = if r.text_has(&name_key) {
                r.text_keyed(&name_key)
            } else {
                r.pack_keyed(&name_key)
            };
            let mut src = Origins::default();
            let name = src.take("name", keyed);
            src.copy(
                "text",
                &labels.src,
                if c.ratified.is_some() { "yes" } else { "no" },
            );
            ConventionRow {
                name,
                ratified: c.ratified.is_some(),
                year: c.ratified,
                text: c
                    .ratified
                    .map_or(labels.no.clone(), |y| format!("{} ({y})", labels.yes)),
                src,
            }
        })
        .collect();
    let mut src = Origins::default();
    Conventions {
        number: format!("{number}.1"),
        heading: src.take("heading", r.pack_keyed("findings.conventions_heading")),
        caption: src.take("caption", r.pack_keyed("findings.table_caption")),
        col_convention: src.take("col_convention", r.pack_keyed("findings.col_convention")),
        col_ratified: src.take("col_ratified", r.pack_keyed("findings.col_ratified")),
        rows,
        src,
    }
}
