//! Writes the html edition of profiles to an output folder with the library
//! (`mgi_press::batch::web::build_profile`), until `build --edition html` does it:
//!
//! ```sh
//! cargo run --release --example web_edition -- OUT [PROFILE_DIR ...] [--lang L ...] [--base-url URL]
//! ```
//!
//! Without a profile, every profile under `profiles/`. The pages link to both PDF editions.

use std::path::PathBuf;

use mgi_press::Session;
use mgi_press::edition::Edition;
use mgi_press::web::cover::CoverSizes;
use mgi_press::batch::web::{WebOptions, build_profile};

fn main() {
    let mut args = std::env::args().skip(1);
    let mut options = WebOptions {
        pdfs: vec![Edition::Screen, Edition::Print],
        ..WebOptions::default()
    };
    let mut dirs = Vec::new();
    let mut out = None;
    while let Some(a) = args.next() {
        match a.as_str() {
            "--lang" => options.langs.extend(args.next()),
            "--base-url" => options.base_url = args.next(),
            _ if out.is_none() => out = Some(PathBuf::from(a)),
            _ => dirs.push(PathBuf::from(a)),
        }
    }
    let Some(out) = out else {
        eprintln!("usage: web_edition OUT [PROFILE_DIR ...] [--lang L ...] [--base-url URL]");
        std::process::exit(2);
    };
    options.out_dir = out.clone();
    let session = match Session::open(&std::env::current_dir().unwrap_or_default(), "mgi") {
        Ok(s) => s,
        Err(d) => {
            eprintln!("{}", mgi_press::diagnostics::render_all(&d));
            std::process::exit(2);
        }
    };
    if dirs.is_empty() {
        dirs = session.project.discover_profiles();
    }
    let covers = CoverSizes::default();
    covers.keep_in(out.join(".mgi-press").join("images"));
    let mut failed = false;
    for dir in &dirs {
        match build_profile(&session, dir, &options, &covers) {
            Ok(folders) => folders.iter().for_each(|f| println!("{}", f.display())),
            Err(d) => {
                eprintln!("{}", mgi_press::diagnostics::render_all(&d));
                failed = true;
            }
        }
    }
    std::process::exit(i32::from(failed));
}
