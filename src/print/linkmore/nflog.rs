//! DLT_NFLOG (239): Linux netfilter log messages. A 4-byte header (address
//! family, version, resource id in network order), then TLVs whose length and
//! type are in the capturing host's byte order, each padded to 4 bytes; the
//! NFULA_PAYLOAD TLV holds the logged IPv4 or IPv6 packet.

use super::super::{Ctx, R, be16, u8_at};

pub(super) const DLT: u32 = 239;

const HDR_LEN: usize = 4;
const TLV_LEN: usize = 4;
/// NFULA_PAYLOAD: the packet itself.
const TLV_PAYLOAD: u16 = 9;
/// Linux address families.
const AF_INET: u8 = 2;
const AF_INET6: u8 = 10;

fn family_name(f: u8) -> Option<&'static str> {
    match f {
        AF_INET => Some("IPv4"),
        AF_INET6 => Some("IPv6"),
        _ => None,
    }
}

/// TLV lengths and types are host-order; tcpdump reads them as the host it
/// runs on (little-endian on the machines we compare with).
fn he16(d: &[u8], off: usize) -> R<u16> {
    match d.get(off..off.wrapping_add(2)) {
        Some(b) => Ok(u16::from_ne_bytes([b[0], b[1]])),
        None => Err(super::super::Trunc),
    }
}

/// The header as -e shows it (and as shown before an undecoded payload).
fn header(c: &mut Ctx, d: &[u8], length: usize) -> R {
    let family = u8_at(d, 0)?;
    c.s("version ");
    c.dec(u8_at(d, 1)?);
    c.s(", resource ID ");
    c.dec(be16(d, 2)?);
    super::family_and_length(c, family, family_name(family), "Unknown NFLOG", 2, length);
    Ok(())
}

pub(super) fn print(c: &mut Ctx, d: &[u8], length: usize) -> R<usize> {
    c.proto = "nflog";
    if d.len() < HDR_LEN {
        c.trunc_mark();
        return Ok(d.len());
    }
    let version = u8_at(d, 1)?;
    if version != 0 {
        c.s("version ");
        c.dec(version);
        c.s(" (unknown)");
        return Ok(HDR_LEN);
    }
    if c.opts.link_header {
        header(c, d, length)?;
    }
    // tcpdump keeps the header length in 16 bits.
    let mut hdr_len = HDR_LEN as u16;
    let mut off = HDR_LEN;
    let mut length = length.saturating_sub(HDR_LEN);
    let mut caplen = d.len() - HDR_LEN;
    while length > 0 {
        if caplen < TLV_LEN {
            c.trunc_mark();
            return Ok(usize::from(hdr_len));
        }
        let mut size = he16(d, off)?;
        if size % 4 != 0 {
            size = size.wrapping_add(4 - size % 4);
        }
        let size_n = usize::from(size);
        if size_n < TLV_LEN || caplen < size_n {
            c.trunc_mark();
            return Ok(usize::from(hdr_len));
        }
        if he16(d, off + 2)? == TLV_PAYLOAD {
            off += TLV_LEN;
            hdr_len = hdr_len.wrapping_add(TLV_LEN as u16);
            length = length.saturating_sub(TLV_LEN);
            break;
        }
        off += size_n;
        hdr_len = hdr_len.wrapping_add(size);
        length = length.saturating_sub(size_n);
        caplen -= size_n;
    }
    let p = &d[off..];
    c.ll_hdr_len = usize::from(hdr_len);
    match u8_at(d, 0)? {
        AF_INET => super::super::ip::print(c, p, length)?,
        AF_INET6 => super::super::ip6::print(c, p, length)?,
        _ => {
            if !c.opts.link_header {
                header(c, d, length + HDR_LEN)?;
            }
            c.default_print(p);
        }
    }
    Ok(usize::from(hdr_len))
}
