//! Labels: the short words the layout prints in many parts (`PROFILE`, `PAGE`, `Table`,
//! Yes/No, "Available at", the contents title).

use schemars::JsonSchema;
use serde::Serialize;

use super::lookup::Resolver;
use super::origin::Origins;

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
    /// The contents' anchor (`anchors.rs`; the contents have no part of their own).
    pub contents_anchor: String,
    /// Where each label comes from (see `origin.rs`).
    #[serde(skip_serializing_if = "Origins::is_empty")]
    pub src: Origins,
}

pub fn labels(r: &mut Resolver<'_>) -> Labels {
    let mut src = Origins::default();
    Labels {
        profile: src.take("profile", r.pack_keyed("labels.profile")),
        page: src.take("page", r.pack_keyed("labels.page")),
        table: src.take("table", r.pack_keyed("labels.table")),
        yes: src.take("yes", r.pack_keyed("labels.yes")),
        no: src.take("no", r.pack_keyed("labels.no")),
        available_at: src.take("available_at", r.pack_keyed("labels.available_at")),
        no_date: src.take("no_date", r.pack_keyed("labels.no_date")),
        empty_section: src.take("empty_section", r.pack_keyed("labels.empty_section")),
        contents: src.take("contents", r.pack_keyed("contents.title")),
        contents_anchor: super::anchors::CONTENTS.to_string(),
        src,
    }
}
