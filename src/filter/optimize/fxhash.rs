//! A fast, deterministic hasher for the optimizer's tables. Their keys are small
//! integers, instructions and block ids from one user's filter; the standard
//! library's SipHash guards tables against keys chosen to collide, which these
//! do not need, and cost several percent of a 10,000-host compile.
//!
//! Each word of input is folded in with a rotate, an xor and a multiply by an odd
//! constant with well-mixed bits (the scheme of Firefox's and rustc's "FxHash").

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// The hasher; see the module comment.
#[derive(Clone, Copy, Default)]
pub struct FxHasher(u64);

/// `HashMap` with [`FxHasher`].
pub type FxHashMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

const MULTIPLIER: u64 = 0x517c_c1b7_2722_0a95;

impl FxHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(MULTIPLIER);
    }
}

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
    }
    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }
    #[inline]
    fn write_u16(&mut self, i: u16) {
        self.add(u64::from(i));
    }
    #[inline]
    fn write_u32(&mut self, i: u32) {
        self.add(u64::from(i));
    }
    #[inline]
    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }
    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn consecutive_keys_spread_over_buckets_and_tags() {
        // hashbrown picks the bucket from the low bits and a tag from the top 7:
        // consecutive block ids must fill the buckets and vary the tags.
        let hashes: Vec<u64> = (0..4096u64)
            .map(|k| {
                let mut h = FxHasher::default();
                h.write_u64(k);
                h.finish()
            })
            .collect();
        let buckets: std::collections::HashSet<u64> = hashes.iter().map(|h| h & 0xfff).collect();
        let tags: std::collections::HashSet<u64> = hashes.iter().map(|h| h >> 57).collect();
        assert_eq!(buckets.len(), 4096);
        assert!(tags.len() > 120, "{}", tags.len());
    }
}
