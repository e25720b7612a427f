//! Matrices and rectangles in PDF user space (points), for placing images and paths on the page.

use lopdf::{Document, Object};

/// A PDF transformation matrix `[a b c d e f]`: `x' = a·x + c·y + e`, `y' = b·x + d·y + f`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Matrix(pub [f64; 6]);

impl Matrix {
    pub const IDENTITY: Matrix = Matrix([1.0, 0.0, 0.0, 1.0, 0.0, 0.0]);

    /// Six numbers (the operands of `cm`/`Tm`, or a `/Matrix` array).
    pub fn from_numbers(objects: &[Object]) -> Option<Matrix> {
        if objects.len() != 6 {
            return None;
        }
        let mut m = [0.0; 6];
        for (slot, obj) in m.iter_mut().zip(objects) {
            *slot = f64::from(obj.as_float().ok()?);
        }
        Some(Matrix(m))
    }

    /// This transformation followed by `outer` (PDF's `self × outer`): `cm` makes the new CTM
    /// `m.then(ctm)`.
    pub fn then(self, outer: Matrix) -> Matrix {
        let [a, b, c, d, e, f] = self.0;
        let [a2, b2, c2, d2, e2, f2] = outer.0;
        Matrix([
            a * a2 + b * c2,
            a * b2 + b * d2,
            c * a2 + d * c2,
            c * b2 + d * d2,
            e * a2 + f * c2 + e2,
            e * b2 + f * d2 + f2,
        ])
    }

    pub fn apply(self, x: f64, y: f64) -> (f64, f64) {
        let [a, b, c, d, e, f] = self.0;
        (a * x + c * y + e, b * x + d * y + f)
    }

    /// Length of the image of the unit vector along x: an image's placed width in points.
    pub fn x_length(self) -> f64 {
        self.0[0].hypot(self.0[1])
    }

    /// Length of the image of the unit vector along y: an image's placed height in points.
    pub fn y_length(self) -> f64 {
        self.0[2].hypot(self.0[3])
    }

    /// The bounding box of the unit square under this matrix (where an image lands).
    pub fn unit_square(self) -> Rect {
        let mut r = Rect::point(self.apply(0.0, 0.0));
        for (x, y) in [(1.0, 0.0), (0.0, 1.0), (1.0, 1.0)] {
            r.include(self.apply(x, y));
        }
        r
    }
}

/// An axis-aligned rectangle, normalised so that `x0 ≤ x1` and `y0 ≤ y1`.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct Rect {
    pub x0: f64,
    pub y0: f64,
    pub x1: f64,
    pub y1: f64,
}

/// Tolerance when comparing boxes and placing marks, in points (about 0.004 mm).
pub const EPSILON: f64 = 0.01;

impl Rect {
    pub fn point((x, y): (f64, f64)) -> Rect {
        Rect {
            x0: x,
            y0: y,
            x1: x,
            y1: y,
        }
    }

    /// A box array `[x0 y0 x1 y1]` (references followed), normalised.
    pub fn from_object(doc: &Document, obj: &Object) -> Option<Rect> {
        let (_, obj) = doc.dereference(obj).ok()?;
        let items = obj.as_array().ok()?;
        if items.len() != 4 {
            return None;
        }
        let mut v = [0.0; 4];
        for (slot, item) in v.iter_mut().zip(items) {
            let (_, item) = doc.dereference(item).ok()?;
            *slot = f64::from(item.as_float().ok()?);
        }
        let mut r = Rect::point((v[0], v[1]));
        r.include((v[2], v[3]));
        Some(r)
    }

    pub fn include(&mut self, (x, y): (f64, f64)) {
        self.x0 = self.x0.min(x);
        self.y0 = self.y0.min(y);
        self.x1 = self.x1.max(x);
        self.y1 = self.y1.max(y);
    }

    #[cfg(test)]
    pub fn union(self, other: Rect) -> Rect {
        let mut r = self;
        r.include((other.x0, other.y0));
        r.include((other.x1, other.y1));
        r
    }

    /// True when `inner` lies inside this rectangle (edges may touch).
    pub fn contains(&self, inner: &Rect) -> bool {
        inner.x0 >= self.x0 - EPSILON
            && inner.y0 >= self.y0 - EPSILON
            && inner.x1 <= self.x1 + EPSILON
            && inner.y1 <= self.y1 + EPSILON
    }

    /// True when this rectangle (possibly a line or a point) reaches into the inside of
    /// `area`; touching its edge from outside does not count (a crop mark ending at the trim).
    pub fn reaches_into(&self, area: &Rect) -> bool {
        self.x1 > area.x0 + EPSILON
            && self.x0 < area.x1 - EPSILON
            && self.y1 > area.y0 + EPSILON
            && self.y0 < area.y1 - EPSILON
    }

    pub fn width(&self) -> f64 {
        self.x1 - self.x0
    }

    pub fn height(&self) -> f64 {
        self.y1 - self.y0
    }
}

/// Points to millimetres.
pub fn mm(points: f64) -> f64 {
    points / 72.0 * 25.4
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn concatenation_follows_pdf_order() {
        // Scale by 2, then move by (10, 0): the unit square lands at x 10..12.
        let scale = Matrix([2.0, 0.0, 0.0, 2.0, 0.0, 0.0]);
        let shift = Matrix([1.0, 0.0, 0.0, 1.0, 10.0, 0.0]);
        let r = scale.then(shift).unit_square();
        assert_eq!((r.x0, r.x1, r.y0, r.y1), (10.0, 12.0, 0.0, 2.0));
        // The other order moves first, then scales: 20..22.
        assert_eq!(shift.then(scale).unit_square().x0, 20.0);
    }

    #[test]
    fn rotated_image_keeps_its_lengths() {
        let rotated = Matrix([0.0, 100.0, -50.0, 0.0, 0.0, 0.0]);
        assert_eq!((rotated.x_length(), rotated.y_length()), (100.0, 50.0));
    }

    #[test]
    fn a_mark_ending_at_the_edge_does_not_reach_in() {
        let trim = Rect::point((0.0, 0.0)).union(Rect::point((100.0, 100.0)));
        let mark = Rect::point((0.0, -20.0)).union(Rect::point((0.0, -5.0)));
        assert!(!mark.reaches_into(&trim));
        let inside = Rect::point((50.0, 50.0));
        assert!(inside.reaches_into(&trim));
    }
}
