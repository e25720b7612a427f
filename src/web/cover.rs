//! The cover photograph in the sizes a browser picks from (`srcset`), made in-process with the
//! `image` crate: deterministic bytes (pure-Rust decode, resize and encode), kept in memory for
//! the other languages of the same profile and on disk for the next build, like the screen
//! edition's downsampled cover (`edition::images`).

use std::collections::VecDeque;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use image::codecs::jpeg::JpegEncoder;
use image::imageops::FilterType;
use image::{DynamicImage, ImageFormat, ImageReader};

/// Widths offered to the browser, in CSS pixels × density: a phone (480), a laptop column at
/// 1× or a phone at 2× (960), a wide column at 2× (1440). Never wider than the photograph.
pub const WIDTHS: [u32; 3] = [480, 960, 1440];
/// JPEG quality of the sizes: photographs on screen, no text in them.
const QUALITY: u8 = 80;
/// Changed whenever the same photograph would give other bytes, so that files kept on disk by
/// an earlier version are made again.
const METHOD: u32 = 1;
/// Photographs kept in memory: more than a group of profiles of a batch (16), as for the screen
/// edition's cover.
const KEEP: usize = 20;

/// One size of the photograph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Size {
    pub width: u32,
    pub height: u32,
    pub bytes: Vec<u8>,
}

/// The sizes of one photograph, smallest first, and its file extension.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sizes {
    pub ext: &'static str,
    pub sizes: Vec<Size>,
}

/// Makes the sizes of a JPEG or PNG photograph (a JPEG stays a JPEG, a PNG a PNG); each size is
/// made from the next larger one, which costs less than going back to the original each time.
pub fn make(bytes: &[u8]) -> Result<Sizes, String> {
    let reader = ImageReader::new(std::io::Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|e| e.to_string())?;
    let format = reader.format().ok_or("not a JPEG or PNG image")?;
    let ext = match format {
        ImageFormat::Jpeg => "jpg",
        ImageFormat::Png => "png",
        other => return Err(format!("{other:?} images are not supported (JPEG or PNG)")),
    };
    let img = reader.decode().map_err(|e| e.to_string())?;
    let (w, h) = (img.width(), img.height());
    let mut widths: Vec<u32> = WIDTHS.iter().copied().filter(|&x| x < w).collect();
    if widths.len() < WIDTHS.len() {
        widths.push(w);
    }
    let mut sizes = Vec::new();
    let mut from = img;
    for &width in widths.iter().rev() {
        let height = ((f64::from(h) * f64::from(width) / f64::from(w)).round() as u32).max(1);
        let img = if width == from.width() {
            from.clone()
        } else {
            from.resize_exact(width, height, FilterType::Triangle)
        };
        sizes.push(Size {
            width,
            height,
            bytes: encode(&img, format)?,
        });
        from = img;
    }
    sizes.reverse();
    Ok(Sizes { ext, sizes })
}

fn encode(img: &DynamicImage, format: ImageFormat) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    let done = match format {
        ImageFormat::Jpeg => {
            JpegEncoder::new_with_quality(&mut out, QUALITY).encode_image(&img.to_rgb8())
        }
        _ => img.write_to(&mut std::io::Cursor::new(&mut out), ImageFormat::Png),
    };
    done.map_err(|e| e.to_string())?;
    Ok(out)
}

/// The last photographs' sizes, by content hash, and where builds keep them on disk.
#[derive(Default)]
pub struct CoverSizes {
    recent: Mutex<VecDeque<(String, Arc<Sizes>)>>,
    dir: Mutex<Option<PathBuf>>,
}

impl CoverSizes {
    /// Keep the sizes in `dir` too (e.g. `OUT/.mgi-press/images/`), and look for them there.
    pub fn keep_in(&self, dir: PathBuf) {
        *self.dir.lock().unwrap_or_else(|p| p.into_inner()) = Some(dir);
    }

    /// The sizes of the photograph `bytes`, whose content hash is `hash`.
    pub fn get(&self, bytes: &[u8], hash: &str) -> Result<Arc<Sizes>, String> {
        let lock = || self.recent.lock().unwrap_or_else(|p| p.into_inner());
        if let Some((_, found)) = lock().iter().find(|(k, _)| k == hash) {
            return Ok(found.clone());
        }
        let dir = self.dir.lock().unwrap_or_else(|p| p.into_inner()).clone();
        let sizes = match dir.as_ref().and_then(|d| read_kept(d, hash)) {
            Some(kept) => kept,
            None => {
                let made = make(bytes)?;
                if let Some(d) = &dir {
                    keep(d, hash, &made);
                }
                made
            }
        };
        let sizes = Arc::new(sizes);
        let mut recent = lock();
        recent.push_front((hash.to_string(), sizes.clone()));
        recent.truncate(KEEP);
        Ok(sizes)
    }
}

/// `<hash>-web-q80-m1.list` names the kept sizes (`width height file` per line).
fn list_name(hash: &str) -> String {
    format!("{hash}-web-q{QUALITY}-m{METHOD}.list")
}

fn read_kept(dir: &std::path::Path, hash: &str) -> Option<Sizes> {
    let list = std::fs::read_to_string(dir.join(list_name(hash))).ok()?;
    let mut lines = list.lines();
    let ext = match lines.next()? {
        "jpg" => "jpg",
        "png" => "png",
        _ => return None,
    };
    let mut sizes = Vec::new();
    for line in lines {
        let mut parts = line.split(' ');
        let width = parts.next()?.parse().ok()?;
        let height = parts.next()?.parse().ok()?;
        let bytes = std::fs::read(dir.join(parts.next()?)).ok()?;
        sizes.push(Size {
            width,
            height,
            bytes,
        });
    }
    (!sizes.is_empty()).then_some(Sizes { ext, sizes })
}

/// A cache: a file that cannot be written is made again next time. The list is written last,
/// so a list always names files that were written.
fn keep(dir: &std::path::Path, hash: &str, sizes: &Sizes) {
    let mut list = format!("{}\n", sizes.ext);
    for s in &sizes.sizes {
        let name = format!("{hash}-web{}-q{QUALITY}-m{METHOD}.{}", s.width, sizes.ext);
        if crate::fs::write_atomically(&dir.join(&name), &s.bytes).is_err() {
            return;
        }
        list.push_str(&format!("{} {} {name}\n", s.width, s.height));
    }
    let _ = crate::fs::write_atomically(&dir.join(list_name(hash)), list.as_bytes());
}

#[cfg(test)]
mod tests {
    use super::*;

    fn jpeg(w: u32, h: u32) -> Vec<u8> {
        let img = image::RgbImage::from_fn(w, h, |x, y| {
            image::Rgb([(x % 256) as u8, (y % 256) as u8, 90])
        });
        let mut out = Vec::new();
        JpegEncoder::new_with_quality(&mut out, 90)
            .encode_image(&img)
            .unwrap();
        out
    }

    #[test]
    fn sizes_keep_the_aspect_and_never_enlarge() {
        let sizes = make(&jpeg(2000, 1000)).unwrap();
        let dims: Vec<(u32, u32)> = sizes.sizes.iter().map(|s| (s.width, s.height)).collect();
        assert_eq!(dims, vec![(480, 240), (960, 480), (1440, 720)]);
        assert_eq!(sizes.ext, "jpg");
        let small = make(&jpeg(700, 350)).unwrap();
        let dims: Vec<(u32, u32)> = small.sizes.iter().map(|s| (s.width, s.height)).collect();
        assert_eq!(dims, vec![(480, 240), (700, 350)]);
        assert_eq!(make(&jpeg(2000, 1000)).unwrap(), sizes, "deterministic");
        assert!(make(b"not an image").is_err());
    }

    #[test]
    fn builds_keep_the_sizes_on_disk() {
        let dir = tempfile::tempdir().unwrap();
        let photo = jpeg(1600, 900);
        let hash = crate::hash::content_hash(&photo);
        let first = CoverSizes::default();
        first.keep_in(dir.path().to_path_buf());
        let made = first.get(&photo, &hash).unwrap();
        // Another run reads them back without decoding (the bytes given are not an image).
        let second = CoverSizes::default();
        second.keep_in(dir.path().to_path_buf());
        assert_eq!(*second.get(b"not read", &hash).unwrap(), *made);
    }
}
