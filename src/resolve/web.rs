//! The words only the web edition shows (`web` of the language pack): the skip link, the names
//! of the language and PDF lists, the notes heading and the notes' back links.

use schemars::JsonSchema;
use serde::Serialize;

use super::lookup::Resolver;

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct WebLabels {
    pub skip_link: String,
    pub languages: String,
    pub downloads: String,
    pub pdf_screen: String,
    pub pdf_print: String,
    pub notes: String,
    /// With `{number}` where the note's number goes.
    pub back_to_text: String,
}

pub fn web(r: &mut Resolver<'_>) -> WebLabels {
    WebLabels {
        skip_link: r.pack_plain("web.skip_link"),
        languages: r.pack_plain("web.languages"),
        downloads: r.pack_plain("web.downloads"),
        pdf_screen: r.pack_plain("web.pdf_screen"),
        pdf_print: r.pack_plain("web.pdf_print"),
        notes: r.pack_plain("web.notes"),
        back_to_text: r.pack_plain("web.back_to_text"),
    }
}
