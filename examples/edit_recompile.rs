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
//! written), then, in ONE process, with the library's own pipeline (`Session::load`, `resolve`,
//! `compile`, `render::export_pdf`):
//!
//! 1. `en first`     — the very first compile of the process (fonts, layout sources, everything cold);
//! 2. `en cold`      — `comemo::evict(0)` before each compile: no memoized work left;
//! 3. `en warm`      — the same, unchanged view model compiled again;
//! 4. `en edit`      — ONE paragraph of `text/en.json` changed on disk, then reload + resolve +
//!    compile + export. Every repetition writes a *new* variant of the paragraph (the original text
//!    plus "Revision N."): alternating between only two variants would be answered from the memo
//!    cache, since `evict(10)` keeps the last ten generations, and would understate the cost;
//! 5. `ru cold`      — the Russian document after `evict(0)`;
//! 6. `ru after en`  — `evict(0)`, compile en (not timed), then ru: the second document of a batch,
//!    which shares the standard texts (objective, introduction, framework, annexes, legal page)
//!    with nothing but the view model's language;
//! 7. `ru edit`      — one paragraph of `text/ru.json` changed, as in 4.
//!
//! Between iterations (except the cold ones) `typst::comemo::evict(10)` is called, as `typst watch`
//! does after each compile. Each line reports medians in milliseconds of: reload + check + resolve
//! ("prep"), `typst::compile` ("compile"), PDF export ("export"), and their sum ("total").

use std::path::{Path, PathBuf};
use std::time::Instant;

use mgi_press::Session;
use mgi_press::profile::Profile;
use mgi_press::render;
use mgi_press::view::ViewModel;

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

struct Bench {
    session: Session,
    dir: PathBuf,
}

impl Bench {
    fn load(&self, lang: &str) -> (Profile, ViewModel) {
        let checked = self.session.load(&self.dir);
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
        let settings = self.session.pdf_settings(&profile, lang, &[]);
        let t = Instant::now();
        let pdf = render::export_pdf(&compiled.document, &settings)
            .unwrap_or_else(|_| panic!("{lang}: PDF export failed"));
        let export = ms(t);
        assert!(pdf.len() > 10_000, "suspiciously small PDF");
        Sample {
            prep,
            compile,
            export,
        }
    }

    /// Compiles an already resolved view model (no reload), timing compile and export.
    fn run_vm(&self, profile: &Profile, vm: &ViewModel, lang: &str) -> Sample {
        let t = Instant::now();
        let compiled = self
            .session
            .compile(profile, vm)
            .unwrap_or_else(|_| panic!("{lang} failed to compile"));
        let compile = ms(t);
        let settings = self.session.pdf_settings(profile, lang, &[]);
        let t = Instant::now();
        let _pdf = render::export_pdf(&compiled.document, &settings)
            .unwrap_or_else(|_| panic!("{lang}: PDF export failed"));
        Sample {
            prep: 0.0,
            compile,
            export: ms(t),
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

    let session = Session::open(Path::new("."), "mgi").unwrap_or_else(|d| {
        panic!(
            "run from the repository root:\n{}",
            mgi_press::diagnostics::render_all(&d)
        )
    });
    let bench = Bench { session, dir };
    let mut rows: Vec<Row> = Vec::new();
    let evict = |n: usize| typst::comemo::evict(n);

    // 1. The first compile of the process.
    rows.push(Row {
        name: "en first compile in process",
        samples: vec![bench.run("en")],
    });

    // 2. Cold: nothing memoized.
    let (en_profile, en_vm) = bench.load("en");
    let mut cold = Vec::new();
    for _ in 0..runs {
        evict(0);
        let t = Instant::now();
        let (p, vm) = bench.load("en");
        let prep = ms(t);
        let mut s = bench.run_vm(&p, &vm, "en");
        s.prep = prep;
        cold.push(s);
    }
    rows.push(Row {
        name: "en cold (evict(0) first)",
        samples: cold,
    });

    // 3. Warm: the same view model again.
    evict(0);
    bench.run_vm(&en_profile, &en_vm, "en");
    let mut warm = Vec::new();
    for _ in 0..runs {
        evict(10);
        warm.push(bench.run_vm(&en_profile, &en_vm, "en"));
    }
    rows.push(Row {
        name: "en warm, unchanged view model",
        samples: warm,
    });

    // 4. One paragraph edited, new text each time.
    let mut edits = Vec::new();
    for i in 0..runs {
        evict(10);
        bench.edit("en", &original_en, i + 1);
        edits.push(bench.run("en"));
    }
    rows.push(Row {
        name: "en one-paragraph edit",
        samples: edits,
    });
    std::fs::write(
        bench.dir.join("text/en.json"),
        serde_json::to_vec_pretty(&original_en).expect("serializable"),
    )
    .expect("restore en.json");

    // 5. Russian, cold.
    let (ru_profile, ru_vm) = bench.load("ru");
    let mut ru_cold = Vec::new();
    for _ in 0..runs {
        evict(0);
        let t = Instant::now();
        let (p, vm) = bench.load("ru");
        let prep = ms(t);
        let mut s = bench.run_vm(&p, &vm, "ru");
        s.prep = prep;
        ru_cold.push(s);
    }
    rows.push(Row {
        name: "ru cold (evict(0) first)",
        samples: ru_cold,
    });

    // 6. Russian right after English (the second document of a batch).
    let mut ru_after = Vec::new();
    for _ in 0..runs {
        evict(0);
        bench.run_vm(&en_profile, &en_vm, "en");
        evict(10);
        ru_after.push(bench.run_vm(&ru_profile, &ru_vm, "ru"));
    }
    rows.push(Row {
        name: "ru right after en",
        samples: ru_after,
    });

    // 7. Russian, one paragraph edited.
    evict(10);
    bench.run_vm(&ru_profile, &ru_vm, "ru");
    let mut ru_edits = Vec::new();
    for i in 0..runs {
        evict(10);
        bench.edit("ru", &original_ru, i + 1);
        ru_edits.push(bench.run("ru"));
    }
    rows.push(Row {
        name: "ru one-paragraph edit",
        samples: ru_edits,
    });

    // ---- report ----
    let en_cold = (rows[1].compile(), rows[1].total());
    let ru_cold = (rows[4].compile(), rows[4].total());
    println!("edit_recompile: {runs} repetitions, medians in ms (one process, typst 0.15.1)");
    println!();
    println!(
        "| measurement | prep (load+check+resolve) | compile | PDF export | total | compile / cold compile | total / cold total |"
    );
    println!("|---|---:|---:|---:|---:|---:|---:|");
    for (i, row) in rows.iter().enumerate() {
        let base = if i < 4 { en_cold } else { ru_cold };
        println!(
            "| {} | {:.1} | {:.1} | {:.1} | {:.1} | {:.2} | {:.2} |",
            row.name,
            row.med(|s| s.prep),
            row.compile(),
            row.med(|s| s.export),
            row.total(),
            row.compile() / base.0,
            row.total() / base.1,
        );
    }
    println!();
    for row in &rows {
        let all: Vec<String> = row
            .samples
            .iter()
            .map(|s| format!("{:.0}", s.compile))
            .collect();
        println!("  compile samples, {}: {}", row.name, all.join(" "));
    }
    let target = rows[3].compile() / en_cold.0;
    println!();
    println!(
        "target (one-paragraph edit < 1/3 of a cold compile): en edit/cold compile = {:.2} -> {}",
        target,
        if target < 1.0 / 3.0 { "met" } else { "MISSED" }
    );
}
