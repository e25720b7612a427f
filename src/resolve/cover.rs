//! The cover (`cover.typ`): the title over its lines, the photograph and its credit, the
//! publisher and the research partner.

use schemars::JsonSchema;
use serde::Serialize;

use super::Blocks;
use super::lookup::Resolver;
use super::origin::{Keyed, Origins};
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
    /// Where each plain field comes from (see `origin.rs`).
    #[serde(skip_serializing_if = "Origins::is_empty")]
    pub src: Origins,
}

/// The pack's `cover.title`, whose lines are the title's lines (see [`lines`]).
pub fn title(r: &mut Resolver<'_>) -> Keyed {
    r.pack_keyed("cover.title")
}

/// The title's lines: one per line of the pack's `cover.title`.
pub fn lines(title: &str) -> Vec<String> {
    title
        .lines()
        .map(|l| l.trim().to_string())
        .filter(|l| !l.is_empty())
        .collect()
}

pub fn cover(r: &mut Resolver<'_>, project: &Project, profile: &Profile, title: Keyed) -> Cover {
    let mut src = Origins::default();
    let title_lines = lines(&src.take("title_lines", title));
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
        publisher: src.take("publisher", r.pack_keyed("cover.publisher")),
        partner_label: src.take("partner_label", r.pack_keyed("cover.partner_label")),
        partner: src.take("partner", r.pack_keyed("cover.partner")),
        src,
    }
}
