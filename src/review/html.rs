//! The review as one self-contained HTML file for publication reviewers: a header with the
//! documents and their state, then per changed page the words removed and added and the OLD and
//! NEW pages side by side with the changed regions boxed. Images are embedded as `data:` URIs
//! and the style is inline, so the file opens from disk with no network; a checkbox hides the
//! boxes (CSS only, no script).

use std::fmt::Write;

use base64::Engine;
use base64::engine::general_purpose::STANDARD;

use super::report::{DocStatus, DocumentReview, PageReview, PageStatus, Region, Review};
use super::summary::in_context;
use super::text_diff::TextChange;

const STYLE: &str = include_str!("report.css");

/// The HTML report of a review (pages have images when the review was made with images).
pub fn report(review: &Review) -> String {
    let title = format!("Review: {} → {}", review.old, review.new);
    let mut html = format!(
        "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>\n{STYLE}</style>\n</head>\n<body>\n",
        esc(&title)
    );
    html.push_str(&header(review));
    html.push_str("<main>\n");
    for (i, doc) in review.documents.iter().enumerate() {
        if doc.status == DocStatus::Changed {
            html.push_str(&document(i, doc));
        }
    }
    if !review.changed {
        html.push_str("<p class=\"nothing\">No document changed.</p>\n");
    }
    html.push_str(
        "</main>\n<footer>Made by <code>mgi-press diff</code>.</footer>\n</body>\n</html>\n",
    );
    html
}

fn header(review: &Review) -> String {
    let c = &review.counts;
    let mut html = String::from("<header class=\"top\">\n<h1>Review of changes</h1>\n");
    let _ = write!(
        html,
        "<p class=\"paths\"><span class=\"side old\">OLD</span> <code>{}</code> \
         <span class=\"side new\">NEW</span> <code>{}</code></p>\n\
         <p class=\"counts\"><b>{}</b> changed · <b>{}</b> added · <b>{}</b> removed · \
         <b>{}</b> unchanged</p>\n",
        esc(&review.old),
        esc(&review.new),
        c.changed,
        c.added,
        c.removed,
        c.unchanged
    );
    html.push_str(&document_table(review));
    html.push_str(
        "<p class=\"legend\"><label><input type=\"checkbox\" id=\"marks\" checked> \
         Box the changed regions</label> <span class=\"key\"><del>removed</del> \
         <ins>added</ins></span></p>\n</header>\n",
    );
    html
}

fn document_table(review: &Review) -> String {
    let mut html = String::from(
        "<table class=\"docs\">\n<thead><tr><th>Document</th><th>State</th><th>Pages</th>\
         <th>Changed pages</th></tr></thead>\n<tbody>\n",
    );
    for (i, doc) in review.documents.iter().enumerate() {
        let name = if doc.status == DocStatus::Changed {
            format!("<a href=\"#d{i}\">{}</a>", esc(&doc.name))
        } else {
            esc(&doc.name)
        };
        let links: Vec<String> = doc
            .pages
            .iter()
            .map(|p| format!("<a href=\"#d{i}-p{0}\">{0}</a>", p.page))
            .collect();
        let _ = writeln!(
            html,
            "<tr><td>{name}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            tag(doc.status),
            page_counts(doc),
            links.join(", ")
        );
    }
    html.push_str("</tbody>\n</table>\n");
    html
}

fn tag(status: DocStatus) -> String {
    let name = match status {
        DocStatus::Unchanged => "unchanged",
        DocStatus::Changed => "changed",
        DocStatus::Added => "added",
        DocStatus::Removed => "removed",
    };
    format!("<span class=\"tag {name}\">{name}</span>")
}

fn page_counts(doc: &DocumentReview) -> String {
    match (doc.old_pages, doc.new_pages) {
        (Some(a), Some(b)) if a != b => format!("{a} → {b}"),
        (Some(n), _) | (None, Some(n)) => n.to_string(),
        (None, None) => String::new(),
    }
}

fn document(i: usize, doc: &DocumentReview) -> String {
    let n = doc.pages.len();
    let mut html = format!(
        "<section class=\"doc\" id=\"d{i}\">\n<h2>{} <small>{n} page{} changed · {} pages</small></h2>\n",
        esc(&doc.name),
        if n == 1 { "" } else { "s" },
        page_counts(doc)
    );
    for page in &doc.pages {
        html.push_str(&page_article(i, page));
    }
    html.push_str("</section>\n");
    html
}

fn page_article(i: usize, page: &PageReview) -> String {
    let state = match page.status {
        PageStatus::Changed => "",
        PageStatus::Added => " <span class=\"tag added\">added</span>",
        PageStatus::Removed => " <span class=\"tag removed\">removed</span>",
    };
    let mut html = format!(
        "<article class=\"page\" id=\"d{i}-p{0}\">\n<h3>Page {0}{state}</h3>\n",
        page.page
    );
    html.push_str(&change_list(page));
    if let Some(images) = &page.images {
        html.push_str("<div class=\"sides\">\n");
        html.push_str(&side("OLD", page, images.old.as_deref()));
        html.push_str(&side("NEW", page, images.new.as_deref()));
        html.push_str("</div>\n");
    }
    html.push_str("</article>\n");
    html
}

fn change_list(page: &PageReview) -> String {
    if page.text.is_empty() {
        let why = match page.status {
            PageStatus::Changed => {
                "No words changed on this page: text moved to or from a neighbouring page, \
                 or the layout changed."
            }
            PageStatus::Added => "This page is only in NEW.",
            PageStatus::Removed => "This page is only in OLD.",
        };
        return format!("<p class=\"layout\">{why}</p>\n");
    }
    let mut html = String::from("<ul class=\"changes\">\n");
    for change in &page.text {
        html.push_str(&change_item(change));
    }
    html.push_str("</ul>\n");
    html
}

fn change_item(change: &TextChange) -> String {
    let moved = match (change.old_page, change.new_page) {
        (Some(a), Some(b)) if a != b && !change.removed.is_empty() => {
            format!(" <span class=\"moved\">OLD page {a}</span>")
        }
        _ => String::new(),
    };
    let del = if change.removed.is_empty() {
        String::new()
    } else {
        format!("<del>{}</del> ", esc(&change.removed))
    };
    let ins = if change.added.is_empty() {
        String::new()
    } else {
        format!("<ins>{}</ins> ", esc(&change.added))
    };
    format!(
        "<li dir=\"auto\" title=\"{}\"><span class=\"ctx\">… {}</span> {del}{ins}<span class=\"ctx\">{} …</span>{moved}</li>\n",
        esc(&in_context(change)),
        esc(&change.before),
        esc(&change.after)
    )
}

/// One side of a page: the image with the changed regions boxed, or a placeholder.
fn side(label: &str, page: &PageReview, png: Option<&[u8]>) -> String {
    let class = label.to_lowercase();
    let Some(png) = png else {
        return format!(
            "<figure class=\"{class}\"><figcaption>{label}</figcaption>\
             <div class=\"absent\">No page {} in {label}</div></figure>\n",
            page.page
        );
    };
    let mut marks = String::new();
    for (n, r) in page.regions.iter().enumerate() {
        marks.push_str(&mark(n + 1, r, page));
    }
    format!(
        "<figure class=\"{class}\"><figcaption><span class=\"side {class}\">{label}</span> page {0}</figcaption>\
         <div class=\"sheet\"><img alt=\"{label} page {0}\" src=\"data:image/png;base64,{1}\">{marks}</div></figure>\n",
        page.page,
        STANDARD.encode(png)
    )
}

/// A box over a changed region, placed in percent of the page so that it scales with the image.
fn mark(n: usize, r: &Region, page: &PageReview) -> String {
    let pct = |v: f32, of: f32| v / of.max(1.0) * 100.0;
    format!(
        "<div class=\"mark\" title=\"change {n}\" style=\"left:{:.2}%;top:{:.2}%;width:{:.2}%;height:{:.2}%\"></div>",
        pct(r.x, page.width),
        pct(r.y, page.height),
        pct(r.width, page.width),
        pct(r.height, page.height)
    )
}

/// Text escaped for HTML content and attribute values.
fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}
