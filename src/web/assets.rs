//! The files every page of an output shares, in `OUT/assets/`: the stylesheet and the fonts
//! of the project's `fonts/` folder with their licence. Fonts are served as the TTF/OTF files
//! themselves: the `subsetter` crate in the tree makes subsets for PDF only (no `cmap`, which
//! browsers need), and no WOFF2 encoder crate is in the tree. Whole files are shared by every
//! page, cached by the browser once, and a page only downloads the faces it uses (the Latin
//! pages never fetch the Arabic font, which comes second in the font stack).

use std::collections::BTreeMap;
use std::path::Path;

use super::site::Files;
use crate::typeset::fonts::{WebFace, web_faces};

/// The folder of the shared files, relative to the output folder.
pub const DIR: &str = "assets";
/// The stylesheet's name inside [`DIR`].
pub const STYLESHEET: &str = "mgi.css";

/// The hand-written part of the stylesheet (colours, type, layout); the `@font-face` rules are
/// made from the font folder and put before it.
const STYLE: &str = include_str!("style.css");

/// The shared files: `assets/mgi.css`, `assets/fonts/<file>` for every face, and the fonts'
/// licence files (`OFL.txt`, `LICENSE*`) when the folder has them.
pub fn shared(fonts_dir: &Path) -> Result<Files, String> {
    let faces = web_faces(fonts_dir)?;
    let mut files = BTreeMap::new();
    for face in &faces {
        let name = file_name(&face.file)?;
        let bytes = std::fs::read(&face.file)
            .map_err(|e| format!("cannot read font {}: {e}", face.file.display()))?;
        files.insert(format!("{DIR}/fonts/{name}"), bytes);
    }
    for licence in licences(fonts_dir)? {
        let bytes = std::fs::read(fonts_dir.join(&licence))
            .map_err(|e| format!("cannot read {}: {e}", fonts_dir.join(&licence).display()))?;
        files.insert(format!("{DIR}/fonts/{licence}"), bytes);
    }
    files.insert(
        format!("{DIR}/{STYLESHEET}"),
        stylesheet(&faces)?.into_bytes(),
    );
    Ok(files)
}

fn file_name(path: &Path) -> Result<String, String> {
    path.file_name()
        .and_then(|n| n.to_str())
        .map(str::to_string)
        .ok_or_else(|| format!("{} has no usable file name", path.display()))
}

/// Licence texts beside the fonts, sorted by name.
fn licences(dir: &Path) -> Result<Vec<String>, String> {
    let entries = std::fs::read_dir(dir)
        .map_err(|e| format!("cannot read the font folder {}: {e}", dir.display()))?;
    let mut names: Vec<String> = entries
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| {
            let upper = n.to_ascii_uppercase();
            upper.starts_with("OFL") || upper.starts_with("LICENSE")
        })
        .collect();
    names.sort();
    Ok(names)
}

/// The `@font-face` rules, then the hand-written stylesheet.
pub fn stylesheet(faces: &[WebFace]) -> Result<String, String> {
    let mut css = String::from(
        "/* mgi-press web edition: fonts from fonts/ (generated), then the style. */\n",
    );
    for face in faces {
        let name = file_name(&face.file)?;
        let format = if name.to_ascii_lowercase().ends_with(".otf") {
            "opentype"
        } else {
            "truetype"
        };
        css.push_str(&format!(
            "@font-face {{\n  font-family: \"{}\";\n  src: url(\"fonts/{name}\") format(\"{format}\");\n  font-weight: {};\n  font-style: {};\n  font-display: swap;\n}}\n",
            face.family.replace('"', ""),
            face.weight,
            if face.italic { "italic" } else { "normal" },
        ));
    }
    css.push_str(STYLE);
    Ok(css)
}

#[cfg(test)]
mod tests {
    /// WCAG 2.1 relative luminance of `#rrggbb`.
    fn luminance(hex: &str) -> f64 {
        let channel = |i: usize| {
            let c = f64::from(u8::from_str_radix(&hex[i..i + 2], 16).unwrap()) / 255.0;
            if c <= 0.03928 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5)
    }

    /// WCAG 2.1 contrast ratio of two colours.
    fn contrast(a: &str, b: &str) -> f64 {
        let (la, lb) = (luminance(a), luminance(b));
        (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
    }

    /// The value of `--name: #xxxxxx;` in a piece of the stylesheet.
    fn var<'a>(css: &'a str, name: &str) -> &'a str {
        let at = css
            .find(&format!("--{name}: #"))
            .unwrap_or_else(|| panic!("--{name}"));
        let start = at + name.len() + 4;
        &css[start..start + 7]
    }

    #[test]
    fn the_brand_checks_its_own_sums() {
        // The figures of the issue: sky, orange, green and teal fail AA as text on white, IOM
        // blue passes.
        assert!((contrast("#3fa2e0", "#ffffff") - 2.8).abs() < 0.05);
        assert!((contrast("#f07d1a", "#ffffff") - 2.7).abs() < 0.05);
        assert!((contrast("#00868b", "#ffffff") - 4.4).abs() < 0.05);
        assert!((contrast("#0033a0", "#ffffff") - 10.6).abs() < 0.05);
    }

    #[test]
    fn every_text_colour_of_the_stylesheet_passes_aa() {
        let css = super::STYLE;
        let white = "#ffffff";
        let mut accents = 0;
        for line in css.lines().filter(|l| l.starts_with(".accent-")) {
            let (text, tint) = (var(line, "accent-text"), var(line, "accent-tint"));
            for (fg, bg) in [(text, white), (text, tint), (white, text)] {
                let c = contrast(fg, bg);
                assert!(c >= 4.5, "{line}: {fg} on {bg} is {c:.2}:1");
            }
            accents += 1;
        }
        assert_eq!(accents, 6);
        let root = &css[css.find(":root").unwrap()..];
        let v = |n| var(root, n);
        for (fg, bg) in [
            ("ink", "paper"),
            ("ink-soft", "paper"),
            ("ink-soft", "blue-pale"),
            ("blue", "paper"),
            ("blue", "blue-pale"),
            ("blue", "blue-tint"),
            ("blue-dark", "paper"),
            ("blue-dark", "blue-pale"),
            ("paper", "blue"),
            ("blue-light", "blue"),
        ] {
            let c = contrast(v(fg), v(bg));
            assert!(c >= 4.5, "--{fg} on --{bg} is {c:.2}:1");
        }
    }
}
