//! `-E`: the ESP security associations the user gave, and decryption with them.
//!
//! tcpdump's syntax, one association per comma- or newline-separated item:
//! `[SPI@DSTADDR ]ALGO:KEY`, or `file NAME` to read items from a file (lines
//! starting with `#` skipped). `ALGO` is an OpenSSL cipher name; a `-hmac96`
//! suffix says a 12-byte integrity check value ends each packet, and a `-cbc`
//! suffix is dropped before the name is looked up (so `3des-cbc` means OpenSSL's
//! `3des`, triple DES in CBC mode, while `des-ede3-cbc` becomes `des-ede3`, triple
//! DES in ECB mode). `KEY` is `0x` and hex digits, or the key's bytes as written.
//! An item without `SPI@DSTADDR` is the default, used when no association
//! matches the packet's SPI and destination. Later items win over earlier ones,
//! as in tcpdump (which prepends each to its list).
//!
//! Ciphers: triple DES and AES-128/192/256, in CBC or ECB mode. tcpdump accepts
//! whatever its OpenSSL knows; names outside this set get tcpdump's warning that
//! the algorithm is unknown, and such packets print undecrypted.
//!
//! `ikev2 I|R 0xSPII 0xSPIR AUTHALGO:KEY ENCALGO:KEY` items give the keys of
//! an IKEv2 SA: its encrypted payloads (as sent by the initiator, `I`, or the
//! responder, `R`) are decrypted and what they hold printed.

use aes::cipher::{Block, BlockDecrypt, KeyInit};
use std::net::{Ipv4Addr, Ipv6Addr};

/// A block cipher in the mode the name chose, with its key set.
#[derive(Clone)]
enum Cipher {
    Tdes(Box<des::TdesEde3>),
    Aes128(Box<aes::Aes128>),
    Aes192(Box<aes::Aes192>),
    Aes256(Box<aes::Aes256>),
}

impl Cipher {
    fn block_size(&self) -> usize {
        match self {
            Cipher::Tdes(_) => 8,
            _ => 16,
        }
    }

    /// Decrypts one block in place.
    fn decrypt_block(&self, block: &mut [u8]) {
        match self {
            Cipher::Tdes(c) => c.decrypt_block(Block::<des::TdesEde3>::from_mut_slice(block)),
            Cipher::Aes128(c) => c.decrypt_block(Block::<aes::Aes128>::from_mut_slice(block)),
            Cipher::Aes192(c) => c.decrypt_block(Block::<aes::Aes192>::from_mut_slice(block)),
            Cipher::Aes256(c) => c.decrypt_block(Block::<aes::Aes256>::from_mut_slice(block)),
        }
    }
}

impl std::fmt::Debug for Cipher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Never the key.
        f.write_str(match self {
            Cipher::Tdes(_) => "3des",
            Cipher::Aes128(_) => "aes128",
            Cipher::Aes192(_) => "aes192",
            Cipher::Aes256(_) => "aes256",
        })
    }
}

/// Which packets an association is for.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Selector {
    /// No `SPI@ADDR`: the default association.
    Default,
    V4(u32, Ipv4Addr),
    V6(u32, Ipv6Addr),
}

/// One security association: its selector, cipher and the lengths around the
/// ciphertext. `cipher` is `None` when the algorithm was unknown (tcpdump keeps
/// no association then either, so that case never reaches the list).
#[derive(Clone, Debug)]
struct Sa {
    selector: Selector,
    cipher: Cipher,
    /// Bytes of IV before the ciphertext (0 in ECB mode).
    iv_len: usize,
    /// Bytes of integrity check value after it.
    auth_len: usize,
    cbc: bool,
}

/// The keys of one direction of an IKEv2 SA.
#[derive(Clone, Debug)]
struct IkeSa {
    initiator: bool,
    spii: [u8; 8],
    spir: [u8; 8],
    sa: Sa,
}

/// The associations of `-E`, in lookup order (the last given first).
#[derive(Clone, Debug, Default)]
pub struct EspSecrets {
    sas: Vec<Sa>,
    ike: Vec<IkeSa>,
}

/// The outcome of decrypting one ESP payload.
pub(crate) enum Decrypted {
    /// No association applies, or the algorithm could not run: nothing more printed.
    Nothing,
    /// The data ends before the ICV or the trailer: tcpdump's truncation mark.
    Truncated,
    /// The plaintext, with its padding length and next header still at the end.
    Plain(Vec<u8>),
}

impl EspSecrets {
    /// Parses the `-E` argument. Warnings (items tcpdump skips with a warning)
    /// are returned alongside; a fatal problem (an unreadable file, a bad hex
    /// digit) is an error, as tcpdump exits on it.
    pub fn parse(arg: &str) -> Result<(EspSecrets, Vec<String>), String> {
        let mut secrets = EspSecrets::default();
        let mut warnings = Vec::new();
        for item in arg.split(['\n', ',']) {
            if !item.is_empty() {
                secrets.add_item(item, &mut warnings)?;
            }
        }
        Ok((secrets, warnings))
    }

    fn add_item(&mut self, line: &str, warnings: &mut Vec<String>) -> Result<(), String> {
        // The first blank or tab parts `SPI@ADDR` (or `file`, `ikev2`) from the rest.
        let (head, rest) = match line.split_once([' ', '\t']) {
            Some((h, r)) => (Some(h), r),
            None => (None, line),
        };
        if let Some(head) = head {
            if head.eq_ignore_ascii_case("file") {
                return self.add_file(rest, warnings);
            }
            if head.eq_ignore_ascii_case("ikev2") {
                return self.add_ike(rest, warnings);
            }
        }
        let selector = match head {
            None => Selector::Default,
            Some(spikey) => match parse_selector(spikey) {
                Ok(s) => s,
                Err(w) => {
                    warnings.push(w);
                    return Ok(());
                }
            },
        };
        let decode = rest.trim_start_matches([' ', '\t', '\r', '\n']);
        if let Some(sa) = decode_encalgo(decode, selector, warnings)? {
            self.sas.insert(0, sa);
        }
        Ok(())
    }

    /// The rest of an `ikev2` item: `I|R 0xSPII 0xSPIR AUTH:KEY ENC:KEY`.
    fn add_ike(&mut self, line: &str, warnings: &mut Vec<String>) -> Result<(), String> {
        // strsep on blanks and tabs: empty fields count.
        let fields: Vec<&str> = line.splitn(6, [' ', '\t']).collect();
        let [init, icookie, rcookie, authkey, enckey, ..] = fields[..] else {
            warnings.push("print_esp: failed to find all fields for ikev2".to_string());
            return Ok(());
        };
        let cookie = |c: &str| -> Option<[u8; 8]> {
            let hex = c.strip_prefix("0x").filter(|h| h.len() == 16)?;
            let bytes = key_bytes(&format!("0x{hex}")).ok()?;
            bytes.try_into().ok()
        };
        let (Some(spii), Some(spir)) = (cookie(icookie), cookie(rcookie)) else {
            warnings.push("print_esp: ikev2 line improperly formatted.".to_string());
            return Ok(());
        };
        if !init.starts_with(['I', 'R']) {
            warnings.push("print_esp: ikev2 line improperly formatted.".to_string());
            return Ok(());
        }
        let Some(mut sa) = decode_encalgo(enckey, Selector::Default, warnings)? else {
            return Ok(());
        };
        let Some((auth, _)) = authkey.split_once(':') else {
            warnings.push(format!("failed to decode espsecret: {authkey}"));
            return Ok(());
        };
        if auth.eq_ignore_ascii_case("sha1") || auth.eq_ignore_ascii_case("md5") {
            sa.auth_len = 12;
        }
        self.ike.insert(
            0,
            IkeSa {
                initiator: init.starts_with('I'),
                spii,
                spir,
                sa,
            },
        );
        Ok(())
    }

    /// Decrypts the body of an IKEv2 encrypted payload (IV, ciphertext, ICV)
    /// of a message with cookies `spii`/`spir` sent by the initiator or not;
    /// `None` when no keys apply or the ciphertext is not whole blocks.
    pub(crate) fn decrypt_ikev2(
        &self,
        initiator: bool,
        spii: &[u8],
        spir: &[u8],
        body: &[u8],
    ) -> Option<Vec<u8>> {
        let ike = self
            .ike
            .iter()
            .find(|k| k.initiator == initiator && k.spii == spii && k.spir == spir)?;
        let sa = &ike.sa;
        let end = body.len().checked_sub(sa.auth_len)?;
        if end <= sa.iv_len {
            return None;
        }
        sa.run(&body[..sa.iv_len], &body[sa.iv_len..end])
    }

    fn add_file(&mut self, name: &str, warnings: &mut Vec<String>) -> Result<(), String> {
        let text =
            std::fs::read(name).map_err(|e| format!("can't open ESP secrets file {name}: {e}"))?;
        for line in String::from_utf8_lossy(&text).lines() {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            self.add_item(line, warnings)?;
        }
        Ok(())
    }

    /// The association for a packet with `spi` sent to `dst` (4 or 16 bytes):
    /// the latest matching one, else the latest default.
    fn find(&self, spi: u32, dst: &[u8]) -> Option<&Sa> {
        let exact = self.sas.iter().find(|sa| match &sa.selector {
            Selector::V4(s, a) => *s == spi && dst == a.octets(),
            Selector::V6(s, a) => *s == spi && dst == a.octets(),
            Selector::Default => false,
        });
        exact.or_else(|| {
            // tcpdump remembers only the last default given.
            self.sas.iter().find(|sa| sa.selector == Selector::Default)
        })
    }

    /// Decrypts the ESP payload `esp` (header included, as far as captured) of
    /// a packet to `dst`, as tcpdump does: IV after the 8-byte header, ICV cut
    /// off the end of the captured bytes.
    pub(crate) fn decrypt(&self, esp: &[u8], dst: &[u8]) -> Decrypted {
        let Some(spi) = esp
            .get(..4)
            .map(|b| u32::from_be_bytes([b[0], b[1], b[2], b[3]]))
        else {
            return Decrypted::Nothing;
        };
        let Some(sa) = self.find(spi, dst) else {
            return Decrypted::Nothing;
        };
        let body = esp.get(8..).unwrap_or(&[]);
        let Some(after_iv) = body.len().checked_sub(sa.iv_len) else {
            return Decrypted::Truncated;
        };
        let Some(ct_len) = after_iv.checked_sub(sa.auth_len) else {
            return Decrypted::Truncated;
        };
        if ct_len == 0 {
            // The next header would lie before the ciphertext.
            return Decrypted::Truncated;
        }
        let iv = &body[..sa.iv_len];
        let ct = &body[sa.iv_len..sa.iv_len + ct_len];
        match sa.run(iv, ct) {
            Some(pt) => Decrypted::Plain(pt),
            None => Decrypted::Nothing,
        }
    }
}

impl Sa {
    /// Decrypts `ct` (CBC from `iv`, or ECB); `None` when it is not whole blocks
    /// (tcpdump warns that the ciphertext size is not a multiple of the block
    /// size, and prints nothing more).
    fn run(&self, iv: &[u8], ct: &[u8]) -> Option<Vec<u8>> {
        let bs = self.cipher.block_size();
        if !ct.len().is_multiple_of(bs) {
            return None;
        }
        let mut pt = ct.to_vec();
        let mut prev: Vec<u8> = iv.to_vec();
        for block in pt.chunks_exact_mut(bs) {
            let this = block.to_vec();
            self.cipher.decrypt_block(block);
            if self.cbc {
                for (b, p) in block.iter_mut().zip(&prev) {
                    *b ^= p;
                }
                prev = this;
            }
        }
        Some(pt)
    }
}

/// `ALGO:KEY` (tcpdump's espprint_decode_encalgo): the association, or `None`
/// with a warning when the item is malformed or the algorithm unknown.
fn decode_encalgo(
    decode: &str,
    selector: Selector,
    warnings: &mut Vec<String>,
) -> Result<Option<Sa>, String> {
    let Some((algo, key)) = decode.split_once(':') else {
        warnings.push(format!("failed to decode espsecret: {decode}"));
        return Ok(None);
    };
    let mut name = algo;
    let mut auth_len = 0;
    if name.len() > "-hmac96".len() && name.ends_with("-hmac96") {
        name = &name[..name.len() - "-hmac96".len()];
        auth_len = 12;
    }
    if name.len() > "-cbc".len() && name.ends_with("-cbc") {
        name = &name[..name.len() - "-cbc".len()];
    }
    let Some((kind, cbc)) = cipher_by_name(name) else {
        warnings.push(format!("failed to find cipher algo {name}"));
        return Ok(None);
    };
    let key = key_bytes(key)?;
    let cipher = make_cipher(kind, &key);
    let iv_len = if cbc { cipher.block_size() } else { 0 };
    Ok(Some(Sa {
        selector,
        cipher,
        iv_len,
        auth_len,
        cbc,
    }))
}

/// `SPI@ADDR`: the SPI as C's `strtoul(.., 0)` reads it, the address IPv6 or IPv4.
fn parse_selector(spikey: &str) -> Result<Selector, String> {
    let Some((spi, addr)) = spikey.split_once('@') else {
        return Err(format!("print_esp: failed to decode spi# {spikey}"));
    };
    let spi =
        parse_c_number(spi).ok_or_else(|| format!("print_esp: failed to decode spi# {spi}"))?;
    if let Ok(a) = addr.parse::<Ipv6Addr>() {
        Ok(Selector::V6(spi, a))
    } else if let Ok(a) = addr.parse::<Ipv4Addr>() {
        Ok(Selector::V4(spi, a))
    } else {
        Err(format!("print_esp: can not decode IP# {addr}"))
    }
}

/// A number in C's base-0 notation (`0x` hex, leading `0` octal, else decimal),
/// truncated to 32 bits as tcpdump stores it.
fn parse_c_number(s: &str) -> Option<u32> {
    let (digits, radix) = if let Some(h) = s.strip_prefix("0x").or_else(|| s.strip_prefix("0X")) {
        (h, 16)
    } else if s.len() > 1 && s.starts_with('0') {
        (&s[1..], 8)
    } else {
        (s, 10)
    };
    let end = digits
        .find(|c: char| !c.is_digit(radix))
        .unwrap_or(digits.len());
    if end == 0 && radix != 8 {
        return None;
    }
    let v = u64::from_str_radix(&digits[..end], radix).unwrap_or(u64::MAX);
    Some(v as u32)
}

/// The cipher an OpenSSL name stands for (case-insensitive) and whether it runs
/// in CBC mode.
fn cipher_by_name(name: &str) -> Option<(&'static str, bool)> {
    let name = name.to_ascii_lowercase();
    Some(match name.as_str() {
        "3des" | "des3" | "des-ede3-cbc" => ("3des", true),
        "des-ede3" | "des-ede3-ecb" => ("3des", false),
        "aes128" | "aes-128-cbc" => ("aes128", true),
        "aes192" | "aes-192-cbc" => ("aes192", true),
        "aes256" | "aes-256-cbc" => ("aes256", true),
        "aes-128-ecb" => ("aes128", false),
        "aes-192-ecb" => ("aes192", false),
        "aes-256-ecb" => ("aes256", false),
        _ => return None,
    })
}

/// The key as tcpdump reads it: after `0x`, pairs of hex digits (a bad digit
/// ends the run); otherwise the bytes as written. At most 256 bytes.
fn key_bytes(key: &str) -> Result<Vec<u8>, String> {
    let bytes = if let Some(hex) = key.strip_prefix("0x") {
        let digits = hex.as_bytes();
        if digits.len() / 2 > 256 {
            return Err(format!("secret is too big: {}", digits.len() / 2));
        }
        let mut out = Vec::new();
        for pair in digits.chunks_exact(2) {
            let hi = hex_digit(pair[0])?;
            let lo = hex_digit(pair[1])?;
            out.push(hi << 4 | lo);
        }
        out
    } else {
        key.as_bytes().iter().copied().take(256).collect()
    };
    Ok(bytes)
}

fn hex_digit(c: u8) -> Result<u8, String> {
    (c as char)
        .to_digit(16)
        .map(|d| d as u8)
        .ok_or_else(|| format!("invalid hex digit {} in espsecret", c as char))
}

/// The cipher keyed with the first bytes of `key`, zero-filled when it is short
/// (OpenSSL reads its fixed key length from tcpdump's zeroed 256-byte buffer).
fn make_cipher(kind: &str, key: &[u8]) -> Cipher {
    let mut buf = [0u8; 32];
    let n = key.len().min(32);
    buf[..n].copy_from_slice(&key[..n]);
    match kind {
        "3des" => Cipher::Tdes(Box::new(
            des::TdesEde3::new_from_slice(&buf[..24]).expect("24-byte key"),
        )),
        "aes128" => Cipher::Aes128(Box::new(
            aes::Aes128::new_from_slice(&buf[..16]).expect("16-byte key"),
        )),
        "aes192" => Cipher::Aes192(Box::new(
            aes::Aes192::new_from_slice(&buf[..24]).expect("24-byte key"),
        )),
        _ => Cipher::Aes256(Box::new(
            aes::Aes256::new_from_slice(&buf[..32]).expect("32-byte key"),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items_parse_as_tcpdump_reads_them() {
        let (s, w) = EspSecrets::parse(
            "0x12345678@192.1.2.45 3des-cbc-hmac96:0x4043,aes256-cbc:abc,0x5@::1 des-ede3-cbc:0x00",
        )
        .unwrap();
        assert!(w.is_empty(), "{w:?}");
        assert_eq!(s.sas.len(), 3);
        // Last given first.
        assert_eq!(s.sas[0].selector, Selector::V6(5, "::1".parse().unwrap()));
        assert!(!s.sas[0].cbc, "des-ede3-cbc loses -cbc: ECB");
        assert_eq!((s.sas[1].iv_len, s.sas[1].auth_len), (16, 0));
        assert_eq!((s.sas[2].iv_len, s.sas[2].auth_len), (8, 12));
        let (_, w) = EspSecrets::parse("garbage,aes-128-cbc:0x00,1.2.3.4 3des:0x00").unwrap();
        assert_eq!(
            w,
            [
                "failed to decode espsecret: garbage",
                "failed to find cipher algo aes-128",
                "print_esp: failed to decode spi# 1.2.3.4"
            ]
        );
        assert!(EspSecrets::parse("3des:0xzz").is_err());
        assert!(EspSecrets::parse("file /nonexistent/secrets").is_err());
    }

    #[test]
    fn numbers_read_as_strtoul_base_0() {
        assert_eq!(parse_c_number("0x12345678"), Some(0x1234_5678));
        assert_eq!(parse_c_number("010"), Some(8));
        assert_eq!(parse_c_number("42"), Some(42));
        assert_eq!(parse_c_number("x"), None);
    }
}
