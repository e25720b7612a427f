//! Fuzzes reading a printer's ICC output profile (`mgi_press::edition::icc::OutputProfile`),
//! the file `print.output_profile` names in a profile: `check` and the print `build` read it.
//!
//! Input: the profile's bytes. Checks: `OutputProfile::from_bytes` never panics; a profile it
//! accepts is a version 2 or 4 profile with a non-empty description, its bytes are the input's
//! own (they are embedded as the PDF/X output intent), and its condition identifier is
//! non-empty.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mgi_press::edition::icc::OutputProfile;

fuzz_target!(|data: &[u8]| {
    let Ok(profile) = OutputProfile::from_bytes(data.to_vec(), "fuzz.icc") else {
        return;
    };
    assert!(matches!(profile.version.0, 2 | 4), "{:?}", profile.version);
    assert!(!profile.description.is_empty());
    assert_eq!(&profile.bytes[..], data);
    assert!(!profile.condition_identifier.as_str().is_empty());
});
