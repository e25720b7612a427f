//! The cover (`cover.typ`): the title over its lines, the photograph and its credit, the
//! publisher and the research partner.

use schemars::JsonSchema;
use serde::Serialize;

use super::Blocks;
use super::lookup::Resolver;
use crate::load::Profile;
use crate::project::Project;

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Cover {
    pub title_lines: Vec<String>,
    pub image: Option<String>,
    pub photo_credit: Option<Blocks>,
    pub publisher: String,
    pub partner_label: String,
    pub partner: String,
}

/// The title's lines: one per line of the pack's `cover.title`.
pub fn title_lines(r: &mut Resolver<'_>) -> Vec<String> {
    r.pack_plain("cover.title")
        .lines()
        .map(|l| l.trim().to_string())
        .filter(|l| !l.is_empty())
        .collect()
}

pub fn cover(
    r: &mut Resolver<'_>,
    project: &Project,
    profile: &Profile,
    title_lines: Vec<String>,
) -> Cover {
    let prefix = project.profile_prefix(&profile.dir);
    let photo_credit = r
        .text_has("cover.photo_credit")
        .then(|| r.text_blocks("cover.photo_credit"));
    Cover {
        title_lines,
        image: profile
            .facts
            .cover_image
            .as_ref()
            .map(|img| format!("{prefix}/{}", img.trim_start_matches("./"))),
        photo_credit,
        publisher: r.pack_plain("cover.publisher"),
        partner_label: r.pack_plain("cover.partner_label"),
        partner: r.pack_plain("cover.partner"),
    }
}
