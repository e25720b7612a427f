//! Fuzzes `mgi-press i18n import` of a PO file (`mgi_press::i18n::po::read`, through
//! `exchange::read` as the command calls it): the PO parser (`po::parse`: keywords, quoted
//! continuation lines, escapes, comments, obsolete entries), the header fields and the located
//! diagnostics.
//!
//! Input: the file's bytes, read as UTF-8 lossily. Checks: nothing panics; every diagnostic's
//! location lies inside the text; so do the units of a file that reads without error.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use mgi_press::i18n::exchange::{self, Format};
use mgi_press::i18n::po;

#[path = "common/exchange.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let _ = po::parse(&text);
    let (read, diags) = exchange::read("fuzz.po", Path::new("fuzz.po"), &text);
    common::check("fuzz.po", &text, read.as_ref(), &diags, Format::Po);
});
