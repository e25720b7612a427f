//! Short constructors of JSON path segments, for the rules that locate their problems.

use crate::load::json::PathSeg;

pub(super) fn key(k: &str) -> PathSeg {
    PathSeg::Key(k.to_string())
}

pub(super) fn idx(i: usize) -> PathSeg {
    PathSeg::Index(i)
}
