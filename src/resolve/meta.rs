//! The document's metadata (read by `main.typ`): language and direction, country names, the
//! running header, paper and print options, and the PDF's title, author and keywords.

use schemars::JsonSchema;
use serde::Serialize;

use super::cover::Cover;
use super::findings::Dimension;
use super::labels::Labels;
use super::lookup::Resolver;
use crate::edition::Edition;
use crate::load::model::facts::{Facts, Print};

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Meta {
    pub lang: String,
    pub dir: String,
    pub country: String,
    pub country_short: String,
    /// The running header and cover line, e.g. `REPUBLIC OF VALDORIA | PROFILE 2025`.
    pub header: String,
    pub year: i32,
    pub published: String,
    pub published_text: String,
    pub paper: String,
    /// `print` or `screen` (see [`Meta::for_edition`]).
    pub edition: Edition,
    /// Bleed and crop marks: those of `print` in profile.json for the print edition, none for
    /// the screen edition.
    pub bleed_mm: f64,
    pub crop_marks: bool,
    pub title: String,
    pub author: String,
    pub keywords: Vec<String>,
}

/// The country's names, as the profile text gives them.
pub struct Country {
    pub name: String,
    pub short: String,
}

pub fn country(r: &mut Resolver<'_>) -> Country {
    Country {
        name: r.text_plain("country.name"),
        short: r.text_plain("country.short_name"),
    }
}

/// The publication date in words, in the document's language: `30 June 2025`.
pub fn published_text(r: &mut Resolver<'_>, published: &str) -> String {
    let mut parts = published.split('-');
    let (Some(y), Some(m), Some(d)) = (parts.next(), parts.next(), parts.next()) else {
        return published.to_string();
    };
    let month = r.pack_plain(&format!("months.m{m}"));
    let day = d.trim_start_matches('0');
    let format = r
        .pack_setting("labels.date_format")
        .unwrap_or("{day} {month} {year}");
    format
        .replace("{day}", day)
        .replace("{month}", &month)
        .replace("{year}", y)
}

/// Everything else is known by now: the metadata only combines it.
pub fn meta(
    r: &mut Resolver<'_>,
    facts: &Facts,
    country: Country,
    published_text: String,
    labels: &Labels,
    cover: &Cover,
    dimensions: &[Dimension],
) -> Meta {
    let dir = r.pack_setting("language.dir").unwrap_or("ltr").to_string();
    let header = format!(
        "{} | {} {}",
        country.name.to_uppercase(),
        labels.profile.to_uppercase(),
        facts.year
    );
    let title = format!(
        "{} {} {} – {}",
        cover.title_lines.join(" "),
        labels.profile,
        facts.year,
        country.name
    );
    let mut keywords = vec![country.name.clone(), cover.publisher.clone()];
    keywords.extend(dimensions.iter().map(|d| d.card_title.clone()));
    Meta {
        lang: r.lang.to_string(),
        dir,
        country: country.name,
        country_short: country.short,
        header,
        year: facts.year,
        published: facts.published.clone(),
        published_text,
        paper: facts.paper.as_str().to_string(),
        edition: Edition::Print,
        bleed_mm: facts.print.bleed_mm,
        crop_marks: facts.print.crop_marks,
        title,
        author: cover.publisher.clone(),
        keywords,
    }
}

impl Meta {
    /// The metadata of one edition: the print edition has the bleed and crop marks asked for
    /// in `print`, the screen edition neither.
    pub fn for_edition(&mut self, edition: Edition, print: &Print) {
        self.edition = edition;
        (self.bleed_mm, self.crop_marks) = match edition {
            Edition::Print => (print.bleed_mm, print.crop_marks),
            Edition::Screen | Edition::Html => (0.0, false),
        };
    }
}
