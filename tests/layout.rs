//! The laid-out document: computed navigation (contents, `PAGE N` cards), continuous footnote
//! numbers at the foot of the citing page, running header only on inner pages, bookmarks and
//! links in the PDF, robustness against awkward data, and small PNG references of key pages.

mod common;

use common::*;
use mgi_press::typeset::inspect::PageInfo;

/// Text without whitespace or soft hyphens, upper-cased: robust to line breaks.
fn squeeze(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{ad}')
        .flat_map(char::to_uppercase)
        .collect()
}

/// The page number printed in the footer, if any.
fn footer_number(page: &PageInfo) -> Option<usize> {
    page.runs
        .iter()
        .filter(|r| r.y > page.height - 60.0)
        .find_map(|r| r.text.trim().parse().ok())
}

fn page_numbered(pages: &[PageInfo], n: usize) -> &PageInfo {
    pages
        .iter()
        .find(|p| footer_number(p) == Some(n))
        .unwrap_or_else(|| panic!("no page shows the number {n}"))
}

fn view_model(lang: &str) -> serde_json::Value {
    let s = session();
    let profile = s.load_checked(&sample()).profile.unwrap();
    let vm = s.resolve(&profile, lang, false).0.unwrap();
    serde_json::to_value(&vm).unwrap()
}

#[test]
fn contents_page_numbers_are_where_the_headings_land() {
    let pages = sample_layout("en");
    let toc = pages
        .iter()
        .find(|p| p.text().contains("TABLE OF CONTENTS"))
        .unwrap();
    let re = regex_lite::Regex::new(r"([^/]+?)\s*//\s*(\d+)").unwrap();
    let text = toc.text().replace("TABLE OF CONTENTS", "");
    let mut entries = 0;
    for cap in re.captures_iter(&text) {
        let title = cap[1]
            .trim()
            .trim_start_matches(|c: char| c.is_ascii_digit())
            .trim();
        let n: usize = cap[2].parse().unwrap();
        let target = page_numbered(pages, n);
        assert!(
            squeeze(&target.text()).contains(&squeeze(title)),
            "contents says `{title}` is on page {n}, but it is not there"
        );
        entries += 1;
    }
    // Objective, introduction, framework, key findings + six dimensions, sources, annexes.
    assert!(
        entries >= 12,
        "only {entries} contents entries found in: {text}"
    );
}

#[test]
fn key_findings_cards_point_at_each_section() {
    let pages = sample_layout("en");
    let vm = view_model("en");
    let kf = pages
        .iter()
        .find(|p| p.text().contains("KEY FINDINGS") && p.text().contains("PAGE"))
        .unwrap();
    let re = regex_lite::Regex::new(r"PAGE\s*(\d+)").unwrap();
    let numbers: Vec<usize> = re
        .captures_iter(&kf.text())
        .map(|c| c[1].parse().unwrap())
        .collect();
    let dims = vm["dimensions"].as_array().unwrap();
    assert_eq!(numbers.len(), dims.len(), "cards: {numbers:?}");
    for (d, n) in dims.iter().zip(&numbers) {
        let title = d["title"].as_str().unwrap();
        let opener = page_numbered(pages, *n);
        assert!(
            squeeze(&opener.text()).contains(&squeeze(title)),
            "PAGE {n} does not open `{title}`"
        );
    }
    assert!(numbers.windows(2).all(|w| w[0] < w[1]));
}

/// Footnote entries: digit-only runs in the footnote size at the left of a line in the lower
/// part of the page (the numbers typst prints before each entry).
fn footnote_entries(page: &PageInfo, entry_size: f64) -> Vec<usize> {
    page.runs
        .iter()
        .filter(|r| {
            (r.size - entry_size).abs() < 0.01
                && r.y > page.height * 0.3
                && r.y < page.height - 60.0
        })
        .filter_map(|r| r.text.trim().parse().ok())
        .collect()
}

/// The size of footnote entries in the sample: that of the run "1" that starts the first
/// entry, on the introduction page.
fn entry_size() -> f64 {
    let pages = sample_layout("en");
    let intro = pages
        .iter()
        .find(|p| p.text().contains("INTRODUCTION") && !p.text().contains("TABLE OF CONTENTS"))
        .unwrap();
    let body = intro.runs.iter().map(|r| r.size).fold(0.0, f64::max);
    let size = intro
        .runs
        .iter()
        .filter(|r| r.text.trim() == "1" && r.y > intro.height * 0.5 && r.y < intro.height - 60.0)
        .map(|r| r.size)
        .next()
        .expect("no footnote entry 1 on the introduction page");
    assert!(size < body);
    size
}

#[test]
fn footnotes_run_one_to_n_and_sit_on_the_citing_page() {
    let pages = sample_layout("en");
    let expected = common::view_json::count_notes(&view_model("en"));
    assert!(
        expected >= 15,
        "the sample should have at least 15 footnotes, has {expected}"
    );
    assert_eq!(
        footnotes_in_page_order(pages),
        (1..=expected).collect::<Vec<_>>()
    );
}

/// The numbers of the footnote entries, page after page; each has its marker on its page.
fn footnotes_in_page_order(pages: &[PageInfo]) -> Vec<usize> {
    let entry_size = entry_size();
    let mut seen = Vec::new();
    for page in pages {
        for n in footnote_entries(page, entry_size) {
            // The marker with the same number is on the same page, in the body text size.
            assert!(
                page.runs
                    .iter()
                    .any(|r| r.text.trim() == n.to_string() && r.size > entry_size + 1.0),
                "footnote {n} on page {} has no marker on that page",
                page.number
            );
            seen.push(n);
        }
    }
    seen
}

/// mgi-press numbers the footnotes in the standard layout's order (resolve::notes); a layout
/// that prints a part elsewhere still gets numbers that count up through the document.
#[test]
fn footnotes_count_up_in_a_layout_that_moves_a_part() {
    let (pages, vm) = layout_with(
        |main| {
            let text = std::fs::read_to_string(main.join("main.typ")).unwrap();
            let intro = "#introduction(data.introduction)\n";
            let back = "// ---- back matter ----";
            assert!(text.contains(intro) && text.contains(back));
            let moved = text.replacen(intro, "", 1).replacen(
                back,
                &format!("#pagebreak(weak: true)\n{intro}{back}"),
                1,
            );
            std::fs::write(main.join("main.typ"), moved).unwrap();
        },
        "en",
    );
    let expected = common::view_json::count_notes(&vm);
    let want: Vec<usize> = (1..=expected).collect();
    assert_eq!(footnotes_in_page_order(&pages), want);
    // The introduction's notes, first in the standard layout, now come after the findings'.
    let intro_page = pages
        .iter()
        .find(|p| p.text().contains("INTRODUCTION") && !p.text().contains("TABLE OF CONTENTS"))
        .unwrap();
    let first_on_intro = footnotes_in_page_order(std::slice::from_ref(intro_page));
    assert!(
        first_on_intro.first().is_some_and(|&n| n > 4),
        "{first_on_intro:?}"
    );
}

#[test]
fn running_header_on_inner_pages_only() {
    let pages = sample_layout("en");
    let header = "REPUBLIC OF VALDORIA | PROFILE 2025";
    let first = &pages[0];
    let last = pages.last().unwrap();
    for cover in [first, last] {
        assert_eq!(
            footer_number(cover),
            None,
            "page {} (a cover) has a page number",
            cover.number
        );
    }
    assert!(
        !last.text().contains(header),
        "the back cover has the running header"
    );
    // Every page from the objective to the annexes has the header at the top and its number.
    let start = pages
        .iter()
        .position(|p| p.text().contains("OBJECTIVE") && !p.text().contains("TABLE OF CONTENTS"))
        .unwrap();
    let end = pages
        .iter()
        .rposition(|p| p.text().contains("ANNEXES") || p.text().contains("MGI process"))
        .unwrap();
    for page in &pages[start..=end] {
        let top = page
            .runs
            .iter()
            .find(|r| r.y < 60.0)
            .map(|r| r.text.as_str());
        assert_eq!(
            top,
            Some(header),
            "page {} lacks the running header",
            page.number
        );
        assert_eq!(
            footer_number(page),
            Some(page.number),
            "page {} lacks its number",
            page.number
        );
    }
}

#[test]
fn pdf_has_bookmarks_links_and_metadata() {
    let out = tempfile::tempdir().unwrap();
    let reports = build(&[sample()], &["en"], out.path());
    assert_eq!(reports[0].status, mgi_press::Status::Built);
    let pdf = std::fs::read(out.path().join("valdoria.en.pdf")).unwrap();
    let text = String::from_utf8_lossy(&pdf);
    assert!(text.contains("/Outlines"), "no bookmarks");
    for title in [
        "(Objective)",
        "(Introduction)",
        "(Conceptual framework)",
        "(Key sources)",
        "(Annexes)",
    ] {
        assert!(text.contains(title), "no bookmark {title}");
    }
    let vm = view_model("en");
    for d in vm["dimensions"].as_array().unwrap() {
        let t = d["title"].as_str().unwrap();
        assert!(
            text.contains(&format!("{} {}", d["number"], t)),
            "no bookmark for `{t}`"
        );
    }
    assert!(text.matches("/URI").count() >= 30, "too few URL links");
    assert!(
        text.contains("/Lang(en)") || text.contains("/Lang (en)"),
        "no document language"
    );
    assert!(text.contains("Republic of Valdoria"), "no title metadata");
    // The contents entries are internal links.
    let pages = sample_layout("en");
    let toc = pages
        .iter()
        .find(|p| p.text().contains("TABLE OF CONTENTS"))
        .unwrap();
    assert!(
        toc.internal_links.len() >= 12,
        "contents entries are not clickable"
    );
}

/// Every text run lies inside its page.
fn assert_within_pages(pages: &[PageInfo], what: &str) {
    for p in pages {
        for r in &p.runs {
            assert!(
                r.x >= -0.5 && r.x + r.width <= p.width + 0.5 && r.y <= p.height,
                "{what}: `{}` overflows page {} (x {:.1}, width {:.1}, page width {:.1})",
                r.text,
                p.number,
                r.x,
                r.width,
                p.width
            );
        }
    }
}

#[test]
fn sample_text_stays_inside_the_pages() {
    assert_within_pages(sample_layout("en"), "sample");
}

#[test]
fn awkward_data_does_not_break_the_layout() {
    let long_name = "United Federal Democratic Republic of the Extraordinarily Long-Named Archipelago of Valdoria and Its Dependencies";
    let long_url = format!("https://data.example.org/{}", "x".repeat(180));
    let (_tmp, dir) = sample_copy();
    // The length limits of the notes would (rightly) refuse the long name; lift them here to
    // see what the layout does with it.
    std::fs::remove_file(dir.join("text").join("_notes.json")).unwrap();
    edit_json(&dir.join("text").join("en.json"), |t| {
        t["country"]["name"] = long_name.into();
        // A section with an empty list.
        t["findings"]["partnerships"]["potential"] = serde_json::json!({});
        // A page crowded with long footnotes.
        let note = "A long note that goes on for a while, repeating itself to fill the space available at the foot of the page. ".repeat(4);
        let crowded: String = (0..10)
            .map(|i| format!("Claim {i}.^[{note}]"))
            .collect::<Vec<_>>()
            .join(" ");
        t["findings"]["wellbeing"]["well_developed"]["p1"] = crowded.into();
        // A long unbroken URL in running text.
        t["findings"]["crises"]["potential"]["p1"] = format!("See {long_url} for details.").into();
    });
    edit_json(&dir.join("profile.json"), |f| {
        // A one-row table and a long URL in the sources.
        f["conventions"] = serde_json::json!([{ "id": "crc", "ratified": 1992 }]);
        f["sources"][0]["entries"][0]["url"] = long_url.clone().into();
    });
    let (_doc, pages) = layout(&dir, "en");
    assert_within_pages(&pages, "awkward data");
    let all: String = pages.iter().map(|p| p.text()).collect::<Vec<_>>().join(" ");
    assert!(
        squeeze(&all).contains("TABLE1"),
        "the one-row table lost its caption"
    );
    let empty = session()
        .packs
        .reference()
        .unwrap()
        .get("labels.empty_section")
        .unwrap()
        .to_string();
    assert!(
        squeeze(&all).contains(&squeeze(&empty)),
        "the empty section has no notice"
    );
    // The long name reaches the header (it may wrap, but it is there and inside the page).
    assert!(squeeze(&all).contains(&squeeze(long_name)));
    assert!((24..=40).contains(&pages.len()), "{} pages", pages.len());
}

#[test]
fn key_pages_match_their_png_references() {
    let (doc, pages) = layout(&sample(), "en");
    let toc = pages
        .iter()
        .position(|p| p.text().contains("TABLE OF CONTENTS"))
        .unwrap();
    let opener = pages
        .iter()
        .position(|p| p.text().contains("International conventions ratified"))
        .unwrap();
    compare_with_reference(&doc, 0, "en-cover");
    compare_with_reference(&doc, toc, "en-contents");
    compare_with_reference(&doc, opener, "en-section-1");
}

#[test]
fn letter_paper_and_print_bleed() {
    let (_tmp, dir) = sample_copy();
    edit_json(&dir.join("profile.json"), |f| {
        f["paper"] = "letter".into();
        f["print"] = serde_json::json!({ "bleed_mm": 3, "crop_marks": true });
    });
    let out = tempfile::tempdir().unwrap();
    let session = common::session();
    let options = mgi_press::BuildOptions {
        langs: vec!["en".into()],
        out_dir: out.path().to_path_buf(),
        editions: vec![mgi_press::edition::Edition::Print],
        ..Default::default()
    };
    let reports = mgi_press::batch::build(session, std::slice::from_ref(&dir), &options, &|_| {});
    assert_eq!(
        reports[0].status,
        mgi_press::Status::Built,
        "{}",
        mgi_press::diagnostics::render_all(&reports[0].diagnostics)
    );
    let pdf = std::fs::read(out.path().join("valdoria.en.print.pdf")).unwrap();
    let text = String::from_utf8_lossy(&pdf);
    assert!(text.contains("/TrimBox"), "no trim box for the printer");
    let (_doc, pages) = layout_edition(&dir, "en", mgi_press::edition::Edition::Print);
    // US Letter is 612 pt wide; bleed and crop-mark margins only make the sheet larger.
    assert!(
        pages
            .iter()
            .all(|p| p.width >= 612.0 - 0.5 && p.width < 700.0),
        "width {}",
        pages[0].width
    );
    assert_within_pages(&pages, "letter with bleed");
}

/// The sample laid out with a copy of the project whose layout folder `edit` changes; the
/// pages and the view model.
fn layout_with(
    edit: impl FnOnce(&std::path::Path),
    lang: &str,
) -> (Vec<PageInfo>, serde_json::Value) {
    let tmp = tempfile::tempdir().unwrap();
    for dir in ["layouts", "fonts", "color"] {
        copy_dir(&root().join(dir), &tmp.path().join(dir));
    }
    edit(&tmp.path().join("layouts/mgi"));
    let names = mgi_press::load::DisplayNames::relative_to(tmp.path());
    let s = mgi_press::session::Session::open_with(tmp.path(), "mgi", names).unwrap();
    let profile = s.load_checked(&sample()).profile.unwrap();
    let vm = s.resolve(&profile, lang, false).0.unwrap();
    let compiled = s.compile(&profile, &vm).unwrap();
    let pages = mgi_press::typeset::inspect::pages(&compiled.document);
    (pages, serde_json::to_value(&vm).unwrap())
}

/// The key findings page, with its six `PAGE N` cards.
fn key_findings_page(pages: &[PageInfo]) -> &PageInfo {
    pages
        .iter()
        .find(|p| p.text().contains("KEY FINDINGS") && p.text().contains("PAGE"))
        .expect("no key findings page with its cards")
}

/// Whether a page has text set in `size` points.
fn has_size(page: &PageInfo, size: f64) -> bool {
    page.runs.iter().any(|r| (r.size - size).abs() < 0.01)
}

/// `fit-or-dense` (components.typ): the key findings page keeps its normal sizes while it
/// fits, and takes the denser variant (cards in 7.8 pt, tokens.typ) when a longer
/// introduction would push the cards over the page; its six cards stay on one page.
#[test]
fn key_findings_take_the_dense_variant_only_when_the_page_would_overflow() {
    let normal = key_findings_page(sample_layout("en"));
    assert!(has_size(normal, 8.5) && !has_size(normal, 7.8));
    let (pages, _) = layout_with(
        |dir| {
            edit_json(&dir.join("lang/en.json"), |pack| {
                let intro = pack["key_findings"]["intro"].as_str().unwrap().to_string();
                let long = [intro.as_str(); 4].join("\n\n");
                pack["key_findings"]["intro"] = serde_json::Value::String(long);
            })
        },
        "en",
    );
    let dense = key_findings_page(&pages);
    assert!(has_size(dense, 7.8), "the cards are not in the dense size");
    let cards = regex_lite::Regex::new(r"PAGE\s*\d+").unwrap();
    assert_eq!(cards.find_iter(&dense.text()).count(), 6);
}
