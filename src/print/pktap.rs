//! Apple's PKTAP link type (LINKTYPE 258, and DLT_USER2 = 149 in files
//! written on OS X Mavericks): a little-endian header with the DLT of the
//! packet that follows, its interface and process, then the packet itself,
//! printed by the printer of that DLT.

use super::{Ctx, R, Trunc};
use crate::linktype::LinkType;

/// Length of the fixed header structure.
const HDR_LEN: usize = 108;

fn le32(d: &[u8], off: usize) -> R<u32> {
    let b = d.get(off..off + 4).ok_or(Trunc)?;
    Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
}

/// The DLTs whose packets rfilter prints inside PKTAP: the link types it has
/// a printer for (by DLT value), as tcpdump's printer table would find them.
fn inner_link_type(dlt: u32) -> Option<LinkType> {
    let lt = match dlt {
        0 => LinkType::Null,
        1 => LinkType::En10mb,
        12 => LinkType::Raw,
        108 => LinkType::Loop,
        113 => LinkType::LinuxSll,
        228 => LinkType::Ipv4,
        229 => LinkType::Ipv6,
        276 => LinkType::LinuxSll2,
        9 => LinkType::Ppp,
        50 => LinkType::PppSerial,
        51 => LinkType::PppEther,
        104 => LinkType::CHdlc,
        166 => LinkType::PppPppd,
        // SLIP, ATM, LocalTalk, 802.11 and its radio headers, PKTAP itself.
        8 | 11 | 15 | 114 | 123 | 105 | 119 | 127 | 163 | 192 | 149 | 258 => {
            LinkType::Other(u16::try_from(dlt).ok()?)
        }
        _ => return None,
    };
    Some(lt)
}

/// "DLT NAME (N) len HDRLEN, length LEN: " (with -q only the name).
fn header(c: &mut Ctx, dlt: u32, hdrlen: u32, length: usize) {
    let name = i32::try_from(dlt)
        .ok()
        .and_then(|v| pcap::Linktype(v).get_name().ok())
        .unwrap_or_else(|| "UNKNOWN".to_string());
    if !c.opts.quiet {
        c.s("DLT ");
        c.s(&name);
        c.s(" (");
        c.dec(dlt);
        c.s(") len ");
        c.dec(hdrlen);
    } else {
        c.s(&name);
    }
    c.s(", length ");
    c.dec(length as u64);
    c.s(": ");
}

pub(crate) fn print(c: &mut Ctx, d: &[u8], length: usize) -> R<usize> {
    c.proto = "pktap";
    if length < HDR_LEN {
        c.s(" (packet too short, ");
        c.dec(length as u64);
        c.s(" < 108)");
        c.invalid();
        return Ok(0);
    }
    let dlt = le32(d, 8)?;
    let hdrlen = le32(d, 0)?;
    let hl = hdrlen as usize;
    if hl < HDR_LEN {
        c.s(" (pkt_len too small, ");
        c.dec(hdrlen);
        c.s(" < 108)");
        c.invalid();
        return Ok(0);
    }
    if hl > length {
        c.s(" (pkt_len too big, ");
        c.dec(hdrlen);
        c.s(" > ");
        c.dec(length as u64);
        c.s(")");
        c.invalid();
        return Ok(0);
    }
    if d.len() < hl {
        return Err(Trunc);
    }
    if c.opts.link_header {
        header(c, dlt, hdrlen, length);
    }
    let p = &d[hl..];
    let rest = length - hl;
    match le32(d, 4)? {
        0 => {
            c.s("no data");
            Ok(hl)
        }
        1 => match inner_link_type(dlt) {
            Some(lt) => {
                if c.depth >= super::MAX_DEPTH {
                    return Err(Trunc);
                }
                c.depth += 1;
                let inner = super::link::print(c, lt, p, rest);
                c.depth -= 1;
                // tcpdump adds the inner link header length to its own
                // total twice, so -x starts that much further in.
                let inner = inner?;
                Ok(hl + 2 * inner)
            }
            None => {
                if !c.opts.link_header {
                    header(c, dlt, hdrlen, length);
                }
                c.default_print(p);
                Ok(hl)
            }
        },
        _ => Ok(hl),
    }
}
