//! Colour spaces as a preflight sees them: which device spaces a colour space leads to (an
//! Indexed base, a Separation's alternate), how many components it takes, and how much ink a
//! colour in it puts on paper.

use lopdf::{Dictionary, Document, Object};

/// How deep colour space arrays may nest (Indexed of Separation of ICC…) before we give up.
const MAX_DEPTH: usize = 8;

#[derive(Debug, Clone, PartialEq)]
pub enum Space {
    Gray,
    Rgb,
    Cmyk,
    /// CalGray, CalRGB, Lab: calibrated, device-independent.
    Calibrated(&'static str),
    /// ICCBased with N components (its /Alternate is not used by a reader that knows ICC).
    Icc(u8),
    Indexed(Box<Space>),
    Separation(String, Box<Space>),
    DeviceN(Vec<String>, Box<Space>),
    Pattern(Option<Box<Space>>),
    /// Something we could not read: the name or a short description.
    Unknown(String),
}

impl Space {
    /// The colour space an operand or a dictionary entry names: a device space, an abbreviation
    /// of an inline image, a name in the resources' /ColorSpace, or an array.
    pub fn resolve(doc: &Document, obj: &Object, resources: Option<&Dictionary>) -> Space {
        resolve(doc, obj, resources, 0)
    }

    /// True when DeviceRGB is used, directly or as the base or alternate of another space
    /// (ICC profiles' alternates excepted: readers that know ICC never use them).
    pub fn uses_rgb(&self) -> bool {
        self.uses(&Space::Rgb)
    }

    pub fn uses_cmyk(&self) -> bool {
        self.uses(&Space::Cmyk)
    }

    fn uses(&self, device: &Space) -> bool {
        match self {
            Space::Indexed(base) | Space::Separation(_, base) | Space::DeviceN(_, base) => {
                base.uses(device)
            }
            Space::Pattern(Some(base)) => base.uses(device),
            other => other == device,
        }
    }

    /// The components a colour starts with after `cs`/`CS` (ISO 32000-1, 8.6.8).
    pub fn initial(&self) -> Vec<f64> {
        match self {
            Space::Rgb | Space::Calibrated("CalRGB") => vec![0.0; 3],
            Space::Cmyk => vec![0.0, 0.0, 0.0, 1.0],
            Space::Icc(4) => vec![0.0, 0.0, 0.0, 1.0],
            Space::Separation(..) => vec![1.0],
            Space::DeviceN(names, _) => vec![1.0; names.len()],
            _ => vec![0.0],
        }
    }

    /// Total ink of a colour in percent (100 per full plate), when the space says which inks it
    /// prints: DeviceCMYK and 4-component ICC (C+M+Y+K), DeviceGray (K), Separation (one plate;
    /// `All` is every plate, counted as the four process inks), DeviceN (the sum). None for RGB,
    /// Lab, Indexed and patterns, whose inks depend on a conversion we do not make.
    pub fn ink(&self, components: &[f64]) -> Option<f64> {
        let sum = || components.iter().map(|c| c.clamp(0.0, 1.0)).sum::<f64>() * 100.0;
        match self {
            Space::Cmyk | Space::Icc(4) | Space::DeviceN(..) => Some(sum()),
            Space::Gray => components
                .first()
                .map(|g| (1.0 - g.clamp(0.0, 1.0)) * 100.0),
            Space::Separation(name, _) if name == "All" => Some(sum() * 4.0),
            Space::Separation(name, _) if name == "None" => Some(0.0),
            Space::Separation(..) => Some(sum()),
            _ => None,
        }
    }

    /// A short description, in PDF's terms.
    pub fn describe(&self) -> String {
        match self {
            Space::Gray => "DeviceGray".into(),
            Space::Rgb => "DeviceRGB".into(),
            Space::Cmyk => "DeviceCMYK".into(),
            Space::Calibrated(name) => (*name).into(),
            Space::Icc(n) => format!("ICCBased ({n} components)"),
            Space::Indexed(base) => format!("Indexed on {}", base.describe()),
            Space::Separation(name, alt) => {
                format!("Separation `{name}` (alternate {})", alt.describe())
            }
            Space::DeviceN(names, alt) => {
                format!(
                    "DeviceN [{}] (alternate {})",
                    names.join(" "),
                    alt.describe()
                )
            }
            Space::Pattern(Some(base)) => format!("Pattern on {}", base.describe()),
            Space::Pattern(None) => "Pattern".into(),
            Space::Unknown(what) => format!("unknown colour space {what}"),
        }
    }
}

fn resolve(doc: &Document, obj: &Object, resources: Option<&Dictionary>, depth: usize) -> Space {
    if depth > MAX_DEPTH {
        return Space::Unknown("(nested too deep)".into());
    }
    let Ok((_, obj)) = doc.dereference(obj) else {
        return Space::Unknown("(broken reference)".into());
    };
    match obj {
        Object::Name(name) => by_name(doc, name, resources, depth),
        Object::Array(items) => from_array(doc, items, resources, depth),
        _ => Space::Unknown(format!("({})", obj.enum_variant())),
    }
}

fn by_name(doc: &Document, name: &[u8], resources: Option<&Dictionary>, depth: usize) -> Space {
    match name {
        b"DeviceGray" | b"G" => Space::Gray,
        b"DeviceRGB" | b"RGB" => Space::Rgb,
        b"DeviceCMYK" | b"CMYK" => Space::Cmyk,
        b"Pattern" => Space::Pattern(None),
        _ => {
            let named = resources
                .and_then(|r| r.get(b"ColorSpace").ok())
                .and_then(|cs| doc.dereference(cs).ok())
                .and_then(|(_, cs)| cs.as_dict().ok())
                .and_then(|cs| cs.get(name).ok());
            match named {
                // A named space is looked up without the resources again: no name loops.
                Some(obj) => resolve(doc, obj, None, depth + 1),
                None => Space::Unknown(format!("/{}", String::from_utf8_lossy(name))),
            }
        }
    }
}

fn from_array(doc: &Document, items: &[Object], res: Option<&Dictionary>, depth: usize) -> Space {
    let family = items.first().and_then(|f| f.as_name().ok()).unwrap_or(b"");
    let arg = |i: usize| items.get(i).map(|o| resolve(doc, o, res, depth + 1));
    let boxed = |s: Option<Space>| Box::new(s.unwrap_or(Space::Unknown("(missing)".into())));
    match family {
        b"ICCBased" => Space::Icc(icc_components(doc, items.get(1))),
        b"Indexed" | b"I" => Space::Indexed(boxed(arg(1))),
        b"Separation" => Space::Separation(name_at(doc, items.get(1)), boxed(arg(2))),
        b"DeviceN" => {
            let names = items
                .get(1)
                .and_then(|n| doc.dereference(n).ok())
                .and_then(|(_, n)| n.as_array().ok())
                .map(|names| names.iter().map(|n| name_at(doc, Some(n))).collect())
                .unwrap_or_default();
            Space::DeviceN(names, boxed(arg(2)))
        }
        b"Pattern" => Space::Pattern(arg(1).map(Box::new)),
        b"CalGray" => Space::Calibrated("CalGray"),
        b"CalRGB" => Space::Calibrated("CalRGB"),
        b"Lab" => Space::Calibrated("Lab"),
        other => by_name(doc, other, res, depth + 1),
    }
}

fn icc_components(doc: &Document, stream: Option<&Object>) -> u8 {
    stream
        .and_then(|s| doc.dereference(s).ok())
        .and_then(|(_, s)| s.as_stream().ok())
        .and_then(|s| s.dict.get(b"N").ok())
        .and_then(|n| n.as_i64().ok())
        .and_then(|n| u8::try_from(n).ok())
        .unwrap_or(0)
}

fn name_at(doc: &Document, obj: Option<&Object>) -> String {
    obj.and_then(|o| doc.dereference(o).ok())
        .and_then(|(_, o)| o.as_name().ok())
        .map(|n| String::from_utf8_lossy(n).into_owned())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name(n: &str) -> Object {
        Object::Name(n.as_bytes().to_vec())
    }

    #[test]
    fn rgb_hidden_in_an_alternate_is_found() {
        let doc = Document::new();
        let sep = Object::Array(vec![name("Separation"), name("All"), name("DeviceRGB")]);
        let space = Space::resolve(&doc, &sep, None);
        assert!(space.uses_rgb());
        assert!(!space.uses_cmyk());
        assert_eq!(space.ink(&[1.0]), Some(400.0));
    }

    #[test]
    fn ink_of_cmyk_and_gray() {
        assert_eq!(Space::Cmyk.ink(&[1.0, 1.0, 1.0, 1.0]), Some(400.0));
        assert_eq!(Space::Gray.ink(&[0.25]), Some(75.0));
        assert_eq!(Space::Rgb.ink(&[0.0, 0.0, 0.0]), None);
    }

    #[test]
    fn named_spaces_come_from_the_resources() {
        let doc = Document::new();
        let mut spaces = Dictionary::new();
        spaces.set("CS0", name("DeviceRGB"));
        let mut resources = Dictionary::new();
        resources.set("ColorSpace", Object::Dictionary(spaces));
        let space = Space::resolve(&doc, &name("CS0"), Some(&resources));
        assert_eq!(space, Space::Rgb);
        assert!(matches!(
            Space::resolve(&doc, &name("CS1"), Some(&resources)),
            Space::Unknown(_)
        ));
    }
}
