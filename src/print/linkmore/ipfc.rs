//! DLT_IP_OVER_FC (122): IP over Fibre Channel (RFC 2625). A 16-byte network
//! header (destination and source, each a 4-bit NAA and padding before a
//! 48-bit MAC address), then LLC.

use super::super::{Ctx, R, Trunc};

pub(super) const DLT: u32 = 122;

const HDR_LEN: usize = 16;

pub(super) fn print(c: &mut Ctx, d: &[u8], length: usize) -> R<usize> {
    c.proto = "ipfc";
    if d.len() < HDR_LEN {
        // tcpdump's checked read: the packet ends there (even inside
        // another link header such as PPI) and -x dumps all of it.
        return Err(Trunc);
    }
    // The MAC addresses are the low 48 bits of the network addresses.
    let (dst, src) = (&d[2..8], &d[10..16]);
    if c.opts.link_header {
        c.etheraddr(src);
        c.s(" > ");
        c.etheraddr(dst);
        c.s(", length ");
        c.dec(length as u64);
        c.s(": ");
    }
    let p = &d[HDR_LEN..];
    c.ll_hdr_len = HDR_LEN;
    let h = match super::super::llc::print(c, p, length.saturating_sub(HDR_LEN), src, dst)? {
        Ok(h) => h,
        Err(h) => {
            c.default_print(p);
            h
        }
    };
    Ok(HDR_LEN + h)
}
