//! DLT_ARCNET_LINUX (129): ARCnet as Linux hands it over (reassembled, never
//! exception frames). Source and destination station bytes, a 2-byte offset,
//! the system code, and for RFC 1201 codes a fragmentation flag and sequence
//! id; the payload goes to the IP, IPv6, ARP and IPX printers.

use super::super::out::Put;
use super::super::{Ctx, R, Trunc, u8_at};

pub(super) const DLT: u32 = 129;

const HDR_LEN: usize = 5;
const HDR_NEW_LEN: usize = 8;

const TYPE_IP_OLD: u8 = 240;
const TYPE_ARP_OLD: u8 = 241;
const TYPE_IP: u8 = 212;
const TYPE_ARP: u8 = 213;
const TYPE_REVARP: u8 = 214;
const TYPE_IPX: u8 = 250;
const TYPE_INET6: u8 = 0xc4;
const TYPE_DIAGNOSE: u8 = 0x80;

fn type_name(t: u8) -> Option<&'static str> {
    Some(match t {
        TYPE_IP_OLD => "oldip",
        TYPE_ARP_OLD => "oldarp",
        TYPE_IP => "ip",
        TYPE_ARP => "arp",
        TYPE_REVARP => "rarp",
        221 => "atalk",
        247 => "banyan",
        TYPE_IPX => "ipx",
        TYPE_INET6 => "ipv6",
        TYPE_DIAGNOSE => "diag",
        _ => return None,
    })
}

/// "SRC DST TYPE LEN: " (with -q "SRC DST LEN: "). tcpdump reads the type
/// through the BSD header layout, so it names the offset's first byte.
fn header(c: &mut Ctx, d: &[u8], length: usize) -> R {
    c.o.hexw(u64::from(u8_at(d, 0)?), 2);
    c.s(" ");
    c.o.hexw(u64::from(u8_at(d, 1)?), 2);
    c.s(" ");
    if !c.opts.quiet {
        let t = u8_at(d, 2)?;
        match type_name(t) {
            Some(n) => c.s(n),
            None => c.o.hexw(u64::from(t), 2),
        }
        c.s(" ");
    }
    c.dec(length as u64);
    c.s(": ");
    Ok(())
}

pub(super) fn print(c: &mut Ctx, d: &[u8], length: usize) -> R<usize> {
    c.proto = "arcnet_linux";
    if d.len() < HDR_LEN {
        return Err(Trunc);
    }
    let t = u8_at(d, 4)?;
    let hdr_len = match t {
        TYPE_IP_OLD | TYPE_ARP_OLD | TYPE_DIAGNOSE => HDR_LEN,
        _ => HDR_NEW_LEN,
    };
    if d.len() < hdr_len {
        return Err(Trunc);
    }
    if c.opts.link_header {
        c.proto = "arcnet";
        header(c, d, length)?;
    }
    let p = &d[hdr_len..];
    let rest = length.saturating_sub(hdr_len);
    c.ll_hdr_len = hdr_len;
    match t {
        TYPE_IP_OLD | TYPE_IP => super::super::ip::print(c, p, rest)?,
        TYPE_INET6 => super::super::ip6::print(c, p, rest)?,
        TYPE_ARP_OLD | TYPE_ARP | TYPE_REVARP => super::super::arp::print(c, p, rest)?,
        TYPE_IPX => super::super::ipx::print(c, p, rest)?,
        221 => super::super::l2proto::atalk::print_et1(c, p, rest)?,
        // tcpdump dumps unknown payloads even with -x.
        _ => super::super::hex::hex_and_ascii(&mut c.o, "\n\t", p, 0),
    }
    Ok(hdr_len)
}
