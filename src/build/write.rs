//! Where outputs go and how they are written: to a temporary file beside the target, then
//! renamed over it, so readers see the old file or the complete new one, never a part.

use std::path::{Path, PathBuf};

use crate::edition::Edition;

/// `OUT/<profile>.<lang>.pdf` for the screen edition, `OUT/<profile>.<lang>.print.pdf` for the
/// print edition.
pub fn output_path(out_dir: &Path, profile: &str, lang: &str, edition: Edition) -> PathBuf {
    match edition {
        Edition::Screen => out_dir.join(format!("{profile}.{lang}.pdf")),
        Edition::Print => out_dir.join(format!("{profile}.{lang}.print.pdf")),
    }
}

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
