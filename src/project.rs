//! The project folder: where layouts, fonts and profiles are, and which profiles exist.

use std::path::{Path, PathBuf};

use crate::diagnostics::Diagnostic;

/// The reference language: complete in every pack and profile, the one others fall back to.
pub const REFERENCE_LANG: &str = "en";

/// A project: `layouts/`, `fonts/` and usually `profiles/` below one root folder.
#[derive(Debug, Clone)]
pub struct Project {
    pub root: PathBuf,
    /// The layout's folder name under `layouts/`.
    pub layout: String,
}

impl Project {
    /// Opens the project at `root`, checking that the layout and fonts are there.
    pub fn open(root: &Path, layout: &str) -> Result<Project, Diagnostic> {
        let root = root.canonicalize().map_err(|e| {
            Diagnostic::error(format!(
                "cannot open the project folder {}: {e}",
                root.display()
            ))
        })?;
        let project = Project {
            root,
            layout: layout.to_string(),
        };
        let main = project.layout_dir().join("main.typ");
        if !main.is_file() {
            return Err(Diagnostic::error(format!(
                "no layout found: {} does not exist",
                main.display()
            ))
            .with_hint("run mgi-press from the project folder, or pass --project DIR"));
        }
        if !project.fonts_dir().is_dir() {
            return Err(Diagnostic::error(format!(
                "no font folder: {} does not exist",
                project.fonts_dir().display()
            )));
        }
        Ok(project)
    }

    pub fn layouts_dir(&self) -> PathBuf {
        self.root.join("layouts")
    }

    pub fn layout_dir(&self) -> PathBuf {
        self.layouts_dir().join(&self.layout)
    }

    /// The language packs of the layout.
    pub fn lang_dir(&self) -> PathBuf {
        self.layout_dir().join("lang")
    }

    pub fn fonts_dir(&self) -> PathBuf {
        self.root.join("fonts")
    }

    pub fn profiles_dir(&self) -> PathBuf {
        self.root.join("profiles")
    }

    /// Every folder under `profiles/` that holds a `profile.json`, sorted by name.
    pub fn discover_profiles(&self) -> Vec<PathBuf> {
        let Ok(entries) = std::fs::read_dir(self.profiles_dir()) else {
            return Vec::new();
        };
        let mut dirs: Vec<PathBuf> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.join("profile.json").is_file())
            .collect();
        dirs.sort();
        dirs
    }

    /// The virtual folder under which a profile's files are served to the layout: its path
    /// from the project root when it lies inside the project, `/profile` otherwise.
    pub fn profile_prefix(&self, profile_dir: &Path) -> String {
        match profile_dir.strip_prefix(&self.root) {
            Ok(rel) if !rel.as_os_str().is_empty() => {
                let parts: Vec<String> = rel
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy().into_owned())
                    .collect();
                format!("/{}", parts.join("/"))
            }
            _ => "/profile".to_string(),
        }
    }
}

/// A language code in its canonical case (BCP 47): language lower-case, script title-case,
/// region upper-case — `pt-br` → `pt-BR`, `sr-latn` → `sr-Latn`; `None` when it is not one.
pub fn normalize_lang(code: &str) -> Option<String> {
    if !is_lang_code(&code.to_ascii_lowercase()) {
        return None;
    }
    let parts: Vec<String> = code
        .split('-')
        .enumerate()
        .map(|(i, p)| match (i, p.len()) {
            (0, _) => p.to_ascii_lowercase(),
            (_, 2) if p.chars().all(|c| c.is_ascii_alphabetic()) => p.to_ascii_uppercase(),
            (_, 4) if p.chars().all(|c| c.is_ascii_alphabetic()) => {
                let lower = p.to_ascii_lowercase();
                lower[..1].to_ascii_uppercase() + &lower[1..]
            }
            _ => p.to_ascii_lowercase(),
        })
        .collect();
    Some(parts.join("-"))
}

/// Whether `code` looks like a language code (`en`, `fr`, `pt-BR`).
pub fn is_lang_code(code: &str) -> bool {
    let mut parts = code.split('-');
    let first = parts.next().unwrap_or("");
    (2..=3).contains(&first.len())
        && first.chars().all(|c| c.is_ascii_lowercase())
        && parts.all(|p| (2..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_codes_get_their_canonical_case() {
        assert_eq!(normalize_lang("pt-br").as_deref(), Some("pt-BR"));
        assert_eq!(normalize_lang("PT-BR").as_deref(), Some("pt-BR"));
        assert_eq!(normalize_lang("sr-latn-rs").as_deref(), Some("sr-Latn-RS"));
        assert_eq!(normalize_lang("es-419").as_deref(), Some("es-419"));
        assert_eq!(normalize_lang("EN").as_deref(), Some("en"));
        assert_eq!(normalize_lang("e"), None);
        assert_eq!(normalize_lang("en_GB"), None);
    }
}
