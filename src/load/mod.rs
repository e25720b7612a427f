//! Loading: the user's files read safely (size, byte-order mark, UTF-8), parsed with every
//! value's position, validated against the JSON Schemas generated from [`model`], and turned
//! into a [`Profile`] (facts + text per language + notes) or the layout's [`Packs`].
//! Every problem becomes a located diagnostic; nothing here panics on bad input.

pub mod json;
pub mod model;
mod packs;
mod profile;
pub mod schema;
pub mod source;
pub mod strings;
mod texts;

pub use packs::{Packs, load_packs};
pub use profile::{Profile, load_profile};
pub use source::{DisplayNames, JsonFile, read_json};
pub use strings::Strings;
pub use texts::{NOTES_FILE, schema_of, text_languages};
