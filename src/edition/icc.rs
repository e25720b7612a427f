//! The printer's CMYK output profile (an ICC file): read, validated as a CMYK output profile and
//! described (name, output condition), so that the print edition can embed it as the PDF/X
//! output intent.
//!
//! The ICC header is a fixed 128-byte record followed by a tag table (ICC.1:2010, 7.2–7.3); we
//! read the few fields we need ourselves instead of adding a colour-management crate, since
//! nothing here converts colours.

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
        let bytes = crate::builtin::read(path).map_err(|e| {
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
        let header = Header::parse(&bytes, origin)?;
        header.require_cmyk_output(origin)?;
        let description = text_tag(&bytes, b"desc", origin)?
            .filter(|d| !d.trim().is_empty())
            .ok_or_else(|| format!("{origin} has no profile description (`desc` tag)"))?;
        let copyright = text_tag(&bytes, b"cprt", origin)?;
        let short_hash = crate::hash::content_hash(&bytes)[..12].to_string();
        Ok(OutputProfile {
            condition_identifier: OutputConditionIdentifier::from_description(&description),
            description: description.trim().to_string(),
            copyright: copyright.map(|c| c.trim().to_string()),
            registry_name: ICC_REGISTRY,
            short_hash,
            version: header.version,
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

/// The fields of the 128-byte header we check.
struct Header {
    class: [u8; 4],
    colour_space: [u8; 4],
    version: (u8, u8),
}

impl Header {
    fn parse(bytes: &[u8], origin: &str) -> Result<Header, String> {
        if bytes.len() < HEADER_LEN + 4 {
            return Err(format!(
                "{origin} is not an ICC profile: {} bytes, shorter than an ICC header (132 bytes with the tag count)",
                bytes.len()
            ));
        }
        if &bytes[36..40] != b"acsp" {
            return Err(format!(
                "{origin} is not an ICC profile: no `acsp` signature at byte 36"
            ));
        }
        let size = be_u32(bytes, 0) as usize;
        if size != bytes.len() {
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
        Ok(Header {
            class: bytes[12..16].try_into().unwrap(),
            colour_space: bytes[16..20].try_into().unwrap(),
            version,
        })
    }

    fn require_cmyk_output(&self, origin: &str) -> Result<(), String> {
        if &self.class == b"prtr" && &self.colour_space == b"CMYK" {
            return Ok(());
        }
        let class = signature(&self.class);
        let space = signature(&self.colour_space);
        let kind = match &self.class {
            b"mntr" => "display profile",
            b"scnr" => "input (scanner or camera) profile",
            b"prtr" => "output profile",
            b"link" => "device link",
            b"spac" => "colour space profile",
            b"abst" => "abstract profile",
            b"nmcl" => "named colour profile",
            _ => "profile",
        };
        let what = match &self.colour_space {
            b"RGB " => format!("RGB {kind}"),
            b"GRAY" => format!("greyscale {kind}"),
            b"CMYK" => format!("CMYK {kind}"),
            b"Lab " => format!("Lab {kind}"),
            _ => kind.to_string(),
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
}

/// A four-character signature as text, trailing spaces trimmed.
fn signature(sig: &[u8; 4]) -> String {
    String::from_utf8_lossy(sig).trim_end().to_string()
}

fn be_u32(bytes: &[u8], at: usize) -> u32 {
    u32::from_be_bytes(bytes[at..at + 4].try_into().unwrap())
}

fn be_u16(bytes: &[u8], at: usize) -> u16 {
    u16::from_be_bytes(bytes[at..at + 2].try_into().unwrap())
}

/// The text of tag `sig`: `desc` (v2 textDescriptionType: ASCII), `mluc` (v4: UTF-16BE, the
/// English record or else the first) or `text` (v2 copyright: ASCII). `None` if the profile has
/// no such tag.
fn text_tag(bytes: &[u8], sig: &[u8; 4], origin: &str) -> Result<Option<String>, String> {
    let Some(data) = find_tag(bytes, sig, origin)? else {
        return Ok(None);
    };
    let damaged = || {
        format!(
            "{origin} is damaged: its `{}` tag is cut short",
            signature(sig)
        )
    };
    if data.len() < 12 {
        return Err(damaged());
    }
    let text = match &data[0..4] {
        b"desc" => {
            let count = be_u32(data, 8) as usize;
            let ascii = data.get(12..12 + count).ok_or_else(damaged)?;
            latin1(ascii)
        }
        b"text" => latin1(&data[8..]),
        b"mluc" => mluc_text(data).ok_or_else(damaged)?,
        other => {
            return Err(format!(
                "{origin}: its `{}` tag has an unexpected type `{}`",
                signature(sig),
                String::from_utf8_lossy(other)
            ));
        }
    };
    Ok(Some(text))
}

/// The tag's bytes, checked to lie inside the file.
fn find_tag<'a>(bytes: &'a [u8], sig: &[u8; 4], origin: &str) -> Result<Option<&'a [u8]>, String> {
    let count = be_u32(bytes, HEADER_LEN) as usize;
    let table_end = HEADER_LEN + 4 + count.saturating_mul(12);
    if table_end > bytes.len() {
        return Err(format!(
            "{origin} is damaged: its tag table ({count} tags) runs past the end of the file"
        ));
    }
    for entry in bytes[HEADER_LEN + 4..table_end].chunks_exact(12) {
        if &entry[0..4] == sig {
            let (offset, size) = (be_u32(entry, 4) as usize, be_u32(entry, 8) as usize);
            return match bytes.get(offset..offset.saturating_add(size)) {
                Some(data) => Ok(Some(data)),
                None => Err(format!(
                    "{origin} is damaged: its `{}` tag lies outside the file",
                    signature(sig)
                )),
            };
        }
    }
    Ok(None)
}

/// multiLocalizedUnicodeType: the `en` record if there is one, else the first.
fn mluc_text(data: &[u8]) -> Option<String> {
    let records = be_u32(data, 8) as usize;
    let record_size = be_u32(data, 12) as usize;
    if record_size < 12 || records == 0 {
        return None;
    }
    let record = |i: usize| data.get(16 + i * record_size..16 + i * record_size + 12);
    let chosen = (0..records)
        .filter_map(record)
        .find(|r| &r[0..2] == b"en")
        .or_else(|| record(0))?;
    let (len, offset) = (be_u32(chosen, 4) as usize, be_u32(chosen, 8) as usize);
    let utf16 = data.get(offset..offset.checked_add(len)?)?;
    let units: Vec<u16> = (0..utf16.len() / 2).map(|i| be_u16(utf16, i * 2)).collect();
    Some(String::from_utf16_lossy(&units))
}

/// ICC "ASCII" strings, up to the first NUL (bytes above 127 read as Latin-1, as some
/// profile makers write them).
fn latin1(bytes: &[u8]) -> String {
    bytes
        .iter()
        .take_while(|&&b| b != 0)
        .map(|&b| b as char)
        .collect()
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
        assert!(err.contains("`desc` tag lies outside the file"), "{err}");
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
