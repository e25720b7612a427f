//! Key sources (`sources.typ`): grouped by institution, each entry with its year key
//! (`2015`, `2015a`, `n.d.`, in the language's own letters), its title and its URL.

use schemars::JsonSchema;
use serde::Serialize;

use super::labels::Labels;
use super::lookup::Resolver;
use super::markup::Inline;
use super::origin::Origins;
use crate::load::model::facts::Facts;

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Sources {
    pub title: String,
    /// The part's anchor (`anchors.rs`): its label in the PDF, its id on the web page.
    pub anchor: String,
    pub groups: Vec<SourceGroup>,
    /// Where each plain field comes from (see `origin.rs`).
    #[serde(skip_serializing_if = "Origins::is_empty")]
    pub src: Origins,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct SourceGroup {
    pub name: String,
    pub entries: Vec<SourceEntry>,
    /// Where each plain field comes from (see `origin.rs`).
    #[serde(skip_serializing_if = "Origins::is_empty")]
    pub src: Origins,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct SourceEntry {
    pub key: String,
    pub title: Vec<Inline>,
    pub url: Option<String>,
}

pub fn sources(r: &mut Resolver<'_>, facts: &Facts, labels: &Labels) -> Sources {
    let key_letters: Vec<char> = r
        .pack_setting("labels.key_letters")
        .unwrap_or("")
        .chars()
        .filter(|c| c.is_alphabetic())
        .collect();
    let mut groups = Vec::new();
    for group in &facts.sources {
        let mut src = Origins::default();
        let name = src.take(
            "name",
            r.text_keyed(&format!("sources.groups.{}", group.id)),
        );
        let years: Vec<Option<i32>> = group.entries.iter().map(|e| e.year).collect();
        let entries = source_keys(&years, &labels.no_date, &key_letters)
            .into_iter()
            .map(|(i, key)| {
                let e = &group.entries[i];
                SourceEntry {
                    key,
                    title: r.text_inlines(&format!("sources.entries.{}", e.id)),
                    url: e.url.clone(),
                }
            })
            .collect();
        groups.push(SourceGroup { name, entries, src });
    }
    let mut src = Origins::default();
    Sources {
        title: src.take("title", r.pack_keyed("sources.title")),
        anchor: super::anchors::SOURCES.to_string(),
        groups,
        src,
    }
}

/// Year keys for the entries of one source group: `2015`, or `2015a`/`2015b` when a year
/// repeats; `n.d.`, `n.d.a`, … for undated entries. Returns indices in display order.
pub fn source_keys(years: &[Option<i32>], no_date: &str, letters: &[char]) -> Vec<(usize, String)> {
    let mut order: Vec<usize> = (0..years.len()).collect();
    order.sort_by_key(|&i| (years[i].is_none(), years[i].unwrap_or(0)));
    let mut out = Vec::new();
    for &i in &order {
        let same: Vec<usize> = order
            .iter()
            .copied()
            .filter(|&j| years[j] == years[i])
            .collect();
        let base = years[i].map_or(no_date.to_string(), |y| y.to_string());
        let key = if same.len() > 1 {
            let pos = same.iter().position(|&j| j == i).unwrap_or(0);
            format!("{base}{}", letter(pos, letters))
        } else {
            base
        };
        out.push((i, key));
    }
    out
}

/// The `n`th key letter: a, b, …, z, aa, ab, … (in the language's own letters).
fn letter(n: usize, letters: &[char]) -> String {
    const LATIN: &[char] = &[
        'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o', 'p', 'q', 'r',
        's', 't', 'u', 'v', 'w', 'x', 'y', 'z',
    ];
    let letters = if letters.is_empty() { LATIN } else { letters };
    let base = letters.len();
    let mut n = n;
    let mut s = String::new();
    loop {
        s.insert(0, letters[n % base]);
        if n < base {
            return s;
        }
        n = n / base - 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn year_keys_get_letters_only_when_repeated() {
        let keys = source_keys(
            &[Some(2015), None, Some(2010), Some(2015), None],
            "n.d.",
            &[],
        );
        let keys: Vec<(usize, &str)> = keys.iter().map(|(i, k)| (*i, k.as_str())).collect();
        assert_eq!(
            keys,
            vec![
                (2, "2010"),
                (0, "2015a"),
                (3, "2015b"),
                (1, "n.d.a"),
                (4, "n.d.b")
            ]
        );
        assert_eq!(letter(26, &[]), "aa");
        assert_eq!(letter(1, &['а', 'б', 'в']), "б");
    }
}
