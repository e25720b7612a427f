//! The printer's CMYK output profile (an ICC file): read, validated as a CMYK output profile and
//! described (name, output condition), so that the print edition can embed it as the PDF/X
//! output intent.
//!
//! The profile is parsed by `moxcms` (already in the tree through `image`), which bounds every
//! read and caps tag and table sizes; a profile it refuses, or that is not a CMYK output
//! profile with a description, is an error naming the file, never a panic (a printer's file
//! is outside input, see issue 21). Only a few header fields are looked at before it, for
//! clearer messages (not an ICC file, damaged size, unsupported version), each read checked.
//! The bytes embedded as the output intent are always the file's own.

use std::path::Path;
use std::sync::{Arc, OnceLock};

use crate::diagnostics::Diagnostic;

/// The registry of characterised printing conditions named by `OutputConditionIdentifier`.
pub const ICC_REGISTRY: &str = "http://www.color.org";

/// Where the default output profile lives, relative to the project root.
pub const DEFAULT_PROFILE: &str = "color/ISOcoated_v2_300_bas.icc";

const HEADER_LEN: usize = 128;

/// The `OutputConditionIdentifier` of a PDF/X output intent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OutputConditionIdentifier {
    /// A condition of the ICC characterisation registry, e.g. `FOGRA39`.
    Registered(&'static str),
    /// The condition the printer named (`print.output_condition` in profile.json).
    Named(String),
    /// A condition the registry does not name; the output intent then relies on the embedded
    /// profile and its description (`/Info`).
    Custom,
}

impl OutputConditionIdentifier {
    pub fn as_str(&self) -> &str {
        match self {
            OutputConditionIdentifier::Registered(name) => name,
            OutputConditionIdentifier::Named(name) => name,
            OutputConditionIdentifier::Custom => "Custom",
        }
    }

    /// The condition a profile description names, if any. Descriptions are compared with
    /// everything but letters and digits removed, so `ISOcoated_v2_300` and `ISO Coated v2`
    /// match alike.
    pub fn from_description(description: &str) -> Self {
        let key: String = description
            .chars()
            .filter(char::is_ascii_alphanumeric)
            .map(|c| c.to_ascii_uppercase())
            .collect();
        // The registry's names first, then the profile families characterised by them.
        const KNOWN: &[(&[&str], &str)] = &[
            (&["FOGRA39", "ISOCOATEDV2"], "FOGRA39"),
            (&["FOGRA51", "PSOCOATEDV3"], "FOGRA51"),
            (&["FOGRA52", "PSOUNCOATEDV3"], "FOGRA52"),
            (&["FOGRA47", "PSOUNCOATEDISO12647"], "FOGRA47"),
            (&["FOGRA29", "ISOUNCOATED"], "FOGRA29"),
            (&["FOGRA27", "ISOCOATED"], "FOGRA27"),
            (&["GRACOL2013", "CRPC6"], "CGATS21_CRPC6"),
            (&["CRPC5"], "CGATS21_CRPC5"),
            (&["GRACOL2006", "COATEDGRACOL"], "CGATS TR 006"),
            (&["SWOP"], "CGATS TR 001"),
            (&["JAPANCOLOR2001COATED", "JC200103"], "JC200103"),
        ];
        KNOWN
            .iter()
            .find(|(patterns, _)| patterns.iter().any(|p| key.contains(p)))
            .map_or(OutputConditionIdentifier::Custom, |(_, id)| {
                OutputConditionIdentifier::Registered(id)
            })
    }
}

/// A validated CMYK output (`prtr`) ICC profile.
#[derive(Debug, Clone)]
pub struct OutputProfile {
    /// The profile file as read.
    pub bytes: Arc<[u8]>,
    /// The profile's description (`desc` tag), e.g. `ISO Coated v2 300% (basICColor)`.
    pub description: String,
    /// The profile's copyright tag (`cprt`), when it has one.
    pub copyright: Option<String>,
    pub condition_identifier: OutputConditionIdentifier,
    /// Always [`ICC_REGISTRY`].
    pub registry_name: &'static str,
    /// The first 12 hexadecimal digits of the profile's BLAKE3 hash.
    pub short_hash: String,
    /// ICC version, e.g. `(2, 1)` for 2.1.
    pub version: (u8, u8),
    /// The profile compressed once for every document that embeds it (`None`: it does not
    /// compress).
    deflated: OnceLock<Option<Arc<[u8]>>>,
}

impl OutputProfile {
    /// Reads and validates a profile file.
    pub fn load(path: &Path) -> Result<OutputProfile, Diagnostic> {
        let origin = path.display().to_string();
        let bytes = read_capped(path).map_err(|e| {
            Diagnostic::error(format!("cannot read the output profile {origin}: {e}"))
                .in_file(origin.clone())
        })?;
        OutputProfile::from_bytes(bytes, &origin).map_err(|message| {
            Diagnostic::error(message)
                .in_file(origin.clone())
                .with_hint("give the printer's CMYK output profile (.icc), or leave it out to use the default, color/ISOcoated_v2_300_bas.icc (FOGRA39)")
        })
    }

    /// The profile shipped with the project (`color/ISOcoated_v2_300_bas.icc`, FOGRA39).
    pub fn default_profile(project_root: &Path) -> Result<OutputProfile, Diagnostic> {
        OutputProfile::load(&project_root.join(DEFAULT_PROFILE))
    }

    /// Validates `bytes` as a CMYK output profile; `origin` names it in messages.
    pub fn from_bytes(bytes: Vec<u8>, origin: &str) -> Result<OutputProfile, String> {
        let version = precheck(&bytes, origin)?;
        let parsed = moxcms::ColorProfile::new_from_slice(&bytes)
            .map_err(|e| format!("{origin} is damaged: the ICC reader refuses it ({e})"))?;
        require_cmyk_output(&parsed, origin)?;
        let description = parsed
            .description
            .as_ref()
            .map(profile_text)
            .filter(|d| !d.trim().is_empty())
            .ok_or_else(|| format!("{origin} has no profile description (`desc` tag)"))?;
        let copyright = parsed.copyright.as_ref().map(profile_text);
        let short_hash = crate::hash::content_hash(&bytes)[..12].to_string();
        Ok(OutputProfile {
            condition_identifier: OutputConditionIdentifier::from_description(&description),
            description: description.trim().to_string(),
            copyright: copyright.map(|c| c.trim().to_string()),
            registry_name: ICC_REGISTRY,
            short_hash,
            version,
            bytes: bytes.into(),
            deflated: OnceLock::new(),
        })
    }

    /// The profile compressed with `compress` (called once per profile, then cached: a batch
    /// embeds the same profile in every print document).
    pub fn deflated_with(
        &self,
        compress: impl FnOnce(&[u8]) -> Option<Vec<u8>>,
    ) -> Option<Arc<[u8]>> {
        self.deflated
            .get_or_init(|| compress(&self.bytes).map(Into::into))
            .clone()
    }
}

/// The largest output profile read: the parser's own limit (moxcms refuses 10 MiB and more);
/// a CMYK output profile is 0.5 to 3 MB. A larger file is not read into memory at all.
pub const MAX_PROFILE_BYTES: u64 = 10 * 1024 * 1024 - 1;

/// The file's bytes, or an error for a file above [`MAX_PROFILE_BYTES`].
fn read_capped(path: &Path) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    if crate::builtin::is_builtin(path) {
        return crate::builtin::read(path);
    }
    let mut bytes = Vec::new();
    std::fs::File::open(path)?
        .take(MAX_PROFILE_BYTES + 1)
        .read_to_end(&mut bytes)?;
    if bytes.len() as u64 > MAX_PROFILE_BYTES {
        return Err(std::io::Error::other(format!(
            "it is larger than {} MiB, more than any output profile",
            (MAX_PROFILE_BYTES + 1) / (1024 * 1024)
        )));
    }
    Ok(bytes)
}

/// The header fields read before the parser, every read checked: the file is an ICC profile
/// (`acsp` at byte 36), its declared size is its length, and its version is 2 or 4 (those
/// PDF/X-4 embeds). Returns the version as (major, minor).
fn precheck(bytes: &[u8], origin: &str) -> Result<(u8, u8), String> {
    let (Some(size), Some(b"acsp")) = (be_u32(bytes, 0), bytes.get(36..40)) else {
        return Err(format!(
            "{origin} is not an ICC profile: no `acsp` signature at byte 36 ({} bytes)",
            bytes.len()
        ));
    };
    if bytes.len() < HEADER_LEN + 4 {
        return Err(format!(
            "{origin} is not an ICC profile: {} bytes, shorter than an ICC header (132 bytes with the tag count)",
            bytes.len()
        ));
    }
    if size as usize != bytes.len() {
        return Err(format!(
            "{origin} is damaged: its header gives a size of {size} bytes, the file has {}",
            bytes.len()
        ));
    }
    let version = (bytes[8], bytes[9] >> 4);
    if !matches!(version.0, 2 | 4) {
        return Err(format!(
            "{origin} is an ICC version {}.{} profile; PDF/X-4 (PDF 1.6) embeds ICC version 2 or 4 profiles",
            version.0, version.1
        ));
    }
    Ok(version)
}

/// Refuses anything but a CMYK output (`prtr`) profile, saying what the file is instead.
fn require_cmyk_output(parsed: &moxcms::ColorProfile, origin: &str) -> Result<(), String> {
    use moxcms::{DataColorSpace as S, ProfileClass as C};
    if parsed.profile_class == C::OutputDevice && parsed.color_space == S::Cmyk {
        return Ok(());
    }
    let (class, kind) = match parsed.profile_class {
        C::DisplayDevice => ("mntr", "display profile"),
        C::InputDevice => ("scnr", "input (scanner or camera) profile"),
        C::OutputDevice => ("prtr", "output profile"),
        C::DeviceLink => ("link", "device link"),
        C::ColorSpace => ("spac", "colour space profile"),
        C::Abstract => ("abst", "abstract profile"),
        C::Named => ("nmcl", "named colour profile"),
    };
    let (space, what) = match parsed.color_space {
        S::Rgb => ("RGB".to_string(), format!("RGB {kind}")),
        S::Gray => ("GRAY".to_string(), format!("greyscale {kind}")),
        S::Cmyk => ("CMYK".to_string(), format!("CMYK {kind}")),
        S::Lab => ("Lab".to_string(), format!("Lab {kind}")),
        other => (format!("{other:?}"), kind.to_string()),
    };
    let article = if what.starts_with(['a', 'e', 'i', 'o', 'u', 'R']) {
        "an"
    } else {
        "a"
    };
    Err(format!(
        "{origin} is {article} {what} (class {class}, colour space {space}); the print edition needs a CMYK output profile (class prtr), e.g. the printer's FOGRA39 or FOGRA51 profile"
    ))
}

/// The text of a `desc` or `cprt` tag: of a v4 `mluc`, the English record or else the first;
/// of a v2 text description, its ASCII part, or its Unicode part when the ASCII part is empty
/// or not ASCII (moxcms reads it as UTF-8, so Latin-1 letters would be lost); up to a NUL.
fn profile_text(text: &moxcms::ProfileText) -> String {
    let chosen = match text {
        moxcms::ProfileText::PlainString(s) => s.as_str(),
        moxcms::ProfileText::Localizable(records) => records
            .iter()
            .find(|r| r.language == "en")
            .or_else(|| records.first())
            .map_or("", |r| r.value.as_str()),
        moxcms::ProfileText::Description(d)
            if !d.unicode_string.trim_matches('\0').is_empty()
                && (d.ascii_string.trim_matches('\0').is_empty()
                    || d.ascii_string.contains('\u{FFFD}')) =>
        {
            d.unicode_string.as_str()
        }
        moxcms::ProfileText::Description(d) => d.ascii_string.as_str(),
    };
    chosen.split('\0').next().unwrap_or("").to_string()
}

fn be_u32(bytes: &[u8], at: usize) -> Option<u32> {
    let four: [u8; 4] = bytes.get(at..at.checked_add(4)?)?.try_into().ok()?;
    Some(u32::from_be_bytes(four))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A minimal profile: header, and one `desc` tag (v2 text description, or v4 mluc).
    fn profile(class: &[u8; 4], space: &[u8; 4], major: u8, desc: &str) -> Vec<u8> {
        let tag = if major == 4 {
            let text: Vec<u8> = desc.encode_utf16().flat_map(u16::to_be_bytes).collect();
            let mut t = b"mluc\0\0\0\0".to_vec();
            t.extend(1u32.to_be_bytes());
            t.extend(12u32.to_be_bytes());
            t.extend(b"enUS");
            t.extend((text.len() as u32).to_be_bytes());
            t.extend(28u32.to_be_bytes());
            t.extend(text);
            t
        } else {
            let mut t = b"desc\0\0\0\0".to_vec();
            t.extend((desc.len() as u32 + 1).to_be_bytes());
            t.extend(desc.as_bytes());
            t.extend([0; 80]);
            t
        };
        let mut bytes = vec![0u8; HEADER_LEN];
        bytes[8] = major;
        bytes[12..16].copy_from_slice(class);
        bytes[16..20].copy_from_slice(space);
        bytes[20..24].copy_from_slice(b"Lab ");
        bytes[36..40].copy_from_slice(b"acsp");
        bytes.extend(1u32.to_be_bytes());
        bytes.extend(b"desc");
        bytes.extend(144u32.to_be_bytes());
        bytes.extend((tag.len() as u32).to_be_bytes());
        bytes.extend(tag);
        let len = bytes.len() as u32;
        bytes[0..4].copy_from_slice(&len.to_be_bytes());
        bytes
    }

    #[test]
    fn reads_a_v2_cmyk_output_profile() {
        let p = OutputProfile::from_bytes(
            profile(b"prtr", b"CMYK", 2, "ISO Coated v2 300% (basICColor)"),
            "x.icc",
        )
        .unwrap();
        assert_eq!(p.description, "ISO Coated v2 300% (basICColor)");
        assert_eq!(p.condition_identifier.as_str(), "FOGRA39");
        assert_eq!(p.registry_name, "http://www.color.org");
        assert_eq!(p.short_hash.len(), 12);
        assert_eq!(p.version.0, 2);
    }

    #[test]
    fn reads_a_v4_description_and_unknown_conditions_are_custom() {
        let p = OutputProfile::from_bytes(
            profile(b"prtr", b"CMYK", 4, "Druckerei Müller Offset"),
            "x.icc",
        )
        .unwrap();
        assert_eq!(p.description, "Druckerei Müller Offset");
        assert_eq!(p.condition_identifier, OutputConditionIdentifier::Custom);
        assert_eq!(p.condition_identifier.as_str(), "Custom");
    }

    #[test]
    fn known_conditions_from_descriptions() {
        let id = |d: &str| {
            OutputConditionIdentifier::from_description(d)
                .as_str()
                .to_string()
        };
        assert_eq!(id("PSO Coated v3"), "FOGRA51");
        assert_eq!(id("PSO Uncoated v3 (FOGRA52)"), "FOGRA52");
        assert_eq!(id("Coated FOGRA39 (ISO 12647-2:2004)"), "FOGRA39");
        assert_eq!(id("GRACoL2013_CRPC6"), "CGATS21_CRPC6");
        assert_eq!(id("U.S. Web Coated (SWOP) v2"), "CGATS TR 001");
    }

    #[test]
    fn an_rgb_display_profile_is_refused_with_what_it_is() {
        let err = OutputProfile::from_bytes(
            profile(b"mntr", b"RGB ", 2, "sRGB"),
            "profiles/x/printer.icc",
        )
        .unwrap_err();
        assert_eq!(
            err,
            "profiles/x/printer.icc is an RGB display profile (class mntr, colour space RGB); the print edition needs a CMYK output profile (class prtr), e.g. the printer's FOGRA39 or FOGRA51 profile"
        );
    }

    #[test]
    fn an_rgb_output_profile_is_refused() {
        let err =
            OutputProfile::from_bytes(profile(b"prtr", b"RGB ", 2, "x"), "p.icc").unwrap_err();
        assert!(err.contains("class prtr, colour space RGB"), "{err}");
    }

    #[test]
    fn garbage_and_damage_are_refused() {
        let err = OutputProfile::from_bytes(b"not a profile".to_vec(), "g.icc").unwrap_err();
        assert!(err.contains("g.icc is not an ICC profile"), "{err}");
        let err = OutputProfile::from_bytes(vec![7u8; 400], "g.icc").unwrap_err();
        assert!(err.contains("no `acsp` signature"), "{err}");
        let mut bytes = profile(b"prtr", b"CMYK", 2, "x");
        bytes.push(0);
        let err = OutputProfile::from_bytes(bytes, "g.icc").unwrap_err();
        assert!(err.contains("gives a size of"), "{err}");
        let mut bytes = profile(b"prtr", b"CMYK", 2, "x");
        bytes[8] = 5;
        let err = OutputProfile::from_bytes(bytes, "g.icc").unwrap_err();
        assert!(err.contains("version 5.0"), "{err}");
        let mut bytes = profile(b"prtr", b"CMYK", 2, "x");
        bytes[HEADER_LEN + 8..HEADER_LEN + 12].copy_from_slice(&9999u32.to_be_bytes());
        let err = OutputProfile::from_bytes(bytes, "g.icc").unwrap_err();
        assert!(
            err.contains("g.icc is damaged: the ICC reader refuses it"),
            "{err}"
        );
    }

    /// The profile with its `desc` tag replaced by `tag` (the file's size fixed up).
    fn with_desc(tag: &[u8]) -> Vec<u8> {
        let mut bytes = profile(b"prtr", b"CMYK", 4, "x");
        bytes.truncate(144);
        bytes[HEADER_LEN + 12..HEADER_LEN + 16].copy_from_slice(&(tag.len() as u32).to_be_bytes());
        bytes.extend(tag);
        let len = bytes.len() as u32;
        bytes[0..4].copy_from_slice(&len.to_be_bytes());
        bytes
    }

    #[test]
    fn a_twelve_byte_mluc_description_is_an_error_not_a_panic() {
        // Issue 21: this panicked ("range end index 16 out of range for slice of length 12").
        let bytes = with_desc(b"mluc\0\0\0\0\0\0\0\x01");
        assert_eq!(bytes.len(), 156);
        let err = OutputProfile::from_bytes(bytes, "printer.icc").unwrap_err();
        assert!(err.starts_with("printer.icc "), "{err}");
    }

    #[test]
    fn damaged_description_records_are_errors() {
        // Records that point past the tag, a huge record count, a record size below 12.
        let mut tag = b"mluc\0\0\0\0".to_vec();
        tag.extend(u32::MAX.to_be_bytes());
        tag.extend(12u32.to_be_bytes());
        tag.extend(b"enUS");
        tag.extend(4000u32.to_be_bytes());
        tag.extend(28u32.to_be_bytes());
        let err = OutputProfile::from_bytes(with_desc(&tag), "p.icc").unwrap_err();
        assert!(err.starts_with("p.icc "), "{err}");
        let mut desc = b"desc\0\0\0\0".to_vec();
        desc.extend(u32::MAX.to_be_bytes());
        desc.extend(b"short");
        let err = OutputProfile::from_bytes(with_desc(&desc), "p.icc").unwrap_err();
        assert!(err.starts_with("p.icc "), "{err}");
    }

    #[test]
    fn truncated_headers_and_huge_tag_counts_are_errors() {
        let whole = profile(b"prtr", b"CMYK", 2, "ISO Coated v2");
        for len in [0, 3, 4, 39, 40, 100, 128, 131, 132, 140] {
            let mut cut = whole[..len].to_vec();
            if len >= 4 {
                cut[0..4].copy_from_slice(&(len as u32).to_be_bytes());
            }
            let err = OutputProfile::from_bytes(cut, "cut.icc").unwrap_err();
            assert!(err.starts_with("cut.icc "), "{len}: {err}");
        }
        for count in [2u32, 1000, 0x1555_5555, u32::MAX] {
            let mut bytes = whole.clone();
            bytes[HEADER_LEN..HEADER_LEN + 4].copy_from_slice(&count.to_be_bytes());
            let err = OutputProfile::from_bytes(bytes, "many.icc").unwrap_err();
            assert!(err.starts_with("many.icc "), "{count}: {err}");
        }
    }

    #[test]
    fn mutated_copies_of_the_shipped_profile_never_panic() {
        // A small deterministic stand-in for the fuzz target (fuzz/fuzz_targets/icc.rs): bytes
        // of the header, the tag table and the first tags overwritten, one at a time.
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let shipped = std::fs::read(root.join(DEFAULT_PROFILE)).unwrap();
        let mut seed = 0x9E37_79B9_7F4A_7C15u64;
        for _ in 0..300 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let mut bytes = shipped.clone();
            let at = (seed % 1024) as usize;
            bytes[at] = (seed >> 32) as u8;
            let _ = OutputProfile::from_bytes(bytes, "m.icc");
        }
    }

    #[test]
    fn the_shipped_profile_is_fogra39() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let p = OutputProfile::default_profile(root).unwrap();
        assert_eq!(p.description, "ISO Coated v2 300% (basICColor)");
        assert_eq!(p.condition_identifier.as_str(), "FOGRA39");
        assert!(p.copyright.unwrap().contains("Color Solutions"));
    }

    #[test]
    fn load_names_the_file() {
        let d = OutputProfile::load(Path::new("/nonexistent/printer.icc")).unwrap_err();
        assert!(
            d.message.contains("/nonexistent/printer.icc"),
            "{}",
            d.message
        );
        assert!(d.is_error());
    }
}
