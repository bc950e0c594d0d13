//! ICMPv6: errors, echo, neighbour and router discovery, MLD summaries.

use super::hex::hex_only;
use super::icmp6_info;
use super::ip::{IpInfo, next_proto_cksum, shouldbe};
use super::out::Put;
use super::{Ctx, R, Trunc, be16, be32, bytes, u8_at};

fn type_name(t: u8) -> Option<&'static str> {
    Some(match t {
        1 => "destination unreachable",
        2 => "packet too big",
        3 => "time exceeded in-transit",
        4 => "parameter problem",
        128 => "echo request",
        129 => "echo reply",
        130 => "multicast listener query",
        131 => "multicast listener report",
        132 => "multicast listener done",
        133 => "router solicitation",
        134 => "router advertisement",
        135 => "neighbor solicitation",
        136 => "neighbor advertisement",
        137 => "redirect",
        138 => "router renumbering",
        139 => "who-are-you request",
        140 => "who-are-you reply",
        141 => "inverse neighbor solicitation",
        142 => "inverse neighbor advertisement",
        143 => "multicast listener report v2",
        144 => "ha discovery request",
        145 => "ha discovery reply",
        146 => "mobile router solicitation",
        147 => "mobile router advertisement",
        155 => "RPL",
        200 => "mtrace response",
        201 => "mtrace message",
        _ => return None,
    })
}

fn opt_name(t: u8) -> &'static str {
    match t {
        1 => "source link-address",
        2 => "destination link-address",
        3 => "prefix info",
        4 => "redirected header",
        5 => "mtu",
        7 => "advertisement interval",
        8 => "homeagent information",
        24 => "route info",
        25 => "rdnss",
        31 => "dnssl",
        _ => "unknown",
    }
}

fn lifetime(c: &mut Ctx, v: u32) {
    if v == 0xffff_ffff {
        c.s("infinity");
    } else {
        c.dec(v);
        c.s("s");
    }
}

fn bits(c: &mut Ctx, v: u32, table: &[(u32, &str)]) {
    let mut first = true;
    for (b, n) in table {
        if v & b != 0 {
            if !first {
                c.s(", ");
            }
            c.s(n);
            first = false;
        }
    }
    if first {
        c.s("none");
    }
}

/// Neighbour-discovery options (tcpdump's icmp6_opt_print): `d` starts at
/// the first option. `Ok(false)` for what tcpdump checks and reports as a
/// truncated message (a cut option header, a zero or overlong option length),
/// Err for reads it makes unchecked.
pub(crate) fn options(c: &mut Ctx, d: &[u8], mut resid: isize) -> R<bool> {
    let mut cp = 0usize;
    while cp < d.len() {
        if d.get(cp + 1).is_none() {
            return Ok(false);
        }
        if resid <= 0 {
            return Ok(true);
        }
        let t = d[cp];
        let l = usize::from(d[cp + 1]);
        if l == 0 || cp + (l << 3) > d.len() {
            return Ok(false);
        }
        c.s("\n\t  ");
        c.s(opt_name(t));
        c.s(" option (");
        c.dec(t);
        c.s("), length ");
        c.dec((l << 3) as u64);
        c.s(" (");
        c.dec(l as u64);
        c.s("): ");
        let body = &d[cp + 2..cp + (l << 3)];
        match t {
            1 | 2 => {
                for (i, b) in body.iter().enumerate() {
                    if i > 0 {
                        c.s(":");
                    }
                    c.o.hexw(u64::from(*b), 2);
                }
            }
            5 => {
                let mtu = be32(d, cp + 4)?;
                c.s(" ");
                c.dec(mtu);
                if l != 1 {
                    c.s("bad option length");
                }
            }
            3 => {
                let pfx = bytes(d, cp + 16, 16)?;
                let (plen, f, valid) = (u8_at(d, cp + 2)?, u8_at(d, cp + 3)?, be32(d, cp + 4)?);
                c.ip6addr(pfx);
                c.s("/");
                c.dec(plen);
                if l != 4 {
                    c.s("badlen");
                }
                c.s(", Flags [");
                bits(
                    c,
                    u32::from(f),
                    &[(0x80, "onlink"), (0x40, "auto"), (0x20, "router")],
                );
                c.s("], valid time ");
                lifetime(c, valid);
                let pref = be32(d, cp + 8)?;
                c.s(", pref. time ");
                lifetime(c, pref);
            }
            // tcpdump dumps from the first option, for this option's length.
            4 => super::ppp::unknown_data(c, d, 0, "\n\t    ", l << 3),
            25 => {
                c.s(" lifetime ");
                c.dec(be32(d, cp + 4)?);
                c.s("s,");
                for i in 0..(l - 1) / 2 {
                    let a = bytes(d, cp + 8 + 16 * i, 16)?;
                    c.s(" addr: ");
                    c.ip6addr(a);
                }
            }
            31 => {
                c.s(" lifetime ");
                c.dec(be32(d, cp + 4)?);
                c.s("s, domain(s):");
                let end = cp + (l << 3);
                let mut p = cp + 8;
                while p < end && u8_at(d, p)? != 0 {
                    c.s(" ");
                    match super::dns::name_at(c, d, p) {
                        Some(n) => p = n,
                        None => return Ok(false),
                    }
                }
            }
            7 => {
                c.s(" ");
                c.dec(be32(d, cp + 4)?);
                c.s("ms");
            }
            8 => {
                let (pref, life) = (be16(d, cp + 4)?, be16(d, cp + 6)?);
                c.s(" preference ");
                c.dec(pref);
                c.s(", lifetime ");
                c.dec(life);
            }
            24 => {
                let plen = u8_at(d, cp + 2)?;
                let flags = u8_at(d, cp + 3)?;
                let life = be32(d, cp + 4)?;
                let mut a = [0u8; 16];
                match l {
                    1 => {}
                    2 => a[..8].copy_from_slice(bytes(d, cp + 8, 8)?),
                    3 => a.copy_from_slice(bytes(d, cp + 8, 16)?),
                    _ => return Ok(false),
                }
                c.s(" ");
                c.ip6addr(&a);
                c.s("/");
                c.dec(plen);
                c.s(", pref=");
                c.s(match (flags >> 3) & 3 {
                    0 => "medium",
                    1 => "high",
                    2 => "rsv",
                    _ => "low",
                });
                c.s(", lifetime=");
                lifetime(c, life);
            }
            _ => {
                if c.opts.verbose <= 1 {
                    hex_only(&mut c.o, "\n\t  ", body, 0);
                    return Ok(true);
                }
            }
        }
        if c.opts.verbose > 1 {
            hex_only(&mut c.o, "\n\t    ", body, 0);
        }
        cp += l << 3;
        resid -= (l << 3) as isize;
    }
    Ok(true)
}

/// Options after a fixed part of `hdr` bytes; a checked truncation ends the
/// line with the mark.
fn nd_options(c: &mut Ctx, d: &[u8], hdr: usize, length: usize) -> R {
    if !options(
        c,
        d.get(hdr..).unwrap_or(&[]),
        length as isize - hdr as isize,
    )? {
        c.trunc_mark();
    }
    Ok(())
}

/// First upper-layer (TCP/UDP) header in a quoted IPv6 packet: (proto, offset).
fn upper_layer(d: &[u8]) -> R<(u8, usize)> {
    let mut nh = u8_at(d, 6)?;
    let mut off = 40usize;
    loop {
        match nh {
            0 | 60 | 43 => {
                let n = u8_at(d, off)?;
                let len = (usize::from(u8_at(d, off + 1)?) + 1) << 3;
                nh = n;
                off += len;
            }
            44 => {
                let n = u8_at(d, off)?;
                if be16(d, off + 2)? & 0xfff8 != 0 {
                    return Err(Trunc);
                }
                nh = n;
                off += 8;
            }
            51 => {
                let n = u8_at(d, off)?;
                let len = (usize::from(u8_at(d, off + 1)?) + 2) << 2;
                nh = n;
                off += len;
            }
            6 | 17 => return Ok((nh, off)),
            // tcpdump gives up on any other header.
            _ => return Err(Trunc),
        }
    }
}

pub(crate) fn print(c: &mut Ctx, d: &[u8], length: usize, ip: &IpInfo<'_>, fragmented: bool) -> R {
    c.proto = "icmp6";
    if length == 0 {
        c.s("ICMP6, length 0");
        c.invalid();
        return Ok(());
    }
    let v = c.opts.verbose;
    if v > 0 && !fragmented && d.len() >= length {
        let sum_field = be16(d, 2)?;
        let sum = next_proto_cksum(ip, 58, &d[..length], length);
        if sum != 0 {
            c.s("[bad icmp6 cksum 0x");
            c.o.hexw(u64::from(sum_field), 4);
            c.s(" -> 0x");
            c.o.hexw(u64::from(shouldbe(sum_field, sum)), 4);
            c.s("!] ");
        } else {
            c.s("[icmp6 sum ok] ");
        }
    }
    let t = u8_at(d, 0)?;
    c.s("ICMP6, ");
    match type_name(t) {
        Some(n) => c.s(n),
        None => {
            c.s("unknown icmp6 type (");
            c.dec(t);
            c.s(")");
        }
    }
    if v > 0 && matches!(t, 133 | 134 | 135 | 136 | 137 | 145 | 147) {
        c.s(", length ");
        c.dec(length as u64);
    }
    let code = u8_at(d, 1)?;
    let oip = &d[8.min(d.len())..];
    match t {
        1 => {
            c.s(", ");
            match code {
                0 => c.s("unreachable route"),
                1 => c.s(" unreachable prohibited"),
                2 => c.s("beyond scope"),
                3 => c.s("unreachable address"),
                4 => c.s("unreachable port"),
                _ => {
                    c.s("unknown unreach code (");
                    c.dec(code);
                    c.s(")");
                }
            }
            match code {
                0 | 1 | 3 => {
                    let a = bytes(oip, 24, 16)?;
                    c.s(" ");
                    c.ip6addr(a);
                }
                2 => {
                    let (a, b) = (bytes(oip, 24, 16)?, bytes(oip, 8, 16)?);
                    c.s(" ");
                    c.ip6addr(a);
                    c.s(", source address ");
                    c.ip6addr(b);
                }
                4 => {
                    // tcpdump's get_upperlayer fails softly.
                    let Ok((prot, dport)) =
                        upper_layer(oip).and_then(|(p, off)| Ok((p, be16(oip, off + 2)?)))
                    else {
                        c.trunc_mark();
                        return Ok(());
                    };
                    let dst = bytes(oip, 24, 16)?;
                    c.s(", ");
                    c.ip6addr(dst);
                    match prot {
                        6 => {
                            c.s(" tcp port ");
                            c.tcpport(dport);
                        }
                        17 => {
                            c.s(" udp port ");
                            c.udpport(dport);
                        }
                        _ => {
                            c.s(" protocol ");
                            c.dec(prot);
                            c.s(" port ");
                            c.dec(dport);
                            c.s(" unreachable");
                        }
                    }
                }
                _ => {
                    if v <= 1 {
                        hex_only(&mut c.o, "\n\t", &d[..length.min(d.len())], 0);
                        return Ok(());
                    }
                }
            }
        }
        2 => {
            let mtu = be32(d, 4)?;
            c.s(", mtu ");
            c.dec(mtu);
        }
        3 => match code {
            0 => {
                let a = bytes(oip, 24, 16)?;
                c.s(" for ");
                c.ip6addr(a);
            }
            1 => c.s(" (reassembly)"),
            _ => {
                c.s(", unknown code (");
                c.dec(code);
                c.s(")");
            }
        },
        4 => {
            if oip.len() < 40 {
                c.trunc_mark();
                return Ok(());
            }
            let p = be32(d, 4)?;
            match code {
                0 => c.s(", erroneous - octet "),
                1 => c.s(", next header - octet "),
                2 => c.s(", option - octet "),
                3 => c.s(", incomplete header chain - octet "),
                _ => {
                    c.s(", code-#");
                    c.dec(code);
                }
            }
            if code <= 3 {
                c.dec(p);
            }
        }
        128 | 129 => {
            let (id, seq) = (be16(d, 4)?, be16(d, 6)?);
            c.s(", id ");
            c.dec(id);
            c.s(", seq ");
            c.dec(seq);
        }
        130 if length != 24 => {
            if length >= 28 {
                c.s(" v2");
                mldv2_query(c, d, length)?;
            } else {
                c.s(" unknown-version (len ");
                c.dec(length as u64);
                c.s(") ");
            }
        }
        130..=132 => {
            // Nothing at all unless the whole message was captured.
            if let (Ok(delay), Ok(a)) = (be16(d, 4), bytes(d, 8, 16)) {
                c.s("max resp delay: ");
                c.dec(delay);
                c.s(" addr: ");
                c.ip6addr(a);
            }
        }
        133 => {
            if v > 0 {
                nd_options(c, d, 8, length)?;
            }
        }
        134 => {
            if v > 0 {
                let hop = u8_at(d, 4)?;
                let flags = u8_at(d, 5)?;
                let (life, reach, retrans) = (be16(d, 6)?, be32(d, 8)?, be32(d, 12)?);
                c.s("\n\thop limit ");
                c.dec(hop);
                c.s(", Flags [");
                bits(
                    c,
                    u32::from(flags),
                    &[
                        (0x80, "managed"),
                        (0x40, "other stateful"),
                        (0x20, "home agent"),
                        (0x02, "ipv6 only"),
                    ],
                );
                c.s("], pref ");
                c.s(match (flags >> 3) & 3 {
                    0 => "medium",
                    1 => "high",
                    2 => "rsv",
                    _ => "low",
                });
                c.s(", router lifetime ");
                c.dec(life);
                c.s("s, reachable time ");
                c.dec(reach);
                c.s("ms, retrans timer ");
                c.dec(retrans);
                c.s("ms");
                nd_options(c, d, 16, length)?;
            }
        }
        135 => {
            let t = bytes(d, 8, 16)?;
            c.s(", who has ");
            c.ip6addr(t);
            if v > 0 {
                nd_options(c, d, 24, length)?;
            }
        }
        136 => {
            let t = bytes(d, 8, 16)?;
            c.s(", tgt is ");
            c.ip6addr(t);
            if v > 0 {
                c.s(", Flags [");
                let f = be32(d, 4)?;
                bits(
                    c,
                    f,
                    &[
                        (0x8000_0000, "router"),
                        (0x4000_0000, "solicited"),
                        (0x2000_0000, "override"),
                    ],
                );
                c.s("]");
                nd_options(c, d, 24, length)?;
            }
        }
        137 => {
            let dst = bytes(d, 24, 16)?;
            c.s(", ");
            c.ip6addr(dst);
            let target = bytes(d, 8, 16)?;
            c.s(" to ");
            c.ip6addr(target);
            if v > 0 {
                nd_options(c, d, 40, length)?;
            }
        }
        138 => icmp6_info::marked(c, |c| icmp6_info::router_renumbering(c, d))?,
        139 | 140 => icmp6_info::marked(c, |c| icmp6_info::nodeinfo(c, d, length))?,
        141 | 142 => {}
        143 => mldv2_report(c, d, length)?,
        144..=147 => icmp6_info::mobile(c, d, length)?,
        155 => icmp6_info::rpl(c, d, length)?,
        _ => {
            c.s(", length ");
            c.dec(length as u64);
            if v <= 1 {
                hex_only(&mut c.o, "\n\t", &d[..length.min(d.len())], 0);
            }
            return Ok(());
        }
    }
    if v == 0 {
        c.s(", length ");
        c.dec(length as u64);
    }
    Ok(())
}

fn mldv2_report(c: &mut Ctx, d: &[u8], len: usize) -> R {
    if len < 8 {
        c.s(" [invalid len ");
        c.dec(len as u64);
        c.s("]");
        return Ok(());
    }
    let ngroups = be16(d, 6)?;
    c.s(", ");
    c.dec(ngroups);
    c.s(" group record(s)");
    if c.opts.verbose > 0 {
        let mut group = 8usize;
        for _ in 0..ngroups {
            if len < group + 20 {
                c.s(" [invalid number of groups]");
                return Ok(());
            }
            let ga = bytes(d, group + 4, 16)?;
            let rt = u8_at(d, group)?;
            c.s(" [gaddr ");
            c.ip6addr(ga);
            c.s(" ");
            match rt {
                1 => c.s("is_in"),
                2 => c.s("is_ex"),
                3 => c.s("to_in"),
                4 => c.s("to_ex"),
                5 => c.s("allow"),
                6 => c.s("block"),
                _ => {
                    c.s(" [v2-report-#");
                    c.dec(rt);
                    c.s("]");
                }
            }
            let nsrcs = usize::from(be16(d, group + 2)?);
            if len < group + 20 + nsrcs * 16 {
                c.s(" [invalid number of sources ");
                c.dec(nsrcs as u64);
                c.s("]");
                return Ok(());
            }
            super::igmp::group_sources(c, d, group + 20, nsrcs, 16)?;
            group += 20 + nsrcs * 16;
            c.s("]");
        }
    }
    Ok(())
}

fn mldv2_query(c: &mut Ctx, d: &[u8], len: usize) -> R {
    let mrc = u32::from(be16(d, 4)?);
    let mrt = if mrc < 32768 {
        mrc
    } else {
        ((mrc & 0x0fff) | 0x1000) << (((mrc & 0x7000) >> 12) + 3)
    };
    if c.opts.verbose > 0 {
        c.s(" [max resp delay=");
        c.dec(mrt);
        c.s("]");
    }
    // Each field is printed as soon as it is read, as tcpdump does.
    let gaddr = bytes(d, 8, 16)?;
    c.s(" [gaddr ");
    c.ip6addr(gaddr);
    if c.opts.verbose > 0 {
        let sqrv = u8_at(d, 24)?;
        if sqrv & 0x08 != 0 {
            c.s(" sflag");
        }
        if sqrv & 0x07 != 0 {
            c.s(" robustness=");
            c.dec(sqrv & 0x07);
        }
        let qqic = u32::from(u8_at(d, 25)?);
        let qqi = if qqic < 128 {
            qqic
        } else {
            ((qqic & 0x0f) | 0x10) << (((qqic & 0x70) >> 4) + 3)
        };
        c.s(" qqi=");
        c.dec(qqi);
    }
    let nsrcs = usize::from(be16(d, 26)?);
    if nsrcs > 0 {
        if len < 28 + nsrcs * 16 {
            c.s(" [invalid number of sources]");
        } else if c.opts.verbose > 1 {
            c.s(" {");
            for j in 0..nsrcs {
                let a = bytes(d, 28 + j * 16, 16)?;
                c.s(" ");
                c.ip6addr(a);
            }
            c.s(" }");
        } else {
            c.s(", ");
            c.dec(nsrcs as u64);
            c.s(" source(s)");
        }
    }
    c.s("]");
    Ok(())
}
