//! How a profile is resolved: strictly or not, and with or without the preview's source
//! markers.

/// How to resolve.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    /// Turn every fallback to English into an error (for release builds).
    pub strict: bool,
    /// Whether the view model says where each text comes from.
    pub provenance: Provenance,
}

/// Whether the view model carries the preview's source markers. Only the live preview
/// (`serve`) reads them; they print nothing, so the PDF is the same either way.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Provenance {
    /// `mark` nodes at the start and end of every rich text taken from a file and `src` maps
    /// beside the plain strings (file and key, see [`super::origin`]): what `serve` lays out, to tell
    /// which file and key a clicked text comes from.
    Marked,
    /// Neither: what the batch (`build`, `watch`) lays out. The layout has fewer elements to
    /// place, and the same text in two profiles (whose files have different paths) is the same
    /// view model, so Typst's memoized layout of one serves the other.
    #[default]
    Plain,
}
