//! Fuzzes `mgi-press i18n import` of an XLIFF 1.2 file (`mgi_press::i18n::xliff::read`, through
//! `exchange::read` as the command calls it): quick-xml's reader, our unit and inline-code
//! reading (`<bpt>`, `<ept>`, `<ph>`, footnote units) and the located diagnostics.
//!
//! Input: the file's bytes, read as UTF-8 lossily (the command reads the file as text).
//! Checks: nothing panics; every diagnostic's location lies inside the text; a file that reads
//! without error gives units whose locations lie inside it too.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use mgi_press::i18n::exchange::{self, Format};

#[path = "common/exchange.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let (read, diags) = exchange::read("fuzz.xlf", Path::new("fuzz.xlf"), &text);
    common::check("fuzz.xlf", &text, read.as_ref(), &diags, Format::Xliff);
});
