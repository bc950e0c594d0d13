//! OpenBSD's enc(4) link type (DLT_ENC, 109): IPsec packets before
//! encryption or after decryption, behind a 12-byte header with the address
//! family and flags (in the capturing host's byte order) and the SPI.

use super::out::Put;
use super::{Ctx, R, Trunc, be32};

const HDR_LEN: usize = 12;
/// The packet was authenticated (AH) or encrypted (ESP).
const M_AUTH: u32 = 0x0800;
const M_CONF: u32 = 0x0400;

pub(crate) fn print(c: &mut Ctx, d: &[u8], length: usize) -> R<usize> {
    c.proto = "enc";
    let h = d.get(..HDR_LEN).ok_or(Trunc)?;
    c.ll_hdr_len = HDR_LEN;
    let mut af = u32::from_ne_bytes([h[0], h[1], h[2], h[3]]);
    let mut flags = u32::from_ne_bytes([h[8], h[9], h[10], h[11]]);
    // A family with its upper half set was written in the other byte order,
    // and so were the flags.
    if af & 0xffff_0000 != 0 {
        af = af.swap_bytes();
        flags = flags.swap_bytes();
    }
    if flags == 0 {
        c.s("(unprotected): ");
    } else {
        c.s("(");
    }
    for (bit, name) in [(M_AUTH, "authentic"), (M_CONF, "confidential")] {
        if flags & bit != 0 {
            c.s(name);
            c.s(if flags == bit { "): " } else { "," });
            flags &= !bit;
        }
    }
    c.s("SPI 0x");
    c.o.hexw(u64::from(be32(h, 4)?), 8);
    c.s(": ");
    let p = &d[HDR_LEN..];
    let length = (length as u32).wrapping_sub(HDR_LEN as u32) as usize;
    match af {
        2 => super::ip::print(c, p, length)?,
        24 | 28 | 30 => super::ip6::print(c, p, length)?,
        _ => {}
    }
    Ok(HDR_LEN)
}
