//! DLT_IPNET (226): Solaris ipnet. A 24-byte header in network order
//! (version, address family, hook type, packet length, interface indexes,
//! source and destination zone ids), then the IPv4 or IPv6 packet.

use super::super::{Ctx, R, Trunc, be32, u8_at};

pub(super) const DLT: u32 = 226;

const HDR_LEN: usize = 24;
/// Solaris' address families.
const IPH_AF_INET: u8 = 2;
const IPH_AF_INET6: u8 = 26;

fn family_name(f: u8) -> Option<&'static str> {
    match f {
        IPH_AF_INET => Some("IPv4"),
        IPH_AF_INET6 => Some("IPv6"),
        _ => None,
    }
}

/// "ZSRC > ZDST, family NAME (N), length L: " (with -q ", NAME").
fn header(c: &mut Ctx, d: &[u8], length: usize) -> R {
    c.dec(be32(d, 16)?);
    c.s(" > ");
    c.dec(be32(d, 20)?);
    let family = u8_at(d, 1)?;
    super::family_and_length(
        c,
        family,
        family_name(family),
        "Unknown Ethertype",
        4,
        length,
    );
    Ok(())
}

pub(super) fn print(c: &mut Ctx, d: &[u8], length: usize) -> R<usize> {
    c.proto = "ipnet";
    if d.len() < HDR_LEN {
        // tcpdump's checked read: the packet ends there (even inside
        // another link header such as PPI) and -x dumps all of it.
        return Err(Trunc);
    }
    if c.opts.link_header {
        header(c, d, length)?;
    }
    let p = &d[HDR_LEN..];
    let rest = length.saturating_sub(HDR_LEN);
    c.ll_hdr_len = HDR_LEN;
    match u8_at(d, 1)? {
        IPH_AF_INET => super::super::ip::print(c, p, rest)?,
        IPH_AF_INET6 => super::super::ip6::print(c, p, rest)?,
        _ => {
            if !c.opts.link_header {
                header(c, d, length)?;
            }
            c.default_print(p);
        }
    }
    Ok(HDR_LEN)
}
