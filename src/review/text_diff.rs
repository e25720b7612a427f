//! The word diff of two documents. The whole text is compared at once, not page against page,
//! so that a paragraph pushed to the next page by an edit reads as the edit alone; each change
//! is then given the page it sits on in both documents. Words of different sizes are compared
//! apart: body text, footnotes, running heads and headings each flow in their own order, and one
//! stream of all of them would interleave a page's footnotes with the body text moving past them.

use std::collections::BTreeSet;
use std::ops::Range;
use std::time::{Duration, Instant};

use serde::Serialize;
use similar::{Algorithm, DiffTag};

use super::words::{Word, compare_key};

/// Words of context shown on each side of a change (from the same page).
const CONTEXT: usize = 6;

/// One change in the text: words removed and added at one place.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TextChange {
    /// The page (1-based) in the old document, where it has one.
    pub old_page: Option<usize>,
    /// The page (1-based) in the new document, where it has one.
    pub new_page: Option<usize>,
    pub removed: String,
    pub added: String,
    /// The unchanged words just before and after.
    pub before: String,
    pub after: String,
}

/// A change and the baseline of its first word on its page, to list a page's changes in order.
type Placed = (TextChange, f64);

/// The words of one size in a document, with the page (0-based) and baseline of each.
struct Words<'a> {
    text: Vec<&'a str>,
    page: Vec<usize>,
    y: Vec<f64>,
}

/// Words within half a point of each other in size are compared together.
fn size_class(word: &Word) -> i64 {
    (word.size * 2.0).round() as i64
}

impl<'a> Words<'a> {
    fn new(pages: &'a [Vec<Word>], class: i64) -> Self {
        let mut words = Words {
            text: Vec::new(),
            page: Vec::new(),
            y: Vec::new(),
        };
        for (page, page_words) in pages.iter().enumerate() {
            for word in page_words.iter().filter(|w| size_class(w) == class) {
                words.text.push(&word.text);
                words.page.push(page);
                words.y.push(word.y);
            }
        }
        words
    }

    /// The page next to position `at` (a word index, or a gap before it): the page of the word
    /// there or just before, preferring `prefer`.
    fn page_near(&self, at: usize, prefer: Option<usize>) -> Option<usize> {
        let before = at.checked_sub(1).and_then(|i| self.page.get(i).copied());
        let here = self.page.get(at).copied();
        match (before, here) {
            (Some(b), Some(h)) if prefer == Some(h) && b != h => Some(h),
            (Some(b), _) => Some(b),
            (None, h) => h,
        }
    }

    /// The baseline at position `at`, or of the word before it.
    fn y_near(&self, at: usize) -> f64 {
        let i = at.min(self.y.len().saturating_sub(1));
        self.y.get(i).copied().unwrap_or(0.0)
    }

    /// Up to `CONTEXT` words on each side of `range`, from `page` only.
    fn context(&self, range: &Range<usize>, page: Option<usize>) -> (Range<usize>, Range<usize>) {
        let on_page = |i: usize| Some(self.page[i]) == page;
        let mut start = range.start;
        while range.start - start < CONTEXT && start > 0 && on_page(start - 1) {
            start -= 1;
        }
        let mut end = range.end;
        while end - range.end < CONTEXT && end < self.text.len() && on_page(end) {
            end += 1;
        }
        (start..range.start, range.end..end)
    }

    fn join(&self, range: Range<usize>) -> String {
        self.text[range].join(" ")
    }
}

/// The changes between the words of two documents, in page order and, on a page, from the top.
pub fn diff_pages(old: &[Vec<Word>], new: &[Vec<Word>]) -> Vec<TextChange> {
    let classes: BTreeSet<i64> = old.iter().chain(new).flatten().map(size_class).collect();
    let mut changes: Vec<Placed> = Vec::new();
    for class in classes {
        changes.extend(diff_words(&Words::new(old, class), &Words::new(new, class)));
    }
    let page = |c: &TextChange| c.new_page.or(c.old_page);
    changes.sort_by(|(a, ay), (b, by)| page(a).cmp(&page(b)).then(ay.total_cmp(by)));
    changes.into_iter().map(|(c, _)| c).collect()
}

/// The changes between two streams of words.
fn diff_words(old: &Words<'_>, new: &Words<'_>) -> Vec<Placed> {
    let old_keys: Vec<String> = old.text.iter().map(|w| compare_key(w)).collect();
    let new_keys: Vec<String> = new.text.iter().map(|w| compare_key(w)).collect();
    let deadline = Instant::now() + Duration::from_secs(5);
    let ops = similar::capture_diff_slices_deadline(
        Algorithm::Myers,
        &old_keys,
        &new_keys,
        Some(deadline),
    );
    let mut changes = Vec::new();
    for op in ops {
        let (tag, old_range, new_range) = op.as_tag_tuple();
        if tag != DiffTag::Equal {
            changes.extend(split_by_page(old, new, old_range, new_range));
        }
    }
    drop_reflow(changes)
}

/// Leaves out text that only moved to the next or the previous page: lines pushed over a page
/// break may still come out of the diff as removed on one page and added, the same, on the next.
fn drop_reflow(changes: Vec<Placed>) -> Vec<Placed> {
    let key = |s: &str| compare_key(s);
    let mut moved = vec![false; changes.len()];
    for (i, (gone, _)) in changes.iter().enumerate() {
        if gone.removed.is_empty() || !gone.added.is_empty() || moved[i] {
            continue;
        }
        let found = changes.iter().enumerate().position(|(j, (came, _))| {
            !moved[j]
                && came.removed.is_empty()
                && key(&came.added) == key(&gone.removed)
                && gone
                    .old_page
                    .zip(came.new_page)
                    .is_some_and(|(a, b)| a.abs_diff(b) <= 1)
        });
        if let Some(j) = found {
            moved[i] = true;
            moved[j] = true;
        }
    }
    changes
        .into_iter()
        .zip(moved)
        .filter_map(|(c, m)| (!m).then_some(c))
        .collect()
}

/// One change per page of the added words (the removed words go with the first).
fn split_by_page(
    old: &Words<'_>,
    new: &Words<'_>,
    old_range: Range<usize>,
    new_range: Range<usize>,
) -> Vec<Placed> {
    let mut chunks: Vec<Range<usize>> = Vec::new();
    for i in new_range.clone() {
        match chunks.last_mut() {
            Some(c) if new.page[c.start] == new.page[i] => c.end = i + 1,
            _ => chunks.push(i..i + 1),
        }
    }
    if chunks.is_empty() {
        chunks.push(new_range.start..new_range.start);
    }
    let old_end = old_range.end;
    let mut removed = Some(old_range);
    chunks
        .into_iter()
        .map(|added| {
            let removed = removed.take().unwrap_or(old_end..old_end);
            change(old, new, removed, added)
        })
        .collect()
}

fn change(old: &Words<'_>, new: &Words<'_>, removed: Range<usize>, added: Range<usize>) -> Placed {
    // Pages are 0-based here, 1-based in the result.
    let old_page = match removed.is_empty() {
        true => old.page_near(removed.start, None),
        false => Some(old.page[removed.start]),
    };
    let new_page = match added.is_empty() {
        true => new.page_near(added.start, old_page),
        false => Some(new.page[added.start]),
    };
    let (before, after) = new.context(&added, new_page);
    let y = match added.is_empty() && new_page.is_none() {
        true => old.y_near(removed.start),
        false => new.y_near(added.start),
    };
    let change = TextChange {
        old_page: old_page.map(|p| p + 1),
        new_page: new_page.map(|p| p + 1),
        removed: old.join(removed),
        added: new.join(added),
        before: new.join(before),
        after: new.join(after),
    };
    (change, y)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Pages of words of one size, one word a line.
    fn pages(text: &[&str]) -> Vec<Vec<Word>> {
        text.iter().map(|p| sized(p, 10.0)).collect()
    }

    fn sized(text: &str, size: f64) -> Vec<Word> {
        let word = |(i, w): (usize, &str)| Word {
            text: w.into(),
            size,
            y: i as f64,
        };
        text.split_whitespace().enumerate().map(word).collect()
    }

    #[test]
    fn body_text_moving_past_footnotes_is_not_a_change() {
        // A new word pushes "d e" to page 2, past page 1's footnotes (smaller type).
        let page = |body: &str, notes: &str| [sized(body, 10.0), sized(notes, 7.0)].concat();
        let old = [page("a b c d e", "n1 n2 n3"), page("f g", "m1 m2")];
        let new = [page("a X b c", "n1 n2 n3"), page("d e f g", "m1 m2")];
        let changes = diff_pages(&old, &new);
        assert_eq!(changes.len(), 1, "{changes:?}");
        assert_eq!(
            (changes[0].added.as_str(), changes[0].new_page),
            ("X", Some(1))
        );
    }

    #[test]
    fn one_word_replaced() {
        let old = pages(&["a b c", "the treaty was ratified in 2019"]);
        let new = pages(&["a b c", "the treaty was signed in 2019"]);
        let changes = diff_pages(&old, &new);
        assert_eq!(changes.len(), 1);
        let c = &changes[0];
        assert_eq!((c.old_page, c.new_page), (Some(2), Some(2)));
        assert_eq!(
            (c.removed.as_str(), c.added.as_str()),
            ("ratified", "signed")
        );
        assert_eq!(
            (c.before.as_str(), c.after.as_str()),
            ("the treaty was", "in 2019")
        );
    }

    #[test]
    fn reflow_is_not_a_change() {
        let old = pages(&["one two three", "four five"]);
        let new = pages(&["one two", "three four five"]);
        assert!(diff_pages(&old, &new).is_empty());
    }

    #[test]
    fn lines_moved_past_the_footer_are_not_a_change() {
        // A new word pushes "d e" from page 1 to page 2, past page 1's footer "1".
        let old = pages(&["a b c d e 1", "f g 2"]);
        let new = pages(&["a new b c 1", "d e f g 2"]);
        let changes = diff_pages(&old, &new);
        assert_eq!(changes.len(), 1, "{changes:?}");
        assert_eq!(
            (changes[0].added.as_str(), changes[0].new_page),
            ("new", Some(1))
        );
    }

    #[test]
    fn a_deletion_is_placed_on_its_page() {
        let old = pages(&["a b", "c d e"]);
        let new = pages(&["a b", "c e"]);
        let changes = diff_pages(&old, &new);
        assert_eq!(changes.len(), 1);
        assert_eq!(
            (changes[0].old_page, changes[0].new_page),
            (Some(2), Some(2))
        );
        assert_eq!(changes[0].removed, "d");
        assert_eq!(changes[0].added, "");
    }

    #[test]
    fn added_text_spanning_pages_is_split() {
        let old = pages(&["a", "z"]);
        let new = pages(&["a x y", "w z"]);
        let changes = diff_pages(&old, &new);
        let pages: Vec<_> = changes.iter().map(|c| c.new_page).collect();
        assert_eq!(pages, [Some(1), Some(2)]);
        assert_eq!(changes[0].added, "x y");
        assert_eq!(changes[1].added, "w");
    }
}
