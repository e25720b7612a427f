//! Typesetting with Typst, in-process: the hermetic [`world`] (layouts, the profile's own
//! folder, fonts from `fonts/`, the view model as a virtual file), [`compile`], PDF
//! [`export`], and [`inspect`] to read laid-out pages back ([`marks`]: where each keyed text lies). This is the only place Typst's
//! types appear, so a Typst upgrade touches these files and no others.

pub mod compile;
pub mod export;
pub mod fonts;
pub mod inspect;
pub mod marks;
pub mod world;

pub use compile::{Compiled, DocInput, compile};
pub use export::{PdfSettings, check_standards, export_pdf};
pub use fonts::{FontSet, load_fonts};
pub use world::Shared;

/// Drops memoized results not used in the last `max_age` compilations (Typst's cache and ours
/// are the same `comemo` cache), bounding memory in long batches and watch loops.
pub fn evict(max_age: usize) {
    comemo::evict(max_age);
}
