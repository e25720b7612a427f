//! Translation checks, as localisation platforms run them, per key: the translation keeps the
//! English text's placeholders, link targets and number of footnotes, and its numbers and
//! years. `check` and `i18n status` report what they find as warnings; `i18n import` refuses
//! a file that loses or adds placeholders, links or footnotes.

/// What a translation does not keep of its English text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mismatch {
    Placeholders {
        source: Vec<String>,
        target: Vec<String>,
    },
    Links {
        source: Vec<String>,
        target: Vec<String>,
    },
    Footnotes {
        source: usize,
        target: usize,
    },
    /// A number of the English text that the translation does not have.
    Number(String),
}

impl Mismatch {
    /// Whether the mismatch breaks the markup (placeholders, links, footnotes), rather than a
    /// number that may have been written another way.
    pub fn breaks_markup(&self) -> bool {
        !matches!(self, Mismatch::Number(_))
    }

    pub fn message(&self) -> String {
        let list = |v: &[String]| {
            if v.is_empty() {
                "none".to_string()
            } else {
                v.join(", ")
            }
        };
        match self {
            Mismatch::Placeholders { source, target } => format!(
                "the placeholders differ from the English: {} in English, {} here",
                list(source),
                list(target)
            ),
            Mismatch::Links { source, target } => format!(
                "the link targets differ from the English: {} in English, {} here",
                list(source),
                list(target)
            ),
            Mismatch::Footnotes { source, target } => {
                format!("the English has {source} footnote(s), the translation {target}")
            }
            Mismatch::Number(n) => {
                format!("the number {n} of the English text is not in the translation")
            }
        }
    }
}

/// Every mismatch between an English text and its translation.
pub fn compare(source: &str, target: &str) -> Vec<Mismatch> {
    let mut out = Vec::new();
    let (sp, tp) = (sorted(placeholders(source)), sorted(placeholders(target)));
    if sp != tp {
        out.push(Mismatch::Placeholders {
            source: sp,
            target: tp,
        });
    }
    let (sl, tl) = (sorted(links(source)), sorted(links(target)));
    if sl != tl {
        out.push(Mismatch::Links {
            source: sl,
            target: tl,
        });
    }
    let (sf, tf) = (footnotes(source), footnotes(target));
    if sf != tf {
        out.push(Mismatch::Footnotes {
            source: sf,
            target: tf,
        });
    }
    let target_numbers = numbers(target);
    for n in numbers(source) {
        if !target_numbers.contains(&n) {
            out.push(Mismatch::Number(n));
        }
    }
    out
}

fn sorted(mut v: Vec<String>) -> Vec<String> {
    v.sort();
    v
}

/// `{{name}}` placeholders, in order.
pub fn placeholders(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find("{{") {
        let after = &rest[start + 2..];
        match after.find("}}") {
            Some(end)
                if after[..end]
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '_') =>
            {
                out.push(format!("{{{{{}}}}}", &after[..end]));
                rest = &after[end + 2..];
            }
            _ => rest = after,
        }
    }
    out
}

/// The targets of `[label](target)` links, in order.
pub fn links(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(i) = rest.find("](") {
        let after = &rest[i + 2..];
        let end = after
            .find(|c: char| c == ')' || c.is_whitespace())
            .unwrap_or(after.len());
        if after[end..].starts_with(')') && end > 0 {
            out.push(after[..end].to_string());
        }
        rest = &after[end..];
    }
    out
}

/// The number of `^[` footnote openers (not escaped).
pub fn footnotes(text: &str) -> usize {
    let bytes = text.as_bytes();
    (0..bytes.len().saturating_sub(1))
        .filter(|&i| bytes[i] == b'^' && bytes[i + 1] == b'[' && (i == 0 || bytes[i - 1] != b'\\'))
        .count()
}

/// The numbers of a text (outside link targets and placeholders), with separators between
/// digits removed so that `10,000`, `10 000` and `10.000` are the same number.
pub fn numbers(text: &str) -> Vec<String> {
    let mut cleaned = text.to_string();
    for skip in links(text).into_iter().chain(placeholders(text)) {
        cleaned = cleaned.replace(&skip, " ");
    }
    let chars: Vec<char> = cleaned.chars().collect();
    let mut out = Vec::new();
    let mut current = String::new();
    for (i, &c) in chars.iter().enumerate() {
        // A thousands separator: between digits, followed by exactly three digits (so that
        // `2015 10` stays two numbers while `10 000` is one).
        let group = chars
            .get(i + 1..i + 4)
            .is_some_and(|g| g.iter().all(char::is_ascii_digit))
            && !chars.get(i + 4).is_some_and(char::is_ascii_digit);
        let separator = matches!(c, ',' | '.' | ' ' | '\u{00A0}' | '\u{202F}' | '\u{2009}')
            && !current.is_empty()
            && group;
        if c.is_ascii_digit() {
            current.push(c);
        } else if !separator && !current.is_empty() {
            out.push(std::mem::take(&mut current));
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_and_numbers_are_compared() {
        let en = "In {{year}}, **10,000** people used [the portal](https://a.org)^[Source: 2019 census.].";
        let fr = "En {{year}}, **10 000** personnes ont utilisé [le portail](https://a.org)^[Source : recensement de 2019.].";
        assert_eq!(compare(en, fr), vec![]);
        let lost = "En {{année}}, 10 000 personnes ont utilisé le portail.";
        let found = compare(en, lost);
        assert!(
            found
                .iter()
                .any(|m| matches!(m, Mismatch::Placeholders { .. }))
        );
        assert!(found.iter().any(|m| matches!(m, Mismatch::Links { .. })));
        assert!(found.contains(&Mismatch::Footnotes {
            source: 1,
            target: 0
        }));
        assert!(found.contains(&Mismatch::Number("2019".into())));
        assert!(found.iter().filter(|m| m.breaks_markup()).count() == 3);
        // Two numbers side by side are two numbers; a thousands group is one.
        assert_eq!(
            numbers("en 2015 10 métiers, 1 500 000 €, 2,5 %"),
            ["2015", "10", "1500000", "2", "5"]
        );
    }
}
