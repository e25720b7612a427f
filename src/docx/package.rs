//! The zip container of a DOCX: read with limits (a file from outside — a government's
//! reviewer, an author — may be anything: not a zip, a zip bomb, entries named `../x`), and
//! written deterministically (fixed timestamps, fixed order), so that the same inputs give the
//! same bytes.

use std::collections::BTreeMap;
use std::io::{Cursor, Read, Write};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipArchive, ZipWriter};

/// The largest DOCX file read (a profile's review draft is well under 1 MB).
pub const MAX_FILE_BYTES: u64 = 40 * 1024 * 1024;
/// The largest XML part read, once inflated.
pub const MAX_PART_BYTES: u64 = 16 * 1024 * 1024;
/// The most inflated bytes of all parts read together.
pub const MAX_TOTAL_BYTES: u64 = 48 * 1024 * 1024;
/// The most entries a package may have.
pub const MAX_ENTRIES: usize = 2000;

/// The XML parts of a package that mgi-press reads, by name (`word/document.xml`).
#[derive(Debug, Default)]
pub struct Package {
    pub parts: BTreeMap<String, String>,
}

/// Whether an entry name is safe: relative, no `..`, no backslash or drive letter.
fn safe_name(name: &str) -> bool {
    !name.is_empty()
        && !name.starts_with('/')
        && !name.contains('\\')
        && !name.contains(':')
        && !name.split('/').any(|seg| seg == "..")
}

/// Whether mgi-press reads a part: the XML parts of the main document and its properties.
fn wanted(name: &str) -> bool {
    (name.ends_with(".xml") || name.ends_with(".rels"))
        && (name.starts_with("word/")
            || name.starts_with("docProps/")
            || name.starts_with("_rels/"))
        || name == "[Content_Types].xml"
}

/// Reads a DOCX's bytes: every problem of the container at once, as sentences.
pub fn read(bytes: &[u8]) -> Result<Package, Vec<String>> {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(vec![format!(
            "the file is {} MB, more than the {} MB a DOCX may have here",
            bytes.len() / (1024 * 1024),
            MAX_FILE_BYTES / (1024 * 1024)
        )]);
    }
    if !bytes.starts_with(b"PK") {
        return Err(vec![
            "the file is not a DOCX: a DOCX is a zip package, and this file is not a zip".into(),
        ]);
    }
    let mut archive = ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| vec![format!("the file is not a readable zip package: {e}")])?;
    if archive.len() > MAX_ENTRIES {
        return Err(vec![format!(
            "the package has {} entries, more than the {MAX_ENTRIES} allowed",
            archive.len()
        )]);
    }
    let mut problems = Vec::new();
    let mut package = Package::default();
    let mut total = 0u64;
    for index in 0..archive.len() {
        let mut entry = match archive.by_index(index) {
            Ok(entry) => entry,
            Err(e) => {
                problems.push(format!("entry {index} of the package cannot be read: {e}"));
                continue;
            }
        };
        let name = String::from_utf8_lossy(entry.name_raw()).into_owned();
        if !safe_name(&name) {
            problems.push(format!(
                "the package has an entry named `{name}`, outside the package (absolute or with `..`)"
            ));
            continue;
        }
        if entry.is_dir() || !wanted(&name) {
            continue;
        }
        // Read one byte past the limit, whatever the entry declares: a zip bomb lies.
        let mut data = Vec::new();
        let limit = MAX_PART_BYTES.min(MAX_TOTAL_BYTES - total);
        if let Err(e) = (&mut entry).take(limit + 1).read_to_end(&mut data) {
            problems.push(format!("the entry `{name}` cannot be inflated: {e}"));
            continue;
        }
        if data.len() as u64 > limit {
            problems.push(format!(
                "the entry `{name}` inflates to more than {} MB: refused (a DOCX part this large is not a profile draft, or the file is a zip bomb)",
                limit / (1024 * 1024)
            ));
            break;
        }
        total += data.len() as u64;
        match String::from_utf8(data) {
            Ok(text) => {
                package.parts.insert(name, text);
            }
            Err(_) => problems.push(format!("the part `{name}` is not UTF-8 XML")),
        }
    }
    if problems.is_empty() && !package.parts.contains_key("word/document.xml") {
        problems.push("the package has no `word/document.xml`: it is not a Word document".into());
    }
    if problems.is_empty() {
        Ok(package)
    } else {
        Err(problems)
    }
}

/// Writes parts into a zip in the order given, every entry with the same fixed timestamp
/// (1980-01-01, the zip format's first day) and deflated: the same parts give the same bytes.
pub fn write(parts: &[(String, Vec<u8>)]) -> Vec<u8> {
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .last_modified_time(DateTime::default())
        .unix_permissions(0o644);
    for (name, bytes) in parts {
        // Writing to memory cannot fail but for a name the zip format refuses; ours are fixed.
        if zip.start_file(name.as_str(), options).is_ok() {
            let _ = zip.write_all(bytes);
        }
    }
    zip.finish().map(Cursor::into_inner).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_outside_the_package_are_unsafe() {
        for bad in [
            "../x.xml",
            "/word/document.xml",
            "word/../../x",
            "C:/x",
            "a\\b",
        ] {
            assert!(!safe_name(bad), "{bad}");
        }
        assert!(safe_name("word/document.xml"));
    }

    #[test]
    fn written_packages_read_back_and_are_deterministic() {
        let parts = vec![
            ("[Content_Types].xml".to_string(), b"<a/>".to_vec()),
            ("word/document.xml".to_string(), b"<w/>".to_vec()),
        ];
        let bytes = write(&parts);
        assert_eq!(bytes, write(&parts));
        let package = read(&bytes).unwrap();
        assert_eq!(package.parts["word/document.xml"], "<w/>");
    }

    #[test]
    fn not_a_zip_and_no_document() {
        assert!(read(b"hello").unwrap_err()[0].contains("not a zip"));
        let bytes = write(&[("word/styles.xml".to_string(), b"<s/>".to_vec())]);
        assert!(read(&bytes).unwrap_err()[0].contains("document.xml"));
    }
}
