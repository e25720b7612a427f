//! `mgi-press schema`: the JSON Schemas of the data files, generated from the Rust types.

use std::process::ExitCode;

use mgi_press::diagnostics::Diagnostic;
use mgi_press::fs::write_atomically;

use super::args::SchemaArgs;
use super::{CmdResult, out};

pub fn run(args: SchemaArgs) -> CmdResult {
    let dir = &args.out;
    std::fs::create_dir_all(dir).map_err(|e| {
        vec![Diagnostic::error(format!(
            "cannot create {}: {e}",
            dir.display()
        ))]
    })?;
    for (name, schema) in mgi_press::load::model::schemas() {
        let path = dir.join(name);
        let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
        text.push('\n');
        write_atomically(&path, text.as_bytes()).map_err(|e| {
            vec![Diagnostic::error(format!(
                "cannot write {}: {e}",
                path.display()
            ))]
        })?;
        out(&format!("wrote {}\n", path.display()));
    }
    Ok(ExitCode::SUCCESS)
}
