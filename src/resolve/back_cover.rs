//! The back cover (`back-cover.typ`): the portal, social media handles and contact e-mail.

use schemars::JsonSchema;
use serde::Serialize;

use super::lookup::Resolver;

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

pub fn back_cover(r: &mut Resolver<'_>) -> BackCover {
    let social_keys = r.pack_children("back_cover.social");
    BackCover {
        portal: r.pack_plain("back_cover.portal"),
        portal_url: r.pack_plain("back_cover.portal_url"),
        social: social_keys
            .iter()
            .map(|k| Social {
                network: k.clone(),
                handle: r.pack_plain(&format!("back_cover.social.{k}")),
            })
            .collect(),
        email: r.pack_plain("back_cover.email"),
    }
}
