//! Section anchors: the stable names of the document's parts, the same in every language. The
//! PDF labels its headings with them (the contents and the key-findings cards link to those
//! labels) and the web edition uses them as element ids, so `#dim-rights` means the same part
//! in both editions and in every language.

pub const CONTENTS: &str = "sec-contents";
pub const OBJECTIVE: &str = "sec-objective";
pub const INTRODUCTION: &str = "sec-introduction";
pub const FRAMEWORK: &str = "sec-framework";
pub const KEY_FINDINGS: &str = "sec-key-findings";
pub const SOURCES: &str = "sec-sources";
pub const ANNEXES: &str = "sec-annexes";

/// The anchor of a dimension's findings: `dim-rights`.
pub fn dimension(id: &str) -> String {
    format!("dim-{id}")
}
