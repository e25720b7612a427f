//! Light images for the screen edition: a cover photograph made for print (300 ppi and more at
//! its printed size) is downsampled before Typst embeds it, so the portal's file stays small.
//! Deterministic: the same photograph gives the same bytes (pure-Rust decode, resize, encode).

use std::collections::VecDeque;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use image::codecs::jpeg::JpegEncoder;
use image::imageops::FilterType;
use image::{ImageFormat, ImageReader};

/// Resolution aimed at on screen, in pixels per inch of the printed size: enough for a
/// zoomed-in page on a high-density display.
pub const SCREEN_PPI: f64 = 200.0;
/// An image is downsampled only when it is this much wider than it needs to be.
const SLACK: f64 = 1.25;
/// JPEG quality of the downsampled photograph.
const QUALITY: u8 = 85;

/// The downsampled bytes of a photograph shown `width_mm` wide, in the format it came in
/// (Typst tells formats by the file name), or `None` when it is not far above screen
/// resolution (or cannot be decoded: Typst then reports the original).
pub fn downsample(bytes: &[u8], width_mm: f64) -> Option<Vec<u8>> {
    let target = (width_mm / 25.4 * SCREEN_PPI).ceil() as u32;
    let reader = ImageReader::new(std::io::Cursor::new(bytes))
        .with_guessed_format()
        .ok()?;
    let format = reader.format()?;
    let (w, h) = reader.into_dimensions().ok()?;
    if f64::from(w) <= f64::from(target) * SLACK {
        return None;
    }
    let img = image::load_from_memory_with_format(bytes, format).ok()?;
    let height = ((f64::from(h) * f64::from(target) / f64::from(w)).round() as u32).max(1);
    let small = img.resize_exact(target, height, FilterType::Triangle);
    let mut out = Vec::new();
    match format {
        ImageFormat::Jpeg => JpegEncoder::new_with_quality(&mut out, QUALITY)
            .encode_image(&small.to_rgb8())
            .ok()?,
        ImageFormat::Png => small
            .write_to(&mut std::io::Cursor::new(&mut out), ImageFormat::Png)
            .ok()?,
        _ => return None,
    }
    Some(out)
}

/// The last few downsampled photographs, by content hash and width, so that the languages of
/// one profile share the work (about 110 ms for a 2640-px cover: decoding 15, resizing 65,
/// encoding 35). Bounded: a batch runs language by language over groups of 16 profiles, so it
/// keeps more than 16 (each about 200 KB), and no more. Builds also keep them on disk, in the
/// output folder's `.mgi-press/images/`, so the next build of the same photograph reads them.
#[derive(Default)]
pub struct ScreenImages {
    recent: Mutex<VecDeque<(String, Downsampled)>>,
    /// Where downsampled photographs are kept between runs (set by builds that may write).
    dir: Mutex<Option<PathBuf>>,
}

/// Changed whenever `downsample` would give other bytes for the same photograph, so that
/// photographs kept on disk by an earlier version are made again.
const METHOD: u32 = 1;

/// A downsampled photograph, or `None` when the original is kept.
type Downsampled = Option<Arc<Vec<u8>>>;

/// How many photographs are kept: more than a group of profiles of the batch (see the type's
/// comment; the batch asserts it).
pub(crate) const KEEP: usize = 20;

impl ScreenImages {
    /// Keep downsampled photographs in `dir` too, and look for them there.
    pub fn keep_in(&self, dir: PathBuf) {
        *self.dir.lock().unwrap_or_else(|p| p.into_inner()) = Some(dir);
    }

    /// `downsample`, remembered by `hash`, the content hash of `bytes`.
    pub fn get(&self, bytes: &[u8], hash: &str, width_mm: f64) -> Option<Arc<Vec<u8>>> {
        let key = format!("{hash}@{width_mm}");
        let lock = || self.recent.lock().unwrap_or_else(|p| p.into_inner());
        if let Some((_, found)) = lock().iter().find(|(k, _)| *k == key) {
            return found.clone();
        }
        let file = self
            .dir
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .as_ref()
            .map(|dir| {
                let name = format!("{hash}-{width_mm}mm-{SCREEN_PPI}ppi-q{QUALITY}-m{METHOD}");
                dir.join(name)
            });
        let kept = file.as_ref().and_then(|f| std::fs::read(f).ok());
        let made = kept.or_else(|| {
            let made = downsample(bytes, width_mm)?;
            if let Some(f) = &file {
                // A cache: a file that cannot be written is made again next time.
                let _ = crate::fs::write_atomically(f, &made);
            }
            Some(made)
        });
        let made = made.map(Arc::new);
        let mut recent = lock();
        recent.push_front((key, made.clone()));
        recent.truncate(KEEP);
        made
    }
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
    fn builds_keep_downsampled_photographs_on_disk() {
        let dir = tempfile::tempdir().unwrap();
        let big = jpeg(2600, 1700);
        let hash = crate::hash::content_hash(&big);
        let first = ScreenImages::default();
        first.keep_in(dir.path().to_path_buf());
        let made = first.get(&big, &hash, 210.0).unwrap();
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
        // Another run finds it: the same bytes, without downsampling (the source given here
        // is not even an image).
        let second = ScreenImages::default();
        second.keep_in(dir.path().to_path_buf());
        assert_eq!(second.get(b"not read", &hash, 210.0).unwrap(), made);
        // A small photograph is not downsampled, and nothing is kept for it.
        let small = jpeg(1000, 700);
        assert_eq!(
            second.get(&small, &crate::hash::content_hash(&small), 210.0),
            None
        );
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn the_cache_holds_a_group_of_profiles() {
        // The batch's groups of profiles (batch::PROFILE_GROUP, less than KEEP) cycle through
        // their covers once per language: all of them must stay, or every document
        // downsamples again.
        let images = ScreenImages::default();
        let n = KEEP as u32;
        let covers: Vec<Vec<u8>> = (0..n).map(|i| jpeg(1800 + i, 1200)).collect();
        let hash = |c: &[u8]| crate::hash::content_hash(c);
        let first: Vec<_> = covers
            .iter()
            .map(|c| images.get(c, &hash(c), 150.0))
            .collect();
        for (c, f) in covers.iter().zip(&first) {
            let again = images.get(c, &hash(c), 150.0);
            assert!(
                Arc::ptr_eq(again.as_ref().unwrap(), f.as_ref().unwrap()),
                "downsampled again"
            );
        }
    }

    #[test]
    fn large_photographs_shrink_to_screen_resolution_and_small_ones_stay() {
        let big = jpeg(2560, 1707);
        let small = downsample(&big, 210.0).expect("downsampled");
        let img = image::load_from_memory(&small).unwrap();
        assert_eq!(img.width(), (210.0f64 / 25.4 * SCREEN_PPI).ceil() as u32);
        assert_eq!(
            img.height(),
            (1707.0f64 * f64::from(img.width()) / 2560.0).round() as u32
        );
        assert!(small.len() < big.len());
        assert_eq!(downsample(&big, 210.0), Some(small), "deterministic");
        assert_eq!(downsample(&jpeg(1800, 1200), 210.0), None);
        assert_eq!(downsample(b"not an image", 210.0), None);
        let png = {
            let img = image::RgbaImage::from_pixel(2600, 100, image::Rgba([10, 20, 30, 128]));
            let mut out = Vec::new();
            img.write_to(&mut std::io::Cursor::new(&mut out), ImageFormat::Png)
                .unwrap();
            out
        };
        let small = downsample(&png, 210.0).expect("downsampled");
        assert_eq!(
            image::guess_format(&small).unwrap(),
            ImageFormat::Png,
            "a PNG stays a PNG"
        );
    }
}
