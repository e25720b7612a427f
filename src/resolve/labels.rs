//! Labels: the short words the layout prints in many parts (`PROFILE`, `PAGE`, `Table`,
//! Yes/No, "Available at", the contents title).

use schemars::JsonSchema;
use serde::Serialize;

use super::lookup::Resolver;

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

pub fn labels(r: &mut Resolver<'_>) -> Labels {
    Labels {
        profile: r.pack_plain("labels.profile"),
        page: r.pack_plain("labels.page"),
        table: r.pack_plain("labels.table"),
        yes: r.pack_plain("labels.yes"),
        no: r.pack_plain("labels.no"),
        available_at: r.pack_plain("labels.available_at"),
        no_date: r.pack_plain("labels.no_date"),
        empty_section: r.pack_plain("labels.empty_section"),
        contents: r.pack_plain("contents.title"),
    }
}
