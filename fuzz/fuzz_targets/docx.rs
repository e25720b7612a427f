//! Fuzzes the DOCX reader (`mgi_press::docx`): the zip container with its limits, the XML
//! parser, and the walk over paragraphs, runs, fields, footnotes, tracked changes and comments.
//!
//! Input: arbitrary bytes. Input starting with `PK` is read as a whole DOCX package; any other
//! input is the text of `word/document.xml` in a package written around it (so that the fuzzer
//! spends its time in the XML and the walk rather than in the zip format).
//! Checks: nothing panics — `package::read`, `read::read`, every paragraph's runs in both
//! views (tracked changes rejected and accepted), its excerpt, and printing the runs back as
//! markup (`rich::to_markup`, which parses its own output again).
#![no_main]

use libfuzzer_sys::fuzz_target;
use mgi_press::docx::{package, read, rich};

fuzz_target!(|data: &[u8]| {
    let bytes = if data.starts_with(b"PK") {
        data.to_vec()
    } else {
        package::write(&[("word/document.xml".to_string(), data.to_vec())])
    };
    let Ok(package) = package::read(&bytes) else {
        return;
    };
    let Ok(doc) = read::read(&package) else {
        return;
    };
    for para in &doc.paras {
        for accepted in [false, true] {
            let runs = para.runs(accepted);
            let _ = rich::plain(&runs);
            let _ = rich::to_markup(&[rich::Para {
                item: para.item,
                runs,
            }]);
        }
        let _ = para.excerpt();
    }
    for comment in &doc.comments {
        let _ = (&comment.text, &comment.anchor);
    }
});
