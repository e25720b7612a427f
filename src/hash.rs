//! The one hash of the project (BLAKE3): fingerprints of a document's inputs for incremental
//! builds, and the content hashes of the files it read and of the PDF it produced. SHA-256 is
//! computed only for the report of `build --format json`, because upload steps and portals
//! verify files with it.

/// The hash of some bytes, as hexadecimal.
pub fn content_hash(bytes: &[u8]) -> String {
    blake3::hash(bytes).to_hex().to_string()
}

/// SHA-256 of some bytes, as hexadecimal (for `build --format json`).
pub fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The hash of a file's contents, or `None` when it cannot be read.
pub fn file_hash(path: &std::path::Path) -> Option<String> {
    crate::builtin::read(path).ok().map(|b| content_hash(&b))
}

/// A running fingerprint of several inputs. Each write is length-prefixed, so that consecutive
/// writes cannot run into each other (`ab`+`c` differs from `a`+`bc`).
#[derive(Clone, Default)]
pub struct Fingerprint(blake3::Hasher);

impl Fingerprint {
    pub fn new() -> Self {
        Fingerprint(blake3::Hasher::new())
    }

    pub fn write(&mut self, bytes: &[u8]) {
        self.0.update(&(bytes.len() as u64).to_le_bytes());
        self.0.update(bytes);
    }

    /// The fingerprint so far, as hexadecimal.
    pub fn hex(&self) -> String {
        self.0.finalize().to_hex().to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_do_not_run_into_each_other() {
        let mut a = Fingerprint::new();
        a.write(b"ab");
        a.write(b"c");
        let mut b = Fingerprint::new();
        b.write(b"a");
        b.write(b"bc");
        assert_ne!(a.hex(), b.hex());
        assert_eq!(content_hash(b"x"), content_hash(b"x"));
    }
}
