//! The hermetic Typst world: layouts from `layouts/`, images from the profile's own folder,
//! fonts from `fonts/`, the view model as a virtual file, a fixed "today", and nothing else.
//!
//! Every path a layout asks for is resolved against a short list of *mounts* (a virtual prefix
//! and the real folder behind it). Paths outside every mount, package imports, and paths that
//! leave their mount through a symbolic link are refused with a message that says so. The
//! layouts' mount may be the built-in files' virtual folder ([`crate::builtin`]), served from
//! the binary under the same virtual paths, so a document is the same from either.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};

use super::fonts::FontSet;
use crate::edition::Edition;
use crate::hash::content_hash;

/// A virtual folder of the world, e.g. `/layouts` → `<project>/layouts`.
#[derive(Debug, Clone)]
pub struct Mount {
    /// Virtual prefix with a leading slash and no trailing slash.
    pub prefix: String,
    /// Canonical real folder, or a folder of the built-in files.
    pub dir: PathBuf,
}

impl Mount {
    pub fn new(prefix: impl Into<String>, dir: &Path) -> std::io::Result<Self> {
        let dir = if crate::builtin::is_builtin(dir) {
            dir.to_path_buf()
        } else {
            dir.canonicalize()?
        };
        Ok(Mount {
            prefix: prefix.into(),
            dir,
        })
    }
}

/// What all documents of one run share: the standard library, the fonts, and the parsed
/// layout sources (read once per run, so every document sees the same layout).
pub struct Shared {
    /// The standard library of each edition: the layout sees `sys.inputs.mgi-edition`.
    print_library: LazyHash<Library>,
    screen_library: LazyHash<Library>,
    fonts: FontSet,
    layout_files: Mutex<HashMap<FileId, FileResult<Bytes>>>,
    layout_sources: Mutex<HashMap<FileId, FileResult<Source>>>,
}

impl Shared {
    /// One standard library per edition: the layout's `sys.inputs` hold `mgi-edition`
    /// (`print` or `screen`), by which `tokens.typ` picks the brand's CMYK or sRGB colours.
    pub fn new(fonts: FontSet) -> Self {
        let library = |edition: Edition| {
            let inputs: typst::foundations::Dict = [("mgi-edition", edition.name())]
                .into_iter()
                .map(|(k, v)| (k.into(), typst::foundations::Value::Str(v.into())))
                .collect();
            LazyHash::new(Library::builder().with_inputs(inputs).build())
        };
        Shared {
            print_library: library(Edition::Print),
            screen_library: library(Edition::Screen),
            fonts,
            layout_files: Mutex::new(HashMap::new()),
            layout_sources: Mutex::new(HashMap::new()),
        }
    }

    pub fn fonts(&self) -> &FontSet {
        &self.fonts
    }
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// The file id under which the view model is served. Always the same id, so that the memoized
/// work of one document can be reused by the next.
pub fn data_file_id(layout: &str) -> FileId {
    rooted(&format!("/layouts/{layout}/data.json"))
}

/// The file id of a layout's entry point.
pub fn main_file_id(layout: &str) -> FileId {
    rooted(&format!("/layouts/{layout}/main.typ"))
}

fn rooted(path: &str) -> FileId {
    // The paths passed here are fixed, well-formed literals.
    let vpath = VirtualPath::new(path).unwrap_or_else(|_| unreachable!("bad built-in path {path}"));
    RootedPath::new(VirtualRoot::Project, vpath).intern()
}

/// One document's world.
pub struct DocWorld {
    shared: Arc<Shared>,
    edition: Edition,
    main: FileId,
    data_id: FileId,
    data: Bytes,
    layouts: Mount,
    profile: Option<Mount>,
    today: Datetime,
    /// Files read from the profile folder during this compile.
    profile_files: Mutex<HashMap<FileId, FileResult<Bytes>>>,
    /// Every real file the layout asked for (found or not) during this compile, including the
    /// asks Typst repeats to validate its memoized results: the document's file inputs.
    accessed: Mutex<BTreeMap<PathBuf, FileId>>,
    /// Files served with other bytes (see `substitute`) → the hash of the real file.
    substituted: Mutex<HashMap<FileId, String>>,
}

impl DocWorld {
    pub fn new(
        shared: Arc<Shared>,
        edition: Edition,
        layout: &str,
        layouts: Mount,
        profile: Option<Mount>,
        data: Vec<u8>,
        today: Datetime,
    ) -> Self {
        DocWorld {
            shared,
            edition,
            main: main_file_id(layout),
            data_id: data_file_id(layout),
            data: Bytes::new(data),
            layouts,
            profile,
            today,
            profile_files: Mutex::new(HashMap::new()),
            accessed: Mutex::new(BTreeMap::new()),
            substituted: Mutex::new(HashMap::new()),
        }
    }

    /// Serves `bytes` in place of the profile's file at `rest` (a path relative to the profile
    /// folder): e.g. a downsampled cover photograph for the screen edition, made from the
    /// real file whose hash is `original` (what the stamps record, since the substitute is a
    /// function of it).
    pub fn substitute(&self, rest: &str, bytes: Vec<u8>, original: String) {
        if let Some(profile) = &self.profile {
            let vpath = format!("{}/{rest}", profile.prefix);
            if let Ok(path) = VirtualPath::new(&vpath) {
                let id = RootedPath::new(VirtualRoot::Project, path).intern();
                lock(&self.profile_files).insert(id, Ok(Bytes::new(bytes)));
                lock(&self.substituted).insert(id, original);
            }
        }
    }

    /// The real files the layout asked for so far, sorted, each with the hash of the bytes it
    /// was served (`None` when it could not be read).
    pub fn accessed(&self) -> Vec<(PathBuf, Option<String>)> {
        let accessed = lock(&self.accessed).clone();
        accessed
            .into_iter()
            .map(|(path, id)| {
                let original = lock(&self.substituted).get(&id).cloned();
                let hash =
                    original.or_else(|| self.read(id).ok().map(|b| content_hash(b.as_slice())));
                (path, hash)
            })
            .collect()
    }

    /// Records the real path behind `id`, when it lies in a mount.
    fn record(&self, id: FileId) {
        if id == self.data_id || !matches!(id.root(), VirtualRoot::Project) {
            return;
        }
        let vpath = id.vpath().get_with_slash();
        let mounts = std::iter::once(&self.layouts).chain(self.profile.as_ref());
        for mount in mounts {
            if let Some(rest) = strip_mount(vpath, &mount.prefix)
                && !rest.split('/').any(|seg| seg == ".." || seg.is_empty())
            {
                lock(&self.accessed).insert(mount.dir.join(rest), id);
                return;
            }
        }
    }

    /// Reads a file of the world, refusing anything outside its mounts.
    fn read(&self, id: FileId) -> FileResult<Bytes> {
        if id == self.data_id {
            return Ok(self.data.clone());
        }
        if let VirtualRoot::Package(spec) = id.root() {
            return Err(FileError::Other(Some(
                format!("packages are not available to mgi-press layouts (asked for {spec})")
                    .into(),
            )));
        }
        let vpath = id.vpath().get_with_slash().to_string();
        if let Some(rest) = strip_mount(&vpath, &self.layouts.prefix) {
            let mut cache = lock(&self.shared.layout_files);
            return cache
                .entry(id)
                .or_insert_with(|| read_inside(&self.layouts.dir, rest, &vpath))
                .clone();
        }
        if let Some(profile) = &self.profile
            && let Some(rest) = strip_mount(&vpath, &profile.prefix)
        {
            let mut cache = lock(&self.profile_files);
            return cache
                .entry(id)
                .or_insert_with(|| read_inside(&profile.dir, rest, &vpath))
                .clone();
        }
        Err(outside(&vpath))
    }
}

fn outside(vpath: &str) -> FileError {
    FileError::Other(Some(
        format!(
            "{vpath} is outside the project: a layout may read only layouts/ and the profile's own folder"
        )
        .into(),
    ))
}

/// `"/layouts/mgi/a.typ"` with prefix `"/layouts"` → `Some("mgi/a.typ")`.
fn strip_mount<'a>(vpath: &'a str, prefix: &str) -> Option<&'a str> {
    vpath.strip_prefix(prefix)?.strip_prefix('/')
}

/// Reads `rest` below `dir`, refusing anything that leaves `dir` (also through symbolic links).
fn read_inside(dir: &Path, rest: &str, vpath: &str) -> FileResult<Bytes> {
    if rest.split('/').any(|seg| seg == ".." || seg.is_empty()) {
        return Err(outside(vpath));
    }
    let path = dir.join(rest);
    if crate::builtin::is_builtin(dir) {
        return match crate::builtin::file(&path) {
            Some(bytes) => Ok(Bytes::new(bytes)),
            None if crate::builtin::is_dir(&path) => Err(FileError::IsDirectory),
            None => Err(FileError::NotFound(path)),
        };
    }
    let real = path
        .canonicalize()
        .map_err(|e| FileError::from_io(e, &path))?;
    if !real.starts_with(dir) {
        return Err(outside(vpath));
    }
    if real.is_dir() {
        return Err(FileError::IsDirectory);
    }
    std::fs::read(&real)
        .map(Bytes::new)
        .map_err(|e| FileError::from_io(e, &path))
}

impl World for DocWorld {
    fn library(&self) -> &LazyHash<Library> {
        match self.edition {
            Edition::Print => &self.shared.print_library,
            Edition::Screen | Edition::Html => &self.shared.screen_library,
        }
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &self.shared.fonts.book
    }

    fn main(&self) -> FileId {
        self.main
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        self.record(id);
        let is_layout = id != self.data_id && matches!(id.root(), VirtualRoot::Project) && {
            let vpath = id.vpath().get_with_slash();
            strip_mount(vpath, &self.layouts.prefix).is_some()
        };
        if is_layout && let Some(source) = lock(&self.shared.layout_sources).get(&id) {
            return source.clone();
        }
        let bytes = self.read(id)?;
        let text = std::str::from_utf8(bytes.as_slice()).map_err(|_| FileError::InvalidUtf8)?;
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let source = Source::new(id, text.to_string());
        if is_layout {
            lock(&self.shared.layout_sources).insert(id, Ok(source.clone()));
        }
        Ok(source)
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        self.record(id);
        self.read(id)
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.shared.fonts.fonts.get(index).cloned()
    }

    fn today(&self, _offset: Option<typst::foundations::Duration>) -> Option<Datetime> {
        Some(self.today)
    }
}
