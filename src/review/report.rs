//! The result of a review: documents, their changed pages, the text changes and changed regions
//! of each page (also as JSON for machines), and the page images the HTML report shows.

use serde::Serialize;

use super::text_diff::TextChange;

/// Everything that differs between two builds.
#[derive(Debug, Clone, Serialize)]
pub struct Review {
    pub old: String,
    pub new: String,
    /// True when any document was added, removed or changed.
    pub changed: bool,
    pub counts: Counts,
    pub documents: Vec<DocumentReview>,
}

/// How many documents are in each state.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    pub changed: usize,
    pub added: usize,
    pub removed: usize,
    pub unchanged: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum DocStatus {
    Unchanged,
    Changed,
    /// Only in NEW.
    Added,
    /// Only in OLD.
    Removed,
}

/// One document: its page counts on each side and its changed pages.
#[derive(Debug, Clone, Serialize)]
pub struct DocumentReview {
    /// The file name (`valdoria.en.pdf`).
    pub name: String,
    pub status: DocStatus,
    pub old_pages: Option<usize>,
    pub new_pages: Option<usize>,
    /// The changed pages only, in order.
    pub pages: Vec<PageReview>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum PageStatus {
    Changed,
    /// A page past the end of OLD.
    Added,
    /// A page past the end of NEW.
    Removed,
}

/// One changed page. Pages are compared by number: page N of OLD with page N of NEW.
#[derive(Debug, Clone, Serialize)]
pub struct PageReview {
    /// The page number (1-based).
    pub page: usize,
    pub status: PageStatus,
    /// The words removed and added on this page (the word diff runs over the whole document,
    /// so text that merely moved to another page is not a change).
    pub text: Vec<TextChange>,
    /// The blocks of changed pixels, in points from the page's top left corner.
    pub regions: Vec<Region>,
    /// The page's size in points (NEW's, or OLD's for a removed page).
    pub width: f32,
    pub height: f32,
    /// The rendered pages with the regions, when images were asked for.
    #[serde(skip)]
    pub images: Option<PageImages>,
}

/// A rectangle in points, origin at the top left corner of the page.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Region {
    pub x: f32,
    pub y: f32,
    pub width: f32,
    pub height: f32,
}

/// PNG images of the two sides of a changed page (absent for a side without the page).
#[derive(Debug, Clone, Default)]
pub struct PageImages {
    pub old: Option<Vec<u8>>,
    pub new: Option<Vec<u8>>,
}

impl DocumentReview {
    /// The number of pages on the side that has the document, NEW first.
    pub fn page_count(&self) -> usize {
        self.new_pages.or(self.old_pages).unwrap_or(0)
    }
}

impl Review {
    /// Builds the review of documents, counting their states.
    pub fn new(old: String, new: String, documents: Vec<DocumentReview>) -> Self {
        let mut counts = Counts::default();
        for doc in &documents {
            match doc.status {
                DocStatus::Unchanged => counts.unchanged += 1,
                DocStatus::Changed => counts.changed += 1,
                DocStatus::Added => counts.added += 1,
                DocStatus::Removed => counts.removed += 1,
            }
        }
        let changed = counts.changed + counts.added + counts.removed > 0;
        Review {
            old,
            new,
            changed,
            counts,
            documents,
        }
    }
}
