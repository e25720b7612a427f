//! Locations of many offsets in one text, for readers that locate every unit of a file (XLIFF
//! and PO import). [`Location::in_text`] scans the text from its start for each offset and
//! copies the whole source line each time, so a hostile 13 MB PO file of 200,000 entries took
//! minutes, and a long single-line file would copy its one line for every unit. Here the line
//! starts are indexed once, columns are counted from checkpoints every 4 KiB, and the source
//! lines kept are bounded: a line longer than [`MAX_SOURCE_LINE`] bytes, or any line once
//! [`SOURCE_BUDGET`] bytes of them are kept, is located without its text (no snippet). For
//! everything else the result is the same as `in_text`'s.

use std::cell::Cell;

use super::Location;

/// The longest source line kept with a location.
pub const MAX_SOURCE_LINE: usize = 64 * 1024;

/// The most bytes of source lines one locator hands out (an export's lines are about 1 KB;
/// a few thousand units fit).
pub const SOURCE_BUDGET: usize = 16 * 1024 * 1024;

/// Bytes between two column checkpoints.
const BLOCK: usize = 4096;

pub struct Locator<'a> {
    file: &'a str,
    text: &'a str,
    /// The byte offset where each line starts (the first is 0).
    line_starts: Vec<usize>,
    /// (byte offset, characters before it), every [`BLOCK`] bytes at a character boundary.
    marks: Vec<(usize, usize)>,
    /// Bytes of source lines still to hand out.
    budget: Cell<usize>,
}

impl<'a> Locator<'a> {
    /// Indexes `text`, the contents of `file`.
    pub fn new(file: &'a str, text: &'a str) -> Self {
        let line_starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        let mut marks = Vec::with_capacity(text.len() / BLOCK + 1);
        let (mut at, mut chars) = (0, 0);
        for block in 0..=text.len() / BLOCK {
            let next = floor_char_boundary(text, block * BLOCK);
            chars += text[at..next].chars().count();
            at = next;
            marks.push((at, chars));
        }
        Locator {
            file,
            text,
            line_starts,
            marks,
            budget: Cell::new(SOURCE_BUDGET),
        }
    }

    /// Characters before byte `offset` (a character boundary).
    fn chars_before(&self, offset: usize) -> usize {
        let (at, chars) = self.marks[(offset / BLOCK).min(self.marks.len() - 1)];
        chars + self.text[at..offset].chars().count()
    }

    /// The location of byte `offset` (and `len` bytes after it), as [`Location::in_text`].
    pub fn at(&self, offset: usize, len: usize) -> Location {
        let text = self.text;
        let offset = floor_char_boundary(text, offset.min(text.len()));
        let index = self.line_starts.partition_point(|&s| s <= offset) - 1;
        let line_start = self.line_starts[index];
        let line_end = self
            .line_starts
            .get(index + 1)
            .map_or(text.len(), |next| next - 1);
        let column = self.chars_before(offset) - self.chars_before(line_start) + 1;
        let end = floor_char_boundary(text, offset.saturating_add(len).min(line_end).max(offset));
        let len = text[offset..end].chars().count().max(1);
        let line_len = line_end - line_start;
        let source_line =
            (line_len <= MAX_SOURCE_LINE && line_len <= self.budget.get()).then(|| {
                self.budget.set(self.budget.get() - line_len);
                text[line_start..line_end]
                    .trim_end_matches('\r')
                    .to_string()
            });
        Location {
            file: self.file.to_string(),
            line: index + 1,
            column,
            len,
            source_line,
        }
    }
}

fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locations_are_those_of_in_text() {
        let long = "é".repeat(5000);
        let text = format!("ab\r\nçé x\n\n{long}z\nlast");
        let locator = Locator::new("f", &text);
        for offset in 0..=text.len() + 2 {
            for len in [0, 1, 3, 9000] {
                // Thousands of locations on a 10 KB line: more than the budget of one file.
                locator.budget.set(SOURCE_BUDGET);
                assert_eq!(
                    locator.at(offset, len),
                    Location::in_text("f", &text, offset, len),
                    "{offset} {len}"
                );
            }
        }
    }

    #[test]
    fn long_lines_and_a_spent_budget_leave_out_the_source_line() {
        let text = format!("a\n{}", "x".repeat(MAX_SOURCE_LINE + 1));
        let locator = Locator::new("f", &text);
        let far = locator.at(text.len() - 1, 1);
        assert_eq!((far.line, far.column), (2, MAX_SOURCE_LINE + 1));
        assert_eq!(far.source_line, None);
        assert_eq!(locator.at(0, 1).source_line.as_deref(), Some("a"));
        locator.budget.set(0);
        assert_eq!(locator.at(0, 1).source_line, None);
    }
}
