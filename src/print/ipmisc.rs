//! Smaller IP protocols as tcpdump 4.99 prints them: GRE source route entries
//! (RFC 1701), IPComp (108), EGP (8), PGM (113), Mobile IP (55), IGRP (9), Sun
//! ND (77), Ethernet over IPv6 (143), the IPv6 mobility header (135) and DCCP
//! (33).

use super::out::Put;
use super::packettype::PacketType;
use super::{Ctx, R, Trunc, be16, be32, bytes, u8_at};

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

/// A network-layer address of a PGM family (1 IPv4, 2 IPv6) at `p`: its
/// text and length, `None` for other families (tcpdump stops there).
fn pgm_nla(d: &[u8], p: usize, afi: u16) -> R<Option<(String, usize)>> {
    let n = match afi {
        1 => 4,
        2 => 16,
        _ => return Ok(None),
    };
    let a = bytes(d, p, n)?;
    let mut s = Vec::new();
    if n == 4 {
        s.ipv4(a);
    } else {
        s.ipv6(a);
    }
    Ok(Some((String::from_utf8_lossy(&s).into_owned(), n)))
}

/// PGM (RFC 3208, IP protocol 113): ports, type and, with -v, the message
/// fields and options, with tcpdump's quirks (the group address family read
/// from the address, option lengths that skip the option header twice).
pub(crate) fn pgm(c: &mut Ctx, d: &[u8], length: usize, ip: &super::ip::IpInfo<'_>) -> R {
    c.proto = "pgm";
    let addr = |c: &mut Ctx, a: &[u8]| {
        if ip.v6 { c.ip6addr(a) } else { c.ipaddr(a) }
    };
    if bytes(d, 0, 4).is_err() {
        addr(c, ip.src);
        c.s(" > ");
        addr(c, ip.dst);
        c.s(":");
        c.trunc_mark();
        return Ok(());
    }
    let sport = be16(d, 0)?;
    let dport = be16(d, 2)?;
    if ip.hdr_proto == 113 {
        addr(c, ip.src);
        c.s(".");
        c.tcpport(sport);
        c.s(" > ");
        addr(c, ip.dst);
        c.s(".");
        c.tcpport(dport);
    } else {
        c.tcpport(sport);
        c.s(" > ");
        c.tcpport(dport);
    }
    c.s(": ");
    macro_rules! trunc {
        () => {{
            c.trunc_mark();
            return Ok(());
        }};
    }
    if bytes(d, 0, 16).is_err() {
        trunc!();
    }
    c.s("PGM, length ");
    c.dec(be16(d, 14)?);
    if c.opts.verbose == 0 {
        return Ok(());
    }
    let ty = d[4];
    c.s(" 0x");
    for &b in &d[8..14] {
        c.o.hexw(u64::from(b), 2);
    }
    c.s(" ");
    // Where the options start; SPMR and unknown types leave it at the header.
    let mut bp = 0usize;
    match ty {
        0 | 1 => {
            let fixed = if ty == 0 { 16 } else { 12 };
            if bytes(d, 16, fixed).is_err() {
                trunc!();
            }
            let afi = be16(d, 16 + fixed - 4)?;
            let Some((nla, n)) = pgm_nla_checked(d, 16 + fixed, afi) else {
                trunc!();
            };
            bp = 16 + fixed + n;
            if ty == 0 {
                let (seq, trail, lead) = (be32(d, 16)?, be32(d, 20)?, be32(d, 24)?);
                c.s("SPM seq ");
                c.dec(seq);
                c.s(" trail ");
                c.dec(trail);
                c.s(" lead ");
                c.dec(lead);
                c.s(" nla ");
                c.s(&nla);
            } else {
                let ivl = be32(d, bp)?;
                let rnd = be32(d, bp + 4)?;
                let mask = be32(d, bp + 8)?;
                bp += 12;
                let seq = be32(d, 16)?;
                let round = be16(d, 20)?;
                c.s("POLL seq ");
                c.dec(seq);
                c.s(" round ");
                c.dec(round);
                c.s(" nla ");
                c.s(&nla);
                c.s(" ivl ");
                c.dec(ivl);
                c.s(" rnd 0x");
                c.o.hexw(u64::from(rnd), 8);
                c.s(" mask 0x");
                c.o.hexw(u64::from(mask), 8);
            }
        }
        2 | 4 | 5 | 11 => {
            if bytes(d, 16, 8).is_err() {
                trunc!();
            }
            let a = be32(d, 16)?;
            let b = be32(d, 20)?;
            match ty {
                2 => {
                    c.s("POLR seq ");
                    c.dec(a);
                    c.s(" round ");
                    c.dec(b >> 16);
                }
                4 | 5 => {
                    c.s(if ty == 4 {
                        "ODATA trail "
                    } else {
                        "RDATA trail "
                    });
                    c.dec(b);
                    c.s(" seq ");
                    c.dec(a);
                }
                _ => {
                    c.s("ACK seq ");
                    c.dec(a);
                }
            }
            bp = 24;
        }
        8..=10 => {
            if bytes(d, 16, 8).is_err() {
                trunc!();
            }
            let Some((source, n)) = pgm_nla_checked(d, 24, be16(d, 20)?) else {
                trunc!();
            };
            // tcpdump skips the group's family and reserved fields, then
            // reads the family from the address that follows.
            let g = 24 + n + 4;
            let Some((group, m)) = pgm_nla_checked(d, g, be16(d, g)?) else {
                trunc!();
            };
            bp = g + m;
            c.s(match ty {
                8 => "NAK ",
                9 => "NNAK ",
                _ => "NCF ",
            });
            let seq = be32(d, 16)?;
            c.s("(");
            c.s(&source);
            c.s(" -> ");
            c.s(&group);
            c.s("), seq ");
            c.dec(seq);
        }
        12 => c.s("SPMR"),
        _ => {
            c.s("UNKNOWN type 0x");
            c.o.hexw(u64::from(ty), 2);
        }
    }
    if d[5] & 1 != 0 {
        match pgm_options(c, d, bp)? {
            Some(end) => bp = end,
            None => return Ok(()),
        }
    }
    c.s(" [");
    c.dec(length as u64);
    c.s("]");
    if c.opts.packet_type == Some(PacketType::PgmZmtp1) && matches!(ty, 4 | 5) {
        let tsdu = usize::from(be16(d, 14)?);
        return super::zmtp1::datagram(c, d.get(bp..).unwrap_or(&[]), tsdu);
    }
    Ok(())
}

/// pgm_nla after tcpdump's capture check: `None` for an unknown family or an
/// address past the capture (both end the packet with the truncation mark).
fn pgm_nla_checked(d: &[u8], p: usize, afi: u16) -> Option<(String, usize)> {
    pgm_nla(d, p, afi).ok().flatten()
}

/// The options; false when tcpdump stops without the closing length.
fn pgm_options(c: &mut Ctx, d: &[u8], mut bp: usize) -> R<Option<usize>> {
    if bytes(d, bp, 4).is_err() {
        c.trunc_mark();
        return Ok(None);
    }
    let t = u8_at(d, bp)?;
    if t & 0x7f != 0 {
        c.s("[First option bad, should be PGM_OPT_LENGTH, is ");
        c.dec(t & 0x7f);
        c.s("]");
        return Ok(None);
    }
    let l = u8_at(d, bp + 1)?;
    if l != 4 {
        c.s("[Bad OPT_LENGTH option, length ");
        c.dec(l);
        c.s(" != 4]");
        return Ok(None);
    }
    let mut opts_len = u32::from(be16(d, bp + 2)?);
    bp += 4;
    if opts_len < 4 {
        c.s("[Bad total option length ");
        c.dec(opts_len);
        c.s(" < 4]");
        return Ok(None);
    }
    c.s(" OPTS LEN ");
    c.dec(opts_len);
    opts_len -= 4;
    let bad = |c: &mut Ctx, name: &str, l: u8, op: &str, want: u32, tail: &str| {
        c.s("[Bad ");
        c.s(name);
        c.s(" option, length ");
        c.dec(l);
        c.s(op);
        c.dec(want);
        c.s(tail);
        c.s("]");
    };
    while opts_len != 0 {
        if opts_len < 4 {
            c.s("[Total option length leaves no room for final option]");
            return Ok(None);
        }
        let t = u8_at(d, bp)?;
        let mut l = u8_at(d, bp + 1)?;
        bp += 2;
        if l < 4 {
            c.s("[Bad option, length ");
            c.dec(l);
            c.s(" < 4]");
            break;
        }
        if opts_len < u32::from(l) {
            c.s("[Total option length leaves no room for final option]");
            return Ok(None);
        }
        if bytes(d, bp, usize::from(l) - 2).is_err() {
            c.trunc_mark();
            return Ok(None);
        }
        // Fixed-size options: (name, length, label, number of 32-bit values).
        let fixed: Option<(&str, u8, &str, usize)> = match t & 0x7f {
            0x00 => Some(("OPT_LENGTH", 4, "", 0)),
            0x01 => Some(("OPT_FRAGMENT", 16, " FRAG", 3)),
            0x03 => Some(("OPT_JOIN", 8, " JOIN", 1)),
            0x04 => Some(("OPT_NAK_BO_IVL", 12, " BACKOFF", 2)),
            0x05 => Some(("OPT_NAK_BO_RNG", 12, " BACKOFF", 2)),
            0x08 => Some(("OPT_PARITY_PRM", 8, " PARITY MAXTGS", 1)),
            0x09 => Some(("OPT_PARITY_GRP", 8, " PARITY GROUP", 1)),
            0x0a => Some(("OPT_CURR_TGSIZE", 8, " PARITY ATGS", 1)),
            0x0b => Some(("OPT_NBR_UNREACH", 4, " NBR_UNREACH", 0)),
            0x0d => Some(("OPT_SYN", 4, " SYN", 0)),
            0x0e => Some(("OPT_FIN", 4, " FIN", 0)),
            0x0f => Some(("OPT_RST", 4, " RST", 0)),
            0x11 => Some(("OPT_CRQST", 4, " CRQST", 0)),
            _ => None,
        };
        if let Some((name, want, label, words)) = fixed {
            if l != want {
                bad(c, name, l, " != ", u32::from(want), "");
                return Ok(None);
            }
            if t & 0x7f == 0 {
                let extra = be16(d, bp)?;
                c.s(" OPTS LEN (extra?) ");
                c.dec(extra);
                bp += 2;
            } else {
                bp += 2;
                let mut v = [0u32; 3];
                for (i, x) in v.iter_mut().enumerate().take(words) {
                    *x = be32(d, bp + 4 * i)?;
                }
                bp += 4 * words;
                c.s(label);
                match t & 0x7f {
                    0x01 => {
                        c.s(" seq ");
                        c.dec(v[0]);
                        c.s(" off ");
                        c.dec(v[1]);
                        c.s(" len ");
                        c.dec(v[2]);
                    }
                    0x04 => {
                        c.s(" ivl ");
                        c.dec(v[0]);
                        c.s(" ivlseq ");
                        c.dec(v[1]);
                    }
                    0x05 => {
                        c.s(" max ");
                        c.dec(v[0]);
                        c.s(" min ");
                        c.dec(v[1]);
                    }
                    _ if words == 1 => {
                        c.s(" ");
                        c.dec(v[0]);
                    }
                    _ => {}
                }
            }
            opts_len -= u32::from(want);
        } else {
            match t & 0x7f {
                0x02 => {
                    bp += 2;
                    l -= 4;
                    c.s(" NAK LIST");
                    while l != 0 {
                        if l < 4 {
                            c.s("[Option length not a multiple of 4]");
                            return Ok(None);
                        }
                        let v = be32(d, bp)?;
                        c.s(" ");
                        c.dec(v);
                        bp += 4;
                        l -= 4;
                        opts_len = opts_len.wrapping_sub(4);
                    }
                }
                0x07 | 0x12 | 0x13 => {
                    let (name, min, label) = match t & 0x7f {
                        0x07 => ("OPT_REDIRECT", 8u8, " REDIRECT "),
                        0x12 => ("OPT_PGMCC_DATA", 12, " PGMCC DATA "),
                        _ => ("OPT_PGMCC_FEEDBACK", 12, " PGMCC FEEDBACK "),
                    };
                    if l < min {
                        let shown = if t & 0x7f == 0x13 {
                            "PGM_OPT_PGMCC_FEEDBACK"
                        } else {
                            name
                        };
                        bad(c, shown, l, " < ", u32::from(min), "");
                        return Ok(None);
                    }
                    bp += 2;
                    let mut offset = 0;
                    if min == 12 {
                        offset = be32(d, bp)?;
                        bp += 4;
                    }
                    let afi = be16(d, bp)?;
                    bp += 4;
                    let n = match afi {
                        1 => 4u8,
                        2 => 16,
                        _ => {
                            c.trunc_mark();
                            return Ok(None);
                        }
                    };
                    if l != min + n {
                        bad(c, name, l, " != ", u32::from(min), " + address size");
                        return Ok(None);
                    }
                    let Some((nla, _)) = pgm_nla_checked(d, bp, afi) else {
                        c.trunc_mark();
                        return Ok(None);
                    };
                    bp += usize::from(n);
                    opts_len = opts_len.wrapping_sub(u32::from(min + n));
                    c.s(label);
                    if min == 12 {
                        c.dec(offset);
                        c.s(" ");
                    }
                    c.s(&nla);
                }
                0x0c | 0x10 => {
                    if t & 0x7f == 0x0c {
                        c.s(" PATH_NLA [");
                        c.dec(l);
                        c.s("]");
                    } else {
                        c.s(" CR");
                    }
                    bp += usize::from(l);
                    opts_len = opts_len.wrapping_sub(u32::from(l));
                }
                _ => {
                    c.s(" OPT_");
                    c.o.s(&format!("{t:02X}"));
                    c.s(" [");
                    c.dec(l);
                    c.s("] ");
                    bp += usize::from(l);
                    opts_len = opts_len.wrapping_sub(u32::from(l));
                }
            }
        }
        if t & 0x80 != 0 {
            break;
        }
    }
    Ok(Some(bp))
}

/// Minimal encapsulation for Mobile IP (RFC 2004, IP protocol 55).
pub(crate) fn mobile(c: &mut Ctx, d: &[u8], length: usize) -> R {
    c.proto = "mobile";
    // tcpdump wants the whole 12-byte header captured, old source or not.
    if length < 8 || d.len() < 12 {
        c.trunc_mark();
        return Ok(());
    }
    c.s("mobile: ");
    let proto = be16(d, 0)?;
    let crc = be16(d, 2)?;
    let osp = proto & 0x0080 != 0;
    let v = c.opts.verbose > 0;
    if osp {
        c.s("[S] ");
        if v {
            c.ipaddr(&d[8..12]);
            c.s(" ");
        }
    } else {
        c.s("[] ");
    }
    if v {
        c.s("> ");
        c.ipaddr(&d[4..8]);
        c.s(" (oproto=");
        c.dec(proto >> 8);
        c.s(")");
    }
    let n = if osp { 12 } else { 8 };
    if super::ip::cksum(&[&d[..n]]) != 0 {
        c.s(" (bad checksum ");
        c.dec(crc);
        c.s(")");
    }
    Ok(())
}

/// Cisco IGRP (IP protocol 9).
pub(crate) fn igrp(c: &mut Ctx, d: &[u8], length: usize) -> R {
    c.proto = "igrp";
    c.s("igrp:");
    let (mut nint, mut nsys, mut next) = (be16(d, 4)?, be16(d, 6)?, be16(d, 8)?);
    let vop = u8_at(d, 0)?;
    let edition = u8_at(d, 1)?;
    let asn = be16(d, 2)?;
    match vop & 0xf {
        1 => c.s(" update"),
        2 => c.s(" request"),
        op => {
            c.s(" op-#");
            c.dec(op);
        }
    }
    c.s(" V");
    c.dec(vop >> 4);
    c.s(" edit=");
    c.dec(edition);
    c.s(" AS=");
    c.dec(asn);
    c.s(" (");
    c.dec(nint);
    c.s("/");
    c.dec(nsys);
    c.s("/");
    c.dec(next);
    c.s(")");
    let sum = be16(d, 10)?;
    if c.opts.verbose > 0 {
        c.s(" checksum=0x");
        c.o.hexw(u64::from(sum), 4);
    }
    // tcpdump's unsigned length wraps when the packet is shorter than the
    // header; the entries then run until the capture ends.
    let mut length = (length as u32).wrapping_sub(12);
    let mut p = 12usize;
    while length >= 14 {
        let net = bytes(d, p, 3)?;
        let (n0, n1, n2) = (net[0], net[1], net[2]);
        let (prefix, star) = if nint > 0 {
            nint -= 1;
            ("", true)
        } else if nsys > 0 {
            nsys -= 1;
            ("", false)
        } else if next > 0 {
            next -= 1;
            ("X", false)
        } else {
            c.s(" [extra bytes ");
            c.dec(length);
            c.s("]");
            break;
        };
        c.s(" ");
        c.s(prefix);
        if star {
            c.s("*.");
        }
        c.dec(n0);
        c.s(".");
        c.dec(n1);
        c.s(".");
        c.dec(n2);
        if !star {
            c.s(".0");
        }
        igrp_entry(c, d, p)?;
        p += 14;
        length -= 14;
    }
    if nint != 0 || nsys != 0 || next != 0 || length != 0 {
        c.invalid();
    }
    Ok(())
}

fn be24(d: &[u8], p: usize) -> R<u32> {
    let b = bytes(d, p, 3)?;
    Ok((u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]))
}

fn igrp_entry(c: &mut Ctx, d: &[u8], p: usize) -> R {
    let delay = be24(d, p + 3)?;
    let bw = be24(d, p + 6)?;
    let metric = (bw + delay).min(0xff_ffff);
    let mtu = be16(d, p + 9)?;
    let (rel, load, hops) = (u8_at(d, p + 11)?, u8_at(d, p + 12)?, u8_at(d, p + 13)?);
    c.s(" d=");
    c.dec(10 * delay);
    c.s(" b=");
    c.dec(10_000_000u32.checked_div(bw).unwrap_or(0));
    c.s(" r=");
    c.dec(rel);
    c.s(" l=");
    c.dec(load);
    c.s(" M=");
    c.dec(metric);
    c.s(" mtu=");
    c.dec(mtu);
    c.s(" in ");
    c.dec(hops);
    c.s(" hops");
    Ok(())
}

/// The IPv6 mobility header (RFC 6275; next header 135, or 62 as used before
/// it), as the last header tcpdump decodes.
pub(crate) fn mobility(c: &mut Ctx, d: &[u8]) -> R {
    c.proto = "mobility";
    // tcpdump checks the length byte before reading it (a plain truncation);
    // later reads past the capture end the packet as a longjmp would.
    if d.len() < 2 {
        c.trunc_mark();
        return Ok(());
    }
    let mhlen = (usize::from(u8_at(d, 1)?) + 1) << 3;
    let ty = u8_at(d, 2)?;
    let min = match ty {
        0 => Some(8),
        1 | 2 => Some(16),
        3 | 4 | 7 => Some(24),
        5 | 6 => Some(12),
        _ => None,
    };
    if let Some(min) = min
        && mhlen < min
    {
        c.s("(header length ");
        c.dec(mhlen as u64);
        c.s(" is too small for type ");
        c.dec(ty);
        c.s(")");
        c.trunc_mark();
        return Ok(());
    }
    c.s("mobility: ");
    let v = c.opts.verbose > 0;
    let names = ["BRR", "HoTI", "CoTI", "HoT", "CoT", "BU", "BA", "BE"];
    match names.get(usize::from(ty)) {
        Some(n) => c.s(n),
        None => {
            c.s("type-#");
            c.dec(ty);
        }
    }
    let cookie = |c: &mut Ctx, what: &str, at: usize| -> R {
        let (a, b) = (be32(d, at)?, be32(d, at + 4)?);
        c.s(" ");
        c.s(what);
        c.s("=");
        c.o.hexw(u64::from(a), 8);
        c.s(":");
        c.o.hexw(u64::from(b), 8);
        Ok(())
    };
    let hlen = match ty {
        0 => 8,
        1 | 2 => {
            if v {
                let who = if ty == 1 { "Home" } else { "Care-of" };
                cookie(c, &format!("{who} Init Cookie"), 8)?;
            }
            16
        }
        3 | 4 => {
            let nonce = be16(d, 6)?;
            c.s(" nonce id=0x");
            c.o.hex(u64::from(nonce));
            let who = if ty == 3 { "Home" } else { "Care-of" };
            if v {
                cookie(c, &format!("{who} Init Cookie"), 8)?;
                cookie(c, &format!("{who} Keygen Token"), 16)?;
            }
            24
        }
        5 => {
            let seq = be16(d, 6)?;
            c.s(" seq#=");
            c.dec(seq);
            if bytes(d, 8, 2).is_err() {
                c.trunc_mark();
                return Ok(());
            }
            let bits = d[8] >> 4;
            if bits != 0 {
                c.s(" ");
                for (bit, n) in [(8u8, "A"), (4, "H"), (2, "L"), (1, "K")] {
                    if bits & bit != 0 {
                        c.s(n);
                    }
                }
            }
            let life = u32::from(be16(d, 10)?) << 2;
            c.s(" lifetime=");
            c.dec(life);
            12
        }
        6 => {
            let status = u8_at(d, 6)?;
            c.s(" status=");
            c.dec(status);
            if u8_at(d, 7)? & 0x80 != 0 {
                c.s(" K");
            }
            let seq = be16(d, 8)?;
            c.s(" seq#=");
            c.dec(seq);
            let life = u32::from(be16(d, 10)?) << 2;
            c.s(" lifetime=");
            c.dec(life);
            12
        }
        7 => {
            let status = u8_at(d, 6)?;
            c.s(" status=");
            c.dec(status);
            let home = bytes(d, 8, 16)?;
            c.s(" homeaddr ");
            c.ip6addr(home);
            24
        }
        _ => {
            c.s(" len=");
            c.dec(d[1]);
            return Ok(());
        }
    };
    if v && !mobility_options(c, d, hlen, mhlen - hlen)? {
        c.trunc_mark();
    }
    Ok(())
}

/// The mobility options; false where tcpdump gives up with its truncation mark.
fn mobility_options(c: &mut Ctx, d: &[u8], b: usize, len: usize) -> R<bool> {
    let mut i = 0usize;
    while i < len {
        let t = u8_at(d, b + i)?;
        let optlen = if t == 0 {
            1
        } else if i + 1 < len {
            usize::from(u8_at(d, b + i + 1)?) + 2
        } else {
            return Ok(false);
        };
        if i + optlen > len || bytes(d, b + i + optlen, 1).is_err() {
            return Ok(false);
        }
        let left = len - i;
        let short = |c: &mut Ctx, what: &str| {
            c.s("(");
            c.s(what);
            c.s(": trunc)");
        };
        match t {
            0 => c.s("(pad1)"),
            1 => {
                if left < 2 {
                    short(c, "padn");
                    return Ok(false);
                }
                c.s("(padn)");
            }
            2 => {
                if left < 4 {
                    short(c, "refresh");
                    return Ok(false);
                }
                let r = u32::from(be16(d, b + i + 2)?) << 2;
                c.s("(refresh: ");
                c.dec(r);
                c.s(")");
            }
            3 => {
                if left < 18 {
                    short(c, "altcoa");
                    return Ok(false);
                }
                let a = bytes(d, b + i + 2, 16)?;
                c.s("(alt-CoA: ");
                c.ip6addr(a);
                c.s(")");
            }
            4 => {
                if left < 6 {
                    short(c, "ni");
                    return Ok(false);
                }
                let (ho, co) = (be16(d, b + i + 2)?, be16(d, b + i + 4)?);
                c.s("(ni: ho=0x");
                c.o.hexw(u64::from(ho), 4);
                c.s(" co=0x");
                c.o.hexw(u64::from(co), 4);
                c.s(")");
            }
            5 => {
                if left < 12 {
                    short(c, "auth");
                    return Ok(false);
                }
                c.s("(auth)");
            }
            _ => {
                if left < 2 {
                    c.s("(sopt_type ");
                    c.dec(t);
                    c.s(": trunc)");
                    return Ok(false);
                }
                let l = u8_at(d, b + i + 1)?;
                c.s("(type-0x");
                c.o.hexw(u64::from(t), 2);
                c.s(": len=");
                c.dec(l);
                c.s(")");
            }
        }
        i += optlen;
    }
    Ok(true)
}

const DCCP_TYPES: [&str; 10] = [
    "DCCP-Request",
    "DCCP-Response",
    "DCCP-Data",
    "DCCP-Ack",
    "DCCP-DataAck",
    "DCCP-CloseReq",
    "DCCP-Close",
    "DCCP-Reset",
    "DCCP-Sync",
    "DCCP-SyncAck",
];

const DCCP_RESET_CODES: [&str; 12] = [
    "unspecified",
    "closed",
    "aborted",
    "no_connection",
    "packet_error",
    "option_error",
    "mandatory_error",
    "connection_refused",
    "bad_service_code",
    "too_busy",
    "bad_init_cookie",
    "aggression_penalty",
];

const DCCP_FEATURES: [&str; 10] = [
    "reserved",
    "ccid",
    "allow_short_seqno",
    "sequence_window",
    "ecn_incapable",
    "ack_ratio",
    "send_ack_vector",
    "send_ndp_count",
    "minimum checksum coverage",
    "check data checksum",
];

fn dccp_option_name(c: &mut Ctx, t: u8) {
    let name = match t {
        0 => "nop",
        1 => "mandatory",
        2 => "slowreceiver",
        32 => "change_l",
        33 => "confirm_l",
        34 => "change_r",
        35 => "confirm_r",
        36 => "initcookie",
        37 => "ndp_count",
        38 => "ack_vector0",
        39 => "ack_vector1",
        40 => "data_dropped",
        41 => "timestamp",
        42 => "timestamp_echo",
        43 => "elapsed_time",
        44 => "data_checksum",
        _ => {
            c.s("Option ");
            c.dec(t);
            return;
        }
    };
    c.s(name);
}

/// DCCP (RFC 4340, IP protocol 33): ports, type, acknowledgement, with -v the
/// checksum (over the coverage CsCov asks for), with -vv the sequence number
/// and options.
pub(crate) fn dccp(c: &mut Ctx, d: &[u8], len: usize, ip: &super::ip::IpInfo<'_>) -> R {
    c.proto = "dccp";
    if d.len() < 12 {
        c.trunc_mark();
        return Ok(());
    }
    if len < 12 {
        c.s("truncated-dccp - ");
        c.dec((12 - len) as u64);
        c.s(" bytes missing!");
        return Ok(());
    }
    let x = d[8] & 1 != 0;
    let mut fixed = if x { 16 } else { 12 };
    if len < fixed {
        c.s("truncated-dccp - ");
        c.dec((fixed - len) as u64);
        c.s(" bytes missing!");
        return Ok(());
    }
    if bytes(d, 0, fixed).is_err() {
        c.trunc_mark();
        return Ok(());
    }
    let (sport, dport) = (be16(d, 0)?, be16(d, 2)?);
    let hlen = usize::from(d[4]) * 4;
    let addr = |c: &mut Ctx, a: &[u8]| {
        if ip.v6 { c.ip6addr(a) } else { c.ipaddr(a) }
    };
    addr(c, ip.src);
    c.s(".");
    c.dec(sport);
    c.s(" > ");
    addr(c, ip.dst);
    c.s(".");
    c.dec(dport);
    c.s(": DCCP");
    if c.opts.quiet {
        c.s(" ");
        c.dec((len as u32).wrapping_sub(hlen as u32));
        if hlen > len {
            c.s(" [bad hdr length ");
            c.dec(hlen as u64);
            c.s(" - too long, > ");
            c.dec(len as u64);
            c.s("]");
        }
        return Ok(());
    }
    let v = c.opts.verbose;
    let cscov = d[5] & 0xf;
    if v > 0 {
        c.s(" (CCVal ");
        c.dec(d[5] >> 4);
        c.s(", CsCov ");
        c.dec(cscov);
        if d.len() >= len {
            let sum = be16(d, 6)?;
            c.s(", cksum 0x");
            c.o.hexw(u64::from(sum), 4);
            c.s(" ");
            let cov = if cscov == 0 {
                len
            } else {
                ((usize::from(d[4]) + usize::from(cscov) - 1) * 4).min(len)
            };
            let computed = super::ip::next_proto_cksum(ip, 33, &d[..cov], len);
            if computed != 0 {
                c.s("(incorrect -> 0x");
                c.o.hexw(u64::from(super::ip::shouldbe(sum, computed)), 4);
                c.s(")");
            } else {
                c.s("(correct)");
            }
        }
        c.s(")");
    }
    c.s(" ");
    let ty = (d[8] >> 1) & 0xf;
    let name = DCCP_TYPES.get(usize::from(ty)).copied();
    let extra = match ty {
        0 => 4,
        1 | 7 => 12,
        2 => 0,
        3..=6 | 8 | 9 => 8,
        _ => 0,
    };
    if extra > 0 {
        fixed += extra;
        if len < fixed {
            c.s("truncated-");
            c.s(name.unwrap_or(""));
            c.s(" - ");
            c.dec((fixed - len) as u64);
            c.s(" bytes missing!");
            return Ok(());
        }
    }
    match ty {
        0 | 1 | 7 => {
            let body = fixed - extra;
            if bytes(d, body, extra).is_err() {
                c.trunc_mark();
                return Ok(());
            }
            c.s(name.unwrap_or(""));
            if ty == 7 {
                c.s(" (code=");
                c.s(DCCP_RESET_CODES
                    .get(usize::from(d[body + 8]))
                    .copied()
                    .unwrap_or("invalid"));
                c.s(") ");
            } else {
                let service = super::be32(d, body + extra - 4)?;
                c.s(" (service=");
                c.dec(service);
                c.s(") ");
            }
        }
        _ => match name {
            Some(n) => {
                c.s(n);
                c.s(" ");
            }
            None => {
                c.s("unknown-type-");
                c.dec(ty);
                c.s(" ");
            }
        },
    }
    if ty != 2 && ty != 0 {
        let base = if x { 16 } else { 12 };
        let ack = if x {
            be_n48(d, base + 2)?
        } else {
            u64::from(be24(d, base + 1)?)
        };
        c.s("(ack=");
        c.dec(ack);
        c.s(") ");
    }
    if v < 2 {
        return Ok(());
    }
    let seq = if x {
        be_n48(d, 10)?
    } else {
        u64::from(be24(d, 9)?)
    };
    c.s("seq ");
    c.dec(seq);
    if hlen > fixed {
        c.s(" <");
        let mut left = hlen - fixed;
        let mut p = fixed;
        loop {
            let optlen = dccp_option(c, d, p, left)?;
            if optlen == 0 || left <= optlen {
                break;
            }
            left -= optlen;
            p += optlen;
            c.s(", ");
        }
        c.s(">");
    }
    Ok(())
}

fn be_n48(d: &[u8], p: usize) -> R<u64> {
    let b = bytes(d, p, 6)?;
    Ok(b.iter().fold(0u64, |a, &x| (a << 8) | u64::from(x)))
}

/// One option; its length, or 0 to stop (after a message or the truncation
/// mark, as tcpdump does).
fn dccp_option(c: &mut Ctx, d: &[u8], p: usize, hlen: usize) -> R<usize> {
    let t = u8_at(d, p)?;
    let optlen = if t >= 32 {
        let l = u8_at(d, p + 1)?;
        if l < 2 {
            if t >= 128 {
                c.s("CCID option ");
                c.dec(t);
            } else {
                dccp_option_name(c, t);
            }
            c.s(" optlen too short");
            return Ok(0);
        }
        usize::from(l)
    } else {
        1
    };
    if hlen < optlen {
        if t >= 128 {
            c.s("CCID option ");
            c.dec(t);
        } else {
            dccp_option_name(c, t);
        }
        c.s(" optlen goes past header length");
        return Ok(0);
    }
    if bytes(d, p, optlen).is_err() {
        c.trunc_mark();
        return Ok(0);
    }
    let o = &d[p..p + optlen];
    let hex_rest = |c: &mut Ctx, from: usize, lead: &str| {
        if optlen > from {
            c.s(lead);
            for &b in &o[from..] {
                c.o.hexw(u64::from(b), 2);
            }
        }
    };
    let be32o = |i: usize| u32::from_be_bytes([o[i], o[i + 1], o[i + 2], o[i + 3]]);
    let be16o = |i: usize| u16::from_be_bytes([o[i], o[i + 1]]);
    if t >= 128 {
        c.s("CCID option ");
        c.dec(t);
        match optlen {
            4 => {
                c.s(" ");
                c.dec(be16o(2));
            }
            6 => {
                c.s(" ");
                c.dec(be32o(2));
            }
            _ => {}
        }
        return Ok(optlen);
    }
    dccp_option_name(c, t);
    match t {
        32..=35 => {
            if optlen < 3 {
                c.s(" optlen too short");
                return Ok(optlen);
            }
            if let Some(f) = DCCP_FEATURES.get(usize::from(o[2])) {
                c.s(" ");
                c.s(f);
                for &b in &o[3..] {
                    c.s(" ");
                    c.dec(b);
                }
            }
        }
        36 | 38 | 39 | 40 => hex_rest(c, 2, " 0x"),
        37 => {
            for &b in &o[2..] {
                c.s(" ");
                c.dec(b);
            }
        }
        41 => {
            if optlen == 6 {
                c.s(" ");
                c.dec(be32o(2));
            } else {
                c.s(" [optlen != 6]");
            }
        }
        42 => match optlen {
            6 | 8 | 10 => {
                c.s(" ");
                c.dec(be32o(2));
                if optlen == 8 {
                    c.s(" (elapsed time ");
                    c.dec(be16o(6));
                    c.s(")");
                } else if optlen == 10 {
                    c.s(" (elapsed time ");
                    c.dec(be32o(6));
                    c.s(")");
                }
            }
            _ => c.s(" [optlen != 6 or 8 or 10]"),
        },
        43 => match optlen {
            6 => {
                c.s(" ");
                c.dec(be32o(2));
            }
            4 => {
                c.s(" ");
                c.dec(be16o(2));
            }
            _ => c.s(" [optlen != 4 or 6]"),
        },
        44 => hex_rest(c, 2, " "),
        _ => {}
    }
    Ok(optlen)
}
