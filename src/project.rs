//! The project folder: where layouts, fonts and profiles are, and which profiles exist.

use std::path::{Path, PathBuf};

use crate::diagnostics::Diagnostic;

/// The reference language: complete in every pack and profile, the one others fall back to.
pub const REFERENCE_LANG: &str = "en";

/// A project: the folder of `profiles/` (and, when it has them, its own `layouts/`, `fonts/`
/// and `color/`), with the layout, fonts and output profile it uses — its own, or those built
/// into mgi-press ([`crate::builtin`]).
#[derive(Debug, Clone)]
pub struct Project {
    pub root: PathBuf,
    /// The layout's folder name under `layouts/`.
    pub layout: String,
    /// The folder holding `layouts/<layout>`: `root`, or the built-in files' virtual folder.
    pub layout_root: PathBuf,
    /// The folder of the fonts (the project's `fonts/` beside its own layout, else built in).
    fonts: PathBuf,
    /// The folder holding `color/` (the default output profile).
    color_root: PathBuf,
    /// Folders with a `layouts/` that is not an mgi-press layout, passed over in the search.
    pub passed_over: Vec<PathBuf>,
}

impl Project {
    /// Opens the project at `root`: its own layout when it has one (see [`is_project`]), else
    /// the built-in layout (only for the built-in layout's name).
    pub fn open(root: &Path, layout: &str) -> Result<Project, Diagnostic> {
        let root = root.canonicalize().map_err(|e| {
            Diagnostic::error(format!(
                "cannot open the project folder {}: {e}",
                root.display()
            ))
        })?;
        if is_project(&root, layout) {
            return Ok(Project::on_disk(root, layout));
        }
        Project::built_in(root, layout, Vec::new())
    }

    /// Finds the project: `explicit` (`--project DIR`) when given; else the nearest folder
    /// above the first of `profiles` (then above the working folder) that holds this layout
    /// (see [`is_project`]); else the working folder with the built-in layout.
    pub fn find(
        explicit: Option<&Path>,
        profiles: &[PathBuf],
        layout: &str,
    ) -> Result<Project, Diagnostic> {
        if let Some(dir) = explicit {
            return Project::open(dir, layout);
        }
        let cwd = std::env::current_dir()
            .map_err(|e| Diagnostic::error(format!("cannot read the working folder: {e}")))?;
        let mut passed_over = Vec::new();
        let starts = profiles
            .iter()
            .take(1)
            .map(|p| cwd.join(p))
            .chain([cwd.clone()]);
        for start in starts {
            let start = absolute(&start);
            for dir in start.ancestors() {
                if is_project(dir, layout) {
                    let mut project = Project::open(dir, layout)?;
                    project.passed_over = passed_over;
                    return Ok(project);
                }
                if dir.join("layouts").is_dir() && !passed_over.iter().any(|p| p == dir) {
                    passed_over.push(dir.to_path_buf());
                }
            }
        }
        let root = cwd.canonicalize().unwrap_or(cwd);
        Project::built_in(root, layout, passed_over)
    }

    fn on_disk(root: PathBuf, layout: &str) -> Project {
        let own = |name: &str| root.join(name).is_dir();
        let builtin = crate::builtin::root();
        Project {
            fonts: if own("fonts") {
                root.join("fonts")
            } else {
                builtin.join("fonts")
            },
            color_root: if own("color") { root.clone() } else { builtin },
            layout_root: root.clone(),
            root,
            layout: layout.to_string(),
            passed_over: Vec::new(),
        }
    }

    fn built_in(
        root: PathBuf,
        layout: &str,
        passed_over: Vec<PathBuf>,
    ) -> Result<Project, Diagnostic> {
        let builtin = crate::builtin::root();
        if !is_project(&builtin, layout) {
            let main = root.join("layouts").join(layout).join("main.typ");
            return Err(Diagnostic::error(format!(
                "no layout found: {} does not exist, and the layout built into mgi-press is `mgi`",
                main.display()
            ))
            .with_hint("run mgi-press from the project folder, or pass --project DIR"));
        }
        Ok(Project {
            root,
            layout: layout.to_string(),
            layout_root: builtin.clone(),
            fonts: builtin.join("fonts"),
            color_root: builtin,
            passed_over,
        })
    }

    /// Whether the layout is the one built into mgi-press.
    pub fn layout_is_builtin(&self) -> bool {
        crate::builtin::is_builtin(&self.layout_root)
    }

    /// Which layout, fonts and output profile a run uses, in one line (printed by every build):
    /// `layout: mgi built into mgi-press 0.1.0` or `layout: /path/layouts/mgi`, and any
    /// `layouts/` folder that was passed over.
    pub fn describe(&self) -> String {
        let mut line = if self.layout_is_builtin() {
            format!(
                "layout: {} built into mgi-press {}",
                self.layout,
                env!("CARGO_PKG_VERSION")
            )
        } else {
            format!("layout: {}", self.layout_dir().display())
        };
        if !self.layout_is_builtin() && crate::builtin::is_builtin(&self.fonts) {
            line.push_str(" (fonts built in)");
        }
        for dir in &self.passed_over {
            line.push_str(&format!(
                "; passed over {}: no {}/main.typ with lang/en.json",
                dir.join("layouts").display(),
                self.layout
            ));
        }
        line
    }

    pub fn layouts_dir(&self) -> PathBuf {
        self.layout_root.join("layouts")
    }

    pub fn layout_dir(&self) -> PathBuf {
        self.layouts_dir().join(&self.layout)
    }

    /// The language packs of the layout.
    pub fn lang_dir(&self) -> PathBuf {
        self.layout_dir().join("lang")
    }

    pub fn fonts_dir(&self) -> PathBuf {
        self.fonts.clone()
    }

    /// The folder holding `color/`, where the default output profile is.
    pub fn color_root(&self) -> &Path {
        &self.color_root
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

/// Whether `dir` holds an mgi-press layout called `layout`: `layouts/<layout>/main.typ` and
/// the layout's English pack `layouts/<layout>/lang/en.json`. Another tool's `layouts/`
/// folder (a static site's, say) has neither, and is passed over.
pub fn is_project(dir: &Path, layout: &str) -> bool {
    let layout_dir = dir.join("layouts").join(layout);
    crate::builtin::is_file(&layout_dir.join("main.typ"))
        && crate::builtin::is_file(&layout_dir.join("lang").join("en.json"))
}

/// `path` made absolute and without `.` or `..` steps (without following links).
fn absolute(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for part in path.components() {
        match part {
            std::path::Component::ParentDir => {
                out.pop();
            }
            std::path::Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
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
