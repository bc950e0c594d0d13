//! DLT_SYMANTEC_FIREWALL (99): a 44-byte header from Symantec's firewall
//! products whose only known field is the ethertype at offset 6; the payload
//! goes to the ethertype printers as on Ethernet.

use super::super::ether::{ether_type_print, ethertype_print};
use super::super::{Ctx, R, Trunc, be16};

pub(super) const DLT: u32 = 99;

const HDR_LEN: usize = 44;
const TYPE_AT: usize = 6;

/// "ethertype NAME (0xXXXX), length N: " (with -q just the name, as on
/// Ethernet); a type of 1500 or less is "invalid ethertype N".
fn header(c: &mut Ctx, t: u16, length: usize) {
    if t <= 1500 {
        c.s("invalid ethertype ");
        c.dec(t);
    } else {
        ether_type_print(c, t);
    }
    c.s(", length ");
    c.dec(length as u64);
    c.s(": ");
}

/// A capture shorter than the header is tcpdump's longjmp (` [|symantec]`,
/// -x dumps the whole frame).
pub(super) fn print(c: &mut Ctx, d: &[u8], length: usize) -> R<usize> {
    c.proto = "symantec";
    if d.len() < HDR_LEN {
        return Err(Trunc);
    }
    c.ll_hdr_len = HDR_LEN;
    let t = be16(d, TYPE_AT)?;
    if c.opts.link_header {
        header(c, t, length);
    }
    let p = &d[HDR_LEN..];
    let rest = length.saturating_sub(HDR_LEN);
    if t <= 1500 || !ethertype_print(c, t, p, rest)? {
        if !c.opts.link_header {
            header(c, t, length);
        }
        c.default_print(p);
    }
    Ok(HDR_LEN)
}
