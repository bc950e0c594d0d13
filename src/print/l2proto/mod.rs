//! Ethernet-level protocols reached by their ethertype: ATA over Ethernet,
//! MACsec, Arista's vendor header, CFM/Y.1731, TIPC, GeoNetworking and CALM
//! FAST (one file each), with the few formatting helpers they share.

pub(crate) mod aarp;
pub(crate) mod aoe;
pub(crate) mod arista;
pub(crate) mod atalk;
pub(crate) mod calm_fast;
pub(crate) mod cfm;
pub(crate) mod geonet;
pub(crate) mod macsec;
pub(crate) mod realtek;
pub(crate) mod tipc;

use super::{Ctx, R, hex};

/// tcpdump's ND_DEFAULTPRINT(bp, length) called by a printer itself: the hex
/// and ASCII dump of `length` bytes, truncated (and then the packet marked
/// truncated) when fewer were captured. Unlike the fallback print of an
/// undecoded payload, this is not suppressed by -x or -q.
pub(crate) fn dump(c: &mut Ctx, d: &[u8], length: usize) -> R {
    let n = d.len().min(length);
    hex::hex_and_ascii(&mut c.o, "\n\t", &d[..n], 0);
    if length > d.len() {
        Err(super::Trunc)
    } else {
        Ok(())
    }
}

/// tcpdump's bittok2str over single-bit entries: the names of the set bits
/// joined with ", ", or `none`.
pub(crate) fn bits(c: &mut Ctx, table: &[(u32, &str)], v: u32, none: &str) {
    let mut first = true;
    for &(mask, name) in table {
        if mask != 0 && v & mask == mask {
            if !first {
                c.s(", ");
            }
            c.s(name);
            first = false;
        }
    }
    if first {
        c.s(none);
    }
}

/// tcpdump's tok2str: the name of `v` in `table`.
pub(crate) fn tok(table: &[(u32, &'static str)], v: u32) -> Option<&'static str> {
    table.iter().find(|t| t.0 == v).map(|t| t.1)
}
