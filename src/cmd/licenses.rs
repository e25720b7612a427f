//! `mgi-press licenses`: the licences of the files built into the binary — the fonts (SIL Open
//! Font License 1.1) and the colour profiles (zlib for the default output profile, CC0 for
//! sRGB) — which travel with the program, as their licences ask.

use std::path::Path;
use std::process::ExitCode;

use super::{CmdResult, out};

/// The licence files built in, each with what it covers.
const LICENCES: [(&str, &str); 3] = [
    (
        "fonts/OFL.txt",
        "Noto Sans and Noto Sans Arabic (fonts/*.ttf): SIL Open Font License 1.1",
    ),
    (
        "color/ISOcoated_v2_300_bas.txt",
        "ISO Coated v2 300% (basICColor), the default output profile (color/ISOcoated_v2_300_bas.icc): zlib licence",
    ),
    (
        "color/README.md",
        "where the colour profiles come from, and the sRGB profile (CC0 1.0)",
    ),
];

pub fn run() -> CmdResult {
    let mut text = format!(
        "mgi-press {} is licensed under {}. It carries these files and their licences:\n",
        env!("CARGO_PKG_VERSION"),
        env!("CARGO_PKG_LICENSE")
    );
    for (file, what) in LICENCES {
        let path = mgi_press::builtin::root().join(file);
        let body = mgi_press::builtin::file(Path::new(&path)).unwrap_or_default();
        text.push_str(&format!(
            "\n==== {file} — {what} ====\n\n{}\n",
            String::from_utf8_lossy(body).trim_end()
        ));
    }
    out(&text);
    Ok(ExitCode::SUCCESS)
}
