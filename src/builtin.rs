//! The files built into the binary — the standard layout `layouts/mgi` with its language
//! packs, `fonts/`, `color/` (the default output profile and its licence) and `schemas/` — so
//! that mgi-press works from any folder with nothing but its executable. They are served under
//! a virtual folder, [`ROOT`] (`<built-in>`): a path below it names a built-in file wherever
//! the program reads one (the Typst world, fonts, packs and their locks, the output profile,
//! the stamps' file hashes), and messages show it as `<built-in>/layouts/mgi/lang/fr.json`.
//! A project folder overrides them (see `project.rs`).

use std::path::{Component, Path, PathBuf};

mod files {
    include!(concat!(env!("OUT_DIR"), "/builtin_files.rs"));
}

/// The virtual folder of the built-in files. Not a real folder: a real one of that name in the
/// working folder is never read (the built-in files take its place).
pub const ROOT: &str = "<built-in>";

/// The virtual folder as a path.
pub fn root() -> PathBuf {
    PathBuf::from(ROOT)
}

/// Every built-in file: path relative to [`ROOT`] (e.g. `layouts/mgi/main.typ`) and bytes,
/// sorted by path.
pub fn files() -> &'static [(&'static str, &'static [u8])] {
    files::FILES
}

/// Whether `path` lies in the virtual folder.
pub fn is_builtin(path: &Path) -> bool {
    path.components().next() == Some(Component::Normal(ROOT.as_ref()))
}

/// `path` below [`ROOT`] as a `/`-separated relative path (`None` when it is not built in,
/// or steps up with `..`).
fn relative(path: &Path) -> Option<String> {
    let mut parts = path.components();
    if parts.next() != Some(Component::Normal(ROOT.as_ref())) {
        return None;
    }
    let mut rel = Vec::new();
    for part in parts {
        match part {
            Component::Normal(p) => rel.push(p.to_str()?.to_string()),
            Component::CurDir => {}
            _ => return None,
        }
    }
    Some(rel.join("/"))
}

/// The bytes of a built-in file.
pub fn file(path: &Path) -> Option<&'static [u8]> {
    let rel = relative(path)?;
    let files = files();
    files
        .binary_search_by(|(name, _)| name.cmp(&rel.as_str()))
        .ok()
        .map(|i| files[i].1)
}

/// Whether a built-in folder has this path (the root included).
pub fn is_dir(path: &Path) -> bool {
    match relative(path) {
        Some(rel) if rel.is_empty() => true,
        Some(rel) => {
            let prefix = format!("{rel}/");
            files().iter().any(|(name, _)| name.starts_with(&prefix))
        }
        None => false,
    }
}

/// The entries directly inside a built-in folder (files and folders), sorted.
pub fn list(dir: &Path) -> Vec<PathBuf> {
    let Some(rel) = relative(dir) else {
        return Vec::new();
    };
    let prefix = if rel.is_empty() {
        String::new()
    } else {
        format!("{rel}/")
    };
    let mut names: Vec<&str> = files()
        .iter()
        .filter_map(|(name, _)| name.strip_prefix(prefix.as_str()))
        .map(|rest| rest.split('/').next().unwrap_or(rest))
        .collect();
    names.dedup();
    names.into_iter().map(|n| dir.join(n)).collect()
}

/// Reads a file, built-in or real.
pub fn read(path: &Path) -> std::io::Result<Vec<u8>> {
    if is_builtin(path) {
        return file(path)
            .map(<[u8]>::to_vec)
            .ok_or_else(|| not_found(path));
    }
    std::fs::read(path)
}

/// Whether a file (built-in or real) exists.
pub fn is_file(path: &Path) -> bool {
    if is_builtin(path) {
        return file(path).is_some();
    }
    path.is_file()
}

/// Whether a folder (built-in or real) exists.
pub fn is_folder(path: &Path) -> bool {
    if is_builtin(path) {
        return is_dir(path);
    }
    path.is_dir()
}

/// The paths directly inside a folder, built-in or real, sorted (`None`: cannot be read).
pub fn read_dir(dir: &Path) -> Option<Vec<PathBuf>> {
    if is_builtin(dir) {
        return is_dir(dir).then(|| list(dir));
    }
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .ok()?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    paths.sort();
    Some(paths)
}

fn not_found(path: &Path) -> std::io::Error {
    std::io::Error::new(
        std::io::ErrorKind::NotFound,
        format!("{} is not built into mgi-press", path.display()),
    )
}

/// Writes every built-in file whose path starts with one of `prefixes` below `dest`
/// (creating folders; each file written atomically). Returns the paths written.
pub fn export(dest: &Path, prefixes: &[&str]) -> std::io::Result<Vec<PathBuf>> {
    let mut written = Vec::new();
    for (name, bytes) in files() {
        if !prefixes.iter().any(|p| name.starts_with(p)) {
            continue;
        }
        let target = dest.join(name);
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent)?;
        }
        crate::fs::write_atomically(&target, bytes)?;
        written.push(target);
    }
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_layout_fonts_profile_and_schemas_are_built_in() {
        for name in [
            "layouts/mgi/main.typ",
            "layouts/mgi/lang/en.json",
            "layouts/mgi/lang/_lock.fr.json",
            "fonts/NotoSans-Regular.ttf",
            "fonts/OFL.txt",
            "color/ISOcoated_v2_300_bas.icc",
            "color/ISOcoated_v2_300_bas.txt",
            "schemas/profile.schema.json",
        ] {
            let path = root().join(name);
            let on_disk = std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join(name));
            assert_eq!(file(&path).map(<[u8]>::to_vec), on_disk.ok(), "{name}");
        }
        assert!(!files().iter().any(|(n, _)| n.ends_with("data.json")));
    }

    #[test]
    fn folders_list_their_entries() {
        let lang = root().join("layouts/mgi/lang");
        assert!(is_folder(&lang));
        assert!(read_dir(&lang).unwrap().contains(&lang.join("fr.json")));
        assert!(list(&root().join("layouts")) == vec![root().join("layouts/mgi")]);
        assert!(!is_folder(&root().join("layouts/other")));
        assert!(file(&root().join("layouts/mgi/../mgi/main.typ")).is_none());
        assert!(!is_builtin(Path::new("layouts/mgi")));
    }
}
