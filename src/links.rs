//! Which link targets a field may hold, defined once per kind of field: inline links in rich
//! text may also write e-mail (`mailto:`); the URL of a key source must be a web address.

/// A kind of field that holds a link target.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkField {
    /// `[label](target)` in rich text.
    Inline,
    /// `url` of a key source in `profile.json`.
    SourceUrl,
}

impl LinkField {
    /// The schemes (with their separators) allowed in this kind of field.
    pub fn schemes(self) -> &'static [&'static str] {
        match self {
            LinkField::Inline => &["https://", "http://", "mailto:"],
            LinkField::SourceUrl => &["https://", "http://"],
        }
    }

    pub fn allows(self, target: &str) -> bool {
        self.schemes().iter().any(|s| target.starts_with(s))
    }

    /// The allowed schemes for a message: `https://, http:// or mailto:`.
    pub fn expected(self) -> String {
        match self.schemes() {
            [] => String::new(),
            [one] => (*one).to_string(),
            [init @ .., last] => format!("{} or {last}", init.join(", ")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn schemes_per_field() {
        assert!(LinkField::Inline.allows("mailto:a@b.org"));
        assert!(!LinkField::SourceUrl.allows("mailto:a@b.org"));
        assert!(!LinkField::Inline.allows("javascript:alert(1)"));
        assert_eq!(LinkField::Inline.expected(), "https://, http:// or mailto:");
        assert_eq!(LinkField::SourceUrl.expected(), "https:// or http://");
    }
}
