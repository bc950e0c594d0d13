//! `-E`: the ESP security associations the user gave, and decryption with them.
//!
//! tcpdump's syntax, one association per comma- or newline-separated item:
//! `[SPI@DSTADDR ]ALGO:KEY`, or `file NAME` to read items from a file (lines
//! starting with `#` skipped). `ALGO` is an OpenSSL cipher name; a `-hmac96`
//! suffix says a 12-byte integrity check value ends each packet, and a `-cbc`
//! suffix is dropped before the name is looked up, from its first occurrence
//! (so `3des-cbc` means OpenSSL's `3des`, triple DES in CBC mode, while
//! `des-ede3-cbc` becomes `des-ede3`, triple DES in ECB mode). `KEY` is `0x`
//! and hex digits, or the key's bytes as written.
//! An item without `SPI@DSTADDR` is the default, used when no association
//! matches the packet's SPI and destination. Later items win over earlier ones,
//! as in tcpdump (which prepends each to its list).
//!
//! Ciphers: triple DES and AES-128/192/256 in OpenSSL's modes (see
//! `esp_cipher`). tcpdump accepts whatever its OpenSSL knows; names outside
//! that set get tcpdump's warning that the algorithm is unknown, and such
//! packets print undecrypted.
//!
//! `ikev2 I|R 0xSPII 0xSPIR AUTHALGO:KEY ENCALGO:KEY` items give the keys of
//! an IKEv2 SA: its encrypted payloads (as sent by the initiator, `I`, or the
//! responder, `R`) are decrypted and what they hold printed.

use super::esp_cipher::{Algo, Cipher, NotWholeBlocks};
use std::net::{Ipv4Addr, Ipv6Addr};

/// Which packets an association is for.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Selector {
    /// No `SPI@ADDR`: the default association.
    Default,
    V4(u32, Ipv4Addr),
    V6(u32, Ipv6Addr),
}

/// One security association: its selector, cipher and the lengths around the
/// ciphertext. An unknown algorithm makes no association (tcpdump keeps none
/// either).
#[derive(Clone, Debug)]
struct Sa {
    selector: Selector,
    cipher: Cipher,
    /// Bytes of IV before the ciphertext (0 in ECB mode).
    iv_len: usize,
    /// Bytes of integrity check value after it.
    auth_len: usize,
}

/// The keys of one direction of an IKEv2 SA.
#[derive(Clone, Debug)]
struct IkeSa {
    initiator: bool,
    spii: [u8; 8],
    spir: [u8; 8],
    sa: Sa,
}

/// The associations of `-E`, in lookup order (the last given first), and the
/// warnings about items skipped.
#[derive(Debug)]
pub struct EspSecrets {
    sas: Vec<Sa>,
    ike: Vec<IkeSa>,
    warnings: Vec<String>,
    /// Set once the warnings are out.
    warned: std::sync::Once,
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
    /// Parses the `-E` argument. Items tcpdump skips with a warning are kept
    /// as warnings for `warn_once`; a fatal problem (an unreadable file, a bad
    /// hex digit) is an error here, before any packet (tcpdump exits on it when
    /// it reaches the first ESP or ISAKMP packet, in the middle of its line).
    pub fn parse(arg: &str) -> Result<EspSecrets, String> {
        let mut secrets = EspSecrets {
            sas: Vec::new(),
            ike: Vec::new(),
            warnings: Vec::new(),
            warned: std::sync::Once::new(),
        };
        for item in arg.split(['\n', ',']) {
            if !item.is_empty() {
                secrets.add_item(item)?;
            }
        }
        Ok(secrets)
    }

    /// The warnings about skipped items, on standard error, the first time an
    /// ESP or ISAKMP packet is printed: tcpdump reads the secrets only then, so
    /// a capture without one prints none.
    pub(crate) fn warn_once(&self) {
        self.warned.call_once(|| {
            for w in &self.warnings {
                eprintln!("rfilter: WARNING: {w}");
            }
        });
    }

    fn add_item(&mut self, line: &str) -> Result<(), String> {
        // The first blank or tab parts `SPI@ADDR` (or `file`, `ikev2`) from the rest.
        let (head, rest) = match line.split_once([' ', '\t']) {
            Some((h, r)) => (Some(h), r),
            None => (None, line),
        };
        if let Some(head) = head {
            if head.eq_ignore_ascii_case("file") {
                return self.add_file(rest);
            }
            if head.eq_ignore_ascii_case("ikev2") {
                return self.add_ike(rest);
            }
        }
        let selector = match head {
            None => Selector::Default,
            Some(spikey) => match parse_selector(spikey) {
                Ok(s) => s,
                Err(w) => {
                    self.warnings.push(w);
                    return Ok(());
                }
            },
        };
        let decode = rest.trim_start_matches([' ', '\t', '\r', '\n']);
        if let Some(sa) = decode_encalgo(decode, selector, &mut self.warnings)? {
            self.sas.insert(0, sa);
        }
        Ok(())
    }

    /// The rest of an `ikev2` item: `I|R 0xSPII 0xSPIR AUTH:KEY ENC:KEY`.
    fn add_ike(&mut self, line: &str) -> Result<(), String> {
        // strsep on blanks and tabs: empty fields count.
        let fields: Vec<&str> = line.splitn(6, [' ', '\t']).collect();
        let [init, icookie, rcookie, authkey, enckey, ..] = fields[..] else {
            self.warnings
                .push("print_esp: failed to find all fields for ikev2".to_string());
            return Ok(());
        };
        let cookie = |c: &str| -> Option<[u8; 8]> {
            let hex = c.strip_prefix("0x").filter(|h| h.len() == 16)?;
            let bytes = key_bytes(&format!("0x{hex}")).ok()?;
            bytes.try_into().ok()
        };
        let (Some(spii), Some(spir)) = (cookie(icookie), cookie(rcookie)) else {
            self.warnings
                .push("print_esp: ikev2 line improperly formatted.".to_string());
            return Ok(());
        };
        if !init.starts_with(['I', 'R']) {
            self.warnings
                .push("print_esp: ikev2 line improperly formatted.".to_string());
            return Ok(());
        }
        let Some(mut sa) = decode_encalgo(enckey, Selector::Default, &mut self.warnings)? else {
            return Ok(());
        };
        let Some((auth, _)) = authkey.split_once(':') else {
            self.warnings
                .push(format!("failed to decode espsecret: {authkey}"));
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
        sa.cipher
            .decrypt(&body[..sa.iv_len], &body[sa.iv_len..end])
            .map_err(|e| warn_not_whole("esp_decrypt_buffer_by_ikev2_print", &e))
            .ok()
    }

    fn add_file(&mut self, name: &str) -> Result<(), String> {
        let text =
            std::fs::read(name).map_err(|e| format!("can't open ESP secrets file {name}: {e}"))?;
        for line in String::from_utf8_lossy(&text).lines() {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            self.add_item(line)?;
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
        match sa.cipher.decrypt(iv, ct) {
            Ok(pt) => Decrypted::Plain(pt),
            Err(e) => {
                warn_not_whole("esp_print", &e);
                Decrypted::Nothing
            }
        }
    }
}

/// tcpdump's warning, on standard error, when the ciphertext is not whole
/// blocks (nothing more of the packet is printed).
fn warn_not_whole(caller: &str, e: &NotWholeBlocks) {
    eprintln!(
        "rfilter: WARNING: {caller}: ciphertext size {} is not a multiple of the cipher block size {}",
        e.ct_len, e.block
    );
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
    let (name, hmac) = strip_suffix(algo, "-hmac96");
    let (name, _) = strip_suffix(name, "-cbc");
    let Some(algo) = Algo::by_name(name) else {
        warnings.push(format!("failed to find cipher algo {name}"));
        return Ok(None);
    };
    let cipher = algo.with_key(&key_bytes(key)?);
    Ok(Some(Sa {
        selector,
        iv_len: cipher.iv_len(),
        cipher,
        auth_len: if hmac { 12 } else { 0 },
    }))
}

/// `name` without `suffix` when it ends with it (and has more), cut where the
/// suffix first occurs, as tcpdump cuts it (`strstr`): `aes-128-cbc-cbc` is
/// `aes-128`.
fn strip_suffix<'a>(name: &'a str, suffix: &str) -> (&'a str, bool) {
    if name.len() > suffix.len() && name.ends_with(suffix) {
        let at = name.find(suffix).unwrap_or(name.len() - suffix.len());
        (&name[..at], true)
    } else {
        (name, false)
    }
}

/// `SPI@ADDR`: the SPI as C's `strtoul(.., 0)` reads it, the address IPv6 or IPv4.
fn parse_selector(spikey: &str) -> Result<Selector, String> {
    let (spi, addr) = match spikey.split_once('@') {
        Some((spi, addr)) => (spi, Some(addr)),
        None => (spikey, None),
    };
    let (value, rest) = crate::c_number::strtoul(spi, 0);
    // tcpdump keeps 32 bits.
    let value = value as u32;
    // tcpdump names what follows the number it read (all of it when none).
    let (true, Some(addr)) = (rest.len() < spi.len(), addr) else {
        return Err(format!("print_esp: failed to decode spi# {rest}"));
    };
    if let Ok(a) = addr.parse::<Ipv6Addr>() {
        Ok(Selector::V6(value, a))
    } else if let Ok(a) = addr.parse::<Ipv4Addr>() {
        Ok(Selector::V4(value, a))
    } else {
        Err(format!("print_esp: can not decode IP# {addr}"))
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items_parse_as_tcpdump_reads_them() {
        let s = EspSecrets::parse(
            "0x12345678@192.1.2.45 3des-cbc-hmac96:0x4043,aes256-cbc:abc,0x5@::1 des-ede3-cbc:0x00",
        )
        .unwrap();
        assert!(s.warnings.is_empty(), "{:?}", s.warnings);
        assert_eq!(s.sas.len(), 3);
        // Last given first.
        assert_eq!(s.sas[0].selector, Selector::V6(5, "::1".parse().unwrap()));
        assert_eq!(s.sas[0].iv_len, 0, "des-ede3-cbc loses -cbc: ECB");
        assert_eq!((s.sas[1].iv_len, s.sas[1].auth_len), (16, 0));
        assert_eq!((s.sas[2].iv_len, s.sas[2].auth_len), (8, 12));
        let s = EspSecrets::parse("garbage,aes-128-cbc:0x00,1.2.3.4 3des:0x00").unwrap();
        assert_eq!(
            s.warnings,
            [
                "failed to decode espsecret: garbage",
                "failed to find cipher algo aes-128",
                "print_esp: failed to decode spi# .2.3.4"
            ]
        );
        assert!(EspSecrets::parse("3des:0xzz").is_err());
        assert!(EspSecrets::parse("file /nonexistent/secrets").is_err());
    }
}
