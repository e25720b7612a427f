//! Reading the user's JSON files safely: size limits, byte-order marks, invalid UTF-8, syntax
//! errors and schema violations all become located diagnostics, never panics.

use std::path::{Path, PathBuf};

use super::json::At;
use super::json::{self, Node, PathSeg};
use super::schema;
use crate::diagnostics::{Diagnostic, Location};

/// Files larger than this are refused (no profile text comes near it).
pub const MAX_FILE_BYTES: u64 = 8 * 1024 * 1024;

/// A JSON file that was read and parsed.
#[derive(Debug, Clone)]
pub struct JsonFile {
    /// Where it is on disk.
    pub path: PathBuf,
    /// How it is named in messages (relative to the working folder when possible).
    pub name: String,
    pub text: String,
    pub root: Node,
}

impl JsonFile {
    /// A location in this file for the value (or key) at a JSON path.
    pub fn locate(&self, path: &[PathSeg], at: At) -> Option<Location> {
        let range = if at == At::Key {
            self.root.key_range(path)
        } else {
            None
        }
        .or_else(|| self.root.find(path).map(|n| (n.start, n.end)))
        .or_else(|| {
            // Missing value: point at the nearest existing parent.
            (0..path.len())
                .rev()
                .find_map(|i| self.root.find(&path[..i]).map(|n| (n.start, n.start + 1)))
        })?;
        Some(Location::in_text(
            &self.name,
            &self.text,
            range.0,
            range.1 - range.0,
        ))
    }

    /// A location inside the string value at `path`, `offset` bytes into its decoded text.
    pub fn locate_in_string(
        &self,
        path: &[PathSeg],
        offset: usize,
        len: usize,
    ) -> Option<Location> {
        let node = self.root.find(path)?;
        let raw = &self.text[node.start..node.end];
        let start = node.start + json::raw_offset(raw, offset);
        let end = node.start + json::raw_offset(raw, offset + len);
        Some(Location::in_text(
            &self.name,
            &self.text,
            start,
            end.saturating_sub(start).max(1),
        ))
    }

    /// Deserialises the file into its Rust type. The schema has passed, so this rarely fails;
    /// when it does (a number too large for its field, say), the error still names the line,
    /// column and JSON path of the value.
    pub fn deserialize<T: serde::de::DeserializeOwned>(&self) -> Result<T, Diagnostic> {
        serde_path_to_error::deserialize(self.root.to_serde()).map_err(|e| {
            let path: Vec<PathSeg> = e
                .path()
                .iter()
                .filter_map(|seg| match seg {
                    serde_path_to_error::Segment::Map { key } => Some(PathSeg::Key(key.clone())),
                    serde_path_to_error::Segment::Seq { index } => Some(PathSeg::Index(*index)),
                    _ => None,
                })
                .collect();
            self.diag(Diagnostic::error(e.inner().to_string()), &path, At::Value)
        })
    }

    /// A diagnostic located at a JSON path of this file.
    pub fn diag(&self, mut d: Diagnostic, path: &[PathSeg], at: At) -> Diagnostic {
        d.json_path = Some(json::format_path(path));
        match self.locate(path, at) {
            Some(loc) => d.at(loc),
            None => d.in_file(&self.name),
        }
    }
}

/// How files are named in messages: relative to a base folder (the working folder, read once
/// when a session opens) when they lie below it, so that users see the paths they typed.
#[derive(Debug, Clone)]
pub struct DisplayNames {
    base: Option<PathBuf>,
}

impl DisplayNames {
    /// Names relative to `base`.
    pub fn relative_to(base: impl Into<PathBuf>) -> Self {
        DisplayNames {
            base: Some(base.into()),
        }
    }

    /// Names relative to the process's working folder, read now and never again.
    pub fn from_working_dir() -> Self {
        DisplayNames {
            base: std::env::current_dir().ok(),
        }
    }

    /// The name of `path` in messages.
    pub fn name(&self, path: &Path) -> String {
        let shown = self
            .base
            .as_deref()
            .and_then(|b| path.strip_prefix(b).ok())
            .filter(|rel| !rel.as_os_str().is_empty())
            .unwrap_or(path);
        shown.to_string_lossy().replace('\\', "/")
    }
}

/// Reads and parses a JSON file, then validates it against `schema`.
/// Returns the file (when it could be parsed) and every problem found.
pub fn read_json(
    path: &Path,
    schema: &serde_json::Value,
    names: &DisplayNames,
) -> (Option<JsonFile>, Vec<Diagnostic>) {
    let name = names.name(path);
    let err = |msg: String| (None, vec![Diagnostic::error(msg).in_file(&name)]);
    if let Some(bytes) = crate::builtin::file(path) {
        return parse_json(path, bytes, &name, schema);
    }
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return err(format!("file not found: {name}"));
        }
        Err(e) => return err(format!("cannot read {name}: {e}")),
    };
    if meta.is_dir() {
        return err(format!("{name} is a folder, expected a JSON file"));
    }
    if meta.len() > MAX_FILE_BYTES {
        return err(format!(
            "{name} is {} bytes, more than the {} bytes a data file may have",
            meta.len(),
            MAX_FILE_BYTES
        ));
    }
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => return err(format!("cannot read {name}: {e}")),
    };
    parse_json(path, &bytes, &name, schema)
}

/// Parses and validates the bytes of a JSON file named `name` in messages.
fn parse_json(
    path: &Path,
    bytes: &[u8],
    name: &str,
    schema: &serde_json::Value,
) -> (Option<JsonFile>, Vec<Diagnostic>) {
    let name = name.to_string();
    let err = |msg: String| (None, vec![Diagnostic::error(msg).in_file(&name)]);
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t.to_string(),
        Err(e) => {
            let good = String::from_utf8_lossy(&bytes[..e.valid_up_to()]).into_owned();
            let loc = Location::in_text(&name, &good, good.len(), 1);
            let d = Diagnostic::error(format!(
                "{name} is not valid UTF-8 (invalid byte 0x{:02X})",
                bytes[e.valid_up_to()]
            ))
            .at(loc)
            .with_hint("save the file as UTF-8");
            return (None, vec![d]);
        }
    };
    if text.trim().is_empty() {
        return err(format!("{name} is empty, expected a JSON object"));
    }
    let root = match json::parse(&text) {
        Ok(root) => root,
        Err(e) => {
            let loc = Location::in_text(&name, &text, e.offset, 1);
            return (
                None,
                vec![Diagnostic::error(format!("invalid JSON: {}", e.message)).at(loc)],
            );
        }
    };
    let file = JsonFile {
        path: path.to_path_buf(),
        name,
        text,
        root,
    };
    let diags = schema::validate(schema, &file.root)
        .into_iter()
        .map(|v| {
            let mut d = Diagnostic::error(v.message);
            d.hints = v.hints;
            file.diag(d, &v.path, v.at)
        })
        .collect();
    (Some(file), diags)
}
