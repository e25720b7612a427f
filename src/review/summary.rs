//! The review for people on standard output: one line per document, then per changed page the
//! words removed (−) and added (+), with the words around them in wdiff style
//! (`[-old-]{+new+}`).

use std::fmt::Write;

use super::report::{DocStatus, DocumentReview, PageReview, PageStatus, Review};
use super::text_diff::TextChange;

/// Longest text quoted for one side of a change before it is cut.
const MAX_QUOTE: usize = 100;

/// The human summary of a review.
pub fn human(review: &Review) -> String {
    let mut out = format!("OLD {}\nNEW {}\n\n", review.old, review.new);
    for doc in &review.documents {
        document(&mut out, doc);
    }
    let c = &review.counts;
    let _ = writeln!(
        out,
        "\n{} changed, {} added, {} removed, {} unchanged",
        c.changed, c.added, c.removed, c.unchanged
    );
    out
}

fn document(out: &mut String, doc: &DocumentReview) {
    let (label, detail) = match doc.status {
        DocStatus::Unchanged => ("unchanged", format!("{} pages", doc.page_count())),
        DocStatus::Added => ("added", format!("{} pages, only in NEW", doc.page_count())),
        DocStatus::Removed => (
            "removed",
            format!("{} pages, only in OLD", doc.page_count()),
        ),
        DocStatus::Changed => ("changed", changed_detail(doc)),
    };
    let _ = writeln!(out, "{label:<10} {}  ({detail})", doc.name);
    for page in &doc.pages {
        page_lines(out, page);
    }
}

fn changed_detail(doc: &DocumentReview) -> String {
    let n = doc.pages.len();
    let pages = format!("{n} page{} changed", if n == 1 { "" } else { "s" });
    match (doc.old_pages, doc.new_pages) {
        (Some(a), Some(b)) if a != b => format!("{pages}; pages {a} → {b}"),
        (_, Some(b)) => format!("{pages} of {b}"),
        _ => pages,
    }
}

fn page_lines(out: &mut String, page: &PageReview) {
    let label = format!("page {}", page.page);
    match page.status {
        PageStatus::Added => {
            let _ = writeln!(out, "  {label}: added");
        }
        PageStatus::Removed => {
            let _ = writeln!(out, "  {label}: removed");
        }
        PageStatus::Changed if page.text.is_empty() => {
            let n = page.regions.len();
            let _ = writeln!(
                out,
                "  {label}: layout changed, no words changed ({n} region{})",
                if n == 1 { "" } else { "s" }
            );
        }
        PageStatus::Changed => {}
    }
    for change in &page.text {
        text_change(out, &label, change);
    }
}

fn text_change(out: &mut String, label: &str, change: &TextChange) {
    let mut head = format!("  {label}");
    if let (Some(old), Some(new)) = (change.old_page, change.new_page)
        && old != new
        && !change.removed.is_empty()
    {
        let _ = write!(head, " (OLD page {old})");
    }
    let mut line = format!("{head}:");
    if !change.removed.is_empty() {
        let _ = write!(line, " − \"{}\"", cut(&change.removed));
    }
    if !change.added.is_empty() {
        let _ = write!(line, " + \"{}\"", cut(&change.added));
    }
    let _ = writeln!(out, "{line}");
    let short = |s: &str| s.chars().count() <= MAX_QUOTE;
    let has_context = !change.before.is_empty() || !change.after.is_empty();
    if has_context && short(&change.removed) && short(&change.added) {
        let _ = writeln!(out, "    {}", in_context(change));
    }
}

/// The change among its neighbouring words: `… before [-removed-]{+added+} after …`.
pub fn in_context(change: &TextChange) -> String {
    let mut s = String::from("… ");
    if !change.before.is_empty() {
        s.push_str(&change.before);
        s.push(' ');
    }
    if !change.removed.is_empty() {
        let _ = write!(s, "[-{}-]", cut(&change.removed));
    }
    if !change.added.is_empty() {
        let _ = write!(s, "{{+{}+}}", cut(&change.added));
    }
    if !change.after.is_empty() {
        s.push(' ');
        s.push_str(&change.after);
    }
    s.push_str(" …");
    s
}

/// `text`, cut to `MAX_QUOTE` characters with an ellipsis.
fn cut(text: &str) -> String {
    if text.chars().count() <= MAX_QUOTE {
        return text.to_string();
    }
    let head: String = text.chars().take(MAX_QUOTE).collect();
    format!("{head}…")
}
