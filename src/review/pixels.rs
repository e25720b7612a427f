//! Where two renderings of a page differ: changed pixels grouped into blocks (a word, a line, a
//! paragraph), each given as a rectangle to mark in the report.

use image::RgbImage;
use serde::Serialize;

/// Side of the square cells pixels are grouped in.
const CELL: u32 = 4;
/// Cells this close (in cells) to a changed cell join its block.
const REACH: i64 = 3;
/// A channel must differ by more than this (of 255) to count: anti-aliasing noise stays out.
const THRESHOLD: u8 = 40;

/// A rectangle in pixels of the rendered page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct PixelRect {
    pub x: u32,
    pub y: u32,
    pub width: u32,
    pub height: u32,
}

/// The blocks of changed pixels between two renderings; a page whose size changed is one block.
pub fn changed_regions(old: &RgbImage, new: &RgbImage) -> Vec<PixelRect> {
    if old.dimensions() != new.dimensions() {
        let (width, height) = new.dimensions();
        return vec![PixelRect {
            x: 0,
            y: 0,
            width,
            height,
        }];
    }
    let grid = Grid::of_changes(old, new);
    let mut rects = grid.blocks();
    merge_overlapping(&mut rects);
    let (w, h) = new.dimensions();
    rects.into_iter().map(|r| r.padded(2, w, h)).collect()
}

/// Changed cells of a page.
struct Grid {
    cols: u32,
    rows: u32,
    changed: Vec<bool>,
}

impl Grid {
    fn of_changes(old: &RgbImage, new: &RgbImage) -> Self {
        let (w, h) = old.dimensions();
        let (cols, rows) = (w.div_ceil(CELL), h.div_ceil(CELL));
        let mut changed = vec![false; (cols * rows) as usize];
        for (x, y, a) in old.enumerate_pixels() {
            let b = new.get_pixel(x, y);
            if a.0
                .iter()
                .zip(b.0.iter())
                .any(|(p, q)| p.abs_diff(*q) > THRESHOLD)
            {
                changed[((y / CELL) * cols + x / CELL) as usize] = true;
            }
        }
        Grid {
            cols,
            rows,
            changed,
        }
    }

    /// Bounding boxes (in pixels) of groups of changed cells within `REACH` of each other.
    fn blocks(&self) -> Vec<PixelRect> {
        let mut seen = vec![false; self.changed.len()];
        let mut blocks = Vec::new();
        for start in 0..self.changed.len() {
            if self.changed[start] && !seen[start] {
                blocks.push(self.flood(start, &mut seen));
            }
        }
        blocks
    }

    fn flood(&self, start: usize, seen: &mut [bool]) -> PixelRect {
        let (mut x0, mut y0, mut x1, mut y1) = (u32::MAX, u32::MAX, 0, 0);
        let mut stack = vec![start];
        seen[start] = true;
        while let Some(i) = stack.pop() {
            let (cx, cy) = (i as u32 % self.cols, i as u32 / self.cols);
            (x0, y0, x1, y1) = (x0.min(cx), y0.min(cy), x1.max(cx), y1.max(cy));
            for j in self.near(cx, cy) {
                if self.changed[j] && !seen[j] {
                    seen[j] = true;
                    stack.push(j);
                }
            }
        }
        PixelRect {
            x: x0 * CELL,
            y: y0 * CELL,
            width: (x1 - x0 + 1) * CELL,
            height: (y1 - y0 + 1) * CELL,
        }
    }

    /// The cells within `REACH` of a cell.
    fn near(&self, cx: u32, cy: u32) -> impl Iterator<Item = usize> + '_ {
        let (cols, rows) = (i64::from(self.cols), i64::from(self.rows));
        let (cx, cy) = (i64::from(cx), i64::from(cy));
        (-REACH..=REACH)
            .flat_map(move |dy| (-REACH..=REACH).map(move |dx| (cx + dx, cy + dy)))
            .filter(move |&(x, y)| x >= 0 && y >= 0 && x < cols && y < rows)
            .map(move |(x, y)| (y * cols + x) as usize)
    }
}

impl PixelRect {
    fn right(&self) -> u32 {
        self.x + self.width
    }

    fn bottom(&self) -> u32 {
        self.y + self.height
    }

    fn overlaps(&self, other: &PixelRect) -> bool {
        self.x < other.right()
            && other.x < self.right()
            && self.y < other.bottom()
            && other.y < self.bottom()
    }

    fn union(&self, other: &PixelRect) -> PixelRect {
        let (x, y) = (self.x.min(other.x), self.y.min(other.y));
        PixelRect {
            x,
            y,
            width: self.right().max(other.right()) - x,
            height: self.bottom().max(other.bottom()) - y,
        }
    }

    /// Grown by `pad` pixels on each side, kept inside a `w` × `h` image.
    fn padded(&self, pad: u32, w: u32, h: u32) -> PixelRect {
        let (x, y) = (self.x.saturating_sub(pad), self.y.saturating_sub(pad));
        PixelRect {
            x,
            y,
            width: (self.right() + pad).min(w) - x,
            height: (self.bottom() + pad).min(h) - y,
        }
    }
}

/// Joins rectangles that overlap until none do (the bounding boxes of two blocks may).
fn merge_overlapping(rects: &mut Vec<PixelRect>) {
    let mut merged = true;
    while merged {
        merged = false;
        'outer: for i in 0..rects.len() {
            for j in i + 1..rects.len() {
                if rects[i].overlaps(&rects[j]) {
                    rects[i] = rects[i].union(&rects[j]);
                    rects.swap_remove(j);
                    merged = true;
                    break 'outer;
                }
            }
        }
    }
    rects.sort_by_key(|r| (r.y, r.x));
}

#[cfg(test)]
mod tests {
    use super::*;
    use image::Rgb;

    fn white() -> RgbImage {
        RgbImage::from_pixel(200, 100, Rgb([255, 255, 255]))
    }

    #[test]
    fn identical_images_have_no_regions() {
        assert!(changed_regions(&white(), &white()).is_empty());
    }

    #[test]
    fn two_distant_changes_are_two_regions() {
        let mut new = white();
        new.put_pixel(10, 10, Rgb([0, 0, 0]));
        new.put_pixel(11, 12, Rgb([0, 0, 0]));
        new.put_pixel(150, 80, Rgb([0, 0, 0]));
        let regions = changed_regions(&white(), &new);
        assert_eq!(regions.len(), 2, "{regions:?}");
        assert!(regions[0].x <= 10 && regions[0].right() > 11);
        assert!(regions[1].y <= 80 && regions[1].bottom() > 80);
    }

    #[test]
    fn faint_differences_are_ignored() {
        let mut new = white();
        new.put_pixel(10, 10, Rgb([240, 240, 240]));
        assert!(changed_regions(&white(), &new).is_empty());
    }
}
