//! Files written whole or not at all: every file mgi-press writes (outputs, stamps, text files
//! edited by imports, schemas, caches) goes to a temporary file beside its target and is then
//! renamed over it, so readers see the old file or the complete new one, never a part.

use std::path::Path;

/// Writes `bytes` to a temporary file in the target's folder, then renames it over the target.
pub fn write_atomically(target: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    let dir = target
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    let mut builder = tempfile::Builder::new();
    builder.prefix(".mgi-press-").suffix(".tmp");
    // Ordinary permissions, as `cp` gives: read and write for all, less the umask (the
    // temporary-file default, 0600, would survive the rename).
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut tmp = builder.tempfile_in(dir)?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    tmp.persist(target).map_err(|e| e.error)?;
    Ok(())
}

/// Replaces the folder `target` by one holding exactly `files` (paths relative to it): the new
/// folder is written beside it under a temporary name, then swapped in with two renames, so a
/// reader sees the old folder or the complete new one (only between the two renames, for a
/// moment, none); a failure leaves the old folder as it was.
pub fn replace_folder(target: &Path, files: &[(String, Vec<u8>)]) -> std::io::Result<()> {
    let parent = target
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(parent)?;
    let fresh = tempfile::Builder::new()
        .prefix(".mgi-press-")
        .suffix(".tmp")
        .tempdir_in(parent)?;
    for (name, bytes) in files {
        let rel = Path::new(name);
        let safe = rel
            .components()
            .all(|c| matches!(c, std::path::Component::Normal(_)));
        if !safe {
            let message = format!("output file name {name:?} leaves its folder");
            return Err(std::io::Error::new(
                std::io::ErrorKind::InvalidInput,
                message,
            ));
        }
        let path = fresh.path().join(rel);
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        std::fs::write(&path, bytes)?;
    }
    let fresh = fresh.keep();
    let old = if target.exists() {
        let old = tempfile::Builder::new()
            .prefix(".mgi-press-old-")
            .tempdir_in(parent)?
            .keep();
        std::fs::remove_dir(&old)?;
        std::fs::rename(target, &old)?;
        Some(old)
    } else {
        None
    };
    if let Err(e) = std::fs::rename(&fresh, target) {
        if let Some(old) = &old {
            let _ = std::fs::rename(old, target);
        }
        let _ = std::fs::remove_dir_all(&fresh);
        return Err(e);
    }
    if let Some(old) = old {
        std::fs::remove_dir_all(old)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_folder_is_replaced_whole() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("doc");
        let files = vec![("index.html".to_string(), b"one".to_vec())];
        replace_folder(&target, &files).unwrap();
        std::fs::write(target.join("stray.txt"), "left by hand").unwrap();
        let files = vec![
            ("index.html".to_string(), b"two".to_vec()),
            ("img/cover.jpg".to_string(), b"jpeg".to_vec()),
        ];
        replace_folder(&target, &files).unwrap();
        assert_eq!(std::fs::read(target.join("index.html")).unwrap(), b"two");
        assert_eq!(
            std::fs::read(target.join("img/cover.jpg")).unwrap(),
            b"jpeg"
        );
        assert!(!target.join("stray.txt").exists());
        // nothing left beside it
        let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().flatten().collect();
        assert_eq!(names.len(), 1);
        // a name leaving the folder is refused and the folder stays as it was
        let bad = vec![("../escape".to_string(), b"x".to_vec())];
        assert!(replace_folder(&target, &bad).is_err());
        assert_eq!(std::fs::read(target.join("index.html")).unwrap(), b"two");
    }
}
