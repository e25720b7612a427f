//! The six findings sections (`findings.typ`), one per dimension in the order of the facts:
//! number, title, card text, Table 1 of conventions (first dimension), and the lists of
//! well-developed areas and areas with potential, from the profile's text.

use schemars::JsonSchema;
use serde::Serialize;

use super::Blocks;
use super::labels::Labels;
use super::lookup::Resolver;
use crate::load::model::DimensionId;
use crate::load::model::facts::Facts;

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

/// Table 1: international conventions ratified.
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

/// A numbered list of findings: `1.2 Well-developed areas`.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Section {
    pub number: String,
    pub heading: String,
    pub body: Blocks,
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
        sections.push(Section {
            number: format!("{number}.{}", first + offset),
            heading: r.pack_plain(heading_key),
            body,
        });
    }
    Dimension {
        id: d.to_string(),
        number,
        title: r.pack_plain(&format!("dimensions.{d}.title")),
        card_title: r.pack_plain(&format!("dimensions.{d}.card_title")),
        description: r.pack_blocks(&format!("dimensions.{d}.description")),
        conventions,
        sections,
    }
}

/// Table 1. A convention is named by the profile text when it has the name, else by the pack.
fn conventions(r: &mut Resolver<'_>, number: usize, facts: &Facts, labels: &Labels) -> Conventions {
    let rows = facts
        .conventions
        .iter()
        .map(|c| {
            let name_key = format!("conventions.{}", c.id);
            let name = if r.text_has(&name_key) {
                r.text_plain(&name_key)
            } else {
                r.pack_plain(&name_key)
            };
            ConventionRow {
                name,
                ratified: c.ratified.is_some(),
                year: c.ratified,
                text: c
                    .ratified
                    .map_or(labels.no.clone(), |y| format!("{} ({y})", labels.yes)),
            }
        })
        .collect();
    Conventions {
        number: format!("{number}.1"),
        heading: r.pack_plain("findings.conventions_heading"),
        caption: r.pack_plain("findings.table_caption"),
        col_convention: r.pack_plain("findings.col_convention"),
        col_ratified: r.pack_plain("findings.col_ratified"),
        rows,
    }
}
