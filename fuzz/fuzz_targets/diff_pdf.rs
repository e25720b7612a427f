//! Fuzzes `mgi-press diff`'s reading of a PDF (`mgi_press::review`): hayro's parser, the
//! pages' sizes, the words read back through a hayro drawing device, and each page rendered
//! at the command's default resolution, as `diff` does with each side of a pair.
//!
//! Input: the PDF's bytes. Checks: nothing panics (`diff` also catches a panic in the PDF
//! reader, but the fuzzer aborts on it first, so every reader panic is found); the word diff
//! of the document against itself is empty, and so are the changed regions of each page
//! rendered against itself.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mgi_press::review::ReviewOptions;
use mgi_press::review::compare::document_words;
use mgi_press::review::pdf::PdfFile;
use mgi_press::review::pixels::changed_regions;
use mgi_press::review::text_diff::diff_pages;

fuzz_target!(|data: &[u8]| {
    let Ok(pdf) = PdfFile::from_bytes(data.to_vec(), "fuzz.pdf") else {
        return;
    };
    let words = document_words(&pdf);
    assert_eq!(words.len(), pdf.page_count());
    assert!(diff_pages(&words, &words).is_empty());
    let dpi = ReviewOptions::default().dpi;
    for index in 0..pdf.page_count() {
        let _ = pdf.page_size(index);
        let image = pdf.render(index, dpi);
        assert!(changed_regions(&image, &image).is_empty());
    }
});
