//! The translation lock of one language (`_lock.<lang>.json` beside the text files): for each
//! translated key, the fingerprint of the English text it was translated from, and whether a
//! translator confirmed that it reads the same as the English on purpose. A translation whose
//! English has changed since is stale ("needs review"). The file is written by
//! `mgi-press i18n import` and `mgi-press i18n mark`; it is never edited by hand.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::fs::write_atomically;
use crate::hash::content_hash;

/// What is recorded for one key.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Locked {
    /// Hash of the English text the translation was made from.
    pub source: String,
    /// The translation is the same as the English on purpose (a name, a term kept in English).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub same: bool,
}

/// The lock of one language in one folder.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Lock {
    #[serde(rename = "$comment", default)]
    pub comment: String,
    pub keys: BTreeMap<String, Locked>,
}

const COMMENT: &str = "Written by mgi-press i18n import/mark: the English each translation was made from (see docs/translation.md).";

/// `<folder>/_lock.<lang>.json`
pub fn lock_path(dir: &Path, lang: &str) -> PathBuf {
    dir.join(format!("_lock.{lang}.json"))
}

/// The fingerprint recorded for an English text.
pub fn source_hash(english: &str) -> String {
    // 16 bytes are plenty to notice a change, and keep the file readable.
    content_hash(english.as_bytes())[..32].to_string()
}

impl Lock {
    /// The lock of `lang` in `dir` (empty when there is none, or it cannot be read).
    pub fn load(dir: &Path, lang: &str) -> Lock {
        crate::builtin::read(&lock_path(dir, lang))
            .ok()
            .and_then(|b| serde_json::from_slice(&b).ok())
            .unwrap_or_default()
    }

    pub fn save(&self, dir: &Path, lang: &str) -> std::io::Result<()> {
        let mut lock = self.clone();
        lock.comment = COMMENT.to_string();
        let mut bytes = serde_json::to_vec_pretty(&lock).unwrap_or_default();
        bytes.push(b'\n');
        write_atomically(&lock_path(dir, lang), &bytes)
    }

    /// Records that `key` was translated from `english`.
    pub fn record(&mut self, key: &str, english: &str, same: bool) {
        let entry = Locked {
            source: source_hash(english),
            same,
        };
        self.keys.insert(key.to_string(), entry);
    }

    /// Whether the translation of `key` was made from an English text other than `english`.
    pub fn is_stale(&self, key: &str, english: &str) -> bool {
        self.keys
            .get(key)
            .is_some_and(|l| l.source != source_hash(english))
    }

    /// Whether a translator confirmed that `key` reads the same as this English on purpose.
    pub fn confirmed_same(&self, key: &str, english: &str) -> bool {
        self.keys
            .get(key)
            .is_some_and(|l| l.same && l.source == source_hash(english))
    }
}
