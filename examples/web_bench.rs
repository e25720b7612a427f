//! What the html edition costs per document against its screen PDF, in one process:
//!
//! ```sh
//! cargo run --release --example web_bench            # 5 repetitions (or BENCH_RUNS=N)
//! ```
//!
//! For English and Arabic of `profiles/valdoria`, each repetition times: the screen PDF
//! (resolve, `Session::compile`, `typeset::export_pdf`), laid out cold (`typeset::evict(0)`
//! first, so nothing of the previous repetition is reused; the downsampled cover is in the
//! session's image cache after the first run, as in a batch); the html page with the cover's
//! sizes in the cache (`warm`, as for the second language of a profile in a batch); and the
//! html page with an empty cache (`cold`: the cover decoded, resized and encoded again). Prints
//! medians in milliseconds and the html/PDF ratios. `benches/web-bench.sh` runs it.

use std::time::Instant;

use mgi_press::Session;
use mgi_press::edition::Edition;
use mgi_press::typeset::{self, PdfSettings};
use mgi_press::web::cover::CoverSizes;
use mgi_press::web::{Language, Site, render};

fn ms(t: Instant) -> f64 {
    t.elapsed().as_secs_f64() * 1000.0
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn main() {
    let runs: usize = std::env::var("BENCH_RUNS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(5);
    let root = std::env::current_dir().unwrap_or_default();
    let session = Session::open(&root, "mgi").unwrap_or_else(|d| {
        panic!("{}", mgi_press::diagnostics::render_all(&d));
    });
    let dir = root.join("profiles/valdoria");
    let profile = session
        .load_checked(&dir)
        .profile
        .expect("the sample loads");
    let langs: Vec<Language> = profile
        .facts
        .languages
        .iter()
        .map(|code| {
            let pack = session.packs.by_lang.get(code);
            let get = |k: &str| pack.and_then(|p| p.get(k)).map(str::to_string);
            Language {
                name: get("language.name").unwrap_or_else(|| code.clone()),
                dir: get("language.dir").unwrap_or_else(|| "ltr".into()),
                code: code.clone(),
            }
        })
        .collect();
    let warm = CoverSizes::default();
    println!("web_bench: {runs} repetitions, medians in ms");
    println!(
        "| document | screen PDF | html, sizes cached | html, cold | warm / PDF | cold / PDF |"
    );
    println!("|---|---:|---:|---:|---:|---:|");
    for lang in ["en", "ar"] {
        let (mut pdf, mut hot, mut cold) = (Vec::new(), Vec::new(), Vec::new());
        for _ in 0..=runs {
            typeset::evict(0);
            let t = Instant::now();
            let (vm, _) =
                session.resolve_edition(&profile, lang, Default::default(), Edition::Screen);
            let vm = vm.expect("resolves");
            let compiled = session.compile(&profile, &vm).expect("compiles");
            let settings = PdfSettings {
                ident: format!("valdoria.{lang}"),
                timestamp: 0,
                standards: vec!["a-2b".into(), "ua-1".into()],
            };
            typeset::export_pdf(&compiled.document, &settings).expect("exports");
            pdf.push(ms(t));
            let pdfs: Vec<(Edition, String)> = [Edition::Screen, Edition::Print]
                .map(|e| (e, mgi_press::output::of(e).file_name(&profile.name, lang)))
                .to_vec();
            let site = Site {
                profile: &profile.name,
                languages: &langs,
                pdfs: &pdfs,
                base_url: None,
                root: &session.project.root,
                profile_dir: &profile.dir,
            };
            let page = |covers: &CoverSizes| {
                let t = Instant::now();
                let (vm, _) = session.resolve(&profile, lang, false);
                render(&vm.expect("resolves"), &site, covers).expect("renders");
                ms(t)
            };
            hot.push(page(&warm));
            cold.push(page(&CoverSizes::default()));
        }
        // The first repetition warms the caches (fonts, layout, cover sizes): left out.
        let (p, h, c) = (
            median(pdf[1..].to_vec()),
            median(hot[1..].to_vec()),
            median(cold[1..].to_vec()),
        );
        println!(
            "| valdoria.{lang} | {p:.1} | {h:.1} | {c:.1} | {:.1} % | {:.1} % |",
            100.0 * h / p,
            100.0 * c / p
        );
    }
}
