//! A text file (profile text or language pack) seen as an ordered list of dotted keys, which is
//! how translators, fallbacks, `i18n status` and length limits think about text.

use indexmap::IndexMap;

use super::json::{Node, PathSeg, Value};
use super::source::JsonFile;

/// The strings of one text file, by dotted key (`findings.rights.potential.p2`), in file order.
#[derive(Debug, Clone)]
pub struct Strings {
    pub lang: String,
    pub file: JsonFile,
    pub entries: IndexMap<String, Entry>,
}

#[derive(Debug, Clone)]
pub struct Entry {
    pub value: String,
    pub path: Vec<PathSeg>,
}

impl Strings {
    pub fn new(lang: &str, file: JsonFile) -> Self {
        let mut entries = IndexMap::new();
        let mut path = Vec::new();
        flatten(&file.root, &mut path, &mut entries);
        Strings {
            lang: lang.to_string(),
            file,
            entries,
        }
    }

    pub fn get(&self, key: &str) -> Option<&str> {
        self.entries.get(key).map(|e| e.value.as_str())
    }

    /// The direct child keys below `prefix` (e.g. the `p1`, `p2` of a paragraph list), in order.
    pub fn children(&self, prefix: &str) -> Vec<String> {
        let dotted = format!("{prefix}.");
        let mut out: Vec<String> = Vec::new();
        for key in self.entries.keys() {
            if let Some(rest) = key.strip_prefix(&dotted) {
                let child = rest.split('.').next().unwrap_or(rest).to_string();
                if !out.contains(&child) {
                    out.push(child);
                }
            }
        }
        out
    }
}

fn flatten(node: &Node, path: &mut Vec<PathSeg>, out: &mut IndexMap<String, Entry>) {
    match &node.value {
        Value::Object(members) => {
            for m in members {
                if path.is_empty() && m.key == "$schema" {
                    continue;
                }
                path.push(PathSeg::Key(m.key.clone()));
                flatten(&m.value, path, out);
                path.pop();
            }
        }
        Value::String(s) if !path.is_empty() => {
            let key = path
                .iter()
                .map(|seg| match seg {
                    PathSeg::Key(k) => k.clone(),
                    PathSeg::Index(i) => i.to_string(),
                })
                .collect::<Vec<_>>()
                .join(".");
            out.insert(
                key,
                Entry {
                    value: s.clone(),
                    path: path.clone(),
                },
            );
        }
        _ => {}
    }
}
