//! Word in and out (`mgi-press docx`): the review draft a government's focal points edit in
//! Word ([`export`]), its edits, tracked changes and comments read back per key ([`import`]),
//! and an author's first manuscript mapped by its structure into a profile ([`manuscript`]).
//!
//! A DOCX is a zip of XML parts, read and written here with `zip` and `quick-xml`
//! ([`package`], [`xml`]): no DOCX crate surveyed reads content-control tags, bookmarks,
//! footnotes, comments and tracked changes back, which is what import needs.

pub mod anchors;
pub mod draft;
pub mod export;
pub mod import;
pub mod manuscript;
pub mod package;
pub mod read;
pub mod rich;
pub mod xml;

use crate::diagnostics::Diagnostic;
use crate::load::Profile;
use crate::session::Session;

/// Names of the parts mgi-press writes and reads.
pub mod parts {
    pub const CONTENT_TYPES: &str = "[Content_Types].xml";
    pub const DOCUMENT: &str = "word/document.xml";
    pub const DOCUMENT_RELS: &str = "word/_rels/document.xml.rels";
    pub const FOOTNOTES: &str = "word/footnotes.xml";
    pub const FOOTNOTES_RELS: &str = "word/_rels/footnotes.xml.rels";
    pub const COMMENTS: &str = "word/comments.xml";
    pub const COMMENTS_EXTENDED: &str = "word/commentsExtended.xml";
    pub const CUSTOM: &str = "docProps/custom.xml";
}

/// What a draft records about itself, and how it is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Meta {
    /// The profile's folder name (never a path of this machine: the file leaves it).
    pub profile: String,
    pub lang: String,
    /// The fingerprint of the English text file the draft was made from.
    pub english: String,
    /// Document title.
    pub title: String,
    /// `YYYY-MM-DD`: the profile's publication date, the document's fixed timestamps.
    pub date: String,
    /// `w:lang` value (`fr-FR`, `ar-SA`).
    pub lang_tag: String,
    pub rtl: bool,
}

/// The custom document properties' names.
pub const PROP_FORMAT: &str = "mgi-press.format";
pub const PROP_PROFILE: &str = "mgi-press.profile";
pub const PROP_LANG: &str = "mgi-press.lang";
pub const PROP_ENGLISH: &str = "mgi-press.english";

impl Meta {
    pub fn properties(&self) -> Vec<(&'static str, String)> {
        vec![
            (PROP_FORMAT, "1".to_string()),
            (PROP_PROFILE, self.profile.clone()),
            (PROP_LANG, self.lang.clone()),
            (PROP_ENGLISH, self.english.clone()),
        ]
    }
}

/// Word's language tag for a language code (its usual region; a code with a region is kept).
pub fn lang_tag(lang: &str) -> String {
    if lang.contains('-') {
        return lang.to_string();
    }
    let region = match lang {
        "en" => "GB",
        "fr" => "FR",
        "es" => "ES",
        "pt" => "PT",
        "ru" => "RU",
        "ar" => "SA",
        "zh" => "CN",
        other => return other.to_string(),
    };
    format!("{lang}-{region}")
}

/// The fingerprint of a profile's English text file (what translations and drafts are made
/// from).
pub fn english_fingerprint(profile: &Profile) -> String {
    let text = profile
        .texts
        .get(crate::project::REFERENCE_LANG)
        .map(|s| s.file.text.as_str())
        .unwrap_or("");
    crate::hash::content_hash(text.as_bytes())[..32].to_string()
}

/// The draft and its properties for one language of a loaded profile.
pub fn draft_of(
    session: &Session,
    profile: &Profile,
    lang: &str,
) -> Result<(draft::Draft, Meta), Diagnostic> {
    let text = profile.texts.get(lang).ok_or_else(|| {
        Diagnostic::error(format!("{} has no text in `{lang}`", profile.shown))
            .with_hint(format!("its languages: {}", profile.languages().join(", ")))
    })?;
    let draft = draft::draft(profile, &session.packs, lang, text);
    let pack_get = |key: &str| {
        session
            .packs
            .by_lang
            .get(lang)
            .and_then(|s| s.get(key))
            .or_else(|| session.packs.reference().and_then(|s| s.get(key)))
            .unwrap_or("")
            .to_string()
    };
    let country = text.get("country.short_name").unwrap_or(&profile.name);
    let meta = Meta {
        profile: profile.name.clone(),
        lang: lang.to_string(),
        english: english_fingerprint(profile),
        title: format!(
            "{} – {country} {}",
            pack_get("cover.title").replace('\n', " "),
            profile.facts.year
        ),
        date: profile.facts.published.clone(),
        lang_tag: lang_tag(lang),
        rtl: pack_get("language.dir") == "rtl",
    };
    Ok((draft, meta))
}
