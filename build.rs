//! Generates the table of the files built into the binary (`src/builtin.rs`): the standard
//! layout with its language packs, the fonts, the colour profiles with their licences, and the
//! JSON Schemas. A generated list of `include_bytes!` rather than a crate such as `include_dir`:
//! rustc tracks every `include_bytes!` file, so an edited layout file rebuilds the binary, and
//! the `rerun-if-changed` lines on the folders catch added and removed files; `include_dir`
//! 0.7 tracks neither without a nightly compiler. The data files a designer dumps beside the
//! layout (`layouts/*/data.json`, git-ignored) and hidden files are left out.

use std::path::{Path, PathBuf};

/// The folders built in, relative to the package root.
const FOLDERS: [&str; 4] = ["layouts/mgi", "fonts", "color", "schemas"];

fn main() {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("set by cargo"));
    let mut files = Vec::new();
    for folder in FOLDERS {
        println!("cargo:rerun-if-changed={folder}");
        collect(&root, &root.join(folder), &mut files);
    }
    files.sort();
    let mut out = String::from("/// Built-in files: (path relative to the package root, bytes).\n");
    out.push_str("pub static FILES: &[(&str, &[u8])] = &[\n");
    for rel in &files {
        let abs = root.join(rel);
        out.push_str(&format!(
            "    ({rel:?}, include_bytes!({:?})),\n",
            abs.to_string_lossy()
        ));
    }
    out.push_str("];\n");
    let dest =
        PathBuf::from(std::env::var("OUT_DIR").expect("set by cargo")).join("builtin_files.rs");
    std::fs::write(&dest, out).expect("OUT_DIR is writable");
}

/// Every file below `dir`, as a path relative to `root` with `/` separators.
fn collect(root: &Path, dir: &Path, files: &mut Vec<String>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        panic!("{} is missing: it is built into mgi-press", dir.display());
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') || name == "data.json" || name.ends_with(".tmp") {
            continue;
        }
        if path.is_dir() {
            collect(root, &path, files);
        } else if let Ok(rel) = path.strip_prefix(root) {
            let parts: Vec<String> = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            files.push(parts.join("/"));
        }
    }
}
