//! DLT_APPLE_IP_OVER_IEEE1394 (138): IP over FireWire, as Linux captures it
//! on firewire-net interfaces. An 18-byte header (destination and source
//! EUI-64s, ethertype); the payload goes to the ethertype printers.

use super::super::ether::{ether_type_print, ethertype_print};
use super::super::out::Put;
use super::super::{Ctx, R, Trunc, be16};

pub(super) const DLT: u32 = 138;

const HDR_LEN: usize = 18;

/// An EUI-64 as colon-separated hex bytes.
fn eui64(c: &mut Ctx, a: &[u8]) {
    for (i, b) in a.iter().enumerate() {
        if i > 0 {
            c.s(":");
        }
        c.o.hexw(u64::from(*b), 2);
    }
}

/// "SRC > DST, ethertype NAME (0xXXXX), length N: ".
fn header(c: &mut Ctx, d: &[u8], length: usize) -> R {
    let t = be16(d, 16)?;
    eui64(c, &d[8..16]);
    c.s(" > ");
    eui64(c, &d[..8]);
    c.s(", ");
    ether_type_print(c, t);
    c.s(", length ");
    c.dec(length as u64);
    c.s(": ");
    Ok(())
}

pub(super) fn print(c: &mut Ctx, d: &[u8], length: usize) -> R<usize> {
    c.proto = "ap1394";
    if d.len() < HDR_LEN {
        // tcpdump's checked read: the packet ends there (even inside
        // another link header such as PPI) and -x dumps all of it.
        return Err(Trunc);
    }
    if c.opts.link_header {
        header(c, d, length)?;
    }
    let t = be16(d, 16)?;
    let p = &d[HDR_LEN..];
    c.ll_hdr_len = HDR_LEN;
    if !ethertype_print(c, t, p, length.saturating_sub(HDR_LEN))? {
        if !c.opts.link_header {
            header(c, d, length)?;
        }
        c.default_print(p);
    }
    Ok(HDR_LEN)
}
