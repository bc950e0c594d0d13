//! The block ciphers and modes `-E` decrypts with, named as OpenSSL names them.
//!
//! tcpdump looks the algorithm up with OpenSSL's `EVP_get_cipherbyname` and
//! decrypts with `EVP_DecryptUpdate`, padding off. rfilter knows the names
//! OpenSSL 3 gives AES and triple DES (three keys, and two keys for `des-ede`),
//! in every mode that decrypts without more than an IV: ECB, CBC, CFB (full
//! block, 8-bit and 1-bit), OFB, CTR, and GCM (its keystream; no tag is
//! checked, as tcpdump checks none). Ciphers outside that set (single DES and
//! other legacy ones, which OpenSSL 3 does not load by default, Camellia,
//! ARIA, SM4, ChaCha20) are unknown to rfilter.

use aes::cipher::{Block, BlockDecrypt, BlockEncrypt, KeyInit};

/// A block cipher with its key set.
#[derive(Clone)]
enum Keyed {
    Tdes3(Box<des::TdesEde3>),
    Tdes2(Box<des::TdesEde2>),
    Aes128(Box<aes::Aes128>),
    Aes192(Box<aes::Aes192>),
    Aes256(Box<aes::Aes256>),
}

/// How blocks chain.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Mode {
    Ecb,
    Cbc,
    /// CFB with a feedback of the whole block (OpenSSL's `cfb`).
    Cfb,
    Cfb8,
    Cfb1,
    Ofb,
    Ctr,
    Gcm,
}

/// A keyed cipher in a mode: what one `-E` algorithm name stands for.
#[derive(Clone)]
pub(crate) struct Cipher {
    keyed: Keyed,
    mode: Mode,
}

impl std::fmt::Debug for Cipher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Never the key.
        let name = match self.keyed {
            Keyed::Tdes3(_) => "des-ede3",
            Keyed::Tdes2(_) => "des-ede",
            Keyed::Aes128(_) => "aes-128",
            Keyed::Aes192(_) => "aes-192",
            Keyed::Aes256(_) => "aes-256",
        };
        write!(f, "{name} {:?}", self.mode)
    }
}

/// The ciphertext is not a whole number of the mode's units (tcpdump warns
/// and prints nothing more).
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct NotWholeBlocks {
    pub ct_len: usize,
    pub block: usize,
}

/// An algorithm named by `-E`, before its key is set.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Algo {
    family: Family,
    mode: Mode,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Family {
    Tdes3,
    Tdes2,
    Aes128,
    Aes192,
    Aes256,
}

impl Algo {
    /// The algorithm an OpenSSL name (after tcpdump took `-hmac96` and `-cbc`
    /// off) stands for; `None` for a name rfilter does not know. OpenSSL's
    /// names are case-insensitive.
    pub(crate) fn by_name(name: &str) -> Option<Algo> {
        let name = name.to_ascii_lowercase();
        let (family, mode) = match name.as_str() {
            "3des" | "des3" => ("des-ede3", Mode::Cbc),
            "aes128" | "aes192" | "aes256" => (&name[..], Mode::Cbc),
            "des-ede" | "des-ede3" => (&name[..], Mode::Ecb),
            // GCM's long name.
            "id-aes128-gcm" | "id-aes192-gcm" | "id-aes256-gcm" => (&name[3..9], Mode::Gcm),
            _ => {
                let (family, mode) = name.rsplit_once('-')?;
                let mode = match mode {
                    "ecb" => Mode::Ecb,
                    "cbc" => Mode::Cbc,
                    "cfb" => Mode::Cfb,
                    "cfb8" => Mode::Cfb8,
                    "cfb1" => Mode::Cfb1,
                    "ofb" => Mode::Ofb,
                    "ctr" => Mode::Ctr,
                    "gcm" => Mode::Gcm,
                    _ => return None,
                };
                // The modes OpenSSL has for each family.
                let known = match family {
                    "aes-128" | "aes-192" | "aes-256" => true,
                    "des-ede3" => !matches!(mode, Mode::Ctr | Mode::Gcm),
                    "des-ede" => matches!(mode, Mode::Ecb | Mode::Cbc | Mode::Cfb | Mode::Ofb),
                    _ => false,
                };
                if !known {
                    return None;
                }
                (family, mode)
            }
        };
        let family = match family {
            "des-ede3" => Family::Tdes3,
            "des-ede" => Family::Tdes2,
            "aes128" | "aes-128" => Family::Aes128,
            "aes192" | "aes-192" => Family::Aes192,
            _ => Family::Aes256,
        };
        Some(Algo { family, mode })
    }

    /// The cipher keyed with the first bytes of `key`. OpenSSL reads its fixed
    /// key length from tcpdump's zeroed 256-byte buffer, so a short key is
    /// zero-filled.
    pub(crate) fn with_key(self, key: &[u8]) -> Cipher {
        let mut buf = [0u8; 32];
        let n = key.len().min(32);
        buf[..n].copy_from_slice(&key[..n]);
        // The slices have the lengths the ciphers take.
        let keyed = match self.family {
            Family::Tdes3 => Keyed::Tdes3(Box::new(des::TdesEde3::new(buf[..24].into()))),
            Family::Tdes2 => Keyed::Tdes2(Box::new(des::TdesEde2::new(buf[..16].into()))),
            Family::Aes128 => Keyed::Aes128(Box::new(aes::Aes128::new(buf[..16].into()))),
            Family::Aes192 => Keyed::Aes192(Box::new(aes::Aes192::new(buf[..24].into()))),
            Family::Aes256 => Keyed::Aes256(Box::new(aes::Aes256::new(buf[..32].into()))),
        };
        Cipher {
            keyed,
            mode: self.mode,
        }
    }
}

impl Cipher {
    fn block_size(&self) -> usize {
        match self.keyed {
            Keyed::Tdes3(_) | Keyed::Tdes2(_) => 8,
            _ => 16,
        }
    }

    /// Bytes of IV before the ciphertext (OpenSSL's `EVP_CIPHER_iv_length`).
    pub(crate) fn iv_len(&self) -> usize {
        match self.mode {
            Mode::Ecb => 0,
            Mode::Gcm => 12,
            _ => self.block_size(),
        }
    }

    /// What the ciphertext's length must be a multiple of
    /// (`EVP_CIPHER_CTX_block_size`: 1 for the stream-like modes).
    fn unit(&self) -> usize {
        match self.mode {
            Mode::Ecb | Mode::Cbc => self.block_size(),
            _ => 1,
        }
    }

    fn encrypt_block(&self, b: &mut [u8]) {
        match &self.keyed {
            Keyed::Tdes3(c) => c.encrypt_block(Block::<des::TdesEde3>::from_mut_slice(b)),
            Keyed::Tdes2(c) => c.encrypt_block(Block::<des::TdesEde2>::from_mut_slice(b)),
            Keyed::Aes128(c) => c.encrypt_block(Block::<aes::Aes128>::from_mut_slice(b)),
            Keyed::Aes192(c) => c.encrypt_block(Block::<aes::Aes192>::from_mut_slice(b)),
            Keyed::Aes256(c) => c.encrypt_block(Block::<aes::Aes256>::from_mut_slice(b)),
        }
    }

    /// `block` (one block) encrypted, on the stack: the keystream of the
    /// feedback and counter modes, with no allocation per block.
    fn encrypted(&self, block: &[u8]) -> [u8; 16] {
        let bs = self.block_size();
        let mut out = [0u8; 16];
        out[..bs].copy_from_slice(&block[..bs]);
        self.encrypt_block(&mut out[..bs]);
        out
    }

    fn decrypt_block(&self, b: &mut [u8]) {
        match &self.keyed {
            Keyed::Tdes3(c) => c.decrypt_block(Block::<des::TdesEde3>::from_mut_slice(b)),
            Keyed::Tdes2(c) => c.decrypt_block(Block::<des::TdesEde2>::from_mut_slice(b)),
            Keyed::Aes128(c) => c.decrypt_block(Block::<aes::Aes128>::from_mut_slice(b)),
            Keyed::Aes192(c) => c.decrypt_block(Block::<aes::Aes192>::from_mut_slice(b)),
            Keyed::Aes256(c) => c.decrypt_block(Block::<aes::Aes256>::from_mut_slice(b)),
        }
    }

    /// Decrypts `ct` with IV `iv` (`iv_len()` bytes).
    pub(crate) fn decrypt(&self, iv: &[u8], ct: &[u8]) -> Result<Vec<u8>, NotWholeBlocks> {
        let unit = self.unit();
        if !ct.len().is_multiple_of(unit) {
            return Err(NotWholeBlocks {
                ct_len: ct.len(),
                block: unit,
            });
        }
        let bs = self.block_size();
        let mut pt = ct.to_vec();
        match self.mode {
            Mode::Ecb => pt.chunks_exact_mut(bs).for_each(|b| self.decrypt_block(b)),
            Mode::Cbc => {
                for (b, prev) in pt.chunks_exact_mut(bs).zip(chained(iv, ct, bs)) {
                    self.decrypt_block(b);
                    xor(b, prev);
                }
            }
            Mode::Cfb => {
                for (b, prev) in pt.chunks_mut(bs).zip(chained(iv, ct, bs)) {
                    xor(b, &self.encrypted(prev));
                }
            }
            Mode::Cfb8 => {
                // The register shifts in each ciphertext byte.
                let mut reg = iv.to_vec();
                for (p, &c) in pt.iter_mut().zip(ct) {
                    *p = c ^ self.encrypted(&reg)[0];
                    reg.remove(0);
                    reg.push(c);
                }
            }
            Mode::Cfb1 => {
                // One bit at a time, most significant first.
                let mut reg = iv.to_vec();
                for (p, &c) in pt.iter_mut().zip(ct) {
                    let mut out = 0u8;
                    for bit in (0..8).rev() {
                        let cb = (c >> bit) & 1;
                        out |= ((self.encrypted(&reg)[0] >> 7) ^ cb) << bit;
                        shift_in_bit(&mut reg, cb);
                    }
                    *p = out;
                }
            }
            Mode::Ofb => {
                let mut ks = self.encrypted(iv);
                for b in pt.chunks_mut(bs) {
                    xor(b, &ks);
                    ks = self.encrypted(&ks[..bs]);
                }
            }
            Mode::Ctr | Mode::Gcm => {
                // CTR counts with the whole block, big-endian, from the IV.
                // GCM's 96-bit IV is followed by a 32-bit counter that starts
                // the payload at 2 (1 encrypts the tag).
                let mut counter = iv.to_vec();
                let low = if self.mode == Mode::Gcm {
                    counter.extend_from_slice(&2u32.to_be_bytes());
                    12
                } else {
                    0
                };
                for b in pt.chunks_mut(bs) {
                    xor(b, &self.encrypted(&counter));
                    increment(&mut counter[low..]);
                }
            }
        }
        Ok(pt)
    }
}

/// For each block of `ct`, the block before it (the IV for the first).
fn chained<'a>(iv: &'a [u8], ct: &'a [u8], bs: usize) -> impl Iterator<Item = &'a [u8]> {
    std::iter::once(iv).chain(ct.chunks(bs))
}

fn xor(b: &mut [u8], with: &[u8]) {
    for (x, y) in b.iter_mut().zip(with) {
        *x ^= y;
    }
}

/// Adds one to a big-endian number, wrapping.
fn increment(n: &mut [u8]) {
    for byte in n.iter_mut().rev() {
        *byte = byte.wrapping_add(1);
        if *byte != 0 {
            break;
        }
    }
}

/// Shifts the register left by one bit, `bit` entering at the right.
fn shift_in_bit(reg: &mut [u8], bit: u8) {
    let n = reg.len();
    for i in 0..n {
        let next = if i + 1 < n { reg[i + 1] >> 7 } else { bit };
        reg[i] = (reg[i] << 1) | next;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hex(s: &str) -> Vec<u8> {
        (0..s.len() / 2)
            .map(|i| u8::from_str_radix(&s[2 * i..2 * i + 2], 16).unwrap())
            .collect()
    }

    /// NIST SP 800-38A's AES-128 examples (F.3.1, F.3.7, F.3.13, F.4.1,
    /// F.5.1: the first 18 bytes, so the last block is partial) and the GCM
    /// specification's test case 2, decrypted; the same ciphertexts come out of
    /// `openssl enc` for these keys and IVs.
    #[test]
    fn known_answers() {
        let key = hex("2b7e151628aed2a6abf7158809cf4f3c");
        let iv = hex("000102030405060708090a0b0c0d0e0f");
        let pt = hex("6bc1bee22e409f96e93d7e117393172aae2d");
        for (name, iv, ct) in [
            ("aes-128-cfb1", &iv, "68b3a264f838f5f8c3101070d1ab4c2e22e7"),
            ("aes-128-cfb8", &iv, "3b79424c9c0dd436bace9e0ed4586a4f32b9"),
            ("aes-128-cfb", &iv, "3b3fd92eb72dad20333449f8e83cfb4ac8a6"),
            ("aes-128-ofb", &iv, "3b3fd92eb72dad20333449f8e83cfb4a7789"),
            (
                "aes-128-ctr",
                &hex("f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff"),
                "874d6191b620e3261bef6864990db6ce9806",
            ),
        ] {
            let c = Algo::by_name(name).unwrap().with_key(&key);
            assert_eq!(c.iv_len(), 16, "{name}");
            assert_eq!(c.decrypt(iv, &hex(ct)).unwrap(), pt, "{name}");
        }
        let gcm = Algo::by_name("id-aes128-GCM").unwrap().with_key(&[0; 16]);
        assert_eq!(gcm.iv_len(), 12);
        let ct = hex("0388dace60b6a392f328c2b971b2fe78");
        assert_eq!(gcm.decrypt(&[0; 12], &ct).unwrap(), [0; 16]);
    }

    /// Block modes want whole blocks; the others take any length.
    #[test]
    fn whole_blocks_only_in_block_modes() {
        let c = Algo::by_name("3des").unwrap().with_key(&[1; 24]);
        assert_eq!(
            c.decrypt(&[0; 8], &[0; 12]),
            Err(NotWholeBlocks {
                ct_len: 12,
                block: 8
            })
        );
        let c = Algo::by_name("des-ede3-ofb").unwrap().with_key(&[1; 24]);
        assert_eq!(c.decrypt(&[0; 8], &[0; 12]).unwrap().len(), 12);
    }

    /// The names OpenSSL 3 knows for these ciphers, and some it does not.
    #[test]
    fn names() {
        for known in [
            "3des",
            "DES3",
            "aes128",
            "aes-192-ecb",
            "aes-256-cbc",
            "aes-128-cfb1",
            "des-ede",
            "des-ede-ofb",
            "des-ede3",
            "des-ede3-cfb8",
            "id-aes256-gcm",
        ] {
            assert!(Algo::by_name(known).is_some(), "{known}");
        }
        for unknown in [
            "aes-128",
            "aes128-ctr",
            "des-ede-cfb8",
            "des-ede3-ctr",
            "id-aes-128-gcm",
            "des",
            "camellia128",
            "aes-512-cbc",
            "",
        ] {
            assert!(Algo::by_name(unknown).is_none(), "{unknown}");
        }
    }
}
