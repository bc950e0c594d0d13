//! DLT_ATM_CLIP (Linux Classical IP over ATM; DLT 19, LINKTYPE 106): either an
//! RFC 1483 LLC/SNAP header and its payload, or a bare IPv4 packet. -e shows
//! just the length: there is no MAC header.

use super::super::{Ctx, R, bytes};

pub(super) const DLT: u32 = 19;
pub(super) const LINKTYPE: u32 = 106;

/// LLC/SNAP with a zero OUI: an ethertype follows.
const RFC1483_LLC: [u8; 6] = [0xaa, 0xaa, 0x03, 0x00, 0x00, 0x00];

pub(super) fn print(c: &mut Ctx, d: &[u8], length: usize) -> R<usize> {
    c.proto = "cip";
    if c.opts.link_header {
        c.dec(length as u64);
        c.s(": ");
    }
    if bytes(d, 0, RFC1483_LLC.len())? == RFC1483_LLC {
        match super::super::llc::print(c, d, length, &[], &[])? {
            Ok(h) => Ok(h),
            Err(h) => {
                c.default_print(d);
                Ok(h)
            }
        }
    } else {
        super::super::ip::print(c, d, length)?;
        Ok(0)
    }
}
