//! What to compare: two PDF files, or two folders of PDFs (a build's output folders) whose
//! files are matched by name.

use std::path::{Path, PathBuf};

use crate::diagnostics::Diagnostic;

/// One document to compare; a side is absent when the document is only in the other folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocPair {
    pub name: String,
    pub old: Option<PathBuf>,
    pub new: Option<PathBuf>,
}

/// The documents of `old` and `new`, sorted by name.
pub fn pair(old: &Path, new: &Path) -> Result<Vec<DocPair>, Vec<Diagnostic>> {
    let (old_dir, new_dir) = (kind(old)?, kind(new)?);
    match (old_dir, new_dir) {
        (false, false) => Ok(vec![DocPair {
            name: file_pair_name(old, new),
            old: Some(old.to_path_buf()),
            new: Some(new.to_path_buf()),
        }]),
        (true, true) => pair_folders(old, new),
        _ => Err(vec![
            Diagnostic::error(format!(
                "cannot compare a file with a folder: {} and {}",
                old.display(),
                new.display()
            ))
            .with_hint("give two PDF files, or two output folders"),
        ]),
    }
}

/// True for a folder, false for a file; an error when the path does not exist.
fn kind(path: &Path) -> Result<bool, Vec<Diagnostic>> {
    match std::fs::metadata(path) {
        Ok(meta) => Ok(meta.is_dir()),
        Err(e) => Err(vec![
            Diagnostic::error(format!("cannot read {}: {e}", path.display()))
                .in_file(path.display().to_string()),
        ]),
    }
}

fn file_pair_name(old: &Path, new: &Path) -> String {
    let name = |p: &Path| {
        p.file_name().map_or_else(
            || p.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        )
    };
    let (a, b) = (name(old), name(new));
    if a == b { b } else { format!("{a} → {b}") }
}

fn pair_folders(old: &Path, new: &Path) -> Result<Vec<DocPair>, Vec<Diagnostic>> {
    let (old_names, new_names) = (pdf_names(old)?, pdf_names(new)?);
    let mut names: Vec<&String> = old_names.iter().chain(&new_names).collect();
    names.sort();
    names.dedup();
    if names.is_empty() {
        return Err(vec![
            Diagnostic::error(format!(
                "no PDF files in {} or {}",
                old.display(),
                new.display()
            ))
            .with_hint("give the output folders of two builds (OUT/<profile>.<lang>.pdf)"),
        ]);
    }
    let side =
        |dir: &Path, names: &[String], name: &String| names.contains(name).then(|| dir.join(name));
    Ok(names
        .into_iter()
        .map(|name| DocPair {
            name: name.clone(),
            old: side(old, &old_names, name),
            new: side(new, &new_names, name),
        })
        .collect())
}

/// The names of the PDF files directly in `dir`.
fn pdf_names(dir: &Path) -> Result<Vec<String>, Vec<Diagnostic>> {
    let entries = std::fs::read_dir(dir).map_err(|e| {
        vec![Diagnostic::error(format!(
            "cannot read {}: {e}",
            dir.display()
        ))]
    })?;
    let mut names = Vec::new();
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let is_pdf = Path::new(&name)
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("pdf"));
        if is_pdf && entry.path().is_file() {
            names.push(name);
        }
    }
    names.sort();
    Ok(names)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folders_are_matched_by_name() {
        let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
        for (dir, name) in [
            (&a, "x.en.pdf"),
            (&a, "x.ar.pdf"),
            (&b, "x.en.pdf"),
            (&b, "x.fr.pdf"),
        ] {
            std::fs::write(dir.path().join(name), b"%PDF-").unwrap();
        }
        std::fs::write(a.path().join("notes.txt"), b"").unwrap();
        let pairs = pair(a.path(), b.path()).unwrap();
        let summary: Vec<_> = pairs
            .iter()
            .map(|p| (p.name.as_str(), p.old.is_some(), p.new.is_some()))
            .collect();
        assert_eq!(
            summary,
            [
                ("x.ar.pdf", true, false),
                ("x.en.pdf", true, true),
                ("x.fr.pdf", false, true)
            ]
        );
    }

    #[test]
    fn a_missing_path_or_a_file_against_a_folder_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.pdf");
        std::fs::write(&file, b"%PDF-").unwrap();
        assert!(pair(&dir.path().join("missing"), &file).is_err());
        assert!(pair(&file, dir.path()).is_err());
    }
}
