//! Files from outside the team that must never make mgi-press panic (issue 21): a printer's
//! malformed ICC output profile is a warning naming the file in `check` (exit 0) and fails the
//! print build naming it (exit 1); `diff` keeps a hostile PDF's pages within its caps (pixels
//! per page, pages per document).

mod common;

use std::process::{Command, Output};

use common::*;

fn mgi_press(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_mgi-press"))
        .args(args)
        .current_dir(root())
        .output()
        .unwrap()
}

/// A CMYK output profile header (v4) with one tag table entry for `desc` pointing at `desc`;
/// the size field is the file's length.
fn profile_with_desc(desc: &[u8]) -> Vec<u8> {
    let mut bytes = vec![0u8; 128];
    bytes[8] = 4;
    bytes[12..16].copy_from_slice(b"prtr");
    bytes[16..20].copy_from_slice(b"CMYK");
    bytes[20..24].copy_from_slice(b"Lab ");
    bytes[36..40].copy_from_slice(b"acsp");
    bytes.extend(1u32.to_be_bytes());
    bytes.extend(b"desc");
    bytes.extend(144u32.to_be_bytes());
    bytes.extend((desc.len() as u32).to_be_bytes());
    bytes.extend(desc);
    let len = bytes.len() as u32;
    bytes[0..4].copy_from_slice(&len.to_be_bytes());
    bytes
}

/// The malformed profiles: (name, bytes).
fn malformed() -> Vec<(&'static str, Vec<u8>)> {
    let shipped = std::fs::read(root().join("color/ISOcoated_v2_300_bas.icc")).unwrap();
    let mut truncated = shipped[..100].to_vec();
    truncated[0..4].copy_from_slice(&100u32.to_be_bytes());
    let mut huge_count = shipped.clone();
    huge_count[128..132].copy_from_slice(&u32::MAX.to_be_bytes());
    let mut cut_tags = shipped[..4096].to_vec();
    cut_tags[0..4].copy_from_slice(&4096u32.to_be_bytes());
    vec![
        // The file of the issue: a `desc` tag that is a 12-byte `mluc`.
        ("mluc12.icc", profile_with_desc(b"mluc\0\0\0\0\0\0\0\x01")),
        ("truncated-header.icc", truncated),
        ("huge-tag-count.icc", huge_count),
        ("tags-cut-off.icc", cut_tags),
    ]
}

fn no_panic(run: &Output) {
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert_ne!(run.status.code(), Some(101), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[test]
fn malformed_output_profiles_warn_in_check_and_fail_the_print_build() {
    let (_tmp, dir) = sample_copy();
    let out = tempfile::tempdir().unwrap();
    let dir_s = dir.to_str().unwrap();
    for (name, bytes) in malformed() {
        std::fs::write(dir.join(name), &bytes).unwrap();
        edit_json(&dir.join("profile.json"), |f| {
            f["print"] = serde_json::json!({ "output_profile": name });
        });

        let check = mgi_press(&["check", dir_s]);
        no_panic(&check);
        let stderr = String::from_utf8_lossy(&check.stderr);
        assert_eq!(check.status.code(), Some(0), "{name}: {stderr}");
        assert!(
            stderr.contains("warning") && stderr.contains(name),
            "{name}: {stderr}"
        );

        let build = mgi_press(&[
            "build",
            dir_s,
            "--lang",
            "en",
            "--edition",
            "print",
            "-q",
            "--out",
            out.path().to_str().unwrap(),
        ]);
        no_panic(&build);
        let stderr = String::from_utf8_lossy(&build.stderr);
        assert_eq!(build.status.code(), Some(1), "{name}: {stderr}");
        assert!(stderr.contains(name), "{name}: {stderr}");
        assert!(!out.path().join("valdoria.en.print.pdf").exists());
    }
}

#[test]
fn an_output_profile_too_large_to_be_one_is_not_read() {
    let (_tmp, dir) = sample_copy();
    let big = std::fs::File::create(dir.join("big.icc")).unwrap();
    big.set_len(64 * 1024 * 1024).unwrap();
    edit_json(&dir.join("profile.json"), |f| {
        f["print"] = serde_json::json!({ "output_profile": "big.icc" });
    });
    let check = mgi_press(&["check", dir.to_str().unwrap()]);
    no_panic(&check);
    let stderr = String::from_utf8_lossy(&check.stderr);
    assert_eq!(check.status.code(), Some(0), "{stderr}");
    assert!(
        stderr.contains("big.icc") && stderr.contains("larger than 10 MiB"),
        "{stderr}"
    );
}

/// A PDF whose page tree lists one page object `count` times (a small file with many pages),
/// that page with `media_box` and `content`; written by hand, offsets and all.
fn pdf(count: usize, media_box: &str, content: &str) -> Vec<u8> {
    pdf_with(count, media_box, content.as_bytes(), "")
}

/// [`pdf`] with content bytes and more entries of the content stream's dictionary.
fn pdf_with(count: usize, media_box: &str, content: &[u8], stream_dict: &str) -> Vec<u8> {
    let kids = vec!["3 0 R"; count].join(" ");
    let mut stream =
        format!("<< /Length {} {stream_dict} >>\nstream\n", content.len()).into_bytes();
    stream.extend(content);
    stream.extend(b"\nendstream");
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".as_bytes().to_vec(),
        format!("<< /Type /Pages /Kids [{kids}] /Count {count} >>").into_bytes(),
        format!("<< /Type /Page /Parent 2 0 R /MediaBox [{media_box}] /Contents 4 0 R >>")
            .into_bytes(),
        stream,
    ];
    let mut out = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, body) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend(format!("{} 0 obj\n", i + 1).as_bytes());
        out.extend(body);
        out.extend(b"\nendobj\n");
    }
    let xref = out.len();
    out.extend(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes());
    for offset in offsets {
        out.extend(format!("{offset:010} 00000 n \n").as_bytes());
    }
    out.extend(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    out
}

fn diff_json(old: &[u8], new: &[u8]) -> (Output, serde_json::Value) {
    let tmp = tempfile::tempdir().unwrap();
    let (a, b) = (tmp.path().join("old.pdf"), tmp.path().join("new.pdf"));
    std::fs::write(&a, old).unwrap();
    std::fs::write(&b, new).unwrap();
    let run = mgi_press(&[
        "diff",
        a.to_str().unwrap(),
        b.to_str().unwrap(),
        "--format",
        "json",
    ]);
    no_panic(&run);
    let json = serde_json::from_slice(&run.stdout).unwrap_or(serde_json::Value::Null);
    (run, json)
}

#[test]
fn diff_renders_giant_pages_within_its_pixel_cap() {
    // A page of 10^9 points: 65535 × 65535 pixels at 60 dpi before the cap, a 17 GB
    // allocation that aborted `diff`; now a 16-million-pixel image where the change is below
    // a pixel.
    let giant = "0 0 1000000000 1000000000";
    let old = pdf(1, giant, "0 0 1 rg 100 100 500 500 re f");
    let new = pdf(1, giant, "1 0 0 rg 100 100 500 500 re f");
    let (run, _) = diff_json(&old, &new);
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(matches!(run.status.code(), Some(0 | 1)), "{stderr}");
    // The largest page PDF allows, rendered at 20 dpi: the change is found where it is.
    let largest = "0 0 14400 14400";
    let old = pdf(1, largest, "0 0 1 rg 100 100 500 500 re f");
    let new = pdf(1, largest, "1 0 0 rg 100 100 500 500 re f");
    let (run, json) = diff_json(&old, &new);
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(1), "{stderr}");
    let region = &json["documents"][0]["pages"][0]["regions"][0];
    let x = region["x"].as_f64().unwrap_or(-1.0);
    // Regions are whole blocks of pixels: the left edge of the change, 100 pt, give or take.
    assert!((60.0..=100.0).contains(&x), "{json}");
}

#[test]
fn diff_refuses_documents_with_more_pages_than_its_cap() {
    let many = pdf(5_001, "0 0 100 100", "0 g 0 0 10 10 re f");
    let (run, _) = diff_json(&many, &pdf(1, "0 0 100 100", ""));
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("5001 pages"), "{stderr}");
}

#[test]
fn a_content_stream_that_decompresses_past_the_cap_is_refused() {
    // 40 MB of `q Q ` (10 million operators) from a file of about 40 KB: preflight took 3.6 GB
    // on a 200 MB one, diff 51 s; now both stop at 32 MiB.
    let mut stream = lopdf::Stream::new(lopdf::Dictionary::new(), b"q Q ".repeat(10_000_000));
    stream.compress().unwrap();
    let bomb = pdf_with(1, "0 0 100 100", &stream.content, "/Filter /FlateDecode");
    assert!(bomb.len() < 1_000_000, "{}", bomb.len());
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("bomb.pdf");
    std::fs::write(&file, &bomb).unwrap();
    let run = mgi_press(&["preflight", file.to_str().unwrap(), "--format", "json"]);
    no_panic(&run);
    assert_eq!(run.status.code(), Some(1));
    let report: serde_json::Value = serde_json::from_slice(&run.stdout).unwrap();
    let text = report.to_string();
    assert!(
        text.contains("pdf-syntax") && text.contains("at most 32 MiB"),
        "{text}"
    );

    let (run, _) = diff_json(&bomb, &pdf(1, "0 0 100 100", ""));
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("diff reads at most 32 MiB a page"),
        "{stderr}"
    );
}

/// `i18n import --dry-run` of `text` as `name`: it ends, refusing the file, within `limit`.
fn import_ends_within(name: &str, text: &str, limit: std::time::Duration) -> String {
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join(name);
    std::fs::write(&file, text).unwrap();
    let start = std::time::Instant::now();
    let run = mgi_press(&["i18n", "import", file.to_str().unwrap(), "--dry-run"]);
    let took = start.elapsed();
    no_panic(&run);
    let stderr = String::from_utf8_lossy(&run.stderr).to_string();
    assert_eq!(
        run.status.code(),
        Some(1),
        "{}",
        &stderr[stderr.len().saturating_sub(2000)..]
    );
    assert!(took < limit, "{name}: {took:?}");
    stderr
}

#[test]
fn big_exchange_files_are_read_in_time_linear_in_their_size() {
    // Every unit is located in the file; a scan from the start for each made these quadratic:
    // a 13 MB PO file of 200,000 entries ran for more than 100 s, a one-line XLIFF file of
    // 100,000 units for more than 60 s. Now a few seconds each.
    let limit = std::time::Duration::from_secs(60);
    let mut po = String::from(
        "msgid \"\"\nmsgstr \"\"\n\"Language: fr\\n\"\n\"X-MGI-File: profiles/valdoria/text/fr.json\\n\"\n\n",
    );
    for i in 0..200_000 {
        po.push_str(&format!(
            "msgctxt \"k{i}\"\nmsgid \"English {i}\"\nmsgstr \"Fr {i}\"\n\n"
        ));
    }
    let stderr = import_ends_within("big.po", &po, limit);
    assert!(
        stderr.contains("unknown unit id `k199999`"),
        "{}",
        &stderr[..2000]
    );

    let units: String = (0..100_000)
        .map(|i| format!("<trans-unit id=\"k{i}\"><source>English {i}</source><target state=\"translated\">Fr {i}</target></trans-unit>"))
        .collect();
    let xliff = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><xliff version=\"1.2\" xmlns=\"urn:oasis:names:tc:xliff:document:1.2\"><file original=\"profiles/valdoria/text/fr.json\" source-language=\"en\" target-language=\"fr\" datatype=\"plaintext\"><body>{units}</body></file></xliff>"
    );
    let stderr = import_ends_within("big.xlf", &xliff, limit);
    assert!(
        stderr.contains("unknown unit id `k99999`"),
        "{}",
        &stderr[..2000]
    );
}
