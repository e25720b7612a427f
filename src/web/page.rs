//! The page of one document, part by part in the order of the PDF: the banner with the cover,
//! the contents, the chapters (each closed by its notes), and the legal text and back cover
//! in the footer. Headings: one `h1` (the title), `h2` for the contents and each chapter, `h3`
//! and `h4` inside; every chapter's id is its anchor from the view model.

use super::html::{self, Html, element, text};
use super::rich::{Notes, plain, plain_blocks};
use super::site::{CoverImage, Site, folder_name};
use crate::resolve::{Blocks, Dimension, ViewModel};

/// Everything the page writer carries from part to part.
pub struct Page<'a> {
    pub view: &'a ViewModel,
    pub site: &'a Site<'a>,
    pub cover: Option<&'a CoverImage>,
    pub h: Html,
    pub notes: Notes,
}

impl Page<'_> {
    pub fn write(mut self) -> String {
        let v = self.view;
        self.h.line("<!DOCTYPE html>");
        self.h.line(&html::start(
            "html",
            &[("lang", Some(&v.meta.lang)), ("dir", Some(&v.meta.dir))],
        ));
        self.head();
        self.h.open("body", &[]);
        self.h.element(
            "a",
            &[("class", Some("skip-link")), ("href", Some("#main"))],
            &text(&v.web.skip_link),
        );
        self.banner();
        self.contents();
        self.h
            .open("main", &[("id", Some("main")), ("tabindex", Some("-1"))]);
        self.chapters();
        self.h.close("main");
        self.footer();
        self.h.close("body");
        self.h.line("</html>");
        self.h.finish()
    }

    // ------------------------------------------------------------------ head --

    fn head(&mut self) {
        let v = self.view;
        let site = self.site;
        self.h.open("head", &[]);
        self.h.line("<meta charset=\"utf-8\">");
        self.h
            .line("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        self.h.element("title", &[], &text(&v.meta.title));
        let description = self.description();
        self.meta_name("description", &description);
        self.meta_name("author", &v.meta.author);
        self.meta_name("keywords", &v.meta.keywords.join(", "));
        let css = format!("../{}/{}", super::assets::DIR, super::assets::STYLESHEET);
        self.h.line(&html::start(
            "link",
            &[("rel", Some("stylesheet")), ("href", Some(&css))],
        ));
        if let Some(base) = site.base_url {
            self.absolute_links(base, &description);
        }
        self.h.close("head");
    }

    fn meta_name(&mut self, name: &str, content: &str) {
        self.h.line(&html::start(
            "meta",
            &[("name", Some(name)), ("content", Some(content))],
        ));
    }

    fn meta_property(&mut self, property: &str, content: &str) {
        self.h.line(&html::start(
            "meta",
            &[("property", Some(property)), ("content", Some(content))],
        ));
    }

    /// The first paragraph of the objective, as the PDF's description.
    fn description(&self) -> String {
        plain_blocks(self.view.objective.body.get(..1).unwrap_or(&[]))
    }

    /// With `--base-url`: canonical, hreflang alternates, Open Graph.
    fn absolute_links(&mut self, base: &str, description: &str) {
        let v = self.view;
        let site = self.site;
        let page_url = |lang: &str| format!("{base}/{}/", folder_name(site.profile, lang));
        let own = page_url(&v.meta.lang);
        self.h.line(&html::start(
            "link",
            &[("rel", Some("canonical")), ("href", Some(&own))],
        ));
        for l in site.languages {
            let href = page_url(&l.code);
            self.h.line(&html::start(
                "link",
                &[
                    ("rel", Some("alternate")),
                    ("hreflang", Some(&l.code)),
                    ("href", Some(&href)),
                ],
            ));
        }
        // The reference language stands for the others (else the first listed).
        let reference = site
            .languages
            .iter()
            .find(|l| l.code == crate::project::REFERENCE_LANG);
        if let Some(first) = reference.or(site.languages.first()) {
            let href = page_url(&first.code);
            self.h.line(&html::start(
                "link",
                &[
                    ("rel", Some("alternate")),
                    ("hreflang", Some("x-default")),
                    ("href", Some(&href)),
                ],
            ));
        }
        self.meta_property("og:type", "article");
        self.meta_property("og:title", &v.meta.title);
        self.meta_property("og:description", description);
        self.meta_property("og:url", &own);
        self.meta_property("og:locale", &v.meta.lang.replace('-', "_"));
        if let Some(c) = self.cover {
            let big = c.largest();
            self.meta_property("og:image", &format!("{base}/{}", big.path));
            self.meta_property("og:image:width", &big.width.to_string());
            self.meta_property("og:image:height", &big.height.to_string());
            self.meta_property("og:image:alt", &c.alt);
        }
    }

    // ---------------------------------------------------------------- banner --

    /// The masthead (publisher, languages, PDF files) and the cover: title, dimension strip,
    /// photograph, publisher and research partner.
    fn banner(&mut self) {
        let v = self.view;
        self.h.open("header", &[("class", Some("banner"))]);
        self.h.open("div", &[("class", Some("masthead"))]);
        self.h.element(
            "p",
            &[("class", Some("wordmark"))],
            &text(&v.cover.publisher),
        );
        self.language_nav();
        self.pdf_nav();
        self.h.close("div");
        self.h.open("div", &[("class", Some("cover"))]);
        self.h
            .element("p", &[("class", Some("cover-line"))], &text(&v.meta.header));
        let lines: Vec<String> = v
            .cover
            .title_lines
            .iter()
            .map(|l| element("span", &[("class", Some("title-line"))], &text(l)))
            .collect();
        let sub = format!("{} {} – {}", v.labels.profile, v.meta.year, v.meta.country);
        let sub = element("span", &[("class", Some("title-sub"))], &text(&sub));
        self.h
            .element("h1", &[], &format!("{} {sub}", lines.join(" ")));
        self.strip();
        self.photo();
        let partner = format!(
            "{} {}",
            element(
                "span",
                &[("class", Some("partner-label"))],
                &text(&v.cover.partner_label)
            ),
            element(
                "strong",
                &[("class", Some("partner-name"))],
                &text(&v.cover.partner)
            )
        );
        self.h.element("p", &[("class", Some("partner"))], &partner);
        self.h.close("div");
        self.h.close("header");
    }

    /// The six dimension colours, as on the cover (decoration only).
    fn strip(&mut self) {
        let spans: String = self
            .view
            .dimensions
            .iter()
            .map(|d| element("span", &[("class", Some(&format!("accent-{}", d.id)))], ""))
            .collect();
        self.h.element(
            "div",
            &[("class", Some("strip")), ("aria-hidden", Some("true"))],
            &spans,
        );
    }

    fn photo(&mut self) {
        let Some(c) = self.cover else { return };
        let srcset: Vec<String> = c
            .sizes
            .iter()
            .map(|s| format!("../{} {}w", s.path, s.width))
            .collect();
        let main = c.main();
        let src = format!("../{}", main.path);
        let (w, h) = (main.width.to_string(), main.height.to_string());
        let img = html::start(
            "img",
            &[
                ("src", Some(&src)),
                ("srcset", Some(&srcset.join(", "))),
                ("sizes", Some("(min-width: 66rem) 62rem, 100vw")),
                ("width", Some(&w)),
                ("height", Some(&h)),
                ("alt", Some(&c.alt)),
            ],
        );
        self.h
            .element("figure", &[("class", Some("cover-photo"))], &img);
    }

    fn language_nav(&mut self) {
        let v = self.view;
        let site = self.site;
        if site.languages.len() < 2 {
            return;
        }
        self.h.open(
            "nav",
            &[
                ("class", Some("languages")),
                ("aria-label", Some(&v.web.languages)),
            ],
        );
        self.h.open("ul", &[]);
        for l in site.languages {
            let href = format!("../{}/index.html", folder_name(site.profile, &l.code));
            let current = (l.code == v.meta.lang).then_some("page");
            let link = element(
                "a",
                &[
                    ("href", Some(&href)),
                    ("hreflang", Some(&l.code)),
                    ("lang", Some(&l.code)),
                    ("dir", Some(&l.dir)),
                    ("aria-current", current),
                ],
                &text(&l.name),
            );
            self.h.element("li", &[], &link);
        }
        self.h.close("ul");
        self.h.close("nav");
    }

    fn pdf_nav(&mut self) {
        let v = self.view;
        let site = self.site;
        if site.pdfs.is_empty() {
            return;
        }
        self.h.open(
            "nav",
            &[
                ("class", Some("downloads")),
                ("aria-label", Some(&v.web.downloads)),
            ],
        );
        self.h.open("ul", &[]);
        for (edition, name) in site.pdfs {
            let href = format!("../{name}");
            let label = match *edition {
                crate::edition::Edition::Print => &v.web.pdf_print,
                // Only PDFs are listed.
                crate::edition::Edition::Screen | crate::edition::Edition::Html => {
                    &v.web.pdf_screen
                }
            };
            let link = element(
                "a",
                &[("href", Some(&href)), ("type", Some("application/pdf"))],
                &text(label),
            );
            self.h.element("li", &[], &link);
        }
        self.h.close("ul");
        self.h.close("nav");
    }

    // -------------------------------------------------------------- contents --

    fn contents(&mut self) {
        let v = self.view;
        let title_id = format!("{}-title", v.labels.contents_anchor);
        self.h.open(
            "nav",
            &[
                ("id", Some(&v.labels.contents_anchor)),
                ("class", Some("contents")),
                ("aria-labelledby", Some(&title_id)),
            ],
        );
        self.h
            .element("h2", &[("id", Some(&title_id))], &text(&v.labels.contents));
        self.h.open("ol", &[]);
        let entry = |anchor: &str, title: &str| {
            element("a", &[("href", Some(&format!("#{anchor}")))], &text(title))
        };
        self.h
            .element("li", &[], &entry(&v.objective.anchor, &v.objective.title));
        self.h.element(
            "li",
            &[],
            &entry(&v.introduction.anchor, &v.introduction.title),
        );
        self.h
            .element("li", &[], &entry(&v.framework.anchor, &v.framework.title));
        self.h.open("li", &[]);
        self.h
            .line(&entry(&v.key_findings.anchor, &v.key_findings.title));
        self.h.open("ol", &[("class", Some("dimensions"))]);
        for d in &v.dimensions {
            let link = dim_link(d, &d.title);
            self.h
                .element("li", &[("class", Some(&format!("accent-{}", d.id)))], &link);
        }
        self.h.close("ol");
        self.h.close("li");
        self.h
            .element("li", &[], &entry(&v.sources.anchor, &v.sources.title));
        self.h
            .element("li", &[], &entry(&v.annexes.anchor, &v.annexes.title));
        self.h.close("ol");
        self.h.close("nav");
    }

    // -------------------------------------------------------------- chapters --

    fn chapters(&mut self) {
        let v = self.view;
        self.simple_chapter(
            &v.objective.anchor,
            &v.objective.title,
            &v.objective.body,
            "objective",
        );
        self.simple_chapter(
            &v.introduction.anchor,
            &v.introduction.title,
            &v.introduction.body,
            "introduction",
        );
        self.framework();
        self.key_findings();
        for d in &v.dimensions {
            self.dimension(d);
        }
        self.sources();
        self.annexes();
    }

    /// `<section id=anchor aria-labelledby=anchor-title class=…>` and its `h2`.
    fn open_chapter(&mut self, anchor: &str, title_html: &str, class: &str) {
        let title_id = format!("{anchor}-title");
        self.h.open(
            "section",
            &[
                ("id", Some(anchor)),
                ("class", Some(class)),
                ("aria-labelledby", Some(&title_id)),
            ],
        );
        self.h.element("h2", &[("id", Some(&title_id))], title_html);
    }

    /// The chapter's notes, then its end.
    fn close_chapter(&mut self, anchor: &str) {
        let web = &self.view.web;
        self.notes
            .flush(&mut self.h, anchor, &web.notes, &web.back_to_text, 3);
        self.h.close("section");
    }

    fn simple_chapter(&mut self, anchor: &str, title: &str, body: &Blocks, class: &str) {
        self.open_chapter(anchor, &text(title), &format!("chapter {class}"));
        self.notes.blocks(&mut self.h, body);
        self.close_chapter(anchor);
    }

    fn heading(&mut self, level: u8, title: &str) {
        self.h.element(&format!("h{level}"), &[], &text(title));
    }

    fn framework(&mut self) {
        let f = &self.view.framework;
        self.open_chapter(&f.anchor, &text(&f.title), "chapter framework");
        self.heading(3, &f.migof_title);
        self.notes.blocks(&mut self.h, &f.migof_body);
        self.h.open("div", &[("class", Some("panel migof"))]);
        self.item_list(&f.principles_title, &f.principles, "ol", "principles");
        self.item_list(&f.objectives_title, &f.objectives, "ol", "objectives");
        self.h.close("div");
        self.heading(3, &f.mgi_title);
        self.h.open("div", &[("class", Some("panel mgi"))]);
        self.item_list(&f.is_title, &f.is, "ul", "is");
        self.item_list(&f.is_not_title, &f.is_not, "ul", "is-not");
        self.h.close("div");
        self.h.open("div", &[("class", Some("target"))]);
        self.heading(3, &f.target_title);
        self.notes.blocks(&mut self.h, &f.target_body);
        self.h.close("div");
        self.close_chapter(&f.anchor);
    }

    /// A titled list of short texts (the framework's principles, objectives, is, is not).
    fn item_list(&mut self, title: &str, items: &[Blocks], tag: &str, class: &str) {
        self.h
            .open("div", &[("class", Some(&format!("items {class}")))]);
        self.heading(4, title);
        self.h.open(tag, &[]);
        for item in items {
            self.notes.blocks_in(&mut self.h, "li", &[], item);
        }
        self.h.close(tag);
        self.h.close("div");
    }

    /// The key findings: the introduction, then one card per dimension linking to it.
    fn key_findings(&mut self) {
        let v = self.view;
        let k = &v.key_findings;
        self.open_chapter(&k.anchor, &text(&k.title), "chapter key-findings");
        self.h.open("div", &[("class", Some("lead"))]);
        self.notes.blocks(&mut self.h, &k.intro);
        self.h.close("div");
        self.h.open("ul", &[("class", Some("cards"))]);
        for d in &v.dimensions {
            self.h
                .open("li", &[("class", Some(&format!("card accent-{}", d.id)))]);
            let link = dim_link(d, &d.card_title);
            self.h.element("h3", &[], &link);
            self.notes.blocks(&mut self.h, &d.description);
            self.h.close("li");
        }
        self.h.close("ul");
        self.close_chapter(&k.anchor);
    }

    fn dimension(&mut self, d: &Dimension) {
        let v = self.view;
        let title = format!("{} {}", dim_number(d), text(&d.title));
        self.open_chapter(
            &d.anchor,
            &title,
            &format!("chapter dimension accent-{}", d.id),
        );
        if let Some(cv) = d.conventions.as_ref().filter(|c| !c.rows.is_empty()) {
            self.heading(3, &format!("{} {}", cv.number, cv.heading));
            self.h.open("div", &[("class", Some("table-wrap"))]);
            self.h.open("table", &[("class", Some("conventions"))]);
            let label = element(
                "span",
                &[("class", Some("table-label"))],
                &text(&format!("{} 1.", v.labels.table)),
            );
            self.h
                .element("caption", &[], &format!("{label} {}", text(&cv.caption)));
            self.h.open("thead", &[]);
            let col = |t: &str| element("th", &[("scope", Some("col"))], &text(t));
            self.h.element(
                "tr",
                &[],
                &format!("{}{}", col(&cv.col_convention), col(&cv.col_ratified)),
            );
            self.h.close("thead");
            self.h.open("tbody", &[]);
            for r in &cv.rows {
                let name = element("th", &[("scope", Some("row"))], &text(&r.name));
                let class = if r.ratified {
                    "ratified"
                } else {
                    "not-ratified"
                };
                let cell = element("td", &[("class", Some(class))], &text(&r.text));
                self.h.element("tr", &[], &format!("{name}{cell}"));
            }
            self.h.close("tbody");
            self.h.close("table");
            self.h.close("div");
        }
        for s in &d.sections {
            self.heading(3, &format!("{} {}", s.number, s.heading));
            if s.body.is_empty() {
                self.h.element(
                    "p",
                    &[("class", Some("empty"))],
                    &text(&v.labels.empty_section),
                );
            } else {
                self.notes.blocks(&mut self.h, &s.body);
            }
        }
        self.close_chapter(&d.anchor);
    }

    fn sources(&mut self) {
        let v = self.view;
        let s = &v.sources;
        self.open_chapter(&s.anchor, &text(&s.title), "chapter sources");
        for g in &s.groups {
            self.heading(3, &g.name);
            self.h.open("ul", &[("class", Some("source-list"))]);
            for e in &g.entries {
                let key = element("span", &[("class", Some("source-key"))], &text(&e.key));
                let mut entry = self.notes.inlines(&e.title);
                if let Some(url) = e.url.as_deref().filter(|u| !u.is_empty()) {
                    let title = plain(&e.title);
                    let ends = title.trim_end().ends_with(['.', '!', '?', '。', '؟']);
                    if !title.trim().is_empty() && !ends {
                        entry.push('.');
                    }
                    let link = element(
                        "a",
                        &[("href", Some(url)), ("dir", Some("ltr"))],
                        &text(url),
                    );
                    entry.push_str(&format!(" {} {link}.", text(&v.labels.available_at)));
                }
                let body = element("span", &[("class", Some("source-title"))], &entry);
                self.h.element("li", &[], &format!("{key} {body}"));
            }
            self.h.close("ul");
        }
        self.close_chapter(&s.anchor);
    }

    fn annexes(&mut self) {
        let a = &self.view.annexes;
        self.open_chapter(&a.anchor, &text(&a.title), "chapter annexes");
        self.heading(3, &a.migof_title);
        self.notes.blocks(&mut self.h, &a.migof_body);
        self.heading(3, &a.process_title);
        self.h.open("ol", &[("class", Some("steps"))]);
        for step in &a.steps {
            self.h.open("li", &[]);
            let num = element(
                "span",
                &[("class", Some("step-num"))],
                &step.number.to_string(),
            );
            self.h
                .element("h4", &[], &format!("{num} {}", text(&step.title)));
            self.notes.blocks(&mut self.h, &step.body);
            self.h.close("li");
        }
        self.h.close("ol");
        self.close_chapter(&a.anchor);
    }

    // ---------------------------------------------------------------- footer --

    /// The legal page and the back cover.
    fn footer(&mut self) {
        let v = self.view;
        let l = &v.legal;
        self.h.open("footer", &[("class", Some("colophon"))]);
        self.h.open("div", &[("class", Some("legal"))]);
        self.notes.blocks(&mut self.h, &l.disclaimer);
        self.notes.blocks(&mut self.h, &l.publisher_block);
        let partner = format!(
            "{} {}",
            text(&l.partner_label),
            element("strong", &[], &text(&l.partner))
        );
        self.h.element("p", &[], &partner);
        self.notes.blocks(&mut self.h, &l.citation);
        let date = element(
            "time",
            &[("datetime", Some(&v.meta.published))],
            &text(&v.meta.published_text),
        );
        let copyright = element("strong", &[], &text(&l.copyright));
        self.h.element(
            "p",
            &[("class", Some("copyright"))],
            &format!("{copyright} · {date}"),
        );
        self.notes.blocks(&mut self.h, &l.licence);
        self.notes.blocks(&mut self.h, &l.permissions);
        if let Some(credit) = &v.cover.photo_credit {
            self.notes.blocks(&mut self.h, credit);
        }
        self.h.close("div");
        self.back_cover();
        let web = &v.web;
        self.notes
            .flush(&mut self.h, "legal", &web.notes, &web.back_to_text, 2);
        self.h.close("footer");
    }

    fn back_cover(&mut self) {
        let v = self.view;
        let b = &v.back_cover;
        self.h.open("div", &[("class", Some("back-cover"))]);
        let portal = element(
            "a",
            &[("href", Some(&b.portal_url)), ("dir", Some("ltr"))],
            &text(&b.portal),
        );
        self.h.element("p", &[("class", Some("portal"))], &portal);
        if !b.social.is_empty() {
            self.h.open("ul", &[("class", Some("social"))]);
            for s in &b.social {
                let network = element(
                    "span",
                    &[("class", Some("network"))],
                    &text(network_name(&s.network)),
                );
                let handle = element("span", &[("dir", Some("ltr"))], &text(&s.handle));
                self.h.element("li", &[], &format!("{network} {handle}"));
            }
            self.h.close("ul");
        }
        let mail = element(
            "a",
            &[
                ("href", Some(&format!("mailto:{}", b.email))),
                ("dir", Some("ltr")),
            ],
            &text(&b.email),
        );
        self.h.element("p", &[("class", Some("email"))], &mail);
        self.h.element(
            "p",
            &[("class", Some("wordmark"))],
            &text(&v.cover.publisher),
        );
        self.h.close("div");
    }
}

/// `<span class="num">3</span>`, before a dimension's title.
fn dim_number(d: &Dimension) -> String {
    element("span", &[("class", Some("num"))], &d.number.to_string())
}

/// A link to a dimension's chapter: its number, then its title, which alone is underlined.
fn dim_link(d: &Dimension, title: &str) -> String {
    let title = element("span", &[("class", Some("t"))], &text(title));
    element(
        "a",
        &[
            ("class", Some("dim-link")),
            ("href", Some(&format!("#{}", d.anchor))),
        ],
        &format!("{} {title}", dim_number(d)),
    )
}

/// The networks' own spelling, as on the back cover of the PDF (`back-cover.typ`).
fn network_name(id: &str) -> &str {
    match id {
        "x" | "twitter" => "X",
        "facebook" => "Facebook",
        "instagram" => "Instagram",
        "linkedin" => "LinkedIn",
        "youtube" => "YouTube",
        "tiktok" => "TikTok",
        other => other,
    }
}
