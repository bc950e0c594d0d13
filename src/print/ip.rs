//! IPv4 (header, options, fragments, `-v` details), Internet checksums and the
//! next-protocol demux shared with IPv6.

use super::out::Put;
use super::packettype::PacketType;
use super::{Ctx, R, be16, be32, bytes, cut, u8_at};

/// What upper-layer printers need from the enclosing IP header.
#[derive(Clone, Copy)]
pub(crate) struct IpInfo<'a> {
    pub v6: bool,
    pub src: &'a [u8],
    pub dst: &'a [u8],
    /// Destination for the pseudo-header (IPv4: final source-route hop).
    pub ck_dst: &'a [u8],
    /// The header's own protocol/next-header field (tcpdump prints addresses with
    /// the ports only when it names the transport directly).
    pub hdr_proto: u8,
    /// TTL or hop limit (VRRP prints it).
    pub ttl: u8,
}

/// One's-complement sum of `d` folded into 16 bits, as a big-endian word sum.
pub(crate) fn sum16(d: &[u8], mut acc: u32) -> u32 {
    let mut chunks = d.chunks_exact(2);
    for w in &mut chunks {
        acc += u32::from(u16::from_be_bytes([w[0], w[1]]));
        if acc > 0xffff_0000 {
            acc = (acc & 0xffff) + (acc >> 16);
        }
    }
    if let [b] = chunks.remainder() {
        acc += u32::from(*b) << 8;
    }
    acc
}

/// The Internet checksum over the parts (0 when the data is consistent).
pub(crate) fn cksum(parts: &[&[u8]]) -> u16 {
    // Parts other than the last have even lengths here (pseudo-headers).
    let mut acc = 0u32;
    for p in parts {
        acc = sum16(p, acc);
        acc = (acc & 0xffff) + (acc >> 16);
    }
    while acc >> 16 != 0 {
        acc = (acc & 0xffff) + (acc >> 16);
    }
    !(acc as u16)
}

/// tcpdump's in_cksum_shouldbe: the checksum field value that would be correct.
pub(crate) fn shouldbe(sum: u16, computed: u16) -> u16 {
    let mut s = u32::from(sum) + u32::from(computed);
    s = (s & 0xffff) + (s >> 16);
    s = (s & 0xffff) + (s >> 16);
    s as u16
}

/// Checksum with the IPv4/IPv6 pseudo-header.
pub(crate) fn next_proto_cksum(ip: &IpInfo<'_>, proto: u8, data: &[u8], len: usize) -> u16 {
    if ip.v6 {
        let l = (len as u32).to_be_bytes();
        let ph = [0, 0, 0, proto];
        cksum(&[ip.src, ip.ck_dst, &l, &ph, data])
    } else {
        let ph = [0, proto, (len >> 8) as u8, len as u8];
        cksum(&[ip.src, ip.ck_dst, &ph, data])
    }
}

pub(crate) fn proto_name(p: u8) -> Option<&'static str> {
    Some(match p {
        0 => "Options",
        1 => "ICMP",
        2 => "IGMP",
        4 => "IPIP",
        6 => "TCP",
        8 => "EGP",
        9 => "IGRP",
        17 => "UDP",
        33 => "DCCP",
        41 => "IPv6",
        43 => "Routing",
        44 => "Fragment",
        46 => "RSVP",
        47 => "GRE",
        50 => "ESP",
        51 => "AH",
        55 => "Mobile IP",
        58 => "ICMPv6",
        62 => "Mobile IP (old)",
        88 => "EIGRP",
        89 => "OSPF",
        103 => "PIM",
        108 => "Compressed IP",
        112 => "VRRP",
        113 => "PGM",
        132 => "SCTP",
        135 => "Mobility",
        143 => "Ethernet",
        _ => return None,
    })
}

fn option_name(o: u8) -> Option<&'static str> {
    Some(match o {
        0 => "EOL",
        1 => "NOP",
        68 => "timestamp",
        130 => "security",
        7 => "RR",
        137 => "SSRR",
        131 => "LSRR",
        148 => "RA",
        82 => "traceroute",
        _ => return None,
    })
}

/// A recorded route; `Ok(false)` when an address runs past the capture
/// (tcpdump then marks the option truncated).
fn print_route(c: &mut Ctx, cp: &[u8], length: usize) -> R<bool> {
    if length < 3 {
        c.s(" [bad length ");
        c.dec(length as u64);
        c.s("]");
        return Ok(true);
    }
    if (length + 1) & 3 != 0 {
        c.s(" [bad length ");
        c.dec(length as u64);
        c.s("]");
    }
    let ptr_raw = u8_at(cp, 2)?;
    // Unsigned as in tcpdump: a zero pointer wraps around to "past every hop".
    let ptr = u32::from(ptr_raw).wrapping_sub(1);
    if ptr < 3 || (ptr.wrapping_add(1) & 3) != 0 || ptr > length as u32 + 1 {
        c.s(" [bad ptr ");
        c.dec(ptr_raw);
        c.s("]");
    }
    let mut len = 3;
    while len < length {
        let Ok(a) = bytes(cp, len, 4) else {
            return Ok(false);
        };
        c.s(" ");
        c.ipaddr(a);
        if ptr > len as u32 {
            c.s(",");
        }
        len += 4;
    }
    Ok(true)
}

/// A timestamp option; `Ok(false)` when a hop runs past the capture.
fn print_ts(c: &mut Ctx, cp: &[u8], length: usize) -> R<bool> {
    if length < 4 {
        c.s("[bad length ");
        c.dec(length as u64);
        c.s("]");
        return Ok(true);
    }
    c.s(" TS{");
    let flags = u8_at(cp, 3)?;
    let hoplen = if flags & 0xf != 0 { 8 } else { 4 };
    if (length - 4) & (hoplen - 1) != 0 {
        c.s("[bad length ");
        c.dec(length as u64);
        c.s("]");
    }
    let ptr_raw = u8_at(cp, 2)?;
    let ptr = i32::from(ptr_raw) - 1;
    let mut len = 0usize;
    if ptr < 4 || ((ptr - 4) & (hoplen as i32 - 1)) != 0 || ptr > length as i32 + 1 {
        c.s("[bad ptr ");
        c.dec(ptr_raw);
        c.s("]");
    }
    let known = match flags & 0xf {
        0 => {
            c.s("TSONLY");
            true
        }
        1 => {
            c.s("TS+ADDR");
            true
        }
        3 => {
            c.s("PRESPEC");
            true
        }
        t => {
            c.s("[bad ts type ");
            c.dec(t);
            c.s("]");
            false
        }
    };
    if known {
        let mut ty = " ";
        len = 4;
        while len < length {
            if ptr == len as i32 {
                ty = " ^ ";
            }
            if bytes(cp, len, hoplen).is_err() {
                return Ok(false);
            }
            c.s(ty);
            c.dec(be32(cp, len + hoplen - 4)?);
            c.s("@");
            if hoplen == 8 {
                let a = bytes(cp, len, 4)?;
                c.ipaddr(a);
            }
            ty = " ";
            len += hoplen;
        }
    }
    if ptr == len as i32 {
        c.s(" ^ ");
    }
    if flags >> 4 != 0 {
        c.s(" [");
        c.dec(flags >> 4);
        c.s(" hops not recorded]} ");
    } else {
        c.s("}");
    }
    Ok(true)
}

/// IP options; `Ok(false)` when an option is not fully captured (tcpdump's
/// "[truncated-option]"), Err when even its type or length byte is missing.
fn options(c: &mut Ctx, mut cp: &[u8], mut length: usize) -> R<bool> {
    let mut sep = "";
    while length > 0 {
        c.s(sep);
        sep = ",";
        let code = u8_at(cp, 0)?;
        match option_name(code) {
            Some(n) => c.s(n),
            None => {
                c.s("unknown ");
                c.dec(code);
            }
        }
        let olen = if code == 0 || code == 1 {
            1
        } else {
            let l = usize::from(u8_at(cp, 1)?);
            if l < 2 {
                c.s(" [bad length ");
                c.dec(l as u64);
                c.s("]");
                return Ok(true);
            }
            l
        };
        if olen > length {
            c.s(" [bad length ");
            c.dec(olen as u64);
            c.s("]");
            return Ok(true);
        }
        let Ok(opt) = bytes(cp, 0, olen) else {
            return Ok(false);
        };
        match code {
            0 => return Ok(true),
            // tcpdump reads hops up to the claimed length even past a short
            // option, so the rest of the header is passed along.
            68 => {
                let whole = print_ts(c, cp, olen)?;
                if !whole {
                    return Ok(false);
                }
            }
            7 | 137 | 131 => {
                let whole = print_route(c, cp, olen)?;
                if !whole {
                    return Ok(false);
                }
            }
            148 => {
                if olen < 4 {
                    c.s(" [bad length ");
                    c.dec(olen as u64);
                    c.s("]");
                } else {
                    let v = be16(opt, 2)?;
                    if v != 0 {
                        c.s(" value ");
                        c.dec(v);
                    }
                }
            }
            _ => {}
        }
        cp = &cp[olen..];
        length -= olen;
    }
    Ok(true)
}

/// The final destination of a source route, for the pseudo-header.
fn find_dst(hdr: &[u8]) -> &[u8] {
    let dst = &hdr[16..20];
    let mut cp = &hdr[20..];
    while !cp.is_empty() {
        let tt = cp[0];
        let len = if tt == 0 {
            break;
        } else if tt == 1 {
            1
        } else {
            match cp.get(1) {
                Some(&l) if l >= 2 => usize::from(l),
                _ => break,
            }
        };
        if cp.len() < len {
            break;
        }
        if (tt == 137 || tt == 131) && len >= 7 {
            return &cp[len - 4..len];
        }
        cp = &cp[len..];
    }
    dst
}

/// An IPv4 datagram of claimed length `length` (captured bytes in `d`).
pub(crate) fn print(c: &mut Ctx, d: &[u8], length: usize) -> R {
    c.proto = "ip";
    if c.depth >= super::MAX_DEPTH {
        c.trunc_mark();
        return Ok(());
    }
    c.depth += 1;
    let r = print_inner(c, d, length);
    c.depth -= 1;
    r
}

fn print_inner(c: &mut Ctx, d: &[u8], length: usize) -> R {
    let v = u8_at(d, 0)? >> 4;
    if v != 4 {
        if v == 6 {
            c.s("IP6, wrong link-layer encapsulation");
        } else {
            c.s("IP");
            c.dec(v);
        }
        c.invalid();
        return Ok(());
    }
    if !c.opts.link_header {
        c.s("IP ");
    }
    if d.len() < 20 {
        c.trunc_mark();
        return Ok(());
    }
    if length < 20 {
        c.s("truncated-ip ");
        c.dec(length as u64);
        return Ok(());
    }
    let hlen = usize::from(d[0] & 0xf) * 4;
    if hlen < 20 {
        c.s("bad-hlen ");
        c.dec(hlen as u64);
        return Ok(());
    }
    let total = usize::from(be16(d, 2)?);
    if length < total {
        c.s("truncated-ip - ");
        c.dec((total - length) as u64);
        c.s(" bytes missing! ");
    }
    if total < hlen {
        c.s("bad-len ");
        c.dec(total as u64);
        return Ok(());
    }
    let d = cut(d, total);
    let len = total - hlen;
    let off = be16(d, 6)?;
    let proto = d[9];
    let src = &d[12..16];
    let dst = &d[16..20];
    if c.opts.verbose > 0 {
        let tos = d[1];
        c.s("(tos 0x");
        c.o.hex(u64::from(tos));
        match tos & 3 {
            1 => c.s(",ECT(1)"),
            2 => c.s(",ECT(0)"),
            3 => c.s(",CE"),
            _ => {}
        }
        let ttl = d[8];
        if ttl >= 1 {
            c.s(", ttl ");
            c.dec(ttl);
        }
        c.s(", id ");
        c.dec(be16(d, 4)?);
        c.s(", offset ");
        c.dec((off & 0x1fff) as u64 * 8);
        c.s(", flags [");
        let f = off & 0xe000;
        if f == 0 {
            c.s("none");
        } else {
            let mut first = true;
            for (bit, name) in [(0x2000u16, "+"), (0x4000, "DF"), (0x8000, "rsvd")] {
                if f & bit != 0 {
                    if !first {
                        c.s(", ");
                    }
                    c.s(name);
                    first = false;
                }
            }
        }
        c.s("], proto ");
        c.s(proto_name(proto).unwrap_or("unknown"));
        c.s(" (");
        c.dec(proto);
        c.s("), length ");
        c.dec(total as u64);
        let mut truncated = false;
        if hlen > 20 {
            c.s(", options (");
            let opts = &d[20.min(d.len())..];
            if !options(c, opts, hlen - 20)? {
                c.s(" [truncated-option]");
                truncated = true;
            }
            c.s(")");
        }
        if !c.opts.no_checksums && d.len() >= hlen {
            let sum = cksum(&[&d[..hlen]]);
            if sum != 0 {
                let ip_sum = be16(d, 10)?;
                c.s(", bad cksum ");
                c.o.hex(u64::from(ip_sum));
                c.s(" (->");
                c.o.hex(u64::from(shouldbe(ip_sum, sum)));
                c.s(")!");
            }
        }
        c.s(")\n    ");
        if truncated {
            c.ipaddr(src);
            c.s(" > ");
            c.ipaddr(dst);
            c.s(": ");
            c.trunc_mark();
            return Ok(());
        }
    }
    if off & 0x1fff == 0 {
        if !matches!(proto, 6 | 17 | 132 | 33) {
            c.ipaddr(src);
            c.s(" > ");
            c.ipaddr(dst);
            c.s(": ");
        }
        if d.len() < hlen {
            c.s(" [remaining caplen(");
            c.dec(d.len() as u64);
            c.s(") < header length(");
            c.dec(hlen as u64);
            c.s(")]");
            return Err(super::Trunc);
        }
        let info = IpInfo {
            v6: false,
            src,
            dst,
            ck_dst: if hlen == 20 {
                dst
            } else {
                find_dst(&d[..hlen])
            },
            hdr_proto: proto,
            ttl: d[8],
        };
        demux(c, &d[hlen..], len, &info, off & 0x2000 != 0, proto)?;
    } else {
        c.ipaddr(src);
        c.s(" > ");
        c.ipaddr(dst);
        c.s(":");
        if !c.opts.numeric
            && let Some(n) = c.names.protoname(proto)
        {
            c.s(" ");
            c.s(&n);
        } else {
            c.s(" ip-proto-");
            c.dec(proto);
        }
    }
    Ok(())
}

/// The payload of an IPv4 or IPv6 packet by next-protocol number.
pub(crate) fn demux(
    c: &mut Ctx,
    d: &[u8],
    length: usize,
    ip: &IpInfo<'_>,
    fragmented: bool,
    nh: u8,
) -> R {
    match nh {
        6 => super::tcp::print(c, d, length, ip, fragmented),
        17 => super::udp::print(c, d, length, ip, fragmented),
        1 => {
            if !ip.v6 {
                super::icmp::print(c, d, length, fragmented)
            } else {
                c.s("[ICMP requires IPv4]");
                c.invalid();
                Ok(())
            }
        }
        58 => {
            if ip.v6 {
                super::icmp6::print(c, d, length, ip, fragmented)
            } else {
                c.s("[ICMPv6 requires IPv6]");
                c.invalid();
                Ok(())
            }
        }
        4 => print(c, d, length),
        41 => super::ip6::print(c, d, length),
        2 => {
            if !ip.v6 {
                super::igmp::print(c, d, length)
            } else {
                c.s("[IGMP requires IPv4]");
                c.invalid();
                Ok(())
            }
        }
        132 => super::sctp::print(c, d, length, ip),
        89 if !ip.v6 => super::ospf::print(c, d, length),
        89 => super::ospf6::print(c, d, length),
        103 => super::pim::print(c, d, length, ip),
        46 => super::rsvp::print(c, d, length),
        88 => super::eigrp::print(c, d, length),
        108 => super::ipmisc::ipcomp(c, d),
        8 => super::ipmisc::egp(c, d, length),
        113 => super::ipmisc::pgm(c, d, length, ip),
        55 => super::ipmisc::mobile(c, d, length),
        9 => super::ipmisc::igrp(c, d, length),
        77 => {
            c.s(" nd ");
            c.dec(length as u64);
            Ok(())
        }
        143 if ip.v6 => super::ether::print(c, d, length).map(|_| ()),
        135 | 62 if ip.v6 => super::ipmisc::mobility(c, d),
        33 => super::ipmisc::dccp(c, d, length, ip),
        143 => {
            c.s("[Ethernet requires IPv6]");
            c.invalid();
            Ok(())
        }
        50 => super::misc::esp(c, d, length, Some(ip), fragmented),
        51 => super::ah::print(c, d, length, ip, fragmented),
        47 => super::misc::gre(c, d, length),
        112 if c.opts.packet_type == Some(PacketType::Carp) => {
            super::misc::carp(c, d, length, ip.ttl)
        }
        112 => super::misc::vrrp(c, d, length, ip, ip.ttl),
        59 => {
            c.s("no next header");
            Ok(())
        }
        _ => {
            if !c.opts.numeric
                && let Some(n) = c.names.protoname(nh)
            {
                c.s(" ");
                c.s(&n);
            } else {
                c.s(" ip-proto-");
                c.dec(nh);
            }
            c.s(" ");
            c.dec(length as u64);
            Ok(())
        }
    }
}
