//! DLT_IPOIB (242): IP over InfiniBand (RFC 4391). A 44-byte header (40
//! bytes of hardware addresses, the ethertype, 2 reserved bytes); the payload
//! goes to the ethertype printers as on Ethernet. tcpdump never shows the
//! addresses.

use super::super::ether::{ethertype_name, ethertype_print};
use super::super::out::Put;
use super::super::{Ctx, R, be16};

pub(super) const DLT: u32 = 242;

const HDR_LEN: usize = 44;
const TYPE_AT: usize = 40;

/// ", ethertype NAME (0xXXXX), length N: " (the name only with -q); "IPOIB"
/// goes before it with -e.
fn header(c: &mut Ctx, t: u16, length: usize) {
    c.s(", ethertype ");
    c.s(ethertype_name(t).unwrap_or("Unknown"));
    if !c.opts.quiet {
        c.s(" (0x");
        c.o.hexw(u64::from(t), 4);
        c.s(")");
    }
    c.s(", length ");
    c.dec(length as u64);
    c.s(": ");
}

pub(super) fn print(c: &mut Ctx, d: &[u8], length: usize) -> R<usize> {
    c.proto = "ipoib";
    if d.len() < HDR_LEN || length < HDR_LEN {
        c.trunc_mark();
        return Ok(HDR_LEN);
    }
    let t = be16(d, TYPE_AT)?;
    if c.opts.link_header {
        c.s("IPOIB");
        header(c, t, length);
    }
    let p = &d[HDR_LEN..];
    c.ll_hdr_len = HDR_LEN;
    if !ethertype_print(c, t, p, length.saturating_sub(HDR_LEN))? {
        if !c.opts.link_header {
            header(c, t, length);
        }
        c.default_print(p);
    }
    Ok(HDR_LEN)
}
