//! The legal page (`legal.typ`): disclaimer, publisher block, research partner, required
//! citation, copyright, licence and permissions.

use schemars::JsonSchema;
use serde::Serialize;

use super::Blocks;
use super::cover::Cover;
use super::lookup::Resolver;
use super::origin::Origins;

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
    /// Where each plain field comes from (see `origin.rs`).
    #[serde(skip_serializing_if = "Origins::is_empty")]
    pub src: Origins,
}

pub fn legal(r: &mut Resolver<'_>, cover: &Cover) -> Legal {
    let mut src = Origins::default();
    src.copy("partner_label", &cover.src, "partner_label");
    src.copy("partner", &cover.src, "partner");
    Legal {
        disclaimer: r.pack_blocks("legal.disclaimer"),
        publisher_block: r.pack_blocks("legal.publisher_block"),
        partner_label: cover.partner_label.clone(),
        partner: cover.partner.clone(),
        citation: r.pack_blocks("legal.citation"),
        copyright: src.take("copyright", r.pack_keyed("legal.copyright")),
        licence: r.pack_blocks("legal.licence"),
        permissions: r.pack_blocks("legal.permissions"),
        src,
    }
}
