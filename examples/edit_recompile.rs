//! In-process recompile benchmark: what a designer or editor waits for after a change.
//!
//! Run from the repository root:
//!
//! ```sh
//! cargo run --release --example edit_recompile            # 7 repetitions
//! cargo run --release --example edit_recompile -- 11      # or BENCH_RUNS=11
//! ```
//!
//! The sample profile `profiles/valdoria` is copied to a temporary folder (the repository is never
//! written), then, in ONE process, with the library's own pipeline (`Session::load` + `resolve`,
//! `Session::compile`, `typeset::export_pdf`), every scenario is measured N times (default 7):
//!
//! - `en: first compile in the process` — once: fonts, layout sources, everything cold;
//! - `en: cold` — `typeset::evict(0)` before each compile: no memoized work left;
//! - `en: recompile, nothing changed` — the same, unchanged text compiled again;
//! - `en: recompile after a one-paragraph edit` — ONE paragraph of `text/en.json`
//!   (`findings.rights.well_developed.p3`, mid-document) rewritten on disk, then reload + check +
//!   resolve + compile + export. Every repetition writes a *new* variant (the original text plus
//!   "Revision N."): alternating between only two variants would be answered from the memo cache,
//!   since `evict(10)` keeps ten generations, and would understate the cost;
//! - `ru: cold`, `ru: right after en` (`evict(0)`, en untimed, then ru: the second document of a
//!   language batch), `ru: recompile after a one-paragraph edit`;
//! - `fr: cold`, `fr: right after en` — the sample has no French text, so the findings fall back
//!   to the same English text, with the French pack's standard texts;
//! - `en: other country's profile right after en` — a copy of the profile under another country
//!   name: the next document of a batch over countries (same language, same standard texts).
//!
//! Except for the cold rows (which `evict(0)` first), `typeset::evict(10)` runs before each
//! compile, as `typst watch` does after each compile. Each repetition runs every scenario once,
//! so that a cold compile and the recompiles compared with it are measured seconds apart (on a
//! shared machine, load drifts over a minute). Every scenario runs the whole pipeline; the
//! table gives medians in milliseconds of reload + check + resolve ("prep"), `typst::compile`
//! ("compile"), PDF export ("export") and their sum ("total"), and the ratios to the cold compile
//! of the same language (English for the other-country row): ratio of the medians, and the
//! median of the per-repetition ratios ("paired").

use std::path::{Path, PathBuf};
use std::time::Instant;

use mgi_press::Session;
use mgi_press::load::Profile;
use mgi_press::resolve::ViewModel;
use mgi_press::typeset;

/// The paragraph edited in each language: in the middle of the findings, so that the edit can
/// move what follows it, as real edits do.
const EDITED_KEY: [&str; 4] = ["findings", "rights", "well_developed", "p3"];

#[derive(Default, Clone, Copy)]
struct Sample {
    prep: f64,
    compile: f64,
    export: f64,
}

impl Sample {
    fn total(&self) -> f64 {
        self.prep + self.compile + self.export
    }
}

struct Row {
    name: &'static str,
    samples: Vec<Sample>,
}

fn ms(start: Instant) -> f64 {
    start.elapsed().as_secs_f64() * 1000.0
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.partial_cmp(b).expect("no NaN timings"));
    let n = v.len();
    if n == 0 {
        return f64::NAN;
    }
    if n % 2 == 1 {
        v[n / 2]
    } else {
        (v[n / 2 - 1] + v[n / 2]) / 2.0
    }
}

impl Row {
    fn med(&self, f: impl Fn(&Sample) -> f64) -> f64 {
        median(self.samples.iter().map(f).collect())
    }
    fn compile(&self) -> f64 {
        self.med(|s| s.compile)
    }
    fn total(&self) -> f64 {
        self.med(Sample::total)
    }
}

struct Bench<'a> {
    session: &'a Session,
    dir: PathBuf,
}

impl Bench<'_> {
    fn load(&self, lang: &str) -> (Profile, ViewModel) {
        let checked = self.session.load_checked(&self.dir);
        let profile = checked.profile.unwrap_or_else(|| {
            panic!(
                "profile did not load:\n{}",
                mgi_press::diagnostics::render_all(&checked.diagnostics)
            )
        });
        let (vm, diags) = self.session.resolve(&profile, lang, false);
        let vm = vm.unwrap_or_else(|| {
            panic!(
                "{lang} did not resolve:\n{}",
                mgi_press::diagnostics::render_all(&diags)
            )
        });
        (profile, vm)
    }

    /// Reload + resolve, compile and export one document, timing each stage.
    fn run(&self, lang: &str) -> Sample {
        let t = Instant::now();
        let (profile, vm) = self.load(lang);
        let prep = ms(t);
        let t = Instant::now();
        let compiled = self.session.compile(&profile, &vm).unwrap_or_else(|d| {
            panic!(
                "{lang} failed to compile:\n{}",
                mgi_press::diagnostics::render_all(&d)
            )
        });
        let compile = ms(t);
        let settings = mgi_press::output::pdf_settings(&profile, lang, &[]);
        let t = Instant::now();
        let pdf = typeset::export_pdf(&compiled.document, &settings)
            .unwrap_or_else(|_| panic!("{lang}: PDF export failed"));
        let export = ms(t);
        assert!(pdf.len() > 10_000, "suspiciously small PDF");
        Sample {
            prep,
            compile,
            export,
        }
    }

    /// Rewrites one paragraph of `text/<lang>.json` in the temporary copy.
    fn edit(&self, lang: &str, original: &serde_json::Value, revision: usize) {
        let mut text = original.clone();
        let mut node = &mut text;
        for key in EDITED_KEY {
            node = node
                .get_mut(key)
                .unwrap_or_else(|| panic!("text/{lang}.json has no {}", EDITED_KEY.join(".")));
        }
        let old = node
            .as_str()
            .expect("the edited paragraph is a string")
            .to_string();
        *node = serde_json::Value::String(format!("{old} Revision {revision}."));
        let path = self.dir.join("text").join(format!("{lang}.json"));
        let mut bytes = serde_json::to_vec_pretty(&text).expect("serializable");
        bytes.push(b'\n');
        std::fs::write(&path, bytes).expect("write the edited text");
    }

    /// Puts the original text of a language back.
    fn restore(&self, lang: &str, original: &serde_json::Value) {
        let path = self.dir.join("text").join(format!("{lang}.json"));
        std::fs::write(
            &path,
            serde_json::to_vec_pretty(original).expect("serializable"),
        )
        .expect("restore the text");
    }
}

fn copy_dir(from: &Path, to: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy_dir(&entry.path(), &target)?;
        } else {
            std::fs::copy(entry.path(), &target)?;
        }
    }
    Ok(())
}

fn read_json(path: &Path) -> serde_json::Value {
    serde_json::from_slice(&std::fs::read(path).expect("read text file")).expect("valid JSON")
}

/// The medians of one scenario, relative to its language's cold compile.
fn report(rows: &[(Row, usize)], runs: usize) {
    println!("edit_recompile: {runs} repetitions, medians in ms (one process, typst 0.15.1)");
    println!();
    println!(
        "| measurement | prep (reload+check+resolve) | compile | PDF export | total | compile / cold | same, paired | total / cold |"
    );
    println!("|---|---:|---:|---:|---:|---:|---:|---:|");
    for (row, base) in rows {
        let base = &rows[*base].0;
        // The median of the per-repetition ratios (this repetition's compile over the cold compile
        // of the same repetition): less sensitive to load that drifts between repetitions.
        let paired = if row.samples.len() == base.samples.len() {
            format!(
                "{:.2}",
                median(
                    row.samples
                        .iter()
                        .zip(&base.samples)
                        .map(|(r, b)| r.compile / b.compile)
                        .collect()
                )
            )
        } else {
            "–".to_string()
        };
        println!(
            "| {} | {:.1} | {:.1} | {:.1} | {:.1} | {:.2} | {} | {:.2} |",
            row.name,
            row.med(|s| s.prep),
            row.compile(),
            row.med(|s| s.export),
            row.total(),
            row.compile() / base.compile(),
            paired,
            row.total() / base.total(),
        );
    }
    println!();
    for (row, _) in rows {
        let all: Vec<String> = row
            .samples
            .iter()
            .map(|s| format!("{:.0}", s.compile))
            .collect();
        println!("  compile samples (ms), {}: {}", row.name, all.join(" "));
    }
}

fn main() {
    let runs: usize = std::env::args()
        .nth(1)
        .or_else(|| std::env::var("BENCH_RUNS").ok())
        .map(|s| s.parse().expect("runs must be a number"))
        .unwrap_or(7)
        .max(1);

    let tmp = tempfile::tempdir().expect("temporary folder");
    let dir = tmp.path().join("valdoria");
    copy_dir(Path::new("profiles/valdoria"), &dir).expect("copy profiles/valdoria");
    let original_en = read_json(&dir.join("text/en.json"));
    let original_ru = read_json(&dir.join("text/ru.json"));
    // A second profile: the same folder under another country name, as the next document of a
    // batch over several countries would be (same language, same standard texts).
    let other_dir = tmp.path().join("ostravia");
    copy_dir(&dir, &other_dir).expect("copy the profile");
    let mut other_en = original_en.clone();
    other_en["country"] = serde_json::json!({
        "name": "Republic of Ostravia",
        "short_name": "Ostravia"
    });
    std::fs::write(
        other_dir.join("text/en.json"),
        serde_json::to_vec_pretty(&other_en).expect("serializable"),
    )
    .expect("write the second profile");

    let session = Session::open(Path::new("."), "mgi").unwrap_or_else(|d| {
        panic!(
            "run from the repository root:\n{}",
            mgi_press::diagnostics::render_all(&d)
        )
    });
    let bench = Bench {
        session: &session,
        dir,
    };
    let other = Bench {
        session: &session,
        dir: other_dir,
    };
    let evict = |n: usize| typeset::evict(n);

    // The rows, in the order printed; each compared with the cold row of its language.
    const FIRST: usize = 0;
    const EN_COLD: usize = 1;
    const EN_WARM: usize = 2;
    const EN_EDIT: usize = 3;
    const RU_COLD: usize = 4;
    const RU_AFTER_EN: usize = 5;
    const RU_EDIT: usize = 6;
    const FR_COLD: usize = 7;
    const FR_AFTER_EN: usize = 8;
    const OTHER_AFTER_EN: usize = 9;
    let names_and_bases: [(&'static str, usize); 10] = [
        ("en: first compile in the process", EN_COLD),
        ("en: cold (evict(0) first)", EN_COLD),
        ("en: recompile, nothing changed", EN_COLD),
        ("en: recompile after a one-paragraph edit", EN_COLD),
        ("ru: cold (evict(0) first)", RU_COLD),
        ("ru: right after en (2nd document of a batch)", RU_COLD),
        ("ru: recompile after a one-paragraph edit", RU_COLD),
        ("fr: cold (evict(0) first)", FR_COLD),
        ("fr: right after en (same English findings text)", FR_COLD),
        ("en: other country's profile right after en", EN_COLD),
    ];
    let mut rows: Vec<(Row, usize)> = names_and_bases
        .iter()
        .map(|&(name, base)| {
            (
                Row {
                    name,
                    samples: Vec::new(),
                },
                base,
            )
        })
        .collect();

    // The first compile of the process, once.
    rows[FIRST].0.samples.push(bench.run("en"));

    // Every repetition runs every scenario once, so that a cold compile and the recompiles it is
    // compared with are measured seconds apart, not a minute apart (the load of a shared machine
    // drifts).
    for i in 0..runs {
        let mut record = |row: usize, sample: Sample| rows[row].0.samples.push(sample);
        // English: cold, unchanged, one paragraph edited (relative to the unchanged text, which
        // is in the memo cache as in a `typst watch` session), then another country.
        evict(0);
        record(EN_COLD, bench.run("en"));
        evict(10);
        record(EN_WARM, bench.run("en"));
        evict(10);
        bench.edit("en", &original_en, i + 1);
        record(EN_EDIT, bench.run("en"));
        bench.restore("en", &original_en);
        evict(0);
        bench.run("en");
        evict(10);
        record(OTHER_AFTER_EN, other.run("en"));
        // Russian: cold, one paragraph edited, right after English.
        evict(0);
        record(RU_COLD, bench.run("ru"));
        evict(10);
        bench.edit("ru", &original_ru, i + 1);
        record(RU_EDIT, bench.run("ru"));
        bench.restore("ru", &original_ru);
        evict(0);
        bench.run("en");
        evict(10);
        record(RU_AFTER_EN, bench.run("ru"));
        // French: cold, right after English.
        evict(0);
        record(FR_COLD, bench.run("fr"));
        evict(0);
        bench.run("en");
        evict(10);
        record(FR_AFTER_EN, bench.run("fr"));
    }

    report(&rows, runs);
    let ratio = rows[EN_EDIT].0.compile() / rows[EN_COLD].0.compile();
    println!();
    println!(
        "target (one-paragraph edit < 1/3 of a cold compile): en edit / cold compile = {:.2} -> {}",
        ratio,
        if ratio < 1.0 / 3.0 { "met" } else { "MISSED" }
    );
}
