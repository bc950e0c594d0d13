//! Smaller IP protocols as tcpdump 4.99 prints them: GRE source route entries
//! (RFC 1701), IPComp (108) and EGP (8).

use super::out::Put;
use super::{Ctx, R, Trunc, be16, bytes, u8_at};

/// GRE source route entries after the fixed header, from `p` with `len` bytes
/// left: `Some((offset, left))` past the null entry, or `None` once tcpdump's
/// truncation mark is printed.
pub(crate) fn gre_routing(
    c: &mut Ctx,
    d: &[u8],
    mut p: usize,
    mut len: usize,
) -> R<Option<(usize, usize)>> {
    loop {
        if bytes(d, p, 4).is_err() || len < 4 {
            c.trunc_mark();
            return Ok(None);
        }
        let af = be16(d, p)?;
        let sreoff = u8_at(d, p + 2)?;
        let srelen = u8_at(d, p + 3)?;
        p += 4;
        len -= 4;
        if af == 0 && srelen == 0 {
            return Ok(Some((p, len)));
        }
        let ok = match af {
            0x0800 => {
                c.s(", (rtaf=ip");
                let ok = sre_list(c, d, p, len, sreoff, srelen, 4);
                c.s(")");
                ok
            }
            0xfffe => {
                c.s(", (rtaf=asn");
                let ok = sre_list(c, d, p, len, sreoff, srelen, 2);
                c.s(")");
                ok
            }
            _ => {
                c.s(", (rtaf=0x");
                c.o.hex(u64::from(af));
                c.s(")");
                true
            }
        };
        if !ok || len < usize::from(srelen) {
            c.trunc_mark();
            return Ok(None);
        }
        p += usize::from(srelen);
        len -= usize::from(srelen);
    }
}

/// The IPv4 addresses (`size` 4) or AS numbers (`size` 2) of one entry, the
/// current one starred; false when the capture or the packet ends first.
fn sre_list(
    c: &mut Ctx,
    d: &[u8],
    p: usize,
    mut len: usize,
    sreoff: u8,
    mut srelen: u8,
    size: u8,
) -> bool {
    let mask = size - 1;
    if sreoff & mask != 0 {
        c.s(", badoffset=");
        c.dec(sreoff);
        return true;
    }
    if srelen & mask != 0 {
        c.s(", badlength=");
        c.dec(srelen);
        return true;
    }
    if sreoff >= srelen {
        c.s(", badoff/len=");
        c.dec(sreoff);
        c.s("/");
        c.dec(srelen);
        return true;
    }
    let mut at = 0u8;
    while srelen != 0 {
        let Ok(v) = bytes(d, p + usize::from(at), usize::from(size)) else {
            return false;
        };
        if len < usize::from(size) {
            return false;
        }
        c.s(" ");
        if at == sreoff {
            c.s("*");
        }
        if size == 4 {
            c.o.ipv4(v);
        } else {
            c.o.hex(u64::from(u16::from_be_bytes([v[0], v[1]])));
        }
        at = at.wrapping_add(size);
        len -= usize::from(size);
        srelen -= size;
    }
    true
}

/// IPComp: the compression parameter index only (the payload stays compressed).
pub(crate) fn ipcomp(c: &mut Ctx, d: &[u8]) -> R {
    c.proto = "ipcomp";
    let cpi = be16(d, 2)?;
    c.s("IPComp(cpi=0x");
    c.o.hexw(u64::from(cpi), 4);
    c.s(")");
    Ok(())
}

const ACQUIRE_CODES: [&str; 5] = ["request", "confirm", "refuse", "cease", "cease_ack"];
const ACQUIRE_STATUS: [&str; 8] = [
    "unspecified",
    "active_mode",
    "passive_mode",
    "insufficient_resources",
    "administratively_prohibited",
    "going_down",
    "parameter_violation",
    "protocol_violation",
];
const UPDOWN: [&str; 3] = ["indeterminate", "up", "down"];
const REASONS: [&str; 7] = [
    "unspecified",
    "bad_EGP_header_format",
    "bad_EGP_data_field_format",
    "reachability_info_unavailable",
    "excessive_polling_rate",
    "no_response",
    "unsupported_version",
];

fn updown(c: &mut Ctx, status: u8) {
    match UPDOWN.get(usize::from(status)) {
        Some(s) => {
            c.s(" state:");
            c.s(s);
        }
        None => {
            c.s(" [status ");
            c.dec(status);
            c.s("]");
        }
    }
}

const EGP_HDR: usize = 16;

/// EGP (RFC 827).
pub(crate) fn egp(c: &mut Ctx, d: &[u8], length: usize) -> R {
    c.proto = "egp";
    if length < EGP_HDR || d.len() < EGP_HDR {
        c.trunc_mark();
        return Ok(());
    }
    let version = u8_at(d, 0)?;
    if c.opts.verbose == 0 {
        c.s("EGPv");
        c.dec(version);
        c.s(", AS ");
        c.dec(be16(d, 6)?);
        c.s(", seq ");
        c.dec(be16(d, 8)?);
        c.s(", length ");
        c.dec(length as u64);
        return Ok(());
    }
    c.s("EGPv");
    c.dec(version);
    c.s(", length ");
    c.dec(length as u64);
    if version != 2 {
        c.s("[version ");
        c.dec(version);
        c.s("]");
        return Ok(());
    }
    let (ty, code, mut status) = (u8_at(d, 1)?, u8_at(d, 2)?, u8_at(d, 3)?);
    match ty {
        3 => {
            c.s(" acquire");
            match code {
                0 | 1 => {
                    c.s(" ");
                    c.s(ACQUIRE_CODES[usize::from(code)]);
                    if status <= 2 {
                        c.s(" ");
                        c.s(ACQUIRE_STATUS[usize::from(status)]);
                    } else {
                        c.s(" [status ");
                        c.dec(status);
                        c.s("]");
                    }
                    c.s(" hello:");
                    c.dec(be16(d, 10)?);
                    c.s(" poll:");
                    c.dec(be16(d, 12)?);
                }
                2..=4 => {
                    c.s(" ");
                    c.s(ACQUIRE_CODES[usize::from(code)]);
                    if matches!(status, 0 | 3..=7) {
                        c.s(" ");
                        c.s(ACQUIRE_STATUS[usize::from(status)]);
                    } else {
                        c.s("[status ");
                        c.dec(status);
                        c.s("]");
                    }
                }
                _ => {
                    c.s("[code ");
                    c.dec(code);
                    c.s("]");
                }
            }
        }
        5 => match code {
            0 | 1 => {
                c.s(if code == 0 { " hello" } else { " i-h-u" });
                updown(c, status);
            }
            _ => {
                c.s("[reach code ");
                c.dec(code);
                c.s("]");
            }
        },
        2 => {
            c.s(" poll");
            updown(c, status);
            c.s(" net:");
            c.ipaddr(&d[12..16]);
        }
        1 => {
            c.s(" update");
            if status & 0x80 != 0 {
                status &= !0x80;
                c.s(" unsolicited");
            }
            updown(c, status);
            c.s(" ");
            c.ipaddr(&d[12..16]);
            c.s(" int ");
            c.dec(d[10]);
            c.s(" ext ");
            c.dec(d[11]);
            egp_networks(c, d, length)?;
        }
        8 => {
            c.s(" error");
            updown(c, status);
            let reason = be16(d, 10)?;
            match REASONS.get(usize::from(reason)) {
                Some(r) => {
                    c.s(" ");
                    c.s(r);
                }
                None => {
                    c.s(" [reason ");
                    c.dec(reason);
                    c.s("]");
                }
            }
        }
        _ => {
            c.s("[type ");
            c.dec(ty);
            c.s("]");
        }
    }
    Ok(())
}

/// An address held, as tcpdump holds it, in a host-order integer on a
/// little-endian machine and printed from its memory bytes.
fn le_addr(c: &mut Ctx, v: u32) {
    c.ipaddr(&v.to_le_bytes());
}

/// The network reachability part of an update. tcpdump splits the source
/// network into class A/B/C on its bytes as loaded into a little-endian
/// integer, and prints addresses assembled in host order from memory; this
/// follows it on x86.
fn egp_networks(c: &mut Ctx, d: &[u8], length: usize) -> R {
    let addr = u32::from_le_bytes([d[12], d[13], d[14], d[15]]);
    let (net, netlen) = if addr & 0x8000_0000 == 0 {
        (addr & 0xff00_0000, 1usize)
    } else if addr & 0xc000_0000 == 0x8000_0000 {
        (addr & 0xffff_0000, 2)
    } else if addr & 0xe000_0000 == 0xc000_0000 {
        (addr & 0xffff_ff00, 3)
    } else {
        (0, 0)
    };
    let mut p = EGP_HDR;
    let mut length = length - EGP_HDR;
    let (intgw, extgw) = (u32::from(d[10]), u32::from(d[11]));
    macro_rules! trunc {
        () => {{
            c.trunc_mark();
            return Ok(());
        }};
    }
    for gw in 0..intgw + extgw {
        let host = 4 - netlen;
        if length < host || bytes(d, p, host).is_err() {
            trunc!();
        }
        let mut a = 0u32;
        if netlen > 0 {
            for i in 0..host {
                a = (a << 8) | u32::from(u8_at(d, p + i)?);
            }
            // With no class (netlen 0) tcpdump reads nothing but still counts
            // four bytes.
            p += host;
        }
        a |= net;
        length -= host;
        if length < 1 {
            trunc!();
        }
        let mut distances = u8_at(d, p)?;
        p += 1;
        length -= 1;
        c.s(if gw < intgw { " int " } else { " ext " });
        le_addr(c, a);
        c.s(" (");
        let mut comma = "";
        while distances != 0 {
            if length < 2 {
                trunc!();
            }
            let dist = u8_at(d, p)?;
            c.s(comma);
            c.s("d");
            c.dec(dist);
            c.s(":");
            comma = ", ";
            let mut networks = u8_at(d, p + 1)?;
            p += 2;
            length -= 2;
            while networks != 0 {
                if length < 1 {
                    trunc!();
                }
                let mut a = u32::from(u8_at(d, p)?) << 24;
                p += 1;
                length -= 1;
                if a & 0xc000_0000 == 0x8000_0000 {
                    if length < 1 {
                        trunc!();
                    }
                    a |= u32::from(u8_at(d, p)?) << 16;
                    p += 1;
                    length -= 1;
                } else if a & 0x8000_0000 != 0 {
                    if length < 2 {
                        trunc!();
                    }
                    a |= u32::from(u8_at(d, p)?) << 16;
                    a |= u32::from(u8_at(d, p + 1).map_err(|_| Trunc)?) << 8;
                    p += 2;
                    length -= 2;
                }
                c.s(" ");
                le_addr(c, a);
                networks -= 1;
            }
            distances -= 1;
        }
        c.s(")");
    }
    Ok(())
}
