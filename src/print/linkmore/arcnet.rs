//! DLT_ARCNET_LINUX (129): ARCnet as Linux hands it over (reassembled, never
//! exception frames). Source and destination station bytes, a 2-byte offset,
//! the system code, and for RFC 1201 codes a fragmentation flag and sequence
//! id; the payload goes to the IP, IPv6, ARP and IPX printers.
//!
//! DLT_ARCNET (7): ARCnet as BSD records it: the raw frames, with no offset
//! field, RFC 1201 fragments (middle ones are not decoded) and exception
//! frames (flag 0xff, then the real system code, flag and sequence id).

use super::super::out::Put;
use super::super::{Ctx, R, Trunc, be16, u8_at};

pub(super) const DLT: u32 = 129;
pub(super) const DLT_BSD: u32 = 7;

const BSD_HDR_LEN: usize = 3;
const BSD_HDR_NEW_LEN: usize = 6;
const BSD_HDR_EXC_LEN: usize = 10;

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

/// What the BSD header says about fragmentation (RFC 1201 frames only).
#[derive(Clone, Copy)]
enum Frag {
    /// RFC 1051 frames and diagnostics: no flag or sequence id.
    None,
    /// The split flag and sequence id.
    Rfc1201 { flag: u8, seqid: u16 },
}

/// The header with -e: "SRC DST TYPE [seqid ID [fragment note]] LEN: " (with
/// -q "SRC DST LEN: "). Linux's shows no fragmentation, and tcpdump reads its
/// type through the BSD layout, so it names the offset's first byte.
fn header(c: &mut Ctx, d: &[u8], length: usize, frag: Frag) -> R {
    let (src, dst) = (u8_at(d, 0)?, u8_at(d, 1)?);
    c.o.hexw(u64::from(src), 2);
    c.s(" ");
    c.o.hexw(u64::from(dst), 2);
    c.s(" ");
    if !c.opts.quiet {
        let t = u8_at(d, 2)?;
        match type_name(t) {
            Some(n) => c.s(n),
            None => c.o.hexw(u64::from(t), 2),
        }
        c.s(" ");
        if let Frag::Rfc1201 { flag, seqid } = frag {
            c.s("seqid ");
            c.o.hexw(u64::from(seqid), 4);
            c.s(" ");
            if flag & 1 != 0 {
                c.s("(first of ");
                c.dec((u32::from(flag) + 3) / 2);
                c.s(" fragments) ");
            } else if flag != 0 {
                c.s("(fragment ");
                c.dec(u32::from(flag) / 2 + 1);
                c.s(") ");
            }
        }
    }
    c.dec(length as u64);
    c.s(": ");
    Ok(())
}

/// DLT_ARCNET. A capture that ends inside the header is tcpdump's longjmp
/// (after the short header form and " phds" when the RFC 1201 part is cut).
pub(super) fn print_bsd(c: &mut Ctx, d: &[u8], length: usize) -> R<usize> {
    c.proto = "arcnet";
    if d.len() < BSD_HDR_LEN {
        return Err(Trunc);
    }
    let t = d[2];
    let (hdr_len, frag) = match t {
        TYPE_IP_OLD | TYPE_ARP_OLD | TYPE_DIAGNOSE => (BSD_HDR_LEN, Frag::None),
        _ => {
            if d.len() < BSD_HDR_NEW_LEN {
                header(c, d, length, Frag::None)?;
                c.s(" phds");
                return Err(Trunc);
            }
            let flag = d[3];
            if flag == 0xff {
                // An exception frame: the real flag and sequence id follow a
                // second copy of the system code.
                if d.len() < BSD_HDR_EXC_LEN {
                    header(c, d, length, Frag::None)?;
                    c.s(" phds extended");
                    return Err(Trunc);
                }
                let flag = d[7];
                let seqid = be16(d, 8)?;
                (BSD_HDR_EXC_LEN, Frag::Rfc1201 { flag, seqid })
            } else {
                let seqid = be16(d, 4)?;
                (BSD_HDR_NEW_LEN, Frag::Rfc1201 { flag, seqid })
            }
        }
    };
    if c.opts.link_header {
        header(c, d, length, frag)?;
    }
    let p = &d[hdr_len..];
    let rest = length.saturating_sub(hdr_len);
    c.ll_hdr_len = hdr_len;
    if let Frag::Rfc1201 { flag, .. } = frag
        && flag != 0
        && flag & 1 == 0
    {
        // A middle or last fragment: nothing to decode.
        return Ok(hdr_len);
    }
    payload(c, t, p, rest)?;
    Ok(hdr_len)
}

/// The payload by system code; unknown codes are dumped (even with -x).
fn payload(c: &mut Ctx, t: u8, p: &[u8], rest: usize) -> R {
    match t {
        TYPE_IP_OLD | TYPE_IP => super::super::ip::print(c, p, rest)?,
        TYPE_INET6 => super::super::ip6::print(c, p, rest)?,
        TYPE_ARP_OLD | TYPE_ARP | TYPE_REVARP => super::super::arp::print(c, p, rest)?,
        TYPE_IPX => super::super::ipx::print(c, p, rest)?,
        221 => super::super::l2proto::atalk::print_et1(c, p, rest)?,
        _ => super::super::hex::hex_and_ascii(&mut c.o, "\n\t", p, 0),
    }
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
        header(c, d, length, Frag::None)?;
    }
    let p = &d[hdr_len..];
    let rest = length.saturating_sub(hdr_len);
    c.ll_hdr_len = hdr_len;
    payload(c, t, p, rest)?;
    Ok(hdr_len)
}
