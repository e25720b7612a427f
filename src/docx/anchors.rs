//! How a Word paragraph says which text it holds, so that the key survives editing and
//! re-saving by other word processors. Each keyed paragraph starts with an empty hidden
//! bookmark `_mgi_<hash of the key>` (a leading underscore hides it in Word; LibreOffice keeps
//! bookmark names, cut to 40 characters, where it drops content controls' tags) followed by a
//! run-level content control holding the text, whose properties are only `w:tag` = the key,
//! `w:id` and `w:lock sdtLocked` (no `w:alias`: LibreOffice 25.2 crashes exporting a PDF with
//! one around a footnote). A keyed text of several paragraphs (a list) anchors its second and
//! later paragraphs as `KEY#2`, `KEY#3`, … Import reads the key from the tag, else from the
//! bookmark, and refuses a paragraph where the two disagree.

use crate::hash::content_hash;

/// The prefix of our bookmarks.
pub const BOOKMARK_PREFIX: &str = "_mgi_";

/// The bookmark name of an anchor: 5 + 16 characters, well under Word's 40.
pub fn bookmark(tag: &str) -> String {
    format!("{BOOKMARK_PREFIX}{}", &content_hash(tag.as_bytes())[..16])
}

/// The anchor of paragraph `index` (from 0) of the text `key`.
pub fn tag(key: &str, index: usize) -> String {
    if index == 0 {
        key.to_string()
    } else {
        format!("{key}#{}", index + 1)
    }
}

/// A tag split into its key and paragraph index (from 0).
pub fn split_tag(tag: &str) -> (&str, usize) {
    match tag.rsplit_once('#') {
        Some((key, n)) => match n.parse::<usize>() {
            Ok(n) if n >= 2 => (key, n - 1),
            _ => (tag, 0),
        },
        None => (tag, 0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_and_bookmarks() {
        assert_eq!(tag("a.b", 0), "a.b");
        assert_eq!(split_tag(&tag("a.b", 2)), ("a.b", 2));
        assert_eq!(split_tag("a#x"), ("a#x", 0));
        let name = bookmark("findings.rights.potential.p2");
        assert!(name.len() <= 40 && name.starts_with(BOOKMARK_PREFIX));
        assert_ne!(name, bookmark("findings.rights.potential.p3"));
    }
}
