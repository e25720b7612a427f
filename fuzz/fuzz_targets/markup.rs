//! Fuzzes the rich-text markup parser (`mgi_press::resolve::markup`).
//!
//! Input: arbitrary bytes, read as UTF-8 lossily.
//! Checks:
//! - `parse_blocks` and `parse_inlines` never panic (and neither do `plain_text`, or the
//!   tests' `all_text` and `count_notes` on their JSON form);
//! - every issue points inside the input, starting on a character boundary (the pipeline turns
//!   issue ranges into file locations);
//! - for input without any markup character (`* [ ] ^ { } \` and newline), the plain text of
//!   `parse_inlines` equals the input: nothing is lost, added or reordered.
//!
//! A carriage return is deliberately dropped by the parser (`'\r' => i += 1`, for CRLF files),
//! so by default it is also left out of the plain-text check. Set `MGI_FUZZ_STRICT_PLAIN=1` to
//! check the invariant exactly as specified (CR included); see docs/fuzzing.md.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use mgi_press::resolve::markup::{self, Issue};

#[path = "../../tests/common/view_json.rs"]
mod view_json;

const VARS: &[(&str, &str)] = &[("country", "X"), ("year", "2025")];

/// Characters with a meaning in the markup.
const MARKUP_CHARS: &[char] = &['*', '[', ']', '^', '{', '}', '\\', '\n'];

fn strict() -> bool {
    static STRICT: OnceLock<bool> = OnceLock::new();
    *STRICT.get_or_init(|| std::env::var_os("MGI_FUZZ_STRICT_PLAIN").is_some_and(|v| v == "1"))
}

fn check_issues(text: &str, issues: &[Issue], what: &str) {
    for issue in issues {
        let end = issue.start.checked_add(issue.len);
        assert!(
            end.is_some_and(|end| end <= text.len()) && text.is_char_boundary(issue.start),
            "{what}: issue {issue:?} lies outside the {} bytes of {text:?}",
            text.len()
        );
    }
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let text: &str = &text;

    let (blocks, issues) = markup::parse_blocks(text, VARS);
    check_issues(text, &issues, "parse_blocks");
    let json = serde_json::to_value(&blocks).expect("blocks serialise");
    let _ = view_json::all_text(&json);
    let _ = view_json::count_notes(&json);

    let (inlines, issues) = markup::parse_inlines(text, VARS);
    check_issues(text, &issues, "parse_inlines");
    let plain = markup::plain_text(&inlines);

    let plain_input = !text
        .chars()
        .any(|c| MARKUP_CHARS.contains(&c) || (c == '\r' && !strict()));
    if plain_input {
        assert_eq!(
            plain, text,
            "plain text of parse_inlines differs from markup-free input"
        );
    }
});
